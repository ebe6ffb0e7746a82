#pragma once

#include "Background.h"
#include "mdp/workspace/Workspace.h"

#include <QApplication>
#include <QPointer>
#include <QThread>
#include <QUuid>
#include <QWidget>

#include <functional>

namespace mdp::shell {

// What every page of the main window shares: the open workspace, the signed-in session and the one
// background job allowed at a time. The workspace is not thread-safe, so while a job runs on a
// worker nothing else may touch it: pages check isBusy() and the status bar skips its refresh.
class SessionContext : public QObject
{
    Q_OBJECT
public:
    SessionContext(workspace::Workspace &workspace, workspace::Session session, QObject *parent = nullptr)
        : QObject(parent)
        , m_workspace(workspace)
        , m_session(std::move(session))
    {}
    ~SessionContext() override { waitForIdle(); }

    workspace::Workspace &workspace() { return m_workspace; }
    const workspace::Session &session() const { return m_session; }
    QUuid actorId() const { return QUuid::fromString(m_session.accountId); }
    bool isBusy() const { return m_worker != nullptr; }

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

Q_SIGNALS:
    void busyChanged(bool busy);
    void workspaceChanged();

private:
    workspace::Workspace &m_workspace;
    workspace::Session m_session;
    QPointer<QThread> m_worker;
};

} // namespace mdp::shell
