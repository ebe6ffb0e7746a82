#include "mdp/registry/ui/PatientAccess.h"

#include "mdp/workspace/Permissions.h"

namespace mdp::registry::ui {

bool PatientAccess::showsIdentity(const QStringList &roleIds)
{
    return workspace::rolesAllow(roleIds, workspace::Permission::SeeIdentity);
}

bool PatientAccess::mayEdit(const QStringList &roleIds)
{
    return workspace::rolesAllow(roleIds, workspace::Permission::WritePatients);
}

bool PatientAccess::seesPatients(const QStringList &roleIds)
{
    return workspace::rolesAllow(roleIds, workspace::Permission::ReadPatients);
}

} // namespace mdp::registry::ui
