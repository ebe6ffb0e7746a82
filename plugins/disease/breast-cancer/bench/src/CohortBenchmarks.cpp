#include "mdp/cohort/CohortBenchmarks.h"

#include "CohortLogging.h"

#include "mdp/audit/AuditLog.h"
#include "mdp/cohort/CohortGenerator.h"
#include "mdp/cohort/CohortImporter.h"
#include "mdp/crypto/Random.h"
#include "mdp/disease/DemoTarget.h"
#include "mdp/registry/IdentitySeal.h"
#include "mdp/registry/Pseudonymizer.h"
#include "mdp/registry/RegistryAuditSink.h"
#include "mdp/registry/Resources.h"
#include "mdp/registry/SqlCipherRegistry.h"
#include "mdp/store/Database.h"
#include "mdp/text/Pinyin.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace mdp::cohort {

namespace {

using registry::PatientIdentifier;

SecureBytes randomKey()
{
    QByteArray k = crypto::randomBytes(32);
    return SecureBytes::takeFrom(k);
}

// Registry audit records into a real encrypted audit log, queued and made durable once per
// transaction (what Workspace::runBatch does for an import), or only counted without a signer.
class BenchAuditSink final : public registry::RegistryAuditSink
{
public:
    explicit BenchAuditSink(audit::AuditLog *log)
        : m_log(log)
    {}
    void record(const registry::RegistryAuditRecord &r) override
    {
        ++m_count;
        if (!m_log)
            return;
        audit::AuditEvent e;
        e.type = r.type;
        e.action = audit::AuditAction::Execute;
        e.agent = audit::AuditAgent{r.actorId, QStringLiteral("custodian"), QStringLiteral("bench"), {}};
        for (const QString &p : r.patients)
            e.entities << audit::AuditEntity{QStringLiteral("patient"), p};
        e.detail = r.detail;
        (void)m_log->append(std::move(e));
    }
    Result<void> flush() { return m_log ? m_log->flush() : Result<void>(); }
    qint64 count() const { return m_count; }

private:
    audit::AuditLog *m_log;
    qint64 m_count = 0;
};

// A bare registry on its own database: one database transaction per batch, the audit flushed inside
// it as Workspace::runBatch does; no forms, no vault (the benchmark imports no documents).
class BenchTarget final : public disease::DemoTarget
{
public:
    BenchTarget(registry::Registry &registry, store::Database &database, BenchAuditSink &sink)
        : m_registry(registry)
        , m_database(database)
        , m_sink(sink)
    {}
    registry::Registry &registry() override { return m_registry; }
    forms::FormStore *forms() override { return nullptr; }
    QString actorId() const override { return m_actor; }
    QString accountId(const QString &) const override { return {}; }
    Result<QString> storeFile(const QByteArray &) override
    {
        return makeError(Error::Code::Unsupported, QStringLiteral("the import benchmark stores no files"));
    }
    Result<void> batch(const Work &work) override
    {
        return m_database.transaction([&]() -> Result<void> {
            if (auto r = work(); !r)
                return r;
            return m_sink.flush();
        });
    }
    Result<void> savepoint(const Work &work) override { return m_database.transaction(work); }
    QDate today() const override { return QDate::currentDate(); }

private:
    registry::Registry &m_registry;
    store::Database &m_database;
    BenchAuditSink &m_sink;
    const QString m_actor = QUuid::createUuid().toString(QUuid::WithoutBraces);
};

Result<std::unique_ptr<store::Database>> openDatabase(const QString &path)
{
    store::Database::Options o;
    o.path = path;
    o.key = randomKey();
    o.create = true;
    return store::Database::open(std::move(o));
}

struct Measured
{
    double seconds = 0;
    qint64 auditEvents = 0;
    int events = 0;
};

// Through the registry: validation, whole-registry duplicate check, pseudonyms, versions, audit.
Result<Measured> importThroughRegistry(const QString &dir, const QList<SyntheticPatient> &cohort,
                                       bool timelines, const std::shared_ptr<audit::CheckpointSigner> &signer)
{
    auto db = openDatabase(QDir(dir).filePath(QStringLiteral("registry.db")));
    if (!db)
        return db.error();
    std::unique_ptr<audit::AuditLog> log;
    if (signer) {
        audit::AuditLogOptions o;
        o.directory = QDir(dir).filePath(QStringLiteral("audit"));
        o.key = randomKey();
        o.signer = signer;
        o.nodeId = QStringLiteral("bench");
        auto opened = audit::AuditLog::open(std::move(o));
        if (!opened)
            return opened.error();
        log = std::move(opened.value());
    }
    BenchAuditSink sink(log.get());
    registry::SqlCipherRegistry::Options registryOptions;
    registryOptions.identityKey = randomKey();
    auto registry = registry::SqlCipherRegistry::open(*db.value(), SystemClock::instance(), sink, randomKey(),
                                                      std::move(registryOptions));
    if (!registry)
        return registry.error();
    QList<SyntheticPatient> input = cohort;
    if (!timelines) {
        for (SyntheticPatient &p : input)
            p.events.clear();
    }
    BenchTarget target(*registry.value(), *db.value(), sink);
    CohortImporter importer(target);
    QElapsedTimer timer;
    timer.start();
    auto report = importer.run(input);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!report)
        return report.error();
    if (report->patientsImported != input.size())
        return makeError(Error::Code::Unknown, QStringLiteral("the benchmark import skipped records"));
    return Measured{seconds, sink.count(), report->events};
}

