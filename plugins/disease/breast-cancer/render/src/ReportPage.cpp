#include "ReportPage.h"

#include <QFontMetricsF>
#include <QPainter>

namespace mdp::cohort {

namespace {

const QString kFamily = QStringLiteral("Noto Sans CJK SC");

constexpr int kWrap = Qt::TextWordWrap | Qt::TextWrapAnywhere;

} // namespace

ReportPage::ReportPage(QPainter &painter, double width, double height)
    : m_painter(painter)
    , m_width(width)
    , m_height(height)
    , m_unit(width / 180.0) // the printable width of A4 with 15 mm margins
{}

QFont ReportPage::font(double pointSize, bool bold) const
{
    QFont f(kFamily);
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferAntialias);
    return f;
}

double ReportPage::textHeight(const QString &text, const QFont &f, double width) const
{
    QFontMetricsF fm(f, m_painter.device());
    return fm.boundingRect(QRectF(0, 0, width, 1e6), kWrap, text).height();
}

void ReportPage::header(const QString &hospital, const QString &title, const QString &reference)
{
    m_painter.setPen(QColor(0x1a, 0x3a, 0x6b));
    m_painter.setFont(font(17, true));
    const double h1 = textHeight(hospital, m_painter.font(), m_width);
    m_painter.drawText(QRectF(0, m_y, m_width, h1), Qt::AlignHCenter | Qt::AlignTop, hospital);
    m_y += h1 + 1.5 * m_unit;
    m_painter.setFont(font(14, true));
    const double h2 = textHeight(title, m_painter.font(), m_width);
    m_painter.drawText(QRectF(0, m_y, m_width, h2), Qt::AlignHCenter | Qt::AlignTop, title);
    m_y += h2 + 1 * m_unit;
    m_painter.setPen(Qt::black);
    m_painter.setFont(font(9));
    const double h3 = textHeight(reference, m_painter.font(), m_width);
    m_painter.drawText(QRectF(0, m_y, m_width, h3), Qt::AlignRight | Qt::AlignTop, reference);
    m_y += h3 + 1 * m_unit;
    m_painter.setPen(QPen(QColor(0x1a, 0x3a, 0x6b), 0.6 * m_unit));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    m_y += 0.8 * m_unit;
    m_painter.setPen(QPen(QColor(0x1a, 0x3a, 0x6b), 0.2 * m_unit));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    m_y += 3 * m_unit;
}

void ReportPage::fields(const QList<QPair<QString, QString>> &pairs, int columns)
{
    const double colWidth = m_width / columns;
    const QFont label = font(10, true);
    const QFont value = font(10);
    m_painter.setPen(Qt::black);
    double rowHeight = 0;
    for (qsizetype i = 0; i < pairs.size(); ++i) {
        const int col = int(i % columns);
        if (col == 0 && i > 0) {
            m_y += rowHeight + 1.5 * m_unit;
            rowHeight = 0;
        }
        const double x = col * colWidth;
        const QString labelText = pairs.at(i).first + QStringLiteral(": ");
        QFontMetricsF fm(label, m_painter.device());
        const double lw = fm.horizontalAdvance(labelText);
        m_painter.setFont(label);
        m_painter.drawText(QRectF(x, m_y, lw + 1, fm.height()), Qt::AlignLeft | Qt::AlignTop, labelText);
        m_painter.setFont(value);
        const double vw = colWidth - lw - 2 * m_unit;
        const double vh = textHeight(pairs.at(i).second, value, vw);
        m_painter.drawText(QRectF(x + lw, m_y, vw, vh), kWrap | Qt::AlignLeft | Qt::AlignTop,
                           pairs.at(i).second);
        rowHeight = std::max({rowHeight, vh, fm.height()});
    }
    m_y += rowHeight + 2.5 * m_unit;
    m_painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 0.2 * m_unit));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    m_y += 3 * m_unit;
}

void ReportPage::section(const QString &title)
{
    m_painter.setFont(font(11.5, true));
    m_painter.setPen(QColor(0x1a, 0x3a, 0x6b));
    const double h = textHeight(title, m_painter.font(), m_width);
    m_painter.fillRect(QRectF(0, m_y + 0.3 * m_unit, 1.2 * m_unit, h - 0.6 * m_unit),
                       QColor(0x1a, 0x3a, 0x6b));
    m_painter.drawText(QRectF(2.5 * m_unit, m_y, m_width, h), Qt::AlignLeft | Qt::AlignTop, title);
    m_painter.setPen(Qt::black);
    m_y += h + 1.5 * m_unit;
}

