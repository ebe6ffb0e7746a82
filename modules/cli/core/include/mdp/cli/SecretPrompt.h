#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QString>

namespace mdp::cli {

// Reads a secret from the environment variable if set (null: none is looked at), otherwise asks
// on the terminal without echo. Fails when there is no terminal. The variable's value is wiped and
// the variable removed once read; the secret is kept (in wiped memory) for the rest of the command,
// until forgetSecrets().
Result<SecureBytes> readSecret(const char *environmentVariable, const QString &prompt, bool confirm = false);

// Reads a secret from an open file descriptor (`--password-fd N`): up to the first newline or the
// end, at most 1 KiB; kept like readSecret's for the rest of the command.
Result<SecureBytes> readSecretFromFd(int fd);

// Keeps `secret` as if it had been read from `name` (a descriptor's password for MDP_USER_PASSWORD).
void keepSecret(const char *name, const SecureBytes &secret);

// Wipes what readSecret() and readSecretFromFd() kept, and every MDP_* secret variable still in the
// environment: the end of each command.
void forgetSecrets();

} // namespace mdp::cli
