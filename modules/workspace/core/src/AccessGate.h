#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/policy/Engine.h"
#include "mdp/registry/ActingPrincipal.h"

#include <QString>

#include <functional>

namespace mdp::audit {
struct AuditEvent;
}

namespace mdp::workspace {

// The permission engine in the service layer (R-5.2b, R-6.6.4): every read of patient data asks it
// with the principal of the workspace's own session, and every decision, permit or deny, is an
// audit event ("access.decision": operation, effect, reason, role, policy version, obligations or
// the scope needed). Screens may ask it without recording (`peek`), only to shape what they offer.
class AccessGate
{
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;
    // What the session knows beyond the roles: whether the sign-in passed a second factor.
    using SecondFactor = std::function<bool()>;

    AccessGate(registry::PrincipalProvider principal, SecondFactor secondFactor, Recorder record,
               const Clock &clock);

    policy::Engine &engine() { return m_engine; }
    const policy::Engine &engine() const { return m_engine; }

    // Decides for the signed-in principal and records the decision. Nobody signed in is a deny.
    // `entity` is the pseudonymous id of what was asked for, when there is one.
    policy::Decision decide(policy::Action action, const policy::Resource &resource, QStringView operation,
                            const QString &entity = {}) const;
    // The same decision, not recorded.
    policy::Decision peek(policy::Action action, const policy::Resource &resource) const;
    // Records a decision made with peek (and perhaps narrowed by the caller) as decide() would; false
    // when the audit log refused it (a permit must then not release anything).
    bool record(const policy::Decision &decision, policy::Action action, const policy::Resource &resource,
                QStringView operation, const QString &entity = {}) const;
    // Whether the signed-in principal sees identity: reads level 4 without pseudonymisation. The
    // decision is narrowed to a refusal when the engine permits only a pseudonymised view.
    policy::Decision identityDecision() const;

    // Records that the signed-in user asked for the scope a refusal named (R-5.2d). The access-request
    // workflow (grants, approvals) takes it from the audit trail until it has a store of its own.
    Result<void> recordRequest(const policy::NeededScope &scope, const QString &purpose) const;

    // The resources the registry's reads stand for: a patient's clinical record (level 3), and its
    // identity (names, resident IDs, contacts: level 4).
    static policy::Resource patientRecord();
    // Identity takes the highest level the policy in force gives an identifier, at least 4.
    policy::Resource patientIdentity() const;

private:
    std::optional<policy::Subject> subject() const;
    policy::Environment environment() const;

    registry::PrincipalProvider m_principal;
    SecondFactor m_secondFactor;
    Recorder m_record;
    const Clock &m_clock;
    policy::Engine m_engine;
};

} // namespace mdp::workspace
