#pragma once

#include "mdp/forms/FormDefinition.h"
#include "mdp/forms/FormRecord.h"
#include "mdp/forms/ReviewAssignment.h"
#include "mdp/forms/Validator.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace mdp::forms {

struct NewRecord
{
    QString formId;
    int formVersion = 0; // 0: the latest version
    QUuid patientId;
    QString patientPseudonym;
    QUuid eventId;
    QString projectId;
    QJsonObject values;
};

struct RecordFilter
{
    std::optional<QUuid> patientId;
    std::optional<QUuid> eventId;
    std::optional<RecordStatus> status;
    QString formId;
};

// Definitions, records, versions, review tasks and notices in the workspace database
// (R-6.2.1-R-6.2.4). Every write:
//   * runs in one database transaction (a killed process leaves the state before or after, never
//     half: the version row, the status, the task and the notices commit together);
//   * names the revision it starts from; another writer having moved the record on gives
//     Error::Code::Conflict ("changed by someone else"), so of two reviewers acting at once one
//     wins and the other is told;
//   * is checked against nextStatus() and the actor's roles and relationship to the record
//     (PermissionDenied otherwise), whatever path it came by;
//   * validates values with the definition's Validator (Draft mode for drafts, Submit mode for
//     submit and approve): a failing hard rule refuses the write with InvalidArgument whose message
//     names every failing field (ValidationResult::errorSummary), and nothing is written;
//   * is reported to the FormsAuditSink.
//
// Roles (account role ids from the RoleLookup): "clinician" and "data-manager" enter and submit;
// "reviewer" approves and rejects the records assigned to them, never their own submissions;
// "data-manager" and "system-admin" import definitions, set reviewer profiles and reassign.
class FormStore
{
public:
    virtual ~FormStore() = default;

    // --- definitions --------------------------------------------------------------------------
    // Parses (FormDefinition::fromJson), then stores: new id -> version 1; same id with different
    // content -> the next version; identical content -> the existing version, unchanged.
    virtual Result<FormDefinition> importDefinition(const QString &actor, const QByteArray &json) = 0;
    // Latest version of each form.
    virtual Result<QList<FormDefinition>> definitions() = 0;
    // `version` 0: the latest.
    virtual Result<FormDefinition> definition(const QString &formId, int version = 0) = 0;

    // --- records ------------------------------------------------------------------------------
    // A new draft owned by `actor` (R-6.2.2a).
    virtual Result<FormRecord> createDraft(const QString &actor, const NewRecord &record) = 0;
    // Saves working values; allowed for the creator while Draft or Rejected (a rejected record
    // becomes a Draft again, R-6.2.2c).
    virtual Result<FormRecord> saveDraft(const QString &actor, const QUuid &recordId,
                                         const QJsonObject &values, int expectedRevision) = 0;
    // Draft/Rejected -> Pending (R-6.2.2b); validates in Submit mode; picks a reviewer with
    // chooseReviewer() (NotFound "no reviewer is available for category ..." when none) and
    // opens a task; notifies the reviewer (R-6.2.3a-b).
    virtual Result<FormRecord> submit(const QString &actor, const QUuid &recordId, int expectedRevision) = 0;
    // Pending -> Approved by the assigned reviewer: formal version N+1, locked (R-6.2.2d); the
    // task is done and the submitter notified (R-6.2.4e).
    virtual Result<FormRecord> approve(const QString &actor, const QUuid &recordId, int expectedRevision,
                                       const QString &comment = {}) = 0;
    // Pending -> Rejected with a mandatory non-blank reason (R-6.2.2c, R-6.2.4d); the submitter is
    // notified.
    virtual Result<FormRecord> reject(const QString &actor, const QUuid &recordId, int expectedRevision,
                                      const QString &reason) = 0;
    // Approved -> Draft: an amendment of the formal version (values start from it), with a reason.
    virtual Result<FormRecord> amend(const QString &actor, const QUuid &recordId, int expectedRevision,
                                     const QString &reason) = 0;
    // Pending -> Draft by the submitter; the open task is withdrawn.
    virtual Result<FormRecord> withdraw(const QString &actor, const QUuid &recordId,
                                        int expectedRevision) = 0;

