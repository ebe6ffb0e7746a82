#include "mdp/timeline/Lanes.h"
#include "mdp/timeline/TimeScale.h"
#include "mdp/timeline/TimelineClustering.h"
#include "mdp/timeline/TimelineModel.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <random>

using namespace mdp::timeline;

namespace {

const QDateTime kOrigin(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
constexpr double kDay = TimeScale::kMsPerDay;

TimelineItem instant(const QString &id, EventType type, int day, const QString &title = QString())
{
    TimelineItem item;
    item.id = id;
    item.type = type;
    item.start = kOrigin.addDays(day);
    item.title = title.isEmpty() ? id : title;
    return item;
}

TimelineItem span(const QString &id, EventType type, int day, int days)
{
    TimelineItem item = instant(id, type, day);
    item.end = kOrigin.addDays(day + days);
    return item;
}

// A deterministic cloud of events over ten years, dense in places, in every lane.
QList<TimelineItem> syntheticHistory(int n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QList<TimelineItem> items;
    items.reserve(n);
    for (int i = 0; i < n; ++i) {
        const auto type = static_cast<EventType>(rng.bounded(kEventTypeCount));
        // Half the events bunch in the first year (treatment), the rest spread out (follow-up).
        const int day = (i % 2 == 0) ? rng.bounded(365) : rng.bounded(3650);
        if (type == EventType::Radiotherapy || type == EventType::Chemotherapy)
            items.append(span(QStringLiteral("e%1").arg(i), type, day, 1 + rng.bounded(40)));
        else
            items.append(instant(QStringLiteral("e%1").arg(i), type, day));
    }
    return items;
}

int memberTotal(const TimelineClustering &clustering)
{
    int total = 0;
    for (int lane = 0; lane < kEventTypeCount; ++lane) {
        for (const TimelineMark &m : clustering.points(lane))
            total += m.count;
        total += int(clustering.spans(lane).size());
    }
    return total;
}

} // namespace

class tst_TimelineClustering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.1.2a-d: the event types of the standard each have a lane.
    void everyEventTypeHasALaneWithAKeyLabelAndColour()
    {
        const auto &lanes = Lanes::standard();
        QCOMPARE(lanes.size(), kEventTypeCount);
        QSet<QString> keys;
        QSet<quint32> colours;
        for (int i = 0; i < lanes.size(); ++i) {
            QCOMPARE(laneIndex(lanes[i].type), i);
            QVERIFY(!Lanes::label(lanes[i].type).isEmpty());
            keys.insert(lanes[i].key);
            colours.insert(lanes[i].rgb);
            QCOMPARE(Lanes::fromKey(lanes[i].key), lanes[i].type);
        }
        QCOMPARE(keys.size(), kEventTypeCount);
        QCOMPARE(colours.size(), kEventTypeCount);
        QVERIFY(!Lanes::fromKey(u"astrology"));
        QVERIFY(Lanes::markerColour(EventType::Toxicity, Severity::Mild) !=
                Lanes::markerColour(EventType::Toxicity, Severity::Severe));
        QCOMPARE(Lanes::markerColour(EventType::Lab, Severity::Mild), Lanes::colour(EventType::Lab));
    }

