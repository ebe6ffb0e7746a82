#include "SearchLogging.h"

namespace mdp::search {
Q_LOGGING_CATEGORY(lcSearch, "mdp.search")
} // namespace mdp::search
