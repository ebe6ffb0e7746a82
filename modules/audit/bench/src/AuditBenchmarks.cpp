#include "mdp/audit/AuditBenchmarks.h"

#include "mdp/audit/AlertRules.h"

#include "LogFile.h"

#include "mdp/audit/AuditBundle.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/audit/AuditLogFormat.h"
#include "mdp/audit/Sm2CheckpointSigner.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QtEndian>

#include <optional>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <thread>
#include <vector>

namespace mdp::audit {
namespace {

// The baseline of the verification lines: one SM3 pass over the same bytes in memory, best of 3 (0 when
// hashing fails).
double sm3MegabytesPerSecond(const QByteArray &bytes)
{
    double best = 0;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        const QByteArray digest = crypto::hash(crypto::HashAlgorithm::Sm3, bytes);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (digest.isEmpty())
            return 0;
        best = std::max(best, double(bytes.size()) / 1e6 / seconds);
    }
    return best;
}

// Stand-in for the SM2 node key when the caller brings no signer.
class BenchHmacSigner final : public CheckpointSigner
{
public:
    explicit BenchHmacSigner(QByteArray key = crypto::randomBytes(32))
        : m_key(std::move(key))
    {}
    QByteArray sign(QByteArrayView message) override
    {
        return crypto::hmac(crypto::HashAlgorithm::Sm3, m_key, message);
    }
    bool verify(QByteArrayView message, QByteArrayView signature) const override
    {
        return crypto::constantTimeEquals(crypto::hmac(crypto::HashAlgorithm::Sm3, m_key, message),
                                          signature);
    }
    QString keyId() const override { return QStringLiteral("bench-hmac-sm3"); }

private:
    QByteArray m_key;
};

// A typical data-access event: about 330 bytes of canonical JSON.
AuditEvent benchEvent(int i)
{
    AuditEvent e;
    e.type = EventType::DataView.toString();
    e.action = AuditAction::Read;
    e.agent =
        AuditAgent{QStringLiteral("u-%1").arg(1000 + i % 50), QStringLiteral("researcher"),
                   QStringLiteral("ws-%1").arg(i % 7), QStringLiteral("10.20.%1.%2").arg(i % 4).arg(i % 200)};
    e.entities = {AuditEntity{QStringLiteral("patient"),
                              QStringLiteral("p-%1").arg(quint32(i) * 2654435761u, 8, 16, QChar(u'0'))},
                  AuditEntity{QStringLiteral("record"), QStringLiteral("r-%1").arg(i)}};
    e.purposeOfUse = QStringLiteral("HRESCH");
    e.detail.insert(QStringLiteral("grant"), QStringLiteral("g-2025-0042"));
    e.detail.insert(QStringLiteral("fields"),
                    QJsonArray{QStringLiteral("diagnosis"), QStringLiteral("stage")});
    e.detail.insert(QStringLiteral("rows"), 1);
    return e;
}

AuditLogOptions benchOptions(const QString &dir, const SecureBytes &key,
                             std::shared_ptr<CheckpointSigner> signer)
{
    AuditLogOptions o;
    o.directory = dir;
    o.key = key;
    o.signer = std::move(signer);
    o.nodeId = QStringLiteral("bench-node");
    return o;
}

std::vector<qint64> frameSizes(const QByteArray &log)
{
    std::vector<qint64> sizes;
    qint64 at = LogFormat::kHeaderSize;
    while (at + LogFormat::kLengthFieldSize <= log.size()) {
        const qint64 n = LogFormat::kLengthFieldSize + qint64(qFromBigEndian<quint32>(log.constData() + at));
        sizes.push_back(n);
        at += n;
    }
    return sizes;
}

// The same frame bytes, written and fdatasync'ed in batches of `batch` frames, nothing else.
double rawReplayEventsPerSecond(const QString &path, const QByteArray &log, int batch)
{
    QFile::remove(path);
    auto file = detail::LogFile::open(path, detail::LogFile::Mode::ReadWriteCreate);
    if (!file)
        return 0;
    const std::vector<qint64> sizes = frameSizes(log);
    // The header first, untimed: the log writes only at its end.
    if (!file->writeAt(0,
                       QByteArrayView(log.constData(), std::min<qint64>(log.size(), LogFormat::kHeaderSize))))
        return 0;
    QElapsedTimer timer;
    timer.start();
    qint64 at = LogFormat::kHeaderSize;
    for (std::size_t i = 0; i < sizes.size(); i += std::size_t(batch)) {
        qint64 n = 0;
        for (std::size_t j = i; j < std::min(sizes.size(), i + std::size_t(batch)); ++j)
            n += sizes[j];
        if (!file->writeAt(at, QByteArrayView(log.constData() + at, n)) || !file->dataSync())
            return 0;
        at += n;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    QFile::remove(path);
    return seconds > 0 ? double(sizes.size()) / seconds : 0;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The whole log: audit.log and the segments after it (audit.log.<16 hex digits>, in order).
QByteArray readLog(const QString &dir)
{
    QByteArray all = readAll(QDir(dir).filePath(QString::fromLatin1(LogFormat::kLogFileName)));
    const QStringList later = QDir(dir).entryList(
        {QString::fromLatin1(LogFormat::kLogFileName) + QStringLiteral(".*")}, QDir::Files, QDir::Name);
    for (const QString &name : later)
        all += readAll(QDir(dir).filePath(name));
    return all;
}

// Resident set of this process in MB (after giving freed heap back, so earlier work does not count).
double residentMb()
{
    malloc_trim(0);
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return 0;
    return double(fields.at(1).toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

struct OpenFigures
{
    double openMs = 0;
    double queryMs = 0;
    double queryP95Ms = 0; // 40 queries by data ID spread over the history
    double rssGrowthMb = 0;
    double processRssMb = 0;
    qint64 events = 0;
    qint64 logBytes = 0;
    qint64 indexBytes = 0;
    double generateSeconds = 0; // 0 when the log was kept from an earlier run
};

// Makes (or reuses) a log of `events` typical events in `dir`, then opens it three times (best time)
// and asks one query by data ID, as a workspace does after unlock.
std::optional<OpenFigures> measureOpen(const QString &dir, qint64 events)
{
    // A fixed key and signer key, so a log kept between runs opens again (synthetic data only).
    const SecureBytes key(QByteArray(32, '\x42'));
    auto signer = std::make_shared<BenchHmacSigner>(QByteArray(32, '\x17'));
    OpenFigures f;
    const QString mark = QDir(dir).filePath(QStringLiteral("bench-events.txt"));
    QFile markFile(mark);
    const bool kept =
        markFile.open(QIODevice::ReadOnly) && markFile.readAll().trimmed().toLongLong() == events;
    markFile.close();
    if (!kept) {
        QDir(dir).removeRecursively();
        auto log = AuditLog::open(benchOptions(dir, key, signer));
        if (!log)
            return std::nullopt;
        QElapsedTimer timer;
        timer.start();
        constexpr qint64 kBatch = 8192;
        for (qint64 i = 0; i < events; i += kBatch) {
            QList<AuditEvent> batch;
            for (qint64 j = i; j < std::min(events, i + kBatch); ++j)
                batch.append(benchEvent(int(j)));
            if (!log.value()->commit(std::move(batch)))
                return std::nullopt;
        }
        log.value().reset();
        f.generateSeconds = double(timer.nsecsElapsed()) / 1e9;
        QFile out(mark);
        if (out.open(QIODevice::WriteOnly))
            out.write(QByteArray::number(events));
    }
    f.events = events;
    // Every segment of the log (audit.log, audit.log.<offset>...).
    f.logBytes = 0;
    for (const QFileInfo &segment :
         QDir(dir).entryInfoList({QString::fromLatin1(LogFormat::kLogFileName) + u'*'}, QDir::Files))
        f.logBytes += segment.size();
    f.indexBytes = QFileInfo(QDir(dir).filePath(QStringLiteral("index.db"))).size();
    f.openMs = std::numeric_limits<double>::max();
    for (int run = 0; run < 3; ++run) {
        const double before = residentMb();
        QElapsedTimer timer;
        timer.start();
        auto log = AuditLog::open(benchOptions(dir, key, signer));
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!log)
            return std::nullopt;
        f.openMs = std::min(f.openMs, ms);
        timer.restart();
        const qint64 probe = events / 2;
        auto hits = log.value()->queryByData(
            AuditAgent{QStringLiteral("auditor-1"), QStringLiteral("auditor"), {}, {}},
            AuditEntity{QStringLiteral("record"), QStringLiteral("r-%1").arg(probe)});
        if (!hits || hits->size() != 1)
            return std::nullopt;
        f.queryMs = run == 0 ? double(timer.nsecsElapsed()) / 1e6
                             : std::min(f.queryMs, double(timer.nsecsElapsed()) / 1e6);
        if (run == 2) {
            std::vector<double> times;
            for (int q = 0; q < 40; ++q) {
                timer.restart();
                auto found = log.value()->queryByData(
                    AuditAgent{QStringLiteral("auditor-1"), QStringLiteral("auditor"), {}, {}},
                    AuditEntity{QStringLiteral("record"),
                                QStringLiteral("r-%1").arg(events * (2 * q + 1) / 80)});
                if (!found || found->size() != 1)
                    return std::nullopt;
                times.push_back(double(timer.nsecsElapsed()) / 1e6);
            }
            std::sort(times.begin(), times.end());
            f.queryP95Ms = times.at(size_t(times.size() * 95 / 100) - 1);
        }
        const double after = residentMb();
        f.rssGrowthMb = std::max(f.rssGrowthMb, after - before);
        f.processRssMb = std::max(f.processRssMb, after);
    }
    return f;
}

} // namespace

QList<BenchLine> runAuditOpenBenchmarks(const QString &scratchDir, qint64 events, const QString &keepDir)
{
    QList<BenchLine> lines;
    constexpr qint64 kSmall = 10000;
    events = std::max(events, kSmall);
    const QString smallDir = QDir(scratchDir).filePath(QStringLiteral("audit-open-small"));
    const QString largeDir =
        keepDir.isEmpty() ? QDir(scratchDir).filePath(QStringLiteral("audit-open-large")) : keepDir;
    // The large log first: its figures must not profit from pages the small one left in the cache.
    const std::optional<OpenFigures> large = measureOpen(largeDir, events);
    const std::optional<OpenFigures> small = measureOpen(smallDir, kSmall);
    QDir(smallDir).removeRecursively();
    if (keepDir.isEmpty())
        QDir(largeDir).removeRecursively();
    if (!large || !small)
        return lines;
    const QString baseline = QStringLiteral("the same at %1 events").arg(kSmall);
    auto line = [&](const QString &name, const QString &unit, double value, double base) {
        BenchLine l;
        l.bench = QStringLiteral("audit");
        l.caseName = name;
        l.unit = unit;
        l.value = value;
        l.baseline = baseline;
        l.baselineValue = base;
        l.higherIsBetter = false;
        l.extra.insert(QStringLiteral("events"), large->events);
        l.extra.insert(QStringLiteral("log_bytes"), large->logBytes);
        l.extra.insert(QStringLiteral("index_bytes"), large->indexBytes);
        if (large->generateSeconds > 0)
            l.extra.insert(QStringLiteral("generate_s"), large->generateSeconds);
        l.extra.insert(QStringLiteral("signer"), QStringLiteral("hmac-sm3 stand-in (product: SM2)"));
        return l;
    };
    BenchLine open = line(QStringLiteral("open-at-size"), QStringLiteral("ms"), large->openMs, small->openMs);
    open.extra.insert(QStringLiteral("goal_ms"), 1000);
    lines << open;
    BenchLine rss = line(QStringLiteral("open-memory-at-size"), QStringLiteral("MB"), large->processRssMb,
                         small->processRssMb);
    rss.extra.insert(QStringLiteral("growth_mb"), large->rssGrowthMb);
    rss.extra.insert(QStringLiteral("baseline_growth_mb"), small->rssGrowthMb);
    rss.extra.insert(QStringLiteral("goal_mb"), 100);
    rss.extra.insert(QStringLiteral("note"),
                     QStringLiteral("value: resident memory of the process after the open and one query; "
                                    "growth_mb: what the open and the query added"));
    lines << rss;
    lines << line(QStringLiteral("query-by-data-at-size"), QStringLiteral("ms"), large->queryMs,
                  small->queryMs);
    BenchLine p95 = line(QStringLiteral("query-by-data-p95-at-size"), QStringLiteral("ms"), large->queryP95Ms,
                         small->queryP95Ms);
    p95.extra.insert(QStringLiteral("queries"), 40);
    p95.extra.insert(QStringLiteral("goal_ms"), 50);
    lines << p95;
    return lines;
}

QList<BenchLine> runAuditBenchmarks(const QString &scratchDir, int events,
                                    std::shared_ptr<CheckpointSigner> signer)
{
    QList<BenchLine> lines;
    const bool ownSigner = !signer;
    if (!signer)
        signer = std::make_shared<BenchHmacSigner>();
    const QString signerNote =
        ownSigner ? QStringLiteral("hmac-sm3 stand-in (product: SM2)") : signer->keyId();
    events = std::max(events, 256);
    const SecureBytes key = crypto::randomKey(32);
    std::vector<AuditEvent> prepared;
    prepared.reserve(std::size_t(events));
    for (int i = 0; i < events; ++i)
        prepared.push_back(benchEvent(i));

    const QString batchDir = QDir(scratchDir).filePath(QStringLiteral("audit-bench-batch"));
    const QString threadDir = QDir(scratchDir).filePath(QStringLiteral("audit-bench-threads"));
    const QString rawPath = QDir(scratchDir).filePath(QStringLiteral("audit-bench-raw.bin"));
    QDir(batchDir).removeRecursively();

    // 1. Batches of 256 through commit().
    constexpr int kBatch = 256;
    double batchRate = 0;
    qint64 logBytes = 0;
    {
        auto log = AuditLog::open(benchOptions(batchDir, key, signer));
        if (!log)
            return lines;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < events; i += kBatch) {
            QList<AuditEvent> batch;
            for (int j = i; j < std::min(events, i + kBatch); ++j)
                batch.append(prepared[std::size_t(j)]);
            if (!log.value()->commit(std::move(batch)))
                return lines;
        }
        batchRate = double(events) / (double(timer.nsecsElapsed()) / 1e9);
    }
    const QByteArray batchLog = readLog(batchDir); // every segment: verification reads them all
    logBytes = batchLog.size();
    BenchLine batchLine;
    batchLine.bench = QStringLiteral("audit");
    batchLine.caseName = QStringLiteral("durable-append-batch256");
    batchLine.unit = QStringLiteral("events/s");
    batchLine.value = batchRate;
    batchLine.baseline = QStringLiteral("raw write+fdatasync of the same frame bytes, same batches");
    batchLine.baselineValue = rawReplayEventsPerSecond(rawPath, batchLog, kBatch);
    batchLine.extra.insert(QStringLiteral("batch"), kBatch);
    batchLine.extra.insert(QStringLiteral("events"), events);
    batchLine.extra.insert(QStringLiteral("bytes_per_event"),
                           double(logBytes - LogFormat::kHeaderSize) / events);
    batchLine.extra.insert(QStringLiteral("goal"), 5000);
    batchLine.extra.insert(QStringLiteral("signer"), signerNote);
    lines << batchLine;

    // 2. Threads that each wait for every event (appendDurable): group commit does the batching. Four
    //    threads can share at most four events per flush, so a wider case shows how it scales.
    auto threadedCase = [&](int threads, int count) -> std::optional<BenchLine> {
        const QString dir = threadDir + QString::number(threads);
        QDir(dir).removeRecursively();
        auto log = AuditLog::open(benchOptions(dir, key, signer));
        if (!log)
            return std::nullopt;
        AuditLog &l = *log.value();
        const qint64 flushesBefore = l.statistics().flushes;
        std::vector<std::thread> workers;
        std::atomic<int> failures{0};
        QElapsedTimer timer;
        timer.start();
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&, t] {
                for (int i = t; i < count; i += threads) {
                    if (!l.appendDurable(prepared[std::size_t(i)]))
                        ++failures;
                }
            });
        }
        for (auto &w : workers)
            w.join();
        const double rate = double(count) / (double(timer.nsecsElapsed()) / 1e9);
        const qint64 flushes = std::max<qint64>(1, l.statistics().flushes - flushesBefore);
        const double meanBatch = double(count) / double(flushes);
        BenchLine line;
        line.bench = QStringLiteral("audit");
        line.caseName = QStringLiteral("durable-append-%1threads").arg(threads);
        line.unit = QStringLiteral("events/s");
        line.value = failures.load() == 0 ? rate : 0;
        line.baseline = QStringLiteral("raw write+fdatasync of the same frame bytes, same mean batch");
        const QByteArray threadLog = readLog(dir);
        line.baselineValue =
            rawReplayEventsPerSecond(rawPath, threadLog, std::max(1, int(std::lround(meanBatch))));
        line.extra.insert(QStringLiteral("threads"), threads);
        line.extra.insert(QStringLiteral("flushes"), flushes);
        line.extra.insert(QStringLiteral("batch"), meanBatch);
        line.extra.insert(QStringLiteral("events"), count);
        line.extra.insert(QStringLiteral("goal"), 5000);
        line.extra.insert(QStringLiteral("signer"), signerNote);
        log.value().reset();
        QDir(dir).removeRecursively();
        return line;
    };
    // Each flush costs several milliseconds of disk syncs, so the narrow case gets fewer events.
    if (auto line = threadedCase(4, std::min(events, 2048)))
        lines << *line;
    if (auto line = threadedCase(32, events))
        lines << *line;

    // 3. Verification against one SM3 pass over the same bytes.
    {
        double best = 0;
        qint64 verified = 0;
        for (int run = 0; run < 3; ++run) {
            QElapsedTimer timer;
            timer.start();
            const AuditVerifyReport r = AuditLog::verifyDirectory(batchDir, key, *signer);
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            if (!r.ok)
                return lines;
            verified = r.eventCount;
            best = std::max(best, double(logBytes) / 1e6 / seconds);
        }
        const double sm3Best = sm3MegabytesPerSecond(batchLog);
        if (sm3Best <= 0)
            return lines;
        BenchLine line;
        line.bench = QStringLiteral("audit");
        line.caseName = QStringLiteral("verify");
        line.unit = QStringLiteral("MB/s");
        line.value = best;
        line.baseline = QStringLiteral("raw SM3 over the same file bytes");
        line.baselineValue = sm3Best;
        line.extra.insert(QStringLiteral("events"), verified);
        line.extra.insert(QStringLiteral("events_per_s"), best * 1e6 / (double(logBytes) / double(events)));
        line.extra.insert(QStringLiteral("file_bytes"), logBytes);
        line.extra.insert(QStringLiteral("goal_ratio"), 0.5);
        line.extra.insert(QStringLiteral("threads"), 2); // decryption and leaf hashing overlap the chain
        lines << line;

        // 4. Opening also decodes every event and builds the query index.
        QElapsedTimer timer;
        timer.start();
        auto log = AuditLog::open(benchOptions(batchDir, key, signer));
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (log) {
            BenchLine open;
            open.bench = QStringLiteral("audit");
            open.caseName = QStringLiteral("open");
            open.unit = QStringLiteral("events/s");
            open.value = double(events) / seconds;
            open.baseline = QStringLiteral("verify");
            open.baselineValue = best * 1e6 / (double(logBytes) / double(events));
            open.extra.insert(QStringLiteral("events"), events);
            lines << open;
        }
    }

    QDir(batchDir).removeRecursively();
    return lines;
}

