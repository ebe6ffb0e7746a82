// `mdp pki` (issue 11): the site CA run from the command line, without a workspace.
// identity and authentication (certificates for servers, workstations and users, revocation that
// peers see through crl.pem), R-7.4.3 in transit (the TLS credentials of mdp-grantd's mutual TLS).
// The CA passphrase comes from --passphrase-file or MDP_PKI_PASSPHRASE; a wrong one is refused.
#include "mdp/cli/Cli.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/foundation/Clock.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace mdp;
using namespace mdp::crypto;

namespace {

const QDateTime kStart(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
const QByteArray kPassphrase = "a long CA passphrase for the test";

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

QList<QJsonObject> jsonLines(const QString &text)
{
    QList<QJsonObject> rows;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        rows << QJsonDocument::fromJson(line.toUtf8()).object();
    return rows;
}

} // namespace

class tst_PkiCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    ManualClock m_clock{kStart};
    QString m_ca;        // the CA folder
    QString m_out;       // where issued credentials go
    QString m_passFile;  // the right passphrase
    QString m_wrongFile; // a wrong one
    QString m_serverSerial;
    QString m_wsSerial;

    int cli(const QStringList &args, QString *out = nullptr, QString *err = nullptr)
    {
        QString o, e;
        QTextStream os(&o), es(&e);
        const int rc = cli::runCli(QStringList{QStringLiteral("pki")} + args, os, es, m_clock);
        if (out)
            *out = o;
        if (err)
            *err = e;
        if (rc != 0 && !err)
            qWarning("mdp pki %s: %s", qPrintable(args.join(QLatin1Char(' '))), qPrintable(e));
        return rc;
    }

