#include "mdp/server/GrantdBenchmarks.h"

#include "PostgresFixture.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/net/GrantClient.h"
#include "mdp/net/HttpsClient.h"
#include "mdp/pki/DemoPki.h"
#include "mdp/server/GrantServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <sys/prctl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <latch>
#include <thread>
#include <vector>

namespace mdp::server {

namespace {

using SteadyClock = std::chrono::steady_clock;
using Headers = QList<QPair<QByteArray, QByteArray>>;

const QString kBench = QStringLiteral("grantd");
const QString kUser = QStringLiteral("res.zhang");

// The demo PKI of the run and the two workstations' credentials.
struct Site
{
    QString directory;
    QString caFile;
    QString serverCertificate;
    QString serverKey;
    QString workstationCertificate;
    QString workstationKey;
    QByteArray caPem;
    QByteArray workstation1Certificate;
    QByteArray workstation1Key;
    QByteArray workstation2Certificate;
    QByteArray workstation2Key;
    QString password; // res.zhang's
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// A port nothing listens on now (the baselines' servers bind it themselves right after).
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

bool acceptsConnections(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    const bool connected = socket.waitForConnected(200);
    socket.abort();
    return connected;
}

double seconds(SteadyClock::duration d)
{
    return std::chrono::duration<double>(d).count();
}

// Nearest rank.
double percentile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    const auto rank = size_t(std::ceil(q * double(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

BenchLine makeLine(const QString &caseName, const QString &unit, double value, const QString &baseline,
                   double baselineValue, bool higherIsBetter, QJsonObject extra = {})
{
    BenchLine line;
    line.bench = kBench;
    line.caseName = caseName;
    line.unit = unit;
    line.value = std::isfinite(value) ? value : 0;
    line.baseline = baseline;
    line.baselineValue = std::isfinite(baselineValue) ? baselineValue : 0;
    line.higherIsBetter = higherIsBetter;
    line.extra = std::move(extra);
    return line;
}

net::TlsClientOptions clientOptions(const Site &site, quint16 port, int workstation)
{
    net::TlsClientOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = port;
    options.serverName = QStringLiteral("localhost");
    options.caPem = site.caPem;
    options.certificatePem = workstation == 1 ? site.workstation1Certificate : site.workstation2Certificate;
    options.privateKeyPem = workstation == 1 ? site.workstation1Key : site.workstation2Key;
    options.timeoutMs = 60000;
    return options;
}

// ---- servers ------------------------------------------------------------------------------------

GrantServerConfig serverConfig(const GrantServerConfig &demo, const QString &dataDirectory,
                               const QString &callLog)
{
    GrantServerConfig config = demo;
    config.dataDirectory = dataDirectory;
    config.callLog = callLog;
    config.port = 0;
    // The token buckets stay in the path (every call still takes a token) but are large enough that
    // the benchmark measures the server, not its rate limits.
    config.gateway.perIdentityRate = 1e9;
    config.gateway.perIdentityBurst = 1000000000;
    config.gateway.perAddressRate = 1e9;
    config.gateway.perAddressBurst = 1000000000;
    return config;
}

// A baseline server in its own process (openssl s_server, nginx), output to files so a full pipe
// never stalls it; stopped (SIGTERM, then SIGKILL) when it goes out of scope.
class ChildServer
{
public:
    ~ChildServer() { stop(); }

    bool start(const QString &program, const QStringList &arguments, const QString &logFile, quint16 port,
               QString *error)
    {
        m_process.setProgram(program);
        m_process.setArguments(arguments);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(logFile);
        m_process.setStandardInputFile(QProcess::nullDevice());
        // A benchmark killed midway leaves no server behind.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process.start();
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("%1 did not start: %2").arg(program, m_process.errorString());
            return false;
        }
        // Waiting for a child to bind its port: polled, bounded.
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 15000) {
            if (m_process.state() != QProcess::Running) {
                *error = QStringLiteral("%1 exited at start: %2")
                             .arg(program, QString::fromUtf8(readAll(logFile).right(600)).trimmed());
                return false;
            }
            if (acceptsConnections(port))
                return true;
            QThread::msleep(20);
        }
        *error = QStringLiteral("%1 did not listen on port %2").arg(program).arg(port);
        return false;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

private:
    QProcess m_process;
};

// ---- handshakes ---------------------------------------------------------------------------------

struct HandshakeRun
{
    double perSecond = 0;
    qint64 connections = 0;
    int realSeconds = 0; // as s_time prints it (whole seconds)
    double wallSeconds = 0;
    QString error;
};

// `openssl s_time -new`: a full mutual-TLS 1.3 handshake per connection, then "GET /" and its
// answer read to the end, so the server has verified the client's certificate before the next.
HandshakeRun sTime(const QString &openssl, const Site &site, quint16 port, int timeSeconds)
{
    HandshakeRun run;
    QProcess process;
    process.setWorkingDirectory(site.directory);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QStringList arguments{QStringLiteral("s_time"),
                                QStringLiteral("-connect"),
                                QStringLiteral("127.0.0.1:%1").arg(port),
                                QStringLiteral("-new"),
                                QStringLiteral("-time"),
                                QString::number(timeSeconds),
                                QStringLiteral("-www"),
                                QStringLiteral("/"),
                                QStringLiteral("-cert"),
                                site.workstationCertificate,
                                QStringLiteral("-key"),
                                site.workstationKey,
                                QStringLiteral("-CAfile"),
                                site.caFile};
    QElapsedTimer timer;
    timer.start();
    process.start(openssl, arguments);
    if (!process.waitForFinished((timeSeconds + 60) * 1000)) {
        process.kill();
        process.waitForFinished();
        run.error = QStringLiteral("openssl s_time did not finish");
        return run;
    }
    run.wallSeconds = double(timer.nsecsElapsed()) / 1e9;
    const QString output = QString::fromUtf8(process.readAll());
    static const QRegularExpression real(QStringLiteral(R"((\d+) connections in (\d+) real seconds)"));
    const auto match = real.match(output);
    if (!match.hasMatch() || process.exitCode() != 0) {
        run.error = QStringLiteral("openssl s_time: %1").arg(output.right(400).trimmed());
        return run;
    }
    run.connections = match.captured(1).toLongLong();
    run.realSeconds = match.captured(2).toInt();
    // s_time's "real seconds" are whole seconds (its loop ends at the first second boundary past the
    // time asked): the process's own elapsed time divides more exactly.
    run.perSecond = double(run.connections) / std::max(run.wallSeconds, 1e-9);
    return run;
}

QList<BenchLine> handshakeBench(const QString &scratch, const Site &site, quint16 grantdPort,
                                const GrantdBenchOptions &options)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    const QString caseName = QStringLiteral("handshakes");
    const QString unit = QStringLiteral("handshakes/s");
    if (openssl.isEmpty())
        return {makeLine(caseName, unit, 0,
                         QStringLiteral("unavailable: the openssl program is not installed"), 0, true,
                         {{QStringLiteral("error"), QStringLiteral("openssl not found")}})};
    const quint16 port = freePort();
    ChildServer sServer;
    QString error;
    const bool baselineUp =
        port != 0 &&
        sServer.start(openssl,
                      {QStringLiteral("s_server"), QStringLiteral("-accept"),
                       QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-cert"),
                       site.serverCertificate, QStringLiteral("-key"), site.serverKey,
                       QStringLiteral("-CAfile"), site.caFile, QStringLiteral("-Verify"), QStringLiteral("1"),
                       QStringLiteral("-tls1_3"), QStringLiteral("-www"), QStringLiteral("-quiet")},
                      QDir(scratch).filePath(QStringLiteral("s_server.log")), port, &error);
    // Alternating rounds, the best of each kept: the machine is shared and a round can be unlucky.
    HandshakeRun best;
    HandshakeRun bestBaseline;
    for (int round = 0; round < std::max(1, options.rounds); ++round) {
        if (options.progress)
            options.progress(QStringLiteral("handshakes: mdp-grantd, round %1").arg(round + 1));
        const HandshakeRun run = sTime(openssl, site, grantdPort, options.handshakeSeconds);
        if (!run.error.isEmpty())
            best.error = run.error;
        else if (run.perSecond > best.perSecond)
            best = run;
        if (!baselineUp)
            continue;
        if (options.progress)
            options.progress(QStringLiteral("handshakes: openssl s_server, round %1").arg(round + 1));
        const HandshakeRun baseline = sTime(openssl, site, port, options.handshakeSeconds);
        if (!baseline.error.isEmpty())
            bestBaseline.error = baseline.error;
        else if (baseline.perSecond > bestBaseline.perSecond)
            bestBaseline = baseline;
    }
    sServer.stop();
    QJsonObject extra{{QStringLiteral("goal"), QStringLiteral("ratio >= 0.8")},
                      {QStringLiteral("client"),
                       QStringLiteral("openssl s_time -new -www / -time %1 (same client certificate)")
                           .arg(options.handshakeSeconds)},
                      {QStringLiteral("rounds"), std::max(1, options.rounds)},
                      {QStringLiteral("connections"), double(best.connections)},
                      {QStringLiteral("s_time_real_seconds"), best.realSeconds},
                      {QStringLiteral("wall_seconds"), best.wallSeconds},
                      {QStringLiteral("baseline_connections"), double(bestBaseline.connections)},
                      {QStringLiteral("baseline_wall_seconds"), bestBaseline.wallSeconds}};
    if (!best.error.isEmpty() && best.perSecond == 0)
        extra.insert(QStringLiteral("error"), best.error);
    QString baselineName = QStringLiteral("openssl s_server -tls1_3 -Verify 1 -www (same certificates)");
    if (!baselineUp)
        baselineName = QStringLiteral("unavailable: %1").arg(error);
    else if (bestBaseline.perSecond == 0)
        baselineName = QStringLiteral("unavailable: %1").arg(bestBaseline.error);
    return {makeLine(caseName, unit, best.perSecond, baselineName, bestBaseline.perSecond, true, extra)};
}

// ---- requests -----------------------------------------------------------------------------------

struct Series
{
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double perSecond = 0;
    int count = 0;
    QString error;
};

struct Target
{
    net::TlsClientOptions tls;
    QString path;
    Headers headers;
};

Result<void> warmUp(net::HttpsClient &client, const Target &target, int count)
{
    for (int i = 0; i < count; ++i) {
        auto answer = client.request("GET", target.path, {}, target.headers);
        if (!answer)
            return answer.error();
        if (answer->status != 200)
            return makeError(Error::Code::Io,
                             QStringLiteral("GET %1: %2").arg(target.path, answer->problemDetail()));
    }
    return {};
}

// One warm keep-alive connection, `count` requests one after the other, each timed.
Series measureSeries(const Target &target, int count)
{
    Series series;
    auto client = net::HttpsClient::create(target.tls);
    if (!client) {
        series.error = client.error().toString();
        return series;
    }
    if (auto warm = warmUp(**client, target, std::min(200, std::max(10, count / 10))); !warm) {
        series.error = warm.error().toString();
        return series;
    }
    const qint64 handshakes = (*client)->handshakes();
    std::vector<double> latencies;
    latencies.reserve(size_t(count));
    const auto start = SteadyClock::now();
    for (int i = 0; i < count; ++i) {
        const auto t0 = SteadyClock::now();
        auto answer = (*client)->request("GET", target.path, {}, target.headers);
        const auto t1 = SteadyClock::now();
        if (!answer || answer->status != 200) {
            series.error = answer ? QStringLiteral("HTTP %1").arg(answer->status) : answer.error().toString();
            return series;
        }
        latencies.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
    const double elapsed = seconds(SteadyClock::now() - start);
    if ((*client)->handshakes() != handshakes) {
        series.error = QStringLiteral("the connection was not kept alive");
        return series;
    }
    std::sort(latencies.begin(), latencies.end());
    series.p50 = percentile(latencies, 0.50);
    series.p95 = percentile(latencies, 0.95);
    series.p99 = percentile(latencies, 0.99);
    series.perSecond = double(count) / std::max(elapsed, 1e-9);
    series.count = count;
    return series;
}

// One warm connection per target, each on its own thread, `total` requests shared out; requests/s
// over the span from the common start to the last thread's end.
Series measureConcurrent(const QList<Target> &targets, int total)
{
    Series series;
    const int threads = int(targets.size());
    const int each = std::max(1, total / threads);
    std::vector<std::unique_ptr<net::HttpsClient>> clients;
    for (const Target &target : targets) {
        auto client = net::HttpsClient::create(target.tls);
        if (!client) {
            series.error = client.error().toString();
            return series;
        }
        clients.push_back(std::move(*client));
    }
    std::latch ready(threads);
    std::vector<SteadyClock::time_point> starts(static_cast<size_t>(threads));
    std::vector<SteadyClock::time_point> ends(static_cast<size_t>(threads));
    std::vector<QString> errors(static_cast<size_t>(threads));
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            net::HttpsClient &client = *clients[size_t(t)];
            const Target &target = targets[t];
            auto warm = warmUp(client, target, 100);
            if (!warm)
                errors[size_t(t)] = warm.error().toString();
            ready.arrive_and_wait();
            starts[size_t(t)] = SteadyClock::now();
            for (int i = 0; i < each && warm; ++i) {
                auto answer = client.request("GET", target.path, {}, target.headers);
                if (!answer || answer->status != 200) {
                    errors[size_t(t)] =
                        answer ? QStringLiteral("HTTP %1").arg(answer->status) : answer.error().toString();
                    break;
                }
            }
            ends[size_t(t)] = SteadyClock::now();
        });
    }
    for (auto &worker : workers)
        worker.join();
    for (const QString &error : errors) {
        if (!error.isEmpty()) {
            series.error = error;
            return series;
        }
    }
    const double elapsed = seconds(*std::max_element(ends.begin(), ends.end()) -
                                   *std::min_element(starts.begin(), starts.end()));
    series.count = each * threads;
    series.perSecond = double(series.count) / std::max(elapsed, 1e-9);
    return series;
}

void keepBest(Series &best, const Series &run)
{
    if (!run.error.isEmpty()) {
        if (best.perSecond == 0)
            best.error = run.error;
    } else if (run.perSecond > best.perSecond) {
        best = run;
    }
}

struct RequestFigures
{
    Series single;
    Series concurrent;
};

// One round: the series over one connection, then the concurrent one; the best round is kept.
void measureRound(RequestFigures &best, const Target &target, const QList<Target> &concurrent, int requests)
{
    keepBest(best.single, measureSeries(target, requests));
    keepBest(best.concurrent, measureConcurrent(concurrent, requests));
}

QList<BenchLine> requestLines(const QString &suffix, const RequestFigures &measured,
                              const RequestFigures &base, const QString &baselineName,
                              const QJsonObject &common, int concurrentClients)
{
    auto extraFor = [&](const Series &series, const QString &goal) {
        QJsonObject extra = common;
        extra.insert(QStringLiteral("requests"), series.count);
        if (!goal.isEmpty())
            extra.insert(QStringLiteral("goal"), goal);
        if (!series.error.isEmpty())
            extra.insert(QStringLiteral("error"), series.error);
        return extra;
    };
    const QString name = QStringLiteral("requests") + suffix;
    const bool embedded = suffix.isEmpty();
    const QString concurrentName = QStringLiteral("%1-%2-clients").arg(name).arg(concurrentClients);
    return {
        makeLine(name + QStringLiteral("-p50"), QStringLiteral("us"), measured.single.p50, baselineName,
                 base.single.p50, false, extraFor(measured.single, {})),
        makeLine(name + QStringLiteral("-p95"), QStringLiteral("us"), measured.single.p95, baselineName,
                 base.single.p95, false,
                 extraFor(measured.single, embedded ? QStringLiteral("value <= 1000 us") : QString())),
        makeLine(name + QStringLiteral("-p99"), QStringLiteral("us"), measured.single.p99, baselineName,
                 base.single.p99, false, extraFor(measured.single, {})),
        makeLine(name, QStringLiteral("requests/s"), measured.single.perSecond, baselineName,
                 base.single.perSecond, true,
                 extraFor(measured.single, embedded ? QStringLiteral("ratio >= 0.5") : QString())),
        makeLine(concurrentName, QStringLiteral("requests/s"), measured.concurrent.perSecond, baselineName,
                 base.concurrent.perSecond, true, extraFor(measured.concurrent, {})),
    };
}

// ---- nginx --------------------------------------------------------------------------------------

QString nginxProgram()
{
    const QString configured = qEnvironmentVariable("MDP_BENCH_NGINX");
    if (!configured.isEmpty())
        return configured;
    if (QFile::exists(QStringLiteral("/usr/sbin/nginx")))
        return QStringLiteral("/usr/sbin/nginx");
    return QStandardPaths::findExecutable(QStringLiteral("nginx"));
}

// nginx in the foreground behind the same mutual TLS 1.3: "ok" for every GET and for the sync
// batches posted, and the sync relay's answers (files written by the sync case) for its pulls.
class Nginx
{
public:
    bool start(const QString &program, const QString &scratch, const QString &www, const Site &site,
               QString *error)
    {
        m_directory = QDir(scratch).filePath(QStringLiteral("nginx"));
        QDir().mkpath(m_directory);
        m_port = freePort();
        const QString config = QStringLiteral(R"(daemon off;
master_process on;
worker_processes 2;
pid %1/nginx.pid;
error_log %1/error.log warn;
events { worker_connections 256; }
http {
    access_log %1/access.log;
    default_type text/plain;
    keepalive_requests 100000000;
    keepalive_timeout 300s;
    client_max_body_size 64m;
    server {
        listen 127.0.0.1:%2 ssl;
        server_name localhost;
        ssl_protocols TLSv1.3;
        ssl_certificate %3;
        ssl_certificate_key %4;
        ssl_client_certificate %5;
        ssl_verify_client on;
        location / { return 200 "ok"; }
        location = /v1/sync/entries {
            if ($request_method = POST) { return 200 "ok"; }
            root %6;
            default_type application/json;
            try_files /pull-$arg_after.json =404;
        }
    }
}
)")
                                   .arg(m_directory)
                                   .arg(m_port)
                                   .arg(site.serverCertificate, site.serverKey, site.caFile, www);
        const QString configFile = QDir(m_directory).filePath(QStringLiteral("nginx.conf"));
        if (m_port == 0 || !writeAll(configFile, config.toUtf8())) {
            *error = QStringLiteral("cannot write %1").arg(configFile);
            return false;
        }
        return m_process.start(program,
                               {QStringLiteral("-p"), m_directory + QLatin1Char('/'), QStringLiteral("-c"),
                                configFile, QStringLiteral("-e"),
                                QDir(m_directory).filePath(QStringLiteral("error.log"))},
                               QDir(m_directory).filePath(QStringLiteral("stderr.log")), m_port, error);
    }
    void stop() { m_process.stop(); }
    quint16 port() const { return m_port; }

private:
    QString m_directory;
    quint16 m_port = 0;
    ChildServer m_process;
};

// ---- sync ---------------------------------------------------------------------------------------

// Form records as the workstation sends them (the breast-cancer cohort's baseline form): JSON of
// about 1 KiB, a free-text note making up the rest.
QList<QByteArray> makeRecords(int count)
{
    QRandomGenerator random(20261207);
    static const char *const histologies[] = {"invasive ductal carcinoma", "invasive lobular carcinoma",
                                              "mixed ductal/lobular", "mucinous carcinoma"};
    static const char *const her2[] = {"0", "1+", "2+ FISH-", "2+ FISH+", "3+"};
    static const char *const sentences[] = {
        "Tolerated SBRT fraction without interruption; mild erythema over the tumour bed. ",
        "Pembrolizumab cycle given as planned, no infusion reaction. ",
        "Palpable mass decreased on examination compared with the previous visit. ",
        "Thyroid function to be rechecked before the next cycle. ",
        "Patient reports grade 1 fatigue, appetite preserved, ECOG unchanged. ",
        "MRI response assessment scheduled after cycle 4, surgery planned thereafter. ",
        "Axillary node no longer palpable; skin intact; no lymphoedema. "};
    QList<QByteArray> records;
    records.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QDate visit = QDate(2026, 1, 5).addDays(random.bounded(330));
        QJsonObject fields{
            {QStringLiteral("visitDate"), visit.toString(Qt::ISODate)},
            {QStringLiteral("ageAtDiagnosis"), 30 + random.bounded(50)},
            {QStringLiteral("menopausalStatus"),
             random.bounded(2) ? QStringLiteral("post") : QStringLiteral("pre")},
            {QStringLiteral("laterality"),
             random.bounded(2) ? QStringLiteral("left") : QStringLiteral("right")},
            {QStringLiteral("histology"), QString::fromLatin1(histologies[random.bounded(4)])},
            {QStringLiteral("grade"), 1 + random.bounded(3)},
            {QStringLiteral("cT"), QStringLiteral("cT%1").arg(1 + random.bounded(4))},
            {QStringLiteral("cN"), QStringLiteral("cN%1").arg(random.bounded(4))},
            {QStringLiteral("cM"), QStringLiteral("cM0")},
            {QStringLiteral("er"), QJsonObject{{QStringLiteral("status"), QStringLiteral("positive")},
                                               {QStringLiteral("percent"), 10 * random.bounded(11)}}},
            {QStringLiteral("pr"), QJsonObject{{QStringLiteral("status"), QStringLiteral("negative")},
                                               {QStringLiteral("percent"), random.bounded(10)}}},
            {QStringLiteral("her2"), QString::fromLatin1(her2[random.bounded(5)])},
            {QStringLiteral("ki67"), 5 * random.bounded(1, 19)},
            {QStringLiteral("tumourSizeMm"), double(50 + random.bounded(400)) / 10.0},
            {QStringLiteral("ecog"), random.bounded(2)},
            {QStringLiteral("regimen"), QStringLiteral("SBRT 24 Gy/3 fx + pembrolizumab 200 mg q3w")},
            {QStringLiteral("cycle"), 1 + random.bounded(6)},
            {QStringLiteral("adverseEvents"),
             QJsonArray{QJsonObject{{QStringLiteral("term"), QStringLiteral("fatigue")},
                                    {QStringLiteral("ctcaeGrade"), 1}},
                        QJsonObject{{QStringLiteral("term"), QStringLiteral("radiation dermatitis")},
                                    {QStringLiteral("ctcaeGrade"), 1 + random.bounded(2)}}}},
            {QStringLiteral("labs"),
             QJsonObject{{QStringLiteral("wbc"), double(40 + random.bounded(60)) / 10.0},
                         {QStringLiteral("anc"), double(15 + random.bounded(50)) / 10.0},
                         {QStringLiteral("hb"), 100 + random.bounded(50)},
                         {QStringLiteral("plt"), 150 + random.bounded(200)},
                         {QStringLiteral("alt"), 10 + random.bounded(40)},
                         {QStringLiteral("tsh"), double(5 + random.bounded(40)) / 10.0}}}};
        QJsonObject record{
            {QStringLiteral("schema"), QStringLiteral("mdp.form-record/1")},
            {QStringLiteral("recordId"), recordId},
            {QStringLiteral("formId"), QStringLiteral("breast-cancer.neoadjuvant-visit")},
            {QStringLiteral("formVersion"), QStringLiteral("3.2")},
            {QStringLiteral("patient"),
             QStringLiteral("PSN-%1").arg(random.generate64() >> 16, 12, 16, QLatin1Char('0'))},
            {QStringLiteral("project"), QStringLiteral("BC-RT-IO-2026")},
            {QStringLiteral("status"), QStringLiteral("submitted")},
            {QStringLiteral("author"), QStringLiteral("dr.wang")},
            {QStringLiteral("updatedAt"),
             QDateTime(visit, QTime(9, 0).addSecs(random.bounded(30000)), Qt::UTC).toString(Qt::ISODate)},
            {QStringLiteral("fields"), fields}};
        const int target = 960 + int(random.bounded(129)); // 960..1088 bytes
        QString note;
        const qsizetype without = QJsonDocument(record).toJson(QJsonDocument::Compact).size() + 12;
        while (without + note.size() < target)
            note += QString::fromLatin1(sentences[random.bounded(7)]);
        note.truncate(std::max<qsizetype>(0, target - without));
        fields.insert(QStringLiteral("note"), note.trimmed());
        record.insert(QStringLiteral("fields"), fields);
        records.append(QJsonDocument(record).toJson(QJsonDocument::Compact));
    }
    return records;
}

struct SyncRun
{
    double recordsPerSecond = 0;
    double pushSeconds = 0;
    double pullSeconds = 0;
    qint64 pusherSent = 0;
    qint64 pusherReceived = 0;
    qint64 pullerSent = 0;
    qint64 pullerReceived = 0;
    qint64 plaintextBytes = 0;
    QList<qint64> pulledAfter; // the `after` of each pull, so the baseline can serve the same answers
    QString error;

