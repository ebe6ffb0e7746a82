#include "CohortLogging.h"

namespace mdp::cohort {
Q_LOGGING_CATEGORY(lcCohort, "mdp.cohort")
}
