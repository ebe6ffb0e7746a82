#include "Authorizer.h"

#include "AccessGate.h"

#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/AuditEventType.h"

#include <QUuid>

#include <algorithm>

namespace mdp::workspace {

namespace {

bool sameAccount(const QString &a, const QString &b)
{
    const QUuid ua = QUuid::fromString(a);
    return !ua.isNull() && ua == QUuid::fromString(b);
}

QString notTheSession()
{
    return QStringLiteral("the call names another account than the one signed in; the workspace acts only as "
                          "its session's account");
}

} // namespace

Authorizer::Authorizer(registry::PrincipalProvider principal, Recorder record,
                       std::function<bool()> delegates)
    : m_principal(std::move(principal))
    , m_record(std::move(record))
    , m_delegates(std::move(delegates))
{}

bool Authorizer::mayActFor(const registry::ActingPrincipal &principal, const QString &actor) const
{
    return sameAccount(actor, principal.accountId) ||
           (m_delegates && m_delegates() && !QUuid::fromString(actor).isNull());
}

Error Authorizer::denied(const std::optional<registry::ActingPrincipal> &principal, QStringView operation,
                         const QString &why, const QString &permission) const
{
    audit::AuditEvent event;
    event.type = audit::EventType::SecurityAlert.toString();
    event.action = audit::AuditAction::Execute;
    event.outcome = audit::AuditOutcome::MinorFailure;
    event.detail.insert(QStringLiteral("alert"), QStringLiteral("access-denied"));
    event.detail.insert(QStringLiteral("operation"), operation.toString());
    if (!permission.isEmpty())
        event.detail.insert(QStringLiteral("permission"), permission);
    if (principal)
        event.detail.insert(QStringLiteral("roles"), principal->roles.join(u','));
    // The refusal stands even when it cannot be recorded; the audit log's own failure is what the
    // workspace then reports on the next write.
    (void)m_record(std::move(event));
    return makeError(Error::Code::PermissionDenied, why);
}

Result<registry::ActingPrincipal> Authorizer::signedIn(QStringView operation) const
{
    auto principal = m_principal ? m_principal() : std::nullopt;
    if (!principal)
        return denied(principal, operation, QStringLiteral("nobody is signed in"), {});
    return *principal;
}

Result<registry::ActingPrincipal> Authorizer::acting(const QString &actor, QStringView operation) const
{
    auto principal = signedIn(operation);
    if (!principal)
        return principal;
    if (!mayActFor(*principal, actor))
        return denied(*principal, operation, notTheSession(), {});
    return principal;
}

Result<registry::ActingPrincipal> Authorizer::require(Permission permission, QStringView operation) const
{
    auto principal = m_principal ? m_principal() : std::nullopt;
    if (!principal)
        return denied(principal, operation, QStringLiteral("nobody is signed in"), permissionId(permission));
    if (m_gate && (permission == Permission::ReadPatients || permission == Permission::SeeIdentity)) {
        const bool identity = permission == Permission::SeeIdentity;
        const policy::Resource resource = identity ? m_gate->patientIdentity() : AccessGate::patientRecord();
        const policy::Decision decision =
            identity ? m_gate->identityDecision() : m_gate->peek(policy::Action::Read, resource);
        const bool recorded = m_gate->record(decision, policy::Action::Read, resource, operation);
        if (!decision.permitted)
            return makeError(Error::Code::PermissionDenied, decision.explanation());
        if (!recorded)
            return makeError(Error::Code::Io,
                             QStringLiteral("the access decision could not be recorded in the "
                                            "audit log, so nothing is shown"));
        return *principal;
    }
    if (!rolesAllow(principal->roles, permission))
        return denied(
            principal, operation,
            QStringLiteral("the signed-in account's roles (%1) do not allow %2")
                .arg(principal->roles.isEmpty() ? QStringLiteral("none") : principal->roles.join(u", "),
                     permissionId(permission)),
            permissionId(permission));
    return *principal;
}

Result<registry::ActingPrincipal> Authorizer::requireActor(const QString &actor, Permission permission,
                                                           QStringView operation) const
{
    auto principal = require(permission, operation);
    if (!principal)
        return principal;
    if (!mayActFor(*principal, actor))
        return denied(*principal, operation, notTheSession(), permissionId(permission));
    return principal;
}

Result<registry::ActingPrincipal> Authorizer::requireSelfOr(const QString &accountId, Permission otherwise,
                                                            QStringView operation) const
{
    auto principal = signedIn(operation);
    if (!principal)
        return principal;
    if (sameAccount(accountId, principal->accountId))
        return principal;
    if (!rolesAllow(principal->roles, otherwise))
        return denied(*principal, operation,
                      QStringLiteral("another account's %1 are not the signed-in account's to see")
                          .arg(operation.toString()),
                      permissionId(otherwise));
    return principal;
}

namespace {

Result<void> verdict(const Result<registry::ActingPrincipal> &principal)
{
    if (!principal)
        return principal.error();
    return {};
}

} // namespace

Result<void> permit(const Authorizer *guard, Permission permission, QStringView operation)
{
    return guard ? verdict(guard->require(permission, operation)) : Result<void>();
}

Result<void> permitActor(const Authorizer *guard, const QString &actor, Permission permission,
                         QStringView operation)
{
    return guard ? verdict(guard->requireActor(actor, permission, operation)) : Result<void>();
}

Result<void> permitActing(const Authorizer *guard, const QString &actor, QStringView operation)
{
    return guard ? verdict(guard->acting(actor, operation)) : Result<void>();
}

Result<void> permitSelfOr(const Authorizer *guard, const QString &accountId, Permission otherwise,
                          QStringView operation)
{
    return guard ? verdict(guard->requireSelfOr(accountId, otherwise, operation)) : Result<void>();
}

bool Authorizer::deidentifiesReads() const
{
    if (!m_gate)
        return !allows(Permission::SeeIdentity);
    const policy::Decision read = m_gate->peek(policy::Action::Read, AccessGate::patientRecord());
    // A session refused identity (a second factor missing, say) reads text as one that never had it.
    return !read.permitted || read.obligations.deidentify || !allows(Permission::SeeIdentity);
}

Result<void> Authorizer::record(audit::AuditEvent event) const
{
    return m_record(std::move(event));
}

int Authorizer::unmaskedLevel() const
{
    if (!m_gate)
        return allows(Permission::SeeIdentity) ? policy::kIdentifyingLevel : policy::kIdentifyingLevel - 1;
    const policy::Decision identity = m_gate->peek(policy::Action::Read, m_gate->patientIdentity());
    if (identity.permitted)
        return identity.obligations.maskAboveLevel;
    // Identity refused (a second factor missing, say): nothing of level 4 either, whatever the record's
    // own decision would allow.
    const policy::Decision record = m_gate->peek(policy::Action::Read, AccessGate::patientRecord());
    return record.permitted ? std::min(record.obligations.maskAboveLevel, policy::kIdentifyingLevel - 1) : 0;
}

bool Authorizer::allows(Permission permission) const
{
    if (m_gate && permission == Permission::ReadPatients)
        return m_gate->peek(policy::Action::Read, AccessGate::patientRecord()).permitted;
    if (m_gate && permission == Permission::SeeIdentity)
        return m_gate->identityDecision().permitted;
    const auto principal = m_principal ? m_principal() : std::nullopt;
    return principal && rolesAllow(principal->roles, permission);
}

} // namespace mdp::workspace
