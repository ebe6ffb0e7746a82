#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/registry/MergeRecord.h"

#include <QJsonValue>
#include <QString>

namespace mdp::registry {

// Records another module files under a patient (form records) that must follow a merge: the
// registry calls each follower inside its merge and unmerge transaction, on the same database, so
// what the follower moves commits or rolls back with the merge itself (R-6.1.1d).
class MergeFollower
{
public:
    virtual ~MergeFollower() = default;

    // What a follower moved: kept in the merge's lineage and handed back on unmerge.
    struct Moved
    {
        QJsonValue lineage;
        int count = 0;
    };

    // Stable key of the follower in the lineage and the audit detail ("form_records").
    virtual QString name() const = 0;
    // Moves the merged patient's records to the survivor (ids and pseudonyms are filled in).
    virtual Result<Moved> followMerge(const MergeRecord &merge) = 0;
    // Puts back exactly what followMerge() moved; `lineage` is what it returned then.
    virtual Result<void> followUnmerge(const MergeRecord &merge, const QJsonValue &lineage) = 0;
};

} // namespace mdp::registry
