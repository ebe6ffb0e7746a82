#pragma once

#include <QByteArray>
#include <QList>
#include <QRectF>
#include <QString>

namespace mdp::deid {

// Synthetic clinical PDFs for the redaction's tests and benchmark: Chinese discharge summaries with
// planted identifiers that pass their checks (resident IDs, mobiles, e-mail, bank cards), all made
// up. Written with QPdfWriter (needs a QGuiApplication and a CJK font such as Noto Sans CJK SC).
struct SyntheticReportOptions
{
    int pages = 1;
    QList<int> scannedPages;     // pages drawn as a picture only, without a text layer
    QList<int> picturePages;     // text pages that also carry a picture holding an identifier
    QString title;               // document metadata (title, subject, keywords through XMP)
    bool latinInCjkFont = false; // Latin letters and digits in the CJK font too (see the tests)
    quint32 seed = 1;
};

struct PlacedText
{
    int page = 0;
    QString text;
    QRectF rect; // where its glyphs are, in points from the page's top-left corner
    enum class Role
    {
        Identifier, // the redaction must black it out
        Clinical,   // findings, results: must stay readable
        Other,      // headings, names (a fuller finder may take them), labels
    };
    Role role = Role::Other;
    bool inTextLayer = true; // false when drawn inside a picture
};

struct SyntheticReport
{
    QByteArray pdf;
    QList<PlacedText> texts;
};

SyntheticReport syntheticReportPdf(const SyntheticReportOptions &options = {});

// A resident identity number with the right check character (GB 11643).
QString syntheticResidentId(quint32 seed);

} // namespace mdp::deid
