#include "mdp/forms/ui/FormsAccess.h"

#include "mdp/workspace/Permissions.h"

namespace mdp::forms::ui {

bool FormsAccess::seesReviewInbox(const QStringList &roleIds)
{
    return roleIds.contains(QStringLiteral("reviewer")) || roleIds.contains(QStringLiteral("data-manager"));
}

bool FormsAccess::managesReviews(const QStringList &roleIds)
{
    return workspace::rolesAllow(roleIds, workspace::Permission::ManageReviews);
}

bool FormsAccess::designsForms(const QStringList &roleIds)
{
    return roleIds.contains(QStringLiteral("data-manager")) ||
           roleIds.contains(QStringLiteral("system-admin"));
}

} // namespace mdp::forms::ui
