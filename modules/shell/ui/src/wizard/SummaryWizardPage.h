#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;

namespace mdp::shell {

class FirstRunWizard;

// Shows the choices and creates the workspace when the user commits.
class SummaryWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SummaryWizardPage(FirstRunWizard *wizard);
    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

private:
    void startCreation();

    FirstRunWizard *m_wizard;
    QLabel *m_location;
    QLabel *m_cipher;
    QLabel *m_admin;
    QLabel *m_passphrase;
    QProgressBar *m_busy;
    QLabel *m_busyLabel;
    QLabel *m_error;
    bool m_created = false;
};

} // namespace mdp::shell
