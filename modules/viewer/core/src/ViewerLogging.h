#pragma once

#include <QLoggingCategory>

namespace mdp::viewer {
Q_DECLARE_LOGGING_CATEGORY(lcViewer)
} // namespace mdp::viewer
