#pragma once

#include <QString>

namespace mdp::registry {

// A data manager's explicit decision to merge two records although their verified resident IDs
// differ (which normally says they are two people), with the reason. Recorded in the merge's
// lineage and its audit event.
struct MergeOverride
{
    QString reason;
};

} // namespace mdp::registry
