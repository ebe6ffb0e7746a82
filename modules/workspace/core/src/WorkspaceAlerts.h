#pragma once

#include "mdp/audit/AlertRules.h"
#include "mdp/audit/AuditEvent.h"
#include "mdp/foundation/Result.h"

#include <atomic>
#include <functional>
#include <mutex>

namespace mdp::workspace {

// The alert rules over this workspace's own audit events (issue 13; ). Every event the log
// queues is observed, on whatever thread appends it; what a rule completes waits here and is raised
// on the workspace's own thread (`wake` asks for that): each alert becomes a "security.alert" event
// (detail alert "rule", the rule, its group, the count and the window it saw), which the security
// roles read in the audit trail.
class WorkspaceAlerts
{
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;

    WorkspaceAlerts(audit::AlertRuleSet rules, Recorder record);

    // Replaces the rules (what the old ones were counting is dropped).
    void setRules(audit::AlertRuleSet rules);
    // Any thread; quick. Calls the wake function when something fired.
    void observe(const audit::AuditEvent &event);
    void setWake(std::function<void()> wake) { m_wake = std::move(wake); }
    // The workspace's thread, outside a transaction: records what fired. How many were raised.
    int raisePending();
    int pending() const;
    // How many alerts were recorded since the workspace opened.
    int raised() const { return m_raised.load(); }

private:
    mutable std::mutex m_mutex;
    audit::AlertEvaluator m_evaluator;
    QList<audit::Alert> m_pending;
    Recorder m_record;
    std::function<void()> m_wake;
    std::atomic<int> m_raised{0};
};

} // namespace mdp::workspace
