#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;
class QTabWidget;

namespace mdp::workbench {
class Host;
class SettingsPane;
} // namespace mdp::workbench

namespace mdp::shell {

class ShellSettings;

// Interface language (applies at the next start) and the idle time before the workstation locks;
// with a host, the features' settings panes the account may use follow as further tabs.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(ShellSettings &settings, QWidget *parent = nullptr,
                            workbench::Host *host = nullptr);
    void accept() override;
    QList<workbench::SettingsPane *> panes() const { return m_panes; }

private:
    ShellSettings &m_settings;
    QComboBox *m_language;
    QSpinBox *m_autoLock;
    QTabWidget *m_tabs = nullptr;
    QList<workbench::SettingsPane *> m_panes;
};

} // namespace mdp::shell
