// The PostgreSQL backend: several mdp-grantd instances share one database, so every rule of
// ServerStore.h is enforced by the database, never by this process' memory:
// - accounts: the case-folded name is the primary key (AlreadyExists from the unique violation);
//   updates compare the revision inside the UPDATE itself (a concurrent writer's row lock makes the
//   second re-check it); sign-in counters are read with SELECT ... FOR UPDATE and written in the same
//   transaction, so no increment is lost;
// - sync batches: a transaction-scoped advisory lock per site (taken in name order) serialises the
//   appends of a site, so sequences of a site are assigned in commit order and a reader paging with
//   syncEntriesAfter never skips an entry that commits later with a smaller sequence; entry_id is
//   unique, and a collision with another site's concurrent append retries the transaction, which then
//   sees the stored entry (a replay or Tampered);
// - audit heads: the head row is locked FOR UPDATE; two first appends racing collide on the frames'
//   primary key and the retry reports the Conflict;
// - published documents: an advisory lock per kind around the version check and the insert;
// - the catalogue: an advisory lock per workstation around the delete and the inserts that replace
//   its entries (two replacements from two instances never interleave into a unique violation).
// One connection per store, guarded by a mutex (a libpq connection is not thread-safe).
#include "PgConnection.h"
#include "ServerStoreRules.h"

#include "mdp/crypto/Crypto.h"

#include <mutex>
#include <set>

namespace mdp::server {

namespace {

using namespace detail;

const QString kMigrations = QStringLiteral(":/mdp/server/store/migrations/postgresql");
// Advisory lock keys: the session lock around migrations (one bigint key), and the two-key spaces of
// the transaction locks (distinct from one-key locks in pg_locks).
constexpr qint64 kMigrationLock = 0x4D44504752414E54LL; // "MDPGRANT"
const QString kSiteLock = QStringLiteral("SELECT pg_advisory_xact_lock(1296322609, hashtext($1))");
const QString kPublishLock = QStringLiteral("SELECT pg_advisory_xact_lock(1296322610, hashtext($1))");
const QString kCatalogueLock = QStringLiteral("SELECT pg_advisory_xact_lock(1296322611, hashtext($1))");

const QString kAccountColumns =
    QStringLiteral("user_name, display_name, roles, kdf_salt, kdf_parameters, verifier, wrapped_bundle, "
                   "totp_secret_sealed, locked_by_administrator, failed_attempts, locked_until, revision, "
                   "created, updated");
const QString kSyncColumns = QStringLiteral("sequence, entry_id, site, origin_workstation, kind, object_id, "
                                            "revision, ciphertext, digest, received_at");
const QString kHeadColumns = QStringLiteral(
    "workstation, tree_size, root_hash, checkpoint, witness_signature, witnessed_at, frontier");

AccountRecord accountAt(const PgResult &r, int row)
{
    AccountRecord account;
    account.userName = r.text(row, 0);
    account.displayName = r.text(row, 1);
    account.roles = rolesFromJson(r.text(row, 2));
    account.kdfSalt = r.bytes(row, 3);
    account.kdfParameters = r.text(row, 4);
    account.verifier = r.bytes(row, 5);
    account.wrappedBundle = r.bytes(row, 6);
    account.totpSecretSealed = r.bytes(row, 7);
    account.lockedByAdministrator = r.boolean(row, 8);
    account.failedAttempts = int(r.integer(row, 9));
    account.lockedUntil = r.time(row, 10);
    account.revision = r.integer(row, 11);
    account.created = r.time(row, 12);
    account.updated = r.time(row, 13);
    return account;
}

SyncEntry syncEntryAt(const PgResult &r, int row)
{
    SyncEntry entry;
    entry.sequence = r.integer(row, 0);
    entry.entryId = r.text(row, 1);
    entry.site = r.text(row, 2);
    entry.originWorkstation = r.text(row, 3);
    entry.kind = r.text(row, 4);
    entry.objectId = r.text(row, 5);
    entry.revision = r.integer(row, 6);
    entry.ciphertext = r.bytes(row, 7);
    entry.digest = r.bytes(row, 8);
    entry.receivedAt = r.time(row, 9);
    return entry;
}

AuditHead auditHeadAt(const PgResult &r, int row)
{
    AuditHead head;
    head.workstation = r.text(row, 0);
    head.treeSize = r.integer(row, 1);
    head.rootHash = r.bytes(row, 2);
    head.checkpoint = r.bytes(row, 3);
    head.witnessSignature = r.bytes(row, 4);
    head.witnessedAt = r.time(row, 5);
    head.frontier = r.bytes(row, 6);
    return head;
}

// The values of an account's mutable columns, $2..$13 (display_name .. updated), after $1 = user_key.
QList<PgParam> accountParams(const AccountRecord &a)
{
    return {PgParam::text(accountKey(a.userName)),
            PgParam::text(a.displayName),
            PgParam::text(rolesToJson(a.roles)),
            PgParam::bytes(a.kdfSalt),
            PgParam::text(a.kdfParameters),
            PgParam::bytes(a.verifier),
            PgParam::bytes(a.wrappedBundle),
            PgParam::bytes(a.totpSecretSealed),
            PgParam::boolean(a.lockedByAdministrator),
            PgParam::integer(a.failedAttempts),
            PgParam::time(a.lockedUntil),
            PgParam::integer(a.revision),
            PgParam::time(a.updated)};
}

const Error kRefused{Error::Code::Cancelled, QStringLiteral("refused")};
bool isRefusal(const Error &error)
{
    return error.code == kRefused.code && error.message == kRefused.message;
}

Error notFound(const QString &userName)
{
    return makeError(Error::Code::NotFound, QStringLiteral("no account named %1").arg(userName));
}

class PostgresServerStore final : public ServerStore
{
public:
    PostgresServerStore(std::unique_ptr<PgConnection> connection, const Clock &clock)
        : m_pg(std::move(connection))
        , m_clock(clock)
    {}

