#include "ImageView.h"
#include "PdfPageView.h"
#include "TestDocuments.h"

#include "mdp/foundation/Clock.h"
#include "mdp/viewer/DocumentViewAudit.h"
#include "mdp/viewer/DocumentViewer.h"
#include "mdp/viewer/ViewerLanguage.h"
#include "mdp/workbench/Theme.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDirIterator>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtTest>

#include <memory>

using namespace mdp;
using namespace mdp::viewer;
using namespace mdp::viewer::ui;
using namespace mdp::viewer::testing;

namespace {

// What the patient page will do: keep every event (here in memory), optionally refuse.
class RecordingAudit : public DocumentViewAudit
{
public:
    Result<void> recordDocumentShown(const DocumentViewEvent &event) override
    {
        if (refuse)
            return makeError(Error::Code::Io, QStringLiteral("audit log unavailable"));
        shown << event;
        return {};
    }
    void recordDocumentFailed(const DocumentViewEvent &event, const QString &reason) override
    {
        failed << event;
        reasons << reason;
    }

    QList<DocumentViewEvent> shown;
    QList<DocumentViewEvent> failed;
    QStringList reasons;
    bool refuse = false;
};

// Everything under the places a program may write to without asking: the fresh temporary, cache,
// config, data and runtime directories this test's main() pointed the environment at.
QStringList writablePlaces()
{
    QStringList places{QDir::tempPath()};
    for (const char *name : {"XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_RUNTIME_DIR"})
        places << qEnvironmentVariable(name);
    return places;
}

QStringList filesIn(const QStringList &places)
{
    QStringList files;
    for (const QString &place : places) {
        QDirIterator it(place, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

// Regular files this process holds open in places where a temporary copy could hide.
QStringList openScratchFiles()
{
    QStringList places = writablePlaces();
    places << QStringLiteral("/tmp") << QStringLiteral("/var/tmp") << QStringLiteral("/dev/shm");
    QStringList open;
    const QFileInfoList fds = QDir(QStringLiteral("/proc/self/fd")).entryInfoList(QDir::System | QDir::Files);
    for (const QFileInfo &fd : fds) {
        const QString target = fd.symLinkTarget();
        const QFileInfo info(target);
        if (target.isEmpty() || !info.isFile())
            continue;
        for (const QString &place : places) {
            if (target.startsWith(place + u'/'))
                open << target;
        }
    }
    return open;
}

int pixelsDifferentFrom(const QImage &image, const QRect &area, QColor colour, int tolerance = 8)
{
    int count = 0;
    const QRect clipped = area.intersected(image.rect());
    for (int y = clipped.top(); y <= clipped.bottom(); ++y) {
        for (int x = clipped.left(); x <= clipped.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) > tolerance ||
                std::abs(c.green() - colour.green()) > tolerance ||
                std::abs(c.blue() - colour.blue()) > tolerance)
                ++count;
        }
    }
    return count;
}

int pixelsDiffering(const QImage &a, const QImage &b, const QRect &area)
{
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            count += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    return count;
}

void sendWheel(QWidget *widget, QPointF position, int delta)
{
    QWheelEvent wheel(position, widget->mapToGlobal(position), QPoint(), QPoint(0, delta), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &wheel);
}

void sendMouse(QWidget *widget, QEvent::Type type, QPointF position, Qt::MouseButtons buttons)
{
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, position, widget->mapToGlobal(position), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

QToolButton *button(DocumentViewer *viewer, const char *action)
{
    const auto buttons = viewer->findChildren<QToolButton *>();
    for (QToolButton *b : buttons) {
        if (b->property("action").toString() == QLatin1String(action))
            return b;
    }
    return nullptr;
}

ViewerDocument document(const QString &id, const QByteArray &bytes, const QString &type, const QString &name)
{
    return ViewerDocument{id, bytes, type, name};
}

const QString Pdf = QStringLiteral("application/pdf");
const QString PngType = QStringLiteral("image/png");

} // namespace

class tst_DocumentViewer : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    RecordingAudit m_audit;

    std::unique_ptr<DocumentViewer> makeViewer(QSize size = QSize(900, 700))
    {
        auto viewer = std::make_unique<DocumentViewer>();
        viewer->setViewer({QStringLiteral("Li Wei"), QStringLiteral("liwei")});
        viewer->setAudit(&m_audit);
        viewer->setClock(&m_clock);
        viewer->resize(size);
        viewer->show();
        if (!QTest::qWaitForWindowExposed(viewer.get()))
            return nullptr;
        return viewer;
    }

    static PdfPageView *pdfView(DocumentViewer *viewer)
    {
        return viewer->findChild<PdfPageView *>(QStringLiteral("viewerPdfView"));
    }
    static ImageView *imageView(DocumentViewer *viewer)
    {
        return viewer->findChild<ImageView *>(QStringLiteral("viewerImageView"));
    }
    static QString panelText(DocumentViewer *viewer)
    {
        QStringList texts;
        const auto labels = viewer->findChildren<QLabel *>();
        for (QLabel *label : labels) {
            if (label->isVisibleTo(viewer) && label->objectName().startsWith(QLatin1String("viewerMessage")))
                texts << label->text();
        }
        return texts.join(u'\n');
    }

    // A page around the viewer as the workstation shows it: heading, then the viewer in a card.
    std::unique_ptr<QWidget> makePage(DocumentViewer *&viewer, const QString &title, const QString &subtitle,
                                      QSize size)
    {
        auto page = std::make_unique<QWidget>();
        page->setObjectName(QStringLiteral("page"));
        page->setStyleSheet(QStringLiteral("QWidget#page { background: #f4f6f9; }"));
        auto *layout = new QVBoxLayout(page.get());
        layout->setContentsMargins(32, 26, 32, 28);
        layout->setSpacing(4);
        auto *heading = new QLabel(title, page.get());
        heading->setObjectName(QStringLiteral("pageTitle"));
        auto *sub = new QLabel(subtitle, page.get());
        sub->setObjectName(QStringLiteral("pageSubtitle"));
        layout->addWidget(heading);
        layout->addWidget(sub);
        layout->addSpacing(14);
        auto *card = new QFrame(page.get());
        card->setObjectName(QStringLiteral("card"));
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(1, 1, 1, 1);
        viewer = new DocumentViewer(card);
        viewer->setViewer({QStringLiteral("Li Wei"), QStringLiteral("liwei")});
        viewer->setAudit(&m_audit);
        viewer->setClock(&m_clock);
        cardLayout->addWidget(viewer);
        layout->addWidget(card, 1);
        page->resize(size);
        page->show();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return nullptr;
        return page;
    }

    void save(QWidget *widget, const QString &name)
    {
        QDir dir(QStringLiteral(MDP_BINARY_DIR "/screenshots"));
        QVERIFY(dir.mkpath(QStringLiteral(".")));
        QCoreApplication::processEvents();
        const QPixmap pixmap = widget->grab();
        QVERIFY(!pixmap.isNull());
        QVERIFY(pixmap.save(dir.filePath(name + QStringLiteral(".png")), "PNG"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        workbench::Theme::apply(*qApp);
        QVERIFY(ViewerLanguage::install(*qApp, QStringLiteral("en")));
    }

    void init()
    {
        m_audit = RecordingAudit();
        m_clock.set(QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC));
    }

    // R-6.4.4a: a PDF previews inside the application, from memory, with its pages.
    void pdfIsShownFromMemoryWithItsPageCount()
    {
        auto viewer = makeViewer();
        QVERIFY(viewer);
        QSignalSpy shown(viewer.get(), &DocumentViewer::documentShown);
        const auto result = viewer->showDocument(
            document(QStringLiteral("doc-1"), pathologyReportPdf(), Pdf, QStringLiteral("病理报告.pdf")));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(viewer->state(), DocumentViewer::State::Pdf);
        QCOMPARE(viewer->pageCount(), 2);
        QCOMPARE(viewer->findChild<QLabel *>(QStringLiteral("viewerFileInfo"))->text(),
                 QStringLiteral("PDF · 2 pages"));
        QCOMPARE(viewer->currentPage(), 0);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.at(0).at(0).toString(), QStringLiteral("doc-1"));
        QCOMPARE(shown.at(0).at(1).toString(), Pdf);

        // The first page is really drawn: the report's dark text sits on the white page.
        PdfPageView *view = pdfView(viewer.get());
        const QImage shot = view->viewport()->grab().toImage();
        const QRect page = view->pageRectInViewport(0);
        QVERIFY(!page.isEmpty());
        QVERIFY(pixelsDifferentFrom(shot, page, Qt::white, 60) > 1000);
    }

    // R-6.4.4a: page navigation by keys, buttons and the page box.
    void pageKeysButtonsAndPageBoxNavigate()
    {
        auto viewer = makeViewer();
        QVERIFY(viewer);
        QVERIFY(viewer->showDocument(document(QStringLiteral("doc-1"), pathologyReportPdf(), Pdf, QString()))
                    .ok());
        PdfPageView *view = pdfView(viewer.get());
        QSignalSpy pages(viewer.get(), &DocumentViewer::currentPageChanged);

        QTest::keyClick(view, Qt::Key_PageDown);
        QCOMPARE(viewer->currentPage(), 1);
        QTest::keyClick(view, Qt::Key_PageDown); // already on the last page
        QCOMPARE(viewer->currentPage(), 1);
        QTest::keyClick(view, Qt::Key_PageUp);
        QCOMPARE(viewer->currentPage(), 0);
        QTest::keyClick(view, Qt::Key_End);
        QCOMPARE(viewer->currentPage(), 1);
        QTest::keyClick(view, Qt::Key_Home);
        QCOMPARE(viewer->currentPage(), 0);
        QCOMPARE(pages.count(), 4);

        QToolButton *next = button(viewer.get(), "nextPage");
        QToolButton *previous = button(viewer.get(), "previousPage");
        QVERIFY(next && previous);
        QVERIFY(!previous->isEnabled());
        next->click();
        QCOMPARE(viewer->currentPage(), 1);
        QVERIFY(!next->isEnabled());
        auto *box = viewer->findChild<QSpinBox *>(QStringLiteral("viewerPageBox"));
        QVERIFY(box);
        QCOMPARE(box->value(), 2);
        box->setValue(1);
        QCOMPARE(viewer->currentPage(), 0);

        // Going to a page brings its top into view.
        viewer->setCurrentPage(1);
        QVERIFY(std::abs(view->pageRectInViewport(1).top() - 24) <= 1);
    }

    // R-6.4.4a: Ctrl++ / Ctrl+- zoom, Ctrl+0 fits the width, Ctrl+1 is 100 %, Ctrl+2 fits the page.
    void zoomKeysZoomAndFit()
    {
        auto viewer = makeViewer();
        QVERIFY(viewer);
        QVERIFY(viewer->showDocument(document(QStringLiteral("doc-1"), pathologyReportPdf(), Pdf, QString()))
                    .ok());
        PdfPageView *view = pdfView(viewer.get());
        const int available = view->viewport()->width() - 2 * 24;
        QVERIFY(std::abs(view->pageRectInViewport(0).width() - available) <= 1); // opens fitted to the width

        const double fitted = viewer->zoomFactor();
        QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
        const double larger = viewer->zoomFactor();
        QVERIFY(larger > fitted);
        QVERIFY(view->pageRectInViewport(0).width() > available);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(viewer->zoomFactor() < larger);
        QVERIFY(viewer->zoomFactor() < fitted);

        QTest::keyClick(view, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(viewer->zoomFactor(), 1.0);
        const double expectedWidth = view->logicalDpiX() / 72.0 * 595.0;
        QVERIFY(std::abs(view->pageRectInViewport(0).width() - expectedWidth) <= 1.5);

        QTest::keyClick(view, Qt::Key_2, Qt::ControlModifier);
        const QRect whole = view->pageRectInViewport(view->currentPage());
        QVERIFY(whole.height() <= view->viewport()->height() - 2 * 24 + 1);
        QVERIFY(view->viewport()->rect().contains(whole));

        QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(viewer->zoomFactor(), fitted);

        // The zoom buttons do the same and the label follows.
        auto *label = viewer->findChild<QLabel *>(QStringLiteral("viewerZoomLabel"));
        QVERIFY(label);
        button(viewer.get(), "zoomIn")->click();
        QCOMPARE(label->text(), QStringLiteral("%1 %").arg(std::lround(viewer->zoomFactor() * 100)));
        QVERIFY(viewer->zoomFactor() > fitted);
    }

    // R-6.4.3c / R-6.4.4a: images zoom around the pointer, pan by dragging, fit and show 1:1.
    void imageZoomsAroundThePointerAndPansByDragging()
    {
        auto viewer = makeViewer();
        QVERIFY(viewer);
        QVERIFY(viewer
                    ->showDocument(document(QStringLiteral("img-1"),
                                            encode(doseDistributionImage(QSize(2000, 1500)), "png"), PngType,
                                            QStringLiteral("dose.png")))
                    .ok());
        QCOMPARE(viewer->state(), DocumentViewer::State::Image);
        ImageView *view = imageView(viewer.get());
        QVERIFY(view->isFitted());
        QVERIFY(view->zoomFactor() < 1.0);
        QVERIFY(view->rect().contains(view->imageRectInWidget().toAlignedRect().adjusted(1, 1, -1, -1)));

        const QPointF pointer(view->width() / 2.0 + 40, view->height() / 2.0 - 30);
        const QPointF under = view->widgetToImage(pointer);
        const double before = view->zoomFactor();
        sendWheel(view, pointer, 120);
        sendWheel(view, pointer, 240);
        QVERIFY(view->zoomFactor() > before * 1.9);
        const QPointF after = view->imageToWidget(under);
        QVERIFY2(QLineF(after, pointer).length() < 1.0, "the image point under the pointer stays there");

        const QPointF start = view->imageToWidget(QPointF(1000, 750));
        sendMouse(view, QEvent::MouseButtonPress, QPointF(300, 300), Qt::LeftButton);
        sendMouse(view, QEvent::MouseMove, QPointF(260, 330), Qt::LeftButton);
        sendMouse(view, QEvent::MouseButtonRelease, QPointF(260, 330), Qt::NoButton);
        QCOMPARE(view->imageToWidget(QPointF(1000, 750)), start + QPointF(-40, 30));

        QTest::keyClick(view, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(viewer->zoomFactor(), 1.0);
        QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(viewer->zoomFactor() < 1.0);
        QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
        QVERIFY(view->isFitted());
        QVERIFY(view->rect().contains(view->imageRectInWidget().toAlignedRect().adjusted(1, 1, -1, -1)));
    }

    // R-6.4.4a: a JPEG stored sideways is shown upright (EXIF orientation applied).
    void exifOrientationIsApplied()
    {
        auto viewer = makeViewer();
        QVERIFY(viewer);
        QVERIFY(viewer
                    ->showDocument(document(QStringLiteral("img-2"), sidewaysJpeg(),
                                            QStringLiteral("image/jpeg"), QStringLiteral("photo.jpg")))
                    .ok());
        const QImage &image = imageView(viewer.get())->image();
        QCOMPARE(image.size(), QSize(20, 40));
        QVERIFY(image.pixelColor(10, 5).red() > 150); // the left (red) half is now on top
        QVERIFY(image.pixelColor(10, 35).blue() > 150);
        auto *info = viewer->findChild<QLabel *>(QStringLiteral("viewerFileInfo"));
        QVERIFY(info->text().contains(QStringLiteral("20 × 40")));
    }

    // R-6.4.4b: the watermark (account, user, time) is painted over the content, so every
    // screenshot carries it.
    void watermarkIsPaintedOverPdfAndImage()
    {
        auto viewer = makeViewer();
        QVERIFY(viewer);
        QCOMPARE(viewer->watermarkText(), QStringLiteral("Li Wei · liwei · 2026-03-02 16:00"));

        QVERIFY(viewer->showDocument(document(QStringLiteral("blank"), blankPdf(1), Pdf, QString())).ok());
        PdfPageView *pdf = pdfView(viewer.get());
        const QRect page = pdf->pageRectInViewport(0).intersected(pdf->viewport()->rect());
        const QImage blankPage = pdf->viewport()->grab().toImage();
        const int marked = pixelsDifferentFrom(blankPage, page, Qt::white, 4);
        QVERIFY2(marked > page.width() * page.height() / 200, "a blank page shows the watermark");

        // The marks are the viewer's name: another viewer, other pixels.
        viewer->setViewer({QStringLiteral("Zhang Min"), QStringLiteral("zhangmin")});
        const QImage other = pdf->viewport()->grab().toImage();
        QVERIFY(pixelsDiffering(blankPage, other, page) > 200);
        // And the time: a minute later, the text changes.
        m_clock.advance(60 * 1000);
        QCOMPARE(viewer->watermarkText(), QStringLiteral("Zhang Min · zhangmin · 2026-03-02 16:01"));

        QVERIFY(viewer
                    ->showDocument(document(QStringLiteral("white"), encode(whiteImage(500, 400), "png"),
                                            PngType, QString()))
                    .ok());
        ImageView *image = imageView(viewer.get());
        const QImage shot = image->grab().toImage();
        const QRect shown = image->imageRectInWidget().toAlignedRect().adjusted(2, 2, -2, -2);
        QCOMPARE(image->zoomFactor(), 1.0); // small enough to be shown 1:1
        QCOMPARE(shown.size(), QSize(496, 396));
        QVERIFY2(pixelsDifferentFrom(shot, shown, Qt::white, 4) > shown.width() * shown.height() / 200,
                 "a white image shows the watermark");
    }

    // R-6.4.4c: nothing spreads to disk: no file appears in the temporary, cache, config, data or
    // runtime directories, and no scratch file is held open while documents are viewed.
    void viewingWritesNoFile()
    {
        const QStringList places = writablePlaces();
        for (const QString &place : places)
            QVERIFY2(!place.isEmpty() && QDir(place).exists(), qPrintable(place));
        auto viewer = makeViewer();
        QVERIFY(viewer);
        QCoreApplication::processEvents();
        const QStringList before = filesIn(places);
        const QStringList openBefore = openScratchFiles();

        QVERIFY(viewer
                    ->showDocument(
                        document(QStringLiteral("d1"), pathologyReportPdf(), Pdf, QStringLiteral("r.pdf")))
                    .ok());
        viewer->grab();
        viewer->nextPage();
        viewer->zoomIn();
        viewer->zoomIn();
        viewer->grab();
        QCOMPARE(openScratchFiles(), openBefore);
        QVERIFY(viewer
                    ->showDocument(document(QStringLiteral("d2"), encode(doseDistributionImage(), "png"),
                                            PngType, QStringLiteral("dose.png")))
                    .ok());
        viewer->grab();
        QVERIFY(
            viewer->showDocument(document(QStringLiteral("d3"), sidewaysJpeg(), QString(), QString())).ok());
        viewer->grab();
        QVERIFY(!viewer
                     ->showDocument(
                         document(QStringLiteral("d4"), truncated(pathologyReportPdf()), Pdf, QString()))
                     .ok());
        QVERIFY(!viewer->showDocument(document(QStringLiteral("d5"), hugeDimensionPng(), PngType, QString()))
                     .ok());
        QCOMPARE(openScratchFiles(), openBefore);
        viewer->clear();
        QCoreApplication::processEvents();

        QCOMPARE(filesIn(places), before);
    }

    // R-6.4.4b: no save, print or copy: the keys never reach application shortcuts, no context menu.
    void saveCopyAndPrintKeysDoNotLeaveTheViewer()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *other = new QLineEdit(&window);
        auto *viewer = new DocumentViewer(&window);
        viewer->setViewer({QStringLiteral("Li Wei"), QStringLiteral("liwei")});
        viewer->setAudit(&m_audit);
        viewer->setClock(&m_clock);
        layout->addWidget(other);
        layout->addWidget(viewer);
        int saves = 0;
        int prints = 0;
        int copies = 0;
        auto *save = new QAction(&window);
        save->setShortcut(QKeySequence::Save);
        connect(save, &QAction::triggered, this, [&] { ++saves; });
        auto *print = new QAction(&window);
        print->setShortcut(QKeySequence::Print);
        connect(print, &QAction::triggered, this, [&] { ++prints; });
        auto *copy = new QAction(&window);
        copy->setShortcut(QKeySequence::Copy);
        connect(copy, &QAction::triggered, this, [&] { ++copies; });
        window.addActions({save, print, copy});
        window.resize(800, 640);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(
            viewer->showDocument(document(QStringLiteral("d1"), pathologyReportPdf(), Pdf, QString())).ok());

        // The window's shortcuts work elsewhere in the window ...
        other->setFocus();
        QTest::keyClick(other, Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saves, 1);

        // ... but not while the document has the focus.
        PdfPageView *view = pdfView(viewer);
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        QTest::keyClick(view, Qt::Key_S, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_P, Qt::ControlModifier);
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(saves, 1);
        QCOMPARE(prints, 0);
        QCOMPARE(copies, 0);

        QCOMPARE(view->contextMenuPolicy(), Qt::NoContextMenu);
        QCOMPARE(view->viewport()->contextMenuPolicy(), Qt::NoContextMenu);
        QCOMPARE(imageView(viewer)->contextMenuPolicy(), Qt::NoContextMenu);
        QVERIFY(!view->viewport()->acceptDrops());

        // Dragging over the page pans it; it does not start a drag of the document.
        viewer->zoomIn();
        viewer->zoomIn();
        viewer->setCurrentPage(0);
        const int top = view->verticalScrollBar()->value();
        sendMouse(view->viewport(), QEvent::MouseButtonPress, QPointF(200, 300), Qt::LeftButton);
        sendMouse(view->viewport(), QEvent::MouseMove, QPointF(200, 200), Qt::LeftButton);
        sendMouse(view->viewport(), QEvent::MouseButtonRelease, QPointF(200, 200), Qt::NoButton);
        QCOMPARE(view->verticalScrollBar()->value(), top + 100);
    }

    void badInputIsRefusedWithAMessage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("mediaType");
        QTest::addColumn<QString>("reason");

        QTest::newRow("truncated PDF") << truncated(pathologyReportPdf()) << Pdf
                                       << QStringLiteral("the PDF file is damaged or incomplete");
        QTest::newRow("PDF with a password")
            << passwordProtectedPdf() << Pdf << QStringLiteral("the PDF is protected by a password");
        QTest::newRow("claims to be a PDF but is not")
            << randomBytes(4096, 7) << Pdf
            << QStringLiteral("the file is labelled as a PDF but its content is not one");
        QTest::newRow("PDF header, then garbage") << QByteArray("%PDF-1.7\n" + randomBytes(3000, 11)) << Pdf
                                                  << QStringLiteral("the PDF file is damaged or incomplete");
        QTest::newRow("image that does not decode")
            << QByteArray(QByteArray::fromHex("89504e470d0a1a0a") + randomBytes(400, 3)) << PngType
            << QStringLiteral("the image data could not be decoded");
        QTest::newRow("truncated PNG") << truncated(encode(doseDistributionImage(), "png"), 0.02) << PngType
                                       << QStringLiteral("the image data could not be decoded");
        QTest::newRow("oversized image")
            << hugeDimensionPng() << PngType
            << QStringLiteral("the image is too large to preview safely (100000 × 100000 "
                              "pixels; the limit is 80 megapixels)");
        QTest::newRow("random bytes")
            << randomBytes(2048, 5) << QString() << QStringLiteral("the file type is not recognised");
        QTest::newRow("empty") << QByteArray() << Pdf << QStringLiteral("the file is empty");
    }

    // R-6.4.4a-c: damaged, hostile or mislabelled files give a clear message in the viewer area,
    // never a crash, and the refusal is audited.
    void badInputIsRefusedWithAMessage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, mediaType);
        QFETCH(QString, reason);
        auto viewer = makeViewer();
        QVERIFY(viewer);
        QSignalSpy failed(viewer.get(), &DocumentViewer::documentFailed);
        QSignalSpy shown(viewer.get(), &DocumentViewer::documentShown);

