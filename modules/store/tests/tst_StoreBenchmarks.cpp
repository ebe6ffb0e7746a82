#include "mdp/store/StoreBenchmarks.h"

#include <QtTest>

using namespace mdp;

class tst_StoreBenchmarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storeBenchmarksMeasureBothCiphersAgainstUnkeyed()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QList<BenchLine> lines = store::runStoreBenchmarks(scratch.path(), 1000);
        QStringList cases;
        for (const BenchLine &line : lines) {
            cases << line.caseName;
            QVERIFY2(!line.extra.contains(QStringLiteral("error")),
                     qPrintable(line.extra.value(QStringLiteral("error")).toString()));
            QVERIFY(line.value > 0);
            QVERIFY(line.baselineValue > 0);
            QVERIFY(line.extra.value(QStringLiteral("time_ratio")).toDouble() > 0);
        }
        QCOMPARE(cases, (QStringList{QStringLiteral("insert sm4-cbc"), QStringLiteral("point read sm4-cbc"),
                                     QStringLiteral("insert aes-256-cbc"),
                                     QStringLiteral("point read aes-256-cbc")}));
        // Scratch files are removed afterwards.
        QCOMPARE(QDir(scratch.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    void vaultBenchmarksMeasurePutAndGetAgainstRawCipher()
    {
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QList<BenchLine> lines = store::runVaultBenchmarks(scratch.path(), 2);
        QCOMPARE(lines.size(), 6); // put, get and stream for SM4-GCM and AES-256-GCM
        QStringList cases;
        for (const BenchLine &line : lines) {
            cases << line.caseName;
            QVERIFY2(!line.extra.contains(QStringLiteral("error")),
                     qPrintable(line.extra.value(QStringLiteral("error")).toString()));
            QVERIFY(line.value > 0);
            QVERIFY(line.baselineValue > 0);
            QCOMPARE(line.unit, QStringLiteral("MB/s"));
        }
        QVERIFY(cases.contains(QStringLiteral("stream sm4-gcm")));
        QCOMPARE(QDir(scratch.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }
};

QTEST_GUILESS_MAIN(tst_StoreBenchmarks)
#include "tst_StoreBenchmarks.moc"