    // R-6.1.2a-d: instants and spans, in time order, found by id.
    void modelSortsChronologicallyAndIndexesLanes()
    {
        TimelineModel model;
        QList<TimelineItem> items{instant(QStringLiteral("fu"), EventType::FollowUp, 400),
                                  span(QStringLiteral("rt"), EventType::Radiotherapy, 100, 35),
                                  instant(QStringLiteral("dx"), EventType::Diagnosis, 3),
                                  instant(QStringLiteral("bx"), EventType::Pathology, 3)};
        TimelineItem broken = instant(QStringLiteral("broken"), EventType::Lab, 0);
        broken.start = QDateTime();
        items.append(broken);
        items[1].marks = {kOrigin.addDays(102), kOrigin.addDays(101)};

        QCOMPARE(model.setItems(items), 1);
        QCOMPARE(model.count(), 4);
        QCOMPARE(model.item(0).id, QStringLiteral("dx")); // same day: lane order decides
        QCOMPARE(model.item(1).id, QStringLiteral("bx"));
        QCOMPARE(model.item(2).id, QStringLiteral("rt"));
        QCOMPARE(model.item(3).id, QStringLiteral("fu"));
        QCOMPARE(model.indexOf(QStringLiteral("rt")), 2);
        QCOMPARE(model.indexOf(QStringLiteral("broken")), -1);
        QVERIFY(model.isSpan(2));
        QVERIFY(!model.isSpan(0));
        QCOMPARE(model.endMs(2) - model.startMs(2), 35 * kDay);
        const auto marks = model.marksMs(2);
        QCOMPARE(marks.size(), size_t(2));
        QVERIFY(marks[0] < marks[1]);
        QCOMPARE(model.marksMs(0).size(), size_t(0));
        QCOMPARE(model.lane(EventType::Radiotherapy).items, QList<int>{2});
        QCOMPARE(model.nonEmptyLanes(),
                 (QList<int>{laneIndex(EventType::Diagnosis), laneIndex(EventType::Pathology),
                             laneIndex(EventType::Radiotherapy), laneIndex(EventType::FollowUp)}));
        QCOMPARE(model.firstMs(), model.startMs(0));
        QCOMPARE(model.lastMs(), model.startMs(3));
        QCOMPARE(model.nearestInLane(laneIndex(EventType::FollowUp), 0), 3);
        QCOMPARE(model.nearest(model.startMs(2) + 10 * kDay), 2);
        QCOMPARE(model.firstStartingAtOrAfter(model.startMs(2) + 1), 3);
    }

    void distantItemsStayApart()
    {
        TimelineModel model;
        model.setItems({instant(QStringLiteral("a"), EventType::Lab, 0),
                        instant(QStringLiteral("b"), EventType::Lab, 10),
                        instant(QStringLiteral("c"), EventType::Lab, 20)});
        TimelineClustering clustering(16);
        clustering.update(model, kDay / 2); // 20 px per 10 days
        const auto &points = clustering.points(laneIndex(EventType::Lab));
        QCOMPARE(points.size(), 3);
        for (const TimelineMark &m : points) {
            QCOMPARE(m.kind, TimelineMark::Kind::Item);
            QCOMPARE(m.count, 1);
        }
    }

    // R-6.4.2a-c: dense periods merge into one mark with a count.
    void closeItemsMergeIntoAClusterWithTheirCount()
    {
        TimelineModel model;
        model.setItems({instant(QStringLiteral("a"), EventType::Lab, 0),
                        instant(QStringLiteral("b"), EventType::Lab, 5),
                        instant(QStringLiteral("c"), EventType::Lab, 10),
                        instant(QStringLiteral("d"), EventType::Lab, 60),
                        instant(QStringLiteral("x"), EventType::Imaging, 1)});
        TimelineClustering clustering(16);
        clustering.update(model, kDay / 2); // 10 px per 5 days
        const auto &lab = clustering.points(laneIndex(EventType::Lab));
        QCOMPARE(lab.size(), 2);
        QCOMPARE(lab[0].kind, TimelineMark::Kind::Cluster);
        QCOMPARE(lab[0].count, 3);
        QCOMPARE(lab[0].x1 - lab[0].x0, 20.0);
        QCOMPARE(lab[1].kind, TimelineMark::Kind::Item);
        // Lanes never merge with each other.
        QCOMPARE(clustering.points(laneIndex(EventType::Imaging)).size(), 1);
        // Zooming in far enough separates them again.
        QVERIFY(clustering.update(model, kDay / 8));
        QCOMPARE(clustering.points(laneIndex(EventType::Lab)).size(), 4);
        // Same zoom, same model: nothing to do.
        QVERIFY(!clustering.update(model, kDay / 8));
    }

