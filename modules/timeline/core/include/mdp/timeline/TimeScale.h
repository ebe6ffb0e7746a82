#pragma once

#include "mdp/timeline/TimeTick.h"

#include <QList>
#include <QLocale>
#include <QString>

#include <array>
#include <optional>

namespace mdp::timeline {

// Maps time to horizontal view coordinates and back for a zoom between decades and days, and
// produces the calendar ticks the axis labels at the current zoom. Time is UTC milliseconds since
// the epoch held in a double (exact to well below a millisecond for any clinical date), x is in
// pixels from the left edge of the time area.
class TimeScale
{
public:
    static constexpr double kMsPerDay = 86'400'000.0;
    static constexpr double kMinMsPerPixel = kMsPerDay / 240.0;                  // one day 240 px wide
    static constexpr double kMaxMsPerPixel = 10.0 * 365.2425 * kMsPerDay / 40.0; // one decade 40 px wide

    enum class LabelForm
    {
        Short, // inside its parent period: "Mar", "5", "Q2"
        Long,  // on its own: "March 2023", "5 Mar 2023"
    };

    double width() const { return m_width; }
    void setWidth(double px);

    double startMs() const { return m_startMs; }
    double endMs() const { return m_startMs + m_width * m_msPerPixel; }
    double centerMs() const { return m_startMs + 0.5 * m_width * m_msPerPixel; }
    void setStartMs(double ms);

    double msPerPixel() const { return m_msPerPixel; }
    // Clamped to [kMinMsPerPixel, kMaxMsPerPixel]; keeps the centre where it was.
    void setMsPerPixel(double msPerPixel);

    // The centre of the view stays within [fromMs, toMs] once limits are set (pans and zooms
    // cannot lose the data off screen).
    void setLimits(double fromMs, double toMs);
    void clearLimits();

    double toX(double ms) const { return (ms - m_startMs) / m_msPerPixel; }
    double toMs(double x) const { return m_startMs + x * m_msPerPixel; }

    // factor > 1 zooms in. The time under `x` stays under `x` (unless a limit moves the view).
    void zoomAround(double x, double factor);
    // Moves the content `dx` pixels to the right (the view shows earlier times for dx > 0).
    void panBy(double dx);
    void centerOn(double ms);
    // Shows [fromMs, toMs] with `marginPx` free on both sides, within the zoom limits.
    void fitRange(double fromMs, double toMs, double marginPx);
    bool canZoomIn() const { return m_msPerPixel > kMinMsPerPixel * 1.0001; }
    bool canZoomOut() const { return m_msPerPixel < kMaxMsPerPixel * 0.9999; }

    // The finest level whose boundaries lie at least minSpacingPx[level] apart at this zoom.
    TickLevel level(const std::array<double, kTickLevelCount> &minSpacingPx = defaultMinSpacing()) const;
    static TickLevel levelFor(double msPerPixel,
                              const std::array<double, kTickLevelCount> &minSpacingPx = defaultMinSpacing());
    static const std::array<double, kTickLevelCount> &defaultMinSpacing();
    // The level that gives context to `level` on the axis (the year above months), none above decades.
    static std::optional<TickLevel> contextLevel(TickLevel level);
    // A typical length of one unit of `level`, for spacing estimates.
    static double typicalUnitMs(TickLevel level);

    // Boundaries of `level` from the last one at or before the view's start to the first one after
    // its end, appended to `out` after clearing it (its capacity is reused frame to frame).
    void ticks(TickLevel level, QList<TimeTick> &out) const;
    static qint64 floorToBoundary(TickLevel level, qint64 ms);
    static qint64 nextBoundary(TickLevel level, qint64 boundaryMs);

    // The name of the period of `level` that starts at `ms`, in the locale's language
    // (Chinese and English forms are built in; other languages fall back to English patterns
    // with the locale's month names).
    static QString label(TickLevel level, qint64 ms, const QLocale &locale,
                         LabelForm form = LabelForm::Short);

private:
    void applyLimits();

    double m_width = 1000;
    double m_startMs = 0;
    double m_msPerPixel = kMsPerDay;
    std::optional<std::pair<double, double>> m_limits;
};

} // namespace mdp::timeline
