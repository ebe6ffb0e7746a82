#pragma once

#include "mdp/forms/FormStore.h"

#include <QList>

namespace mdp::notify::ui {

// The notices waiting for e-mail, taken out of the workspace so the mail dispatcher can run on a
// worker thread: the workspace is not thread-safe and SMTP may take seconds, so the GUI thread reads
// the queue, the worker sends (MailDispatcher against this store) and the GUI thread writes the
// outcomes back. Only pendingEmails() and markEmailed() work here; every other call is refused.
class NotificationMailQueue final : public forms::FormStore
{
public:
    struct Outcome
    {
        qint64 notificationId = 0;
        bool delivered = false;
        QString error;
    };

    explicit NotificationMailQueue(QList<PendingEmail> pending)
        : m_pending(std::move(pending))
    {}

    const QList<Outcome> &outcomes() const { return m_outcomes; }

    Result<QList<PendingEmail>> pendingEmails() override { return m_pending; }
    Result<void> markEmailed(qint64 notificationId, bool delivered, const QString &error = {}) override
    {
        m_outcomes << Outcome{notificationId, delivered, error};
        return {};
    }

    Result<forms::FormDefinition> importDefinition(const QString &, const QByteArray &) override
    {
        return refused();
    }
    Result<QList<forms::FormDefinition>> definitions() override { return refused(); }
    Result<forms::FormDefinition> definition(const QString &, int) override { return refused(); }
    Result<forms::FormRecord> createDraft(const QString &, const forms::NewRecord &) override
    {
        return refused();
    }
    Result<forms::FormRecord> saveDraft(const QString &, const QUuid &, const QJsonObject &, int) override
    {
        return refused();
    }
    Result<forms::FormRecord> submit(const QString &, const QUuid &, int) override { return refused(); }
    Result<forms::FormRecord> approve(const QString &, const QUuid &, int, const QString &) override
    {
        return refused();
    }
    Result<forms::FormRecord> reject(const QString &, const QUuid &, int, const QString &) override
    {
        return refused();
    }
    Result<forms::FormRecord> amend(const QString &, const QUuid &, int, const QString &) override
    {
        return refused();
    }
    Result<forms::FormRecord> withdraw(const QString &, const QUuid &, int) override { return refused(); }
    Result<forms::FormRecord> record(const QString &, const QUuid &) override { return refused(); }
    Result<QList<forms::FormRecord>> records(const QString &, const forms::RecordFilter &) override
    {
        return refused();
    }
    Result<QList<forms::RecordVersion>> history(const QString &, const QUuid &) override { return refused(); }
    Result<void> setReviewerProfile(const QString &, const forms::ReviewerProfile &) override
    {
        return refused();
    }
    Result<QList<forms::ReviewerProfile>> reviewerProfiles() override { return refused(); }
    Result<QList<forms::ReviewTask>> inbox(const QString &) override { return refused(); }
    Result<QList<forms::ReviewTask>> openTasks() override { return refused(); }
    Result<forms::ReviewTask> reassign(const QString &, qint64, const QString &, const QString &) override
    {
        return refused();
    }
    Result<QList<forms::ReviewTask>> escalateOverdue() override { return refused(); }
    void setReviewPeriodSeconds(qint64) override {}
    Result<QList<forms::Notification>> notifications(const QString &, bool) override { return refused(); }
    Result<int> unreadCount(const QString &) override { return refused(); }
    Result<void> markRead(const QString &, qint64) override { return refused(); }
    Result<void> markAllRead(const QString &) override { return refused(); }
    Result<void> setNotificationEmail(const QString &, const QString &, const QString &) override
    {
        return refused();
    }
    void setChangeListener(std::function<void(const QUuid &)>) override {}

private:
    static Error refused()
    {
        return makeError(Error::Code::Unsupported, QStringLiteral("only the e-mail queue is available here"));
    }

    QList<PendingEmail> m_pending;
    QList<Outcome> m_outcomes;
};

} // namespace mdp::notify::ui
