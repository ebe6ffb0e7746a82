#pragma once

#include "mdp/timeline/EventType.h"
#include "mdp/timeline/TimelineMark.h"

#include <QList>

#include <array>
#include <optional>
#include <utility>

namespace mdp::timeline {

class TimelineModel;

// Turns a model into marks at one zoom: per lane, spans wide enough become bars, everything else
// is a point, and points closer than minGapPx chain into a cluster (capped at maxClusterWidthPx so
// a dense year still shows as several bubbles). One linear pass over the model's sorted lanes, rerun
// only when the zoom or the items change; panning reuses the result since positions are absolute.
// Deterministic: the same items and zoom give the same marks whatever order the items came in.
class TimelineClustering
{
public:
    static constexpr double kDefaultMinGapPx = 16;
    static constexpr double kDefaultMaxClusterWidthPx = 120;
    static constexpr double kDefaultMinSpanPx = 12;

    explicit TimelineClustering(double minGapPx = kDefaultMinGapPx,
                                double maxClusterWidthPx = kDefaultMaxClusterWidthPx,
                                double minSpanPx = kDefaultMinSpanPx);

    // Recomputes when `model` or `msPerPixel` differ from the last call; returns whether it did.
    bool update(const TimelineModel &model, double msPerPixel);
    void invalidate() { m_revision = ~quint64(0); }

    double minGapPx() const { return m_minGapPx; }
    double msPerPixel() const { return m_msPerPixel; }

    const QList<TimelineMark> &points(int lane) const { return m_points.at(lane); }
    const QList<TimelineMark> &spans(int lane) const { return m_spans.at(lane); }
    int markCount() const;

    // [begin, end) of the points, resp. spans, of `lane` that reach into [x0, x1] (absolute px).
    std::pair<int, int> visiblePoints(int lane, double x0, double x1) const;
    std::pair<int, int> visibleSpans(int lane, double x0, double x1) const;

    // The mark of `lane` at absolute x within `tolerancePx`: points (drawn on top) before spans,
    // the nearest one first.
    std::optional<TimelineHit> hitTest(const TimelineModel &model, int lane, double absX,
                                       double tolerancePx) const;
    // The mark that shows model item `index` at this zoom.
    std::optional<TimelineHit> markOf(const TimelineModel &model, int index) const;
    // Model indices of the members of a mark, in time order.
    QList<int> members(const TimelineModel &model, const TimelineHit &hit) const;

private:
    bool isWide(double startMs, double endMs) const { return (endMs - startMs) * m_inverse >= m_minSpanPx; }

    double m_minGapPx;
    double m_maxClusterWidthPx;
    double m_minSpanPx;
    double m_msPerPixel = 0;
    double m_inverse = 0;
    quint64 m_revision = ~quint64(0);
    std::array<QList<TimelineMark>, kEventTypeCount> m_points;
    std::array<QList<TimelineMark>, kEventTypeCount> m_spans;
    std::array<double, kEventTypeCount> m_maxSpanWidth{};
};

} // namespace mdp::timeline
