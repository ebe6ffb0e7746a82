#pragma once

#include "mdp/timeline/EventType.h"
#include "mdp/timeline/TimelineItem.h"

#include <QHash>
#include <QList>

#include <array>
#include <span>

namespace mdp::timeline {

// The sorted index behind a timeline: items in chronological order (start, then lane, then id),
// and per lane the start and end times in flat arrays for binary search and clustering. Built once
// per setItems() in O(n log n); every query afterwards is a lookup or a binary search.
class TimelineModel
{
public:
    struct Lane
    {
        QList<double> startMs; // ascending
        QList<double> endMs;   // == start for instants
        QList<int> items;      // model index of each entry
        double maxDurationMs = 0;
    };

    // Replaces the items. Items without a valid start are left out; returns how many.
    int setItems(QList<TimelineItem> items);
    void clear();

    int count() const { return int(m_items.size()); }
    bool isEmpty() const { return m_items.isEmpty(); }
    const QList<TimelineItem> &items() const { return m_items; }
    const TimelineItem &item(int index) const { return m_items.at(index); }
    int indexOf(const QString &id) const { return m_byId.value(id, -1); }

    // Where the item sits on the axis: its start, except that an instant given as a bare date
    // (midnight UTC) sits at noon of that day.
    double startMs(int index) const { return m_startMs.at(index); }
    double endMs(int index) const { return m_endMs.at(index); }
    bool isSpan(int index) const { return m_endMs.at(index) > m_startMs.at(index); }
    std::span<const double> marksMs(int index) const;

    const Lane &lane(int laneIndex) const { return m_lanes.at(laneIndex); }
    const Lane &lane(EventType type) const { return m_lanes.at(laneIndex(type)); }
    int laneOf(int index) const { return laneIndex(m_items.at(index).type); }
    // Where item `index` sits in its lane's arrays.
    int positionInLane(int index) const { return m_lanePosition.at(index); }
    QList<int> nonEmptyLanes() const;

    // Earliest start and latest end over all items (0 when empty).
    double firstMs() const { return m_firstMs; }
    double lastMs() const { return m_lastMs; }

    // The item of `laneIndex` whose start is closest to `ms` (the earlier one on a tie), or -1.
    int nearestInLane(int laneIndex, double ms) const;
    // The first item (chronological order) starting at or after `ms`, or -1.
    int firstStartingAtOrAfter(double ms) const;
    // The item whose start is closest to `ms`, or -1.
    int nearest(double ms) const;

    // Changes whenever the items change; caches compare it.
    quint64 revision() const { return m_revision; }

private:
    QList<TimelineItem> m_items;
    QList<double> m_startMs;
    QList<double> m_endMs;
    QList<int> m_lanePosition;
    QList<int> m_markBegin; // m_items.size() + 1 offsets into m_marksMs
    QList<double> m_marksMs;
    QHash<QString, int> m_byId;
    std::array<Lane, kEventTypeCount> m_lanes;
    double m_firstMs = 0;
    double m_lastMs = 0;
    quint64 m_revision = 0;
};

} // namespace mdp::timeline
