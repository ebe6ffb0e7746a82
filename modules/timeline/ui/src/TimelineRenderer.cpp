#include "TimelineRenderer.h"

#include "mdp/timeline/Lanes.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mdp::timeline::ui {

namespace {

// The workstation's palette (see resources/style/mdp.qss), repeated here because the renderer also
// runs without the shell (benchmark) and must look the same there.
const QColor kBackground(0xff, 0xff, 0xff);
const QColor kStripe(0xf9, 0xfa, 0xfc);
const QColor kRule(0xdd, 0xe3, 0xea);
const QColor kGutterRule(0xe6, 0xeb, 0xf0);
const QColor kFineGrid(0xf0, 0xf3, 0xf6);
const QColor kContextGrid(0xdc, 0xe2, 0xe9);
const QColor kText(0x1f, 0x29, 0x33);
const QColor kStrongText(0x10, 0x26, 0x3b);
const QColor kMuted(0x5f, 0x6b, 0x7a);
const QColor kFaint(0x8a, 0x96, 0xa3);
const QColor kTitleText(0x3e, 0x4c, 0x59);
const QColor kAccent(0x1d, 0x6f, 0xb8);

constexpr double kCoarseBaseline = 19;
constexpr double kFineBaseline = 38;
constexpr double kFineTickTop = 26;
constexpr double kMarkerRadius = 5.5;
constexpr double kSpriteSide = 24;
constexpr double kBarHalfHeight = 10;
constexpr double kFitMarginPx = 56;

QColor rgbColour(quint32 rgb, int alpha = 255)
{
    QColor c = QColor::fromRgb(QRgb(rgb));
    c.setAlpha(alpha);
    return c;
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QFont sized(const QFont &base, double points, QFont::Weight weight = QFont::Normal)
{
    QFont f = base;
    f.setPointSizeF(points);
    f.setWeight(weight);
    return f;
}

double snap(double v, qreal dpr)
{
    return std::round(v * dpr) / dpr;
}

QString countText(int count)
{
    return count < 1000 ? QString::number(count) : QStringLiteral("999+");
}

} // namespace

TimelineRenderer::TimelineRenderer()
    : m_titlePen(kTitleText)
    , m_mutedPen(kMuted)
    , m_strongPen(kStrongText)
    , m_whitePen(Qt::white)
{
    setFont(QFont());
    rebuildRows();
}

void TimelineRenderer::setItems(QList<TimelineItem> items)
{
    m_model.setItems(std::move(items));
    m_clustering.invalidate();
    m_titleWidths = QList<float>(m_model.count(), -1.0f);
    m_selected = -1;
    m_hover.reset();
    rebuildRows();
    updateLimits();
    zoomToFit();
}

void TimelineRenderer::setShowEmptyLanes(bool show)
{
    m_showEmptyLanes = show;
    rebuildRows();
}

void TimelineRenderer::rebuildRows()
{
    m_rows.clear();
    for (int lane = 0; lane < kEventTypeCount; ++lane) {
        if (m_showEmptyLanes || !m_model.lane(lane).items.isEmpty())
            m_rows.append(lane);
    }
    setSize(m_size);
}

void TimelineRenderer::setFont(const QFont &base)
{
    m_laneFont = sized(base, 9.5);
    m_countFont = sized(base, 8.5);
    m_axisFont = sized(base, 8.5);
    m_axisStrongFont = sized(base, 9.5, QFont::DemiBold);
    m_titleFont = sized(base, 8.5);
    m_bubbleFont = sized(base, 8, QFont::Bold);
    m_todayFont = sized(base, 8, QFont::DemiBold);
    measure();
}

void TimelineRenderer::setLocale(const QLocale &locale)
{
    m_locale = locale;
    measure();
}

void TimelineRenderer::retranslate()
{
    measure();
}

void TimelineRenderer::measure()
{
    m_laneLabels.clear();
    for (int lane = 0; lane < kEventTypeCount; ++lane)
        m_laneLabels.append(Lanes::label(static_cast<EventType>(lane)));
    m_todayText = QCoreApplication::translate("mdp::timeline::ui::TimelineView", "Today");
    m_emptyText =
        QCoreApplication::translate("mdp::timeline::ui::TimelineView", "No events on this timeline yet");
    m_gutterHeader = QCoreApplication::translate("mdp::timeline::ui::TimelineView", "Event type");

    const QFontMetricsF lane(m_laneFont);
    m_widestLaneLabel = 0;
    for (const QString &label : std::as_const(m_laneLabels))
        m_widestLaneLabel = std::max(m_widestLaneLabel, lane.horizontalAdvance(label));

    // The widest label each level can show decides how close its ticks may be.
    const QFontMetricsF axis(m_axisFont);
    const qint64 sampleDay =
        qint64(TimeScale::floorToBoundary(TickLevel::Days, 1'703'721'600'000)); // 2023-12-28
    auto widestLabel = [&](TickLevel level, std::initializer_list<qint64> samples) {
        double w = 0;
        for (qint64 ms : samples)
            w = std::max(w, axis.horizontalAdvance(TimeScale::label(level, ms, m_locale)));
        return w;
    };
    QList<qint64> months;
    qint64 month = TimeScale::floorToBoundary(TickLevel::Years, sampleDay);
    for (int i = 0; i < 12; ++i) {
        months.append(month);
        month = TimeScale::nextBoundary(TickLevel::Months, month);
    }
    double monthWidth = 0;
    for (qint64 ms : std::as_const(months))
        monthWidth =
            std::max(monthWidth, axis.horizontalAdvance(TimeScale::label(TickLevel::Months, ms, m_locale)));
    const double gap = 14;
    m_minSpacing = {
        widestLabel(TickLevel::Days, {sampleDay}) + gap,
        widestLabel(TickLevel::Weeks, {sampleDay, months.at(8) + 27 * qint64(TimeScale::kMsPerDay)}) + gap,
        monthWidth + gap,
        widestLabel(TickLevel::Quarters, {months.at(0), months.at(3), months.at(6), months.at(9)}) + gap,
        widestLabel(TickLevel::Years, {sampleDay}) + gap,
        widestLabel(TickLevel::Decades, {sampleDay}) + gap};

    m_todayTextWidth = QFontMetricsF(m_todayFont).horizontalAdvance(m_todayText);
    const QFontMetricsF title(m_titleFont);
    m_titleAscent = title.ascent();
    m_titleCapHeight = title.capHeight();
    m_axisAscent = QFontMetricsF(m_axisFont).ascent();
    m_axisStrongAscent = QFontMetricsF(m_axisStrongFont).ascent();
    m_titleTexts.clear();
    const QFontMetricsF bubbleMetrics(m_bubbleFont);
    m_digitWidth = 0;
    for (char16_t digit = u'0'; digit <= u'9'; ++digit)
        m_digitWidth = std::max(m_digitWidth, bubbleMetrics.horizontalAdvance(QChar(digit)));
    m_digitWidth = std::max(m_digitWidth, bubbleMetrics.horizontalAdvance(QStringLiteral("999+")) / 4);
    m_tickLabels.clear();
    m_titleWidths.fill(-1.0f);
    m_sprites.clear();
    m_staticDirty = true;
    setSize(m_size);
}

void TimelineRenderer::setSize(const QSize &size)
{
    // Chip, label, the widest lane count, and padding; the labels of all lanes are measured so the
    // gutter does not jump when lanes appear.
    int most = 0;
    for (int lane = 0; lane < kEventTypeCount; ++lane)
        most = std::max(most, int(m_model.lane(lane).items.size()));
    const double countWidth = QFontMetricsF(m_countFont).horizontalAdvance(QString::number(most));
    m_gutter = std::clamp(std::ceil(34 + m_widestLaneLabel + 14 + countWidth + 14), 136.0, 260.0);

    m_size = size.expandedTo(QSize(200, 120));
    m_scale.setWidth(m_size.width() - m_gutter);
    const int rows = std::max(1, int(m_rows.size()));
    const double available = m_size.height() - rowsTop() - 8;
    m_rowHeight = std::clamp(std::floor(available / rows), 30.0, 46.0);
    m_staticDirty = true;
}

QRectF TimelineRenderer::rowRect(int row) const
{
    return QRectF(0, rowsTop() + row * m_rowHeight, m_size.width(), m_rowHeight);
}

int TimelineRenderer::rowAt(double y) const
{
    if (y < rowsTop())
        return -1;
    const int row = int((y - rowsTop()) / m_rowHeight);
    return row < m_rows.size() ? row : -1;
}

double TimelineRenderer::laneCenterY(int lane) const
{
    const int row = rowOfLane(lane);
    return row < 0 ? -1 : rowRect(row).center().y();
}

void TimelineRenderer::setToday(std::optional<double> ms)
{
    m_todayMs = ms;
    updateLimits();
}

void TimelineRenderer::updateLimits()
{
    if (m_model.isEmpty() && !m_todayMs) {
        m_scale.clearLimits();
        return;
    }
    double from = m_model.isEmpty() ? *m_todayMs : m_model.firstMs();
    double to = m_model.isEmpty() ? *m_todayMs : m_model.lastMs();
    if (m_todayMs) {
        from = std::min(from, *m_todayMs);
        to = std::max(to, *m_todayMs);
    }
    m_scale.setLimits(from, to);
}

void TimelineRenderer::zoomToFit()
{
    if (m_model.isEmpty()) {
        m_scale.setMsPerPixel(365.2425 * TimeScale::kMsPerDay / std::max(1.0, m_scale.width()));
        m_scale.centerOn(m_todayMs.value_or(0));
        return;
    }
    double from = m_model.firstMs();
    double to = m_model.lastMs();
    // Today joins the view when it is near the history, so the gap since the last event shows.
    if (m_todayMs && *m_todayMs > to && *m_todayMs - to < 0.35 * (to - from) + 60 * TimeScale::kMsPerDay)
        to = *m_todayMs;
    const double minimum = 14 * TimeScale::kMsPerDay;
    if (to - from < minimum) {
        const double mid = 0.5 * (from + to);
        from = mid - minimum / 2;
        to = mid + minimum / 2;
    }
    m_scale.fitRange(from, to, kFitMarginPx);
}

const TimelineClustering &TimelineRenderer::clustering()
{
    m_clustering.update(m_model, m_scale.msPerPixel());
    return m_clustering;
}

std::optional<TimelineHit> TimelineRenderer::hitAt(const QPointF &pos)
{
    if (pos.x() < m_gutter || pos.x() > m_size.width())
        return std::nullopt;
    const int row = rowAt(pos.y());
    if (row < 0)
        return std::nullopt;
    const TimelineClustering &c = clustering();
    const double absX = m_scale.startMs() / m_scale.msPerPixel() + (pos.x() - m_gutter);
    // Clusters are drawn as bubbles wider than a marker; give them their drawn radius.
    auto hit = c.hitTest(m_model, m_rows.at(row), absX, kHitTolerancePx + 3);
    if (!hit)
        return std::nullopt;
    if (hit->kind == TimelineMark::Kind::Item &&
        std::abs(markRect(*hit).center().x() - pos.x()) > kHitTolerancePx)
        return std::nullopt;
    return hit;
}

QRectF TimelineRenderer::markRect(const TimelineHit &hit)
{
    const TimelineClustering &c = clustering();
    const double cy = laneCenterY(hit.lane);
    if (cy < 0)
        return QRectF();
    const double startAbs = m_scale.startMs() / m_scale.msPerPixel();
    if (hit.kind == TimelineMark::Kind::Span) {
        const TimelineMark &m = c.spans(hit.lane).at(hit.mark);
        return QRectF(m_gutter + m.x0 - startAbs, cy - kBarHalfHeight, m.x1 - m.x0, 2 * kBarHalfHeight);
    }
    const TimelineMark &m = c.points(hit.lane).at(hit.mark);
    if (hit.kind == TimelineMark::Kind::Item)
        return QRectF(m_gutter + m.x0 - startAbs - 7, cy - 7, 14, 14);
    const double radius = 10;
    const double cx = m_gutter + m.centerX() - startAbs;
    return QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius);
}

