// mdp-grantd end to end (issue 11): a real server on loopback with real TLS, driven by the
// workstation's client, on the embedded store and on PostgreSQL with two instances. Proves R-7.4.3
// (in transit: TLS 1.3 only, mutual), R-7.3.2 (certificate identity bound to every request; tokens
// bound to the certificate; revocation), R-7.3.1 (the JSON API and its OpenAPI document), R-9.3
// (one account signs in on any workstation; the server never learns a password or a data key),
// R-7.4.2a (lock-out, back-off, second factor), R-7.4.1 (central store: the sync relay, audit
// shipping and witnessing, the server's own chain) and the gateway's refusals.
#include "PostgresFixture.h"
#include "mdp/access/ApprovalRules.h"
#include "mdp/access/GrantDocument.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/audit/MerkleTree.h"
#include "mdp/audit/MerkleVerifier.h"
#include "mdp/audit/Sm2CheckpointSigner.h"
#include "mdp/crypto/AccountKeys.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Random.h"
#include "mdp/foundation/AtomicFile.h"
#include "mdp/net/GrantClient.h"
#include "mdp/net/Protocol.h"
#include "mdp/pki/PrivateKeyPem.h"
#include "mdp/server/GrantServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <array>
#include <csignal>
#include <thread>

using namespace mdp;
using namespace mdp::server;

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

struct Credential
{
    QByteArray certificatePem;
    QByteArray keyPem;
    QString serial;
};

// The site's PKI for the tests, with the certificates an attacker or a mistake brings.
class TestPki
{
public:
    TestPki()
    {
        caKey = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::EcdsaP256);
        ManualClock clock(QDateTime::currentDateTimeUtc().addDays(-30));
        ca = *crypto::Certificate::authority(caKey, QStringLiteral("Test Site CA"), 3650, clock);
        otherCaKey = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::EcdsaP256);
        otherCa = *crypto::Certificate::authority(otherCaKey, QStringLiteral("Another CA"), 3650, clock);
    }

    Credential issue(crypto::CertificateUsage usage, const QString &cn, const QDateTime &from, int days,
                     bool byOtherCa = false) const
    {
        auto key = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::EcdsaP256);
        crypto::CertificateProfile profile;
        profile.commonName = cn;
        profile.usage = usage;
        profile.validDays = days;
        if (usage == crypto::CertificateUsage::Server) {
            profile.dnsNames = {QStringLiteral("localhost")};
            profile.ipAddresses = {QStringLiteral("127.0.0.1")};
        }
        ManualClock clock(from);
        auto certificate = crypto::Certificate::issue(
            byOtherCa ? otherCaKey : caKey, byOtherCa ? otherCa : ca, key.publicKey(), profile, clock);
        Q_ASSERT(certificate);
        const SecureBytes pem = pki::privateKeyPem(key.privateKeyDer());
        return {certificate->pem(), pem.view().toByteArray(), certificate->serialHex()};
    }

    Credential workstation(const QString &cn) const
    {
        return issue(crypto::CertificateUsage::Workstation, cn, QDateTime::currentDateTimeUtc().addSecs(-60),
                     30);
    }

    QByteArray crl(const QList<QString> &revoked) const
    {
        QList<crypto::RevokedCertificate> list;
        for (const QString &serial : revoked)
            list.append({serial, QDateTime::currentDateTimeUtc().addSecs(-1)});
        auto made = crypto::RevocationList::create(caKey, ca, list, 7, SystemClock::instance());
        Q_ASSERT(made);
        return made->pem();
    }

    crypto::SigningKey caKey;
    crypto::Certificate ca;
    crypto::SigningKey otherCaKey;
    crypto::Certificate otherCa;
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

const QString kPassword = QStringLiteral("Correct-Horse-2026!");

} // namespace

class GrantServerTest : public QObject
{
    Q_OBJECT

private:
    TestPki m_pki;
    QTemporaryDir m_dir;
    Credential m_server;
    Credential m_ws1;
    QString ws1Origin() const
    {
        auto certificate = crypto::Certificate::fromPem(m_ws1.certificatePem);
        return certificate ? QString::fromLatin1(certificate->fingerprint().toHex()) : QString();
    }
    Credential m_ws2;
    std::unique_ptr<PostgresFixture> m_postgres;
    int m_databases = 0;

    GrantServerConfig config(const QString &name, const QString &backend = QStringLiteral("sqlcipher"))
    {
        const QString base = m_dir.filePath(name);
        QDir().mkpath(base);
        writeFile(base + QStringLiteral("/server.crt"), m_server.certificatePem);
        writeFile(base + QStringLiteral("/server.key"), m_server.keyPem);
        writeFile(base + QStringLiteral("/ca.crt"), m_pki.ca.pem());
        if (!QFileInfo::exists(base + QStringLiteral("/crl.pem")))
            writeFile(base + QStringLiteral("/crl.pem"), m_pki.crl({}));
        GrantServerConfig c;
        c.dataDirectory = base + QStringLiteral("/state");
        c.port = 0;
        c.certificateFile = base + QStringLiteral("/server.crt");
        c.keyFile = base + QStringLiteral("/server.key");
        c.caFile = base + QStringLiteral("/ca.crt");
        c.crlFile = base + QStringLiteral("/crl.pem");
        c.callLog = base + QStringLiteral("/calls.jsonl");
        c.service.site = QStringLiteral("site-a");
        c.service.verifierIterations = 2000;
        c.store = backend;
        if (backend == QLatin1String("postgresql")) {
            c.postgres = m_postgres->createDatabase(QStringLiteral("grantd_%1").arg(++m_databases));
        }
        return c;
    }

    std::unique_ptr<net::GrantClient> client(quint16 port, const Credential &credential,
                                             const QByteArray &caPem = {})
    {
        net::TlsClientOptions options;
        options.port = port;
        options.caPem = caPem.isEmpty() ? m_pki.ca.pem() : caPem;
        options.certificatePem = credential.certificatePem;
        options.privateKeyPem = credential.keyPem;
        options.timeoutMs = 5000;
        auto made = net::GrantClient::create(options);
        return made ? std::move(*made) : nullptr;
    }

    static Result<AccountRecord> addAccount(GrantServer &server, const QString &name, const QString &role,
                                            const SecureBytes &totp = {}, const QByteArray &bundle = "bundle")
    {
        return server.service().bootstrapAccount(name, QStringLiteral("User %1").arg(name), {role},
                                                 passwordBytes(kPassword.toUtf8()), bundle, totp);
    }

    // Sealed as workstation-1 seals (its certificate's fingerprint is bound into the seal).
    net::OutgoingEntry entry(const net::SyncCipher &cipher, const QString &objectId, qint64 revision,
                             const QByteArray &plaintext) const
    {
        net::OutgoingEntry e;
        e.entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        e.kind = QStringLiteral("form-record");
        e.objectId = objectId;
        e.revision = revision;
        e.ciphertext = *cipher.seal(e, ws1Origin(), plaintext);
        return e;
    }

    // The types and outcomes the server recorded in its own chain ("policy.publish:minor-failure"),
    // read after the server stopped.
    QStringList serverAuditTypes(const GrantServerConfig &c)
    {
        const QJsonObject keys =
            QJsonDocument::fromJson(readFile(c.dataDirectory + QStringLiteral("/server-keys.json"))).object();
        QByteArray auditKey =
            QByteArray::fromBase64(keys.value(QLatin1String("auditKey")).toString().toLatin1());
        auto witness = crypto::SigningKey::fromPrivateDer(
            QByteArray::fromBase64(keys.value(QLatin1String("witnessKey")).toString().toLatin1()));
        if (!witness)
            return {};
        QStringList types;
        const auto report = audit::AuditLog::verifyDirectory(
            c.dataDirectory + QStringLiteral("/audit"), SecureBytes::takeFrom(auditKey),
            audit::Sm2CheckpointVerifier(witness->publicKey()), -1, [&](qint64, QByteArrayView json) {
                const QJsonObject event = QJsonDocument::fromJson(json.toByteArray()).object();
                types.append(event.value(QLatin1String("type")).toString() + QLatin1Char(':') +
                             event.value(QLatin1String("outcome")).toString());
            });
        return report.ok ? types : QStringList{};
    }

    // A document envelope as a publishing workstation makes it (R-9.2 permission sync), signed with
    // `signer`'s key and naming `certificate` - which a forger makes differ.
    static QByteArray envelope(const QByteArray &document, const Credential &signer,
                               const QByteArray &certificatePem, const QString &publishedBy)
    {
        auto der = pki::privateKeyDerFromPem(signer.keyPem);
        auto key = crypto::SigningKey::fromPrivateDer(der->view());
        return QJsonDocument(QJsonObject{{QStringLiteral("document"), QString::fromUtf8(document)},
                                         {QStringLiteral("signature"),
                                          QString::fromLatin1(key->sign(document)->toBase64())},
                                         {QStringLiteral("certificate"), QString::fromLatin1(certificatePem)},
                                         {QStringLiteral("publishedBy"), publishedBy}})
            .toJson(QJsonDocument::Compact);
    }

