#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/forms/FormsAuditSink.h"
#include "mdp/foundation/Result.h"

#include <functional>
#include <optional>

namespace mdp::workspace {

// Writes the forms module's audit records to the audit log: entity "patient" with the pseudonymous
// ID and the acted-on object (record, task, notice, definition) as a second entity; never values of
// fields.
class FormsAuditAdapter final : public forms::FormsAuditSink
{
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;
    using AgentProvider = std::function<audit::AuditAgent()>;

    FormsAuditAdapter(AgentProvider agent, Recorder recorder);
    void record(const forms::FormsAuditRecord &record) override;

    // Set once a record could not be written.
    const std::optional<Error> &failure() const { return m_failure; }

private:
    AgentProvider m_agent;
    Recorder m_recorder;
    std::optional<Error> m_failure;
};

} // namespace mdp::workspace
