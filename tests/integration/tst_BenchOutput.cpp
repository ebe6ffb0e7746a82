// `mdp bench <area> --json` prints one JSON object per line with the agreed fields, the baseline
// measured in the same run. Small sizes: this checks the shape, not the speed.

#include "mdp/cli/Cli.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class tst_BenchOutput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyAreaPrintsWellFormedLines_data()
    {
        QTest::addColumn<QString>("area");
        QTest::addColumn<QString>("size");
        QTest::newRow("crypto") << QStringLiteral("crypto") << QStringLiteral("2");
        QTest::newRow("keys") << QStringLiteral("keys") << QStringLiteral("2000");
        QTest::newRow("store") << QStringLiteral("store") << QStringLiteral("2000");
        QTest::newRow("vault") << QStringLiteral("vault") << QStringLiteral("2");
        QTest::newRow("audit") << QStringLiteral("audit") << QStringLiteral("2000");
        QTest::newRow("registry") << QStringLiteral("registry") << QStringLiteral("2000");
        QTest::newRow("forms") << QStringLiteral("forms") << QStringLiteral("8");
    }

    void everyAreaPrintsWellFormedLines()
    {
        QFETCH(QString, area);
        QFETCH(QString, size);
        QString out, err;
        QTextStream o(&out), e(&err);
        // The audit area also opens a long history (10 million events by default): a short one here.
        qputenv("MDP_BENCH_AUDIT_EVENTS", "10000");
        QCOMPARE(mdp::cli::runCli({QStringLiteral("bench"), area, QStringLiteral("--json"),
                                   QStringLiteral("--size"), size},
                                  o, e),
                 0);
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 2, qPrintable(out + err));
        if (area == u"keys") { // the keyring alone, a whole workspace, sealed identity in search
            QVERIFY2(out.contains(QStringLiteral("\"workspace-sign-in\"")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("\"identity-search-p95\"")), qPrintable(out));
        }
        for (const QString &line : lines) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(line.toUtf8(), &pe);
            QVERIFY2(pe.error == QJsonParseError::NoError && doc.isObject(), qPrintable(line));
            const QJsonObject j = doc.object();
            for (const char *key : {"bench", "case", "unit", "value", "baseline", "baseline_value", "ratio",
                                    "higher_is_better"})
                QVERIFY2(j.contains(QLatin1String(key)),
                         qPrintable(QStringLiteral("%1 lacks %2").arg(line, QLatin1String(key))));
            QCOMPARE(j.value(QStringLiteral("bench")).toString(), area);
            // A sign-in that failed would time the refusal, not the sign-in.
            for (const char *done : {"opened", "signed_in"})
                QVERIFY2(!j.contains(QLatin1String(done)) || j.value(QLatin1String(done)).toBool(),
                         qPrintable(line));
            QVERIFY(j.value(QStringLiteral("value")).toDouble() > 0);
            QVERIFY(j.value(QStringLiteral("baseline_value")).toDouble() > 0);
            const double ratio = j.value(QStringLiteral("value")).toDouble() /
                                 j.value(QStringLiteral("baseline_value")).toDouble();
            QVERIFY2(qAbs(ratio - j.value(QStringLiteral("ratio")).toDouble()) < 0.01 + ratio * 0.01,
                     qPrintable(line));
        }
    }
};

QTEST_GUILESS_MAIN(tst_BenchOutput)
#include "tst_BenchOutput.moc"
