#include "mdp/timeline/TimelineClustering.h"

#include "mdp/timeline/TimelineModel.h"

#include <algorithm>
#include <cmath>

namespace mdp::timeline {

TimelineClustering::TimelineClustering(double minGapPx, double maxClusterWidthPx, double minSpanPx)
    : m_minGapPx(minGapPx)
    , m_maxClusterWidthPx(std::max(minGapPx, maxClusterWidthPx))
    , m_minSpanPx(minSpanPx)
{}

bool TimelineClustering::update(const TimelineModel &model, double msPerPixel)
{
    if (model.revision() == m_revision && msPerPixel == m_msPerPixel)
        return false;
    m_revision = model.revision();
    m_msPerPixel = msPerPixel;
    m_inverse = 1.0 / msPerPixel;
    const double inv = m_inverse;

    for (int lane = 0; lane < kEventTypeCount; ++lane) {
        QList<TimelineMark> &points = m_points[lane];
        QList<TimelineMark> &spans = m_spans[lane];
        // clear() keeps the capacity, so after the first frames no zoom step allocates.
        points.clear();
        spans.clear();
        double maxSpanWidth = 0;
        const TimelineModel::Lane &source = model.lane(lane);
        const double *start = source.startMs.constData();
        const double *end = source.endMs.constData();
        const int n = int(source.startMs.size());

        bool open = false;
        TimelineMark current;
        double lastX = 0;
        for (int i = 0; i < n; ++i) {
            const double x0 = start[i] * inv;
            const double x1 = end[i] * inv;
            if (isWide(start[i], end[i])) {
                spans.append(TimelineMark{TimelineMark::Kind::Span, x0, x1, i, i, 1});
                maxSpanWidth = std::max(maxSpanWidth, x1 - x0);
                continue;
            }
            if (open && x0 - lastX < m_minGapPx && x0 - current.x0 <= m_maxClusterWidthPx) {
                current.kind = TimelineMark::Kind::Cluster;
                current.x1 = x0;
                current.last = i;
                ++current.count;
            } else {
                if (open)
                    points.append(current);
                current = TimelineMark{TimelineMark::Kind::Item, x0, x0, i, i, 1};
                open = true;
            }
            lastX = x0;
        }
        if (open)
            points.append(current);
        m_maxSpanWidth[lane] = maxSpanWidth;
    }
    return true;
}

int TimelineClustering::markCount() const
{
    int total = 0;
    for (int lane = 0; lane < kEventTypeCount; ++lane)
        total += int(m_points[lane].size() + m_spans[lane].size());
    return total;
}

std::pair<int, int> TimelineClustering::visiblePoints(int lane, double x0, double x1) const
{
    const QList<TimelineMark> &points = m_points.at(lane);
    // Points never overlap and come in order, so both their starts and their ends are sorted.
    const auto begin = std::lower_bound(points.cbegin(), points.cend(), x0,
                                        [](const TimelineMark &m, double x) { return m.x1 < x; });
    const auto end =
        std::upper_bound(begin, points.cend(), x1, [](double x, const TimelineMark &m) { return x < m.x0; });
    return {int(begin - points.cbegin()), int(end - points.cbegin())};
}

std::pair<int, int> TimelineClustering::visibleSpans(int lane, double x0, double x1) const
{
    const QList<TimelineMark> &spans = m_spans.at(lane);
    // Spans may overlap; none is wider than the widest, which bounds how early a visible one can start.
    const double from = x0 - m_maxSpanWidth.at(lane);
    const auto begin = std::lower_bound(spans.cbegin(), spans.cend(), from,
                                        [](const TimelineMark &m, double x) { return m.x0 < x; });
    const auto end =
        std::upper_bound(begin, spans.cend(), x1, [](double x, const TimelineMark &m) { return x < m.x0; });
    return {int(begin - spans.cbegin()), int(end - spans.cbegin())};
}

std::optional<TimelineHit> TimelineClustering::hitTest(const TimelineModel &model, int lane, double absX,
                                                       double tolerancePx) const
{
    if (lane < 0 || lane >= kEventTypeCount)
        return std::nullopt;
    const TimelineModel::Lane &source = model.lane(lane);
    auto distance = [absX](const TimelineMark &m) {
        if (absX < m.x0)
            return m.x0 - absX;
        if (absX > m.x1)
            return absX - m.x1;
        return 0.0;
    };

    std::optional<TimelineHit> best;
    double bestDistance = tolerancePx;
    const auto [pb, pe] = visiblePoints(lane, absX - tolerancePx, absX + tolerancePx);
    for (int i = pb; i < pe; ++i) {
        const TimelineMark &m = m_points[lane].at(i);
        const double d = distance(m);
        if (d <= bestDistance) {
            bestDistance = d;
            best = TimelineHit{lane, m.kind, i, source.items.at(m.first)};
        }
    }
    if (best)
        return best;

    double bestWidth = 0;
    const auto [sb, se] = visibleSpans(lane, absX - tolerancePx, absX + tolerancePx);
    for (int i = sb; i < se; ++i) {
        const TimelineMark &m = m_spans[lane].at(i);
        if (distance(m) > tolerancePx)
            continue;
        // Among overlapping spans the shortest is the one the pointer most likely aims at.
        const double width = m.x1 - m.x0;
        if (!best || width < bestWidth) {
            bestWidth = width;
            best = TimelineHit{lane, m.kind, i, source.items.at(m.first)};
        }
    }
    return best;
}

std::optional<TimelineHit> TimelineClustering::markOf(const TimelineModel &model, int index) const
{
    if (index < 0 || index >= model.count())
        return std::nullopt;
    const int lane = model.laneOf(index);
    const int pos = model.positionInLane(index);
    const TimelineModel::Lane &source = model.lane(lane);
    const bool wide = isWide(source.startMs.at(pos), source.endMs.at(pos));
    const QList<TimelineMark> &marks = wide ? m_spans.at(lane) : m_points.at(lane);
    auto it = std::upper_bound(marks.cbegin(), marks.cend(), pos,
                               [](int p, const TimelineMark &m) { return p < m.first; });
    if (it == marks.cbegin())
        return std::nullopt;
    --it;
    if (pos > it->last)
        return std::nullopt;
    const TimelineMark &m = *it;
    return TimelineHit{lane, m.kind, int(it - marks.cbegin()), source.items.at(m.first)};
}

QList<int> TimelineClustering::members(const TimelineModel &model, const TimelineHit &hit) const
{
    QList<int> result;
    if (hit.lane < 0 || hit.lane >= kEventTypeCount)
        return result;
    const bool span = hit.kind == TimelineMark::Kind::Span;
    const QList<TimelineMark> &marks = span ? m_spans.at(hit.lane) : m_points.at(hit.lane);
    if (hit.mark < 0 || hit.mark >= marks.size())
        return result;
    const TimelineMark &m = marks.at(hit.mark);
    const TimelineModel::Lane &source = model.lane(hit.lane);
    result.reserve(m.count);
    for (int pos = m.first; pos <= m.last; ++pos) {
        if (!span && isWide(source.startMs.at(pos), source.endMs.at(pos)))
            continue;
        result.append(source.items.at(pos));
    }
    return result;
}

} // namespace mdp::timeline
