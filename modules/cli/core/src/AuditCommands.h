#pragma once

#include "CommandSyntax.h"
#include "ParsedCommand.h"

#include "mdp/foundation/Result.h"

#include <QTextStream>

#include <functional>
#include <memory>

namespace mdp::workspace {
class Workspace;
}

namespace mdp::cli {

struct AuditCommandArgs : ParsedCommand
{
    std::function<Result<std::unique_ptr<workspace::Workspace>>()> openWorkspace;
};

// What `mdp audit auditor-key|enrol-key|export|open` accepts.
QList<CommandSyntax> auditBundleSyntax();
bool isAuditBundleVerb(const QString &verb);

// The auditor's bundle (issue 13): an auditor makes a key pair (the private half sealed with a
// passphrase, MDP_AUDITOR_PASSPHRASE or a prompt), enrols its public half at the workstation, and
// receives bundles sealed for it; `open` checks one offline and prints what was verified and the
// events, or refuses it with the position of the damage (exit 3).
int runAuditBundleCommand(const AuditCommandArgs &args, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
