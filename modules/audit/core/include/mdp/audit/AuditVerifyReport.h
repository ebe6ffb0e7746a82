#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

namespace mdp::audit {

enum class AuditIssue
{
    None,
    AuthenticationFailure,      // a record does not decrypt: bytes changed, or a foreign record
    SequenceGap,                // events missing: a record was cut out
    SequenceRepeat,             // an earlier event again: a record was inserted or duplicated
    ChainBreak,                 // records out of order (swapped) or not chained to their predecessor
    TruncatedTail,              // fewer events than the signed checkpoint says
    CheckpointSignatureInvalid, // head file altered, or signed by another key
    MerkleRootMismatch,         // the events do not produce the signed root
    Malformed,                  // unreadable header, head file or record framing
    WrongKey,                   // the key given does not belong to this log
    MissingFile,                // log or head file missing
    Cancelled,                  // the check was stopped before the end (nothing found so far)
};

// Result of checking a log end to end. On failure, `sequence` is the event position where the
// first problem was found (the event expected there) and `byteOffset` the frame's offset in the
// log file; -1 when the problem has no position (a bad signature, a wrong key).
struct AuditVerifyReport
{
    bool ok = false;
    qint64 eventCount = 0;     // events read and verified in order (all of them when ok)
    qint64 checkpointSize = 0; // events the signed checkpoint covers
    AuditIssue issue = AuditIssue::None;
    qint64 sequence = -1;
    qint64 byteOffset = -1;
    QString message;
    qint64 tornTailBytes = 0; // an unfinished record after the last complete one (not an error)
    QByteArray merkleRoot;    // root over all verified events
    QMap<QString, qint64> checkpointAnchors; // the signed checkpoint's anchors (when its signature held)
    QByteArray prefixRoot; // root over the first `prefixSize` events, when asked for and reached

    static QString issueName(AuditIssue issue); // "authentication-failure", "sequence-gap", ...
    QString toString() const;
};

} // namespace mdp::audit
