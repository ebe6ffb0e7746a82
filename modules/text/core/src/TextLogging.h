#pragma once

#include <QLoggingCategory>

namespace mdp::text {
Q_DECLARE_LOGGING_CATEGORY(lcText)
} // namespace mdp::text
