#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace mdp::shell {

class PassphraseWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PassphraseWizardPage(QWidget *parent = nullptr);
    bool isComplete() const override;
    bool validatePage() override { return isComplete(); }
    void clearSecrets();

private:
    void update();

    QLineEdit *m_passphrase;
    QLineEdit *m_confirm;
    QProgressBar *m_meter;
    QLabel *m_strength;
    QLabel *m_problems;
    QLabel *m_mismatch;
    QCheckBox *m_understood;
};

} // namespace mdp::shell