    QStringList withPassphrase(QStringList args) const
    {
        return args << QStringLiteral("--passphrase-file") << m_passFile;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No terminal: a command that wants a passphrase it was not given fails rather than waits.
        QVERIFY(std::freopen("/dev/null", "r", stdin));
        qunsetenv("MDP_PKI_PASSPHRASE");
        QVERIFY(m_root.isValid());
        m_ca = m_root.filePath(QStringLiteral("ca"));
        m_out = m_root.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(m_out));
        m_passFile = m_root.filePath(QStringLiteral("pass.txt"));
        m_wrongFile = m_root.filePath(QStringLiteral("wrong.txt"));
        writeFile(m_passFile, kPassphrase + "\n");
        writeFile(m_wrongFile, "not the CA passphrase at all\n");
    }

    void initCaMakesTheFolder()
    {
        // A new passphrase that is too short is refused before anything is made.
        const QString shortFile = m_root.filePath(QStringLiteral("short.txt"));
        writeFile(shortFile, "short\n");
        QString err;
        QCOMPARE(cli({QStringLiteral("init-ca"), QStringLiteral("--dir"), m_ca, QStringLiteral("--cn"),
                      QStringLiteral("Test Site CA"), QStringLiteral("--passphrase-file"), shortFile},
                     nullptr, &err),
                 1);
        QVERIFY(!QFile::exists(QDir(m_ca).filePath(QStringLiteral("ca.crt"))));

        QString out;
        QCOMPARE(cli(withPassphrase({QStringLiteral("init-ca"), QStringLiteral("--dir"), m_ca,
                                     QStringLiteral("--cn"), QStringLiteral("Test Site CA"),
                                     QStringLiteral("--days"), QStringLiteral("365")}),
                     &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("Test Site CA")), qPrintable(out));
        for (const char *name : {"ca.crt", "ca.key.sealed", "issued.json", "crl.pem"})
            QVERIFY2(QFile::exists(QDir(m_ca).filePath(QLatin1String(name))), name);
        QVERIFY(!readAll(QDir(m_ca).filePath(QStringLiteral("ca.key.sealed"))).contains("PRIVATE KEY"));
        // Never over an existing CA.
        QCOMPARE(cli(withPassphrase({QStringLiteral("init-ca"), QStringLiteral("--dir"), m_ca,
                                     QStringLiteral("--cn"), QStringLiteral("Again")}),
                     nullptr, &err),
                 1);
    }

    void issueMakesCredentialsForEachUse()
    {
        QString out;
        // The passphrase from the environment this time.
        qputenv("MDP_PKI_PASSPHRASE", kPassphrase);
        QCOMPARE(
            cli({QStringLiteral("issue"), QStringLiteral("server"), QStringLiteral("--dir"), m_ca,
                 QStringLiteral("--cn"), QStringLiteral("mdp-grantd"), QStringLiteral("--dns"),
                 QStringLiteral("localhost,grantd.example.org"), QStringLiteral("--ip"),
                 QStringLiteral("127.0.0.1,::1"), QStringLiteral("--out"), m_out + QStringLiteral("/server")},
                &out),
            0);
        QVERIFY(qgetenv("MDP_PKI_PASSPHRASE").isEmpty()); // taken out of the environment once read
        const QString serverCrt = m_out + QStringLiteral("/server.crt");
        const QString serverKey = m_out + QStringLiteral("/server.key");
        QVERIFY(readAll(serverKey).startsWith("-----BEGIN PRIVATE KEY-----"));
        QVERIFY(!(QFile::permissions(serverKey) & (QFileDevice::ReadGroup | QFileDevice::ReadOther)));
        const Certificate ca =
            Certificate::fromPem(readAll(QDir(m_ca).filePath(QStringLiteral("ca.crt")))).value();
        const Certificate server = Certificate::fromPem(readAll(serverCrt)).value();
        QVERIFY(server.verifyIssuedBy(ca, nullptr, CertificateUsage::Server, kStart.addSecs(1)));
        m_serverSerial = server.serialHex();
        QVERIFY(out.contains(m_serverSerial));

        QCOMPARE(cli(withPassphrase(
                     {QStringLiteral("issue"), QStringLiteral("workstation"), QStringLiteral("--dir"), m_ca,
                      QStringLiteral("--cn"), QStringLiteral("ws-0001"), QStringLiteral("--days"),
                      QStringLiteral("14"), QStringLiteral("--out"), m_out + QStringLiteral("/ws1")})),
                 0);
        const Certificate ws = Certificate::fromPem(readAll(m_out + QStringLiteral("/ws1.crt"))).value();
        QVERIFY(ws.verifyIssuedBy(ca, nullptr, CertificateUsage::Workstation, kStart.addSecs(1)));
        QCOMPARE(ws.notBefore().daysTo(ws.notAfter()), 14);
        m_wsSerial = ws.serialHex();

        // A user who keeps their own key brings the public key; no private key is written.
        const SigningKey own = SigningKey::generate(SignatureAlgorithm::EcdsaP256).value();
        const QString pub = m_root.filePath(QStringLiteral("dr-li.pub.pem"));
        writeFile(pub, own.publicKey().pem());
        QCOMPARE(cli(withPassphrase({QStringLiteral("issue"), QStringLiteral("user"), QStringLiteral("--dir"),
                                     m_ca, QStringLiteral("--cn"), QStringLiteral("dr-li"),
                                     QStringLiteral("--csr-key"), pub, QStringLiteral("--out"),
                                     m_out + QStringLiteral("/dr-li")})),
                 0);
        QVERIFY(!QFile::exists(m_out + QStringLiteral("/dr-li.key")));
        QVERIFY(Certificate::fromPem(readAll(m_out + QStringLiteral("/dr-li.crt")))->publicKey() ==
                own.publicKey());

        // Existing files are not overwritten, and nothing is issued for them.
        QString err;
        QCOMPARE(cli(withPassphrase({QStringLiteral("issue"), QStringLiteral("workstation"),
                                     QStringLiteral("--dir"), m_ca, QStringLiteral("--cn"),
                                     QStringLiteral("ws-0001"), QStringLiteral("--out"),
                                     m_out + QStringLiteral("/ws1")}),
                     nullptr, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("exists")), qPrintable(err));
    }

    void aWrongOrMissingPassphraseIsRefused()
    {
        QString err;
        QCOMPARE(cli({QStringLiteral("issue"), QStringLiteral("workstation"), QStringLiteral("--dir"), m_ca,
                      QStringLiteral("--cn"), QStringLiteral("ws-evil"), QStringLiteral("--out"),
                      m_out + QStringLiteral("/evil"), QStringLiteral("--passphrase-file"), m_wrongFile},
                     nullptr, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("wrong-passphrase")), qPrintable(err));
        QVERIFY(!QFile::exists(m_out + QStringLiteral("/evil.crt")));
        QCOMPARE(cli({QStringLiteral("revoke"), QStringLiteral("--dir"), m_ca, QStringLiteral("--serial"),
                      m_wsSerial, QStringLiteral("--passphrase-file"), m_wrongFile},
                     nullptr, &err),
                 1);
        // No file, no variable, no terminal: refused, not waiting.
        QCOMPARE(cli({QStringLiteral("crl"), QStringLiteral("--dir"), m_ca}, nullptr, &err), 1);
        // Nothing was issued or revoked by those.
        QString out;
        QCOMPARE(cli({QStringLiteral("list"), QStringLiteral("--dir"), m_ca, QStringLiteral("--json")}, &out),
                 0);
        const QList<QJsonObject> rows = jsonLines(out);
        QCOMPARE(rows.size(), 3);
        for (const QJsonObject &row : rows)
            QCOMPARE(row.value(u"status").toString(), QStringLiteral("valid"));
    }

    void revokeAndCrlReachThePeers()
    {
        QString out;
        QCOMPARE(cli(withPassphrase({QStringLiteral("revoke"), QStringLiteral("--dir"), m_ca,
                                     QStringLiteral("--serial"), m_wsSerial, QStringLiteral("--reason"),
                                     QStringLiteral("keyCompromise")}),
                     &out),
                 0);
        const Certificate ca =
            Certificate::fromPem(readAll(QDir(m_ca).filePath(QStringLiteral("ca.crt")))).value();
        const Certificate ws = Certificate::fromPem(readAll(m_out + QStringLiteral("/ws1.crt"))).value();
        auto crl = RevocationList::fromPem(readAll(QDir(m_ca).filePath(QStringLiteral("crl.pem"))));
        QVERIFY(crl);
        QVERIFY(crl->lists(ws));
        QVERIFY(!ws.verifyIssuedBy(ca, &crl.value(), CertificateUsage::Workstation, kStart.addSecs(60)));

        QCOMPARE(cli(withPassphrase({QStringLiteral("crl"), QStringLiteral("--dir"), m_ca,
                                     QStringLiteral("--days"), QStringLiteral("30")})),
                 0);
        crl = RevocationList::fromPem(readAll(QDir(m_ca).filePath(QStringLiteral("crl.pem"))));
        QVERIFY(crl);
        QVERIFY(crl->lists(ws));
        QCOMPARE(crl->lastUpdate().daysTo(crl->nextUpdate()), 30);

        QCOMPARE(cli({QStringLiteral("list"), QStringLiteral("--dir"), m_ca, QStringLiteral("--json")}, &out),
                 0);
        bool seen = false;
        for (const QJsonObject &row : jsonLines(out)) {
            if (row.value(u"serial").toString() != m_wsSerial)
                continue;
            seen = true;
            QCOMPARE(row.value(u"status").toString(), QStringLiteral("revoked"));
            QCOMPARE(row.value(u"reason").toString(), QStringLiteral("keyCompromise"));
        }
        QVERIFY(seen);
        QCOMPARE(cli({QStringLiteral("list"), QStringLiteral("--dir"), m_ca}, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("revoked")) && out.contains(QStringLiteral("Test Site CA")),
                 qPrintable(out));
    }

    void renewKeepsTheKey()
    {
        m_clock.advance(20LL * 86400 * 1000);
        QString out;
        QCOMPARE(cli({QStringLiteral("list"), QStringLiteral("--dir"), m_ca, QStringLiteral("--expiring"),
                      QStringLiteral("15"), QStringLiteral("--json")},
                     &out),
                 0);
        QCOMPARE(jsonLines(out).size(), 2); // server and user (30 days); the workstation is revoked

        const Certificate before =
            Certificate::fromPem(readAll(m_out + QStringLiteral("/server.crt"))).value();
        QCOMPARE(cli(withPassphrase({QStringLiteral("renew"), QStringLiteral("--dir"), m_ca,
                                     QStringLiteral("--serial"), m_serverSerial, QStringLiteral("--out"),
                                     m_out + QStringLiteral("/server")}),
                     &out),
                 0);
        const Certificate after =
            Certificate::fromPem(readAll(m_out + QStringLiteral("/server.crt"))).value();
        QVERIFY(after.serialHex() != before.serialHex());
        QVERIFY(after.publicKey() == before.publicKey());
        QVERIFY(after.notAfter() > before.notAfter());
        // A revoked certificate is not renewed.
        QString err;
        QCOMPARE(cli(withPassphrase({QStringLiteral("renew"), QStringLiteral("--dir"), m_ca,
                                     QStringLiteral("--serial"), m_wsSerial, QStringLiteral("--out"),
                                     m_out + QStringLiteral("/ws1-renewed")}),
                     nullptr, &err),
                 1);
    }

    void aVerifyOnlyImportRefusesToIssue()
    {
        const QString verifyOnly = m_root.filePath(QStringLiteral("hospital"));
        QString out, err;
        QCOMPARE(cli({QStringLiteral("import-ca"), QStringLiteral("--dir"), verifyOnly,
                      QStringLiteral("--cert"), QDir(m_ca).filePath(QStringLiteral("ca.crt")),
                      QStringLiteral("--crl"), QDir(m_ca).filePath(QStringLiteral("crl.pem"))},
                     &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("verify-only")), qPrintable(out));
        QCOMPARE(cli(withPassphrase({QStringLiteral("issue"), QStringLiteral("workstation"),
                                     QStringLiteral("--dir"), verifyOnly, QStringLiteral("--cn"),
                                     QStringLiteral("ws-x"), QStringLiteral("--out"),
                                     m_out + QStringLiteral("/ws-x")}),
                     nullptr, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("verify-only")), qPrintable(err));
        QVERIFY(!QFile::exists(m_out + QStringLiteral("/ws-x.key")));
    }

    void usageErrorsAndHelp()
    {
        QString out, err;
        QCOMPARE(cli({QStringLiteral("issue"), QStringLiteral("robot"), QStringLiteral("--dir"), m_ca,
                      QStringLiteral("--cn"), QStringLiteral("r2")},
                     nullptr, &err),
                 2);
        QCOMPARE(
            cli({QStringLiteral("init-ca"), QStringLiteral("--dir"), m_root.filePath(QStringLiteral("x"))},
                nullptr, &err),
            2);
        QCOMPARE(cli({QStringLiteral("list")}, nullptr, &err), 2);
        QCOMPARE(cli({QStringLiteral("list"), QStringLiteral("--dir"), m_ca, QStringLiteral("--colour")},
                     nullptr, &err),
                 2);
        QCOMPARE(cli({QStringLiteral("init-ca"), QStringLiteral("--dir"),
                      m_root.filePath(QStringLiteral("y")), QStringLiteral("--cn"), QStringLiteral("Y"),
                      QStringLiteral("--algorithm"), QStringLiteral("rsa")},
                     nullptr, &err),
                 2);
        QCOMPARE(
            cli({QStringLiteral("list"), QStringLiteral("--dir"), m_root.filePath(QStringLiteral("none"))},
                nullptr, &err),
            1);
        QCOMPARE(cli({QStringLiteral("--help")}, &out), 0);
        for (const char *verb : {"init-ca", "import-ca", "issue", "renew", "revoke", "crl", "list"})
            QVERIFY2(out.contains(QStringLiteral("mdp pki ") + QLatin1String(verb)), verb);
        QCOMPARE(cli({QStringLiteral("issue"), QStringLiteral("--help")}, &out), 0);
        QVERIFY(out.contains(QStringLiteral("--csr-key")));
    }
};

QTEST_GUILESS_MAIN(tst_PkiCli)
#include "tst_PkiCli.moc"