    QString backendName() const override { return QStringLiteral("postgresql"); }

    int schemaVersion() override
    {
        std::lock_guard lock(m_mutex);
        auto version = m_pg->schemaVersion();
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
        QList<PgParam> params = accountParams(stored);
        params << PgParam::text(stored.userName) << PgParam::time(stored.created);
        auto inserted = m_pg->exec(
            QStringLiteral(
                "INSERT INTO accounts (user_key, display_name, roles, kdf_salt, kdf_parameters, verifier, "
                "wrapped_bundle, totp_secret_sealed, locked_by_administrator, failed_attempts, "
                "locked_until, revision, updated, user_name, created) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)"),
            params);
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
        auto r =
            m_pg->exec(QStringLiteral("SELECT %1 FROM accounts WHERE user_key = $1").arg(kAccountColumns),
                       {PgParam::text(accountKey(userName))});
        if (!r)
            return r.error();
        if (r->rows() == 0)
            return std::optional<AccountRecord>();
        return std::optional<AccountRecord>(accountAt(*r, 0));
    }

    Result<QList<AccountRecord>> listAccounts() override
    {
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(
            QStringLiteral("SELECT %1 FROM accounts ORDER BY user_key COLLATE \"C\"").arg(kAccountColumns));
        if (!r)
            return r.error();
        QList<AccountRecord> accounts;
        for (int row = 0; row < r->rows(); ++row)
            accounts.append(accountAt(*r, row));
        return accounts;
    }

    Result<AccountRecord> updateAccount(const AccountRecord &account) override
    {
        if (account.failedAttempts < 0)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("failed attempts cannot be negative"));
        std::lock_guard lock(m_mutex);
        AccountRecord values = account;
        values.updated = m_clock.now().toUTC();
        values.lockedUntil = values.lockedUntil.isValid() ? values.lockedUntil.toUTC() : QDateTime();
        // The revision test is part of the UPDATE: a concurrent update holding the row makes this one
        // wait and then re-evaluate the condition against the row it committed.
        auto r =
            m_pg->exec(QStringLiteral("UPDATE accounts SET display_name = $2, roles = $3, kdf_salt = $4, "
                                      "kdf_parameters = $5, verifier = $6, wrapped_bundle = $7, "
                                      "totp_secret_sealed = $8, locked_by_administrator = $9, "
                                      "failed_attempts = $10, locked_until = $11, revision = revision + 1, "
                                      "updated = $13 WHERE user_key = $1 AND revision = $12 RETURNING %1")
                           .arg(kAccountColumns),
                       accountParams(values));
        if (!r)
            return r.error();
        if (r->rows() == 1)
            return accountAt(*r, 0);
        auto current = m_pg->exec(QStringLiteral("SELECT revision FROM accounts WHERE user_key = $1"),
                                  {PgParam::text(accountKey(account.userName))});
        if (!current)
            return current.error();
        if (current->rows() == 0)
            return notFound(account.userName);
        return makeError(Error::Code::Conflict,
                         QStringLiteral("account %1 changed meanwhile (revision %2, now %3)")
                             .arg(account.userName)
                             .arg(account.revision)
                             .arg(current->integer(0, 0)));
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
        SyncBatchLookups lookups;
        lookups.storedEntry = [this](const QString &entryId) -> Result<std::optional<StoredEntry>> {
            auto r =
                m_pg->exec(QStringLiteral("SELECT sequence, digest FROM sync_entries WHERE entry_id = $1"),
                           {PgParam::text(entryId)});
            if (!r)
                return r.error();
            if (r->rows() == 0)
                return std::optional<StoredEntry>();
            return std::optional<StoredEntry>(StoredEntry{r->integer(0, 0), r->bytes(0, 1)});
        };
        lookups.storedRevision = [this](const ObjectKey &object) { return revisionLocked(object); };

        std::set<QString> sites;
        for (const SyncEntry &entry : entries)
            sites.insert(entry.site);

