// `mdp demo-data`: the Appendix A demo cohort through the command line, with documents rendered by
// the injected renderer; deterministic (same digest for a seed), idempotent, bad input refused.
// Runs on the offscreen platform (QGuiApplication), as the mdp program does for this command.

#include "mdp/cli/Cli.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {

int run(const QStringList &arguments, QString &out, QString &err)
{
    out.clear();
    err.clear();
    QTextStream o(&out), e(&err);
    // Set for each command: mdp wipes a secret from its environment once it has read it.
    qputenv("MDP_PASSPHRASE", "demo data command test 2026");
    const int rc = mdp::cli::runCli(arguments, o, e);
    qunsetenv("MDP_PASSPHRASE");
    return rc;
}

QString digestOf(const QString &summary)
{
    const auto m = QRegularExpression(QStringLiteral("digest ([0-9a-f]{16})")).match(summary);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

class tst_DemoDataCommand : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_workspace;

private Q_SLOTS:
    void initTestCase()
    {
        m_workspace = QDir(m_dir.path()).filePath(QStringLiteral("ws"));
        QString out, err;
        QCOMPARE(
            run({QStringLiteral("init"), QStringLiteral("--machine-unlock"), QStringLiteral("--workspace"),
                 m_workspace, QStringLiteral("--cipher"), QStringLiteral("aes")},
                out, err),
            0);
    }

    // R-6.1.1a/c, R-6.1.2: patients, timelines and files through the registry; the same seed again
    // finds every record and adds nothing, with the same cohort digest.
    void importsTheCohortOnceForASeed()
    {
        const QStringList args{QStringLiteral("demo-data"),
                               QStringLiteral("--workspace"),
                               m_workspace,
                               QStringLiteral("--patients"),
                               QStringLiteral("6"),
                               QStringLiteral("--seed"),
                               QStringLiteral("3"),
                               QStringLiteral("--documents-every"),
                               QStringLiteral("3")};
        QString out, err;
        QCOMPARE(run(args, out, err), 0);
        QVERIFY2(out.contains(QStringLiteral("6 patients imported, 0 already present")),
                 qPrintable(out + err));
        QVERIFY2(!out.contains(QStringLiteral(" 0 documents")),
                 qPrintable(out)); // records 0 and 3 have files
        const QString digest = digestOf(out);
        QVERIFY(!digest.isEmpty());
        QCOMPARE(run(args, out, err), 0);
        QVERIFY2(out.contains(QStringLiteral("0 patients imported, 6 already present")), qPrintable(out));
        QCOMPARE(digestOf(out), digest);
    }

    void badArgumentsAreRefused()
    {
        QString out, err;
        QCOMPARE(run({QStringLiteral("demo-data"), QStringLiteral("--workspace"), m_workspace,
                      QStringLiteral("--patients"), QStringLiteral("0")},
                     out, err),
                 2);
        QCOMPARE(run({QStringLiteral("demo-data"), QStringLiteral("--workspace"), m_workspace,
                      QStringLiteral("--patients"), QStringLiteral("5"), QStringLiteral("--seed"),
                      QStringLiteral("-4")},
                     out, err),
                 2);
        QCOMPARE(run({QStringLiteral("demo-data"), QStringLiteral("--workspace"),
                      QDir(m_dir.path()).filePath(QStringLiteral("missing")), QStringLiteral("--patients"),
                      QStringLiteral("5")},
                     out, err),
                 1);
    }
};

QTEST_MAIN(tst_DemoDataCommand)
#include "tst_DemoDataCommand.moc"
