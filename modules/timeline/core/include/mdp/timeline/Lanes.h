#pragma once

#include "mdp/timeline/LaneDefinition.h"
#include "mdp/timeline/TimelineItem.h"

#include <QList>
#include <QStringView>

#include <optional>

namespace mdp::timeline {

// The standard lanes, one per event type, in display order.
class Lanes
{
public:
    static const QList<LaneDefinition> &standard();
    static const LaneDefinition &definition(EventType type);
    static QString key(EventType type);
    static std::optional<EventType> fromKey(QStringView key);
    // The label in the installed interface language.
    static QString label(EventType type);
    static quint32 colour(EventType type);
    // The colour a marker takes: its severity's colour for toxicity or serious events, the lane's otherwise.
    static quint32 markerColour(EventType type, Severity severity);
};

} // namespace mdp::timeline
