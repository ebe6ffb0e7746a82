#pragma once

#include <QDateTime>
#include <QString>

namespace mdp::workspace {

// The full check of the audit history that runs in the background after unlock (opening the log only
// checks what is new since its index). Screens show its progress and, above all, a failure.
struct AuditHistoryState
{
    bool started = false;
    bool finished = false;
    bool ok = false;       // finished and every event checked out
    qint64 bytesDone = 0;  // of the log read so far
    qint64 bytesTotal = 0; // to read (the log as far as the checkpoint at the start)
    qint64 events = 0;     // checked, when finished
    QString problem;       // what was found (issue, event, byte), when !ok
    QDateTime finishedAt;
};

} // namespace mdp::workspace
