#include "PageInk.h"

#include <algorithm>
#include <vector>

namespace mdp::deid::detail {

namespace {

// Paper is white or a light tint; ink is darker than that or clearly coloured.
bool isInk(QRgb p)
{
    const int r = qRed(p), g = qGreen(p), b = qBlue(p);
    const int luma = (r * 299 + g * 587 + b * 114) / 1000;
    const int chroma = std::max({r, g, b}) - std::min({r, g, b});
    return luma < 224 || chroma > 48;
}

// A line's box grown by `share` of its height on every side (at least two pixels).
QRect grown(const QRectF &box, double share)
{
    const double grow = std::max(2.0, box.height() * share);
    return box.adjusted(-grow, -grow, grow, grow).toAlignedRect();
}

} // namespace

PageInk PageInk::analyse(const QImage &page, const QList<QRectF> &lines, const QList<QRectF> &untrusted,
                         int dotsPerInch)
{
    PageInk result;
    const QImage image = page.convertToFormat(QImage::Format_RGB32);
    const int w = image.width();
    const int h = image.height();
    if (w <= 0 || h <= 0)
        return result;
    const auto at = [w](int x, int y) { return std::size_t(y) * std::size_t(w) + std::size_t(x); };

    std::vector<quint8> ink(std::size_t(w) * std::size_t(h), 0);
    for (int y = 0; y < h; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < w; ++x)
            ink[at(x, y)] = isInk(line[x]) ? 1 : 0;
    }
    const QRect bounds(0, 0, w, h);

    // Ruling lines: a run of ink at least a third of an inch long that is thin (at most about 3 pt
    // across) along most of its length, so that the crossings of a table grid count as lines too
    // while a dark picture, long and thick everywhere, does not.
    const int longRun = std::max(8, dotsPerInch / 3);
    const int thin = std::max(2, dotsPerInch / 24);
    std::vector<quint16> across(std::size_t(w) * std::size_t(h), 0); // vertical run through each pixel
    std::vector<quint16> along(std::size_t(w) * std::size_t(h), 0);  // horizontal run through each pixel
    for (int y = 0; y < h; ++y) {
        int x = 0;
        while (x < w) {
            if (!ink[at(x, y)]) {
                ++x;
                continue;
            }
            int end = x;
            while (end < w && ink[at(end, y)])
                ++end;
            const auto len = quint16(std::min(end - x, 65535));
            for (int i = x; i < end; ++i)
                along[at(i, y)] = len;
            x = end;
        }
    }
    for (int x = 0; x < w; ++x) {
        int y = 0;
        while (y < h) {
            if (!ink[at(x, y)]) {
                ++y;
                continue;
            }
            int end = y;
            while (end < h && ink[at(x, end)])
                ++end;
            const auto len = quint16(std::min(end - y, 65535));
            for (int i = y; i < end; ++i)
                across[at(x, i)] = len;
            y = end;
        }
    }
    std::vector<quint8> rule(std::size_t(w) * std::size_t(h), 0);
    for (int y = 0; y < h; ++y) {
        int x = 0;
        while (x < w) {
            const int len = along[at(x, y)];
            if (len == 0) {
                ++x;
                continue;
            }
            if (len >= longRun) {
                int thinCount = 0;
                for (int i = x; i < x + len; ++i)
                    thinCount += across[at(i, y)] <= thin ? 1 : 0;
                if (thinCount * 10 >= len * 6)
                    std::fill_n(rule.begin() + std::ptrdiff_t(at(x, y)), len, quint8(1));
            }
            x += len;
        }
    }
    for (int x = 0; x < w; ++x) {
        int y = 0;
        while (y < h) {
            const int len = across[at(x, y)];
            if (len == 0) {
                ++y;
                continue;
            }
            if (len >= longRun) {
                int thinCount = 0;
                for (int i = y; i < y + len; ++i)
                    thinCount += along[at(x, i)] <= thin ? 1 : 0;
                if (thinCount * 10 >= len * 6) {
                    for (int i = y; i < y + len; ++i)
                        rule[at(x, i)] = 1;
                }
            }
            y += len;
        }
    }

