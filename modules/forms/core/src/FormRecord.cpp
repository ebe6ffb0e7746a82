#include "mdp/forms/FormRecord.h"

namespace mdp::forms {

QString notificationKindId(Notification::Kind kind)
{
    switch (kind) {
    case Notification::Kind::ReviewAssigned:
        return QStringLiteral("review-assigned");
    case Notification::Kind::ReviewReassigned:
        return QStringLiteral("review-reassigned");
    case Notification::Kind::ReviewOverdue:
        return QStringLiteral("review-overdue");
    case Notification::Kind::RecordApproved:
        return QStringLiteral("record-approved");
    case Notification::Kind::RecordRejected:
        return QStringLiteral("record-rejected");
    case Notification::Kind::GrantExpiring:
        return QStringLiteral("grant-expiring");
    case Notification::Kind::SecurityAlert:
        return QStringLiteral("security-alert");
    }
    return {};
}

} // namespace mdp::forms
