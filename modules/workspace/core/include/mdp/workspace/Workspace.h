#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"
#include "mdp/policy/Engine.h"
#include "mdp/workspace/AuditHistoryState.h"
#include "mdp/workspace/Permissions.h"
#include "mdp/workspace/SearchIndexState.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUuid>

#include <functional>
#include <memory>
#include <optional>

namespace mdp::store {
class Database;
class Vault;
} // namespace mdp::store
namespace mdp::audit {
class AuditLog;
class CheckpointSigner;
struct AuditBundleWitness;
struct AuditEvent;
} // namespace mdp::audit
namespace mdp::accounts {
class AccountDirectory;
} // namespace mdp::accounts
namespace mdp::crypto {
struct KeyInfo;
struct KeySlotInfo;
} // namespace mdp::crypto
namespace mdp::registry {
class Registry;
class PatientSearch;
} // namespace mdp::registry
namespace mdp::forms {
class FormStore;
} // namespace mdp::forms

namespace mdp::workspace {

class WorkspaceConnection;
class SiteAccess;
class DataPolicies;
class ServerLink;
class AuditReview;

// Something that runs beside an unlocked workspace (BackgroundServices): the workspace owns it and
// stops it first when it closes, while the database and the audit log are still open.
class WorkspaceService
{
public:
    virtual ~WorkspaceService() = default;
    virtual void stop() = 0;
    // Closes what it holds on the database for a moment (re-keying the database needs the only
    // connection) and carries on at resume(). By default it stops for good.
    virtual void pause() { stop(); }
    virtual void resume() {}
};

// Where a session's principal acts from. Every audit event recorded during a command-line session
// carries detail "via": "command-line", so the trail tells a script's actions from a person's at
// the workstation.
enum class SessionOrigin
{
    Workstation,
    CommandLine
};

// Who is logged in on this workspace.
struct Session
{
    QString accountId;
    QString userName;
    QString displayName;
    QString role;      // primary role id, e.g. "clinician"
    QStringList roles; // every role id the account holds
    QDateTime loginTime;
    SessionOrigin origin = SessionOrigin::Workstation;
    // How the sign-in was decided on a workstation linked to its site server: "server" (the
    // server confirmed the password and second factor), "offline" (the server could not be reached;
    // the local password, within the offline period); empty on a workstation that is not linked.
    QString via;
};

// Facts about an open workspace for the status bar, settings and About (no secrets).
struct WorkspaceInfo
{
    QString directory;
    QString pageCipher;  // "sm4-cbc" / "aes-256-cbc"
    QString blobCipher;  // "sm4-gcm" / "aes-256-gcm"
    QString rootKeyKind; // "passphrase (PBKDF2-HMAC-SM3, 600000)" / "pkcs11 token <label>"
    QDateTime created;
    qint64 commitCounter = 0;
    qint64 auditEvents = 0;
    QString sqlcipherVersion;
    QString libgcryptVersion;
    QString opensslVersion;
    QString qtVersion;
};

// Where the root key lives when it is held by a PKCS#11 token instead of the passphrase.
struct TokenRoot
{
    QString modulePath = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
    QString tokenLabel;
    QString keyLabel = QStringLiteral("mdp-root");
};

// How the workspace is opened. AccountSlots (the default): each account's own password opens its
// key slot, signing in is unlocking, and no workspace passphrase exists. MachinePassphrase: one
// passphrase unlocks the whole workspace for every user, only where a deployment asks for it (the
// machine-unlock mode). Token: a PKCS#11 token's PIN does.
enum class UnlockMode
{
    AccountSlots,
    MachinePassphrase,
    Token
};

struct CreateOptions
{
    QString directory;
    // Machine-unlock mode only: protects the root key (PBKDF2-HMAC-SM3); with `token` set it is the
    // token's user PIN instead. Left empty (the default), the workspace is opened through account key
    // slots and the first administrator's password is the only secret.
    SecureBytes passphrase;
    std::optional<TokenRoot> token;
    QString pageCipher = QStringLiteral("sm4-cbc"); // or "aes-256-cbc"
    QString blobCipher = QStringLiteral("sm4-gcm"); // or "aes-256-gcm"
    // The first account, a system administrator.
    QString adminName;
    QString adminDisplayName;
    SecureBytes adminPassword;

