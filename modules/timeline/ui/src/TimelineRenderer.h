#pragma once

#include "mdp/timeline/TimeScale.h"
#include "mdp/timeline/TimelineClustering.h"
#include "mdp/timeline/TimelineModel.h"

#include <QColor>
#include <QFont>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QPen>
#include <QPixmap>
#include <QRectF>
#include <QSize>
#include <QStaticText>

#include <array>
#include <optional>

class QPainter;

namespace mdp::timeline::ui {

// Everything the timeline draws, with Qt Gui only: the widget forwards input to it and paints
// through it, and the benchmark paints through it into a QImage without any widget. Holds the model,
// the clustering for the current zoom, the time scale and the selection; knows the geometry (gutter,
// axis, rows) so hit testing and painting agree.
class TimelineRenderer
{
public:
    static constexpr double kAxisHeight = 58;
    static constexpr double kHitTolerancePx = 8;

    TimelineRenderer();

    // Items and lanes
    void setItems(QList<TimelineItem> items);
    const TimelineModel &model() const { return m_model; }
    void setShowEmptyLanes(bool show);
    bool showEmptyLanes() const { return m_showEmptyLanes; }
    const QList<int> &rows() const { return m_rows; } // lane index per row, top to bottom

    // Look
    void setFont(const QFont &base);
    void setLocale(const QLocale &locale);
    // Called when translations change: lane labels and captions are fetched again.
    void retranslate();
    void setFocused(bool focused) { m_focused = focused; }

    // Geometry
    void setSize(const QSize &size);
    QSize size() const { return m_size; }
    double gutterWidth() const { return m_gutter; }
    double rowHeight() const { return m_rowHeight; }
    double rowsTop() const { return kAxisHeight + 6; }
    QRectF rowRect(int row) const;
    int rowAt(double y) const; // -1 outside the rows
    int rowOfLane(int lane) const { return m_rows.indexOf(lane); }
    double laneCenterY(int lane) const;
    // Widget x of a time and back.
    double xOf(double ms) const { return m_gutter + m_scale.toX(ms); }
    double timeAt(double x) const { return m_scale.toMs(x - m_gutter); }

    TimeScale &scale() { return m_scale; }
    const TimeScale &scale() const { return m_scale; }
    TickLevel tickLevel() const { return m_scale.level(m_minSpacing); }
    // Shows all items (and today when it lies close to them).
    void zoomToFit();
    // The clustering at the current zoom (brought up to date first).
    const TimelineClustering &clustering();

    // Selection, hover, today
    int selected() const { return m_selected; }
    void setSelected(int index) { m_selected = index; }
    void setHover(std::optional<TimelineHit> hover) { m_hover = hover; }
    const std::optional<TimelineHit> &hover() const { return m_hover; }
    void setToday(std::optional<double> ms);
    std::optional<double> today() const { return m_todayMs; }

    // The mark under a widget position, if any.
    std::optional<TimelineHit> hitAt(const QPointF &pos);
    // Where a mark is drawn, in widget coordinates.
    QRectF markRect(const TimelineHit &hit);
    // Where item `index` is shown: its own marker or bar, or the bubble of its cluster.
    QRectF itemRect(int index);

    void paint(QPainter &painter);

private:
    struct CachedText
    {
        QString text;
        double width = 0;
        QStaticText layout;
    };

    void rebuildRows();
    void updateLimits();
    void measure();
    const CachedText &tickLabel(TickLevel level, qint64 ms, TimeScale::LabelForm form);
    double titleWidth(int index);
    void drawTitle(QPainter &painter, int index, double x, double baseline);
    const QPixmap &markerSprite(quint32 rgb, bool narrowSpan, bool attachment, qreal dpr);
    double bubbleWidth(int characters) const;
    const QPixmap &bubbleSprite(quint32 rgb, int characters, qreal dpr);
    const QPixmap &countSprite(int count, qreal dpr);
    const QPixmap &staticLayer(qreal dpr);
    const QPixmap &capsuleTemplate(QRgb fill, QRgb border, int height, int radius, qreal dpr);
    void drawCapsule(QPainter &painter, double left, double right, double top, int height, int radius,
                     QRgb fill, QRgb border, qreal dpr);
    const QPixmap &attachmentSprite(qreal dpr);

    void paintAxis(QPainter &painter);
    void paintToday(QPainter &painter);
    void paintLane(QPainter &painter, int row);
    void paintSpan(QPainter &painter, const TimelineMark &mark, int lane, double cy, double startAbs,
                   double nextX, double nextSpanStart);
    bool spanCovers(int lane, double absX0, double absX1) const;
    void paintSelection(QPainter &painter);
    void paintHover(QPainter &painter);
    void paintEmpty(QPainter &painter);

    TimelineModel m_model;
    TimelineClustering m_clustering;
    TimeScale m_scale;
    QList<int> m_rows;
    bool m_showEmptyLanes = false;
    int m_selected = -1;
    std::optional<TimelineHit> m_hover;
    std::optional<double> m_todayMs;
    bool m_focused = false;

    QSize m_size{800, 400};
    double m_gutter = 150;
    double m_rowHeight = 36;
    double m_widestLaneLabel = 0;

    QLocale m_locale;
    QFont m_laneFont;
    QFont m_countFont;
    QFont m_axisFont;
    QFont m_axisStrongFont;
    QFont m_titleFont;
    QFont m_bubbleFont;
    QFont m_todayFont;
    std::array<double, kTickLevelCount> m_minSpacing{};
    QList<QString> m_laneLabels;
    QString m_todayText;
    double m_todayTextWidth = 0;
    double m_digitWidth = 7;
    QString m_emptyText;
    QString m_gutterHeader;

    // Caches: filled on demand, reused frame to frame so panning allocates nothing new.
    QList<TimeTick> m_fineTicks;
    QList<TimeTick> m_contextTicks;
    QHash<quint64, CachedText> m_tickLabels;
    QList<float> m_titleWidths;
    QHash<quint64, QPixmap> m_sprites;
    QHash<quint64, QPixmap> m_capsules;
    QHash<int, QStaticText> m_titleTexts;
    QHash<QRgb, QPen> m_darkPens;
    QPen m_titlePen;
    QPen m_mutedPen;
    QPen m_strongPen;
    QPen m_whitePen;
    double m_titleAscent = 10;
    double m_titleCapHeight = 7;
    double m_axisAscent = 10;
    double m_axisStrongAscent = 10;
    QPixmap m_static;
    quint64 m_staticKey = 0;
    bool m_staticDirty = true;
};

} // namespace mdp::timeline::ui
