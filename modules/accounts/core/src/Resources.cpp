#include "mdp/accounts/Resources.h"

#include <QtGlobal>

#include <mutex>

// Q_INIT_RESOURCE declares the generated initialiser at the enclosing scope, so it must be used
// outside any namespace.
static void initAccountsMigrationsResource()
{
    Q_INIT_RESOURCE(accounts_migrations);
}

namespace mdp::accounts {

void initResources()
{
    static std::once_flag once;
    std::call_once(once, initAccountsMigrationsResource);
}

} // namespace mdp::accounts
