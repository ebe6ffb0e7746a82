#include "mdp/viewer/DocumentViewer.h"

#include "ContentGuard.h"
#include "ImageDecoder.h"
#include "ImageView.h"
#include "MessagePanel.h"
#include "PdfPageView.h"
#include "ViewerIcons.h"
#include "ViewerLogging.h"

#include "mdp/foundation/Clock.h"
#include "mdp/viewer/DocumentViewAudit.h"
#include "mdp/viewer/MediaTypeSniffer.h"
#include "mdp/viewer/Watermark.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace mdp::viewer::ui {

namespace {

const QColor IconColor(0x3e, 0x4c, 0x59);

// The viewer's own look, scoped by object names so it holds with or without the shell's style sheet.
const char *const StyleSheet = R"(
QWidget#viewerToolBar { background: #ffffff; border-bottom: 1px solid #dde3ea; }
QLabel#viewerFileName { font-weight: 600; color: #10263b; }
QLabel#viewerFileInfo, QLabel#viewerPageTotal, QLabel#viewerZoomLabel { color: #5f6b7a; }
QLabel#viewerZoomLabel { min-width: 44px; }
QToolButton#viewerButton { border: 1px solid transparent; border-radius: 5px; padding: 3px; background: transparent; }
QToolButton#viewerButton:hover { background: #eef2f6; border-color: #dde3ea; }
QToolButton#viewerButton:pressed, QToolButton#viewerButton:checked { background: #e3e9ef; }
QFrame#viewerSeparator { background: #e1e6ec; min-width: 1px; max-width: 1px; border: none; }
QSpinBox#viewerPageBox { background: #ffffff; border: 1px solid #c5ced8; border-radius: 4px;
    padding: 2px 4px; min-height: 18px; }
QSpinBox#viewerPageBox:focus { border-color: #1d6fb8; }
QWidget#viewerFooter { background: #f8fafc; border-top: 1px solid #dde3ea; }
QLabel#viewerFooterText { color: #5f6b7a; font-size: 9pt; }
QWidget#viewerMessagePanel { background: #f4f6f9; }
QFrame#viewerMessageCard { background: #ffffff; border: 1px solid #dde3ea; border-radius: 8px; }
QLabel#viewerMessageTitle { font-size: 12pt; font-weight: 600; color: #10263b; }
QLabel#viewerMessageDetail { color: #3e4c59; }
)";

QString sentence(const QString &reason)
{
    if (reason.isEmpty())
        return reason;
    QString text = reason;
    text[0] = text[0].toUpper();
    const QChar last = text.back();
    if (last == u'.' || last == u'\u3002')
        return text;
    // Chinese sentences end with the ideographic full stop.
    text += last.unicode() >= 0x2e80 ? QChar(0x3002) : QChar(u'.');
    return text;
}

} // namespace