    qint64 wireBytes() const { return pusherSent + pusherReceived + pullerSent + pullerReceived; }
};

// Workstation-1 seals and pushes the records in batches, then workstation-2 pulls and opens them
// all: the records/s of the two phases together, and what crossed the wire for them.
SyncRun runSync(net::GrantClient &pusher, const QString &pusherOrigin, net::GrantClient &puller,
                const net::SyncCipher &cipher, const QList<QByteArray> &records, int batchSize, bool relay)
{
    SyncRun run;
    QStringList objectIds; // what the workstation knows of each record before sealing it
    for (const QByteArray &record : records) {
        run.plaintextBytes += record.size();
        objectIds.append(
            QJsonDocument::fromJson(record).object().value(QLatin1String("recordId")).toString());
    }
    const qint64 sent1 = pusher.http().bytesSent();
    const qint64 received1 = pusher.http().bytesReceived();
    const qint64 sent2 = puller.http().bytesSent();
    const qint64 received2 = puller.http().bytesReceived();

    const auto pushStart = SteadyClock::now();
    for (qsizetype from = 0; from < records.size(); from += batchSize) {
        QList<net::OutgoingEntry> batch;
        for (qsizetype i = from; i < std::min<qsizetype>(records.size(), from + batchSize); ++i) {
            net::OutgoingEntry entry;
            entry.entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            entry.kind = QStringLiteral("form-record");
            entry.objectId = objectIds[i];
            entry.revision = 1;
            auto sealed = cipher.seal(entry, pusherOrigin, records[i]);
            if (!sealed) {
                run.error = sealed.error().toString();
                return run;
            }
            entry.ciphertext = std::move(*sealed);
            batch.append(std::move(entry));
        }
        auto pushed = pusher.push(batch);
        if (!pushed) {
            run.error = QStringLiteral("push: %1").arg(pushed.error().toString());
            return run;
        }
        if (!pushed->applied || (relay && pushed->sequences.size() != batch.size())) {
            run.error =
                QStringLiteral("push: batch not applied (%1 conflicts)").arg(pushed->conflicts.size());
            return run;
        }
    }
    const auto pullStart = SteadyClock::now();
    qint64 after = 0;
    qint64 pulled = 0;
    qint64 opened = 0;
    for (bool more = true; more;) {
        run.pulledAfter.append(after);
        auto entries = puller.pull(after, batchSize, &more);
        if (!entries) {
            run.error = QStringLiteral("pull: %1").arg(entries.error().toString());
            return run;
        }
        for (const net::IncomingEntry &entry : *entries) {
            auto plaintext = cipher.open(entry);
            if (!plaintext) {
                run.error = QStringLiteral("pull: %1").arg(plaintext.error().toString());
                return run;
            }
            opened += plaintext->size();
            after = entry.sequence;
        }
        pulled += entries->size();
        if (entries->isEmpty())
            break;
    }
    const auto end = SteadyClock::now();
    if (pulled != records.size() || opened != run.plaintextBytes) {
        run.error = QStringLiteral("pulled %1 records (%2 bytes), %3 (%4 bytes) pushed")
                        .arg(pulled)
                        .arg(opened)
                        .arg(records.size())
                        .arg(run.plaintextBytes);
        return run;
    }
    run.pushSeconds = seconds(pullStart - pushStart);
    run.pullSeconds = seconds(end - pullStart);
    run.recordsPerSecond = double(records.size()) / std::max(run.pushSeconds + run.pullSeconds, 1e-9);
    run.pusherSent = pusher.http().bytesSent() - sent1;
    run.pusherReceived = pusher.http().bytesReceived() - received1;
    run.pullerSent = puller.http().bytesSent() - sent2;
    run.pullerReceived = puller.http().bytesReceived() - received2;
    return run;
}

// What the relay answered to each pull of `run`, as files nginx serves for the same pulls.
Result<void> keepPullAnswers(net::GrantClient &puller, const SyncRun &run, int limit, const QString &www)
{
    for (qint64 after : run.pulledAfter) {
        auto answer =
            puller.call("GET", QStringLiteral("/v1/sync/entries?after=%1&limit=%2").arg(after).arg(limit));
        if (!answer)
            return answer.error();
        if (answer->status != 200)
            return makeError(Error::Code::Io, answer->problemDetail());
        const QString path = QDir(www).filePath(QStringLiteral("pull-%1.json").arg(after));
        if (!writeAll(path, answer->body))
            return makeError(Error::Code::Io, QStringLiteral("cannot write %1").arg(path));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                        QFileDevice::ReadGroup | QFileDevice::ReadOther);
    }
    return {};
}

