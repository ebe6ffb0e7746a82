#pragma once

namespace mdp::workbench {
class Contributions;
}

namespace mdp::access::ui {

// The "My access" page (issue 12; R-6.3.1a, R-6.3.4): the grants the site issued to the signed-in
// account, as this workstation verified them, with their scope, approvers and remaining time.
void contributeAccess(workbench::Contributions &contributions);

} // namespace mdp::access::ui
