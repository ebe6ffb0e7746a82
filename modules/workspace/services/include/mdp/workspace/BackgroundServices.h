#pragma once

#include "mdp/forms/FormStore.h"
#include "mdp/foundation/Result.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/BackgroundServicesOptions.h"
#include "mdp/workspace/Workspace.h"

#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>

namespace mdp::workspace {

class BackgroundWorker;

// Issue 12 (R-6.3.4 b): the reminders due at `now` for the grants kept in `db` (30, 7 and 1 days before
// each one's end; the nearest threshold reached; none for an ended or revoked grant). The worker hands
// them to FormStore::noteGrantReminders, which makes each once.
QList<forms::FormStore::GrantReminder> grantRemindersDue(store::Database &db, const QDateTime &now);

// The periodic work of an unlocked workspace, in the process rather than in a window: overdue
// review tasks are escalated (R-6.2.3c: the flow advances by itself) and notices waiting for e-mail
// are sent through the configured relay (R-6.2.3b). A worker thread does both on a connection of
// its own (Workspace::openConnection), so neither the GUI thread nor the Workspace object, which is
// not thread-safe, is involved; its changes are audited as the system's.
//
// Started once a workspace is unlocked; the workspace owns it and stops it first when it closes.
// Signals arrive queued on the thread that called start().
class BackgroundServices final : public QObject, public WorkspaceService
{
    Q_OBJECT
public:
    // Opens the connection and starts the worker; the first escalation and mail runs are due at
    // once. Returns the services, owned by `workspace`.
    static Result<BackgroundServices *> start(Workspace &workspace, BackgroundServicesOptions options = {});
    ~BackgroundServices() override;

    // Waits for a run in progress (an unreachable relay is given up after its timeouts), then ends
    // the worker and closes its connection. Further calls do nothing.
    void stop() override;
    // Ends the worker and closes its connection; resume() opens a new one and starts again.
    void pause() override;
    void resume() override;
    bool isRunning() const;
    // Asks for an e-mail run at the next look at the clock (a change has just queued notices).
    void requestMail();

Q_SIGNALS:
    // Notices were added or changed by the services: unread counts and notice lists are stale.
    void noticesChanged();
    // Tasks escalated by one run (only emitted when there were any).
    void overdueEscalated(int tasks);
    // An e-mail run ended: notices delivered, attempted, and the last delivery error (empty when
    // every notice went).
    void mailDispatched(int delivered, int attempted, const QString &lastError);

private:
    BackgroundServices() = default;
    Result<void> launch();
    void end(bool pausing);

    Workspace *m_workspace = nullptr;
    BackgroundServicesOptions m_options;
    bool m_paused = false;
    QThread m_thread;
    mutable QMutex m_mutex; // guards m_worker and m_paused: pause() and resume() may come from another thread
    BackgroundWorker *m_worker = nullptr;
};

} // namespace mdp::workspace
