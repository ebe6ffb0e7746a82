#pragma once

#include "mdp/workspace/Workspace.h"

#include <QDateTime>
#include <QObject>

#include <optional>

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::shell {

// The last integrity verification of the open workspace (database, audit chain, rollback anchor),
// shared by the overview page, the Tools menu and the status bar.
class IntegrityMonitor : public QObject
{
    Q_OBJECT
public:
    explicit IntegrityMonitor(workbench::SessionContext &context, QObject *parent = nullptr);

    bool isRunning() const { return m_running; }
    const std::optional<workspace::IntegrityReport> &lastReport() const { return m_report; }
    QDateTime lastChecked() const { return m_checked; }

    // Starts a verification off the GUI thread; false when another job is running.
    bool verifyNow();

Q_SIGNALS:
    void started();
    void finished();

private:
    workbench::SessionContext &m_context;
    std::optional<workspace::IntegrityReport> m_report;
    QDateTime m_checked;
    bool m_running = false;
};

} // namespace mdp::shell
