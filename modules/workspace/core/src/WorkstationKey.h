#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QString>

namespace mdp::workspace {

// The workstation's own key (issue 9 part 2): 32 random bytes in a file outside every workspace
// folder, readable by the operating-system account that runs MDP only. The workspace's checkpoint
// signing key is sealed under it, so no account password reaches the signing key and a copy of the
// folder alone cannot re-sign a rewritten audit log. Where: $MDP_WORKSTATION_KEY if set (a
// deployment's choice, a token-backed file system, tests), else ~/.local/share/mdp/workstation.key
// (from $HOME, not XDG_DATA_HOME, so programs started with private data folders share it).
QString workstationKeyPath();
// Reads the key, creating it (O_EXCL|O_NOFOLLOW, mode 0600, folder 0700) when there is none yet;
// two processes creating it at once agree on the first one written.
Result<SecureBytes> loadOrCreateWorkstationKey();
// Reads the key only; NotFound when this workstation has none.
Result<SecureBytes> loadWorkstationKey();
// The key of a workspace's security-tables MAC (accounts and roles; AuditOutbox::securityDigest),
// derived from the workstation key and the workspace's node id: whoever holds only a copy of the
// folder and some account's keys cannot recompute it after changing a role.
SecureBytes securityTablesKey(const SecureBytes &workstationKey, const QString &nodeId);

} // namespace mdp::workspace
