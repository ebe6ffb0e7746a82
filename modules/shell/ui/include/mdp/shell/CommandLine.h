#pragma once

#include "mdp/shell/Navigation.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace mdp::shell {

// Options of mdp-workstation. --help and --version print and exit, as QCommandLineParser does.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(mdp::shell::CommandLine)
public:
    bool demo = false;
    QString demoRole = QStringLiteral("clinician");
    QString workspace;
    QString language;                     // "zh_CN", "en" or empty (settings, then system)
    QString screenshot;                   // PNG path: grab the first window once laid out, then quit
    std::optional<Navigation::Page> page; // page to open first, when the role may see it

    // The --lang value found by a plain scan, so the translators can be installed before the help
    // text is produced.
    static QString scanLanguage(const QStringList &arguments);

    // Parses the arguments of `app`; on an error prints it and exits with status 1.
    static CommandLine parse(const QCoreApplication &app);
};

} // namespace mdp::shell