void ReportPage::paragraph(const QString &text, bool bold, double pointSize)
{
    m_painter.setFont(font(pointSize, bold));
    m_painter.setPen(Qt::black);
    const double w = m_width - 4 * m_unit;
    const double h = textHeight(text, m_painter.font(), w);
    m_painter.drawText(QRectF(4 * m_unit, m_y, w, h), kWrap | Qt::AlignLeft | Qt::AlignTop, text);
    m_y += h + 2 * m_unit;
}

void ReportPage::table(const QStringList &headers, const QList<QStringList> &rows,
                       const QList<double> &widths, const QList<QColor> &colours)
{
    const double x0 = 4 * m_unit;
    const double total = m_width - x0;
    const QFont head = font(9.5, true);
    const QFont body = font(9.5);
    QFontMetricsF fm(body, m_painter.device());
    const double rowHeight = fm.height() + 2.2 * m_unit;
    auto drawRow = [&](const QStringList &cells, bool isHeader, const QColor &tint, int index) {
        if (isHeader)
            m_painter.fillRect(QRectF(x0, m_y, total, rowHeight), QColor(0xe3, 0xea, 0xf4));
        else if (index % 2 == 1)
            m_painter.fillRect(QRectF(x0, m_y, total, rowHeight), QColor(0xf6, 0xf7, 0xf9));
        double x = x0;
        for (qsizetype c = 0; c < cells.size() && c < widths.size(); ++c) {
            const double w = widths.at(c) * total;
            m_painter.setFont(isHeader ? head : body);
            m_painter.setPen(!isHeader && c == cells.size() - 1 && tint.isValid() ? tint : QColor(Qt::black));
            m_painter.drawText(QRectF(x + 1.5 * m_unit, m_y, w - 2 * m_unit, rowHeight),
                               Qt::AlignLeft | Qt::AlignVCenter, cells.at(c));
            x += w;
        }
        m_painter.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 0.15 * m_unit));
        m_painter.drawLine(QPointF(x0, m_y + rowHeight), QPointF(x0 + total, m_y + rowHeight));
        m_y += rowHeight;
    };
    m_painter.setPen(QPen(QColor(0x1a, 0x3a, 0x6b), 0.3 * m_unit));
    m_painter.drawLine(QPointF(x0, m_y), QPointF(x0 + total, m_y));
    drawRow(headers, true, {}, 0);
    for (qsizetype r = 0; r < rows.size(); ++r)
        drawRow(rows.at(r), false, colours.value(r), int(r));
    m_y += 3 * m_unit;
    m_painter.setPen(Qt::black);
}

QRectF ReportPage::reserve(double height)
{
    const QRectF r(4 * m_unit, m_y, m_width - 4 * m_unit, height);
    m_y += height + 3 * m_unit;
    return r;
}

void ReportPage::footer(const QStringList &signatures, const QString &note)
{
    const QFont sig = font(10);
    const QFont small = font(8);
    QFontMetricsF fs(sig, m_painter.device());
    QFontMetricsF fn(small, m_painter.device());
    double y = m_height - fn.height() * 3.4 - fs.height() - 4 * m_unit;
    m_painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 0.2 * m_unit));
    m_painter.drawLine(QPointF(0, y - 2 * m_unit), QPointF(m_width, y - 2 * m_unit));
    m_painter.setPen(Qt::black);
    m_painter.setFont(sig);
    const double colWidth = m_width / std::max<qsizetype>(1, signatures.size());
    for (qsizetype i = 0; i < signatures.size(); ++i)
        m_painter.drawText(QRectF(i * colWidth, y, colWidth, fs.height()), Qt::AlignLeft | Qt::AlignTop,
                           signatures.at(i));
    y += fs.height() + 3 * m_unit;
    m_painter.setFont(small);
    m_painter.setPen(QColor(0xb0, 0x30, 0x30));
    m_painter.drawText(QRectF(0, y, m_width, fn.height() * 2.2), kWrap | Qt::AlignLeft | Qt::AlignTop, note);
    m_painter.setPen(QColor(0x66, 0x66, 0x66));
    m_painter.drawText(QRectF(0, y + fn.height() * 2.3, m_width, fn.height()), Qt::AlignRight | Qt::AlignTop,
                       QStringLiteral("第 1 页 / 共 1 页"));
    m_painter.setPen(Qt::black);
}

} // namespace mdp::cohort
