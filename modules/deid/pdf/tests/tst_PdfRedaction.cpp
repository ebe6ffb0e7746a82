// PDF de-identification by re-rendering (issue 10): R-6.6.5a (identifiers found in a PDF's text
// layer), R-6.6.5b (the output keeps no text layer, no hidden text and no metadata of the original),
// R-6.6.5c (regions blacked out, the rest still readable), R-6.6.5d (scanned pages flagged for review,
// never passed as clean; bad input refused, nothing half-written). All documents are synthetic.
#include "mdp/deid/PdfRedaction.h"
#include "mdp/deid/SyntheticReportPdf.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace mdp;
using namespace mdp::deid;

namespace {

constexpr int kCheckDpi = 150;

int luma(QRgb p)
{
    return (qRed(p) * 299 + qGreen(p) * 587 + qBlue(p) * 114) / 1000;
}

// Page `page` of `pdf` rendered on white at `dpi`.
QImage renderPage(const QByteArray &pdf, int page, int dpi = kCheckDpi)
{
    QByteArray bytes = pdf;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    if (document.status() != QPdfDocument::Status::Ready || page >= document.pageCount())
        return {};
    const QSizeF points = document.pagePointSize(page);
    const QSize pixels(int(std::ceil(points.width() * dpi / 72.0)),
                       int(std::ceil(points.height() * dpi / 72.0)));
    QImage canvas(pixels, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    QPainter p(&canvas);
    p.drawImage(0, 0, document.render(page, pixels));
    return canvas;
}

QRect toPixels(const QRectF &points, int dpi = kCheckDpi)
{
    const double s = dpi / 72.0;
    return QRectF(points.x() * s, points.y() * s, points.width() * s, points.height() * s)
        .toAlignedRect()
        .intersected(QRect(0, 0, 100000, 100000));
}

// Within `rect`: how many pixels were ink in `before`, how many of those are black / still dark in
// `after`, and how many pixels are ink in `after`.
struct InkFate
{
    int ink = 0;
    int black = 0;
    int dark = 0;
    int inkAfter = 0;
    // Over the bounding box of the ink of `before`: all pixels, those black in `after`, those of the
    // grey that paints over content outside the text layer.
    int pixels = 0;
    int blackAfter = 0;
    int greyAfter = 0;

    bool boxed() const { return ink > 20 && blackAfter == pixels; }
    bool paintedOver() const { return ink > 20 && greyAfter == pixels; }

    // The same text, neither boxed nor painted over (resampling moves edges a little).
    bool readable() const { return inkAfter * 5 >= ink * 4 && inkAfter * 4 <= ink * 5 && black * 2 < ink; }
};

InkFate inkFate(const QImage &before, const QImage &after, const QRect &rect)
{
    InkFate fate;
    const QRect r = rect.intersected(before.rect()).intersected(after.rect());
    QRect glyphs; // where the ink was
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x)
            if (luma(before.pixel(x, y)) < 160)
                glyphs |= QRect(x, y, 1, 1);
    for (int y = glyphs.top(); y <= glyphs.bottom(); ++y) {
        for (int x = glyphs.left(); x <= glyphs.right(); ++x) {
            const int now = luma(after.pixel(x, y));
            ++fate.pixels;
            fate.blackAfter += now < 48 ? 1 : 0;
            fate.greyAfter += std::abs(now - 0x9e) < 12 ? 1 : 0;
        }
    }
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const int now = luma(after.pixel(x, y));
            fate.inkAfter += now < 160 ? 1 : 0;
            if (luma(before.pixel(x, y)) >= 160)
                continue;
            ++fate.ink;
            fate.black += now < 48 ? 1 : 0;
            fate.dark += now < 120 ? 1 : 0;
        }
    }
    return fate;
}

QString allText(const QByteArray &pdf)
{
    QByteArray bytes = pdf;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    QString text;
    for (int page = 0; page < document.pageCount(); ++page) {
        const QPdfSelection all = document.getAllText(page);
        if (all.isValid())
            text += all.text();
    }
    return text;
}

int pageCount(const QByteArray &pdf)
{
    QByteArray bytes = pdf;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    return document.status() == QPdfDocument::Status::Ready ? document.pageCount() : -1;
}

