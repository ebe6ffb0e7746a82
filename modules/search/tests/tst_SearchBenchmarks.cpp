#include "mdp/search/SearchBenchmarks.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mdp::search;

class tst_SearchBenchmarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Smoke run at a tiny size: every figure present and plausible, baseline measured when the
    // sqlite3 program is installed. The real figures come from `mdp bench registry`.
    void smallRunReportsEveryFigure()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QList<mdp::BenchLine> lines = runSearchBenchmarks(scratch.path(), 3000);
        QStringList cases;
        for (const mdp::BenchLine &l : lines) {
            cases << l.caseName;
            QCOMPARE(l.bench, u"registry"_qs);
            QVERIFY2(l.value > 0, qPrintable(l.caseName));
            QVERIFY(!l.higherIsBetter);
        }
        QCOMPARE(cases, (QStringList{u"search-p50"_qs, u"search-p95"_qs, u"search-p95-permission-filter"_qs,
                                     u"search-build"_qs, u"search-memory"_qs}));
        // The permission filter did decide: two thirds of the candidates belong to other sites.
        QVERIFY(lines[2].extra.value(u"decisions_refused"_qs).toDouble() > 0);
        QCOMPARE(lines[1].extra.value(u"exact_id_top1"_qs).toDouble(), 1.0);
        QVERIFY(lines[1].extra.value(u"typo_target_in_top20"_qs).toDouble() >= 0.5);
        QCOMPARE(lines[1].extra.value(u"goal_ms"_qs).toInt(), 20);

        if (QStandardPaths::findExecutable(u"sqlite3"_qs).isEmpty())
            QSKIP("sqlite3 not installed: baseline not measured");
        for (const mdp::BenchLine &l : lines) {
            QVERIFY2(!l.extra.contains(u"baseline_error"_qs),
                     qPrintable(l.extra.value(u"baseline_error"_qs).toString()));
            if (l.caseName != u"search-p50"_qs) // a median baseline query may take under a microsecond
                QVERIFY2(l.baselineValue > 0, qPrintable(l.caseName));
        }
        QVERIFY(scratch.isValid());
        QCOMPARE(QDir(scratch.path()).entryList(QDir::Files).size(), 0); // scratch files removed
    }
};

QTEST_GUILESS_MAIN(tst_SearchBenchmarks)
#include "tst_SearchBenchmarks.moc"
