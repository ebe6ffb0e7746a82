#include "mdp/timeline/TimelineModel.h"

#include "TimelineLogging.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>

namespace mdp::timeline {

namespace {

// Revisions are unique across all models, so a cache can tell two models apart as well as two
// versions of one.
quint64 nextRevision()
{
    static std::atomic<quint64> counter{0};
    return ++counter;
}

constexpr double kDayMs = 86'400'000.0;

double msOf(const QDateTime &time)
{
    return double(time.toMSecsSinceEpoch());
}

} // namespace

int TimelineModel::setItems(QList<TimelineItem> items)
{
    clear();
    const qsizetype before = items.size();
    items.removeIf([](const TimelineItem &item) { return !item.start.isValid(); });
    const int dropped = int(before - items.size());
    if (dropped > 0)
        qCWarning(lcTimeline) << "left out" << dropped << "timeline items without a valid start";

    const qsizetype n = items.size();
    QList<double> start(n);
    QList<double> end(n);
    for (qsizetype i = 0; i < n; ++i) {
        const TimelineItem &item = items.at(i);
        start[i] = msOf(item.start);
        if (item.isSpan())
            end[i] = msOf(*item.end);
        else {
            // An instant given as a bare date (midnight) belongs to the whole day: it sits at noon, so
            // at day zoom it is drawn inside its day instead of on the line between two days.
            if (item.start.time() == QTime(0, 0))
                start[i] += 0.5 * kDayMs;
            end[i] = start[i];
        }
    }
    QList<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    // A total order (start, lane, end, id, title) so the same items always sort the same way.
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        if (start[a] != start[b])
            return start[a] < start[b];
        const int la = laneIndex(items.at(a).type);
        const int lb = laneIndex(items.at(b).type);
        if (la != lb)
            return la < lb;
        if (end[a] != end[b])
            return end[a] < end[b];
        const int byId = items.at(a).id.compare(items.at(b).id);
        if (byId != 0)
            return byId < 0;
        return items.at(a).title < items.at(b).title;
    });

    m_items.reserve(n);
    m_startMs.reserve(n);
    m_endMs.reserve(n);
    m_lanePosition.reserve(n);
    m_markBegin.reserve(n + 1);
    m_byId.reserve(n);
    for (int source : std::as_const(order)) {
        const int index = int(m_items.size());
        m_items.append(std::move(items[source]));
        const TimelineItem &item = m_items.last();
        m_startMs.append(start.at(source));
        m_endMs.append(end.at(source));
        m_markBegin.append(int(m_marksMs.size()));
        QList<double> marks;
        marks.reserve(item.marks.size());
        for (const QDateTime &mark : item.marks) {
            if (mark.isValid())
                marks.append(msOf(mark));
        }
        std::sort(marks.begin(), marks.end());
        m_marksMs.append(marks);
        if (!m_byId.contains(item.id))
            m_byId.insert(item.id, index);

        Lane &lane = m_lanes[laneIndex(item.type)];
        m_lanePosition.append(int(lane.startMs.size()));
        lane.startMs.append(start.at(source));
        lane.endMs.append(end.at(source));
        lane.items.append(index);
        lane.maxDurationMs = std::max(lane.maxDurationMs, end.at(source) - start.at(source));
    }
    m_markBegin.append(int(m_marksMs.size()));
    if (n > 0) {
        m_firstMs = m_startMs.first();
        m_lastMs = *std::max_element(m_endMs.cbegin(), m_endMs.cend());
    }
    m_revision = nextRevision();
    return dropped;
}

void TimelineModel::clear()
{
    m_items.clear();
    m_startMs.clear();
    m_endMs.clear();
    m_lanePosition.clear();
    m_markBegin.clear();
    m_marksMs.clear();
    m_byId.clear();
    for (Lane &lane : m_lanes)
        lane = Lane();
    m_firstMs = 0;
    m_lastMs = 0;
    m_revision = nextRevision();
}

std::span<const double> TimelineModel::marksMs(int index) const
{
    const int begin = m_markBegin.at(index);
    const int end = m_markBegin.at(index + 1);
    return std::span<const double>(m_marksMs.constData() + begin, size_t(end - begin));
}

QList<int> TimelineModel::nonEmptyLanes() const
{
    QList<int> lanes;
    for (int i = 0; i < kEventTypeCount; ++i) {
        if (!m_lanes[i].items.isEmpty())
            lanes.append(i);
    }
    return lanes;
}

int TimelineModel::nearestInLane(int lane, double ms) const
{
    const Lane &l = m_lanes.at(lane);
    if (l.items.isEmpty())
        return -1;
    const auto it = std::lower_bound(l.startMs.cbegin(), l.startMs.cend(), ms);
    qsizetype pos = it - l.startMs.cbegin();
    if (pos == l.startMs.size())
        pos = l.startMs.size() - 1;
    else if (pos > 0 && ms - l.startMs.at(pos - 1) <= l.startMs.at(pos) - ms)
        pos = pos - 1;
    return l.items.at(pos);
}

int TimelineModel::firstStartingAtOrAfter(double ms) const
{
    const auto it = std::lower_bound(m_startMs.cbegin(), m_startMs.cend(), ms);
    return it == m_startMs.cend() ? -1 : int(it - m_startMs.cbegin());
}

int TimelineModel::nearest(double ms) const
{
    if (m_items.isEmpty())
        return -1;
    const int after = firstStartingAtOrAfter(ms);
    if (after < 0)
        return count() - 1;
    if (after > 0 && ms - m_startMs.at(after - 1) <= m_startMs.at(after) - ms)
        return after - 1;
    return after;
}

} // namespace mdp::timeline
