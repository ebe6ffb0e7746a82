#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/workspace/Workspace.h"

#include <QJsonObject>
#include <QSet>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace mdp::workspace {
class AccessDesk;
}

namespace mdp::access::ui {

// The signed-in account's grants in force (Workspace::myGrants): request number, project, ceiling,
// approvers, end and days left; what to do when there are none.
class MyAccessPage : public QWidget
{
    Q_OBJECT
public:
    using Source = std::function<Result<QList<workspace::Workspace::GrantInForce>>()>;
    // Data delivered under a grant (the workspace's syncDeliveries, openDelivery, prepareDelivery).
    struct Deliveries
    {
        std::function<Result<int>()> sync;
        std::function<Result<QJsonObject>(const QString &grantId)> open;
        std::function<Result<int>(const QString &grantId)> prepare;
    };
    void setDeliveries(Deliveries deliveries);
    // Takes the data the site prepared for the grants in force, then opens the selected grant's.
    bool openSelectedData();
    // As a data manager: prepares and sends the data of every grant that waits for it.
    bool prepareWaitingData();
    QTableWidget *dataTable() const { return m_data; }
    // `source`: the workspace's myGrants (the feature's), or a test's list.
    // `desk`: the site server's access workflow (the requests and the inbox tabs); none: grants only.
    MyAccessPage(Source source, const Clock &clock, workspace::AccessDesk *desk = nullptr,
                 QWidget *parent = nullptr);
    void refresh();
    QTableWidget *table() const { return m_table; }
    QTabWidget *tabs() const { return m_tabs; }
    class AccessRequestsPanel *requestsPanel() const { return m_mine; }
    class AccessRequestsPanel *inboxPanel() const { return m_inbox; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    Source m_source;
    const Clock &m_clock;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_error = nullptr;
    QTabWidget *m_tabs = nullptr;
    Deliveries m_deliveries;
    QSet<QString> m_keysNamed; // grants whose recipient keys this page had named to the server
    workspace::AccessDesk *m_desk = nullptr;
    QPushButton *m_prepare = nullptr;
    QTableWidget *m_data = nullptr;
    class AccessRequestsPanel *m_mine = nullptr;
    class AccessRequestsPanel *m_inbox = nullptr;
};

} // namespace mdp::access::ui
