#include "mdp/foundation/Clock.h"

namespace mdp {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

SystemClock &SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

ManualClock::ManualClock(QDateTime start)
    : m_now(start.toUTC())
{}

} // namespace mdp
