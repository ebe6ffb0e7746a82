#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/store/Database.h"

#include <QStringView>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

namespace mdp::audit {
class AuditLog;
}

namespace mdp::workspace {

// What every database connection of one workspace shares when it ships its outbox: one shipper at
// a time (two would both find a row not yet in the log) and the highest commit anchored so far (a
// connection that commits earlier but ships later must not move the anchor back).
struct AuditShipping
{
    std::mutex mutex;
    qint64 anchoredCommit = 0;
    std::function<void(QStringView step)> stepHook;
    // The key of the security tables' MAC (securityTablesKey(), from the workstation's own key); empty
    // before the workstation key was read, and then the digest is an unkeyed SM3 as in older versions.
    SecureBytes securityKey;
};

// Makes a database change and its audit event atomic. An event recorded while a
// transaction is open goes into the table audit_outbox of that same transaction, so it commits or
// rolls back with the change; after every commit the outbox is appended to the audit log, oldest
// first, followed by the database.commit event that anchors the commit counter, and then cleared.
// A crash between commit and append leaves the rows for the next ship (at the latest when the
// workspace opens); a crash between append and clearing leaves rows whose event id the log already
// holds, which are skipped, so every event lands exactly once.
class AuditOutbox final : public store::CommitObserver
{
public:
    AuditOutbox(store::Database &database, audit::AuditLog &log, const Clock &clock,
                std::shared_ptr<AuditShipping> shipping);

    // Creates the outbox table where missing.
    static Result<void> migrate(store::Database &database);

    // The event must be complete (agent and source set). Inside a transaction: stored in the
    // outbox under a fresh id, appended after the commit. Outside: there is nothing to be atomic
    // with, so it is appended and made durable now.
    Result<void> record(audit::AuditEvent event);

    // Appends what waits in the outbox (skipping events the log already holds), then, with
    // `commitCounter`, the database.commit event and its anchor; all made durable by one flush,
    // after which the rows are deleted.
    Result<void> ship(std::optional<qint64> commitCounter = std::nullopt);

    // Stores the audit log's durable checkpoint in the database now, outside the commit counter (with
    // `alsoRun`, bookkeeping SQL of the same moment): after a change's events are shipped, and when
    // the workspace closes, so the events after the last change are vouched for as well.
    void anchorAuditNow(const QString &alsoRun = {});
    // Writes the audit log's durable checkpoint (size, Merkle root) into the committing transaction.
    Result<void> committing(store::Database &database) override;
    void committed(qint64 commitCounter) override;
    // Called at the end of committed(): work that must see the commit (the search index re-reads
    // what the transaction changed).
    void setAfterCommit(std::function<void()> afterCommit) { m_afterCommit = std::move(afterCommit); }
    // Called in committing(), after the checkpoint: more bookkeeping that commits with every write
    // (the workspace's time floor). A failure rolls the transaction back.
    void setAlsoCommitting(std::function<Result<void>(store::Database &)> also)
    {
        m_alsoCommitting = std::move(also);
    }
    // The audit checkpoint the database last vouched for: (size, root), or nothing in a database
    // written before this anchor existed.
    static Result<std::optional<std::pair<qint64, QByteArray>>> anchoredAudit(store::Database &database);
    // A MAC over every row of the security tables (accounts and their roles) as they are after
    // commit `commit`: HMAC-SM3 under `key` (the workstation-derived securityTablesKey()) over the
    // commit number and the rows; plain SM3 over the rows with an empty key (what versions before the
    // key stored). Empty before those tables exist. Each write transaction stores it with its commit
    // number ('security_mac', 'security_mac_commit' in mdp_meta) and the commit's database.commit
    // event carries both into the signed audit chain, so one old page of these tables put back, the
    // tables rewritten by someone holding only the database key, or an earlier state put back with
    // its record, shows at open.
    static Result<QByteArray> securityDigest(store::Database &database, const SecureBytes &key,
                                             qint64 commit);
    struct StoredMac
    {
        QByteArray mac; // empty when none was stored
        qint64 commit = -1;
    };
    static Result<StoredMac> storedSecurityMac(store::Database &database);
    // The signed checkpoints' anchor (1) saying the chain carries security MACs from then on.
    static QString securityAnchor();
    // What the signed audit chain vouches for the security tables: the newest MAC a database.commit
    // event carries and the commit it covers; whether a signed checkpoint says MACs exist.
    struct ChainedSecurity
    {
        qint64 commit = -1;
        QByteArray mac; // empty: no event carried one (older workspaces)
        bool keyedBefore = false;
        qint64 anchoredCommit = -1; // the commit counter the newest signed checkpoint anchors
        void take(const audit::AuditEvent &commitEvent);
    };
    // Whether the accounts and roles are what the last commit left (issue 9 part 4). Where the
    // database's commit counter is the commit of the chain's newest MAC, the tables must give that
    // MAC; where the database is ahead (a commit in flight when a crash came), the record its own last
    // transaction stored, which must not be older than the chain's and which only the workstation's
    // key computes; a record missing where the chain or a signed checkpoint shows there was one is a
    // change too. An empty `key` (the offline check on a machine without this workstation's key)
    // checks nothing: true.
    static Result<bool> securityTablesIntact(store::Database &database, const SecureBytes &key,
                                             const ChainedSecurity &chained);
    // What is wrong with an audit log of `held` durable events, measured against the checkpoint the
    // database vouched for; empty when nothing is (or the database vouched for none). `rootAt` gives
    // the log's Merkle root at a size no larger than `held`.
    static Result<QString> auditAnchorProblem(store::Database &database, qint64 held,
                                              const std::function<Result<QByteArray>(qint64 size)> &rootAt);

    store::Database &database() { return m_db; }
    // The error of an event that could not be put into the outbox since the last call; the change
    // it describes must then not commit (inOneTransaction rolls it back).
    std::optional<Error> takeUnrecorded() { return std::exchange(m_unrecorded, std::nullopt); }
    // Something that must commit with the change (its sync entry) could not be written: the change
    // must not commit either, as with an event that could not be put into the outbox.
    void refuseCommit(Error error) { m_unrecorded = std::move(error); }
    // The entity under which every database commit is recorded in the chain.
    static audit::AuditEntity databaseEntity();
    static QString commitAnchor();
    // Set once a commit's events could not be appended; they stay in the outbox meanwhile.
    const std::optional<Error> &failure() const { return m_failure; }
    // Fills the agent of the database.commit event (whoever is signed in, or the system).
    void setAgentProvider(std::function<audit::AuditAgent()> provider) { m_agent = std::move(provider); }
    void setSource(const QString &nodeId) { m_nodeId = nodeId; }

private:
    store::Database &m_db;
    audit::AuditLog &m_log;
    std::function<void()> m_afterCommit;
    std::function<Result<void>(store::Database &)> m_alsoCommitting;
    const Clock &m_clock;
    std::shared_ptr<AuditShipping> m_shipping;
    std::function<audit::AuditAgent()> m_agent;
    QString m_nodeId;
    std::optional<Error> m_failure;
    std::optional<Error> m_unrecorded;
};

} // namespace mdp::workspace
