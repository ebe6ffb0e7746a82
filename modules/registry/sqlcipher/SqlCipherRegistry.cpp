#include "mdp/registry/SqlCipherRegistry.h"

#include "../core/src/NamePinyin.h"
#include "../core/src/NameSimilarity.h"
#include "../core/src/RecordValidator.h"
#include "../core/src/RegistryLogging.h"
#include "RegistryRows.h"
#include "mdp/registry/IdentitySeal.h"
#include "mdp/registry/MergeFollower.h"
#include "mdp/registry/Pseudonymizer.h"
#include "mdp/registry/RegistryAuditSink.h"
#include "mdp/registry/Resources.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>

namespace mdp::registry {

namespace {

using Action = RegistryAuditRecord::Action;

constexpr int kMaxPageSize = 500;
constexpr int kMaxMergeDepth = 64;
const QString kDataManagerRole = QStringLiteral("data-manager");

QString tr(const char *text)
{
    return QCoreApplication::translate("mdp::registry::Registry", text);
}

Error notFound(const QString &what)
{
    return makeError(Error::Code::NotFound, what);
}

Error patientNotFound()
{
    return notFound(tr("No such patient."));
}

Error eventNotFound()
{
    return notFound(tr("No such timeline event."));
}

Error conflict(const QString &message)
{
    return makeError(Error::Code::Conflict, message);
}

Error staleVersion(int current)
{
    return conflict(tr("The record was changed by someone else in the meantime (it is now at version %1); "
                       "reload it and apply your change again.")
                        .arg(current));
}

// The issuer takes part in an identifier's identity only where numbers are issued per organisation.
QString keyIssuer(const PatientIdentifier &id)
{
    return (id.type == IdentifierType::HospitalMrn || id.type == IdentifierType::Other)
               ? id.issuer.toCaseFolded()
               : QString();
}

std::pair<QString, QString> orderedPair(const QUuid &a, const QUuid &b)
{
    const QString x = rows::uuidText(a);
    const QString y = rows::uuidText(b);
    return x < y ? std::make_pair(x, y) : std::make_pair(y, x);
}

} // namespace

struct SqlCipherRegistry::Impl
{
    store::Database &db;
    const Clock &clock;
    RegistryAuditSink &sink;
    Pseudonymizer pseudonyms;
    Options options;
    RecordValidator validator;

    std::unique_ptr<IdentitySeal> seal; // null: this session's roles do not reach the identity key

    Impl(store::Database &database, const Clock &c, RegistryAuditSink &s, const SecureBytes &key, Options o)
        : db(database)
        , clock(c)
        , sink(s)
        , pseudonyms(key)
        , options(std::move(o))
        , validator(c)
    {}

    // Reading or writing identity needs the identity key; a role without it gets this.
    Result<void> needIdentity() const
    {
        if (seal)
            return {};
        return makeError(
            Error::Code::PermissionDenied,
            tr("This account's roles do not hold the identity key: patient names and identifiers "
               "cannot be read or changed here."));
    }

    // A patient row with its identity opened when the key is held; without it the identity fields
    // stay empty.
    Result<Patient> decode(const store::Row &row) const { return decodePatient(row, seal.get()); }

    static Result<Patient> decodePatient(const store::Row &row, IdentitySeal *seal)
    {
        Patient p = rows::patient(row);
        const QVariant sealed = row.at(rows::kPatientIdentityColumn);
        if (sealed.isNull())
            return p; // written before identity was sealed (converted at the next open with the key)
        if (!seal)
            return p;
        if (auto r = seal->openPatient(p.idString(), sealed.toByteArray(), p); !r)
            return r.error();
        return p;
    }

    // A replica from another workstation of the site is written with its own times (applyReplica).
    qint64 replicaTimeMs = -1;
    qint64 nowMs() const { return replicaTimeMs >= 0 ? replicaTimeMs : clock.now().toMSecsSinceEpoch(); }

    Result<void> step(QStringView name) const
    {
        if (options.faultInjector)
            return options.faultInjector(name);
        return {};
    }

    void audit(QStringView type, Action action, const QString &actor, const QStringList &patients,
               const QString &objectType = {}, const QString &objectId = {}, bool success = true,
               const QJsonObject &detail = {})
    {
        RegistryAuditRecord r;
        r.type = type.toString();
        r.action = action;
        r.actorId = actor;
        r.patients = patients;
        r.objectType = objectType;
        r.objectId = objectId;
        r.success = success;
        r.detail = detail;
        sink.record(r);
        if (success && action != Action::Read && changeListener) {
            for (const QString &pseudonym : patients)
                changeListener(pseudonym);
        }
    }

    std::function<void(const QString &)> changeListener;

    // Only with the identity key (needIdentity() first): the index is keyed under it.
    QByteArray identifierHash(const PatientIdentifier &id) const
    {
        return seal->identifierKey(identifierTypeId(id.type), keyIssuer(id), id.value);
    }

    // A stored identifier value in the clear, or empty without the key.
    Result<QString> identifierValue(const QVariant &stored, const QVariant &keyHash) const
    {
        const QString text = stored.toString();
        if (!IdentitySeal::isSealedText(text))
            return text; // not converted yet
        if (!seal)
            return QString();
        return seal->openIdentifier(keyHash.toByteArray(), text);
    }

    // --- loading -----------------------------------------------------------------------------

    Result<QList<PatientIdentifier>> identifiersOf(const QString &patientId)
    {
        auto rs = db.query(QStringLiteral("SELECT type, value, issuer, verified, key_hash FROM "
                                          "registry_identifiers WHERE patient_id = ?1 ORDER BY id"),
                           {patientId});
        if (!rs)
            return rs.error();
        QList<PatientIdentifier> ids;
        for (const auto &row : rs.value()) {
            PatientIdentifier id;
            id.type = identifierTypeFromId(row.at(0).toString()).value_or(IdentifierType::Other);
            auto value = identifierValue(row.at(1), row.at(4));
            if (!value)
                return value.error();
            id.value = value.value();
            id.issuer = row.at(2).toString();
            id.verified = row.at(3).toLongLong() != 0;
            ids << id;
        }
        return ids;
    }

    Result<std::optional<Patient>> loadPatientWhere(const QString &column, const QString &value)
    {
        auto row = db.queryOne(QStringLiteral("SELECT %1 FROM registry_patients WHERE %2 = ?1")
                                   .arg(rows::kPatientColumns, column),
                               {value});
        if (!row)
            return row.error();
        if (!row.value())
            return std::optional<Patient>();
        auto decoded = decode(*row.value());
        if (!decoded)
            return decoded.error();
        Patient p = std::move(decoded.value());
        auto ids = identifiersOf(p.idString());
        if (!ids)
            return ids.error();
        p.identifiers = ids.value();
        return std::optional<Patient>(std::move(p));
    }

    Result<Patient> loadPatient(const QUuid &id)
    {
        auto p = loadPatientWhere(QStringLiteral("id"), rows::uuidText(id));
        if (!p)
            return p.error();
        if (!p.value())
            return patientNotFound();
        return *p.value();
    }

    Result<QString> pseudonymOf(const QString &patientId)
    {
        auto row =
            db.queryOne(QStringLiteral("SELECT pseudonym FROM registry_patients WHERE id = ?1"), {patientId});
        if (!row)
            return row.error();
        if (!row.value())
            return patientNotFound();
        return row.value()->at(0).toString();
    }

    Result<QList<Attachment>> attachmentsOf(const QString &eventId, bool includeRemoved)
    {
        auto rs = db.query(QStringLiteral("SELECT %1 FROM registry_attachments WHERE event_id = ?1 %2 "
                                          "ORDER BY added_at, id")
                               .arg(rows::kAttachmentColumns,
                                    includeRemoved ? QString() : QStringLiteral("AND removed_at IS NULL")),
                           {eventId});
        if (!rs)
            return rs.error();
        QList<Attachment> list;
        for (const auto &row : rs.value())
            list << rows::attachment(row);
        return list;
    }

    Result<TimelineEvent> loadEvent(const QUuid &id)
    {
        auto row = db.queryOne(
            QStringLiteral("SELECT %1 FROM registry_events WHERE id = ?1").arg(rows::kEventColumns),
            {rows::uuidText(id)});
        if (!row)
            return row.error();
        if (!row.value())
            return eventNotFound();
        TimelineEvent e = rows::event(*row.value());
        auto atts = attachmentsOf(e.idString(), false);
        if (!atts)
            return atts.error();
        e.attachments = atts.value();
        return e;
    }

    // --- duplicates --------------------------------------------------------------------------

    // Exact identifier matches (blocking when either side is verified) and look-alikes born the
    // same day, excluding `self`.
    Result<DuplicateCheck> duplicatesOf(const PersonName &name, Sex sex, QDate birthDate,
                                        const QList<PatientIdentifier> &identifiers, const QString &self)
    {
        DuplicateCheck check;
        auto addProbable = [&](const QString &patientId, const QString &pseudonym, double score,
                               const QStringList &reasons) {
            for (auto &m : check.probable) {
                if (rows::uuidText(m.patientId) == patientId) {
                    m.score = std::max(m.score, score);
                    for (const auto &r : reasons) {
                        if (!m.reasons.contains(r))
                            m.reasons << r;
                    }
                    return;
                }
            }
            check.probable << ProbableMatch{QUuid::fromString(patientId), pseudonym, score, reasons};
        };
        for (const PatientIdentifier &id : identifiers) {
            auto rs = db.query(
                QStringLiteral("SELECT i.patient_id, i.verified, p.pseudonym FROM registry_identifiers i "
                               "JOIN registry_patients p ON p.id = i.patient_id "
                               "WHERE i.key_hash = ?1 ORDER BY i.verified DESC, i.id"),
                {identifierHash(id)});
            if (!rs)
                return rs.error();
            for (const auto &row : rs.value()) {
                const QString holder = row.at(0).toString();
                if (holder == self)
                    continue;
                const bool verified = row.at(1).toLongLong() != 0;
                if ((verified || id.verified) && !check.blocking) {
                    check.blocking = DuplicateFound{QUuid::fromString(holder), row.at(2).toString(), id.type};
                } else if (!verified && !id.verified) {
                    if (!check.sameIdentifier)
                        check.sameIdentifier =
                            DuplicateFound{QUuid::fromString(holder), row.at(2).toString(), id.type};
                    addProbable(holder, row.at(2).toString(), 0.95,
                                {QStringLiteral("same-identifier-unverified")});
                }
            }
        }
        const QString pinyin = nameReading(name).full;
        const QString display = name.display();
        const QString sexText = sexCode(sex);
        auto rs = db.query(QStringLiteral("SELECT %1 FROM registry_patients "
                                          "WHERE birth_date = ?1 AND merged_into IS NULL AND id <> ?2 "
                                          "AND (sex = ?3 OR sex = 'U' OR ?3 = 'U')")
                               .arg(rows::kPatientColumns),
                           {birthDate.toString(Qt::ISODate), self, sexText});
        if (!rs)
            return rs.error();
        for (const auto &row : rs.value()) {
            auto other = decode(row);
            if (!other)
                return other.error();
            const NameSimilarity s =
                NameSimilarity::between(display, pinyin, other->name.display(), other->pinyin);
            if (s.score >= options.duplicateThreshold) {
                QStringList reasons = s.reasons;
                reasons << QStringLiteral("same-birth-date");
                addProbable(other->idString(), other->pseudonymId, s.score, reasons);
            }
        }
        std::sort(check.probable.begin(), check.probable.end(),
                  [](const ProbableMatch &a, const ProbableMatch &b) { return a.score > b.score; });
        return check;
    }

    Result<void> queueCandidates(const QString &patientId, const QList<ProbableMatch> &matches)
    {
        for (const ProbableMatch &m : matches) {
            const auto [a, b] = orderedPair(QUuid::fromString(patientId), m.patientId);
            // A pair already in the queue (open, dismissed or merged) is not queued again.
            auto r = db.execute(QStringLiteral("INSERT OR IGNORE INTO registry_duplicate_candidates "
                                               "(patient_a, patient_b, score, reasons, status, created_at) "
                                               "VALUES (?1, ?2, ?3, ?4, 'open', ?5)"),
                                {a, b, m.score, m.reasons.join(QLatin1Char(',')), nowMs()});
            if (!r)
                return r.error();
        }
        return {};
    }

    Error duplicateError(const DuplicateFound &found) const
    {
        return makeError(Error::Code::AlreadyExists,
                         tr("A patient with this %1 is already registered as %2: open that record or merge "
                            "into it instead of creating a second one.")
                             .arg(identifierTypeId(found.identifierType), found.pseudonymId));
    }

    Error unverifiedDuplicateError(const DuplicateFound &found) const
    {
        return makeError(Error::Code::Conflict,
                         tr("A patient with this %1 is already registered as %2 (the number is verified on "
                            "neither record). Open that record or merge into it; register a separate "
                            "patient only if you are sure these are two people, and say why.")
                             .arg(identifierTypeId(found.identifierType), found.pseudonymId));
    }

    // Verified resident IDs of a patient (normalised values).
    Result<QStringList> verifiedResidentIds(const QString &patientId)
    {
        if (auto ok = needIdentity(); !ok)
            return ok.error();
        auto rs =
            db.query(QStringLiteral("SELECT value, key_hash FROM registry_identifiers WHERE patient_id = "
                                    "?1 AND type = ?2 AND verified = 1 ORDER BY id"),
                     {patientId, identifierTypeId(IdentifierType::ResidentId)});
        if (!rs)
            return rs.error();
        QStringList values;
        for (const auto &row : rs.value()) {
            auto value = identifierValue(row.at(0), row.at(1));
            if (!value)
                return value.error();
            values << PatientIdentifier::normalisedValue(value.value());
        }
        return values;
    }

