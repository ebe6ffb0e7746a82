#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;

namespace mdp::shell {

class LocationWizardPage : public QWizardPage
{
    Q_OBJECT
public:
    LocationWizardPage(const QString &directory, QWidget *parent = nullptr);
    bool isComplete() const override;
    bool validatePage() override { return isComplete(); }

private:
    void browse();
    void updateStatus();

    QLineEdit *m_directory;
    QLabel *m_status;
};

} // namespace mdp::shell
