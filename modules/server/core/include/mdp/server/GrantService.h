#pragma once

#include "mdp/audit/AuditLog.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/SecureBytes.h"
#include "mdp/net/Protocol.h"
#include "mdp/server/AccessToken.h"
#include "mdp/server/Gateway.h"
#include "mdp/server/ServerStore.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace mdp::server {

struct GrantServiceOptions
{
    QString site = QStringLiteral("site");
    QString nodeId = QStringLiteral("mdp-grantd");
    int failureThreshold = 5;   // consecutive failed sign-ins before the back-off starts
    qint64 backoffSeconds = 60; // doubled for each further failure
    // The server's slow hash over the authentication key (PBKDF2-SM3). The key itself is the output of
    // Argon2id on the workstation, so this guards a stolen database, not a weak password.
    int verifierIterations = 20000;
    // Public parameters of the workstation's key derivation for new names (prelogin of an unknown name
    // answers with these and a salt derived from the name, so names cannot be probed).
    // Empty: the workstation's own default (AccountKdf::parametersJson(), byte for byte what a real
    // account stores, so the two answers cannot be told apart).
    QString defaultKdfParameters;
    // The ciphertext one pull answers with at most (at least one entry, whatever its size), so a few
    // large entries cannot make an answer the workstation refuses to read (64 MiB) or the server
    // cannot hold; the workstation pulls again for the rest.
    qint64 maxPullBytes = qint64(8) << 20;
    // The CA's revocation list the TLS layer uses (PEM), served to the workstations beside the
    // server's own list (GET /v1/pki/revocations/signed); empty: none.
    QString crlFile;
    // The site's approval rules (issue 12: routes, projects and their principal investigators; a
    // versioned JSON document, access::ApprovalRules); empty: the built-in rules. One that cannot be
    // read or parsed refuses every access-request call (fail closed).
    QString accessRulesFile;
    // A test seam, empty in mdp-grantd: told each named step of a change to an access request
    // ("decision-audited": its audit event is durable, the store not yet written; "decision-stored":
    // the store committed, the answer not yet sent; and the store's own "request-written", inside its
    // transaction), so a crash test can kill the process there.
    std::function<void(QStringView step)> stepHook;
};

// The server's own keys: the token signing key (P-256, shared by every instance behind a load
// balancer), the witness key (SM2: counter-signs workstation checkpoints and signs the server's own
// audit checkpoints) and the sealing key (TOTP secrets at rest, prelogin salts).
struct ServerKeys
{
    crypto::SigningKey tokenKey;
    crypto::SigningKey witnessKey;
    SecureBytes sealKey; // 32 bytes
};

// The signed statements of the protocol (audit checkpoints, witness signatures, sync entries).
using net::auditCheckpointStatement;
using net::auditWitnessStatement;
using net::syncEntryStatement;

// mdp-grantd's API behind the gateway (issue 11): accounts that never see a password or a data key,
// sign-in with lock-out, back-off and a second factor, certificate-bound tokens, the end-to-end
// encrypted sync relay, audit shipping with consistency checks and witness signatures, revocation,
// signed documents for the workstations, health and metrics. Every change is recorded in the server's
// own audit chain before it is made (a crash in between leaves an audited attempt, never an
// unaudited change); every refusal after authentication is recorded too.
class GrantService
{
public:
    GrantService(ServerStore &store, Gateway &gateway, ServerKeys keys, audit::AuditLog *serverAudit,
                 const Clock &clock, GrantServiceOptions options = {});
    ~GrantService();

    // Adds every route of the OpenAPI document to the gateway.
    void registerRoutes();
    const TokenAuthority &tokens() const;

    // The server's own life in its chain (R-7.4.1 system events): "system.start", "system.stop",
    // "system.config-change", about the entity server:<nodeId>.
    Result<void> recordSystemEvent(const QString &type, const QJsonObject &detail);
    // The detail of the newest of those events (each carries the configuration it ran with, to tell a
    // changed one at the next start); nothing before the first.
    std::optional<QJsonObject> lastSystemEvent() const;

    // Creating an account on the server side (with a confirmed authenticator when `totpSecret` is given) (the
    // first administrator at installation, the demo's accounts): the same derivation the workstation makes,
    // done here once from a password the operator gives. Never used by the API.
    Result<AccountRecord> bootstrapAccount(const QString &userName, const QString &displayName,
                                           const QStringList &roles, const SecureBytes &password,
                                           const QByteArray &bundle, const SecureBytes &totpSecret = {});

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::server
