#include "NotificationCenter.h"

#include "mdp/forms/FormStore.h"
#include "mdp/workbench/SessionContext.h"
#include "mdp/workspace/BackgroundServices.h"

#include <QLoggingCategory>

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
    });
    connect(&m_context, &workbench::SessionContext::noticesChanged, this, &NotificationCenter::refresh);
    m_timer.setInterval(30'000);
    connect(&m_timer, &QTimer::timeout, this, &NotificationCenter::refresh);
    m_timer.start();
    if (workspace::BackgroundServices *services = m_context.backgroundServices()) {
        connect(services, &workspace::BackgroundServices::noticesChanged, this, &NotificationCenter::refresh);
        connect(services, &workspace::BackgroundServices::mailDispatched, this,
                &NotificationCenter::mailDispatched);
        // A change may have queued notices for e-mail: the services send them at their next look.
        connect(this, &NotificationCenter::formsChanged, services,
                &workspace::BackgroundServices::requestMail);
    }
    refresh();
}

NotificationCenter::~NotificationCenter() = default;

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
