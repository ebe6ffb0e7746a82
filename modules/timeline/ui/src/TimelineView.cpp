#include "mdp/timeline/TimelineView.h"

#include "TimelineRenderer.h"
#include "mdp/foundation/Clock.h"
#include "mdp/timeline/Lanes.h"

#include <QAccessible>
#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace mdp::timeline::ui {

namespace {

constexpr double kKeyZoomFactor = 1.5;
constexpr double kEnsureVisibleMarginPx = 64;
constexpr int kTooltipTitles = 6;

QString isoDate(double ms)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC).date().toString(Qt::ISODate);
}

double msOf(const QDateTime &time)
{
    return double(time.toMSecsSinceEpoch());
}

bool sameHit(const std::optional<TimelineHit> &a, const std::optional<TimelineHit> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    return !a || (a->lane == b->lane && a->kind == b->kind && a->mark == b->mark);
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
    , m_renderer(std::make_unique<TimelineRenderer>())
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_renderer->setFont(font());
    m_renderer->setLocale(displayLocale());
    m_renderer->setSize(size());
    setAccessibleName(tr("Patient timeline"));
    setClock(&SystemClock::instance());
}

TimelineView::~TimelineView() = default;

void TimelineView::setItems(QList<TimelineItem> items)
{
    m_renderer->setItems(std::move(items));
    m_autoFit = true;
    m_laneWalkMs.reset();
    updateGeometry();
    afterViewChange();
}

const TimelineModel &TimelineView::model() const
{
    return m_renderer->model();
}

void TimelineView::clear()
{
    setItems({});
}

void TimelineView::setClock(const Clock *clock)
{
    m_clock = clock;
    refreshToday();
}

void TimelineView::refreshToday()
{
    if (!m_clock) {
        m_renderer->setToday(std::nullopt);
    } else {
        // Items carry clinic calendar dates as UTC; today's wall-clock date is expressed the same way
        // so the line falls on the right day in Beijing as anywhere else.
        const QDateTime local = m_clock->now().toLocalTime();
        m_renderer->setToday(msOf(QDateTime(local.date(), local.time(), Qt::UTC)));
    }
    update();
}

void TimelineView::setShowEmptyLanes(bool show)
{
    m_renderer->setShowEmptyLanes(show);
    updateGeometry();
    update();
}

bool TimelineView::showEmptyLanes() const
{
    return m_renderer->showEmptyLanes();
}

QString TimelineView::selectedId() const
{
    const int index = m_renderer->selected();
    return index >= 0 ? model().item(index).id : QString();
}

void TimelineView::setSelectedId(const QString &id)
{
    select(id.isEmpty() ? -1 : model().indexOf(id), true);
}

void TimelineView::zoomToFit()
{
    m_renderer->zoomToFit();
    afterViewChange();
}

void TimelineView::zoomToRange(const QDateTime &from, const QDateTime &to)
{
    m_autoFit = false;
    m_renderer->scale().fitRange(msOf(from), msOf(to), 48);
    afterViewChange();
}

void TimelineView::zoomBy(double factor, double anchorX)
{
    m_autoFit = false;
    const TimeScale &s = m_renderer->scale();
    const double x = anchorX < 0 ? s.width() / 2 : std::clamp(anchorX - timeAreaLeft(), 0.0, s.width());
    m_renderer->scale().zoomAround(x, factor);
    afterViewChange();
}

void TimelineView::centerOn(const QDateTime &time)
{
    m_autoFit = false;
    m_renderer->scale().centerOn(msOf(time));
    afterViewChange();
}

void TimelineView::jumpToToday()
{
    refreshToday();
    if (const auto today = m_renderer->today()) {
        m_autoFit = false;
        m_renderer->scale().centerOn(*today);
        afterViewChange();
    }
}

const TimeScale &TimelineView::scale() const
{
    return m_renderer->scale();
}

TickLevel TimelineView::tickLevel() const
{
    return m_renderer->tickLevel();
}

double TimelineView::timeAreaLeft() const
{
    return m_renderer->gutterWidth();
}

QDateTime TimelineView::timeAt(double x) const
{
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(m_renderer->timeAt(x))), Qt::UTC);
}

double TimelineView::xForTime(const QDateTime &time) const
{
    return m_renderer->xOf(msOf(time));
}

double TimelineView::laneCenterY(EventType type) const
{
    return m_renderer->laneCenterY(laneIndex(type));
}

