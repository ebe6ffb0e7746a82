#include "RegistrySync.h"

#include "SiteSync.h"

#include "mdp/audit/AuditEventType.h"
#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/net/GrantClient.h"
#include "mdp/registry/Pseudonymizer.h"
#include "mdp/registry/SqlCipherRegistry.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace mdp::workspace {

namespace {

constexpr int kPayloadVersion = 1;

QString uuidText(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

QByteArray identityContext(const QString &patientId, qint64 version)
{
    return QByteArrayLiteral("mdp-sync-identity-v1\n") + patientId.toUtf8() + '\n' +
           QByteArray::number(version);
}

Error refused(const QString &why)
{
    return makeError(Error::Code::InvalidArgument, why);
}

// Actor fields of a replica, mapped between this workstation's account ids and user names.
void mapActors(QJsonObject &object, const QStringList &fields,
               const std::function<QString(const QString &)> &map)
{
    for (const QString &field : fields) {
        const QJsonValue value = object.value(field);
        if (value.isString() && !value.toString().isEmpty())
            object.insert(field, map(value.toString()));
    }
}

void mapEventActors(QJsonObject &replica, const std::function<QString(const QString &)> &map)
{
    mapActors(replica, {QStringLiteral("changedBy")}, map);
    QJsonObject event = replica.value(QLatin1String("event")).toObject();
    mapActors(event, {QStringLiteral("created_by"), QStringLiteral("updated_by")}, map);
    replica.insert(QStringLiteral("event"), event);
    QJsonArray files = replica.value(QLatin1String("attachments")).toArray();
    for (qsizetype i = 0; i < files.size(); ++i) {
        QJsonObject file = files.at(i).toObject();
        mapActors(file, {QStringLiteral("addedBy"), QStringLiteral("removedBy")}, map);
        files.replace(i, file);
    }
    replica.insert(QStringLiteral("attachments"), files);
}

} // namespace

RegistrySync::RegistrySync(store::Database &db, registry::SqlCipherRegistry &registry, store::Vault *vault,
                           SiteSync &site, KeyProvider siteIdentityKey)
    : m_db(db)
    , m_registry(registry)
    , m_vault(vault)
    , m_site(site)
    , m_key(std::move(siteIdentityKey))
{}

SecureBytes RegistrySync::identityKeyFrom(const SecureBytes &siteIdentityScopeKey)
{
    return crypto::hkdf(crypto::HashAlgorithm::Sm3, siteIdentityScopeKey.view(), QByteArrayView(),
                        QByteArrayLiteral("mdp-site-identity-sync-v1"), 32);
}

Result<bool> RegistrySync::noteVersion(const QString &kind, const QString &objectId, qint64 revision)
{
    auto known = m_db.queryOne(
        QStringLiteral("SELECT revision FROM sync_registry_versions WHERE kind = ?1 AND object_id = ?2"),
        {kind, objectId});
    if (!known)
        return known.error();
    if (known.value() && known.value()->at(0).toLongLong() >= revision)
        return false;
    auto noted =
        m_db.execute(QStringLiteral("INSERT OR REPLACE INTO sync_registry_versions (kind, object_id, "
                                    "revision) VALUES (?1, ?2, ?3)"),
                     {kind, objectId, revision});
    if (!noted)
        return noted.error();
    return true;
}

Result<void> RegistrySync::insert(const QString &kind, const QString &objectId, qint64 revision,
                                  const QByteArray &payload)
{
    if (kind != SiteSync::attachmentKind()) {
        // A call that made no new version (an annotation set to what it was) queues nothing.
        auto fresh = noteVersion(kind, objectId, revision);
        if (!fresh)
            return fresh.error();
        if (!fresh.value())
            return {};
    }
    auto inserted = m_db.execute(
        QStringLiteral("INSERT INTO sync_outbox (entry_id, kind, object_id, revision, payload, created_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, strftime('%s','now') * 1000)"),
        {uuidText(QUuid::createUuid()), kind, objectId, revision, payload});
    if (!inserted)
        return inserted.error();
    return {};
}

Result<void> RegistrySync::enqueue(Change change, const QUuid &id)
{
    auto enabled = siteSyncEnabled(m_db);
    if (!enabled)
        return enabled.error();
    if (!enabled.value())
        return {};
    switch (change) {
    case Change::Patient: {
        std::optional<SecureBytes> key = m_key();
        if (!key)
            return makeError(
                Error::Code::PermissionDenied,
                QStringLiteral("This workstation syncs with the site but has not received the "
                               "site's identity key yet, so a patient change could not reach the "
                               "other workstations; it was not made. Sign in once through the "
                               "server with an account that may see identity."));
        return enqueuePatient(id, *key);
    }
    case Change::Event:
        return enqueueEvent(id);
    case Change::Attachment: {
        if (auto chunks = enqueueChunks(id); !chunks)
            return chunks;
        auto place = m_registry.attachmentPlace(id);
        if (!place)
            return place.error();
        return enqueueEvent(place->first);
    }
    case Change::Detached: {
        auto place = m_registry.attachmentPlace(id);
        if (!place)
            return place.error();
        return enqueueEvent(place->first);
    }
    }
    return {};
}

Result<void> RegistrySync::enqueuePatient(const QUuid &id, const SecureBytes &key)
{
    auto replica = m_registry.patientReplica(id);
    if (!replica)
        return replica.error();
    QJsonObject patient = replica.value();
    mapActors(patient,
              {QStringLiteral("createdBy"), QStringLiteral("updatedBy"), QStringLiteral("changedBy")},
              [this](const QString &accountId) { return m_site.nameOf(accountId); });
    // Names, contacts and identifiers only under the site identity key.
    const QByteArray identity =
        QJsonDocument(patient.take(QStringLiteral("identity")).toObject()).toJson(QJsonDocument::Compact);
    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, SecureBytes(key.view().first(16)));
    if (!aead)
        return aead.error();
    const qint64 version = patient.value(QLatin1String("version")).toInteger();
    auto sealed = aead->sealWithRandomNonce(identityContext(uuidText(id), version), identity);
    if (!sealed)
        return sealed.error();
    patient.insert(QStringLiteral("identitySealed"), QString::fromLatin1(sealed->toBase64()));
    patient.insert(QStringLiteral("identityKey"), keyId(key));
    const QJsonObject payload{{QStringLiteral("v"), kPayloadVersion}, {QStringLiteral("patient"), patient}};
    return insert(SiteSync::patientKind(), uuidText(id), version,
                  QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

Result<void> RegistrySync::enqueueEvent(const QUuid &id)
{
    auto replica = m_registry.eventReplica(id);
    if (!replica)
        return replica.error();
    QJsonObject event = replica.value();
    mapEventActors(event, [this](const QString &accountId) { return m_site.nameOf(accountId); });
    const qint64 version =
        event.value(QLatin1String("event")).toObject().value(QLatin1String("version")).toInteger();
    const QJsonObject payload{{QStringLiteral("v"), kPayloadVersion}, {QStringLiteral("event"), event}};
    return insert(SiteSync::eventKind(), uuidText(id), version,
                  QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

Result<void> RegistrySync::enqueueChunks(const QUuid &attachmentId)
{
    if (!m_vault)
        return makeError(Error::Code::Unsupported, QStringLiteral("no vault is open to read the file from"));
    auto place = m_registry.attachmentPlace(attachmentId);
    if (!place)
        return place.error();
    auto bytes = m_vault->get(place->second);
    if (!bytes)
        return bytes.error();
    const QByteArray &data = bytes.value();
    const QString digest = QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sha256, data).toHex());
    const qint64 count = std::max<qint64>(1, (qint64(data.size()) + kChunkBytes - 1) / kChunkBytes);
    // Once per file: a file queued when it was attached is not queued again by the join.
    auto fresh = noteVersion(SiteSync::attachmentKind(), uuidText(attachmentId), count);
    if (!fresh)
        return fresh.error();
    if (!fresh.value())
        return {};
    for (qint64 i = 0; i < count; ++i) {
        const QByteArray part = data.mid(i * kChunkBytes, kChunkBytes);
        const QJsonObject payload{{QStringLiteral("v"), kPayloadVersion},
                                  {QStringLiteral("attachmentId"), uuidText(attachmentId)},
                                  {QStringLiteral("eventId"), uuidText(place->first)},
                                  {QStringLiteral("index"), double(i + 1)},
                                  {QStringLiteral("count"), double(count)},
                                  {QStringLiteral("size"), double(data.size())},
                                  {QStringLiteral("sha256"), digest},
                                  {QStringLiteral("data"), QString::fromLatin1(part.toBase64())}};
        if (auto r = insert(SiteSync::attachmentKind(), uuidText(attachmentId), i + 1,
                            QJsonDocument(payload).toJson(QJsonDocument::Compact));
            !r)
            return r;
    }
    return {};
}

Result<qint64> RegistrySync::join(const SecureBytes &key)
{
    auto done = m_db.queryOne(QStringLiteral("SELECT 1 FROM mdp_meta WHERE key = 'sync_registry_joined'"));
    if (!done)
        return done.error();
    if (done.value())
        return 0;
    qint64 queued = 0;
    qint64 patients = 0;
    auto tx = m_db.transaction([&]() -> Result<void> {
        // Merged patients stay here: their events already belong to the survivor.
        auto rows = m_db.query(QStringLiteral("SELECT id FROM registry_patients WHERE merged_into IS NULL "
                                              "ORDER BY created_at, id"));
        if (!rows)
            return rows.error();
        for (const store::Row &row : rows.value()) {
            const QUuid patientId = QUuid::fromString(row.at(0).toString());
            if (auto r = enqueuePatient(patientId, key); !r)
                return r;
            ++patients;
            ++queued;
            auto events = m_db.query(QStringLiteral("SELECT id FROM registry_events WHERE patient_id = ?1 "
                                                    "ORDER BY created_at, id"),
                                     {row.at(0)});
            if (!events)
                return events.error();
            for (const store::Row &event : events.value()) {
                auto files = m_db.query(
                    QStringLiteral(
                        "SELECT id FROM registry_attachments WHERE event_id = ?1 ORDER BY added_at, id"),
                    {event.at(0)});
                if (!files)
                    return files.error();
                for (const store::Row &file : files.value()) {
                    if (auto r = enqueueChunks(QUuid::fromString(file.at(0).toString())); !r)
                        return r;
                    ++queued;
                }
                if (auto r = enqueueEvent(QUuid::fromString(event.at(0).toString())); !r)
                    return r;
                ++queued;
            }
        }
        auto marked = m_db.execute(QStringLiteral(
            "INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('sync_registry_joined', '1')"));
        if (!marked)
            return marked.error();
        audit::AuditEvent event;
        event.type = QStringLiteral("sync.join");
        event.action = audit::AuditAction::Create;
        event.entities << audit::AuditEntity{QStringLiteral("server"), QStringLiteral("link")};
        event.detail = {{QStringLiteral("part"), QStringLiteral("registry")},
                        {QStringLiteral("patients"), patients},
                        {QStringLiteral("entries"), queued}};
        return m_site.record(std::move(event));
    });
    if (!tx)
        return tx.error();
    return queued;
}

Result<std::optional<QByteArray>> RegistrySync::fileBytes(const QString &fileId, const QString &eventId)
{
    // The first chunk states how many there are; only those are read (a flood of extra chunks is
    // never loaded).
    auto first = m_db.queryOne(QStringLiteral("SELECT payload FROM sync_parked WHERE kind = 'attachment' AND "
                                              "object_id = ?1 AND revision = 1"),
                               {fileId});
    if (!first)
        return first.error();
    if (!first.value())
        return std::optional<QByteArray>();
    const QJsonObject head = QJsonDocument::fromJson(first.value()->at(0).toByteArray()).object();
    const qint64 count = head.value(QLatin1String("count")).toInteger();
    const qint64 size = head.value(QLatin1String("size")).toInteger();
    const QString digest = head.value(QLatin1String("sha256")).toString();
    if (count < 1 || count > kMaxChunks || size < 0 ||
        size > registry::AttachmentInspector::kDefaultMaxBytes ||
        count != std::max<qint64>(1, (size + kChunkBytes - 1) / kChunkBytes))
        return refused(QStringLiteral("an attached file states an impossible size"));
    auto chunks =
        m_db.query(QStringLiteral("SELECT revision, payload FROM sync_parked WHERE kind = 'attachment' "
                                  "AND object_id = ?1 AND revision <= ?2 ORDER BY revision"),
                   {fileId, count});
    if (!chunks)
        return chunks.error();
    if (qint64(chunks->size()) < count)
        return std::optional<QByteArray>(); // not all of it arrived
    QByteArray data;
    data.reserve(qsizetype(size));
    qint64 expected = 1;
    for (const store::Row &chunk : chunks.value()) {
        const QJsonObject part = QJsonDocument::fromJson(chunk.at(1).toByteArray()).object();
        if (chunk.at(0).toLongLong() != expected ||
            part.value(QLatin1String("index")).toInteger() != expected ||
            part.value(QLatin1String("attachmentId")).toString() != fileId ||
            part.value(QLatin1String("eventId")).toString() != eventId ||
            part.value(QLatin1String("count")).toInteger() != count ||
            part.value(QLatin1String("size")).toInteger() != size ||
            part.value(QLatin1String("sha256")).toString() != digest)
            return refused(QStringLiteral("the chunks of an attached file disagree or are out of place"));
        data += QByteArray::fromBase64(part.value(QLatin1String("data")).toString().toLatin1());
        if (qint64(data.size()) > size)
            return refused(QStringLiteral("an attached file is longer than it states"));
        ++expected;
    }
    if (qint64(data.size()) != size ||
        QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sha256, data).toHex()) != digest)
        return refused(QStringLiteral("an attached file does not match its digest"));
    return std::optional<QByteArray>(std::move(data));
}