        SyncBatchOutcome outcome;
        auto done = m_pg->transaction(
            [&]() -> Result<void> {
                outcome = SyncBatchOutcome();
                for (const QString &site : sites) {
                    if (auto locked = m_pg->exec(kSiteLock, {PgParam::text(site)}); !locked)
                        return locked.error();
                }
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
                        auto inserted = m_pg->exec(
                            QStringLiteral(
                                "INSERT INTO sync_entries (entry_id, site, origin_workstation, kind, "
                                "object_id, revision, ciphertext, digest, received_at) "
                                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING sequence"),
                            {PgParam::text(e.entryId), PgParam::text(e.site),
                             PgParam::text(e.originWorkstation), PgParam::text(e.kind),
                             PgParam::text(e.objectId), PgParam::integer(e.revision),
                             PgParam::bytes(e.ciphertext), PgParam::bytes(e.digest),
                             PgParam::time(e.receivedAt)});
                        if (!inserted)
                            return inserted.error();
                        sequence = inserted->integer(0, 0);
                    }
                    outcome.sequences.append(sequence);
                }
                for (const auto &[object, revision] : plan->revisions) {
                    const auto &[site, kind, objectId] = object;
                    auto written = m_pg->exec(
                        QStringLiteral("INSERT INTO sync_objects (site, kind, object_id, revision) "
                                       "VALUES ($1, $2, $3, $4) ON CONFLICT (site, kind, object_id) "
                                       "DO UPDATE SET revision = EXCLUDED.revision"),
                        {PgParam::text(site), PgParam::text(kind), PgParam::text(objectId),
                         PgParam::integer(revision)});
                    if (!written)
                        return written.error();
                }
                outcome.duplicates = plan->duplicates;
                outcome.applied = true;
                return {};
            },
            /*retryOnUniqueViolation*/ true);
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
        auto r = m_pg->exec(QStringLiteral("SELECT %1 FROM sync_entries WHERE site = $1 AND sequence > $2 "
                                           "ORDER BY sequence LIMIT $3")
                                .arg(kSyncColumns),
                            {PgParam::text(site), PgParam::integer(afterSequence), PgParam::integer(limit)});
        if (!r)
            return r.error();
        QList<SyncEntry> entries;
        entries.reserve(r->rows());
        for (int row = 0; row < r->rows(); ++row)
            entries.append(syncEntryAt(*r, row));
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
        auto r =
            m_pg->exec(QStringLiteral("SELECT %1 FROM audit_heads WHERE workstation = $1").arg(kHeadColumns),
                       {PgParam::text(workstation)});
        if (!r)
            return r.error();
        if (r->rows() == 0)
            return std::optional<AuditHead>();
        return std::optional<AuditHead>(auditHeadAt(*r, 0));
    }

    Result<QList<AuditHead>> auditHeads() override
    {
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(QStringLiteral("SELECT %1 FROM audit_heads ORDER BY workstation COLLATE \"C\"")
                                .arg(kHeadColumns));
        if (!r)
            return r.error();
        QList<AuditHead> heads;
        for (int row = 0; row < r->rows(); ++row)
            heads.append(auditHeadAt(*r, row));
        return heads;
    }

    Result<void> appendAuditFrames(const AuditHead &head, qint64 expectedPreviousSize,
                                   const QList<AuditFrame> &frames) override
    {
        if (auto valid = validateAuditAppend(head, expectedPreviousSize, frames); !valid)
            return valid;
        std::lock_guard lock(m_mutex);
        const QDateTime witnessedAt = orNow(head.witnessedAt, m_clock);
        return m_pg->transaction(
            [&]() -> Result<void> {
                auto r = m_pg->exec(
                    QStringLiteral("SELECT tree_size FROM audit_heads WHERE workstation = $1 FOR UPDATE"),
                    {PgParam::text(head.workstation)});
                if (!r)
                    return r.error();
                const qint64 stored = r->rows() > 0 ? r->integer(0, 0) : 0;
                if (stored != expectedPreviousSize)
                    return makeError(Error::Code::Conflict,
                                     QStringLiteral("the audit chain of %1 holds %2 events, not %3")
                                         .arg(head.workstation)
                                         .arg(stored)
                                         .arg(expectedPreviousSize));
                for (const AuditFrame &frame : frames) {
                    auto inserted =
                        m_pg->exec(QStringLiteral("INSERT INTO audit_frames (workstation, idx, leaf_hash, "
                                                  "frame) VALUES ($1, $2, $3, $4)"),
                                   {PgParam::text(head.workstation), PgParam::integer(frame.index),
                                    PgParam::bytes(frame.leafHash), PgParam::bytes(frame.frame)});
                    if (!inserted)
                        return inserted.error();
                }
                auto written = m_pg->exec(
                    QStringLiteral("INSERT INTO audit_heads (%1) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                                   "ON CONFLICT (workstation) DO UPDATE SET tree_size = EXCLUDED.tree_size, "
                                   "root_hash = EXCLUDED.root_hash, checkpoint = EXCLUDED.checkpoint, "
                                   "witness_signature = EXCLUDED.witness_signature, "
                                   "witnessed_at = EXCLUDED.witnessed_at, frontier = EXCLUDED.frontier")
                        .arg(kHeadColumns),
                    {PgParam::text(head.workstation), PgParam::integer(head.treeSize),
                     PgParam::bytes(head.rootHash), PgParam::bytes(head.checkpoint),
                     PgParam::bytes(head.witnessSignature), PgParam::time(witnessedAt),
                     PgParam::bytes(head.frontier)});
                if (!written)
                    return written.error();
                return {};
            },
            /*retryOnUniqueViolation*/ true);
    }