QList<PlacedText> placed(const SyntheticReport &report, int page, PlacedText::Role role,
                         bool inTextLayer = true)
{
    QList<PlacedText> out;
    for (const PlacedText &t : report.texts)
        if (t.page == page && t.role == role && t.inTextLayer == inTextLayer)
            out.append(t);
    return out;
}

// A minimal PDF whose standard security handler wants a password that is not empty (the /U entry
// matches no key derived from the empty password).
QByteArray encryptedPdf()
{
    const QByteArray hex32 = QByteArray(32, '\x5a').toHex();
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        "<< /Filter /Standard /V 1 /R 2 /O <" + hex32 + "> /U <" + hex32 + "> /P -44 >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    const QByteArray id = QByteArray(16, '\x11').toHex();
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) +
           " /Root 1 0 R /Encrypt 4 0 R /ID [<" + id + "> <" + id + ">] >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

void dumpIfAsked(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("MDP_PDF_REDACTION_DUMP");
    if (!dir.isEmpty())
        image.save(QDir(dir).filePath(name));
}

void dumpIfAsked(const QByteArray &pdf, const QString &name)
{
    const QString dir = qEnvironmentVariable("MDP_PDF_REDACTION_DUMP");
    QFile f(QDir(dir).filePath(name));
    if (!dir.isEmpty() && f.open(QIODevice::WriteOnly))
        f.write(pdf);
}

} // namespace

class tst_PdfRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // R-6.6.5a, R-6.6.5c
    void identifiersAreBlackedOutAndOtherTextStaysReadable();
    // R-6.6.5b
    void outputHasNoTextLayerAndNoIdentifierBytes();
    void metadataAndAttachmentsAreNotCarriedOver();
    // R-6.6.5d
    void scannedPageIsWithheldForReviewNeverPassedAsClean();
    void pictureOnATextPageIsPaintedOver();
    void glyphsWithoutUnicodeValueArePaintedOver();
    void textLayerThatDoesNotLineUpIsWithheld_data();
    void textLayerThatDoesNotLineUpIsWithheld();
    // R-6.6.5a: the finder is the caller's choice
    void findingsOfAnInjectedFinderAreBlackedOut();
    void findingOutsideTheTextWithholdsThePage();
    // R-6.6.5d (bad input): refused with a message, nothing written
    void badInputIsRefusedAndLeavesNoFile_data();
    void badInputIsRefusedAndLeavesNoFile();
    void failedRunKeepsAnExistingOutputUntouched();
    void cancelledRunLeavesNoFile();
    void fileRunWritesOnlyTheOutput();
};

