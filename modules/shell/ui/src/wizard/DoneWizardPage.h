#pragma once

#include <QWizardPage>

class QFrame;
class QLabel;

namespace mdp::shell {

class DoneWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit DoneWizardPage(QWidget *parent = nullptr);
    void initializePage() override;

private:
    QLabel *m_text;
    QLabel *m_recovery;
    QLabel *m_enrolmentCode = nullptr;
    QFrame *m_recoveryCard = nullptr;
};

} // namespace mdp::shell
