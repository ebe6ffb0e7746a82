#include "mdp/timeline/TimeScale.h"

#include <QDate>

#include <algorithm>
#include <cmath>

namespace mdp::timeline {

namespace {

constexpr qint64 kDayMs = 86'400'000;
constexpr qint64 kEpochJulianDay = 2'440'588; // 1970-01-01

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Julian-day arithmetic keeps tick generation free of QDateTime and time-zone lookups.
QDate dateOf(qint64 ms)
{
    return QDate::fromJulianDay(floorDiv(ms, kDayMs) + kEpochJulianDay);
}

qint64 msOf(const QDate &date)
{
    return (date.toJulianDay() - kEpochJulianDay) * kDayMs;
}

bool isChinese(const QLocale &locale)
{
    return locale.language() == QLocale::Chinese;
}

QString chineseQuarter(int quarter)
{
    static const char16_t *const names[] = {u"一季度", u"二季度", u"三季度", u"四季度"};
    return QString::fromUtf16(names[std::clamp(quarter, 1, 4) - 1]);
}

} // namespace

void TimeScale::setWidth(double px)
{
    const double center = centerMs();
    m_width = std::max(1.0, px);
    m_startMs = center - 0.5 * m_width * m_msPerPixel;
    applyLimits();
}

void TimeScale::setStartMs(double ms)
{
    m_startMs = ms;
    applyLimits();
}

void TimeScale::setMsPerPixel(double msPerPixel)
{
    const double center = centerMs();
    m_msPerPixel = std::clamp(msPerPixel, kMinMsPerPixel, kMaxMsPerPixel);
    m_startMs = center - 0.5 * m_width * m_msPerPixel;
    applyLimits();
}

void TimeScale::setLimits(double fromMs, double toMs)
{
    m_limits = std::make_pair(std::min(fromMs, toMs), std::max(fromMs, toMs));
    applyLimits();
}

void TimeScale::clearLimits()
{
    m_limits.reset();
}

void TimeScale::applyLimits()
{
    if (!m_limits)
        return;
    const double center = centerMs();
    const double clamped = std::clamp(center, m_limits->first, m_limits->second);
    m_startMs += clamped - center;
}

void TimeScale::zoomAround(double x, double factor)
{
    if (!(factor > 0))
        return;
    const double anchor = toMs(x);
    m_msPerPixel = std::clamp(m_msPerPixel / factor, kMinMsPerPixel, kMaxMsPerPixel);
    m_startMs = anchor - x * m_msPerPixel;
    applyLimits();
}

void TimeScale::panBy(double dx)
{
    m_startMs -= dx * m_msPerPixel;
    applyLimits();
}

void TimeScale::centerOn(double ms)
{
    m_startMs = ms - 0.5 * m_width * m_msPerPixel;
    applyLimits();
}

void TimeScale::fitRange(double fromMs, double toMs, double marginPx)
{
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    const double usable = std::max(1.0, m_width - 2 * marginPx);
    m_msPerPixel = std::clamp((toMs - fromMs) / usable, kMinMsPerPixel, kMaxMsPerPixel);
    m_startMs = 0.5 * (fromMs + toMs) - 0.5 * m_width * m_msPerPixel;
    applyLimits();
}

const std::array<double, kTickLevelCount> &TimeScale::defaultMinSpacing()
{
    // Room for the widest label of each level ("28", "28 Sep", "Sep", "Q4", "2024", "2020s") plus a gap.
    static const std::array<double, kTickLevelCount> spacing{28, 60, 40, 36, 48, 56};
    return spacing;
}

double TimeScale::typicalUnitMs(TickLevel level)
{
    switch (level) {
    case TickLevel::Days:
        return kMsPerDay;
    case TickLevel::Weeks:
        return 7 * kMsPerDay;
    case TickLevel::Months:
        return 30.436875 * kMsPerDay;
    case TickLevel::Quarters:
        return 91.310625 * kMsPerDay;
    case TickLevel::Years:
        return 365.2425 * kMsPerDay;
    case TickLevel::Decades:
        return 3652.425 * kMsPerDay;
    }
    return kMsPerDay;
}

TickLevel TimeScale::levelFor(double msPerPixel, const std::array<double, kTickLevelCount> &minSpacingPx)
{
    for (int i = 0; i < kTickLevelCount; ++i) {
        const auto level = static_cast<TickLevel>(i);
        // The shortest unit of a level decides: February must still fit its label.
        const double shortest = level == TickLevel::Months ? 28 * kMsPerDay : typicalUnitMs(level);
        if (shortest / msPerPixel >= minSpacingPx[i])
            return level;
    }
    return TickLevel::Decades;
}

TickLevel TimeScale::level(const std::array<double, kTickLevelCount> &minSpacingPx) const
{
    return levelFor(m_msPerPixel, minSpacingPx);
}

std::optional<TickLevel> TimeScale::contextLevel(TickLevel level)
{
    switch (level) {
    case TickLevel::Days:
    case TickLevel::Weeks:
        return TickLevel::Months;
    case TickLevel::Months:
    case TickLevel::Quarters:
        return TickLevel::Years;
    case TickLevel::Years:
        return TickLevel::Decades;
    case TickLevel::Decades:
        break;
    }
    return std::nullopt;
}

qint64 TimeScale::floorToBoundary(TickLevel level, qint64 ms)
{
    const QDate date = dateOf(ms);
    switch (level) {
    case TickLevel::Days:
        return msOf(date);
    case TickLevel::Weeks:
        return msOf(date.addDays(1 - date.dayOfWeek())); // weeks start on Monday (ISO 8601, GB/T 7408)
    case TickLevel::Months:
        return msOf(QDate(date.year(), date.month(), 1));
    case TickLevel::Quarters:
        return msOf(QDate(date.year(), ((date.month() - 1) / 3) * 3 + 1, 1));
    case TickLevel::Years:
        return msOf(QDate(date.year(), 1, 1));
    case TickLevel::Decades:
        return msOf(QDate(int(floorDiv(date.year(), 10) * 10), 1, 1));
    }
    return msOf(date);
}

qint64 TimeScale::nextBoundary(TickLevel level, qint64 boundaryMs)
{
    const QDate date = dateOf(boundaryMs);
    switch (level) {
    case TickLevel::Days:
        return boundaryMs + kDayMs;
    case TickLevel::Weeks:
        return boundaryMs + 7 * kDayMs;
    case TickLevel::Months:
        return msOf(date.addMonths(1));
    case TickLevel::Quarters:
        return msOf(date.addMonths(3));
    case TickLevel::Years:
        return msOf(date.addYears(1));
    case TickLevel::Decades:
        return msOf(date.addYears(10));
    }
    return boundaryMs + kDayMs;
}

void TimeScale::ticks(TickLevel level, QList<TimeTick> &out) const
{
    out.clear();
    const double end = endMs();
    qint64 ms = floorToBoundary(level, qint64(std::floor(m_startMs)));
    // A bound on the count guards against a runaway loop if a caller asks for days at decade zoom.
    for (int guard = 0; guard < 4096; ++guard) {
        out.append(TimeTick{ms, toX(double(ms))});
        if (double(ms) > end)
            break;
        ms = nextBoundary(level, ms);
    }
}

QString TimeScale::label(TickLevel level, qint64 ms, const QLocale &locale, LabelForm form)
{
    const QDate date = dateOf(ms);
    const bool zh = isChinese(locale);
    const bool isLong = form == LabelForm::Long;
    switch (level) {
    case TickLevel::Days:
        if (isLong)
            return zh ? locale.toString(date, QStringLiteral("yyyy年M月d日"))
                      : locale.toString(date, QStringLiteral("d MMM yyyy"));
        return zh ? locale.toString(date, QStringLiteral("d日")) : QString::number(date.day());
    case TickLevel::Weeks:
        if (isLong)
            return zh ? locale.toString(date, QStringLiteral("yyyy年M月d日"))
                      : locale.toString(date, QStringLiteral("d MMM yyyy"));
        return zh ? locale.toString(date, QStringLiteral("M月d日"))
                  : locale.toString(date, QStringLiteral("d MMM"));
    case TickLevel::Months:
        if (isLong)
            return zh ? locale.toString(date, QStringLiteral("yyyy年M月"))
                      : locale.toString(date, QStringLiteral("MMMM yyyy"));
        return zh ? locale.toString(date, QStringLiteral("M月"))
                  : locale.toString(date, QStringLiteral("MMM"));
    case TickLevel::Quarters: {
        const int quarter = (date.month() - 1) / 3 + 1;
        if (zh)
            return isLong ? QString::number(date.year()) + QStringLiteral("年") + chineseQuarter(quarter)
                          : chineseQuarter(quarter);
        return isLong ? QStringLiteral("Q%1 %2").arg(quarter).arg(date.year())
                      : QStringLiteral("Q%1").arg(quarter);
    }
    case TickLevel::Years:
        return zh ? QStringLiteral("%1年").arg(date.year()) : QString::number(date.year());
    case TickLevel::Decades:
        return zh ? QStringLiteral("%1年代").arg(date.year()) : QStringLiteral("%1s").arg(date.year());
    }
    return QString();
}

} // namespace mdp::timeline