void tst_PdfRedaction::identifiersAreBlackedOutAndOtherTextStaysReadable()
{
    SyntheticReportOptions options;
    options.pages = 2;
    options.seed = 11;
    const SyntheticReport original = syntheticReportPdf(options);
    auto redacted = redactPdf(original.pdf);
    QVERIFY2(redacted.ok(), qPrintable(redacted.ok() ? QString() : redacted.error().toString()));
    const PdfRedactionReport &report = redacted->report;
    QVERIFY2(report.isComplete(), qPrintable(report.summary()));
    QCOMPARE(report.pages.size(), 2);
    QCOMPARE(pageCount(redacted->pdf), 2);
    dumpIfAsked(original.pdf, QStringLiteral("original.pdf"));
    dumpIfAsked(redacted->pdf, QStringLiteral("redacted.pdf"));

    for (int page = 0; page < 2; ++page) {
        const QList<PlacedText> identifiers = placed(original, page, PlacedText::Role::Identifier);
        QCOMPARE(identifiers.size(), 5); // resident ID, mobile, e-mail, card, relative's mobile
        QCOMPARE(report.pages[page].outcome, PdfPageOutcome::Redacted);
        QCOMPARE(report.pages[page].findings.value(placeholder(IdentifierKind::ResidentId)), 1);
        QCOMPARE(report.pages[page].findings.value(placeholder(IdentifierKind::MobilePhone)), 2);
        QCOMPARE(report.pages[page].findings.value(placeholder(IdentifierKind::Email)), 1);
        QCOMPARE(report.pages[page].findings.value(placeholder(IdentifierKind::BankCard)), 1);

        const QImage before = renderPage(original.pdf, page);
        const QImage after = renderPage(redacted->pdf, page);
        QCOMPARE(after.size(), before.size());
        dumpIfAsked(before, QStringLiteral("original-%1.png").arg(page));
        dumpIfAsked(after, QStringLiteral("redacted-%1.png").arg(page));
        dumpIfAsked(after, QStringLiteral("redacted-%1.png").arg(page));
        for (const PlacedText &id : identifiers) {
            const InkFate fate = inkFate(before, after, toPixels(id.rect));
            QVERIFY2(fate.ink > 20, qPrintable(id.text)); // the identifier was visible before
            QVERIFY2(fate.black == fate.ink,
                     qPrintable(QStringLiteral("%1 of %2 ink pixels of a planted identifier are not black")
                                    .arg(fate.ink - fate.black)
                                    .arg(fate.ink)));
            QVERIFY2(
                fate.boxed(),
                qPrintable(QStringLiteral("%1 of %2 pixels black").arg(fate.blackAfter).arg(fate.pixels)));
        }
        const QList<PlacedText> clinical = placed(original, page, PlacedText::Role::Clinical);
        QVERIFY(clinical.size() >= 10);
        for (const PlacedText &text : clinical) {
            const InkFate fate = inkFate(before, after, toPixels(text.rect));
            QVERIFY2(fate.ink > 20, qPrintable(text.text));
            QVERIFY2(fate.readable(), qPrintable(text.text));
        }
    }
    QVERIFY(report.summary().contains(QStringLiteral("complete")));
    QVERIFY(!report.summary().contains(QStringLiteral("NOT complete")));
}

void tst_PdfRedaction::outputHasNoTextLayerAndNoIdentifierBytes()
{
    SyntheticReportOptions options;
    options.pages = 2;
    options.seed = 12;
    const SyntheticReport original = syntheticReportPdf(options);
    QVERIFY(allText(original.pdf).contains(placed(original, 0, PlacedText::Role::Identifier).first().text));
    auto redacted = redactPdf(original.pdf);
    QVERIFY(redacted.ok());
    // No text at all: nothing could hide under a box.
    QCOMPARE(allText(redacted->pdf).trimmed(), QString());
    // Not a font in the file (Qt writes an empty font dictionary into every page's resources).
    QVERIFY(!redacted->pdf.contains("/FontDescriptor"));
    QVERIFY(!redacted->pdf.contains("/ToUnicode"));
    QVERIFY(original.pdf.contains("/ToUnicode"));
    for (const PlacedText &t : original.texts) {
        if (t.role != PlacedText::Role::Identifier)
            continue;
        QVERIFY(!redacted->pdf.contains(t.text.toUtf8()));
        QVERIFY(!redacted->report.summary().contains(t.text)); // the report names kinds, not values
    }
}

void tst_PdfRedaction::metadataAndAttachmentsAreNotCarriedOver()
{
    SyntheticReportOptions options;
    options.title = QStringLiteral("测试患者乙 出院小结 13912345678");
    const SyntheticReport original = syntheticReportPdf(options);
    {
        QByteArray bytes = original.pdf;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::ReadOnly);
        QPdfDocument document;
        document.load(&buffer);
        QCOMPARE(document.metaData(QPdfDocument::MetaDataField::Title).toString(), options.title);
    }
    auto redacted = redactPdf(original.pdf);
    QVERIFY(redacted.ok());
    QByteArray bytes = redacted->pdf;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    QCOMPARE(document.status(), QPdfDocument::Status::Ready);
    for (auto field : {QPdfDocument::MetaDataField::Title, QPdfDocument::MetaDataField::Subject,
                       QPdfDocument::MetaDataField::Author, QPdfDocument::MetaDataField::Keywords})
        QCOMPARE(document.metaData(field).toString(), QString());
    QVERIFY(document.metaData(QPdfDocument::MetaDataField::Creator).toString() !=
            QStringLiteral("MDP synthetic report"));
    QVERIFY(!bytes.contains(options.title.toUtf8()));
    QVERIFY(!bytes.contains("13912345678"));
    QByteArray utf16;
    for (QChar c : options.title)
        utf16 += char(c.unicode() >> 8), utf16 += char(c.unicode() & 0xff);
    QVERIFY(!bytes.contains(utf16));
    QVERIFY(!bytes.contains("/EmbeddedFile"));
    QVERIFY(original.pdf.contains("/EmbeddedFile")); // the original did carry one
}

