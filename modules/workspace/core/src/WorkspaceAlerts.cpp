#include "WorkspaceAlerts.h"

#include "mdp/audit/AuditEventType.h"

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

int WorkspaceAlerts::raisePending()
{
    QList<audit::Alert> alerts;
    {
        std::lock_guard lock(m_mutex);
        alerts.swap(m_pending);
    }
    int raised = 0;
    for (const audit::Alert &alert : std::as_const(alerts)) {
        audit::AuditEvent event;
        event.type = audit::EventType::SecurityAlert.toString();
        event.action = audit::AuditAction::Execute;
        event.outcome = alert.severity == u"major"   ? audit::AuditOutcome::MajorFailure
                        : alert.severity == u"minor" ? audit::AuditOutcome::MinorFailure
                                                     : audit::AuditOutcome::SeriousFailure;
        event.detail = {{QStringLiteral("alert"), QStringLiteral("rule")},
                        {QStringLiteral("rule"), alert.ruleId},
                        {QStringLiteral("title"), alert.title},
                        {QStringLiteral("group"), alert.group.left(64)},
                        {QStringLiteral("count"), alert.count},
                        {QStringLiteral("first"), alert.first.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("last"), alert.last.toString(Qt::ISODateWithMs)}};
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
