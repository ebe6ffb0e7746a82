#include "ServerStatusWatcher.h"

#include <QCoreApplication>
#include <QPointer>

namespace mdp::net::ui {

ServerStatusWatcher::ServerStatusWatcher(workspace::ServerLink &link, QObject *parent)
    : QObject(parent)
    , m_link(link)
    , m_status(link.status())
{
    setObjectName(QStringLiteral("serverStatusWatcher"));
    // The listener runs on the link's thread: it only posts to the application object, which lives
    // as long as the program; the watcher is looked up again on the GUI thread, where it may be gone.
    QPointer<ServerStatusWatcher> self(this);
    m_link.setStatusListener([self](const workspace::ServerStatus &status) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, status] {
                if (self)
                    self->update(status);
            },
            Qt::QueuedConnection);
    });
}

ServerStatusWatcher::~ServerStatusWatcher()
{
    m_link.setStatusListener({});
}

ServerStatusWatcher *ServerStatusWatcher::of(workspace::ServerLink &link, QObject *owner)
{
    const auto watchers = owner->findChildren<ServerStatusWatcher *>(QString(), Qt::FindDirectChildrenOnly);
    for (ServerStatusWatcher *watcher : watchers) {
        if (&watcher->link() == &link)
            return watcher;
    }
    return new ServerStatusWatcher(link, owner);
}

void ServerStatusWatcher::refresh()
{
    update(m_link.status());
}

void ServerStatusWatcher::update(const workspace::ServerStatus &status)
{
    m_status = status;
    Q_EMIT statusChanged();
}

} // namespace mdp::net::ui