    // Rows written before identity was sealed (plain name and contact columns, plain identifier
    // values under the old index key, plain snapshots): sealed in one transaction, the plain copies
    // overwritten. secure_delete zeroes the freed cells, so the names do not linger in free pages.
    Result<void> sealLegacyRows()
    {
        // Checked once per database: the scan below reads every history row.
        auto done =
            db.queryOne(QStringLiteral("SELECT 1 FROM mdp_meta WHERE key = 'registry_identity_sealed'"));
        if (done && done.value())
            return {};
        auto markDone = [this] {
            (void)db.execute(QStringLiteral(
                "INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('registry_identity_sealed', 1)"));
        };
        auto pending = db.queryOne(QStringLiteral(
            "SELECT (SELECT COUNT(*) FROM registry_patients WHERE identity IS NULL) + (SELECT COUNT(*) FROM "
            "registry_identifiers WHERE value NOT LIKE 'sealed:%') + (SELECT COUNT(*) FROM "
            "registry_patient_versions WHERE snapshot NOT LIKE '%\"identity\":\"sealed:%')"));
        if (!pending)
            return pending.error();
        if (!pending.value() || pending.value()->at(0).toLongLong() == 0) {
            markDone();
            return {};
        }
        // The plain copies must not stay in free pages: secure_delete on for the conversion (the
        // workspace's connections have it on already; a bare one is put back as it was).
        auto secureDelete = db.queryOne(QStringLiteral("PRAGMA secure_delete"));
        const bool wasOn =
            secureDelete && secureDelete.value() && secureDelete.value()->at(0).toLongLong() == 1;
        if (auto r = db.execute(QStringLiteral("PRAGMA secure_delete = ON")); !r)
            return r.error();
        auto tx = db.transaction([&]() -> Result<void> {
            auto patients = db.query(QStringLiteral("SELECT %1 FROM registry_patients WHERE identity IS NULL")
                                         .arg(rows::kPatientColumns));
            if (!patients)
                return patients.error();
            for (const auto &row : patients.value()) {
                const Patient p = rows::patient(row);
                auto sealed = seal->sealPatient(p.idString(), p);
                if (!sealed)
                    return sealed.error();
                auto u = db.execute(
                    QStringLiteral("UPDATE registry_patients SET family_name = '', given_name = '', "
                                   "family_name_latin = '', given_name_latin = '', pinyin = '', "
                                   "pinyin_initials = '', phone = '', email = '', address = '', "
                                   "identity = ?1 WHERE id = ?2"),
                    {sealed.value(), p.idString()});
                if (!u)
                    return u.error();
            }
            auto ids = db.query(QStringLiteral(
                "SELECT id, type, value, issuer FROM registry_identifiers WHERE value NOT LIKE 'sealed:%'"));
            if (!ids)
                return ids.error();
            for (const auto &row : ids.value()) {
                PatientIdentifier id;
                id.type = identifierTypeFromId(row.at(1).toString()).value_or(IdentifierType::Other);
                id.value = row.at(2).toString();
                id.issuer = row.at(3).toString();
                const QByteArray keyHash = identifierHash(id.normalised());
                auto value = seal->sealIdentifier(keyHash, id.value);
                if (!value)
                    return value.error();
                auto u = db.execute(
                    QStringLiteral("UPDATE registry_identifiers SET value = ?1, key_hash = ?2 WHERE id = ?3"),
                    {value.value(), keyHash, row.at(0)});
                if (!u)
                    return u.error();
            }
            auto versions =
                db.query(QStringLiteral("SELECT patient_id, version, snapshot FROM registry_patient_versions "
                                        "WHERE snapshot NOT LIKE '%\"identity\":\"sealed:%'"));
            if (!versions)
                return versions.error();
            for (const auto &row : versions.value()) {
                const QString patientId = row.at(0).toString();
                const int version = int(row.at(1).toLongLong());
                auto snapshot = sealedSnapshot(
                    patientId, version, QJsonDocument::fromJson(row.at(2).toString().toUtf8()).object());
                if (!snapshot)
                    return snapshot.error();
                auto u = db.execute(QStringLiteral("UPDATE registry_patient_versions SET snapshot = ?1 WHERE "
                                                   "patient_id = ?2 AND version = ?3"),
                                    {rows::jsonText(snapshot.value()), patientId, version});
                if (!u)
                    return u.error();
            }
            return {};
        });
        if (!wasOn)
            (void)db.execute(QStringLiteral("PRAGMA secure_delete = OFF"));
        if (!tx)
            return tx;
        // Nor in the write-ahead log's old frames once they reach the database file.
        (void)db.query(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        markDone();
        qCInfo(lcRegistry, "patient identity sealed under the identity key");
        return {};
    }

    // --- writing -----------------------------------------------------------------------------

    Result<QString> freshPseudonym(QUuid &id)
    {
        // 60-bit pseudonyms collide about once in 10^6 registries of a million patients; then a new
        // internal id is drawn.
        for (int attempt = 0; attempt < 8; ++attempt) {
            id = QUuid::createUuid();
            const QString pseudonym = pseudonyms.patientPseudonym(id);
            auto taken = db.queryOne(QStringLiteral("SELECT 1 FROM registry_patients WHERE pseudonym = ?1"),
                                     {pseudonym});
            if (!taken)
                return taken.error();
            if (!taken.value())
                return pseudonym;
        }
        return makeError(Error::Code::Conflict, tr("No free pseudonymous ID could be drawn."));
    }

    Result<void> insertIdentifier(const QString &patientId, const PatientIdentifier &id, const QString &actor)
    {
        if (auto ok = needIdentity(); !ok)
            return ok;
        const QByteArray keyHash = identifierHash(id);
        auto value = seal->sealIdentifier(keyHash, id.value);
        if (!value)
            return value.error();
        auto r =
            db.execute(QStringLiteral("INSERT INTO registry_identifiers (patient_id, type, value, issuer, "
                                      "verified, key_hash, added_at, added_by) VALUES (?1, ?2, ?3, ?4, ?5, "
                                      "?6, ?7, ?8)"),
                       {patientId, identifierTypeId(id.type), value.value(), id.issuer, id.verified ? 1 : 0,
                        keyHash, nowMs(), actor});
        if (!r)
            return r.error();
        return {};
    }

    // The snapshot's identity part, sealed for this version; the rest stays readable.
    Result<QJsonObject> sealedSnapshot(const QString &patientId, int version, QJsonObject snapshot)
    {
        if (auto ok = needIdentity(); !ok)
            return ok.error();
        QJsonObject identity;
        for (const QString &field : rows::kSnapshotIdentityFields)
            identity.insert(field, snapshot.take(field));
        auto sealed = seal->sealSnapshot(patientId, version, identity);
        if (!sealed)
            return sealed.error();
        snapshot.insert(QStringLiteral("identity"), sealed.value());
        return snapshot;
    }

    // A stored snapshot with its identity part opened (left out without the key).
    Result<Patient> openedSnapshot(const QString &patientId, int version, const QString &stored) const
    {
        QJsonObject snapshot = QJsonDocument::fromJson(stored.toUtf8()).object();
        if (snapshot.contains(QStringLiteral("identity"))) {
            const QString sealed = snapshot.take(QStringLiteral("identity")).toString();
            if (seal) {
                auto identity = seal->openSnapshot(patientId, version, sealed);
                if (!identity)
                    return identity.error();
                for (auto it = identity->constBegin(); it != identity->constEnd(); ++it)
                    snapshot.insert(it.key(), it.value());
            }
        }
        return rows::patientFromSnapshot(snapshot);
    }

    Result<void> writePatientVersion(const Patient &p, const QString &change, const QString &reason,
                                     const QString &actor)
    {
        auto snapshot = sealedSnapshot(p.idString(), p.version, rows::patientSnapshot(p));
        if (!snapshot)
            return snapshot.error();
        auto r = db.execute(
            QStringLiteral("INSERT INTO registry_patient_versions (patient_id, version, snapshot, "
                           "change, reason, changed_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5, "
                           "?6, ?7)"),
            {p.idString(), p.version, rows::jsonText(snapshot.value()), change, reason, nowMs(), actor});
        if (!r)
            return r.error();
        return {};
    }

    Result<QList<QUuid>> currentAttachmentIds(const QString &eventId)
    {
        auto rs = db.query(QStringLiteral("SELECT id FROM registry_attachments WHERE event_id = ?1 AND "
                                          "removed_at IS NULL ORDER BY added_at, id"),
                           {eventId});
        if (!rs)
            return rs.error();
        QList<QUuid> ids;
        for (const auto &row : rs.value())
            ids << QUuid::fromString(row.at(0).toString());
        return ids;
    }

    // Writes version `version` of an event: the current row and its entry in the history.
    Result<void> writeEventVersion(const QString &eventId, int version, const EventDraft &content,
                                   bool removed, EventChange change, const QString &reason,
                                   const QString &actor)
    {
        const qint64 now = nowMs();
        QVariantList params{version};
        params << rows::contentParams(content);
        params << (removed ? 1 : 0) << now << actor << eventId;
        auto u =
            db.execute(QStringLiteral("UPDATE registry_events SET version = ?1, type = ?2, start_at = ?3, "
                                      "end_at = ?4, title = ?5, annotation = ?6, payload = ?7, "
                                      "form_records = ?8, removed = ?9, updated_at = ?10, updated_by = ?11 "
                                      "WHERE id = ?12"),
                       params);
        if (!u)
            return u.error();
        auto atts = currentAttachmentIds(eventId);
        if (!atts)
            return atts.error();
        QVariantList vp{eventId, version};
        vp << rows::contentParams(content);
        vp << rows::jsonText(rows::uuidArray(atts.value())) << (removed ? 1 : 0) << eventChangeId(change)
           << reason << now << actor;
        auto v =
            db.execute(QStringLiteral("INSERT INTO registry_event_versions (%1) VALUES (?1, ?2, ?3, ?4, ?5, "
                                      "?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")
                           .arg(rows::kVersionColumns),
                       vp);
        if (!v)
            return v.error();
        return {};
    }

    Result<void> checkSingleDeath(const QString &patientId, const EventDraft &content, const QString &self)
    {
        if (content.type != EventType::Death)
            return {};
        auto row =
            db.queryOne(QStringLiteral("SELECT 1 FROM registry_events WHERE patient_id = ?1 AND type = "
                                       "'death' AND removed = 0 AND id <> ?2"),
                        {patientId, self});
        if (!row)
            return row.error();
        if (row.value())
            return conflict(tr("The patient already has a death event; edit that one instead."));
        return {};
    }

    // The live record a merged one now belongs to (follows merged_into).
    Result<QString> survivorOf(const QString &patientId)
    {
        QString current = patientId;
        for (int depth = 0; depth < kMaxMergeDepth; ++depth) {
            auto row = db.queryOne(QStringLiteral("SELECT merged_into FROM registry_patients WHERE id = ?1"),
                                   {current});
            if (!row)
                return row.error();
            if (!row.value())
                return patientNotFound();
            if (row.value()->at(0).isNull())
                return current;
            current = row.value()->at(0).toString();
        }
        return makeError(Error::Code::Corrupt, tr("The merge chain of a patient does not end."));
    }

    Result<MergeRecord> loadMerge(const QString &mergeId)
    {
        auto row = db.queryOne(
            QStringLiteral("SELECT m.id, m.survivor_id, m.merged_id, s.pseudonym, g.pseudonym, m.reason, "
                           "m.merged_at, m.merged_by, m.lineage, m.undone_at, m.undone_by, m.undo_reason "
                           "FROM registry_merges m JOIN registry_patients s ON s.id = m.survivor_id "
                           "JOIN registry_patients g ON g.id = m.merged_id WHERE m.id = ?1"),
            {mergeId});
        if (!row)
            return row.error();
        if (!row.value())
            return notFound(tr("No such merge."));
        return mergeFromRow(*row.value());
    }

    static MergeRecord mergeFromRow(const store::Row &r)
    {
        MergeRecord m;
        m.id = QUuid::fromString(r.at(0).toString());
        m.survivorId = QUuid::fromString(r.at(1).toString());
        m.mergedId = QUuid::fromString(r.at(2).toString());
        m.survivorPseudonym = r.at(3).toString();
        m.mergedPseudonym = r.at(4).toString();
        m.reason = r.at(5).toString();
        m.mergedAt = rows::timeFrom(r.at(6));
        m.mergedBy = r.at(7).toString();
        const QJsonObject lineage = QJsonDocument::fromJson(r.at(8).toString().toUtf8()).object();
        m.movedEvents = rows::uuidList(lineage.value(QStringLiteral("events")).toArray());
        for (const auto &v : lineage.value(QStringLiteral("identifiers")).toArray())
            m.movedIdentifiers << v.toInteger();
        for (const auto &v : lineage.value(QStringLiteral("candidates")).toArray())
            m.resolvedCandidates << v.toObject().value(QStringLiteral("id")).toInteger();
        const QJsonObject followers = lineage.value(QStringLiteral("followers")).toObject();
        for (auto it = followers.constBegin(); it != followers.constEnd(); ++it)
            m.followers.insert(it.key(), it.value().toObject().value(QStringLiteral("count")).toInt());
        const QJsonObject overrideInfo = lineage.value(QStringLiteral("override")).toObject();
        m.overrideReason = overrideInfo.value(QStringLiteral("reason")).toString();
        m.overrideBy = overrideInfo.value(QStringLiteral("by")).toString();
        m.undone = !r.at(9).isNull();
        m.undoneAt = rows::timeFrom(r.at(9));
        m.undoneBy = r.at(10).toString();
        m.undoReason = r.at(11).toString();
        return m;
    }

    Result<TimelineEvent> changeEvent(const QString &actor, const QUuid &eventId, QStringView auditType,
                                      const std::function<Result<std::optional<std::pair<EventDraft, bool>>>(
                                          const TimelineEvent &current, const Patient &owner)> &compute,
                                      EventChange change, const QString &reason, QJsonObject detail = {});
};

// Applies `compute` to the current event inside one transaction; it returns the new content and
// removed state, or nullopt when nothing changes.
Result<TimelineEvent> SqlCipherRegistry::Impl::changeEvent(
    const QString &actor, const QUuid &eventId, QStringView auditType,
    const std::function<Result<std::optional<std::pair<EventDraft, bool>>>(const TimelineEvent &,
                                                                           const Patient &)> &compute,
    EventChange change, const QString &reason, QJsonObject detail)
{
    QString pseudonym;
    int newVersion = 0;
    auto tx = db.transaction([&]() -> Result<void> {
        auto current = loadEvent(eventId);
        if (!current)
            return current.error();
        auto owner = loadPatient(current->patientId);
        if (!owner)
            return owner.error();
        pseudonym = owner->pseudonymId;
        auto next = compute(current.value(), owner.value());
        if (!next)
            return next.error();
        if (!next.value()) {
            newVersion = current->version;
            return {};
        }
        const auto &[content, removed] = *next.value();
        if (!removed) {
            if (auto death = checkSingleDeath(owner->idString(), content, current->idString()); !death)
                return death;
        }
        newVersion = current->version + 1;
        return writeEventVersion(current->idString(), newVersion, content, removed, change, reason, actor);
    });
    if (!tx) {
        if (!pseudonym.isEmpty())
            audit(auditType, Action::Update, actor, {pseudonym}, QStringLiteral("timeline-event"),
                  rows::uuidText(eventId), false,
                  QJsonObject{{QStringLiteral("error"), Error::codeName(tx.error().code)}});
        return tx.error();
    }
    detail.insert(QStringLiteral("version"), newVersion);
    audit(auditType, change == EventChange::Remove ? Action::Delete : Action::Update, actor, {pseudonym},
          QStringLiteral("timeline-event"), rows::uuidText(eventId), true, detail);
    return loadEvent(eventId);
}

SqlCipherRegistry::SqlCipherRegistry() = default;
SqlCipherRegistry::~SqlCipherRegistry() = default;

Result<std::unique_ptr<SqlCipherRegistry>> SqlCipherRegistry::open(store::Database &database,
                                                                   const Clock &clock,
                                                                   RegistryAuditSink &auditSink,
                                                                   const SecureBytes &pseudonymKey)
{
    return open(database, clock, auditSink, pseudonymKey, Options());
}

Result<std::unique_ptr<SqlCipherRegistry>>
SqlCipherRegistry::open(store::Database &database, const Clock &clock, RegistryAuditSink &auditSink,
                        const SecureBytes &pseudonymKey, Options options)
{
    if (pseudonymKey.size() != 32)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the registry pseudonym key must be 32 bytes"));
    initResources();
    auto migrated = database.migrate(QStringLiteral("registry"), QStringLiteral(":/mdp/registry/migrations"));
    if (!migrated)
        return migrated.error();
    std::unique_ptr<SqlCipherRegistry> registry(new SqlCipherRegistry);
    std::optional<SecureBytes> identityKey = std::move(options.identityKey);
    options.identityKey.reset();
    registry->d = std::make_unique<Impl>(database, clock, auditSink, pseudonymKey, std::move(options));
    if (identityKey) {
        auto seal = IdentitySeal::open(*identityKey);
        if (!seal)
            return seal.error();
        registry->d->seal = std::move(seal.value());
        if (auto sealed = registry->d->sealLegacyRows(); !sealed)
            return sealed.error();
    }
    return registry;
}

Result<void> SqlCipherRegistry::useIdentityKey(const SecureBytes &key)
{
    auto seal = IdentitySeal::open(key);
    if (!seal)
        return seal.error();
    d->seal = std::move(seal.value());
    return {};
}

Result<std::optional<bool>> SqlCipherRegistry::identityKeyOpens(store::Database &database,
                                                                const SecureBytes &identityKey)
{
    auto seal = IdentitySeal::open(identityKey);
    if (!seal)
        return seal.error();
    auto tables = database.queryOne(
        QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'registry_identifiers'"));
    if (!tables)
        return tables.error();
    if (!tables.value())
        return std::optional<bool>(); // a new workspace: the registry is not made yet
    bool checked = false;
    for (const char *order : {"ASC", "DESC"}) {
        auto patient =
            database.queryOne(QStringLiteral("SELECT id, identity FROM registry_patients WHERE identity "
                                             "IS NOT NULL ORDER BY rowid %1 LIMIT 1")
                                  .arg(QLatin1StringView(order)));
        if (!patient)
            return patient.error();
        if (!patient.value())
            break;
        Patient p;
        if (!seal.value()->openPatient(patient.value()->at(0).toString(),
                                       patient.value()->at(1).toByteArray(), p))
            return std::optional<bool>(false);
        checked = true;
    }
    auto identifier = database.queryOne(QStringLiteral("SELECT value, key_hash FROM registry_identifiers "
                                                       "WHERE value LIKE 'sealed:%' ORDER BY rowid LIMIT 1"));
    if (!identifier)
        return identifier.error();
    if (identifier.value()) {
        if (!seal.value()->openIdentifier(identifier.value()->at(1).toByteArray(),
                                          identifier.value()->at(0).toString()))
            return std::optional<bool>(false);
        checked = true;
    }
    return checked ? std::optional<bool>(true) : std::optional<bool>();
}

Result<qint64> SqlCipherRegistry::renewIdentityKey(const SecureBytes &newKey)
{
    if (auto ok = d->needIdentity(); !ok)
        return ok.error();
    if (!d->db.inTransaction())
        return makeError(Error::Code::Conflict,
                         QStringLiteral("renewing the identity key needs the caller's transaction"));
    auto next = IdentitySeal::open(newKey);
    if (!next)
        return next.error();
    IdentitySeal &old = *d->seal;
    IdentitySeal &fresh = *next.value();
    store::Database &db = d->db;
    qint64 count = 0;

    auto patients =
        db.query(QStringLiteral("SELECT id, identity FROM registry_patients WHERE identity IS NOT NULL"));
    if (!patients)
        return patients.error();
    for (const auto &row : patients.value()) {
        const QString id = row.at(0).toString();
        Patient p;
        if (auto opened = old.openPatient(id, row.at(1).toByteArray(), p); !opened)
            return opened.error();
        auto sealed = fresh.sealPatient(id, p);
        if (!sealed)
            return sealed.error();
        if (auto u = db.execute(QStringLiteral("UPDATE registry_patients SET identity = ?1 WHERE id = ?2"),
                                {sealed.value(), id});
            !u)
            return u.error();
        ++count;
    }
    auto identifiers = db.query(QStringLiteral(
        "SELECT id, type, value, issuer, key_hash FROM registry_identifiers WHERE value LIKE 'sealed:%'"));
    if (!identifiers)
        return identifiers.error();
    for (const auto &row : identifiers.value()) {
        PatientIdentifier id;
        id.type = identifierTypeFromId(row.at(1).toString()).value_or(IdentifierType::Other);
        auto value = old.openIdentifier(row.at(4).toByteArray(), row.at(2).toString());
        if (!value)
            return value.error();
        id.value = value.value();
        id.issuer = row.at(3).toString();
        const PatientIdentifier normalised = id.normalised();
        const QByteArray keyHash =
            fresh.identifierKey(identifierTypeId(normalised.type), keyIssuer(normalised), normalised.value);
        auto sealed = fresh.sealIdentifier(keyHash, id.value);
        if (!sealed)
            return sealed.error();
        if (auto u = db.execute(
                QStringLiteral("UPDATE registry_identifiers SET value = ?1, key_hash = ?2 WHERE id = ?3"),
                {sealed.value(), keyHash, row.at(0)});
            !u)
            return u.error();
        ++count;
    }
    auto versions =
        db.query(QStringLiteral("SELECT patient_id, version, snapshot FROM registry_patient_versions "
                                "WHERE snapshot LIKE '%\"identity\":\"sealed:%'"));
    if (!versions)
        return versions.error();
    for (const auto &row : versions.value()) {
        const QString patientId = row.at(0).toString();
        const int version = int(row.at(1).toLongLong());
        QJsonObject snapshot = QJsonDocument::fromJson(row.at(2).toString().toUtf8()).object();
        auto identity =
            old.openSnapshot(patientId, version, snapshot.value(QStringLiteral("identity")).toString());
        if (!identity)
            return identity.error();
        auto sealed = fresh.sealSnapshot(patientId, version, identity.value());
        if (!sealed)
            return sealed.error();
        snapshot.insert(QStringLiteral("identity"), sealed.value());
        if (auto u = db.execute(QStringLiteral("UPDATE registry_patient_versions SET snapshot = ?1 WHERE "
                                               "patient_id = ?2 AND version = ?3"),
                                {rows::jsonText(snapshot), patientId, version});
            !u)
            return u.error();
        ++count;
    }
    d->seal = std::move(next.value());
    return count;
}

// --- patients --------------------------------------------------------------------------------

Result<DuplicateCheck> SqlCipherRegistry::checkDuplicates(const PatientDraft &draft)
{
    if (auto ok = d->needIdentity(); !ok)
        return ok.error();
    auto valid = d->validator.patient(draft);
    if (!valid)
        return valid.error();
    return d->duplicatesOf(valid->name, valid->sex, valid->birthDate, valid->identifiers, QString());
}

Result<Patient> SqlCipherRegistry::createPatient(const QString &actor, const PatientDraft &draft,
                                                 const DuplicateDecision &decision)
{
    if (auto ok = d->needIdentity(); !ok)
        return ok.error();
    auto valid = d->validator.patient(draft);
    if (!valid)
        return valid.error();
    const PatientDraft &v = valid.value();
    const bool createSeparate = decision.choice == DuplicateDecision::Choice::CreateSeparate;
    QString decisionReason;
    if (createSeparate) {
        auto why = RecordValidator::reason(decision.reason);
        if (!why)
            return why.error();
        decisionReason = why.value();
    }
    std::optional<DuplicateFound> blocked;
    std::optional<DuplicateFound> undecided;
    std::optional<DuplicateFound> decided;
    QUuid id;
    QList<ProbableMatch> queued;
    auto tx = d->db.transaction([&]() -> Result<void> {
        // Inside the write transaction: another writer's patient is either committed (and seen here)
        // or waits for this one to finish, so the check and the insert cannot interleave.
        auto check = d->duplicatesOf(v.name, v.sex, v.birthDate, v.identifiers, QString());
        if (!check)
            return check.error();
        if (check->blocking) {
            blocked = check->blocking;
            return d->duplicateError(*blocked);
        }
        if (check->sameIdentifier) {
            if (!createSeparate) {
                undecided = check->sameIdentifier;
                return d->unverifiedDuplicateError(*undecided);
            }
            decided = check->sameIdentifier;
        }
        auto pseudonym = d->freshPseudonym(id);
        if (!pseudonym)
            return pseudonym.error();
        const qint64 now = d->nowMs();
        Patient p;
        p.id = id;
        p.pseudonymId = pseudonym.value();
        p.name = v.name;
        p.sex = v.sex;
        p.birthDate = v.birthDate;
        p.contact = v.contact;
        p.identifiers = v.identifiers;
        p.version = 1;
        const NameReading reading = nameReading(v.name);
        p.pinyin = reading.full;
        p.pinyinInitials = reading.initials;
        auto sealed = d->seal->sealPatient(p.idString(), p);
        if (!sealed)
            return sealed.error();
        // The plain name and contact columns stay empty: identity lives in the sealed column only.
        auto ins = d->db.execute(
            QStringLiteral(
                "INSERT INTO registry_patients (%1) VALUES (?1, ?2, '', '', '', '', '', '', ?3, ?4, "
                "'', '', '', 1, ?5, ?6, ?5, ?6, NULL, ?7)")
                .arg(rows::kPatientColumns),
            {p.idString(), p.pseudonymId, sexCode(v.sex), v.birthDate.toString(Qt::ISODate), now, actor,
             sealed.value()});
        if (!ins)
            return ins.error();
        for (const PatientIdentifier &identifier : v.identifiers) {
            if (auto r = d->insertIdentifier(p.idString(), identifier, actor); !r)
                return r;
        }
        if (auto r = d->writePatientVersion(p, QStringLiteral("create"), QString(), actor); !r)
            return r;
        if (auto r = d->step(u"create.patient-inserted"); !r)
            return r;
        queued = check->probable;
        return d->queueCandidates(p.idString(), queued);
    });
    if (!tx) {
        Error error = tx.error();
        if (!blocked && error.code == Error::Code::AlreadyExists) {
            // The unique index caught what the check could not see (it should not happen under
            // BEGIN IMMEDIATE, but the index is the last word): name the holder all the same.
            qCWarning(lcRegistry) << "the unique identifier index refused a duplicate the check did not see";
            auto again = d->duplicatesOf(v.name, v.sex, v.birthDate, v.identifiers, QString());
            if (again && again->blocking) {
                blocked = again->blocking;
                error = d->duplicateError(*blocked);
            }
        }
        if (blocked)
            d->audit(
                RegistryEvent::PatientCreate, Action::Create, actor, {blocked->pseudonymId}, {}, {}, false,
                QJsonObject{{QStringLiteral("refused"), QStringLiteral("duplicate-identifier")},
                            {QStringLiteral("identifier_type"), identifierTypeId(blocked->identifierType)}});
        else if (undecided)
            d->audit(RegistryEvent::PatientCreate, Action::Create, actor, {undecided->pseudonymId}, {}, {},
                     false,
                     QJsonObject{
                         {QStringLiteral("refused"), QStringLiteral("duplicate-identifier-unverified")},
                         {QStringLiteral("identifier_type"), identifierTypeId(undecided->identifierType)}});
        return error;
    }
    auto created = d->loadPatient(id);
    if (!created)
        return created.error();
    QJsonArray possible;
    QStringList involved{created->pseudonymId};
    for (const auto &m : queued) {
        possible.append(m.pseudonymId);
        involved << m.pseudonymId;
    }
    QJsonObject detail{{QStringLiteral("identifiers"), int(v.identifiers.size())}};
    if (!possible.isEmpty())
        detail.insert(QStringLiteral("possible_duplicates"), possible);
    if (decided) {
        // The operator's decision, with the patient it was taken against: R-6.1.1b traceability.
        detail.insert(QStringLiteral("duplicate_decision"), QStringLiteral("create-separate"));
        detail.insert(QStringLiteral("decision_reason"), decisionReason);
        detail.insert(QStringLiteral("decided_against"), decided->pseudonymId);
    }
    d->audit(RegistryEvent::PatientCreate, Action::Create, actor, involved, {}, {}, true, detail);
    return created;
}

Result<Patient> SqlCipherRegistry::updatePatient(const QString &actor, const QUuid &patientId,
                                                 const PatientDraft &draft, int expectedVersion,
                                                 const QString &reason)
{
    if (auto ok = d->needIdentity(); !ok)
        return ok.error();
    auto why = RecordValidator::reason(reason);
    if (!why)
        return why.error();
    PatientDraft withoutIds = draft;
    withoutIds.identifiers.clear();
    auto valid = d->validator.patient(withoutIds);
    if (!valid)
        return valid.error();
    const PatientDraft &v = valid.value();
    QString pseudonym;
    QList<ProbableMatch> queued;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto current = d->loadPatient(patientId);
        if (!current)
            return current.error();
        pseudonym = current->pseudonymId;
        if (current->isMerged())
            return conflict(tr("This record was merged into another; edit the surviving record."));
        if (current->version != expectedVersion)
            return staleVersion(current->version);
        // Identifiers stay: they must still agree with the corrected birth date and sex.
        for (const PatientIdentifier &id : std::as_const(current->identifiers)) {
            if (auto r = d->validator.identifier(id, v.birthDate, v.sex); !r)
                return r.error();
        }
        Patient next = current.value();
        next.name = v.name;
        next.sex = v.sex;
        next.birthDate = v.birthDate;
        next.contact = v.contact;
        next.version = current->version + 1;
        const NameReading reading = nameReading(v.name);
        next.pinyin = reading.full;
        next.pinyinInitials = reading.initials;
        auto sealed = d->seal->sealPatient(next.idString(), next);
        if (!sealed)
            return sealed.error();
        auto u = d->db.execute(
            QStringLiteral(
                "UPDATE registry_patients SET family_name = '', given_name = '', family_name_latin "
                "= '', given_name_latin = '', pinyin = '', pinyin_initials = '', sex = ?1, "
                "birth_date = ?2, phone = '', email = '', address = '', version = ?3, updated_at = "
                "?4, updated_by = ?5, identity = ?6 WHERE id = ?7"),
            {sexCode(v.sex), v.birthDate.toString(Qt::ISODate), next.version, d->nowMs(), actor,
             sealed.value(), next.idString()});
        if (!u)
            return u.error();
        if (auto r = d->writePatientVersion(next, QStringLiteral("update"), why.value(), actor); !r)
            return r;
        auto check = d->duplicatesOf(v.name, v.sex, v.birthDate, {}, next.idString());
        if (!check)
            return check.error();
        queued = check->probable;
        return d->queueCandidates(next.idString(), queued);
    });
    if (!tx) {
        if (!pseudonym.isEmpty())
            d->audit(RegistryEvent::PatientUpdate, Action::Update, actor, {pseudonym}, {}, {}, false,
                     QJsonObject{{QStringLiteral("error"), Error::codeName(tx.error().code)}});
        return tx.error();
    }
    auto updated = d->loadPatient(patientId);
    if (!updated)
        return updated.error();
    QStringList involved{pseudonym};
    for (const auto &m : queued)
        involved << m.pseudonymId;
    d->audit(RegistryEvent::PatientUpdate, Action::Update, actor, involved, {}, {}, true,
             QJsonObject{{QStringLiteral("version"), updated->version}});
    return updated;
}

Result<Patient> SqlCipherRegistry::addIdentifier(const QString &actor, const QUuid &patientId,
                                                 const PatientIdentifier &identifier)
{
    if (auto ok = d->needIdentity(); !ok)
        return ok.error();
    QString pseudonym;
    std::optional<DuplicateFound> blocked;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto current = d->loadPatient(patientId);
        if (!current)
            return current.error();
        pseudonym = current->pseudonymId;
        if (current->isMerged())
            return conflict(tr("This record was merged into another; edit the surviving record."));
        auto id = d->validator.identifier(identifier, current->birthDate, current->sex);
        if (!id)
            return id.error();
        for (const PatientIdentifier &held : std::as_const(current->identifiers)) {
            if (held.type == id->type && held.value == id->value && keyIssuer(held) == keyIssuer(id.value()))
                return makeError(Error::Code::AlreadyExists, tr("The patient already has this identifier."));
        }
        auto check = d->duplicatesOf(current->name, current->sex, current->birthDate, {id.value()},
                                     current->idString());
        if (!check)
            return check.error();
        if (check->blocking) {
            blocked = check->blocking;
            return d->duplicateError(*blocked);
        }
        if (auto r = d->insertIdentifier(current->idString(), id.value(), actor); !r)
            return r;
        Patient next = current.value();
        next.identifiers << id.value();
        next.version = current->version + 1;
        auto u = d->db.execute(QStringLiteral("UPDATE registry_patients SET version = ?1, updated_at = ?2, "
                                              "updated_by = ?3 WHERE id = ?4"),
                               {next.version, d->nowMs(), actor, next.idString()});
        if (!u)
            return u.error();
        if (auto r = d->writePatientVersion(next, QStringLiteral("add-identifier"), QString(), actor); !r)
            return r;
        QList<ProbableMatch> identifierMatches;
        for (const auto &m : check->probable) {
            if (m.reasons.contains(QStringLiteral("same-identifier-unverified")))
                identifierMatches << m;
        }
        return d->queueCandidates(next.idString(), identifierMatches);
    });
    if (!tx) {
        if (!pseudonym.isEmpty()) {
            QStringList involved{pseudonym};
            if (blocked)
                involved << blocked->pseudonymId;
            d->audit(RegistryEvent::PatientUpdate, Action::Update, actor, involved, {}, {}, false,
                     QJsonObject{{QStringLiteral("error"), Error::codeName(tx.error().code)},
                                 {QStringLiteral("change"), QStringLiteral("add-identifier")}});
        }
        return tx.error();
    }
    d->audit(RegistryEvent::PatientUpdate, Action::Update, actor, {pseudonym}, {}, {}, true,
             QJsonObject{{QStringLiteral("change"), QStringLiteral("add-identifier")},
                         {QStringLiteral("identifier_type"), identifierTypeId(identifier.type)}});
    return d->loadPatient(patientId);
}

