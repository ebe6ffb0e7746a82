#include "WatermarkPainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace mdp::viewer::ui {

namespace {
constexpr qreal Angle = -30.0;
constexpr qreal ColumnGap = 90.0;
constexpr qreal RowPitch = 120.0;
} // namespace

void WatermarkPainter::paint(QPainter &painter, const QRect &area, const QString &text, Tone tone)
{
    if (text.isEmpty() || area.isEmpty())
        return;

    painter.save();
    painter.setClipRect(area);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);

    QFont font = painter.font();
    font.setPixelSize(17);
    font.setWeight(QFont::DemiBold);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.4);
    const QFontMetricsF metrics(font);
    const qreal columnPitch = metrics.horizontalAdvance(text) + ColumnGap;

    QPainterPath glyphs;
    glyphs.addText(QPointF(0, 0), font, text);

    // Work in the rotated frame and cover the area's bounding circle, so the grid reaches every corner.
    const QPointF centre = QRectF(area).center();
    const qreal radius = std::hypot(area.width(), area.height()) / 2.0 + columnPitch;
    painter.translate(centre);
    painter.rotate(Angle);

    const QColor fill = tone == Tone::OnPaper ? QColor(0x1d, 0x3a, 0x5c, 38) : QColor(255, 255, 255, 70);
    const QColor halo = tone == Tone::OnPaper ? QColor() : QColor(0, 0, 0, 60);
    int row = 0;
    for (qreal y = -radius; y <= radius; y += RowPitch, ++row) {
        // Alternate rows are offset by half a column, so the text does not form straight columns.
        const qreal shift = (row % 2) ? columnPitch / 2.0 : 0.0;
        for (qreal x = -radius - shift; x <= radius; x += columnPitch) {
            const QPainterPath placed = glyphs.translated(x, y);
            if (halo.isValid()) {
                painter.setPen(QPen(halo, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                painter.setBrush(Qt::NoBrush);
                painter.drawPath(placed);
            }
            painter.setPen(Qt::NoPen);
            painter.setBrush(fill);
            painter.drawPath(placed);
        }
    }
    painter.restore();
}

} // namespace mdp::viewer::ui