QJsonObject syncExtra(const SyncRun &run, int records, int batch)
{
    QJsonObject extra{
        {QStringLiteral("records"), records},
        {QStringLiteral("batch"), batch},
        {QStringLiteral("push_records_per_s"), run.pushSeconds > 0 ? records / run.pushSeconds : 0},
        {QStringLiteral("pull_records_per_s"), run.pullSeconds > 0 ? records / run.pullSeconds : 0},
        {QStringLiteral("record_plaintext_bytes_avg"),
         records > 0 ? double(run.plaintextBytes) / records : 0}};
    if (!run.error.isEmpty())
        extra.insert(QStringLiteral("error"), run.error);
    return extra;
}

QJsonObject wireExtra(const SyncRun &run)
{
    QJsonObject extra{{QStringLiteral("counted"),
                       QStringLiteral("HTTP messages both ways on both workstations (HttpsClient::bytesSent/"
                                      "bytesReceived); TLS record overhead not included")},
                      {QStringLiteral("workstation1_sent"), double(run.pusherSent)},
                      {QStringLiteral("workstation1_received"), double(run.pusherReceived)},
                      {QStringLiteral("workstation2_sent"), double(run.pullerSent)},
                      {QStringLiteral("workstation2_received"), double(run.pullerReceived)},
                      {QStringLiteral("plaintext_bytes"), double(run.plaintextBytes)}};
    if (!run.error.isEmpty())
        extra.insert(QStringLiteral("error"), run.error);
    return extra;
}