// The same rows with plain INSERTs into the same schema: no validation, no duplicate check, no
// history reads, no audit. Row values (pseudonym, identifier hash, pinyin, snapshot, the sealed
// identity) are computed as the registry computes them, so both sides write the same amount.
Result<double> importWithPlainInserts(const QString &dir, const QList<SyntheticPatient> &cohort,
                                      bool timelines)
{
    auto db = openDatabase(QDir(dir).filePath(QStringLiteral("baseline.db")));
    if (!db)
        return db.error();
    registry::initResources();
    if (auto m = db.value()->migrate(QStringLiteral("registry"), QStringLiteral(":/mdp/registry/migrations"));
        !m)
        return m.error();
    store::Database &database = *db.value();
    const registry::Pseudonymizer pseudonyms(randomKey());
    auto seal = registry::IdentitySeal::open(randomKey());
    if (!seal)
        return seal.error();
    const QString actor = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QElapsedTimer timer;
    timer.start();
    // Same transaction size as the importer's default: 20 records per commit.
    auto insertOne = [&](const SyntheticPatient &p) -> Result<void> {
        {
            const QUuid id = QUuid::createUuid();
            const QString idText = id.toString(QUuid::WithoutBraces);
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            const auto pinyin = text::toPinyinName(p.draft.name.family, p.draft.name.given);
            const QString sex = registry::sexCode(p.draft.sex);
            registry::Patient identity;
            identity.name = p.draft.name;
            identity.pinyin = pinyin.full;
            identity.pinyinInitials = pinyin.initials;
            identity.contact = p.draft.contact;
            auto sealed = seal.value()->sealPatient(idText, identity);
            if (!sealed)
                return sealed.error();
            auto r = database.execute(
                QStringLiteral(
                    "INSERT INTO registry_patients (id, pseudonym, sex, birth_date, version, "
                    "created_at, created_by, updated_at, updated_by, identity) VALUES (?1, ?2, ?3, "
                    "?4, 1, ?5, ?6, ?5, ?6, ?7)"),
                {idText, pseudonyms.patientPseudonym(id), sex, p.draft.birthDate.toString(Qt::ISODate), now,
                 actor, sealed.value()});
            if (!r)
                return r.error();
            QJsonArray ids;
            for (const PatientIdentifier &i : p.draft.identifiers) {
                const QString value = PatientIdentifier::normalisedValue(i.value);
                const QString type = registry::identifierTypeId(i.type);
                const QByteArray keyHash = seal.value()->identifierKey(type, i.issuer, value);
                auto sealedValue = seal.value()->sealIdentifier(keyHash, value);
                if (!sealedValue)
                    return sealedValue.error();
                r = database.execute(
                    QStringLiteral("INSERT INTO registry_identifiers (patient_id, type, value, "
                                   "issuer, verified, key_hash, added_at, added_by) VALUES "
                                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
                    {idText, type, sealedValue.value(), i.issuer, i.verified ? 1 : 0, keyHash, now, actor});
                if (!r)
                    return r.error();
                ids << QJsonObject{{QStringLiteral("type"), type},
                                   {QStringLiteral("value"), value},
                                   {QStringLiteral("issuer"), i.issuer},
                                   {QStringLiteral("verified"), i.verified}};
            }
            const QJsonObject identityPart{{QStringLiteral("family"), p.draft.name.family},
                                           {QStringLiteral("given"), p.draft.name.given},
                                           {QStringLiteral("address"), p.draft.contact.address},
                                           {QStringLiteral("identifiers"), ids}};
            auto sealedPart = seal.value()->sealSnapshot(idText, 1, identityPart);
            if (!sealedPart)
                return sealedPart.error();
            const QJsonObject snapshot{
                {QStringLiteral("sex"), sex},
                {QStringLiteral("birth_date"), p.draft.birthDate.toString(Qt::ISODate)},
                {QStringLiteral("identity"), sealedPart.value()}};
            r = database.execute(
                QStringLiteral("INSERT INTO registry_patient_versions (patient_id, version, "
                               "snapshot, change, changed_at, changed_by) VALUES (?1, 1, ?2, "
                               "'create', ?3, ?4)"),
                {idText, QString::fromUtf8(QJsonDocument(snapshot).toJson(QJsonDocument::Compact)), now,
                 actor});
            if (!r)
                return r.error();
            if (!timelines)
                return {};
            for (const SyntheticEvent &e : p.events) {
                const QString eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
                const QString payload =
                    QString::fromUtf8(QJsonDocument(e.draft.payload).toJson(QJsonDocument::Compact));
                const QString type = registry::eventTypeId(e.draft.type);
                r = database.execute(
                    QStringLiteral("INSERT INTO registry_events (id, patient_id, version, type, start_at, "
                                   "end_at, title, payload, created_at, created_by, updated_at, updated_by) "
                                   "VALUES (?1, ?2, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)"),
                    {eventId, idText, type, e.draft.start.toString(), e.draft.end.toString(), e.draft.title,
                     payload, now, actor});
                if (!r)
                    return r.error();
                r = database.execute(
                    QStringLiteral("INSERT INTO registry_event_versions (event_id, version, type, start_at, "
                                   "end_at, title, annotation, payload, form_records, attachments, removed, "
                                   "change, changed_at, changed_by) VALUES (?1, 1, ?2, ?3, ?4, ?5, '', ?6, "
                                   "'[]', '[]', 0, 'create', ?7, ?8)"),
                    {eventId, type, e.draft.start.toString(), e.draft.end.toString(), e.draft.title, payload,
                     now, actor});
                if (!r)
                    return r.error();
            }
            return {};
        }
    };
    for (qsizetype first = 0; first < cohort.size(); first += 20) {
        auto tx = database.transaction([&]() -> Result<void> {
            for (qsizetype i = first; i < std::min(first + 20, cohort.size()); ++i) {
                if (auto r = insertOne(cohort.at(i)); !r)
                    return r;
            }
            return {};
        });
        if (!tx)
            return tx.error();
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

QList<BenchLine> runRegistryImportBenchmark(const QString &scratchDir, int patients,
                                            std::shared_ptr<audit::CheckpointSigner> signer)
{
    QList<BenchLine> lines;
    CohortOptions options;
    options.patients = std::max(10, patients);
    options.seed = 2026;
    const QList<SyntheticPatient> cohort = CohortGenerator(options).generate();
    // Timelines are about fifty events a patient: a tenth of the records keeps the case short.
    const QList<SyntheticPatient> withTimelines = cohort.mid(0, std::max(10, int(cohort.size()) / 10));
    struct Case
    {
        const char *name;
        bool timelines;
        const QList<SyntheticPatient> &input;
    };
    const Case cases[] = {{"import", false, cohort}, {"import-with-timeline", true, withTimelines}};
    int run = 0;
    for (const Case &c : cases) {
        const QString dir = QDir(scratchDir).filePath(QStringLiteral("registry-import-%1").arg(++run));
        if (!QDir().mkpath(dir))
            continue;
        auto measured = importThroughRegistry(dir, c.input, c.timelines, signer);
        auto baseline = importWithPlainInserts(dir, c.input, c.timelines);
        if (!measured || !baseline) {
            qCWarning(lcCohort) << "registry import benchmark failed:"
                                << (measured ? baseline.error().toString() : measured.error().toString());
            continue;
        }
        BenchLine line;
        line.bench = QStringLiteral("registry");
        line.caseName = QString::fromLatin1(c.name);
        line.unit = QStringLiteral("patients/s");
        line.value = double(c.input.size()) / measured->seconds;
        line.baseline = QStringLiteral("plain INSERTs of the same rows into the same SQLCipher schema "
                                       "(no checks, no audit)");
        line.baselineValue = double(c.input.size()) / baseline.value();
        line.extra.insert(QStringLiteral("patients"), int(c.input.size()));
        line.extra.insert(QStringLiteral("events"), measured->events);
        line.extra.insert(QStringLiteral("duplicate_check"), true);
        line.extra.insert(QStringLiteral("audit"), signer
                                                       ? QStringLiteral("encrypted log, made durable with a "
                                                                        "signed checkpoint per transaction")
                                                       : QStringLiteral("counted only"));
        line.extra.insert(QStringLiteral("records_per_transaction"), 20);
        line.extra.insert(QStringLiteral("audit_events"), measured->auditEvents);
        line.extra.insert(QStringLiteral("page_cipher"), QStringLiteral("sm4-cbc"));
        lines << line;
    }
    return lines;
}

} // namespace mdp::cohort
