#include "mdp/shell/CommandLine.h"
#include "mdp/shell/Language.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/shell/Theme.h"
#include "mdp/shell/WorkstationShell.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QTemporaryDir>

#include <cstdio>

using namespace mdp;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MDP"));
    QApplication::setApplicationName(QStringLiteral("mdp-workstation"));
    QApplication::setApplicationVersion(QStringLiteral(MDP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("mdp-workstation"));

    shell::ShellSettings settings;
    // The language is needed before the command line is parsed, so that --help is translated.
    const QString language = shell::Language::resolve(
        shell::CommandLine::scanLanguage(QApplication::arguments()), settings.language(), QLocale::system());
    shell::Language::install(app, language);
    const shell::CommandLine options = shell::CommandLine::parse(app);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "MDP"));
    shell::Theme::apply(app);

    // The demo workspace lives in a temporary folder removed at exit (after the shell has closed the
    // workspace): it is throw-away by design.
    QTemporaryDir demoDirectory;
    shell::WorkstationShell workstation(settings);
    QObject::connect(&workstation, &shell::WorkstationShell::finished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    workstation.setScreenshotPath(options.screenshot);
    workstation.setInitialPage(options.page);

    if (options.demo) {
        auto demo = demoDirectory.isValid()
                        ? workspace::createDemoWorkspace(
                              QDir(demoDirectory.path()).filePath(QStringLiteral("workspace")))
                        : Result<workspace::DemoWorkspace>(
                              makeError(Error::Code::Io, QStringLiteral("no temporary folder available")));
        if (!demo.ok()) {
            QMessageBox::critical(
                nullptr, QApplication::translate("main", "MDP demo"),
                QApplication::translate("main", "The demo workspace could not be created: %1")
                    .arg(demo.error().message));
            return 1;
        }
        workstation.startDemo(std::move(demo.value()), options.demoRole);
    } else {
        workstation.start(options.workspace);
    }
    return app.exec();
}
