#include "IntegrityMonitor.h"

#include "mdp/workbench/SessionContext.h"

namespace mdp::shell {

IntegrityMonitor::IntegrityMonitor(workbench::SessionContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{}

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
