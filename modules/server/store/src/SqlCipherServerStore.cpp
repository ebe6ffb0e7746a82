// The embedded backend: one SQLCipher file through mdp::store::Database, one connection guarded by a
// mutex (the server calls the store from several threads). Every write runs in one BEGIN IMMEDIATE
// transaction, so the rules of ServerStore.h hold for the one server process that owns the file.
#include "ServerStoreRules.h"

#include "mdp/crypto/Crypto.h"
#include "mdp/store/Database.h"

#include <mutex>

namespace mdp::server {

namespace {

using store::Database;
using store::Row;
using namespace detail;

const QString kModule = QStringLiteral("server");
const QString kMigrations = QStringLiteral(":/mdp/server/store/migrations/sqlcipher");

const QString kAccountColumns =
    QStringLiteral("user_name, display_name, roles, kdf_salt, kdf_parameters, verifier, wrapped_bundle, "
                   "totp_secret_sealed, locked_by_administrator, failed_attempts, locked_until, revision, "
                   "created, updated");

AccountRecord accountFromRow(const Row &row)
{
    AccountRecord account;
    account.userName = row.value(0).toString();
    account.displayName = row.value(1).toString();
    account.roles = rolesFromJson(row.value(2).toString());
    account.kdfSalt = row.value(3).toByteArray();
    account.kdfParameters = row.value(4).toString();
    account.verifier = row.value(5).toByteArray();
    account.wrappedBundle = row.value(6).toByteArray();
    account.totpSecretSealed = row.value(7).toByteArray();
    account.lockedByAdministrator = row.value(8).toLongLong() != 0;
    account.failedAttempts = int(row.value(9).toLongLong());
    account.lockedUntil = utcFromText(row.value(10));
    account.revision = row.value(11).toLongLong();
    account.created = utcFromText(row.value(12));
    account.updated = utcFromText(row.value(13));
    return account;
}

QVariant timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toUTC()) : QVariant();
}

SyncEntry syncEntryFromRow(const Row &row)
{
    SyncEntry entry;
    entry.sequence = row.value(0).toLongLong();
    entry.entryId = row.value(1).toString();
    entry.site = row.value(2).toString();
    entry.originWorkstation = row.value(3).toString();
    entry.kind = row.value(4).toString();
    entry.objectId = row.value(5).toString();
    entry.revision = row.value(6).toLongLong();
    entry.ciphertext = row.value(7).toByteArray();
    entry.digest = row.value(8).toByteArray();
    entry.receivedAt = utcFromText(row.value(9));
    return entry;
}

AuditHead auditHeadFromRow(const Row &row)
{
    AuditHead head;
    head.workstation = row.value(0).toString();
    head.treeSize = row.value(1).toLongLong();
    head.rootHash = row.value(2).toByteArray();
    head.checkpoint = row.value(3).toByteArray();
    head.witnessSignature = row.value(4).toByteArray();
    head.witnessedAt = utcFromText(row.value(5));
    head.frontier = row.value(6).toByteArray();
    return head;
}

// Rolls a transaction back without it being a failure: the batch was refused, not broken.
const Error kRefused{Error::Code::Cancelled, QStringLiteral("refused")};
bool isRefusal(const Error &error)
{
    return error.code == kRefused.code && error.message == kRefused.message;
}

class SqlCipherServerStore final : public ServerStore
{
public:
    SqlCipherServerStore(std::unique_ptr<Database> db, const Clock &clock)
        : m_db(std::move(db))
        , m_clock(clock)
    {}

    QString backendName() const override { return QStringLiteral("sqlcipher"); }

    int schemaVersion() override
    {
        std::lock_guard lock(m_mutex);
        auto version = m_db->schemaVersion(kModule);
        return version ? *version : 0;
    }

    Result<AccountRecord> createAccount(const AccountRecord &account) override
    {
        if (auto valid = validateNewAccount(account); !valid)
            return valid.error();
        std::lock_guard lock(m_mutex);
        AccountRecord stored = account;
        stored.revision = 1;
        stored.created = stored.updated = m_clock.now().toUTC();
        stored.lockedUntil = stored.lockedUntil.isValid() ? stored.lockedUntil.toUTC() : QDateTime();
        auto inserted = m_db->execute(
            QStringLiteral("INSERT INTO accounts (user_key, %1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                           "?10, ?11, ?12, ?13, ?14, ?15)")
                .arg(kAccountColumns),
            {accountKey(stored.userName), stored.userName, stored.displayName, rolesToJson(stored.roles),
             stored.kdfSalt, stored.kdfParameters, stored.verifier, stored.wrappedBundle,
             stored.totpSecretSealed, stored.lockedByAdministrator, stored.failedAttempts,
             timeOrNull(stored.lockedUntil), stored.revision, stored.created, stored.updated});
        if (!inserted) {
            if (inserted.error().code == Error::Code::AlreadyExists)
                return makeError(Error::Code::AlreadyExists,
                                 QStringLiteral("an account named %1 exists already").arg(account.userName));
            return inserted.error();
        }
        return stored;
    }

    Result<std::optional<AccountRecord>> findAccount(const QString &userName) override
    {
        std::lock_guard lock(m_mutex);
        return findLocked(userName);
    }

    Result<QList<AccountRecord>> listAccounts() override
    {
        std::lock_guard lock(m_mutex);
        auto rows =
            m_db->query(QStringLiteral("SELECT %1 FROM accounts ORDER BY user_key").arg(kAccountColumns));
        if (!rows)
            return rows.error();
        QList<AccountRecord> accounts;
        for (const Row &row : std::as_const(*rows))
            accounts.append(accountFromRow(row));
        return accounts;
    }

