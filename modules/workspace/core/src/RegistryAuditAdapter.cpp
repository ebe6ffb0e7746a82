#include "RegistryAuditAdapter.h"

#include "DomainAuditEvent.h"
#include "WorkspaceLogging.h"

namespace mdp::workspace {

RegistryAuditAdapter::RegistryAuditAdapter(AgentProvider agent, Recorder recorder)
    : m_agent(std::move(agent))
    , m_recorder(std::move(recorder))
{}

void RegistryAuditAdapter::record(const registry::RegistryAuditRecord &r)
{
    if (auto written = m_recorder(domainAuditEvent(r, m_agent())); !written) {
        m_failure = written.error();
        qCCritical(lcWorkspace) << "a registry audit event could not be written:"
                                << written.error().toString();
    }
}

} // namespace mdp::workspace