QRectF TimelineRenderer::itemRect(int index)
{
    const auto hit = clustering().markOf(m_model, index);
    if (!hit)
        return QRectF();
    return markRect(*hit);
}

const TimelineRenderer::CachedText &TimelineRenderer::tickLabel(TickLevel level, qint64 ms,
                                                                TimeScale::LabelForm form)
{
    // Boundaries fall on whole minutes, so minutes since the epoch plus level and form make a unique key.
    const quint64 key = (quint64(ms / 60'000) << 4) | (quint64(level) << 1) | quint64(form);
    auto it = m_tickLabels.find(key);
    if (it != m_tickLabels.end())
        return *it;
    if (m_tickLabels.size() > 4096)
        m_tickLabels.clear();
    CachedText text;
    text.text = TimeScale::label(level, ms, m_locale, form);
    const QFont &font = form == TimeScale::LabelForm::Long ? m_axisStrongFont : m_axisFont;
    text.width = QFontMetricsF(font).horizontalAdvance(text.text);
    text.layout = QStaticText(text.text);
    text.layout.setTextFormat(Qt::PlainText);
    text.layout.setPerformanceHint(QStaticText::AggressiveCaching);
    text.layout.prepare(QTransform(), font);
    return *m_tickLabels.insert(key, text);
}

double TimelineRenderer::titleWidth(int index)
{
    float &w = m_titleWidths[index];
    if (w < 0)
        w = float(QFontMetricsF(m_titleFont).horizontalAdvance(m_model.item(index).title));
    return w;
}

void TimelineRenderer::drawTitle(QPainter &painter, int index, double x, double baseline)
{
    // Laid out once and kept: shaping text again every frame would cost more than drawing it.
    auto it = m_titleTexts.find(index);
    if (it == m_titleTexts.end()) {
        if (m_titleTexts.size() > 4096)
            m_titleTexts.clear();
        QStaticText text(m_model.item(index).title);
        text.setTextFormat(Qt::PlainText);
        text.setPerformanceHint(QStaticText::AggressiveCaching);
        text.prepare(QTransform(), m_titleFont);
        it = m_titleTexts.insert(index, text);
    }
    painter.drawStaticText(QPointF(x, baseline - m_titleAscent), *it);
}

const QPixmap &TimelineRenderer::markerSprite(quint32 rgb, bool narrowSpan, bool attachment, qreal dpr)
{
    const quint64 key = (quint64(rgb) << 24) | (quint64(narrowSpan) << 20) | (quint64(attachment) << 19) |
                        (quint64(std::lround(dpr * 8)) << 8) | 1;
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    QPixmap pixmap(QSize(int(kSpriteSide * dpr), int(kSpriteSide * dpr)));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QPointF c(kSpriteSide / 2, kSpriteSide / 2);
    const QColor colour = rgbColour(rgb);
    p.setPen(QPen(kBackground, 2));
    p.setBrush(colour);
    if (narrowSpan)
        p.drawRoundedRect(QRectF(c.x() - 5.5, c.y() - 5.5, 11, 11), 3, 3);
    else
        p.drawEllipse(c, kMarkerRadius, kMarkerRadius);
    if (attachment) {
        p.setPen(QPen(kBackground, 1.5));
        p.setBrush(kTitleText);
        p.drawEllipse(c + QPointF(5.5, -5.5), 2.8, 2.8);
    }
    p.end();
    return *m_sprites.insert(key, pixmap);
}

double TimelineRenderer::bubbleWidth(int characters) const
{
    return std::max(20.0, std::ceil(m_digitWidth * characters) + 12);
}

// Bubbles are two sprites: the coloured pill (per colour and width) and the white count (per
// count, shared by all lanes), so the first zoom into a dense history creates few new pixmaps.
const QPixmap &TimelineRenderer::bubbleSprite(quint32 rgb, int characters, qreal dpr)
{
    const quint64 key =
        (quint64(rgb) << 24) | (quint64(characters) << 8) | (quint64(std::lround(dpr * 8)) << 2) | 2;
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    const double h = 20;
    const double w = bubbleWidth(characters);
    QPixmap pixmap(QSize(int(std::ceil((w + 4) * dpr)), int(std::ceil((h + 4) * dpr))));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(kBackground, 2));
    p.setBrush(rgbColour(rgb));
    p.drawRoundedRect(QRectF(2, 2, w, h), h / 2, h / 2);
    p.end();
    return *m_sprites.insert(key, pixmap);
}

const QPixmap &TimelineRenderer::countSprite(int count, qreal dpr)
{
    const int capped = std::min(count, 1000);
    const quint64 key = (quint64(capped) << 8) | (quint64(std::lround(dpr * 8)) << 2) | 3;
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    const QString text = countText(capped);
    const double w = bubbleWidth(int(text.size())) + 4;
    const double h = 24;
    QPixmap pixmap(QSize(int(std::ceil(w * dpr)), int(std::ceil(h * dpr))));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setPen(Qt::white);
    p.setFont(m_bubbleFont);
    p.drawText(QRectF(0, 0, w, h), Qt::AlignCenter, text);
    p.end();
    return *m_sprites.insert(key, pixmap);
}

const QPixmap &TimelineRenderer::capsuleTemplate(QRgb fill, QRgb border, int height, int radius, qreal dpr)
{
    const quint64 key = (quint64(fill) << 32) ^ (quint64(border) << 8) ^ (quint64(height) << 52) ^
                        (quint64(radius) << 58) ^ (quint64(std::lround(dpr * 8)) << 2) ^ 0x5;
    auto it = m_capsules.find(key);
    if (it != m_capsules.end())
        return *it;
    const int w = 2 * radius + 2;
    QPixmap pixmap(QSize(int(std::ceil(w * dpr)), int(std::ceil(height * dpr))));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(QColor::fromRgba(fill));
    if (qAlpha(border) > 0) {
        p.setPen(QPen(QColor::fromRgba(border), 1));
        p.drawRoundedRect(QRectF(0.5, 0.5, w - 1, height - 1), radius, radius);
    } else {
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(QRectF(0, 0, w, height), radius, radius);
    }
    p.end();
    return *m_capsules.insert(key, pixmap);
}

void TimelineRenderer::drawCapsule(QPainter &painter, double left, double right, double top, int height,
                                   int radius, QRgb fill, QRgb border, qreal dpr)
{
    // Two cap blits from a cached template and plain rectangles between them: bars and bands cost
    // no path and no allocation per frame, however many there are.
    const double l = snap(left, dpr);
    const double r = snap(right, dpr);
    const double t = snap(top, dpr);
    const QPixmap &sprite = capsuleTemplate(fill, border, height, radius, dpr);
    const double cap = radius + 1;
    if (r - l < 2 * cap) {
        painter.drawPixmap(QRectF(l, t, std::max(1.0, r - l), height), sprite,
                           QRectF(QPointF(0, 0), sprite.size()));
        return;
    }
    painter.drawPixmap(QRectF(l, t, cap, height), sprite, QRectF(0, 0, cap * dpr, height * dpr));
    painter.drawPixmap(QRectF(r - cap, t, cap, height), sprite,
                       QRectF(cap * dpr, 0, cap * dpr, height * dpr));
    const QRectF middle(l + cap, t, r - l - 2 * cap, height);
    if (qAlpha(border) > 0) {
        const QColor line = QColor::fromRgba(border);
        painter.fillRect(QRectF(middle.left(), t, middle.width(), 1), line);
        painter.fillRect(QRectF(middle.left(), t + height - 1, middle.width(), 1), line);
        painter.fillRect(middle.adjusted(0, 1, 0, -1), QColor::fromRgba(fill));
    } else {
        painter.fillRect(middle, QColor::fromRgba(fill));
    }
}

const QPixmap &TimelineRenderer::attachmentSprite(qreal dpr)
{
    const quint64 key = (quint64(std::lround(dpr * 8)) << 2) | 0x7;
    auto it = m_sprites.find(key);
    if (it != m_sprites.end())
        return *it;
    QPixmap pixmap(QSize(int(std::ceil(10 * dpr)), int(std::ceil(10 * dpr))));
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(kBackground, 1.5));
    p.setBrush(kTitleText);
    p.drawEllipse(QPointF(5, 5), 2.8, 2.8);
    p.end();
    return *m_sprites.insert(key, pixmap);
}