    Result<AccountRecord> updateAccount(const AccountRecord &account) override
    {
        if (account.failedAttempts < 0)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("failed attempts cannot be negative"));
        std::lock_guard lock(m_mutex);
        std::optional<AccountRecord> result;
        auto done = m_db->transaction([&]() -> Result<void> {
            auto current = findLocked(account.userName);
            if (!current)
                return current.error();
            if (!current->has_value())
                return notFound(account.userName);
            if ((*current)->revision != account.revision)
                return conflict(account.userName, account.revision, (*current)->revision);
            AccountRecord stored = account;
            stored.userName = (*current)->userName;
            stored.created = (*current)->created;
            stored.revision = (*current)->revision + 1;
            stored.updated = m_clock.now().toUTC();
            stored.lockedUntil = stored.lockedUntil.isValid() ? stored.lockedUntil.toUTC() : QDateTime();
            if (auto written = writeLocked(stored); !written)
                return written.error();
            result = stored;
            return {};
        });
        if (!done)
            return done.error();
        return *result;
    }

    Result<AccountRecord> recordFailedSignIn(const QString &userName, int threshold,
                                             qint64 backoffSeconds) override
    {
        if (auto valid = checkLockoutParameters(threshold, backoffSeconds); !valid)
            return valid.error();
        return changeAccount(userName, [&](AccountRecord &account) {
            countFailedSignIn(account, m_clock.now(), threshold, backoffSeconds);
            return true;
        });
    }

    Result<AccountRecord> claimSignInAttempt(const QString &userName, int threshold, qint64 backoffSeconds,
                                             bool *lockedOut) override
    {
        if (auto valid = checkLockoutParameters(threshold, backoffSeconds); !valid)
            return valid.error();
        return changeAccount(userName, [&](AccountRecord &account) {
            return claimAttempt(account, m_clock.now(), threshold, backoffSeconds, lockedOut);
        });
    }

    Result<AccountRecord> recordSuccessfulSignIn(const QString &userName) override
    {
        return changeAccount(userName, [](AccountRecord &account) { return clearFailedSignIns(account); });
    }

    Result<SyncBatchOutcome> appendSyncBatch(const QList<SyncEntry> &entries) override
    {
        std::lock_guard lock(m_mutex);
        SyncBatchOutcome outcome;
        SyncBatchLookups lookups;
        lookups.storedEntry = [this](const QString &entryId) -> Result<std::optional<StoredEntry>> {
            auto row = m_db->queryOne(
                QStringLiteral("SELECT sequence, digest FROM sync_entries WHERE entry_id = ?1"), {entryId});
            if (!row)
                return row.error();
            if (!row->has_value())
                return std::optional<StoredEntry>();
            return std::optional<StoredEntry>(
                StoredEntry{(*row)->value(0).toLongLong(), (*row)->value(1).toByteArray()});
        };
        lookups.storedRevision = [this](const ObjectKey &object) { return revisionLocked(object); };

        auto done = m_db->transaction([&]() -> Result<void> {
            auto plan = planSyncBatch(entries, m_clock.now().toUTC(), lookups);
            if (!plan)
                return plan.error();
            if (!plan->conflicts.isEmpty()) {
                outcome.conflicts = plan->conflicts;
                return kRefused;
            }
            for (const SyncBatchPlan::Item &item : std::as_const(plan->items)) {
                qint64 sequence = item.storedSequence;
                if (item.batchIndex >= 0) {
                    sequence = outcome.sequences.at(item.batchIndex);
                } else if (item.isNew) {
                    const SyncEntry &e = item.entry;
                    auto inserted = m_db->execute(
                        QStringLiteral("INSERT INTO sync_entries (entry_id, site, origin_workstation, kind, "
                                       "object_id, revision, ciphertext, digest, received_at) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
                        {e.entryId, e.site, e.originWorkstation, e.kind, e.objectId, e.revision, e.ciphertext,
                         e.digest, e.receivedAt});
                    if (!inserted)
                        return inserted.error();
                    sequence = m_db->lastInsertRowId();
                }
                outcome.sequences.append(sequence);
            }
            for (const auto &[object, revision] : plan->revisions) {
                const auto &[site, kind, objectId] = object;
                auto written = m_db->execute(
                    QStringLiteral("INSERT OR REPLACE INTO sync_objects (site, kind, object_id, revision) "
                                   "VALUES (?1, ?2, ?3, ?4)"),
                    {site, kind, objectId, revision});
                if (!written)
                    return written.error();
            }
            outcome.duplicates = plan->duplicates;
            outcome.applied = true;
            return {};
        });
        if (!done && !isRefusal(done.error()))
            return done.error();
        if (!outcome.applied)
            outcome.sequences.clear();
        return outcome;
    }

    Result<QList<SyncEntry>> syncEntriesAfter(const QString &site, qint64 afterSequence, int limit) override
    {
        if (limit < 0)
            return makeError(Error::Code::InvalidArgument, QStringLiteral("a negative limit"));
        std::lock_guard lock(m_mutex);
        auto rows = m_db->query(
            QStringLiteral(
                "SELECT sequence, entry_id, site, origin_workstation, kind, object_id, revision, "
                "ciphertext, digest, received_at FROM sync_entries WHERE site = ?1 AND sequence > ?2 "
                "ORDER BY sequence LIMIT ?3"),
            {site, afterSequence, limit});
        if (!rows)
            return rows.error();
        QList<SyncEntry> entries;
        entries.reserve(rows->size());
        for (const Row &row : std::as_const(*rows))
            entries.append(syncEntryFromRow(row));
        return entries;
    }

    Result<qint64> currentRevision(const QString &site, const QString &kind, const QString &objectId) override
    {
        std::lock_guard lock(m_mutex);
        return revisionLocked({site, kind, objectId});
    }

    Result<std::optional<AuditHead>> auditHead(const QString &workstation) override
    {
        std::lock_guard lock(m_mutex);
        auto row = m_db->queryOne(QStringLiteral("SELECT workstation, tree_size, root_hash, checkpoint, "
                                                 "witness_signature, witnessed_at, frontier FROM audit_heads "
                                                 "WHERE workstation = ?1"),
                                  {workstation});
        if (!row)
            return row.error();
        if (!row->has_value())
            return std::optional<AuditHead>();
        return std::optional<AuditHead>(auditHeadFromRow(**row));
    }

    Result<QList<AuditHead>> auditHeads() override
    {
        std::lock_guard lock(m_mutex);
        auto rows = m_db->query(QStringLiteral("SELECT workstation, tree_size, root_hash, checkpoint, "
                                               "witness_signature, witnessed_at, frontier FROM audit_heads "
                                               "ORDER BY workstation"));
        if (!rows)
            return rows.error();
        QList<AuditHead> heads;
        for (const Row &row : std::as_const(*rows))
            heads.append(auditHeadFromRow(row));
        return heads;
    }

    Result<void> appendAuditFrames(const AuditHead &head, qint64 expectedPreviousSize,
                                   const QList<AuditFrame> &frames) override
    {
        if (auto valid = validateAuditAppend(head, expectedPreviousSize, frames); !valid)
            return valid;
        std::lock_guard lock(m_mutex);
        return m_db->transaction([&]() -> Result<void> {
            auto row =
                m_db->queryOne(QStringLiteral("SELECT tree_size FROM audit_heads WHERE workstation = ?1"),
                               {head.workstation});
            if (!row)
                return row.error();
            const qint64 stored = row->has_value() ? (*row)->value(0).toLongLong() : 0;
            if (stored != expectedPreviousSize)
                return makeError(Error::Code::Conflict,
                                 QStringLiteral("the audit chain of %1 holds %2 events, not %3")
                                     .arg(head.workstation)
                                     .arg(stored)
                                     .arg(expectedPreviousSize));
            for (const AuditFrame &frame : frames) {
                auto inserted = m_db->execute(QStringLiteral("INSERT INTO audit_frames (workstation, idx, "
                                                             "leaf_hash, frame) VALUES (?1, ?2, ?3, ?4)"),
                                              {head.workstation, frame.index, frame.leafHash, frame.frame});
                if (!inserted)
                    return inserted.error();
            }
            auto written = m_db->execute(
                QStringLiteral(
                    "INSERT OR REPLACE INTO audit_heads (workstation, tree_size, root_hash, checkpoint, "
                    "witness_signature, witnessed_at, frontier) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
                {head.workstation, head.treeSize, head.rootHash, head.checkpoint, head.witnessSignature,
                 orNow(head.witnessedAt, m_clock), head.frontier});
            if (!written)
                return written.error();
            return {};
        });
    }

    Result<QList<AuditFrame>> auditFrames(const QString &workstation, qint64 from, qint64 to) override
    {
        if (from < 0 || to < from)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("an invalid range of audit frames"));
        std::lock_guard lock(m_mutex);
        auto rows =
            m_db->query(QStringLiteral("SELECT idx, leaf_hash, frame FROM audit_frames WHERE workstation "
                                       "= ?1 AND idx >= ?2 AND idx < ?3 ORDER BY idx"),
                        {workstation, from, to});
        if (!rows)
            return rows.error();
        QList<AuditFrame> frames;
        frames.reserve(rows->size());
        for (const Row &row : std::as_const(*rows))
            frames.append(AuditFrame{row.value(0).toLongLong(), row.value(1).toByteArray(),
                                     row.value(2).toByteArray()});
        return frames;
    }

    Result<void> recordAuditFinding(const QString &workstation, const QString &finding,
                                    const QByteArray &evidence) override
    {
        std::lock_guard lock(m_mutex);
        auto inserted =
            m_db->execute(QStringLiteral("INSERT INTO audit_findings (workstation, finding, evidence, "
                                         "recorded_at) VALUES (?1, ?2, ?3, ?4)"),
                          {workstation, finding, evidence, m_clock.now().toUTC()});
        if (!inserted)
            return inserted.error();
        return {};
    }

    Result<QList<QPair<QString, QString>>> auditFindings() override
    {
        std::lock_guard lock(m_mutex);
        auto rows =
            m_db->query(QStringLiteral("SELECT workstation, finding FROM audit_findings ORDER BY id"));
        if (!rows)
            return rows.error();
        QList<QPair<QString, QString>> findings;
        for (const Row &row : std::as_const(*rows))
            findings.append({row.value(0).toString(), row.value(1).toString()});
        return findings;
    }

    Result<void> revokeSerial(const RevokedSerial &revoked) override
    {
        auto serial = normaliseSerial(revoked.serialHex);
        if (!serial)
            return serial.error();
        std::lock_guard lock(m_mutex);
        auto inserted = m_db->execute(
            QStringLiteral(
                "INSERT OR IGNORE INTO revoked_serials (serial_hex, revoked_at, reason) VALUES (?1, ?2, ?3)"),
            {*serial, orNow(revoked.revokedAt, m_clock), revoked.reason});
        if (!inserted)
            return inserted.error();
        if (m_revokedLoaded)
            m_revoked.insert(*serial);
        return {};
    }

    // Asked on every request: answered from memory. The embedded store has one writer, this process
    // (the database is held open by one server), so the set read once and kept with every revocation
    // made here is the table.
    Result<bool> isRevoked(const QString &serialHex) override
    {
        auto serial = normaliseSerial(serialHex);
        if (!serial)
            return serial.error();
        std::lock_guard lock(m_mutex);
        if (!m_revokedLoaded) {
            auto rows = m_db->query(QStringLiteral("SELECT serial_hex FROM revoked_serials"));
            if (!rows)
                return rows.error();
            m_revoked.clear();
            for (const auto &row : rows.value())
                m_revoked.insert(row.at(0).toString());
            m_revokedLoaded = true;
        }
        return m_revoked.contains(*serial);
    }

    Result<QList<RevokedSerial>> revokedSerials() override
    {
        std::lock_guard lock(m_mutex);
        auto rows = m_db->query(QStringLiteral(
            "SELECT serial_hex, revoked_at, reason FROM revoked_serials ORDER BY revoked_at, serial_hex"));
        if (!rows)
            return rows.error();
        QList<RevokedSerial> serials;
        for (const Row &row : std::as_const(*rows))
            serials.append(
                RevokedSerial{row.value(0).toString(), utcFromText(row.value(1)), row.value(2).toString()});
        return serials;
    }

    Result<void> publish(const PublishedDocument &document) override
    {
        if (document.kind.isEmpty() || document.version < 1)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a published document needs a kind and a positive version"));
        std::lock_guard lock(m_mutex);
        return m_db->transaction([&]() -> Result<void> {
            auto row =
                m_db->queryOne(QStringLiteral("SELECT max(version) FROM published_documents WHERE kind = ?1"),
                               {document.kind});
            if (!row)
                return row.error();
            const QVariant newest = row->has_value() ? (*row)->value(0) : QVariant();
            if (newest.isValid() && newest.toLongLong() >= document.version)
                return makeError(Error::Code::Conflict,
                                 QStringLiteral("%1 version %2 is not newer than the published version %3")
                                     .arg(document.kind)
                                     .arg(document.version)
                                     .arg(newest.toLongLong()));
            auto inserted = m_db->execute(
                QStringLiteral("INSERT INTO published_documents (kind, version, envelope, "
                               "published) VALUES (?1, ?2, ?3, ?4)"),
                {document.kind, document.version, document.envelope, orNow(document.published, m_clock)});
            if (!inserted)
                return inserted.error();
            return {};
        });
    }

    Result<std::optional<PublishedDocument>> latestDocument(const QString &kind) override
    {
        std::lock_guard lock(m_mutex);
        auto row = m_db->queryOne(
            QStringLiteral("SELECT kind, version, envelope, published FROM published_documents "
                           "WHERE kind = ?1 ORDER BY version DESC LIMIT 1"),
            {kind});
        if (!row)
            return row.error();
        if (!row->has_value())
            return std::optional<PublishedDocument>();
        const Row &r = **row;
        return std::optional<PublishedDocument>(
            PublishedDocument{r.value(0).toString(), r.value(1).toLongLong(), r.value(2).toByteArray(),
                              utcFromText(r.value(3))});
    }

    Result<QList<PublishedDocument>> documentVersions(const QString &kind) override
    {
        std::lock_guard lock(m_mutex);
        auto rows = m_db->query(QStringLiteral("SELECT kind, version, envelope, published FROM "
                                               "published_documents WHERE kind = ?1 ORDER BY version"),
                                {kind});
        if (!rows)
            return rows.error();
        QList<PublishedDocument> versions;
        for (const Row &r : std::as_const(*rows))
            versions.append(PublishedDocument{r.value(0).toString(), r.value(1).toLongLong(),
                                              r.value(2).toByteArray(), utcFromText(r.value(3))});
        return versions;
    }

    Result<QString> nextAccessRequestNumber(int year) override
    {
        if (year < 2000 || year > 9999)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a request number's year is 2000-9999"));
        std::lock_guard lock(m_mutex);
        qint64 number = 0;
        auto done = m_db->transaction([&]() -> Result<void> {
            auto row = m_db->queryOne(
                QStringLiteral("SELECT last FROM access_request_numbers WHERE year = ?1"), {year});
            if (!row)
                return row.error();
            number = row->has_value() ? (*row)->value(0).toLongLong() + 1 : 1;
            auto written =
                m_db->execute(QStringLiteral("INSERT OR REPLACE INTO access_request_numbers (year, last) "
                                             "VALUES (?1, ?2)"),
                              {year, number});
            if (!written)
                return written.error();
            return {};
        });
        if (!done)
            return done.error();
        return accessRequestNumber(year, number);
    }

    Result<void> createAccessRequest(const StoredAccessRequest &request) override
    {
        if (auto valid = validateAccessRequest(request); !valid)
            return valid;
        std::lock_guard lock(m_mutex);
        return m_db->transaction([&]() -> Result<void> {
            auto taken = m_db->queryOne(QStringLiteral("SELECT 1 FROM access_requests WHERE number = ?1"),
                                        {request.number});
            if (!taken)
                return taken.error();
            if (taken->has_value())
                return makeError(Error::Code::AlreadyExists,
                                 QStringLiteral("request number %1 is in use").arg(request.number));
            auto inserted = m_db->execute(
                QStringLiteral(
                    "INSERT INTO access_requests (number, requester, status, workstation, document, "
                    "revision, updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
                {request.number, request.requester, request.status, request.workstation, request.document,
                 request.revision, orNow(request.updated, m_clock)});
            if (!inserted)
                return inserted.error();
            return {};
        });
    }

    static StoredAccessRequest requestFrom(const Row &r)
    {
        return StoredAccessRequest{r.value(0).toString(),  r.value(1).toString(),    r.value(2).toString(),
                                   r.value(3).toString(),  r.value(4).toByteArray(), r.value(5).toLongLong(),
                                   utcFromText(r.value(6))};
    }

    Result<std::optional<StoredAccessRequest>> accessRequest(const QString &number) override
    {
        std::lock_guard lock(m_mutex);
        auto row = m_db->queryOne(QStringLiteral("SELECT number, requester, status, workstation, document, "
                                                 "revision, updated FROM access_requests WHERE number = ?1"),
                                  {number});
        if (!row)
            return row.error();
        if (!row->has_value())
            return std::optional<StoredAccessRequest>();
        return std::optional<StoredAccessRequest>(requestFrom(**row));
    }

    Result<QList<StoredAccessRequest>> accessRequests(const QString &requester,
                                                      const QStringList &statuses) override
    {
        std::lock_guard lock(m_mutex);
        auto rows =
            m_db->query(QStringLiteral("SELECT number, requester, status, workstation, document, revision, "
                                       "updated FROM access_requests WHERE (?1 = '' OR requester = ?1) "
                                       "ORDER BY updated, number"),
                        {requester});
        if (!rows)
            return rows.error();
        QList<StoredAccessRequest> out;
        for (const Row &r : std::as_const(*rows)) {
            if (statuses.isEmpty() || statuses.contains(r.value(2).toString()))
                out.append(requestFrom(r));
        }
        return out;
    }

    Result<void> updateAccessRequest(const StoredAccessRequest &request, qint64 expectedRevision,
                                     const std::optional<StoredGrant> &grant) override
    {
        if (auto valid = validateAccessRequest(request); !valid)
            return valid;
        std::lock_guard lock(m_mutex);
        return m_db->transaction([&]() -> Result<void> {
            auto row = m_db->queryOne(
                QStringLiteral("SELECT revision FROM access_requests WHERE number = ?1"), {request.number});
            if (!row)
                return row.error();
            if (!row->has_value())
                return makeError(Error::Code::NotFound, QStringLiteral("no request %1").arg(request.number));
            if ((*row)->value(0).toLongLong() != expectedRevision)
                return makeError(Error::Code::Conflict,
                                 QStringLiteral("request %1 changed meanwhile (revision %2, now %3)")
                                     .arg(request.number)
                                     .arg(expectedRevision)
                                     .arg((*row)->value(0).toLongLong()));
            auto updated = m_db->execute(
                QStringLiteral(
                    "UPDATE access_requests SET status = ?2, document = ?3, revision = ?4, updated = ?5 "
                    "WHERE number = ?1"),
                {request.number, request.status, request.document, request.revision,
                 orNow(request.updated, m_clock)});
            if (!updated)
                return updated.error();
            if (!grant)
                return {};
            step(u"request-written");
            auto held =
                m_db->queryOne(QStringLiteral("SELECT 1 FROM access_grants WHERE request_number = ?1 OR "
                                              "id = ?2"),
                               {request.number, grant->id});
            if (!held)
                return held.error();
            if (held->has_value())
                return makeError(Error::Code::AlreadyExists,
                                 QStringLiteral("request %1 has a grant already").arg(request.number));
            auto inserted = m_db->execute(
                QStringLiteral(
                    "INSERT INTO access_grants (id, request_number, subject, envelope, not_after, issued) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                {grant->id, request.number, grant->subject, grant->envelope, grant->notAfter.toUTC(),
                 orNow(grant->issued, m_clock)});
            if (!inserted)
                return inserted.error();
            return {};
        });
    }

    static constexpr const char *kGrantColumns =
        "SELECT g.id, g.request_number, g.subject, g.envelope, g.not_after, g.issued, r.revoked_at, "
        "r.revoked_by, r.reason FROM access_grants g LEFT JOIN access_grant_revocations r ON r.grant_id = "
        "g.id";

    static StoredGrant grantOf(const Row &r)
    {
        StoredGrant g{r.value(0).toString(),
                      r.value(1).toString(),
                      r.value(2).toString(),
                      r.value(3).toByteArray(),
                      utcFromText(r.value(4)),
                      utcFromText(r.value(5)),
                      {},
                      {},
                      {}};
        if (!r.value(6).isNull()) {
            g.revokedAt = utcFromText(r.value(6));
            g.revokedBy = r.value(7).toString();
            g.revocationReason = r.value(8).toString();
        }
        return g;
    }

    Result<QList<StoredGrant>> grantsOf(const QString &subject) override
    {
        std::lock_guard lock(m_mutex);
        auto rows = m_db->query(QString::fromLatin1(kGrantColumns) +
                                    QStringLiteral(" WHERE g.subject = ?1 ORDER BY g.issued, g.id"),
                                {subject});
        if (!rows)
            return rows.error();
        QList<StoredGrant> out;
        for (const Row &r : std::as_const(*rows))
            out.append(grantOf(r));
        return out;
    }

    Result<QList<StoredGrant>> allGrants() override
    {
        std::lock_guard lock(m_mutex);
        auto rows =
            m_db->query(QString::fromLatin1(kGrantColumns) + QStringLiteral(" ORDER BY g.issued, g.id"));
        if (!rows)
            return rows.error();
        QList<StoredGrant> out;
        for (const Row &r : std::as_const(*rows))
            out.append(grantOf(r));
        return out;
    }

    Result<std::optional<StoredGrant>> grant(const QString &id) override
    {
        std::lock_guard lock(m_mutex);
        auto rows =
            m_db->query(QString::fromLatin1(kGrantColumns) + QStringLiteral(" WHERE g.id = ?1"), {id});
        if (!rows)
            return rows.error();
        if (rows->isEmpty())
            return std::optional<StoredGrant>();
        return std::optional<StoredGrant>(grantOf(rows->first()));
    }

    Result<void> revokeGrant(const GrantRevocation &revocation) override
    {
        if (revocation.grantId.isEmpty() || revocation.revokedBy.isEmpty() ||
            revocation.reason.trimmed().isEmpty())
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a revocation names the grant, who revoked it and why"));
        std::lock_guard lock(m_mutex);
        return m_db->transaction([&]() -> Result<void> {
            auto grant = m_db->queryOne(QStringLiteral("SELECT 1 FROM access_grants WHERE id = ?1"),
                                        {revocation.grantId});
            if (!grant)
                return grant.error();
            if (!grant->has_value())
                return makeError(Error::Code::NotFound,
                                 QStringLiteral("no grant %1").arg(revocation.grantId));
            auto held =
                m_db->queryOne(QStringLiteral("SELECT 1 FROM access_grant_revocations WHERE grant_id = ?1"),
                               {revocation.grantId});
            if (!held)
                return held.error();
            if (held->has_value())
                return makeError(Error::Code::AlreadyExists,
                                 QStringLiteral("grant %1 is revoked already").arg(revocation.grantId));
            auto inserted = m_db->execute(
                QStringLiteral(
                    "INSERT INTO access_grant_revocations (grant_id, revoked_at, revoked_by, reason) "
                    "VALUES (?1, ?2, ?3, ?4)"),
                {revocation.grantId, orNow(revocation.revokedAt, m_clock), revocation.revokedBy,
                 revocation.reason});
            if (!inserted)
                return inserted.error();
            return {};
        });
    }

    Result<QList<GrantRevocation>> grantRevocations() override
    {
        std::lock_guard lock(m_mutex);
        auto rows = m_db->query(QStringLiteral("SELECT grant_id, revoked_at, revoked_by, reason FROM "
                                               "access_grant_revocations ORDER BY revoked_at, grant_id"));
        if (!rows)
            return rows.error();
        QList<GrantRevocation> out;
        for (const Row &r : std::as_const(*rows))
            out.append(GrantRevocation{r.value(0).toString(), utcFromText(r.value(1)), r.value(2).toString(),
                                       r.value(3).toString()});
        return out;
    }

    Result<QStringList> withdrawConsent(const ConsentWithdrawal &withdrawal,
                                        const QStringList &grantIds) override
    {
        if (auto valid = validateConsentWithdrawal(withdrawal); !valid)
            return valid.error();
        std::lock_guard lock(m_mutex);
        QStringList revoked;
        const QDateTime at = orNow(withdrawal.withdrawnAt, m_clock);
        auto done = m_db->transaction([&]() -> Result<void> {
            auto kept = m_db->execute(
                QStringLiteral(
                    "INSERT OR IGNORE INTO consent_withdrawals (patient, withdrawn_at, withdrawn_by, "
                    "reason) VALUES (?1, ?2, ?3, ?4)"),
                {withdrawal.patient, at, withdrawal.withdrawnBy, withdrawal.reason});
            if (!kept)
                return kept.error();
            for (const QString &id : grantIds) {
                auto grant =
                    m_db->queryOne(QStringLiteral("SELECT 1 FROM access_grants WHERE id = ?1"), {id});
                if (!grant)
                    return grant.error();
                if (!grant->has_value())
                    return makeError(Error::Code::NotFound, QStringLiteral("no grant %1").arg(id));
                auto inserted = m_db->execute(
                    QStringLiteral("INSERT OR IGNORE INTO access_grant_revocations (grant_id, revoked_at, "
                                   "revoked_by, reason) VALUES (?1, ?2, ?3, ?4)"),
                    {id, at, withdrawal.withdrawnBy, withdrawal.reason});
                if (!inserted)
                    return inserted.error();
                if (*inserted > 0)
                    revoked << id;
            }
            return {};
        });
        if (!done)
            return done.error();
        return revoked;
    }

    Result<QStringList> withdrawnPatients() override
    {
        std::lock_guard lock(m_mutex);
        auto rows = m_db->query(QStringLiteral("SELECT patient FROM consent_withdrawals ORDER BY patient"));
        if (!rows)
            return rows.error();
        QStringList out;
        for (const Row &row : *rows)
            out << row.value(0).toString();
        return out;
    }

    Result<QStringList> consentWithdrawnAmong(const QStringList &patients) override
    {
        std::lock_guard lock(m_mutex);
        QStringList out;
        for (const QString &patient : patients) {
            auto row = m_db->queryOne(QStringLiteral("SELECT 1 FROM consent_withdrawals WHERE patient = ?1"),
                                      {patient});
            if (!row)
                return row.error();
            if (row->has_value() && !out.contains(patient))
                out << patient;
        }
        return out;
    }

    Result<void> setDeliveryRecipient(const QString &grantId, const QByteArray &publicKeyDer,
                                      const QByteArray &attestation) override
    {
        std::lock_guard lock(m_mutex);
        return m_db->transaction([&]() -> Result<void> {
            auto grant =
                m_db->queryOne(QStringLiteral("SELECT 1 FROM access_grants WHERE id = ?1"), {grantId});
            if (!grant)
                return grant.error();
            if (!grant->has_value())
                return makeError(Error::Code::NotFound, QStringLiteral("no grant %1").arg(grantId));
            auto held = m_db->queryOne(QStringLiteral("SELECT 1 FROM access_deliveries WHERE grant_id = ?1"),
                                       {grantId});
            if (!held)
                return held.error();
            if (held->has_value())
                return makeError(Error::Code::AlreadyExists,
                                 QStringLiteral("grant %1 has its recipient key already").arg(grantId));
            auto inserted =
                m_db->execute(QStringLiteral("INSERT INTO access_deliveries (grant_id, recipient_key, "
                                             "recipient_attestation, recipient_at) VALUES (?1, ?2, ?3, ?4)"),
                              {grantId, publicKeyDer, attestation, m_clock.now().toUTC()});
            if (!inserted)
                return inserted.error();
            return {};
        });
    }

    Result<void> putDelivery(const QString &grantId, const QByteArray &ciphertext,
                             const QByteArray &wrappedKey, const QByteArray &attestation,
                             const QString &preparedBy) override
    {
        std::lock_guard lock(m_mutex);
        return m_db->transaction([&]() -> Result<void> {
            auto row =
                m_db->queryOne(QStringLiteral("SELECT ciphertext IS NOT NULL, purged_at IS NOT NULL FROM "
                                              "access_deliveries WHERE grant_id = ?1"),
                               {grantId});
            if (!row)
                return row.error();
            if (!row->has_value())
                return makeError(Error::Code::NotFound,
                                 QStringLiteral("grant %1 has no recipient key yet").arg(grantId));
            if ((*row)->value(0).toBool() || (*row)->value(1).toBool())
                return makeError(Error::Code::AlreadyExists,
                                 QStringLiteral("grant %1 was delivered already").arg(grantId));
            auto updated = m_db->execute(
                QStringLiteral("UPDATE access_deliveries SET ciphertext = ?2, wrapped_key = ?3, "
                               "delivery_attestation = ?4, prepared_by = ?5, prepared_at = ?6 "
                               "WHERE grant_id = ?1"),
                {grantId, ciphertext, wrappedKey, attestation, preparedBy, m_clock.now().toUTC()});
            if (!updated)
                return updated.error();
            return {};
        });
    }

    Result<std::optional<StoredDelivery>> delivery(const QString &grantId) override
    {
        std::lock_guard lock(m_mutex);
        auto row = m_db->queryOne(
            QStringLiteral("SELECT grant_id, recipient_key, recipient_attestation, recipient_at, "
                           "ciphertext, wrapped_key, delivery_attestation, prepared_by, prepared_at, "
                           "purged_at FROM access_deliveries WHERE grant_id = ?1"),
            {grantId});
        if (!row)
            return row.error();
        if (!row->has_value())
            return std::optional<StoredDelivery>();
        const Row &r = **row;
        const auto timeOrNone = [](const QVariant &v) { return v.isNull() ? QDateTime() : utcFromText(v); };
        return std::optional<StoredDelivery>(StoredDelivery{
            r.value(0).toString(), r.value(1).toByteArray(), r.value(2).toByteArray(), timeOrNone(r.value(3)),
            r.value(4).toByteArray(), r.value(5).toByteArray(), r.value(6).toByteArray(),
            r.value(7).toString(), timeOrNone(r.value(8)), timeOrNone(r.value(9))});
    }

    Result<void> purgeDelivery(const QString &grantId) override
    {
        std::lock_guard lock(m_mutex);
        auto updated = m_db->execute(
            QStringLiteral(
                "UPDATE access_deliveries SET ciphertext = NULL, wrapped_key = NULL, recipient_key = NULL, "
                "recipient_attestation = NULL, delivery_attestation = NULL, purged_at = "
                "coalesce(purged_at, ?2) WHERE grant_id = ?1"),
            {grantId, m_clock.now().toUTC()});
        if (!updated)
            return updated.error();
        return {};
    }

    Result<void> replaceCatalogue(const QString &workstation, const QList<CatalogueEntry> &entries) override
    {
        if (auto valid = validateCatalogue(workstation, entries); !valid)
            return valid.error();
        std::lock_guard lock(m_mutex);
        const QDateTime now = m_clock.now().toUTC();
        return m_db->transaction([&]() -> Result<void> {
            if (auto removed = m_db->execute(
                    QStringLiteral("DELETE FROM catalogue_entries WHERE workstation = ?1"), {workstation});
                !removed)
                return removed.error();
            for (const CatalogueEntry &entry : entries) {
                auto inserted = m_db->execute(
                    QStringLiteral("INSERT INTO catalogue_entries (workstation, entry_id, version, title, "
                                   "field_keys, resource, published) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
                    {workstation, entry.entryId, entry.version, entry.title, rolesToJson(entry.fieldKeys),
                     entry.resource, now});
                if (!inserted)
                    return inserted.error();
            }
            return {};
        });
    }

    Result<QList<CatalogueEntry>> catalogue(const CatalogueQuery &query) override
    {
        std::lock_guard lock(m_mutex);
        auto rows =
            query.workstation.isEmpty()
                ? m_db->query(QStringLiteral("SELECT workstation, entry_id, version, title, field_keys, "
                                             "resource, published FROM catalogue_entries"))
                : m_db->query(QStringLiteral("SELECT workstation, entry_id, version, title, field_keys, "
                                             "resource, published FROM catalogue_entries "
                                             "WHERE workstation = ?1"),
                              {query.workstation});
        if (!rows)
            return rows.error();
        QList<CatalogueEntry> entries;
        for (const Row &r : std::as_const(*rows))
            entries.append(CatalogueEntry{r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
                                          r.value(3).toString(), rolesFromJson(r.value(4).toString()),
                                          r.value(5).toByteArray(), utcFromText(r.value(6))});
        return selectCatalogue(std::move(entries), query);
    }

private:
    static Error notFound(const QString &userName)
    {
        return makeError(Error::Code::NotFound, QStringLiteral("no account named %1").arg(userName));
    }
    static Error conflict(const QString &userName, qint64 offered, qint64 stored)
    {
        return makeError(Error::Code::Conflict,
                         QStringLiteral("account %1 changed meanwhile (revision %2, now %3)")
                             .arg(userName)
                             .arg(offered)
                             .arg(stored));
    }

    Result<std::optional<AccountRecord>> findLocked(const QString &userName)
    {
        auto row =
            m_db->queryOne(QStringLiteral("SELECT %1 FROM accounts WHERE user_key = ?1").arg(kAccountColumns),
                           {accountKey(userName)});
        if (!row)
            return row.error();
        if (!row->has_value())
            return std::optional<AccountRecord>();
        return std::optional<AccountRecord>(accountFromRow(**row));
    }

    Result<void> writeLocked(const AccountRecord &a)
    {
        auto written = m_db->execute(
            QStringLiteral(
                "UPDATE accounts SET display_name = ?2, roles = ?3, kdf_salt = ?4, kdf_parameters = ?5, "
                "verifier = ?6, wrapped_bundle = ?7, totp_secret_sealed = ?8, "
                "locked_by_administrator = ?9, failed_attempts = ?10, locked_until = ?11, "
                "revision = ?12, updated = ?13 WHERE user_key = ?1"),
            {accountKey(a.userName), a.displayName, rolesToJson(a.roles), a.kdfSalt, a.kdfParameters,
             a.verifier, a.wrappedBundle, a.totpSecretSealed, a.lockedByAdministrator, a.failedAttempts,
             timeOrNull(a.lockedUntil), a.revision, a.updated});
        if (!written)
            return written.error();
        return {};
    }

    // Reads, changes (when `change` says so: new revision, updated now) and writes one account.
    Result<AccountRecord> changeAccount(const QString &userName,
                                        const std::function<bool(AccountRecord &)> &change)
    {
        std::lock_guard lock(m_mutex);
        std::optional<AccountRecord> result;
        auto done = m_db->transaction([&]() -> Result<void> {
            auto current = findLocked(userName);
            if (!current)
                return current.error();
            if (!current->has_value())
                return notFound(userName);
            AccountRecord account = **current;
            if (change(account)) {
                ++account.revision;
                account.updated = m_clock.now().toUTC();
                if (auto written = writeLocked(account); !written)
                    return written.error();
            }
            result = account;
            return {};
        });
        if (!done)
            return done.error();
        return *result;
    }

    Result<qint64> revisionLocked(const ObjectKey &object)
    {
        const auto &[site, kind, objectId] = object;
        auto row = m_db->queryOne(
            QStringLiteral(
                "SELECT revision FROM sync_objects WHERE site = ?1 AND kind = ?2 AND object_id = ?3"),
            {site, kind, objectId});
        if (!row)
            return row.error();
        return row->has_value() ? (*row)->value(0).toLongLong() : qint64(0);
    }

    std::unique_ptr<Database> m_db;
    const Clock &m_clock;
    std::mutex m_mutex;
    QSet<QString> m_revoked; // isRevoked's answer, once read (under m_mutex)
    bool m_revokedLoaded = false;
};

} // namespace

Result<std::unique_ptr<ServerStore>> openSqlCipherServerStore(const QString &path, const SecureBytes &key,
                                                              const Clock &clock)
{
    crypto::initialise();
    Database::Options options;
    options.path = path;
    options.key = key;
    options.create = true;
    options.clock = &clock;
    const auto heldElsewhere = [&path](const Error &error) {
        return makeError(
            Error::Code::Locked,
            QStringLiteral("the store %1 is held by another mdp-grantd (the embedded store serves one "
                           "instance; several share PostgreSQL): %2")
                .arg(path, error.message));
    };
    auto db = Database::open(std::move(options));
    if (!db)
        return db.error().code == Error::Code::Conflict ? heldElsewhere(db.error()) : db.error();
    // One server holds the embedded store: the lock is taken now and kept until the server stops (it
    // answers revocations from memory, which a second writer would make stale). Several instances
    // share PostgreSQL instead.
    auto mode = (*db)->queryOne(QStringLiteral("PRAGMA locking_mode = EXCLUSIVE"));
    if (!mode)
        return mode.error();
    auto held = (*db)->execute(QStringLiteral("BEGIN EXCLUSIVE"));
    if (held)
        held = (*db)->execute(QStringLiteral("COMMIT"));
    if (!held)
        return makeError(
            Error::Code::Locked,
            QStringLiteral("the store %1 is held by another mdp-grantd (the embedded store serves one "
                           "instance; several share PostgreSQL): %2")
                .arg(path, held.error().message));
    auto migrated = (*db)->migrate(kModule, kMigrations);
    if (!migrated)
        return migrated.error();
    if (*migrated > 0)
        qCInfo(lcServerStore) << "server store schema migrated:" << *migrated << "step(s) at" << path;
    return std::unique_ptr<ServerStore>(std::make_unique<SqlCipherServerStore>(std::move(*db), clock));
}

} // namespace mdp::server
