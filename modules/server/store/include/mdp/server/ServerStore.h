#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace mdp::server {

// What mdp-grantd keeps (issue 11). One interface, two implementations with the same behaviour and
// the same test suite: the embedded SQLCipher store (one server) and PostgreSQL (several server
// instances behind a load balancer: every rule below must hold across instances, so it is enforced
// by the database - unique keys, transactions, row locks - never by process memory).
//
// Nothing here is patient data in the clear: sync payloads and key bundles are ciphertext the server
// cannot open; account verifiers are slow hashes of a key derived on the workstation.

// A central account (R-7.4.2a, R-9.3). The server never sees a password or a data key: the
// workstation derives an authentication key (sent at sign-in; the server keeps only `verifier`, a
// slow hash of it) and a key-wrapping key (never sent) which wraps `wrappedBundle`.
struct AccountRecord
{
    QString userName; // unique, compared case-insensitively (stored as given; looked up lower-cased)
    QString displayName;
    QStringList roles;     // role ids as the workstation names them, first = primary
    QByteArray kdfSalt;    // the workstation's salt for deriving both keys (public to the account's client)
    QString kdfParameters; // JSON, e.g. {"kdf":"pbkdf2-sm3","iterations":...}
    QByteArray verifier;   // the server's slow hash of the authentication key (self-describing string)
    QByteArray wrappedBundle;    // the account's key bundle, wrapped by the key-wrapping key: opaque here
    QByteArray totpSecretSealed; // TOTP secret sealed by the server's own key; empty when none enrolled
    bool lockedByAdministrator = false;
    int failedAttempts = 0; // consecutive failures since the last success
    QDateTime lockedUntil;  // back-off after failures (UTC); invalid when none
    qint64 revision = 0;    // bumped on every change; updates name the revision they read
    QDateTime created;
    QDateTime updated;
};

// One end-to-end encrypted change relayed between the workstations of a site.
// The routing metadata is all the server sees (documented in docs/grantd.md).
struct SyncEntry
{
    qint64 sequence = 0;       // assigned by the store on append: one total order per store
    QString entryId;           // chosen by the sending workstation (UUID): the idempotency key
    QString site;              // the site the entry is relayed within
    QString originWorkstation; // certificate fingerprint (hex) of the sender
    QString kind;              // "form-record", "review-task", "notice", "registry", "attachment", ...
    QString objectId;          // opaque per-object id (random, never a patient identifier)
    qint64 revision = 0;       // the object's new revision: must be exactly the current one + 1
    QByteArray ciphertext;     // sealed with the site key the server does not hold
    QByteArray digest;         // SHA-256 of ciphertext, set by the store: what a replay is compared by
    QDateTime receivedAt;
};

struct SyncConflict
{
    QString entryId;
    QString objectId;
    qint64 offeredRevision = 0;
    qint64 currentRevision = 0;
};

// What appendSyncBatch() did. A batch is applied whole or not at all.
struct SyncBatchOutcome
{
    bool applied = false;          // false: nothing of the batch was stored (see conflicts)
    QList<qint64> sequences;       // per entry, in batch order: its sequence (new or the earlier one)
    int duplicates = 0;            // entries already stored with the same id and digest (replays)
    QList<SyncConflict> conflicts; // stale revisions: the batch was refused
};

// An access request as the server keeps it (issue 12): the shared rules' JSON (access::AccessRequest)
// with the columns it is found by. `revision` is the request's own; an update names the one it read.
struct StoredAccessRequest
{
    QString number;      // "AR-<year>-<6 digits>"
    QString requester;   // user name
    QString status;      // access::requestStatusId
    QString workstation; // SHA-256 (hex) of the certificate it was submitted over: the grant binds to it
    QByteArray document; // JSON
    qint64 revision = 0;
    QDateTime updated;
};

// A grant the server issued: its signed envelope (access::GrantDocument::sign).
struct StoredGrant
{
    QString id;
    QString requestNumber;
    QString subject;
    QByteArray envelope;
    QDateTime notAfter;
    QDateTime issued;
    // Set when the grant was revoked before its end (R-6.3.4 c).
    QDateTime revokedAt;
    QString revokedBy;
    QString revocationReason;
};

// Data delivered under a grant (R-5.2k-l): the recipient's public key for this grant, and the sealed
// data with its key sealed for that public key. Purged (emptied) at revocation or end.
struct StoredDelivery
{
    QString grantId;
    QByteArray recipientKey;         // DER SubjectPublicKeyInfo (SM2)
    QByteArray recipientAttestation; // the key, signed with the holder's workstation certificate
    QDateTime recipientAt;
    QByteArray ciphertext;
    QByteArray wrappedKey;
    QByteArray deliveryAttestation; // the data's digest, signed with the provider's workstation certificate
    QString preparedBy;
    QDateTime preparedAt;
    QDateTime purgedAt;
};

