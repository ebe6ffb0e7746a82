// Two processes on one workspace (issue 9 part 7): the workstation open while a script runs `mdp`,
// or several scripts at once. A second process waits for the workspace, bounded, and says for whom;
// nobody races on a file name. Real `mdp` processes.

#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

class tst_WorkspaceConcurrency : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_ws;

    QProcess *start(QStringList args, const QByteArray &wait = "60")
    {
        auto *p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MDP_PASSPHRASE"), QString::fromLatin1(kPassphrase));
        env.insert(QStringLiteral("MDP_NEW_PASSWORD"), QStringLiteral("Concurrent-pass-2026"));
        env.insert(QStringLiteral("MDP_WORKSPACE_WAIT"), QString::fromLatin1(wait));
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(MDP_BINARY_DIR "/bin/mdp"), args << QStringLiteral("--workspace") << m_ws);
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_ws = m_root.filePath(QStringLiteral("ws"));
        workspace::CreateOptions o;
        o.directory = m_ws;
        o.passphrase = secret(kPassphrase);
        QVERIFY(workspace::Workspace::create(o).ok());
    }

    // Three scripts adding accounts at the same time: every command succeeds (it used to be 27 of 45
    // failing with "audit log is already open in another process" or a vanished temporary file).
    void concurrentCommandsAllSucceed()
    {
        QList<QProcess *> running;
        for (int round = 0; round < 4; ++round) {
            for (int script = 0; script < 3; ++script)
                running << start({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--name"),
                                  QStringLiteral("u%1x%2").arg(round).arg(script), QStringLiteral("--role"),
                                  QStringLiteral("researcher")});
        }
        for (QProcess *p : std::as_const(running)) {
            QVERIFY(p->waitForFinished(240'000));
            QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0,
                     qPrintable(QString::fromUtf8(p->readAllStandardError())));
        }
        auto ws = workspace::Workspace::open(m_ws, secret(kPassphrase));
        QVERIFY(ws.ok());
        QVERIFY(ws.value()->beginCustodianSession().ok());
        auto list = ws.value()->accounts().list();
        QVERIFY(list.ok());
        int added = 0;
        for (const auto &account : list.value())
            added += account.userName.startsWith(u'u') ? 1 : 0;
        QCOMPARE(added, 12);
        QVERIFY(ws.value()->verifyIntegrity().ok);
    }

    // While this process has the workspace open, `mdp` waits, says for whom, and gives up at its bound
    // with a clear message; once the workspace is closed, it goes ahead.
    void aSecondProcessWaitsBoundedAndSaysForWhom()
    {
        auto ws = workspace::Workspace::open(m_ws, secret(kPassphrase));
        QVERIFY(ws.ok());
        QProcess *refused = start({QStringLiteral("user"), QStringLiteral("list")}, "1");
        QVERIFY(refused->waitForFinished(60'000));
        const QString err = QString::fromUtf8(refused->readAllStandardError());
        QCOMPARE(refused->exitCode(), 1);
        const QString holder = QStringLiteral("pid %1").arg(QCoreApplication::applicationPid());
        QVERIFY2(err.contains(QStringLiteral("waiting for the workspace, in use by ") + holder),
                 qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("the workspace is in use by ") + holder), qPrintable(err));

        QProcess *waits = start({QStringLiteral("user"), QStringLiteral("list")}, "120");
        QTRY_VERIFY_WITH_TIMEOUT(waits->state() == QProcess::Running, 10'000);
        QTest::qWait(1500);
        QCOMPARE(waits->state(), QProcess::Running); // still waiting for us
        ws.value().reset();
        QVERIFY(waits->waitForFinished(120'000));
        QVERIFY2(waits->exitCode() == 0, qPrintable(QString::fromUtf8(waits->readAllStandardError())));
        QVERIFY(QString::fromUtf8(waits->readAllStandardOutput()).contains(QStringLiteral("u0x0")));
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceConcurrency)
#include "tst_WorkspaceConcurrency.moc"
