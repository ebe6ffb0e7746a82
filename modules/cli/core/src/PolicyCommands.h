#pragma once

#include "CommandSyntax.h"
#include "ParsedCommand.h"

#include "mdp/foundation/Result.h"

#include <QList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace mdp::workspace {
class Workspace;
}

namespace mdp::cli {

struct PolicyCommandArgs : ParsedCommand
{
    std::function<Result<std::unique_ptr<workspace::Workspace>>()> openWorkspace;
};

// What `mdp policy show|history|install` accepts.
QList<CommandSyntax> policySyntax();

// `mdp policy show` prints the policy in force (version, issuer, signing key; --document the JSON),
// `mdp policy history` every stored version, `mdp policy install FILE` puts a new version in force
// as the custodian or the --as account (data manager or system administrator): a bare document is
// checked and signed with the workspace's key, a signed envelope must verify with it. A file that
// does not parse, verify or is not newer is refused (exit 1) and the policy in force stays.
int runPolicyCommand(const PolicyCommandArgs &args, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
