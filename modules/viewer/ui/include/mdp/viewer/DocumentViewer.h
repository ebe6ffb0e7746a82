#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/viewer/PreviewLimits.h"
#include "mdp/viewer/ViewerDocument.h"
#include "mdp/viewer/ViewerIdentity.h"

#include <QWidget>

#include <memory>

class QKeyEvent;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QToolButton;
class QTimer;

namespace mdp {
class Clock;
}

namespace mdp::viewer {
class DocumentViewAudit;
}

namespace mdp::viewer::ui {

class ContentGuard;
class ImageView;
class MessagePanel;
class PdfPageView;

// Previews an attachment inside the workstation (R-6.4.4a-c): PDFs through QtPdf, PNG and JPEG
// images with zoom and pan, all from the caller's in-memory bytes. Nothing is written to disk,
// there is no save, copy, print, drag-out or context menu, and a watermark naming the viewer and
// the time is painted over the content. Every preview is reported to the DocumentViewAudit before
// it becomes visible; a view that cannot be recorded is not shown.
//
// Keys (while the viewer has focus): Ctrl++ / Ctrl+- zoom, Ctrl+0 fit width (PDF) or fit (image),
// Ctrl+1 actual size, Ctrl+2 fit page, PageUp/PageDown previous/next page, Ctrl+Home/Ctrl+End
// first/last page. Pages are numbered from 0 in this API and from 1 on screen.
class DocumentViewer : public QWidget
{
    Q_OBJECT

public:
    enum class State
    {
        Empty,  // nothing opened
        Pdf,    // a PDF is shown
        Image,  // an image is shown
        Notice, // recognised but not previewed here (DICOM)
        Failed, // refused: message() says why
    };

    explicit DocumentViewer(QWidget *parent = nullptr);
    ~DocumentViewer() override;

    // Required before showDocument(): who looks (watermark, audit) and where views are recorded.
    void setViewer(const ViewerIdentity &identity);
    void setAudit(DocumentViewAudit *audit); // not owned
    void setClock(const Clock *clock);       // not owned; the system clock by default
    void setLimits(const PreviewLimits &limits);

    // Decodes and shows `document`. On failure the viewer area says "This document cannot be
    // shown: <reason>", documentFailed() is emitted, the audit is told, and the error carries the
    // same message.
    Result<void> showDocument(const ViewerDocument &document);
    // Forgets the document and its bytes.
    void clear();

    State state() const { return m_state; }
    QString documentId() const { return m_documentId; }
    QString mediaType() const { return m_mediaType; }
    QString message() const { return m_message; }
    int pageCount() const;
    int currentPage() const;
    double zoomFactor() const;
    // What the watermark says right now.
    QString watermarkText() const;

public Q_SLOTS:
    void setCurrentPage(int page);
    void nextPage();
    void previousPage();
    void zoomIn();
    void zoomOut();
    void fitWidth();   // PDF: page width fills the view; image: the whole image fits
    void fitPage();    // PDF: a whole page fits; image: the whole image fits
    void actualSize(); // 100 %

Q_SIGNALS:
    void documentShown(const QString &documentId, const QString &mediaType);
    void documentFailed(const QString &documentId, const QString &mediaType, const QString &message);
    void currentPageChanged(int page);
    void zoomChanged(double factor);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    Result<void> refuse(Error::Code code, const QString &reason, bool tellAudit = true);
    void present(State state);
    void updateHeader();
    void updateControls();
    void retranslate();
    bool handleKey(QKeyEvent *event);

    ViewerIdentity m_identity;
    DocumentViewAudit *m_audit = nullptr;
    const Clock *m_clock = nullptr;
    PreviewLimits m_limits;

    State m_state = State::Empty;
    QString m_documentId;
    QString m_mediaType;
    QString m_fileName;
    QString m_message;
    QString m_detailInfo;

    QWidget *m_toolBar = nullptr;
    QLabel *m_kindIcon = nullptr;
    QLabel *m_fileLabel = nullptr;
    QLabel *m_infoLabel = nullptr;
    QWidget *m_pageControls = nullptr;
    QToolButton *m_previousButton = nullptr;
    QToolButton *m_nextButton = nullptr;
    QSpinBox *m_pageBox = nullptr;
    QLabel *m_pageTotal = nullptr;
    QToolButton *m_zoomOutButton = nullptr;
    QLabel *m_zoomLabel = nullptr;
    QToolButton *m_zoomInButton = nullptr;
    QToolButton *m_fitWidthButton = nullptr;
    QToolButton *m_fitPageButton = nullptr;
    QToolButton *m_actualSizeButton = nullptr;
    QStackedWidget *m_stack = nullptr;
    PdfPageView *m_pdfView = nullptr;
    ImageView *m_imageView = nullptr;
    MessagePanel *m_messagePanel = nullptr;
    QLabel *m_footerLabel = nullptr;
    QTimer *m_minuteTimer = nullptr;
    ContentGuard *m_guard = nullptr;
};

} // namespace mdp::viewer::ui
