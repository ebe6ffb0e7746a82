#include "PdfPageView.h"

#include "ViewerLogging.h"
#include "WatermarkPainter.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPdfDocumentRenderOptions>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace mdp::viewer::ui {

namespace {

constexpr int Margin = 24;
constexpr int Spacing = 16;
constexpr int CacheReach = 2; // pages kept rendered beyond the visible ones
const QColor DeskColor(0xe3, 0xe7, 0xec);

constexpr std::array<double, 15> ZoomSteps{0.25, 0.33, 0.5,  0.67, 0.75, 0.9, 1.0, 1.1,
                                           1.25, 1.5,  1.75, 2.0,  2.5,  3.0, 4.0};

QPdfDocumentRenderOptions renderOptions()
{
    QPdfDocumentRenderOptions options;
    // Stamps and signatures on reports are annotations; without this flag they would vanish.
    options.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
    return options;
}

} // namespace

PdfPageView::PdfPageView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    // Always on, so fitting to the width does not toggle the bar and the width it fits to.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setAutoFillBackground(false);
    viewport()->setCursor(Qt::OpenHandCursor);
    verticalScrollBar()->setSingleStep(40);
    horizontalScrollBar()->setSingleStep(40);
}

PdfPageView::~PdfPageView()
{
    clear();
}

Result<int> PdfPageView::load(const QByteArray &bytes)
{
    clear();
    m_bytes = bytes;
    m_buffer.setBuffer(&m_bytes);
    if (!m_buffer.open(QIODevice::ReadOnly)) {
        clear();
        return makeError(Error::Code::Io, tr("the PDF could not be read from memory"));
    }

    // QPdfDocument::load(QIODevice *) reads a random-access device through PDFium's file-access
    // callbacks: the bytes never leave memory.
    m_document = std::make_unique<QPdfDocument>();
    m_document->load(&m_buffer);

    auto fail = [this](Error::Code code, const QString &reason) -> Result<int> {
        clear();
        return makeError(code, reason);
    };
    if (m_document->status() != QPdfDocument::Status::Ready) {
        qCInfo(lcViewer) << "PDF refused: QtPdf error" << m_document->error();
        switch (m_document->error()) {
        case QPdfDocument::Error::IncorrectPassword:
            return fail(Error::Code::PermissionDenied, tr("the PDF is protected by a password"));
        case QPdfDocument::Error::UnsupportedSecurityScheme:
            return fail(Error::Code::Unsupported,
                        tr("the PDF is encrypted with a scheme that is not supported"));
        case QPdfDocument::Error::InvalidFileFormat:
        case QPdfDocument::Error::DataNotYetAvailable:
            return fail(Error::Code::Corrupt, tr("the PDF file is damaged or incomplete"));
        default:
            return fail(Error::Code::Corrupt, tr("the PDF could not be opened"));
        }
    }

    const int pages = m_document->pageCount();
    if (pages <= 0)
        return fail(Error::Code::Corrupt, tr("the PDF has no pages"));
    m_pagePoints.reserve(pages);
    for (int i = 0; i < pages; ++i) {
        const QSizeF size = m_document->pagePointSize(i);
        if (!size.isValid() || size.isEmpty())
            return fail(Error::Code::Corrupt, tr("the PDF file is damaged or incomplete"));
        m_pagePoints << size;
    }
    // A document whose first page cannot even be loaded is damaged, whatever its cross-reference says.
    if (m_document->render(0, QSize(8, 8), renderOptions()).isNull())
        return fail(Error::Code::Corrupt, tr("the PDF file is damaged or incomplete"));

    m_currentPage = 0;
    m_zoomMode = ZoomMode::FitWidth;
    m_zoom = fitZoom(m_zoomMode);
    relayout();
    m_navigating = true;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    m_navigating = false;
    viewport()->update();
    return pages;
}