namespace {

// An event the rule counts: its first type, an outcome it accepts, the detail it asks for, and a time
// inside its hours.
AuditEvent completing(const AlertRule &rule, int utcOffsetMinutes, const QDateTime &day)
{
    AuditEvent e;
    e.type = rule.types.first();
    e.agent.userId = QStringLiteral("u-1");
    e.agent.nodeId = QStringLiteral("ws-1");
    e.outcome = rule.outcomes.isEmpty() || rule.outcomes.contains(QStringLiteral("success"))
                    ? AuditOutcome::Success
                    : AuditOutcome::MinorFailure;
    for (auto it = rule.detailIn.cbegin(); it != rule.detailIn.cend(); ++it)
        e.detail.insert(it.key(), it.value().first());
    for (auto it = rule.detailAtLeast.cbegin(); it != rule.detailAtLeast.cend(); ++it)
        e.detail.insert(it.key(), it.value());
    const int localMinute = rule.outOfHoursFrom >= 0 ? (rule.outOfHoursFrom + 1) % (24 * 60) : 10 * 60;
    e.recorded =
        QDateTime(day.date(), QTime(0, 0), Qt::UTC).addSecs(qint64(localMinute - utcOffsetMinutes) * 60);
    return e;
}

double p99(std::vector<double> samples)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    return samples[std::min(samples.size() - 1, size_t(double(samples.size()) * 0.99))];
}

} // namespace