    Result<QList<AuditFrame>> auditFrames(const QString &workstation, qint64 from, qint64 to) override
    {
        if (from < 0 || to < from)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("an invalid range of audit frames"));
        std::lock_guard lock(m_mutex);
        auto r =
            m_pg->exec(QStringLiteral("SELECT idx, leaf_hash, frame FROM audit_frames WHERE workstation = $1 "
                                      "AND idx >= $2 AND idx < $3 ORDER BY idx"),
                       {PgParam::text(workstation), PgParam::integer(from), PgParam::integer(to)});
        if (!r)
            return r.error();
        QList<AuditFrame> frames;
        frames.reserve(r->rows());
        for (int row = 0; row < r->rows(); ++row)
            frames.append(AuditFrame{r->integer(row, 0), r->bytes(row, 1), r->bytes(row, 2)});
        return frames;
    }

    Result<void> recordAuditFinding(const QString &workstation, const QString &finding,
                                    const QByteArray &evidence) override
    {
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(
            QStringLiteral("INSERT INTO audit_findings (workstation, finding, evidence, recorded_at) "
                           "VALUES ($1, $2, $3, $4)"),
            {PgParam::text(workstation), PgParam::text(finding), PgParam::bytes(evidence),
             PgParam::time(m_clock.now())});
        if (!r)
            return r.error();
        return {};
    }

    Result<QList<QPair<QString, QString>>> auditFindings() override
    {
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(QStringLiteral("SELECT workstation, finding FROM audit_findings ORDER BY id"));
        if (!r)
            return r.error();
        QList<QPair<QString, QString>> findings;
        for (int row = 0; row < r->rows(); ++row)
            findings.append({r->text(row, 0), r->text(row, 1)});
        return findings;
    }

    Result<void> revokeSerial(const RevokedSerial &revoked) override
    {
        auto serial = normaliseSerial(revoked.serialHex);
        if (!serial)
            return serial.error();
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(QStringLiteral("INSERT INTO revoked_serials (serial_hex, revoked_at, reason) "
                                           "VALUES ($1, $2, $3) ON CONFLICT (serial_hex) DO NOTHING"),
                            {PgParam::text(*serial), PgParam::time(orNow(revoked.revokedAt, m_clock)),
                             PgParam::text(revoked.reason)});
        if (!r)
            return r.error();
        return {};
    }

    Result<bool> isRevoked(const QString &serialHex) override
    {
        auto serial = normaliseSerial(serialHex);
        if (!serial)
            return serial.error();
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(QStringLiteral("SELECT 1 FROM revoked_serials WHERE serial_hex = $1"),
                            {PgParam::text(*serial)});
        if (!r)
            return r.error();
        return r->rows() > 0;
    }

    Result<QList<RevokedSerial>> revokedSerials() override
    {
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(QStringLiteral("SELECT serial_hex, revoked_at, reason FROM revoked_serials "
                                           "ORDER BY revoked_at, serial_hex COLLATE \"C\""));
        if (!r)
            return r.error();
        QList<RevokedSerial> serials;
        for (int row = 0; row < r->rows(); ++row)
            serials.append(RevokedSerial{r->text(row, 0), r->time(row, 1), r->text(row, 2)});
        return serials;
    }

    Result<void> publish(const PublishedDocument &document) override
    {
        if (document.kind.isEmpty() || document.version < 1)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a published document needs a kind and a positive version"));
        std::lock_guard lock(m_mutex);
        const QDateTime published = orNow(document.published, m_clock);
        return m_pg->transaction([&]() -> Result<void> {
            if (auto locked = m_pg->exec(kPublishLock, {PgParam::text(document.kind)}); !locked)
                return locked.error();
            auto r =
                m_pg->exec(QStringLiteral("SELECT max(version) FROM published_documents WHERE kind = $1"),
                           {PgParam::text(document.kind)});
            if (!r)
                return r.error();
            if (!r->isNull(0, 0) && r->integer(0, 0) >= document.version)
                return makeError(Error::Code::Conflict,
                                 QStringLiteral("%1 version %2 is not newer than the published version %3")
                                     .arg(document.kind)
                                     .arg(document.version)
                                     .arg(r->integer(0, 0)));
            auto inserted =
                m_pg->exec(QStringLiteral("INSERT INTO published_documents (kind, version, envelope, "
                                          "published) VALUES ($1, $2, $3, $4)"),
                           {PgParam::text(document.kind), PgParam::integer(document.version),
                            PgParam::bytes(document.envelope), PgParam::time(published)});
            if (!inserted)
                return inserted.error();
            return {};
        });
    }

    Result<std::optional<PublishedDocument>> latestDocument(const QString &kind) override
    {
        std::lock_guard lock(m_mutex);
        auto r =
            m_pg->exec(QStringLiteral("SELECT kind, version, envelope, published FROM published_documents "
                                      "WHERE kind = $1 ORDER BY version DESC LIMIT 1"),
                       {PgParam::text(kind)});
        if (!r)
            return r.error();
        if (r->rows() == 0)
            return std::optional<PublishedDocument>();
        return std::optional<PublishedDocument>(
            PublishedDocument{r->text(0, 0), r->integer(0, 1), r->bytes(0, 2), r->time(0, 3)});
    }

    Result<QList<PublishedDocument>> documentVersions(const QString &kind) override
    {
        std::lock_guard lock(m_mutex);
        auto r =
            m_pg->exec(QStringLiteral("SELECT kind, version, envelope, published FROM published_documents "
                                      "WHERE kind = $1 ORDER BY version"),
                       {PgParam::text(kind)});
        if (!r)
            return r.error();
        QList<PublishedDocument> versions;
        for (int row = 0; row < r->rows(); ++row)
            versions.append(
                PublishedDocument{r->text(row, 0), r->integer(row, 1), r->bytes(row, 2), r->time(row, 3)});
        return versions;
    }

    Result<QString> nextAccessRequestNumber(int year) override
    {
        if (year < 2000 || year > 9999)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a request number's year is 2000-9999"));
        std::lock_guard lock(m_mutex);
        // One statement: atomic across instances.
        auto r = m_pg->exec(
            QStringLiteral("INSERT INTO access_request_numbers (year, last) VALUES ($1, 1) "
                           "ON CONFLICT (year) DO UPDATE SET last = access_request_numbers.last + 1 "
                           "RETURNING last"),
            {PgParam::integer(year)});
        if (!r)
            return r.error();
        return accessRequestNumber(year, r->integer(0, 0));
    }

    Result<void> createAccessRequest(const StoredAccessRequest &request) override
    {
        if (auto valid = validateAccessRequest(request); !valid)
            return valid;
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(
            QStringLiteral("INSERT INTO access_requests (number, requester, status, workstation, "
                           "document, revision, updated) VALUES ($1, $2, $3, $4, $5, $6, $7) "
                           "ON CONFLICT (number) DO NOTHING RETURNING number"),
            {PgParam::text(request.number), PgParam::text(request.requester), PgParam::text(request.status),
             PgParam::text(request.workstation), PgParam::bytes(request.document),
             PgParam::integer(request.revision), PgParam::time(orNow(request.updated, m_clock))});
        if (!r)
            return r.error();
        if (r->rows() == 0)
            return makeError(Error::Code::AlreadyExists,
                             QStringLiteral("request number %1 is in use").arg(request.number));
        return {};
    }

    static StoredAccessRequest requestFrom(const PgResult &r, int row)
    {
        return StoredAccessRequest{r.text(row, 0),  r.text(row, 1),    r.text(row, 2), r.text(row, 3),
                                   r.bytes(row, 4), r.integer(row, 5), r.time(row, 6)};
    }

    Result<std::optional<StoredAccessRequest>> accessRequest(const QString &number) override
    {
        std::lock_guard lock(m_mutex);
        auto r =
            m_pg->exec(QStringLiteral("SELECT number, requester, status, workstation, document, revision, "
                                      "updated FROM access_requests WHERE number = $1"),
                       {PgParam::text(number)});
        if (!r)
            return r.error();
        if (r->rows() == 0)
            return std::optional<StoredAccessRequest>();
        return std::optional<StoredAccessRequest>(requestFrom(*r, 0));
    }

    Result<QList<StoredAccessRequest>> accessRequests(const QString &requester,
                                                      const QStringList &statuses) override
    {
        std::lock_guard lock(m_mutex);
        auto r =
            m_pg->exec(QStringLiteral("SELECT number, requester, status, workstation, document, revision, "
                                      "updated FROM access_requests WHERE ($1 = '' OR requester = $1) "
                                      "ORDER BY updated, number"),
                       {PgParam::text(requester)});
        if (!r)
            return r.error();
        QList<StoredAccessRequest> out;
        for (int row = 0; row < r->rows(); ++row) {
            if (statuses.isEmpty() || statuses.contains(r->text(row, 2)))
                out.append(requestFrom(*r, row));
        }
        return out;
    }

    Result<void> updateAccessRequest(const StoredAccessRequest &request, qint64 expectedRevision,
                                     const std::optional<StoredGrant> &grant) override
    {
        if (auto valid = validateAccessRequest(request); !valid)
            return valid;
        std::lock_guard lock(m_mutex);
        return m_pg->transaction([&]() -> Result<void> {
            // The revision test is part of the UPDATE: another instance holding the row makes this one
            // wait, then find another revision.
            auto r = m_pg->exec(
                QStringLiteral("UPDATE access_requests SET status = $2, document = $3, revision = $4, "
                               "updated = $5 WHERE number = $1 AND revision = $6 RETURNING number"),
                {PgParam::text(request.number), PgParam::text(request.status),
                 PgParam::bytes(request.document), PgParam::integer(request.revision),
                 PgParam::time(orNow(request.updated, m_clock)), PgParam::integer(expectedRevision)});
            if (!r)
                return r.error();
            if (r->rows() == 0) {
                auto current =
                    m_pg->exec(QStringLiteral("SELECT revision FROM access_requests WHERE number = $1"),
                               {PgParam::text(request.number)});
                if (!current)
                    return current.error();
                if (current->rows() == 0)
                    return makeError(Error::Code::NotFound,
                                     QStringLiteral("no request %1").arg(request.number));
                return makeError(Error::Code::Conflict,
                                 QStringLiteral("request %1 changed meanwhile (revision %2, now %3)")
                                     .arg(request.number)
                                     .arg(expectedRevision)
                                     .arg(current->integer(0, 0)));
            }
            if (!grant)
                return {};
            step(u"request-written");
            auto inserted = m_pg->exec(
                QStringLiteral(
                    "INSERT INTO access_grants (id, request_number, subject, envelope, not_after, issued) "
                    "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id"),
                {PgParam::text(grant->id), PgParam::text(request.number), PgParam::text(grant->subject),
                 PgParam::bytes(grant->envelope), PgParam::time(grant->notAfter),
                 PgParam::time(orNow(grant->issued, m_clock))});
            if (!inserted)
                return inserted.error();
            if (inserted->rows() == 0)
                return makeError(Error::Code::AlreadyExists,
                                 QStringLiteral("request %1 has a grant already").arg(request.number));
            return {};
        });
    }

    static constexpr const char *kGrantColumns =
        "SELECT g.id, g.request_number, g.subject, g.envelope, g.not_after, g.issued, r.revoked_at, "
        "r.revoked_by, r.reason FROM access_grants g LEFT JOIN access_grant_revocations r ON r.grant_id = "
        "g.id";

    static QList<StoredGrant> grantsFrom(const PgResult &r)
    {
        QList<StoredGrant> out;
        for (int row = 0; row < r.rows(); ++row) {
            StoredGrant g{r.text(row, 0),
                          r.text(row, 1),
                          r.text(row, 2),
                          r.bytes(row, 3),
                          r.time(row, 4),
                          r.time(row, 5),
                          {},
                          {},
                          {}};
            if (!r.isNull(row, 6)) {
                g.revokedAt = r.time(row, 6);
                g.revokedBy = r.text(row, 7);
                g.revocationReason = r.text(row, 8);
            }
            out.append(g);
        }
        return out;
    }

    Result<QList<StoredGrant>> grantsOf(const QString &subject) override
    {
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(QString::fromLatin1(kGrantColumns) +
                                QStringLiteral(" WHERE g.subject = $1 ORDER BY g.issued, g.id"),
                            {PgParam::text(subject)});
        if (!r)
            return r.error();
        return grantsFrom(*r);
    }

    Result<QList<StoredGrant>> allGrants() override
    {
        std::lock_guard lock(m_mutex);
        auto r =
            m_pg->exec(QString::fromLatin1(kGrantColumns) + QStringLiteral(" ORDER BY g.issued, g.id"), {});
        if (!r)
            return r.error();
        return grantsFrom(*r);
    }

    Result<std::optional<StoredGrant>> grant(const QString &id) override
    {
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(QString::fromLatin1(kGrantColumns) + QStringLiteral(" WHERE g.id = $1"),
                            {PgParam::text(id)});
        if (!r)
            return r.error();
        const QList<StoredGrant> found = grantsFrom(*r);
        if (found.isEmpty())
            return std::optional<StoredGrant>();
        return std::optional<StoredGrant>(found.first());
    }

    Result<void> revokeGrant(const GrantRevocation &revocation) override
    {
        if (revocation.grantId.isEmpty() || revocation.revokedBy.isEmpty() ||
            revocation.reason.trimmed().isEmpty())
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a revocation names the grant, who revoked it and why"));
        std::lock_guard lock(m_mutex);
        return m_pg->transaction([&]() -> Result<void> {
            auto grant = m_pg->exec(QStringLiteral("SELECT 1 FROM access_grants WHERE id = $1"),
                                    {PgParam::text(revocation.grantId)});
            if (!grant)
                return grant.error();
            if (grant->rows() == 0)
                return makeError(Error::Code::NotFound,
                                 QStringLiteral("no grant %1").arg(revocation.grantId));
            auto inserted = m_pg->exec(
                QStringLiteral(
                    "INSERT INTO access_grant_revocations (grant_id, revoked_at, revoked_by, reason) "
                    "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING grant_id"),
                {PgParam::text(revocation.grantId), PgParam::time(orNow(revocation.revokedAt, m_clock)),
                 PgParam::text(revocation.revokedBy), PgParam::text(revocation.reason)});
            if (!inserted)
                return inserted.error();
            if (inserted->rows() == 0)
                return makeError(Error::Code::AlreadyExists,
                                 QStringLiteral("grant %1 is revoked already").arg(revocation.grantId));
            return {};
        });
    }

    Result<QList<GrantRevocation>> grantRevocations() override
    {
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(QStringLiteral("SELECT grant_id, revoked_at, revoked_by, reason FROM "
                                           "access_grant_revocations ORDER BY revoked_at, grant_id"),
                            {});
        if (!r)
            return r.error();
        QList<GrantRevocation> out;
        for (int row = 0; row < r->rows(); ++row)
            out.append(GrantRevocation{r->text(row, 0), r->time(row, 1), r->text(row, 2), r->text(row, 3)});
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
        auto done = m_pg->transaction([&]() -> Result<void> {
            auto kept = m_pg->exec(
                QStringLiteral(
                    "INSERT INTO consent_withdrawals (patient, withdrawn_at, withdrawn_by, reason) "
                    "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING"),
                {PgParam::text(withdrawal.patient), PgParam::time(at), PgParam::text(withdrawal.withdrawnBy),
                 PgParam::text(withdrawal.reason)});
            if (!kept)
                return kept.error();
            for (const QString &id : grantIds) {
                auto grant = m_pg->exec(QStringLiteral("SELECT 1 FROM access_grants WHERE id = $1"),
                                        {PgParam::text(id)});
                if (!grant)
                    return grant.error();
                if (grant->rows() == 0)
                    return makeError(Error::Code::NotFound, QStringLiteral("no grant %1").arg(id));
                auto inserted = m_pg->exec(
                    QStringLiteral(
                        "INSERT INTO access_grant_revocations (grant_id, revoked_at, revoked_by, "
                        "reason) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING grant_id"),
                    {PgParam::text(id), PgParam::time(at), PgParam::text(withdrawal.withdrawnBy),
                     PgParam::text(withdrawal.reason)});
                if (!inserted)
                    return inserted.error();
                if (inserted->rows() > 0)
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
        auto r = m_pg->exec(QStringLiteral("SELECT patient FROM consent_withdrawals ORDER BY patient"), {});
        if (!r)
            return r.error();
        QStringList out;
        for (int row = 0; row < r->rows(); ++row)
            out << r->text(row, 0);
        return out;
    }

    Result<QStringList> consentWithdrawnAmong(const QStringList &patients) override
    {
        std::lock_guard lock(m_mutex);
        QStringList out;
        for (const QString &patient : patients) {
            auto r = m_pg->exec(QStringLiteral("SELECT 1 FROM consent_withdrawals WHERE patient = $1"),
                                {PgParam::text(patient)});
            if (!r)
                return r.error();
            if (r->rows() > 0 && !out.contains(patient))
                out << patient;
        }
        return out;
    }

    Result<void> setDeliveryRecipient(const QString &grantId, const QByteArray &publicKeyDer,
                                      const QByteArray &attestation) override
    {
        std::lock_guard lock(m_mutex);
        return m_pg->transaction([&]() -> Result<void> {
            auto grant = m_pg->exec(QStringLiteral("SELECT 1 FROM access_grants WHERE id = $1"),
                                    {PgParam::text(grantId)});
            if (!grant)
                return grant.error();
            if (grant->rows() == 0)
                return makeError(Error::Code::NotFound, QStringLiteral("no grant %1").arg(grantId));
            auto inserted =
                m_pg->exec(QStringLiteral("INSERT INTO access_deliveries (grant_id, recipient_key, "
                                          "recipient_attestation, recipient_at) VALUES ($1, $2, $3, $4) "
                                          "ON CONFLICT DO NOTHING RETURNING grant_id"),
                           {PgParam::text(grantId), PgParam::bytes(publicKeyDer), PgParam::bytes(attestation),
                            PgParam::time(m_clock.now())});
            if (!inserted)
                return inserted.error();
            if (inserted->rows() == 0)
                return makeError(Error::Code::AlreadyExists,
                                 QStringLiteral("grant %1 has its recipient key already").arg(grantId));
            return {};
        });
    }

    Result<void> putDelivery(const QString &grantId, const QByteArray &ciphertext,
                             const QByteArray &wrappedKey, const QByteArray &attestation,
                             const QString &preparedBy) override
    {
        std::lock_guard lock(m_mutex);
        return m_pg->transaction([&]() -> Result<void> {
            auto updated = m_pg->exec(
                QStringLiteral(
                    "UPDATE access_deliveries SET ciphertext = $2, wrapped_key = $3, delivery_attestation = "
                    "$4, "
                    "prepared_by = $5, prepared_at = $6 WHERE grant_id = $1 AND ciphertext IS NULL AND "
                    "purged_at IS NULL AND recipient_key IS NOT NULL RETURNING grant_id"),
                {PgParam::text(grantId), PgParam::bytes(ciphertext), PgParam::bytes(wrappedKey),
                 PgParam::bytes(attestation), PgParam::text(preparedBy), PgParam::time(m_clock.now())});
            if (!updated)
                return updated.error();
            if (updated->rows() > 0)
                return {};
            auto held = m_pg->exec(QStringLiteral("SELECT 1 FROM access_deliveries WHERE grant_id = $1"),
                                   {PgParam::text(grantId)});
            if (!held)
                return held.error();
            if (held->rows() == 0)
                return makeError(Error::Code::NotFound,
                                 QStringLiteral("grant %1 has no recipient key yet").arg(grantId));
            return makeError(Error::Code::AlreadyExists,
                             QStringLiteral("grant %1 was delivered already").arg(grantId));
        });
    }

    Result<std::optional<StoredDelivery>> delivery(const QString &grantId) override
    {
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(
            QStringLiteral("SELECT grant_id, recipient_key, recipient_attestation, recipient_at, "
                           "ciphertext, wrapped_key, delivery_attestation, prepared_by, prepared_at, "
                           "purged_at FROM access_deliveries WHERE grant_id = $1"),
            {PgParam::text(grantId)});
        if (!r)
            return r.error();
        if (r->rows() == 0)
            return std::optional<StoredDelivery>();
        return std::optional<StoredDelivery>(
            StoredDelivery{r->text(0, 0), r->bytes(0, 1), r->bytes(0, 2), r->time(0, 3), r->bytes(0, 4),
                           r->bytes(0, 5), r->bytes(0, 6), r->text(0, 7), r->time(0, 8), r->time(0, 9)});
    }

    Result<void> purgeDelivery(const QString &grantId) override
    {
        std::lock_guard lock(m_mutex);
        auto r = m_pg->exec(
            QStringLiteral("UPDATE access_deliveries SET ciphertext = NULL, wrapped_key = NULL, "
                           "recipient_key = NULL, recipient_attestation = NULL, delivery_attestation = "
                           "NULL, purged_at = coalesce(purged_at, $2) WHERE grant_id = $1"),
            {PgParam::text(grantId), PgParam::time(m_clock.now())});
        if (!r)
            return r.error();
        return {};
    }

    Result<void> replaceCatalogue(const QString &workstation, const QList<CatalogueEntry> &entries) override
    {
        if (auto valid = validateCatalogue(workstation, entries); !valid)
            return valid.error();
        std::lock_guard lock(m_mutex);
        const QDateTime now = m_clock.now().toUTC();
        return m_pg->transaction([&]() -> Result<void> {
            if (auto locked = m_pg->exec(kCatalogueLock, {PgParam::text(workstation)}); !locked)
                return locked.error();
            if (auto removed =
                    m_pg->exec(QStringLiteral("DELETE FROM catalogue_entries WHERE workstation = $1"),
                               {PgParam::text(workstation)});
                !removed)
                return removed.error();
            for (const CatalogueEntry &entry : entries) {
                auto inserted = m_pg->exec(
                    QStringLiteral("INSERT INTO catalogue_entries (workstation, entry_id, version, title, "
                                   "field_keys, resource, published) VALUES ($1, $2, $3, $4, $5, $6, $7)"),
                    {PgParam::text(workstation), PgParam::text(entry.entryId), PgParam::text(entry.version),
                     PgParam::text(entry.title), PgParam::text(rolesToJson(entry.fieldKeys)),
                     PgParam::bytes(entry.resource), PgParam::time(now)});
                if (!inserted)
                    return inserted.error();
            }
            return {};
        });
    }

    Result<QList<CatalogueEntry>> catalogue(const CatalogueQuery &query) override
    {
        std::lock_guard lock(m_mutex);
        const QString columns =
            QStringLiteral("workstation, entry_id, version, title, field_keys, resource, published");
        auto r =
            query.workstation.isEmpty()
                ? m_pg->exec(QStringLiteral("SELECT %1 FROM catalogue_entries").arg(columns))
                : m_pg->exec(
                      QStringLiteral("SELECT %1 FROM catalogue_entries WHERE workstation = $1").arg(columns),
                      {PgParam::text(query.workstation)});
        if (!r)
            return r.error();
        QList<CatalogueEntry> entries;
        for (int row = 0; row < r->rows(); ++row)
            entries.append(CatalogueEntry{r->text(row, 0), r->text(row, 1), r->text(row, 2), r->text(row, 3),
                                          rolesFromJson(r->text(row, 4)), r->bytes(row, 5), r->time(row, 6)});
        return selectCatalogue(std::move(entries), query);
    }

private:
    // Reads the account FOR UPDATE, changes it (when `change` says so: new revision, updated now)
    // and writes it in the same transaction: concurrent counters from other instances wait.
    Result<AccountRecord> changeAccount(const QString &userName,
                                        const std::function<bool(AccountRecord &)> &change)
    {
        std::lock_guard lock(m_mutex);
        std::optional<AccountRecord> result;
        auto done = m_pg->transaction([&]() -> Result<void> {
            auto r = m_pg->exec(
                QStringLiteral("SELECT %1 FROM accounts WHERE user_key = $1 FOR UPDATE").arg(kAccountColumns),
                {PgParam::text(accountKey(userName))});
            if (!r)
                return r.error();
            if (r->rows() == 0)
                return notFound(userName);
            AccountRecord account = accountAt(*r, 0);
            if (change(account)) {
                ++account.revision;
                account.updated = m_clock.now().toUTC();
                auto written = m_pg->exec(
                    QStringLiteral(
                        "UPDATE accounts SET display_name = $2, roles = $3, kdf_salt = $4, "
                        "kdf_parameters = $5, verifier = $6, wrapped_bundle = $7, "
                        "totp_secret_sealed = $8, locked_by_administrator = $9, failed_attempts = $10, "
                        "locked_until = $11, revision = $12, updated = $13 WHERE user_key = $1"),
                    accountParams(account));
                if (!written)
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
        auto r = m_pg->exec(
            QStringLiteral(
                "SELECT revision FROM sync_objects WHERE site = $1 AND kind = $2 AND object_id = $3"),
            {PgParam::text(site), PgParam::text(kind), PgParam::text(objectId)});
        if (!r)
            return r.error();
        return r->rows() > 0 ? r->integer(0, 0) : qint64(0);
    }

    std::unique_ptr<PgConnection> m_pg;
    const Clock &m_clock;
    std::mutex m_mutex;
};

} // namespace

Result<std::unique_ptr<ServerStore>> openPostgresServerStore(const QString &connectionString,
                                                             const Clock &clock)
{
    crypto::initialise();
    auto connection = PgConnection::connect(connectionString);
    if (!connection)
        return connection.error();
    auto migrated = (*connection)->migrate(kMigrations, kMigrationLock, clock.now());
    if (!migrated)
        return migrated.error();
    if (*migrated > 0)
        qCInfo(lcServerStore) << "server store schema migrated:" << *migrated << "step(s) in PostgreSQL";
    return std::unique_ptr<ServerStore>(std::make_unique<PostgresServerStore>(std::move(*connection), clock));
}

} // namespace mdp::server
