#pragma once

namespace mdp::workbench {
class Contributions;
}

namespace mdp::registry::ui {

// The patient pages' contributions to the workstation: the "patients" page (search, registration,
// the patient page with its timeline and documents), the "patient" link and the patient search
// provider of the "Go to" box.
void contributePatients(workbench::Contributions &contributions);

} // namespace mdp::registry::ui
