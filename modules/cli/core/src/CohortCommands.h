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
namespace mdp::cohort {
class DocumentRenderer;
}

namespace mdp::cli {

// The parsed command line of one `mdp demo-data ...` call, how to open its workspace and the
// document renderer the program injected (null: documents are skipped).
struct CohortCommandArgs : ParsedCommand
{
    std::function<Result<std::unique_ptr<workspace::Workspace>>()> openWorkspace;
    cohort::DocumentRenderer *renderer = nullptr;
};

// What `mdp demo-data` accepts.
QList<CommandSyntax> cohortSyntax();

// `mdp demo-data --workspace DIR --patients N --seed S [--no-documents] [--documents-every K]
// [--as-of YYYY-MM-DD]`: the synthetic Appendix A cohort imported through the registry. Exit codes
// as runCli: 0 done, 1 failed (message on err), 2 usage.
int runCohortCommand(const CohortCommandArgs &args, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
