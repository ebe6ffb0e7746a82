#pragma once

#include <QStringList>
#include <QTextStream>

namespace mdp::cli {

// Runs one `mdp` command line (arguments without the program name) and returns the exit code:
// 0 success, 1 the operation failed (message on err), 2 usage error, 3 integrity failure.
// Secrets come from the environment (MDP_PASSPHRASE, MDP_USER_PASSWORD) or a no-echo prompt.
int runCli(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
