#include "AccountLookups.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/foundation/Clock.h"

#include <QUuid>

namespace mdp::workspace {

QStringList currentRolesOf(accounts::AccountDirectory &accounts, const Clock &clock, const QString &accountId)
{
    const QUuid id = QUuid::fromString(accountId);
    if (id.isNull())
        return {};
    auto account = accounts.findById(id);
    if (!account || !account.value() || account.value()->isLockedAt(clock.now()))
        return {};
    QStringList roles;
    for (const auto role : account.value()->roles)
        roles << accounts::roleId(role);
    return roles;
}

QStringList unlockedDataManagerIds(accounts::AccountDirectory &accounts, const Clock &clock)
{
    QStringList ids;
    auto all = accounts.list();
    if (!all)
        return ids;
    const QDateTime now = clock.now();
    for (const auto &a : all.value()) {
        if (a.hasRole(accounts::Role::DataManager) && !a.isLockedAt(now))
            ids << a.idString();
    }
    return ids;
}

} // namespace mdp::workspace