    // Does the text layer line up? Ink (not rules) inside each line's own box against ink in a thin
    // ring around it that no other line's box claims.
    std::vector<quint8> inLine(std::size_t(w) * std::size_t(h), 0);
    for (const QRectF &line : lines) {
        const QRect r = line.toAlignedRect().intersected(bounds);
        for (int y = r.top(); y <= r.bottom(); ++y)
            std::fill_n(inLine.begin() + std::ptrdiff_t(at(r.left(), y)), r.width(), quint8(1));
    }
    qint64 inside = 0, stray = 0;
    int empty = 0;
    for (const QRectF &line : lines) {
        const QRect own = line.toAlignedRect().intersected(bounds);
        const QRect ring = grown(line, 0.15).intersected(bounds);
        qint64 in = 0;
        for (int y = ring.top(); y <= ring.bottom(); ++y) {
            for (int x = ring.left(); x <= ring.right(); ++x) {
                if (!ink[at(x, y)] || rule[at(x, y)])
                    continue;
                if (own.contains(x, y))
                    ++in;
                else if (!inLine[at(x, y)])
                    ++stray;
            }
        }
        inside += in;
        empty += in == 0 ? 1 : 0;
    }
    if (!lines.isEmpty()) {
        result.m_stray = inside + stray > 0 ? double(stray) / double(inside + stray) : 1.0;
        result.m_empty = double(empty) / double(lines.size());
        result.m_fits = result.m_stray <= 0.2 && result.m_empty <= 0.4;
    }

    // Ink inside the text layer's boxes is explained, unless its characters are unreadable.
    std::vector<quint8> unreadable(std::size_t(w) * std::size_t(h), 0);
    for (const QRectF &box : untrusted) {
        const QRect r = grown(box, 0.3).intersected(bounds);
        for (int y = r.top(); y <= r.bottom(); ++y)
            std::fill_n(unreadable.begin() + std::ptrdiff_t(at(r.left(), y)), r.width(), quint8(1));
    }
    for (const QRectF &line : lines) {
        const QRect r = grown(line, 0.3).intersected(bounds);
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                ink[at(x, y)] &= unreadable[at(x, y)];
    }

    // Cells with a few unexplained pixels (a speck of anti-aliasing is not content), grown by one
    // cell so that the edges of a picture are covered too.
    const int cell = std::max(8, dotsPerInch / 12);
    const int cols = (w + cell - 1) / cell;
    const int rows = (h + cell - 1) / cell;
    std::vector<quint8> marked(std::size_t(cols) * std::size_t(rows), 0);
    for (int cy = 0; cy < rows; ++cy) {
        for (int cx = 0; cx < cols; ++cx) {
            int count = 0;
            const int x1 = std::min(w, (cx + 1) * cell);
            const int y1 = std::min(h, (cy + 1) * cell);
            for (int y = cy * cell; y < y1 && count < 3; ++y)
                for (int x = cx * cell; x < x1; ++x)
                    count += ink[at(x, y)] && !rule[at(x, y)] ? 1 : 0;
            marked[std::size_t(cy) * std::size_t(cols) + std::size_t(cx)] = count >= 3 ? 1 : 0;
        }
    }
    QRegion region;
    for (int cy = 0; cy < rows; ++cy) {
        int cx = 0;
        while (cx < cols) {
            if (!marked[std::size_t(cy) * std::size_t(cols) + std::size_t(cx)]) {
                ++cx;
                continue;
            }
            int end = cx;
            while (end < cols && marked[std::size_t(cy) * std::size_t(cols) + std::size_t(end)])
                ++end;
            region +=
                QRect((cx - 1) * cell, (cy - 1) * cell, (end - cx + 2) * cell, 3 * cell).intersected(bounds);
            cx = end;
        }
    }
    result.m_unexplained = region;
    qint64 area = 0;
    for (const QRect &r : region)
        area += qint64(r.width()) * r.height();
    result.m_share = double(area) / (double(w) * double(h));
    return result;
}

} // namespace mdp::deid::detail
