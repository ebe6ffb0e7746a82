#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/workspace/DataPolicies.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>

namespace mdp::store {
class Database;
}
namespace mdp::forms {
class SqlCipherFormStore;
}
namespace mdp::accounts {
class AccountDirectory;
}
namespace mdp::net {
struct IncomingEntry;
struct SiteRevocations;
struct GrantRevocations;
} // namespace mdp::net

namespace mdp::workspace {

class WorkspaceConnection;
class WorkspacePolicies;

// The workstation's half of the site sync (issue 11 part 5, R-7.4.1) on one database connection: the
// outbox a forms change writes into its own transaction, and the apply of what other workstations
// of the site pushed. Entries carry user names, never this database's account ids (those are local
// to a workstation): they are mapped back by name on apply, and a name unknown here is kept as it is
// so the record shows who it was. Patients stay with the workstation that registered them: a record
// carries its patient's id and pseudonym only (identity is never synced).
class SiteSync
{
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;

    static QString formRecordKind() { return QStringLiteral("form-record"); }
    // Permission sync: one object per site, its revision the policy's own version number.
    static QString policyKind() { return QStringLiteral("policy"); }
    static QString policyObjectId() { return QStringLiteral("site-policy"); }
    // Registry changes (issue 11 part 5): a patient (object: its id, revision: its version), a
    // timeline event (the same) and an attachment's bytes (object: the attachment's id, revision: the
    // chunk's number from 1). Applied by RegistrySync on the workspace's own connection, never here.
    static QString patientKind() { return QStringLiteral("patient"); }
    static QString eventKind() { return QStringLiteral("timeline-event"); }
    static QString attachmentKind() { return QStringLiteral("attachment"); }
    static bool isRegistryKind(const QString &kind)
    {
        return kind == patientKind() || kind == eventKind() || kind == attachmentKind();
    }
    // The most payload one push carries (attachment chunks are 1 MiB each; the server takes 16 MiB).
    static constexpr qint64 kMaxPushBytes = qint64(6) << 20;

    SiteSync(store::Database &db, forms::SqlCipherFormStore &forms, accounts::AccountDirectory &accounts,
             Recorder record, const Clock &clock);
    ~SiteSync();

    // Keeps the connection the parts above belong to alive as long as this object.
    void own(std::unique_ptr<WorkspaceConnection> connection);
    // The workspace's policies, for applying a policy from the site and classifying the catalogue
    // (only their thread-safe part is used); without them policy entries are passed over.
    void setPolicies(WorkspacePolicies *policies);
    // Told the server's signing time of every list of grant revocations taken (the workspace's time
    // floor rises to it). Called on the sync's thread.
    void setTimeWitness(std::function<void(const QDateTime &)> witness)
    {
        m_timeWitness = std::move(witness);
    }

    // Inside the forms change's transaction: queues the record's full current state (nothing when this
    // workstation has no site key, so the outbox does not grow without a server to empty it).
    Result<void> enqueueRecord(const QUuid &recordId);
    // Inside the transaction that puts a policy version in force here: queues the document, who put
    // it in force (by user name) and the note.
    Result<void> enqueuePolicy(const PolicyRecord &record);

    struct Queued
    {
        QString entryId;
        QString kind;
        QString objectId;
        qint64 revision = 0;
        QByteArray payload;
    };
    // The oldest rows to push; rows of a record that already holds a conflict are marked as blocked
    // behind it instead (pushing them would build on a state the site never accepted).
    Result<QList<Queued>> nextToPush(int limit);
    // A queued entry's payload completed before its first push (a policy's signed envelope), so every
    // retry seals the same bytes.
    Result<void> replacePayload(const QString &entryId, const QByteArray &payload);
    // The server holds them: removed.
    Result<void> pushed(const QStringList &entryIds);
    // The server refused it as stale: kept with `why`, never pushed again, recorded ("sync.conflict").
    Result<void> markConflict(const QString &entryId, const QString &why);

