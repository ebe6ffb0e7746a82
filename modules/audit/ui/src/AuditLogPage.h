#pragma once

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::audit::ui {

class AuditEventTableModel;

// traces for auditors and administrators: everything one user did over a time range, and
// everything any user did to one datum; plus verification of the whole chain. Each query is itself
// recorded in the log by the audit module.
class AuditLogPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditLogPage(workbench::SessionContext &context, QWidget *parent = nullptr);
    AuditEventTableModel *model() const { return m_model; }

    void searchByUser(const QString &userName, const QDateTime &from, const QDateTime &to);
    void searchByData(const QString &dataId);
    void verifyChain();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void search();
    void loadUsers();
    void showSelected();
    void showResultCount(int count);

    workbench::SessionContext &m_context;
    AuditEventTableModel *m_model;
    QButtonGroup *m_mode;
    QStackedWidget *m_criteria;
    QComboBox *m_user;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLineEdit *m_dataId;
    QPushButton *m_search;
    QPushButton *m_verify;
    QProgressBar *m_progress;
    QLabel *m_message;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
};

} // namespace mdp::audit::ui