Result<void> RegistrySync::dropChunks(const QStringList &fileIds, const QString &eventId)
{
    for (const QString &fileId : fileIds) {
        auto chunks = m_db.query(
            QStringLiteral(
                "SELECT sequence, payload FROM sync_parked WHERE kind = 'attachment' AND object_id = ?1"),
            {fileId});
        if (!chunks)
            return chunks.error();
        for (const store::Row &chunk : chunks.value()) {
            // Only the chunks that name this event: an entry cannot take another event's file with it.
            const QJsonObject part = QJsonDocument::fromJson(chunk.at(1).toByteArray()).object();
            if (part.value(QLatin1String("eventId")).toString() != eventId)
                continue;
            auto removed =
                m_db.execute(QStringLiteral("DELETE FROM sync_parked WHERE sequence = ?1"), {chunk.at(0)});
            if (!removed)
                return removed.error();
        }
    }
    return {};
}

QString RegistrySync::keyId(const SecureBytes &key)
{
    return QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sm3, key.view()).toHex().left(16));
}

Result<RegistrySync::Drained> RegistrySync::run(int limit)
{
    Drained drained;
    if (!m_registry.holdsIdentity())
        return drained;
    std::optional<SecureBytes> key = m_key();
    if (!key)
        return drained;
    const QString ownKeyId = keyId(*key);
    auto enabled = siteSyncEnabled(m_db);
    if (!enabled)
        return enabled.error();
    if (enabled.value()) {
        auto joined = join(*key);
        if (!joined)
            return joined.error();
        drained.joined = joined.value();
    }
    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, SecureBytes(key->view().first(16)));
    if (!aead)
        return aead.error();
    // The parked entries' routing only; each payload is read when its turn comes.
    auto rows = m_db.query(QStringLiteral("SELECT sequence, entry_id, kind, object_id, revision, origin FROM "
                                          "sync_parked WHERE kind != 'attachment' ORDER BY sequence"));
    if (!rows)
        return rows.error();
    QSet<QString> waiting; // objects sealed under another site identity key: later entries wait too
    int taken = 0;
    for (const store::Row &row : rows.value()) {
        net::IncomingEntry entry;
        entry.sequence = row.at(0).toLongLong();
        entry.entryId = row.at(1).toString();
        entry.kind = row.at(2).toString();
        entry.objectId = row.at(3).toString();
        entry.revision = row.at(4).toLongLong();
        entry.origin = row.at(5).toString();
        const QString object = entry.kind + QLatin1Char(':') + entry.objectId;
        if (waiting.contains(object))
            continue;
        if (limit > 0 && taken >= limit) {
            drained.more = true;
            break;
        }
        ++taken;
        auto stored = m_db.queryOne(QStringLiteral("SELECT payload FROM sync_parked WHERE sequence = ?1"),
                                    {entry.sequence});
        if (!stored)
            return stored.error();
        if (!stored.value())
            continue;
        const QJsonObject payload = QJsonDocument::fromJson(stored.value()->at(0).toByteArray()).object();
        QStringList consumedFiles; // attachments whose chunks an applied event used
        QStringList listedFiles;   // attachments a refused event brought (their chunks go with it)
        registry::SqlCipherRegistry::ReplicaApplied outcome{};
        QString pseudonym;
        bool otherKey = false;
        auto applyOne = [&]() -> Result<registry::SqlCipherRegistry::ReplicaApplied> {
            if (payload.value(QLatin1String("v")).toInt() != kPayloadVersion)
                return refused(QStringLiteral("a registry entry of another format"));
            if (QUuid::fromString(entry.objectId).toString(QUuid::WithoutBraces) != entry.objectId)
                return refused(QStringLiteral("a registry entry's object is not a well-formed id"));
            const auto toLocal = [this](const QString &name) { return m_site.idOf(name); };
            // Who created an object is compared by name: an account made here since then does not
            // make its later versions look altered.
            const auto keepCreator = [this](QJsonObject &object, const QString &field, const QString &table,
                                            const QString &id) -> Result<void> {
                auto held =
                    m_db.queryOne(QStringLiteral("SELECT created_by FROM %1 WHERE id = ?1").arg(table), {id});
                if (!held)
                    return held.error();
                if (held.value() &&
                    m_site.nameOf(held.value()->at(0).toString()) == object.value(field).toString())
                    object.insert(field, held.value()->at(0).toString());
                else
                    object.insert(field, m_site.idOf(object.value(field).toString()));
                return {};
            };
            if (entry.kind == SiteSync::patientKind()) {
                QJsonObject patient = payload.value(QLatin1String("patient")).toObject();
                // The cipher binds the metadata; the payload must say the same.
                if (patient.value(QLatin1String("id")).toString() != entry.objectId ||
                    patient.value(QLatin1String("version")).toInteger() != entry.revision)
                    return refused(QStringLiteral("the entry names another patient or version inside"));
                if (patient.value(QLatin1String("identityKey")).toString() != ownKeyId) {
                    otherKey = true; // sealed under a site identity key this workstation does not hold
                    return registry::SqlCipherRegistry::ReplicaApplied::Unchanged;
                }
                const QByteArray sealed = QByteArray::fromBase64(
                    patient.take(QStringLiteral("identitySealed")).toString().toLatin1());
                auto identity = aead->openEnvelope(identityContext(entry.objectId, entry.revision), sealed);
                if (!identity)
                    return refused(
                        QStringLiteral("the patient's identity does not open with the site identity key"));
                patient.insert(QStringLiteral("identity"), QJsonDocument::fromJson(*identity).object());
                if (auto r = keepCreator(patient, QStringLiteral("createdBy"),
                                         QStringLiteral("registry_patients"), entry.objectId);
                    !r)
                    return r.error();
                mapActors(patient, {QStringLiteral("updatedBy"), QStringLiteral("changedBy")}, toLocal);
                pseudonym = patient.value(QLatin1String("pseudonym")).toString();
                return m_registry.applyPatientReplica(patient);
            }
            QJsonObject event = payload.value(QLatin1String("event")).toObject();
            QJsonObject columns = event.value(QLatin1String("event")).toObject();
            if (columns.value(QLatin1String("id")).toString() != entry.objectId ||
                columns.value(QLatin1String("version")).toInteger() != entry.revision)
                return refused(QStringLiteral("the entry names another event or version inside"));
            for (const QJsonValue file : event.value(QLatin1String("attachments")).toArray())
                listedFiles << file.toObject().value(QLatin1String("id")).toString();
            const QString creator = columns.value(QLatin1String("created_by")).toString();
            mapEventActors(event, toLocal);
            columns = event.value(QLatin1String("event")).toObject();
            columns.insert(QStringLiteral("created_by"), creator);
            if (auto r = keepCreator(columns, QStringLiteral("created_by"), QStringLiteral("registry_events"),
                                     entry.objectId);
                !r)
                return r.error();
            event.insert(QStringLiteral("event"), columns);
            auto bytes = [&](const QUuid &attachmentId) -> Result<std::optional<QByteArray>> {
                const QString fileId = attachmentId.toString(QUuid::WithoutBraces);
                auto content = fileBytes(fileId, entry.objectId);
                if (content && content.value())
                    consumedFiles << fileId;
                return content;
            };
            auto owner =
                m_db.queryOne(QStringLiteral("SELECT pseudonym FROM registry_patients WHERE id = ?1"),
                              {columns.value(QLatin1String("patient_id")).toString()});
            if (owner && owner.value())
                pseudonym = owner.value()->at(0).toString();
            return m_registry.applyEventReplica(event, bytes);
        };
        Error failure;
        bool failed = false;
        auto tx = m_db.transaction([&]() -> Result<void> {
            auto applied = applyOne();
            if (!applied) {
                failure = applied.error();
                failed = true;
                return applied.error(); // nothing of it stays
            }
            outcome = applied.value();
            if (otherKey)
                return {};
            auto removed =
                m_db.execute(QStringLiteral("DELETE FROM sync_parked WHERE sequence = ?1"), {entry.sequence});
            if (!removed)
                return removed.error();
            if (auto dropped = dropChunks(consumedFiles, entry.objectId); !dropped)
                return dropped;
            if (auto noted = noteVersion(entry.kind, entry.objectId, entry.revision); !noted)
                return noted.error();
            if (outcome != registry::SqlCipherRegistry::ReplicaApplied::Applied)
                return {};
            audit::AuditEvent event;
            event.type = QStringLiteral("sync.apply");
            event.action = audit::AuditAction::Update;
            event.entities << audit::AuditEntity{entry.kind, entry.objectId};
            if (registry::Pseudonymizer::looksLikePatientPseudonym(pseudonym))
                event.entities << audit::AuditEntity{QStringLiteral("patient"), pseudonym};
            event.detail = {{QStringLiteral("origin"), entry.origin},
                            {QStringLiteral("kind"), entry.kind},
                            {QStringLiteral("revision"), entry.revision},
                            {QStringLiteral("sequence"), entry.sequence}};
            return m_site.record(std::move(event));
        });
        if (!tx && !failed) {
            if (SiteSync::isRetryable(tx.error()))
                return tx.error(); // the commit or the event failed here: tried again at the next run
            failure = tx.error();  // the entry's own content made its event unrecordable
            failed = true;
        }
        if (failed) {
            if (SiteSync::isRetryable(failure))
                return failure; // a fault of this workstation: the same entry next time
            // The entry's fault: recorded, and it goes (with the chunks it brought) so it cannot hold up
            // the rest. Later entries of the same object then find a gap and are refused too.
            const auto drop = [&](const Error &why) {
                return m_db.transaction([&]() -> Result<void> {
                    if (auto r = m_site.refuseInTransaction(entry, why); !r)
                        return r;
                    auto removed = m_db.execute(QStringLiteral("DELETE FROM sync_parked WHERE sequence = ?1"),
                                                {entry.sequence});
                    if (!removed)
                        return removed.error();
                    return dropChunks(listedFiles, entry.objectId);
                });
            };
            auto gone = drop(failure);
            if (!gone && !SiteSync::isRetryable(gone.error()))
                gone = drop(refused(QStringLiteral("a registry entry that cannot be recorded as it is")));
            if (!gone)
                return gone.error();
            ++drained.refused;
            continue;
        }
        if (otherKey) {
            waiting.insert(object);
            ++drained.waiting;
        } else if (outcome == registry::SqlCipherRegistry::ReplicaApplied::Applied) {
            ++drained.applied;
        }
    }
    return drained;
}

} // namespace mdp::workspace
