// Master patient index and timelines over the encrypted database: duplicate check (R-6.1.1a/b),
// pseudonyms (R-6.1.1c), merge and unmerge with lineage (R-6.1.1d), versioned timeline events with
// attached files (R-6.1.2a-d). Every resident ID here is synthetic (check character computed).

#include "mdp/crypto/Crypto.h"
#include "mdp/crypto/Random.h"
#include "mdp/foundation/Clock.h"
#include "mdp/registry/IdentitySeal.h"
#include "mdp/registry/MergeFollower.h"
#include "mdp/registry/Pseudonymizer.h"
#include "mdp/registry/RegistryAuditSink.h"
#include "mdp/registry/ResidentId.h"
#include "mdp/registry/SqlCipherRegistry.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <barrier>
#include <thread>

using namespace mdp;
using namespace mdp::registry;

namespace {

template<typename T> QString why(const Result<T> &r)
{
    return r ? QString() : r.error().toString();
}

class RecordingSink final : public RegistryAuditSink
{
public:
    void record(const RegistryAuditRecord &r) override { records << r; }
    qsizetype count(QStringView type, bool success = true) const
    {
        return std::count_if(records.cbegin(), records.cend(), [&](const RegistryAuditRecord &r) {
            return r.type == type && r.success == success;
        });
    }
    QList<RegistryAuditRecord> records;
};

// Records of another module filed under a patient, in a table of the same database: what the
// workspace's form store is to the registry.
class TableFollower final : public MergeFollower
{
public:
    explicit TableFollower(store::Database &db)
        : m_db(db)
    {}
    Result<void> create()
    {
        auto r = m_db.execute(
            QStringLiteral("CREATE TABLE IF NOT EXISTS test_filed (id TEXT PRIMARY KEY, patient_id TEXT)"));
        if (!r)
            return r.error();
        return {};
    }
    Result<void> file(const QString &id, const QUuid &patient)
    {
        auto r = m_db.execute(QStringLiteral("INSERT INTO test_filed (id, patient_id) VALUES (?1, ?2)"),
                              {id, patient.toString(QUuid::WithoutBraces)});
        if (!r)
            return r.error();
        return {};
    }
    QStringList filedUnder(const QUuid &patient)
    {
        QStringList ids;
        auto rs = m_db.query(QStringLiteral("SELECT id FROM test_filed WHERE patient_id = ?1 ORDER BY id"),
                             {patient.toString(QUuid::WithoutBraces)});
        for (const auto &row : rs.value())
            ids << row.at(0).toString();
        return ids;
    }
    QString name() const override { return QStringLiteral("test_records"); }
    Result<Moved> followMerge(const MergeRecord &merge) override
    {
        const QStringList ids = filedUnder(merge.mergedId);
        auto r = m_db.execute(
            QStringLiteral("UPDATE test_filed SET patient_id = ?1 WHERE patient_id = ?2"),
            {merge.survivorId.toString(QUuid::WithoutBraces), merge.mergedId.toString(QUuid::WithoutBraces)});
        if (!r)
            return r.error();
        return Moved{QJsonArray::fromStringList(ids), int(ids.size())};
    }
    Result<void> followUnmerge(const MergeRecord &merge, const QJsonValue &lineage) override
    {
        for (const QJsonValue &id : lineage.toArray()) {
            auto r = m_db.execute(QStringLiteral("UPDATE test_filed SET patient_id = ?1 WHERE id = ?2"),
                                  {merge.mergedId.toString(QUuid::WithoutBraces), id.toString()});
            if (!r)
                return r.error();
        }
        return {};
    }

private:
    store::Database &m_db;
};

QString syntheticId(const QString &region, QDate birth, int sequence)
{
    const QString first17 = region + birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + ResidentId::checkCharacter(first17);
}

PatientDraft draftFor(const QString &name, Sex sex, QDate birth, const QString &residentId,
                      bool verified = true)
{
    PatientDraft d;
    d.name = PersonName::fromFullName(name);
    d.sex = sex;
    d.birthDate = birth;
    d.contact.phone = QStringLiteral("+86 10 5555 0100");
    if (!residentId.isEmpty())
        d.identifiers << PatientIdentifier{IdentifierType::ResidentId, residentId, {}, verified};
    return d;
}

EventDraft eventOn(EventType type, QDate start, const QString &title)
{
    EventDraft e;
    e.type = type;
    e.start = EventTime::fromDate(start);
    e.title = title;
    return e;
}

// Minimal but well-formed files of each supported type.
QByteArray pdfBytes(int padding = 0)
{
    return QByteArrayLiteral("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n") + QByteArray(padding, ' ') +
           QByteArrayLiteral("trailer << /Root 1 0 R >>\n%%EOF\n");
}
QByteArray pngBytes()
{
    QByteArray b = QByteArrayLiteral("\x89PNG\r\n\x1a\n");
    b += QByteArrayLiteral(
        "\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde");
    b += QByteArrayLiteral("\x00\x00\x00\x00IEND\xae\x42\x60\x82");
    return b;
}
QByteArray jpegBytes()
{
    return QByteArrayLiteral("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00") +
           QByteArray(64, '\x11') + QByteArrayLiteral("\xff\xd9");
}
QByteArray dicomBytes()
{
    // 128-byte preamble, "DICM", then (0002,0000) UL 4 = group length.
    return QByteArray(128, '\0') + QByteArrayLiteral("DICM\x02\x00\x00\x00UL\x04\x00\x00\x00\x00\x00") +
           QByteArray(32, '\0');
}

} // namespace

