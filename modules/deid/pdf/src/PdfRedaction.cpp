#include "mdp/deid/PdfRedaction.h"

#include "PageInk.h"
#include "mdp/foundation/AtomicFile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QPdfWriter>
#include <QSaveFile>

#include <cmath>

namespace mdp::deid {

namespace {

Q_LOGGING_CATEGORY(lcDeidPdf, "mdp.deid.pdf")

QString tr(const char *text)
{
    return QCoreApplication::translate("mdp::deid::PdfRedaction", text);
}

// Where the PDF format puts its markers: the header in the first kilobyte, the end-of-file marker in
// the last one (readers tolerate a little around them, and so do we).
constexpr qsizetype kMarkerWindow = 1024;
// A page rendered larger than this on either side is refused rather than exhausting memory.
constexpr int kMaxPagePixels = 20000;

Result<void> checkEnvelope(const QByteArray &pdf, const PdfRedactionOptions &options)
{
    if (pdf.isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("the file is empty"));
    if (pdf.size() > options.maxInputBytes)
        return makeError(Error::Code::InvalidArgument,
                         tr("the file is larger than the %1 MiB accepted").arg(options.maxInputBytes >> 20));
    if (!pdf.first(std::min(pdf.size(), kMarkerWindow)).contains("%PDF-"))
        return makeError(Error::Code::Unsupported, tr("the file is not a PDF document"));
    if (pdf.lastIndexOf("%%EOF") < pdf.size() - kMarkerWindow)
        return makeError(Error::Code::Corrupt,
                         tr("the PDF is truncated (its end-of-file marker is missing)"));
    return {};
}

Error openError(QPdfDocument::Error error)
{
    switch (error) {
    case QPdfDocument::Error::IncorrectPassword:
        return makeError(Error::Code::PermissionDenied,
                         tr("the PDF is protected by a password; remove the protection and try again"));
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return makeError(Error::Code::Unsupported,
                         tr("the PDF is encrypted with a scheme that is not supported"));
    case QPdfDocument::Error::InvalidFileFormat:
    case QPdfDocument::Error::DataNotYetAvailable:
        return makeError(Error::Code::Corrupt, tr("the PDF is damaged or incomplete"));
    default:
        return makeError(Error::Code::Corrupt, tr("the PDF could not be opened"));
    }
}

// PDFium counts characters, QString counts UTF-16 units: a character outside the Basic Multilingual
// Plane is one of the former and two of the latter.
int characterIndex(QStringView text, qsizetype utf16Offset)
{
    qsizetype lowSurrogates = 0;
    for (qsizetype i = 0; i < utf16Offset && i < text.size(); ++i)
        lowSurrogates += text[i].isLowSurrogate() ? 1 : 0;
    return int(utf16Offset - lowSurrogates);
}

// A rectangle in points (top-left origin) in the pixels of an image at `scale`, grown by `pad` of its
// height on every side (at least `minPad` pixels) so anti-aliased edges and accents are covered.
QRect toPixels(const QRectF &points, double scale, double pad, double minPad)
{
    const QRectF px(points.x() * scale, points.y() * scale, points.width() * scale, points.height() * scale);
    const double grow = std::max(minPad, px.height() * pad);
    return px.adjusted(-grow, -grow, grow, grow).toAlignedRect();
}

// A character the text layer could not give a Unicode value (PDFium then reports the raw character
// code, often a control character) or gave a meaningless one: its glyph may show anything.
bool isUnreadable(QChar c)
{
    const char16_t u = c.unicode();
    if (u == u'\r' || u == u'\n' || u == u'\t')
        return false;
    return u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0xfffd || u == 0xfffe || u == 0xffff ||
           c.category() == QChar::Other_PrivateUse;
}

// Fonts often map one glyph to a compatibility character (a Kangxi radical for 示, a CJK
// compatibility ideograph): fold those to the ideograph the reader sees, one UTF-16 unit for one, so
// the finder's offsets still hold.
QString foldForFinder(const QString &text)
{
    QString out = text;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const char16_t u = out[i].unicode();
        if ((u >= 0x2e80 && u <= 0x2fdf) || (u >= 0xf900 && u <= 0xfaff)) {
            const QString folded = QString(out[i]).normalized(QString::NormalizationForm_KC);
            if (folded.size() == 1)
                out[i] = folded[0];
        }
    }
    return out;
}

// The boxes over one finding: each of its rectangles as tall as the text line it sits on, and the
// rectangles of one line joined, so no sliver of a glyph shows between two of them.
QList<QRectF> findingRects(const QList<QPolygonF> &selection, const QList<QRectF> &lines)
{
    QList<QRectF> rects;
    for (const QPolygonF &polygon : selection) {
        QRectF r = polygon.boundingRect();
        for (const QRectF &line : lines) {
            if (line.contains(r.center())) {
                r.setTop(std::min(r.top(), line.top()));
                r.setBottom(std::max(r.bottom(), line.bottom()));
            }
        }
        bool merged = false;
        for (QRectF &m : rects) {
            const double overlap = std::min(m.bottom(), r.bottom()) - std::max(m.top(), r.top());
            if (overlap > 0.5 * std::min(m.height(), r.height())) {
                m = m.united(r);
                merged = true;
                break;
            }
        }
        if (!merged)
            rects.append(r);
    }
    return rects;
}

int visibleCharacters(QStringView text)
{
    int n = 0;
    for (QChar c : text)
        n += c.isSpace() || c.category() == QChar::Other_Control ? 0 : 1;
    return n;
}

// The page that stands in for a withheld one: says which page and why, and nothing of its content.
// Drawn into an image, so the output keeps no text layer at all.
QImage reviewPage(QSize size, int page, const QString &reason, int dotsPerInch)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(0xee, 0xee, 0xee));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const double pt = dotsPerInch / 72.0;
    p.setPen(QPen(QColor(0x80, 0x80, 0x80), 2 * pt, Qt::DashLine));
    p.drawRect(QRectF(image.rect()).adjusted(18 * pt, 18 * pt, -18 * pt, -18 * pt));
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans SC"),
                      QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("DejaVu Sans")});
    font.setPixelSize(std::max(8, int(20 * pt)));
    font.setBold(true);
    p.setFont(font);
    p.setPen(QColor(0x30, 0x30, 0x30));
    const QRectF text = QRectF(image.rect()).adjusted(40 * pt, 40 * pt, -40 * pt, -40 * pt);
    p.drawText(text, Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextWordWrap,
               tr("Page %1 withheld: awaiting manual review").arg(page + 1) + QLatin1Char('\n') + reason);
    return image;
}

