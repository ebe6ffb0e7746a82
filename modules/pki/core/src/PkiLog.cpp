#include "PkiLog.h"

Q_LOGGING_CATEGORY(lcPki, "mdp.pki")
