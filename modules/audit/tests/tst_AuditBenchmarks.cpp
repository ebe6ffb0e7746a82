// Smoke run of the audit benchmarks: every line is produced, measured and compared with a baseline.
#include "mdp/audit/AuditBenchmarks.h"

#include <QTemporaryDir>
#include <QtTest>

class tst_AuditBenchmarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCaseHasAValueAndABaseline()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        // MDP_AUDIT_BENCH_EVENTS lets a manual run measure at a realistic size; the default stays quick.
        const int events = qEnvironmentVariableIsSet("MDP_AUDIT_BENCH_EVENTS")
                               ? qEnvironmentVariableIntValue("MDP_AUDIT_BENCH_EVENTS")
                               : 512;
        const QList<mdp::BenchLine> lines = mdp::audit::runAuditBenchmarks(scratch.path(), events);
        QStringList cases;
        for (const mdp::BenchLine &l : lines) {
            qInfo("%s", l.toJsonLine().constData());
            cases << l.caseName;
            QVERIFY(l.value > 0);
            QVERIFY(l.baselineValue > 0);
        }
        QCOMPARE(cases, QStringList({QStringLiteral("durable-append-batch256"),
                                     QStringLiteral("durable-append-4threads"),
                                     QStringLiteral("durable-append-32threads"), QStringLiteral("verify"),
                                     QStringLiteral("open")}));
        QCOMPARE(QDir(scratch.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    void openingALongHistoryHasItsFigures()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QList<mdp::BenchLine> lines = mdp::audit::runAuditOpenBenchmarks(scratch.path(), 20000);
        QStringList cases;
        for (const mdp::BenchLine &l : lines) {
            qInfo("%s", l.toJsonLine().constData());
            cases << l.caseName;
            QVERIFY(l.value > 0);
            QVERIFY(l.baselineValue > 0);
            QCOMPARE(l.extra.value(QStringLiteral("events")).toInteger(), 20000);
        }
        QCOMPARE(cases, QStringList({QStringLiteral("open-at-size"), QStringLiteral("open-memory-at-size"),
                                     QStringLiteral("query-by-data-at-size"),
                                     QStringLiteral("query-by-data-p95-at-size")}));
        QCOMPARE(QDir(scratch.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    void theAuditorsBundleHasItsFigures()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QList<mdp::BenchLine> lines = mdp::audit::runBundleBenchmarks(scratch.path(), 3000);
        QStringList cases;
        for (const mdp::BenchLine &l : lines) {
            qInfo("%s", l.toJsonLine().constData());
            cases << l.caseName;
            QVERIFY(l.value > 0);
            QVERIFY(l.baselineValue > 0);
            QCOMPARE(l.extra.value(QStringLiteral("events")).toInteger(), 3000);
        }
        QCOMPARE(cases, QStringList({QStringLiteral("bundle-verify"), QStringLiteral("bundle-open")}));
        QCOMPARE(QDir(scratch.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }
};

QTEST_GUILESS_MAIN(tst_AuditBenchmarks)
#include "tst_AuditBenchmarks.moc"
