#pragma once

#include "mdp/foundation/Result.h"

#include <QAbstractScrollArea>
#include <QBuffer>
#include <QByteArray>
#include <QHash>
#include <QImage>
#include <QList>
#include <QPdfDocument>
#include <QPoint>

#include <functional>
#include <memory>

namespace mdp::viewer::ui {

// A PDF's pages one below the other on a grey desk, rendered by QtPdf straight from memory: the
// document reads from a QBuffer over the caller's bytes, nothing is written anywhere. Pages are
// rendered on demand for the current zoom and kept while they stay near the view; a page too large
// to render whole is rendered only where it is visible. The watermark is painted over everything.
//
// Pages are numbered from 0.
class PdfPageView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    enum class ZoomMode
    {
        Custom,
        FitWidth,
        FitPage,
    };

    explicit PdfPageView(QWidget *parent = nullptr);
    ~PdfPageView() override;

    // Opens the PDF; the page count, or a reason to follow "This document cannot be shown: ".
    Result<int> load(const QByteArray &bytes);
    void clear();

    int pageCount() const { return m_pagePoints.size(); }
    int currentPage() const { return m_currentPage; }
    void setCurrentPage(int page);

    double zoomFactor() const { return m_zoom; }
    ZoomMode zoomMode() const { return m_zoomMode; }
    void setZoomFactor(double factor);
    void setZoomMode(ZoomMode mode);
    void zoomIn();
    void zoomOut();

    void setWatermarkSource(std::function<QString()> source) { m_watermark = std::move(source); }
    void setRenderPixelLimit(qint64 pixels) { m_renderPixelLimit = pixels; }

    // Where a page is drawn, in viewport coordinates (for tests and hit checks).
    QRect pageRectInViewport(int page) const;

    static constexpr double MinZoom = 0.25;
    static constexpr double MaxZoom = 4.0;

Q_SIGNALS:
    void currentPageChanged(int page);
    void zoomChanged(double factor);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void wheelEvent(QWheelEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    double pixelsPerPoint() const;
    double fitZoom(ZoomMode mode) const;
    // `anchor` is the height in the view (0 top, 1 bottom) whose page point stays in place.
    void applyZoom(double factor, ZoomMode mode, double anchor = 0.5);
    void relayout();
    void updateScrollBars();
    void updateCurrentPageFromScroll();
    QImage renderWholePage(int page, QSize deviceSize);
    void trimCache();
    QPoint scrollOffset() const;

    QByteArray m_bytes;
    QBuffer m_buffer;
    // Declared after the buffer it reads from, so it goes first. A fresh document per load: QtPdf
    // 6.4 keeps state from a failed load in a reused one.
    std::unique_ptr<QPdfDocument> m_document;

    QList<QSizeF> m_pagePoints;
    QList<QRect> m_pageRects; // content coordinates at the current zoom
    QSize m_contentSize;
    int m_currentPage = 0;
    double m_zoom = 1.0;
    ZoomMode m_zoomMode = ZoomMode::FitWidth;
    bool m_navigating = false;

    QHash<int, QImage> m_cache;
    double m_cacheScale = 0.0;
    qint64 m_renderPixelLimit = 16LL * 1024 * 1024;

    QPoint m_dragStart;
    QPoint m_dragScrollStart;
    bool m_dragging = false;

    std::function<QString()> m_watermark;
};

} // namespace mdp::viewer::ui