// A grant's revocation, as the workstations are told of it.
struct GrantRevocation
{
    QString grantId;
    QDateTime revokedAt;
    QString revokedBy;
    QString reason;
};

// A patient's withdrawal of consent (R-6.3.4 c), by pseudonym.
struct ConsentWithdrawal
{
    QString patient;
    QDateTime withdrawnAt;
    QString withdrawnBy;
    QString reason;
};

// A workstation's audit chain as the server holds it (R-7.4.1 central copy, witnessing).
struct AuditHead
{
    QString workstation;         // certificate fingerprint (hex)
    qint64 treeSize = 0;         // events the server holds
    QByteArray rootHash;         // Merkle root over those events
    QByteArray checkpoint;       // the workstation's signed checkpoint for that size (as shipped)
    QByteArray witnessSignature; // the server's counter-signature over (workstation, size, root, time)
    QDateTime witnessedAt;
    QByteArray frontier; // the Merkle frontier at treeSize (audit::MerkleFrontier::toBytes()):
                         // lets the next shipment be checked without reading old frames; stored
                         // and returned as is
};

struct AuditFrame
{
    qint64 index = 0;    // 0-based position in the workstation's chain
    QByteArray leafHash; // the Merkle leaf (SM3)
    QByteArray frame;    // the stored (encrypted) event frame as shipped
};

struct RevokedSerial
{
    QString serialHex;
    QDateTime revokedAt;
    QString reason;
};

// A signed document the server distributes (policies, classification rules, revocation lists):
// kind + version, newest wins, each version kept.
struct PublishedDocument
{
    QString kind;
    qint64 version = 0;
    QByteArray envelope; // signed, verified by the receiver
    QDateTime published;
};

// One form definition a workstation holds, as it published it to the catalogue (R-9.2 catalogue
// query): metadata only (a FHIR-style Questionnaire: id, version, title, field keys with their
// classification levels), never patient data. A workstation's catalogue is replaced whole.
struct CatalogueEntry
{
    QString workstation; // the publishing workstation's certificate common name
    QString entryId;     // the Questionnaire id the workstation gave (unique within its catalogue)
    QString version;
    QString title;
    QStringList fieldKeys; // the items' linkIds, for the search by field
    QByteArray resource;   // the Questionnaire JSON as published (schema-checked by the server)
    QDateTime published;   // set by the store: the clock's now at replaceCatalogue
};

// What catalogue() returns; empty members match everything.
struct CatalogueQuery
{
    QString workstation;   // exactly this workstation
    QString titleContains; // a substring of the title, compared case-insensitively (Unicode case folding)
    QString fieldKey;      // one of the entry's field keys, exactly
};

class ServerStore
{
public:
    virtual ~ServerStore() = default;

    virtual QString backendName() const = 0; // "sqlcipher" / "postgresql"
    virtual int schemaVersion() = 0;

    // Accounts. createAccount: AlreadyExists when the name is taken case-insensitively (Unicode case
    // folding, QString::toCaseFolded); InvalidArgument for an empty name. The stored record starts at
    // revision 1 with created = updated = the store clock's now.
    virtual Result<AccountRecord> createAccount(const AccountRecord &account) = 0;
    virtual Result<std::optional<AccountRecord>> findAccount(const QString &userName) = 0;
    virtual Result<QList<AccountRecord>> listAccounts() = 0;
    // Replaces every field but userName and created when `account.revision` is still the stored one
    // (Conflict otherwise, so two instances never overwrite each other); returns the stored record
    // with its new revision.
    virtual Result<AccountRecord> updateAccount(const AccountRecord &account) = 0;
    // Counts a failed sign-in atomically (across instances): failedAttempts + 1, and when that
    // reaches `threshold`, lockedUntil = now + backoff * 2^(failedAttempts - threshold).
    // Returns the stored record. NotFound for an unknown name.
    // (failedAttempts in the formula is the new count, so the first back-off is `backoff` itself; the
    // delay saturates at 366 days. InvalidArgument for threshold < 1 or backoffSeconds < 0. Both
    // sign-in calls bump the revision like any change; a success with nothing to reset writes
    // nothing. A success clears failedAttempts and lockedUntil, never lockedByAdministrator.)
    virtual Result<AccountRecord> recordFailedSignIn(const QString &userName, int threshold,
                                                     qint64 backoffSeconds) = 0;
    virtual Result<AccountRecord> recordSuccessfulSignIn(const QString &userName) = 0;
    // What a sign-in does before it checks the password, in one atomic step: during a back-off it
    // changes nothing and sets `*lockedOut`; otherwise it counts the attempt as a failure at once
    // (recordFailedSignIn), so parallel guesses (on this instance or another) can never run more
    // attempts than the threshold allows before the back-off starts. A right password then clears
    // the count (recordSuccessfulSignIn). Returns the stored record.
    virtual Result<AccountRecord> claimSignInAttempt(const QString &userName, int threshold,
                                                     qint64 backoffSeconds, bool *lockedOut) = 0;

