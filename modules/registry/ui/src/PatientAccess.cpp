#include "mdp/registry/ui/PatientAccess.h"

namespace mdp::registry::ui {

namespace {
bool holdsAny(const QStringList &roleIds, std::initializer_list<const char *> roles)
{
    for (const char *role : roles) {
        if (roleIds.contains(QLatin1String(role)))
            return true;
    }
    return false;
}
} // namespace

bool PatientAccess::showsIdentity(const QStringList &roleIds)
{
    return holdsAny(roleIds, {"clinician", "reviewer", "data-manager", "system-admin"});
}

bool PatientAccess::mayEdit(const QStringList &roleIds)
{
    return holdsAny(roleIds, {"clinician", "data-manager", "system-admin"});
}

bool PatientAccess::seesPatients(const QStringList &roleIds)
{
    return showsIdentity(roleIds) || holdsAny(roleIds, {"researcher", "ethics-reviewer"});
}

} // namespace mdp::registry::ui