// ---- workstations -------------------------------------------------------------------------------

struct Workstation
{
    std::unique_ptr<net::GrantClient> client;
    QString token;
    SecureBytes siteKey; // from the account's bundle, opened on the workstation
    QString origin;      // its certificate's fingerprint, as the relay names it (bound into each seal)
};

QString originOf(const Site &site, int workstation)
{
    auto certificate = crypto::Certificate::fromPem(workstation == 1 ? site.workstation1Certificate
                                                                     : site.workstation2Certificate);
    return certificate ? QString::fromLatin1(certificate->fingerprint().toHex()) : QString();
}

Result<Workstation> signIn(const Site &site, quint16 port, int workstation)
{
    auto client = net::GrantClient::create(clientOptions(site, port, workstation));
    if (!client)
        return client.error();
    auto account = (*client)->signIn(kUser, passwordBytes(site.password.toUtf8()));
    if (!account)
        return makeError(account.error().code, QStringLiteral("workstation-%1 signing in as %2: %3")
                                                   .arg(workstation)
                                                   .arg(kUser, account.error().toString()));
    QByteArray key = QByteArray::fromBase64(QJsonDocument::fromJson(account->bundle.view().toByteArray())
                                                .object()
                                                .value(QLatin1String("siteKey"))
                                                .toString()
                                                .toLatin1());
    if (key.size() < 16)
        return makeError(Error::Code::NotFound, QStringLiteral("the account bundle carries no site key"));
    Workstation out;
    out.token = (*client)->accessToken();
    out.siteKey = SecureBytes::takeFrom(key);
    out.origin = originOf(site, workstation);
    out.client = std::move(*client);
    return out;
}

