#include "mdp/forms/ui/NotificationText.h"

namespace mdp::forms::ui {

using Kind = forms::Notification::Kind;

QString NotificationText::kindText(Kind kind)
{
    switch (kind) {
    case Kind::ReviewAssigned:
        return tr("Review assigned");
    case Kind::ReviewReassigned:
        return tr("Review reassigned");
    case Kind::ReviewOverdue:
        return tr("Review overdue");
    case Kind::RecordApproved:
        return tr("Record approved");
    case Kind::RecordRejected:
        return tr("Record rejected");
    case Kind::GrantExpiring:
        return tr("Access grant ending");
    }
    return {};
}

QString NotificationText::subject(const forms::Notification &notice, const QString &formTitle)
{
    if (notice.kind == Kind::GrantExpiring)
        return tr("Request %1").arg(notice.formId);
    const QString form = formTitle.isEmpty() ? notice.formId : formTitle;
    if (notice.patientPseudonym.isEmpty())
        return form;
    return tr("%1 · %2").arg(notice.patientPseudonym, form);
}

QString NotificationText::detail(const forms::Notification &notice)
{
    switch (notice.kind) {
    case Kind::ReviewAssigned:
        return tr("A submitted record waits for your review.");
    case Kind::ReviewReassigned:
        return notice.reason.isEmpty() ? tr("A review task was moved.")
                                       : tr("A review task was moved: %1").arg(notice.reason);
    case Kind::ReviewOverdue:
        return tr("The review period has passed; the data managers were told.");
    case Kind::RecordApproved:
        return notice.reason.isEmpty() ? tr("Your record was approved and is now a formal version.")
                                       : tr("Your record was approved: %1").arg(notice.reason);
    case Kind::RecordRejected:
        return notice.reason.isEmpty() ? tr("Your record was returned for correction.")
                                       : tr("Returned for correction. Reason: %1").arg(notice.reason);
    case Kind::GrantExpiring:
        return tr("The grant ends within %n day(s); its data and the local copy go with it. Request a "
                  "renewal in My access to go on.",
                  nullptr, notice.reason.toInt());
    }
    return {};
}

QString NotificationText::iconName(Kind kind)
{
    switch (kind) {
    case Kind::ReviewAssigned:
    case Kind::ReviewReassigned:
        return QStringLiteral("inbox");
    case Kind::ReviewOverdue:
        return QStringLiteral("clock");
    case Kind::RecordApproved:
        return QStringLiteral("check-circle");
    case Kind::RecordRejected:
        return QStringLiteral("x-circle");
    case Kind::GrantExpiring:
        return QStringLiteral("clock");
    }
    return QStringLiteral("info");
}

bool NotificationText::isReviewTask(Kind kind)
{
    return kind == Kind::ReviewAssigned || kind == Kind::ReviewReassigned || kind == Kind::ReviewOverdue;
}

} // namespace mdp::forms::ui
