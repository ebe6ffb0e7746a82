#include "AuditLogging.h"

namespace mdp::audit {
Q_LOGGING_CATEGORY(lcAudit, "mdp.audit")
} // namespace mdp::audit
