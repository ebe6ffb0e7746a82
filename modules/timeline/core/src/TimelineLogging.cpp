#include "TimelineLogging.h"

namespace mdp::timeline {
Q_LOGGING_CATEGORY(lcTimeline, "mdp.timeline")
} // namespace mdp::timeline