    UnlockMode mode() const
    {
        return token ? UnlockMode::Token
                     : (passphrase.isEmpty() ? UnlockMode::AccountSlots : UnlockMode::MachinePassphrase);
    }
};

// Who signs in, when the workspace is opened through account key slots.
struct SignIn
{
    QString userName;
    SecureBytes password;
    // The authenticator's code, or an administrator's enrolment code where the account's role needs a
    // second factor and none is enrolled yet.
    QString totpCode;
    SessionOrigin origin = SessionOrigin::Workstation;
    // The account's role needs a second factor and none is enrolled yet: open without a session so
    // the caller can enrol it (pendingEnrolment()), then login(). Otherwise that is an error.
    bool allowEnrolment = false;
};

// The organisation recovery key as shown once at creation: 52 base-32 characters in groups of four.
QString formatRecoveryKey(const SecureBytes &key);
// Accepts what formatRecoveryKey() wrote, with or without the dashes and spaces, any case.
std::optional<SecureBytes> parseRecoveryKey(QStringView text);

// Where Workspace::open() is, for the unlock window. Stages come in this order. The patient search
// index is not a stage: it is built in the background after unlock (searchIndexState()).
enum class OpenStage
{
    Waiting,  // another process has the workspace open; OpenProgress::waitingFor says which
    Keys,     // passphrase key derivation and the keyring
    AuditLog, // the audit log: what is new since its index (all of it at the first open after an upgrade)
    Database  // the SQLCipher database, the rollback check, accounts and forms
};

struct OpenProgress
{
    OpenStage stage = OpenStage::Keys;
    int percent = -1;   // of the stage, where it is known (a first open reading the whole audit log)
    QString waitingFor; // Waiting: the process holding the workspace, e.g. "pid 4711 mdp"
};

// Called on the thread that runs open().
using OpenProgressHandler = std::function<void(const OpenProgress &)>;

// Status of `verifyIntegrity()`: database integrity, audit chain and rollback anchor.
struct IntegrityReport
{
    bool ok = false;
    qint64 auditEvents = 0;
    QString problem; // empty when ok; names the first bad position otherwise
    // What could not be checked here, e.g. the accounts-and-roles MAC on a machine without the
    // workstation key it is made with (the offline check on an auditor's machine).
    QStringList notChecked;
};

// An unlocked workspace: the key hierarchy, the encrypted database, the vault, the audit log and
// the account directory, wired together. Every component below it is reached through here.
class Workspace
{
public:
    ~Workspace();

    static bool exists(const QString &directory);
    static QString defaultDirectory();

    static Result<std::unique_ptr<Workspace>> create(const CreateOptions &options,
                                                     const Clock &clock = SystemClock::instance());
    // "accounts", "passphrase" or "pkcs11": whether open() needs an account's sign-in, the workspace
    // passphrase or the token PIN.
    static Result<QString> rootKind(const QString &directory);
    // Checks a workspace without opening it and without writing a byte (`mdp audit verify`): the whole
    // audit chain, its signed checkpoint, the database pages, and the anchors both ways (the database
    // not older than the audit says, the audit not shorter or other than the database vouched for).
    // Errors only for what prevents the check (wrong passphrase, missing files); findings are in the
    // report.
    static Result<IntegrityReport> verifyOffline(const QString &directory, const SecureBytes &passphrase,
                                                 const Clock &clock = SystemClock::instance());
    // The same, for a workspace opened through account key slots: the account's password opens its
    // slot (read-only: not even a failed attempt is counted).
    static Result<IntegrityReport> verifyOffline(const QString &directory, const SignIn &signIn,
                                                 const Clock &clock = SystemClock::instance());
    // Wrong passphrase (or PIN): Error::Code::WrongPassphrase and nothing on disk changes.
    // An older copy of the database put back: Error::Code::RolledBack.
    static Result<std::unique_ptr<Workspace>> open(const QString &directory, const SecureBytes &passphrase,
                                                   const Clock &clock = SystemClock::instance(),
                                                   const OpenProgressHandler &progress = {});
    // Signing in is unlocking (account key slots): the password opens the account's slot, the
    // workspace opens, and the account signs in (its TOTP code where its role needs one). A wrong
    // name or password: Error::Code::WrongPassphrase, one message for both, the failure counted in
    // the slot with an exponential back-off (Error::Code::Locked while it runs) and recorded in the
    // audit trail at the account's next sign-in. Any refusal after the slot opened (locked account,
    // second factor) closes the workspace again, recorded.
    static Result<std::unique_ptr<Workspace>> open(const QString &directory, const SignIn &signIn,
                                                   const Clock &clock = SystemClock::instance(),
                                                   const OpenProgressHandler &progress = {});
    // On a workstation linked to its site server (server-link.json beside the workspace), open(SignIn)
    // asks the server first (R-9.3 single sign-on): a refusal there (wrong password or code, locked)
    // is final whatever a local slot would say, and is recorded at the next open. Confirmed by the
    // server, the account's local slot opens with the password, or else the site keys of its bundle
    // open the workspace and its local mirror (roles as the server says) and slot are made; its
    // roles follow the server at each such sign-in. When the server cannot be reached, the local
    // password signs in only within ServerLink::offlineSignInHours() of the account's last sign-in
    // here through the server.
    // The organisation's recovery path: the recovery key opens the workspace as the custodian, so an
    // administrator's password can be reset (and the recovery key renewed). Recorded as a security
    // alert.
    static Result<std::unique_ptr<Workspace>>
    openWithRecoveryKey(const QString &directory, const SecureBytes &recoveryKey,
                        const Clock &clock = SystemClock::instance());
    // Set when open(SignIn) opened for a second-factor enrolment: the account that must enrol (with
    // accounts().enrollTotp() and confirmTotp()) and then login(). Nobody is signed in meanwhile.
    std::optional<QString> pendingEnrolment() const;
    // A new organisation recovery key (the old one stops working, the root rotates), recorded; for a
    // system administrator's session or the recovery key's own.
    Result<SecureBytes> renewRecoveryKey();
    // The recovery key drawn by create() (account key slots), once; empty afterwards and otherwise.
    SecureBytes takeRecoveryKey();
    // The first administrator's one-time enrolment code drawn by create() (account key slots), once:
    // they give it as the verification code at their first sign-in to set up an authenticator.
    QString takeAdminEnrolmentCode();
    UnlockMode unlockMode() const;