DocumentViewer::DocumentViewer(QWidget *parent)
    : QWidget(parent)
    , m_clock(&SystemClock::instance())
{
    setObjectName(QStringLiteral("documentViewer"));
    setStyleSheet(QString::fromLatin1(StyleSheet));
    setMinimumSize(360, 280);

    m_guard = new ContentGuard(this);

    // Header: what is open, page navigation, zoom.
    m_toolBar = new QWidget(this);
    m_toolBar->setObjectName(QStringLiteral("viewerToolBar"));
    m_toolBar->setAttribute(Qt::WA_StyledBackground);
    m_toolBar->setMinimumHeight(44); // the same height whether or not the zoom buttons are shown
    auto *bar = new QHBoxLayout(m_toolBar);
    bar->setContentsMargins(12, 6, 8, 6);
    bar->setSpacing(4);

    auto makeButton = [this](ViewerIcons::Name icon, const char *name) {
        auto *button = new QToolButton(m_toolBar);
        button->setObjectName(QStringLiteral("viewerButton"));
        button->setProperty("action", QString::fromLatin1(name));
        button->setIcon(ViewerIcons::icon(icon, IconColor));
        button->setIconSize(QSize(18, 18));
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus); // keys keep going to the document
        return button;
    };
    auto makeSeparator = [this] {
        auto *line = new QFrame(m_toolBar);
        line->setObjectName(QStringLiteral("viewerSeparator"));
        line->setFixedHeight(20);
        return line;
    };

    m_kindIcon = new QLabel(m_toolBar);
    m_fileLabel = new QLabel(m_toolBar);
    m_fileLabel->setObjectName(QStringLiteral("viewerFileName"));
    m_fileLabel->setTextFormat(Qt::PlainText);
    m_fileLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_fileLabel->setMinimumWidth(60);
    m_infoLabel = new QLabel(m_toolBar);
    m_infoLabel->setObjectName(QStringLiteral("viewerFileInfo"));
    m_infoLabel->setTextFormat(Qt::PlainText);
    bar->addWidget(m_kindIcon);
    bar->addSpacing(4);
    bar->addWidget(m_fileLabel, 1);
    bar->addSpacing(6);
    bar->addWidget(m_infoLabel);
    bar->addSpacing(12);

    m_pageControls = new QWidget(m_toolBar);
    auto *pages = new QHBoxLayout(m_pageControls);
    pages->setContentsMargins(0, 0, 0, 0);
    pages->setSpacing(4);
    m_previousButton = makeButton(ViewerIcons::Name::PreviousPage, "previousPage");
    m_nextButton = makeButton(ViewerIcons::Name::NextPage, "nextPage");
    m_pageBox = new QSpinBox(m_pageControls);
    m_pageBox->setObjectName(QStringLiteral("viewerPageBox"));
    m_pageBox->setButtonSymbols(QAbstractSpinBox::NoButtons);
    m_pageBox->setAlignment(Qt::AlignCenter);
    m_pageBox->setKeyboardTracking(false);
    m_pageBox->setFixedWidth(46);
    m_pageTotal = new QLabel(m_pageControls);
    m_pageTotal->setObjectName(QStringLiteral("viewerPageTotal"));
    pages->addWidget(m_previousButton);
    pages->addWidget(m_pageBox);
    pages->addWidget(m_pageTotal);
    pages->addWidget(m_nextButton);
    pages->addSpacing(6);
    pages->addWidget(makeSeparator());
    pages->addSpacing(6);
    bar->addWidget(m_pageControls);

    m_zoomOutButton = makeButton(ViewerIcons::Name::ZoomOut, "zoomOut");
    m_zoomLabel = new QLabel(m_toolBar);
    m_zoomLabel->setObjectName(QStringLiteral("viewerZoomLabel"));
    m_zoomLabel->setAlignment(Qt::AlignCenter);
    m_zoomInButton = makeButton(ViewerIcons::Name::ZoomIn, "zoomIn");
    m_fitWidthButton = makeButton(ViewerIcons::Name::FitWidth, "fitWidth");
    m_fitPageButton = makeButton(ViewerIcons::Name::FitPage, "fitPage");
    m_actualSizeButton = makeButton(ViewerIcons::Name::ActualSize, "actualSize");
    bar->addWidget(m_zoomOutButton);
    bar->addWidget(m_zoomLabel);
    bar->addWidget(m_zoomInButton);
    bar->addSpacing(4);
    bar->addWidget(m_fitWidthButton);
    bar->addWidget(m_fitPageButton);
    bar->addWidget(m_actualSizeButton);

    // Content.
    m_stack = new QStackedWidget(this);
    m_messagePanel = new MessagePanel(m_stack);
    m_messagePanel->setAttribute(Qt::WA_StyledBackground);
    m_pdfView = new PdfPageView(m_stack);
    m_pdfView->setObjectName(QStringLiteral("viewerPdfView"));
    m_imageView = new ImageView(m_stack);
    m_imageView->setObjectName(QStringLiteral("viewerImageView"));
    m_stack->addWidget(m_messagePanel);
    m_stack->addWidget(m_pdfView);
    m_stack->addWidget(m_imageView);

    const auto watermark = [this] { return watermarkText(); };
    m_pdfView->setWatermarkSource(watermark);
    m_imageView->setWatermarkSource(watermark);
    m_pdfView->setRenderPixelLimit(m_limits.maxPdfPageRenderPixels);

    // Footer: what protects this view.
    auto *footer = new QWidget(this);
    footer->setObjectName(QStringLiteral("viewerFooter"));
    footer->setAttribute(Qt::WA_StyledBackground);
    auto *foot = new QHBoxLayout(footer);
    foot->setContentsMargins(12, 4, 12, 4);
    foot->setSpacing(6);
    auto *shield = new QLabel(footer);
    shield->setPixmap(
        ViewerIcons::pixmap(ViewerIcons::Name::Shield, 14, QColor(0x2e, 0x7d, 0x32), devicePixelRatioF()));
    m_footerLabel = new QLabel(footer);
    m_footerLabel->setObjectName(QStringLiteral("viewerFooterText"));
    m_footerLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    foot->addWidget(shield);
    foot->addWidget(m_footerLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(footer);

    for (QWidget *area :
         {static_cast<QWidget *>(this), static_cast<QWidget *>(m_stack), static_cast<QWidget *>(m_pdfView),
          static_cast<QWidget *>(m_imageView), static_cast<QWidget *>(m_messagePanel)})
        m_guard->guard(area);
    m_pdfView->installEventFilter(this);
    m_imageView->installEventFilter(this);
    installEventFilter(this);

    connect(m_previousButton, &QToolButton::clicked, this, &DocumentViewer::previousPage);
    connect(m_nextButton, &QToolButton::clicked, this, &DocumentViewer::nextPage);
    connect(m_pageBox, &QSpinBox::valueChanged, this, [this](int value) { setCurrentPage(value - 1); });
    connect(m_zoomInButton, &QToolButton::clicked, this, &DocumentViewer::zoomIn);
    connect(m_zoomOutButton, &QToolButton::clicked, this, &DocumentViewer::zoomOut);
    connect(m_fitWidthButton, &QToolButton::clicked, this, &DocumentViewer::fitWidth);
    connect(m_fitPageButton, &QToolButton::clicked, this, &DocumentViewer::fitPage);
    connect(m_actualSizeButton, &QToolButton::clicked, this, &DocumentViewer::actualSize);
    connect(m_pdfView, &PdfPageView::currentPageChanged, this, [this](int page) {
        updateControls();
        Q_EMIT currentPageChanged(page);
    });
    connect(m_pdfView, &PdfPageView::zoomChanged, this, [this](double factor) {
        updateControls();
        Q_EMIT zoomChanged(factor);
    });
    connect(m_imageView, &ImageView::zoomChanged, this, [this](double factor) {
        updateControls();
        Q_EMIT zoomChanged(factor);
    });

    // The watermark shows the time; keep it current while a document stays open.
    m_minuteTimer = new QTimer(this);
    m_minuteTimer->setInterval(30 * 1000);
    connect(m_minuteTimer, &QTimer::timeout, this, [this] {
        if (m_state == State::Pdf)
            m_pdfView->viewport()->update();
        else if (m_state == State::Image)
            m_imageView->update();
    });

    retranslate();
    present(State::Empty);
}

