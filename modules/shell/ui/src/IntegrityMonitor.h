#pragma once

#include "mdp/workspace/Workspace.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

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
    // The background check of the whole audit history (started after sign-in). A failure it finds
    // also becomes lastReport().
    const workspace::AuditHistoryState &history() const { return m_history; }
    const std::optional<workspace::IntegrityReport> &lastReport() const { return m_report; }
    QDateTime lastChecked() const { return m_checked; }

    // Starts a verification off the GUI thread; false when another job is running.
    bool verifyNow();

Q_SIGNALS:
    void started();
    void finished();
    void historyChanged();

private:
    workbench::SessionContext &m_context;
    std::optional<workspace::IntegrityReport> m_report;
    QDateTime m_checked;
    bool m_running = false;
    workspace::AuditHistoryState m_history;
    QTimer *m_poll = nullptr;
    void pollHistory();
};

} // namespace mdp::shell
