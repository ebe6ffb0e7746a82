// The `mdp` option parser is strict for every command and verb: an unknown or mistyped option, a
// missing option value, a stray word or an option given twice is a usage error (exit 2) naming the
// culprit, before any workspace is opened; `mdp <command> --help` and `mdp <command> <verb> --help`
// print that command's or verb's own help. No workspace exists here: a command that got past the
// parser would fail differently (no workspace, no terminal for the passphrase).

#include "mdp/cli/Cli.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace mdp;

class tst_CliOptions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    QString m_ws; // never created

    int cli(const QStringList &args, QString *out, QString *err)
    {
        QTextStream o(out), e(err);
        return cli::runCli(args, o, e);
    }

    static QList<QStringList> everyCommand()
    {
        return {
            {QStringLiteral("init")},
            {QStringLiteral("recover")},
            {QStringLiteral("totp"), QStringLiteral("enrol")},
            {QStringLiteral("totp"), QStringLiteral("confirm")},
            {QStringLiteral("user"), QStringLiteral("add")},
            {QStringLiteral("user"), QStringLiteral("list")},
            {QStringLiteral("user"), QStringLiteral("lock")},
            {QStringLiteral("user"), QStringLiteral("unlock")},
            {QStringLiteral("audit"), QStringLiteral("verify")},
            {QStringLiteral("audit"), QStringLiteral("query")},
            {QStringLiteral("key"), QStringLiteral("rotate")},
            {QStringLiteral("key"), QStringLiteral("list")},
            {QStringLiteral("patient"), QStringLiteral("add")},
            {QStringLiteral("patient"), QStringLiteral("find")},
            {QStringLiteral("patient"), QStringLiteral("show")},
            {QStringLiteral("patient"), QStringLiteral("merge")},
            {QStringLiteral("patient"), QStringLiteral("unmerge")},
            {QStringLiteral("patient"), QStringLiteral("duplicates")},
            {QStringLiteral("form"), QStringLiteral("import")},
            {QStringLiteral("form"), QStringLiteral("list")},
            {QStringLiteral("record"), QStringLiteral("create")},
            {QStringLiteral("record"), QStringLiteral("save")},
            {QStringLiteral("record"), QStringLiteral("submit")},
            {QStringLiteral("record"), QStringLiteral("approve")},
            {QStringLiteral("record"), QStringLiteral("reject")},
            {QStringLiteral("record"), QStringLiteral("amend")},
            {QStringLiteral("record"), QStringLiteral("withdraw")},
            {QStringLiteral("record"), QStringLiteral("show")},
            {QStringLiteral("record"), QStringLiteral("list")},
            {QStringLiteral("record"), QStringLiteral("inbox")},
            {QStringLiteral("reviewer"), QStringLiteral("set")},
            {QStringLiteral("reviewer"), QStringLiteral("list")},
            {QStringLiteral("demo-data")},
            {QStringLiteral("bench"), QStringLiteral("crypto")},
        };
    }

