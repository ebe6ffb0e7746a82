#include "StoreLogging.h"

namespace mdp::store {
Q_LOGGING_CATEGORY(lcStore, "mdp.store")
} // namespace mdp::store
