#pragma once

#include "mdp/foundation/Clock.h"

#include <QWidget>

class QLabel;

namespace mdp::net::ui {

class ServerStatusWatcher;

// The status bar's word on the central server: a coloured dot and the state ("Connected",
// "Offline", "Certificate refused", "Not configured"), with the details (last contact, identity,
// certificate expiry, audit witnessed) in its tooltip. Clicking it asks for the Server page.
class SyncIndicator : public QWidget
{
    Q_OBJECT
public:
    SyncIndicator(ServerStatusWatcher &watcher, const Clock &clock, QWidget *parent = nullptr);

    QString text() const;
    void refresh();

Q_SIGNALS:
    void clicked();

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    ServerStatusWatcher &m_watcher;
    const Clock &m_clock;
    QLabel *m_dot;
    QLabel *m_text;
};

} // namespace mdp::net::ui
