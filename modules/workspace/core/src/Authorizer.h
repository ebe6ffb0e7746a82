#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/registry/ActingPrincipal.h"
#include "mdp/workspace/Permissions.h"

#include <QString>

#include <functional>

namespace mdp::audit {
struct AuditEvent;
}

namespace mdp::workspace {

class AccessGate;

// The workspace's access decisions for its services. The principal is the workspace's own session
// with the roles the account holds now (a locked account holds none), never an id a caller passes:
// a caller's actor argument is only compared with it. Every refusal is recorded as a security alert
// ("access-denied", naming the operation and the permission it lacked) before the error returns;
// what is allowed is recorded by the operation itself.
//
// One exception, where a deployment chose machine unlock: there the passphrase opens every key, so
// its holder (the custodian session of the command line and of the demo's set-up) may name the
// account a change is filed under (`delegates` says when); the audit trail still names the custodian
// as the one who acted. Where accounts unlock with their own slots nobody delegates.
class Authorizer
{
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;

    Authorizer(registry::PrincipalProvider principal, Recorder record, std::function<bool()> delegates);

    // Someone is signed in.
    Result<registry::ActingPrincipal> signedIn(QStringView operation) const;
    // `actor` (an account id as a caller passed it) is the signed-in principal; what it may do there
    // is the service's own rule (the form store's roles and record ownership).
    Result<registry::ActingPrincipal> acting(const QString &actor, QStringView operation) const;
    // The signed-in principal holds `permission`.
    Result<registry::ActingPrincipal> require(Permission permission, QStringView operation) const;
    // The same, and `actor` (an account id as a caller passed it) is that principal.
    Result<registry::ActingPrincipal> requireActor(const QString &actor, Permission permission,
                                                   QStringView operation) const;
    // `accountId` is the signed-in principal's own account, or the principal holds `otherwise`.
    Result<registry::ActingPrincipal> requireSelfOr(const QString &accountId, Permission otherwise,
                                                    QStringView operation) const;
    // No refusal recorded: for screens and for trimming what a read returns.
    bool allows(Permission permission) const;

    // With a gate, reading patients and seeing identity are the permission engine's decisions
    // (recorded as "access.decision"), not the role table's.
    void setGate(const AccessGate *gate) { m_gate = gate; }
    // The highest classification level the session sees unmasked (0 when it reads no patient data):
    // fields above it are taken out of what a read returns.
    int unmaskedLevel() const;
    // Whether what the session reads of patients must be de-identified first (the engine's
    // obligation for a role that does not see identity): free text, file names, payload text.
    bool deidentifiesReads() const;
    // Records an event as the session (the services' own trail of what a read showed).
    Result<void> record(audit::AuditEvent event) const;

private:
    Error denied(const std::optional<registry::ActingPrincipal> &principal, QStringView operation,
                 const QString &why, const QString &permission) const;

    bool mayActFor(const registry::ActingPrincipal &principal, const QString &actor) const;

    registry::PrincipalProvider m_principal;
    Recorder m_record;
    std::function<bool()> m_delegates;
    const AccessGate *m_gate = nullptr;
};

// The same checks for a service that may run without a guard (the background connection, which
// acts as the system): nothing is checked then, and only the verdict is returned.
Result<void> permit(const Authorizer *guard, Permission permission, QStringView operation);
Result<void> permitActor(const Authorizer *guard, const QString &actor, Permission permission,
                         QStringView operation);
Result<void> permitActing(const Authorizer *guard, const QString &actor, QStringView operation);
Result<void> permitSelfOr(const Authorizer *guard, const QString &accountId, Permission otherwise,
                          QStringView operation);

} // namespace mdp::workspace