Result<Patient> SqlCipherRegistry::patient(const QString &actor, const QUuid &patientId)
{
    auto p = d->loadPatient(patientId);
    if (!p)
        return p.error();
    d->audit(RegistryEvent::PatientView, Action::Read, actor, {p->pseudonymId});
    return p;
}

Result<Patient> SqlCipherRegistry::patientByPseudonym(const QString &actor, const QString &pseudonymId)
{
    auto p = d->loadPatientWhere(QStringLiteral("pseudonym"), pseudonymId.trimmed().toUpper());
    if (!p)
        return p.error();
    if (!p.value())
        return patientNotFound();
    d->audit(RegistryEvent::PatientView, Action::Read, actor, {p.value()->pseudonymId});
    return *p.value();
}

Result<std::optional<Patient>> SqlCipherRegistry::findByIdentifier(const QString &actor,
                                                                   const PatientIdentifier &identifier)
{
    if (auto ok = d->needIdentity(); !ok)
        return ok.error();
    const PatientIdentifier id = identifier.normalised();
    auto row =
        d->db.queryOne(QStringLiteral("SELECT patient_id FROM registry_identifiers WHERE key_hash = ?1 "
                                      "ORDER BY verified DESC, id LIMIT 1"),
                       {d->identifierHash(id)});
    if (!row)
        return row.error();
    QJsonObject detail{{QStringLiteral("identifier_type"), identifierTypeId(id.type)}};
    if (!row.value()) {
        detail.insert(QStringLiteral("found"), 0);
        d->audit(RegistryEvent::PatientQuery, Action::Read, actor, {}, {}, {}, true, detail);
        return std::optional<Patient>();
    }
    auto p = d->loadPatient(QUuid::fromString(row.value()->at(0).toString()));
    if (!p)
        return p.error();
    detail.insert(QStringLiteral("found"), 1);
    d->audit(RegistryEvent::PatientQuery, Action::Read, actor, {p->pseudonymId}, {}, {}, true, detail);
    return std::optional<Patient>(p.value());
}

