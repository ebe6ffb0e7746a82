#include "NotificationCenter.h"

#include "mdp/forms/FormStore.h"
#include "mdp/workbench/SessionContext.h"
#if __has_include("mdp/mail/MailDispatcher.h")
#include "mdp/mail/MailDispatcher.h"
#define MDP_SHELL_HAS_MAIL 1
#endif

#include "mdp/workbench/Background.h"

#include <QLoggingCategory>

#include <QPointer>
#include <algorithm>

namespace mdp::notify::ui {

Q_LOGGING_CATEGORY(lcNotices, "mdp.shell.notices")

NotificationCenter::NotificationCenter(workbench::SessionContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    // The session context hears the forms store and re-emits on the GUI thread after the write.
    connect(&m_context, &workbench::SessionContext::recordChanged, this, [this](const QUuid &recordId) {
        Q_EMIT formsChanged(recordId);
        refresh();
        // A change may have queued notices for e-mail; one run for a burst of changes.
        m_mailSoon.start();
    });
    connect(&m_context, &workbench::SessionContext::noticesChanged, this, &NotificationCenter::refresh);
    m_timer.setInterval(30'000);
    connect(&m_timer, &QTimer::timeout, this, &NotificationCenter::refresh);
    m_timer.start();
    if (workspace::BackgroundServices *services = m_context.backgroundServices()) {
        // The workspace's services escalate and e-mail off the GUI thread, window or not: the bell
        // only follows what they change, and a change here asks them for a mail run.
        connect(services, &workspace::BackgroundServices::noticesChanged, this, &NotificationCenter::refresh);
        connect(services, &workspace::BackgroundServices::mailDispatched, this,
                &NotificationCenter::mailDispatched);
        connect(this, &NotificationCenter::formsChanged, services,
                &workspace::BackgroundServices::requestMail);
        refresh();
        return;
    }
    // A window built without the services (a test harness) does the same work on GUI timers.
    m_mailSoon.setSingleShot(true);
    m_mailSoon.setInterval(2'000);
    m_mailTimer.setInterval(120'000);
    if (mailAvailable()) {
        connect(&m_mailSoon, &QTimer::timeout, this, &NotificationCenter::dispatchMail);
        connect(&m_mailTimer, &QTimer::timeout, this, &NotificationCenter::dispatchMail);
        m_mailTimer.start();
    }
    m_escalationTimer.setInterval(5 * 60'000);
    connect(&m_escalationTimer, &QTimer::timeout, this, &NotificationCenter::escalateOverdue);
    m_escalationTimer.start();
    escalateOverdue();
    refresh();
}

NotificationCenter::~NotificationCenter()
{
    m_context.waitForIdle();
    // The run owns everything it uses; a slow relay is left to time out on its own, and its
    // notices stay queued for the next session.
    if (m_mailThread)
        m_mailThread->wait(3'000);
}

bool NotificationCenter::mailAvailable()
{
#ifdef MDP_SHELL_HAS_MAIL
    return true;
#else
    return false;
#endif
}

bool NotificationCenter::applyMailOutcomes()
{
    if (m_unapplied.isEmpty())
        return true;
    if (m_context.isBusy())
        return false;
    forms::FormStore &store = m_context.workspace().forms();
    for (const NotificationMailQueue::Outcome &o : std::as_const(m_unapplied)) {
        if (auto marked = store.markEmailed(o.notificationId, o.delivered, o.error); !marked)
            qCWarning(lcNotices) << "could not record an e-mail outcome:" << marked.error().message;
    }
    m_unapplied.clear();
    return true;
}

bool NotificationCenter::dispatchMail()
{
#ifdef MDP_SHELL_HAS_MAIL
    if (m_mailThread || m_context.isBusy() || !applyMailOutcomes())
        return false;
    auto settings = mail::MailSettings::load(m_context.workspace().database());
    if (!settings)
        return false; // no relay configured: notices stay in the app
    auto pending = m_context.workspace().forms().pendingEmails();
    if (!pending) {
        qCWarning(lcNotices) << "could not read the e-mail queue:" << pending.error().message;
        return false;
    }
    if (pending->isEmpty())
        return false;
    struct Run
    {
        Result<int> delivered;
        QString lastError;
        QList<NotificationMailQueue::Outcome> outcomes;
    };
    auto queue = std::make_shared<NotificationMailQueue>(pending.value());
    auto relay = std::make_shared<mail::MailSettings>(std::move(settings.value()));
    const int attempted = int(pending->size());
    m_mailThread = workbench::runInBackground<Run>(
        this,
        [queue, relay]() -> Run {
            mail::MailDispatcher dispatcher(*queue, *relay);
            Result<int> delivered = dispatcher.dispatchPending();
            return Run{std::move(delivered), dispatcher.lastError(), queue->outcomes()};
        },
        [this, attempted](Run &run) {
            m_mailThread = nullptr;
            m_unapplied += run.outcomes;
            applyMailOutcomes();
            if (!run.delivered)
                qCWarning(lcNotices) << "e-mail run failed:" << run.delivered.error().message;
            Q_EMIT mailDispatched(run.delivered ? run.delivered.value() : 0, attempted,
                                  run.delivered ? run.lastError : run.delivered.error().message);
        });
    return true;
#else
    return false;
#endif
}

int NotificationCenter::escalateOverdue()
{
    if (m_context.isBusy())
        return 0;
    auto &forms = m_context.workspace().forms();
    // Look first: escalating writes (and anchors a commit), which an idle tick should not do.
    auto open = forms.openTasks();
    if (!open) {
        qCWarning(lcNotices) << "open review tasks could not be read:" << open.error().toString();
        return 0;
    }
    const QDateTime now = m_context.workspace().clock().now();
    const bool anyDue = std::any_of(open->cbegin(), open->cend(), [&now](const forms::ReviewTask &t) {
        return !t.escalated && t.dueAt.isValid() && t.dueAt <= now;
    });
    if (!anyDue)
        return 0;
    auto escalated = forms.escalateOverdue();
    if (!escalated) {
        qCWarning(lcNotices) << "overdue review tasks could not be escalated:"
                             << escalated.error().toString();
        return 0;
    }
    return int(escalated->size());
}

void NotificationCenter::refresh()
{
    // A background job owns the workspace; the next change or tick catches up.
    if (m_context.isBusy())
        return;
    auto count = m_context.workspace().forms().unreadCount(m_context.session().accountId);
    if (!count) {
        qCWarning(lcNotices) << "unread count failed:" << count.error().toString();
        return;
    }
    if (count.value() == m_unread)
        return;
    m_unread = count.value();
    Q_EMIT unreadCountChanged(m_unread);
}

} // namespace mdp::notify::ui
