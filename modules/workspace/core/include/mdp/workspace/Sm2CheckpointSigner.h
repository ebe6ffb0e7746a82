#pragma once

#include "mdp/audit/Sm2CheckpointSigner.h"

namespace mdp::workspace {

// The workstation signs its checkpoints with its SM2 key; the classes live with the audit log.
using audit::Sm2CheckpointSigner;
using audit::Sm2CheckpointVerifier;

} // namespace mdp::workspace