struct RedactedPage
{
    QImage image;
    QSizeF points;
    PdfPageReport report;
};

Result<RedactedPage> redactPage(QPdfDocument &document, int page, const IdentifierFinder &finder,
                                const PdfRedactionOptions &options)
{
    RedactedPage out;
    out.report.page = page;
    out.points = document.pagePointSize(page);
    const double scale = options.dotsPerInch / 72.0;
    const QSize pixels(int(std::ceil(out.points.width() * scale)),
                       int(std::ceil(out.points.height() * scale)));
    if (!out.points.isValid() || pixels.isEmpty() || pixels.width() > kMaxPagePixels ||
        pixels.height() > kMaxPagePixels)
        return makeError(Error::Code::Corrupt, tr("page %1 of the PDF has no usable size").arg(page + 1));

    // PDFium leaves the paper transparent: put it on white, as a reader shows it.
    const QImage rendered = document.render(page, pixels);
    if (rendered.isNull())
        return makeError(Error::Code::Corrupt, tr("page %1 of the PDF could not be rendered").arg(page + 1));
    QImage canvas(pixels, QImage::Format_RGB32);
    canvas.fill(Qt::white);
    {
        QPainter p(&canvas);
        p.drawImage(0, 0, rendered);
    }

    const QPdfSelection all = document.getAllText(page);
    const QString text = all.isValid() ? all.text() : QString();
    out.report.textCharacters = visibleCharacters(text);
    QList<QRectF> lines;      // in points
    QList<QRectF> linePixels; // the same in the image's pixels
    if (all.isValid()) {
        for (const QPolygonF &polygon : all.bounds()) {
            const QRectF r = polygon.boundingRect();
            lines.append(r);
            linePixels.append(QRectF(r.x() * scale, r.y() * scale, r.width() * scale, r.height() * scale));
        }
    }

    auto withhold = [&](const QString &reason) {
        out.report.outcome = PdfPageOutcome::Withheld;
        out.report.note = reason;
        out.report.boxes = 0;
        out.report.paintedOverShare = 0;
        out.image = reviewPage(pixels, page, reason, options.dotsPerInch);
        return out;
    };

    // A line holding characters without a readable value explains none of its ink: an identifier
    // partly in such glyphs would be missed by the finder, so the whole line is painted over.
    QList<QRectF> untrustedBoxes;
    for (qsizetype lineStart = 0; lineStart < text.size();) {
        qsizetype lineEnd = text.indexOf(u'\n', lineStart);
        if (lineEnd < 0)
            lineEnd = text.size();
        const QStringView line = QStringView(text).sliced(lineStart, lineEnd - lineStart);
        const qsizetype unreadable = std::count_if(line.begin(), line.end(), isUnreadable);
        if (unreadable > 0) {
            out.report.unreadableCharacters += int(unreadable);
            const int first = characterIndex(text, lineStart);
            const int end = characterIndex(text, lineEnd);
            const QPdfSelection selection = document.getSelectionAtIndex(page, first, end - first);
            if (!selection.isValid() || selection.bounds().isEmpty())
                return withhold(tr("characters without a readable value could not be placed on the page"));
            for (const QPolygonF &polygon : selection.bounds()) {
                const QRectF r = polygon.boundingRect();
                untrustedBoxes.append(
                    QRectF(r.x() * scale, r.y() * scale, r.width() * scale, r.height() * scale));
            }
        }
        lineStart = lineEnd + 1;
    }

    // Every finding becomes boxes, or the page is withheld: an identifier that cannot be placed on
    // the page must not stay on it.
    QList<QRect> boxes;
    const QList<Finding> findings = text.isEmpty() ? QList<Finding>() : finder(foldForFinder(text));
    for (const Finding &f : findings) {
        if (f.start < 0 || f.length <= 0 || f.start + f.length > text.size())
            return withhold(tr("the identifier finder returned a position outside the page's text"));
        out.report.findings[placeholder(f.kind)] += 1;
        const int first = characterIndex(text, f.start);
        const int end = characterIndex(text, f.start + f.length);
        const QPdfSelection selection = document.getSelectionAtIndex(page, first, end - first);
        if (!selection.isValid() || selection.bounds().isEmpty() ||
            selection.text() != QStringView(text).sliced(f.start, f.length))
            return withhold(
                tr("an identifier was found in the text layer but could not be placed on the page"));
        for (const QRectF &r : findingRects(selection.bounds(), lines))
            boxes.append(toPixels(r, scale, 0.1, 1.5));
    }

    const detail::PageInk ink =
        detail::PageInk::analyse(canvas, linePixels, untrustedBoxes, options.dotsPerInch);
    qCDebug(lcDeidPdf) << "page" << page << "stray ink" << ink.strayInkShare() << "empty lines"
                       << ink.emptyLineShare() << "unexplained" << ink.unexplainedShare();
    if (!ink.textLayerFits())
        return withhold(tr("the text layer does not line up with the page (a rotated or cropped page?)"));
    if (out.report.textCharacters == 0 && ink.hasUnexplainedInk())
        return withhold(tr("the page has visible content but no text layer (a scanned page?)"));
    if (ink.unexplainedShare() > options.withholdAbove)
        return withhold(tr("%1% of the page is content outside its text layer (pictures or a scan)")
                            .arg(qRound(ink.unexplainedShare() * 100)));

    QPainter p(&canvas);
    for (const QRect &r : ink.unexplained())
        p.fillRect(r, QColor(0x9e, 0x9e, 0x9e));
    for (const QRect &r : std::as_const(boxes))
        p.fillRect(r, Qt::black);
    p.end();
    out.report.outcome = PdfPageOutcome::Redacted;
    out.report.boxes = int(boxes.size());
    out.report.paintedOverShare = ink.unexplainedShare();
    if (ink.hasUnexplainedInk())
        out.report.note = tr("content outside the text layer painted over (%1% of the page)")
                              .arg(std::max(1, qRound(ink.unexplainedShare() * 100)));
    if (out.report.unreadableCharacters > 0)
        out.report.note += tr("; %1 character(s) without a readable value, their lines painted over")
                               .arg(out.report.unreadableCharacters);
    out.image = canvas;
    return out;
}

