#include "FormsAuditAdapter.h"

#include "WorkspaceLogging.h"

namespace mdp::workspace {

namespace {

audit::AuditAction actionOf(forms::FormsAuditRecord::Action action)
{
    using A = forms::FormsAuditRecord::Action;
    switch (action) {
    case A::Create:
        return audit::AuditAction::Create;
    case A::Read:
        return audit::AuditAction::Read;
    case A::Update:
        return audit::AuditAction::Update;
    case A::Delete:
        return audit::AuditAction::Delete;
    case A::Execute:
        break;
    }
    return audit::AuditAction::Execute;
}

} // namespace

FormsAuditAdapter::FormsAuditAdapter(AgentProvider agent, Recorder recorder)
    : m_agent(std::move(agent))
    , m_recorder(std::move(recorder))
{}

void FormsAuditAdapter::record(const forms::FormsAuditRecord &r)
{
    audit::AuditEvent e;
    e.type = r.type;
    e.action = actionOf(r.action);
    e.outcome = r.success ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure;
    e.agent = m_agent();
    // The store acts for the account named in the call (the command line's --as, a signed-in
    // reviewer); the session's role need not be that account's.
    if (!r.actorId.isEmpty() && e.agent.userId != r.actorId) {
        e.agent.userId = r.actorId;
        e.agent.role.clear();
    }
    for (const QString &pseudonym : r.patients) {
        const audit::AuditEntity entity{QStringLiteral("patient"), pseudonym};
        if (!pseudonym.isEmpty() && !e.entities.contains(entity))
            e.entities << entity;
    }
    if (!r.objectType.isEmpty() && !r.objectId.isEmpty())
        e.entities << audit::AuditEntity{r.objectType, r.objectId};
    e.detail = r.detail;
    if (auto written = m_recorder(std::move(e)); !written) {
        m_failure = written.error();
        qCCritical(lcWorkspace) << "a forms audit event could not be written:" << written.error().toString();
    }
}

} // namespace mdp::workspace
