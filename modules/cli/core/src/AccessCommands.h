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

struct AccessCommandArgs : ParsedCommand
{
    std::function<Result<std::unique_ptr<workspace::Workspace>>()> openWorkspace;
};

// What `mdp access request|list|review|approve|reject|revoke|grants` accepts.
QList<CommandSyntax> accessSyntax();

// The access-request workflow for scripts (issue 12): each verb acts at the site server in the name of
// the account the workspace was opened for (--as USER, signed in through the server), exactly as the
// workstation's screens do; the server decides who may do what. A refusal is exit 1 with the server's
// reason; nothing changes.
int runAccessCommand(const AccessCommandArgs &args, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