Result<PatientPage> SqlCipherRegistry::patients(const QString &actor, const PageRequest &request)
{
    const int limit = std::clamp(request.limit, 1, kMaxPageSize);
    const int offset = std::max(0, request.offset);
    const QString where = request.includeMerged ? QString() : QStringLiteral("WHERE merged_into IS NULL");
    auto total = d->db.queryOne(QStringLiteral("SELECT COUNT(*) FROM registry_patients %1").arg(where));
    if (!total)
        return total.error();
    auto rs = d->db.query(QStringLiteral("SELECT %1 FROM registry_patients %2 ORDER BY created_at, id "
                                         "LIMIT ?1 OFFSET ?2")
                              .arg(rows::kPatientColumns, where),
                          {limit, offset});
    if (!rs)
        return rs.error();
    PatientPage page;
    page.total = total.value() ? total.value()->at(0).toLongLong() : 0;
    QStringList seen;
    for (const auto &row : rs.value()) {
        auto decoded = d->decode(row);
        if (!decoded)
            return decoded.error();
        Patient p = std::move(decoded.value());
        auto ids = d->identifiersOf(p.idString());
        if (!ids)
            return ids.error();
        p.identifiers = ids.value();
        seen << p.pseudonymId;
        page.patients << p;
    }
    d->audit(RegistryEvent::PatientQuery, Action::Read, actor, seen, {}, {}, true,
             QJsonObject{{QStringLiteral("offset"), offset}, {QStringLiteral("count"), int(seen.size())}});
    return page;
}

Result<QList<Patient>> SqlCipherRegistry::recentPatients(const QString &actor, int limit)
{
    limit = std::clamp(limit, 1, kMaxPageSize);
    // The account's own writes, newest first; a merged record counts for the one it was merged into.
    auto rs = d->db.query(
        QStringLiteral("SELECT COALESCE(p.merged_into, p.id) AS shown, MAX(w.at) AS last FROM ("
                       " SELECT patient_id AS pid, changed_at AS at FROM registry_patient_versions"
                       "  WHERE changed_by = ?1"
                       " UNION ALL SELECT e.patient_id, v.changed_at FROM registry_event_versions v"
                       "  JOIN registry_events e ON e.id = v.event_id WHERE v.changed_by = ?1"
                       ") w JOIN registry_patients p ON p.id = w.pid "
                       "GROUP BY shown ORDER BY last DESC LIMIT ?2"),
        {actor, limit});
    if (!rs)
        return rs.error();
    QList<Patient> recent;
    QStringList seen;
    for (const auto &row : rs.value()) {
        auto p = d->loadPatient(QUuid::fromString(row.at(0).toString()));
        if (!p)
            return p.error();
        if (p->isMerged())
            continue;
        seen << p->pseudonymId;
        recent << p.value();
    }
    d->audit(RegistryEvent::PatientQuery, Action::Read, actor, seen, {}, {}, true,
             QJsonObject{{QStringLiteral("list"), QStringLiteral("recent")},
                         {QStringLiteral("count"), int(seen.size())}});
    return recent;
}

Result<QList<PatientVersion>> SqlCipherRegistry::patientHistory(const QUuid &patientId)
{
    auto current = d->loadPatient(patientId);
    if (!current)
        return current.error();
    auto rs =
        d->db.query(QStringLiteral("SELECT version, snapshot, change, reason, changed_at, changed_by FROM "
                                   "registry_patient_versions WHERE patient_id = ?1 ORDER BY version"),
                    {current->idString()});
    if (!rs)
        return rs.error();
    QList<PatientVersion> history;
    for (const auto &row : rs.value()) {
        PatientVersion v;
        v.version = int(row.at(0).toLongLong());
        auto state = d->openedSnapshot(current->idString(), v.version, row.at(1).toString());
        if (!state)
            return state.error();
        v.state = std::move(state.value());
        v.state.id = current->id;
        v.state.pseudonymId = current->pseudonymId;
        v.state.version = v.version;
        v.change = row.at(2).toString();
        v.reason = row.at(3).toString();
        v.changedAt = rows::timeFrom(row.at(4));
        v.changedBy = row.at(5).toString();
        history << v;
    }
    return history;
}

// --- duplicates and merge ------------------------------------------------------------------------

Result<QList<DuplicateCandidate>> SqlCipherRegistry::possibleDuplicates(DuplicateStatus status)
{
    auto rs = d->db.query(
        QStringLiteral("SELECT c.id, c.patient_a, c.patient_b, a.pseudonym, b.pseudonym, c.score, "
                       "c.reasons, c.created_at, c.resolved_at, c.resolved_by, c.resolution "
                       "FROM registry_duplicate_candidates c "
                       "JOIN registry_patients a ON a.id = c.patient_a "
                       "JOIN registry_patients b ON b.id = c.patient_b "
                       "WHERE c.status = ?1 ORDER BY c.score DESC, c.id"),
        {duplicateStatusId(status)});
    if (!rs)
        return rs.error();
    QList<DuplicateCandidate> list;
    for (const auto &row : rs.value()) {
        DuplicateCandidate c;
        c.id = row.at(0).toLongLong();
        c.patientA = QUuid::fromString(row.at(1).toString());
        c.patientB = QUuid::fromString(row.at(2).toString());
        c.pseudonymA = row.at(3).toString();
        c.pseudonymB = row.at(4).toString();
        c.score = row.at(5).toDouble();
        c.reasons = row.at(6).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        c.status = status;
        c.created = rows::timeFrom(row.at(7));
        c.resolved = rows::timeFrom(row.at(8));
        c.resolvedBy = row.at(9).toString();
        c.resolution = row.at(10).toString();
        list << c;
    }
    return list;
}

Result<void> SqlCipherRegistry::dismissDuplicate(const QString &actor, qint64 candidateId,
                                                 const QString &reason)
{
    auto why = RecordValidator::reason(reason);
    if (!why)
        return why.error();
    QStringList involved;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto row =
            d->db.queryOne(QStringLiteral("SELECT a.pseudonym, b.pseudonym, c.status FROM "
                                          "registry_duplicate_candidates c "
                                          "JOIN registry_patients a ON a.id = c.patient_a "
                                          "JOIN registry_patients b ON b.id = c.patient_b WHERE c.id = ?1"),
                           {candidateId});
        if (!row)
            return row.error();
        if (!row.value())
            return notFound(tr("No such entry in the duplicate queue."));
        involved = {row.value()->at(0).toString(), row.value()->at(1).toString()};
        if (row.value()->at(2).toString() != duplicateStatusId(DuplicateStatus::Open))
            return conflict(tr("This pair was already resolved."));
        auto u =
            d->db.execute(QStringLiteral("UPDATE registry_duplicate_candidates SET status = 'dismissed', "
                                         "resolved_at = ?1, resolved_by = ?2, resolution = ?3 WHERE id = ?4"),
                          {d->nowMs(), actor, why.value(), candidateId});
        if (!u)
            return u.error();
        return {};
    });
    d->audit(RegistryEvent::DuplicateDismiss, Action::Update, actor, involved, QStringLiteral("duplicate"),
             QString::number(candidateId), tx.ok());
    return tx;
}

