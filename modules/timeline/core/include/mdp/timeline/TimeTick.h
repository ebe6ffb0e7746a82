#pragma once

#include <QtGlobal>

namespace mdp::timeline {

// Calendar units the axis can label, from the finest to the coarsest.
enum class TickLevel : quint8
{
    Days,
    Weeks,
    Months,
    Quarters,
    Years,
    Decades,
};

inline constexpr int kTickLevelCount = 6;

// One calendar boundary on the axis: the instant it starts (UTC ms since the epoch) and where it
// falls in view coordinates.
struct TimeTick
{
    qint64 ms = 0;
    double x = 0;
};

} // namespace mdp::timeline
