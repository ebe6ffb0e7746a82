#include "FormsAuditAdapter.h"

#include "DomainAuditEvent.h"
#include "WorkspaceLogging.h"

namespace mdp::workspace {

FormsAuditAdapter::FormsAuditAdapter(AgentProvider agent, Recorder recorder)
    : m_agent(std::move(agent))
    , m_recorder(std::move(recorder))
{}

void FormsAuditAdapter::record(const forms::FormsAuditRecord &r)
{
    if (auto written = m_recorder(domainAuditEvent(r, m_agent())); !written) {
        m_failure = written.error();
        qCCritical(lcWorkspace) << "a forms audit event could not be written:" << written.error().toString();
    }
}

} // namespace mdp::workspace
