#pragma once

#include <QImage>
#include <QPixmap>
#include <QPointF>
#include <QWidget>

#include <functional>

namespace mdp::viewer::ui {

// One decoded image on a dark well: the wheel zooms around the pointer, dragging pans,
// double-click toggles between fitting the view and actual pixels. Until the user zooms, the image
// follows the view's size (fitted, or 1:1 when it is smaller than the view). The watermark is
// painted over everything.
class ImageView : public QWidget
{
    Q_OBJECT

public:
    explicit ImageView(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    void clear();
    const QImage &image() const { return m_image; }

    double zoomFactor() const { return m_scale; }
    bool isFitted() const { return m_fitted; }
    // Zooms so that `anchor` (widget coordinates) keeps showing the same image point.
    void zoomAt(double factor, QPointF anchor);
    void zoomIn();
    void zoomOut();
    void fitToView();
    void actualSize();
    void panBy(QPointF delta);

    QPointF imageToWidget(QPointF imagePoint) const;
    QPointF widgetToImage(QPointF widgetPoint) const;
    QRectF imageRectInWidget() const;

    void setWatermarkSource(std::function<QString()> source) { m_watermark = std::move(source); }

    static constexpr double MinZoom = 0.02;
    static constexpr double MaxZoom = 32.0;

Q_SIGNALS:
    void zoomChanged(double factor);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    double fitScale() const;
    void setScale(double scale, QPointF anchor);
    void clampOffset();
    void centre();
    const QPixmap &scaledPixmap();

    QImage m_image;
    double m_scale = 1.0;
    QPointF m_offset; // widget position of the image's top-left corner
    bool m_fitted = true;
    bool m_dragging = false;
    QPointF m_dragLast;
    QPixmap m_scaled; // the image at m_scale when shrunk, so painting does not resample each frame
    double m_scaledFor = 0.0;
    std::function<QString()> m_watermark;
};

} // namespace mdp::viewer::ui
