#include "WorkspaceAlerts.h"

namespace mdp::workspace {

WorkspaceAlerts::WorkspaceAlerts(audit::AlertRuleSet rules, Recorder record)
    : m_evaluator(std::move(rules))
    , m_record(std::move(record))
{}

void WorkspaceAlerts::observe(const audit::AuditEvent &event)
{
    bool fired = false;
    {
        std::lock_guard lock(m_mutex);
        const QList<audit::Alert> alerts = m_evaluator.observe(event);
        m_pending += alerts;
        fired = !alerts.isEmpty();
    }
    if (fired && m_wake)
        m_wake();
}

int WorkspaceAlerts::pending() const
{
    std::lock_guard lock(m_mutex);
    return int(m_pending.size());
}

void WorkspaceAlerts::setRules(audit::AlertRuleSet rules)
{
    std::lock_guard lock(m_mutex);
    m_evaluator = audit::AlertEvaluator(std::move(rules));
}

int WorkspaceAlerts::raisePending()
{
    QList<audit::Alert> alerts;
    {
        std::lock_guard lock(m_mutex);
        alerts.swap(m_pending);
    }
    int raised = 0;
    for (const audit::Alert &alert : std::as_const(alerts)) {
        audit::AuditEvent event = alert.toAuditEvent();
        if (auto recorded = m_record(std::move(event)); recorded) {
            ++raised;
            ++m_raised;
        } else
            qWarning("mdp: an alert (%s) could not be recorded: %s", qPrintable(alert.ruleId),
                     qPrintable(recorded.error().toString()));
    }
    return raised;
}

} // namespace mdp::workspace
