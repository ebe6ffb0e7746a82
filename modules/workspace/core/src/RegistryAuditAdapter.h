#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/foundation/Result.h"
#include "mdp/registry/RegistryAuditSink.h"

#include <functional>
#include <optional>

namespace mdp::workspace {

// Writes the registry's audit records to the audit log: entity "patient" with the pseudonymous ID,
// the acted-on object (event, attachment, merge) as a second entity, never names or national IDs.
class RegistryAuditAdapter final : public registry::RegistryAuditSink
{
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;
    using AgentProvider = std::function<audit::AuditAgent()>;

    RegistryAuditAdapter(AgentProvider agent, Recorder recorder);
    void record(const registry::RegistryAuditRecord &record) override;

    // Set once a record could not be written.
    const std::optional<Error> &failure() const { return m_failure; }

private:
    AgentProvider m_agent;
    Recorder m_recorder;
    std::optional<Error> m_failure;
};

} // namespace mdp::workspace
