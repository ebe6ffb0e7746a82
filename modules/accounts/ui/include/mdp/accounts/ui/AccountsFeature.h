#pragma once

namespace mdp::workbench {
class Contributions;
}

namespace mdp::accounts::ui {

// The accounts pages: administration of accounts (system administrators) and "My account" (everyone).
void contributeAccounts(workbench::Contributions &contributions);

} // namespace mdp::accounts::ui
