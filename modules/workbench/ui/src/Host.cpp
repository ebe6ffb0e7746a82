#include "mdp/workbench/Host.h"

#include "mdp/workbench/SessionContext.h"

namespace mdp::workbench {

QStringList Host::roles() const
{
    return const_cast<Host *>(this)->context().roles();
}

} // namespace mdp::workbench
