#include "mdp/registry/Resources.h"

#include <QtGlobal>

#include <mutex>

// Q_INIT_RESOURCE declares the generated initialiser at the enclosing scope, so it must be used
// outside any namespace.
static void initRegistryMigrationsResource()
{
    Q_INIT_RESOURCE(registry_migrations);
}

namespace mdp::registry {

void initResources()
{
    static std::once_flag once;
    std::call_once(once, initRegistryMigrationsResource);
}

} // namespace mdp::registry
