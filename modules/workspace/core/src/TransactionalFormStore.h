#pragma once

#include "mdp/forms/FormStore.h"

namespace mdp::workspace {

class AuditOutbox;

// The workspace's form store: every change (records, tasks, notices, profiles, definitions) runs in
// one transaction together with its audit events (inOneTransaction); reads go straight through.
class TransactionalFormStore final : public forms::FormStore
{
public:
    TransactionalFormStore(forms::FormStore &inner, AuditOutbox &outbox);

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
    forms::FormStore &m_inner;
    AuditOutbox &m_outbox;
};

} // namespace mdp::workspace