const QPixmap &TimelineRenderer::staticLayer(qreal dpr)
{
    const quint64 key =
        (quint64(m_size.width()) << 32) | (quint64(m_size.height()) << 8) | quint64(std::lround(dpr * 8));
    if (!m_staticDirty && key == m_staticKey && !m_static.isNull())
        return m_static;
    m_staticKey = key;
    m_staticDirty = false;
    m_static = QPixmap(m_size * dpr);
    m_static.setDevicePixelRatio(dpr);
    QPainter p(&m_static);
    const double w = m_size.width();
    const double h = m_size.height();
    p.fillRect(QRectF(0, 0, w, h), kBackground);
    for (int row = 0; row < m_rows.size(); ++row) {
        if (row % 2 == 1)
            p.fillRect(rowRect(row), kStripe);
    }
    p.fillRect(QRectF(0, kAxisHeight - 1, w, 1), kRule);
    p.fillRect(QRectF(m_gutter - 1, 0, 1, h), kGutterRule);

    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setFont(m_countFont);
    p.setPen(kFaint);
    p.drawText(QPointF(16, kFineBaseline), m_gutterHeader);
    const QFontMetricsF laneMetrics(m_laneFont);
    const QFontMetricsF countMetrics(m_countFont);
    for (int row = 0; row < m_rows.size(); ++row) {
        const int lane = m_rows.at(row);
        const QRectF r = rowRect(row);
        const double cy = r.center().y();
        p.setPen(Qt::NoPen);
        p.setBrush(rgbColour(Lanes::colour(static_cast<EventType>(lane))));
        p.drawRoundedRect(QRectF(16, cy - 4.5, 9, 9), 2.5, 2.5);

        const QString count = QString::number(m_model.lane(lane).items.size());
        const double countWidth = countMetrics.horizontalAdvance(count);
        p.setFont(m_countFont);
        p.setPen(kFaint);
        p.drawText(QPointF(m_gutter - 14 - countWidth, cy + countMetrics.ascent() / 2 - 1.5), count);

        const double labelRoom = m_gutter - 34 - countWidth - 20;
        p.setFont(m_laneFont);
        p.setPen(kText);
        p.drawText(QPointF(34, cy + laneMetrics.ascent() / 2 - 2),
                   laneMetrics.elidedText(m_laneLabels.value(lane), Qt::ElideRight, labelRoom));
    }
    p.end();
    return m_static;
}

