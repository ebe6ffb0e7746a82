#pragma once

namespace mdp::workbench {
class Contributions;
}

namespace mdp::audit::ui {

// The audit log browser (R-7.4.1: readable only by auditors and authorised administrators).
void contributeAuditLog(workbench::Contributions &contributions);

} // namespace mdp::audit::ui
