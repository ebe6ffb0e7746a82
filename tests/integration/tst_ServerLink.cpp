// The workstation's link to mdp-grantd (issue 11 parts 6 and 7): settings only by an administrator
// and checked before they are stored, audit shipping from the real audit log with the server's
// witness verified, incremental shipments, and a workstation whose log was cut after a witnessed
// checkpoint (an old copy put back) reported by the server. R-7.4.1 (central copy, near real time),
// R-7.4.3 (in transit), R-7.4.2 (tamper evidence).
#include "mdp/crypto/Random.h"
#include "mdp/foundation/Clock.h"
#include "mdp/pki/DemoPki.h"
#include "mdp/server/GrantServer.h"
#include "mdp/startup/DemoServer.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/Workspace.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;

namespace {

#define TAKE(var, expr)                                                                                      \
    auto var##Result_ = (expr);                                                                              \
    QVERIFY2(var##Result_.ok(), var##Result_.ok() ? "" : qPrintable(var##Result_.error().toString()));       \
    auto var = std::move(var##Result_).value()

#define CHECK_OK(expr)                                                                                       \
    do {                                                                                                     \
        auto r_ = (expr);                                                                                    \
        QVERIFY2(r_.ok(), r_.ok() ? "" : qPrintable(r_.error().toString()));                                 \
    } while (0)

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    const QDir source(from);
    for (const QFileInfo &entry :
         source.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString target = QDir(to).filePath(entry.fileName());
        if (entry.isDir()) {
            if (!copyTree(entry.filePath(), target))
                return false;
        } else if (!QFile::copy(entry.filePath(), target)) {
            return false;
        }
    }
    return true;
}

const SecureBytes kPassphrase = passwordBytes("server-link test passphrase 2026");

} // namespace

class ServerLinkTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<server::GrantServer> m_server;
    QString m_demo;

