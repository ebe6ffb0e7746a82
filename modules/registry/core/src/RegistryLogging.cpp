#include "RegistryLogging.h"

namespace mdp::registry {
Q_LOGGING_CATEGORY(lcRegistry, "mdp.registry")
}
