#pragma once

#include <QString>

class QApplication;

namespace mdp::audit::ui {

struct AuditorModeOptions
{
    QString bundle;      // the bundle to open
    QString keyFile;     // the auditor's key file; asked for when empty
    QString siteKeyFile; // the site server's witness key (PEM) to hold the witness to; optional
    QString screenshot;  // PNG path: save the window once shown, then quit
};

// `mdp-workstation --audit BUNDLE`: the offline, read-only auditor mode (issue 13). No workspace is
// opened or needed. The auditor's key file and passphrase (MDP_AUDITOR_PASSPHRASE, else asked) open
// the bundle; every check runs first, with progress and cancel, and the window says what was verified
// (or why the bundle is refused, with the position). Each question asked is appended to the
// auditor's read log (audit::AuditReadLog), which the next export takes back. Returns the exit code.
int runAuditorMode(QApplication &app, const AuditorModeOptions &options);

} // namespace mdp::audit::ui
