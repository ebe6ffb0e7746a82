#pragma once

#include "mdp/workbench/Background.h"
#include "mdp/workspace/BackgroundServices.h"
#include "mdp/workspace/Workspace.h"

#include <QApplication>
#include <QPointer>
#include <QThread>
#include <QUuid>
#include <QWidget>

#include <functional>

namespace mdp::workbench {

// What every page of the main window shares: the open workspace, the signed-in session and the one
// background job allowed at a time. The workspace is not thread-safe, so while a job runs on a
// worker nothing else may touch it: pages check isBusy() and the status bar skips its refresh.
class SessionContext : public QObject
{
    Q_OBJECT
public:
    // Listens to the forms store for committed changes and re-emits them on the GUI thread as
    // recordChanged(), so the inbox, the notice bell and the patient page all hear of them.
    SessionContext(workspace::Workspace &workspace, workspace::Session session, QObject *parent = nullptr);
    ~SessionContext() override;

    workspace::Workspace &workspace() { return m_workspace; }
    const workspace::Session &session() const { return m_session; }
    QUuid actorId() const { return QUuid::fromString(m_session.accountId); }
    // The signed-in account's role ids (a single-role session lists its one role).
    QStringList roles() const
    {
        return m_session.roles.isEmpty() ? QStringList{m_session.role} : m_session.roles;
    }
    bool isBusy() const { return m_worker != nullptr; }
    // The workspace's background services (escalation and e-mail off the GUI thread), when the
    // program started them; null in a window built without them.
    workspace::BackgroundServices *backgroundServices() const { return m_services; }
    void setBackgroundServices(workspace::BackgroundServices *services) { m_services = services; }

    void waitForIdle()
    {
        if (m_worker && m_worker->isRunning())
            m_worker->wait();
    }

    // Runs `work` off the GUI thread with `busyWidget` disabled and a wait cursor; `done` runs on
    // the GUI thread afterwards. Returns false (and runs nothing) when another job is running.
    template<typename T> bool run(QWidget *busyWidget, std::function<T()> work, std::function<void(T &)> done)
    {
        if (isBusy())
            return false;
        QPointer<QWidget> widget = busyWidget;
        if (widget)
            widget->setEnabled(false);
        QApplication::setOverrideCursor(Qt::BusyCursor);
        Q_EMIT busyChanged(true);
        m_worker =
            runInBackground<T>(this, std::move(work), [this, widget, done = std::move(done)](T &value) {
                m_worker = nullptr;
                QApplication::restoreOverrideCursor();
                if (widget)
                    widget->setEnabled(true);
                Q_EMIT busyChanged(false);
                done(value);
                Q_EMIT workspaceChanged();
            });
        return true;
    }

    // Pages call this after a synchronous change so the status bar and other pages refresh.
    void notifyChanged() { Q_EMIT workspaceChanged(); }
    // A screen marked notices read or otherwise changed them; the notice bell re-reads its count.
    void notifyNoticesChanged() { Q_EMIT noticesChanged(); }

Q_SIGNALS:
    void busyChanged(bool busy);
    void workspaceChanged();
    // A form record was written (submitted, approved, rejected, reassigned, ...); emitted on the GUI
    // thread after the writer has returned, so listeners may read the store.
    void recordChanged(const QUuid &recordId);
    void noticesChanged();

private:
    workspace::Workspace &m_workspace;
    workspace::Session m_session;
    QPointer<QThread> m_worker;
    QPointer<workspace::BackgroundServices> m_services;
};

} // namespace mdp::workbench