// A workstation's client of `port` carrying a token obtained elsewhere: from another instance behind
// the same load balancer, or for the baseline, which knows no account (the same header bytes).
Result<Workstation> withToken(const Site &site, quint16 port, int workstation, const Workstation &signedIn)
{
    auto client = net::GrantClient::create(clientOptions(site, port, workstation));
    if (!client)
        return client.error();
    (*client)->setAccessToken(signedIn.token);
    Workstation out;
    out.token = signedIn.token;
    out.siteKey = signedIn.siteKey;
    out.origin = originOf(site, workstation);
    out.client = std::move(*client);
    return out;
}

Target accountTarget(const Site &site, quint16 port, int workstation, const QString &token)
{
    return Target{clientOptions(site, port, workstation), QStringLiteral("/v1/accounts/%1").arg(kUser),
                  Headers{{QByteArray("Authorization"), "Bearer " + token.toLatin1()}}};
}

// `clients` targets, workstation-1 and workstation-2 in turn (each on its own port and token).
QList<Target> concurrentTargets(const Site &site, int clients, quint16 port1, const QString &token1,
                                quint16 port2, const QString &token2)
{
    QList<Target> targets;
    for (int t = 0; t < std::max(1, clients); ++t)
        targets.append(t % 2 == 0 ? accountTarget(site, port1, 1, token1)
                                  : accountTarget(site, port2, 2, token2));
    return targets;
}

