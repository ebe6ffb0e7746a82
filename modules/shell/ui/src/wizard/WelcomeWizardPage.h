#pragma once

#include <QWizardPage>

namespace mdp::shell {

class WelcomeWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WelcomeWizardPage(QWidget *parent = nullptr);
};

} // namespace mdp::shell
