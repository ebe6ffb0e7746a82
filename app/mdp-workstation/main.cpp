#include "mdp/disease/DiseasePackLoader.h"
#include "mdp/shell/CommandLine.h"
#include "mdp/shell/Language.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/shell/WorkstationShell.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workstation/Features.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QTemporaryDir>

#include <cstdio>

using namespace mdp;

namespace {
Q_LOGGING_CATEGORY(lcApp, "mdp.app")
}

namespace {

// The pages --page may name: the host's overview and every page a feature contributes.
QStringList pageIds()
{
    QStringList ids{QStringLiteral("overview")};
    for (const workbench::PageContribution &page : workstation::features().pages())
        ids << page.id;
    return ids;
}

void describe(QCoreApplication &app)
{
    QCoreApplication::setOrganizationName(QStringLiteral("MDP"));
    QCoreApplication::setApplicationName(QStringLiteral("mdp-workstation"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MDP_VERSION));
    shell::ShellSettings settings;
    const QString language =
        shell::Language::resolve(shell::CommandLine::scanLanguage(QCoreApplication::arguments()),
                                 settings.language(), QLocale::system());
    shell::Language::install(app, language);
}

} // namespace

int main(int argc, char *argv[])
{
    // Help and version need no display: answered before any window system is touched (a server or
    // an SSH session has none, and QApplication would abort there).
    if (shell::CommandLine::wantsHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        describe(core);
        shell::CommandLine::parse(core, pageIds()); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    // Per-operation chatter (each blob stored, each query) is for debugging; MDP_VERBOSE=1 shows it.
    if (qEnvironmentVariableIsEmpty("MDP_VERBOSE"))
        QLoggingCategory::setFilterRules(QStringLiteral("mdp.*.debug=false"));
    QApplication::setOrganizationName(QStringLiteral("MDP"));
    QApplication::setApplicationName(QStringLiteral("mdp-workstation"));
    QApplication::setApplicationVersion(QStringLiteral(MDP_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("mdp-workstation"));

    shell::ShellSettings settings;
    // The language is needed before the command line is parsed, so that --help is translated.
    const QString language = shell::Language::resolve(
        shell::CommandLine::scanLanguage(QApplication::arguments()), settings.language(), QLocale::system());
    shell::Language::install(app, language);
    const shell::CommandLine options = shell::CommandLine::parse(app, pageIds());
    QApplication::setApplicationDisplayName(QApplication::translate("main", "MDP"));
    workbench::Theme::apply(app);
    // Disease packs are loaded here, on the main thread, so a refused one is logged at start; the
    // workstation runs as the generic platform without any.
    (void)disease::installedDiseasePacks();

    // The demo workspace lives in a temporary folder removed at exit (after the shell has closed the
    // workspace): it is throw-away by design.
    QTemporaryDir demoDirectory;
    shell::WorkstationShell workstation(settings, mdp::workstation::features());
    QObject::connect(&workstation, &shell::WorkstationShell::finished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    workstation.setScreenshotPath(options.screenshot);
    workstation.setInitialPage(options.page);

    if (options.demo) {
        // The demo is filled with the installed disease pack's synthetic cohort (the breast-cancer
        // pack's is that of Appendix A) before the window shows: 200
        // patients (seed 2026; MDP_DEMO_PATIENTS overrides, 0 for none), documents for every tenth,
        // which keeps the whole start near 15 s here. (300 took about 24 s: every registry write is a
        // savepoint inside the import's transaction, and SQLCipher 3.4.1 encrypts each savepoint's
        // sub-journal pages, which SM4-CBC makes the largest cost.)
        // A progress dialog appears when this takes longer than a second; "Skip" keeps the patients
        // imported so far.
        QElapsedTimer started;
        started.start();
        QProgressDialog progress(QApplication::translate("main", "Preparing the synthetic demo patients..."),
                                 QApplication::translate("main", "Skip"), 0, 1);
        auto *bar = new QProgressBar(&progress);
        bar->setTextVisible(false); // the theme's bar is thin; the label says what happens
        progress.setBar(bar);
        progress.setMinimumWidth(420);
        progress.setWindowTitle(QApplication::translate("main", "MDP demo"));
        progress.setWindowModality(Qt::ApplicationModal);
        progress.setMinimumDuration(1000);
        progress.setAutoClose(false);
        progress.setAutoReset(false);
        workspace::DemoCohortOptions cohort;
        bool sized = false;
        const int patients = qEnvironmentVariableIntValue("MDP_DEMO_PATIENTS", &sized); // 0: accounts only
        cohort.patients = sized && patients >= 0 ? patients : 200;
        cohort.seed = 2026;
        cohort.documentEvery = 10;
        cohort.progress = [&progress](int done, int total) {
            progress.setMaximum(total);
            progress.setValue(done); // processes events: the dialog paints and "Skip" is heard
            return !progress.wasCanceled();
        };
        auto demo = demoDirectory.isValid()
                        ? workspace::createDemoWorkspace(
                              QDir(demoDirectory.path()).filePath(QStringLiteral("workspace")),
                              SystemClock::instance(), cohort)
                        : Result<workspace::DemoWorkspace>(
                              makeError(Error::Code::Io, QStringLiteral("no temporary folder available")));
        progress.close();
        qCInfo(lcApp) << "demo workspace ready in" << started.elapsed() << "ms";
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
