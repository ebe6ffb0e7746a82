#include "CohortCommands.h"

#include "mdp/disease/DiseasePack.h"
#include "mdp/disease/DiseasePackLoader.h"
#include "mdp/workspace/Workspace.h"
#include "mdp/workspace/WorkspaceDemoTarget.h"

#include <QElapsedTimer>

namespace mdp::cli {

namespace {

constexpr int kMaxPatients = 200000;

int usage(QTextStream &err, const CohortCommandArgs &args, const QString &problem)
{
    err << "mdp: " << problem << "\n"
        << "usage: " << args.usage << "\n"
        << "       adds N synthetic patients of the installed disease pack's demo cohort (the breast-cancer\n"
        << "       pack: JH/CAA 008-2025 Appendix A) with timelines and, for every K-th patient (default "
           "1),\n"
        << "       their documents\n";
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
                            "add the installed disease pack's synthetic demo cohort (breast cancer: "
                            "JH/CAA 008-2025 Appendix A) with timelines and documents"),
          {S::workspace(),
           S::required(QStringLiteral("patients"), QStringLiteral("N"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "how many patients")),
           S::optional(QStringLiteral("seed"), QStringLiteral("S"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the same seed gives the same cohort")),
           S::flag(QStringLiteral("no-documents"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "no documents")),
           S::optional(QStringLiteral("documents-every"), QStringLiteral("K"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "documents for every K-th patient")),
           S::optional(QStringLiteral("as-of"), QStringLiteral("YYYY-MM-DD"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the day the cohort is seen from"))})};
}

int runCohortCommand(const CohortCommandArgs &args, QTextStream &out, QTextStream &err)
{
    disease::DemoCohortRequest request;
    bool ok = false;
    request.patients = args.value(QStringLiteral("patients")).toInt(&ok);
    if (!ok || request.patients < 1 || request.patients > kMaxPatients)
        return usage(err, args, QStringLiteral("--patients must be a number from 1 to %1").arg(kMaxPatients));
    const QString seedText = args.value(QStringLiteral("seed"));
    if (!seedText.isEmpty()) {
        request.seed = seedText.toULongLong(&ok);
        if (!ok)
            return usage(err, args, QStringLiteral("--seed must be a non-negative integer"));
    }
    // A fixed default day keeps the command reproducible from one day to the next.
    request.asOf = QDate(2026, 6, 30);
    if (args.has(QStringLiteral("as-of"))) {
        request.asOf = QDate::fromString(args.value(QStringLiteral("as-of")), QStringLiteral("yyyy-MM-dd"));
        if (!request.asOf.isValid())
            return usage(err, args, QStringLiteral("--as-of must be a date written YYYY-MM-DD"));
    }
    request.documentEvery = 1;
    if (args.has(QStringLiteral("documents-every"))) {
        request.documentEvery = args.value(QStringLiteral("documents-every")).toInt(&ok);
        if (!ok || request.documentEvery < 1)
            return usage(err, args, QStringLiteral("--documents-every must be a positive number"));
    }
    if (args.has(QStringLiteral("no-documents")))
        request.documentEvery = 0;

    disease::DiseasePack *pack = disease::installedDiseasePacks().demoPack();
    if (!pack)
        return fail(
            err, makeError(Error::Code::NotFound,
                           QStringLiteral("no installed disease pack has a demo cohort (looked in %1)")
                               .arg(disease::installedDiseasePacks().folders().join(QStringLiteral(", ")))));
    auto ws = args.openWorkspace();
    if (!ws)
        return fail(err, ws.error());
    workspace::Workspace &w = *ws.value();

    QElapsedTimer timer;
    timer.start();
    int reported = 0;
    request.progress = [&](int done, int total) {
        // About ten progress lines on stderr, so scripts can keep stdout for the summary.
        const int step = std::max(1, total / 10);
        if (done > 0 && (done - reported >= step || done == total)) {
            err << "mdp: " << done << "/" << total << " patient records\n";
            err.flush();
            reported = done;
        }
        return true;
    };
    workspace::WorkspaceDemoTarget target(w);
    auto report = pack->importDemoCohort(target, request);
    if (!report)
        return fail(err, report.error());
    out << "demo cohort of " << pack->packId() << " (seed " << request.seed << ", as of "
        << request.asOf.toString(Qt::ISODate) << ", digest " << report->digest.toHex().left(16)
        << "): " << report->patientsImported << " patients imported, " << report->patientsSkipped
        << " already present, " << report->events << " events, " << report->documents << " documents, "
        << report->duplicatesQueued << " possible duplicates queued, "
        << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1) << " s\n";
    if (report->documentsSkipped)
        out << "documents skipped: this program cannot paint them\n";
    return 0;
}

} // namespace mdp::cli
