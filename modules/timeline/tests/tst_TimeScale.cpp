#include "mdp/timeline/TimeScale.h"

#include <QDate>
#include <QDateTime>
#include <QtTest>

#include <cmath>

using namespace mdp::timeline;

namespace {

qint64 ms(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

QDate dateOf(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC).date();
}

const QLocale kZh(QLocale::Chinese, QLocale::China);
const QLocale kEn(QLocale::English, QLocale::UnitedStates);

} // namespace

class tst_TimeScale : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.1.2a-d: time is the navigation axis; positions and times convert both ways without drift.
    void timeAndPositionRoundTripAtEveryZoom()
    {
        TimeScale scale;
        scale.setWidth(1200);
        for (double mpp : {TimeScale::kMinMsPerPixel, 3.6e6, 8.64e7, 1e9, TimeScale::kMaxMsPerPixel}) {
            scale.setMsPerPixel(mpp);
            scale.centerOn(double(ms(2023, 5, 17)));
            for (double x : {-300.0, 0.0, 0.5, 333.25, 1199.0, 2500.0}) {
                QVERIFY(std::abs(scale.toX(scale.toMs(x)) - x) < 1e-6);
            }
            const double t = double(ms(2024, 2, 29)) + 12345;
            QVERIFY(std::abs(scale.toMs(scale.toX(t)) - t) < 1e-3);
        }
    }

    // R-6.4.2a-c: zooming around the pointer keeps the time under it in place.
    void zoomAroundKeepsTheAnchorTime()
    {
        TimeScale scale;
        scale.setWidth(1000);
        scale.setMsPerPixel(8.64e7);
        scale.centerOn(double(ms(2022, 1, 1)));
        const double x = 287;
        const double before = scale.toMs(x);
        scale.zoomAround(x, 1.6);
        QCOMPARE(scale.msPerPixel(), 8.64e7 / 1.6);
        QVERIFY(std::abs(scale.toMs(x) - before) < 1e-3);
        scale.zoomAround(x, 1 / 3.0);
        QVERIFY(std::abs(scale.toMs(x) - before) < 1e-3);
    }

    void zoomStopsAtDaysAndDecades()
    {
        TimeScale scale;
        scale.setWidth(1000);
        scale.setMsPerPixel(1);
        QCOMPARE(scale.msPerPixel(), TimeScale::kMinMsPerPixel);
        QVERIFY(!scale.canZoomIn());
        const double anchor = scale.toMs(400);
        scale.zoomAround(400, 1e6);
        QCOMPARE(scale.msPerPixel(), TimeScale::kMinMsPerPixel);
        QVERIFY(std::abs(scale.toMs(400) - anchor) < 1e-3);
        scale.setMsPerPixel(1e15);
        QCOMPARE(scale.msPerPixel(), TimeScale::kMaxMsPerPixel);
        QVERIFY(!scale.canZoomOut());
        QVERIFY(scale.canZoomIn());
    }

    void limitsKeepTheCentreInsideTheData()
    {
        TimeScale scale;
        scale.setWidth(800);
        scale.setMsPerPixel(8.64e7);
        scale.setLimits(double(ms(2020, 1, 1)), double(ms(2025, 1, 1)));
        scale.centerOn(double(ms(2040, 1, 1)));
        QCOMPARE(scale.centerMs(), double(ms(2025, 1, 1)));
        scale.panBy(1e6);
        QCOMPARE(scale.centerMs(), double(ms(2020, 1, 1)));
    }

    void fitRangeShowsTheWholeRangeWithMargins()
    {
        TimeScale scale;
        scale.setWidth(1000);
        const double from = double(ms(2019, 3, 1));
        const double to = double(ms(2024, 9, 1));
        scale.fitRange(from, to, 40);
        QVERIFY(std::abs(scale.toX(from) - 40) < 1e-6);
        QVERIFY(std::abs(scale.toX(to) - 960) < 1e-6);
    }

    // R-6.4.2a-c: the axis goes from decades down to days as one zooms in.
    void levelFollowsTheZoomFromDecadesToDays()
    {
        QCOMPARE(TimeScale::levelFor(TimeScale::kMinMsPerPixel), TickLevel::Days);
        QCOMPARE(TimeScale::levelFor(TimeScale::kMsPerDay / 40), TickLevel::Days);
        QCOMPARE(TimeScale::levelFor(TimeScale::kMsPerDay / 10), TickLevel::Weeks);
        QCOMPARE(TimeScale::levelFor(TimeScale::kMsPerDay / 2), TickLevel::Months);
        QCOMPARE(TimeScale::levelFor(TimeScale::kMsPerDay * 2), TickLevel::Quarters);
        QCOMPARE(TimeScale::levelFor(TimeScale::kMsPerDay * 5), TickLevel::Years);
        QCOMPARE(TimeScale::levelFor(TimeScale::kMsPerDay * 30), TickLevel::Decades);
        QCOMPARE(TimeScale::levelFor(TimeScale::kMaxMsPerPixel), TickLevel::Decades);
        // Levels never get finer as one zooms out.
        TickLevel previous = TickLevel::Days;
        for (double mpp = TimeScale::kMinMsPerPixel; mpp <= TimeScale::kMaxMsPerPixel; mpp *= 1.1) {
            const TickLevel level = TimeScale::levelFor(mpp);
            QVERIFY(int(level) >= int(previous));
            previous = level;
        }
        // Labels wider than the defaults push the switch to a coarser level.
        auto wide = TimeScale::defaultMinSpacing();
        wide[int(TickLevel::Months)] = 80;
        QCOMPARE(TimeScale::levelFor(TimeScale::kMsPerDay / 2, wide), TickLevel::Quarters);
    }

    void contextLevelIsTheNextCoarserCalendarUnit()
    {
        QCOMPARE(TimeScale::contextLevel(TickLevel::Days), TickLevel::Months);
        QCOMPARE(TimeScale::contextLevel(TickLevel::Weeks), TickLevel::Months);
        QCOMPARE(TimeScale::contextLevel(TickLevel::Months), TickLevel::Years);
        QCOMPARE(TimeScale::contextLevel(TickLevel::Quarters), TickLevel::Years);
        QCOMPARE(TimeScale::contextLevel(TickLevel::Years), TickLevel::Decades);
        QVERIFY(!TimeScale::contextLevel(TickLevel::Decades));
    }

    void ticksFallOnCalendarBoundaries_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<double>("msPerPixel");
        QTest::newRow("days") << int(TickLevel::Days) << TimeScale::kMsPerDay / 60;
        QTest::newRow("weeks") << int(TickLevel::Weeks) << TimeScale::kMsPerDay / 10;
        QTest::newRow("months") << int(TickLevel::Months) << TimeScale::kMsPerDay / 2;
        QTest::newRow("quarters") << int(TickLevel::Quarters) << TimeScale::kMsPerDay * 2;
        QTest::newRow("years") << int(TickLevel::Years) << TimeScale::kMsPerDay * 5;
        QTest::newRow("decades") << int(TickLevel::Decades) << TimeScale::kMsPerDay * 60;
    }

    void ticksFallOnCalendarBoundaries()
    {
        QFETCH(int, level);
        QFETCH(double, msPerPixel);
        const auto tickLevel = static_cast<TickLevel>(level);
        TimeScale scale;
        scale.setWidth(1400);
        scale.setMsPerPixel(msPerPixel);
        scale.centerOn(double(ms(2016, 2, 29)) + 5 * 3600 * 1000.0);
        QList<TimeTick> ticks;
        scale.ticks(tickLevel, ticks);
        QVERIFY(ticks.size() >= 3);
        // The first tick is at or before the left edge, the last one past the right edge.
        QVERIFY(ticks.first().x <= 0);
        QVERIFY(ticks.last().x > scale.width());
        for (int i = 0; i < ticks.size(); ++i) {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(ticks[i].ms, Qt::UTC);
            QCOMPARE(t.time(), QTime(0, 0));
            QCOMPARE(ticks[i].x, scale.toX(double(ticks[i].ms)));
            const QDate d = t.date();
            switch (tickLevel) {
            case TickLevel::Days:
                break;
            case TickLevel::Weeks:
                QCOMPARE(d.dayOfWeek(), 1);
                break;
            case TickLevel::Months:
                QCOMPARE(d.day(), 1);
                break;
            case TickLevel::Quarters:
                QCOMPARE(d.day(), 1);
                QCOMPARE((d.month() - 1) % 3, 0);
                break;
            case TickLevel::Years:
                QCOMPARE(d.dayOfYear(), 1);
                break;
            case TickLevel::Decades:
                QCOMPARE(d.dayOfYear(), 1);
                QCOMPARE(d.year() % 10, 0);
                break;
            }
            if (i > 0) {
                QVERIFY(ticks[i].ms > ticks[i - 1].ms);
                // Consecutive ticks are exactly one unit apart: no boundary skipped.
                QCOMPARE(TimeScale::nextBoundary(tickLevel, ticks[i - 1].ms), ticks[i].ms);
            }
        }
    }

    void boundariesHandleMonthEndsLeapYearsAndDatesBeforeTheEpoch()
    {
        QCOMPARE(dateOf(TimeScale::nextBoundary(TickLevel::Months, ms(2024, 1, 1))), QDate(2024, 2, 1));
        QCOMPARE(dateOf(TimeScale::nextBoundary(TickLevel::Months, ms(2024, 2, 1))), QDate(2024, 3, 1));
        QCOMPARE(dateOf(TimeScale::floorToBoundary(TickLevel::Days, ms(2024, 2, 29) + 86'399'999)),
                 QDate(2024, 2, 29));
        QCOMPARE(dateOf(TimeScale::floorToBoundary(TickLevel::Quarters, ms(2023, 12, 31))),
                 QDate(2023, 10, 1));
        QCOMPARE(dateOf(TimeScale::floorToBoundary(TickLevel::Weeks, ms(2023, 1, 1))), QDate(2022, 12, 26));
        QCOMPARE(dateOf(TimeScale::floorToBoundary(TickLevel::Decades, ms(1969, 12, 31) + 1)),
                 QDate(1960, 1, 1));
        QCOMPARE(dateOf(TimeScale::floorToBoundary(TickLevel::Days, ms(1955, 6, 15) + 3600 * 1000)),
                 QDate(1955, 6, 15));
        QCOMPARE(dateOf(TimeScale::floorToBoundary(TickLevel::Years, ms(1955, 6, 15))), QDate(1955, 1, 1));
    }

    // R-6.4.2a-c: the axis speaks the interface language.
    void tickLabelsAreLocalised_data()
    {
        QTest::addColumn<int>("level");
        QTest::addColumn<int>("form");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("zh");
        QTest::addColumn<QString>("en");
        const int s = int(TimeScale::LabelForm::Short);
        const int l = int(TimeScale::LabelForm::Long);
        QTest::newRow("day") << int(TickLevel::Days) << s << QDate(2023, 3, 6) << QStringLiteral("6日")
                             << QStringLiteral("6");
        QTest::newRow("day long") << int(TickLevel::Days) << l << QDate(2023, 3, 6)
                                  << QStringLiteral("2023年3月6日") << QStringLiteral("6 Mar 2023");
        QTest::newRow("week") << int(TickLevel::Weeks) << s << QDate(2023, 3, 6) << QStringLiteral("3月6日")
                              << QStringLiteral("6 Mar");
        QTest::newRow("month") << int(TickLevel::Months) << s << QDate(2023, 9, 1) << QStringLiteral("9月")
                               << QStringLiteral("Sep");
        QTest::newRow("month long") << int(TickLevel::Months) << l << QDate(2023, 9, 1)
                                    << QStringLiteral("2023年9月") << QStringLiteral("September 2023");
        QTest::newRow("quarter") << int(TickLevel::Quarters) << s << QDate(2023, 10, 1)
                                 << QStringLiteral("四季度") << QStringLiteral("Q4");
        QTest::newRow("quarter long") << int(TickLevel::Quarters) << l << QDate(2023, 4, 1)
                                      << QStringLiteral("2023年二季度") << QStringLiteral("Q2 2023");
        QTest::newRow("year") << int(TickLevel::Years) << s << QDate(2024, 1, 1) << QStringLiteral("2024年")
                              << QStringLiteral("2024");
        QTest::newRow("decade") << int(TickLevel::Decades) << s << QDate(2020, 1, 1)
                                << QStringLiteral("2020年代") << QStringLiteral("2020s");
    }

    void tickLabelsAreLocalised()
    {
        QFETCH(int, level);
        QFETCH(int, form);
        QFETCH(QDate, date);
        QFETCH(QString, zh);
        QFETCH(QString, en);
        const qint64 t = ms(date.year(), date.month(), date.day());
        const auto f = static_cast<TimeScale::LabelForm>(form);
        QCOMPARE(TimeScale::label(static_cast<TickLevel>(level), t, kZh, f), zh);
        QCOMPARE(TimeScale::label(static_cast<TickLevel>(level), t, kEn, f), en);
    }

    void everyMonthHasItsOwnName()
    {
        QSet<QString> zh;
        QSet<QString> en;
        for (int m = 1; m <= 12; ++m) {
            zh.insert(TimeScale::label(TickLevel::Months, ms(2023, m, 1), kZh));
            en.insert(TimeScale::label(TickLevel::Months, ms(2023, m, 1), kEn));
        }
        QCOMPARE(zh.size(), 12);
        QCOMPARE(en.size(), 12);
        QVERIFY(zh.contains(QStringLiteral("12月")));
        QVERIFY(en.contains(QStringLiteral("Dec")));
    }

    void tickListReusesItsStorage()
    {
        TimeScale scale;
        scale.setWidth(1200);
        scale.setMsPerPixel(TimeScale::kMsPerDay / 2);
        scale.centerOn(double(ms(2021, 6, 1)));
        QList<TimeTick> ticks;
        scale.ticks(TickLevel::Months, ticks);
        ticks.reserve(256);
        const TimeTick *storage = ticks.constData();
        for (int i = 0; i < 50; ++i) {
            scale.panBy(17);
            scale.ticks(TickLevel::Months, ticks);
        }
        QCOMPARE(ticks.constData(), storage);
    }
};

QTEST_GUILESS_MAIN(tst_TimeScale)
#include "tst_TimeScale.moc"
