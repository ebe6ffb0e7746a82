#pragma once

#include <QLoggingCategory>

namespace mdp::cohort {
Q_DECLARE_LOGGING_CATEGORY(lcCohort)
}