        const auto result =
            viewer->showDocument(document(QStringLiteral("bad"), bytes, mediaType, QStringLiteral("x")));
        QVERIFY(!result.ok());
        const QString message = QStringLiteral("This document cannot be shown: ") + reason;
        QCOMPARE(result.error().message, message);
        QCOMPARE(viewer->state(), DocumentViewer::State::Failed);
        QCOMPARE(viewer->message(), message);
        QCOMPARE(viewer->pageCount(), 0);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("bad"));
        QCOMPARE(failed.at(0).at(2).toString(), message);
        QCOMPARE(shown.count(), 0);
        QCOMPARE(m_audit.shown.size(), 0);
        QCOMPARE(m_audit.failed.size(), 1);
        QCOMPARE(m_audit.reasons.at(0), reason);

        // What the viewer area says.
        const QString visible = panelText(viewer.get());
        QVERIFY2(visible.contains(QStringLiteral("This document cannot be shown")), qPrintable(visible));
        QVERIFY2(visible.contains(reason.left(1).toUpper() + reason.mid(1)), qPrintable(visible));
        viewer->grab(); // painting the refusal does not touch the rejected bytes

        // The viewer stays usable.
        QVERIFY(viewer->showDocument(document(QStringLiteral("ok"), blankPdf(1), Pdf, QString())).ok());
        QCOMPARE(viewer->state(), DocumentViewer::State::Pdf);
    }

    // Issue 3 item 3: DICOM is recognised; its preview belongs to the imaging issue.
    void dicomSaysItsPreviewComesWithTheImagingIssue()
    {
        auto viewer = makeViewer();
        QVERIFY(viewer);
        QByteArray dicom(128, '\0');
        dicom += "DICM";
        dicom += QByteArray(64, '\x01');
        QSignalSpy failed(viewer.get(), &DocumentViewer::documentFailed);
        QVERIFY(!viewer
                     ->showDocument(document(QStringLiteral("ct"), dicom, QStringLiteral("application/dicom"),
                                             QStringLiteral("CT0001.dcm")))
                     .ok());
        QCOMPARE(viewer->state(), DocumentViewer::State::Notice);
        QCOMPARE(viewer->message(), QStringLiteral("DICOM preview comes with the imaging issue"));
        QVERIFY(
            panelText(viewer.get()).contains(QStringLiteral("DICOM preview comes with the imaging issue")));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(m_audit.shown.size(), 0);
        QCOMPARE(m_audit.failed.size(), 1);
    }

    // R-6.4.4a-c: every view is audited, once per document shown, before it is visible.
    void everyDocumentShownIsAuditedOnce()
    {
        auto viewer = makeViewer();
        QVERIFY(viewer);
        QVERIFY(viewer
                    ->showDocument(document(QStringLiteral("doc-1"), pathologyReportPdf(), Pdf,
                                            QStringLiteral("报告.pdf")))
                    .ok());
        QCOMPARE(m_audit.shown.size(), 1);
        const DocumentViewEvent event = m_audit.shown.at(0);
        QCOMPARE(event.documentId, QStringLiteral("doc-1"));
        QCOMPARE(event.mediaType, Pdf);
        QCOMPARE(event.userName, QStringLiteral("liwei"));
        QCOMPARE(event.at, m_clock.now());
        QCOMPARE(event.pageCount, 2);

        // Reading the document is not a new view.
        viewer->nextPage();
        viewer->zoomIn();
        viewer->fitPage();
        viewer->grab();
        viewer->resize(700, 600);
        viewer->grab();
        QCOMPARE(m_audit.shown.size(), 1);

        QVERIFY(viewer
                    ->showDocument(document(QStringLiteral("img-1"), encode(doseDistributionImage(), "png"),
                                            QString(), QStringLiteral("dose.png")))
                    .ok());
        QCOMPARE(m_audit.shown.size(), 2);
        QCOMPARE(m_audit.shown.at(1).mediaType, PngType); // the type the content proved, not the label
        QCOMPARE(m_audit.shown.at(1).pageCount, 1);

        // Opening the first one again is another view.
        QVERIFY(viewer->showDocument(document(QStringLiteral("doc-1"), pathologyReportPdf(), Pdf, QString()))
                    .ok());
        QCOMPARE(m_audit.shown.size(), 3);
        QCOMPARE(m_audit.failed.size(), 0);
    }

    // R-6.4.4a-c: a view the audit log cannot record does not happen.
    void documentStaysHiddenWhenTheAuditRefuses()
    {
        auto viewer = makeViewer();
        QVERIFY(viewer);
        m_audit.refuse = true;
        QSignalSpy shown(viewer.get(), &DocumentViewer::documentShown);
        const auto result =
            viewer->showDocument(document(QStringLiteral("doc-1"), pathologyReportPdf(), Pdf, QString()));
        QVERIFY(!result.ok());
        QCOMPARE(viewer->state(), DocumentViewer::State::Failed);
        QCOMPARE(
            viewer->message(),
            QStringLiteral("This document cannot be shown: the view could not be recorded in the audit log"));
        QCOMPARE(shown.count(), 0);
        QCOMPARE(pdfView(viewer.get())->pageCount(), 0); // the decoded document is gone again
        auto *stack = viewer->findChild<QStackedWidget *>();
        QVERIFY(stack->currentWidget() != pdfView(viewer.get()));
    }

    void viewerWithoutAuditOrSignedInViewerRefuses()
    {
        DocumentViewer unaudited;
        unaudited.setViewer({QStringLiteral("Li Wei"), QStringLiteral("liwei")});
        QVERIFY(!unaudited.showDocument(document(QStringLiteral("d"), blankPdf(1), Pdf, QString())).ok());
        QCOMPARE(unaudited.state(), DocumentViewer::State::Failed);
        QVERIFY(unaudited.message().contains(QStringLiteral("audit")));

        DocumentViewer anonymous;
        anonymous.setAudit(&m_audit);
        QVERIFY(!anonymous.showDocument(document(QStringLiteral("d"), blankPdf(1), Pdf, QString())).ok());
        QCOMPARE(
            anonymous.message(),
            QStringLiteral("This document cannot be shown: no signed-in viewer to name in the watermark"));
        QCOMPARE(m_audit.shown.size(), 0);
    }

    // A page too large to render whole (deep zoom, poster formats) is rendered for the visible part
    // only, and lands in the same place.
    void oversizedPageRenderIsClippedToTheView()
    {
        auto viewer = makeViewer();
        QVERIFY(viewer);
        auto sample = [&] {
            PdfPageView *view = pdfView(viewer.get());
            const QImage shot = view->viewport()->grab().toImage();
            const QRect page = view->pageRectInViewport(0);
            const int y = std::min(page.top() + 200, view->viewport()->height() - 10);
            return std::pair{shot.pixelColor(page.left() + page.width() / 4, y),
                             shot.pixelColor(page.left() + 3 * page.width() / 4, y)};
        };
        QVERIFY(viewer->showDocument(document(QStringLiteral("c"), twoColourPdf(), Pdf, QString())).ok());
        const auto [wholeLeft, wholeRight] = sample();
        PreviewLimits tight;
        tight.maxPdfPageRenderPixels = 50000;
        viewer->setLimits(tight);
        QVERIFY(viewer->showDocument(document(QStringLiteral("c"), twoColourPdf(), Pdf, QString())).ok());
        const auto [clipLeft, clipRight] = sample();
        QVERIFY(clipLeft.red() > 150 && clipLeft.blue() < 100);
        QVERIFY(clipRight.blue() > 150 && clipRight.red() < 100);
        QVERIFY(std::abs(clipLeft.red() - wholeLeft.red()) < 12);
        QVERIFY(std::abs(clipRight.blue() - wholeRight.blue()) < 12);
    }

    void screenshotOfAPathologyReport()
    {
        DocumentViewer *viewer = nullptr;
        auto page =
            makePage(viewer, QStringLiteral("Pathology report"),
                     QStringLiteral("Core-needle biopsy, left breast · received 2021-03-08 · P-7F3K9Q"),
                     QSize(1180, 900));
        QVERIFY(page);
        QVERIFY(viewer
                    ->showDocument(document(QStringLiteral("doc-1"), pathologyReportPdf(), Pdf,
                                            QStringLiteral("病理诊断报告_S2021-04417.pdf")))
                    .ok());
        save(page.get(), QStringLiteral("viewer-pathology-report"));
    }

    void screenshotOfAPathologyReportInChinese()
    {
        QVERIFY(ViewerLanguage::install(*qApp, QStringLiteral("zh_CN")));
        DocumentViewer *viewer = nullptr;
        auto page =
            makePage(viewer, QStringLiteral("病理诊断报告"),
                     QStringLiteral("左乳肿物空芯针穿刺活检 · 送检 2021-03-08 · P-7F3K9Q"), QSize(1180, 900));
        QVERIFY(page);
        QVERIFY(viewer
                    ->showDocument(document(QStringLiteral("doc-1"), pathologyReportPdf(), Pdf,
                                            QStringLiteral("病理诊断报告_S2021-04417.pdf")))
                    .ok());
        viewer->nextPage();
        auto *info = viewer->findChild<QLabel *>(QStringLiteral("viewerFileInfo"));
        QCOMPARE(info->text(), QStringLiteral("PDF · 2 页"));
        save(page.get(), QStringLiteral("viewer-pathology-report-zh"));
        QVERIFY(ViewerLanguage::install(*qApp, QStringLiteral("en")));
    }

    void screenshotOfAZoomedImage()
    {
        DocumentViewer *viewer = nullptr;
        auto page = makePage(viewer, QStringLiteral("Dose distribution"),
                             QStringLiteral("Radiotherapy plan RT-1 · axial slice through the target"),
                             QSize(1180, 860));
        QVERIFY(page);
        QVERIFY(viewer
                    ->showDocument(document(QStringLiteral("img-1"), encode(doseDistributionImage(), "png"),
                                            PngType, QStringLiteral("RT-1_dose_axial_z125.png")))
                    .ok());
        ImageView *view = imageView(viewer);
        const QPointF target = view->imageToWidget(QPointF(1024 * 0.66, 768 * 0.32));
        view->zoomAt(2.0, target);
        save(page.get(), QStringLiteral("viewer-image-zoomed"));
    }

    void screenshotOfARefusedDocument()
    {
        DocumentViewer *viewer = nullptr;
        auto page = makePage(viewer, QStringLiteral("Pathology report"),
                             QStringLiteral("Surgical specimen · received 2021-07-06"), QSize(1000, 640));
        QVERIFY(page);
        QVERIFY(!viewer
                     ->showDocument(document(QStringLiteral("doc-2"), truncated(pathologyReportPdf()), Pdf,
                                             QStringLiteral("病理诊断报告_S2021-09102.pdf")))
                     .ok());
        save(page.get(), QStringLiteral("viewer-cannot-show"));
    }
};

// Points the temporary, cache, config, data and runtime directories at fresh empty folders before
// Qt (or any library it loads) reads them, so viewingWritesNoFile() sees every file that appears.
int main(int argc, char *argv[])
{
    qputenv("TZ", "Asia/Shanghai"); // the watermark shows workstation time; pin it for the checks
    QTemporaryDir root(QDir::tempPath() + QStringLiteral("/mdp-viewer-test-XXXXXX"));
    if (!root.isValid())
        return 2;
    for (const auto &[variable, folder] :
         {std::pair{"TMPDIR", "tmp"}, std::pair{"XDG_CACHE_HOME", "cache"},
          std::pair{"XDG_CONFIG_HOME", "config"}, std::pair{"XDG_DATA_HOME", "data"},
          std::pair{"XDG_RUNTIME_DIR", "runtime"}}) {
        const QString path = root.filePath(QString::fromLatin1(folder));
        QDir().mkpath(path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv(variable, QFile::encodeName(path));
    }
    QApplication app(argc, argv);
    tst_DocumentViewer test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_DocumentViewer.moc"