    void clustersAreCappedInWidth()
    {
        TimelineModel model;
        QList<TimelineItem> items;
        for (int d = 0; d < 400; ++d)
            items.append(instant(QStringLiteral("l%1").arg(d), EventType::Lab, d));
        model.setItems(items);
        TimelineClustering clustering(16, 120);
        clustering.update(model, kDay); // one px per day: everything chains
        const auto &points = clustering.points(laneIndex(EventType::Lab));
        QVERIFY(points.size() >= 3);
        for (const TimelineMark &m : points)
            QVERIFY(m.x1 - m.x0 <= 120);
        QCOMPARE(memberTotal(clustering), 400);
    }

    void wideSpansAreBarsAndNarrowOnesJoinClusters()
    {
        TimelineModel model;
        model.setItems({span(QStringLiteral("course"), EventType::Radiotherapy, 10, 35),
                        instant(QStringLiteral("boost"), EventType::Radiotherapy, 12),
                        instant(QStringLiteral("sim"), EventType::Radiotherapy, 13)});
        const int lane = laneIndex(EventType::Radiotherapy);
        TimelineClustering clustering(16, 120, 12);
        clustering.update(model, kDay / 4); // 140 px course
        QCOMPARE(clustering.spans(lane).size(), 1);
        QCOMPARE(clustering.points(lane).size(), 1);
        QCOMPARE(clustering.points(lane)[0].count, 2);
        clustering.update(model, kDay * 20); // course is under 2 px: a point that clusters
        QCOMPARE(clustering.spans(lane).size(), 0);
        QCOMPARE(clustering.points(lane).size(), 1);
        QCOMPARE(clustering.points(lane)[0].count, 3);
    }

    // R-6.4.2a-c: what is drawn does not depend on where the items came from.
    void clustersAreDeterministicWhateverTheInputOrder()
    {
        QList<TimelineItem> items = syntheticHistory(3000, 7);
        TimelineModel a;
        a.setItems(items);
        std::shuffle(items.begin(), items.end(), std::mt19937(99));
        TimelineModel b;
        b.setItems(items);
        TimelineClustering ca;
        TimelineClustering cb;
        for (double mpp : {kDay / 20, kDay, kDay * 9}) {
            ca.update(a, mpp);
            cb.update(b, mpp);
            for (int lane = 0; lane < kEventTypeCount; ++lane) {
                const auto &pa = ca.points(lane);
                const auto &pb = cb.points(lane);
                QCOMPARE(pa.size(), pb.size());
                for (int i = 0; i < pa.size(); ++i) {
                    QCOMPARE(pa[i].x0, pb[i].x0);
                    QCOMPARE(pa[i].x1, pb[i].x1);
                    QCOMPARE(pa[i].count, pb[i].count);
                    QCOMPARE(ca.members(a, {lane, pa[i].kind, i, -1}).size(), pa[i].count);
                }
                QCOMPARE(ca.spans(lane).size(), cb.spans(lane).size());
            }
        }
    }

    void countsAddUpAtEveryZoom()
    {
        TimelineModel model;
        model.setItems(syntheticHistory(10000, 42));
        TimelineClustering clustering;
        for (double mpp = TimeScale::kMinMsPerPixel; mpp < TimeScale::kMaxMsPerPixel; mpp *= 2.7) {
            clustering.update(model, mpp);
            QCOMPARE(memberTotal(clustering), 10000);
            for (int lane = 0; lane < kEventTypeCount; ++lane) {
                const auto &points = clustering.points(lane);
                for (int i = 1; i < points.size(); ++i)
                    QVERIFY(points[i].x0 > points[i - 1].x1); // ordered, never overlapping
            }
        }
    }

    // R-6.4.2a-c: smooth with 10 000 events: a full clustering pass is far below one frame.
    void tenThousandItemsClusterWellUnderAMillisecond()
    {
        TimelineModel model;
        model.setItems(syntheticHistory(10000, 3));
        TimelineClustering clustering;
        clustering.update(model, kDay); // first pass sizes the buffers
        QList<qint64> nanos;
        double mpp = kDay / 10;
        for (int i = 0; i < 41; ++i) {
            QElapsedTimer timer;
            timer.start();
            QVERIFY(clustering.update(model, mpp));
            nanos.append(timer.nsecsElapsed());
            mpp *= 1.17;
        }
        std::sort(nanos.begin(), nanos.end());
        const qint64 median = nanos.at(nanos.size() / 2);
        qInfo("clustering 10000 items: median %.1f us", median / 1000.0);
        QVERIFY2(median < 1'000'000, qPrintable(QStringLiteral("median %1 ns").arg(median)));
    }

