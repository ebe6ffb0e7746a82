#include "AccessGate.h"

#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/AuditEventType.h"

#include <algorithm>

namespace mdp::workspace {

AccessGate::AccessGate(registry::PrincipalProvider principal, SecondFactor secondFactor, Recorder record,
                       const Clock &clock)
    : m_principal(std::move(principal))
    , m_secondFactor(std::move(secondFactor))
    , m_record(std::move(record))
    , m_clock(clock)
{
    // The built-in policy until a signed one is installed.
    auto builtIn = policy::PolicySet::parse(policy::PolicySet::defaultDocument());
    if (builtIn)
        m_engine.setPolicy(std::move(builtIn.value()));
}

std::optional<policy::Subject> AccessGate::subject() const
{
    const auto principal = m_principal ? m_principal() : std::nullopt;
    if (!principal)
        return std::nullopt;
    policy::Subject s;
    s.accountId = principal->accountId;
    s.roles = principal->roles;
    s.secondFactor = m_secondFactor && m_secondFactor();
    // Training records, data-use agreements, project memberships and sites come with the access-
    // request workflow; until then nobody has them, so nothing is granted on their strength.
    return s;
}

policy::Environment AccessGate::environment() const
{
    // No authorization server is connected yet: the workstation decides offline, so the deny rule
    // for exports offline applies. The workstation certificate is not checked yet.
    return policy::Environment{m_clock.now(), false, true};
}

policy::Decision AccessGate::peek(policy::Action action, const policy::Resource &resource) const
{
    const auto s = subject();
    if (!s) {
        policy::Decision none;
        none.reason = policy::Reason::NoRole;
        none.needed = {action, resource.project, resource.level, resource.category, false};
        return none;
    }
    return m_engine.decide(*s, action, resource, environment());
}

policy::Decision AccessGate::decide(policy::Action action, const policy::Resource &resource,
                                    QStringView operation, const QString &entity) const
{
    policy::Decision decision = peek(action, resource);
    if (!record(decision, action, resource, operation, entity) && decision.permitted) {
        // Unrecorded, a permit releases nothing.
        decision.permitted = false;
        decision.reason = policy::Reason::InvalidRequest;
    }
    return decision;
}

policy::Decision AccessGate::identityDecision() const
{
    policy::Decision decision = peek(policy::Action::Read, patientIdentity());
    if (decision.permitted && (decision.obligations.pseudonymise ||
                               decision.obligations.maskAboveLevel < policy::kIdentifyingLevel)) {
        decision.permitted = false;
        decision.reason = policy::Reason::LevelAboveReach;
        decision.needed = {
            policy::Action::Read, {}, policy::kIdentifyingLevel, policy::Category::PersonalAttributes, false};
    }
    return decision;
}

bool AccessGate::record(const policy::Decision &decision, policy::Action action,
                        const policy::Resource &resource, QStringView operation, const QString &entity) const
{
    audit::AuditEvent event;
    event.type = audit::EventType::AccessDecision.toString();
    event.action = action == policy::Action::Write ? audit::AuditAction::Update : audit::AuditAction::Read;
    event.outcome = decision.permitted ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure;
    event.detail = decision.auditDetail();
    event.detail.insert(QStringLiteral("operation"), operation.toString());
    event.detail.insert(QStringLiteral("action"), policy::actionId(action));
    event.detail.insert(QStringLiteral("resource"), resource.kind);
    event.detail.insert(QStringLiteral("level"), resource.level);
    if (!entity.isEmpty())
        event.entities << audit::AuditEntity{resource.kind, entity};
    return m_record(std::move(event)).ok();
}

Result<void> AccessGate::recordRequest(const policy::NeededScope &scope, const QString &purpose) const
{
    const auto principal = m_principal ? m_principal() : std::nullopt;
    if (!principal)
        return makeError(Error::Code::Unauthenticated, QStringLiteral("nobody is signed in"));
    audit::AuditEvent event;
    event.type = audit::EventType::AccessRequest.toString();
    event.action = audit::AuditAction::Create;
    event.detail.insert(QStringLiteral("action"), policy::actionId(scope.action));
    event.detail.insert(QStringLiteral("level"), scope.level);
    event.detail.insert(QStringLiteral("category"), policy::categoryId(scope.category));
    if (!scope.project.isEmpty())
        event.detail.insert(QStringLiteral("project"), scope.project);
    if (scope.secondFactor)
        event.detail.insert(QStringLiteral("secondFactor"), true);
    event.detail.insert(QStringLiteral("purpose"), purpose.left(500));
    event.detail.insert(QStringLiteral("state"), QStringLiteral("submitted"));
    return m_record(std::move(event));
}

policy::Resource AccessGate::patientRecord()
{
    policy::Resource r;
    r.kind = QStringLiteral("patient");
    r.level = 3;
    r.category = policy::Category::HealthStatus;
    return r;
}

policy::Resource AccessGate::patientIdentity() const
{
    policy::Resource r;
    r.kind = QStringLiteral("patient-identity");
    r.level = policy::kIdentifyingLevel;
    // A data manager may have raised an identifier (a biometric, say) above level 4: identity then
    // takes the highest level of what it shows.
    if (const auto set = m_engine.policy()) {
        for (auto it = set->fieldClassifications().cbegin(); it != set->fieldClassifications().cend(); ++it) {
            if (it.key().startsWith(u"identifier:"))
                r.level = std::max(r.level, std::min(it.value().level, policy::kMaxLevel));
        }
    }
    r.category = policy::Category::PersonalAttributes;
    return r;
}

} // namespace mdp::workspace