    // Sync relay. Stores the batch in one transaction: an entry whose entryId is stored already
    // with the same digest is a duplicate (its earlier sequence is returned, nothing stored again);
    // the same entryId with another digest, or an entry whose revision is not the object's current
    // revision + 1 (objects start at revision 0, so the first entry has revision 1), refuses the
    // whole batch (Tampered for a reused id, else outcome.applied = false with the conflicts).
    // (An object is (site, kind, objectId). receivedAt is the store clock's now; a refused outcome
    // has no sequences. InvalidArgument for an entry without id, site, kind or objectId.)
    virtual Result<SyncBatchOutcome> appendSyncBatch(const QList<SyncEntry> &entries) = 0;
    // Entries of `site` with sequence > afterSequence, in sequence order, at most `limit`.
    virtual Result<QList<SyncEntry>> syncEntriesAfter(const QString &site, qint64 afterSequence,
                                                      int limit) = 0;
    virtual Result<qint64> currentRevision(const QString &site, const QString &kind,
                                           const QString &objectId) = 0;

    // Audit shipping. appendAuditFrames stores frames [head.treeSize - frames.size(), head.treeSize)
    // and the new head in one transaction, if `expectedPreviousSize` is still the stored size
    // (Conflict otherwise); the caller has verified the consistency proof.
    // (InvalidArgument unless the frames' indices are exactly expectedPreviousSize ..
    // head.treeSize - 1, i.e. they continue the chain without a gap; no frames re-witnesses the same
    // size. An invalid witnessedAt is stored as the store clock's now.)
    virtual Result<std::optional<AuditHead>> auditHead(const QString &workstation) = 0;
    virtual Result<QList<AuditHead>> auditHeads() = 0;
    virtual Result<void> appendAuditFrames(const AuditHead &head, qint64 expectedPreviousSize,
                                           const QList<AuditFrame> &frames) = 0;
    virtual Result<QList<AuditFrame>> auditFrames(const QString &workstation, qint64 from, qint64 to) = 0;
    // A workstation found cut or rewritten after a witnessed checkpoint: kept for the report.
    virtual Result<void> recordAuditFinding(const QString &workstation, const QString &finding,
                                            const QByteArray &evidence) = 0;
    virtual Result<QList<QPair<QString, QString>>> auditFindings() = 0; // (workstation, finding)

    // Revocation (effective on the next request of the revoked certificate). Serials are compared as
    // lower-case hex without leading zeros (Certificate::serialHex()'s form; InvalidArgument if not
    // hex); the first revocation's time and reason stand; an invalid revokedAt is the clock's now.
    virtual Result<void> revokeSerial(const RevokedSerial &revoked) = 0; // idempotent
    virtual Result<bool> isRevoked(const QString &serialHex) = 0;
    virtual Result<QList<RevokedSerial>> revokedSerials() = 0;

    // Published documents. publish: Conflict when that kind already has this version or a newer one.
    // (InvalidArgument for an empty kind or a version below 1; an invalid `published` is the clock's now.)
    virtual Result<void> publish(const PublishedDocument &document) = 0;
    virtual Result<std::optional<PublishedDocument>> latestDocument(const QString &kind) = 0;
    // Every version of a kind, oldest first (empty for an unknown kind).
    virtual Result<QList<PublishedDocument>> documentVersions(const QString &kind) = 0;