Result<MergeRecord> SqlCipherRegistry::merge(const QString &actor, const QUuid &survivorId,
                                             const QUuid &mergedId, const QString &reason,
                                             const std::optional<MergeOverride> &mergeOverride)
{
    auto why = RecordValidator::reason(reason);
    if (!why)
        return why.error();
    if (survivorId == mergedId)
        return makeError(Error::Code::InvalidArgument, tr("A patient cannot be merged into itself."));
    QString overrideReason;
    QString overrideBy;
    if (mergeOverride) {
        auto overrideWhy = RecordValidator::reason(mergeOverride->reason);
        if (!overrideWhy)
            return overrideWhy.error();
        overrideReason = overrideWhy.value();
        // The role comes from the signed-in session, not from `actor`, which any caller can name.
        const std::optional<ActingPrincipal> principal =
            d->options.principal ? d->options.principal() : std::nullopt;
        if (!principal || principal->accountId != actor || !principal->hasRole(kDataManagerRole))
            return makeError(Error::Code::PermissionDenied,
                             tr("Only a data manager, signed in, can merge records whose verified resident "
                                "IDs differ."));
        overrideBy = principal->accountId;
    }
    const QUuid mergeId = QUuid::createUuid();
    QStringList involved;
    QJsonObject followersMoved;
    bool overridden = false;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto survivor = d->loadPatient(survivorId);
        if (!survivor)
            return survivor.error();
        auto merged = d->loadPatient(mergedId);
        if (!merged)
            return merged.error();
        involved = {survivor->pseudonymId, merged->pseudonymId};
        if (survivor->isMerged())
            return conflict(tr("The surviving record %1 is itself merged into another record.")
                                .arg(survivor->pseudonymId));
        if (merged->isMerged())
            return conflict(
                tr("The record %1 is already merged into another record.").arg(merged->pseudonymId));
        const QString s = survivor->idString();
        const QString m = merged->idString();
        const qint64 now = d->nowMs();

        // Different verified resident IDs say two people (R-6.1.1d): merging them needs a data
        // manager's override.
        auto survivorIds = d->verifiedResidentIds(s);
        if (!survivorIds)
            return survivorIds.error();
        auto mergedIds = d->verifiedResidentIds(m);
        if (!mergedIds)
            return mergedIds.error();
        bool differ = false;
        for (const QString &value : std::as_const(mergedIds.value()))
            differ = differ || (!survivorIds->isEmpty() && !survivorIds->contains(value));
        if (differ) {
            if (!mergeOverride)
                return conflict(tr("%1 and %2 hold different verified resident IDs, so they are two people; "
                                   "they are not merged. A data manager can override this with a reason.")
                                    .arg(survivor->pseudonymId, merged->pseudonymId));
            overridden = true;
        }

        auto events = d->db.query(
            QStringLiteral("SELECT id FROM registry_events WHERE patient_id = ?1 ORDER BY id"), {m});
        if (!events)
            return events.error();
        auto identifiers = d->db.query(
            QStringLiteral("SELECT id FROM registry_identifiers WHERE patient_id = ?1 ORDER BY id"), {m});
        if (!identifiers)
            return identifiers.error();
        const auto [a, b] = orderedPair(survivorId, mergedId);
        auto candidates =
            d->db.query(QStringLiteral("SELECT id, status, resolved_at, resolved_by, resolution FROM "
                                       "registry_duplicate_candidates WHERE patient_a = ?1 AND "
                                       "patient_b = ?2"),
                        {a, b});
        if (!candidates)
            return candidates.error();

        QJsonArray eventIds;
        for (const auto &row : events.value())
            eventIds.append(row.at(0).toString());
        QJsonArray identifierIds;
        for (const auto &row : identifiers.value())
            identifierIds.append(row.at(0).toLongLong());
        // Each candidate's state before, so unmerge can put it back as it was.
        QJsonArray candidatesBefore;
        for (const auto &row : candidates.value()) {
            candidatesBefore.append(QJsonObject{
                {QStringLiteral("id"), row.at(0).toLongLong()},
                {QStringLiteral("status"), row.at(1).toString()},
                {QStringLiteral("resolved_at"),
                 row.at(2).isNull() ? QJsonValue() : QJsonValue(row.at(2).toLongLong())},
                {QStringLiteral("resolved_by"),
                 row.at(3).isNull() ? QJsonValue() : QJsonValue(row.at(3).toString())},
                {QStringLiteral("resolution"),
                 row.at(4).isNull() ? QJsonValue() : QJsonValue(row.at(4).toString())},
            });
        }

        if (auto r = d->db.execute(
                QStringLiteral("UPDATE registry_events SET patient_id = ?1 WHERE patient_id = ?2"), {s, m});
            !r)
            return r.error();
        if (auto r = d->step(u"merge.events-moved"); !r)
            return r;
        if (auto r = d->db.execute(
                QStringLiteral("UPDATE registry_identifiers SET patient_id = ?1 WHERE patient_id = ?2"),
                {s, m});
            !r)
            return r.error();
        if (auto r = d->step(u"merge.identifiers-moved"); !r)
            return r;
        if (auto r =
                d->db.execute(QStringLiteral("UPDATE registry_duplicate_candidates SET status = 'merged', "
                                             "resolved_at = ?1, resolved_by = ?2, resolution = ?3 WHERE "
                                             "patient_a = ?4 AND patient_b = ?5"),
                              {now, actor, why.value(), a, b});
            !r)
            return r.error();
        if (auto r = d->db.execute(
                QStringLiteral("UPDATE registry_patients SET merged_into = ?1 WHERE id = ?2"), {s, m});
            !r)
            return r.error();
        auto seq = d->db.queryOne(QStringLiteral("SELECT COALESCE(MAX(seq), 0) + 1 FROM registry_merges"));
        if (!seq)
            return seq.error();
        // Followers (form records) move inside this transaction: all of it commits or none.
        MergeRecord moving;
        moving.id = mergeId;
        moving.survivorId = survivor->id;
        moving.mergedId = merged->id;
        moving.survivorPseudonym = survivor->pseudonymId;
        moving.mergedPseudonym = merged->pseudonymId;
        QJsonObject followerLineage;
        for (MergeFollower *follower : std::as_const(d->options.mergeFollowers)) {
            auto moved = follower->followMerge(moving);
            if (!moved)
                return moved.error();
            followerLineage.insert(follower->name(), QJsonObject{{QStringLiteral("count"), moved->count},
                                                                 {QStringLiteral("moved"), moved->lineage}});
            followersMoved.insert(follower->name(), moved->count);
        }
        if (auto r = d->step(u"merge.followers-moved"); !r)
            return r;
        QJsonObject lineage{{QStringLiteral("events"), eventIds},
                            {QStringLiteral("identifiers"), identifierIds},
                            {QStringLiteral("candidates"), candidatesBefore},
                            {QStringLiteral("followers"), followerLineage}};
        if (overridden)
            lineage.insert(QStringLiteral("override"), QJsonObject{{QStringLiteral("reason"), overrideReason},
                                                                   {QStringLiteral("by"), overrideBy}});
        if (auto r =
                d->db.execute(QStringLiteral("INSERT INTO registry_merges (id, seq, survivor_id, merged_id, "
                                             "reason, merged_at, merged_by, lineage) VALUES (?1, ?2, ?3, ?4, "
                                             "?5, ?6, ?7, ?8)"),
                              {rows::uuidText(mergeId), seq.value()->at(0), s, m, why.value(), now, actor,
                               rows::jsonText(lineage)});
            !r)
            return r.error();
        return d->step(u"merge.recorded");
    });
    if (!tx) {
        if (!involved.isEmpty()) {
            QJsonObject detail{{QStringLiteral("error"), Error::codeName(tx.error().code)}};
            if (mergeOverride)
                detail.insert(QStringLiteral("override_requested"), true);
            d->audit(RegistryEvent::PatientMerge, Action::Update, actor, involved, QStringLiteral("merge"),
                     {}, false, detail);
        }
        return tx.error();
    }
    auto record = d->loadMerge(rows::uuidText(mergeId));
    if (!record)
        return record.error();
    qCInfo(lcRegistry) << "merge" << record->idString() << "moved" << record->movedEvents.size() << "events";
    QJsonObject detail{{QStringLiteral("events_moved"), int(record->movedEvents.size())},
                       {QStringLiteral("identifiers_moved"), int(record->movedIdentifiers.size())},
                       {QStringLiteral("survivor"), record->survivorPseudonym},
                       {QStringLiteral("merged"), record->mergedPseudonym}};
    for (auto it = followersMoved.constBegin(); it != followersMoved.constEnd(); ++it)
        detail.insert(it.key() + QStringLiteral("_moved"), it.value());
    if (overridden) {
        detail.insert(QStringLiteral("override_reason"), overrideReason);
        detail.insert(QStringLiteral("override_by"), overrideBy);
    }
    d->audit(RegistryEvent::PatientMerge, Action::Update, actor, involved, QStringLiteral("merge"),
             record->idString(), true, detail);
    return record;
}

Result<MergeRecord> SqlCipherRegistry::unmerge(const QString &actor, const QUuid &mergeId,
                                               const QString &reason)
{
    auto why = RecordValidator::reason(reason);
    if (!why)
        return why.error();
    QStringList involved;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto record = d->loadMerge(rows::uuidText(mergeId));
        if (!record)
            return record.error();
        involved = {record->survivorPseudonym, record->mergedPseudonym};
        if (record->undone)
            return conflict(tr("This merge was already undone."));
        const QString s = rows::uuidText(record->survivorId);
        const QString m = rows::uuidText(record->mergedId);
        auto later = d->db.queryOne(
            QStringLiteral(
                "SELECT COUNT(*) FROM registry_merges WHERE undone_at IS NULL AND seq > (SELECT seq FROM "
                "registry_merges WHERE id = ?1) AND (survivor_id IN (?2, ?3) OR merged_id IN (?2, ?3))"),
            {rows::uuidText(mergeId), s, m});
        if (!later)
            return later.error();
        if (later.value()->at(0).toLongLong() > 0)
            return conflict(tr("A later merge involving %1 or %2 is still in force; undo it first.")
                                .arg(record->survivorPseudonym, record->mergedPseudonym));
        auto state =
            d->db.queryOne(QStringLiteral("SELECT merged_into FROM registry_patients WHERE id = ?1"), {m});
        if (!state)
            return state.error();
        if (!state.value() || state.value()->at(0).toString() != s)
            return makeError(Error::Code::Corrupt,
                             tr("The merged record is not marked as merged into the survivor."));

        for (const QUuid &event : std::as_const(record->movedEvents)) {
            auto r = d->db.execute(
                QStringLiteral(
                    "UPDATE registry_events SET patient_id = ?1 WHERE id = ?2 AND patient_id = ?3"),
                {m, rows::uuidText(event), s});
            if (!r)
                return r.error();
            if (r.value() != 1)
                return makeError(Error::Code::Corrupt,
                                 tr("A moved event is no longer with the surviving record."));
        }
        if (auto r = d->step(u"unmerge.events-moved"); !r)
            return r;
        for (qint64 identifier : std::as_const(record->movedIdentifiers)) {
            auto r = d->db.execute(
                QStringLiteral(
                    "UPDATE registry_identifiers SET patient_id = ?1 WHERE id = ?2 AND patient_id = ?3"),
                {m, identifier, s});
            if (!r)
                return r.error();
            if (r.value() != 1)
                return makeError(Error::Code::Corrupt,
                                 tr("A moved identifier is no longer with the surviving record."));
        }
        auto lineageRow = d->db.queryOne(QStringLiteral("SELECT lineage FROM registry_merges WHERE id = ?1"),
                                         {rows::uuidText(mergeId)});
        if (!lineageRow)
            return lineageRow.error();
        const QJsonObject lineage =
            QJsonDocument::fromJson(lineageRow.value()->at(0).toString().toUtf8()).object();
        const QJsonObject followers = lineage.value(QStringLiteral("followers")).toObject();
        for (MergeFollower *follower : std::as_const(d->options.mergeFollowers)) {
            const QJsonObject moved = followers.value(follower->name()).toObject();
            if (moved.isEmpty())
                continue; // merged before this follower existed: it moved nothing then
            if (auto r = follower->followUnmerge(record.value(), moved.value(QStringLiteral("moved"))); !r)
                return r;
        }
        if (auto r = d->step(u"unmerge.followers-moved"); !r)
            return r;
        auto nullable = [](const QJsonValue &v, bool integer) -> QVariant {
            if (v.isNull() || v.isUndefined())
                return QVariant();
            return integer ? QVariant(v.toInteger()) : QVariant(v.toString());
        };
        for (const auto &value : lineage.value(QStringLiteral("candidates")).toArray()) {
            const QJsonObject c = value.toObject();
            auto r = d->db.execute(
                QStringLiteral("UPDATE registry_duplicate_candidates SET status = ?1, "
                               "resolved_at = ?2, resolved_by = ?3, resolution = ?4 WHERE id = ?5"),
                {c.value(QStringLiteral("status")).toString(),
                 nullable(c.value(QStringLiteral("resolved_at")), true),
                 nullable(c.value(QStringLiteral("resolved_by")), false),
                 nullable(c.value(QStringLiteral("resolution")), false),
                 c.value(QStringLiteral("id")).toInteger()});
            if (!r)
                return r.error();
        }
        if (auto r = d->db.execute(
                QStringLiteral("UPDATE registry_patients SET merged_into = NULL WHERE id = ?1"), {m});
            !r)
            return r.error();
        if (auto r =
                d->db.execute(QStringLiteral("UPDATE registry_merges SET undone_at = ?1, undone_by = ?2, "
                                             "undo_reason = ?3 WHERE id = ?4"),
                              {d->nowMs(), actor, why.value(), rows::uuidText(mergeId)});
            !r)
            return r.error();
        return d->step(u"unmerge.recorded");
    });
    if (!tx) {
        if (!involved.isEmpty())
            d->audit(RegistryEvent::PatientUnmerge, Action::Update, actor, involved, QStringLiteral("merge"),
                     rows::uuidText(mergeId), false,
                     QJsonObject{{QStringLiteral("error"), Error::codeName(tx.error().code)}});
        return tx.error();
    }
    auto record = d->loadMerge(rows::uuidText(mergeId));
    if (!record)
        return record.error();
    QJsonObject detail{{QStringLiteral("events_restored"), int(record->movedEvents.size())},
                       {QStringLiteral("identifiers_restored"), int(record->movedIdentifiers.size())}};
    for (auto it = record->followers.constBegin(); it != record->followers.constEnd(); ++it)
        detail.insert(it.key() + QStringLiteral("_restored"), it.value());
    d->audit(RegistryEvent::PatientUnmerge, Action::Update, actor, involved, QStringLiteral("merge"),
             record->idString(), true, detail);
    return record;
}

Result<MergeRecord> SqlCipherRegistry::mergeRecord(const QUuid &mergeId)
{
    return d->loadMerge(rows::uuidText(mergeId));
}

Result<QList<MergeRecord>> SqlCipherRegistry::lineage(const QUuid &patientId)
{
    auto rs =
        d->db.query(QStringLiteral("SELECT id FROM registry_merges WHERE survivor_id = ?1 OR merged_id = ?1 "
                                   "ORDER BY seq"),
                    {rows::uuidText(patientId)});
    if (!rs)
        return rs.error();
    QList<MergeRecord> list;
    for (const auto &row : rs.value()) {
        auto m = d->loadMerge(row.at(0).toString());
        if (!m)
            return m.error();
        list << m.value();
    }
    return list;
}

Result<QString> SqlCipherRegistry::checkRecordSubject(const QUuid &patientId, const QUuid &eventId)
{
    const QString pid = rows::uuidText(patientId);
    auto row = d->db.queryOne(
        QStringLiteral("SELECT pseudonym, merged_into FROM registry_patients WHERE id = ?1"), {pid});
    if (!row)
        return row.error();
    if (!row.value())
        return patientNotFound();
    const QString pseudonym = row.value()->at(0).toString();
    if (!row.value()->at(1).isNull()) {
        auto survivor = d->survivorOf(pid);
        if (!survivor)
            return survivor.error();
        auto survivorPseudonym = d->pseudonymOf(survivor.value());
        if (!survivorPseudonym)
            return survivorPseudonym.error();
        return conflict(tr("The record %1 was merged into %2; file the record under %2.")
                            .arg(pseudonym, survivorPseudonym.value()));
    }
    if (eventId.isNull())
        return pseudonym;
    auto event =
        d->db.queryOne(QStringLiteral("SELECT patient_id, removed FROM registry_events WHERE id = ?1"),
                       {rows::uuidText(eventId)});
    if (!event)
        return event.error();
    if (!event.value())
        return eventNotFound();
    if (event.value()->at(0).toString() != pid)
        return makeError(Error::Code::InvalidArgument,
                         tr("The timeline event belongs to another patient, not to %1.").arg(pseudonym));
    if (event.value()->at(1).toLongLong() != 0)
        return conflict(tr("The timeline event was removed; restore it or choose another."));
    return pseudonym;
}

// --- timeline --------------------------------------------------------------------------------

Result<TimelineEvent> SqlCipherRegistry::addEvent(const QString &actor, const QUuid &patientId,
                                                  const EventDraft &draft)
{
    const QUuid eventId = QUuid::createUuid();
    QString pseudonym;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto owner = d->loadPatient(patientId);
        if (!owner)
            return owner.error();
        pseudonym = owner->pseudonymId;
        if (owner->isMerged())
            return conflict(
                tr("This record was merged into another; add the event to the surviving record."));
        auto valid = d->validator.event(draft, owner->birthDate);
        if (!valid)
            return valid.error();
        if (auto r = d->checkSingleDeath(owner->idString(), valid.value(), QString()); !r)
            return r;
        const qint64 now = d->nowMs();
        QVariantList params{rows::uuidText(eventId), owner->idString()};
        params << rows::contentParams(valid.value()) << now << actor;
        auto ins =
            d->db.execute(QStringLiteral("INSERT INTO registry_events (id, patient_id, version, type, "
                                         "start_at, end_at, title, annotation, payload, form_records, "
                                         "removed, created_at, created_by, updated_at, updated_by) VALUES "
                                         "(?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?10, ?11)"),
                          params);
        if (!ins)
            return ins.error();
        return d->writeEventVersion(rows::uuidText(eventId), 1, valid.value(), false, EventChange::Create,
                                    QString(), actor);
    });
    if (!tx) {
        if (!pseudonym.isEmpty())
            d->audit(RegistryEvent::EventAdd, Action::Create, actor, {pseudonym},
                     QStringLiteral("timeline-event"), {}, false,
                     QJsonObject{{QStringLiteral("error"), Error::codeName(tx.error().code)}});
        return tx.error();
    }
    d->audit(RegistryEvent::EventAdd, Action::Create, actor, {pseudonym}, QStringLiteral("timeline-event"),
             rows::uuidText(eventId), true,
             QJsonObject{{QStringLiteral("event_type"), eventTypeId(draft.type)}});
    return d->loadEvent(eventId);
}