QList<BenchLine> runAlertBenchmarks()
{
    QList<BenchLine> lines;
    auto set = AlertRuleSet::parse(AlertRuleSet::defaultDocument());
    if (!set)
        return lines;
    const QDateTime day(QDate(2026, 12, 7), QTime(0, 0), Qt::UTC);
    constexpr int kRounds = 2000;
    // The baseline: an event no rule counts, through the whole set.
    std::vector<double> quiet;
    {
        AlertEvaluator evaluator(*set);
        AuditEvent e;
        e.type = QStringLiteral("record.save-draft");
        e.agent.userId = QStringLiteral("u-1");
        e.recorded = day;
        for (int i = 0; i < kRounds; ++i) {
            e.recorded = day.addMSecs(i);
            QElapsedTimer t;
            t.start();
            const auto fired = evaluator.observe(e);
            quiet.push_back(double(t.nsecsElapsed()) / 1000.0);
            if (!fired.isEmpty())
                return lines; // the baseline must fire nothing
        }
    }
    const double baseline = p99(quiet);
    for (const AlertRule &rule : std::as_const(set->rules)) {
        // Each round: a fresh group reaches the threshold; the last event is the one timed.
        AlertEvaluator evaluator(*set);
        std::vector<double> samples;
        int alerts = 0;
        for (int round = 0; round < kRounds / 10; ++round) {
            AuditEvent e = completing(rule, set->utcOffsetMinutes, day);
            e.agent.userId = QStringLiteral("u-%1").arg(round);
            e.agent.nodeId = QStringLiteral("ws-%1").arg(round);
            if (rule.groupBy == u"none" && rule.outOfHoursFrom < 0) // one group: wait out its cool-down
                e.recorded =
                    e.recorded.addSecs(qint64(round) * (rule.cooldownSeconds + rule.windowSeconds + 1));
            for (int i = 0; i + 1 < rule.threshold; ++i) {
                e.recorded = e.recorded.addMSecs(1);
                (void)evaluator.observe(e);
            }
            e.recorded = e.recorded.addMSecs(1);
            QElapsedTimer t;
            t.start();
            const auto fired = evaluator.observe(e);
            samples.push_back(double(t.nsecsElapsed()) / 1000.0);
            for (const Alert &a : fired)
                alerts += a.ruleId == rule.id ? 1 : 0;
        }
        BenchLine line;
        line.bench = QStringLiteral("audit");
        line.caseName = QStringLiteral("alert-") + rule.id;
        line.unit = QStringLiteral("us");
        line.value = p99(samples);
        line.baseline = QStringLiteral("an event no rule counts, the same rule set (p99)");
        line.baselineValue = baseline;
        line.higherIsBetter = false;
        line.extra.insert(QStringLiteral("threshold"), rule.threshold);
        line.extra.insert(QStringLiteral("rounds"), int(samples.size()));
        line.extra.insert(QStringLiteral("alerts"), alerts); // one per round when the rule works
        line.extra.insert(QStringLiteral("goal"), QStringLiteral("alert within 60 s of its scenario"));
        lines << line;
    }
    return lines;
}