void TimelineRenderer::paint(QPainter &painter)
{
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    painter.save();
    painter.drawPixmap(QPointF(0, 0), staticLayer(dpr));
    if (m_model.isEmpty()) {
        paintEmpty(painter);
        painter.restore();
        return;
    }
    clustering();

    painter.setClipRect(QRectF(m_gutter, 0, m_size.width() - m_gutter, m_size.height()));
    painter.translate(m_gutter, 0);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setRenderHint(QPainter::Antialiasing, false);
    paintAxis(painter);
    // Render hints and fonts are set once for all lanes: each change costs the painter a state update.
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setFont(m_titleFont);
    painter.setPen(m_titlePen);
    for (int row = 0; row < m_rows.size(); ++row)
        paintLane(painter, row);
    paintToday(painter);
    paintHover(painter);
    paintSelection(painter);
    painter.restore();

    if (m_focused) {
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.fillRect(QRectF(0, 0, 3, m_size.height()), kAccent);
        painter.restore();
    }
}

void TimelineRenderer::paintAxis(QPainter &painter)
{
    const double w = m_scale.width();
    const double h = m_size.height();
    const TickLevel level = tickLevel();
    const auto context = TimeScale::contextLevel(level);

    if (context)
        m_scale.ticks(*context, m_contextTicks);
    else
        m_contextTicks.clear();

    // Fine grid and labels. A label is drawn whole or not at all: it must fit before the next tick
    // of its own level and must not run across a context boundary (a week label into the next month).
    m_scale.ticks(level, m_fineTicks);
    painter.setFont(m_axisFont);
    painter.setPen(m_mutedPen);
    int boundary = 0;
    for (int i = 0; i < m_fineTicks.size(); ++i) {
        const double x = std::round(m_fineTicks[i].x);
        painter.fillRect(QRectF(x, kAxisHeight, 1, h - kAxisHeight), kFineGrid);
        painter.fillRect(QRectF(x, kFineTickTop, 1, kAxisHeight - kFineTickTop), kRule);
        const CachedText &label = tickLabel(level, m_fineTicks[i].ms, TimeScale::LabelForm::Short);
        double limit = i + 1 < m_fineTicks.size() ? m_fineTicks[i + 1].x : w;
        while (boundary < m_contextTicks.size() && m_contextTicks[boundary].x <= x + 0.5)
            ++boundary;
        if (boundary < m_contextTicks.size())
            limit = std::min(limit, m_contextTicks[boundary].x);
        const double lx = x + 5;
        if (lx >= 0 && lx + label.width <= std::min(limit - 4, w))
            painter.drawStaticText(QPointF(lx, kFineBaseline - m_axisAscent), label.layout);
    }

    // Context grid (stronger) and labels. The period at the left edge keeps its label in view until
    // the next label needs the room; then it goes (a label cut in half reads as a glitch).
    painter.setFont(m_axisStrongFont);
    painter.setPen(m_strongPen);
    for (int i = 0; i < m_contextTicks.size(); ++i) {
        const double x = std::round(m_contextTicks[i].x);
        if (x >= 0 && x <= w) {
            painter.fillRect(QRectF(x, kAxisHeight, 1, h - kAxisHeight), kContextGrid);
            painter.fillRect(QRectF(x, 4, 1, kAxisHeight - 4), kContextGrid);
        }
        const CachedText &label = tickLabel(*context, m_contextTicks[i].ms, TimeScale::LabelForm::Long);
        const double next = i + 1 < m_contextTicks.size() ? m_contextTicks[i + 1].x : w + 1e6;
        const double lx = std::max(x + 6, 8.0);
        if (lx + label.width <= std::min(next - 10, w))
            painter.drawStaticText(QPointF(lx, kCoarseBaseline - m_axisStrongAscent), label.layout);
    }
}