    QString directory() const;
    WorkspaceInfo info() const;
    const Clock &clock() const;
    // The time grants and access decisions are judged by: the clock, never before a time this
    // workspace has already seen (a clock set back does not bring an ended grant back). Thread-safe.
    const Clock &accessClock() const;
    // How many alerts the audit alert rules recorded since the workspace opened; each is a
    // "security.alert" event with detail alert "rule". Raised on the workspace's thread by its event
    // loop (within a moment of the event that completed the rule), or when it closes.
    int alertsRaised() const;
    // The alert rules in force: the document a system administrator set for this workspace, else the
    // platform's (audit::AlertRuleSet::defaultDocument()).
    Result<QByteArray> alertRules(); // auditors and system administrators
    // Puts a rule document in force now and at every later open (system administrators). Parsed
    // strictly first (InvalidArgument names the problem; nothing changes); kept with its
    // system.config-change event (the document's SM3, the rule ids) in one transaction.
    Result<void> setAlertRules(const QByteArray &document);

    store::Database &database();
    // Attached files (R-6.1.2c) are identified originals. Storing one needs write-patients, reading
    // one see-identity (Permissions.h), and the vault's key is in the identity scope: a session
    // whose roles do not reach identity has no vault open at all (PermissionDenied).
    Result<QString> storeFile(QByteArrayView bytes);
    Result<QByteArray> readFile(const QString &blobId);
    bool hasFile(const QString &blobId) const;
    // Its size and checkpoint; reading events goes through AuditQueries, which checks the session.
    const audit::AuditLog &auditLog() const;
    // Service layer: the directory, registry, search and form store below check every call
    // against this workspace's own session (Permissions.h): an actor argument that is not the
    // signed-in account is refused, and every refusal is recorded as a security alert.
    // Administrative calls need Permission::AdministerAccounts.
    accounts::AccountDirectory &accounts();
    // The keys and who can unlock them, for a principal with Permission::ManageKeys (no key
    // material); rotating a purpose's key-encryption key, the same, recorded.
    Result<QList<crypto::KeyInfo>> keyList();
    Result<QList<crypto::KeySlotInfo>> keySlots();
    Result<void> rotateKeyEncryptionKey(const QString &purpose);

