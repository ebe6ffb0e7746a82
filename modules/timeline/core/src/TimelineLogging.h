#pragma once

#include <QLoggingCategory>

namespace mdp::timeline {
Q_DECLARE_LOGGING_CATEGORY(lcTimeline)
} // namespace mdp::timeline