void TimelineRenderer::paintToday(QPainter &painter)
{
    if (!m_todayMs)
        return;
    const double x = std::round(m_scale.toX(*m_todayMs));
    if (x < -40 || x > m_scale.width() + 40)
        return;
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(QRectF(x, kAxisHeight, 1.5, m_size.height() - kAxisHeight),
                     QColor(0x1d, 0x6f, 0xb8, 170));
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double pw = m_todayTextWidth + 14;
    const QRectF pill(x - pw / 2, kAxisHeight - 17, pw, 16);
    painter.setPen(Qt::NoPen);
    painter.setBrush(kAccent);
    painter.drawRoundedRect(pill, 8, 8);
    painter.setPen(Qt::white);
    painter.setFont(m_todayFont);
    painter.drawText(pill, Qt::AlignCenter, m_todayText);
}

void TimelineRenderer::paintLane(QPainter &painter, int row)
{
    const int lane = m_rows.at(row);
    const double cy = rowRect(row).center().y();
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const double mpp = m_scale.msPerPixel();
    const double startAbs = m_scale.startMs() / mpp;
    const double w = m_scale.width();
    const double pad = 24;
    const TimelineModel::Lane &source = m_model.lane(lane);
    const auto type = static_cast<EventType>(lane);
    constexpr double kNone = std::numeric_limits<double>::max();

    const QList<TimelineMark> &spans = m_clustering.spans(lane);
    const QList<TimelineMark> &points = m_clustering.points(lane);
    const auto [sb, se] = m_clustering.visibleSpans(lane, startAbs - pad, startAbs + w + pad);
    const auto [pb, pe] = m_clustering.visiblePoints(lane, startAbs - pad, startAbs + w + pad);
    // The first span starting after absolute x: a title must stop before it.
    auto nextSpanAfter = [&](double absX) {
        const auto it = std::upper_bound(spans.cbegin(), spans.cend(), absX,
                                         [](double x, const TimelineMark &m) { return x < m.x0; });
        return it == spans.cend() ? kNone : it->x0 - startAbs;
    };

    for (int i = sb; i < se; ++i) {
        const TimelineMark &m = spans.at(i);
        if (m.x1 < startAbs - pad)
            continue;
        double nextX = nextSpanAfter(m.x1);
        const auto after = std::lower_bound(points.cbegin(), points.cend(), m.x1,
                                            [](const TimelineMark &p, double x) { return p.x0 < x; });
        if (after != points.cend())
            nextX = std::min(nextX, after->x0 - startAbs);
        const double nextStart = i + 1 < spans.size() ? spans.at(i + 1).x0 - startAbs : kNone;
        paintSpan(painter, m, lane, cy, startAbs, nextX, nextStart);
    }

    const double titleBaseline = cy + m_titleCapHeight / 2;
    const double spriteHalf = kSpriteSide / 2;
    // Right edge of what is already drawn in this lane (markers, bubbles, titles), so a title placed
    // to the left of its marker never covers it.
    double occupied = -kNone;
    for (int i = pb; i < pe; ++i) {
        const TimelineMark &m = points.at(i);
        if (m.kind == TimelineMark::Kind::Item) {
            const int index = source.items.at(m.first);
            const TimelineItem &item = m_model.item(index);
            const double x = snap(m.x0 - startAbs, dpr);
            const QPixmap &sprite = markerSprite(Lanes::markerColour(type, item.severity),
                                                 m_model.isSpan(index), item.hasAttachments, dpr);
            painter.drawPixmap(QPointF(x - spriteHalf, snap(cy - spriteHalf, dpr)), sprite);
            const double before = occupied;
            occupied = std::max(occupied, x + 8);
            if (item.title.isEmpty() || x < 0 || x >= w)
                continue;
            // Titles only where they fit whole: after the marker up to the next mark of the lane and
            // the view's edge, or else before it, after whatever is drawn there.
            const double tw = titleWidth(index);
            double limit = std::min(w, nextSpanAfter(m.x0));
            if (i + 1 < points.size())
                limit = std::min(limit, points.at(i + 1).x0 - startAbs - 14);
            if (x + 12 + tw <= limit - 4) {
                drawTitle(painter, index, x + 12, titleBaseline);
                occupied = x + 12 + tw;
            } else if (x - 12 - tw >= std::max(before + 10, 4.0) && !spanCovers(lane, m.x0 - 12 - tw, m.x0)) {
                drawTitle(painter, index, x - 12 - tw, titleBaseline);
            }
            continue;
        }
        occupied = std::max(occupied, m.x1 - startAbs + 12);
        const QColor colour = rgbColour(Lanes::colour(type));
        const double x0 = m.x0 - startAbs;
        const double x1 = m.x1 - startAbs;
        if (x1 - x0 > 2) {
            // The band shows how long the dense period lasts; neighbouring bands meet halfway
            // instead of overlapping (clusters split at their maximum width can sit close together).
            double left = x0 - 9;
            double right = x1 + 9;
            if (i > 0)
                left = std::max(left, 0.5 * (points.at(i - 1).x1 - startAbs + x0) + 1.5);
            if (i + 1 < points.size())
                right = std::min(right, 0.5 * (x1 + points.at(i + 1).x0 - startAbs) - 1.5);
            drawCapsule(painter, left, right, cy - 9, 18, 8,
                        qRgba(colour.red(), colour.green(), colour.blue(), 34), 0, dpr);
        }
        const int characters = m.count < 10 ? 1 : m.count < 100 ? 2 : m.count < 1000 ? 3 : 4;
        const QPixmap &bubble = bubbleSprite(Lanes::colour(type), characters, dpr);
        const QSizeF size = bubble.deviceIndependentSize();
        const QPointF topLeft(snap(0.5 * (x0 + x1) - size.width() / 2, dpr),
                              snap(cy - size.height() / 2, dpr));
        painter.drawPixmap(topLeft, bubble);
        painter.drawPixmap(topLeft, countSprite(m.count, dpr));
    }
}

