#pragma once

#include "mdp/workspace/DataPolicies.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::policy::ui {

// Data classification in the workstation: every form field, identifier, document,
// image series and derived value with its category and level in force, what the rules alone give it
// and its floor; the open requests of the classification flow; the signed policy in force. Clinicians
// request; data managers and administrators review, put the reviewed requests in force and install a
// policy file. The service decides: the page only hides what would be refused.
class ClassificationPage : public QWidget
{
    Q_OBJECT
public:
    explicit ClassificationPage(workbench::SessionContext &context, QWidget *parent = nullptr);
    void refresh();

    QStandardItemModel *itemsModel() const { return m_items; }
    QStandardItemModel *requestsModel() const { return m_requests; }
    // The row of `key` in the items table (after filtering), -1 when not shown.
    int rowOf(const QString &key) const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString selectedKey() const;
    qint64 selectedRequest() const;
    void updateButtons();
    void requestChange();
    void review(bool accept);
    void putInForce();
    void installFile();
    void showPolicy(const QHash<QString, QString> &accountNames);

    workbench::SessionContext &m_context;
    bool m_manages = false;
    QList<workspace::ClassifiedItem> m_all;
    QLabel *m_policy;
    QLabel *m_message;
    QLineEdit *m_filter;
    QStandardItemModel *m_items;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_itemsView;
    QStandardItemModel *m_requests;
    QTableView *m_requestsView;
    QPushButton *m_request;
    QPushButton *m_accept;
    QPushButton *m_reject;
    QPushButton *m_putInForce;
    QPushButton *m_install;
};

} // namespace mdp::policy::ui
