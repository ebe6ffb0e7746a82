#pragma once

#include <QLoggingCategory>

namespace mdp::registry {
Q_DECLARE_LOGGING_CATEGORY(lcRegistry)
}
