#include "mdp/audit/ui/AuditorMode.h"
#include "mdp/disease/DiseasePack.h"
#include "mdp/disease/DiseasePackLoader.h"
#include "mdp/foundation/ProcessHardening.h"
#include "mdp/shell/CommandLine.h"
#include "mdp/shell/Language.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/shell/WorkstationShell.h"
#include "mdp/startup/DemoSecondWorkstation.h"
#include "mdp/startup/DemoServer.h"
#include "mdp/startup/DemoWorkspaceTemplate.h"
#include "mdp/startup/StartupProbe.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workstation/Features.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QProgressBar>
#include <QProgressDialog>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

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
    mdp::disableCoreDumps(); // before anything holds a key or a record
    // Help and version need no display: answered before any window system is touched (a server or
    // an SSH session has none, and QApplication would abort there).
    if (shell::CommandLine::wantsHelpOrVersion(argc, argv)) {
        QCoreApplication core(argc, argv);
        describe(core);
        shell::CommandLine::parse(core, pageIds()); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    // MDP_STARTUP_REPORT=shown|usable: `mdp bench start` times the first window and the usable
    // main window, then the program quits.
    std::unique_ptr<startup::StartupProbe> probe;
    if (const auto milestone = startup::StartupProbe::requested())
        probe = std::make_unique<startup::StartupProbe>(
            *milestone, [](QWidget *window) { return qobject_cast<shell::MainWindow *>(window) != nullptr; });
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
    // The auditor's machine: a bundle, offline and read-only; no workspace, no server, no packs.
    if (!options.auditBundle.isEmpty())
        return audit::ui::runAuditorMode(
            app, {options.auditBundle, options.auditKey, options.siteKey, options.screenshot});
    // Disease packs are loaded here, on the main thread, so a refused one is logged at start; the
    // workstation runs as the generic platform without any.
    (void)disease::installedDiseasePacks();

    // The demo workspace lives in a temporary folder removed at exit (after the shell has closed the
    // workspace): it is throw-away by design.
    QTemporaryDir demoDirectory;
    // The demo's central server (mdp-grantd on loopback with a throw-away CA), stopped after the
    // shell has closed the workspace.
    std::unique_ptr<startup::DemoServer> demoServer;
    // After the server: it goes first, while the server still answers.
    std::unique_ptr<startup::DemoSecondWorkstation> secondWorkstation;
    shell::WorkstationShell workstation(settings, mdp::workstation::features());
    QObject::connect(&workstation, &shell::WorkstationShell::finished, &app, &QCoreApplication::exit,
                     Qt::QueuedConnection);
    workstation.setScreenshotPath(options.screenshot);
    workstation.setInitialPage(options.page);

    if (options.demo) {
        // The demo is the installed disease pack's synthetic cohort (the breast-cancer
        // pack's is that of Appendix A): 200 patients (seed 2026; MDP_DEMO_PATIENTS
        // overrides, 0 for none), documents for every tenth. Importing it takes about 8 s, so it is
        // built once into an encrypted template in the user's cache and each start opens a fresh
        // copy (DemoWorkspaceTemplate). Only the first start, or one after the cohort changed or
        // aged a week, shows the progress dialog; "Skip" keeps the patients imported so far for
        // this run and the template is discarded, so the next start builds it whole.
        QElapsedTimer started;
        started.start();
        QProgressDialog progress(QApplication::translate("main", "Preparing the synthetic demo patients "
                                                                 "(first start only)..."),
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
        startup::DemoTemplateOptions templateOptions;
        templateOptions.cacheDirectory = startup::DemoWorkspaceTemplate::defaultCacheDirectory();
        // The template is that of one pack build: a rebuilt or upgraded plug-in (another file time or
        // size) or another pack builds a new one.
        QJsonObject packIdentity;
        const disease::DiseasePackLoader &packs = disease::installedDiseasePacks();
        for (const disease::LoadedPack &loaded : packs.packs()) {
            if (loaded.pack != packs.demoPack())
                continue;
            const QFileInfo file(loaded.file);
            packIdentity =
                QJsonObject{{QStringLiteral("id"), loaded.pack->packId()},
                            {QStringLiteral("size"), QString::number(file.size())},
                            {QStringLiteral("modified"), file.lastModified().toString(Qt::ISODateWithMs)}};
        }
        templateOptions.identity = QJsonObject{
            {QStringLiteral("pack"), packIdentity},
            {QStringLiteral("version"), QStringLiteral(MDP_VERSION)},
            {QStringLiteral("seed"), QString::number(cohort.seed)},
            {QStringLiteral("patients"), cohort.patients},
            {QStringLiteral("document_every"), cohort.documentEvery},
        };
        startup::DemoWorkspaceTemplate demoTemplate(templateOptions);
        auto demo =
            demoDirectory.isValid()
                ? demoTemplate.checkout(QDir(demoDirectory.path()).filePath(QStringLiteral("workspace")),
                                        [&cohort](const QString &directory, const SecureBytes &passphrase) {
                                            return workspace::createDemoWorkspace(
                                                directory, SystemClock::instance(), cohort, passphrase);
                                        })
                : Result<workspace::DemoWorkspace>(
                      makeError(Error::Code::Io, QStringLiteral("no temporary folder available")));
        if (progress.wasCanceled())
            demoTemplate.discard();
        progress.close();
        qCInfo(lcApp) << "demo workspace ready in" << started.elapsed() << "ms";
        if (!demo.ok()) {
            QMessageBox::critical(
                nullptr, QApplication::translate("main", "MDP demo"),
                QApplication::translate("main", "The demo workspace could not be created: %1")
                    .arg(demo.error().message));
            return 1;
        }
        // The central server on loopback: audit shipping and the server page work as at a site. The
        // demo goes on alone when the server program is missing or does not start.
        auto server =
            startup::DemoServer::start(QDir(demoDirectory.path()).filePath(QStringLiteral("grantd")));
        if (server) {
            demoServer = std::move(*server);
            // Each demo account signs in at the server too (its own authenticator there).
            const QHash<QString, QString> secrets = demoServer->totpSecrets();
            for (workspace::DemoAccount &account : demo->accounts)
                account.serverTotpSecretBase32 = secrets.value(account.userName);
            if (auto linked = startup::connectDemoWorkspace(*demo->workspace, *demoServer); !linked)
                qCWarning(lcApp) << "the demo workspace could not be linked to its server:"
                                 << linked.error().message;
            else if (qEnvironmentVariable("MDP_DEMO_SECOND_WORKSTATION") != QLatin1String("0"))
                // Two workstations' worth of activity: the reviewer approves on workstation-2 what
                // this one submitted, through the site sync.
                secondWorkstation = startup::DemoSecondWorkstation::start(
                    *demoServer, QDir(demoDirectory.path()).filePath(QStringLiteral("workstation-2")));
        } else {
            qCWarning(lcApp) << "the demo server did not start:" << server.error().message;
        }
        workstation.startDemo(std::move(demo.value()), options.demoRole);
    } else {
        workstation.start(options.workspace);
    }
    return app.exec();
}
