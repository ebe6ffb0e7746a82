#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace mdp::cli {

// One `mdp` call after its CommandSyntax accepted it: only options that syntax declares are here.
struct ParsedCommand
{
    QStringList words;               // command, verb (if the command has verbs), positional words
    QHash<QString, QString> options; // options given with a value, by name without dashes
    QStringList flags;               // options given without a value
    QString usage;                   // the verb's usage line, for the commands' own usage errors

    QString value(const QString &key) const { return options.value(key); }
    bool has(const QString &key) const { return options.contains(key) || flags.contains(key); }
};

} // namespace mdp::cli