void tst_PdfRedaction::scannedPageIsWithheldForReviewNeverPassedAsClean()
{
    SyntheticReportOptions options;
    options.pages = 3;
    options.scannedPages = {1};
    options.seed = 13;
    const SyntheticReport original = syntheticReportPdf(options);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("in.pdf"));
    const QString output = dir.filePath(QStringLiteral("out.pdf"));
    {
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(original.pdf);
    }
    auto report = redactPdfFile(input, output);
    QVERIFY(report.ok());
    QVERIFY(!report->isComplete()); // the caller is told: not de-identified as a whole
    QCOMPARE(report->withheldPages(), QList<int>{1});
    QCOMPARE(report->pages[1].outcome, PdfPageOutcome::Withheld);
    QCOMPARE(report->pages[1].textCharacters, 0);
    QVERIFY(!report->pages[1].note.isEmpty());
    QCOMPARE(report->pages[0].outcome, PdfPageOutcome::Redacted);
    QCOMPARE(report->pages[2].outcome, PdfPageOutcome::Redacted);
    const QString summary = report->summary();
    QVERIFY2(summary.contains(QStringLiteral("NOT complete")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("page 2: withheld")), qPrintable(summary));

    // The output keeps the page count; the withheld page shows none of the scan.
    QFile f(output);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray out = f.readAll();
    QCOMPARE(pageCount(out), 3);
    QCOMPARE(allText(out).trimmed(), QString());
    const QImage before = renderPage(original.pdf, 1);
    const QImage after = renderPage(out, 1);
    dumpIfAsked(after, QStringLiteral("withheld-1.png"));
    const QList<PlacedText> scanned = placed(original, 1, PlacedText::Role::Identifier, false);
    QCOMPARE(scanned.size(), 5);
    for (const PlacedText &id : scanned) {
        const InkFate fate = inkFate(before, after, toPixels(id.rect));
        QVERIFY(fate.ink > 20);
        QCOMPARE(fate.dark, 0);
    }
}

void tst_PdfRedaction::pictureOnATextPageIsPaintedOver()
{
    SyntheticReportOptions options;
    options.picturePages = {0};
    options.seed = 14;
    const SyntheticReport original = syntheticReportPdf(options);
    auto redacted = redactPdf(original.pdf);
    QVERIFY(redacted.ok());
    const QImage before = renderPage(original.pdf, 0);
    const QImage after = renderPage(redacted->pdf, 0);
    dumpIfAsked(after, QStringLiteral("picture-0.png"));
    const PdfPageReport &page = redacted->report.pages.first();
    QCOMPARE(page.outcome, PdfPageOutcome::Redacted);
    QVERIFY(page.paintedOverShare > 0.005);
    QVERIFY(page.paintedOverShare < 0.25);
    QVERIFY(!page.note.isEmpty());

    const QList<PlacedText> inPicture = placed(original, 0, PlacedText::Role::Identifier, false);
    QCOMPARE(inPicture.size(), 1);
    const InkFate fate = inkFate(before, after, toPixels(inPicture.first().rect));
    QVERIFY(fate.ink > 20);
    QCOMPARE(fate.dark, 0);
    // The text layer's clinical text and the table rules are untouched.
    for (const PlacedText &text : placed(original, 0, PlacedText::Role::Clinical)) {
        const InkFate kept = inkFate(before, after, toPixels(text.rect));
        QVERIFY2(kept.readable(), qPrintable(text.text));
    }
    // A page without any picture has nothing painted over: ruling lines are not content.
    auto plain = redactPdf(syntheticReportPdf().pdf);
    QVERIFY(plain.ok());
    QCOMPARE(plain->report.pages.first().paintedOverShare, 0.0);
}