Result<TimelineEvent> SqlCipherRegistry::updateEvent(const QString &actor, const QUuid &eventId,
                                                     const EventDraft &draft, int expectedVersion,
                                                     const QString &reason)
{
    auto why = RecordValidator::reason(reason);
    if (!why)
        return why.error();
    return d->changeEvent(
        actor, eventId, RegistryEvent::EventUpdate,
        [&](const TimelineEvent &current,
            const Patient &owner) -> Result<std::optional<std::pair<EventDraft, bool>>> {
            if (current.version != expectedVersion)
                return staleVersion(current.version);
            if (current.removed)
                return conflict(tr("The event was removed; restore it before editing."));
            auto valid = d->validator.event(draft, owner.birthDate);
            if (!valid)
                return valid.error();
            if (valid.value() == current.content)
                return std::optional<std::pair<EventDraft, bool>>();
            return std::optional(std::make_pair(valid.value(), false));
        },
        EventChange::Update, why.value());
}

Result<TimelineEvent> SqlCipherRegistry::annotateEvent(const QString &actor, const QUuid &eventId,
                                                       const QString &annotation, int expectedVersion)
{
    return d->changeEvent(
        actor, eventId, RegistryEvent::EventAnnotate,
        [&](const TimelineEvent &current,
            const Patient &owner) -> Result<std::optional<std::pair<EventDraft, bool>>> {
            if (current.version != expectedVersion)
                return staleVersion(current.version);
            if (current.removed)
                return conflict(tr("The event was removed; restore it before annotating."));
            EventDraft next = current.content;
            next.annotation = annotation;
            auto valid = d->validator.event(next, owner.birthDate);
            if (!valid)
                return valid.error();
            if (valid->annotation == current.content.annotation)
                return std::optional<std::pair<EventDraft, bool>>();
            return std::optional(std::make_pair(valid.value(), false));
        },
        EventChange::Annotate, QString());
}

Result<TimelineEvent> SqlCipherRegistry::removeEvent(const QString &actor, const QUuid &eventId,
                                                     const QString &reason)
{
    auto why = RecordValidator::reason(reason);
    if (!why)
        return why.error();
    return d->changeEvent(
        actor, eventId, RegistryEvent::EventRemove,
        [&](const TimelineEvent &current,
            const Patient &) -> Result<std::optional<std::pair<EventDraft, bool>>> {
            if (current.removed)
                return conflict(tr("The event was already removed."));
            return std::optional(std::make_pair(current.content, true));
        },
        EventChange::Remove, why.value());
}

Result<TimelineEvent> SqlCipherRegistry::revertEvent(const QString &actor, const QUuid &eventId, int version,
                                                     const QString &reason)
{
    auto why = RecordValidator::reason(reason);
    if (!why)
        return why.error();
    return d->changeEvent(
        actor, eventId, RegistryEvent::EventRevert,
        [&](const TimelineEvent &current,
            const Patient &) -> Result<std::optional<std::pair<EventDraft, bool>>> {
            auto row =
                d->db.queryOne(QStringLiteral("SELECT %1 FROM registry_event_versions WHERE event_id = ?1 "
                                              "AND version = ?2")
                                   .arg(rows::kVersionColumns),
                               {current.idString(), version});
            if (!row)
                return row.error();
            if (!row.value())
                return notFound(tr("The event has no version %1.").arg(version));
            const EventVersion target = rows::version(*row.value());
            if (target.content == current.content && target.removed == current.removed)
                return std::optional<std::pair<EventDraft, bool>>();
            return std::optional(std::make_pair(target.content, target.removed));
        },
        EventChange::Revert, why.value(), QJsonObject{{QStringLiteral("reverted_to"), version}});
}

Result<TimelineEvent> SqlCipherRegistry::event(const QString &actor, const QUuid &eventId)
{
    auto e = d->loadEvent(eventId);
    if (!e)
        return e.error();
    auto pseudonym = d->pseudonymOf(rows::uuidText(e->patientId));
    if (!pseudonym)
        return pseudonym.error();
    d->audit(RegistryEvent::TimelineView, Action::Read, actor, {pseudonym.value()},
             QStringLiteral("timeline-event"), e->idString());
    return e;
}

Result<QList<TimelineEvent>> SqlCipherRegistry::events(const QString &actor, const QUuid &patientId,
                                                       bool includeRemoved)
{
    const QString pid = rows::uuidText(patientId);
    auto pseudonym = d->pseudonymOf(pid);
    if (!pseudonym)
        return pseudonym.error();
    auto rs = d->db.query(
        QStringLiteral("SELECT %1 FROM registry_events WHERE patient_id = ?1 %2 "
                       "ORDER BY start_at, created_at, id")
            .arg(rows::kEventColumns, includeRemoved ? QString() : QStringLiteral("AND removed = 0")),
        {pid});
    if (!rs)
        return rs.error();
    auto atts =
        d->db.query(QStringLiteral("SELECT %1 FROM registry_attachments WHERE removed_at IS NULL AND "
                                   "event_id IN (SELECT id FROM registry_events WHERE patient_id = ?1) "
                                   "ORDER BY added_at, id")
                        .arg(rows::kAttachmentColumns),
                    {pid});
    if (!atts)
        return atts.error();
    QHash<QUuid, QList<Attachment>> byEvent;
    for (const auto &row : atts.value()) {
        const Attachment a = rows::attachment(row);
        byEvent[a.eventId] << a;
    }
    QList<TimelineEvent> list;
    list.reserve(rs->size());
    for (const auto &row : rs.value()) {
        TimelineEvent e = rows::event(row);
        e.attachments = byEvent.value(e.id);
        list << e;
    }
    d->audit(RegistryEvent::TimelineView, Action::Read, actor, {pseudonym.value()}, {}, {}, true,
             QJsonObject{{QStringLiteral("events"), int(list.size())}});
    return list;
}

Result<QList<EventVersion>> SqlCipherRegistry::eventHistory(const QUuid &eventId)
{
    auto rs = d->db.query(
        QStringLiteral("SELECT %1 FROM registry_event_versions WHERE event_id = ?1 ORDER BY version")
            .arg(rows::kVersionColumns),
        {rows::uuidText(eventId)});
    if (!rs)
        return rs.error();
    if (rs->isEmpty())
        return eventNotFound();
    QList<EventVersion> history;
    for (const auto &row : rs.value())
        history << rows::version(row);
    return history;
}

Result<Attachment> SqlCipherRegistry::attach(const QString &actor, const QUuid &eventId,
                                             const AttachmentDraft &draft)
{
    if (auto r = AttachmentInspector::checkFileName(draft.fileName); !r)
        return r.error();
    const QString mediaType = draft.mediaType.trimmed().toLower();
    if (!AttachmentInspector::supportedMediaTypes().contains(mediaType))
        return makeError(Error::Code::Unsupported,
                         tr("Files of type \"%1\" cannot be attached; PDF, PNG, JPEG and DICOM files can.")
                             .arg(mediaType.left(64)));
    if (!d->options.vault)
        return makeError(Error::Code::Unsupported, tr("No vault is available to check the file."));
    store::Vault &vault = *d->options.vault;
    if (!store::Vault::isValidId(draft.blobId) || !vault.contains(draft.blobId))
        return notFound(tr("The file is not in the vault."));
    auto size = vault.plaintextSize(draft.blobId);
    if (!size)
        return size.error();
    // The content is checked before the write transaction: decrypting a large file must not hold
    // the database's write lock. The size limit is applied before anything is decrypted.
    {
        auto device = vault.openRead(draft.blobId);
        if (!device)
            return device.error();
        if (auto r = AttachmentInspector::check(*device.value(), size.value(), mediaType,
                                                d->options.maxAttachmentBytes);
            !r)
            return r.error();
    }
    const QUuid attachmentId = QUuid::createUuid();
    QString pseudonym;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto current = d->loadEvent(eventId);
        if (!current)
            return current.error();
        auto owner = d->pseudonymOf(rows::uuidText(current->patientId));
        if (!owner)
            return owner.error();
        pseudonym = owner.value();
        if (current->removed)
            return conflict(tr("The event was removed; restore it before attaching files."));
        for (const Attachment &a : std::as_const(current->attachments)) {
            if (a.blobId == draft.blobId)
                return makeError(Error::Code::AlreadyExists,
                                 tr("This file is already attached to the event."));
        }
        auto ins = d->db.execute(
            QStringLiteral("INSERT INTO registry_attachments (%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                           "?7, ?8, NULL, NULL)")
                .arg(rows::kAttachmentColumns),
            {rows::uuidText(attachmentId), current->idString(), draft.blobId, mediaType,
             draft.fileName.trimmed(), size.value(), d->nowMs(), actor});
        if (!ins)
            return ins.error();
        return d->writeEventVersion(current->idString(), current->version + 1, current->content, false,
                                    EventChange::Attach, QString(), actor);
    });
    if (!tx) {
        if (!pseudonym.isEmpty())
            d->audit(RegistryEvent::Attach, Action::Create, actor, {pseudonym},
                     QStringLiteral("timeline-event"), rows::uuidText(eventId), false,
                     QJsonObject{{QStringLiteral("error"), Error::codeName(tx.error().code)}});
        return tx.error();
    }
    d->audit(RegistryEvent::Attach, Action::Create, actor, {pseudonym}, QStringLiteral("attachment"),
             rows::uuidText(attachmentId), true,
             QJsonObject{{QStringLiteral("media_type"), mediaType},
                         {QStringLiteral("size"), size.value()},
                         {QStringLiteral("event"), rows::uuidText(eventId)}});
    auto atts = d->attachmentsOf(rows::uuidText(eventId), false);
    if (!atts)
        return atts.error();
    for (const Attachment &a : atts.value()) {
        if (a.id == attachmentId)
            return a;
    }
    return notFound(tr("The attachment disappeared."));
}

Result<void> SqlCipherRegistry::detach(const QString &actor, const QUuid &attachmentId, const QString &reason)
{
    auto why = RecordValidator::reason(reason);
    if (!why)
        return why.error();
    QString pseudonym;
    QString eventId;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto row = d->db.queryOne(
            QStringLiteral("SELECT event_id, removed_at FROM registry_attachments WHERE id = ?1"),
            {rows::uuidText(attachmentId)});
        if (!row)
            return row.error();
        if (!row.value())
            return notFound(tr("No such attachment."));
        eventId = row.value()->at(0).toString();
        if (!row.value()->at(1).isNull())
            return conflict(tr("The file was already detached."));
        auto current = d->loadEvent(QUuid::fromString(eventId));
        if (!current)
            return current.error();
        auto owner = d->pseudonymOf(rows::uuidText(current->patientId));
        if (!owner)
            return owner.error();
        pseudonym = owner.value();
        auto u = d->db.execute(
            QStringLiteral("UPDATE registry_attachments SET removed_at = ?1, removed_by = ?2 WHERE id = ?3"),
            {d->nowMs(), actor, rows::uuidText(attachmentId)});
        if (!u)
            return u.error();
        return d->writeEventVersion(eventId, current->version + 1, current->content, current->removed,
                                    EventChange::Detach, why.value(), actor);
    });
    if (!pseudonym.isEmpty())
        d->audit(RegistryEvent::Detach, Action::Delete, actor, {pseudonym}, QStringLiteral("attachment"),
                 rows::uuidText(attachmentId), tx.ok(), QJsonObject{{QStringLiteral("event"), eventId}});
    return tx;
}

// --- pseudonyms ------------------------------------------------------------------------------

Result<void> SqlCipherRegistry::forEachPatientForIndex(const IndexVisitor &visit)
{
    return scanWith(d->db, visit, {}, {}, d->seal.get());
}

Result<void> SqlCipherRegistry::scanForIndex(store::Database &database, const IndexVisitor &visit,
                                             const std::function<bool()> &keepGoing, const QString &pseudonym,
                                             const SecureBytes *identityKey)
{
    std::unique_ptr<IdentitySeal> seal;
    if (identityKey) {
        auto opened = IdentitySeal::open(*identityKey);
        if (!opened)
            return opened.error();
        seal = std::move(opened.value());
    }
    return scanWith(database, visit, keepGoing, pseudonym, seal.get());
}

Result<void> SqlCipherRegistry::scanWith(store::Database &database, const IndexVisitor &visit,
                                         const std::function<bool()> &keepGoing, const QString &pseudonym,
                                         IdentitySeal *seal)
{
    // Patients in table order; each one's index events follow it (registry_events_by_patient).
    // Built once: patientForIndex() runs after every change.
    static const qsizetype split = rows::kPatientColumns.count(QLatin1Char(',')) + 1;
    static const auto [everyone, one] = [] {
        auto prefixed = [](const QString &columns, const QString &table) {
            QStringList list = columns.split(QStringLiteral(", "));
            for (QString &c : list)
                c.prepend(table + QLatin1Char('.'));
            return list.join(QStringLiteral(", "));
        };
        const QString all =
            QStringLiteral(
                "SELECT %1, %2 FROM registry_patients p LEFT JOIN registry_events e ON e.patient_id = p.id "
                "AND e.removed = 0 AND e.type IN (?1, ?2)")
                .arg(prefixed(rows::kPatientColumns, QStringLiteral("p")),
                     prefixed(rows::kEventColumns, QStringLiteral("e")));
        return std::pair{all, all + QStringLiteral(" WHERE p.pseudonym = ?3")};
    }();
    const QString &sql = pseudonym.isEmpty() ? everyone : one;
    QVariantList params{eventTypeId(EventType::Diagnosis), eventTypeId(EventType::BiopsyPathology)};
    if (!pseudonym.isEmpty())
        params << pseudonym;
    std::optional<Patient> current;
    QString currentId;
    QList<TimelineEvent> events;
    bool cancelled = false;
    std::optional<Error> failed;
    auto scanned = database.forEachRow(sql, params, [&](const store::Row &row) {
        const QString id = row.at(0).toString();
        if (!current || currentId != id) {
            if (current)
                visit(*current, events);
            events.clear();
            if (keepGoing && !keepGoing()) {
                cancelled = true;
                current.reset();
                return false;
            }
            auto decoded = Impl::decodePatient(row.mid(0, split), seal);
            if (!decoded) {
                failed = decoded.error();
                current.reset();
                return false;
            }
            current = std::move(decoded.value());
            currentId = id;
        }
        if (!row.at(split).isNull())
            events << rows::event(row.mid(split));
        return true;
    });
    if (!scanned)
        return scanned.error();
    if (failed)
        return *failed;
    if (cancelled)
        return makeError(Error::Code::Cancelled, QStringLiteral("the index scan was stopped"));
    if (current)
        visit(*current, events);
    return {};
}

