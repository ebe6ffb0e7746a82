#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace mdp::shell {

class SessionContext;
class TotpEnrolmentWidget;

// The signed-in user's own account: change the password, set up the authenticator.
class MyAccountPage : public QWidget
{
    Q_OBJECT
public:
    explicit MyAccountPage(SessionContext &context, QWidget *parent = nullptr);
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void updatePasswordButton();
    void changePassword();
    void startEnrolment();
    void confirmEnrolment();

    SessionContext &m_context;
    QLineEdit *m_oldPassword;
    QLineEdit *m_newPassword;
    QLineEdit *m_confirmPassword;
    QLabel *m_passwordMessage;
    QPushButton *m_changePassword;

    QLabel *m_totpStatus;
    QStackedWidget *m_totpStack;
    QLineEdit *m_enrolPassword;
    QPushButton *m_startEnrolment;
    TotpEnrolmentWidget *m_enrolment;
    QPushButton *m_confirmEnrolment;
    QLabel *m_totpMessage;
};

} // namespace mdp::shell
