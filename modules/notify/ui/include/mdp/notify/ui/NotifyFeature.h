#pragma once

namespace mdp::workbench {
class Contributions;
}

namespace mdp::notify::ui {

// The notices' contributions: the bell in the rail with its panel (R-6.2.3b, R-6.2.4e), the
// "Notifications" action (Ctrl+Shift+N) and, for administrators, the mail relay settings.
void contributeNotifications(workbench::Contributions &contributions);

} // namespace mdp::notify::ui