// Redacts `pdf` page by page into `device`. On failure the device holds a partial document that the
// caller discards.
Result<PdfRedactionReport> redactInto(const QByteArray &pdf, QIODevice &device,
                                      const PdfRedactionOptions &options)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return makeError(Error::Code::Unsupported, tr("PDF redaction needs a QGuiApplication (fonts)"));
    if (options.dotsPerInch < 72 || options.dotsPerInch > 600)
        return makeError(Error::Code::InvalidArgument, tr("the resolution must lie between 72 and 600 dpi"));
    if (auto envelope = checkEnvelope(pdf, options); !envelope)
        return envelope.error();
    const IdentifierFinder finder = options.finder ? options.finder : defaultPdfIdentifierFinder();

    // QPdfDocument reads a random-access device through PDFium's callbacks: the bytes stay in memory.
    QByteArray bytes = pdf;
    QBuffer input(&bytes);
    input.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&input);
    if (document.status() != QPdfDocument::Status::Ready) {
        qCInfo(lcDeidPdf) << "PDF refused: QtPdf error" << document.error();
        return openError(document.error());
    }
    const int pages = document.pageCount();
    if (pages <= 0)
        return makeError(Error::Code::Corrupt, tr("the PDF has no pages"));
    if (pages > options.maxPages)
        return makeError(
            Error::Code::InvalidArgument,
            tr("the PDF has %1 pages; at most %2 are accepted").arg(pages).arg(options.maxPages));

    PdfRedactionReport report;
    QPdfWriter writer(&device);
    // Nothing of the original's metadata: an empty title and our own creator.
    writer.setTitle(QString());
    writer.setCreator(QStringLiteral("MDP de-identification"));
    writer.setResolution(options.dotsPerInch);
    QPainter painter;
    for (int page = 0; page < pages; ++page) {
        auto redacted = redactPage(document, page, finder, options);
        if (!redacted)
            return redacted.error();
        const QPageSize size(redacted->points, QPageSize::Point, QString(), QPageSize::ExactMatch);
        writer.setPageSize(size);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        if (page == 0) {
            if (!painter.begin(&writer))
                return makeError(Error::Code::Io, tr("the redacted PDF could not be written"));
            // Flate rather than JPEG: sharp text, and no ringing around the boxes.
            painter.setRenderHint(QPainter::LosslessImageRendering, options.losslessImages);
        } else if (!writer.newPage()) {
            return makeError(Error::Code::Io, tr("the redacted PDF could not be written"));
        }
        painter.drawImage(QRectF(QPointF(0, 0), QSizeF(redacted->image.size())), redacted->image);
        report.pages.append(redacted->report);
        if (options.progress && !options.progress(page + 1, pages))
            return makeError(Error::Code::Cancelled, tr("PDF redaction cancelled"));
    }
    if (!painter.end())
        return makeError(Error::Code::Io, tr("the redacted PDF could not be written"));
    return report;
}

} // namespace