    void visibleRangesFindExactlyTheMarksInView()
    {
        TimelineModel model;
        model.setItems(syntheticHistory(5000, 11));
        TimelineClustering clustering;
        const double mpp = kDay / 3;
        clustering.update(model, mpp);
        const double x0 = double(kOrigin.addDays(200).toMSecsSinceEpoch()) / mpp;
        const double x1 = x0 + 1200;
        for (int lane = 0; lane < kEventTypeCount; ++lane) {
            const auto [pb, pe] = clustering.visiblePoints(lane, x0, x1);
            const auto &points = clustering.points(lane);
            for (int i = 0; i < points.size(); ++i) {
                const bool inView = points[i].x1 >= x0 && points[i].x0 <= x1;
                QCOMPARE(inView, i >= pb && i < pe);
            }
            const auto [sb, se] = clustering.visibleSpans(lane, x0, x1);
            const auto &spans = clustering.spans(lane);
            for (int i = 0; i < spans.size(); ++i) {
                if (spans[i].x1 >= x0 && spans[i].x0 <= x1)
                    QVERIFY(i >= sb && i < se); // candidates may include a few more, never fewer
            }
        }
    }

    void hitTestFindsItemsClustersAndSpans()
    {
        TimelineModel model;
        model.setItems({instant(QStringLiteral("a"), EventType::Lab, 0),
                        instant(QStringLiteral("b"), EventType::Lab, 2),
                        instant(QStringLiteral("c"), EventType::Lab, 40),
                        span(QStringLiteral("rt"), EventType::Radiotherapy, 10, 30)});
        const double mpp = kDay / 2; // 2 px per day
        TimelineClustering clustering(16);
        clustering.update(model, mpp);
        auto xOf = [&](int day) { return double(kOrigin.addDays(day).toMSecsSinceEpoch()) / mpp; };
        const int lab = laneIndex(EventType::Lab);

        auto hit = clustering.hitTest(model, lab, xOf(1), 6);
        QVERIFY(hit);
        QCOMPARE(hit->kind, TimelineMark::Kind::Cluster);
        QCOMPARE(model.item(hit->item).id, QStringLiteral("a"));
        QCOMPARE(clustering.members(model, *hit).size(), 2);

        hit = clustering.hitTest(model, lab, xOf(40) + 5, 6);
        QVERIFY(hit);
        QCOMPARE(hit->kind, TimelineMark::Kind::Item);
        QCOMPARE(model.item(hit->item).id, QStringLiteral("c"));
        QVERIFY(!clustering.hitTest(model, lab, xOf(20), 6));

        const int rt = laneIndex(EventType::Radiotherapy);
        hit = clustering.hitTest(model, rt, xOf(25), 6);
        QVERIFY(hit);
        QCOMPARE(hit->kind, TimelineMark::Kind::Span);
        QCOMPARE(model.item(hit->item).id, QStringLiteral("rt"));
        QVERIFY(!clustering.hitTest(model, rt, xOf(50), 6));
        QVERIFY(!clustering.hitTest(model, -1, xOf(25), 6));

        const auto where = clustering.markOf(model, model.indexOf(QStringLiteral("b")));
        QVERIFY(where);
        QCOMPARE(where->kind, TimelineMark::Kind::Cluster);
        QCOMPARE(where->mark, 0);
        const auto course = clustering.markOf(model, model.indexOf(QStringLiteral("rt")));
        QVERIFY(course);
        QCOMPARE(course->kind, TimelineMark::Kind::Span);
    }
};

QTEST_GUILESS_MAIN(tst_TimelineClustering)
#include "tst_TimelineClustering.moc"
