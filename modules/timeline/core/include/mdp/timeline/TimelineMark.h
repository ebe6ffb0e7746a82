#pragma once

#include <QtGlobal>

namespace mdp::timeline {

// What the timeline draws for one or more items of a lane at the current zoom. Positions are
// absolute pixels (ms / msPerPixel), independent of panning, so marks survive a pan unchanged.
struct TimelineMark
{
    enum class Kind : quint8
    {
        Item,    // one instant, or a span too short to draw as a bar
        Cluster, // several items closer than the minimum gap, drawn as a count bubble
        Span,    // a span wide enough to draw as a bar
    };

    Kind kind = Kind::Item;
    double x0 = 0;
    double x1 = 0;
    int first = 0; // lane positions of the first and last member (TimelineModel::positionInLane)
    int last = 0;
    int count = 1; // members; for clusters, wide spans between first and last are not members

    double centerX() const { return 0.5 * (x0 + x1); }
};

// A mark found at a position.
struct TimelineHit
{
    int lane = -1;
    TimelineMark::Kind kind = TimelineMark::Kind::Item;
    int mark = -1; // index into TimelineClustering::points(lane) or spans(lane) (for Kind::Span)
    int item = -1; // model index; the earliest member for clusters
};

} // namespace mdp::timeline
