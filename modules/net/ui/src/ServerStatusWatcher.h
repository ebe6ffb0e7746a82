#pragma once

#include "mdp/workspace/ServerLink.h"

#include <QObject>

namespace mdp::net::ui {

// The one listener of a ServerLink for all screens of a window: the link tells one listener, on its
// own thread; the watcher takes the status over to the GUI thread and tells the page and the
// indicator by signal. It stops listening when it goes, before the link does.
class ServerStatusWatcher : public QObject
{
    Q_OBJECT
public:
    explicit ServerStatusWatcher(workspace::ServerLink &link, QObject *parent = nullptr);
    ~ServerStatusWatcher() override;

    // The watcher that `owner` keeps for `link` (the host window's), made on first use.
    static ServerStatusWatcher *of(workspace::ServerLink &link, QObject *owner);

    workspace::ServerLink &link() const { return m_link; }
    const workspace::ServerStatus &status() const { return m_status; }
    // Reads the link's status again (after a call made here changed it) and tells the screens.
    void refresh();
    // Takes a status given by the link or by a call made here; on the GUI thread.
    void update(const workspace::ServerStatus &status);

Q_SIGNALS:
    void statusChanged();

private:
    workspace::ServerLink &m_link;
    workspace::ServerStatus m_status;
};

} // namespace mdp::net::ui
