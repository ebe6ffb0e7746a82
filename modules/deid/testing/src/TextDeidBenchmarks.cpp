#include "mdp/deid/testing/TextDeidBenchmarks.h"

#include "mdp/deid/TextDeidentifier.h"
#include "mdp/deid/testing/SyntheticNotes.h"

#include <QElapsedTimer>
#include <QJsonObject>

namespace mdp::deid::testing {

namespace {

// Runs `work` until at least `minimumMs` passed (at least once) and returns MB/s of `bytes` per run.
template<typename Work> double megabytesPerSecond(qint64 bytes, Work work, qint64 minimumMs = 600)
{
    QElapsedTimer timer;
    timer.start();
    int runs = 0;
    do {
        work();
        ++runs;
    } while (timer.elapsed() < minimumMs);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    return double(bytes) * runs / seconds / 1e6;
}

} // namespace

QList<BenchLine> runTextDeidBenchmarks(int megabytes)
{
    megabytes = std::clamp(megabytes, 1, 256);
    SyntheticNoteGenerator generator(20261207);
    QString corpus;
    int notes = 0;
    qsizetype planted = 0;
    qint64 utf8Size = 0;
    while (utf8Size < qint64(megabytes) * 1000 * 1000) {
        const SyntheticNote note = generator.next();
        corpus += note.text;
        corpus += QStringLiteral("\n\n");
        utf8Size += note.text.toUtf8().size() + 2;
        planted += note.identifiers.size();
        ++notes;
    }
    const QByteArray utf8 = corpus.toUtf8();
    const qint64 bytes = utf8.size();

    qsizetype findings = 0;
    qsizetype checkable = 0;
    const TextDeidentifier placeholders;
    TextDeidOptions surrogateOptions;
    surrogateOptions.replacement = Replacement::Surrogate;
    surrogateOptions.key = QByteArrayLiteral("bench-key");
    surrogateOptions.scope = QStringLiteral("bench-patient");
    const TextDeidentifier surrogates(surrogateOptions);

    const double checkableOnly =
        megabytesPerSecond(bytes, [&] { checkable = findCheckableIdentifiers(corpus).size(); });
    const double find =
        megabytesPerSecond(bytes, [&] { findings = placeholders.findIdentifiers(corpus).size(); });
    QByteArray sink;
    const double roundTrip = megabytesPerSecond(bytes, [&] { sink = QString::fromUtf8(utf8).toUtf8(); });
    const double placeholderPath =
        megabytesPerSecond(bytes, [&] { sink = placeholders.deidentify(QString::fromUtf8(utf8)).toUtf8(); });
    const double surrogatePath =
        megabytesPerSecond(bytes, [&] { sink = surrogates.deidentify(QString::fromUtf8(utf8)).toUtf8(); });

    QJsonObject extra;
    extra.insert(QStringLiteral("inputBytes"), double(bytes));
    extra.insert(QStringLiteral("notes"), notes);
    extra.insert(QStringLiteral("plantedIdentifiers"), double(planted));
    extra.insert(QStringLiteral("findings"), double(findings));
    extra.insert(QStringLiteral("checkableFindings"), double(checkable));

    QList<BenchLine> lines;
    BenchLine findLine;
    findLine.bench = QStringLiteral("deid");
    findLine.caseName = QStringLiteral("text-find-all-kinds");
    findLine.unit = QStringLiteral("MB/s");
    findLine.value = find;
    findLine.baseline = QStringLiteral("checkable-only finder (resident ID, card, mobile, e-mail)");
    findLine.baselineValue = checkableOnly;
    findLine.extra = extra;
    lines.append(findLine);

    BenchLine placeholderLine = findLine;
    placeholderLine.caseName = QStringLiteral("text-deidentify-placeholders");
    placeholderLine.value = placeholderPath;
    placeholderLine.baseline = QStringLiteral("UTF-8 decode + encode of the same text");
    placeholderLine.baselineValue = roundTrip;
    lines.append(placeholderLine);

    BenchLine surrogateLine = placeholderLine;
    surrogateLine.caseName = QStringLiteral("text-deidentify-surrogates");
    surrogateLine.value = surrogatePath;
    lines.append(surrogateLine);
    return lines;
}

} // namespace mdp::deid::testing
