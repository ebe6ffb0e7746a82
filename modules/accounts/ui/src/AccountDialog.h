#pragma once

#include "mdp/accounts/Account.h"
#include "mdp/foundation/SecureBytes.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace mdp::accounts::ui {

// Input for the account actions of the Accounts page: a new account, a role change or a password
// reset. Checks the input with the accounts module's own rules (PasswordPolicy) as it is typed.
class AccountDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Create,
        ChangeRole,
        ResetPassword
    };

    explicit AccountDialog(Mode mode, QWidget *parent = nullptr);
    ~AccountDialog() override; // wipes what the password fields still hold
    void setAccount(const accounts::Account &account);

    QString userName() const;
    QString displayName() const;
    accounts::Role role() const;
    // The password typed; both password fields are emptied and wiped.
    SecureBytes takePassword();

private:
    void update();
    QString problem() const;

    Mode m_mode;
    QFormLayout *m_form;
    QLineEdit *m_userName;
    QLineEdit *m_displayName;
    QComboBox *m_role;
    QLabel *m_roleHint;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace mdp::accounts::ui
