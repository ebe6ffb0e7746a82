#pragma once

#include "mdp/accounts/Role.h"

#include <QList>
#include <QString>

namespace mdp::accounts {

// The synthetic staff of the demo's synthetic breast-cancer research group, one account per role,
// with their published throw-away passwords: the same on the demo workspace and the demo server
// (mdp-grantd --demo), so one demo account signs in on both.
struct DemoPerson
{
    Role role;
    QString userName;
    QString displayName;
    QString password; // "Demo-<role id>-2026!"
};

QList<DemoPerson> demoStaff();

} // namespace mdp::accounts
