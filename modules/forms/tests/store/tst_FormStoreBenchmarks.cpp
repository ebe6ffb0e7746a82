// Smoke run of `mdp bench forms`: the case runs on a small record and reports a measured value and
// a same-run baseline.

#include "mdp/forms/FormStoreBenchmarks.h"

#include <QTemporaryDir>
#include <QtTest>

class tst_FormStoreBenchmarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openRecordCaseReportsValueAndBaseline()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto lines = mdp::forms::runFormStoreBenchmarks(dir.path(), 12);
        QCOMPARE(lines.size(), 1);
        const auto &line = lines.first();
        QCOMPARE(line.bench, QStringLiteral("forms"));
        QVERIFY(line.value > 0);
        QVERIFY(line.baselineValue > 0);
        QVERIFY(!line.higherIsBetter);
        QVERIFY(line.extra.value(QStringLiteral("versions")).toInt() >= 12);
        QCOMPARE(line.extra.value(QStringLiteral("formal_versions")).toInt() >= 2, true);
        QVERIFY(line.extra.value(QStringLiteral("changed_fields")).toInt() > 0);
        // The scratch database is removed afterwards.
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_FormStoreBenchmarks)
#include "tst_FormStoreBenchmarks.moc"