QRectF TimelineView::itemRect(const QString &id) const
{
    const int index = model().indexOf(id);
    if (index < 0)
        return QRectF();
    const QRectF r = m_renderer->itemRect(index);
    const QRectF area(timeAreaLeft(), 0, width() - timeAreaLeft(), height());
    return r.intersects(area) ? r : QRectF();
}

QList<TimelineView::VisibleMark> TimelineView::visibleMarks() const
{
    QList<VisibleMark> marks;
    const TimelineClustering &c = m_renderer->clustering();
    const TimeScale &s = m_renderer->scale();
    const double startAbs = s.startMs() / s.msPerPixel();
    const QRectF area(timeAreaLeft(), 0, width() - timeAreaLeft(), height());
    for (int lane : m_renderer->rows()) {
        const auto &source = model().lane(lane);
        auto add = [&](TimelineMark::Kind kind, int markIndex, const TimelineMark &m) {
            const QRectF r =
                m_renderer->markRect(TimelineHit{lane, kind, markIndex, source.items.at(m.first)});
            if (r.intersects(area))
                marks.append(VisibleMark{kind, static_cast<EventType>(lane), r, m.count,
                                         model().item(source.items.at(m.first)).id});
        };
        const auto [sb, se] = c.visibleSpans(lane, startAbs, startAbs + s.width());
        for (int i = sb; i < se; ++i)
            add(TimelineMark::Kind::Span, i, c.spans(lane).at(i));
        const auto [pb, pe] = c.visiblePoints(lane, startAbs - 12, startAbs + s.width() + 12);
        for (int i = pb; i < pe; ++i)
            add(c.points(lane).at(i).kind, i, c.points(lane).at(i));
    }
    return marks;
}

QSize TimelineView::sizeHint() const
{
    const int rows = std::max(1, int(m_renderer->rows().size()));
    return QSize(960, int(m_renderer->rowsTop() + rows * 40 + 10));
}

QSize TimelineView::minimumSizeHint() const
{
    const int rows = std::max(1, int(m_renderer->rows().size()));
    return QSize(420, int(m_renderer->rowsTop() + rows * 30 + 8));
}

void TimelineView::renderTimeline(QPainter &painter)
{
    m_renderer->setFocused(hasFocus());
    m_renderer->paint(painter);
}

bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            const auto hit = m_renderer->hitAt(help->pos());
            const QRect area =
                hit ? m_renderer->markRect(*hit).toAlignedRect().adjusted(-4, -4, 4, 4) : QRect();
            QToolTip::showText(help->globalPos(), text, this, area);
        }
        return true;
    }
    return QWidget::event(event);
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    renderTimeline(painter);
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_renderer->setSize(size());
    if (m_autoFit)
        m_renderer->zoomToFit();
}

void TimelineView::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
    case QEvent::LocaleChange:
        m_renderer->setLocale(displayLocale());
        m_renderer->retranslate();
        setAccessibleName(tr("Patient timeline"));
        updateAccessibleDescription();
        update();
        break;
    case QEvent::FontChange:
        m_renderer->setFont(font());
        update();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

void TimelineView::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    update();
}

