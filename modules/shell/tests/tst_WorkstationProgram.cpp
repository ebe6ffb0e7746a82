#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

// The program as a new user meets it from a terminal, on a machine without a display (a server, an
// SSH session): help and version need no window system.
class tst_WorkstationProgram : public QObject
{
    Q_OBJECT

    static QProcessEnvironment headless()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        return env;
    }

    static QString program() { return QStringLiteral(MDP_BINARY_DIR "/bin/mdp-workstation"); }

private Q_SLOTS:
    void helpWorksWithoutADisplay()
    {
        QProcess p;
        p.setProcessEnvironment(headless());
        p.start(program(), {QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("en")});
        QVERIFY(p.waitForFinished(30'000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("--demo")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("--page")), qPrintable(out));
    }

    void versionWorksWithoutADisplay()
    {
        QProcess p;
        p.setProcessEnvironment(headless());
        p.start(program(), {QStringLiteral("--version")});
        QVERIFY(p.waitForFinished(30'000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("0.")));
    }

    void chineseHelpIsTranslated()
    {
        QProcess p;
        p.setProcessEnvironment(headless());
        p.start(program(), {QStringLiteral("--help"), QStringLiteral("--lang"), QStringLiteral("zh_CN")});
        QVERIFY(p.waitForFinished(30'000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("演示")), qPrintable(out));
    }

    void anUnknownPageIsRefusedWithTheKnownOnes()
    {
        QProcess p;
        QProcessEnvironment env = headless();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(program(), {QStringLiteral("--page"), QStringLiteral("patiens"), QStringLiteral("--lang"),
                            QStringLiteral("en")});
        QVERIFY(p.waitForFinished(30'000));
        QCOMPARE(p.exitCode(), 1);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("patiens")) && err.contains(QStringLiteral("patients")),
                 qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(tst_WorkstationProgram)
#include "tst_WorkstationProgram.moc"
