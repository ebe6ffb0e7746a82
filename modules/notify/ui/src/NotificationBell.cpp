#include "NotificationBell.h"

#include "mdp/workbench/Theme.h"

#include <QPainter>
#include <QPainterPath>

namespace mdp::notify::ui {

NotificationBell::NotificationBell(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("notificationBell"));
    setIcon(workbench::Theme::icon(QStringLiteral("bell"), workbench::Theme::railText()));
    setIconSize(QSize(22, 22));
    setFixedSize(40, 40);
    setAutoRaise(true);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    setStyleSheet(QStringLiteral("QToolButton#notificationBell { border: none; border-radius: 6px; "
                                 "background: transparent; }"
                                 "QToolButton#notificationBell:hover, QToolButton#notificationBell:focus { "
                                 "background: #1d3550; }"));
    setCount(0);
}

void NotificationBell::setCount(int count)
{
    m_count = std::max(0, count);
    setToolTip(m_count == 0 ? tr("Notifications: nothing unread (Ctrl+Shift+N)")
                            : tr("Notifications: %n unread (Ctrl+Shift+N)", nullptr, m_count));
    setAccessibleName(toolTip());
    update();
}

QString NotificationBell::badgeText() const
{
    if (m_count <= 0)
        return {};
    return m_count > 99 ? QStringLiteral("99+") : QString::number(m_count);
}

void NotificationBell::paintEvent(QPaintEvent *event)
{
    QToolButton::paintEvent(event);
    const QString text = badgeText();
    if (text.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = this->font();
    font.setPixelSize(10);
    font.setBold(true);
    painter.setFont(font);
    const int height = 16;
    const int width = std::max(height, painter.fontMetrics().horizontalAdvance(text) + 8);
    const QRectF badge(this->width() - width - 1, 2, width, height);
    QPainterPath path;
    path.addRoundedRect(badge, height / 2.0, height / 2.0);
    // The rail's colour as a ring keeps the badge apart from the bell it overlaps.
    painter.setPen(QPen(QColor(0x15, 0x28, 0x3c), 2));
    painter.setBrush(workbench::Theme::bad());
    painter.drawPath(path);
    painter.setPen(Qt::white);
    painter.drawText(badge, Qt::AlignCenter, text);
}

} // namespace mdp::notify::ui
