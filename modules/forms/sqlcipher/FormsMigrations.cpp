#include "FormsMigrations.h"

#include <QtGlobal>

#include <mutex>

// Q_INIT_RESOURCE declares the generated initialiser at the enclosing scope, so it must be used
// outside any namespace.
static void initFormsMigrationsResource()
{
    Q_INIT_RESOURCE(forms_migrations);
}

namespace mdp::forms {

void initFormsMigrations()
{
    static std::once_flag once;
    std::call_once(once, initFormsMigrationsResource);
}

} // namespace mdp::forms
