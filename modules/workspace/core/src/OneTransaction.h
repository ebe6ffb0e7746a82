#pragma once

#include "AuditOutbox.h"

#include "mdp/foundation/Result.h"
#include "mdp/store/Database.h"

#include <optional>
#include <utility>

namespace mdp::workspace {

// Runs one call of a domain store inside a transaction of its own. The stores report a change to
// their audit sink after their own transaction, which becomes a savepoint here, so the event is
// written into the audit outbox while this transaction is still open and commits with the change,
// or not at all. The transaction commits whatever the call answers: a refused call has undone its
// own savepoint and leaves only the event of the refusal, which must be kept. It is rolled back when
// an event could not be put into the outbox: no change without its event. A call made while a
// transaction is already open (Workspace::runBatch) joins it.
template<typename Call> auto inOneTransaction(AuditOutbox &outbox, Call &&call) -> decltype(call())
{
    using Outcome = decltype(call());
    store::Database &db = outbox.database();
    if (db.inTransaction())
        return call();
    std::optional<Outcome> outcome;
    (void)outbox.takeUnrecorded();
    auto committed = db.transaction([&]() -> Result<void> {
        outcome.emplace(call());
        if (auto unrecorded = outbox.takeUnrecorded())
            return *unrecorded;
        return {};
    });
    // Not begun (another writer holds the database beyond the busy timeout) or not committed: the
    // change and its event are both gone, so the caller learns that and nothing else.
    if (!committed)
        return committed.error();
    return std::move(*outcome);
}

} // namespace mdp::workspace
