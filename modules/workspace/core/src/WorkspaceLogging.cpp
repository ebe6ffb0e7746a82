#include "WorkspaceLogging.h"

Q_LOGGING_CATEGORY(lcWorkspace, "mdp.workspace")
