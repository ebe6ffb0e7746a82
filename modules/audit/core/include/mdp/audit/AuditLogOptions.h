#pragma once

#include "mdp/audit/CheckpointSigner.h"
#include "mdp/crypto/Aead.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/SecureBytes.h"

#include <QString>

#include <functional>
#include <memory>

namespace mdp::audit {

struct AuditLogOptions
{
    QString directory; // created if missing; holds audit.log and audit.head
    SecureBytes key;   // at least 16 bytes (32 recommended); per-log keys are derived
    crypto::AeadCipher cipher = crypto::AeadCipher::Sm4Gcm; // used when the log is created
    std::shared_ptr<CheckpointSigner> signer;               // required
    const Clock *clock = nullptr; // not owned, must outlive the log; null means SystemClock
    // The log must already exist with a signed checkpoint: set when reopening a log whose owner knows
    // it was created (a workspace with a manifest), so a deleted or emptied log is refused instead
    // of silently replaced by a fresh one.
    bool mustExist = false;
    QString nodeId; // required: the `source` of events that have none (audit.read events too)
    // Told how far open() has read when it must scan the log (bytes done, bytes to do): only when the
    // index is missing or behind, e.g. the first open after an upgrade.
    std::function<void(qint64 done, qint64 total)> progress;
    // The log is kept in segment files of about this size (issue 9 part 5): audit.log, then
    // audit.log.<offset> for each later one. Old segments are never written again.
    qint64 segmentBytes = qint64(64) << 20;
    // The format a new log is written in (AuditLogFormat.h); an existing log keeps its own. Only
    // tests that prove version-1 logs are still read set anything but the default.
    int formatVersion = 2;
};

} // namespace mdp::audit
