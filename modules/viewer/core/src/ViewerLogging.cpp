#include "ViewerLogging.h"

namespace mdp::viewer {
Q_LOGGING_CATEGORY(lcViewer, "mdp.viewer")
} // namespace mdp::viewer
