// Smoke run of `mdp bench policy` at a small size, so the benchmark keeps working; the figures come
// from `mdp bench policy --json`.

#include "mdp/policy/PolicyBenchmarks.h"

#include <QTemporaryDir>
#include <QTest>

class tst_PolicyBenchmarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesComeWithTheirFigures();
};

void tst_PolicyBenchmarks::linesComeWithTheirFigures()
{
    QTemporaryDir scratch;
    const auto lines = mdp::policy::runPolicyBenchmarks(scratch.path(), 1000);
    QCOMPARE(lines.size(), 2);
    for (const auto &line : lines)
        qInfo("%s", line.toJsonLine().constData());
    QCOMPARE(lines[0].caseName, QStringLiteral("decide-1000-grants"));
    QVERIFY(lines[0].value > 0);
    QVERIFY(lines[1].value > 0);
    QVERIFY(!lines[1].higherIsBetter);
    // About half the synthetic requests are permitted: the bench measures both paths.
    const double share = lines[0].extra.value(QStringLiteral("permit_share")).toDouble();
    QVERIFY2(share > 0.2 && share < 0.8, qPrintable(QString::number(share)));
}

QTEST_GUILESS_MAIN(tst_PolicyBenchmarks)
#include "tst_PolicyBenchmarks.moc"
