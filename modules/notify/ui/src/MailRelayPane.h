#pragma once

#include "mdp/workbench/SettingsPane.h"

namespace mdp::workbench {
class SessionContext;
}

namespace mdp::notify::ui {

class NotificationMailDialog;

// The mail relay's settings as a tab of the settings dialog (system administrators): the same
// fields, checks and test message as Tools > Mail relay, saved when the settings dialog's OK is
// pressed.
class MailRelayPane : public workbench::SettingsPane
{
    Q_OBJECT
public:
    explicit MailRelayPane(workbench::SessionContext &context, QWidget *parent = nullptr);
    bool apply() override;
    NotificationMailDialog *form() const { return m_form; }

    bool isChanged() const { return m_changed; }

private:
    NotificationMailDialog *m_form;
    bool m_changed = false; // untouched settings are not saved (an unconfigured relay stays so)
};

} // namespace mdp::notify::ui
