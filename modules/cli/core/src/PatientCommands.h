#pragma once

#include "mdp/foundation/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace mdp::workspace {
class Workspace;
}

namespace mdp::cli {

// The parsed command line of one `mdp patient ...` call and how to open its workspace.
struct PatientCommandArgs
{
    QStringList words; // "patient", verb
    QHash<QString, QString> options;
    QStringList flags;
    std::function<Result<std::unique_ptr<workspace::Workspace>>()> openWorkspace;

    QString value(const QString &key) const { return options.value(key); }
    bool has(const QString &key) const { return options.contains(key) || flags.contains(key); }
};

// `mdp patient add|find|show|merge|unmerge|duplicates`. Exit codes as runCli: 0 done, 1 refused or
// failed (message on err), 2 usage.
int runPatientCommand(const PatientCommandArgs &args, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
