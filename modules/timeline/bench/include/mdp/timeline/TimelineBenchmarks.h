#pragma once

#include "mdp/foundation/BenchLine.h"
#include "mdp/timeline/TimelineItem.h"

#include <QList>

namespace mdp::timeline::ui {

// Frame time of the timeline with `events` events, painted offscreen into a QImage through the
// same renderer the widget uses, over several zoom levels with pans and a zoom sweep: mean and
// p95 in ms (goal <= 16 ms), each against a naive painter in the same run (every event as a plain
// rectangle, no culling, no clustering); plus the time of one clustering pass against sorting the
// same start times. Needs a QGuiApplication (the offscreen platform is enough); returns nothing
// without one.
QList<BenchLine> runTimelineBenchmarks(int events = 10000);

// A deterministic synthetic history of `events` events over about ten years in every lane: dense
// labs and imaging during treatment, radiotherapy courses with fractions, therapy cycles, follow-ups.
QList<TimelineItem> syntheticTimelineItems(int events, quint32 seed);

} // namespace mdp::timeline::ui
