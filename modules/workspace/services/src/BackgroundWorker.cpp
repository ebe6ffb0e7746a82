#include "BackgroundWorker.h"

#include "mdp/workspace/BackgroundServices.h"

#include "mdp/forms/FormStore.h"
#include "mdp/mail/MailDispatcher.h"
#include "mdp/mail/MailSettings.h"

#include <QLoggingCategory>

#include <algorithm>

namespace mdp::workspace {

Q_LOGGING_CATEGORY(lcBackground, "mdp.workspace.background")

BackgroundWorker::BackgroundWorker(std::unique_ptr<WorkspaceConnection> connection, const Clock &clock,
                                   BackgroundServicesOptions options)
    : m_connection(std::move(connection))
    , m_clock(clock)
    , m_options(options)
{}

BackgroundWorker::~BackgroundWorker() = default;

void BackgroundWorker::begin()
{
    // Created here so the timer belongs to this thread.
    m_timer = new QTimer(this);
    m_timer->setInterval(m_options.pollInterval);
    connect(m_timer, &QTimer::timeout, this, &BackgroundWorker::tick);
    m_connection->forms().setChangeListener([this](const QUuid &) { m_changed = true; });
    m_timer->start();
    tick();
}

void BackgroundWorker::finish()
{
    if (m_timer)
        m_timer->stop();
    if (m_connection)
        m_connection->forms().setChangeListener({});
    m_connection.reset();
}

void BackgroundWorker::tick()
{
    if (!m_connection)
        return;
    const QDateTime now = m_clock.now();
    if (!m_nextEscalation.isValid() || now >= m_nextEscalation) {
        m_nextEscalation = now.addSecs(m_options.escalationInterval.count());
        escalate();
    }
    if (m_mailRequested.exchange(false) || !m_nextMail.isValid() || now >= m_nextMail) {
        m_nextMail = now.addSecs(m_options.mailInterval.count());
        dispatchMail();
    }
    if (!m_nextReminders.isValid() || now >= m_nextReminders) {
        m_nextReminders = now.addSecs(m_options.escalationInterval.count());
        remindGrants();
    }
    if (std::exchange(m_changed, false))
        Q_EMIT noticesChanged();
}

QList<forms::FormStore::GrantReminder> grantRemindersDue(store::Database &db, const QDateTime &now)
{
    QList<forms::FormStore::GrantReminder> due;
    auto rows = db.query(QStringLiteral("SELECT id, account_id, request_number, not_after FROM access_grants "
                                        "WHERE id NOT IN (SELECT grant_id FROM access_grant_revocations)"));
    if (!rows) {
        qCWarning(lcBackground) << "the grants kept here could not be read:" << rows.error().toString();
        return due;
    }
    const qint64 nowMs = now.toMSecsSinceEpoch();
    for (const store::Row &row : rows.value()) {
        const qint64 left = row.at(3).toLongLong() - nowMs;
        if (left <= 0)
            continue; // ended: out of force, nothing to remind
        // The nearest threshold reached (a grant that arrives with five days left is reminded once, at
        // seven): 30, 7 and 1 days before the end.
        int threshold = 0;
        for (int days : {1, 7, 30}) {
            if (left <= qint64(days) * 86400000) {
                threshold = days;
                break;
            }
        }
        if (threshold > 0)
            due << forms::FormStore::GrantReminder{row.at(1).toString(), row.at(0).toString(),
                                                   row.at(2).toString(), threshold};
    }
    return due;
}

void BackgroundWorker::remindGrants()
{
    const QList<forms::FormStore::GrantReminder> due =
        grantRemindersDue(m_connection->database(), m_clock.now());
    if (due.isEmpty())
        return;
    auto made = m_connection->forms().noteGrantReminders(due);
    if (!made) {
        qCWarning(lcBackground) << "grant reminders could not be made:" << made.error().toString();
        return;
    }
    if (*made > 0) {
        m_mailRequested = true;
        Q_EMIT noticesChanged();
    }
}

void BackgroundWorker::escalate()
{
    forms::FormStore &forms = m_connection->forms();
    // Look first: escalating writes (and anchors a commit), which an idle run should not do.
    auto open = forms.openTasks();
    if (!open) {
        qCWarning(lcBackground) << "open review tasks could not be read:" << open.error().toString();
        return;
    }
    const QDateTime now = m_clock.now();
    const bool anyDue = std::any_of(open->cbegin(), open->cend(), [&now](const forms::ReviewTask &t) {
        return !t.escalated && t.dueAt.isValid() && t.dueAt <= now;
    });
    if (!anyDue)
        return;
    auto escalated = forms.escalateOverdue();
    if (!escalated) {
        qCWarning(lcBackground) << "overdue review tasks could not be escalated:"
                                << escalated.error().toString();
        return;
    }
    if (!escalated->isEmpty())
        Q_EMIT overdueEscalated(int(escalated->size()));
}

void BackgroundWorker::dispatchMail()
{
    auto settings = mail::MailSettings::load(m_connection->database());
    if (!settings)
        return; // no relay configured: notices stay in the app
    auto pending = m_connection->forms().pendingEmails();
    if (!pending) {
        qCWarning(lcBackground) << "the e-mail queue could not be read:" << pending.error().toString();
        return;
    }
    if (pending->isEmpty())
        return;
    const int attempted = int(pending->size());
    mail::MailDispatcher dispatcher(m_connection->forms(), std::move(settings.value()),
                                    m_options.mailLanguage);
    auto delivered = dispatcher.dispatchPending();
    if (!delivered)
        qCWarning(lcBackground) << "e-mail run failed:" << delivered.error().toString();
    Q_EMIT mailDispatched(delivered ? delivered.value() : 0, attempted,
                          delivered ? dispatcher.lastError() : delivered.error().message);
}

} // namespace mdp::workspace