    workspace::ServerSettings settings(const QString &certificate = QStringLiteral("workstation"))
    {
        workspace::ServerSettings s;
        s.port = m_server->port();
        s.caPem = readFile(m_demo + QStringLiteral("/ca.crt"));
        s.certificatePem = readFile(m_demo + QStringLiteral("/%1.crt").arg(certificate));
        s.privateKeyPem = readFile(m_demo + QStringLiteral("/%1.key").arg(certificate));
        return s;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("grantd"));
        TAKE(config, server::prepareDemoServer(m_demo, 0));
        TAKE(started, server::GrantServer::start(config));
        m_server = std::move(started);
    }

    void configureAndShip()
    {
        const QString path = m_dir.filePath(QStringLiteral("ws"));
        {
            workspace::CreateOptions options;
            options.directory = path;
            options.passphrase = kPassphrase;
            TAKE(created, workspace::Workspace::create(options));
        }
        TAKE(ws, workspace::Workspace::open(path, kPassphrase));
        QCOMPARE(ws->serverLink().status().state, workspace::ServerStatus::State::NotConfigured);

        // Nobody signed in: refused by the service, whatever a screen shows.
        QCOMPARE(ws->serverLink().configure(settings()).error().code, Error::Code::PermissionDenied);
        CHECK_OK(ws->beginCustodianSession(workspace::SessionOrigin::Workstation));
        // A key that is not the certificate's, and a certificate of another CA: refused, nothing stored.
        workspace::ServerSettings wrongKey = settings();
        wrongKey.privateKeyPem = readFile(m_demo + QStringLiteral("/server.key"));
        QCOMPARE(ws->serverLink().configure(wrongKey).error().code, Error::Code::InvalidArgument);
        workspace::ServerSettings foreign = settings();
        QTemporaryDir otherCa;
        TAKE(other, pki::ensureDemoPki(otherCa.path()));
        foreign.caPem = readFile(other.caCertificate);
        QCOMPARE(ws->serverLink().configure(foreign).error().code, Error::Code::InvalidArgument);
        QVERIFY(!ws->serverLink().settings().has_value());

        CHECK_OK(ws->serverLink().configure(settings()));
        QVERIFY(ws->serverLink().settings()->privateKeyPem.isEmpty());
        TAKE(status, ws->serverLink().shipAuditNow());
        QCOMPARE(int(status.state), int(workspace::ServerStatus::State::Connected));
        QCOMPARE(status.workstation, QStringLiteral("workstation-1"));
        QVERIFY(status.auditWitnessed > 0);
        QCOMPARE(status.auditWitnessed, ws->auditLog().durableSize());
        TAKE(head, m_server->store().auditHead(QStringLiteral("workstation-1")));
        QVERIFY(head.has_value());
        QCOMPARE(head->treeSize, status.auditWitnessed);
        TAKE(root, ws->auditLog().merkleRoot(head->treeSize));
        QCOMPARE(head->rootHash, root);
        // The central copy holds the stored frames: sealed, no event in the clear.
        TAKE(frames, m_server->store().auditFrames(QStringLiteral("workstation-1"), 0, head->treeSize));
        for (const server::AuditFrame &frame : frames)
            QVERIFY(!frame.frame.contains("server.configure"));

        // More events (the settings applied again: a committed, audited change): the next shipment
        // carries only them.
        const qint64 before = status.auditWitnessed;
        CHECK_OK(ws->serverLink().configure(settings()));
        TAKE(next, ws->serverLink().shipAuditNow());
        QVERIFY(next.auditWitnessed > before);
        QCOMPARE(next.auditWitnessed, ws->auditLog().durableSize());
        ws->logout();
    }

    // An old copy of the workspace put back (its audit log shorter than what the server witnessed):
    // the server reports it, and the workstation shows it.
    void cutLogIsReported()
    {
        const QString path = m_dir.filePath(QStringLiteral("ws"));
        const QString copy = m_dir.filePath(QStringLiteral("ws-copy"));
        QVERIFY(copyTree(path, copy)); // the state after configureAndShip
        {
            TAKE(ws, workspace::Workspace::open(path, kPassphrase));
            CHECK_OK(ws->beginCustodianSession(workspace::SessionOrigin::Workstation));
            CHECK_OK(ws->serverLink().configure(settings()));
            CHECK_OK(ws->serverLink().configure(settings()));
            ws->logout();
            TAKE(shipped, ws->serverLink().shipAuditNow());
            QCOMPARE(int(shipped.state), int(workspace::ServerStatus::State::Connected));
        }
        TAKE(held, m_server->store().auditHead(QStringLiteral("workstation-1")));
        QVERIFY(QDir(path).removeRecursively());
        QVERIFY(QDir().rename(copy, path));
        TAKE(restored, workspace::Workspace::open(path, kPassphrase));
        QVERIFY(restored->auditLog().durableSize() < held->treeSize);
        TAKE(status, restored->serverLink().shipAuditNow());
        QCOMPARE(int(status.state), int(workspace::ServerStatus::State::AuditRefused));
        QVERIFY2(status.message.contains(QStringLiteral("witnessed")), qPrintable(status.message));
        TAKE(findings, m_server->store().auditFindings());
        bool reported = false;
        for (const auto &finding : findings)
            reported = reported || (finding.first == QLatin1String("workstation-1") &&
                                    finding.second.contains(QStringLiteral("were witnessed")));
        QVERIFY(reported);
    }

    // A revoked workstation certificate: the next call is refused and the status says so.
    void revokedCertificateShows()
    {
        TAKE(second, pki::issueDemoWorkstation(m_demo, QStringLiteral("workstation-9")));
        const QString path = m_dir.filePath(QStringLiteral("ws9"));
        {
            workspace::CreateOptions options;
            options.directory = path;
            options.passphrase = kPassphrase;
            TAKE(created, workspace::Workspace::create(options));
        }
        TAKE(ws, workspace::Workspace::open(path, kPassphrase));
        CHECK_OK(ws->beginCustodianSession(workspace::SessionOrigin::Workstation));
        CHECK_OK(ws->serverLink().configure(settings(QStringLiteral("workstation-9"))));
        TAKE(fine, ws->serverLink().shipAuditNow());
        QCOMPARE(int(fine.state), int(workspace::ServerStatus::State::Connected));
        CHECK_OK(m_server->store().revokeSerial(
            {second.serialHex, QDateTime::currentDateTimeUtc(), QStringLiteral("lost")}));
        ws->logout();
        TAKE(refused, ws->serverLink().shipAuditNow());
        QCOMPARE(int(refused.state), int(workspace::ServerStatus::State::CertificateRefused));
    }

    // `mdp-workstation --demo`'s server: a child process the demo workspace links to.
    void demoServerProcess()
    {
        const QString program = QStringLiteral(MDP_BINARY_DIR "/bin/mdp-grantd");
        if (!QFileInfo::exists(program))
            QSKIP("mdp-grantd is not built");
        TAKE(demo, startup::DemoServer::start(m_dir.filePath(QStringLiteral("demo-server")), program));
        QVERIFY(demo->port() > 0);
        const QString path = m_dir.filePath(QStringLiteral("demo-ws"));
        {
            workspace::CreateOptions options;
            options.directory = path;
            options.passphrase = kPassphrase;
            TAKE(created, workspace::Workspace::create(options));
        }
        TAKE(ws, workspace::Workspace::open(path, kPassphrase));
        CHECK_OK(startup::connectDemoWorkspace(*ws, *demo));
        TAKE(status, ws->serverLink().shipAuditNow());
        QCOMPARE(int(status.state), int(workspace::ServerStatus::State::Connected));
        QCOMPARE(status.auditWitnessed, ws->auditLog().durableSize());
    }
};

QTEST_GUILESS_MAIN(ServerLinkTest)
#include "tst_ServerLink.moc"
