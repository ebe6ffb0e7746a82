#pragma once

#include "mdp/timeline/EventType.h"

#include <QString>

namespace mdp::timeline {

// What a lane looks like: a stable key for settings and tests, the untranslated label (translated
// at display time in the context "mdp::timeline::Lanes") and a colour as 0xRRGGBB, since the core
// does not link Qt Gui.
struct LaneDefinition
{
    EventType type = EventType::FirstVisit;
    QString key;
    const char *sourceLabel = "";
    quint32 rgb = 0;
};

} // namespace mdp::timeline
