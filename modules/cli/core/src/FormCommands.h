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

// The parsed command line of one `mdp form|record|reviewer ...` call and how to open its workspace.
struct FormCommandArgs
{
    QStringList words; // "form"/"record"/"reviewer", verb, positional arguments
    QHash<QString, QString> options;
    QStringList flags;
    std::function<Result<std::unique_ptr<workspace::Workspace>>()> openWorkspace;

    QString value(const QString &key) const { return options.value(key); }
    bool has(const QString &key) const { return options.contains(key) || flags.contains(key); }
};

// `mdp form import|list`, `mdp record create|save|submit|approve|reject|amend|withdraw|show|list|inbox`,
// `mdp reviewer set|list`. Record commands act as the account named by --as, so the store applies
// that account's roles and relationship to the record exactly as for a signed-in user. Exit codes as
// runCli: 0 done, 1 refused or failed (message on err), 2 usage.
int runFormCommand(const FormCommandArgs &args, QTextStream &out, QTextStream &err);

} // namespace mdp::cli
