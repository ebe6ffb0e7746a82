#include "mdp/deid/DicomDeidBenchmarks.h"

#include "../src/ConfidentialityProfile.h"
#include "mdp/deid/DicomDeidentifier.h"
#include "mdp/deid/SyntheticDicom.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <unistd.h>

namespace mdp::deid {

namespace {

// The gdcmanon --dumb arguments for the rows it can express.
QStringList gdcmanonArguments()
{
    QStringList args;
    for (const ProfileRow &row : ConfidentialityProfile::instance().rows()) {
        if (row.mask != 0xFFFFFFFFu)
            continue;
        const QString tag = QStringLiteral("%1,%2")
                                .arg(row.tag >> 16, 4, 16, QLatin1Char('0'))
                                .arg(row.tag & 0xFFFF, 4, 16, QLatin1Char('0'));
        switch (row.basic) {
        case ProfileAction::Remove:
        case ProfileAction::RemoveOrZero:
        case ProfileAction::RemoveOrDummy:
        case ProfileAction::RemoveZeroOrDummy:
        case ProfileAction::RemoveZeroOrUid:
            args << QStringLiteral("--remove") << tag;
            break;
        case ProfileAction::Zero:
            args << QStringLiteral("--empty") << tag;
            break;
        case ProfileAction::Dummy:
        case ProfileAction::ZeroOrDummy:
            args << QStringLiteral("--replace") << tag + QStringLiteral("=ANONYMIZED");
            break;
        default:
            break;
        }
    }
    return args;
}

} // namespace

QList<BenchLine> runDicomDeidBenchmarks(const QString &scratchDir, int files)
{
    BenchLine line;
    line.bench = QStringLiteral("deid");
    line.caseName = QStringLiteral("dicom-basic-profile");
    line.unit = QStringLiteral("files/s");
    line.baseline = QStringLiteral("gdcmanon --dumb (Table E.1-1 exact rows as --remove/--empty/--replace)");
    line.extra.insert(QStringLiteral("files"), files);
    line.extra.insert(QStringLiteral("goal_ratio"), 3);

    const QDir root(scratchDir);
    const QString in = root.filePath(QStringLiteral("deid-in"));
    QDir().mkpath(in);
    // 20 patients, one study each, several series: what a small research export looks like.
    for (int i = 0; i < files; ++i) {
        SyntheticDicomSpec spec;
        const int patient = i % 20;
        spec.patientId = QStringLiteral("PID-%1").arg(patient, 4, 10, QLatin1Char('0'));
        spec.studyUid = QStringLiteral("1.2.826.0.1.3680043.2.1125.%1").arg(patient + 1);
        spec.seriesUid = spec.studyUid + QStringLiteral(".%1").arg(i % 3 + 1);
        spec.sopUid = spec.seriesUid + QStringLiteral(".%1").arg(i + 1);
        spec.frameOfReferenceUid = spec.studyUid + QStringLiteral(".9");
        spec.rows = 256;
        spec.columns = 256;
        const QString path = QDir(in).filePath(QStringLiteral("p%1/img%2.dcm").arg(patient).arg(i));
        QDir().mkpath(QFileInfo(path).absolutePath());
        if (auto written = writeSyntheticDicom(path, spec); !written) {
            line.extra.insert(QStringLiteral("error"), written.error().message);
            return {line};
        }
    }

    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    const DicomDeidentifier deidentifier(DicomDeidOptions{}, key);
    // Each side starts with nothing left to write back: otherwise the side timed first pays for
    // the flushing of the files just generated (the other one runs after the probes, when the
    // flushing is long over).
    ::sync();
    QElapsedTimer timer;
    timer.start();
    const DicomRunReport report =
        deidentifier.deidentifyFolder(in, root.filePath(QStringLiteral("deid-mdp")));
    const double ours = double(timer.nsecsElapsed()) / 1e9;
    line.value = ours > 0 ? report.written() / ours : 0;
    line.extra.insert(QStringLiteral("written"), report.written());
    line.extra.insert(QStringLiteral("profile_rows"),
                      int(ConfidentialityProfile::instance().rows().size() + 1));

    const QString gdcmanon = QStandardPaths::findExecutable(QStringLiteral("gdcmanon"));
    if (gdcmanon.isEmpty()) {
        line.extra.insert(QStringLiteral("baseline_error"),
                          QStringLiteral("gdcmanon not installed (libgdcm-tools)"));
        return {line};
    }
    const QString gdcmOut = root.filePath(QStringLiteral("deid-gdcm"));
    QDir().mkpath(gdcmOut);
    // gdcmanon refuses a whole run for one tag its dictionary lacks or a value it cannot put (a
    // sequence to --replace): each row is tried once on one file, untimed, and kept if accepted.
    const QStringList candidates = gdcmanonArguments();
    QStringList accepted;
    int dropped = 0;
    const QString probeIn = QDir(in).filePath(QStringLiteral("p0/img0.dcm"));
    const QString probeOut = root.filePath(QStringLiteral("deid-probe.dcm"));
    for (qsizetype i = 0; i + 1 < candidates.size(); i += 2) {
        QProcess probe;
        probe.start(gdcmanon, {QStringLiteral("--dumb"), QStringLiteral("-i"), probeIn, QStringLiteral("-o"),
                               probeOut, candidates.at(i), candidates.at(i + 1)});
        if (probe.waitForFinished(-1) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0)
            accepted << candidates.at(i) << candidates.at(i + 1);
        else
            ++dropped;
    }
    line.extra.insert(QStringLiteral("baseline_rows"), int(accepted.size() / 2));
    line.extra.insert(QStringLiteral("baseline_rows_refused_by_gdcmanon"), dropped);
    // One gdcmanon run over a folder, in seconds; negative (and why in `failure`) when it failed.
    QString failure;
    const auto timeGdcmanon = [&](const QString &from, const QString &to) {
        QDir().mkpath(to);
        const QStringList args = QStringList{QStringLiteral("--dumb"),
                                             QStringLiteral("--continue"),
                                             QStringLiteral("-r"),
                                             QStringLiteral("-i"),
                                             from,
                                             QStringLiteral("-o"),
                                             to} +
                                 accepted;
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        ::sync();
        timer.restart();
        process.start(gdcmanon, args);
        const bool finished = process.waitForFinished(-1);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            failure = QStringLiteral("gdcmanon failed: %1")
                          .arg(QString::fromLocal8Bit(process.readAll().left(300)));
            return -1.0;
        }
        return seconds;
    };
    const double theirs = timeGdcmanon(in, gdcmOut);
    if (theirs < 0) {
        line.extra.insert(QStringLiteral("baseline_error"), failure);
        return {line};
    }
    line.baselineValue = theirs > 0 ? files / theirs : 0;
    // gdcmanon's time includes starting the program (its dictionary alone takes tens of
    // milliseconds), ours does not: the same run over a folder of one file gives that fixed cost,
    // and the rate without it says what each further file costs.
    const QString oneIn = root.filePath(QStringLiteral("deid-one"));
    QDir().mkpath(oneIn);
    QFile::copy(probeIn, QDir(oneIn).filePath(QStringLiteral("img0.dcm")));
    const double one = timeGdcmanon(oneIn, root.filePath(QStringLiteral("deid-gdcm-one")));
    if (one >= 0 && files > 1 && theirs > one) {
        const double marginal = (files - 1) / (theirs - one);
        line.extra.insert(QStringLiteral("baseline_one_file_ms"), qRound(one * 1e4) / 10.0);
        line.extra.insert(QStringLiteral("baseline_without_start_value"), qRound(marginal * 10) / 10.0);
        line.extra.insert(QStringLiteral("ratio_without_start"),
                          qRound(line.value / marginal * 1000) / 1000.0);
    }
    return {line};
}

} // namespace mdp::deid