void PdfPageView::clear()
{
    m_cache.clear();
    m_cacheScale = 0.0;
    if (m_document)
        m_document->close();
    m_document.reset();
    m_buffer.close();
    m_buffer.setBuffer(nullptr);
    m_bytes = QByteArray();
    m_pagePoints.clear();
    m_pageRects.clear();
    m_contentSize = QSize();
    m_currentPage = 0;
    updateScrollBars();
    viewport()->update();
}

double PdfPageView::pixelsPerPoint() const
{
    return logicalDpiX() / 72.0;
}

double PdfPageView::fitZoom(ZoomMode mode) const
{
    if (m_pagePoints.isEmpty())
        return 1.0;
    const QSize area = viewport()->size() - QSize(2 * Margin, 2 * Margin);
    double widest = 0;
    for (const QSizeF &size : m_pagePoints)
        widest = std::max(widest, size.width());
    const double byWidth = area.width() / (widest * pixelsPerPoint());
    double zoom = byWidth;
    if (mode == ZoomMode::FitPage) {
        const QSizeF page = m_pagePoints.value(m_currentPage);
        const double byHeight = area.height() / (page.height() * pixelsPerPoint());
        zoom = std::min(area.width() / (page.width() * pixelsPerPoint()), byHeight);
    }
    return std::clamp(zoom, 0.05, MaxZoom);
}

void PdfPageView::setZoomFactor(double factor)
{
    applyZoom(std::clamp(factor, MinZoom, MaxZoom), ZoomMode::Custom);
}

void PdfPageView::setZoomMode(ZoomMode mode)
{
    if (mode == ZoomMode::Custom) {
        m_zoomMode = mode;
        return;
    }
    applyZoom(fitZoom(mode), mode);
    if (mode == ZoomMode::FitPage)
        setCurrentPage(m_currentPage); // a whole page in view: start at its top
}

void PdfPageView::zoomIn()
{
    for (double step : ZoomSteps) {
        if (step > m_zoom * 1.001)
            return applyZoom(step, ZoomMode::Custom);
    }
    applyZoom(MaxZoom, ZoomMode::Custom);
}

void PdfPageView::zoomOut()
{
    for (auto it = ZoomSteps.rbegin(); it != ZoomSteps.rend(); ++it) {
        if (*it < m_zoom / 1.001)
            return applyZoom(*it, ZoomMode::Custom);
    }
    applyZoom(MinZoom, ZoomMode::Custom);
}

void PdfPageView::applyZoom(double factor, ZoomMode mode, double anchor)
{
    m_zoomMode = mode;
    if (m_pagePoints.isEmpty()) {
        m_zoom = factor;
        return;
    }
    // Keep the point of the page under the anchor where it is.
    const QPoint offset = scrollOffset();
    const int anchorX = viewport()->width() / 2;
    const int anchorY = int(viewport()->height() * anchor);
    const QPoint point = offset + QPoint(anchorX, anchorY);
    int anchorPage = 0;
    for (int i = 0; i < m_pageRects.size(); ++i) {
        if (m_pageRects[i].top() - Spacing <= point.y())
            anchorPage = i;
    }
    const QRect before = m_pageRects.value(anchorPage);
    // Above the page (in the margin): keep the distance in pixels; on it, the place on the page.
    const int above = std::max(0, before.top() - point.y());
    const double fy =
        before.height() > 0 ? std::clamp(double(point.y() - before.top()) / before.height(), 0.0, 1.0) : 0.0;
    const double fx = before.width() > 0 ? double(point.x() - before.left()) / before.width() : 0.5;

    const bool changed = !qFuzzyCompare(m_zoom, factor);
    m_zoom = factor;
    relayout();

    const QRect after = m_pageRects.value(anchorPage);
    m_navigating = true;
    verticalScrollBar()->setValue(int(std::lround(after.top() + fy * after.height())) - above - anchorY);
    horizontalScrollBar()->setValue(int(std::lround(after.left() + fx * after.width())) - anchorX);
    m_navigating = false;
    viewport()->update();
    if (changed)
        Q_EMIT zoomChanged(m_zoom);
}

