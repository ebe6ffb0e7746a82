#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/workspace/BackgroundServicesOptions.h"
#include "mdp/workspace/WorkspaceConnection.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>

namespace mdp::workspace {

// Lives on the background thread and is the only user of its workspace connection there.
class BackgroundWorker final : public QObject
{
    Q_OBJECT
public:
    BackgroundWorker(std::unique_ptr<WorkspaceConnection> connection, const Clock &clock,
                     BackgroundServicesOptions options);
    ~BackgroundWorker() override;

    void requestMail() { m_mailRequested = true; }

public Q_SLOTS:
    void begin();
    void tick();
    // Stops the timer and closes the connection, on the worker's thread.
    void finish();

Q_SIGNALS:
    void noticesChanged();
    void overdueEscalated(int tasks);
    void mailDispatched(int delivered, int attempted, const QString &lastError);

private:
    void escalate();
    void dispatchMail();
    void remindGrants();

    std::unique_ptr<WorkspaceConnection> m_connection;
    const Clock &m_clock;
    BackgroundServicesOptions m_options;
    QTimer *m_timer = nullptr;
    QDateTime m_nextEscalation;
    QDateTime m_nextMail;
    QDateTime m_nextReminders;
    std::atomic_bool m_mailRequested{false};
    bool m_changed = false;
};

} // namespace mdp::workspace
