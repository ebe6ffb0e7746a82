#include "mdp/crypto/CryptoBenchmarks.h"

#include <QTest>

using namespace mdp;
using namespace mdp::crypto;

// Shape check of the figures `mdp bench crypto --json` prints; the real run uses 64 MB.
class tst_CryptoBenchmarks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCaseIsMeasuredAgainstItsBaseline()
    {
        const QList<BenchLine> lines = runCryptoBenchmarks(2);
        QStringList cases;
        for (const BenchLine &line : lines) {
            cases.append(line.caseName);
            QCOMPARE(line.bench, QStringLiteral("crypto"));
            QVERIFY2(line.value > 0 && line.baselineValue > 0, qPrintable(line.caseName));
            QVERIFY(!line.baseline.isEmpty());
            qInfo("%s", line.toJsonLine().constData());
        }
        QCOMPARE(cases, (QStringList{QStringLiteral("sm4-gcm"), QStringLiteral("aes-256-gcm"),
                                     QStringLiteral("sm3"), QStringLiteral("sm2-sign"),
                                     QStringLiteral("sm2-verify"), QStringLiteral("pbkdf2-sm3")}));
    }
};

QTEST_GUILESS_MAIN(tst_CryptoBenchmarks)
#include "tst_CryptoBenchmarks.moc"
