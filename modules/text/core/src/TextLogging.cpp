#include "TextLogging.h"

namespace mdp::text {
Q_LOGGING_CATEGORY(lcText, "mdp.text")
} // namespace mdp::text
