#include "StartupLogging.h"

Q_LOGGING_CATEGORY(lcStartup, "mdp.startup")
