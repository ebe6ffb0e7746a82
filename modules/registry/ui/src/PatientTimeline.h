#pragma once

#include "mdp/registry/TimelineEvent.h"
#include "mdp/timeline/TimelineItem.h"

#include <QList>
#include <QString>

namespace mdp::registry::ui {

// Copies a patient's registry events into what the timeline view draws: one lane per kind of event,
// radiotherapy fractions as ticks inside the course they belong to, toxicity coloured by CTCAE grade.
class PatientTimeline
{
public:
    static QList<timeline::TimelineItem> items(const QList<registry::TimelineEvent> &events);
    static timeline::EventType lane(registry::EventType type);
    // CTCAE grade of a toxicity (payload "grade"), or "serious" for any event.
    static timeline::Severity severity(const registry::TimelineEvent &event);
    static QDateTime toDateTime(const registry::EventTime &time);
    // The latest current diagnosis event's title ("Breast cancer cT2N1M0, TNBC"); empty when none.
    static QString diagnosisSummary(const QList<registry::TimelineEvent> &events);
};

} // namespace mdp::registry::ui
