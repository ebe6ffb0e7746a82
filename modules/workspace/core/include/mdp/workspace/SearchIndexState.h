#pragma once

#include <QString>

namespace mdp::workspace {

// How far the patient search index is after unlock (it is built in the background). Until `ready`,
// searches wait for it (Workspace::patientSearch()) and screens show the progress instead.
struct SearchIndexState
{
    bool ready = false;
    qint64 indexed = 0; // patients read so far
    qint64 total = 0;   // patients to read (counted at unlock)
    QString failure;    // set when the build failed; searches then report it
};

} // namespace mdp::workspace