class tst_Registry : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    int m_serial = 0;
    QString m_dbPath;
    SecureBytes m_dbKey;
    SecureBytes m_registryKey;
    SecureBytes m_identityKey;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC)};
    RecordingSink m_sink;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::Vault> m_vault;
    std::unique_ptr<SqlCipherRegistry> m_reg;
    const QString m_actor = QStringLiteral("0f9d3c1e-0000-4000-8000-00000000a11c");

    std::unique_ptr<store::Database> openDatabase(bool create)
    {
        store::Database::Options o;
        o.path = m_dbPath;
        o.key = m_dbKey;
        o.create = create;
        o.clock = &m_clock;
        auto db = store::Database::open(std::move(o));
        if (!db)
            qWarning("%s", qPrintable(db.error().toString()));
        return db ? std::move(db.value()) : nullptr;
    }

    std::unique_ptr<SqlCipherRegistry>
    openRegistry(store::Database &db, RegistryAuditSink &sink,
                 SqlCipherRegistry::Options options = SqlCipherRegistry::Options(), bool withIdentity = true)
    {
        options.vault = m_vault.get();
        if (!options.identityKey && withIdentity)
            options.identityKey = m_identityKey;
        auto r = SqlCipherRegistry::open(db, m_clock, sink, m_registryKey, std::move(options));
        if (!r)
            qWarning("%s", qPrintable(r.error().toString()));
        return r ? std::move(r.value()) : nullptr;
    }

    Patient create(const PatientDraft &draft)
    {
        auto p = m_reg->createPatient(m_actor, draft);
        if (!p)
            qWarning("%s", qPrintable(p.error().toString()));
        return p ? p.value() : Patient();
    }

    qint64 count(const QString &table)
    {
        auto r = m_db->queryOne(QStringLiteral("SELECT COUNT(*) FROM ") + table);
        return r && r.value() ? r.value()->at(0).toLongLong() : -1;
    }

    // Every row of every registry table except the merge log itself: the state merge and unmerge act on.
    QStringList dump()
    {
        QStringList out;
        for (const char *table : {"registry_patients", "registry_patient_versions", "registry_identifiers",
                                  "registry_events", "registry_event_versions", "registry_attachments",
                                  "registry_duplicate_candidates", "registry_project_pseudonyms"}) {
            auto rs =
                m_db->query(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(QLatin1String(table)));
            if (!rs)
                return {rs.error().toString()};
            for (const auto &row : rs.value()) {
                QStringList cells;
                for (const QVariant &v : row)
                    cells << (v.isNull() ? QStringLiteral("NULL")
                                         : (v.typeId() == QMetaType::QByteArray
                                                ? QString::fromLatin1(v.toByteArray().toHex())
                                                : v.toString()));
                out << QLatin1String(table) + QLatin1Char('|') + cells.join(QLatin1Char('|'));
            }
        }
        return out;
    }

    QString storeBlob(const QByteArray &bytes)
    {
        auto id = m_vault->put(bytes);
        return id ? id.value() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        crypto::initialise();
        store::Vault::Options vo;
        vo.directory = m_tmp.filePath(QStringLiteral("vault"));
        vo.dataKey = crypto::randomKey();
        vo.create = true;
        auto vault = store::Vault::open(std::move(vo));
        QVERIFY2(vault.ok(), qPrintable(why(vault)));
        m_vault = std::move(vault.value());
    }

    void init()
    {
        m_dbPath = m_tmp.filePath(QStringLiteral("registry-%1.db").arg(++m_serial));
        m_dbKey = crypto::randomKey();
        m_registryKey = crypto::randomKey();
        m_identityKey = crypto::randomKey();
        m_sink.records.clear();
        m_db = openDatabase(true);
        QVERIFY(m_db);
        m_reg = openRegistry(*m_db, m_sink);
        QVERIFY(m_reg);
    }

    void cleanup()
    {
        m_reg.reset();
        m_db.reset();
    }

    void migrationsBringAnEmptyDatabaseToHead()
    {
        auto version = m_db->schemaVersion(QStringLiteral("registry"));
        QVERIFY2(version.ok(), qPrintable(why(version)));
        QCOMPARE(version.value(), 3);
        // Opening again applies nothing twice.
        RecordingSink sink;
        QVERIFY(openRegistry(*m_db, sink));
        QCOMPARE(m_db->schemaVersion(QStringLiteral("registry")).value(), 3);
    }

    // Every text value of the registry's tables, as the database key alone shows them.
    QString rawRegistryText()
    {
        QString text;
        for (const char *table : {"registry_patients", "registry_identifiers", "registry_patient_versions"}) {
            auto rs = m_db->query(QStringLiteral("SELECT * FROM %1").arg(QLatin1String(table)));
            if (!rs)
                return QString();
            for (const auto &row : rs.value()) {
                for (const QVariant &v : row)
                    text += v.toString() + QString::fromLatin1(v.toByteArray()) + u'\n';
            }
        }
        return text;
    }

    // Issue 9 part 2: names, phone and identifier values are sealed under the
    // identity key; the database key alone, which every role reaches, shows none of them. Positive
    // control: the same registry with the key reads them all back.
    void identityIsSealedAtRest()
    {
        const QString residentId = QStringLiteral("650102197511118889");
        Patient p =
            create(draftFor(QStringLiteral("欧阳娜娜"), Sex::Female, QDate(1975, 11, 11), residentId));
        QVERIFY(!p.id.isNull());
        PatientDraft changed = draftFor(QStringLiteral("欧阳娜娜"), Sex::Female, QDate(1975, 11, 11), {});
        changed.contact.address = QStringLiteral("北京市东城区和平里七区");
        QVERIFY(m_reg->updatePatient(m_actor, p.id, changed, 1, QStringLiteral("new address")).ok());
        const QString raw = rawRegistryText();
        QVERIFY(raw.contains(p.pseudonymId)); // the scan itself works
        for (const QString &secret :
             {QStringLiteral("欧阳"), QStringLiteral("娜娜"), QStringLiteral("ouyang"), residentId,
              QStringLiteral("5555 0100"), QStringLiteral("和平里")})
            QVERIFY2(!raw.contains(secret), qPrintable(secret));
        auto back = m_reg->patient(m_actor, p.id);
        QVERIFY(back.ok());
        QCOMPARE(back->name.display(), QStringLiteral("欧阳娜娜"));
        QCOMPARE(back->contact.address, QStringLiteral("北京市东城区和平里七区"));
        QCOMPARE(back->identifiers.value(0).value, residentId);
        auto history = m_reg->patientHistory(p.id);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->first().state.identifiers.value(0).value, residentId);
        QVERIFY(history->first().state.contact.address.isEmpty());
    }

    // A session whose roles lack the identity key reads the registry without identity and cannot
    // write it, look up identifiers or test a guessed resident ID.
    void withoutTheIdentityKeyIdentityStaysSealed()
    {
        const QString residentId = QStringLiteral("110101198001011232");
        const Patient p = create(draftFor(QStringLiteral("张三"), Sex::Male, QDate(1980, 1, 1), residentId));
        QVERIFY(!p.id.isNull());
        RecordingSink sink;
        auto researcher = openRegistry(*m_db, sink, SqlCipherRegistry::Options(), false);
        QVERIFY(researcher);
        auto seen = researcher->patient(m_actor, p.id);
        QVERIFY(seen.ok());
        QCOMPARE(seen->pseudonymId, p.pseudonymId);
        QCOMPARE(seen->birthDate, QDate(1980, 1, 1));
        QVERIFY(seen->name.display().isEmpty());
        QVERIFY(seen->contact.phone.isEmpty());
        QCOMPARE(seen->identifiers.size(), 1);
        QVERIFY(seen->identifiers.first().value.isEmpty());
        auto history = researcher->patientHistory(p.id);
        QVERIFY(history.ok());
        QVERIFY(history->first().state.name.display().isEmpty());
        QCOMPARE(researcher->findByIdentifier(m_actor, {IdentifierType::ResidentId, residentId, {}, true})
                     .error()
                     .code,
                 Error::Code::PermissionDenied);
        QCOMPARE(
            researcher
                ->createPatient(m_actor, draftFor(QStringLiteral("李四"), Sex::Male, QDate(1981, 1, 1), {}))
                .error()
                .code,
            Error::Code::PermissionDenied);
        QCOMPARE(
            researcher->checkDuplicates(draftFor(QStringLiteral("张三"), Sex::Male, QDate(1980, 1, 1), {}))
                .error()
                .code,
            Error::Code::PermissionDenied);
        // The index key is not the pseudonym key: the stored hash is not what the registry key gives.
        const Pseudonymizer pseudonyms(m_registryKey);
        auto stored = m_db->queryOne(QStringLiteral("SELECT key_hash FROM registry_identifiers"));
        QVERIFY(stored.ok() && stored.value());
        QVERIFY(stored.value()->at(0).toByteArray() !=
                pseudonyms.identifierKey(u"resident-id", u"", residentId));
        // The index scan without the key carries no names either.
        int scanned = 0;
        QVERIFY(
            SqlCipherRegistry::scanForIndex(*m_db, [&](const Patient &patient, const QList<TimelineEvent> &) {
                ++scanned;
                QVERIFY(patient.name.display().isEmpty());
            }).ok());
        QCOMPARE(scanned, 1);
        int named = 0;
        QVERIFY(SqlCipherRegistry::scanForIndex(
                    *m_db,
                    [&](const Patient &patient, const QList<TimelineEvent> &) {
                        named += patient.name.display() == QStringLiteral("张三");
                    },
                    {}, {}, &m_identityKey)
                    .ok());
        QCOMPARE(named, 1);
    }

    // A sealed identity copied onto another patient's row does not open there.
    void aSealedIdentityMovedToAnotherRowIsRefused()
    {
        const Patient a = create(draftFor(QStringLiteral("张三"), Sex::Male, QDate(1980, 1, 1), {}));
        const Patient b = create(draftFor(QStringLiteral("李四"), Sex::Male, QDate(1981, 1, 1), {}));
        QVERIFY(!a.id.isNull() && !b.id.isNull());
        QVERIFY(m_db->execute(QStringLiteral("UPDATE registry_patients SET identity = (SELECT identity FROM "
                                             "registry_patients WHERE id = ?1) WHERE id = ?2"),
                              {a.idString(), b.idString()})
                    .ok());
        auto moved = m_reg->patient(m_actor, b.id);
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().code, Error::Code::Tampered);
        QVERIFY(m_reg->patient(m_actor, a.id).ok());
    }

    // Rows from before identity was sealed are sealed the first time a session with the key opens
    // the registry; the plain copies are gone and the identifier index is re-keyed.
    void plainRowsFromBeforeAreSealedAtOpen()
    {
        const QString residentId = QStringLiteral("110101198001011232");
        const Pseudonymizer pseudonyms(m_registryKey);
        const QString id = QStringLiteral("6b0e0f7c-0000-4000-8000-000000000001");
        QVERIFY(m_db->execute(QStringLiteral(
                                  "INSERT INTO registry_patients (id, pseudonym, family_name, given_name, "
                                  "pinyin, sex, birth_date, phone, version, created_at, created_by, "
                                  "updated_at, updated_by) VALUES (?1, 'P-AAAAAAAAAAAA', '王', '芳', "
                                  "'wangfang', 'F', '1980-01-01', '13800000000', 1, 0, 'x', 0, 'x')"),
                              {id})
                    .ok());
        QVERIFY(m_db->execute(QStringLiteral(
                                  "INSERT INTO registry_identifiers (patient_id, type, value, issuer, "
                                  "verified, key_hash, added_at, added_by) VALUES (?1, 'resident-id', ?2, "
                                  "'', 1, ?3, 0, 'x')"),
                              {id, residentId, pseudonyms.identifierKey(u"resident-id", u"", residentId)})
                    .ok());
        QVERIFY(m_db->execute(QStringLiteral(
                                  "INSERT INTO registry_patient_versions (patient_id, version, snapshot, "
                                  "change, changed_at, changed_by) VALUES (?1, 1, ?2, 'create', 0, 'x')"),
                              {id, QStringLiteral("{\"family\":\"王\",\"given\":\"芳\",\"sex\":\"F\"}")})
                    .ok());
        // A database from before sealing has no mark that its rows were sealed (this one got it
        // when init() opened the registry on the empty tables).
        QVERIFY(m_db->execute(QStringLiteral("DELETE FROM mdp_meta WHERE key = 'registry_identity_sealed'"))
                    .ok());
        RecordingSink sink;
        auto reopened = openRegistry(*m_db, sink);
        QVERIFY(reopened);
        const QString raw = rawRegistryText();
        QVERIFY(!raw.contains(QStringLiteral("王")));
        QVERIFY(!raw.contains(residentId));
        QVERIFY(!raw.contains(QStringLiteral("13800000000")));
        auto back = reopened->patient(m_actor, QUuid::fromString(id));
        QVERIFY(back.ok());
        QCOMPARE(back->name.display(), QStringLiteral("王芳"));
        QCOMPARE(back->contact.phone, QStringLiteral("13800000000"));
        auto found = reopened->findByIdentifier(m_actor, {IdentifierType::ResidentId, residentId, {}, true});
        QVERIFY(found.ok() && found.value());
        QCOMPARE(found.value()->idString(), id);
        QCOMPARE(reopened->patientHistory(QUuid::fromString(id))->first().state.name.display(),
                 QStringLiteral("王芳"));
    }

    // R-6.1.1c: an internal pseudonymous ID is assigned automatically; pinyin is stored for search.
    void newPatientGetsPseudonymAndPinyin()
    {
        const Patient p = create(draftFor(QStringLiteral("张三"), Sex::Male, QDate(1980, 1, 1),
                                          QStringLiteral("110101198001011232")));
        QVERIFY(!p.id.isNull());
        QVERIFY2(Pseudonymizer::looksLikePatientPseudonym(p.pseudonymId), qPrintable(p.pseudonymId));
        QCOMPARE(p.name.family, QStringLiteral("张"));
        QCOMPARE(p.name.given, QStringLiteral("三"));
        QCOMPARE(p.pinyin, QStringLiteral("zhangsan"));
        QCOMPARE(p.pinyinInitials, QStringLiteral("zs"));
        QCOMPARE(p.version, 1);
        QCOMPARE(p.created, m_clock.now());
        QCOMPARE(p.createdBy, m_actor);
        QCOMPARE(p.identifiers.size(), 1);
        QVERIFY(p.identifiers.first().verified);
        QCOMPARE(m_sink.count(RegistryEvent::PatientCreate), 1);
        QCOMPARE(m_sink.records.last().patients, QStringList{p.pseudonymId});
        auto history = m_reg->patientHistory(p.id);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->first().change, QStringLiteral("create"));
    }

    // The patient list's desk: the patients an account worked on, newest first, its own only, a
    // merged record shown as the one it went into; the list read is audited.
    void recentPatientsAreTheActorsOwnNewestFirst()
    {
        const Patient a = create(draftFor(QStringLiteral("张三"), Sex::Male, QDate(1980, 1, 1),
                                          QStringLiteral("110101198001011232")));
        m_clock.advance(60'000);
        const Patient b = create(draftFor(QStringLiteral("李四"), Sex::Male, QDate(1981, 2, 2), {}));
        m_clock.advance(60'000);
        // Another account registers a third; it is not this account's.
        auto c = m_reg->createPatient(QStringLiteral("someone-else"),
                                      draftFor(QStringLiteral("王五"), Sex::Male, QDate(1982, 3, 3), {}));
        QVERIFY(c.ok());
        m_clock.advance(60'000);
        // Working on the first patient's timeline brings them to the top.
        QVERIFY(
            m_reg->addEvent(m_actor, a.id, eventOn(EventType::Lab, QDate(2024, 2, 1), QStringLiteral("CBC")))
                .ok());

        auto recent = m_reg->recentPatients(m_actor, 10);
        QVERIFY2(recent.ok(), qPrintable(why(recent)));
        QCOMPARE(recent->size(), 2);
        QCOMPARE(recent->at(0).id, a.id);
        QCOMPARE(recent->at(1).id, b.id);
        QCOMPARE(m_sink.records.last().patients, (QStringList{a.pseudonymId, b.pseudonymId}));

        auto theirs = m_reg->recentPatients(QStringLiteral("someone-else"), 10);
        QVERIFY(theirs.ok());
        QCOMPARE(theirs->size(), 1);
        QCOMPARE(theirs->at(0).id, c->id);
        QCOMPARE(m_reg->recentPatients(QStringLiteral("nobody"), 10)->size(), 0);
    }

    // R-6.1.3b: format and consistency checks on entry; nothing is saved on refusal.
    void invalidDraftsAreRefusedAndNothingIsSaved()
    {
        const QDate birth(1980, 1, 1);
        const QString id = QStringLiteral("110101198001011232"); // male, 1980-01-01
        struct Case
        {
            PatientDraft draft;
            QString expected;
        };
        QList<Case> cases{
            {draftFor(QStringLiteral("张三"), Sex::Male, birth, QStringLiteral("110101198001011233")),
             QStringLiteral("check character")},
            {draftFor(QStringLiteral("张三"), Sex::Male, QDate(1980, 1, 2), id),
             QStringLiteral("birth date entered")},
            {draftFor(QStringLiteral("张三"), Sex::Female, birth, id), QStringLiteral("sex entered")},
            {draftFor(QStringLiteral("张三"), Sex::Male, QDate(2026, 3, 2), {}), QStringLiteral("future")},
            {draftFor(QString(), Sex::Male, birth, id), QStringLiteral("needs a name")},
            {draftFor(QStringLiteral("张三"), Sex::Male, QDate(), {}),
             QStringLiteral("birth date is missing")},
        };
        PatientDraft twice = draftFor(QStringLiteral("张三"), Sex::Male, birth, id);
        twice.identifiers << PatientIdentifier{
            IdentifierType::ResidentId, QStringLiteral("110101 19800101 1232"), {}, false};
        cases << Case{twice, QStringLiteral("entered twice")};
        PatientDraft badPhone = draftFor(QStringLiteral("张三"), Sex::Male, birth, id);
        badPhone.contact.phone = QStringLiteral("call me");
        cases << Case{badPhone, QStringLiteral("phone")};
        for (const Case &c : std::as_const(cases)) {
            auto r = m_reg->createPatient(m_actor, c.draft);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, Error::Code::InvalidArgument);
            QVERIFY2(r.error().message.contains(c.expected), qPrintable(r.error().message));
            QVERIFY(!r.error().message.contains(id));
        }
        QCOMPARE(count(QStringLiteral("registry_patients")), 0);
        QCOMPARE(count(QStringLiteral("registry_identifiers")), 0);
    }

    // R-6.1.1a, R-6.1.1b: a verified national ID exists once; the operator is shown the existing record.
    void verifiedIdentifierDuplicateIsRefusedNamingTheExistingRecord()
    {
        const Patient first = create(draftFor(QStringLiteral("李四"), Sex::Female, QDate(1990, 3, 7),
                                              QStringLiteral("310104199003074561"), true));
        QVERIFY(!first.id.isNull());
        m_sink.records.clear();
        // Another name, the same number typed differently (spaces, lower-case, unverified): still refused.
        for (const QString &spelling :
             {QStringLiteral("310104199003074561"), QStringLiteral("310104 19900307 4561")}) {
            for (bool verified : {true, false}) {
                const PatientDraft second =
                    draftFor(QStringLiteral("王五"), Sex::Female, QDate(1990, 3, 7), spelling, verified);
                auto r = m_reg->createPatient(m_actor, second);
                QVERIFY(!r.ok());
                QCOMPARE(r.error().code, Error::Code::AlreadyExists);
                QVERIFY2(r.error().message.contains(first.pseudonymId), qPrintable(r.error().message));
                QVERIFY(!r.error().message.contains(QStringLiteral("310104199003074561")));
                auto check = m_reg->checkDuplicates(second);
                QVERIFY2(check.ok(), qPrintable(why(check)));
                QVERIFY(check->blocking.has_value());
                QCOMPARE(check->blocking->pseudonymId, first.pseudonymId);
                QCOMPARE(check->blocking->patientId, first.id);
                QCOMPARE(check->blocking->identifierType, IdentifierType::ResidentId);
            }
        }
        QCOMPARE(count(QStringLiteral("registry_patients")), 1);
        // The refusal is audited against the existing record, by pseudonym only.
        QCOMPARE(m_sink.count(RegistryEvent::PatientCreate, false), 4);
        QCOMPARE(m_sink.records.last().patients, QStringList{first.pseudonymId});
    }

    // R-6.1.1b: an exact match on identifiers that nobody verified waits for the operator's decision,
    // then is queued.
    void unverifiedIdentifierMatchIsQueuedForAnOperator()
    {
        PatientDraft a = draftFor(QStringLiteral("赵六"), Sex::Male, QDate(1975, 11, 11), {});
        a.identifiers << PatientIdentifier{IdentifierType::HospitalMrn, QStringLiteral("MRN-0042"),
                                           QStringLiteral("Hospital A"), false};
        PatientDraft b = draftFor(QStringLiteral("钱七"), Sex::Female, QDate(1960, 5, 5), {});
        b.identifiers << PatientIdentifier{IdentifierType::HospitalMrn, QStringLiteral("mrn 0042"),
                                           QStringLiteral("hospital a"), false};
        const Patient pa = create(a);
        QCOMPARE(m_reg->createPatient(m_actor, b).error().code, Error::Code::Conflict);
        auto pb = m_reg->createPatient(
            m_actor, b,
            DuplicateDecision{DuplicateDecision::Choice::CreateSeparate, QStringLiteral("two people")});
        QVERIFY(!pa.id.isNull() && pb.ok());
        auto queue = m_reg->possibleDuplicates(DuplicateStatus::Open);
        QVERIFY(queue.ok());
        QCOMPARE(queue->size(), 1);
        QVERIFY(queue->first().reasons.contains(QStringLiteral("same-identifier-unverified")));
        // The same number from another hospital is another identifier.
        PatientDraft c = draftFor(QStringLiteral("孙八"), Sex::Male, QDate(1970, 1, 1), {});
        c.identifiers << PatientIdentifier{IdentifierType::HospitalMrn, QStringLiteral("MRN-0042"),
                                           QStringLiteral("Hospital B"), true};
        QVERIFY(!create(c).id.isNull());
        QCOMPARE(m_reg->possibleDuplicates(DuplicateStatus::Open)->size(), 1);
    }

    // R-6.1.1b: a second patient with the same checksum-valid resident ID, verified on neither side, is
    // not created silently: registration is refused naming the existing record, and the operator
    // decides.
    void unverifiedResidentIdDuplicateNeedsTheOperatorsDecision()
    {
        const QDate birth(1988, 8, 8);
        const QString rid = syntheticId(QStringLiteral("440106"), birth, 246);
        const Patient first = create(draftFor(QStringLiteral("周九"), Sex::Female, birth, rid, false));
        QVERIFY(!first.id.isNull());
        m_sink.records.clear();
        const PatientDraft second = draftFor(QStringLiteral("吴十"), Sex::Female, birth, rid, false);

        auto refused = m_reg->createPatient(m_actor, second);
        QVERIFY2(!refused.ok(), "a second record with the same resident ID was created silently");
        QCOMPARE(refused.error().code, Error::Code::Conflict);
        QVERIFY2(refused.error().message.contains(first.pseudonymId), qPrintable(refused.error().message));
        QVERIFY(!refused.error().message.contains(rid));
        QCOMPARE(count(QStringLiteral("registry_patients")), 1);
        QCOMPARE(count(QStringLiteral("registry_duplicate_candidates")), 0);
        QCOMPARE(m_sink.count(RegistryEvent::PatientCreate, false), 1);
        QCOMPARE(m_sink.records.last().patients, QStringList{first.pseudonymId});
        QCOMPARE(m_sink.records.last().detail.value(QStringLiteral("refused")).toString(),
                 QStringLiteral("duplicate-identifier-unverified"));
        // What the UI shows before the operator decides.
        auto check = m_reg->checkDuplicates(second);
        QVERIFY2(check.ok(), qPrintable(why(check)));
        QVERIFY(!check->blocking);
        QVERIFY(check->sameIdentifier.has_value());
        QCOMPARE(check->sameIdentifier->patientId, first.id);
        QCOMPARE(check->sameIdentifier->identifierType, IdentifierType::ResidentId);

        // A decision needs its reason.
        auto noReason = m_reg->createPatient(
            m_actor, second,
            DuplicateDecision{DuplicateDecision::Choice::CreateSeparate, QStringLiteral("  ")});
        QVERIFY(!noReason.ok());
        QCOMPARE(noReason.error().code, Error::Code::InvalidArgument);
        QCOMPARE(count(QStringLiteral("registry_patients")), 1);

        // The operator decides these are two people: created, the decision audited, the pair queued.
        const QString reason = QStringLiteral("mother and daughter share the card number on the referral");
        auto separate = m_reg->createPatient(
            m_actor, second, DuplicateDecision{DuplicateDecision::Choice::CreateSeparate, reason});
        QVERIFY2(separate.ok(), qPrintable(why(separate)));
        QCOMPARE(count(QStringLiteral("registry_patients")), 2);
        const RegistryAuditRecord &created = m_sink.records.last();
        QCOMPARE(created.type, RegistryEvent::PatientCreate.toString());
        QVERIFY(created.success);
        QCOMPARE(created.detail.value(QStringLiteral("duplicate_decision")).toString(),
                 QStringLiteral("create-separate"));
        QCOMPARE(created.detail.value(QStringLiteral("decision_reason")).toString(), reason);
        QCOMPARE(created.detail.value(QStringLiteral("decided_against")).toString(), first.pseudonymId);
        auto queue = m_reg->possibleDuplicates(DuplicateStatus::Open);
        QVERIFY(queue.ok());
        QCOMPARE(queue->size(), 1);
        QVERIFY(queue->first().reasons.contains(QStringLiteral("same-identifier-unverified")));
    }

    // R-6.1.1d: two records whose verified resident IDs differ are two people; merging them is refused.
    void mergeOfDifferentVerifiedResidentIdsIsRefused()
    {
        const QDate birth(1979, 9, 9);
        const Patient a = create(draftFor(QStringLiteral("郑一"), Sex::Male, birth,
                                          syntheticId(QStringLiteral("320102"), birth, 11), true));
        const Patient b = create(draftFor(QStringLiteral("郑一"), Sex::Male, birth,
                                          syntheticId(QStringLiteral("320102"), birth, 13), true));
        QVERIFY(!a.id.isNull() && !b.id.isNull());
        const QStringList before = dump();
        auto r = m_reg->merge(m_actor, a.id, b.id, QStringLiteral("looked alike"));
        QVERIFY2(!r.ok(), "two people with different verified resident IDs were merged");
        QCOMPARE(r.error().code, Error::Code::Conflict);
        QCOMPARE(dump(), before);
        QCOMPARE(count(QStringLiteral("registry_merges")), 0);
    }

    // R-6.1.1d: only a data manager, as the signed-in principal says (not the actor argument), may
    // override the refusal, with a reason; the override is kept in the lineage and audited.
    void dataManagerMayOverrideAMergeOfDifferentVerifiedIds()
    {
        std::optional<ActingPrincipal> principal;
        SqlCipherRegistry::Options options;
        options.principal = [&] { return principal; };
        m_reg = openRegistry(*m_db, m_sink, options);
        QVERIFY(m_reg);
        const QDate birth(1979, 9, 9);
        const Patient a = create(draftFor(QStringLiteral("郑一"), Sex::Male, birth,
                                          syntheticId(QStringLiteral("320102"), birth, 11), true));
        const Patient b = create(draftFor(QStringLiteral("郑一"), Sex::Male, birth,
                                          syntheticId(QStringLiteral("320102"), birth, 13), true));
        QVERIFY(!a.id.isNull() && !b.id.isNull());
        const QString dataManager = QStringLiteral("0f9d3c1e-0000-4000-8000-0000000000dm");
        const MergeOverride ok{QStringLiteral("the hospital re-issued the card; both numbers are hers")};
        auto attempt = [&](const QString &actor, const MergeOverride &o) {
            return m_reg->merge(actor, a.id, b.id, QStringLiteral("same person"), o);
        };

        // Nobody signed in, a clinician, or a data manager named only in the argument: refused.
        QCOMPARE(attempt(dataManager, ok).error().code, Error::Code::PermissionDenied);
        principal = ActingPrincipal{m_actor, {QStringLiteral("clinician")}};
        QCOMPARE(attempt(m_actor, ok).error().code, Error::Code::PermissionDenied);
        QCOMPARE(attempt(dataManager, ok).error().code, Error::Code::PermissionDenied);
        principal = ActingPrincipal{dataManager, {QStringLiteral("data-manager")}};
        QCOMPARE(attempt(m_actor, ok).error().code, Error::Code::PermissionDenied);
        // The override needs its own reason.
        QCOMPARE(attempt(dataManager, MergeOverride{QStringLiteral(" ")}).error().code,
                 Error::Code::InvalidArgument);
        QCOMPARE(count(QStringLiteral("registry_merges")), 0);

        m_sink.records.clear();
        auto merged = attempt(dataManager, ok);
        QVERIFY2(merged.ok(), qPrintable(why(merged)));
        QCOMPARE(merged->overrideReason, ok.reason);
        QCOMPARE(merged->overrideBy, dataManager);
        QCOMPARE(m_reg->mergeRecord(merged->id)->overrideReason, ok.reason);
        QCOMPARE(m_sink.count(RegistryEvent::PatientMerge), 1);
        const RegistryAuditRecord &audited = m_sink.records.last();
        QCOMPARE(audited.type, RegistryEvent::PatientMerge.toString());
        QCOMPARE(audited.actorId, dataManager);
        QCOMPARE(audited.detail.value(QStringLiteral("override_reason")).toString(), ok.reason);
        QCOMPARE(audited.detail.value(QStringLiteral("override_by")).toString(), dataManager);
    }

    // R-6.1.1d: records another module files under the merged patient move with the merge, inside
    // its transaction: a merge or unmerge that fails after they moved leaves them where they were.
    void mergeFollowersMoveInsideTheMergeTransaction()
    {
        TableFollower follower(*m_db);
        QVERIFY(follower.create());
        QString armed;
        SqlCipherRegistry::Options options;
        options.mergeFollowers << &follower;
        options.faultInjector = [&](QStringView step) -> Result<void> {
            if (step == armed)
                return makeError(Error::Code::Io, QStringLiteral("injected crash at ") + step.toString());
            return {};
        };
        m_reg = openRegistry(*m_db, m_sink, options);
        QVERIFY(m_reg);
        const Patient a = create(draftFor(QStringLiteral("冯二"), Sex::Female, QDate(1961, 2, 2), {}));
        const Patient b = create(draftFor(QStringLiteral("陈三"), Sex::Female, QDate(1962, 3, 3), {}));
        QVERIFY(follower.file(QStringLiteral("r1"), b.id));
        QVERIFY(follower.file(QStringLiteral("r2"), b.id));
        QVERIFY(follower.file(QStringLiteral("r3"), a.id));

        for (const QString &step :
             {QStringLiteral("merge.followers-moved"), QStringLiteral("merge.recorded")}) {
            armed = step;
            QVERIFY(!m_reg->merge(m_actor, a.id, b.id, QStringLiteral("duplicate")).ok());
            QCOMPARE(follower.filedUnder(b.id), (QStringList{QStringLiteral("r1"), QStringLiteral("r2")}));
        }
        armed.clear();
        m_sink.records.clear();
        auto merged = m_reg->merge(m_actor, a.id, b.id, QStringLiteral("duplicate"));
        QVERIFY2(merged.ok(), qPrintable(why(merged)));
        QCOMPARE(follower.filedUnder(a.id),
                 (QStringList{QStringLiteral("r1"), QStringLiteral("r2"), QStringLiteral("r3")}));
        QCOMPARE(merged->followers.value(QStringLiteral("test_records")).toInt(), 2);
        QCOMPARE(m_sink.records.last().detail.value(QStringLiteral("test_records_moved")).toInt(), 2);

        for (const QString &step :
             {QStringLiteral("unmerge.followers-moved"), QStringLiteral("unmerge.recorded")}) {
            armed = step;
            QVERIFY(!m_reg->unmerge(m_actor, merged->id, QStringLiteral("mistake")).ok());
            QCOMPARE(follower.filedUnder(b.id), QStringList());
        }
        armed.clear();
        QVERIFY(m_reg->unmerge(m_actor, merged->id, QStringLiteral("mistake")).ok());
        QCOMPARE(follower.filedUnder(b.id), (QStringList{QStringLiteral("r1"), QStringLiteral("r2")}));
        QCOMPARE(follower.filedUnder(a.id), QStringList{QStringLiteral("r3")});
    }

    // The registry answers where another module may file a record: a live patient, and an event of
    // that patient's own timeline that was not removed.
    void recordSubjectMustBeALivePatientAndItsOwnEvent()
    {
        const Patient a = create(draftFor(QStringLiteral("褚四"), Sex::Male, QDate(1955, 5, 5), {}));
        const Patient b = create(draftFor(QStringLiteral("卫五"), Sex::Male, QDate(1956, 6, 6), {}));
        auto ea =
            m_reg->addEvent(m_actor, a.id, eventOn(EventType::Lab, QDate(2024, 1, 1), QStringLiteral("CBC")));
        auto eb =
            m_reg->addEvent(m_actor, b.id, eventOn(EventType::Lab, QDate(2024, 1, 2), QStringLiteral("CBC")));
        QVERIFY(ea.ok() && eb.ok());
        QCOMPARE(m_reg->checkRecordSubject(a.id, {}).value(), a.pseudonymId);
        QCOMPARE(m_reg->checkRecordSubject(a.id, ea->id).value(), a.pseudonymId);
        QCOMPARE(m_reg->checkRecordSubject(QUuid::createUuid(), {}).error().code, Error::Code::NotFound);
        QCOMPARE(m_reg->checkRecordSubject(a.id, QUuid::createUuid()).error().code, Error::Code::NotFound);
        QCOMPARE(m_reg->checkRecordSubject(a.id, eb->id).error().code, Error::Code::InvalidArgument);
        QVERIFY(m_reg->removeEvent(m_actor, ea->id, QStringLiteral("entered twice")).ok());
        QCOMPARE(m_reg->checkRecordSubject(a.id, ea->id).error().code, Error::Code::Conflict);
        QVERIFY(m_reg->merge(m_actor, a.id, b.id, QStringLiteral("duplicate")).ok());
        auto merged = m_reg->checkRecordSubject(b.id, {});
        QCOMPARE(merged.error().code, Error::Code::Conflict);
        QVERIFY2(merged.error().message.contains(a.pseudonymId), qPrintable(merged.error().message));
    }

    // A newborn registered in the small hours in Beijing (UTC+8) was born "tomorrow" in UTC: the
    // future check uses the workstation's local date.
    void birthDateIsCheckedAgainstTheLocalDate()
    {
        const QByteArray oldTz = qgetenv("TZ");
        const bool hadTz = qEnvironmentVariableIsSet("TZ");
        qputenv("TZ", "Asia/Shanghai");
        auto restore = qScopeGuard([&] {
            if (hadTz)
                qputenv("TZ", oldTz);
            else
                qunsetenv("TZ");
        });
        m_clock.set(QDateTime(QDate(2026, 12, 5), QTime(23, 30), Qt::UTC)); // 2026-12-06 07:30 local
        auto restoreClock =
            qScopeGuard([&] { m_clock.set(QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC)); });
        QCOMPARE(m_clock.now().toLocalTime().date(), QDate(2026, 12, 6));

        const QDate today(2026, 12, 6);
        auto newborn =
            m_reg->createPatient(m_actor, draftFor(QStringLiteral("新生儿"), Sex::Male, today,
                                                   syntheticId(QStringLiteral("110105"), today, 1), false));
        QVERIFY2(newborn.ok(), qPrintable(why(newborn)));
        auto withoutId =
            m_reg->createPatient(m_actor, draftFor(QStringLiteral("婴儿"), Sex::Female, today, {}));
        QVERIFY2(withoutId.ok(), qPrintable(why(withoutId)));

        const QDate tomorrow = today.addDays(1);
        auto future =
            m_reg->createPatient(m_actor, draftFor(QStringLiteral("未来"), Sex::Female, tomorrow, {}));
        QVERIFY(!future.ok());
        QCOMPARE(future.error().code, Error::Code::InvalidArgument);
        QVERIFY2(future.error().message.contains(QStringLiteral("future")),
                 qPrintable(future.error().message));
        auto futureId = m_reg->createPatient(
            m_actor, draftFor(QStringLiteral("未来"), Sex::Male, tomorrow,
                              syntheticId(QStringLiteral("110105"), tomorrow, 3), false));
        QVERIFY(!futureId.ok());
        QCOMPARE(futureId.error().code, Error::Code::InvalidArgument);
    }

    // R-6.1.1a: two connections (two windows, two processes) saving the same person at once leave one
    // record; one of them is told about the other.
    void twoConnectionsSavingTheSameIdAtOnceLeaveOneRecord()
    {
        auto db2 = openDatabase(false);
        QVERIFY(db2);
        RecordingSink sink2;
        auto reg2 = openRegistry(*db2, sink2);
        QVERIFY(reg2);
        constexpr int kRounds = 6;
        int refusedTotal = 0;
        for (int round = 0; round < kRounds; ++round) {
            const QString id =
                syntheticId(QStringLiteral("440305"), QDate(1985, 6, 1 + round), 201 + 2 * round);
            const PatientDraft d1 =
                draftFor(QStringLiteral("陈一"), Sex::Male, QDate(1985, 6, 1 + round), id);
            const PatientDraft d2 =
                draftFor(QStringLiteral("Chen Yi"), Sex::Male, QDate(1985, 6, 1 + round), id);
            std::barrier start(2);
            Result<Patient> r1 = makeError(Error::Code::Unknown, {});
            Result<Patient> r2 = makeError(Error::Code::Unknown, {});
            std::thread t1([&] {
                start.arrive_and_wait();
                r1 = m_reg->createPatient(m_actor, d1);
            });
            std::thread t2([&] {
                start.arrive_and_wait();
                r2 = reg2->createPatient(m_actor, d2);
            });
            t1.join();
            t2.join();
            QVERIFY2(r1.ok() != r2.ok(), qPrintable(why(r1) + QLatin1Char('/') + why(r2)));
            const Result<Patient> &refused = r1.ok() ? r2 : r1;
            const Result<Patient> &saved = r1.ok() ? r1 : r2;
            QCOMPARE(refused.error().code, Error::Code::AlreadyExists);
            QVERIFY(refused.error().message.contains(saved->pseudonymId));
            ++refusedTotal;
        }
        QCOMPARE(refusedTotal, kRounds);
        QCOMPARE(count(QStringLiteral("registry_patients")), kRounds);
        QCOMPARE(count(QStringLiteral("registry_identifiers")), kRounds);
    }

    // R-6.1.1a: the database itself refuses a second verified copy of an identifier, whatever the code
    // above it checks.
    void uniqueIndexRefusesASecondVerifiedIdentifierRow()
    {
        const Patient a = create(draftFor(QStringLiteral("周九"), Sex::Female, QDate(2000, 2, 29),
                                          QStringLiteral("510107200002290029")));
        const Patient b = create(draftFor(QStringLiteral("吴十"), Sex::Male, QDate(1980, 1, 1), {}));
        QVERIFY(!a.id.isNull() && !b.id.isNull());
        auto copy = m_db->execute(
            QStringLiteral(
                "INSERT INTO registry_identifiers (patient_id, type, value, issuer, verified, key_hash, "
                "added_at, added_by) SELECT ?1, type, value, issuer, 1, key_hash, added_at, added_by "
                "FROM registry_identifiers WHERE patient_id = ?2"),
            {b.idString(), a.idString()});
        QVERIFY(!copy.ok());
        QCOMPARE(copy.error().code, Error::Code::AlreadyExists);
        // An unverified copy is allowed by the index (it is what the queue is for).
        auto unverified = m_db->execute(
            QStringLiteral(
                "INSERT INTO registry_identifiers (patient_id, type, value, issuer, verified, key_hash, "
                "added_at, added_by) SELECT ?1, type, value, issuer, 0, key_hash, added_at, added_by "
                "FROM registry_identifiers WHERE patient_id = ?2"),
            {b.idString(), a.idString()});
        QVERIFY2(unverified.ok(), qPrintable(why(unverified)));
    }

    // R-6.1.1b: name or pinyin + birth date + sex is a probable match: saved, and queued.
    void lookAlikeIsSavedAndQueued()
    {
        const QDate birth(1980, 1, 1);
        const Patient a = create(draftFor(QStringLiteral("张三"), Sex::Male, birth,
                                          syntheticId(QStringLiteral("110101"), birth, 123)));
        // Homophone surname (章 zhang), another ID number.
        const Patient b = create(draftFor(QStringLiteral("章三"), Sex::Male, birth,
                                          syntheticId(QStringLiteral("110101"), birth, 125)));
        // Latin spelling of the same name.
        const Patient c = create(draftFor(QStringLiteral("ZHANG San"), Sex::Male, birth, {}));
        // Other birth date or other sex: not the same person.
        const Patient d = create(draftFor(QStringLiteral("张三"), Sex::Male, QDate(1980, 1, 2), {}));
        const Patient e = create(draftFor(QStringLiteral("张三"), Sex::Female, birth, {}));
        for (const Patient &p : {a, b, c, d, e})
            QVERIFY(!p.id.isNull());
        auto queue = m_reg->possibleDuplicates(DuplicateStatus::Open);
        QVERIFY(queue.ok());
        QCOMPARE(queue->size(), 3); // a-b, a-c, b-c
        for (const DuplicateCandidate &c : queue.value()) {
            QVERIFY(c.reasons.contains(QStringLiteral("same-pinyin")));
            QVERIFY(c.reasons.contains(QStringLiteral("same-birth-date")));
            for (const QUuid &id : {c.patientA, c.patientB})
                QVERIFY(id != d.id && id != e.id);
        }
        // A typo in the pinyin of a longer name is still caught.
        const Patient f = create(draftFor(QStringLiteral("欧阳明华"), Sex::Female, QDate(1970, 4, 4), {}));
        const Patient g =
            create(draftFor(QStringLiteral("OUYANG Minghau"), Sex::Female, QDate(1970, 4, 4), {}));
        QVERIFY(!f.id.isNull() && !g.id.isNull());
        QCOMPARE(f.pinyin, QStringLiteral("ouyangminghua"));
        auto after = m_reg->possibleDuplicates(DuplicateStatus::Open);
        QCOMPARE(after->size(), 4);

        // Dismissed pairs leave the queue and are not queued again.
        const qint64 first = queue->first().id;
        QVERIFY(!m_reg->dismissDuplicate(m_actor, first, QString()).ok());
        QVERIFY(m_reg->dismissDuplicate(m_actor, first, QStringLiteral("different people (twins)")).ok());
        QCOMPARE(m_reg->possibleDuplicates(DuplicateStatus::Open)->size(), 3);
        QCOMPARE(m_reg->possibleDuplicates(DuplicateStatus::Dismissed)->size(), 1);
        QCOMPARE(m_reg->dismissDuplicate(m_actor, first, QStringLiteral("again")).error().code,
                 Error::Code::Conflict);
    }

    // R-6.1.1d: merge moves events, files and identifiers and records lineage; unmerge restores the
    // exact state before.
    void mergeThenUnmergeRestoresTheExactState()
    {
        const QDate birth(1980, 1, 1);
        const Patient a = create(draftFor(QStringLiteral("张三"), Sex::Male, birth,
                                          syntheticId(QStringLiteral("110101"), birth, 123)));
        PatientDraft bd = draftFor(QStringLiteral("章三"), Sex::Male, birth, {});
        bd.identifiers << PatientIdentifier{IdentifierType::HospitalMrn, QStringLiteral("H-77"),
                                            QStringLiteral("Hospital A"), true};
        const Patient b = create(bd);
        QVERIFY(!a.id.isNull() && !b.id.isNull());
        auto ea = m_reg->addEvent(
            m_actor, a.id, eventOn(EventType::FirstVisit, QDate(2024, 1, 5), QStringLiteral("First visit")));
        auto eb1 = m_reg->addEvent(
            m_actor, b.id, eventOn(EventType::Diagnosis, QDate(2024, 1, 20), QStringLiteral("Diagnosis")));
        auto eb2 = m_reg->addEvent(
            m_actor, b.id,
            eventOn(EventType::BiopsyPathology, QDate(2024, 1, 12), QStringLiteral("Core biopsy")));
        QVERIFY(ea.ok() && eb1.ok() && eb2.ok());
        auto att = m_reg->attach(
            m_actor, eb2->id,
            {storeBlob(pdfBytes()), QStringLiteral("application/pdf"), QStringLiteral("pathology.pdf")});
        QVERIFY2(att.ok(), qPrintable(why(att)));
        QVERIFY(m_reg->projectPseudonym(m_actor, QStringLiteral("neo-rt-io"), b.id).ok());
        QCOMPARE(m_reg->possibleDuplicates(DuplicateStatus::Open)->size(), 1);
        const QStringList before = dump();

        auto merged =
            m_reg->merge(m_actor, a.id, b.id, QStringLiteral("same person: ID card checked at the desk"));
        QVERIFY2(merged.ok(), qPrintable(why(merged)));
        QCOMPARE(merged->movedEvents.size(), 2);
        QCOMPARE(merged->movedIdentifiers.size(), 1);
        QCOMPARE(merged->survivorPseudonym, a.pseudonymId);
        QCOMPARE(merged->mergedPseudonym, b.pseudonymId);

        auto gone = m_reg->patient(m_actor, b.id);
        QVERIFY(gone.ok());
        QCOMPARE(gone->mergedInto, a.id);
        QVERIFY(gone->identifiers.isEmpty());
        auto timeline = m_reg->events(m_actor, a.id);
        QVERIFY(timeline.ok());
        QCOMPARE(timeline->size(), 3);
        // Time order, whatever the order of entry.
        QCOMPARE(timeline->at(0).content.title, QStringLiteral("First visit"));
        QCOMPARE(timeline->at(1).content.title, QStringLiteral("Core biopsy"));
        QCOMPARE(timeline->at(1).attachments.size(), 1);
        auto holder = m_reg->findByIdentifier(m_actor, {IdentifierType::HospitalMrn, QStringLiteral("H-77"),
                                                        QStringLiteral("Hospital A"), true});
        QVERIFY(holder.ok() && holder.value());
        QCOMPARE(holder.value()->id, a.id);
        QCOMPARE(m_reg->possibleDuplicates(DuplicateStatus::Open)->size(), 0);
        QCOMPARE(m_reg->possibleDuplicates(DuplicateStatus::Merged)->size(), 1);
        // A merged record takes no new events; its project pseudonym is now the survivor's.
        QCOMPARE(
            m_reg->addEvent(m_actor, b.id, eventOn(EventType::Lab, QDate(2024, 2, 1), QStringLiteral("CBC")))
                .error()
                .code,
            Error::Code::Conflict);
        QCOMPARE(m_reg->projectPseudonym(m_actor, QStringLiteral("neo-rt-io"), b.id).value(),
                 m_reg->projectPseudonym(m_actor, QStringLiteral("neo-rt-io"), a.id).value());
        // That last call recorded a project pseudonym for the survivor: take it out of the comparison.
        QVERIFY(m_db->execute(QStringLiteral("DELETE FROM registry_project_pseudonyms WHERE patient_id = ?1"),
                              {a.idString()})
                    .ok());

        auto undone = m_reg->unmerge(m_actor, merged->id, QStringLiteral("the desk had the wrong card"));
        QVERIFY2(undone.ok(), qPrintable(why(undone)));
        QVERIFY(undone->undone);
        QCOMPARE(dump(), before);
        auto lineage = m_reg->lineage(b.id);
        QVERIFY(lineage.ok());
        QCOMPARE(lineage->size(), 1);
        QCOMPARE(lineage->first().undoReason, QStringLiteral("the desk had the wrong card"));
        QCOMPARE(m_reg->unmerge(m_actor, merged->id, QStringLiteral("twice")).error().code,
                 Error::Code::Conflict);
        QCOMPARE(m_sink.count(RegistryEvent::PatientMerge), 1);
        QCOMPARE(m_sink.count(RegistryEvent::PatientUnmerge), 1);
    }

    // Bad input: a merge or unmerge that fails part-way (as a killed process would) leaves the before state.
    void interruptedMergeLeavesTheBeforeState()
    {
        QString armed;
        SqlCipherRegistry::Options options;
        options.faultInjector = [&](QStringView step) -> Result<void> {
            if (step == armed)
                return makeError(Error::Code::Io, QStringLiteral("injected crash at ") + step.toString());
            return {};
        };
        RecordingSink sink;
        m_reg = openRegistry(*m_db, sink, options);
        QVERIFY(m_reg);
        const Patient a = create(draftFor(QStringLiteral("林一"), Sex::Female, QDate(1966, 6, 6), {}));
        PatientDraft bd = draftFor(QStringLiteral("林一"), Sex::Female, QDate(1966, 6, 6), {});
        bd.identifiers << PatientIdentifier{IdentifierType::Passport, QStringLiteral("E12345678"),
                                            QStringLiteral("CHN"), true};
        const Patient b = create(bd);
        QVERIFY(m_reg
                    ->addEvent(m_actor, b.id,
                               eventOn(EventType::Surgery, QDate(2020, 1, 1), QStringLiteral("Lumpectomy")))
                    .ok());
        const QStringList before = dump();
        const qint64 commits = m_db->commitCounter();
        for (const QString &step :
             {QStringLiteral("merge.events-moved"), QStringLiteral("merge.identifiers-moved"),
              QStringLiteral("merge.recorded")}) {
            armed = step;
            auto r = m_reg->merge(m_actor, a.id, b.id, QStringLiteral("duplicate"));
            QVERIFY(!r.ok());
            QVERIFY(r.error().message.contains(step));
            QCOMPARE(dump(), before);
            QCOMPARE(count(QStringLiteral("registry_merges")), 0);
        }
        QCOMPARE(m_db->commitCounter(), commits);
        armed.clear();
        auto merged = m_reg->merge(m_actor, a.id, b.id, QStringLiteral("duplicate"));
        QVERIFY2(merged.ok(), qPrintable(why(merged)));
        const QStringList after = dump();
        for (const QString &step :
             {QStringLiteral("unmerge.events-moved"), QStringLiteral("unmerge.recorded")}) {
            armed = step;
            QVERIFY(!m_reg->unmerge(m_actor, merged->id, QStringLiteral("mistake")).ok());
            QCOMPARE(dump(), after);
        }
        armed.clear();
        QVERIFY(m_reg->unmerge(m_actor, merged->id, QStringLiteral("mistake")).ok());
        QCOMPARE(dump(), before);
    }

    void mergeRefusesSelfMergedAndOutOfOrderUndo()
    {
        const Patient a = create(draftFor(QStringLiteral("甲"), Sex::Male, QDate(1950, 1, 1), {}));
        const Patient b = create(draftFor(QStringLiteral("乙"), Sex::Male, QDate(1951, 1, 1), {}));
        const Patient c = create(draftFor(QStringLiteral("丙"), Sex::Male, QDate(1952, 1, 1), {}));
        QCOMPARE(m_reg->merge(m_actor, a.id, a.id, QStringLiteral("x")).error().code,
                 Error::Code::InvalidArgument);
        QCOMPARE(m_reg->merge(m_actor, a.id, b.id, QString()).error().code, Error::Code::InvalidArgument);
        QCOMPARE(m_reg->merge(m_actor, a.id, QUuid::createUuid(), QStringLiteral("x")).error().code,
                 Error::Code::NotFound);
        auto first = m_reg->merge(m_actor, a.id, b.id, QStringLiteral("dup"));
        QVERIFY(first.ok());
        QCOMPARE(m_reg->merge(m_actor, c.id, b.id, QStringLiteral("dup")).error().code,
                 Error::Code::Conflict);
        QCOMPARE(m_reg->merge(m_actor, b.id, c.id, QStringLiteral("dup")).error().code,
                 Error::Code::Conflict);
        auto second = m_reg->merge(m_actor, c.id, a.id, QStringLiteral("dup"));
        QVERIFY2(second.ok(), qPrintable(why(second)));
        // The first merge cannot be undone while the second, which moved a's events on, is in force.
        QCOMPARE(m_reg->unmerge(m_actor, first->id, QStringLiteral("undo")).error().code,
                 Error::Code::Conflict);
        QVERIFY(m_reg->unmerge(m_actor, second->id, QStringLiteral("undo")).ok());
        QVERIFY(m_reg->unmerge(m_actor, first->id, QStringLiteral("undo")).ok());
    }

    // R-6.1.2b: add, edit, annotate, remove and undo; every version kept with who, when and why.
    void eventsAreVersionedWithHistoryAndUndo()
    {
        const Patient p = create(draftFor(QStringLiteral("王芳"), Sex::Female, QDate(1972, 8, 8), {}));
        EventDraft rt =
            eventOn(EventType::RadiotherapyCourse, QDate(2024, 3, 1), QStringLiteral("Neoadjuvant RT"));
        rt.end = EventTime::fromDate(QDate(2024, 4, 12));
        rt.payload = QJsonObject{{QStringLiteral("dose_gy"), 50}, {QStringLiteral("fractions"), 25}};
        rt.formRecordIds << QStringLiteral("form-rt-001");
        auto v1 = m_reg->addEvent(m_actor, p.id, rt);
        QVERIFY2(v1.ok(), qPrintable(why(v1)));
        QCOMPARE(v1->version, 1);
        QCOMPARE(v1->content.payload.value(QStringLiteral("fractions")).toInt(), 25);

        m_clock.advance(60'000);
        EventDraft changed = rt;
        changed.payload.insert(QStringLiteral("dose_gy"), 50.4);
        changed.payload.insert(QStringLiteral("fractions"), 28);
        auto v2 = m_reg->updateEvent(m_actor, v1->id, changed, 1, QStringLiteral("dose corrected from plan"));
        QVERIFY2(v2.ok(), qPrintable(why(v2)));
        QCOMPARE(v2->version, 2);
        // A second window still holding version 1 is told, not silently overwritten.
        auto stale = m_reg->updateEvent(m_actor, v1->id, rt, 1, QStringLiteral("from the other window"));
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().code, Error::Code::Conflict);
        QVERIFY(m_reg->updateEvent(m_actor, v1->id, changed, 2, QString()).error().code ==
                Error::Code::InvalidArgument);

        m_clock.advance(60'000);
        auto v3 = m_reg->annotateEvent(m_actor, v1->id, QStringLiteral("grade 1 dermatitis in week 4"), 2);
        QVERIFY2(v3.ok(), qPrintable(why(v3)));
        QCOMPARE(v3->version, 3);
        auto v4 = m_reg->removeEvent(m_actor, v1->id, QStringLiteral("entered on the wrong patient"));
        QVERIFY(v4.ok());
        QVERIFY(v4->removed);
        QCOMPARE(m_reg->events(m_actor, p.id)->size(), 0);
        QCOMPARE(m_reg->events(m_actor, p.id, true)->size(), 1);
        auto v5 =
            m_reg->revertEvent(m_actor, v1->id, 3, QStringLiteral("it was the right patient after all"));
        QVERIFY2(v5.ok(), qPrintable(why(v5)));
        QCOMPARE(v5->version, 5);
        QVERIFY(!v5->removed);
        QCOMPARE(v5->content.annotation, QStringLiteral("grade 1 dermatitis in week 4"));
        auto v6 = m_reg->revertEvent(m_actor, v1->id, 1, QStringLiteral("undo the dose change and the note"));
        QVERIFY(v6.ok());
        QCOMPARE(v6->content, v1->content);

        auto history = m_reg->eventHistory(v1->id);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 6);
        const QList<EventChange> kinds{EventChange::Create, EventChange::Update, EventChange::Annotate,
                                       EventChange::Remove, EventChange::Revert, EventChange::Revert};
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(history->at(i).version, i + 1);
            QCOMPARE(history->at(i).change, kinds.at(i));
            QCOMPARE(history->at(i).changedBy, m_actor);
        }
        QCOMPARE(history->at(1).reason, QStringLiteral("dose corrected from plan"));
        QCOMPARE(history->at(1).content.payload.value(QStringLiteral("fractions")).toInt(), 28);
        QCOMPARE(history->at(0).content.payload.value(QStringLiteral("fractions")).toInt(), 25);
        QCOMPARE(history->at(1).changedAt, history->at(0).changedAt.addSecs(60));
        QVERIFY(history->at(3).removed);
        QCOMPARE(m_sink.count(RegistryEvent::EventUpdate), 1);
        QCOMPARE(m_sink.count(RegistryEvent::EventUpdate, false), 1); // the stale one
        QCOMPARE(m_sink.count(RegistryEvent::EventRevert), 2);
    }

    // R-6.1.2a/d: the timeline is ordered by time; dates and instants share one axis.
    void timelineIsOrderedByTimeWithDatesAndInstants()
    {
        const Patient p = create(draftFor(QStringLiteral("刘洋"), Sex::Female, QDate(1981, 1, 1), {}));
        EventDraft fraction = eventOn(EventType::RadiotherapyFraction, {}, QStringLiteral("Fraction 2"));
        fraction.start = EventTime::fromInstant(QDateTime(QDate(2024, 3, 2), QTime(8, 10), Qt::UTC));
        EventDraft fraction1 = fraction;
        fraction1.title = QStringLiteral("Fraction 1");
        fraction1.start =
            EventTime::fromInstant(QDateTime(QDate(2024, 3, 1), QTime(16, 10), Qt::OffsetFromUTC, 8 * 3600));
        for (const EventDraft &e :
             {fraction, eventOn(EventType::Surgery, QDate(2024, 6, 1), QStringLiteral("Surgery")), fraction1,
              eventOn(EventType::Diagnosis, QDate(2024, 1, 3), QStringLiteral("Diagnosis")),
              eventOn(EventType::RadiotherapyCourse, QDate(2024, 3, 1), QStringLiteral("RT course"))})
            QVERIFY(m_reg->addEvent(m_actor, p.id, e).ok());
        auto timeline = m_reg->events(m_actor, p.id);
        QVERIFY(timeline.ok());
        QStringList titles;
        for (const auto &e : timeline.value())
            titles << e.content.title;
        QCOMPARE(titles, (QStringList{QStringLiteral("Diagnosis"), QStringLiteral("RT course"),
                                      QStringLiteral("Fraction 1"), QStringLiteral("Fraction 2"),
                                      QStringLiteral("Surgery")}));
        QCOMPARE(timeline->at(2).content.start.instant(),
                 QDateTime(QDate(2024, 3, 1), QTime(8, 10), Qt::UTC));
        QCOMPARE(m_sink.count(RegistryEvent::TimelineView), 1);
    }

    // R-6.1.2d: stored times sort chronologically as text; instants without a zone are refused.
    void eventTimesRoundTripAndSortAsText()
    {
        const EventTime day = EventTime::fromDate(QDate(2024, 3, 2));
        const EventTime morning = EventTime::fromInstant(QDateTime(QDate(2024, 3, 2), QTime(8, 10), Qt::UTC));
        const EventTime nextDay = EventTime::fromDate(QDate(2024, 3, 3));
        QCOMPARE(day.toString(), QStringLiteral("2024-03-02"));
        QCOMPARE(morning.toString(), QStringLiteral("2024-03-02T08:10:00.000Z"));
        QVERIFY(day.toString() < morning.toString() && morning.toString() < nextDay.toString());
        QCOMPARE(EventTime::fromString(day.toString()).value(), day);
        QCOMPARE(EventTime::fromString(morning.toString()).value(), morning);
        QCOMPARE(EventTime::fromString(u"2024-03-02T16:10:00+08:00").value(), morning);
        QVERIFY(!EventTime::fromString(u"2024-03-02T08:10:00").has_value());
        QVERIFY(!EventTime::fromString(u"2024-02-30").has_value());
        QVERIFY(EventTime::fromString(u"").value().isNull());
    }

    void eventChecksRefuseImpossibleTimelines()
    {
        const Patient p = create(draftFor(QStringLiteral("黄河"), Sex::Male, QDate(1990, 5, 5), {}));
        EventDraft backwards =
            eventOn(EventType::ChemotherapyCycle, QDate(2024, 5, 1), QStringLiteral("Cycle 1"));
        backwards.end = EventTime::fromDate(QDate(2024, 4, 1));
        QCOMPARE(m_reg->addEvent(m_actor, p.id, backwards).error().code, Error::Code::InvalidArgument);
        QCOMPARE(
            m_reg->addEvent(m_actor, p.id, eventOn(EventType::Lab, QDate(1990, 5, 4), QStringLiteral("Lab")))
                .error()
                .code,
            Error::Code::InvalidArgument);
        QCOMPARE(m_reg->addEvent(m_actor, p.id, eventOn(EventType::Lab, QDate(2024, 5, 4), QString()))
                     .error()
                     .code,
                 Error::Code::InvalidArgument);
        QVERIFY(m_reg
                    ->addEvent(m_actor, p.id,
                               eventOn(EventType::Death, QDate(2025, 1, 1), QStringLiteral("Death")))
                    .ok());
        QCOMPARE(m_reg
                     ->addEvent(m_actor, p.id,
                                eventOn(EventType::Death, QDate(2025, 1, 2), QStringLiteral("Death")))
                     .error()
                     .code,
                 Error::Code::Conflict);
        QCOMPARE(m_reg
                     ->addEvent(m_actor, QUuid::createUuid(),
                                eventOn(EventType::Lab, QDate(2024, 5, 4), QStringLiteral("x")))
                     .error()
                     .code,
                 Error::Code::NotFound);
        QCOMPARE(count(QStringLiteral("registry_events")), 1);
    }

    // R-6.1.1c: the pseudonym is a keyed function of a random id: without the key it cannot be
    // computed, and it carries nothing of the national ID.
    void pseudonymCannotBeDerivedWithoutTheKey()
    {
        const QUuid id = QUuid::createUuid();
        const Pseudonymizer one(crypto::randomKey());
        const Pseudonymizer other(crypto::randomKey());
        QCOMPARE(one.patientPseudonym(id), one.patientPseudonym(id));
        QVERIFY(one.patientPseudonym(id) != other.patientPseudonym(id));
        QVERIFY(one.projectPseudonym(u"p1", id) != other.projectPseudonym(u"p1", id));
        QVERIFY(one.projectPseudonym(u"p1", id) != one.projectPseudonym(u"p2", id));
        QVERIFY(one.identifierKey(u"resident-id", u"", u"110101198001011232") !=
                other.identifierKey(u"resident-id", u"", u"110101198001011232"));
        QVERIFY(Pseudonymizer::looksLikePatientPseudonym(one.patientPseudonym(id)));
        QVERIFY(one.projectPseudonym(u"p1", id).startsWith(QStringLiteral("S-")));

        // The same person registered in two registries under the same key gets unrelated pseudonyms.
        const PatientDraft d = draftFor(QStringLiteral("张三"), Sex::Male, QDate(1980, 1, 1),
                                        QStringLiteral("110101198001011232"));
        const Patient here = create(d);
        cleanup();
        init();
        const Patient there = create(d);
        QVERIFY(!here.pseudonymId.isEmpty() && !there.pseudonymId.isEmpty());
        QVERIFY(here.pseudonymId != there.pseudonymId);
        QVERIFY(!here.pseudonymId.contains(QStringLiteral("1980")));
    }

    // R-6.1.2c: files are linked to events after a content check; hostile or damaged files are refused
    // with a clear message and leave no trace.
    void attachmentsAreCheckedAgainstTheirDeclaredType()
    {
        SqlCipherRegistry::Options options;
        options.maxAttachmentBytes = 4096;
        m_reg = openRegistry(*m_db, m_sink, options);
        const Patient p = create(draftFor(QStringLiteral("郑和"), Sex::Male, QDate(1971, 7, 7), {}));
        auto ev = m_reg->addEvent(m_actor, p.id,
                                  eventOn(EventType::Imaging, QDate(2024, 2, 2), QStringLiteral("MRI")));
        QVERIFY(ev.ok());
        struct Bad
        {
            QByteArray bytes;
            QString mediaType;
            QString fileName;
            Error::Code code;
            QString message;
        };
        QByteArray truncatedPng = pngBytes();
        truncatedPng.chop(12);
        QByteArray truncatedJpeg = jpegBytes();
        truncatedJpeg.chop(2);
        const QList<Bad> bad{
            {QByteArrayLiteral("just some text pretending"), QStringLiteral("application/pdf"),
             QStringLiteral("a.pdf"), Error::Code::InvalidArgument, QStringLiteral("declared as a PDF")},
            {pdfBytes().left(40), QStringLiteral("application/pdf"), QStringLiteral("a.pdf"),
             Error::Code::InvalidArgument, QStringLiteral("truncated")},
            {pngBytes(), QStringLiteral("application/pdf"), QStringLiteral("a.pdf"),
             Error::Code::InvalidArgument, QStringLiteral("looks like a PNG image")},
            {truncatedPng, QStringLiteral("image/png"), QStringLiteral("a.png"), Error::Code::InvalidArgument,
             QStringLiteral("truncated")},
            {truncatedJpeg, QStringLiteral("image/jpeg"), QStringLiteral("a.jpg"),
             Error::Code::InvalidArgument, QStringLiteral("truncated")},
            {QByteArray(128, '\0') + QByteArrayLiteral("NOPE") + QByteArray(64, '\0'),
             QStringLiteral("application/dicom"), QStringLiteral("a.dcm"), Error::Code::InvalidArgument,
             QStringLiteral("declared as a DICOM")},
            {QByteArray(100, '\0'), QStringLiteral("application/dicom"), QStringLiteral("a.dcm"),
             Error::Code::InvalidArgument, QStringLiteral("declared as a DICOM")},
            {pdfBytes(5000), QStringLiteral("application/pdf"), QStringLiteral("big.pdf"),
             Error::Code::InvalidArgument, QStringLiteral("too large")},
            {QByteArrayLiteral("MZ\x90\x00 program"), QStringLiteral("application/x-msdownload"),
             QStringLiteral("a.exe"), Error::Code::Unsupported, QStringLiteral("cannot be attached")},
            {pdfBytes(), QStringLiteral("application/pdf"), QStringLiteral("../../etc/passwd"),
             Error::Code::InvalidArgument, QStringLiteral("folders")},
        };
        for (const Bad &b : bad) {
            auto r = m_reg->attach(m_actor, ev->id, {storeBlob(b.bytes), b.mediaType, b.fileName});
            QVERIFY2(!r.ok(), qPrintable(b.message));
            QCOMPARE(r.error().code, b.code);
            QVERIFY2(r.error().message.contains(b.message), qPrintable(r.error().message));
        }
        QCOMPARE(m_reg
                     ->attach(m_actor, ev->id,
                              {QString(64, QLatin1Char('a')), QStringLiteral("application/pdf"),
                               QStringLiteral("missing.pdf")})
                     .error()
                     .code,
                 Error::Code::NotFound);
        QCOMPARE(count(QStringLiteral("registry_attachments")), 0);
        QCOMPARE(m_reg->event(m_actor, ev->id)->version, 1);

        const QList<std::pair<QByteArray, QString>> good{{pdfBytes(), QStringLiteral("application/pdf")},
                                                         {pngBytes(), QStringLiteral("image/png")},
                                                         {jpegBytes(), QStringLiteral("image/jpeg")},
                                                         {dicomBytes(), QStringLiteral("application/dicom")}};
        for (const auto &[bytes, type] : good) {
            auto r = m_reg->attach(m_actor, ev->id, {storeBlob(bytes), type, QStringLiteral("file")});
            QVERIFY2(r.ok(), qPrintable(type + QLatin1Char(' ') + why(r)));
            QCOMPARE(r->size, bytes.size());
        }
        auto again = m_reg->attach(
            m_actor, ev->id,
            {storeBlob(pdfBytes()), QStringLiteral("application/pdf"), QStringLiteral("b.pdf")});
        QCOMPARE(again.error().code, Error::Code::AlreadyExists);
        auto current = m_reg->event(m_actor, ev->id);
        QCOMPARE(current->attachments.size(), 4);
        QCOMPARE(current->version, 5);
        auto history = m_reg->eventHistory(ev->id);
        QCOMPARE(history->last().change, EventChange::Attach);
        QCOMPARE(history->last().attachmentIds.size(), 4);
        QVERIFY(m_reg->detach(m_actor, current->attachments.first().id, QStringLiteral("wrong file")).ok());
        QCOMPARE(m_reg->event(m_actor, ev->id)->attachments.size(), 3);
        QCOMPARE(m_reg->eventHistory(ev->id)->last().change, EventChange::Detach);
    }

    // R-6.1.1d, R-7.4.1: every create, change, merge and view is audited, naming patients by
    // pseudonym only.
    void auditRecordsNamePatientsByPseudonymOnly()
    {
        const QString nationalId = QStringLiteral("650102197511118889");
        const Patient p =
            create(draftFor(QStringLiteral("马丽"), Sex::Female, QDate(1975, 11, 11), nationalId));
        QVERIFY(!p.id.isNull());
        QVERIFY(m_reg->patient(m_actor, p.id).ok());
        QVERIFY(m_reg->patientByPseudonym(m_actor, p.pseudonymId.toLower()).ok());
        QVERIFY(m_reg->findByIdentifier(m_actor, {IdentifierType::ResidentId, nationalId, {}, true}).ok());
        auto e = m_reg->addEvent(
            m_actor, p.id, eventOn(EventType::FollowUp, QDate(2025, 1, 1), QStringLiteral("Follow-up")));
        QVERIFY(m_reg->annotateEvent(m_actor, e->id, QStringLiteral("patient 马丽 doing well"), 1).ok());
        QVERIFY(m_reg->patients(m_actor, PageRequest()).ok());
        QCOMPARE(m_sink.count(RegistryEvent::PatientView), 2);
        QCOMPARE(m_sink.count(RegistryEvent::PatientQuery), 2);
        for (const RegistryAuditRecord &r : std::as_const(m_sink.records)) {
            for (const QString &patient : r.patients)
                QVERIFY2(Pseudonymizer::looksLikePatientPseudonym(patient), qPrintable(patient));
            const QString text =
                QString::fromUtf8(QJsonDocument(r.detail).toJson()) + r.objectId + r.objectType;
            QVERIFY(!text.contains(nationalId));
            QVERIFY(!text.contains(QStringLiteral("马")));
        }
    }

    void updatePatientKeepsHistoryAndChecksIdentifiers()
    {
        const Patient p = create(draftFor(QStringLiteral("张三"), Sex::Male, QDate(1980, 1, 1),
                                          QStringLiteral("110101198001011232")));
        PatientDraft fix = draftFor(QStringLiteral("张叁"), Sex::Male, QDate(1980, 1, 1), {});
        fix.contact.phone = QStringLiteral("+86 10 5555 0199");
        m_clock.advance(1000);
        auto v2 = m_reg->updatePatient(m_actor, p.id, fix, 1, QStringLiteral("spelling from the ID card"));
        QVERIFY2(v2.ok(), qPrintable(why(v2)));
        QCOMPARE(v2->version, 2);
        QCOMPARE(v2->identifiers.size(), 1);
        QCOMPARE(m_reg->updatePatient(m_actor, p.id, fix, 1, QStringLiteral("stale")).error().code,
                 Error::Code::Conflict);
        PatientDraft wrongBirth = fix;
        wrongBirth.birthDate = QDate(1980, 1, 2);
        QCOMPARE(m_reg->updatePatient(m_actor, p.id, wrongBirth, 2, QStringLiteral("x")).error().code,
                 Error::Code::InvalidArgument);
        auto history = m_reg->patientHistory(p.id);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(0).state.name.given, QStringLiteral("三"));
        QCOMPARE(history->at(1).state.name.given, QStringLiteral("叁"));
        QCOMPARE(history->at(1).reason, QStringLiteral("spelling from the ID card"));
        auto withPassport = m_reg->addIdentifier(
            m_actor, p.id,
            {IdentifierType::Passport, QStringLiteral("e1234567"), QStringLiteral("CHN"), true});
        QVERIFY2(withPassport.ok(), qPrintable(why(withPassport)));
        QCOMPARE(withPassport->identifiers.size(), 2);
        QCOMPARE(withPassport->identifiers.last().value, QStringLiteral("E1234567"));
        const Patient other = create(draftFor(QStringLiteral("李雷"), Sex::Male, QDate(1999, 9, 9), {}));
        auto clash = m_reg->addIdentifier(m_actor, other.id,
                                          {IdentifierType::Passport, QStringLiteral("E1234567"), {}, false});
        QCOMPARE(clash.error().code, Error::Code::AlreadyExists);
        QVERIFY(clash.error().message.contains(p.pseudonymId));
    }
};

QTEST_GUILESS_MAIN(tst_Registry)
#include "tst_Registry.moc"
