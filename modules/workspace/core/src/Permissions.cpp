#include "mdp/workspace/Permissions.h"

#include <initializer_list>

namespace mdp::workspace {

namespace {

bool holdsAny(const QStringList &roleIds, std::initializer_list<QStringView> roles)
{
    for (const QStringView role : roles) {
        if (roleIds.contains(role))
            return true;
    }
    return false;
}

} // namespace

QString permissionId(Permission permission)
{
    switch (permission) {
    case Permission::ReadAuditTrail:
        return QStringLiteral("read-audit-trail");
    case Permission::ManageKeys:
        return QStringLiteral("manage-keys");
    case Permission::AdministerAccounts:
        return QStringLiteral("administer-accounts");
    case Permission::SeeIdentity:
        return QStringLiteral("see-identity");
    case Permission::ReadPatients:
        return QStringLiteral("read-patients");
    case Permission::WritePatients:
        return QStringLiteral("write-patients");
    case Permission::ManageReviews:
        return QStringLiteral("manage-reviews");
    case Permission::ManagePolicy:
        return QStringLiteral("manage-policy");
    case Permission::RequestClassification:
        return QStringLiteral("request-classification");
    }
    return {};
}

bool rolesAllow(const QStringList &roleIds, Permission permission)
{
    switch (permission) {
    case Permission::ReadAuditTrail:
        return holdsAny(roleIds, {u"auditor", u"system-admin"});
    case Permission::ManageKeys:
    case Permission::AdministerAccounts:
        return holdsAny(roleIds, {u"system-admin"});
    case Permission::SeeIdentity:
        return holdsAny(roleIds, {u"clinician", u"data-manager", u"system-admin"});
    case Permission::ReadPatients:
        return rolesAllow(roleIds, Permission::SeeIdentity) ||
               holdsAny(roleIds, {u"reviewer", u"researcher", u"ethics-reviewer"});
    case Permission::WritePatients:
        return holdsAny(roleIds, {u"clinician", u"data-manager", u"system-admin"});
    case Permission::ManageReviews:
    case Permission::ManagePolicy:
        return holdsAny(roleIds, {u"data-manager", u"system-admin"});
    case Permission::RequestClassification:
        return holdsAny(roleIds, {u"clinician", u"data-manager", u"system-admin"});
    }
    return false;
}

} // namespace mdp::workspace
