#pragma once

namespace mdp::workbench {
class Contributions;
}

namespace mdp::crypto::ui {

// The key hierarchy's page (system administrators): keys, their state, rotation.
void contributeKeys(workbench::Contributions &contributions);

} // namespace mdp::crypto::ui