DocumentViewer::~DocumentViewer() = default;

void DocumentViewer::setViewer(const ViewerIdentity &identity)
{
    m_identity = identity;
    update();
}

void DocumentViewer::setAudit(DocumentViewAudit *audit)
{
    m_audit = audit;
}

void DocumentViewer::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &SystemClock::instance();
}

void DocumentViewer::setLimits(const PreviewLimits &limits)
{
    m_limits = limits;
    m_pdfView->setRenderPixelLimit(limits.maxPdfPageRenderPixels);
}

QString DocumentViewer::watermarkText() const
{
    return Watermark::text(m_identity, m_clock->now());
}

Result<void> DocumentViewer::showDocument(const ViewerDocument &document)
{
    clear();
    m_documentId = document.documentId;
    m_fileName = document.fileName;
    m_mediaType = document.mediaType.trimmed();

    if (!m_audit)
        return refuse(Error::Code::PermissionDenied, tr("views cannot be recorded in the audit log here"),
                      false);
    if (!m_identity.isValid())
        return refuse(Error::Code::Unauthenticated, tr("no signed-in viewer to name in the watermark"));
    if (document.bytes.size() > m_limits.maxBytes) {
        return refuse(Error::Code::InvalidArgument,
                      tr("the file is larger than the preview limit of %1 MB").arg(m_limits.maxBytes >> 20));
    }

    const Result<DocumentKind> kind =
        MediaTypeSniffer::resolve(document.bytes, document.mediaType, document.fileName);
    if (!kind)
        return refuse(kind.error().code, kind.error().message);
    m_mediaType = MediaTypeSniffer::mediaType(*kind);

    // Hidden pages of a stack are not laid out: give the views the size they will be shown at, so
    // the first layout (fit width, fit to view) is already the right one.
    m_pdfView->resize(m_stack->size());
    m_imageView->resize(m_stack->size());

    int pages = 0;
    switch (*kind) {
    case DocumentKind::Dicom: {
        // Recognised, deliberately not previewed yet: said plainly rather than shown as a failure.
        m_detailInfo = MediaTypeSniffer::displayName(*kind);
        m_message = tr("DICOM preview comes with the imaging issue");
        m_state = State::Notice;
        m_messagePanel->setMessage(MessagePanel::Tone::Neutral, tr("DICOM file"),
                                   tr("DICOM preview comes with the imaging issue. The file is kept in the "
                                      "encrypted vault; it is not previewed in this window yet."));
        present(State::Notice);
        const DocumentViewEvent event{m_documentId, m_mediaType, m_identity.userName, m_clock->now(), 0};
        m_audit->recordDocumentFailed(event, m_message);
        Q_EMIT documentFailed(m_documentId, m_mediaType, m_message);
        return makeError(Error::Code::Unsupported, m_message);
    }
    case DocumentKind::Pdf: {
        const Result<int> loaded = m_pdfView->load(document.bytes);
        if (!loaded)
            return refuse(loaded.error().code, loaded.error().message);
        pages = *loaded;
        m_detailInfo = tr("PDF · %n page(s)", nullptr, pages);
        break;
    }
    case DocumentKind::Png:
    case DocumentKind::Jpeg: {
        const Result<QImage> image = ImageDecoder::decode(document.bytes, *kind, m_limits);
        if (!image)
            return refuse(image.error().code, image.error().message);
        m_imageView->setImage(*image);
        pages = 1;
        m_detailInfo = tr("%1 · %2 × %3 px")
                           .arg(MediaTypeSniffer::displayName(*kind))
                           .arg(image->width())
                           .arg(image->height());
        break;
    }
    case DocumentKind::Unknown:
        return refuse(Error::Code::Unsupported, tr("the file type is not recognised"));
    }

    // Recorded before it becomes visible: a view the audit log cannot hold does not take place.
    const DocumentViewEvent event{m_documentId, m_mediaType, m_identity.userName, m_clock->now(), pages};
    const Result<void> recorded = m_audit->recordDocumentShown(event);
    if (!recorded) {
        qCWarning(lcViewer) << "preview withheld: the audit log refused the view event";
        m_pdfView->clear();
        m_imageView->clear();
        return refuse(Error::Code::Io, tr("the view could not be recorded in the audit log"), false);
    }

    present(*kind == DocumentKind::Pdf ? State::Pdf : State::Image);
    m_minuteTimer->start();
    qCDebug(lcViewer) << "document shown:" << m_mediaType << pages << "page(s)";
    Q_EMIT documentShown(m_documentId, m_mediaType);
    return {};
}

