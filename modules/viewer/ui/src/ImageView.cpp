#include "ImageView.h"

#include "WatermarkPainter.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace mdp::viewer::ui {

namespace {
constexpr int Margin = 16;
constexpr double WheelStep = 1.25; // per notch
constexpr double KeyStep = 1.25;
constexpr qint64 ShrunkCacheLimit = 6000LL * 6000; // pixels; beyond it, paint from the source
const QColor WellColor(0x1e, 0x29, 0x34);
} // namespace

ImageView::ImageView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::OpenHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ImageView::setImage(const QImage &image)
{
    m_image = image;
    m_scaled = QPixmap();
    m_scaledFor = 0.0;
    m_fitted = true;
    m_scale = std::min(1.0, fitScale()); // a small image is shown at its own size, not blown up
    centre();
    update();
    Q_EMIT zoomChanged(m_scale);
}

void ImageView::clear()
{
    m_image = QImage();
    m_scaled = QPixmap();
    m_scaledFor = 0.0;
    m_scale = 1.0;
    m_fitted = true;
    update();
}

double ImageView::fitScale() const
{
    if (m_image.isNull())
        return 1.0;
    const double w = std::max(1, width() - 2 * Margin);
    const double h = std::max(1, height() - 2 * Margin);
    return std::clamp(std::min(w / m_image.width(), h / m_image.height()), MinZoom, MaxZoom);
}

void ImageView::centre()
{
    // Whole pixels: at 1:1 a half-pixel offset would resample (blur) every pixel.
    m_offset = QPointF(std::round((width() - m_image.width() * m_scale) / 2.0),
                       std::round((height() - m_image.height() * m_scale) / 2.0));
}

void ImageView::clampOffset()
{
    // Shown smaller than the view on an axis: it stays inside. Larger: no empty well beyond its edges.
    const QSizeF shown(m_image.width() * m_scale, m_image.height() * m_scale);
    auto clampAxis = [](double offset, double shownLength, double viewLength) {
        if (shownLength <= viewLength)
            return std::clamp(offset, 0.0, viewLength - shownLength);
        return std::clamp(offset, viewLength - shownLength, 0.0);
    };
    m_offset.setX(clampAxis(m_offset.x(), shown.width(), width()));
    m_offset.setY(clampAxis(m_offset.y(), shown.height(), height()));
}

void ImageView::setScale(double scale, QPointF anchor)
{
    if (m_image.isNull())
        return;
    scale = std::clamp(scale, MinZoom, MaxZoom);
    const QPointF imagePoint = widgetToImage(anchor);
    const bool changed = !qFuzzyCompare(scale, m_scale);
    m_scale = scale;
    m_offset = anchor - imagePoint * m_scale;
    clampOffset();
    update();
    if (changed)
        Q_EMIT zoomChanged(m_scale);
}

void ImageView::zoomAt(double factor, QPointF anchor)
{
    m_fitted = false;
    setScale(factor, anchor);
}

void ImageView::zoomIn()
{
    zoomAt(m_scale * KeyStep, rect().center());
}

void ImageView::zoomOut()
{
    zoomAt(m_scale / KeyStep, rect().center());
}

void ImageView::fitToView()
{
    if (m_image.isNull())
        return;
    m_fitted = true;
    const double before = m_scale;
    m_scale = fitScale();
    centre();
    update();
    if (!qFuzzyCompare(before, m_scale))
        Q_EMIT zoomChanged(m_scale);
}

void ImageView::actualSize()
{
    m_fitted = false;
    setScale(1.0, rect().center());
}

void ImageView::panBy(QPointF delta)
{
    m_offset += delta;
    clampOffset();
    update();
}

QPointF ImageView::imageToWidget(QPointF imagePoint) const
{
    return m_offset + imagePoint * m_scale;
}

QPointF ImageView::widgetToImage(QPointF widgetPoint) const
{
    return (widgetPoint - m_offset) / m_scale;
}

QRectF ImageView::imageRectInWidget() const
{
    return QRectF(m_offset, QSizeF(m_image.width() * m_scale, m_image.height() * m_scale));
}

void ImageView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_image.isNull())
        return;
    if (m_fitted) {
        const double before = m_scale;
        m_scale = std::min(1.0, fitScale());
        if (!qFuzzyCompare(before, m_scale))
            Q_EMIT zoomChanged(m_scale);
        centre();
    } else {
        clampOffset();
    }
}

void ImageView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0 || m_image.isNull()) {
        event->ignore();
        return;
    }
    zoomAt(m_scale * std::pow(WheelStep, delta / 120.0), event->position());
    event->accept();
}

void ImageView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragLast = event->position();
    setCursor(Qt::ClosedHandCursor);
    event->accept();
}

void ImageView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseMoveEvent(event);
    m_fitted = false;
    panBy(event->position() - m_dragLast);
    m_dragLast = event->position();
    event->accept();
}

void ImageView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_dragging)
        return QWidget::mouseReleaseEvent(event);
    m_dragging = false;
    setCursor(Qt::OpenHandCursor);
    event->accept();
}

void ImageView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (m_fitted)
        zoomAt(1.0, event->position());
    else
        fitToView();
    event->accept();
}

const QPixmap &ImageView::scaledPixmap()
{
    if (!qFuzzyCompare(m_scaledFor, m_scale)) {
        const QSize size(std::max(1, int(std::lround(m_image.width() * m_scale * devicePixelRatioF()))),
                         std::max(1, int(std::lround(m_image.height() * m_scale * devicePixelRatioF()))));
        m_scaled = QPixmap::fromImage(m_image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        m_scaled.setDevicePixelRatio(devicePixelRatioF());
        m_scaledFor = m_scale;
    }
    return m_scaled;
}

void ImageView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), WellColor);
    if (m_image.isNull())
        return;

    const QRectF shown = imageRectInWidget();
    const qint64 shownPixels = qint64(shown.width()) * qint64(shown.height());
    if (m_scale < 1.0 && shownPixels <= ShrunkCacheLimit) {
        p.drawPixmap(shown.topLeft(), scaledPixmap());
    } else {
        // Enlarged: paint only the visible part of the source; from 2x up, show crisp pixels, as a
        // reader of medical images expects.
        const QRectF visible = shown.intersected(QRectF(rect()));
        if (!visible.isEmpty()) {
            const QRectF source((visible.topLeft() - m_offset) / m_scale, visible.size() / m_scale);
            p.setRenderHint(QPainter::SmoothPixmapTransform, m_scale < 2.0);
            p.drawImage(visible, m_image, source);
        }
    }

    if (m_watermark)
        WatermarkPainter::paint(p, rect(), m_watermark(), WatermarkPainter::Tone::OnImage);
}

} // namespace mdp::viewer::ui