QList<BenchLine> runBundleBenchmarks(const QString &scratchDir, int events)
{
    QList<BenchLine> lines;
    const QString dir = QDir(scratchDir).filePath(QStringLiteral("audit-bundle"));
    const QString path = QDir(scratchDir).filePath(QStringLiteral("audit-bench.bundle"));
    auto nodeKey = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
    auto auditor = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
    if (!nodeKey || !auditor)
        return lines;
    auto signer = std::make_shared<Sm2CheckpointSigner>(*nodeKey);
    {
        auto log = AuditLog::open(benchOptions(dir, crypto::randomKey(32), signer));
        if (!log)
            return lines;
        constexpr int kBatch = 4096;
        for (int i = 0; i < events; i += kBatch) {
            QList<AuditEvent> batch;
            for (int j = i; j < std::min(events, i + kBatch); ++j)
                batch.append(benchEvent(j));
            if (!log.value()->commit(std::move(batch)))
                return lines;
        }
        auto content = bundleContentFromLog(**log, {}, {});
        if (!content)
            return lines;
        content->source = QStringLiteral("bench-node");
        content->nodeKeyDer = signer->publicKey().der();
        if (!writeAuditBundle(path, *content, auditor->publicKey(), *signer))
            return lines;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    const QByteArray bytes = file.readAll();
    file.close();
    double best = 0;
    double openBest = 0;
    qint64 opened = 0;
    for (int run = 0; run < 3; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto checked = verifyAuditBundle(path, *auditor);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        if (!checked)
            return lines;
        best = std::max(best, double(bytes.size()) / 1e6 / seconds);
        timer.restart();
        auto bundle = openAuditBundle(path, *auditor);
        const double openSeconds = double(timer.nsecsElapsed()) / 1e9;
        if (!bundle)
            return lines;
        opened = bundle->events.size();
        openBest = std::max(openBest, double(bytes.size()) / 1e6 / openSeconds);
    }
    const double sm3Best = sm3MegabytesPerSecond(bytes);
    if (sm3Best <= 0)
        return lines;
    QDir(dir).removeRecursively();
    QFile::remove(path);
    BenchLine line;
    line.bench = QStringLiteral("audit");
    line.caseName = QStringLiteral("bundle-verify");
    line.unit = QStringLiteral("MB/s");
    line.value = best;
    line.baseline = QStringLiteral("raw SM3 over the same bundle bytes");
    line.baselineValue = sm3Best;
    line.extra.insert(QStringLiteral("events"), opened);
    line.extra.insert(QStringLiteral("bundle_bytes"), bytes.size());
    line.extra.insert(QStringLiteral("goal_ratio"), 0.5);
    line.extra.insert(QStringLiteral("threads"), 2); // sections opened ahead of the leaves hashed
    line.extra.insert(
        QStringLiteral("checks"),
        QStringLiteral("SM2 unwrap, SM4-GCM per section, SM2 manifest and checkpoint signatures, SM3 "
                       "leaves over the stored frames, Merkle root, consistency to the checkpoint and "
                       "to the server's witness"));
    lines << line;
    BenchLine open = line;
    open.caseName = QStringLiteral("bundle-open");
    open.value = openBest;
    open.baseline = QStringLiteral("bundle-verify");
    open.baselineValue = best;
    open.extra = QJsonObject{{QStringLiteral("events"), opened},
                             {QStringLiteral("bundle_bytes"), bytes.size()},
                             {QStringLiteral("threads"), 2},
                             {QStringLiteral("note"), QStringLiteral("verification, then every event opened "
                                                                     "(SM4-GCM), chained (SM3), decoded and "
                                                                     "validated (two threads)")}};
    lines << open;
    return lines;
}

} // namespace mdp::audit