bool TimelineRenderer::spanCovers(int lane, double absX0, double absX1) const
{
    const auto [sb, se] = m_clustering.visibleSpans(lane, absX0, absX1);
    const QList<TimelineMark> &spans = m_clustering.spans(lane);
    for (int i = sb; i < se; ++i) {
        if (spans.at(i).x1 >= absX0 && spans.at(i).x0 <= absX1)
            return true;
    }
    return false;
}

void TimelineRenderer::paintSpan(QPainter &painter, const TimelineMark &mark, int lane, double cy,
                                 double startAbs, double nextX, double nextSpanStart)
{
    const double w = m_scale.width();
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const int index = m_model.lane(lane).items.at(mark.first);
    const TimelineItem &item = m_model.item(index);
    const QColor colour = rgbColour(Lanes::markerColour(static_cast<EventType>(lane), item.severity));
    const double x0 = mark.x0 - startAbs;
    const double x1 = mark.x1 - startAbs;
    // Bars far wider than the view are cut to it: painting a million-pixel path is slow.
    const double dx0 = std::max(x0, -12.0);
    const double dx1 = std::min(x1, w + 12);
    const QRectF bar(dx0, cy - kBarHalfHeight, dx1 - dx0, 2 * kBarHalfHeight);

    drawCapsule(painter, bar.left(), bar.right(), bar.top(), int(2 * kBarHalfHeight), 4,
                mix(colour, kBackground, 0.84).rgba(), colour.rgba(), dpr);

    // Fractions (or cycles) as short ticks along the bottom edge when they are far enough apart.
    const auto marks = m_model.marksMs(index);
    if (!marks.empty()) {
        const double spacing = (x1 - x0) / double(marks.size());
        if (spacing >= 3) {
            QColor tick = colour;
            tick.setAlpha(200);
            const double top = snap(cy + kBarHalfHeight - 6, dpr);
            const double first = m_scale.toMs(-2);
            const double last = m_scale.toMs(w + 2);
            auto it = std::lower_bound(marks.begin(), marks.end(), first);
            for (; it != marks.end() && *it <= last; ++it) {
                // A fraction given as a date sits in the middle of its day, where the day's label is.
                const double at =
                    std::fmod(*it, TimeScale::kMsPerDay) == 0 ? *it + 0.5 * TimeScale::kMsPerDay : *it;
                painter.fillRect(QRectF(snap(m_scale.toX(at), dpr), top, 1, 4), tick);
            }
        }
    }
    if (item.hasAttachments && x1 > 0 && x1 - 3 < w)
        painter.drawPixmap(QPointF(snap(x1 - 6, dpr), snap(cy - kBarHalfHeight - 4, dpr)),
                           attachmentSprite(dpr));

    if (item.title.isEmpty())
        return;
    const double tw = titleWidth(index);
    // Inside the visible part of the bar, above the fraction ticks, when it fits; after the bar otherwise.
    const double visible0 = std::max(x0, 0.0);
    const double visible1 = std::min(x1, w);
    // A title inside stops where an overlapping bar begins (courses can overlap in a dense record).
    if (visible0 + 8 + tw <= std::min(visible1 - 8, nextSpanStart - 6)) {
        auto pen = m_darkPens.find(colour.rgba());
        if (pen == m_darkPens.end())
            pen = m_darkPens.insert(colour.rgba(), QPen(colour.darker(170)));
        painter.setPen(*pen);
        drawTitle(painter, index, visible0 + 8, cy - 1.5 + m_titleCapHeight / 2);
        painter.setPen(m_titlePen);
    } else if (x1 + 8 + tw <= std::min(nextX - 14, w) - 4) {
        drawTitle(painter, index, x1 + 8, cy + m_titleCapHeight / 2);
    }
}

