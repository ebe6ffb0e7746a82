#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/workspace/ServerLink.h"

#include <QString>

#include <optional>

namespace mdp::workspace {

// The workstation's link to its site server as sign-in needs it before the workspace is unlocked
// (R-9.3 single sign-on): `server-link.json` beside the workspace (host, port, server name, the site
// CA and this workstation's certificate: nothing secret) and `server-link.key`, the TLS private key
// sealed (SM4-GCM) under a key derived from the workstation key, so a copy of the folder alone does
// not carry the workstation's identity. Written when an administrator links the workstation (and at
// each open of a linked workspace that lacks it), removed when the link is removed.
Result<void> writeSiteLinkFile(const QString &directory, const ServerSettings &settings);
void removeSiteLinkFile(const QString &directory);
bool hasSiteLinkFile(const QString &directory);
// std::nullopt when the workstation is not linked; an error when the files are there but damaged
// or sealed under another workstation's key.
Result<std::optional<ServerSettings>> readSiteLinkFile(const QString &directory);

} // namespace mdp::workspace
