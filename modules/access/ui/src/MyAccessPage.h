#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/workspace/Workspace.h"

#include <QWidget>

#include <functional>

class QLabel;
class QTableWidget;

namespace mdp::access::ui {

// The signed-in account's grants in force (Workspace::myGrants): request number, project, ceiling,
// approvers, end and days left; what to do when there are none.
class MyAccessPage : public QWidget
{
    Q_OBJECT
public:
    using Source = std::function<Result<QList<workspace::Workspace::GrantInForce>>()>;
    // `source`: the workspace's myGrants (the feature's), or a test's list.
    MyAccessPage(Source source, const Clock &clock, QWidget *parent = nullptr);
    void refresh();
    QTableWidget *table() const { return m_table; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    Source m_source;
    const Clock &m_clock;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace mdp::access::ui