Result<void> SqlCipherRegistry::patientForIndex(const QString &pseudonymId, const IndexVisitor &visit)
{
    return scanWith(d->db, visit, {}, pseudonymId, d->seal.get());
}

void SqlCipherRegistry::setChangeListener(std::function<void(const QString &)> listener)
{
    d->changeListener = std::move(listener);
}

Result<QString> SqlCipherRegistry::projectPseudonym(const QString &actor, const QString &projectId,
                                                    const QUuid &patientId)
{
    const QString project = projectId.trimmed();
    bool valid = !project.isEmpty() && project.size() <= 64;
    for (QChar c : project) {
        const char16_t u = c.unicode();
        valid =
            valid && u < 128 && (c.isLetterOrNumber() || u == u'.' || u == u'_' || u == u':' || u == u'-');
    }
    if (!valid)
        return makeError(Error::Code::InvalidArgument,
                         tr("A project id has 1 to 64 ASCII letters, digits and . _ : -"));
    QString pseudonym;
    QString patientPseudonym;
    auto tx = d->db.transaction([&]() -> Result<void> {
        auto survivor = d->survivorOf(rows::uuidText(patientId));
        if (!survivor)
            return survivor.error();
        auto own = d->pseudonymOf(survivor.value());
        if (!own)
            return own.error();
        patientPseudonym = own.value();
        pseudonym = d->pseudonyms.projectPseudonym(project, QUuid::fromString(survivor.value()));
        auto r =
            d->db.execute(QStringLiteral("INSERT OR IGNORE INTO registry_project_pseudonyms (project_id, "
                                         "patient_id, pseudonym, created_at, created_by) VALUES (?1, ?2, ?3, "
                                         "?4, ?5)"),
                          {project, survivor.value(), pseudonym, d->nowMs(), actor});
        if (!r)
            return r.error();
        return {};
    });
    if (!tx)
        return tx.error();
    d->audit(RegistryEvent::ProjectPseudonym, Action::Read, actor, {patientPseudonym},
             QStringLiteral("project"), project);
    return pseudonym;
}

// --- site sync (issue 11 part 5) ---------------------------------------------------------------

namespace {

Error refusedReplica(const QString &why)
{
    return makeError(Error::Code::InvalidArgument, why);
}

const QStringList &eventColumnNames()
{
    static const QStringList names = rows::kEventColumns.split(QStringLiteral(", "));
    return names;
}

QJsonValue columnValue(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue::Null;
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
        return double(value.toLongLong());
    return value.toString();
}

QVariant variantOf(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant();
    if (value.isDouble())
        return qint64(value.toDouble());
    return value.toString();
}

qint64 msOf(const QJsonValue &value)
{
    return value.isDouble() ? qint64(value.toDouble()) : -1;
}

// The identity of a replica as the registry's domain type.
Patient patientOfReplica(const QJsonObject &replica)
{
    QJsonObject snapshot = replica.value(QLatin1String("identity")).toObject();
    snapshot.insert(QStringLiteral("sex"), replica.value(QLatin1String("sex")));
    snapshot.insert(QStringLiteral("birth_date"), replica.value(QLatin1String("birthDate")));
    Patient p = rows::patientFromSnapshot(snapshot);
    p.id = QUuid::fromString(replica.value(QLatin1String("id")).toString());
    p.pseudonymId = replica.value(QLatin1String("pseudonym")).toString();
    p.version = replica.value(QLatin1String("version")).toInt();
    return p;
}

// A replica's times: present, and not ahead of this workstation's clock by more than a day (a far
// future time would pin the object at the top of every "recent" list).
template<typename ImplT>
Result<void> replicaTimes(const ImplT &impl, qint64 changedAt, const QString &changedBy, qint64 createdAt)
{
    if (changedAt < 0 || changedBy.isEmpty() || createdAt < 0)
        return refusedReplica(QStringLiteral("the change names no time or author"));
    const qint64 latest = impl.clock.now().toMSecsSinceEpoch() + qint64(24) * 3600 * 1000;
    if (changedAt > latest || createdAt > latest || createdAt > changedAt)
        return refusedReplica(QStringLiteral("the change is dated in the future or before its creation"));
    return {};
}

QString identifierKeyText(const PatientIdentifier &id)
{
    return identifierTypeId(id.type) + QLatin1Char('\x1f') + keyIssuer(id) + QLatin1Char('\x1f') + id.value;
}

} // namespace

bool SqlCipherRegistry::holdsIdentity() const
{
    return d->seal != nullptr;
}

Result<QJsonObject> SqlCipherRegistry::patientReplica(const QUuid &patientId)
{
    if (auto ok = d->needIdentity(); !ok)
        return ok.error();
    auto p = d->loadPatient(patientId);
    if (!p)
        return p.error();
    auto row = d->db.queryOne(QStringLiteral("SELECT created_at, created_by, updated_at, updated_by, "
                                             "merged_into FROM registry_patients WHERE id = ?1"),
                              {p->idString()});
    if (!row)
        return row.error();
    if (!row.value())
        return patientNotFound();
    auto version = d->db.queryOne(QStringLiteral("SELECT change, reason, changed_at, changed_by FROM "
                                                 "registry_patient_versions WHERE patient_id = ?1 AND "
                                                 "version = ?2"),
                                  {p->idString(), p->version});
    if (!version)
        return version.error();
    if (!version.value())
        return makeError(Error::Code::Corrupt, tr("The patient's current version has no history entry."));
    QJsonObject snapshot = rows::patientSnapshot(p.value());
    QJsonObject identity;
    for (const QString &field : rows::kSnapshotIdentityFields)
        identity.insert(field, snapshot.value(field));
    const store::Row &r = *row.value();
    const store::Row &v = *version.value();
    return QJsonObject{{QStringLiteral("id"), p->idString()},
                       {QStringLiteral("pseudonym"), p->pseudonymId},
                       {QStringLiteral("sex"), sexCode(p->sex)},
                       {QStringLiteral("birthDate"), p->birthDate.toString(Qt::ISODate)},
                       {QStringLiteral("version"), p->version},
                       {QStringLiteral("createdAt"), double(r.at(0).toLongLong())},
                       {QStringLiteral("createdBy"), r.at(1).toString()},
                       {QStringLiteral("updatedAt"), double(r.at(2).toLongLong())},
                       {QStringLiteral("updatedBy"), r.at(3).toString()},
                       {QStringLiteral("mergedInto"), r.at(4).toString()},
                       {QStringLiteral("change"), v.at(0).toString()},
                       {QStringLiteral("reason"), v.at(1).toString()},
                       {QStringLiteral("changedAt"), double(v.at(2).toLongLong())},
                       {QStringLiteral("changedBy"), v.at(3).toString()},
                       {QStringLiteral("identity"), identity}};
}

Result<QJsonObject> SqlCipherRegistry::eventReplica(const QUuid &eventId)
{
    auto row = d->db.queryOne(
        QStringLiteral("SELECT %1 FROM registry_events WHERE id = ?1").arg(rows::kEventColumns),
        {rows::uuidText(eventId)});
    if (!row)
        return row.error();
    if (!row.value())
        return eventNotFound();
    QJsonObject event;
    const QStringList &names = eventColumnNames();
    for (int i = 0; i < names.size(); ++i)
        event.insert(names.at(i), columnValue(row.value()->at(i)));
    const int versionNumber = int(row.value()->at(2).toLongLong());
    auto version =
        d->db.queryOne(QStringLiteral("SELECT change, reason, changed_at, changed_by FROM "
                                      "registry_event_versions WHERE event_id = ?1 AND version = ?2"),
                       {rows::uuidText(eventId), versionNumber});
    if (!version)
        return version.error();
    if (!version.value())
        return makeError(Error::Code::Corrupt, tr("The event's current version has no history entry."));
    auto attachments = d->attachmentsOf(rows::uuidText(eventId), true);
    if (!attachments)
        return attachments.error();
    QJsonArray files;
    for (const Attachment &a : attachments.value()) {
        files.append(QJsonObject{
            {QStringLiteral("id"), rows::uuidText(a.id)},
            {QStringLiteral("mediaType"), a.mediaType},
            {QStringLiteral("fileName"), a.fileName},
            {QStringLiteral("size"), double(a.size)},
            {QStringLiteral("addedAt"), double(a.added.toMSecsSinceEpoch())},
            {QStringLiteral("addedBy"), a.addedBy},
            {QStringLiteral("removedAt"),
             a.removed ? QJsonValue(double(a.removedAt.toMSecsSinceEpoch())) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("removedBy"), a.removedBy}});
    }
    const store::Row &v = *version.value();
    return QJsonObject{{QStringLiteral("event"), event},
                       {QStringLiteral("change"), v.at(0).toString()},
                       {QStringLiteral("reason"), v.at(1).toString()},
                       {QStringLiteral("changedAt"), double(v.at(2).toLongLong())},
                       {QStringLiteral("changedBy"), v.at(3).toString()},
                       {QStringLiteral("attachments"), files}};
}

Result<std::pair<QUuid, QString>> SqlCipherRegistry::attachmentPlace(const QUuid &attachmentId)
{
    auto row =
        d->db.queryOne(QStringLiteral("SELECT event_id, blob_id FROM registry_attachments WHERE id = ?1"),
                       {rows::uuidText(attachmentId)});
    if (!row)
        return row.error();
    if (!row.value())
        return notFound(tr("No such attachment."));
    return std::pair<QUuid, QString>{QUuid::fromString(row.value()->at(0).toString()),
                                     row.value()->at(1).toString()};
}

Result<SqlCipherRegistry::ReplicaApplied> SqlCipherRegistry::applyPatientReplica(const QJsonObject &replica)
{
    if (auto ok = d->needIdentity(); !ok)
        return ok.error();
    if (!d->db.inTransaction())
        return makeError(Error::Code::Conflict, QStringLiteral("a replica is applied inside a transaction"));
    const Patient incoming = patientOfReplica(replica);
    const QString id = rows::uuidText(incoming.id);
    const QString change = replica.value(QLatin1String("change")).toString();
    const QString reason = replica.value(QLatin1String("reason")).toString();
    const qint64 changedAt = msOf(replica.value(QLatin1String("changedAt")));
    const QString changedBy = replica.value(QLatin1String("changedBy")).toString();
    if (incoming.id.isNull() || !Pseudonymizer::looksLikePatientPseudonym(incoming.pseudonymId))
        return refusedReplica(QStringLiteral("the patient has no id or no well-formed pseudonym"));
    if (incoming.version < 1 || incoming.version > 1000000)
        return refusedReplica(QStringLiteral("version %1 is out of range").arg(incoming.version));
    if (auto times = replicaTimes(*d, changedAt, changedBy, msOf(replica.value(QLatin1String("createdAt"))));
        !times)
        return times.error();
    if (!replica.value(QLatin1String("mergedInto")).toString().isEmpty())
        return refusedReplica(QStringLiteral("merges are not taken from the site (the patient stays unmerged "
                                             "here)"));
    auto current = d->loadPatientWhere(QStringLiteral("id"), id);
    if (!current)
        return current.error();
    if (current.value() && incoming.version <= current.value()->version)
        return ReplicaApplied::Unchanged; // before any check: a replay is no alert
    // The same validation as a registration or an edit here; what is kept is what it gives back
    // (identifiers normalised as the index keys them).
    PatientDraft draft;
    draft.name = incoming.name;
    draft.sex = incoming.sex;
    draft.birthDate = incoming.birthDate;
    draft.contact = incoming.contact;
    draft.identifiers = incoming.identifiers;
    auto valid = d->validator.patient(draft);
    if (!valid)
        return refusedReplica(QStringLiteral("the patient does not pass validation: ") +
                              valid.error().message);
    auto sameName =
        d->db.queryOne(QStringLiteral("SELECT id FROM registry_patients WHERE pseudonym = ?1 AND id <> ?2"),
                       {incoming.pseudonymId, id});
    if (!sameName)
        return sameName.error();
    if (sameName.value())
        return refusedReplica(QStringLiteral("another patient here holds the same pseudonym"));

    const auto ownTimes = qScopeGuard([this] { d->replicaTimeMs = -1; });
    d->replicaTimeMs = changedAt;

    Patient next = incoming;
    next.name = valid->name;
    next.sex = valid->sex;
    next.birthDate = valid->birthDate;
    next.contact = valid->contact;
    next.identifiers = valid->identifiers;
    const NameReading reading = nameReading(next.name);
    next.pinyin = reading.full;
    next.pinyinInitials = reading.initials;
    QList<PatientIdentifier> added;
    if (!current.value()) {
        if (incoming.version == 1 && change != QLatin1String("create"))
            return refusedReplica(QStringLiteral("a new patient's first version is a creation"));
        added = next.identifiers;
        auto sealed = d->seal->sealPatient(id, next);
        if (!sealed)
            return sealed.error();
        const qint64 createdAt = msOf(replica.value(QLatin1String("createdAt")));
        const QString createdBy = replica.value(QLatin1String("createdBy")).toString();
        if (createdAt < 0 || createdBy.isEmpty())
            return refusedReplica(QStringLiteral("the patient names no creation time or creator"));
        auto ins = d->db.execute(
            QStringLiteral(
                "INSERT INTO registry_patients (%1) VALUES (?1, ?2, '', '', '', '', '', '', ?3, ?4, "
                "'', '', '', ?5, ?6, ?7, ?8, ?9, NULL, ?10)")
                .arg(rows::kPatientColumns),
            {id, next.pseudonymId, sexCode(next.sex), next.birthDate.toString(Qt::ISODate), next.version,
             createdAt, createdBy, changedAt, changedBy, sealed.value()});
        if (!ins)
            return ins.error();
    } else {
        const Patient &held = *current.value();
        if (incoming.version != held.version + 1)
            return refusedReplica(QStringLiteral("version %1 does not follow version %2 held here")
                                      .arg(incoming.version)
                                      .arg(held.version));
        if (held.isMerged())
            return refusedReplica(QStringLiteral("the patient was merged here into another"));
        if (held.pseudonymId != incoming.pseudonymId)
            return refusedReplica(QStringLiteral("a change cannot give a patient another pseudonym"));
        auto created = d->db.queryOne(
            QStringLiteral("SELECT created_at, created_by FROM registry_patients WHERE id = ?1"), {id});
        if (!created)
            return created.error();
        if (created.value()->at(0).toLongLong() != msOf(replica.value(QLatin1String("createdAt"))) ||
            created.value()->at(1).toString() != replica.value(QLatin1String("createdBy")).toString())
            return refusedReplica(QStringLiteral("a change cannot alter when and by whom the patient was "
                                                 "registered"));
        QSet<QString> had;
        for (const PatientIdentifier &i : held.identifiers)
            had.insert(identifierKeyText(i));
        QSet<QString> has;
        for (const PatientIdentifier &i : std::as_const(next.identifiers)) {
            has.insert(identifierKeyText(i));
            if (!had.contains(identifierKeyText(i)))
                added << i;
        }
        for (const QString &k : std::as_const(had)) {
            if (!has.contains(k))
                return refusedReplica(QStringLiteral("an identifier cannot be taken away by a change"));
        }
        if (change == QLatin1String("update")) {
            if (!added.isEmpty())
                return refusedReplica(QStringLiteral("an edit of the demographics does not add identifiers"));
            if (auto why = RecordValidator::reason(reason); !why)
                return refusedReplica(QStringLiteral("an edit needs a reason"));
        } else if (change == QLatin1String("add-identifier")) {
            if (added.size() != 1)
                return refusedReplica(QStringLiteral("an identifier change adds exactly one identifier"));
            if (next.name != held.name || next.sex != held.sex || next.birthDate != held.birthDate ||
                next.contact != held.contact)
                return refusedReplica(
                    QStringLiteral("adding an identifier does not change the demographics"));
        } else {
            return refusedReplica(QStringLiteral("the patient's change is not one taken from the site"));
        }
        auto sealed = d->seal->sealPatient(id, next);
        if (!sealed)
            return sealed.error();
        auto u =
            d->db.execute(QStringLiteral("UPDATE registry_patients SET sex = ?1, birth_date = ?2, version "
                                         "= ?3, updated_at = ?4, updated_by = ?5, identity = ?6 WHERE "
                                         "id = ?7"),
                          {sexCode(next.sex), next.birthDate.toString(Qt::ISODate), next.version, changedAt,
                           changedBy, sealed.value(), id});
        if (!u)
            return u.error();
    }
    // Identifiers: one another patient here holds verified is kept unverified, and the two are
    // queued for an operator (two workstations registered the same person).
    QList<ProbableMatch> queued;
    for (PatientIdentifier identifier : std::as_const(added)) {
        auto holders = d->db.query(
            QStringLiteral(
                "SELECT i.patient_id, p.pseudonym FROM registry_identifiers i JOIN registry_patients "
                "p ON p.id = i.patient_id WHERE i.key_hash = ?1 AND i.patient_id <> ?2"),
            {d->identifierHash(identifier), id});
        if (!holders)
            return holders.error();
        if (!holders->isEmpty()) {
            identifier.verified = false;
            for (const store::Row &h : holders.value())
                queued << ProbableMatch{QUuid::fromString(h.at(0).toString()),
                                        h.at(1).toString(),
                                        1.0,
                                        {QStringLiteral("same-identifier-from-site")}};
        }
        if (auto r = d->insertIdentifier(id, identifier, changedBy); !r)
            return r.error();
    }
    // The version as it is now held here (an identifier kept unverified is shown so).
    auto stored = d->loadPatient(incoming.id);
    if (!stored)
        return stored.error();
    if (auto r = d->writePatientVersion(stored.value(), change, reason, changedBy); !r)
        return r.error();
    auto look = d->duplicatesOf(next.name, next.sex, next.birthDate, {}, id);
    if (!look)
        return look.error();
    queued << look->probable;
    if (auto r = d->queueCandidates(id, queued); !r)
        return r.error();
    if (d->changeListener)
        d->changeListener(incoming.pseudonymId);
    return ReplicaApplied::Applied;
}

