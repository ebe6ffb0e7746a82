#include "CommandSyntax.h"

#include <QCommandLineParser>

namespace mdp::cli {

namespace {

const QString kHelp = QStringLiteral("help");

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

} // namespace

CommandSyntax::Option CommandSyntax::required(const QString &name, const QString &valueName, const char *help)
{
    return Option{name, valueName, help, true};
}

CommandSyntax::Option CommandSyntax::optional(const QString &name, const QString &valueName, const char *help)
{
    return Option{name, valueName, help, false};
}

CommandSyntax::Option CommandSyntax::flag(const QString &name, const char *help)
{
    return Option{name, QString(), help, false};
}

CommandSyntax::Option CommandSyntax::workspace()
{
    return required(QStringLiteral("workspace"), QStringLiteral("DIR"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the workspace folder"));
}

CommandSyntax::CommandSyntax(QString command, QString verb, const char *summary, QList<Option> options,
                             QString positionalName)
    : m_command(std::move(command))
    , m_verb(std::move(verb))
    , m_summary(summary)
    , m_options(std::move(options))
    , m_positionalName(std::move(positionalName))
{
    // Every command that opens a workspace signs in (account key slots): who, and how the password
    // and the code come.
    if (!option(QStringLiteral("workspace")) || m_command == u"init")
        return;
    if (!option(QStringLiteral("as")))
        m_options << optional(QStringLiteral("as"), QStringLiteral("USER"),
                              QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                                "the account that signs in (password: MDP_USER_PASSWORD, "
                                                "--password-fd or a prompt)"));
    if (!option(QStringLiteral("totp")))
        m_options << optional(QStringLiteral("totp"), QStringLiteral("CODE"),
                              QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                                "the account's current verification code (asked for on a "
                                                "terminal when missing)"));
    m_options << optional(
        QStringLiteral("password-fd"), QStringLiteral("N"),
        QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "read the password from this open file descriptor"));
}

const CommandSyntax::Option *CommandSyntax::option(const QString &name) const
{
    for (const Option &o : m_options) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

QString CommandSyntax::usageLine() const
{
    QStringList parts{QStringLiteral("mdp"), m_command};
    if (!m_verb.isEmpty())
        parts << m_verb;
    if (!m_positionalName.isEmpty())
        parts << m_positionalName;
    for (const Option &o : m_options) {
        QString text = QStringLiteral("--") + o.name;
        if (!o.valueName.isEmpty())
            text += QLatin1Char(' ') + o.valueName;
        parts << (o.required ? text : QLatin1Char('[') + text + QLatin1Char(']'));
    }
    return parts.join(QLatin1Char(' '));
}

QString CommandSyntax::helpText() const
{
    QString text = tr("usage: %1").arg(usageLine()) + QLatin1Char('\n');
    if (m_summary)
        text += tr(m_summary) + QLatin1Char('\n');
    QList<QPair<QString, QString>> rows;
    for (const Option &o : m_options) {
        const QString name = QStringLiteral("--") + o.name +
                             (o.valueName.isEmpty() ? QString() : QLatin1Char(' ') + o.valueName);
        rows.append({name, o.help ? tr(o.help) : QString()});
    }
    rows.append({QStringLiteral("--help"), tr("show this help")});
    qsizetype width = 0;
    for (const auto &row : std::as_const(rows))
        width = std::max(width, row.first.size());
    text += tr("options:") + QLatin1Char('\n');
    for (const auto &row : std::as_const(rows))
        text += QStringLiteral("  ") + row.first.leftJustified(width + 2) + row.second + QLatin1Char('\n');
    return text;
}

Result<ParsedCommand> CommandSyntax::parse(const QStringList &arguments) const
{
    // QCommandLineParser takes whatever follows a valued option as its value, so `--name --sex M`
    // would name the patient "--sex": an option of this verb in that place means the value is missing.
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (word == QStringLiteral("--"))
            break;
        if (!word.startsWith(QStringLiteral("--")) || word.contains(QLatin1Char('=')))
            continue;
        const Option *o = option(word.mid(2));
        if (!o || o->valueName.isEmpty())
            continue;
        const QString next = arguments.value(i + 1);
        const bool nextIsOption =
            next.startsWith(QStringLiteral("--")) &&
            (option(next.mid(2).section(QLatin1Char('='), 0, 0)) || next.mid(2).startsWith(kHelp));
        if (i + 1 >= arguments.size() || nextIsOption)
            return invalid(tr("missing value after %1 (%1 %2)").arg(word, o->valueName));
        ++i;
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    for (const Option &o : m_options) {
        QCommandLineOption qtOption(o.name);
        if (!o.valueName.isEmpty())
            qtOption.setValueName(o.valueName);
        parser.addOption(qtOption);
    }
    parser.addOption(QCommandLineOption(QStringList{QStringLiteral("h"), kHelp}));
    // The first word is the program's name for QCommandLineParser.
    if (!parser.parse(QStringList{QStringLiteral("mdp")} + arguments))
        return invalid(parser.errorText());

    ParsedCommand parsed;
    parsed.usage = usageLine();
    if (parser.isSet(kHelp))
        parsed.flags << kHelp;
    for (const Option &o : m_options) {
        if (!parser.isSet(o.name))
            continue;
        if (o.valueName.isEmpty()) {
            parsed.flags << o.name;
            continue;
        }
        const QStringList values = parser.values(o.name);
        // Which value would count is a guess; for --as it would decide who acts.
        if (values.size() > 1)
            return invalid(tr("--%1 is given more than once").arg(o.name));
        parsed.options.insert(o.name, values.constFirst());
    }
    const QStringList positional = parser.positionalArguments();
    // One positional word per name: "FILE.json" takes one, "IN OUT" two.
    const qsizetype allowed = m_positionalName.split(QLatin1Char(' '), Qt::SkipEmptyParts).size();
    if (positional.size() > allowed)
        return invalid(tr("unexpected argument '%1'").arg(positional.at(allowed)));
    parsed.words = positional;
    return parsed;
}

} // namespace mdp::cli
