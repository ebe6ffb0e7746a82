#pragma once

#include <QLoggingCategory>

namespace mdp::store {
Q_DECLARE_LOGGING_CATEGORY(lcStore)
} // namespace mdp::store
