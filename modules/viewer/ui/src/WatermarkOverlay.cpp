#include "mdp/viewer/WatermarkOverlay.h"

#include "WatermarkPainter.h"

#include <QEvent>
#include <QPainter>

namespace mdp::viewer {

WatermarkOverlay::WatermarkOverlay(const QString &text, QWidget *parent)
    : QWidget(parent)
    , m_text(text)
{
    setObjectName(QStringLiteral("watermark"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    parent->installEventFilter(this);
    setGeometry(parent->rect());
    raise();
}

bool WatermarkOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent()) {
        if (event->type() == QEvent::Resize)
            setGeometry(parentWidget()->rect());
        else if (event->type() == QEvent::ChildAdded || event->type() == QEvent::Show)
            raise();
    }
    return QWidget::eventFilter(watched, event);
}

void WatermarkOverlay::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    ui::WatermarkPainter::paint(p, rect(), m_text, ui::WatermarkPainter::Tone::OnPaper);
}

} // namespace mdp::viewer
