// Issue 12 (R-6.3.3, R-6.3.4 a; "the server killed mid-approval: approved or not, never half"): the site
// server is a separate process, killed with SIGKILL while it approves a request: after the decision's
// audit event is durable but before the store is written; inside the store's transaction, between the
// request's row and its grant's; and after the store committed but before the answer went out. After
// each kill the server starts again on the same state: the request is either still waiting with no
// grant (and is approved again, once) or approved with exactly one grant the researcher holds (and a
// retry of the same step is refused as stale), never approved without its grant or a grant without an
// approved request. Both stores: the embedded SQLCipher one and PostgreSQL (a throw-away cluster).
//
// The server process is this test binary started with --stepper: mdp-grantd's own assembly
// (GrantServer on the demo site) with the service's and the store's step seams pausing at the named
// step.
#include "PostgresFixture.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/foundation/Clock.h"
#include "mdp/net/GrantClient.h"
#include "mdp/pki/DemoPki.h"
#include "mdp/server/GrantServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <iostream>
#include <string>
#include <thread>

using namespace mdp;

namespace {

#define TAKE(var, expr)                                                                                      \
    auto var##Result_ = (expr);                                                                              \
    QVERIFY2(var##Result_.ok(), var##Result_.ok() ? "" : qPrintable(var##Result_.error().toString()));       \
    auto var = std::move(var##Result_).value()

// The real clock moved on by a fixed offset: each run of the server gets its own, so a second-factor
// code is never the one used in an earlier run (the server refuses a code twice).
class OffsetClock final : public Clock
{
public:
    explicit OffsetClock(qint64 offsetSeconds)
        : m_offset(offsetSeconds)
    {}
    QDateTime now() const override { return QDateTime::currentDateTimeUtc().addSecs(m_offset); }

private:
    qint64 m_offset;
};

// --stepper DIR OFFSET [PAUSE]: the demo site server; prints "port N", then "step S" at each step of a
// change, and at PAUSE waits for a line on its input (the test kills it there).
int runStepper(const QString &directory, qint64 offset, const QString &pause)
{
    const OffsetClock clock(offset);
    // The site's certificates are made on the real clock (the test's client checks them with it).
    auto config = server::prepareDemoServer(directory, 0);
    if (!config) {
        std::fprintf(stderr, "stepper: %s\n", qPrintable(config.error().toString()));
        return 2;
    }
    if (const QString postgres = qEnvironmentVariable("MDP_STEPPER_POSTGRES"); !postgres.isEmpty()) {
        config->store = QStringLiteral("postgresql");
        config->postgres = postgres;
    }
    config->service.stepHook = [pause](QStringView step) {
        std::printf("step %s\n", qPrintable(step.toString()));
        std::fflush(stdout);
        if (step == pause) {
            std::string line;
            std::getline(std::cin, line);
        }
    };
    auto started = server::GrantServer::start(*config, clock);
    if (!started) {
        std::fprintf(stderr, "stepper: %s\n", qPrintable(started.error().toString()));
        return 2;
    }
    if (auto accounts = server::ensureDemoAccounts(**started, directory); !accounts) {
        std::fprintf(stderr, "stepper: %s\n", qPrintable(accounts.error().toString()));
        return 2;
    }
    std::printf("port %d\n", int((*started)->port()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class GrantdCrashTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_site;
    int m_run = 0;
    QProcess m_server;
    quint16 m_port = 0;
    qint64 m_offset = 0;
    QString m_postgres; // the PostgreSQL store's connection string; empty: the embedded store

    // Starts the server on the site's state; with `pause`, it stops at that step until killed.
    bool start(const QString &pause = {})
    {
        m_offset = qint64(++m_run) * 120;
        QStringList args{QStringLiteral("--stepper"), m_site, QString::number(m_offset)};
        if (!pause.isEmpty())
            args << pause;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MDP_STEPPER_POSTGRES"), m_postgres);
        m_server.setProcessEnvironment(env);
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start(QCoreApplication::applicationFilePath(), args);
        if (!m_server.waitForStarted(10000))
            return false;
        QByteArray line;
        while (!line.startsWith("port ")) {
            if (!m_server.canReadLine() && !m_server.waitForReadyRead(60000))
                return false;
            line = m_server.readLine().trimmed();
        }
        m_port = quint16(line.mid(5).toUInt());
        return m_port != 0;
    }

    void kill()
    {
        m_server.kill(); // SIGKILL
        m_server.waitForFinished(10000);
    }

    // Waits for the server to say it reached `step`.
    bool reached(const QString &step)
    {
        const QByteArray wanted = "step " + step.toUtf8();
        for (;;) {
            if (!m_server.canReadLine() && !m_server.waitForReadyRead(30000))
                return false;
            if (m_server.readLine().trimmed() == wanted)
                return true;
        }
    }

    std::unique_ptr<net::GrantClient> signedIn(const QString &user)
    {
        const QJsonArray accounts =
            QJsonDocument::fromJson(fileBytes(m_site + QStringLiteral("/demo-accounts.json")))
                .object()
                .value(u"accounts")
                .toArray();
        QJsonObject account;
        for (const QJsonValue value : accounts) {
            if (value.toObject().value(u"userName").toString() == user)
                account = value.toObject();
        }
        net::TlsClientOptions o;
        o.port = m_port;
        o.caPem = fileBytes(m_site + QStringLiteral("/ca.crt"));
        o.certificatePem = fileBytes(m_site + QStringLiteral("/workstation-a.crt"));
        o.privateKeyPem = fileBytes(m_site + QStringLiteral("/workstation-a.key"));
        auto client = net::GrantClient::create(o);
        if (!client)
            return nullptr;
        QString code;
        const QString secret = account.value(u"totpSecret").toString();
        if (!secret.isEmpty()) {
            const OffsetClock clock(m_offset);
            code = accounts::Totp(SecureBytes(accounts::base32Decode(secret).value_or(QByteArray())), clock)
                       .currentCode();
        }
        auto in =
            (*client)->signIn(user, passwordBytes(account.value(u"password").toString().toUtf8()), code);
        if (!in) {
            qWarning("%s: %s", qPrintable(user), qPrintable(in.error().toString()));
            return nullptr;
        }
        return std::move(client.value());
    }

    static QJsonObject request(net::GrantClient &as, const QString &number)
    {
        auto got = as.call("GET", QStringLiteral("/v1/access/requests/") + number);
        return got ? got->json() : QJsonObject();
    }

    // The researcher's grants for `number`.
    static int grantsFor(net::GrantClient &as, const QString &number)
    {
        auto got = as.call("GET", QStringLiteral("/v1/access/grants"));
        if (!got || got->status != 200)
            return -1;
        int n = 0;
        for (const QJsonValue value : got->json().value(u"grants").toArray())
            n += value.toObject().value(u"request").toString() == number ? 1 : 0;
        return n;
    }

    static Result<net::HttpResult> approve(net::GrantClient &as, const QString &number, int revision)
    {
        return as.call("POST", QStringLiteral("/v1/access/requests/%1/decisions").arg(number),
                       {{QStringLiteral("verdict"), QStringLiteral("approve")},
                        {QStringLiteral("reason"), QStringLiteral("scope and purpose match")},
                        {QStringLiteral("revision"), revision}});
    }

    // The data manager approves `number` on a server paused at `step`; the server is killed there.
    void approveAndKillAt(const QString &number, const QString &step)
    {
        QVERIFY(start(step));
        auto manager = signedIn(QStringLiteral("dm.liu"));
        QVERIFY(manager);
        const int revision = request(*manager, number).value(u"revision").toInt();
        QVERIFY(revision > 0);
        std::optional<Result<net::HttpResult>> answer;
        std::thread caller([&] { answer = approve(*manager, number, revision); });
        const bool paused = reached(step);
        kill();
        caller.join();
        QVERIFY(paused);
        QVERIFY(answer.has_value());
        QVERIFY(!answer->ok()); // no answer came: the caller cannot tell what happened
    }

    // Three requests of the researcher, each passed by the ethics reviewer: waiting for the data manager.
    void threeRequestsWaiting(QStringList *numbers)
    {
        QVERIFY(start());
        QVERIFY(pki::issueDemoWorkstation(m_site, QStringLiteral("workstation-a")).ok());
        auto researcher = signedIn(QStringLiteral("res.zhang"));
        auto ethics = signedIn(QStringLiteral("eth.chen"));
        QVERIFY(researcher && ethics);
        for (int i = 0; i < 3; ++i) {
            const QJsonObject scope{
                {QStringLiteral("project"), QStringLiteral("NRT-IO-2026")},
                {QStringLiteral("maxLevel"), 3},
                {QStringLiteral("patients"), QJsonArray{QStringLiteral("P-7QK2M6XR4T3A")}}};
            TAKE(sent, researcher->call("POST", QStringLiteral("/v1/access/requests"),
                                        {{QStringLiteral("purpose"),
                                          QStringLiteral("Pathological complete response after neoadjuvant "
                                                         "radiotherapy with PD-1 blockade.")},
                                         {QStringLiteral("scope"), scope},
                                         {QStringLiteral("agreement"), QStringLiteral("DSA-2026-1")}}));
            QCOMPARE(sent.status, 201);
            const QString number = sent.json().value(u"number").toString();
            *numbers << number;
            TAKE(passed,
                 ethics->call("POST", QStringLiteral("/v1/access/requests/%1/decisions").arg(number),
                              {{QStringLiteral("verdict"), QStringLiteral("approve")},
                               {QStringLiteral("reason"), QStringLiteral("proportionate")},
                               {QStringLiteral("revision"), sent.json().value(u"revision").toInt()}}));
            QCOMPARE(passed.status, 200);
            QCOMPARE(passed.json().value(u"status").toString(), QStringLiteral("approval"));
        }
        kill();
    }

    // Killed before the store committed (after the audit event, or inside the store's transaction
    // between the request's row and the grant's): not approved, no grant; approved again, once.
    void killedBeforeCommitLeavesTheRequestWaiting(const QString &number, const QString &step)
    {
        approveAndKillAt(number, step);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(start());
        auto researcher = signedIn(QStringLiteral("res.zhang"));
        auto manager = signedIn(QStringLiteral("dm.liu"));
        QVERIFY(researcher && manager);
        const QJsonObject waiting = request(*manager, number);
        QCOMPARE(waiting.value(u"status").toString(), QStringLiteral("approval"));
        QCOMPARE(grantsFor(*researcher, number), 0);
        TAKE(again, approve(*manager, number, waiting.value(u"revision").toInt()));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"status").toString(), QStringLiteral("approved"));
        QCOMPARE(grantsFor(*researcher, number), 1);
        kill();
    }

    // Killed after the store committed, before the answer: approved with exactly one grant; the same
    // step sent again is stale and changes nothing.
    void killedAfterCommitLeavesItApprovedWithItsGrant(const QString &number)
    {
        approveAndKillAt(number, QStringLiteral("decision-stored"));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(start());
        auto researcher = signedIn(QStringLiteral("res.zhang"));
        auto manager = signedIn(QStringLiteral("dm.liu"));
        QVERIFY(researcher && manager);
        const QJsonObject approved = request(*manager, number);
        QCOMPARE(approved.value(u"status").toString(), QStringLiteral("approved"));
        QCOMPARE(grantsFor(*researcher, number), 1);
        TAKE(retry, approve(*manager, number, approved.value(u"revision").toInt() - 1));
        QCOMPARE(retry.status, 409);
        QCOMPARE(grantsFor(*researcher, number), 1);
        kill();
    }

    // The three kills on one site whose server keeps its state in `postgres` (empty: the embedded
    // store).
    void killMidApproval(const QString &name, const QString &postgres)
    {
        m_site = m_dir.filePath(name);
        m_postgres = postgres;
        QStringList numbers;
        threeRequestsWaiting(&numbers);
        if (QTest::currentTestFailed())
            return;
        killedBeforeCommitLeavesTheRequestWaiting(numbers.at(0), QStringLiteral("decision-audited"));
        if (QTest::currentTestFailed())
            return;
        killedBeforeCommitLeavesTheRequestWaiting(numbers.at(1), QStringLiteral("request-written"));
        if (QTest::currentTestFailed())
            return;
        killedAfterCommitLeavesItApprovedWithItsGrant(numbers.at(2));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void theEmbeddedStore() { killMidApproval(QStringLiteral("embedded"), QString()); }

    void thePostgresqlStore()
    {
        auto pg = server::PostgresFixture::start();
        if (!pg && pg.error().code == Error::Code::NotFound)
            QSKIP(qPrintable(pg.error().message));
        QVERIFY2(pg.ok(), pg.ok() ? "" : qPrintable(pg.error().toString()));
        const QString database = (*pg)->createDatabase(QStringLiteral("grantd_crash"));
        QVERIFY(!database.isEmpty());
        killMidApproval(QStringLiteral("postgresql"), database);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc >= 4 && qstrcmp(argv[1], "--stepper") == 0)
        return runStepper(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong(),
                          argc >= 5 ? QString::fromLocal8Bit(argv[4]) : QString());
    GrantdCrashTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_GrantdCrash.moc"