    // Renewing a data key (issue 9 part 6, R-7.4.3): what the key protects is re-encrypted under a
    // fresh one and the old key is destroyed, so an old copy of keyring.json with a password valid
    // when it was taken no longer opens the data as it is now. `purpose` is one of
    // renewableDataKeys(): "database" (SQLCipher re-key of every page, the background services
    // paused meanwhile), "vault" (every attached file re-encrypted in place, one at a time, with
    // progress; stopping leaves both keys and the next call carries on) or "identity" (every sealed
    // name, contact and identifier, and the identifier index, in one transaction). Needs
    // Permission::ManageKeys and, for the vault and identity, a session that holds the identity key.
    // `progress(done, total)` returning false stops a vault renewal (Error::Code::Cancelled). A
    // renewal cut short by a crash is finished when the workspace next opens (the database) or by
    // the next call (the vault); recorded as key.rotate events.
    using KeyRenewalProgress = std::function<bool(qint64 done, qint64 total)>;
    struct KeyRenewal
    {
        QString purpose;
        QString key;           // the data key now in use, e.g. "database:2"
        QStringList destroyed; // the keys it replaced
        qint64 items = 0;      // pages are not counted: files re-encrypted, or identity rows re-sealed
    };
    static QStringList renewableDataKeys();
    Result<KeyRenewal> renewDataKey(const QString &purpose, const KeyRenewalProgress &progress = {});
    // Renewals started and not finished (the vault's, stopped or cut short), for the Keys page.
    QStringList unfinishedKeyRenewals() const;
    // What the signed-in principal's roles allow now (for screens to hide what would be refused;
    // the services decide again on every call).
    bool allows(Permission permission) const;
    // The permission engine's answer for the signed-in principal on patients' records (R-5.2b), not
    // recorded: what screens use to offer counts and a request entry instead of content. Reads of
    // patients and identity are decided by the engine in the services and recorded there.
    policy::Decision patientAccess(policy::Action action) const;
    // How many patients a search matches, for a principal who may see counts only (R-5.2d): the
    // decision is recorded; below the policy's minimum cell size (zero included) the count is not
    // told. Pseudonymous ids and clinical terms are searched, never names.
    struct PatientCount
    {
        int count = 0;
        bool belowMinimum = false; // fewer than minimumCellSize: count not told
        int minimumCellSize = 0;   // 0 when the principal sees records anyway
        bool capped = false;       // at least `count`
    };
    Result<PatientCount> countPatients(const QString &query);
    // Records a request for the scope a refusal named, with the purpose the user gave (de-identified
    // before it is recorded as an "access.request" event; the access-request workflow takes it up).
    Result<void> requestAccess(const policy::NeededScope &scope, const QString &purpose);
    // Issue 12 (R-6.3.1a, R-6.3.4): the signed-in account's grants in force now, as the site server
    // issued them (taken at each server sign-in, verified again here), soonest end first.
    struct GrantInForce
    {
        QString id;
        QString request; // the access request's number
        QString project;
        int maxLevel = 0;
        QDateTime notBefore;
        QDateTime notAfter;
        QStringList approvers;
        bool aggregateOnly = false;
        bool exportAllowed = false;
    };
    Result<QList<GrantInForce>> myGrants();
    // The access-request workflow at the site server in the signed-in account's name (issue 12).
    SiteAccess &siteAccess();
    // Data delivered under a grant (issue 12; R-5.2k-l, R-7.2.4e). syncDeliveries: for each of the
    // signed-in account's grants in force, publishes the grant's own recipient key and takes the sealed
    // data the providing site prepared (how many grants have data here). openDelivery: the package of
    // a grant in force for the signed-in account, opened in memory (JSON: patients by project
    // pseudonym, their formal form values within the grant's scope), recorded. prepareDelivery: as a
    // data manager, the data of this workspace within a grant's scope, de-identified (no identity, no
    // field above level 3 or the grant's ceiling, only the grant's categories, only classified fields),
    // sealed with a fresh per-grant key for the holder and uploaded; the number of patients.
    // destroyEndedDeliveries: every delivery whose grant ended or was revoked loses its key and file.
    Result<int> syncDeliveries();
    Result<QJsonObject> openDelivery(const QString &grantId);
    Result<int> prepareDelivery(const QString &grantId);
    Result<int> destroyEndedDeliveries();
    // The master patient index and timelines (pseudonyms keyed by the data key "registry-pseudonym").
    // Reads need ReadPatients, changes WritePatients; identity only with SeeIdentity.
    registry::Registry &registry();
    // The registry search box; audited as the signed-in user, who needs ReadPatients; names and
    // pinyin are searched and shown only with SeeIdentity, whatever the filter asks. Its index is
    // built in the background after unlock: a search made before it is ready waits for it.
    registry::PatientSearch &patientSearch();
    // How far that build is (screens show it rather than wait).
    SearchIndexState searchIndexState() const;

