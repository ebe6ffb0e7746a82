#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::accounts::ui {

class AccountTableModel;

// System administrators manage accounts: add, lock and unlock, change role, reset the
// authenticator, and issue the one-time code with which an account sets up its authenticator. Every action
// goes through the AccountDirectory with the signed-in administrator as actor; the directory refuses what the
// actor may not do.
class AccountsPage : public QWidget
{
    Q_OBJECT
public:
    explicit AccountsPage(workbench::SessionContext &context, QWidget *parent = nullptr);

    void refresh();
    AccountTableModel *model() const { return m_model; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString selectedUser() const;
    void updateButtons();
    void addAccount();
    void toggleLock();
    void changeRole();
    void resetTotp();
    void resetPassword();
    void issueEnrolmentCode();
    // Issues `user`'s one-time enrolment code and shows it once in the page's message, after
    // `lead` (what was just done).
    void showEnrolmentCode(const QString &user, const QString &lead);
    void report(bool ok, const QString &successText, const QString &errorText);

    workbench::SessionContext &m_context;
    AccountTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_message;
    QPushButton *m_add;
    QPushButton *m_lock;
    QPushButton *m_role;
    QPushButton *m_totp;
    QPushButton *m_password;
    QPushButton *m_enrolmentCode;
};

} // namespace mdp::accounts::ui