    // A record as `actor` may see it: someone else's draft is NotFound (R-6.2.2a). Audited as a view.
    virtual Result<FormRecord> record(const QString &actor, const QUuid &recordId) = 0;
    // Records `actor` may see, newest first (others' drafts left out).
    virtual Result<QList<FormRecord>> records(const QString &actor, const RecordFilter &filter) = 0;
    // Every version, oldest first (R-6.1.1d). Same visibility as record().
    virtual Result<QList<RecordVersion>> history(const QString &actor, const QUuid &recordId) = 0;

    // --- review -------------------------------------------------------------------------------
    virtual Result<void> setReviewerProfile(const QString &actor, const ReviewerProfile &profile) = 0;
    virtual Result<QList<ReviewerProfile>> reviewerProfiles() = 0;
    // Open tasks of `reviewerId` (the inbox, R-6.2.4a), oldest due first.
    virtual Result<QList<ReviewTask>> inbox(const QString &reviewerId) = 0;
    virtual Result<QList<ReviewTask>> openTasks() = 0;
    // Moves an open task to another reviewer (never the submitter); both are notified.
    virtual Result<ReviewTask> reassign(const QString &actor, qint64 taskId, const QString &newReviewerId,
                                        const QString &reason) = 0;
    // Marks open tasks whose due time has passed as escalated, notifies their reviewer and every
    // data manager once per task; returns the tasks escalated by this call (R-6.2.3c).
    virtual Result<QList<ReviewTask>> escalateOverdue() = 0;
    // Time a reviewer has for a task (default 3 days).
    virtual void setReviewPeriodSeconds(qint64 seconds) = 0;

    // --- notices ------------------------------------------------------------------------------
    // Issue 12: a notice to a grant's holder before it ends (30, 7 and 1 days), in the app
    // and by e-mail; each grant and threshold once. Returns how many notices were made.
    struct GrantReminder
    {
        QString accountId;
        QString grantId;
        QString requestNumber;
        int days = 0; // the threshold reached: 30, 7 or 1
    };
    virtual Result<int> noteGrantReminders(const QList<GrantReminder> &due) = 0;
    // Issue 13: a fired alert rule told to the security roles, in the app and by e-mail;
    // each alert and recipient once. Returns how many notices were made.
    struct SecurityAlertNotice
    {
        QString accountId;
        QString alertId; // the security.alert event's id
        QString ruleId;
        int count = 0; // events the rule saw
    };
    virtual Result<int> noteSecurityAlerts(const QList<SecurityAlertNotice> &alerts) = 0;
    virtual Result<QList<Notification>> notifications(const QString &accountId, bool unreadOnly = false) = 0;
    virtual Result<int> unreadCount(const QString &accountId) = 0;
    virtual Result<void> markRead(const QString &accountId, qint64 notificationId) = 0;
    virtual Result<void> markAllRead(const QString &accountId) = 0;
    // Notices waiting to be e-mailed, with the recipient's address (ReviewerProfile::email or the
    // address set with setNotificationEmail).
    struct PendingEmail
    {
        Notification notification;
        QString address;
    };
    virtual Result<QList<PendingEmail>> pendingEmails() = 0;
    // Delivered: done. Failed: stays pending for the next run with the error kept, and is given up
    // after a few attempts (the in-app notice remains).
    virtual Result<void> markEmailed(qint64 notificationId, bool delivered, const QString &error = {}) = 0;
    // E-mail address for notices to non-reviewers (submitters).
    virtual Result<void> setNotificationEmail(const QString &actor, const QString &accountId,
                                              const QString &address) = 0;

    // Called after every committed change with the record id (the UI refreshes inboxes and counts).
    virtual void setChangeListener(std::function<void(const QUuid &recordId)> listener) = 0;
};

} // namespace mdp::forms
