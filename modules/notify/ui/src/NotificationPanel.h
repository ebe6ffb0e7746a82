#pragma once

#include "mdp/forms/FormRecord.h"

#include <QFrame>
#include <QHash>
#include <QList>

class QLabel;
class QListWidget;
class QPushButton;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::notify::ui {

// The list the bell opens (R-6.2.3b, R-6.2.4e): the signed-in account's notices, newest first,
// each with its kind, the patient's pseudonym, the form, the reason of a rejection and the time.
// Clicking a notice marks it read and asks the window to open its record; each unread notice can
// be marked read on its own, or all at once.
class NotificationPanel : public QFrame
{
    Q_OBJECT
public:
    explicit NotificationPanel(workbench::SessionContext &context, QWidget *parent = nullptr);

    // Re-reads the notices (at most the newest 100).
    void reload();
    // Shows the panel below `anchor` (the bell), reloaded.
    void popUpAt(QWidget *anchor);

    const QList<forms::Notification> &notices() const { return m_notices; }
    QListWidget *list() const { return m_list; }
    QPushButton *markAllReadButton() const { return m_markAll; }
    // As a click on the notice at `row` does.
    void activate(int row);
    bool markRead(int row);
    bool markAllRead();

Q_SIGNALS:
    void openRequested(const mdp::forms::Notification &notice);
    // Read state changed here; the bell re-reads its count.
    void readStateChanged();

private:
    QWidget *rowWidget(const forms::Notification &notice, int row);
    void showError(const QString &text);

    workbench::SessionContext &m_context;
    QLabel *m_header;
    QListWidget *m_list;
    QLabel *m_empty;
    QPushButton *m_markAll;
    QList<forms::Notification> m_notices;
    QHash<QString, QString> m_formTitles;
};

} // namespace mdp::notify::ui
