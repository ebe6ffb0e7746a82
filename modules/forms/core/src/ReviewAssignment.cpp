#include "mdp/forms/ReviewAssignment.h"

#include <algorithm>

namespace mdp::forms {

namespace {

// An empty list covers everything; otherwise the value must be listed. An empty value (a record in
// the site's default project, or without a category) is covered only by "any".
bool covers(const QStringList &list, const QString &value)
{
    return list.isEmpty() || (!value.isEmpty() && list.contains(value));
}

} // namespace

std::optional<QString> chooseReviewer(const QList<ReviewerProfile> &profiles, const QString &category,
                                      const QString &project, const QString &submitterId,
                                      const QStringList &exclude)
{
    const ReviewerProfile *best = nullptr;
    for (const ReviewerProfile &p : profiles) {
        if (!p.active || p.accountId.isEmpty())
            continue;
        if (p.accountId == submitterId || exclude.contains(p.accountId))
            continue;
        if (!covers(p.categories, category) || !covers(p.projects, project))
            continue;
        if (!best || p.openTasks < best->openTasks ||
            (p.openTasks == best->openTasks && p.accountId < best->accountId))
            best = &p;
    }
    if (!best)
        return std::nullopt;
    return best->accountId;
}

} // namespace mdp::forms
