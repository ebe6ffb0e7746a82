#pragma once

#include <QSet>

#include "mdp/policy/PolicySet.h"

#include <QHash>

#include <mutex>

#include "mdp/forms/FormStore.h"
#include "mdp/workspace/Permissions.h"

namespace mdp::workspace {

class AuditOutbox;
class Authorizer;

// The workspace's form store: every change (records, tasks, notices, profiles, definitions) runs in
// one transaction together with its audit events (inOneTransaction). With `guard` (the workspace's
// session; the background connection has none and acts as the system), every call but the
// definitions and reviewer profiles (templates and staff, no patient data) is authorized first: an
// actor argument must be the signed-in account (the store then applies its role and
// ownership rules), records need Permission::ReadPatients, another account's inbox and every open
// task ManageReviews, notices are the signed-in account's own (an administrator's to look into), and
// the e-mail queue is the background's (and an administrator's).
class TransactionalFormStore final : public forms::FormStore
{
public:
    TransactionalFormStore(forms::FormStore &inner, AuditOutbox &outbox, const Authorizer *guard = nullptr);
    // Where the classifications a data manager decided come from (the policy in force); without it
    // the default rules alone place each field.
    void setPolicySource(std::function<std::shared_ptr<const policy::PolicySet>()> source)
    {
        m_policy = std::move(source);
    }

    // Where each record change queues its sync entry (SiteSync::enqueueRecord), inside the change's
    // transaction; unset: nothing is queued.
    void setSyncQueue(std::function<Result<void>(const QUuid &recordId)> queue)
    {
        m_syncQueue = std::move(queue);
    }

    Result<forms::FormDefinition> importDefinition(const QString &actor, const QByteArray &json) override;
    Result<QList<forms::FormDefinition>> definitions() override;
    Result<forms::FormDefinition> definition(const QString &formId, int version) override;
    Result<forms::FormRecord> createDraft(const QString &actor, const forms::NewRecord &record) override;
    Result<forms::FormRecord> saveDraft(const QString &actor, const QUuid &recordId,
                                        const QJsonObject &values, int expectedRevision) override;
    Result<forms::FormRecord> submit(const QString &actor, const QUuid &recordId,
                                     int expectedRevision) override;
    Result<forms::FormRecord> approve(const QString &actor, const QUuid &recordId, int expectedRevision,
                                      const QString &comment) override;
    Result<forms::FormRecord> reject(const QString &actor, const QUuid &recordId, int expectedRevision,
                                     const QString &reason) override;
    Result<forms::FormRecord> amend(const QString &actor, const QUuid &recordId, int expectedRevision,
                                    const QString &reason) override;
    Result<forms::FormRecord> withdraw(const QString &actor, const QUuid &recordId,
                                       int expectedRevision) override;
    Result<forms::FormRecord> record(const QString &actor, const QUuid &recordId) override;
    Result<QList<forms::FormRecord>> records(const QString &actor,
                                             const forms::RecordFilter &filter) override;
    Result<QList<forms::RecordVersion>> history(const QString &actor, const QUuid &recordId) override;
    Result<void> setReviewerProfile(const QString &actor, const forms::ReviewerProfile &profile) override;
    Result<QList<forms::ReviewerProfile>> reviewerProfiles() override;
    Result<QList<forms::ReviewTask>> inbox(const QString &reviewerId) override;
    Result<QList<forms::ReviewTask>> openTasks() override;
    Result<forms::ReviewTask> reassign(const QString &actor, qint64 taskId, const QString &newReviewerId,
                                       const QString &reason) override;
    Result<QList<forms::ReviewTask>> escalateOverdue() override;
    Result<int> noteGrantReminders(const QList<GrantReminder> &due) override;
    Result<int> noteSecurityAlerts(const QList<SecurityAlertNotice> &alerts) override;
    void setReviewPeriodSeconds(qint64 seconds) override;
    Result<QList<forms::Notification>> notifications(const QString &accountId, bool unreadOnly) override;
    Result<int> unreadCount(const QString &accountId) override;
    Result<void> markRead(const QString &accountId, qint64 notificationId) override;
    Result<void> markAllRead(const QString &accountId) override;
    Result<QList<PendingEmail>> pendingEmails() override;
    Result<void> markEmailed(qint64 notificationId, bool delivered, const QString &error) override;
    Result<void> setNotificationEmail(const QString &actor, const QString &accountId,
                                      const QString &address) override;
    void setChangeListener(std::function<void(const QUuid &recordId)> listener) override;

private:
    template<typename Call> Result<forms::FormRecord> syncedWrite(Call &&call);

public:
    // A record as data delivered under a grant carries it (R-5.2k): fields above `ceiling` taken out,
    // nested members included, and free text de-identified.
    Result<forms::FormRecord> deliverable(const forms::FormRecord &record, int ceiling)
    {
        return masked(record, ceiling, true);
    }

private:
    // Level 4 and 5 fields (classification: the definition's, raised by the default rules) above what
    // the session sees unmasked are taken out of what a read returns; a draft saved by such
    // a session keeps their stored values.
    int ceiling() const;
    QHash<QString, int> fieldLevels(const QString &formId, int version);
    // The free-text fields of a definition (paths), and their values de-identified in place.
    QSet<QString> textFields(const QString &formId, int version);
    void deidentifyText(QJsonObject &values, const QSet<QString> &texts) const;
    // Records which level-4/5 fields a read showed (deep audit); nothing when none was shown.
    Result<void> deepAudit(const forms::FormRecord &record, QStringView operation);
    Result<void> deepAudit(const QList<forms::FormRecord> &records, QStringView operation);
    Result<forms::FormRecord> masked(Result<forms::FormRecord> record);
    Result<forms::FormRecord> masked(Result<forms::FormRecord> record, int limit);
    Result<forms::FormRecord> masked(Result<forms::FormRecord> record, int limit, bool deidentify);
    void mask(QJsonObject &values, const QHash<QString, int> &levels, int ceiling) const;

    forms::FormStore &m_inner;
    AuditOutbox &m_outbox;
    const Authorizer *m_guard = nullptr;
    std::mutex m_levelsMutex;
    QHash<QString, QHash<QString, int>> m_levels; // "formId/version/policy" -> field path -> level
    std::function<std::shared_ptr<const policy::PolicySet>()> m_policy;
    QHash<QString, QSet<QString>> m_texts; // "formId/version" -> free-text field paths
    std::function<Result<void>(const QUuid &recordId)> m_syncQueue;
};

} // namespace mdp::workspace
