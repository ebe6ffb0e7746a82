#pragma once

#include "mdp/foundation/SecureBytes.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace mdp::shell {

class AdminAccountWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit AdminAccountWizardPage(QWidget *parent = nullptr);
    ~AdminAccountWizardPage() override; // a cancelled wizard leaves no password behind either
    bool isComplete() const override;
    bool validatePage() override { return isComplete(); }
    // The password typed (takePassword's form); the fields keep it until clearSecrets().
    SecureBytes password() const;
    void clearSecrets();

private:
    void update();
    QString policyProblem() const;

    QLineEdit *m_name;
    QLineEdit *m_displayName;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    QLabel *m_problem;
};

} // namespace mdp::shell
