#include "TransactionalFormStore.h"

#include "Authorizer.h"
#include "OneTransaction.h"

namespace mdp::workspace {

using namespace forms;

TransactionalFormStore::TransactionalFormStore(FormStore &inner, AuditOutbox &outbox, const Authorizer *guard)
    : m_inner(inner)
    , m_outbox(outbox)
    , m_guard(guard)
{}

Result<FormDefinition> TransactionalFormStore::importDefinition(const QString &actor, const QByteArray &json)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.import-definition"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.importDefinition(actor, json); });
}

Result<QList<FormDefinition>> TransactionalFormStore::definitions()
{
    return m_inner.definitions();
}

Result<FormDefinition> TransactionalFormStore::definition(const QString &formId, int version)
{
    return m_inner.definition(formId, version);
}

Result<FormRecord> TransactionalFormStore::createDraft(const QString &actor, const NewRecord &record)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.create-draft"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.createDraft(actor, record); });
}

Result<FormRecord> TransactionalFormStore::saveDraft(const QString &actor, const QUuid &recordId,
                                                     const QJsonObject &values, int expectedRevision)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.save-draft"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox,
                            [&] { return m_inner.saveDraft(actor, recordId, values, expectedRevision); });
}

Result<FormRecord> TransactionalFormStore::submit(const QString &actor, const QUuid &recordId,
                                                  int expectedRevision)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.submit"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.submit(actor, recordId, expectedRevision); });
}

Result<FormRecord> TransactionalFormStore::approve(const QString &actor, const QUuid &recordId,
                                                   int expectedRevision, const QString &comment)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.approve"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox,
                            [&] { return m_inner.approve(actor, recordId, expectedRevision, comment); });
}

Result<FormRecord> TransactionalFormStore::reject(const QString &actor, const QUuid &recordId,
                                                  int expectedRevision, const QString &reason)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.reject"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox,
                            [&] { return m_inner.reject(actor, recordId, expectedRevision, reason); });
}

Result<FormRecord> TransactionalFormStore::amend(const QString &actor, const QUuid &recordId,
                                                 int expectedRevision, const QString &reason)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.amend"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox,
                            [&] { return m_inner.amend(actor, recordId, expectedRevision, reason); });
}

Result<FormRecord> TransactionalFormStore::withdraw(const QString &actor, const QUuid &recordId,
                                                    int expectedRevision)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.withdraw"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.withdraw(actor, recordId, expectedRevision); });
}

Result<FormRecord> TransactionalFormStore::record(const QString &actor, const QUuid &recordId)
{
    if (auto ok = permitActor(m_guard, actor, Permission::ReadPatients, u"forms.record"); !ok)
        return ok.error();
    return m_inner.record(actor, recordId);
}

Result<QList<FormRecord>> TransactionalFormStore::records(const QString &actor, const RecordFilter &filter)
{
    if (auto ok = permitActor(m_guard, actor, Permission::ReadPatients, u"forms.records"); !ok)
        return ok.error();
    return m_inner.records(actor, filter);
}

Result<QList<RecordVersion>> TransactionalFormStore::history(const QString &actor, const QUuid &recordId)
{
    if (auto ok = permitActor(m_guard, actor, Permission::ReadPatients, u"forms.history"); !ok)
        return ok.error();
    return m_inner.history(actor, recordId);
}

Result<void> TransactionalFormStore::setReviewerProfile(const QString &actor, const ReviewerProfile &profile)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.set-reviewer-profile"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.setReviewerProfile(actor, profile); });
}

Result<QList<ReviewerProfile>> TransactionalFormStore::reviewerProfiles()
{
    return m_inner.reviewerProfiles();
}

Result<QList<ReviewTask>> TransactionalFormStore::inbox(const QString &reviewerId)
{
    if (auto ok = permitSelfOr(m_guard, reviewerId, Permission::ManageReviews, u"forms.inbox"); !ok)
        return ok.error();
    return m_inner.inbox(reviewerId);
}

Result<QList<ReviewTask>> TransactionalFormStore::openTasks()
{
    if (auto ok = permit(m_guard, Permission::ManageReviews, u"forms.open-tasks"); !ok)
        return ok.error();
    return m_inner.openTasks();
}

Result<ReviewTask> TransactionalFormStore::reassign(const QString &actor, qint64 taskId,
                                                    const QString &newReviewerId, const QString &reason)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.reassign"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.reassign(actor, taskId, newReviewerId, reason); });
}

Result<QList<ReviewTask>> TransactionalFormStore::escalateOverdue()
{
    if (auto ok = permit(m_guard, Permission::ManageReviews, u"forms.escalate-overdue"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.escalateOverdue(); });
}

void TransactionalFormStore::setReviewPeriodSeconds(qint64 seconds)
{
    m_inner.setReviewPeriodSeconds(seconds);
}

Result<QList<Notification>> TransactionalFormStore::notifications(const QString &accountId, bool unreadOnly)
{
    if (auto ok = permitSelfOr(m_guard, accountId, Permission::AdministerAccounts, u"forms.notifications");
        !ok)
        return ok.error();
    return m_inner.notifications(accountId, unreadOnly);
}

Result<int> TransactionalFormStore::unreadCount(const QString &accountId)
{
    if (auto ok = permitSelfOr(m_guard, accountId, Permission::AdministerAccounts, u"forms.unread-count");
        !ok)
        return ok.error();
    return m_inner.unreadCount(accountId);
}

Result<void> TransactionalFormStore::markRead(const QString &accountId, qint64 notificationId)
{
    if (auto ok = permitSelfOr(m_guard, accountId, Permission::AdministerAccounts, u"forms.mark-read"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.markRead(accountId, notificationId); });
}

Result<void> TransactionalFormStore::markAllRead(const QString &accountId)
{
    if (auto ok = permitSelfOr(m_guard, accountId, Permission::AdministerAccounts, u"forms.mark-all-read");
        !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.markAllRead(accountId); });
}

Result<QList<FormStore::PendingEmail>> TransactionalFormStore::pendingEmails()
{
    if (auto ok = permit(m_guard, Permission::AdministerAccounts, u"forms.pending-emails"); !ok)
        return ok.error();
    return m_inner.pendingEmails();
}

Result<void> TransactionalFormStore::markEmailed(qint64 notificationId, bool delivered, const QString &error)
{
    if (auto ok = permit(m_guard, Permission::AdministerAccounts, u"forms.mark-emailed"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.markEmailed(notificationId, delivered, error); });
}

Result<void> TransactionalFormStore::setNotificationEmail(const QString &actor, const QString &accountId,
                                                          const QString &address)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.set-notification-email"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox,
                            [&] { return m_inner.setNotificationEmail(actor, accountId, address); });
}

void TransactionalFormStore::setChangeListener(std::function<void(const QUuid &recordId)> listener)
{
    m_inner.setChangeListener(std::move(listener));
}

} // namespace mdp::workspace
