#include "NotificationIndicator.h"

#include "NotificationBell.h"
#include "NotificationCenter.h"
#include "NotificationPanel.h"
#include "mdp/forms/ui/NotificationText.h"
#include "mdp/workbench/Host.h"
#include "mdp/workbench/SessionContext.h"

#include <QHBoxLayout>

namespace mdp::notify::ui {

NotificationIndicator::NotificationIndicator(workbench::Host &host, QWidget *parent)
    : QWidget(parent)
    , m_host(host)
    , m_bell(new NotificationBell(this))
    , m_center(new NotificationCenter(host.context(), this))
    , m_panel(new NotificationPanel(host.context(), host.window()))
{
    setObjectName(QStringLiteral("notificationIndicator"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bell);

    connect(m_center, &NotificationCenter::unreadCountChanged, m_bell, &NotificationBell::setCount);
    m_bell->setCount(m_center->unreadCount());
    connect(m_bell, &QToolButton::clicked, this, &NotificationIndicator::showNotifications);
    connect(m_panel, &NotificationPanel::readStateChanged, m_center, &NotificationCenter::refresh);
    connect(m_panel, &NotificationPanel::openRequested, this, [this](const forms::Notification &notice) {
        if (notice.kind == forms::Notification::Kind::GrantExpiring) {
            m_host.open(QStringLiteral("access"), notice.formId, {});
            return;
        }
        if (notice.kind == forms::Notification::Kind::SecurityAlert) {
            m_host.open(QStringLiteral("audit-log"), {}, {});
            return;
        }
        m_host.open(QStringLiteral("record"), notice.recordId.toString(QUuid::WithoutBraces),
                    {{QStringLiteral("reviewTask"), forms::ui::NotificationText::isReviewTask(notice.kind)}});
    });
    connect(&host.context(), &workbench::SessionContext::busyChanged, m_center, [this](bool busy) {
        if (!busy)
            m_center->refresh();
    });
}

NotificationIndicator::~NotificationIndicator()
{
    // The panel lives on the window; it unhooks from the workspace before the session goes.
    delete m_panel;
}

void NotificationIndicator::showNotifications()
{
    m_center->refresh();
    m_panel->popUpAt(m_bell);
}

} // namespace mdp::notify::ui
