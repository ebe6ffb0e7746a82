#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mdp::forms {

// Who may review what (R-6.2.3a). An empty list means "any".
struct ReviewerProfile
{
    QString accountId;
    QStringList categories;
    QStringList projects;
    QString email;      // notices by e-mail when set (R-6.2.3b)
    bool active = true; // away reviewers are skipped
    int openTasks = 0;  // filled by the store when choosing
    bool operator==(const ReviewerProfile &) const = default;
};

// Picks the reviewer for a record: active profiles whose categories and projects cover the
// record's, never the submitter (nor anyone in `exclude`, e.g. the reviewer being replaced), the
// fewest open tasks first, ties broken by account id so the choice is reproducible. An empty
// `category` or `project` (the site's default project) is covered only by profiles that list none.
std::optional<QString> chooseReviewer(const QList<ReviewerProfile> &profiles, const QString &category,
                                      const QString &project, const QString &submitterId,
                                      const QStringList &exclude = {});

} // namespace mdp::forms
