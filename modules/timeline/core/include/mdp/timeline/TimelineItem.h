#pragma once

#include "mdp/timeline/EventType.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace mdp::timeline {

// How serious an event is; toxicity markers take their colour from it (CTCAE grade 1 = Mild ...
// grade 4-5 = Critical), other lanes only emphasise Severe and Critical.
enum class Severity : quint8
{
    None,
    Mild,
    Moderate,
    Severe,
    Critical,
};

// One event as the timeline shows it: a value copied out of the registry, with no link back.
// Times are calendar times held as UTC QDateTimes (a clinic date is QDateTime(date, {}, Qt::UTC)),
// so ticks and labels fall on the dates the clinic wrote down, whatever the machine's time zone.
struct TimelineItem
{
    QString id; // opaque to the timeline; handed back in eventActivated()
    EventType type = EventType::FirstVisit;
    QDateTime start;
    std::optional<QDateTime> end; // set for spans (a radiotherapy course); unset for instants
    QString title;
    Severity severity = Severity::None;
    bool hasAttachments = false;
    QList<QDateTime> marks; // instants inside a span, drawn as ticks (radiotherapy fractions)

    bool isSpan() const { return end.has_value() && end->isValid() && *end > start; }
};

} // namespace mdp::timeline