private Q_SLOTS:
    void initTestCase()
    {
        // No terminal: a command that got past the parser cannot wait for a passphrase.
        QVERIFY(std::freopen("/dev/null", "r", stdin));
        qunsetenv("MDP_PASSPHRASE");
        QVERIFY(m_root.isValid());
        m_ws = m_root.filePath(QStringLiteral("none"));
    }

    void everyCommandRefusesAnUnknownOption()
    {
        for (const QStringList &command : everyCommand()) {
            QStringList args = command;
            if (command.constFirst() == QStringLiteral("bench"))
                args << QStringLiteral("--size") << QStringLiteral("1");
            else
                args << QStringLiteral("--workspace") << m_ws;
            args << QStringLiteral("--no-such-option");
            QString out, err;
            const int rc = cli(args, &out, &err);
            const QString what = command.join(QLatin1Char(' ')) + QStringLiteral(": ") + err;
            QVERIFY2(rc == 2, qPrintable(what));
            QVERIFY2(err.contains(QStringLiteral("no-such-option")), qPrintable(what));
            QVERIFY2(out.isEmpty(), qPrintable(what));
            QVERIFY(!QFileInfo::exists(m_ws));
        }
    }

    void aMistypedFlagIsNamed()
    {
        QString out, err;
        QCOMPARE(cli({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--workspace"), m_ws,
                      QStringLiteral("--national-id"), QStringLiteral("110101199001011237"),
                      QStringLiteral("--name"), QStringLiteral("李四"), QStringLiteral("--sex"),
                      QStringLiteral("M"), QStringLiteral("--birth-date"), QStringLiteral("1990-01-01"),
                      QStringLiteral("--unverifed")},
                     &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("'unverifed'")) || err.contains(QStringLiteral("--unverifed")),
                 qPrintable(err));
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("list"), QStringLiteral("--workspace"), m_ws,
                      QStringLiteral("--as"), QStringLiteral("clin1"), QStringLiteral("-x")},
                     &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("'x'")) || err.contains(QStringLiteral("-x")), qPrintable(err));
    }

    void aMissingOptionValueIsAnError()
    {
        QString out, err;
        QCOMPARE(cli({QStringLiteral("patient"), QStringLiteral("find"), QStringLiteral("--workspace"), m_ws,
                      QStringLiteral("--query")},
                     &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("missing value"), Qt::CaseInsensitive) &&
                     err.contains(QStringLiteral("query")),
                 qPrintable(err));
        // The next option is not taken for the value.
        QCOMPARE(cli({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--workspace"), m_ws,
                      QStringLiteral("--national-id"), QStringLiteral("110101199001011237"),
                      QStringLiteral("--name"), QStringLiteral("--sex"), QStringLiteral("M"),
                      QStringLiteral("--birth-date"), QStringLiteral("1990-01-01")},
                     &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("missing value"), Qt::CaseInsensitive) &&
                     err.contains(QStringLiteral("--name")),
                 qPrintable(err));
    }

    void aStrayWordOrARepeatedOptionIsRefused()
    {
        QString out, err;
        QCOMPARE(cli({QStringLiteral("patient"), QStringLiteral("show"), QStringLiteral("--workspace"), m_ws,
                      QStringLiteral("--id"), QStringLiteral("P-AAAAAAAAAAAA"), QStringLiteral("stray")},
                     &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("stray")), qPrintable(err));
        // Which account would act is ambiguous: refused rather than the last one winning.
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("list"), QStringLiteral("--workspace"), m_ws,
                      QStringLiteral("--as"), QStringLiteral("clin1"), QStringLiteral("--as"),
                      QStringLiteral("rev1")},
                     &out, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("--as")), qPrintable(err));
    }

    void helpIsPrintedPerCommand()
    {
        QString out, err;
        QCOMPARE(cli({QStringLiteral("patient"), QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("patient add")) &&
                     out.contains(QStringLiteral("patient merge")) &&
                     out.contains(QStringLiteral("patient duplicates")),
                 qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("record create")), qPrintable(out));

        out.clear();
        QCOMPARE(cli({QStringLiteral("record"), QStringLiteral("--help")}, &out, &err), 0);
        for (const char *verb :
             {"create", "save", "submit", "approve", "reject", "amend", "withdraw", "show", "list", "inbox"})
            QVERIFY2(out.contains(QStringLiteral("record ") + QLatin1String(verb)), verb);
    }

    void helpIsPrintedPerVerb()
    {
        QString out, err;
        QCOMPARE(
            cli({QStringLiteral("patient"), QStringLiteral("add"), QStringLiteral("--help")}, &out, &err), 0);
        for (const char *option :
             {"--workspace", "--national-id", "--name", "--sex", "--birth-date", "--phone", "--unverified"})
            QVERIFY2(out.contains(QLatin1String(option)), option);
        QVERIFY2(!out.contains(QStringLiteral("--survivor")), qPrintable(out));

        out.clear();
        QCOMPARE(
            cli({QStringLiteral("record"), QStringLiteral("approve"), QStringLiteral("--help")}, &out, &err),
            0);
        for (const char *option : {"--as", "--totp", "--id", "--comment", "--revision"})
            QVERIFY2(out.contains(QLatin1String(option)), option);
        QVERIFY2(!out.contains(QStringLiteral("--values")), qPrintable(out));

        out.clear();
        QCOMPARE(cli({QStringLiteral("demo-data"), QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("--patients")) && out.contains(QStringLiteral("--seed")),
                 qPrintable(out));
    }

    void anUnknownCommandOrVerbIsAUsageError()
    {
        QString out, err;
        QCOMPARE(cli({QStringLiteral("frobnicate")}, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("frobnicate")), qPrintable(err));
        QCOMPARE(cli({QStringLiteral("patient"), QStringLiteral("frobnicate")}, &out, &err), 2);
        QVERIFY2(err.contains(QStringLiteral("frobnicate")), qPrintable(err));
        QCOMPARE(cli({QStringLiteral("--workspace"), m_ws}, &out, &err), 2);
    }
};

QTEST_GUILESS_MAIN(tst_CliOptions)
#include "tst_CliOptions.moc"
