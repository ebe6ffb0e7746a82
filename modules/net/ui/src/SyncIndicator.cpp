#include "SyncIndicator.h"

#include "ServerStatusText.h"
#include "ServerStatusWatcher.h"
#include "mdp/workbench/Theme.h"
#include "mdp/workbench/Widgets.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>

namespace mdp::net::ui {

namespace {

QPixmap dot(const QColor &color, qreal ratio)
{
    const int side = 10;
    QPixmap pixmap(QSize(side, side) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, side - 2, side - 2));
    return pixmap;
}

} // namespace

SyncIndicator::SyncIndicator(ServerStatusWatcher &watcher, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_watcher(watcher)
    , m_clock(clock)
    , m_dot(new QLabel(this))
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("syncIndicator"));
    m_dot->setObjectName(QStringLiteral("syncDot"));
    m_text->setObjectName(QStringLiteral("syncText"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->setSpacing(5);
    layout->addWidget(m_dot, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 0, Qt::AlignVCenter);
    setCursor(Qt::PointingHandCursor);
    connect(&m_watcher, &ServerStatusWatcher::statusChanged, this, &SyncIndicator::refresh);
    refresh();
}

QString SyncIndicator::text() const
{
    return m_text->text();
}

void SyncIndicator::refresh()
{
    const workspace::ServerStatus &status = m_watcher.status();
    const QString expiry = status.state == workspace::ServerStatus::State::NotConfigured
                               ? QString()
                               : ServerStatusText::expiryWarning(status.certificateExpires, m_clock.now());
    // A certificate about to end turns a green dot amber: the user sees it before the server refuses.
    QColor color = ServerStatusText::color(status.state);
    if (!expiry.isEmpty() && status.state == workspace::ServerStatus::State::Connected)
        color = workbench::Theme::warning();
    m_dot->setPixmap(dot(color, devicePixelRatioF()));
    m_text->setText(ServerStatusText::stateName(status.state));

    QStringList lines;
    lines << tr("Central server: %1").arg(ServerStatusText::stateName(status.state));
    lines << ServerStatusText::details(status);
    if (status.state != workspace::ServerStatus::State::NotConfigured) {
        lines << tr("Last contact: %1")
                     .arg(status.lastContact.isValid() ? workbench::formatDateTime(status.lastContact)
                                                       : tr("never"));
        if (!status.workstation.isEmpty())
            lines << tr("This workstation: %1").arg(status.workstation);
        if (status.certificateExpires.isValid())
            lines
                << tr("Certificate valid until %1").arg(workbench::formatDateTime(status.certificateExpires));
        lines << tr("Audit: %1").arg(ServerStatusText::auditSummary(status));
        lines << tr("Sync: %1").arg(ServerStatusText::syncSummary(status));
    }
    if (!expiry.isEmpty())
        lines << expiry;
    setToolTip(lines.join(QLatin1Char('\n')));
    setAccessibleName(tr("Central server: %1").arg(ServerStatusText::stateName(status.state)));
}

void SyncIndicator::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked();
    QWidget::mouseReleaseEvent(event);
}

void SyncIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace mdp::net::ui
