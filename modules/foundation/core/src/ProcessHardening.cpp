#include "mdp/foundation/ProcessHardening.h"

#include <sys/resource.h>

namespace mdp {

bool disableCoreDumps()
{
    // Soft and hard limit both: the process cannot raise it again later. PR_SET_DUMPABLE is left as
    // it is: it also changes /proc ownership, which the web engine's sandbox relies on.
    const rlimit none{0, 0};
    return ::setrlimit(RLIMIT_CORE, &none) == 0;
}

bool coreDumpsAllowed()
{
    rlimit current{};
    if (::getrlimit(RLIMIT_CORE, &current) != 0)
        return true;
    return current.rlim_cur != 0 || current.rlim_max != 0;
}

} // namespace mdp
