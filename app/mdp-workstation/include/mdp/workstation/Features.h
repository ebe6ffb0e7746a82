#pragma once

namespace mdp::workbench {
class Contributions;
}

namespace mdp::workstation {

// Every feature the workstation hosts, in one place: the composition root's list. The GUI suites
// use the same list, so they test the window a user gets.
const workbench::Contributions &features();

} // namespace mdp::workstation