void PdfPageView::relayout()
{
    m_pageRects.clear();
    if (m_pagePoints.isEmpty()) {
        m_contentSize = QSize();
        updateScrollBars();
        return;
    }
    const double scale = pixelsPerPoint() * m_zoom;
    int widest = 0;
    QList<QSize> sizes;
    sizes.reserve(m_pagePoints.size());
    for (const QSizeF &points : m_pagePoints) {
        const QSize size(std::max(1, int(std::lround(points.width() * scale))),
                         std::max(1, int(std::lround(points.height() * scale))));
        widest = std::max(widest, size.width());
        sizes << size;
    }
    const int contentWidth = std::max(widest + 2 * Margin, viewport()->width());
    int y = Margin;
    for (const QSize &size : sizes) {
        m_pageRects << QRect(QPoint((contentWidth - size.width()) / 2, y), size);
        y += size.height() + Spacing;
    }
    m_contentSize = QSize(contentWidth, y - Spacing + Margin);
    updateScrollBars();
}

void PdfPageView::updateScrollBars()
{
    const QSize view = viewport()->size();
    verticalScrollBar()->setRange(0, std::max(0, m_contentSize.height() - view.height()));
    verticalScrollBar()->setPageStep(view.height());
    horizontalScrollBar()->setRange(0, std::max(0, m_contentSize.width() - view.width()));
    horizontalScrollBar()->setPageStep(view.width());
}

QPoint PdfPageView::scrollOffset() const
{
    return QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
}

QRect PdfPageView::pageRectInViewport(int page) const
{
    if (page < 0 || page >= m_pageRects.size())
        return QRect();
    return m_pageRects[page].translated(-scrollOffset());
}

void PdfPageView::setCurrentPage(int page)
{
    if (m_pageRects.isEmpty())
        return;
    page = std::clamp(page, 0, int(m_pageRects.size()) - 1);
    m_navigating = true;
    verticalScrollBar()->setValue(m_pageRects[page].top() - Margin);
    m_navigating = false;
    viewport()->update();
    if (page != m_currentPage) {
        m_currentPage = page;
        Q_EMIT currentPageChanged(page);
    }
}

void PdfPageView::updateCurrentPageFromScroll()
{
    if (m_pageRects.isEmpty())
        return;
    // The page that covers the upper third of the view is the one being read.
    const int probe = verticalScrollBar()->value() + viewport()->height() / 3;
    int page = 0;
    for (int i = 0; i < m_pageRects.size(); ++i) {
        if (m_pageRects[i].top() <= probe)
            page = i;
        else
            break;
    }
    if (page != m_currentPage) {
        m_currentPage = page;
        Q_EMIT currentPageChanged(page);
    }
}

void PdfPageView::scrollContentsBy(int, int)
{
    if (!m_navigating)
        updateCurrentPageFromScroll();
    viewport()->update();
}

void PdfPageView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    if (m_pagePoints.isEmpty())
        return;
    if (m_zoomMode == ZoomMode::Custom) {
        relayout();
    } else {
        // A resize keeps what is at the top of the view there (a freshly opened document stays at
        // its first line).
        applyZoom(fitZoom(m_zoomMode), m_zoomMode, 0.0);
    }
}

void PdfPageView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta > 0)
            zoomIn();
        else if (delta < 0)
            zoomOut();
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