Result<void> DocumentViewer::refuse(Error::Code code, const QString &reason, bool tellAudit)
{
    m_pdfView->clear();
    m_imageView->clear();
    m_state = State::Failed;
    m_message = tr("This document cannot be shown: %1").arg(reason);
    if (m_detailInfo.isEmpty())
        m_detailInfo = MediaTypeSniffer::displayName(MediaTypeSniffer::fromMediaType(m_mediaType));
    m_messagePanel->setMessage(MessagePanel::Tone::Error, tr("This document cannot be shown"),
                               sentence(reason));
    present(State::Failed);
    qCInfo(lcViewer) << "preview refused:" << Error::codeName(code);
    if (tellAudit && m_audit) {
        const DocumentViewEvent event{m_documentId, m_mediaType, m_identity.userName, m_clock->now(), 0};
        m_audit->recordDocumentFailed(event, reason);
    }
    Q_EMIT documentFailed(m_documentId, m_mediaType, m_message);
    return makeError(code, m_message);
}

void DocumentViewer::clear()
{
    m_minuteTimer->stop();
    m_pdfView->clear();
    m_imageView->clear();
    m_documentId.clear();
    m_mediaType.clear();
    m_fileName.clear();
    m_message.clear();
    m_detailInfo.clear();
    m_state = State::Empty;
    retranslate();
    present(State::Empty);
}

void DocumentViewer::present(State state)
{
    m_state = state;
    switch (state) {
    case State::Pdf:
        m_stack->setCurrentWidget(m_pdfView);
        break;
    case State::Image:
        m_stack->setCurrentWidget(m_imageView);
        break;
    case State::Empty:
    case State::Notice:
    case State::Failed:
        m_stack->setCurrentWidget(m_messagePanel);
        break;
    }
    if (state == State::Pdf || state == State::Image) {
        QWidget *view = state == State::Pdf ? static_cast<QWidget *>(m_pdfView) : m_imageView;
        if (hasFocus() || isAncestorOf(QApplication::focusWidget()))
            view->setFocus();
        setFocusProxy(view);
    } else {
        setFocusProxy(nullptr);
    }
    updateHeader();
    updateControls();
}