QList<BenchLine> syncLines(const QString &suffix, const SyncRun &run, const QString &baselineName,
                           double baselineRate, const QString &wireBaselineName, double wireBaseline,
                           const GrantdBenchOptions &options)
{
    return {makeLine(QStringLiteral("sync") + suffix, QStringLiteral("records/s"), run.recordsPerSecond,
                     baselineName, baselineRate, true, syncExtra(run, options.records, options.batch)),
            makeLine(QStringLiteral("sync") + suffix + QStringLiteral("-wire"), QStringLiteral("bytes"),
                     double(run.wireBytes()), wireBaselineName, wireBaseline, false, wireExtra(run))};
}

// The PostgreSQL store behind two instances (A and B) sharing the server keys; workstation-1 talks
// to A, workstation-2 to B with the token A issued it (what a load balancer does).
QList<BenchLine> postgresBench(const QString &scratchDir, const Site &site, const GrantServerConfig &demo,
                               const QList<QByteArray> &records, const RequestFigures &embeddedRequests,
                               const SyncRun &embeddedSync, const QJsonObject &common,
                               const GrantdBenchOptions &options)
{
    const QString baseline = QStringLiteral("mdp-grantd, embedded SQLCipher store, one instance (same run)");
    RequestFigures requests;
    SyncRun sync;
    bool skipped = false; // no PostgreSQL server on this machine: said in the lines, not measured
    auto lines = [&](const QString &problem) {
        QJsonObject extra = common;
        extra.insert(QStringLiteral("deployment"),
                     QStringLiteral("PostgreSQL, two instances sharing server-keys.json; workstation-1 to A, "
                                    "workstation-2 to B with the token A issued"));
        if (!problem.isEmpty()) {
            requests.single.error = requests.concurrent.error = problem;
            if (sync.error.isEmpty())
                sync.error = problem;
        }
        QList<BenchLine> out =
            requestLines(QStringLiteral("-postgresql"), requests, embeddedRequests, baseline, extra,
                         options.concurrentClients) +
            syncLines(QStringLiteral("-postgresql"), sync, baseline, embeddedSync.recordsPerSecond, baseline,
                      double(embeddedSync.wireBytes()), options);
        for (BenchLine &line : out) {
            if (skipped)
                line.extra.insert(QStringLiteral("skipped"), true);
        }
        return out;
    };
    if (options.progress)
        options.progress(QStringLiteral("PostgreSQL: starting a throw-away cluster"));
    auto postgres = PostgresFixture::start();
    if (!postgres) {
        skipped = postgres.error().code == Error::Code::NotFound;
        return lines(QStringLiteral("PostgreSQL: %1").arg(postgres.error().toString()));
    }
    const QString database = (*postgres)->createDatabase(QStringLiteral("grantd_bench"));
    if (database.isEmpty())
        return lines(QStringLiteral("PostgreSQL: the database could not be created"));

    auto configA = serverConfig(demo, QDir(scratchDir).filePath(QStringLiteral("grantd-postgresql-a")),
                                QDir(scratchDir).filePath(QStringLiteral("calls-postgresql-a.jsonl")));
    configA.store = QStringLiteral("postgresql");
    configA.postgres = database;
    configA.service.nodeId = QStringLiteral("mdp-grantd-a");
    auto serverA = GrantServer::start(configA);
    if (!serverA)
        return lines(QStringLiteral("instance A: %1").arg(serverA.error().toString()));
    if (auto accounts = ensureDemoAccounts(**serverA, site.directory); !accounts)
        return lines(QStringLiteral("instance A: %1").arg(accounts.error().toString()));
    auto configB = serverConfig(demo, QDir(scratchDir).filePath(QStringLiteral("grantd-postgresql-b")),
                                QDir(scratchDir).filePath(QStringLiteral("calls-postgresql-b.jsonl")));
    configB.store = QStringLiteral("postgresql");
    configB.postgres = database;
    configB.service.nodeId = QStringLiteral("mdp-grantd-b");
    // Behind one load balancer the instances share the server keys (the token key above all).
    QDir().mkpath(configB.dataDirectory);
    const QString keys = QStringLiteral("server-keys.json");
    if (!QFile::copy(QDir(configA.dataDirectory).filePath(keys), QDir(configB.dataDirectory).filePath(keys)))
        return lines(QStringLiteral("instance B: the server keys could not be copied"));
    auto serverB = GrantServer::start(configB);
    if (!serverB)
        return lines(QStringLiteral("instance B: %1").arg(serverB.error().toString()));
    const quint16 portA = (*serverA)->port();
    const quint16 portB = (*serverB)->port();

    auto one = signIn(site, portA, 1);
    auto twoAtA = one ? signIn(site, portA, 2) : Result<Workstation>(one.error());
    auto two = twoAtA ? withToken(site, portB, 2, *twoAtA) : Result<Workstation>(twoAtA.error());
    if (!two)
        return lines(two.error().toString());
    const Target single = accountTarget(site, portA, 1, one->token);
    const QList<Target> concurrent =
        concurrentTargets(site, options.concurrentClients, portA, one->token, portB, two->token);
    for (int round = 0; round < std::max(1, options.rounds); ++round) {
        if (options.progress)
            options.progress(QStringLiteral("requests: PostgreSQL, round %1").arg(round + 1));
        measureRound(requests, single, concurrent, options.requests);
    }
    if (options.progress)
        options.progress(QStringLiteral("sync: PostgreSQL, %1 records").arg(records.size()));
    sync = runSync(*one->client, one->origin, *two->client, net::SyncCipher(one->siteKey), records,
                   options.batch, true);
    (*serverB)->stop();
    (*serverA)->stop();
    return lines({});
}

} // namespace

