#include "mdp/timeline/TimelineBenchmarks.h"

#include <QGuiApplication>
#include <QJsonDocument>
#include <QtTest>

using namespace mdp;

// Runs the benchmark the way `mdp bench registry` does: a QGuiApplication on the offscreen platform,
// no widgets.
class tst_TimelineBenchmarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.4.2a-c: the frame time with 10 000 events is measured against a naive painter in one run.
    void framesAreMeasuredAgainstTheNaiveBaseline()
    {
        const QList<BenchLine> lines = timeline::ui::runTimelineBenchmarks(10000);
        QCOMPARE(lines.size(), 3);
        QStringList cases;
        for (const BenchLine &line : lines) {
            qInfo("%s", line.toJsonLine().constData());
            cases << line.caseName;
            QCOMPARE(line.bench, QStringLiteral("registry"));
            QVERIFY(!line.higherIsBetter);
            QVERIFY(line.value > 0);
            QVERIFY(line.baselineValue > 0);
            QVERIFY(!line.baseline.isEmpty());
        }
        QCOMPARE(cases,
                 (QStringList{QStringLiteral("timeline-frame-mean"), QStringLiteral("timeline-frame-p95"),
                              QStringLiteral("timeline-cluster")}));
        QCOMPARE(lines[0].unit, QStringLiteral("ms"));
        QCOMPARE(lines[0].extra.value(QStringLiteral("events")).toInt(), 10000);
        QVERIFY(lines[0].extra.value(QStringLiteral("frames")).toInt() >= 150);
        QVERIFY(lines[1].value >= lines[0].extra.value(QStringLiteral("p50_ms")).toDouble());
    }

    void syntheticHistoryIsDeterministic()
    {
        const auto a = timeline::ui::syntheticTimelineItems(500, 9);
        const auto b = timeline::ui::syntheticTimelineItems(500, 9);
        const auto c = timeline::ui::syntheticTimelineItems(500, 10);
        QCOMPARE(a.size(), 500);
        bool differs = false;
        for (int i = 0; i < a.size(); ++i) {
            QCOMPARE(a[i].start, b[i].start);
            QCOMPARE(a[i].type, b[i].type);
            differs = differs || a[i].start != c[i].start;
        }
        QVERIFY(differs);
    }
};

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    tst_TimelineBenchmarks test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_TimelineBenchmarks.moc"
