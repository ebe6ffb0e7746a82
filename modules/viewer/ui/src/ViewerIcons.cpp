#include "ViewerIcons.h"

#include <QPainter>
#include <QPainterPath>

namespace mdp::viewer::ui {

namespace {

// Every icon is drawn on a 24-unit grid and scaled to the requested size.
void draw(QPainter &p, ViewerIcons::Name name, const QColor &color)
{
    QPen pen(color, 1.7, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    auto magnifier = [&p] {
        p.drawEllipse(QPointF(10.5, 10.5), 6.5, 6.5);
        p.drawLine(QPointF(15.3, 15.3), QPointF(20.5, 20.5));
    };
    switch (name) {
    case ViewerIcons::Name::PreviousPage:
        p.drawPolyline(QPolygonF({QPointF(14.5, 6), QPointF(8.5, 12), QPointF(14.5, 18)}));
        break;
    case ViewerIcons::Name::NextPage:
        p.drawPolyline(QPolygonF({QPointF(9.5, 6), QPointF(15.5, 12), QPointF(9.5, 18)}));
        break;
    case ViewerIcons::Name::ZoomIn:
        magnifier();
        p.drawLine(QPointF(7.5, 10.5), QPointF(13.5, 10.5));
        p.drawLine(QPointF(10.5, 7.5), QPointF(10.5, 13.5));
        break;
    case ViewerIcons::Name::ZoomOut:
        magnifier();
        p.drawLine(QPointF(7.5, 10.5), QPointF(13.5, 10.5));
        break;
    case ViewerIcons::Name::FitWidth:
        p.drawLine(QPointF(3.5, 5), QPointF(3.5, 19));
        p.drawLine(QPointF(20.5, 5), QPointF(20.5, 19));
        p.drawLine(QPointF(7, 12), QPointF(17, 12));
        p.drawPolyline(QPolygonF({QPointF(9.5, 9.5), QPointF(7, 12), QPointF(9.5, 14.5)}));
        p.drawPolyline(QPolygonF({QPointF(14.5, 9.5), QPointF(17, 12), QPointF(14.5, 14.5)}));
        break;
    case ViewerIcons::Name::FitPage:
        p.drawRoundedRect(QRectF(6, 3.5, 12, 17), 1.5, 1.5);
        p.drawPolyline(QPolygonF({QPointF(9, 9), QPointF(12, 6.5), QPointF(15, 9)}));
        p.drawPolyline(QPolygonF({QPointF(9, 15), QPointF(12, 17.5), QPointF(15, 15)}));
        break;
    case ViewerIcons::Name::ActualSize: {
        QFont font = p.font();
        font.setPixelSize(10);
        font.setBold(true);
        p.setFont(font);
        p.drawRoundedRect(QRectF(2.5, 5, 19, 14), 2, 2);
        p.drawText(QRectF(2.5, 5, 19, 14), Qt::AlignCenter, QStringLiteral("1:1"));
        break;
    }
    case ViewerIcons::Name::Document: {
        QPainterPath page;
        page.moveTo(6, 3);
        page.lineTo(14, 3);
        page.lineTo(19, 8);
        page.lineTo(19, 21);
        page.lineTo(6, 21);
        page.closeSubpath();
        p.drawPath(page);
        p.drawPolyline(QPolygonF({QPointF(14, 3), QPointF(14, 8), QPointF(19, 8)}));
        p.drawLine(QPointF(9, 12.5), QPointF(16, 12.5));
        p.drawLine(QPointF(9, 16.5), QPointF(16, 16.5));
        break;
    }
    case ViewerIcons::Name::Image:
        p.drawRoundedRect(QRectF(3.5, 4.5, 17, 15), 2, 2);
        p.drawEllipse(QPointF(9, 9.5), 1.8, 1.8);
        p.drawPolyline(QPolygonF(
            {QPointF(4, 17.5), QPointF(10, 12), QPointF(14, 15.5), QPointF(16.5, 13.5), QPointF(20, 16.5)}));
        break;
    case ViewerIcons::Name::Warning: {
        QPainterPath triangle;
        triangle.moveTo(12, 3.5);
        triangle.lineTo(21.5, 20);
        triangle.lineTo(2.5, 20);
        triangle.closeSubpath();
        p.drawPath(triangle);
        p.drawLine(QPointF(12, 9.5), QPointF(12, 14));
        p.setBrush(color);
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(12, 17), 1.1, 1.1);
        break;
    }
    case ViewerIcons::Name::Info:
        p.drawEllipse(QPointF(12, 12), 9, 9);
        p.drawLine(QPointF(12, 11), QPointF(12, 16.5));
        p.setBrush(color);
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(12, 7.8), 1.1, 1.1);
        break;
    case ViewerIcons::Name::Shield: {
        QPainterPath shield;
        shield.moveTo(12, 3);
        shield.lineTo(19.5, 6);
        shield.cubicTo(19.5, 13, 16.5, 18.5, 12, 21);
        shield.cubicTo(7.5, 18.5, 4.5, 13, 4.5, 6);
        shield.closeSubpath();
        p.drawPath(shield);
        p.drawPolyline(QPolygonF({QPointF(8.8, 12), QPointF(11, 14.2), QPointF(15.3, 9.8)}));
        break;
    }
    }
}

} // namespace

QPixmap ViewerIcons::pixmap(Name name, int side, const QColor &color, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(side, side) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.scale(side / 24.0, side / 24.0);
    draw(p, name, color);
    return pixmap;
}

QIcon ViewerIcons::icon(Name name, const QColor &color)
{
    QIcon result;
    const QColor disabled(0xb0, 0xb9, 0xc3);
    for (int side : {16, 18, 20, 24, 32}) {
        for (qreal dpr : {1.0, 2.0}) {
            result.addPixmap(pixmap(name, side, color, dpr), QIcon::Normal);
            result.addPixmap(pixmap(name, side, disabled, dpr), QIcon::Disabled);
        }
    }
    return result;
}

} // namespace mdp::viewer::ui