GrantdBenchOptions GrantdBenchOptions::quickRun()
{
    GrantdBenchOptions options;
    options.handshakeSeconds = 1;
    options.rounds = 1;
    options.requests = 400;
    options.records = 1000;
    options.batch = 250;
    return options;
}

QList<BenchLine> runGrantdBenchmarks(const QString &scratchDir, const GrantdBenchOptions &options)
{
    QList<BenchLine> lines;
    auto failed = [&](const QString &message) {
        lines.append(makeLine(QStringLiteral("setup"), QStringLiteral("-"), 0,
                              QStringLiteral("unavailable: %1").arg(message), 0, true,
                              {{QStringLiteral("error"), message}}));
        return lines;
    };

    // The site: a throw-away PKI, a second workstation's certificate, the demo accounts.
    Site site;
    site.directory = QDir(scratchDir).filePath(QStringLiteral("pki"));
    auto demo = prepareDemoServer(site.directory, 0);
    auto second = demo ? pki::issueDemoWorkstation(site.directory, QStringLiteral("workstation-2"))
                       : Result<pki::DemoCredential>(demo.error());
    if (!second)
        return failed(second.error().toString());
    site.caFile = demo->caFile;
    site.serverCertificate = demo->certificateFile;
    site.serverKey = demo->keyFile;
    site.workstationCertificate = QDir(site.directory).filePath(QStringLiteral("workstation.crt"));
    site.workstationKey = QDir(site.directory).filePath(QStringLiteral("workstation.key"));
    site.caPem = readAll(site.caFile);
    site.workstation1Certificate = readAll(site.workstationCertificate);
    site.workstation1Key = readAll(site.workstationKey);
    site.workstation2Certificate = readAll(second->certificate);
    site.workstation2Key = readAll(second->privateKey);

    // The relay's answers to the pulls, served again by nginx, whose workers may run as another user
    // (nobody): outside the private scratch folder, readable by all (ciphertext of synthetic records).
    QTemporaryDir www(QDir(QDir::tempPath()).filePath(QStringLiteral("mdp-bench-grantd-XXXXXX")));
    if (!www.isValid())
        return failed(QStringLiteral("cannot create a temporary folder"));
    QFile::setPermissions(www.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                          QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                          QFileDevice::ExeOther);

    const QList<QByteArray> records = makeRecords(options.records);
    const QJsonObject common{
        {QStringLiteral("client"),
         QStringLiteral("mdp::net::HttpsClient, one warm keep-alive mTLS connection each")},
        {QStringLiteral("request"), QStringLiteral("GET /v1/accounts/%1 with the bearer token").arg(kUser)},
        {QStringLiteral("rounds"), std::max(1, options.rounds)},
        {QStringLiteral("server_threads"), demo->threads}};

    // nginx beside mdp-grantd for the embedded store's rounds, so each round measures both.
    QString nginxProblem;
    Nginx nginx;
    const QString nginxPath = nginxProgram();
    if (nginxPath.isEmpty())
        nginxProblem =
            QStringLiteral("nginx is not installed (installer/install-bench-deps.sh installs nginx-light)");
    else if (QString error; !nginx.start(nginxPath, scratchDir, www.path(), site, &error))
        nginxProblem = error;
    const QString nginxName = nginxProblem.isEmpty()
                                  ? QStringLiteral("nginx return 200 \"ok\" (same mTLS 1.3, same client)")
                                  : QStringLiteral("unavailable: %1").arg(nginxProblem);

    RequestFigures grantdRequests;
    RequestFigures nginxRequests;
    SyncRun grantdSync;
    SyncRun nginxSync;
    {
        auto config = serverConfig(*demo, QDir(scratchDir).filePath(QStringLiteral("grantd-sqlcipher")),
                                   QDir(scratchDir).filePath(QStringLiteral("calls-sqlcipher.jsonl")));
        auto server = GrantServer::start(config);
        if (!server)
            return failed(server.error().toString());
        auto accounts = ensureDemoAccounts(**server, site.directory);
        if (!accounts)
            return failed(accounts.error().toString());
        for (const DemoServerAccount &account : *accounts) {
            if (account.userName == kUser)
                site.password = account.password;
        }
        const quint16 port = (*server)->port();

        lines += handshakeBench(scratchDir, site, port, options);

        auto one = signIn(site, port, 1);
        auto two = one ? signIn(site, port, 2) : Result<Workstation>(one.error());
        if (!two)
            return failed(two.error().toString());
        const int clients = options.concurrentClients;
        const Target single = accountTarget(site, port, 1, one->token);
        const QList<Target> concurrent = concurrentTargets(site, clients, port, one->token, port, two->token);
        const Target nginxSingle = accountTarget(site, nginx.port(), 1, one->token);
        const QList<Target> nginxConcurrent =
            concurrentTargets(site, clients, nginx.port(), one->token, nginx.port(), two->token);
        for (int round = 0; round < std::max(1, options.rounds); ++round) {
            if (options.progress)
                options.progress(QStringLiteral("requests: mdp-grantd, round %1").arg(round + 1));
            measureRound(grantdRequests, single, concurrent, options.requests);
            if (!nginxProblem.isEmpty())
                continue;
            if (options.progress)
                options.progress(QStringLiteral("requests: nginx, round %1").arg(round + 1));
            measureRound(nginxRequests, nginxSingle, nginxConcurrent, options.requests);
        }

        if (options.progress)
            options.progress(QStringLiteral("sync: mdp-grantd, %1 records").arg(records.size()));
        const net::SyncCipher cipher(one->siteKey);
        grantdSync = runSync(*one->client, one->origin, *two->client, cipher, records, options.batch, true);
        if (nginxProblem.isEmpty() && grantdSync.error.isEmpty()) {
            if (auto kept = keepPullAnswers(*two->client, grantdSync, options.batch, www.path()); !kept) {
                nginxSync.error = kept.error().toString();
            } else {
                if (options.progress)
                    options.progress(QStringLiteral("sync: nginx, %1 records").arg(records.size()));
                auto nginxOne = withToken(site, nginx.port(), 1, *one);
                auto nginxTwo =
                    nginxOne ? withToken(site, nginx.port(), 2, *two) : Result<Workstation>(nginxOne.error());
                if (!nginxTwo)
                    nginxSync.error = nginxTwo.error().toString();
                else
                    nginxSync = runSync(*nginxOne->client, nginxOne->origin, *nginxTwo->client, cipher,
                                        records, options.batch, false);
            }
        }
        (*server)->stop();
    }
    nginx.stop();

    lines +=
        requestLines(QString(), grantdRequests, nginxRequests, nginxName, common, options.concurrentClients);
    QString nginxSyncName = nginxName;
    if (nginxProblem.isEmpty())
        nginxSyncName =
            nginxSync.error.isEmpty()
                ? QStringLiteral("nginx: the same batches posted, the relay's answers served as files "
                                 "(same mTLS 1.3, same client)")
                : QStringLiteral("unavailable: %1").arg(nginxSync.error);
    lines += syncLines(QString(), grantdSync, nginxSyncName, nginxSync.recordsPerSecond,
                       QStringLiteral("the records' plaintext JSON (bytes)"),
                       double(grantdSync.plaintextBytes), options);

    if (options.postgresql)
        lines += postgresBench(scratchDir, site, *demo, records, grantdRequests, grantdSync, common, options);
    return lines;
}

} // namespace mdp::server
