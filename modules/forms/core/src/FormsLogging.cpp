#include "FormsLogging.h"

namespace mdp::forms {
Q_LOGGING_CATEGORY(lcForms, "mdp.forms")
}
