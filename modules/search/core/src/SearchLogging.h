#pragma once

#include <QLoggingCategory>

namespace mdp::search {
Q_DECLARE_LOGGING_CATEGORY(lcSearch)
} // namespace mdp::search
