#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QPair>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;

namespace mdp::cohort {

// A top-to-bottom layout cursor over one A4 page painted by a QPainter (in device units): header,
// labelled fields, sections, wrapped paragraphs, tables and a footer, in the style of a Chinese
// hospital report.
class ReportPage
{
public:
    ReportPage(QPainter &painter, double width, double height);

    void header(const QString &hospital, const QString &title, const QString &reference);
    // Label/value pairs in `columns` columns, a hairline below.
    void fields(const QList<QPair<QString, QString>> &pairs, int columns);
    void section(const QString &title);
    void paragraph(const QString &text, bool bold = false, double pointSize = 10.5);
    // `widths` are fractions of the page width; `colours` (optional) tints the last column per row.
    void table(const QStringList &headers, const QList<QStringList> &rows, const QList<double> &widths,
               const QList<QColor> &colours = {});
    // Reserves a block of `height` device units and returns it (for a chart).
    QRectF reserve(double height);
    // Signatures, the synthetic-data note and the page number at the foot of the page.
    void footer(const QStringList &signatures, const QString &note);

    double unit() const { return m_unit; }

private:
    QFont font(double pointSize, bool bold = false) const;
    double textHeight(const QString &text, const QFont &font, double width) const;

    QPainter &m_painter;
    double m_width;
    double m_height;
    double m_unit; // device units per millimetre
    double m_y = 0;
};

} // namespace mdp::cohort
