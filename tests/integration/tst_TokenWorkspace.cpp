// A workspace whose root key lives in a PKCS#11 token (SoftHSM2, initialised by the test):
// created and reopened through `mdp`, a wrong PIN refused. R-7.4.3 (root keys in an HSM).

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class tst_TokenWorkspace : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();

    int mdp(const QStringList &args, const QString &pin, QString *output = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("MDP_TOKEN_PIN"), pin);
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(MDP_BINARY_DIR "/bin/mdp"), args);
        if (!p.waitForFinished(120000))
            return -1;
        if (output)
            *output = QString::fromUtf8(p.readAll());
        return p.exitCode();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString util = QStandardPaths::findExecutable(QStringLiteral("softhsm2-util"));
        QVERIFY2(!util.isEmpty(), "softhsm2 is not installed: run installer/install-deps.sh");
        QVERIFY(m_dir.isValid());
        const QString tokens = m_dir.filePath(QStringLiteral("tokens"));
        QVERIFY(QDir().mkpath(tokens));
        const QString conf = m_dir.filePath(QStringLiteral("softhsm2.conf"));
        QFile f(conf);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("directories.tokendir = " + QFile::encodeName(tokens) +
                "\nobjectstore.backend = file\nlog.level = ERROR\n");
        f.close();
        m_env.insert(QStringLiteral("SOFTHSM2_CONF"), conf);
        QProcess init;
        init.setProcessEnvironment(m_env);
        init.start(util, {QStringLiteral("--init-token"), QStringLiteral("--free"), QStringLiteral("--label"),
                          QStringLiteral("mdp-ws"), QStringLiteral("--so-pin"), QStringLiteral("1234"),
                          QStringLiteral("--pin"), QStringLiteral("5678")});
        QVERIFY(init.waitForFinished(30000));
        QCOMPARE(init.exitCode(), 0);
    }

    void workspaceWithTokenRootOpensOnlyWithThePin()
    {
        const QString ws = m_dir.filePath(QStringLiteral("ws"));
        QString out;
        QCOMPARE(mdp({QStringLiteral("init"), QStringLiteral("--workspace"), ws,
                      QStringLiteral("--pkcs11-token"), QStringLiteral("mdp-ws")},
                     QStringLiteral("5678"), &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("PKCS#11")), qPrintable(out));
        // The keyring names the token and holds no passphrase-derived wrap.
        QFile keyring(QDir(ws).filePath(QStringLiteral("keyring.json")));
        QVERIFY(keyring.open(QIODevice::ReadOnly));
        const QByteArray k = keyring.readAll();
        QVERIFY(k.contains("pkcs11"));
        QVERIFY(k.contains("mdp-ws"));
        QVERIFY2(!k.contains("salt") && !k.contains("iterations"), k.constData());
        QCOMPARE(mdp({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws},
                     QStringLiteral("5678"), &out),
                 0);
        const int wrong =
            mdp({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--workspace"), ws},
                QStringLiteral("0000"), &out);
        QCOMPARE(wrong, 1);
        QVERIFY2(out.contains(QStringLiteral("wrong-passphrase")) || out.contains(QStringLiteral("PIN")),
                 qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(tst_TokenWorkspace)
#include "tst_TokenWorkspace.moc"