    // Access requests and grants (issue 12). nextAccessRequestNumber: "AR-<year>-<n>" with n counted
    // per year, atomically across instances (a number is never handed out twice, though one may go
    // unused). createAccessRequest: AlreadyExists for a number in use. updateAccessRequest replaces
    // the request when `expectedRevision` is still the stored one (Conflict otherwise: two approvers
    // at once never both count on the same state); with `grant`, the grant is stored in the same
    // transaction, so a request is approved with its grant or not at all (AlreadyExists when the
    // request has one already). accessRequests: by requester (empty: anyone) and status (empty: any),
    // oldest first. grantsOf: a subject's grants, oldest first.
    virtual Result<QString> nextAccessRequestNumber(int year) = 0;
    virtual Result<void> createAccessRequest(const StoredAccessRequest &request) = 0;
    virtual Result<std::optional<StoredAccessRequest>> accessRequest(const QString &number) = 0;
    virtual Result<QList<StoredAccessRequest>> accessRequests(const QString &requester,
                                                              const QStringList &statuses) = 0;
    virtual Result<void> updateAccessRequest(const StoredAccessRequest &request, qint64 expectedRevision,
                                             const std::optional<StoredGrant> &grant) = 0;
    virtual Result<QList<StoredGrant>> grantsOf(const QString &subject) = 0;
    // Every grant of every subject, oldest first (the permission audit, R-6.3.5); one grant by id.
    virtual Result<QList<StoredGrant>> allGrants() = 0;
    virtual Result<std::optional<StoredGrant>> grant(const QString &id) = 0;
    // Revokes a grant (R-6.3.4 c): NotFound for an unknown grant, AlreadyExists when it is revoked
    // already. grantRevocations: every revocation, oldest first.
    virtual Result<void> revokeGrant(const GrantRevocation &revocation) = 0;
    virtual Result<QList<GrantRevocation>> grantRevocations() = 0;
    // A patient's consent withdrawal and the revocation of `grantIds` (those not revoked already), in
    // one transaction; a second withdrawal of the same patient keeps the first's record and still
    // revokes what it names. Returns the ids it revoked. InvalidArgument without patient, author or
    // reason; NotFound for an unknown grant (nothing is written then).
    virtual Result<QStringList> withdrawConsent(const ConsentWithdrawal &withdrawal,
                                                const QStringList &grantIds) = 0;
    // Those of `patients` whose consent is withdrawn, in the order given.
    virtual Result<QStringList> consentWithdrawnAmong(const QStringList &patients) = 0;
    // Every patient whose consent is withdrawn, in pseudonym order.
    virtual Result<QStringList> withdrawnPatients() = 0;
    // Deliveries (R-5.2k-l). setDeliveryRecipient: once per grant (AlreadyExists after, purged
    // included; NotFound for an unknown grant). putDelivery: after the recipient, once (NotFound
    // without a recipient, AlreadyExists when delivered or purged). purgeDelivery empties the row and
    // marks it purged (nothing to purge is fine).
    virtual Result<void> setDeliveryRecipient(const QString &grantId, const QByteArray &publicKeyDer,
                                              const QByteArray &attestation) = 0;
    virtual Result<void> putDelivery(const QString &grantId, const QByteArray &ciphertext,
                                     const QByteArray &wrappedKey, const QByteArray &attestation,
                                     const QString &preparedBy) = 0;
    virtual Result<std::optional<StoredDelivery>> delivery(const QString &grantId) = 0;
    virtual Result<void> purgeDelivery(const QString &grantId) = 0;

    // The catalogue. replaceCatalogue: the workstation's entries become exactly `entries` (an
    // empty list withdraws them), in one transaction; other workstations' entries are untouched.
    // InvalidArgument for an empty workstation, an entry without id or two entries with one id; the
    // entries' own `workstation` and `published` are ignored (the argument and the clock's now).
    virtual Result<void> replaceCatalogue(const QString &workstation,
                                          const QList<CatalogueEntry> &entries) = 0;
    // Matching entries ordered by workstation then entry id (byte order of their UTF-8).
    virtual Result<QList<CatalogueEntry>> catalogue(const CatalogueQuery &query = {}) = 0;

    // A test seam, empty in mdp-grantd: told "request-written" inside updateAccessRequest's transaction
    // when it carries a grant, after the request's row and before the grant's, so a crash test can kill
    // the server there (the transaction must then leave neither).
    void setStepHook(std::function<void(QStringView step)> hook) { m_stepHook = std::move(hook); }

protected:
    void step(QStringView name) const
    {
        if (m_stepHook)
            m_stepHook(name);
    }

private:
    std::function<void(QStringView step)> m_stepHook;
};

// The embedded store: one SQLCipher file, keyed with a raw 256-bit key (the server's data key).
// SM4-CBC pages (the Database default); WrongPassphrase for another key. `clock` must outlive the store.
Result<std::unique_ptr<ServerStore>> openSqlCipherServerStore(const QString &path, const SecureBytes &key,
                                                              const Clock &clock = SystemClock::instance());
// PostgreSQL through libpq; `connectionString` as libpq takes it ("host=127.0.0.1 port=... dbname=...").
// Applies the migrations (safe when several instances start at once: an advisory lock).
Result<std::unique_ptr<ServerStore>> openPostgresServerStore(const QString &connectionString,
                                                             const Clock &clock = SystemClock::instance());

} // namespace mdp::server
