#pragma once

#include "mdp/access/AccessRequest.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace mdp::net {
class GrantClient;
}

namespace mdp::workspace {

// The access-request workflow at the site server (issue 12; R-5.2e-j, R-6.3.1-R-6.3.5), in the name of
// the account signed in here: the server takes who acts from the session it issued that account, never
// from what this workstation says, and decides every step itself (the ethics review, each approval,
// revocations). This side keeps the session in memory only (never on disk), for as long as the account
// stays signed in, and records each step in the workstation's own audit trail too.
//
// A session comes from a sign-in through the server (Workspace::open on a linked workstation) or, for
// an account that signed in here offline or before the link, from connect() with its password.
// Without one, every call is refused with Unauthenticated, saying to sign in at the server.
// What the access screens and the command line use (SiteAccess at the site server; a test's own).
class AccessDesk
{
public:
    enum class View
    {
        Mine,      // the requests the account made
        Ethics,    // the ethics inbox (ethics reviewers)
        Approvals, // what the account may decide now, at a step of a request's route
    };
    virtual ~AccessDesk() = default;

    // Whether a server session is held for the account signed in now.
    virtual bool connected() const = 0;
    // Signs the account signed in here in at the site server (its password and second factor), keeps
    // the session, and takes the account's grants. The server must name the same account.
    virtual Result<void> connect(const SecureBytes &password, const QString &totpCode = {}) = 0;

    virtual Result<access::AccessRequest> submit(const QString &purpose, const access::Scope &scope,
                                                 int durationDays, const QString &agreementVersion) = 0;
    virtual Result<QList<access::AccessRequest>> requests(View view) = 0;
    virtual Result<access::AccessRequest> request(const QString &number) = 0;
    // `revision`: the revision the caller read (a stale one is refused with Conflict).
    virtual Result<access::AccessRequest> decide(const QString &number, access::Verdict verdict,
                                                 const QString &reason, qint64 revision) = 0;
    virtual Result<access::AccessRequest> answer(const QString &number, const QString &purpose,
                                                 const access::Scope &scope, qint64 revision) = 0;
    virtual Result<access::AccessRequest> withdraw(const QString &number, qint64 revision) = 0;
    // c: a system administrator or data manager revokes a grant; a patient's consent
    // withdrawal revokes every grant naming the patient's pseudonym (the ids revoked).
    virtual Result<void> revokeGrant(const QString &grantId, const QString &reason) = 0;
    virtual Result<QStringList> withdrawConsent(const QString &pseudonym, const QString &reason) = 0;
    // every grant the site issued with its revocation, and per user the requests by status
    // (system administrators and auditors).
    virtual Result<QJsonObject> permissionAudit() = 0;
    // The account's grants from the server again (a grant just issued, one revoked). How many are held.
    virtual Result<int> refreshGrants() = 0;

    // Delivery under a grant (R-5.2k-l). The holder names the SM2 public key made for the grant and
    // fetches the sealed data (none while the providing site has not prepared it); a data manager lists
    // what waits and uploads the sealed data with its key sealed for the holder.
    struct SealedDelivery
    {
        QByteArray ciphertext;
        QByteArray wrappedKey;
        QByteArray attestation; // the provider's signed digests (net::deliveryDocument)
    };
    struct PendingDelivery
    {
        QString grantId;
        QByteArray envelope;             // the grant, signed with issuerKey
        QByteArray recipientKey;         // DER, SM2
        QByteArray recipientAttestation; // the holder's workstation's signature over it
        QByteArray issuerKey;
        // Every patient of the site whose consent is withdrawn (pseudonyms): never delivered.
        QStringList withdrawnPatients;
    };
    virtual Result<void> publishRecipientKey(const QString &grantId, const QByteArray &publicKeyDer) = 0;
    virtual Result<std::optional<SealedDelivery>> fetchDelivery(const QString &grantId) = 0;
    virtual Result<QList<PendingDelivery>> pendingDeliveries() = 0;
    virtual Result<void> putDelivery(const QString &grantId, const SealedDelivery &sealed) = 0;

    // The version of the data-sharing agreement a request accepts, and its text (zh_CN and
    // English in one), shown before the requester accepts it.
    static QString agreementVersion();
    static QString agreementText();
};

class SiteAccess final : public AccessDesk
{
public:
    struct Hooks;
    explicit SiteAccess(std::unique_ptr<Hooks> hooks);
    ~SiteAccess() override;
    SiteAccess(const SiteAccess &) = delete;
    SiteAccess &operator=(const SiteAccess &) = delete;

    bool connected() const override;
    Result<void> connect(const SecureBytes &password, const QString &totpCode = {}) override;
    Result<access::AccessRequest> submit(const QString &purpose, const access::Scope &scope, int durationDays,
                                         const QString &agreementVersion) override;
    Result<QList<access::AccessRequest>> requests(View view) override;
    Result<access::AccessRequest> request(const QString &number) override;
    Result<access::AccessRequest> decide(const QString &number, access::Verdict verdict,
                                         const QString &reason, qint64 revision) override;
    Result<access::AccessRequest> answer(const QString &number, const QString &purpose,
                                         const access::Scope &scope, qint64 revision) override;
    Result<access::AccessRequest> withdraw(const QString &number, qint64 revision) override;
    Result<void> revokeGrant(const QString &grantId, const QString &reason) override;
    Result<QStringList> withdrawConsent(const QString &pseudonym, const QString &reason) override;
    Result<QJsonObject> permissionAudit() override;
    Result<int> refreshGrants() override;
    Result<void> publishRecipientKey(const QString &grantId, const QByteArray &publicKeyDer) override;
    Result<std::optional<SealedDelivery>> fetchDelivery(const QString &grantId) override;
    Result<QList<PendingDelivery>> pendingDeliveries() override;
    Result<void> putDelivery(const QString &grantId, const SealedDelivery &sealed) override;

    // Workspace-internal: a server sign-in's session, and its end.
    void adopt(std::unique_ptr<net::GrantClient> client, const QString &accountId);
    void drop();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::workspace
