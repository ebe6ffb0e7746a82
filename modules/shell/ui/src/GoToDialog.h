#pragma once

#include <QDialog>
#include <QList>
#include <QTimer>

#include "mdp/workbench/Contributions.h"

class QLineEdit;
class QListWidget;
class QLabel;

namespace mdp::workbench {
class Host;
}

namespace mdp::shell {

// "Go to" (Ctrl+K): one box that asks every search provider the account may use (patients today)
// and opens the chosen answer where its feature shows it.
class GoToDialog : public QDialog
{
    Q_OBJECT
public:
    GoToDialog(workbench::Host &host, QWidget *parent = nullptr);

    QLineEdit *queryEdit() const { return m_query; }
    QListWidget *resultList() const { return m_results; }
    // Runs the pending search now (tests, and Enter before the pause has passed).
    void searchNow();
    bool openRow(int row);

protected:
    // Up and Down in the box move through the answers.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    workbench::Host &m_host;
    QList<workbench::SearchProvider> m_providers;
    QList<workbench::SearchHit> m_hits;
    QLineEdit *m_query;
    QListWidget *m_results;
    QLabel *m_hint;
    QTimer m_pause;
};

} // namespace mdp::shell
