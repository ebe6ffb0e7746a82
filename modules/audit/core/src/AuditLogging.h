#pragma once

#include <QLoggingCategory>

namespace mdp::audit {
Q_DECLARE_LOGGING_CATEGORY(lcAudit)
} // namespace mdp::audit
