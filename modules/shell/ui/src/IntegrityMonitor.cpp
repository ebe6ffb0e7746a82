#include "IntegrityMonitor.h"

#include "mdp/workbench/SessionContext.h"

namespace mdp::shell {

IntegrityMonitor::IntegrityMonitor(workbench::SessionContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_poll(new QTimer(this))
{
    m_poll->setInterval(1000);
    connect(m_poll, &QTimer::timeout, this, &IntegrityMonitor::pollHistory);
    m_poll->start();
    pollHistory();
}

void IntegrityMonitor::pollHistory()
{
    const workspace::AuditHistoryState now = m_context.workspace().auditHistoryState();
    if (now.started == m_history.started && now.finished == m_history.finished &&
        now.bytesDone == m_history.bytesDone)
        return;
    m_history = now;
    if (m_history.finished) {
        m_poll->stop();
        if (!m_history.ok) {
            workspace::IntegrityReport report;
            report.problem = tr("audit history: %1").arg(m_history.problem);
            report.auditEvents = m_history.events;
            m_report = report;
            m_checked = m_history.finishedAt;
            Q_EMIT historyChanged();
            Q_EMIT finished();
            return;
        }
    }
    Q_EMIT historyChanged();
}

bool IntegrityMonitor::verifyNow()
{
    workspace::Workspace *ws = &m_context.workspace();
    const bool started = m_context.run<workspace::IntegrityReport>(
        nullptr, [ws] { return ws->verifyIntegrity(); },
        [this](workspace::IntegrityReport &report) {
            m_running = false;
            m_report = report;
            m_checked = m_context.workspace().clock().now();
            Q_EMIT finished();
        });
    if (started) {
        m_running = true;
        Q_EMIT this->started();
    }
    return started;
}

} // namespace mdp::shell