void DocumentViewer::updateHeader()
{
    const bool open = m_state != State::Empty;
    ViewerIcons::Name icon = ViewerIcons::Name::Document;
    QColor color(0x1d, 0x6f, 0xb8);
    if (m_state == State::Image)
        icon = ViewerIcons::Name::Image;
    if (m_state == State::Failed) {
        icon = ViewerIcons::Name::Warning;
        color = QColor(0xc6, 0x28, 0x28);
    }
    m_kindIcon->setPixmap(ViewerIcons::pixmap(icon, 18, color, devicePixelRatioF()));
    m_kindIcon->setVisible(open);
    const QString name = m_fileName.isEmpty() ? tr("Untitled document") : m_fileName;
    m_fileLabel->setText(
        open ? fontMetrics().elidedText(name, Qt::ElideMiddle, std::max(60, m_fileLabel->width()))
             : QString());
    m_fileLabel->setToolTip(open ? name : QString());
    m_infoLabel->setText(open ? m_detailInfo : QString());
}

void DocumentViewer::updateControls()
{
    const bool pdf = m_state == State::Pdf;
    const bool image = m_state == State::Image;
    m_pageControls->setVisible(pdf);
    for (QWidget *w : {static_cast<QWidget *>(m_zoomOutButton), static_cast<QWidget *>(m_zoomLabel),
                       static_cast<QWidget *>(m_zoomInButton), static_cast<QWidget *>(m_fitPageButton),
                       static_cast<QWidget *>(m_actualSizeButton)})
        w->setVisible(pdf || image);
    m_fitWidthButton->setVisible(pdf);

    if (pdf) {
        const QSignalBlocker blocker(m_pageBox);
        m_pageBox->setRange(1, std::max(1, m_pdfView->pageCount()));
        m_pageBox->setValue(m_pdfView->currentPage() + 1);
        m_pageTotal->setText(tr("/ %1").arg(m_pdfView->pageCount()));
        m_previousButton->setEnabled(m_pdfView->currentPage() > 0);
        m_nextButton->setEnabled(m_pdfView->currentPage() + 1 < m_pdfView->pageCount());
    }
    if (pdf || image) {
        const double zoom = zoomFactor();
        m_zoomLabel->setText(tr("%1 %").arg(std::lround(zoom * 100)));
        m_zoomOutButton->setEnabled(zoom > (pdf ? PdfPageView::MinZoom : ImageView::MinZoom) * 1.001);
        m_zoomInButton->setEnabled(zoom < (pdf ? PdfPageView::MaxZoom : ImageView::MaxZoom) / 1.001);
    }
    m_fitPageButton->setToolTip(pdf ? tr("Fit page (Ctrl+2)") : tr("Fit to view (Ctrl+0)"));
}

void DocumentViewer::retranslate()
{
    m_previousButton->setToolTip(tr("Previous page (Page Up)"));
    m_nextButton->setToolTip(tr("Next page (Page Down)"));
    m_pageBox->setToolTip(tr("Current page"));
    m_zoomOutButton->setToolTip(tr("Zoom out (Ctrl+-)"));
    m_zoomInButton->setToolTip(tr("Zoom in (Ctrl++)"));
    m_fitWidthButton->setToolTip(tr("Fit width (Ctrl+0)"));
    m_actualSizeButton->setToolTip(tr("Actual size (Ctrl+1)"));
    m_footerLabel->setText(
        tr("Protected preview: watermarked, not saved to this computer, every view recorded"));
    if (m_state == State::Empty) {
        m_messagePanel->setMessage(MessagePanel::Tone::Neutral, tr("No document open"),
                                   tr("Choose a file attached to an event to preview it here."));
    }
    updateHeader();
    updateControls();
}

void DocumentViewer::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

int DocumentViewer::pageCount() const
{
    switch (m_state) {
    case State::Pdf:
        return m_pdfView->pageCount();
    case State::Image:
        return 1;
    default:
        return 0;
    }
}

int DocumentViewer::currentPage() const
{
    return m_state == State::Pdf ? m_pdfView->currentPage() : 0;
}

double DocumentViewer::zoomFactor() const
{
    switch (m_state) {
    case State::Pdf:
        return m_pdfView->zoomFactor();
    case State::Image:
        return m_imageView->zoomFactor();
    default:
        return 1.0;
    }
}

