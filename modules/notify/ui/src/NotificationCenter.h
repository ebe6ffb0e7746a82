#pragma once

#include "NotificationMailQueue.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QUuid>

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::notify::ui {

// The main window's link to the review workflow's notices (R-6.2.3b, R-6.2.4e): it listens to the
// forms store for committed changes (re-emitted on the GUI thread, after the writer has returned)
// and re-reads the signed-in account's unread count on every change and on a slow timer, which
// catches changes made by other processes on the same workspace.
//
// When the mail module is built in and a relay is configured, it also e-mails the notices waiting
// for it (MailDispatcher) shortly after each change and on a slow timer. SMTP runs on a worker
// thread against a copy of the queue; the outcomes are written back on the GUI thread, so the
// window never waits for the relay and the workspace is only touched from one thread.
class NotificationCenter : public QObject
{
    Q_OBJECT
public:
    explicit NotificationCenter(workbench::SessionContext &context, QObject *parent = nullptr);
    ~NotificationCenter() override;

    int unreadCount() const { return m_unread; }
    void setPollInterval(int msecs) { m_timer.setInterval(msecs); }

    // Whether this build can send e-mail notices (the mail module is linked in).
    static bool mailAvailable();
    void setMailInterval(int msecs) { m_mailTimer.setInterval(msecs); }
    void setEscalationInterval(int msecs) { m_escalationTimer.setInterval(msecs); }
    bool isDispatchingMail() const { return !m_mailThread.isNull(); }

public Q_SLOTS:
    void refresh();
    // Starts one e-mail run when a relay is configured, notices wait and no run is going on;
    // false when nothing was started.
    bool dispatchMail();
    // Escalates review tasks whose due time has passed (R-6.2.3c: the flow advances by itself, no
    // one has to press a button): their reviewer and the data managers are notified once per task.
    // Runs at sign-in and every few minutes; returns how many tasks it escalated.
    int escalateOverdue();

Q_SIGNALS:
    void unreadCountChanged(int count);
    // A record changed (submitted, approved, rejected, reassigned, ...); pages showing it reload.
    void formsChanged(const QUuid &recordId);
    // An e-mail run ended: notices delivered, and the last delivery error (empty when all went).
    void mailDispatched(int delivered, int attempted, const QString &lastError);

private:
    // Writes e-mail outcomes back; kept for the next tick while a background job owns the workspace.
    bool applyMailOutcomes();

    workbench::SessionContext &m_context;
    QTimer m_timer;
    QTimer m_mailTimer;
    QTimer m_mailSoon;
    QTimer m_escalationTimer;
    int m_unread = 0;
    QPointer<QThread> m_mailThread;
    QList<NotificationMailQueue::Outcome> m_unapplied;
};

} // namespace mdp::notify::ui