IdentifierFinder defaultPdfIdentifierFinder()
{
    return [](QStringView text) { return findCheckableIdentifiers(text); };
}

int PdfRedactionReport::findingCount() const
{
    int n = 0;
    for (const PdfPageReport &p : pages)
        for (int count : p.findings)
            n += count;
    return n;
}

QList<int> PdfRedactionReport::withheldPages() const
{
    QList<int> out;
    for (const PdfPageReport &p : pages)
        if (p.outcome == PdfPageOutcome::Withheld)
            out.append(p.page);
    return out;
}

QString PdfRedactionReport::summary() const
{
    QMap<QString, int> kinds;
    for (const PdfPageReport &p : pages)
        for (auto it = p.findings.cbegin(); it != p.findings.cend(); ++it)
            kinds[it.key()] += it.value();
    QStringList kindList;
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        kindList.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value()));
    const QList<int> withheld = withheldPages();
    QString out = tr("%1 page(s), %2 identifier(s) blacked out").arg(pages.size()).arg(findingCount());
    if (!kindList.isEmpty())
        out += QStringLiteral(" (") + kindList.join(QStringLiteral(", ")) + QLatin1Char(')');
    out += QStringLiteral("; ");
    if (withheld.isEmpty()) {
        out += tr("complete");
    } else {
        QStringList numbers;
        for (int p : withheld)
            numbers.append(QString::number(p + 1));
        out += tr("NOT complete: %1 page(s) withheld for manual review (%2)")
                   .arg(withheld.size())
                   .arg(numbers.join(QStringLiteral(", ")));
    }
    out += QLatin1Char('\n');
    for (const PdfPageReport &p : pages) {
        QString line = tr("page %1: ").arg(p.page + 1);
        if (p.outcome == PdfPageOutcome::Withheld) {
            line += tr("withheld for review: %1").arg(p.note);
        } else {
            int n = 0;
            for (int count : p.findings)
                n += count;
            line += tr("redacted, %1 identifier(s), %2 box(es)").arg(n).arg(p.boxes);
            if (p.textCharacters == 0)
                line += tr(", no text layer and nothing visible");
            if (!p.note.isEmpty())
                line += QStringLiteral(", ") + p.note;
        }
        out += line + QLatin1Char('\n');
    }
    return out;
}

