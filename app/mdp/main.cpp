// mdp: the headless command line. Composition root only: every command lives in modules/cli.
#include "mdp/cli/Cli.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mdp"));
    QCoreApplication::setOrganizationName(QStringLiteral("MDP"));
    // Progress chatter of the modules is for the workstation's log, not for scripts; MDP_VERBOSE=1 shows it.
    if (qEnvironmentVariableIsEmpty("MDP_VERBOSE"))
        QLoggingCategory::setFilterRules(QStringLiteral("mdp.*.info=false\nmdp.*.debug=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return mdp::cli::runCli(QCoreApplication::arguments().mid(1), out, err);
}
