#pragma once

#include <QWidget>

namespace mdp::workbench {
class Host;
}

namespace mdp::notify::ui {

class NotificationBell;
class NotificationCenter;
class NotificationPanel;

// The bell in the rail, the panel it opens and the centre that keeps its count, as one piece the
// host places in its account corner. A chosen notice opens its record through the host's links.
class NotificationIndicator : public QWidget
{
    Q_OBJECT
public:
    NotificationIndicator(workbench::Host &host, QWidget *parent = nullptr);
    ~NotificationIndicator() override;

    NotificationBell *bell() const { return m_bell; }
    NotificationPanel *panel() const { return m_panel; }
    NotificationCenter *center() const { return m_center; }
    void showNotifications();

private:
    workbench::Host &m_host;
    NotificationBell *m_bell;
    NotificationCenter *m_center;
    NotificationPanel *m_panel;
};

} // namespace mdp::notify::ui