Result<RedactedPdf> redactPdf(const QByteArray &pdf, const PdfRedactionOptions &options)
{
    RedactedPdf out;
    QBuffer buffer(&out.pdf);
    buffer.open(QIODevice::WriteOnly);
    auto report = redactInto(pdf, buffer, options);
    buffer.close();
    if (!report)
        return report.error();
    out.report = std::move(report).value();
    return out;
}

Result<PdfRedactionReport> redactPdfFile(const QString &inputPath, const QString &outputPath,
                                         const PdfRedactionOptions &options)
{
    QFile input(inputPath);
    if (!input.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, tr("cannot read %1: %2").arg(inputPath, input.errorString()));
    if (input.size() > options.maxInputBytes)
        return makeError(Error::Code::InvalidArgument,
                         tr("the file is larger than the %1 MiB accepted").arg(options.maxInputBytes >> 20));
    const QByteArray pdf = input.readAll();
    input.close();

    // QSaveFile writes a temporary next to the output and renames it only on commit; a failure (or
    // its destructor without commit) removes the temporary. It holds redacted pages only.
    QSaveFile output(outputPath);
    if (!output.open(QIODevice::WriteOnly))
        return makeError(Error::Code::Io, tr("cannot create %1: %2").arg(outputPath, output.errorString()));
    auto report = redactInto(pdf, output, options);
    if (!report) {
        output.cancelWriting();
        output.commit(); // with writing cancelled, this only removes the temporary
        return report.error();
    }
    if (!output.commit())
        return makeError(Error::Code::Io, tr("cannot write %1: %2").arg(outputPath, output.errorString()));
    if (auto synced = syncDirectory(QFileInfo(outputPath).absolutePath()); !synced)
        return synced.error();
    return report;
}

} // namespace mdp::deid
