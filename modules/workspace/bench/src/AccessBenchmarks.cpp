#include "mdp/workspace/AccessBenchmarks.h"

#include "mdp/access/GrantDocument.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Clock.h"
#include "mdp/net/GrantClient.h"
#include "mdp/pki/DemoPki.h"
#include "mdp/policy/Engine.h"
#include "mdp/policy/PolicySet.h"
#include "mdp/server/GrantServer.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/SiteAccess.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <vector>

namespace mdp::workspace {

namespace {

const QDateTime kNow(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC);
const QString kWorkstation = QStringLiteral("9f").repeated(32);

// A pseudonym of the registry's form (base32 after "P-"): the benchmark's patient `i`, variant `v`.
QString pseudonymOf(int i, char v)
{
    QString letters;
    for (const QChar digit : QString::number(i))
        letters += QChar('A' + digit.digitValue());
    return QStringLiteral("P-") + letters.leftJustified(11, QLatin1Char('Q')) + QLatin1Char(v);
}

double percentile(std::vector<double> &values, double q)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(q * double(values.size())))];
}

BenchLine line(const QString &caseName, const QString &unit, double value, const QString &baseline,
               double baselineValue, bool higherIsBetter)
{
    BenchLine l;
    l.bench = QStringLiteral("access");
    l.caseName = caseName;
    l.unit = unit;
    l.value = value;
    l.baseline = baseline;
    l.baselineValue = baselineValue;
    l.higherIsBetter = higherIsBetter;
    return l;
}

// Signed grants for `count` researchers of one project: levels 3 and 4 over the project, every tenth a
// level 5 grant narrowed to two patients.
QList<QByteArray> signedGrants(const crypto::SigningKey &issuer, int count,
                               QList<access::GrantDocument> *documents)
{
    QList<QByteArray> out;
    for (int i = 0; i < count; ++i) {
        access::GrantDocument g;
        g.id = QStringLiteral("G-bench-%1").arg(i);
        g.requestNumber = QStringLiteral("AR-2026-%1").arg(i, 6, 10, QLatin1Char('0'));
        g.subject = QStringLiteral("res-%1").arg(i);
        g.workstation = kWorkstation;
        g.scope.project = QStringLiteral("NRT-IO-%1").arg(i % 7);
        g.scope.maxLevel = i % 10 == 0 ? 5 : 3 + i % 2;
        if (g.scope.maxLevel == 5)
            g.scope.patients = {pseudonymOf(i, 'A'), pseudonymOf(i, 'B')};
        g.purpose = QStringLiteral("Benchmark grant for the permission engine's cost per access.");
        g.approvers = {QStringLiteral("dm.a"), QStringLiteral("dm.b")};
        g.issuer = QStringLiteral("bench-site");
        g.notBefore = kNow.addDays(-1);
        g.notAfter = kNow.addDays(89);
        auto envelope = g.sign(issuer);
        if (!envelope)
            continue;
        out << *envelope;
        if (documents)
            *documents << g;
    }
    return out;
}

