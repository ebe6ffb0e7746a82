#pragma once

#include <QStringList>

namespace mdp::forms::ui {

// Which roles the forms screens are shown to. Showing is a convenience: the form store checks the
// acting account's role and relation to the record on every write.
class FormsAccess
{
public:
    // R-6.2.4a: reviewers work their inbox; data managers watch every open task.
    static bool seesReviewInbox(const QStringList &roleIds);
    // Data managers see every open review task and may reassign and escalate.
    static bool managesReviews(const QStringList &roleIds);
    // Definitions decide what reaches the database: those who run the data and the system.
    static bool designsForms(const QStringList &roleIds);
};

} // namespace mdp::forms::ui