    static QJsonObject publishBody(const QString &kind, qint64 version, const QByteArray &envelopeBytes)
    {
        return {{QStringLiteral("kind"), kind},
                {QStringLiteral("version"), double(version)},
                {QStringLiteral("envelope"), QString::fromLatin1(envelopeBytes.toBase64())}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = m_pki.issue(crypto::CertificateUsage::Server, QStringLiteral("mdp-grantd"),
                               QDateTime::currentDateTimeUtc().addSecs(-60), 30);
        m_ws1 = m_pki.workstation(QStringLiteral("workstation-1"));
        m_ws2 = m_pki.workstation(QStringLiteral("workstation-2"));
        auto postgres = PostgresFixture::start();
        if (postgres)
            m_postgres = std::move(*postgres);
        else
            qWarning("PostgreSQL not started: %s", qPrintable(postgres.error().toString()));
    }

    // R-7.3.1: health, metrics and the OpenAPI document the API is validated against.
    void healthMetricsAndOpenApi()
    {
        TAKE(server, GrantServer::start(config(QStringLiteral("health"))));
        auto ws = client(server->port(), m_ws1);
        QVERIFY(ws);
        TAKE(health, ws->call("GET", QStringLiteral("/health")));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        TAKE(api, ws->call("GET", QStringLiteral("/openapi.json")));
        QCOMPARE(api.status, 200);
        QCOMPARE(api.json().value(QLatin1String("openapi")).toString(), QStringLiteral("3.1.0"));
        QVERIFY(
            api.json().value(QLatin1String("paths")).toObject().contains(QStringLiteral("/v1/sync/entries")));
        TAKE(metrics, ws->call("GET", QStringLiteral("/metrics")));
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("mdp_grantd_requests_total{endpoint=\"health\",status=\"200\"} 1"));
        QVERIFY(metrics.body.contains("mdp_grantd_certificate_expiry_seconds"));
        TAKE(missing, ws->call("GET", QStringLiteral("/v1/nothing")));
        QCOMPARE(missing.status, 404);
        // One JSON line per call: source, identity, endpoint, time, outcome.
        server->stop();
        const QList<QByteArray> lines =
            readFile(m_dir.filePath(QStringLiteral("health/calls.jsonl"))).split('\n');
        const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(first.value(QLatin1String("endpoint")).toString(), QStringLiteral("health"));
        QCOMPARE(first.value(QLatin1String("identity")).toString(), QStringLiteral("workstation-1"));
        QCOMPARE(first.value(QLatin1String("source")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(first.value(QLatin1String("status")).toInt(), 200);
        QVERIFY(first.contains(QStringLiteral("time")));
    }

    // R-7.4.3, R-7.3.2: only TLS 1.3, only client certificates of the site's CA, for clientAuth,
    // valid now and not revoked. Checked with OpenSSL's own client as well as ours.
    void refusesWeakTlsAndBadCertificates()
    {
        TAKE(server, GrantServer::start(config(QStringLiteral("tls"))));
        const quint16 port = server->port();
        const QString base = m_dir.filePath(QStringLiteral("tls"));
        writeFile(base + QStringLiteral("/ws1.crt"), m_ws1.certificatePem);
        writeFile(base + QStringLiteral("/ws1.key"), m_ws1.keyPem);
        auto sClient = [&](const QStringList &extra) {
            QProcess process;
            process.start(QStringLiteral("openssl"),
                          QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                      QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-CAfile"),
                                      base + QStringLiteral("/ca.crt"), QStringLiteral("-cert"),
                                      base + QStringLiteral("/ws1.crt"), QStringLiteral("-key"),
                                      base + QStringLiteral("/ws1.key"), QStringLiteral("-ign_eof")} +
                              extra);
            process.write("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            process.closeWriteChannel();
            process.waitForFinished(10000);
            return process.readAllStandardOutput();
        };
        QVERIFY(sClient({QStringLiteral("-tls1_3")}).contains("\"status\":\"ok\""));
        const QByteArray tls12 = sClient({QStringLiteral("-tls1_2")});
        QVERIFY2(!tls12.contains("\"status\""), tls12.constData());
        QVERIFY(!sClient({QStringLiteral("-tls1_1")}).contains("\"status\""));

        const QDateTime now = QDateTime::currentDateTimeUtc();
        struct Case
        {
            const char *name;
            Credential credential;
        };
        const Case cases[] = {
            {"no certificate", Credential{}},
            {"expired",
             m_pki.issue(crypto::CertificateUsage::Workstation, QStringLiteral("old"), now.addDays(-40), 10)},
            {"not yet valid", m_pki.issue(crypto::CertificateUsage::Workstation, QStringLiteral("future"),
                                          now.addDays(2), 10)},
            {"another CA", m_pki.issue(crypto::CertificateUsage::Workstation, QStringLiteral("foreign"),
                                       now.addSecs(-60), 10, true)},
            {"server usage", m_server},
        };
        for (const Case &c : cases) {
            auto ws = client(port, c.credential);
            QVERIFY(ws);
            auto result = ws->call("GET", QStringLiteral("/health"));
            QVERIFY2(!result.ok() || result->status != 200, c.name);
        }
        auto good = client(port, m_ws1);
        TAKE(ok, good->call("GET", QStringLiteral("/health")));
        QCOMPARE(ok.status, 200);
        server->stop();
        const QByteArray log = readFile(base + QStringLiteral("/calls.jsonl"));
        QVERIFY(log.contains("peer did not return a certificate"));
        QVERIFY(log.contains("certificate has expired"));
        QVERIFY(log.contains("certificate is not yet valid"));
        QVERIFY(log.contains("unsuitable certificate purpose"));
        QVERIFY(log.contains("unable to get local issuer certificate") || log.contains("unable to verify"));
        QVERIFY(log.contains("unsupported protocol"));
    }

    // R-7.4.3: Debian's testssl.sh, the reference scanner, finds TLS 1.3 only (protocol scan: the cipher
    // scans take minutes against a server that ends every handshake without a client certificate), and
    // nothing of medium severity or worse.
    void testsslFindsOnlyTls13()
    {
        const QString testssl = QStandardPaths::findExecutable(QStringLiteral("testssl"));
        if (testssl.isEmpty())
            QSKIP("testssl (Debian package testssl.sh) is not installed");
        TAKE(server, GrantServer::start(config(QStringLiteral("testssl"))));
        // testssl.sh 3.0 first makes sure `openssl s_client` can talk to the server. Without a client
        // certificate the TLS 1.3 server's "certificate required" alert races s_client's own exit,
        // so that probe fails now and then and the scan ends with no verdict. The scan's openssl is
        // therefore one that presents a workstation certificate to s_client (what testssl.sh 3.2's
        // --mtls does); its own socket probes of SSLv2 to TLS 1.3 are unchanged.
        const QString mtls = m_dir.filePath(QStringLiteral("testssl/mtls"));
        QDir().mkpath(mtls);
        writeFile(mtls + QStringLiteral("/ws.crt"), m_ws1.certificatePem);
        writeFile(mtls + QStringLiteral("/ws.key"), m_ws1.keyPem);
        const QString openssl = mtls + QStringLiteral("/openssl");
        writeFile(openssl,
                  QStringLiteral("#!/bin/sh\nif [ \"$1\" = s_client ]; then shift; exec /usr/bin/openssl "
                                 "s_client -cert '%1/ws.crt' -key '%1/ws.key' \"$@\"; fi\n"
                                 "exec /usr/bin/openssl \"$@\"\n")
                      .arg(mtls)
                      .toUtf8());
        QFile::setPermissions(openssl,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        // Under a loaded machine testssl.sh may report a probe it could not complete ("local
        // problem", a timeout) instead of a verdict: such a scan is run again, up to three times.
        QHash<QString, QString> byId;
        QJsonArray findings;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const QString json = m_dir.filePath(QStringLiteral("testssl/findings-%1.json").arg(attempt));
            QProcess scan;
            scan.start(testssl, {QStringLiteral("-p"), QStringLiteral("--nodns"), QStringLiteral("none"),
                                 QStringLiteral("--warnings"), QStringLiteral("batch"),
                                 QStringLiteral("--openssl"), openssl, QStringLiteral("--jsonfile"), json,
                                 QStringLiteral("127.0.0.1:%1").arg(server->port())});
            QVERIFY(scan.waitForFinished(240000));
            findings = QJsonDocument::fromJson(readFile(json)).array();
            byId.clear();
            for (const QJsonValue value : findings)
                byId.insert(value.toObject().value(QLatin1String("id")).toString(),
                            value.toObject().value(QLatin1String("finding")).toString());
            bool verdicts = true;
            for (const char *id : {"SSLv2", "SSLv3", "TLS1", "TLS1_1", "TLS1_2", "TLS1_3"}) {
                const QString finding = byId.value(QLatin1String(id));
                verdicts = verdicts && (finding.startsWith(QLatin1String("not offered")) ||
                                        finding.startsWith(QLatin1String("offered")));
            }
            if (verdicts)
                break;
        }
        QVERIFY(!findings.isEmpty());
        for (const QJsonValue value : findings) {
            const QJsonObject finding = value.toObject();
            const QString severity = finding.value(QLatin1String("severity")).toString();
            QVERIFY2(severity != QLatin1String("MEDIUM") && severity != QLatin1String("HIGH") &&
                         severity != QLatin1String("CRITICAL") && severity != QLatin1String("FATAL"),
                     qPrintable(finding.value(QLatin1String("id")).toString() + QLatin1String(": ") +
                                finding.value(QLatin1String("finding")).toString()));
        }
        for (const char *old : {"SSLv2", "SSLv3", "TLS1", "TLS1_1", "TLS1_2"})
            QVERIFY2(byId.value(QLatin1String(old)).startsWith(QLatin1String("not offered")),
                     qPrintable(QLatin1String(old) + QLatin1String(": ") + byId.value(QLatin1String(old))));
        QVERIFY(byId.value(QStringLiteral("TLS1_3")).startsWith(QLatin1String("offered")));
    }

    // R-7.3.2: a revocation takes effect on the next handshake (CRL) and on the next request of a
    // connection that is already open (the server's revocation list).
    void revocationIsImmediate()
    {
        GrantServerConfig c = config(QStringLiteral("revoke"));
        TAKE(server, GrantServer::start(c));
        TAKE(admin, addAccount(*server, QStringLiteral("admin"), QStringLiteral("system-admin")));
        Q_UNUSED(admin);
        const Credential victim = m_pki.workstation(QStringLiteral("stolen-laptop"));
        auto open = client(server->port(), victim);
        TAKE(before, open->call("GET", QStringLiteral("/health")));
        QCOMPARE(before.status, 200);

        // The administrator revokes it through the API (signing in needs a second factor for
        // system-admin: here the account has none, so its token only enrols; use the store).
        CHECK_OK(server->store().revokeSerial(
            {victim.serial, QDateTime::currentDateTimeUtc(), QStringLiteral("stolen")}));
        TAKE(after, open->call("GET", QStringLiteral("/health")));
        QCOMPARE(after.status, 403);
        QVERIFY(after.problemDetail().contains(QStringLiteral("revoked")));

        // The CA's list: a new handshake with another revoked certificate fails at TLS.
        const Credential second = m_pki.workstation(QStringLiteral("retired"));
        auto fresh = client(server->port(), second);
        TAKE(works, fresh->call("GET", QStringLiteral("/health")));
        QCOMPARE(works.status, 200);
        QTest::qWait(1100); // a file time stamp of another second
        QVERIFY(writeFile(c.crlFile, m_pki.crl({second.serial})));
        // The connection opened before the revocation is refused at its next request...
        TAKE(cutOff, fresh->call("GET", QStringLiteral("/health")));
        QCOMPARE(cutOff.status, 403);
        // ...and a new one fails in the handshake.
        fresh->http().close();
        auto refused = fresh->call("GET", QStringLiteral("/health"));
        QVERIFY(!refused.ok() || refused->status != 200);
        auto others = client(server->port(), m_ws1);
        TAKE(stillFine, others->call("GET", QStringLiteral("/health")));
        QCOMPARE(stillFine.status, 200);
    }

    void accounts_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlcipher") << QStringLiteral("sqlcipher");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    // R-9.3, R-7.4.2a: one account signs in on any workstation of the site (here through two server
    // instances on PostgreSQL); the server holds a slow hash of a derived key and a wrapped bundle,
    // never the password or the wrapping key; failures lock out with a back-off.
    void accounts()
    {
        QFETCH(QString, backend);
        if (backend == QLatin1String("postgresql") && !m_postgres)
            QSKIP("PostgreSQL could not be started here");
        ManualClock clock(QDateTime::currentDateTimeUtc());
        GrantServerConfig c1 = config(QStringLiteral("accounts-%1-a").arg(backend), backend);
        TAKE(serverA, GrantServer::start(c1, clock));
        std::unique_ptr<GrantServer> serverB;
        if (backend == QLatin1String("postgresql")) {
            // A second instance on the same database with the same keys (behind a load balancer).
            GrantServerConfig c2 = config(QStringLiteral("accounts-%1-b").arg(backend), backend);
            c2.postgres = c1.postgres;
            QDir().mkpath(c2.dataDirectory);
            QFile::copy(c1.dataDirectory + QStringLiteral("/server-keys.json"),
                        c2.dataDirectory + QStringLiteral("/server-keys.json"));
            TAKE(b, GrantServer::start(c2, clock));
            serverB = std::move(b);
        }
        GrantServer &second = serverB ? *serverB : *serverA;

        const SecureBytes bundle(QByteArrayLiteral("site-key-material-0123456789abcdef"));
        TAKE(created, addAccount(*serverA, QStringLiteral("res.zhang"), QStringLiteral("researcher"), {},
                                 bundle.view().toByteArray()));
        QVERIFY(!created.verifier.contains(kPassword.toUtf8()));
        QVERIFY(!created.wrappedBundle.contains("site-key-material"));

        auto ws1 = client(serverA->port(), m_ws1);
        auto ws2 = client(second.port(), m_ws2);
        TAKE(onFirst, ws1->signIn(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8())));
        TAKE(onSecond, ws2->signIn(QStringLiteral("RES.ZHANG"), passwordBytes(kPassword.toUtf8())));
        QCOMPARE(onFirst.bundle, bundle);
        QCOMPARE(onSecond.bundle, bundle);
        QCOMPARE(onSecond.roles, QStringList{QStringLiteral("researcher")});

        // What the server keeps opens nothing: the derived authentication key does not unwrap the bundle.
        TAKE(stored, second.store().findAccount(QStringLiteral("res.zhang")));
        QVERIFY(stored.has_value());
        TAKE(kdf, crypto::AccountKdf::fromJson(stored->kdfParameters, stored->kdfSalt));
        TAKE(keys, crypto::deriveAccountKeys(passwordBytes(kPassword.toUtf8()), kdf));
        crypto::AccountKeys onlyAuth;
        onlyAuth.authenticationKey = keys.authenticationKey;
        onlyAuth.wrappingKey = SecureBytes(keys.authenticationKey.view().first(16));
        QVERIFY(
            !crypto::unwrapAccountBundle(onlyAuth, QStringLiteral("res.zhang"), stored->wrappedBundle).ok());
        QVERIFY(!stored->verifier.contains(keys.authenticationKey.view().toByteArray().toBase64()));
        const QByteArray log = readFile(c1.callLog);
        QVERIFY(!log.contains(kPassword.toUtf8()));
        QVERIFY(!log.contains(keys.authenticationKey.view().toByteArray().toBase64()));
        QVERIFY(log.contains("\"authKey\":\"***\""));

        // A token works only over the certificate it was issued to (RFC 8705).
        TAKE(mine, ws1->call("GET", QStringLiteral("/v1/accounts/res.zhang")));
        QCOMPARE(mine.status, 200);
        ws2->setAccessToken(ws1->accessToken());
        TAKE(replayed, ws2->call("GET", QStringLiteral("/v1/accounts/res.zhang")));
        QCOMPARE(replayed.status, 401);
        QVERIFY(replayed.problemDetail().contains(QStringLiteral("another certificate")));
        // An unknown name and a wrong password get the same answer.
        auto unknown = ws1->signIn(QStringLiteral("nobody"), passwordBytes(kPassword.toUtf8()));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, Error::Code::Unauthenticated);
        for (int i = 0; i < 5; ++i) {
            auto wrong =
                (i % 2 ? ws1 : ws2)->signIn(QStringLiteral("res.zhang"), passwordBytes("wrong password"));
            QVERIFY(!wrong.ok());
            QCOMPARE(wrong.error().code, Error::Code::Unauthenticated);
            QCOMPARE(wrong.error().message, unknown.error().message);
        }
        // The fifth failure (counted across instances) starts the back-off: even the right password
        // is answered like an unknown name until it ends (a lock does not tell that a name exists).
        auto locked = ws1->signIn(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8()));
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().code, Error::Code::Unauthenticated);
        QCOMPARE(locked.error().message, unknown.error().message);
        // Prelogin tells a known name from an unknown one in nothing but the salt.
        TAKE(knownKdf, ws1->call("POST", QStringLiteral("/v1/auth/prelogin"),
                                 {{QStringLiteral("userName"), QStringLiteral("res.zhang")}}));
        TAKE(unknownKdf, ws1->call("POST", QStringLiteral("/v1/auth/prelogin"),
                                   {{QStringLiteral("userName"), QStringLiteral("no.such")}}));
        QCOMPARE(unknownKdf.json().value(QLatin1String("kdfParameters")),
                 knownKdf.json().value(QLatin1String("kdfParameters")));
        QCOMPARE(unknownKdf.json().value(QLatin1String("kdfSalt")).toString().size(),
                 knownKdf.json().value(QLatin1String("kdfSalt")).toString().size());
        clock.advance(61 * 1000);
        TAKE(again, ws2->signIn(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8())));
        QCOMPARE(again.userName, QStringLiteral("res.zhang"));
        // An expired token is refused.
        clock.advance(16 * 60 * 1000);
        TAKE(stale, ws2->call("GET", QStringLiteral("/v1/accounts/res.zhang")));
        QCOMPARE(stale.status, 401);
        QVERIFY(stale.problemDetail().contains(QStringLiteral("expired")));

        // A token is worth nothing once its account is locked or loses the role it names.
        TAKE(current, ws2->signIn(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8())));
        Q_UNUSED(current);
        TAKE(record, second.store().findAccount(QStringLiteral("res.zhang")));
        AccountRecord demoted = *record;
        demoted.roles = {QStringLiteral("ethics-reviewer")};
        TAKE(stored2, second.store().updateAccount(demoted));
        TAKE(afterDemotion, ws2->call("GET", QStringLiteral("/v1/accounts/res.zhang")));
        QCOMPARE(afterDemotion.status, 401);
        stored2.roles = {QStringLiteral("researcher")};
        TAKE(restoredRoles, second.store().updateAccount(stored2));
        Q_UNUSED(restoredRoles);

        // Password change on one workstation: the new password works on the other, the old one not.
        TAKE(fresh, ws1->signIn(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(ws1->changePassword(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8()),
                                     passwordBytes("Another-Horse-2027!"), fresh.bundle));
        QVERIFY(!ws2->signIn(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8())).ok());
        TAKE(changed, ws2->signIn(QStringLiteral("res.zhang"), passwordBytes("Another-Horse-2027!")));
        QCOMPARE(changed.bundle, bundle);

        if (backend == QLatin1String("postgresql")) {
            // An instance started without the site's server keys over a store with accounts: refused,
            // rather than running with keys that open none of its second factors.
            GrantServerConfig c3 = config(QStringLiteral("accounts-%1-c").arg(backend), backend);
            c3.postgres = c1.postgres;
            auto keyless = GrantServer::start(c3, clock);
            QVERIFY(!keyless.ok());
            QVERIFY(keyless.error().message.contains(QStringLiteral("server keys are missing")));
        }
    }

    // R-7.4.2a: roles that reach level-4 data sign in with a second factor; a code is spent once.
    void secondFactor()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        TAKE(server, GrantServer::start(config(QStringLiteral("totp")), clock));
        const SecureBytes secret = accounts::Totp::generateSecret();
        TAKE(clinician, addAccount(*server, QStringLiteral("dr.wang"), QStringLiteral("clinician"), secret));
        Q_UNUSED(clinician);
        auto ws = client(server->port(), m_ws1);
        QVERIFY(!ws->signIn(QStringLiteral("dr.wang"), passwordBytes(kPassword.toUtf8())).ok());
        const QString code = accounts::Totp(secret, clock).currentCode();
        TAKE(signedIn, ws->signIn(QStringLiteral("dr.wang"), passwordBytes(kPassword.toUtf8()), code));
        QVERIFY(!signedIn.secondFactorEnrolmentRequired);
        auto replay = ws->signIn(QStringLiteral("dr.wang"), passwordBytes(kPassword.toUtf8()), code);
        QVERIFY(!replay.ok());

        // A role that needs a second factor and has none gets a token that can only enrol one.
        TAKE(dm, addAccount(*server, QStringLiteral("dm.liu"), QStringLiteral("data-manager")));
        Q_UNUSED(dm);
        TAKE(enrolling, ws->signIn(QStringLiteral("dm.liu"), passwordBytes(kPassword.toUtf8())));
        QVERIFY(enrolling.secondFactorEnrolmentRequired);
        QVERIFY(enrolling.bundle.isEmpty()); // the key bundle only after the second factor
        TAKE(refused, ws->call("GET", QStringLiteral("/v1/pki/revocations")));
        QCOMPARE(refused.status, 403);
        auto takeover = ws->changePassword(QStringLiteral("dm.liu"), passwordBytes(kPassword.toUtf8()),
                                           passwordBytes("Taken-Over-2026!"), SecureBytes(QByteArray("x")));
        QVERIFY(!takeover.ok());
        QCOMPARE(takeover.error().code, Error::Code::PermissionDenied);
        TAKE(enrol, ws->call("POST", QStringLiteral("/v1/auth/totp")));
        QCOMPARE(enrol.status, 200);
        auto enrolledSecret = accounts::base32Decode(enrol.json().value(QLatin1String("secret")).toString());
        QVERIFY(enrolledSecret.has_value());
        const accounts::Totp authenticator(SecureBytes::takeFrom(*enrolledSecret), clock);
        TAKE(confirm, ws->call("PUT", QStringLiteral("/v1/auth/totp"),
                               {{QStringLiteral("code"),
                                 authenticator.codeForStep(authenticator.currentStep() - 1)}}));
        QCOMPARE(confirm.status, 200);
        TAKE(full, ws->signIn(QStringLiteral("dm.liu"), passwordBytes(kPassword.toUtf8()),
                              authenticator.currentCode()));
        QVERIFY(!full.secondFactorEnrolmentRequired);
        TAKE(allowed, ws->call("GET", QStringLiteral("/v1/pki/revocations")));
        QCOMPARE(allowed.status, 200);
    }

    // The gateway: oversized, deeply nested, malformed and off-schema bodies are refused and change
    // nothing; a flood gets 429 with Retry-After; an address not allowed never reaches TLS.
    void gatewayRefusals()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        GrantServerConfig c = config(QStringLiteral("gateway"));
        c.gateway.maxBodyBytes = 64 * 1024;
        c.gateway.perIdentityRate = 1;
        c.gateway.perIdentityBurst = 40;
        TAKE(server, GrantServer::start(c, clock));
        auto ws = client(server->port(), m_ws1);
        auto raw = [&](const QByteArray &body) {
            auto result = ws->http().request("POST", QStringLiteral("/v1/auth/prelogin"), body);
            return result ? result->status : -1;
        };
        QCOMPARE(raw(QByteArray(R"({"userName":")") + QByteArray(70 * 1024, 'a') + "\"}"), 413);
        QCOMPARE(raw(QByteArray(40, '[') + QByteArray(40, ']')), 400);
        QCOMPARE(raw(R"({"userName": "dr.wang")"), 400);
        QCOMPARE(raw(R"({"userName":"dr.wang","admin":true})"), 400);
        QCOMPARE(raw(R"({"userName":42})"), 400);
        QCOMPARE(raw(R"({"userName":"../../etc"})"), 400);
        QCOMPARE(raw("{\"userName\":\"dr.wang\\n\"}"), 400); // a pattern's "$" does not let a newline through
        QCOMPARE(raw(R"({"userName":"dr.wang","password":"hunter2-in-clear"})"), 400);
        QCOMPARE(raw(R"({"userName":"dr.wang"})"), 200);
        TAKE(accounts, server->store().listAccounts());
        QVERIFY(accounts.isEmpty());

        int status = 0;
        int calls = 0;
        QByteArray retryAfter;
        while (calls < 100 && status != 429) {
            auto result = ws->call("GET", QStringLiteral("/health"));
            QVERIFY(result.ok());
            status = result->status;
            retryAfter = result->header("retry-after");
            ++calls;
        }
        QCOMPARE(status, 429);
        QVERIFY(calls <= 40);
        QVERIFY(retryAfter.toInt() >= 1);
        // Another workstation has its own bucket.
        auto other = client(server->port(), m_ws2);
        TAKE(fine, other->call("GET", QStringLiteral("/health")));
        QCOMPARE(fine.status, 200);
        clock.advance(2000);
        TAKE(later, ws->call("GET", QStringLiteral("/health")));
        QCOMPARE(later.status, 200);
        server->stop();
        const QByteArray gatewayLog = readFile(c.callLog);
        QVERIFY(gatewayLog.contains("rate limited (identity)"));
        QVERIFY(!gatewayLog.contains("hunter2")); // a refused body is not written to the log

        GrantServerConfig closed = config(QStringLiteral("allowlist"));
        closed.gateway.allowedSources = {QStringLiteral("10.0.0.0/8")};
        TAKE(fenced, GrantServer::start(closed));
        auto outsider = client(fenced->port(), m_ws1);
        QVERIFY(!outsider->call("GET", QStringLiteral("/health")).ok());
        fenced->stop();
        QVERIFY(readFile(closed.callLog).contains("source not allowed"));
    }

    void sync_data() { accounts_data(); }

    // R-7.4.1, R-7.3.1: records move between two workstations through the server, end to end
    // encrypted; replays are idempotent; forged, reused and stale entries are refused and change nothing.
    void sync()
    {
        QFETCH(QString, backend);
        if (backend == QLatin1String("postgresql") && !m_postgres)
            QSKIP("PostgreSQL could not be started here");
        GrantServerConfig c1 = config(QStringLiteral("sync-%1-a").arg(backend), backend);
        TAKE(serverA, GrantServer::start(c1));
        std::unique_ptr<GrantServer> serverB;
        if (backend == QLatin1String("postgresql")) {
            GrantServerConfig c2 = config(QStringLiteral("sync-%1-b").arg(backend), backend);
            c2.postgres = c1.postgres;
            QDir().mkpath(c2.dataDirectory);
            QFile::copy(c1.dataDirectory + QStringLiteral("/server-keys.json"),
                        c2.dataDirectory + QStringLiteral("/server-keys.json"));
            TAKE(b, GrantServer::start(c2));
            serverB = std::move(b);
        }
        GrantServer &second = serverB ? *serverB : *serverA;
        // The relay knows a workstation by its certificate: no user token (the background sync runs
        // while nobody is signed in), and a person's certificate is refused.
        auto ws1 = client(serverA->port(), m_ws1);
        auto ws2 = client(second.port(), m_ws2);
        const net::SyncCipher cipher(SecureBytes(crypto::randomBytes(32)));
        {
            const Credential person = m_pki.issue(crypto::CertificateUsage::User, QStringLiteral("someone"),
                                                  QDateTime::currentDateTimeUtc().addSecs(-60), 10);
            auto impostor = client(serverA->port(), person);
            TAKE(personPull, impostor->call("GET", QStringLiteral("/v1/sync/entries")));
            QCOMPARE(personPull.status, 403);
            auto personPush = impostor->push({entry(cipher, QStringLiteral("rec-9"), 1, "{}")});
            QVERIFY(!personPush.ok());
            QCOMPARE(personPush.error().code, Error::Code::PermissionDenied);
        }

        const QByteArray marker = "{\"patient\":\"ZHANG-SAN-MARKER\",\"er\":\"positive\"}";
        QList<net::OutgoingEntry> batch{entry(cipher, QStringLiteral("rec-1"), 1, marker),
                                        entry(cipher, QStringLiteral("rec-2"), 1, "{\"two\":2}"),
                                        entry(cipher, QStringLiteral("rec-1"), 2, "{\"rec1\":\"v2\"}")};
        TAKE(pushed, ws1->push(batch));
        QVERIFY(pushed.applied);
        QCOMPARE(pushed.sequences.size(), 3);
        TAKE(pulled, ws2->pull(0));
        QCOMPARE(pulled.size(), 3);
        TAKE(opened, cipher.open(pulled.first()));
        QCOMPARE(opened, marker);
        QCOMPARE(pulled.first().origin, QString::fromLatin1(ws1->http().certificateThumbprint().toHex()));
        // The relay holds ciphertext only.
        TAKE(stored, second.store().syncEntriesAfter(QStringLiteral("site-a"), 0, 10));
        for (const SyncEntry &e : stored)
            QVERIFY(!e.ciphertext.contains("ZHANG-SAN"));
        // Moving an entry to another object breaks its authentication at the receiver.
        net::IncomingEntry moved = pulled.first();
        moved.objectId = QStringLiteral("rec-9");
        QCOMPARE(cipher.open(moved).error().code, Error::Code::Tampered);

        // A replay (the answer was lost): the same sequences, nothing stored twice.
        TAKE(replayed, ws1->push(batch));
        QVERIFY(replayed.applied);
        QCOMPARE(replayed.duplicates, 3);
        // A workstation that lost the answer seals its outbox again: the same entry is the same bytes
        // (synthetic nonce), so the relay sees a replay, not the same id with other content.
        QList<net::OutgoingEntry> resealed = batch;
        for (net::OutgoingEntry &e : resealed) {
            TAKE(plain, cipher.open(net::IncomingEntry{0, e.entryId, ws1Origin(), e.kind, e.objectId,
                                                       e.revision, e.ciphertext}));
            TAKE(again, cipher.seal(e, ws1Origin(), plain));
            QCOMPARE(again, e.ciphertext);
            e.ciphertext = again;
        }
        TAKE(resent, ws1->push(resealed));
        QVERIFY(resent.applied);
        QCOMPARE(resent.duplicates, 3);
        QCOMPARE(replayed.sequences, pushed.sequences);
        // A stale revision: refused whole, with the conflict named; nothing of the batch stored.
        QList<net::OutgoingEntry> stale{
            entry(cipher, QStringLiteral("rec-3"), 1, "{}"),
            entry(cipher, QStringLiteral("rec-1"), 2, "{\"edited\":\"offline\"}")};
        TAKE(conflict, ws2->push(stale));
        QVERIFY(!conflict.applied);
        QCOMPARE(conflict.conflicts.size(), 1);
        QCOMPARE(conflict.conflicts.first().toObject().value(QLatin1String("currentRevision")).toInt(), 2);
        // The same entry id with other content: refused.
        net::OutgoingEntry reused = batch.at(1);
        reused.ciphertext = *cipher.seal(reused, ws1Origin(), "{\"two\":\"forged\"}");
        auto reuse = ws1->push({reused});
        QVERIFY(!reuse.ok());
        QCOMPARE(reuse.error().code, Error::Code::Conflict);
        // An entry not signed by the certificate it arrives over (lifted or forged): refused.
        const net::OutgoingEntry forged = entry(cipher, QStringLiteral("rec-4"), 1, "{}");
        auto otherKey = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::EcdsaP256);
        const QByteArray statement = syncEntryStatement(forged.entryId, forged.kind, forged.objectId,
                                                        forged.revision, forged.ciphertext);
        TAKE(
            forgedAnswer,
            ws1->call("POST", QStringLiteral("/v1/sync/entries"),
                      {{QStringLiteral("entries"),
                        QJsonArray{QJsonObject{
                            {QStringLiteral("entryId"), forged.entryId},
                            {QStringLiteral("kind"), forged.kind},
                            {QStringLiteral("objectId"), forged.objectId},
                            {QStringLiteral("revision"), 1},
                            {QStringLiteral("ciphertext"), QString::fromLatin1(forged.ciphertext.toBase64())},
                            {QStringLiteral("signature"),
                             QString::fromLatin1(otherKey.sign(statement)->toBase64())}}}}}));
        QCOMPARE(forgedAnswer.status, 422);
        TAKE(after, ws2->pull(0));
        QCOMPARE(after.size(), 3);
        TAKE(revision, second.store().currentRevision(QStringLiteral("site-a"), QStringLiteral("form-record"),
                                                      QStringLiteral("rec-3")));
        QCOMPARE(revision, 0);
    }

    // R-7.4.1 relay limits: a pull answers with at most the byte budget (at least one entry), the rest
    // in the next pulls, nothing lost or repeated; a policy version may not jump more than 1000 past
    // the site's, so one workstation cannot put the numbering out of everyone's reach.
    void syncPullIsBoundedAndPolicyVersionsStepModestly()
    {
        GrantServerConfig c = config(QStringLiteral("sync-limits"));
        c.service.maxPullBytes = 3000;
        TAKE(server, GrantServer::start(c));
        auto ws1 = client(server->port(), m_ws1);
        auto ws2 = client(server->port(), m_ws2);
        const net::SyncCipher cipher(SecureBytes(crypto::randomBytes(32)));
        QList<net::OutgoingEntry> batch;
        for (int i = 0; i < 6; ++i)
            batch << entry(cipher, QStringLiteral("big-%1").arg(i), 1, QByteArray(1200, char('a' + i)));
        batch << entry(cipher, QStringLiteral("huge"), 1, QByteArray(5000, 'z')); // above the budget alone
        TAKE(pushed, ws1->push(batch));
        QVERIFY(pushed.applied);
        qint64 after = 0;
        QStringList seen;
        int pulls = 0;
        for (bool more = true; more && pulls < 20; ++pulls) {
            TAKE(pulled, ws2->pull(after, 500, &more));
            qint64 bytes = 0;
            for (const net::IncomingEntry &e : pulled) {
                bytes += e.ciphertext.size();
                seen << e.objectId;
                after = e.sequence;
            }
            QVERIFY(!pulled.isEmpty() || !more);
            QVERIFY2(pulled.size() == 1 || bytes <= 3000, qPrintable(QString::number(bytes)));
        }
        QCOMPARE(seen.size(), 7);
        QCOMPARE(seen.last(), QStringLiteral("huge"));
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 7);
        QVERIFY(pulls >= 4); // 2 + 2 + 2 + 1 entries

        const auto policy = [&](qint64 version) {
            net::OutgoingEntry e;
            e.entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
            e.kind = QStringLiteral("policy");
            e.objectId = QStringLiteral("site-policy");
            e.revision = version;
            e.ciphertext = *cipher.seal(e, ws1Origin(), "{}");
            return e;
        };
        TAKE(first, ws1->push({policy(5)}));
        QVERIFY(first.applied);
        TAKE(far, ws1->push({policy(5 + 1001)}));
        QVERIFY(!far.applied);
        QCOMPARE(far.conflicts.size(), 1);
        QCOMPARE(far.conflicts.first().toObject().value(QLatin1String("currentRevision")).toInt(), 5);
        TAKE(near, ws1->push({policy(5 + 1000)}));
        QVERIFY(near.applied);
    }

    // R-7.4.1, R-7.4.2: audit shipping. The server checks each shipment against what it holds
    // (consistency proof and the frames' own leaves), counter-signs, and reports a log cut or
    // rewritten after a witnessed checkpoint.
    void auditShippingAndWitnessing()
    {
        TAKE(server, GrantServer::start(config(QStringLiteral("audit"))));
        TAKE(auditor, addAccount(*server, QStringLiteral("res.zhang"), QStringLiteral("researcher")));
        Q_UNUSED(auditor);
        auto ws = client(server->port(), m_ws1);
        CHECK_OK(ws->signIn(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8())));
        auto nodeKey = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        QList<QByteArray> frames;
        for (int i = 0; i < 20; ++i)
            frames.append(crypto::randomBytes(80 + i));
        audit::MerkleTree tree;
        auto ship = [&](const QList<QByteArray> &all, qint64 from, qint64 to, const crypto::SigningKey &key,
                        qint64 *held = nullptr) {
            audit::MerkleTree t;
            for (qint64 i = 0; i < to; ++i)
                t.append(all.at(i));
            const QByteArray root = t.root();
            QList<QByteArray> proof;
            if (from > 0)
                proof = *t.consistencyProof(quint64(from), quint64(to));
            return ws->shipAudit(
                from, to, root,
                *key.sign(auditCheckpointStatement(QStringLiteral("workstation-1"), to, root)),
                key.publicKey().der(), proof, all.mid(from, to - from), held);
        };
        TAKE(first, ship(frames, 0, 8, nodeKey));
        QCOMPARE(first.treeSize, 8);
        TAKE(serverKey, crypto::PublicKey::fromDer(first.serverKeyDer));
        QVERIFY(serverKey.verify(
            auditWitnessStatement(QStringLiteral("workstation-1"), 8, first.rootHash, first.witnessedAt),
            first.signature));
        TAKE(secondPart, ship(frames, 8, 12, nodeKey));
        QCOMPARE(secondPart.treeSize, 12);
        // A repeat after a lost answer: the same witness.
        TAKE(repeat, ship(frames, 8, 12, nodeKey));
        QCOMPARE(repeat.signature, secondPart.signature);
        // Shipping from a size the server does not hold: told where to start.
        qint64 held = -1;
        QVERIFY(!ship(frames, 10, 14, nodeKey, &held).ok());
        QCOMPARE(held, 12);
        // Another key signing the chain's checkpoints: refused and reported.
        auto thief = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        QVERIFY(!ship(frames, 12, 14, thief).ok());
        // The same size under another root: a rewrite, reported.
        QList<QByteArray> other = frames;
        other[3] = crypto::randomBytes(83);
        QVERIFY(!ship(other, 12, 12, nodeKey).ok());
        // A person's certificate (clientAuth, emailProtection) ships no workstation's chain.
        const Credential person = m_pki.issue(crypto::CertificateUsage::User, QStringLiteral("workstation-1"),
                                              QDateTime::currentDateTimeUtc().addSecs(-60), 10);
        auto impostor = client(server->port(), person);
        TAKE(personShip, impostor->call("POST", QStringLiteral("/v1/audit/shipments"),
                                        {{QStringLiteral("fromSize"), 12},
                                         {QStringLiteral("toSize"), 13},
                                         {QStringLiteral("rootHash"), QStringLiteral("AAAA")},
                                         {QStringLiteral("checkpoint"), QStringLiteral("AAAA")},
                                         {QStringLiteral("consistency"), QJsonArray{}},
                                         {QStringLiteral("frames"), QJsonArray{}}}));
        QCOMPARE(personShip.status, 403);
        // The log cut after the witnessed checkpoint: its next checkpoint is smaller.
        auto cut = ship(frames, 0, 10, nodeKey);
        QVERIFY(!cut.ok());
        QCOMPARE(cut.error().code, Error::Code::Conflict);
        // The log rewritten: event 5 replaced, then extended; shipped from the size held, its
        // consistency proof cannot hold.
        QList<QByteArray> rewritten = frames;
        rewritten[5] = crypto::randomBytes(85);
        auto rewrite = ship(rewritten, 12, 16, nodeKey);
        QVERIFY(!rewrite.ok());
        QCOMPARE(rewrite.error().code, Error::Code::Conflict);
        // The central copy's report, for auditors only.
        TAKE(denied, ws->call("GET", QStringLiteral("/v1/audit/heads")));
        QCOMPARE(denied.status, 403);
        TAKE(findings, server->store().auditFindings());
        QStringList reported;
        for (const auto &finding : findings)
            reported.append(finding.second);
        QVERIFY2(
            reported.join(QLatin1Char('|')).contains(QStringLiteral("ends at 10 events; 12 were witnessed")),
            qPrintable(reported.join(QLatin1Char('|'))));
        QVERIFY(reported.join(QLatin1Char('|')).contains(QStringLiteral("rewritten after 12")));
        QVERIFY(
            reported.join(QLatin1Char('|')).contains(QStringLiteral("another root for the 12 witnessed")));
        QVERIFY(reported.join(QLatin1Char('|')).contains(QStringLiteral("another key")));
        TAKE(head, server->store().auditHead(QStringLiteral("workstation-1")));
        QCOMPARE(head->treeSize, 12);
        TAKE(kept, server->store().auditFrames(QStringLiteral("workstation-1"), 0, 12));
        QCOMPARE(kept.size(), 12);
        QCOMPARE(kept.at(7).frame, frames.at(7));
    }

    // The server's own actions are in its own chain, signed with its key; what it recorded there is
    // readable after a restart (and the chain verifies).
    void serverAuditChain()
    {
        GrantServerConfig c = config(QStringLiteral("own-audit"));
        {
            TAKE(server, GrantServer::start(c));
            TAKE(user, addAccount(*server, QStringLiteral("res.zhang"), QStringLiteral("researcher")));
            Q_UNUSED(user);
            auto ws = client(server->port(), m_ws1);
            CHECK_OK(ws->signIn(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8())));
            QVERIFY(!ws->signIn(QStringLiteral("res.zhang"), passwordBytes("wrong")).ok());
            server->stop();
        }
        const QJsonObject keys =
            QJsonDocument::fromJson(readFile(c.dataDirectory + QStringLiteral("/server-keys.json"))).object();
        QByteArray auditKey =
            QByteArray::fromBase64(keys.value(QLatin1String("auditKey")).toString().toLatin1());
        TAKE(witness, crypto::SigningKey::fromPrivateDer(QByteArray::fromBase64(
                          keys.value(QLatin1String("witnessKey")).toString().toLatin1())));
        QStringList types;
        const auto report = audit::AuditLog::verifyDirectory(
            c.dataDirectory + QStringLiteral("/audit"), SecureBytes::takeFrom(auditKey),
            audit::Sm2CheckpointVerifier(witness.publicKey()), -1, [&](qint64, QByteArrayView json) {
                const QJsonObject event = QJsonDocument::fromJson(json.toByteArray()).object();
                types.append(event.value(QLatin1String("type")).toString() + QLatin1Char(':') +
                             event.value(QLatin1String("outcome")).toString());
            });
        QVERIFY2(report.ok, qPrintable(report.toString()));
        QVERIFY2(types.contains(QStringLiteral("account.create:success")),
                 qPrintable(types.join(QLatin1Char(','))));
        QVERIFY(types.contains(QStringLiteral("user.login:success")));
        QVERIFY(types.contains(QStringLiteral("user.login:minor-failure")));
    }

    // Issue 12 on the server (R-5.2e-j, R-6.3.2, R-6.3.3, R-6.3.4, R-7.1.2 e), on both stores: a
    // researcher's level-5 request gets a number; a data manager cannot take the ethics step; the
    // ethics reviewer passes it; the requester cannot approve it; an approval at a stale revision is
    // refused; one data manager counts once; the second one's approval issues a grant signed with the
    // witness key, bound to the researcher and the workstation the request came from. Each refusal is
    // in the server's chain.
    void accessRequestsAreReviewedApprovedAndGranted_data() { accounts_data(); }
    void accessRequestsAreReviewedApprovedAndGranted()
    {
        QFETCH(QString, backend);
        if (backend == QLatin1String("postgresql") && !m_postgres)
            QSKIP("PostgreSQL could not be started here");
        ManualClock clock(QDateTime::currentDateTimeUtc());
        GrantServerConfig c = config(QStringLiteral("access-%1").arg(backend), backend);
        std::unique_ptr<GrantServer> server;
        {
            TAKE(started, GrantServer::start(c, clock));
            server = std::move(started);
        }
        const SecureBytes liu = accounts::Totp::generateSecret();
        const SecureBytes ma = accounts::Totp::generateSecret();
        CHECK_OK(addAccount(*server, QStringLiteral("res.chen"), QStringLiteral("researcher")));
        CHECK_OK(addAccount(*server, QStringLiteral("eth.zhou"), QStringLiteral("ethics-reviewer")));
        CHECK_OK(addAccount(*server, QStringLiteral("dm.liu"), QStringLiteral("data-manager"), liu));
        CHECK_OK(addAccount(*server, QStringLiteral("dm.ma"), QStringLiteral("data-manager"), ma));
        auto researcher = client(server->port(), m_ws1);
        auto ethics = client(server->port(), m_ws2);
        auto managerLiu = client(server->port(), m_ws2);
        auto managerMa = client(server->port(), m_ws2);
        CHECK_OK(researcher->signIn(QStringLiteral("res.chen"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(ethics->signIn(QStringLiteral("eth.zhou"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(managerLiu->signIn(QStringLiteral("dm.liu"), passwordBytes(kPassword.toUtf8()),
                                    accounts::Totp(liu, clock).currentCode()));
        CHECK_OK(managerMa->signIn(QStringLiteral("dm.ma"), passwordBytes(kPassword.toUtf8()),
                                   accounts::Totp(ma, clock).currentCode()));

        const QJsonObject scope{{QStringLiteral("project"), QStringLiteral("BC-2026")},
                                {QStringLiteral("maxLevel"), 5},
                                {QStringLiteral("categories"), QJsonArray{QStringLiteral("health-status")}},
                                {QStringLiteral("patients"), QJsonArray{QStringLiteral("P-AAAAAAAAAAAA"),
                                                                        QStringLiteral("P-BBBBBBBBBBBB")}}};
        const QString purpose = QStringLiteral("Dose to the heart against cardiac events after neoadjuvant "
                                               "radiotherapy with immunotherapy, two index cases.");
        // No agreement: refused by the schema.
        TAKE(noAgreement,
             researcher->call("POST", QStringLiteral("/v1/access/requests"),
                              {{QStringLiteral("purpose"), purpose}, {QStringLiteral("scope"), scope}}));
        QCOMPARE(noAgreement.status, 400);
        TAKE(submitted, researcher->call("POST", QStringLiteral("/v1/access/requests"),
                                         {{QStringLiteral("purpose"), purpose},
                                          {QStringLiteral("scope"), scope},
                                          {QStringLiteral("agreement"), QStringLiteral("DSA-2026-1")}}));
        QCOMPARE(submitted.status, 201);
        const QString number = submitted.json().value(u"number").toString();
        QCOMPARE(number, QStringLiteral("AR-%1-000001").arg(clock.now().toUTC().date().year()));
        QCOMPARE(submitted.json().value(u"status").toString(), QStringLiteral("ethics-review"));
        const QString path = QStringLiteral("/v1/access/requests/") + number;
        const auto decide = [&](net::GrantClient &as, const QString &verdict, int revision) {
            return as.call("POST", path + QStringLiteral("/decisions"),
                           {{QStringLiteral("verdict"), verdict},
                            {QStringLiteral("reason"), QStringLiteral("checked")},
                            {QStringLiteral("revision"), revision}});
        };

        TAKE(managerFirst, decide(*managerLiu, QStringLiteral("approve"), 1));
        QCOMPARE(managerFirst.status, 403); // ethics comes first, and is not theirs
        TAKE(inbox, ethics->call("GET", QStringLiteral("/v1/access/requests?view=ethics")));
        QCOMPARE(inbox.json().value(u"requests").toArray().size(), 1);
        TAKE(passed, decide(*ethics, QStringLiteral("approve"), 1));
        QCOMPARE(passed.status, 200);
        QCOMPARE(passed.json().value(u"status").toString(), QStringLiteral("approval"));
        TAKE(own, decide(*researcher, QStringLiteral("approve"), 2));
        QCOMPARE(own.status, 403);
        TAKE(stale, decide(*managerLiu, QStringLiteral("approve"), 1));
        QCOMPARE(stale.status, 409);
        TAKE(waiting, managerLiu->call("GET", QStringLiteral("/v1/access/requests?view=approvals")));
        QCOMPARE(waiting.json().value(u"requests").toArray().size(), 1);
        TAKE(first, decide(*managerLiu, QStringLiteral("approve"), 2));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(u"status").toString(), QStringLiteral("approval")); // level 5: two people
        QVERIFY(!first.json().contains(u"grant"));
        TAKE(twice, decide(*managerLiu, QStringLiteral("approve"), 3));
        QCOMPARE(twice.status, 403); // counted once
        TAKE(second, decide(*managerMa, QStringLiteral("approve"), 3));
        QCOMPARE(second.status, 200);
        QCOMPARE(second.json().value(u"status").toString(), QStringLiteral("approved"));

        // The grant: the researcher's, on workstation-1, signed with the witness key, exactly the scope.
        TAKE(grants, researcher->call("GET", QStringLiteral("/v1/access/grants")));
        const QJsonArray list = grants.json().value(u"grants").toArray();
        QCOMPARE(list.size(), 1);
        const QByteArray envelope =
            QByteArray::fromBase64(list.first().toObject().value(u"envelope").toString().toLatin1());
        const QJsonObject keys =
            QJsonDocument::fromJson(readFile(c.dataDirectory + QStringLiteral("/server-keys.json"))).object();
        TAKE(witness, crypto::SigningKey::fromPrivateDer(QByteArray::fromBase64(
                          keys.value(QLatin1String("witnessKey")).toString().toLatin1())));
        const QString ws2Fingerprint =
            QString::fromLatin1(crypto::Certificate::fromPem(m_ws2.certificatePem)->fingerprint().toHex());
        TAKE(grant, access::GrantDocument::verify(envelope, witness.publicKey(), QStringLiteral("res.chen"),
                                                  ws1Origin(), clock.now()));
        QCOMPARE(grant.requestNumber, number);
        QCOMPARE(grant.scope.maxLevel, 5);
        QCOMPARE(grant.scope.patients.size(), 2);
        QCOMPARE(grant.approvers, (QStringList{QStringLiteral("dm.liu"), QStringLiteral("dm.ma")}));
        QCOMPARE(access::GrantDocument::verify(envelope, witness.publicKey(), QStringLiteral("res.chen"),
                                               ws2Fingerprint, clock.now())
                     .error()
                     .code,
                 Error::Code::PermissionDenied);
        TAKE(none, ethics->call("GET", QStringLiteral("/v1/access/grants")));
        QCOMPARE(none.json().value(u"grants").toArray().size(), 0);

        // R-6.3.5: the permission audit lists the grant, for an administrator or auditor only.
        TAKE(notAudit, managerLiu->call("GET", QStringLiteral("/v1/access/audit")));
        QCOMPARE(notAudit.status, 403);
        const SecureBytes qian = accounts::Totp::generateSecret();
        CHECK_OK(addAccount(*server, QStringLiteral("aud.qian"), QStringLiteral("auditor"), qian));
        auto auditor = client(server->port(), m_ws2);
        CHECK_OK(auditor->signIn(QStringLiteral("aud.qian"), passwordBytes(kPassword.toUtf8()),
                                 accounts::Totp(qian, clock).currentCode()));
        TAKE(audit, auditor->call("GET", QStringLiteral("/v1/access/audit")));
        QCOMPARE(audit.status, 200);
        const QJsonArray audited = audit.json().value(u"grants").toArray();
        QCOMPARE(audited.size(), 1);
        QCOMPARE(audited.first().toObject().value(u"subject").toString(), QStringLiteral("res.chen"));
        QCOMPARE(audited.first().toObject().value(u"scope").toObject().value(u"maxLevel").toInt(), 5);
        QCOMPARE(audit.json()
                     .value(u"requests")
                     .toObject()
                     .value(u"res.chen")
                     .toObject()
                     .value(u"approved")
                     .toInt(),
                 1);

        // R-6.3.4 c: revocation. A researcher may not; an unknown grant is not found; a data manager
        // may, once; the grant leaves the researcher's list and enters the signed list the
        // workstations pull, which verifies with the witness key only.
        const QString revoke = QStringLiteral("/v1/access/grants/%1/revocation").arg(grant.id);
        const QJsonObject why{{QStringLiteral("reason"), QStringLiteral("the project closed early")}};
        TAKE(byResearcher, researcher->call("POST", revoke, why));
        QCOMPARE(byResearcher.status, 403);
        TAKE(unknown,
             managerLiu->call(
                 "POST",
                 QStringLiteral("/v1/access/grants/G-00000000-0000-0000-0000-000000000000/revocation"), why));
        QCOMPARE(unknown.status, 404);
        TAKE(revoked, managerLiu->call("POST", revoke, why));
        QCOMPARE(revoked.status, 200);
        TAKE(again, managerMa->call("POST", revoke, why));
        QCOMPARE(again.status, 409);
        TAKE(after, researcher->call("GET", QStringLiteral("/v1/access/grants")));
        QCOMPARE(after.json().value(u"grants").toArray().size(), 0);
        TAKE(signedList, researcher->signedGrantRevocations(witness.publicKey().der()));
        QCOMPARE(signedList.grantIds, QStringList{grant.id});
        const auto otherKey = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        QVERIFY(otherKey.ok());
        QCOMPARE(researcher->signedGrantRevocations(otherKey->publicKey().der()).error().code,
                 Error::Code::Tampered);
        TAKE(auditAfter, auditor->call("GET", QStringLiteral("/v1/access/audit")));
        QCOMPARE(
            auditAfter.json().value(u"grants").toArray().first().toObject().value(u"revokedBy").toString(),
            QStringLiteral("dm.liu"));

        server.reset();
        const QStringList types = serverAuditTypes(c);
        QVERIFY(types.contains(QStringLiteral("access.request:success")));
        QCOMPARE(types.count(QStringLiteral("access.decision:success")), 3);
        // The ethics step not theirs, their own request, a stale revision, a second approval.
        QCOMPARE(types.count(QStringLiteral("access.decision:minor-failure")), 4);
        QCOMPARE(types.count(QStringLiteral("access.revoke:success")), 1);
        QVERIFY(types.contains(QStringLiteral("access.revoke:minor-failure"))); // unknown grant, twice
        QVERIFY(types.contains(QStringLiteral("access.audit:success")));
    }

    // R-5.2k-l, R-7.2.4e: the data of a grant is sealed for a key only its holder names, from the
    // workstation the grant is bound to; only a data manager uploads it, once; only the holder fetches
    // it there; a revoked grant's data is gone (410).
    void deliveryIsTheHoldersAndEndsWithTheGrant()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        GrantServerConfig c = config(QStringLiteral("delivery"));
        TAKE(server, GrantServer::start(c, clock));
        const SecureBytes liu = accounts::Totp::generateSecret();
        CHECK_OK(addAccount(*server, QStringLiteral("res.chen"), QStringLiteral("researcher")));
        CHECK_OK(addAccount(*server, QStringLiteral("eth.zhou"), QStringLiteral("ethics-reviewer")));
        CHECK_OK(addAccount(*server, QStringLiteral("dm.liu"), QStringLiteral("data-manager"), liu));
        auto researcher = client(server->port(), m_ws1);
        auto elsewhere = client(server->port(), m_ws2); // the same researcher on another workstation
        auto ethics = client(server->port(), m_ws2);
        auto manager = client(server->port(), m_ws2);
        CHECK_OK(researcher->signIn(QStringLiteral("res.chen"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(elsewhere->signIn(QStringLiteral("res.chen"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(ethics->signIn(QStringLiteral("eth.zhou"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(manager->signIn(QStringLiteral("dm.liu"), passwordBytes(kPassword.toUtf8()),
                                 accounts::Totp(liu, clock).currentCode()));
        TAKE(submitted,
             researcher->call(
                 "POST", QStringLiteral("/v1/access/requests"),
                 {{QStringLiteral("purpose"),
                   QStringLiteral("Late cardiac toxicity after radiotherapy, one index case.")},
                  {QStringLiteral("scope"),
                   QJsonObject{{QStringLiteral("project"), QStringLiteral("BC")},
                               {QStringLiteral("maxLevel"), 3},
                               {QStringLiteral("patients"), QJsonArray{QStringLiteral("P-AAAAAAAAAAAA")}}}},
                  {QStringLiteral("agreement"), QStringLiteral("DSA-2026-1")}}));
        const QString decisions = QStringLiteral("/v1/access/requests/%1/decisions")
                                      .arg(submitted.json().value(u"number").toString());
        TAKE(passed, ethics->call("POST", decisions,
                                  {{QStringLiteral("verdict"), QStringLiteral("approve")},
                                   {QStringLiteral("revision"), 1}}));
        TAKE(approved, manager->call("POST", decisions,
                                     {{QStringLiteral("verdict"), QStringLiteral("approve")},
                                      {QStringLiteral("revision"), 2}}));
        QCOMPARE(approved.json().value(u"status").toString(), QStringLiteral("approved"));
        TAKE(listed, researcher->call("GET", QStringLiteral("/v1/access/grants")));
        const QString id =
            listed.json().value(u"grants").toArray().first().toObject().value(u"id").toString();
        const QString base = QStringLiteral("/v1/access/grants/%1/").arg(id);
        TAKE(recipient, crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2));
        const QByteArray der = recipient.publicKey().der();
        const auto keyBody = [&](net::GrantClient &signer) {
            auto signedKey =
                signer.signedEnvelope(net::deliveryRecipientDocument(id, der), QStringLiteral("res.chen"));
            return QJsonObject{{QStringLiteral("publicKey"), QString::fromLatin1(der.toBase64())},
                               {QStringLiteral("attestation"),
                                QString::fromLatin1(signedKey ? signedKey->toBase64() : QByteArray())}};
        };
        const QJsonObject key = keyBody(*researcher);
        // A key attested by another certificate than the caller's is refused.
        TAKE(foreign, researcher->call("PUT", base + QStringLiteral("recipient-key"), keyBody(*elsewhere)));
        QCOMPARE(foreign.status, 403);

        TAKE(notHolder, ethics->call("PUT", base + QStringLiteral("recipient-key"), key));
        QCOMPARE(notHolder.status, 403);
        TAKE(otherWorkstation, elsewhere->call("PUT", base + QStringLiteral("recipient-key"), key));
        QCOMPARE(otherWorkstation.status, 403);
        TAKE(named, researcher->call("PUT", base + QStringLiteral("recipient-key"), key));
        QCOMPARE(named.status, 200);
        TAKE(renamed, researcher->call("PUT", base + QStringLiteral("recipient-key"), key));
        QCOMPARE(renamed.status, 409); // once: nobody swaps it later
        TAKE(notYet, researcher->call("GET", base + QStringLiteral("delivery")));
        QCOMPARE(notYet.status, 404);

        TAKE(notTheirs, researcher->call("GET", QStringLiteral("/v1/access/deliveries")));
        QCOMPARE(notTheirs.status, 403);
        TAKE(waiting, manager->call("GET", QStringLiteral("/v1/access/deliveries")));
        QCOMPARE(waiting.json().value(u"deliveries").toArray().size(), 1);
        const QByteArray data(64, 'c');
        const QByteArray wrapped(120, 'k');
        const auto attested = [&](const QByteArray &attestedData) {
            auto signedDigests = manager->signedEnvelope(net::deliveryDocument(id, attestedData, wrapped),
                                                         QStringLiteral("dm.liu"));
            return QJsonObject{
                {QStringLiteral("ciphertext"), QString::fromLatin1(data.toBase64())},
                {QStringLiteral("wrappedKey"), QString::fromLatin1(wrapped.toBase64())},
                {QStringLiteral("attestation"),
                 QString::fromLatin1(signedDigests ? signedDigests->toBase64() : QByteArray())}};
        };
        // Digests signed by the uploading workstation, over exactly what it sends.
        TAKE(mismatch,
             manager->call("PUT", base + QStringLiteral("delivery"), attested(QByteArray(64, 'x'))));
        QCOMPARE(mismatch.status, 403);
        const QJsonObject sealed = attested(data);
        TAKE(byResearcher, researcher->call("PUT", base + QStringLiteral("delivery"), sealed));
        QCOMPARE(byResearcher.status, 403);
        TAKE(uploaded, manager->call("PUT", base + QStringLiteral("delivery"), sealed));
        QCOMPARE(uploaded.status, 200);
        TAKE(twice, manager->call("PUT", base + QStringLiteral("delivery"), sealed));
        QCOMPARE(twice.status, 409);
        TAKE(byManager, manager->call("GET", base + QStringLiteral("delivery")));
        QCOMPARE(byManager.status, 403);
        TAKE(fetched, researcher->call("GET", base + QStringLiteral("delivery")));
        QCOMPARE(fetched.status, 200);
        QCOMPARE(QByteArray::fromBase64(fetched.json().value(u"ciphertext").toString().toLatin1()),
                 QByteArray(64, 'c'));

        TAKE(revoked, manager->call("POST", base + QStringLiteral("revocation"),
                                    {{QStringLiteral("reason"), QStringLiteral("consent withdrawn")}}));
        QCOMPARE(revoked.status, 200);
        TAKE(gone, researcher->call("GET", base + QStringLiteral("delivery")));
        QCOMPARE(gone.status, 410);
        TAKE(row, server->store().delivery(id));
        QVERIFY(row.has_value() && row->ciphertext.isEmpty() && row->wrappedKey.isEmpty());
    }

    // R-6.3.3: the site's rules are data: a rules file names a project's principal investigator, and a
    // level-4 request there is approved by the PI first, then by a data manager: two people. A rules
    // file that cannot be read refuses access-request calls rather than falling back.
    void theSitesRulesFileRoutesToItsPrincipalInvestigator()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        GrantServerConfig c = config(QStringLiteral("site-rules"));
        QJsonObject rules = QJsonDocument::fromJson(access::ApprovalRules::defaultDocument()).object();
        rules.insert(
            QStringLiteral("projects"),
            QJsonObject{{QStringLiteral("BC"),
                         QJsonObject{{QStringLiteral("pi"), QJsonArray{QStringLiteral("dr.zhou")}}}}});
        c.service.accessRulesFile = m_dir.filePath(QStringLiteral("site-rules.json"));
        CHECK_OK(writeFileAtomically(c.service.accessRulesFile, QJsonDocument(rules).toJson()));
        TAKE(server, GrantServer::start(c, clock));
        const SecureBytes liu = accounts::Totp::generateSecret();
        const SecureBytes zhou = accounts::Totp::generateSecret();
        CHECK_OK(addAccount(*server, QStringLiteral("res.chen"), QStringLiteral("researcher")));
        CHECK_OK(addAccount(*server, QStringLiteral("eth.zhou"), QStringLiteral("ethics-reviewer")));
        CHECK_OK(addAccount(*server, QStringLiteral("dm.liu"), QStringLiteral("data-manager"), liu));
        CHECK_OK(addAccount(*server, QStringLiteral("dr.zhou"), QStringLiteral("clinician"), zhou));
        auto researcher = client(server->port(), m_ws1);
        auto ethics = client(server->port(), m_ws2);
        auto manager = client(server->port(), m_ws2);
        auto pi = client(server->port(), m_ws2);
        CHECK_OK(researcher->signIn(QStringLiteral("res.chen"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(ethics->signIn(QStringLiteral("eth.zhou"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(manager->signIn(QStringLiteral("dm.liu"), passwordBytes(kPassword.toUtf8()),
                                 accounts::Totp(liu, clock).currentCode()));
        CHECK_OK(pi->signIn(QStringLiteral("dr.zhou"), passwordBytes(kPassword.toUtf8()),
                            accounts::Totp(zhou, clock).currentCode()));
        TAKE(submitted,
             researcher->call(
                 "POST", QStringLiteral("/v1/access/requests"),
                 {{QStringLiteral("purpose"),
                   QStringLiteral("Dose to the heart against cardiac events, whole project.")},
                  {QStringLiteral("scope"), QJsonObject{{QStringLiteral("project"), QStringLiteral("BC")},
                                                        {QStringLiteral("maxLevel"), 4}}},
                  {QStringLiteral("agreement"), QStringLiteral("DSA-2026-1")}}));
        QCOMPARE(submitted.status, 201);
        const QString decisions = QStringLiteral("/v1/access/requests/%1/decisions")
                                      .arg(submitted.json().value(u"number").toString());
        const auto approve = [&](net::GrantClient &as, int revision) {
            return as.call("POST", decisions,
                           {{QStringLiteral("verdict"), QStringLiteral("approve")},
                            {QStringLiteral("revision"), revision}});
        };
        TAKE(passed, approve(*ethics, 1));
        QCOMPARE(passed.status, 200);
        TAKE(piInbox, pi->call("GET", QStringLiteral("/v1/access/requests?view=approvals")));
        QCOMPARE(piInbox.json().value(u"requests").toArray().size(), 1); // a clinician, as the project's PI
        TAKE(byPi, approve(*pi, 2));
        QCOMPARE(byPi.status, 200);
        QCOMPARE(byPi.json().value(u"status").toString(), QStringLiteral("approval"));
        TAKE(byManager, approve(*manager, 3));
        QCOMPARE(byManager.json().value(u"status").toString(), QStringLiteral("approved"));
        TAKE(grants, researcher->call("GET", QStringLiteral("/v1/access/grants")));
        QCOMPARE(grants.json().value(u"grants").toArray().size(), 1);

        // The rules file gone: refused, never the built-in rules instead.
        QVERIFY(QFile::remove(c.service.accessRulesFile));
        TAKE(refused, researcher->call("GET", QStringLiteral("/v1/access/requests")));
        QVERIFY(refused.status >= 500);
    }

    // R-9.4.2: an external ethics system takes the ethics step through FHIR Tasks: it lists what waits,
    // reads one, and answers by updating it at the revision it read; the same rules decide (a stale
    // revision, a rejection without reason and a researcher's answer are refused).
    void anExternalEthicsSystemReviewsThroughFhirTasks()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        GrantServerConfig c = config(QStringLiteral("fhir-task"));
        TAKE(server, GrantServer::start(c, clock));
        CHECK_OK(addAccount(*server, QStringLiteral("res.chen"), QStringLiteral("researcher")));
        CHECK_OK(addAccount(*server, QStringLiteral("ethics.system"), QStringLiteral("ethics-reviewer")));
        auto researcher = client(server->port(), m_ws1);
        auto external = client(server->port(), m_ws2);
        CHECK_OK(researcher->signIn(QStringLiteral("res.chen"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(external->signIn(QStringLiteral("ethics.system"), passwordBytes(kPassword.toUtf8())));
        TAKE(submitted,
             researcher->call(
                 "POST", QStringLiteral("/v1/access/requests"),
                 {{QStringLiteral("purpose"),
                   QStringLiteral("Late cardiac toxicity after radiotherapy, one index case.")},
                  {QStringLiteral("scope"),
                   QJsonObject{{QStringLiteral("project"), QStringLiteral("BC")},
                               {QStringLiteral("maxLevel"), 3},
                               {QStringLiteral("patients"), QJsonArray{QStringLiteral("P-AAAAAAAAAAAA")}}}},
                  {QStringLiteral("agreement"), QStringLiteral("DSA-2026-1")}}));
        const QString number = submitted.json().value(u"number").toString();
        TAKE(notTheirs, researcher->call("GET", QStringLiteral("/v1/fhir/Task")));
        QCOMPARE(notTheirs.status, 403);
        TAKE(bundle, external->call("GET", QStringLiteral("/v1/fhir/Task")));
        QCOMPARE(bundle.status, 200);
        QCOMPARE(bundle.json().value(u"resourceType").toString(), QStringLiteral("Bundle"));
        const QJsonObject task =
            bundle.json().value(u"entry").toArray().first().toObject().value(u"resource").toObject();
        QCOMPARE(task.value(u"resourceType").toString(), QStringLiteral("Task"));
        QCOMPARE(task.value(u"id").toString(), number);
        QCOMPARE(task.value(u"status").toString(), QStringLiteral("requested"));
        QVERIFY(task.value(u"description").toString().startsWith(QStringLiteral("Late cardiac")));
        QCOMPARE(task.value(u"meta").toObject().value(u"versionId").toString(), QStringLiteral("1"));
        const QString path = QStringLiteral("/v1/fhir/Task/") + number;
        const auto answer = [&](const QString &status, const QString &version, const QString &reason) {
            QJsonObject t{{QStringLiteral("resourceType"), QStringLiteral("Task")},
                          {QStringLiteral("status"), status},
                          {QStringLiteral("meta"), QJsonObject{{QStringLiteral("versionId"), version}}}};
            if (!reason.isEmpty())
                t.insert(QStringLiteral("statusReason"), QJsonObject{{QStringLiteral("text"), reason}});
            return t;
        };
        TAKE(byResearcher,
             researcher->call("PUT", path, answer(QStringLiteral("completed"), QStringLiteral("1"), {})));
        QCOMPARE(byResearcher.status, 403);
        TAKE(noReason,
             external->call("PUT", path, answer(QStringLiteral("rejected"), QStringLiteral("1"), {})));
        QVERIFY(noReason.status >= 400);
        TAKE(stale,
             external->call("PUT", path, answer(QStringLiteral("completed"), QStringLiteral("7"), {})));
        QCOMPARE(stale.status, 409);
        TAKE(passed, external->call("PUT", path,
                                    answer(QStringLiteral("completed"), QStringLiteral("1"),
                                           QStringLiteral("Committee decision 2026-114"))));
        QCOMPARE(passed.status, 200);
        QCOMPARE(passed.json().value(u"status").toString(), QStringLiteral("approval"));
        TAKE(after, external->call("GET", path));
        QCOMPARE(after.json().value(u"status").toString(), QStringLiteral("completed"));
        TAKE(empty, external->call("GET", QStringLiteral("/v1/fhir/Task")));
        QCOMPARE(empty.json().value(u"total").toInt(), 0);
    }

    // R-7.4.1: the server records what the event catalogue (docs/audit-events.md) says it records: its
    // start, stop and configuration changes, sign-ins and their failures, password changes, reads of
    // its data (view, query, download), permission requests, refusals of an identified caller and its
    // errors. Every type found is listed in the catalogue.
    void theServerRecordsTheCatalogue()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        GrantServerConfig c = config(QStringLiteral("catalogue"));
        const QString rules = m_dir.filePath(QStringLiteral("catalogue-rules.json"));
        writeFile(rules, access::ApprovalRules::defaultDocument());
        c.service.accessRulesFile = rules;
        {
            TAKE(server, GrantServer::start(c, clock));
            CHECK_OK(addAccount(*server, QStringLiteral("res.chen"), QStringLiteral("researcher")));
            auto researcher = client(server->port(), m_ws1);
            // Five failed sign-ins within minutes: the alert rule fires on the server's chain too.
            for (int i = 0; i < 5; ++i)
                QVERIFY(
                    !researcher->signIn(QStringLiteral("res.chen"), passwordBytes("not-the-password")).ok());
            clock.advance(qint64(3600) * 1000); // past the back-off the failures started
            TAKE(signedIn, researcher->signIn(QStringLiteral("res.chen"), passwordBytes(kPassword.toUtf8())));
            TAKE(listed, researcher->call("GET", QStringLiteral("/v1/access/requests")));
            QCOMPARE(listed.status, 200);
            TAKE(sent,
                 researcher->call(
                     "POST", QStringLiteral("/v1/access/requests"),
                     {{QStringLiteral("purpose"),
                       QStringLiteral("Late cardiac toxicity after radiotherapy, one index case.")},
                      {QStringLiteral("scope"), QJsonObject{{QStringLiteral("project"), QStringLiteral("BC")},
                                                            {QStringLiteral("maxLevel"), 3}}},
                      {QStringLiteral("agreement"), QStringLiteral("DSA-2026-1")}}));
            QCOMPARE(sent.status, 201);
            TAKE(one, researcher->call("GET", QStringLiteral("/v1/access/requests/") +
                                                  sent.json().value(u"number").toString()));
            QCOMPARE(one.status, 200);
            TAKE(notMine, researcher->call("GET", QStringLiteral("/v1/accounts")));
            QCOMPARE(notMine.status, 403);
            TAKE(pulled, researcher->pull(0));
            Q_UNUSED(pulled);
            CHECK_OK(researcher->changePassword(QStringLiteral("res.chen"), passwordBytes(kPassword.toUtf8()),
                                                passwordBytes("Another-Horse-2027!"), signedIn.bundle));
            // The rules cannot be read any more: the call fails on the server's side, an error.
            QVERIFY(QFile::remove(rules));
            TAKE(broken, researcher->call("GET", QStringLiteral("/v1/access/requests")));
            QCOMPARE(broken.status, 500);
            writeFile(rules, access::ApprovalRules::defaultDocument());
            server->stop();
        }
        // Started again with another setting: a configuration change, naming it.
        c.service.failureThreshold = 7;
        {
            TAKE(again, GrantServer::start(c, clock));
            again->stop();
        }
        const QStringList types = serverAuditTypes(c);
        QVERIFY(!types.isEmpty());
        for (const QString &expected :
             {QStringLiteral("system.start:success"), QStringLiteral("user.login:success"),
              QStringLiteral("user.login:minor-failure"), QStringLiteral("data.query:success"),
              QStringLiteral("access.request:success"), QStringLiteral("data.view:success"),
              QStringLiteral("security.refusal:minor-failure"), QStringLiteral("data.download:success"),
              QStringLiteral("user.password-change:success"), QStringLiteral("system.error:serious-failure"),
              QStringLiteral("system.stop:success"), QStringLiteral("system.config-change:success"),
              QStringLiteral("security.alert:serious-failure")})
            QVERIFY2(types.contains(expected),
                     qPrintable(expected + QStringLiteral(" in ") + types.join(u' ')));
        QCOMPARE(types.count(QStringLiteral("system.start:success")), 2);
        QCOMPARE(types.count(QStringLiteral("system.config-change:success")), 1);
        // The catalogue lists every type the server wrote.
        const QString catalogue =
            QString::fromUtf8(readFile(QStringLiteral(MDP_SOURCE_DIR "/docs/audit-events.md")));
        QVERIFY(!catalogue.isEmpty());
        for (const QString &typeAndOutcome : types) {
            const QString type = typeAndOutcome.section(QLatin1Char(':'), 0, 0);
            QVERIFY2(catalogue.contains(QLatin1Char('`') + type + QLatin1Char('`')),
                     qPrintable(type + QStringLiteral(" is not in docs/audit-events.md")));
        }
    }

    // R-6.3.4 c: a patient's consent withdrawal revokes every grant in force naming the patient's
    // pseudonym, and no other; a researcher cannot file it; it is kept, so no later request names the
    // patient and one waiting for approval is not approved.
    void consentWithdrawalRevokesTheGrantsNamingThePatient()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        GrantServerConfig c = config(QStringLiteral("consent"));
        TAKE(server, GrantServer::start(c, clock));
        const SecureBytes liu = accounts::Totp::generateSecret();
        CHECK_OK(addAccount(*server, QStringLiteral("res.chen"), QStringLiteral("researcher")));
        CHECK_OK(addAccount(*server, QStringLiteral("eth.zhou"), QStringLiteral("ethics-reviewer")));
        CHECK_OK(addAccount(*server, QStringLiteral("dm.liu"), QStringLiteral("data-manager"), liu));
        auto researcher = client(server->port(), m_ws1);
        auto ethics = client(server->port(), m_ws2);
        auto manager = client(server->port(), m_ws2);
        CHECK_OK(researcher->signIn(QStringLiteral("res.chen"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(ethics->signIn(QStringLiteral("eth.zhou"), passwordBytes(kPassword.toUtf8())));
        CHECK_OK(manager->signIn(QStringLiteral("dm.liu"), passwordBytes(kPassword.toUtf8()),
                                 accounts::Totp(liu, clock).currentCode()));
        const auto requestFor = [&](const QString &patient) {
            return researcher->call(
                "POST", QStringLiteral("/v1/access/requests"),
                {{QStringLiteral("purpose"),
                  QStringLiteral("Late cardiac toxicity after radiotherapy, one index case.")},
                 {QStringLiteral("scope"), QJsonObject{{QStringLiteral("project"), QStringLiteral("BC")},
                                                       {QStringLiteral("maxLevel"), 3},
                                                       {QStringLiteral("patients"), QJsonArray{patient}}}},
                 {QStringLiteral("agreement"), QStringLiteral("DSA-2026-1")}});
        };
        const auto decide = [&](net::GrantClient &as, const QString &number, int revision) {
            return as.call("POST", QStringLiteral("/v1/access/requests/%1/decisions").arg(number),
                           {{QStringLiteral("verdict"), QStringLiteral("approve")},
                            {QStringLiteral("revision"), revision}});
        };
        QStringList numbers;
        for (const QString &patient : {QStringLiteral("P-AAAAAAAAAAAA"), QStringLiteral("P-BBBBBBBBBBBB"),
                                       QStringLiteral("P-AAAAAAAAAAAA")}) {
            TAKE(submitted, requestFor(patient));
            QCOMPARE(submitted.status, 201);
            numbers << submitted.json().value(u"number").toString();
            TAKE(passed, decide(*ethics, numbers.last(), 1));
            QCOMPARE(passed.status, 200);
        }
        // The first two approved; the third waits for the data manager.
        for (int i = 0; i < 2; ++i) {
            TAKE(approved, decide(*manager, numbers.at(i), 2));
            QCOMPARE(approved.json().value(u"status").toString(), QStringLiteral("approved"));
        }
        const QJsonObject withdrawal{
            {QStringLiteral("patient"), QStringLiteral("P-AAAAAAAAAAAA")},
            {QStringLiteral("reason"), QStringLiteral("consent withdrawn in clinic")}};
        TAKE(byResearcher,
             researcher->call("POST", QStringLiteral("/v1/access/consent-withdrawals"), withdrawal));
        QCOMPARE(byResearcher.status, 403);
        TAKE(noReason, manager->call("POST", QStringLiteral("/v1/access/consent-withdrawals"),
                                     {{QStringLiteral("patient"), QStringLiteral("P-AAAAAAAAAAAA")},
                                      {QStringLiteral("reason"), QStringLiteral(" ")}}));
        QCOMPARE(noReason.status, 400);
        TAKE(withdrawn, manager->call("POST", QStringLiteral("/v1/access/consent-withdrawals"), withdrawal));
        QCOMPARE(withdrawn.status, 200);
        QCOMPARE(withdrawn.json().value(u"revoked").toArray().size(), 1);
        TAKE(left, researcher->call("GET", QStringLiteral("/v1/access/grants")));
        const QJsonArray kept = left.json().value(u"grants").toArray();
        QCOMPARE(kept.size(), 1);
        QVERIFY(kept.first().toObject().value(u"id").toString() !=
                withdrawn.json().value(u"revoked").toArray().first().toString());
        // The withdrawal is kept: no new request names the patient, and the waiting one is not approved
        // (nor is its grant issued).
        TAKE(later, requestFor(QStringLiteral("P-AAAAAAAAAAAA")));
        QCOMPARE(later.status, 409);
        TAKE(waiting, decide(*manager, numbers.at(2), 2));
        QCOMPARE(waiting.status, 409);
        TAKE(still, manager->call("GET", QStringLiteral("/v1/access/requests/") + numbers.at(2)));
        QCOMPARE(still.json().value(u"status").toString(), QStringLiteral("approval"));
        TAKE(after, researcher->call("GET", QStringLiteral("/v1/access/grants")));
        QCOMPARE(after.json().value(u"grants").toArray().size(), 1);
        // Another patient is not affected.
        TAKE(other, requestFor(QStringLiteral("P-BBBBBBBBBBBB")));
        QCOMPARE(other.status, 201);
        // Another spelling of the pseudonym withdraws nothing silently: it is refused.
        TAKE(lower,
             manager->call("POST", QStringLiteral("/v1/access/consent-withdrawals"),
                           {{QStringLiteral("patient"), QStringLiteral("p-bbbbbbbbbbbb")},
                            {QStringLiteral("reason"), QStringLiteral("consent withdrawn in clinic")}}));
        QCOMPARE(lower.status, 400);
        // The providing site learns who is never delivered.
        TAKE(pending, manager->call("GET", QStringLiteral("/v1/access/deliveries")));
        QCOMPARE(pending.status, 200);
        QCOMPARE(pending.json().value(u"withdrawnPatients").toArray(),
                 QJsonArray{QStringLiteral("P-AAAAAAAAAAAA")});
        // Filed again: nothing more to revoke.
        TAKE(twice, manager->call("POST", QStringLiteral("/v1/access/consent-withdrawals"), withdrawal));
        QCOMPARE(twice.status, 200);
        QCOMPARE(twice.json().value(u"count").toInt(), 0);
    }

    // R-9.2 permission sync: a policy is published only in an envelope the caller signed with its own
    // workstation certificate and in its own name. A forged signature, another workstation's
    // certificate, another publisher's name or an unreadable envelope is refused, audited, and
    // nothing is stored.
    void documentPublishRefusesAnEnvelopeNotTheCallers()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        GrantServerConfig c = config(QStringLiteral("documents-refused"));
        TAKE(server, GrantServer::start(c, clock));
        const SecureBytes secret = accounts::Totp::generateSecret();
        TAKE(dm, addAccount(*server, QStringLiteral("dm.liu"), QStringLiteral("data-manager"), secret));
        Q_UNUSED(dm);
        auto ws = client(server->port(), m_ws1);
        CHECK_OK(ws->signIn(QStringLiteral("dm.liu"), passwordBytes(kPassword.toUtf8()),
                            accounts::Totp(secret, clock).currentCode()));
        const QByteArray policy = R"({"policies":[{"id":"p1","effect":"deny"}],"version":1})";
        const Credential forger{m_ws1.certificatePem, m_ws2.keyPem, {}}; // ws1's name, another key
        struct Case
        {
            const char *name;
            QByteArray envelope;
            int status;
        };
        const Case cases[] = {
            {"forged signature", envelope(policy, forger, m_ws1.certificatePem, QStringLiteral("dm.liu")),
             403},
            {"another workstation's certificate",
             envelope(policy, m_ws2, m_ws2.certificatePem, QStringLiteral("dm.liu")), 403},
            {"published in another name",
             envelope(policy, m_ws1, m_ws1.certificatePem, QStringLiteral("dm.chen")), 403},
            {"not an envelope", QByteArray("policy text"), 400},
            {"no certificate",
             envelope(policy, m_ws1, QByteArray("-----BEGIN CERTIFICATE-----\nAAAA\n"),
                      QStringLiteral("dm.liu")),
             400},
        };
        for (const Case &refused : cases) {
            TAKE(answer, ws->call("POST", QStringLiteral("/v1/documents"),
                                  publishBody(QStringLiteral("policy"), 1, refused.envelope)));
            QVERIFY2(answer.status == refused.status, qPrintable(QStringLiteral("%1: %2 %3")
                                                                     .arg(QLatin1String(refused.name))
                                                                     .arg(answer.status)
                                                                     .arg(answer.problemDetail())));
        }
        TAKE(nothing, server->store().latestDocument(QStringLiteral("policy")));
        QVERIFY(!nothing.has_value());
        server->stop();
        const QStringList types = serverAuditTypes(c);
        QVERIFY2(types.count(QStringLiteral("policy.publish:serious-failure")) >= 3,
                 qPrintable(types.join(QLatin1Char(','))));
        QVERIFY(!types.contains(QStringLiteral("policy.publish:success")));
    }

    // R-9.2 permission sync, end to end: a data manager publishes a policy through the client (signed
    // with the workstation's TLS key, in their name); every version is listed; a receiving workstation
    // checks the envelope against the site CA and refuses one signed by a certificate of another CA
    // or a document changed after signing.
    void documentPublishedSignedAndVerifiedByTheReceiver()
    {
        ManualClock clock(QDateTime::currentDateTimeUtc());
        TAKE(server, GrantServer::start(config(QStringLiteral("documents")), clock));
        const SecureBytes secret = accounts::Totp::generateSecret();
        TAKE(dm, addAccount(*server, QStringLiteral("dm.liu"), QStringLiteral("data-manager"), secret));
        Q_UNUSED(dm);
        TAKE(researcher, addAccount(*server, QStringLiteral("res.zhang"), QStringLiteral("researcher")));
        Q_UNUSED(researcher);
        auto publisher = client(server->port(), m_ws1);
        CHECK_OK(publisher->signIn(QStringLiteral("dm.liu"), passwordBytes(kPassword.toUtf8()),
                                   accounts::Totp(secret, clock).currentCode()));
        const QByteArray v1 = R"({"policies":[{"id":"p1","effect":"deny"}],"version":1})";
        const QByteArray v2 = R"({"policies":[{"id":"p1","effect":"permit"}],"version":2})";
        CHECK_OK(publisher->publishDocument(QStringLiteral("policy"), 1, v1));
        CHECK_OK(publisher->publishDocument(QStringLiteral("policy"), 2, v2));
        auto again = publisher->publishDocument(QStringLiteral("policy"), 2, v1);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, Error::Code::Conflict);
        // Not a JSON object: refused before anything is signed or sent.
        QVERIFY(!publisher->publishDocument(QStringLiteral("policy"), 3, "deny all").ok());

        // A researcher may read but not publish.
        auto reader = client(server->port(), m_ws2);
        CHECK_OK(reader->signIn(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8())));
        auto notAllowed = reader->publishDocument(QStringLiteral("policy"), 9, v1);
        QVERIFY(!notAllowed.ok());
        QCOMPARE(notAllowed.error().code, Error::Code::PermissionDenied);
        TAKE(latest, reader->latestDocument(QStringLiteral("policy")));
        QCOMPARE(latest.version, qint64(2));
        TAKE(verified, net::GrantClient::verifyDocumentEnvelope(latest.envelope, m_pki.ca.pem()));
        QCOMPARE(verified.document, v2);
        QCOMPARE(verified.signer, QStringLiteral("workstation-1"));
        QCOMPARE(verified.publishedBy, QStringLiteral("dm.liu"));
        TAKE(versions, reader->call("GET", QStringLiteral("/v1/documents/policy/versions")));
        QCOMPARE(versions.status, 200);
        const QJsonArray listed = versions.json().value(QLatin1String("versions")).toArray();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(0).toObject().value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(listed.at(1).toObject().value(QLatin1String("publishedBy")).toString(),
                 QStringLiteral("dm.liu"));
        QCOMPARE(listed.at(1).toObject().value(QLatin1String("signer")).toString(),
                 QStringLiteral("workstation-1"));
        TAKE(unknown, reader->call("GET", QStringLiteral("/v1/documents/nothing/versions")));
        QCOMPARE(unknown.status, 404);

        // The receiver's check: a certificate of another CA (or of the wrong use), or a document
        // changed after signing, is refused.
        const Credential foreign =
            m_pki.issue(crypto::CertificateUsage::Workstation, QStringLiteral("workstation-1"),
                        QDateTime::currentDateTimeUtc().addSecs(-60), 10, true);
        auto foreignCheck = net::GrantClient::verifyDocumentEnvelope(
            envelope(v2, foreign, foreign.certificatePem, QStringLiteral("dm.liu")), m_pki.ca.pem());
        QVERIFY(!foreignCheck.ok());
        QCOMPARE(foreignCheck.error().code, Error::Code::PermissionDenied);
        auto serverSigned = net::GrantClient::verifyDocumentEnvelope(
            envelope(v2, m_server, m_server.certificatePem, QStringLiteral("dm.liu")), m_pki.ca.pem());
        QVERIFY(!serverSigned.ok());
        QJsonObject tampered = QJsonDocument::fromJson(latest.envelope).object();
        tampered.insert(QStringLiteral("document"), QString::fromUtf8(v1));
        auto tamperedCheck = net::GrantClient::verifyDocumentEnvelope(
            QJsonDocument(tampered).toJson(QJsonDocument::Compact), m_pki.ca.pem());
        QVERIFY(!tamperedCheck.ok());
        QCOMPARE(tamperedCheck.error().code, Error::Code::PermissionDenied);
        QVERIFY(!net::GrantClient::verifyDocumentEnvelope("not json", m_pki.ca.pem()).ok());
    }

    static QJsonObject questionnaire(const QString &id, const QString &title, const QStringList &fields)
    {
        QJsonArray items;
        for (const QString &field : fields)
            items.append(
                QJsonObject{{QStringLiteral("linkId"), field},
                            {QStringLiteral("text"), field.toUpper()},
                            {QStringLiteral("type"), QStringLiteral("choice")},
                            {QStringLiteral("classification"),
                             QJsonObject{{QStringLiteral("level"), 3},
                                         {QStringLiteral("category"), QStringLiteral("health-status")}}}});
        return {{QStringLiteral("resourceType"), QStringLiteral("Questionnaire")},
                {QStringLiteral("id"), id},
                {QStringLiteral("version"), QStringLiteral("3")},
                {QStringLiteral("title"), title},
                {QStringLiteral("status"), QStringLiteral("active")},
                {QStringLiteral("item"), items}};
    }

    // R-9.2 catalogue query: a workstation publishes the forms it holds with its certificate alone (no
    // token); another kind of certificate cannot; anything but metadata is refused by the schema; the
    // site searches the catalogue by title and field key as a FHIR Bundle naming each workstation; a
    // workstation's new catalogue replaces its own and leaves the others'.
    void catalogueIsPublishedByWorkstationsAndSearched()
    {
        GrantServerConfig c = config(QStringLiteral("catalogue"));
        TAKE(server, GrantServer::start(c));
        auto ws1 = client(server->port(), m_ws1);
        auto ws2 = client(server->port(), m_ws2);
        CHECK_OK(ws1->publishCatalogue(
            {questionnaire(QStringLiteral("crf-breast"), QStringLiteral("Breast cancer CRF"),
                           {QStringLiteral("er"), QStringLiteral("her2")}),
             questionnaire(QStringLiteral("crf-lung"), QStringLiteral("Lung cancer follow-up"),
                           {QStringLiteral("egfr")})}));
        CHECK_OK(ws2->publishCatalogue({questionnaire(
            QStringLiteral("crf-breast"), QStringLiteral("Breast (B)"), {QStringLiteral("er")})}));

        // A person's certificate is no workstation's.
        const Credential person = m_pki.issue(crypto::CertificateUsage::User, QStringLiteral("dr.wang"),
                                              QDateTime::currentDateTimeUtc().addSecs(-60), 10);
        auto personal = client(server->port(), person);
        TAKE(connected, personal->call("GET", QStringLiteral("/health"))); // TLS lets it in...
        QCOMPARE(connected.status, 200);
        auto refused =
            personal->publishCatalogue({questionnaire(QStringLiteral("x"), QStringLiteral("X"), {})});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::PermissionDenied);

        // Not metadata: an answer, an initial value, a small count, an unknown level: refused whole.
        QJsonObject answered =
            questionnaire(QStringLiteral("crf-breast"), QStringLiteral("B"), {QStringLiteral("er")});
        QJsonArray items = answered.value(QLatin1String("item")).toArray();
        QJsonObject item = items.at(0).toObject();
        item.insert(QStringLiteral("answer"),
                    QJsonArray{QJsonObject{{QStringLiteral("valueString"), QStringLiteral("ZHANG-SAN")}}});
        items.replace(0, item);
        answered.insert(QStringLiteral("item"), items);
        QJsonObject initial = questionnaire(QStringLiteral("a"), QStringLiteral("A"), {QStringLiteral("er")});
        QJsonArray initialItems = initial.value(QLatin1String("item")).toArray();
        QJsonObject initialItem = initialItems.at(0).toObject();
        initialItem.insert(QStringLiteral("initial"), QStringLiteral("positive"));
        initialItems.replace(0, initialItem);
        initial.insert(QStringLiteral("item"), initialItems);
        QJsonObject smallCount = questionnaire(QStringLiteral("b"), QStringLiteral("B"), {});
        smallCount.insert(QStringLiteral("recordCount"), 3);
        QJsonObject patientId =
            questionnaire(QStringLiteral("c"), QStringLiteral("C"), {QStringLiteral("name")});
        patientId.insert(QStringLiteral("subject"), QStringLiteral("Patient/ZHANG-SAN"));
        for (const QJsonObject &bad : {answered, initial, smallCount, patientId}) {
            TAKE(answer, ws1->call("PUT", QStringLiteral("/v1/catalogue/workstations/self"),
                                   {{QStringLiteral("entries"), QJsonArray{bad}}}));
            QCOMPARE(answer.status, 400);
        }
        // Two entries of one id: refused.
        auto twice = ws1->publishCatalogue({questionnaire(QStringLiteral("d"), QStringLiteral("D"), {}),
                                            questionnaire(QStringLiteral("d"), QStringLiteral("D2"), {})});
        QVERIFY(!twice.ok());
        TAKE(held, server->store().catalogue());
        QCOMPARE(held.size(), 3);
        for (const CatalogueEntry &entry : held)
            QVERIFY(!entry.resource.contains("ZHANG-SAN"));

        // The search needs a signed-in account.
        TAKE(anonymous, ws1->call("GET", QStringLiteral("/v1/catalogue")));
        QCOMPARE(anonymous.status, 401);
        TAKE(researcher, addAccount(*server, QStringLiteral("res.zhang"), QStringLiteral("researcher")));
        Q_UNUSED(researcher);
        auto reader = client(server->port(), m_ws2);
        CHECK_OK(reader->signIn(QStringLiteral("res.zhang"), passwordBytes(kPassword.toUtf8())));
        TAKE(bundle, reader->catalogue());
        QCOMPARE(bundle.value(QLatin1String("resourceType")).toString(), QStringLiteral("Bundle"));
        QCOMPARE(bundle.value(QLatin1String("type")).toString(), QStringLiteral("searchset"));
        QCOMPARE(bundle.value(QLatin1String("total")).toInt(), 3);
        QStringList sources;
        QSet<QString> ids;
        for (const QJsonValue entry : bundle.value(QLatin1String("entry")).toArray()) {
            const QJsonObject resource = entry.toObject().value(QLatin1String("resource")).toObject();
            QCOMPARE(resource.value(QLatin1String("resourceType")).toString(),
                     QStringLiteral("Questionnaire"));
            sources.append(
                resource.value(QLatin1String("meta")).toObject().value(QLatin1String("source")).toString());
            ids.insert(resource.value(QLatin1String("id")).toString());
        }
        QCOMPARE(sources, (QStringList{QStringLiteral("urn:mdp:workstation:workstation-1"),
                                       QStringLiteral("urn:mdp:workstation:workstation-1"),
                                       QStringLiteral("urn:mdp:workstation:workstation-2")}));
        QCOMPARE(ids.size(), 3); // one form id on two workstations: two resources
        TAKE(lung, reader->catalogue(QStringLiteral("LUNG")));
        QCOMPARE(lung.value(QLatin1String("total")).toInt(), 1);
        const QJsonObject lungForm = lung.value(QLatin1String("entry"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QLatin1String("resource"))
                                         .toObject();
        QCOMPARE(lungForm.value(QLatin1String("identifier"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("value")),
                 QJsonValue(QStringLiteral("crf-lung")));
        TAKE(er, reader->catalogue({}, QStringLiteral("er")));
        QCOMPARE(er.value(QLatin1String("total")).toInt(), 2);
        TAKE(both, reader->catalogue(QStringLiteral("breast"), QStringLiteral("her2")));
        QCOMPARE(both.value(QLatin1String("total")).toInt(), 1);
        TAKE(read, reader->call("GET", QStringLiteral("/v1/catalogue/Questionnaire/") +
                                           lungForm.value(QLatin1String("id")).toString()));
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value(QLatin1String("title")).toString(),
                 QStringLiteral("Lung cancer follow-up"));
        TAKE(missing, reader->call("GET", QStringLiteral("/v1/catalogue/Questionnaire/0123456789abcdef")));
        QCOMPARE(missing.status, 404);

        // workstation-1 now holds one form: its catalogue is that one; workstation-2's is unchanged.
        CHECK_OK(ws1->publishCatalogue(
            {questionnaire(QStringLiteral("crf-liver"), QStringLiteral("Liver"), {QStringLiteral("alt")})}));
        TAKE(after, reader->catalogue());
        QCOMPARE(after.value(QLatin1String("total")).toInt(), 2);
        TAKE(breastAfter, reader->catalogue(QStringLiteral("breast")));
        QCOMPARE(breastAfter.value(QLatin1String("total")).toInt(), 1);
        QCOMPARE(breastAfter.value(QLatin1String("entry"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("resource"))
                     .toObject()
                     .value(QLatin1String("meta"))
                     .toObject()
                     .value(QLatin1String("source"))
                     .toString(),
                 QStringLiteral("urn:mdp:workstation:workstation-2"));
        server->stop();
        const QStringList types = serverAuditTypes(c);
        QCOMPARE(types.count(QStringLiteral("catalogue.publish:success")), 3);
        QVERIFY(types.contains(QStringLiteral("catalogue.publish:minor-failure")));
    }

    // A database password on the command line would be readable by every local user (ps): refused
    // before anything starts, with the way to give it instead.
    void postgresPasswordOnTheCommandLineIsRefused()
    {
        const QString program = QStringLiteral(MDP_BINARY_DIR "/bin/mdp-grantd");
        if (!QFileInfo::exists(program))
            QSKIP("mdp-grantd is not built");
        QProcess process;
        process.start(program,
                      {QStringLiteral("--data"), m_dir.filePath(QStringLiteral("pg-cli")),
                       QStringLiteral("--store"), QStringLiteral("postgresql"), QStringLiteral("--postgres"),
                       QStringLiteral("host=127.0.0.1 dbname=x user=y password=secret")});
        QVERIFY(process.waitForFinished(30000));
        QVERIFY(process.exitCode() != 0);
        const QByteArray said = process.readAllStandardError();
        QVERIFY2(said.contains("must not carry a password"), said.constData());
        QVERIFY(!said.contains("secret"));
    }

    // The server killed during a sync batch: the batch is applied whole or not at all, and the
    // workstation's retry leaves each entry exactly once.
    void killedDuringSyncBatch()
    {
        const QString program = QStringLiteral(MDP_BINARY_DIR "/bin/mdp-grantd");
        if (!QFileInfo::exists(program))
            QSKIP("mdp-grantd is not built");
        const QString demo = m_dir.filePath(QStringLiteral("killed"));
        const net::SyncCipher cipher(SecureBytes(crypto::randomBytes(32)));
        QList<net::OutgoingEntry> batch;
        for (int i = 0; i < 800; ++i)
            batch.append(
                entry(cipher, QStringLiteral("obj-%1").arg(i), 1, QByteArray(2048, char('a' + i % 26))));
        auto start = [&](QProcess &process) -> quint16 {
            QFile::remove(demo + QStringLiteral("/port"));
            process.start(program,
                          {QStringLiteral("--demo"), demo, QStringLiteral("--port"), QStringLiteral("0"),
                           QStringLiteral("--port-file"), demo + QStringLiteral("/port")});
            // A minute: a loaded machine (the suite beside other suites) starts it slowly.
            for (int i = 0; i < 1200 && !QFileInfo::exists(demo + QStringLiteral("/port")); ++i)
                QTest::qWait(50);
            return quint16(readFile(demo + QStringLiteral("/port")).trimmed().toUInt());
        };
        auto demoClient = [&](quint16 port) {
            Credential ws{readFile(demo + QStringLiteral("/workstation.crt")),
                          readFile(demo + QStringLiteral("/workstation.key")),
                          {}};
            auto made = client(port, ws, readFile(demo + QStringLiteral("/ca.crt")));
            auto signedIn = made->signIn(QStringLiteral("res.zhang"), passwordBytes("Demo-researcher-2026!"));
            return signedIn ? std::move(made) : nullptr;
        };
        int sawNone = 0;
        int sawAll = 0;
        for (int round = 0; round < 3; ++round) {
            QProcess server;
            const quint16 port = start(server);
            QVERIFY(port > 0);
            auto ws = demoClient(port);
            QVERIFY(ws);
            // Entries of this round are fresh objects: rename them so each round starts from zero.
            QList<net::OutgoingEntry> mine;
            for (const net::OutgoingEntry &e : batch) {
                net::OutgoingEntry copy =
                    entry(cipher, QStringLiteral("r%1-%2").arg(round).arg(e.objectId), 1, "x");
                mine.append(copy);
            }
            std::thread pusher([&] { [[maybe_unused]] auto ignored = ws->push(mine); });
            QTest::qWait(std::array{30, 200, 2000}[size_t(round)]);
            ::kill(pid_t(server.processId()), SIGKILL);
            pusher.join();
            server.waitForFinished(5000);

            QProcess restarted;
            const quint16 again = start(restarted);
            QVERIFY(again > 0);
            auto check = demoClient(again);
            QVERIFY(check);
            auto count = [&]() {
                int n = 0;
                qint64 after = 0;
                bool more = true;
                while (more) {
                    auto page = check->pull(after, 1000, &more);
                    if (!page || page->isEmpty())
                        break;
                    for (const net::IncomingEntry &e : *page)
                        n += e.objectId.startsWith(QStringLiteral("r%1-").arg(round)) ? 1 : 0;
                    after = page->last().sequence;
                }
                return n;
            };
            const int survived = count();
            QVERIFY2(survived == 0 || survived == mine.size(), qPrintable(QString::number(survived)));
            (survived == 0 ? sawNone : sawAll) += 1;
            // The workstation retries the same entries: each ends up stored exactly once.
            auto retry = check->push(mine);
            QVERIFY2(retry.ok(), retry.ok() ? "" : qPrintable(retry.error().toString()));
            QVERIFY(retry->applied);
            QCOMPARE(retry->duplicates, survived);
            QCOMPARE(count(), int(mine.size()));
            restarted.terminate();
            QVERIFY(restarted.waitForFinished(15000));
            QCOMPARE(restarted.exitStatus(), QProcess::NormalExit);
        }
        qInfo("killed mid-batch: %d rounds with nothing applied, %d with all of it", sawNone, sawAll);
    }
};

QTEST_GUILESS_MAIN(GrantServerTest)
#include "tst_GrantServer.moc"
