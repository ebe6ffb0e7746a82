#pragma once

#include "mdp/crypto/AccountKeys.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"
#include "mdp/net/HttpsClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace mdp::net {

// An account signed in at the server: who, the roles, and the key bundle opened on this workstation
// (the server only ever held it wrapped).
struct SignedInAccount
{
    QString userName;
    QString displayName;
    QStringList roles;
    SecureBytes bundle;
    bool secondFactorEnrolmentRequired = false;
    QDateTime tokenExpires;
};

// One end-to-end encrypted change for the relay (SyncCipher seals it).
struct OutgoingEntry
{
    QString entryId; // UUID, chosen once and kept across retries (the idempotency key)
    QString kind;
    QString objectId;
    qint64 revision = 0;
    QByteArray ciphertext;
};

struct IncomingEntry
{
    qint64 sequence = 0;
    QString entryId;
    QString origin; // the sending workstation's certificate fingerprint (hex)
    QString kind;
    QString objectId;
    qint64 revision = 0;
    QByteArray ciphertext;
};

struct SiteRevocations
{
    QDateTime issuedAt;  // the server's clock when it signed the answer
    QStringList serials; // revoked certificate serials, lower-case hex without leading zeros
};

// The grants the site revoked (issue 12, R-6.3.4 c), as the server signs them for the workstations.
struct GrantRevocations
{
    QDateTime issuedAt;
    QStringList grantIds;
};

struct PushOutcome
{
    bool applied = false;
    QList<qint64> sequences;
    int duplicates = 0;
    QJsonArray conflicts; // when not applied: {entryId, objectId, offeredRevision, currentRevision}
};

struct Witness
{
    qint64 treeSize = 0;
    QByteArray rootHash;
    QDateTime witnessedAt;
    QByteArray signature;
    QByteArray serverKeyDer;
};

// A signed document as the server distributes it (R-9.2 permission sync): check `envelope` with
// GrantClient::verifyDocumentEnvelope before believing a byte of it.
struct DistributedDocument
{
    QString kind;
    qint64 version = 0;
    QByteArray envelope;
    QDateTime published;
};

// What verifyDocumentEnvelope vouches for.
struct VerifiedDocument
{
    QByteArray document; // the signed bytes (a JSON object)
    QString signer;      // the common name of the workstation certificate that signed it
    QString publishedBy; // the account that published it, as the server checked at publication
};

// The workstation's side of mdp-grantd's API (issue 11): zero-knowledge sign-in and account calls,
// the sync relay (entries signed with this workstation's TLS key), audit shipping. Errors carry the
// server's problem detail; HTTP statuses map to Error codes (401 Unauthenticated, 403
// PermissionDenied, 409 Conflict, 423 Locked, 429 Locked with the wait in the message, others
// InvalidArgument or Io).
class GrantClient
{
public:
    // The private key PEM signs sync entries; it is the TLS client key.
    static Result<std::unique_ptr<GrantClient>> create(const TlsClientOptions &options);
    ~GrantClient();

    HttpsClient &http();
    QString accessToken() const;
    void setAccessToken(const QString &token);

    // The raw call, with the access token when one is set.
    Result<HttpResult> call(const QByteArray &method, const QString &target, const QJsonObject &body = {});
    // A call's answer other than 2xx as an Error (the mapping above, the server's problem detail).
    static Error errorOf(const HttpResult &result);

    Result<SignedInAccount> signIn(const QString &userName, const SecureBytes &password,
                                   const QString &code = {});
    // As a system administrator: the account's keys are derived here from its first password and
    // only the authentication key and the wrapped bundle are sent.
    Result<void> createAccount(const QString &userName, const QString &displayName, const QStringList &roles,
                               const SecureBytes &password, const SecureBytes &bundle);
    Result<void> changePassword(const QString &userName, const SecureBytes &oldPassword,
                                const SecureBytes &newPassword, const SecureBytes &bundle);

    Result<PushOutcome> push(const QList<OutgoingEntry> &entries);
    Result<QList<IncomingEntry>> pull(qint64 afterSequence, int limit = 500, bool *more = nullptr);
    Result<Witness> shipAudit(qint64 fromSize, qint64 toSize, const QByteArray &root,
                              const QByteArray &checkpointSignature, const QByteArray &checkpointKeyDer,
                              const QList<QByteArray> &consistency, const QList<QByteArray> &frames,
                              qint64 *heldSize = nullptr);

    // permission sync. Publishes `document` (a policy or classification rules: a JSON object)
    // as `kind` version `version`, signed with this workstation's TLS key, in the name of the account
    // signed in here (a data manager or system administrator). Conflict when that version is not newer.
    Result<void> publishDocument(const QString &kind, qint64 version, const QByteArray &document);
    // The newest document of a kind (NotFound when none); verify its envelope before use.
    Result<DistributedDocument> latestDocument(const QString &kind);
    // The checks a receiving workstation makes: the envelope's certificate is a workstation
    // certificate issued by the site CA (`siteCaPem`) and valid at `at` (now when invalid), and its
    // signature covers the document. PermissionDenied naming what failed; InvalidArgument for an
    // unreadable envelope. (Revocation is the caller's: check the signer against the site's list.)
    // A document signed with this workstation's TLS key, in the envelope verifyDocumentEnvelope reads,
    // naming `publishedBy` (what the site sync carries with a policy version).
    Result<QByteArray> signedEnvelope(const QByteArray &document, const QString &publishedBy) const;
    static Result<VerifiedDocument>
    verifyDocumentEnvelope(const QByteArray &envelope, const QByteArray &siteCaPem, const QDateTime &at = {});

    // the site's revocations as the server pushes them to the workstations, checked here: the
    // server's signature with its witness key (`serverKeyDer`, the key this workstation pinned), and
    // the CA's revocation list signed by the site CA (`siteCaPem`). The serials of both, lower-case
    // hex. Tampered when a signature does not verify; needs the workstation's certificate only.
    Result<SiteRevocations> signedRevocations(const QByteArray &serverKeyDer, const QByteArray &siteCaPem);

    // Issue 12 (R-6.3.4 c): the revoked grants, checked against the server's witness key
    // (`serverKeyDer`, the key this workstation pinned). Tampered when the signature does not verify;
    // needs the workstation's certificate only.
    Result<GrantRevocations> signedGrantRevocations(const QByteArray &serverKeyDer);

    // catalogue query. Replaces this workstation's catalogue with `questionnaires` (FHIR-style
    // Questionnaire objects, metadata only; see the Catalogue schema in the OpenAPI document). Needs
    // the workstation's certificate, no signed-in account.
    Result<void> publishCatalogue(const QJsonArray &questionnaires);
    // The site's catalogue as a FHIR Bundle (searchset); empty filters match everything.
    Result<QJsonObject> catalogue(const QString &titleFilter = {}, const QString &fieldKey = {});

private:
    GrantClient();
    struct Impl;
    std::unique_ptr<Impl> d;
};

// End-to-end encryption of sync payloads with the site key (SM4-GCM), bound to the entry's routing
// metadata and its sender, so the relay can neither read an entry nor move it to another object,
// revision or origin.
class SyncCipher
{
public:
    explicit SyncCipher(SecureBytes siteKey);
    // `origin`: the sending workstation's certificate fingerprint (hex), as the relay will name it.
    Result<QByteArray> seal(const OutgoingEntry &entry, const QString &origin,
                            QByteArrayView plaintext) const;
    // Error::Code::Tampered when the entry does not authenticate (forged, altered or moved).
    Result<QByteArray> open(const IncomingEntry &entry) const;

private:
    SecureBytes m_key;
};

} // namespace mdp::net