bool PdfPageView::viewportEvent(QEvent *event)
{
    // Dragging pans the pages; there is deliberately no text selection (nothing to copy out).
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton) {
            m_dragging = true;
            m_dragStart = mouse->position().toPoint();
            m_dragScrollStart = scrollOffset();
            viewport()->setCursor(Qt::ClosedHandCursor);
            return true;
        }
        break;
    }
    case QEvent::MouseMove: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (m_dragging) {
            const QPoint delta = mouse->position().toPoint() - m_dragStart;
            horizontalScrollBar()->setValue(m_dragScrollStart.x() - delta.x());
            verticalScrollBar()->setValue(m_dragScrollStart.y() - delta.y());
            return true;
        }
        break;
    }
    case QEvent::MouseButtonRelease:
        if (m_dragging) {
            m_dragging = false;
            viewport()->setCursor(Qt::OpenHandCursor);
            return true;
        }
        break;
    default:
        break;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QImage PdfPageView::renderWholePage(int page, QSize deviceSize)
{
    QImage image = m_document->render(page, deviceSize, renderOptions());
    return image;
}

void PdfPageView::trimCache()
{
    if (m_cache.size() <= 2 * CacheReach + 4)
        return;
    const QRect visible(scrollOffset(), viewport()->size());
    int first = -1;
    int last = -1;
    for (int i = 0; i < m_pageRects.size(); ++i) {
        if (m_pageRects[i].intersects(visible)) {
            if (first < 0)
                first = i;
            last = i;
        }
    }
    for (auto it = m_cache.begin(); it != m_cache.end();) {
        if (it.key() < first - CacheReach || it.key() > last + CacheReach)
            it = m_cache.erase(it);
        else
            ++it;
    }
}

void PdfPageView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QRect area = viewport()->rect();
    p.fillRect(area, DeskColor);
    if (!m_document || m_pageRects.isEmpty())
        return;

    const qreal dpr = viewport()->devicePixelRatioF();
    const double deviceScale = pixelsPerPoint() * m_zoom * dpr;
    if (!qFuzzyCompare(m_cacheScale, deviceScale)) {
        m_cache.clear();
        m_cacheScale = deviceScale;
    }

    const QPoint offset = scrollOffset();
    const QRect visible(offset, area.size());
    for (int i = 0; i < m_pageRects.size(); ++i) {
        const QRect &content = m_pageRects[i];
        if (content.top() > visible.bottom())
            break;
        if (!content.intersects(visible))
            continue;
        const QRect target = content.translated(-offset);
        p.fillRect(target.adjusted(-1, -1, 1, 1), QColor(0x10, 0x26, 0x3b, 22));
        p.fillRect(target.adjusted(0, 2, 2, 3), QColor(0x10, 0x26, 0x3b, 18));
        p.fillRect(target, Qt::white);

        const QSize deviceSize(int(std::lround(target.width() * dpr)),
                               int(std::lround(target.height() * dpr)));
        if (qint64(deviceSize.width()) * deviceSize.height() <= m_renderPixelLimit) {
            auto cached = m_cache.constFind(i);
            QImage image = cached != m_cache.cend() ? *cached : renderWholePage(i, deviceSize);
            if (cached == m_cache.cend() && !image.isNull())
                m_cache.insert(i, image);
            if (!image.isNull()) {
                image.setDevicePixelRatio(dpr);
                p.drawImage(target.topLeft(), image);
            }
        } else {
            // Too large to render whole (a poster-sized page or a deep zoom): render what is visible.
            const QRect part = target.intersected(area).translated(-target.topLeft());
            const QRect clip(int(std::floor(part.x() * dpr)), int(std::floor(part.y() * dpr)),
                             int(std::ceil(part.width() * dpr)), int(std::ceil(part.height() * dpr)));
            QPdfDocumentRenderOptions options = renderOptions();
            options.setScaledSize(deviceSize);
            options.setScaledClipRect(clip);
            QImage image = m_document->render(i, clip.size(), options);
            if (!image.isNull()) {
                image.setDevicePixelRatio(dpr);
                p.drawImage(target.topLeft() + part.topLeft(), image);
            }
        }
    }
    trimCache();

    if (m_watermark)
        WatermarkPainter::paint(p, area, m_watermark(), WatermarkPainter::Tone::OnPaper);
}

} // namespace mdp::viewer::ui
