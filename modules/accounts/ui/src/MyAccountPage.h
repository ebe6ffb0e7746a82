#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace mdp::workbench {
class SessionContext;
class TotpEnrolmentWidget;
} // namespace mdp::workbench

namespace mdp::accounts::ui {

// The signed-in user's own account: change the password, set up the authenticator.
class MyAccountPage : public QWidget
{
    Q_OBJECT
public:
    explicit MyAccountPage(workbench::SessionContext &context, QWidget *parent = nullptr);
    ~MyAccountPage() override; // wipes what the password fields still hold
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updatePasswordButton();
    void changePassword();
    void startEnrolment();
    void confirmEnrolment();

    workbench::SessionContext &m_context;
    QLineEdit *m_oldPassword;
    QLineEdit *m_newPassword;
    QLineEdit *m_confirmPassword;
    QLabel *m_passwordMessage;
    QPushButton *m_changePassword;

    QLabel *m_totpStatus;
    QStackedWidget *m_totpStack;
    QLineEdit *m_enrolPassword;
    QLineEdit *m_enrolmentCode;
    QPushButton *m_startEnrolment;
    workbench::TotpEnrolmentWidget *m_enrolment;
    QPushButton *m_confirmEnrolment;
    QLabel *m_totpMessage;
};

} // namespace mdp::accounts::ui