void TimelineRenderer::paintSelection(QPainter &painter)
{
    if (m_selected < 0 || m_selected >= m_model.count())
        return;
    const int lane = m_model.laneOf(m_selected);
    const double cy = laneCenterY(lane);
    if (cy < 0)
        return;
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const auto where = m_clustering.markOf(m_model, m_selected);
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (where && where->kind == TimelineMark::Kind::Span) {
        QRectF r = markRect(*where).translated(-m_gutter, 0);
        r.setLeft(std::max(r.left(), -12.0));
        r.setRight(std::min(r.right(), m_scale.width() + 12));
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(kAccent, 2));
        painter.drawRoundedRect(r.adjusted(-2, -2, 2, 2), 6, 6);
        return;
    }
    const double x = snap(m_scale.toX(m_model.startMs(m_selected)), dpr);
    if (x < -20 || x > m_scale.width() + 20)
        return;
    const TimelineItem &item = m_model.item(m_selected);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x1d, 0x6f, 0xb8, 46));
    painter.drawEllipse(QPointF(x, cy), 12.5, 12.5);
    painter.setBrush(kBackground);
    painter.drawEllipse(QPointF(x, cy), 9, 9);
    painter.setPen(QPen(kAccent, 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QPointF(x, cy), 8.5, 8.5);
    const QPixmap &sprite = markerSprite(Lanes::markerColour(item.type, item.severity),
                                         m_model.isSpan(m_selected), item.hasAttachments, dpr);
    painter.drawPixmap(QPointF(x - kSpriteSide / 2, snap(cy - kSpriteSide / 2, dpr)), sprite);
}

void TimelineRenderer::paintHover(QPainter &painter)
{
    if (!m_hover)
        return;
    const QRectF r = markRect(*m_hover).translated(-m_gutter, 0);
    if (r.isNull() || r.right() < -20 || r.left() > m_scale.width() + 20)
        return;
    QColor halo = rgbColour(Lanes::colour(static_cast<EventType>(m_hover->lane)), 60);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(halo);
    if (m_hover->kind == TimelineMark::Kind::Span) {
        QRectF bar = r;
        bar.setLeft(std::max(bar.left(), -12.0));
        bar.setRight(std::min(bar.right(), m_scale.width() + 12));
        painter.drawRoundedRect(bar.adjusted(-3, -3, 3, 3), 7, 7);
    } else {
        const double radius = r.width() / 2 + 4;
        painter.drawEllipse(r.center(), radius, radius);
    }
}

void TimelineRenderer::paintEmpty(QPainter &painter)
{
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setFont(m_laneFont);
    painter.setPen(kMuted);
    painter.drawText(QRectF(m_gutter, kAxisHeight, m_size.width() - m_gutter, m_size.height() - kAxisHeight),
                     Qt::AlignCenter, m_emptyText);
}

} // namespace mdp::timeline::ui