    Result<qint64> lastSequence();
    // Moves past an entry that needs nothing here (this workstation's own).
    Result<void> skip(qint64 sequence);
    // the site's revocations, checked by the caller (GrantClient::signedRevocations): the new
    // serials (normalised: lower-case hex, no leading zeros) are kept with an audit event
    // ("pki.revocations"), in one transaction. Serials are only ever added, so an older answer played
    // back takes nothing back. Returns how many serials were new.
    Result<int> noteRevocations(const net::SiteRevocations &revocations);
    // Issue 12 (R-6.3.4 c): the grants the site revoked, from the server's signed list: new ones are
    // noted, and deleted from the grants kept here, in one transaction with an "access.revoked"
    // event. Returns how many were new (the workspace then puts the rest in force again). A list older
    // than the newest taken is refused (Tampered).
    Result<int> noteGrantRevocations(const net::GrantRevocations &revocations);
    // A security alert in this connection's trail (`kind` as the "alert" detail).
    Result<void> alert(const QString &kind, const QString &reason);
    Result<bool> isRevoked(const QString &serialHex);
    static QString normalisedSerial(const QString &serialHex);

    // Whether applying an entry failed here (disk, a busy database: try the entry again on the next
    // pass) rather than because of the entry (forged, unreadable, a change the workflow forbids).
    static bool isRetryable(const Error &error);
    // An entry that does not authenticate, cannot be read or makes a change the workflow forbids: a
    // security alert is recorded and the entry is passed over, never applied.
    Result<void> refuse(const net::IncomingEntry &entry, const Error &why);
    // The same inside a transaction the caller holds.
    Result<void> refuseInTransaction(const net::IncomingEntry &entry, const Error &why);
    enum class Applied
    {
        Yes,
        Unchanged, // at or below what is here, or a kind this version does not know
        Refused,   // authentic but unacceptable (a policy that fails the checks, a record change the
                   // workflow forbids): a security alert, passed over
    };
    // Applies an opened entry in one transaction with its audit event ("sync.apply", for a policy
    // "policy.install") and the new sequence; an entry at or below the local revision (policy version)
    // changes nothing. A registry entry is parked (sync_parked, with the new sequence in one
    // transaction) for RegistrySync.
    // Why the last record entry apply() refused was refused (no patient identifier).
    QString lastRefusal() const { return m_lastRefusal; }
    Result<Applied> apply(const net::IncomingEntry &entry, const QByteArray &plaintext);

    // catalogue: one FHIR Questionnaire per latest form definition (metadata and the
    // classification in force; never a value, a patient or a count).
    Result<QJsonArray> catalogue();

    // Once, when the workstation first syncs: every record it already holds is queued at the revision
    // it holds (records made before it joined the site), with one "sync.join" audit event. Returns how
    // many were queued (0 when done before).
    Result<qint64> joinSite();

    struct Counts
    {
        qint64 pending = 0;
        qint64 conflicts = 0;
        qint64 lastSequence = 0;
        qint64 parked = 0; // registry entries waiting for a session that holds the identity key
        QString lastConflict;
    };
    Result<Counts> counts();

    // Entries carry user names: a local account id as its user name, and back ("system" and names
    // unknown here are kept as they are).
    QString nameOf(const QString &accountId);
    QString idOf(const QString &userName);
    // Records an event on this connection (inside the caller's transaction when one is open).
    Result<void> record(audit::AuditEvent event) { return m_record(std::move(event)); }

private:
    struct PolicyOutcome
    {
        Applied applied;
        PolicyRecord record; // when applied: to put in force after the commit
    };
    Result<PolicyOutcome> applyPolicy(const net::IncomingEntry &entry, const QJsonObject &payload);
    // A policy entry that fails the checks: a security alert, and passed over.
    Result<void> refusePolicy(const net::IncomingEntry &entry, const Error &why);
    QString m_lastRefusal;
    // The highest policy version taken from the site (policy versions are ints).
    static constexpr qint64 kMaxPolicyVersion = 1000000000;
    // The signed envelope of a policy from the site: the origin workstation's signature (site CA), the
    // same document and installer, and an installer who may manage policies here.
    Result<void> checkPolicyAuthority(const net::IncomingEntry &entry, const QJsonObject &payload,
                                      const QByteArray &document, const QString &installedBy);

    std::unique_ptr<WorkspaceConnection> m_owned; // first: destroyed last
    store::Database &m_db;
    forms::SqlCipherFormStore &m_forms;
    accounts::AccountDirectory &m_accounts;
    Recorder m_record;
    const Clock &m_clock;
    WorkspacePolicies *m_policies = nullptr;
    std::function<void(const QDateTime &)> m_timeWitness;
    qint64 m_newestGrantRevocations = 0; // the server's clock on the newest grant-revocation list taken
};

// Whether the link holds a site key (the outbox is written only then).
Result<bool> siteSyncEnabled(store::Database &db);

} // namespace mdp::workspace