void tst_PdfRedaction::glyphsWithoutUnicodeValueArePaintedOver()
{
    // Qt 6.4's PDF writer leaves some glyphs of the CJK font out of the ToUnicode map when Latin
    // digits are drawn with it: the text layer then holds raw character codes where the resident ID's
    // digits are, which no finder can read, while the page shows them.
    SyntheticReportOptions options;
    options.latinInCjkFont = true;
    options.seed = 11;
    const SyntheticReport original = syntheticReportPdf(options);
    const QString text = allText(original.pdf);
    const bool unreadable =
        std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x09; }) ||
        std::any_of(text.cbegin(), text.cend(),
                    [](QChar c) { return c.unicode() > 0x0d && c.unicode() < 0x20; });
    if (!unreadable)
        QSKIP("this Qt writes a complete ToUnicode map; nothing unreadable to test with");
    auto redacted = redactPdf(original.pdf);
    QVERIFY(redacted.ok());
    const PdfPageReport &page = redacted->report.pages.first();
    QVERIFY(page.unreadableCharacters > 0);
    QCOMPARE(page.outcome, PdfPageOutcome::Redacted);
    const QImage before = renderPage(original.pdf, 0);
    const QImage after = renderPage(redacted->pdf, 0);
    dumpIfAsked(after, QStringLiteral("unreadable-0.png"));
    int painted = 0;
    for (const PlacedText &id : placed(original, 0, PlacedText::Role::Identifier)) {
        const InkFate fate = inkFate(before, after, toPixels(id.rect));
        QVERIFY2(fate.boxed() || fate.paintedOver(), qPrintable(id.text));
        painted += fate.paintedOver() ? 1 : 0;
    }
    QVERIFY(painted > 0); // the unreadable ones are painted over, as nobody could search them
}

void tst_PdfRedaction::textLayerThatDoesNotLineUpIsWithheld_data()
{
    // QtPdf 6.4 places text in the page's untransformed space (flipped on the page height only), while
    // it renders through the page's rotation and crop box: boxes would land beside the identifiers.
    QTest::addColumn<QByteArray>("pageEntries");
    QTest::newRow("rotated") << QByteArray("/Rotate 90\n");
    QTest::newRow("crop box offset") << QByteArray("/CropBox [40 60 555 800]\n");
}

void tst_PdfRedaction::textLayerThatDoesNotLineUpIsWithheld()
{
    QFETCH(QByteArray, pageEntries);
    QByteArray pdf = syntheticReportPdf().pdf;
    QVERIFY(pdf.contains("/Type /Page\n"));
    pdf.replace("/Type /Page\n", "/Type /Page\n" + pageEntries); // PDFium rebuilds the moved offsets
    auto redacted = redactPdf(pdf);
    QVERIFY(redacted.ok());
    QCOMPARE(redacted->report.withheldPages(), QList<int>{0});
    QVERIFY(redacted->report.summary().contains(QStringLiteral("does not line up")));
}

void tst_PdfRedaction::findingsOfAnInjectedFinderAreBlackedOut()
{
    const SyntheticReport original = syntheticReportPdf();
    const QString diagnosis = QStringLiteral("浸润性导管癌");
    PdfRedactionOptions options;
    int calls = 0;
    options.finder = [&](QStringView text) {
        ++calls;
        QList<Finding> found = findCheckableIdentifiers(text);
        const qsizetype at = text.indexOf(diagnosis);
        if (at >= 0)
            found.append(Finding{IdentifierKind::Email, at, diagnosis.size()});
        return found;
    };
    auto redacted = redactPdf(original.pdf, options);
    QVERIFY(redacted.ok());
    QCOMPARE(calls, 1);
    const QImage before = renderPage(original.pdf, 0);
    const QImage after = renderPage(redacted->pdf, 0);
    const PlacedText line = placed(original, 0, PlacedText::Role::Clinical).first();
    QVERIFY(line.text.contains(diagnosis));
    // The word's part of the line is black, the line's start is not.
    const InkFate fate = inkFate(before, after, toPixels(line.rect));
    QVERIFY(fate.black > 0);
    QVERIFY(fate.black < fate.ink);
}

