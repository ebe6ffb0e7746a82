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

// The parsed command line of one `mdp demo-data ...` call and how to open its workspace.
struct CohortCommandArgs : ParsedCommand
{
    std::function<Result<std::unique_ptr<workspace::Workspace>>()> openWorkspace;
};

// What `mdp demo-data` accepts.
QList<CommandSyntax> cohortSyntax();

// `mdp demo-data --workspace DIR --patients N --seed S [--no-documents] [--documents-every K]
// [--as-of YYYY-MM-DD]`: the demo cohort of the installed disease pack (the breast-cancer pack's is
// JH/CAA 008-2025 Appendix A) imported through the registry. Exit codes as runCli: 0 done, 1 failed
// (message on err; also when no installed pack has a demo cohort), 2 usage.
int runCohortCommand(const CohortCommandArgs &args, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
