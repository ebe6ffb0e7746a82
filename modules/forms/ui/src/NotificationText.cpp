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
    case Kind::SecurityAlert:
        return tr("Security alert");
    }
    return {};
}

QString NotificationText::subject(const forms::Notification &notice, const QString &formTitle)
{
    if (notice.kind == Kind::GrantExpiring)
        return tr("Request %1").arg(notice.formId);
    if (notice.kind == Kind::SecurityAlert)
        return ruleText(notice.formId);
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
    case Kind::SecurityAlert:
        return tr("An audit alert rule fired on %n event(s). Open the audit log to see them.", nullptr,
                  notice.reason.toInt());
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
    case Kind::SecurityAlert:
        return QStringLiteral("shield-alert");
    }
    return QStringLiteral("info");
}

QString NotificationText::ruleText(const QString &ruleId)
{
    // The platform's rules (AlertRuleSet::defaultDocument); a site's own rule shows its id.
    if (ruleId == u"failed-sign-in-burst")
        return tr("Burst of failed sign-ins");
    if (ruleId == u"failed-sign-ins-while-closed")
        return tr("Failed sign-ins while the workspace was closed");
    if (ruleId == u"bulk-access")
        return tr("Bulk access");
    if (ruleId == u"download-or-export")
        return tr("Download or export");
    if (ruleId == u"privilege-change")
        return tr("Privilege change");
    if (ruleId == u"identifying-data-out-of-hours")
        return tr("Identifying data read out of hours");
    if (ruleId == u"access-after-grant-end")
        return tr("Access attempted after a grant ended");
    if (ruleId == u"audit-gap")
        return tr("Gap in the audit trail");
    if (ruleId == u"integrity-broken")
        return tr("Integrity check failed");
    return ruleId;
}

bool NotificationText::isReviewTask(Kind kind)
{
    return kind == Kind::ReviewAssigned || kind == Kind::ReviewReassigned || kind == Kind::ReviewOverdue;
}

} // namespace mdp::forms::ui