Result<SqlCipherRegistry::ReplicaApplied> SqlCipherRegistry::applyEventReplica(const QJsonObject &replica,
                                                                               const ReplicaBytes &bytes)
{
    if (!d->db.inTransaction())
        return makeError(Error::Code::Conflict, QStringLiteral("a replica is applied inside a transaction"));
    const QJsonObject columns = replica.value(QLatin1String("event")).toObject();
    store::Row row;
    for (const QString &name : eventColumnNames())
        row << variantOf(columns.value(name));
    const TimelineEvent incoming = rows::event(row);
    const QString id = rows::uuidText(incoming.id);
    const QString change = replica.value(QLatin1String("change")).toString();
    const QString reason = replica.value(QLatin1String("reason")).toString();
    const qint64 changedAt = msOf(replica.value(QLatin1String("changedAt")));
    const QString changedBy = replica.value(QLatin1String("changedBy")).toString();
    if (incoming.id.isNull() || incoming.patientId.isNull() ||
        rows::uuidText(incoming.patientId) != columns.value(QLatin1String("patient_id")).toString())
        return refusedReplica(QStringLiteral("the event has no id or no well-formed patient id"));
    if (incoming.version < 1 || incoming.version > 1000000)
        return refusedReplica(QStringLiteral("version %1 is out of range").arg(incoming.version));
    if (auto times = replicaTimes(*d, changedAt, changedBy, msOf(columns.value(QLatin1String("created_at"))));
        !times)
        return times.error();
    auto held = d->db.queryOne(
        QStringLiteral("SELECT %1 FROM registry_events WHERE id = ?1").arg(rows::kEventColumns), {id});
    if (!held)
        return held.error();
    if (held.value() && incoming.version <= rows::event(*held.value()).version)
        return ReplicaApplied::Unchanged; // before any check: a replay is no alert
    std::optional<EventChange> kind;
    for (EventChange c :
         {EventChange::Create, EventChange::Update, EventChange::Annotate, EventChange::Remove,
          EventChange::Revert, EventChange::Attach, EventChange::Detach}) {
        if (eventChangeId(c) == change)
            kind = c;
    }
    if (!kind)
        return refusedReplica(QStringLiteral("the event's change is not an event change"));

    auto owner = d->loadPatientWhere(QStringLiteral("id"), rows::uuidText(incoming.patientId));
    if (!owner)
        return owner.error();
    // The patient's entries come before its events: one not here was refused or never sent.
    if (!owner.value())
        return refusedReplica(QStringLiteral("the event's patient is not held here"));
    if (owner.value()->isMerged())
        return refusedReplica(QStringLiteral("the event's patient was merged here into another"));
    auto valid = d->validator.event(incoming.content, owner.value()->birthDate);
    if (!valid)
        return refusedReplica(QStringLiteral("the event does not pass validation: ") + valid.error().message);

    // Attachments: what the replica lists against what is held.
    auto heldFiles = d->attachmentsOf(id, true);
    if (!heldFiles)
        return heldFiles.error();
    QHash<QString, Attachment> have;
    for (const Attachment &a : heldFiles.value())
        have.insert(rows::uuidText(a.id), a);
    QList<QJsonObject> newFiles;
    QList<QJsonObject> removedFiles;
    QSet<QString> listed;
    for (const QJsonValue value : replica.value(QLatin1String("attachments")).toArray()) {
        const QJsonObject file = value.toObject();
        const QString fileId = rows::uuidText(QUuid::fromString(file.value(QLatin1String("id")).toString()));
        if (fileId.isEmpty() || listed.contains(fileId))
            return refusedReplica(QStringLiteral("the event lists an attachment without an id, or twice"));
        listed.insert(fileId);
        const bool removedThere = !file.value(QLatin1String("removedAt")).isNull();
        auto it = have.constFind(fileId);
        if (it == have.constEnd())
            newFiles << file;
        else if (removedThere && !it->removed)
            removedFiles << file;
        else if (!removedThere && it->removed)
            return refusedReplica(QStringLiteral("a detached file cannot come back"));
    }
    for (auto it = have.cbegin(); it != have.cend(); ++it) {
        if (!listed.contains(it.key()))
            return refusedReplica(QStringLiteral("an attachment held here is missing from the event"));
    }

    const auto ownTimes = qScopeGuard([this] { d->replicaTimeMs = -1; });
    d->replicaTimeMs = changedAt;

    if (!held.value()) {
        if (incoming.version == 1 && *kind != EventChange::Create)
            return refusedReplica(QStringLiteral("a new event's first version is a creation"));
        if (incoming.version == 1 && (!newFiles.isEmpty() || incoming.removed))
            return refusedReplica(QStringLiteral("a new event starts without files and not removed"));
        if (!incoming.removed) {
            if (auto r = d->checkSingleDeath(rows::uuidText(incoming.patientId), valid.value(), id); !r)
                return refusedReplica(r.error().message);
        }
        QVariantList params{id, rows::uuidText(incoming.patientId)};
        params << rows::contentParams(valid.value()) << msOf(columns.value(QLatin1String("created_at")))
               << columns.value(QLatin1String("created_by")).toString();
        if (params.at(params.size() - 2).toLongLong() < 0 || params.last().toString().isEmpty())
            return refusedReplica(QStringLiteral("the event names no creation time or creator"));
        auto ins =
            d->db.execute(QStringLiteral("INSERT INTO registry_events (id, patient_id, version, type, "
                                         "start_at, end_at, title, annotation, payload, form_records, "
                                         "removed, created_at, created_by, updated_at, updated_by) VALUES "
                                         "(?1, ?2, 0, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10, ?11, ?10, ?11)"),
                          params);
        if (!ins)
            return ins.error();
    } else {
        const TimelineEvent current = rows::event(*held.value());
        if (incoming.version != current.version + 1)
            return refusedReplica(QStringLiteral("version %1 does not follow version %2 held here")
                                      .arg(incoming.version)
                                      .arg(current.version));
        if (incoming.patientId != current.patientId)
            return refusedReplica(QStringLiteral("a change cannot move an event to another patient"));
        if (current.created.toMSecsSinceEpoch() != msOf(columns.value(QLatin1String("created_at"))) ||
            current.createdBy != columns.value(QLatin1String("created_by")).toString())
            return refusedReplica(
                QStringLiteral("a change cannot alter when and by whom the event was made"));
        const bool contentChanged = !(valid.value() == current.content);
        const bool filesChanged = !newFiles.isEmpty() || !removedFiles.isEmpty();
        switch (*kind) {
        case EventChange::Create:
            return refusedReplica(QStringLiteral("an event is created once"));
        case EventChange::Attach:
            if (newFiles.size() != 1 || !removedFiles.isEmpty() || contentChanged || current.removed ||
                incoming.removed)
                return refusedReplica(
                    QStringLiteral("an attach adds one file to an event that is not removed, "
                                   "and changes nothing else"));
            break;
        case EventChange::Detach:
            if (removedFiles.size() != 1 || !newFiles.isEmpty() || contentChanged ||
                incoming.removed != current.removed)
                return refusedReplica(QStringLiteral("a detach removes one file and changes nothing else"));
            if (!RecordValidator::reason(reason))
                return refusedReplica(QStringLiteral("a detach needs a reason"));
            break;
        case EventChange::Remove:
            if (filesChanged || contentChanged || !incoming.removed || current.removed)
                return refusedReplica(QStringLiteral("a removal only marks the event removed"));
            if (!RecordValidator::reason(reason))
                return refusedReplica(QStringLiteral("a removal needs a reason"));
            break;
        case EventChange::Update:
        case EventChange::Annotate:
        case EventChange::Revert:
            if (filesChanged)
                return refusedReplica(QStringLiteral("only an attach or a detach changes the files"));
            if (*kind != EventChange::Revert && (incoming.removed || current.removed))
                return refusedReplica(QStringLiteral("a removed event is restored by a revert"));
            if (*kind == EventChange::Annotate) {
                EventDraft same = valid.value();
                same.annotation = current.content.annotation;
                if (!(same == current.content))
                    return refusedReplica(QStringLiteral("an annotation changes the annotation only"));
            }
            if (*kind != EventChange::Annotate && !RecordValidator::reason(reason))
                return refusedReplica(QStringLiteral("an edit needs a reason"));
            if (*kind == EventChange::Revert) {
                // Back to what an earlier version held, content and removed state alike.
                auto versions = d->db.query(QStringLiteral("SELECT %1 FROM registry_event_versions WHERE "
                                                           "event_id = ?1 ORDER BY version")
                                                .arg(rows::kVersionColumns),
                                            {id});
                if (!versions)
                    return versions.error();
                bool earlier = false;
                for (const store::Row &v : versions.value()) {
                    const EventVersion before = rows::version(v);
                    earlier =
                        earlier || (before.content == valid.value() && before.removed == incoming.removed);
                }
                if (!earlier)
                    return refusedReplica(QStringLiteral("a revert goes back to an earlier version"));
            }
            break;
        }
        if (!incoming.removed) {
            if (auto r = d->checkSingleDeath(rows::uuidText(incoming.patientId), valid.value(), id); !r)
                return refusedReplica(r.error().message);
        }
    }
    // A new file: its bytes, checked like an upload, into this workstation's vault.
    for (const QJsonObject &file : std::as_const(newFiles)) {
        if (!d->options.vault)
            return makeError(Error::Code::Unsupported, tr("No vault is available to keep the file."));
        const QUuid fileId = QUuid::fromString(file.value(QLatin1String("id")).toString());
        const QString mediaType = file.value(QLatin1String("mediaType")).toString().trimmed().toLower();
        const QString fileName = file.value(QLatin1String("fileName")).toString().trimmed();
        if (auto r = AttachmentInspector::checkFileName(fileName); !r)
            return refusedReplica(r.error().message);
        if (!AttachmentInspector::supportedMediaTypes().contains(mediaType))
            return refusedReplica(QStringLiteral("files of type %1 are not taken").arg(mediaType.left(64)));
        auto content = bytes(fileId);
        if (!content)
            return content.error();
        if (!content.value())
            return refusedReplica(QStringLiteral("the file's chunks have not all arrived"));
        const QByteArray &data = *content.value();
        if (qint64(data.size()) != msOf(file.value(QLatin1String("size"))))
            return refusedReplica(QStringLiteral("the file's size is not the one the event names"));
        if (auto r = AttachmentInspector::check(data, mediaType, d->options.maxAttachmentBytes); !r)
            return refusedReplica(QStringLiteral("the file does not pass the content check: ") +
                                  r.error().message);
        auto blob = d->options.vault->put(data);
        if (!blob)
            return blob.error();
        const qint64 addedAt = msOf(file.value(QLatin1String("addedAt")));
        const QString addedBy = file.value(QLatin1String("addedBy")).toString();
        if (addedAt < 0 || addedBy.isEmpty())
            return refusedReplica(QStringLiteral("the file names no time or person who attached it"));
        const QJsonValue removedAt = file.value(QLatin1String("removedAt"));
        auto ins = d->db.execute(
            QStringLiteral(
                "INSERT INTO registry_attachments (%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .arg(rows::kAttachmentColumns),
            {rows::uuidText(fileId), id, blob.value(), mediaType, fileName, qint64(data.size()), addedAt,
             addedBy, removedAt.isNull() ? QVariant() : QVariant(msOf(removedAt)),
             removedAt.isNull() ? QVariant() : QVariant(file.value(QLatin1String("removedBy")).toString())});
        if (!ins)
            return ins.error();
    }
    for (const QJsonObject &file : std::as_const(removedFiles)) {
        auto u = d->db.execute(
            QStringLiteral("UPDATE registry_attachments SET removed_at = ?1, removed_by = ?2 WHERE id = ?3"),
            {msOf(file.value(QLatin1String("removedAt"))), file.value(QLatin1String("removedBy")).toString(),
             rows::uuidText(QUuid::fromString(file.value(QLatin1String("id")).toString()))});
        if (!u)
            return u.error();
    }
    if (auto r = d->writeEventVersion(id, incoming.version, valid.value(), incoming.removed, *kind, reason,
                                      changedBy);
        !r)
        return r.error();
    if (d->changeListener)
        d->changeListener(owner.value()->pseudonymId);
    return ReplicaApplied::Applied;
}

} // namespace mdp::registry
