#include "CohortCommands.h"

#include "mdp/cohort/CohortGenerator.h"
#include "mdp/cohort/CohortImporter.h"
#include "mdp/workspace/Workspace.h"

#include <QElapsedTimer>

namespace mdp::cli {

namespace {

constexpr int kMaxPatients = 200000;

int usage(QTextStream &err, const CohortCommandArgs &args, const QString &problem)
{
    err << "mdp: " << problem << "\n"
        << "usage: " << args.usage << "\n"
        << "       adds N synthetic breast-cancer patients (JH/CAA 008-2025 Appendix A) with timelines and,\n"
        << "       for every K-th patient (default 1), pathology and RT dose-summary PDFs and pictures\n";
    err.flush();
    return 2;
}

int fail(QTextStream &err, const Error &error)
{
    err << "mdp: " << error.message << " (" << Error::codeName(error.code) << ")\n";
    err.flush();
    return 1;
}

} // namespace

QList<CommandSyntax> cohortSyntax()
{
    using S = CommandSyntax;
    return {
        S(QStringLiteral("demo-data"), QString(),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "add a synthetic breast-cancer cohort (JH/CAA 008-2025 Appendix A) with "
                            "timelines, pathology and RT dose-summary documents"),
          {S::workspace(),
           S::required(QStringLiteral("patients"), QStringLiteral("N"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "how many patients")),
           S::optional(QStringLiteral("seed"), QStringLiteral("S"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the same seed gives the same cohort")),
           S::flag(QStringLiteral("no-documents"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "no PDFs and pictures")),
           S::optional(QStringLiteral("documents-every"), QStringLiteral("K"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "documents for every K-th patient")),
           S::optional(QStringLiteral("as-of"), QStringLiteral("YYYY-MM-DD"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the day the cohort is seen from"))})};
}

int runCohortCommand(const CohortCommandArgs &args, QTextStream &out, QTextStream &err)
{
    cohort::CohortOptions options;
    bool ok = false;
    options.patients = args.value(QStringLiteral("patients")).toInt(&ok);
    if (!ok || options.patients < 1 || options.patients > kMaxPatients)
        return usage(err, args, QStringLiteral("--patients must be a number from 1 to %1").arg(kMaxPatients));
    const QString seedText = args.value(QStringLiteral("seed"));
    if (!seedText.isEmpty()) {
        options.seed = seedText.toULongLong(&ok);
        if (!ok)
            return usage(err, args, QStringLiteral("--seed must be a non-negative integer"));
    }
    if (args.has(QStringLiteral("as-of"))) {
        options.asOf = QDate::fromString(args.value(QStringLiteral("as-of")), QStringLiteral("yyyy-MM-dd"));
        if (!options.asOf.isValid())
            return usage(err, args, QStringLiteral("--as-of must be a date written YYYY-MM-DD"));
    }
    int documentEvery = 1;
    if (args.has(QStringLiteral("documents-every"))) {
        documentEvery = args.value(QStringLiteral("documents-every")).toInt(&ok);
        if (!ok || documentEvery < 1)
            return usage(err, args, QStringLiteral("--documents-every must be a positive number"));
    }
    const bool documents = !args.has(QStringLiteral("no-documents"));

    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    workspace::Workspace &w = *ws.value();
    const auto session = w.session();
    const QString actor = session ? session->accountId : w.custodianId().toString(QUuid::WithoutBraces);

    QElapsedTimer timer;
    timer.start();
    const QList<cohort::SyntheticPatient> cohort = cohort::CohortGenerator(options).generate();
    cohort::CohortImporter importer(w.registry(), w.database(), actor);
    // One audit flush per patient record instead of one per event.
    importer.setTransactionRunner(
        [&w](const cohort::CohortImporter::Work &work) { return w.runBatch(work); });
    if (documents && args.renderer)
        importer.setDocuments(args.renderer, &w.vault(), documentEvery);
    int reported = 0;
    importer.setProgressHandler([&](const cohort::ImportProgress &p) {
        // About ten progress lines on stderr, so scripts can keep stdout for the summary.
        const int step = std::max(1, p.total / 10);
        if (p.done > 0 && (p.done - reported >= step || p.done == p.total)) {
            err << "mdp: " << p.done << "/" << p.total << " patient records, " << p.events << " events, "
                << p.documents << " documents\n";
            err.flush();
            reported = p.done;
        }
        return true;
    });
    auto report = importer.run(cohort);
    if (!report)
        return fail(err, report.error());
    out << "demo cohort (seed " << options.seed << ", as of " << options.asOf.toString(Qt::ISODate)
        << ", digest " << cohort::CohortGenerator::digest(cohort).toHex().left(16)
        << "): " << report->patientsImported << " patients imported, " << report->patientsSkipped
        << " already present, " << report->events << " events, " << report->documents << " documents, "
        << report->duplicatesQueued << " possible duplicates queued, "
        << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1) << " s\n";
    if (documents && !args.renderer)
        out << "documents skipped: this program has no document renderer\n";
    return 0;
}

} // namespace mdp::cli
