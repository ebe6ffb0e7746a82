#pragma once

#include "mdp/audit/AuditEvent.h"

namespace mdp::audit {

// An event as stored: its position in the log and its content.
struct AuditRecord
{
    qint64 sequence = -1;
    AuditEvent event;
};

} // namespace mdp::audit
