#pragma once

#include "mdp/foundation/Result.h"

#include <memory>

namespace mdp::store {
class Database;
}
namespace mdp::forms {
class FormStore;
}

namespace mdp::workspace {

// A second connection to an unlocked workspace's encrypted database (same key; WAL lets it read
// and write beside the first), for one background thread: the Workspace object itself is not
// thread-safe and belongs to the thread that opened it. Its changes are audited like the
// workspace's own (same audit log, same outbox rules, the system as actor) and anchored in the same
// commit counter. Not thread-safe itself: use it from one thread at a time. Must be destroyed before
// the workspace it came from (Workspace::openConnection).
class WorkspaceConnection
{
public:
    virtual ~WorkspaceConnection() = default;

    virtual store::Database &database() = 0;
    // The review workflow on this connection: escalation, notices and their e-mail queue.
    virtual forms::FormStore &forms() = 0;
};

} // namespace mdp::workspace
