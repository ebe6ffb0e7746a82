#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QString>

namespace mdp::cli {

// Reads a secret from the environment variable if set (null: none is looked at), otherwise asks
// on the terminal without echo. Fails when there is no terminal.
Result<SecureBytes> readSecret(const char *environmentVariable, const QString &prompt, bool confirm = false);

} // namespace mdp::cli