void TimelineView::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const TimelineModel &m = model();
    const int selected = m_renderer->selected();
    const TimeScale &s = m_renderer->scale();
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right: {
        if (m.isEmpty())
            break;
        m_laneWalkMs.reset();
        if (selected < 0)
            select(m.nearest(s.centerMs()), true);
        else
            select(std::clamp(selected + (event->key() == Qt::Key_Right ? 1 : -1), 0, m.count() - 1), true);
        return;
    }
    case Qt::Key_Up:
        moveToLane(-1);
        return;
    case Qt::Key_Down:
        moveToLane(+1);
        return;
    case Qt::Key_Home:
        if (!m.isEmpty()) {
            m_laneWalkMs.reset();
            select(0, true);
        }
        return;
    case Qt::Key_End:
        if (!m.isEmpty()) {
            m_laneWalkMs.reset();
            select(m.count() - 1, true);
        }
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus: {
        const double factor = event->key() == Qt::Key_Minus ? 1 / kKeyZoomFactor : kKeyZoomFactor;
        double anchor = -1;
        if (selected >= 0) {
            const double x = m_renderer->xOf(m.startMs(selected));
            if (x >= timeAreaLeft() && x <= width())
                anchor = x;
        }
        zoomBy(factor, anchor);
        return;
    }
    case Qt::Key_0:
        m_autoFit = true;
        zoomToFit();
        return;
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        m_autoFit = false;
        m_renderer->scale().panBy((event->key() == Qt::Key_PageUp ? 0.8 : -0.8) * s.width());
        afterViewChange();
        return;
    case Qt::Key_T:
        jumpToToday();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (selected >= 0) {
            Q_EMIT eventActivated(m.item(selected).id);
            return;
        }
        break;
    case Qt::Key_Escape:
        if (selected >= 0) {
            select(-1, false);
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    const bool horizontal = angle.x() != 0 && angle.y() == 0;
    if (horizontal || (event->modifiers() & Qt::ShiftModifier)) {
        const int delta = angle.x() != 0 ? angle.x() : angle.y();
        m_autoFit = false;
        m_renderer->scale().panBy(delta * 0.5);
        afterViewChange();
    } else if (angle.y() != 0) {
        // One notch (120) zooms by 1.25; smooth touchpads send smaller steps of the same curve.
        zoomBy(std::pow(1.25, angle.y() / 120.0), event->position().x());
    }
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressed = true;
    m_dragging = false;
    m_pressPos = event->position().toPoint();
    m_lastDragPos = m_pressPos;
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_pressed) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
            m_renderer->setHover(std::nullopt);
        }
        if (m_dragging) {
            m_autoFit = false;
            m_renderer->scale().panBy(pos.x() - m_lastDragPos.x());
            m_lastDragPos = pos;
            afterViewChange();
        }
        return;
    }
    const auto hit = m_renderer->hitAt(pos);
    if (!sameHit(hit, m_renderer->hover())) {
        m_renderer->setHover(hit);
        setCursor(hit ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        return;
    }
    const auto hit = m_renderer->hitAt(event->position());
    if (!hit)
        return;
    m_laneWalkMs.reset();
    select(hit->item, false);
    // A bubble stands for several events: clicking picks its first for the keyboard, opening one is
    // left to a click on the event itself once zoomed in.
    if (hit->kind != TimelineMark::Kind::Cluster)
        Q_EMIT eventActivated(model().item(hit->item).id);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    m_pressed = false;
    if (event->button() != Qt::LeftButton)
        return;
    const auto hit = m_renderer->hitAt(event->position());
    if (!hit || hit->kind != TimelineMark::Kind::Cluster)
        return;
    const TimelineModel &m = model();
    const QList<int> members = m_renderer->clustering().members(m, *hit);
    if (members.isEmpty())
        return;
    double from = m.startMs(members.first());
    double to = from;
    for (int index : members)
        to = std::max(to, m.endMs(index));
    TimeScale &s = m_renderer->scale();
    const double before = s.msPerPixel();
    s.fitRange(from, to, 96);
    // Events on one day cannot spread much; still zoom in clearly so each double-click does something.
    if (s.msPerPixel() > before / 2) {
        s.setMsPerPixel(before / 2);
        s.centerOn(0.5 * (from + to));
    }
    m_autoFit = false;
    afterViewChange();
}

void TimelineView::leaveEvent(QEvent *event)
{
    QWidget::leaveEvent(event);
    if (m_renderer->hover()) {
        m_renderer->setHover(std::nullopt);
        update();
    }
}

void TimelineView::select(int index, bool scrollIntoView)
{
    if (index >= model().count())
        index = -1;
    const bool changed = index != m_renderer->selected();
    m_renderer->setSelected(index);
    if (index >= 0 && scrollIntoView)
        ensureVisible(index);
    update();
    if (changed) {
        updateAccessibleDescription();
        Q_EMIT selectionChanged(index >= 0 ? model().item(index).id : QString());
    }
}

void TimelineView::ensureVisible(int index)
{
    TimeScale &s = m_renderer->scale();
    const double x = s.toX(model().startMs(index));
    const double margin = std::min(kEnsureVisibleMarginPx, s.width() / 4);
    double dx = 0;
    if (x < margin)
        dx = margin - x;
    else if (x > s.width() - margin)
        dx = s.width() - margin - x;
    if (dx != 0) {
        m_autoFit = false;
        s.panBy(dx);
        afterViewChange();
    }
}

