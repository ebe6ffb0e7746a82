#pragma once

#include "ParsedCommand.h"

#include "mdp/foundation/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mdp::cli {

// What one `mdp <command> [<verb>]` accepts and the help shown for it. Parsing is strict, since a
// mistyped flag that is silently ignored changes what the command does: an unknown option, an option
// without its value, an option given twice or a word the command does not take is refused, naming it.
class CommandSyntax
{
    Q_DECLARE_TR_FUNCTIONS(mdp::cli::CommandSyntax)

public:
    struct Option
    {
        QString name;      // without the leading dashes
        QString valueName; // "DIR", "TEXT"; empty for a flag
        const char *help;  // QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", ...), translated when shown
        bool required;     // shown without brackets in the usage line; the command checks it
    };
    static Option required(const QString &name, const QString &valueName, const char *help);
    static Option optional(const QString &name, const QString &valueName, const char *help);
    static Option flag(const QString &name, const char *help);
    // --workspace DIR, which most commands take.
    static Option workspace();

    // `summary` is marked like Option::help; `positionalName` names the positional words the verb
    // takes, separated by spaces ("FILE.json", "IN OUT"), empty when it takes none. Fewer words than
    // names parse (the command says what is missing); more are refused.
    CommandSyntax(QString command, QString verb, const char *summary, QList<Option> options,
                  QString positionalName = {});

    const QString &command() const { return m_command; }
    const QString &verb() const { return m_verb; }
    // "mdp patient add --workspace DIR --national-id ID ... [--unverified]"
    QString usageLine() const;
    // Usage line, summary and one line per option.
    QString helpText() const;

    // `arguments` are the words after the command and verb. `--help` comes back as the flag "help".
    // Error::Code::InvalidArgument with a message naming the culprit.
    Result<ParsedCommand> parse(const QStringList &arguments) const;

private:
    const Option *option(const QString &name) const;

    QString m_command;
    QString m_verb;
    const char *m_summary;
    QList<Option> m_options;
    QString m_positionalName;
};

} // namespace mdp::cli