    // Starts the check of the whole audit history on a background thread (once; the workstation
    // calls it after sign-in), after the search index is built. Its outcome is recorded as an
    // audit.verify event; a failure is what the screens must show.
    void startAuditHistoryCheck();
    AuditHistoryState auditHistoryState() const;
    // Entry forms, records and the review workflow. Roles come from the account directory;
    // overdue reviews are reported to every unlocked data manager.
    forms::FormStore &forms();
    // Data classification and the access policy in force (R-7.1.1, R-7.1.2, R-6.6.4c): signed
    // policy versions, the classification flow, every step audited.
    DataPolicies &policies();
    // The link to the site's central server (mdp-grantd): settings, status, audit shipping (issue 11).
    ServerLink &serverLink();

    // Session. A role that needs a second factor must pass a valid TOTP code. Every attempt is
    // audited; `origin` is recorded with the sign-in and with everything the session then does.
    Result<Session> login(const QString &userName, const SecureBytes &password, const QString &totpCode,
                          SessionOrigin origin = SessionOrigin::Workstation);
    void logout();
    // Acts as the custodian, on the authority of the workspace passphrase: the command line, and the
    // workstation's own set-up work (the demo cohort), which says so with `origin`. Refused
    // (PermissionDenied, recorded) where accounts unlock the workspace with their own slots: there
    // only the recovery key acts as the custodian (openWithRecoveryKey).
    Result<void> beginCustodianSession(SessionOrigin origin = SessionOrigin::CommandLine);
    std::optional<Session> session() const;

    // The workspace's non-interactive administrative principal: the command line acts as it, on the
    // authority of the workspace passphrase (which unlocks every key anyway). It has no usable
    // password and no authenticator, so nobody can sign in as it.
    QUuid custodianId() const;
    // Stable identifier of this workstation, written into every audit event as its source.
    QString nodeId() const;

    // Records an event as the logged-in user (or the system when nobody is). Durable on return when
    // no transaction is open; inside database().transaction() it is written with the transaction
    // and appended to the audit log once that commits (AuditOutbox), so it cannot outlive a
    // rolled-back change nor a committed change go without it.
    Result<void> record(audit::AuditEvent event);

    // Runs `work` in one database transaction whose audit events are group-committed: queued as
    // they are recorded and made durable by one flush (one fdatasync, one signed checkpoint) before
    // the transaction commits, so no committed change lacks its durable audit event. For bulk work
    // such as importing a cohort, where a flush per event would dominate. Nested calls join the
    // outer batch. Events of a batch that fails are flushed as well (they describe attempts).
    Result<void> runBatch(const std::function<Result<void>()> &work);

    IntegrityReport verifyIntegrity();

    // A second connection to the database for one background thread, audited like this one (see
    // WorkspaceConnection). It must be destroyed before the workspace.
    Result<std::unique_ptr<WorkspaceConnection>> openConnection();
    // Takes `service` over: stopped and destroyed, in reverse order of adoption, when the
    // workspace closes.
    void adoptService(std::unique_ptr<WorkspaceService> service);

    // Seam for crash tests: called at the named steps of recording a commit in the audit trail, so a
    // test can kill the process exactly there. "database-committed": the transaction is durable and
    // its audit events are not yet in the audit log; "audit-shipped": they are durably in the log and
    // the outbox rows that carried them are not yet deleted.
    void setCommitStepHook(std::function<void(QStringView step)> hook);

private:
    friend class AuditQueries; // reads events on behalf of a session it has checked
    audit::AuditLog &auditLogForQueries();
    // The signed-in principal holds `permission`; a refusal is recorded.
    Result<void> authorize(Permission permission, QStringView operation);
    Workspace();
    friend class AuditReview;  // opens the folder's parts read-only for its review
    friend class AuditExport;  // seals a stretch of the log for an auditor, after checking the session
    friend class AuditReports; // reads a quarter of the log for its report, after checking the session
    audit::CheckpointSigner &nodeSigner();
    QByteArray nodePublicKeyDer() const;
    // The site server's latest witness of this log, and the name it was made for; nullopt before one.
    std::optional<audit::AuditBundleWitness> serverWitness(QString &workstation) const;
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::workspace
