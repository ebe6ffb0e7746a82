#include "mdp/viewer/Watermark.h"

#include <QtTest>

using namespace mdp::viewer;

// Runs with TZ=Asia/Shanghai (set by the test registration): the watermark shows workstation time.
class tst_Watermark : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.4.4a-c: the watermark names the account, the user name and the local time to the minute.
    void namesAccountUserAndLocalMinute()
    {
        const QDateTime at(QDate(2026, 3, 2), QTime(8, 0, 59), Qt::UTC);
        QCOMPARE(Watermark::text({QStringLiteral("Li Wei"), QStringLiteral("liwei")}, at),
                 QStringLiteral("Li Wei · liwei · 2026-03-02 16:00"));
    }

    void missingDisplayNameIsLeftOutRatherThanShownEmpty()
    {
        const QDateTime at(QDate(2026, 3, 2), QTime(23, 30), Qt::UTC);
        QCOMPARE(Watermark::text({QString(), QStringLiteral("liwei")}, at),
                 QStringLiteral("liwei · 2026-03-03 07:30"));
    }

    void chineseDisplayNamesAreKept()
    {
        const QDateTime at(QDate(2026, 3, 2), QTime(0, 5), Qt::UTC);
        QCOMPARE(Watermark::text({QStringLiteral("李伟"), QStringLiteral("liwei")}, at),
                 QStringLiteral("李伟 · liwei · 2026-03-02 08:05"));
    }
};

QTEST_GUILESS_MAIN(tst_Watermark)
#include "tst_Watermark.moc"
