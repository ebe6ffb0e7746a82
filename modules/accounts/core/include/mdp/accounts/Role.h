#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace mdp::accounts {

// What an account may do. Researchers and ethics reviewers see de-identified data only; every other
// role reaches level-4 (identified) data and therefore needs a second factor.
enum class Role
{
    Clinician,
    Reviewer,
    Researcher,
    EthicsReviewer,
    DataManager,
    Auditor,
    SystemAdmin,
};

// Every role, in declaration order.
QList<Role> allRoles();

// Stable identifier stored in databases and audit records: "clinician", "reviewer", "researcher",
// "ethics-reviewer", "data-manager", "auditor", "system-admin". Never translated.
QString roleId(Role role);
std::optional<Role> roleFromId(QStringView id);

// Name shown to people, translated through the "mdp::accounts::Role" context.
QString roleDisplayName(Role role);

// True for roles that reach level-4 data: clinician, reviewer, data-manager, auditor, system-admin.
bool requiresSecondFactor(Role role);
bool requiresSecondFactor(const QList<Role> &roles);

// Comma-separated ids, for audit details and logs ("clinician,reviewer").
QString roleIdList(const QList<Role> &roles);

} // namespace mdp::accounts
