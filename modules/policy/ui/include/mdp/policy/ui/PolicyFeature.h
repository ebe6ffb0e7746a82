#pragma once

namespace mdp::workbench {
class Contributions;
}

namespace mdp::policy::ui {

// The "Classification" page: clinicians request a classification, data managers and administrators
// review, put the reviewed requests in force as the next signed policy version, and install a policy
// file (R-7.1.1, R-7.1.2, R-6.6.4c).
void contributePolicy(workbench::Contributions &contributions);

} // namespace mdp::policy::ui
