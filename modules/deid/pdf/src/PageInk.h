#pragma once

#include <QImage>
#include <QList>
#include <QRect>
#include <QRegion>

namespace mdp::deid::detail {

// The visible content of a rendered page that its text layer does not explain: pictures, scans,
// text drawn as paths. Ink is any pixel darker or more coloured than paper; ink inside the text
// layer's boxes is explained, and so are thin ruling lines (table borders, underlines), which carry
// no identifier. The rest is gathered into cells of about 6 pt, which the redaction paints over.
class PageInk
{
public:
    // `page` is the rendered page on white; `lines` are where the text layer says its characters are,
    // in the image's pixels; `untrusted` are parts of them whose text is not readable (glyphs without
    // a Unicode value) and so explain nothing.
    static PageInk analyse(const QImage &page, const QList<QRectF> &lines, const QList<QRectF> &untrusted,
                           int dotsPerInch);

    const QRegion &unexplained() const { return m_unexplained; }
    // Share of the page's area covered by unexplained(), 0..1.
    double unexplainedShare() const { return m_share; }
    bool hasUnexplainedInk() const { return !m_unexplained.isEmpty(); }

    // Whether the text layer lines up with the picture: the ink near its lines lies inside them and
    // most lines have ink. A rotated page or an offset crop box, whose text coordinates QtPdf does
    // not transform like the picture, fails this; its boxes would miss what they should cover.
    bool textLayerFits() const { return m_fits; }
    double strayInkShare() const { return m_stray; }
    double emptyLineShare() const { return m_empty; }

private:
    QRegion m_unexplained;
    double m_share = 0;
    bool m_fits = true;
    double m_stray = 0;
    double m_empty = 0;
};

} // namespace mdp::deid::detail
