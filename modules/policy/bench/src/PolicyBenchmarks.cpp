#include "mdp/policy/PolicyBenchmarks.h"

#include "mdp/policy/Engine.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <algorithm>
#include <chrono>

namespace mdp::policy {

namespace {

constexpr int kProjects = 10;
const QDateTime kNow = QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC);

struct Request
{
    QString account;
    QString project;
    int level;
};

// `count` grants over count/kProjects accounts, one per (account, project), at level 2 or 3.
QList<Grant> makeGrants(int count)
{
    QList<Grant> grants;
    grants.reserve(count);
    for (int i = 0; i < count; ++i) {
        Grant g;
        g.id = QStringLiteral("G%1").arg(i);
        g.accountId = QStringLiteral("acct-%1").arg(i / kProjects);
        g.project = QStringLiteral("P-%1").arg(i % kProjects);
        g.maxLevel = 2 + (i % 2);
        g.notBefore = kNow.addDays(-10);
        g.notAfter = kNow.addDays(80);
        grants << g;
    }
    return grants;
}

// Requests over existing accounts and a few unknown ones, every project and levels 2-4: about half
// are permitted.
QList<Request> makeRequests(int grants, int count)
{
    QRandomGenerator random(20261206);
    const int accounts = grants / kProjects;
    QList<Request> requests;
    requests.reserve(count);
    for (int i = 0; i < count; ++i) {
        const int account = int(random.bounded(accounts + accounts / 10 + 1));
        requests.push_back({QStringLiteral("acct-%1").arg(account),
                            QStringLiteral("P-%1").arg(random.bounded(kProjects + 1)),
                            2 + int(random.bounded(3))});
    }
    return requests;
}

double percentile(std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    return sorted[std::min(sorted.size() - 1, size_t(q * double(sorted.size())))];
}

struct Figures
{
    double perSecond = 0;
    double p50 = 0;
    double p99 = 0;
    qint64 permits = 0;
    QString note;
};

Figures measureEngine(const Engine &engine, const QList<Request> &requests)
{
    Subject subject;
    subject.roles = {QStringLiteral("researcher")};
    subject.trainingDone = true;
    subject.agreementSigned = true;
    Resource resource;
    resource.kind = QStringLiteral("form-record");
    const Environment environment{kNow, true, true};
    std::vector<double> latencies;
    latencies.reserve(size_t(requests.size()));
    Figures figures;
    // Latency: each decision timed on its own.
    for (const Request &request : requests) {
        subject.accountId = request.account;
        resource.project = request.project;
        resource.level = request.level;
        const auto t0 = std::chrono::steady_clock::now();
        const Decision decision = engine.decide(subject, Action::Read, resource, environment);
        const auto t1 = std::chrono::steady_clock::now();
        latencies.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        figures.permits += decision.permitted ? 1 : 0;
    }
    std::sort(latencies.begin(), latencies.end());
    figures.p50 = percentile(latencies, 0.5);
    figures.p99 = percentile(latencies, 0.99);
    // Throughput: the same decisions without the clock in between.
    QElapsedTimer timer;
    timer.start();
    qint64 permits = 0;
    for (const Request &request : requests) {
        subject.accountId = request.account;
        resource.project = request.project;
        resource.level = request.level;
        permits += engine.decide(subject, Action::Read, resource, environment).permitted ? 1 : 0;
    }
    figures.perSecond = double(requests.size()) / (double(std::max<qint64>(timer.nsecsElapsed(), 1)) / 1e9);
    return figures;
}

QString nodeModules()
{
    const QString configured = qEnvironmentVariable("MDP_BENCH_NODE_MODULES");
    if (!configured.isEmpty())
        return configured;
    // bin/mdp in build/<preset>/: the installer script's default is build/bench-node.
    QDir dir(QCoreApplication::applicationDirPath());
    for (int up = 0; up < 4; ++up) {
        if (QFile::exists(dir.filePath(QStringLiteral("bench-node/node_modules/casbin/package.json"))))
            return dir.filePath(QStringLiteral("bench-node/node_modules"));
        if (!dir.cdUp())
            break;
    }
    return {};
}

bool copyResource(const QString &resource, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(resource, to);
}

Figures measureCasbin(const QString &scratchDir, const QList<Grant> &grants, const QList<Request> &requests)
{
    Figures figures;
    const QString modules = nodeModules();
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (modules.isEmpty() || node.isEmpty()) {
        figures.note = QStringLiteral("node or casbin missing: run installer/install-bench-deps.sh");
        return figures;
    }
    const QDir scratch(scratchDir);
    const QString script = scratch.filePath(QStringLiteral("decide.js"));
    const QString model = scratch.filePath(QStringLiteral("model.conf"));
    if (!copyResource(QStringLiteral(":/mdp/policy/bench/decide.js"), script) ||
        !copyResource(QStringLiteral(":/mdp/policy/bench/model.conf"), model)) {
        figures.note = QStringLiteral("cannot write the casbin script");
        return figures;
    }
    QFile csv(scratch.filePath(QStringLiteral("grants.csv")));
    if (!csv.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return figures;
    for (const Grant &grant : grants)
        csv.write(QStringLiteral("p, %1, %2, %3, read\n")
                      .arg(grant.accountId, grant.project)
                      .arg(grant.maxLevel)
                      .toUtf8());
    csv.close();
    QJsonArray list;
    for (const Request &request : requests)
        list.append(QJsonArray{request.account, request.project, request.level, QStringLiteral("read")});
    QFile json(scratch.filePath(QStringLiteral("requests.json")));
    if (!json.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return figures;
    json.write(QJsonDocument(list).toJson(QJsonDocument::Compact));
    json.close();

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("NODE_PATH"), modules);
    process.setProcessEnvironment(environment);
    process.start(node, {script, model, csv.fileName(), json.fileName(), QStringLiteral("10")});
    if (!process.waitForFinished(180000) || process.exitCode() != 0) {
        figures.note = QStringLiteral("casbin run failed: %1")
                           .arg(QString::fromUtf8(process.readAllStandardError()).left(200));
        return figures;
    }
    const QJsonObject result = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const double decisions = result.value(u"decisions").toDouble();
    const double seconds = result.value(u"seconds").toDouble();
    figures.perSecond = seconds > 0 ? decisions / seconds : 0;
    figures.p50 = result.value(u"p50us").toDouble();
    figures.p99 = result.value(u"p99us").toDouble();
    figures.permits = qint64(result.value(u"permits").toDouble());
    figures.note = QStringLiteral("node-casbin %1, %2 decisions")
                       .arg(result.value(u"version").toString())
                       .arg(decisions);
    return figures;
}

} // namespace

QList<BenchLine> runPolicyBenchmarks(const QString &scratchDir, int grantCount)
{
    auto policy = PolicySet::parse(PolicySet::defaultDocument());
    if (!policy)
        return {};
    const QList<int> sizes = grantCount > 0 ? QList<int>{grantCount} : QList<int>{1000, 10000, 100000};
    QList<BenchLine> lines;
    for (const int size : sizes) {
        Engine engine;
        engine.setPolicy(policy.value());
        const QList<Grant> grants = makeGrants(size);
        engine.setGrants(grants);
        const QList<Request> requests = makeRequests(size, 200000);
        const Figures ours = measureEngine(engine, requests);
        // casbin scans every policy line per request: give it the first requests, up to 10 s.
        const Figures theirs = measureCasbin(scratchDir, grants, requests.mid(0, 20000));

        BenchLine rate;
        rate.bench = QStringLiteral("policy");
        rate.caseName = QStringLiteral("decide-%1-grants").arg(size);
        rate.unit = QStringLiteral("decisions/s");
        rate.value = ours.perSecond;
        rate.baseline = QStringLiteral("node-casbin, same model, grants and requests");
        rate.baselineValue = theirs.perSecond;
        rate.extra.insert(QStringLiteral("goal"), QStringLiteral("ratio >= 10"));
        rate.extra.insert(QStringLiteral("grants"), size);
        rate.extra.insert(QStringLiteral("p50_us"), ours.p50);
        rate.extra.insert(QStringLiteral("p99_us"), ours.p99);
        rate.extra.insert(QStringLiteral("permit_share"), double(ours.permits) / double(requests.size()));
        rate.extra.insert(QStringLiteral("baseline_note"), theirs.note);
        lines << rate;

        BenchLine p99;
        p99.bench = QStringLiteral("policy");
        p99.caseName = QStringLiteral("p99-latency-%1-grants").arg(size);
        p99.unit = QStringLiteral("us");
        p99.value = ours.p99;
        p99.baseline = rate.baseline;
        p99.baselineValue = theirs.p99;
        p99.higherIsBetter = false;
        p99.extra.insert(QStringLiteral("goal"), QStringLiteral("value <= 10 us at every size"));
        p99.extra.insert(QStringLiteral("p50_us"), ours.p50);
        p99.extra.insert(QStringLiteral("baseline_p50_us"), theirs.p50);
        lines << p99;
    }
    return lines;
}

} // namespace mdp::policy
