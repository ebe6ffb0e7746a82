#pragma once

#include <QString>
#include <QStringList>

namespace mdp::workspace {

// What the workspace's services allow a signed-in account to do, decided from the roles it holds
// now (R-7.4.2, least privilege). The services check it on every call with the principal of the
// workspace's own session; screens ask the same table only to hide what would be refused.
enum class Permission
{
    ReadAuditTrail,     // audit queries and verification: auditor, system-admin
    ManageKeys,         // key list, rotation: system-admin
    AdministerAccounts, // create, lock, unlock, reset, roles, second-factor reset: system-admin
    SeeIdentity,        // names, resident IDs, contacts (level 4): clinician, data-manager, system-admin
    ReadPatients,       // patients, timelines, records (pseudonymous unless SeeIdentity): the above,
                        // reviewer; researcher and ethics-reviewer reach the Patients page for counts
    WritePatients,      // register, change timelines, attach, merge: clinician, data-manager, system-admin
    ManageReviews,      // every reviewer's tasks, reassignment: data-manager, system-admin
    ManagePolicy,       // classification review, policies put in force: data-manager, system-admin
    RequestClassification // ask for a subject's classification (R-7.1.2 a): clinician, data-manager,
                          // system-admin
};

// Stable identifier for audit details ("read-audit-trail", ...). Never translated.
QString permissionId(Permission permission);
// Whether any of `roleIds` ("clinician", ...) grants `permission`: the default policy's shape, for
// screens deciding before a session (the rail) and for which keys an account's slot holds. For
// ReadPatients and SeeIdentity the services ask the permission engine (mdp_policy) with the session's
// principal and record its decision; a researcher without a grant then gets counts only.
bool rolesAllow(const QStringList &roleIds, Permission permission);

} // namespace mdp::workspace
