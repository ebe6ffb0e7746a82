#pragma once

namespace mdp::workbench {
class Contributions;
}

namespace mdp::net::ui {

// The link to the site's central server (issue 11): the "Server" page for administrators (address,
// the site CA, the workstation's certificate and key, status, audit shipping) and the sync indicator
// in every user's status bar.
void contributeServerLink(workbench::Contributions &contributions);

} // namespace mdp::net::ui