void tst_PdfRedaction::findingOutsideTheTextWithholdsThePage()
{
    PdfRedactionOptions options;
    options.finder = [](QStringView text) {
        return QList<Finding>{Finding{IdentifierKind::Email, text.size() - 2, 10}};
    };
    auto redacted = redactPdf(syntheticReportPdf().pdf, options);
    QVERIFY(redacted.ok());
    QCOMPARE(redacted->report.withheldPages(), QList<int>{0});
}

void tst_PdfRedaction::badInputIsRefusedAndLeavesNoFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray good = syntheticReportPdf().pdf;
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not a PDF (text)") << QByteArray("身份证号 110105195001010019\n").repeated(50);
    QImage picture(64, 64, QImage::Format_RGB32);
    picture.fill(Qt::red);
    QByteArray png;
    QBuffer pngBuffer(&png);
    pngBuffer.open(QIODevice::WriteOnly);
    picture.save(&pngBuffer, "PNG");
    QTest::newRow("not a PDF (PNG)") << png;
    QTest::newRow("truncated to 60%") << good.first(good.size() * 6 / 10);
    QTest::newRow("truncated by 16 bytes") << good.first(good.size() - 16);
    QByteArray garbage(40000, '\0');
    for (qsizetype i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 131 + 7) % 251);
    QTest::newRow("corrupt body") << QByteArray("%PDF-1.7\n") + garbage + QByteArray("\n%%EOF\n");
    QTest::newRow("password-protected") << encryptedPdf();
}

void tst_PdfRedaction::badInputIsRefusedAndLeavesNoFile()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString input = dir.filePath(QStringLiteral("in.pdf"));
    const QString output = dir.filePath(QStringLiteral("out/redacted.pdf"));
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("out")));
    {
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    auto report = redactPdfFile(input, output);
    QVERIFY(!report.ok());
    QVERIFY(!report.error().message.isEmpty());
    qInfo() << Error::codeName(report.error().code) << report.error().message;
    QVERIFY(!QFile::exists(output));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("out")))
                 .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
    // The same bytes in memory are refused too.
    QVERIFY(!redactPdf(bytes).ok());
}

void tst_PdfRedaction::failedRunKeepsAnExistingOutputUntouched()
{
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.pdf"));
    const QString output = dir.filePath(QStringLiteral("out.pdf"));
    {
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(encryptedPdf());
        QFile o(output);
        QVERIFY(o.open(QIODevice::WriteOnly));
        o.write("previous result");
    }
    QVERIFY(!redactPdfFile(input, output).ok());
    QFile o(output);
    QVERIFY(o.open(QIODevice::ReadOnly));
    QCOMPARE(o.readAll(), QByteArray("previous result"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void tst_PdfRedaction::cancelledRunLeavesNoFile()
{
    SyntheticReportOptions synthetic;
    synthetic.pages = 3;
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.pdf"));
    const QString output = dir.filePath(QStringLiteral("out.pdf"));
    {
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(syntheticReportPdf(synthetic).pdf);
    }
    PdfRedactionOptions options;
    QList<int> seen;
    options.progress = [&](int done, int total) {
        seen.append(done);
        return done < 2 && total == 3;
    };
    auto report = redactPdfFile(input, output, options);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, Error::Code::Cancelled);
    QCOMPARE(seen, (QList<int>{1, 2}));
    QVERIFY(!QFile::exists(output));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("in.pdf")});
}

void tst_PdfRedaction::fileRunWritesOnlyTheOutput()
{
    QTemporaryDir dir;
    const QString input = dir.filePath(QStringLiteral("in.pdf"));
    const QString output = dir.filePath(QStringLiteral("out.pdf"));
    {
        QFile f(input);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(syntheticReportPdf().pdf);
    }
    auto report = redactPdfFile(input, output);
    QVERIFY(report.ok());
    QVERIFY(report->isComplete());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
             (QStringList{QStringLiteral("in.pdf"), QStringLiteral("out.pdf")}));
    QFile f(output);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(pageCount(f.readAll()), 1);
}

QTEST_MAIN(tst_PdfRedaction)
#include "tst_PdfRedaction.moc"
