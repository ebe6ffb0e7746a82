#pragma once

#include "mdp/deid/Identifiers.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringView>

#include <functional>

namespace mdp::deid {

// PDF de-identification by re-rendering (R-6.6.5a-d). Each page's text layer is searched for
// identifiers, the page is rendered to an image, the identifiers' regions are painted opaque black
// and the output PDF holds the images only: no text layer, nothing hidden under a box, no metadata of
// the original (title, author, subject, keywords, creator, XMP). Annotations and form-field values are
// not rendered, so they are dropped.
//
// What the text layer does not explain is never passed as clean:
// - visible content outside the text layer (pictures, scans, drawn text) is painted over in grey
//   (thin ruling lines are kept);
// - a page whose visible content is mostly outside its text layer (a scanned page, with or without a
//   small text layer) is withheld: the output carries, in its place, a page saying that it awaits
//   manual review, the report lists it and the redaction is not complete;
// - a line of the text layer holding glyphs without a Unicode value is painted over whole (an
//   identifier partly in such glyphs could not be found);
// - a page whose text layer does not line up with its picture (QtPdf 6.4 does not apply a page's
//   rotation or crop-box offset to text positions), or whose findings cannot be placed, is withheld
//   in the same way.
// The caller must treat an incomplete report as a failure to de-identify the whole document.
//
// Needs a QGuiApplication (fonts for the review pages). Runs on any one thread at a time.

// Finds identifiers in one page's text (offsets in UTF-16 units of that text).
using IdentifierFinder = std::function<QList<Finding>(QStringView text)>;

// The most complete finder the deid module offers.
IdentifierFinder defaultPdfIdentifierFinder();

enum class PdfPageOutcome
{
    Redacted, // text layer searched, identifiers boxed, content outside the text layer painted over
    Withheld, // replaced by a page that says it awaits manual review
};

struct PdfRedactionOptions
{
    IdentifierFinder finder;                           // empty: defaultPdfIdentifierFinder()
    int dotsPerInch = 150;                             // resolution of the output images (72-600)
    bool losslessImages = true;                        // Flate; false: JPEG, smaller but blurred text
    qint64 maxInputBytes = qint64(512) << 20;          // larger inputs are refused
    int maxPages = 5000;                               // documents with more pages are refused
    double withholdAbove = 0.25;                       // share of the page outside the text layer
    std::function<bool(int done, int total)> progress; // after each page; false cancels
};

struct PdfPageReport
{
    int page = 0; // 0-based
    PdfPageOutcome outcome = PdfPageOutcome::Withheld;
    int textCharacters = 0;       // characters in the page's text layer
    int unreadableCharacters = 0; // of those, glyphs without a Unicode value (their lines painted over)
    QMap<QString, int> findings;  // per kind ("[身份证号]": 2), never the values
    int boxes = 0;                // black boxes painted
    double paintedOverShare = 0;  // share of the page painted grey (content outside the text layer)
    QString note;                 // why the page was withheld, or what was painted over
};

struct PdfRedactionReport
{
    QList<PdfPageReport> pages;

    int findingCount() const;
    QList<int> withheldPages() const; // 0-based
    // True when every page was redacted and none awaits review.
    bool isComplete() const { return withheldPages().isEmpty(); }
    // For people: one line for the document, then one per page ("page 3: withheld, ...").
    // Counts and kinds only, never an identifier's value.
    QString summary() const;
};

// Redacts `pdf` into a new PDF in memory.
struct RedactedPdf
{
    QByteArray pdf;
    PdfRedactionReport report;
};
Result<RedactedPdf> redactPdf(const QByteArray &pdf, const PdfRedactionOptions &options = {});

// Redacts the file `inputPath` into `outputPath`. The output is written to a temporary file in its
// folder and renamed over `outputPath` only when every page is done; on any failure nothing is left.
// The input is read into memory: no copy of it is written anywhere.
Result<PdfRedactionReport> redactPdfFile(const QString &inputPath, const QString &outputPath,
                                         const PdfRedactionOptions &options = {});

} // namespace mdp::deid
