#pragma once

#include <QObject>
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
// Escalation of overdue reviews and e-mail delivery are not done here: the workspace's
// BackgroundServices do both off the GUI thread, window or not. The bell follows what they change,
// forwards their mail runs (mailDispatched) and asks them for a run after each change here.
class NotificationCenter : public QObject
{
    Q_OBJECT
public:
    explicit NotificationCenter(workbench::SessionContext &context, QObject *parent = nullptr);
    ~NotificationCenter() override;

    int unreadCount() const { return m_unread; }
    void setPollInterval(int msecs) { m_timer.setInterval(msecs); }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void unreadCountChanged(int count);
    // A record changed (submitted, approved, rejected, reassigned, ...); pages showing it reload.
    void formsChanged(const QUuid &recordId);
    // The background services ended an e-mail run: notices delivered, attempted, and the last
    // delivery error (empty when all went).
    void mailDispatched(int delivered, int attempted, const QString &lastError);

private:
    workbench::SessionContext &m_context;
    QTimer m_timer;
    int m_unread = 0;
};

} // namespace mdp::notify::ui