void DocumentViewer::setCurrentPage(int page)
{
    if (m_state == State::Pdf)
        m_pdfView->setCurrentPage(page);
}

void DocumentViewer::nextPage()
{
    setCurrentPage(currentPage() + 1);
}

void DocumentViewer::previousPage()
{
    setCurrentPage(currentPage() - 1);
}

void DocumentViewer::zoomIn()
{
    if (m_state == State::Pdf)
        m_pdfView->zoomIn();
    else if (m_state == State::Image)
        m_imageView->zoomIn();
}

void DocumentViewer::zoomOut()
{
    if (m_state == State::Pdf)
        m_pdfView->zoomOut();
    else if (m_state == State::Image)
        m_imageView->zoomOut();
}

void DocumentViewer::fitWidth()
{
    if (m_state == State::Pdf)
        m_pdfView->setZoomMode(PdfPageView::ZoomMode::FitWidth);
    else if (m_state == State::Image)
        m_imageView->fitToView();
}

void DocumentViewer::fitPage()
{
    if (m_state == State::Pdf)
        m_pdfView->setZoomMode(PdfPageView::ZoomMode::FitPage);
    else if (m_state == State::Image)
        m_imageView->fitToView();
}

void DocumentViewer::actualSize()
{
    if (m_state == State::Pdf)
        m_pdfView->setZoomFactor(1.0);
    else if (m_state == State::Image)
        m_imageView->actualSize();
}

bool DocumentViewer::handleKey(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    const bool ctrl = modifiers == Qt::ControlModifier;
    const bool plain = modifiers == Qt::NoModifier;
    const int key = event->key();
    const bool pdf = m_state == State::Pdf;

    if ((ctrl && (key == Qt::Key_Plus || key == Qt::Key_Equal)) || event->matches(QKeySequence::ZoomIn)) {
        zoomIn();
        return true;
    }
    if ((ctrl && (key == Qt::Key_Minus || key == Qt::Key_Underscore)) ||
        event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
        return true;
    }
    if (ctrl && key == Qt::Key_0) {
        fitWidth();
        return true;
    }
    if (ctrl && key == Qt::Key_1) {
        actualSize();
        return true;
    }
    if (ctrl && key == Qt::Key_2) {
        fitPage();
        return true;
    }
    if (pdf && plain && key == Qt::Key_PageDown) {
        nextPage();
        return true;
    }
    if (pdf && plain && key == Qt::Key_PageUp) {
        previousPage();
        return true;
    }
    if (pdf && (plain || ctrl) && key == Qt::Key_Home) {
        setCurrentPage(0);
        return true;
    }
    if (pdf && (plain || ctrl) && key == Qt::Key_End) {
        setCurrentPage(pageCount() - 1);
        return true;
    }
    if (m_state == State::Image && plain) {
        constexpr double Step = 48.0;
        switch (key) {
        case Qt::Key_Left:
            m_imageView->panBy(QPointF(Step, 0));
            return true;
        case Qt::Key_Right:
            m_imageView->panBy(QPointF(-Step, 0));
            return true;
        case Qt::Key_Up:
            m_imageView->panBy(QPointF(0, Step));
            return true;
        case Qt::Key_Down:
            m_imageView->panBy(QPointF(0, -Step));
            return true;
        default:
            break;
        }
    }
    return false;
}

bool DocumentViewer::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress && (m_state == State::Pdf || m_state == State::Image)) {
        if (handleKey(static_cast<QKeyEvent *>(event)))
            return true;
    }
    if (event->type() == QEvent::ShortcutOverride && (m_state == State::Pdf || m_state == State::Image)) {
        // Claim the viewer's keys before window shortcuts with the same keys can take them.
        auto *key = static_cast<QKeyEvent *>(event);
        const Qt::KeyboardModifiers modifiers = key->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
        const bool ctrl = modifiers == Qt::ControlModifier;
        const int k = key->key();
        if (ctrl &&
            (k == Qt::Key_Plus || k == Qt::Key_Equal || k == Qt::Key_Minus || k == Qt::Key_Underscore ||
             k == Qt::Key_0 || k == Qt::Key_1 || k == Qt::Key_2 || k == Qt::Key_Home || k == Qt::Key_End)) {
            event->accept();
            return true;
        }
    }
    if (event->type() == QEvent::Resize && watched == this)
        updateHeader();
    return QWidget::eventFilter(watched, event);
}

} // namespace mdp::viewer::ui
