#pragma once

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
    QString language;    // "zh_CN", "en" or empty (settings, then system)
    QString screenshot;  // PNG path: grab the first window once laid out, then quit
    QString page;        // page id to open first, when the role may see it
    QString auditBundle; // --audit: the offline auditor mode on this bundle
    QString auditKey;    // --audit-key
    QString siteKey;     // --site-key

    // The --lang value found by a plain scan, so the translators can be installed before the help
    // text is produced.
    static QString scanLanguage(const QStringList &arguments);

    // Parses the arguments of `app`; on an error prints it and exits with status 1. `pageIds` are
    // the pages --page may name (the host's and the features').
    static CommandLine parse(const QCoreApplication &app, const QStringList &pageIds);
    // Whether the arguments only ask for help or the version: those need no display.
    static bool wantsHelpOrVersion(int argc, char **argv);
};

} // namespace mdp::shell
