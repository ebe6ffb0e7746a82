#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace mdp::shell {

class ShellSettings;

// Interface language (applies at the next start) and the idle time before the workstation locks.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(ShellSettings &settings, QWidget *parent = nullptr);
    void accept() override;

private:
    ShellSettings &m_settings;
    QComboBox *m_language;
    QSpinBox *m_autoLock;
};

} // namespace mdp::shell
