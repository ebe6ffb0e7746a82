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

// The parsed command line of one `mdp form|record|reviewer ...` call and how to open its workspace.
struct FormCommandArgs : ParsedCommand
{
    std::function<Result<std::unique_ptr<workspace::Workspace>>()> openWorkspace;
};

// What `mdp form import|list`, `mdp record create|save|submit|approve|reject|amend|withdraw|show|list|
// inbox` and `mdp reviewer set|list` accept.
QList<CommandSyntax> formSyntax();

// Runs one of them. Record commands (and `form import --as`) act as the account named by --as once
// it has signed in (password, TOTP where its role needs one), so the store applies that account's
// roles and relationship to the record exactly as for a user at the workstation. Exit codes as
// runCli: 0 done, 1 refused or failed (message on err), 2 usage.
int runFormCommand(const FormCommandArgs &args, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
