#pragma once

#include <QWizardPage>

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
};

} // namespace mdp::shell
