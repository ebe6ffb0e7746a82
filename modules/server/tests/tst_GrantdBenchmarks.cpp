// Smoke run of `mdp bench grantd` in its quick variant, so the benchmark keeps working: every case
// gives a figure and the line's fields. No timing thresholds: the figures come from
// `mdp bench grantd --json`.

#include "mdp/server/GrantdBenchmarks.h"

#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using mdp::server::GrantdBenchOptions;

class tst_GrantdBenchmarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCaseGivesAFigure();
};

void tst_GrantdBenchmarks::everyCaseGivesAFigure()
{
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const auto lines = mdp::server::runGrantdBenchmarks(scratch.path(), GrantdBenchOptions::quickRun());
    QSet<QString> cases;
    for (const auto &line : lines) {
        const QJsonObject json = line.toJson();
        const QByteArray text = line.toJsonLine();
        qInfo("%s", text.constData());
        for (const char *field :
             {"bench", "case", "unit", "value", "baseline", "baseline_value", "ratio", "higher_is_better"})
            QVERIFY2(json.contains(QLatin1String(field)), field);
        QCOMPARE(json.value(QLatin1String("bench")).toString(), QStringLiteral("grantd"));
        QVERIFY2(!json.value(QLatin1String("baseline")).toString().isEmpty(), text.constData());
        QVERIFY2(std::isfinite(line.baselineValue) && line.baselineValue >= 0, text.constData());
        cases.insert(line.caseName);
        if (json.value(QLatin1String("skipped")).toBool()) {
            // Only the PostgreSQL cases, and only when this machine has no PostgreSQL server.
            QVERIFY2(line.caseName.contains(QLatin1String("postgresql")), text.constData());
            QVERIFY2(line.baseline.contains(QLatin1String("PostgreSQL")) ||
                         json.value(QLatin1String("error")).toString().contains(QLatin1String("PostgreSQL")),
                     text.constData());
            continue;
        }
        QVERIFY2(std::isfinite(line.value) && line.value > 0, text.constData());
        QVERIFY2(!json.contains(QLatin1String("error")), text.constData());
    }
    for (const QString &store : {QString(), QStringLiteral("-postgresql")}) {
        for (const QString &area : {QStringLiteral("requests"), QStringLiteral("sync")}) {
            const QStringList subCases =
                area == QLatin1String("sync")
                    ? QStringList{QString(), QStringLiteral("-wire")}
                    : QStringList{QString(), QStringLiteral("-p50"), QStringLiteral("-p95"),
                                  QStringLiteral("-p99"), QStringLiteral("-2-clients")};
            for (const QString &sub : subCases)
                QVERIFY2(cases.contains(area + store + sub), qPrintable(area + store + sub));
        }
    }
    QVERIFY(cases.contains(QStringLiteral("handshakes")));
}

QTEST_GUILESS_MAIN(tst_GrantdBenchmarks)
#include "tst_GrantdBenchmarks.moc"
