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

// The parsed command line of one `mdp patient ...` call and how to open its workspace.
struct PatientCommandArgs : ParsedCommand
{
    std::function<Result<std::unique_ptr<workspace::Workspace>>()> openWorkspace;
};

// What `mdp patient add|find|show|merge|unmerge|duplicates` accept.
QList<CommandSyntax> patientSyntax();

// Runs one of them. Exit codes as runCli: 0 done, 1 refused or failed (message on err), 2 usage.
int runPatientCommand(const PatientCommandArgs &args, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
