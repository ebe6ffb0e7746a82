#pragma once

#include "CommandSyntax.h"
#include "ParsedCommand.h"

#include "mdp/foundation/Clock.h"

#include <QList>
#include <QTextStream>

namespace mdp::cli {

// What `mdp pki init-ca|import-ca|issue|renew|revoke|crl|list` accepts.
QList<CommandSyntax> pkiSyntax();

// `mdp pki ...` runs the site CA of mdp-grantd's mutual TLS (issue 11) over a CA folder (--dir), no
// workspace. The CA passphrase comes from --passphrase-file, MDP_PKI_PASSPHRASE or a no-echo prompt;
// `list` needs none. Exit codes as runCli: 0 done, 1 refused (wrong passphrase, verify-only CA,
// unknown serial...), 2 usage.
int runPkiCommand(const ParsedCommand &args, const Clock &clock, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
