#pragma once

#include <QString>
#include <QStringList>

namespace mdp {
class Clock;
}
namespace mdp::accounts {
class AccountDirectory;
}

namespace mdp::workspace {

// Role ids an account holds now; none for unknown or locked accounts, so a locked reviewer is
// neither chosen nor able to act.
QStringList currentRolesOf(accounts::AccountDirectory &accounts, const Clock &clock,
                           const QString &accountId);
// Unlocked data managers: they are told about overdue reviews (R-6.2.3c).
QStringList unlockedDataManagerIds(accounts::AccountDirectory &accounts, const Clock &clock);

} // namespace mdp::workspace
