// mdp: the headless command line. Composition root only: every command lives in modules/cli.
#include "mdp/cli/Cli.h"
#include "mdp/cohort/CohortBenchmarks.h"
#include "mdp/crypto/Signature.h"
#include "mdp/deid/DicomDeidBenchmarks.h"
#include "mdp/deid/PdfRedaction.h"
#include "mdp/deid/PdfRedactionBenchmark.h"
#include "mdp/deid/testing/TextDeidBenchmarks.h"
#include "mdp/disease/DiseasePackLoader.h"
#include "mdp/foundation/ProcessHardening.h"
#include "mdp/policy/PolicyBenchmarks.h"
#include "mdp/server/GrantdBenchmarks.h"
#include "mdp/startup/StartBenchmarks.h"
#include "mdp/timeline/TimelineBenchmarks.h"
#include "mdp/workspace/AccessBenchmarks.h"
#include "mdp/workspace/Sm2CheckpointSigner.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <cstring>
#include <memory>

namespace {

bool isDemoData(int argc, char *argv[])
{
    return argc >= 2 && std::strcmp(argv[1], "demo-data") == 0;
}

// Registry import rate with the duplicate check, audited as the workspace does (SM2 checkpoints), over
// the breast-cancer pack's synthetic cohort.
QList<mdp::BenchLine> registryImportBenchmark(const QString &scratchDir)
{
    auto key = mdp::crypto::SigningKey::generate(mdp::crypto::SignatureAlgorithm::Sm2);
    if (!key)
        return {};
    return mdp::cohort::runRegistryImportBenchmark(
        scratchDir, 1000, std::make_shared<mdp::workspace::Sm2CheckpointSigner>(key.value()));
}

// Commands that paint (the timeline's frame-time benchmark, the demo cohort's PDFs and pictures) need
// a QGuiApplication; everything else runs on a plain QCoreApplication so scripts never need a display.
bool needsGui(int argc, char *argv[])
{
    return (argc >= 3 && std::strcmp(argv[1], "bench") == 0 &&
            (std::strcmp(argv[2], "registry") == 0 || std::strcmp(argv[2], "deid") == 0)) ||
           (argc >= 3 && std::strcmp(argv[1], "deid") == 0 && std::strcmp(argv[2], "pdf") == 0) ||
           isDemoData(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    mdp::disableCoreDumps(); // before anything holds a key or a record
    std::unique_ptr<QCoreApplication> app;
    if (needsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
        mdp::cli::registerBenchProvider(QStringLiteral("registry"), [](const QString &scratchDir, int) {
            return registryImportBenchmark(scratchDir);
        });
        mdp::cli::registerBenchProvider(QStringLiteral("registry"), [](const QString &, int) {
            return mdp::timeline::ui::runTimelineBenchmarks(10000);
        });
        // PDF redaction against the plain render of the same pages; --size is the page count.
        mdp::cli::registerBenchProvider(QStringLiteral("deid"), [](const QString &, int size) {
            return mdp::deid::runPdfRedactionBenchmark(size > 0 ? size : 20);
        });
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // The GUI programs it times are installed (or built) next to mdp.
    mdp::cli::registerBenchProvider(QStringLiteral("start"), [](const QString &scratch, int size) {
        mdp::startup::StartBenchOptions options;
        options.scratchDirectory = scratch;
        const QString here = QCoreApplication::applicationDirPath();
        options.workstationProgram = mdp::startup::siblingProgram(here, QStringLiteral("mdp-workstation"));
        options.minimalProgram = mdp::startup::siblingProgram(here, QStringLiteral("mdp-minimal-widgets"));
        if (size > 0)
            options.unlockPatients = size;
        options.largeWorkspace = qEnvironmentVariable("MDP_BENCH_LARGE_WORKSPACE");
        options.progress = [](const QString &text) {
            QTextStream err(stderr);
            err << "mdp bench start: " << text << "\n";
        };
        return mdp::startup::runStartBenchmarks(options);
    });
    // DICOM de-identification against gdcmanon; --size is the number of files (default 200).
    mdp::cli::registerBenchProvider(QStringLiteral("deid"), [](const QString &scratch, int size) {
        return mdp::deid::runDicomDeidBenchmarks(scratch, size > 0 ? size : 200);
    });
    // Free-text de-identification MB/s over a 4 MB synthetic note corpus (--size is another bench's unit).
    mdp::cli::registerBenchProvider(QStringLiteral("deid"), [](const QString &, int) {
        return mdp::deid::testing::runTextDeidBenchmarks(4);
    });
    // `mdp deid pdf`: the redaction renders pages (QtGui, QtPdf), which the command line's own layer may
    // not link.
    mdp::cli::registerPdfRedactor(
        [](const QString &in, const QString &target, QTextStream &out, QTextStream &err) {
            auto report = mdp::deid::redactPdfFile(in, target);
            if (!report) {
                err << "mdp: " << report.error().message << "\n";
                err.flush();
                return 1;
            }
            out << report->summary();
            if (!report->summary().endsWith(QLatin1Char('\n')))
                out << "\n";
            out.flush();
            if (!report->isComplete()) {
                err << "mdp: pages withheld for review (no text layer or content the text layer does not "
                       "explain); "
                       "the output is not de-identified as a whole\n";
                err.flush();
                return 1;
            }
            return 0;
        });
    mdp::cli::registerBenchProvider(QStringLiteral("policy"), [](const QString &scratch, int size) {
        return mdp::policy::runPolicyBenchmarks(scratch, size);
    });
    // Signed grants per data access against the engine without grants; a revocation's way from
    // mdp-grantd (in process) to an open linked workstation (--size: the number of grants, default 500).
    mdp::cli::registerBenchProvider(QStringLiteral("access"), [](const QString &scratch, int size) {
        return mdp::workspace::runAccessBenchmarks(scratch, size);
    });
    // mdp-grantd on loopback against openssl s_server and nginx, and on PostgreSQL behind two
    // instances; --size is the number of sync records (default 10 000), MDP_BENCH_QUICK=1 a smoke run.
    mdp::cli::registerBenchProvider(QStringLiteral("grantd"), [](const QString &scratch, int size) {
        auto options = qEnvironmentVariableIntValue("MDP_BENCH_QUICK") != 0
                           ? mdp::server::GrantdBenchOptions::quickRun()
                           : mdp::server::GrantdBenchOptions{};
        if (size > 0)
            options.records = size;
        options.progress = [](const QString &text) {
            QTextStream err(stderr);
            err << "mdp bench grantd: " << text << "\n";
        };
        return mdp::server::runGrantdBenchmarks(scratch, options);
    });
    QCoreApplication::setApplicationName(QStringLiteral("mdp"));
    QCoreApplication::setOrganizationName(QStringLiteral("MDP"));
    // Progress chatter of the modules is for the workstation's log, not for scripts; MDP_VERBOSE=1 shows it.
    if (qEnvironmentVariableIsEmpty("MDP_VERBOSE"))
        QLoggingCategory::setFilterRules(QStringLiteral("mdp.*.info=false\nmdp.*.debug=false"));
    // Disease packs are loaded here, on the main thread, so a refused one is reported at start.
    (void)mdp::disease::installedDiseasePacks();
    QTextStream out(stdout);
    QTextStream err(stderr);
    return mdp::cli::runCli(QCoreApplication::arguments().mid(1), out, err);
}
