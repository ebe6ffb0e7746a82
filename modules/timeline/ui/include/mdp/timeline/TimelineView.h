#pragma once

#include "mdp/timeline/TimeTick.h"
#include "mdp/timeline/TimelineItem.h"
#include "mdp/timeline/TimelineMark.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QPoint>
#include <QRectF>
#include <QWidget>

#include <memory>
#include <optional>

namespace mdp {
class Clock;
}

namespace mdp::timeline {
class TimelineModel;
class TimeScale;
} // namespace mdp::timeline

namespace mdp::timeline::ui {

class TimelineRenderer;

// A patient's history on a horizontal time axis: one lane per event type with
// its label on the left, calendar ticks on top from decades down to days, instants as markers,
// spans as bars (radiotherapy fractions as ticks inside), dense periods as count bubbles, a
// "today" line and a selection.
//
// Mouse: wheel (or Ctrl+wheel) zooms around the pointer, Shift+wheel and horizontal wheels pan,
// drag pans, click selects (and activates an event), double-click on a bubble zooms into it.
// Keys: Left/Right previous/next event in time, Up/Down the nearest event in the lane above/below,
// +/- zoom, Home/End first/last event, Enter activates, T shows today, PageUp/PageDown pan, 0 fits.
// Paints only what is in view: lanes are binary-searched by time and clustered once per zoom.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    // What is drawn for one mark, for hit checks in tests and for assistive descriptions.
    struct VisibleMark
    {
        TimelineMark::Kind kind = TimelineMark::Kind::Item;
        EventType type = EventType::FirstVisit;
        QRectF rect; // widget coordinates
        int count = 1;
        QString firstId;
    };

    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setItems(QList<TimelineItem> items);
    const TimelineModel &model() const;
    void clear();

    // Where "today" comes from (the system clock by default; tests inject a ManualClock).
    void setClock(const Clock *clock);
    void refreshToday();

    // Lanes without events are hidden unless this is set.
    void setShowEmptyLanes(bool show);
    bool showEmptyLanes() const;

    QString selectedId() const;
    // Selects an item by id (empty clears) and scrolls it into view; emits selectionChanged.
    void setSelectedId(const QString &id);

    // Zoom and pan
    void zoomToFit();
    void zoomToRange(const QDateTime &from, const QDateTime &to);
    // factor > 1 zooms in, around widget x `anchorX` (the centre of the time area when negative).
    void zoomBy(double factor, double anchorX = -1);
    void centerOn(const QDateTime &time);
    void jumpToToday();
    const TimeScale &scale() const;
    TickLevel tickLevel() const;

    // Geometry in widget coordinates
    double timeAreaLeft() const;
    QDateTime timeAt(double x) const;
    double xForTime(const QDateTime &time) const;
    double laneCenterY(EventType type) const;
    // Where the item with `id` is shown: its marker or bar, or the bubble of its cluster (empty when
    // its lane is hidden or it is off screen).
    QRectF itemRect(const QString &id) const;
    QList<VisibleMark> visibleMarks() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Paints exactly what the widget shows into `painter` (for screenshots, printing, benchmarks).
    void renderTimeline(QPainter &painter);

Q_SIGNALS:
    // The user chose an event: a click on it, or Enter on the selection.
    void eventActivated(const QString &id);
    void selectionChanged(const QString &id);
    // Zoom or pan changed.
    void viewChanged();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    void select(int index, bool ensureVisible);
    void ensureVisible(int index);
    void moveToLane(int step);
    void afterViewChange();
    void updateAccessibleDescription();
    QString toolTipAt(const QPoint &pos) const;
    QString describe(int index) const;
    QLocale displayLocale() const;

    std::unique_ptr<TimelineRenderer> m_renderer;
    const Clock *m_clock = nullptr;
    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_pressed = false;
    bool m_dragging = false;
    // Until the user zooms or pans, a resize fits the history again.
    bool m_autoFit = true;
    // Up/Down keep aiming at the time where lane changes began, so a walk through lanes does not drift.
    std::optional<double> m_laneWalkMs;
};

} // namespace mdp::timeline::ui