void TimelineView::moveToLane(int step)
{
    const TimelineModel &m = model();
    const QList<int> &rows = m_renderer->rows();
    if (m.isEmpty() || rows.isEmpty())
        return;
    const int selected = m_renderer->selected();
    const double reference =
        m_laneWalkMs.value_or(selected >= 0 ? m.startMs(selected) : m_renderer->scale().centerMs());
    int row = selected >= 0 ? m_renderer->rowOfLane(m.laneOf(selected)) : (step > 0 ? -1 : int(rows.size()));
    for (row += step; row >= 0 && row < rows.size(); row += step) {
        const int candidate = m.nearestInLane(rows.at(row), reference);
        if (candidate >= 0) {
            select(candidate, true);
            m_laneWalkMs = reference;
            return;
        }
    }
}

void TimelineView::afterViewChange()
{
    // What lies under a resting pointer changes with the view.
    const QPoint cursor = mapFromGlobal(QCursor::pos());
    const bool pointerInside = underMouse() && rect().contains(cursor) && !m_dragging;
    m_renderer->setHover(pointerInside ? m_renderer->hitAt(cursor) : std::nullopt);
    update();
    Q_EMIT viewChanged();
}

QLocale TimelineView::displayLocale() const
{
    // A widget copies the default locale when it is created; the interface language can change
    // later (Language::install sets a new default), so follow the default unless one was set here.
    return testAttribute(Qt::WA_SetLocale) ? locale() : QLocale();
}

QString TimelineView::describe(int index) const
{
    const TimelineModel &m = model();
    const TimelineItem &item = m.item(index);
    QString when = isoDate(m.startMs(index));
    if (m.isSpan(index))
        when = tr("%1 to %2").arg(when, isoDate(m.endMs(index)));
    return tr("%1: %2, %3").arg(Lanes::label(item.type), item.title, when);
}

void TimelineView::updateAccessibleDescription()
{
    const int selected = m_renderer->selected();
    QString text = tr("%n event(s).", nullptr, model().count());
    if (selected >= 0)
        text += QLatin1Char(' ') + tr("Selected: %1.").arg(describe(selected));
    else if (!model().isEmpty())
        text += QLatin1Char(' ') + tr("Arrow keys move between events, Enter opens one.");
    setAccessibleDescription(text);
    QAccessibleEvent accessibleEvent(this, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&accessibleEvent);
}

QString TimelineView::toolTipAt(const QPoint &pos) const
{
    const auto hit = m_renderer->hitAt(pos);
    if (!hit)
        return QString();
    const TimelineModel &m = model();
    const QString lane = Lanes::label(static_cast<EventType>(hit->lane)).toHtmlEscaped();
    if (hit->kind == TimelineMark::Kind::Cluster) {
        const QList<int> members = m_renderer->clustering().members(m, *hit);
        double to = m.startMs(members.first());
        for (int index : members)
            to = std::max(to, m.endMs(index));
        QString text = QStringLiteral("<b>%1</b> · %2<br/>%3 – %4")
                           .arg(tr("%n event(s)", nullptr, int(members.size())), lane,
                                isoDate(m.startMs(members.first())), isoDate(to));
        for (int i = 0; i < std::min(int(members.size()), kTooltipTitles); ++i) {
            const int index = members.at(i);
            text += QStringLiteral("<br/>%1&nbsp;&nbsp;%2")
                        .arg(isoDate(m.startMs(index)), m.item(index).title.toHtmlEscaped());
        }
        if (members.size() > kTooltipTitles)
            text +=
                QStringLiteral("<br/>") + tr("… and %n more", nullptr, int(members.size()) - kTooltipTitles);
        text += QStringLiteral("<br/><i>%1</i>").arg(tr("Double-click to zoom in"));
        return text;
    }
    const int index = hit->item;
    const TimelineItem &item = m.item(index);
    QString when = isoDate(m.startMs(index));
    if (m.isSpan(index)) {
        const int days = int(std::llround((m.endMs(index) - m.startMs(index)) / TimeScale::kMsPerDay));
        when = tr("%1 – %2 (%n day(s))", nullptr, days).arg(when, isoDate(m.endMs(index)));
    }
    QString text = QStringLiteral("<b>%1</b><br/>%2 · %3").arg(item.title.toHtmlEscaped(), lane, when);
    if (const auto marks = m.marksMs(index); !marks.empty())
        text += QStringLiteral("<br/>") + tr("%n fraction(s) or cycle(s)", nullptr, int(marks.size()));
    if (item.hasAttachments)
        text += QStringLiteral("<br/>") + tr("Has attached files");
    return text;
}

} // namespace mdp::timeline::ui
