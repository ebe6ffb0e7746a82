#pragma once

#include <QWizardPage>

class QRadioButton;

namespace mdp::shell {

class EncryptionWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit EncryptionWizardPage(QWidget *parent = nullptr);

private:
    QRadioButton *m_sm4;
    QRadioButton *m_aes;
};

} // namespace mdp::shell