QList<BenchLine> grantsInProcess(int count)
{
    QList<BenchLine> lines;
    auto issuer = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
    if (!issuer)
        return lines;
    QList<access::GrantDocument> documents;
    const QList<QByteArray> envelopes = signedGrants(*issuer, count, &documents);
    const crypto::PublicKey key = issuer->publicKey();

    // Verification of each grant as the workstation does when it takes or reloads them, against the
    // bare SM2 check of the same signed bytes.
    std::vector<double> ours, bare;
    QList<policy::Grant> grants;
    for (int i = 0; i < envelopes.size(); ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        auto verified =
            access::GrantDocument::verify(envelopes.at(i), key, documents.at(i).subject, kWorkstation, kNow);
        const auto t1 = std::chrono::steady_clock::now();
        if (verified)
            grants << verified->toPolicyGrant(QStringLiteral("acct-%1").arg(i));
        ours.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        auto signature = issuer->sign(QByteArrayLiteral("mdp-grant-v1\n") + documents.at(i).canonical());
        if (!signature)
            continue;
        const QByteArray statement = QByteArrayLiteral("mdp-grant-v1\n") + documents.at(i).canonical();
        const auto b0 = std::chrono::steady_clock::now();
        const bool ok = key.verify(statement, *signature);
        const auto b1 = std::chrono::steady_clock::now();
        if (ok)
            bare.push_back(std::chrono::duration<double, std::micro>(b1 - b0).count());
    }
    BenchLine verify = line(QStringLiteral("grant-verify"), QStringLiteral("us"), percentile(ours, 0.5),
                            QStringLiteral("bare SM2 verification of the same bytes (median)"),
                            percentile(bare, 0.5), false);
    verify.extra.insert(QStringLiteral("grants"), int(envelopes.size()));
    verify.extra.insert(QStringLiteral("verified"), int(grants.size()));
    verify.extra.insert(QStringLiteral("p99_us"), percentile(ours, 0.99));
    lines << verify;

    // Enforcement per data access: the engine with the signed grants in force against the engine
    // without any, on the same accesses (a granted patient, another patient, a level above the grant).
    // The default policy, as a workspace starts with.
    auto policySet = policy::PolicySet::parse(policy::PolicySet::defaultDocument());
    if (!policySet)
        return lines;
    policy::Engine withGrants;
    withGrants.setPolicy(*policySet);
    withGrants.setGrants(grants);
    policy::Engine without;
    without.setPolicy(*policySet);
    policy::Subject subject;
    subject.roles = {QStringLiteral("researcher")};
    subject.trainingDone = true;
    subject.agreementSigned = true;
    subject.secondFactor = true;
    const policy::Environment environment{kNow, true, true};
    QRandomGenerator random(12);
    struct Access
    {
        QString account;
        policy::Resource resource;
    };
    std::vector<Access> accesses;
    const int n = 20000;
    accesses.reserve(n);
    for (int i = 0; i < n; ++i) {
        const int who = int(random.bounded(qMax(1, int(envelopes.size()))));
        Access a{QStringLiteral("acct-%1").arg(who), {}};
        a.resource.kind = QStringLiteral("form-record");
        a.resource.project = QStringLiteral("NRT-IO-%1").arg(who % 7);
        a.resource.level = 2 + int(random.bounded(4));
        a.resource.patient = random.bounded(2) ? pseudonymOf(who, 'A') : pseudonymOf(who, 'Z');
        accesses.push_back(a);
    }
    const auto measure = [&](const policy::Engine &engine, qint64 *permits) {
        std::vector<double> latencies;
        latencies.reserve(accesses.size());
        for (const Access &a : accesses) {
            subject.accountId = a.account;
            const auto t0 = std::chrono::steady_clock::now();
            const policy::Decision d = engine.decide(subject, policy::Action::Read, a.resource, environment);
            const auto t1 = std::chrono::steady_clock::now();
            *permits += d.permitted ? 1 : 0;
            latencies.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
        }
        return latencies;
    };
    qint64 permitsWith = 0, permitsWithout = 0;
    (void)measure(withGrants, &permitsWith); // warm
    permitsWith = 0;
    std::vector<double> with = measure(withGrants, &permitsWith);
    std::vector<double> none = measure(without, &permitsWithout);
    BenchLine decision =
        line(QStringLiteral("decision-with-grants"), QStringLiteral("us"), percentile(with, 0.99),
             QStringLiteral("the same engine without grants (p99)"), percentile(none, 0.99), false);
    decision.extra.insert(QStringLiteral("goal"), QStringLiteral("value <= 10 us (p99)"));
    decision.extra.insert(QStringLiteral("grants"), int(grants.size()));
    decision.extra.insert(QStringLiteral("accesses"), n);
    decision.extra.insert(QStringLiteral("p50_us"), percentile(with, 0.5));
    decision.extra.insert(QStringLiteral("permitted_with_grants"), permitsWith);
    decision.extra.insert(QStringLiteral("permitted_without"), permitsWithout);
    lines << decision;
    return lines;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The demo site in process: mdp-grantd with its demo accounts and a workstation linked to it, a
// researcher holding a grant there; an administrator revokes it and the open workstation is watched
// until the grant is out of force.
Result<BenchLine> revocationPropagation(const QString &scratch)
{
    ManualClock serverClock(QDateTime::currentDateTimeUtc());
    ManualClock clock(QDateTime::currentDateTimeUtc().addSecs(2));
    const QString site = QDir(scratch).filePath(QStringLiteral("access-site"));
    auto config = server::prepareDemoServer(site, 0, serverClock);
    if (!config)
        return config.error();
    auto started = server::GrantServer::start(*config, serverClock);
    if (!started)
        return started.error();
    std::unique_ptr<server::GrantServer> grantd = std::move(started.value());
    auto staff = server::ensureDemoAccounts(*grantd, site);
    if (!staff)
        return staff.error();
    QHash<QString, server::DemoServerAccount> people;
    for (const server::DemoServerAccount &p : *staff)
        people.insert(p.userName, p);
    const auto code = [&](const QString &user) {
        const QString secret = people.value(user).totpSecretBase32;
        if (secret.isEmpty())
            return QString();
        serverClock.advance(30 * 1000);
        return accounts::Totp(SecureBytes(accounts::base32Decode(secret).value_or(QByteArray())), serverClock)
            .currentCode();
    };
    const auto signIn = [&](const QString &user) {
        SignIn s;
        s.userName = user;
        s.password = passwordBytes(people.value(user).password.toUtf8());
        s.totpCode = code(user);
        return s;
    };
    for (const QString &name : {QStringLiteral("bench-a"), QStringLiteral("bench-b")}) {
        if (auto issued = pki::issueDemoWorkstation(site, name); !issued)
            return issued.error();
    }
    const auto clientOn = [&](const QString &name,
                              const QString &user) -> Result<std::unique_ptr<net::GrantClient>> {
        net::TlsClientOptions o;
        o.port = grantd->port();
        o.caPem = fileBytes(site + QStringLiteral("/ca.crt"));
        o.certificatePem = fileBytes(site + QStringLiteral("/%1.crt").arg(name));
        o.privateKeyPem = fileBytes(site + QStringLiteral("/%1.key").arg(name));
        auto c = net::GrantClient::create(o);
        if (!c)
            return c.error();
        if (auto in = (*c)->signIn(user, passwordBytes(people.value(user).password.toUtf8()), code(user));
            !in)
            return in.error();
        return std::move(c.value());
    };

    // The workstation: made by the site's administrator, linked, opened through the server once.
    const QString path = QDir(scratch).filePath(QStringLiteral("access-workstation"));
    const server::DemoServerAccount admin = people.value(QStringLiteral("admin.sun"));
    QString enrolment;
    {
        CreateOptions o;
        o.directory = path;
        o.adminName = admin.userName;
        o.adminDisplayName = admin.displayName;
        o.adminPassword = passwordBytes(admin.password.toUtf8());
        auto created = Workspace::create(o, clock);
        if (!created)
            return created.error();
        enrolment = (*created)->takeAdminEnrolmentCode();
    }
    {
        SignIn s;
        s.userName = admin.userName;
        s.password = passwordBytes(admin.password.toUtf8());
        s.totpCode = enrolment;
        s.allowEnrolment = true;
        auto ws = Workspace::open(path, s, clock);
        if (!ws)
            return ws.error();
        auto enrolled = (*ws)->accounts().enrollTotp(admin.userName, s.password, enrolment);
        if (!enrolled)
            return enrolled.error();
        const QByteArray key = accounts::base32Decode(enrolled->secretBase32).value_or(QByteArray());
        if (auto r = (*ws)->accounts().confirmTotp(admin.userName,
                                                   accounts::Totp(SecureBytes(key), clock).currentCode());
            !r)
            return r.error();
        clock.advance(30 * 1000);
        if (auto r = (*ws)->login(admin.userName, s.password,
                                  accounts::Totp(SecureBytes(key), clock).currentCode());
            !r)
            return r.error();
        ServerSettings link;
        link.port = grantd->port();
        link.caPem = fileBytes(site + QStringLiteral("/ca.crt"));
        link.certificatePem = fileBytes(site + QStringLiteral("/bench-a.crt"));
        link.privateKeyPem = fileBytes(site + QStringLiteral("/bench-a.key"));
        if (auto r = (*ws)->serverLink().configure(link); !r)
            return r.error();
    }
    {
        auto ws = Workspace::open(path, signIn(admin.userName), clock);
        if (!ws)
            return ws.error();
        if (auto shipped = (*ws)->serverLink().shipAuditNow(); !shipped)
            return shipped.error();
    }
    // A request from this workstation, passed and approved from another.
    auto researcher = clientOn(QStringLiteral("bench-a"), QStringLiteral("res.zhang"));
    auto ethics = clientOn(QStringLiteral("bench-b"), QStringLiteral("eth.chen"));
    auto manager = clientOn(QStringLiteral("bench-b"), QStringLiteral("dm.liu"));
    auto administrator = clientOn(QStringLiteral("bench-b"), QStringLiteral("admin.sun"));
    for (auto *c : {&researcher, &ethics, &manager, &administrator}) {
        if (!*c)
            return c->error();
    }
    access::Scope scope;
    scope.project = QStringLiteral("NRT-IO-2026");
    scope.maxLevel = 3;
    scope.patients = {QStringLiteral("P-7QK2M6XR4T3A")};
    auto submitted = (*researcher)
                         ->call("POST", QStringLiteral("/v1/access/requests"),
                                {{QStringLiteral("purpose"),
                                  QStringLiteral("Benchmark: revocation reaches an open workstation.")},
                                 {QStringLiteral("scope"), scope.toJson()},
                                 {QStringLiteral("agreement"), AccessDesk::agreementVersion()}});
    if (!submitted || submitted->status != 201)
        return makeError(Error::Code::Io, QStringLiteral("the benchmark's request was not filed"));
    const QString decisions =
        QStringLiteral("/v1/access/requests/%1/decisions").arg(submitted->json().value(u"number").toString());
    auto passed = (*ethics)->call(
        "POST", decisions,
        {{QStringLiteral("verdict"), QStringLiteral("approve")}, {QStringLiteral("revision"), 1}});
    auto approved = (*manager)->call(
        "POST", decisions,
        {{QStringLiteral("verdict"), QStringLiteral("approve")}, {QStringLiteral("revision"), 2}});
    if (!passed || !approved || approved->status != 200)
        return makeError(Error::Code::Io, QStringLiteral("the benchmark's request was not approved"));
    clock.set(serverClock.now().addSecs(2));

    auto ws = Workspace::open(path, signIn(QStringLiteral("res.zhang")), clock);
    if (!ws)
        return ws.error();
    auto held = (*ws)->myGrants();
    if (!held || held->size() != 1)
        return makeError(Error::Code::Io, QStringLiteral("the grant did not reach the workstation"));
    const QString grantId = held->first().id;
    // The baseline: one sync pass of this workstation, the median of five.
    std::vector<double> passes;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        if (auto r = (*ws)->serverLink().shipAuditNow(); !r)
            return r.error();
        passes.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    // The decision, then the workstation left to its own link (its interval, no nudge) until the grant
    // is out of force.
    QElapsedTimer elapsed;
    elapsed.start();
    auto revoked = (*administrator)
                       ->call("POST", QStringLiteral("/v1/access/grants/%1/revocation").arg(grantId),
                              {{QStringLiteral("reason"), QStringLiteral("benchmark")}});
    if (!revoked || revoked->status != 200)
        return makeError(Error::Code::Io, QStringLiteral("the revocation was refused"));
    double propagated = -1;
    while (elapsed.elapsed() < 120000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        auto now = (*ws)->myGrants();
        if (now && now->isEmpty()) {
            propagated = double(elapsed.nsecsElapsed()) / 1e6;
            break;
        }
        QThread::msleep(20);
    }
    if (propagated < 0)
        return makeError(Error::Code::Io,
                         QStringLiteral("the revocation did not reach the workstation in 120 s"));
    BenchLine l = line(QStringLiteral("revocation-propagation"), QStringLiteral("ms"), propagated,
                       QStringLiteral("one sync pass of the workstation (median of 5)"),
                       percentile(passes, 0.5), false);
    l.extra.insert(QStringLiteral("goal"), QStringLiteral("value <= 60000 ms online"));
    l.extra.insert(QStringLiteral("interval_ms"), 30000);
    return l;
}

} // namespace

QList<BenchLine> runAccessBenchmarks(const QString &scratchDir, int grants, bool withServer)
{
    QList<BenchLine> lines = grantsInProcess(grants > 0 ? grants : 500);
    if (!withServer)
        return lines;
    const QByteArray keyBefore = qgetenv("MDP_WORKSTATION_KEY");
    qputenv("MDP_WORKSTATION_KEY", QDir(scratchDir).filePath(QStringLiteral("workstation.key")).toUtf8());
    auto propagation = revocationPropagation(scratchDir);
    if (keyBefore.isEmpty())
        qunsetenv("MDP_WORKSTATION_KEY");
    else
        qputenv("MDP_WORKSTATION_KEY", keyBefore);
    if (propagation) {
        lines << *propagation;
    } else {
        BenchLine failed = line(QStringLiteral("revocation-propagation"), QStringLiteral("ms"), 0,
                                QStringLiteral("one sync pass of the workstation"), 0, false);
        failed.extra.insert(QStringLiteral("error"), propagation.error().message);
        lines << failed;
    }
    return lines;
}

} // namespace mdp::workspace
