#include "mdp/accounts/Account.h"

namespace mdp::accounts {

bool Account::requiresSecondFactor() const
{
    return totpEnrolled || accounts::requiresSecondFactor(roles);
}

bool Account::isLockedAt(const QDateTime &now) const
{
    return locked || (lockedUntil.isValid() && lockedUntil > now);
}

} // namespace mdp::accounts
