// `mdp bench access` keeps working (issue 12): its in-process part on a few grants prints its lines, the
// grants verify, and the engine with them in force permits what the engine without them refuses. The
// figures themselves come from `mdp bench access --json`.
#include "mdp/workspace/AccessBenchmarks.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;

class tst_AccessBenchmarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theInProcessFiguresArePrinted()
    {
        QTemporaryDir scratch;
        const QList<BenchLine> lines = workspace::runAccessBenchmarks(scratch.path(), 40, false);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).caseName, QStringLiteral("grant-verify"));
        QCOMPARE(lines.at(0).extra.value(u"verified").toInt(), 40);
        QVERIFY(lines.at(0).value > 0 && lines.at(0).baselineValue > 0);
        QCOMPARE(lines.at(1).caseName, QStringLiteral("decision-with-grants"));
        QVERIFY(lines.at(1).value > 0 && lines.at(1).baselineValue > 0);
        // The grants are what opens data: without them the same accesses are refused.
        QVERIFY(lines.at(1).extra.value(u"permitted_with_grants").toInteger() >
                lines.at(1).extra.value(u"permitted_without").toInteger());
        const QJsonObject json = QJsonDocument::fromJson(lines.at(1).toJsonLine()).object();
        for (const char *key :
             {"bench", "case", "unit", "value", "baseline", "baseline_value", "ratio", "higher_is_better"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
    }
};

QTEST_GUILESS_MAIN(tst_AccessBenchmarks)
#include "tst_AccessBenchmarks.moc"
