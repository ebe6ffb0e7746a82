#include "mdp/deid/PdfRedactionBenchmark.h"

#include "mdp/deid/PdfRedaction.h"
#include "mdp/deid/SyntheticReportPdf.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfDocument>

#include <cmath>

namespace mdp::deid {

namespace {

// What any viewer pays: load the document and render every page onto white at the same resolution.
double plainRenderSeconds(const QByteArray &pdf, int dotsPerInch)
{
    QElapsedTimer timer;
    timer.start();
    QByteArray bytes = pdf;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    QPdfDocument document;
    document.load(&buffer);
    const double scale = dotsPerInch / 72.0;
    for (int page = 0; page < document.pageCount(); ++page) {
        const QSizeF points = document.pagePointSize(page);
        const QSize pixels(int(std::ceil(points.width() * scale)), int(std::ceil(points.height() * scale)));
        const QImage rendered = document.render(page, pixels);
        QImage canvas(pixels, QImage::Format_RGB32);
        canvas.fill(Qt::white);
        QPainter p(&canvas);
        p.drawImage(0, 0, rendered);
    }
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

QList<BenchLine> runPdfRedactionBenchmark(int pages, int dotsPerInch)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return {};
    pages = std::max(1, pages);
    SyntheticReportOptions synthetic;
    synthetic.pages = pages;
    synthetic.seed = 2025;
    const QByteArray pdf = syntheticReportPdf(synthetic).pdf;

    (void)plainRenderSeconds(pdf, dotsPerInch); // warm fonts and caches for both
    const double renderSeconds = plainRenderSeconds(pdf, dotsPerInch);

    PdfRedactionOptions options;
    options.dotsPerInch = dotsPerInch;
    QElapsedTimer timer;
    timer.start();
    auto redacted = redactPdf(pdf, options);
    const double redactSeconds = timer.nsecsElapsed() / 1e9;
    if (!redacted)
        return {};

    BenchLine line;
    line.bench = QStringLiteral("deid");
    line.caseName = QStringLiteral("pdf-redact-%1dpi").arg(dotsPerInch);
    line.unit = QStringLiteral("pages/s");
    line.value = pages / redactSeconds;
    line.baseline = QStringLiteral("QtPdf render only, same pages, %1 dpi").arg(dotsPerInch);
    line.baselineValue = pages / renderSeconds;
    line.extra.insert(QStringLiteral("pages"), pages);
    line.extra.insert(QStringLiteral("inputBytes"), double(pdf.size()));
    line.extra.insert(QStringLiteral("outputBytes"), double(redacted->pdf.size()));
    line.extra.insert(QStringLiteral("identifiers"), redacted->report.findingCount());
    return {line};
}

} // namespace mdp::deid
