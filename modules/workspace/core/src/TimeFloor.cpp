#include "TimeFloor.h"

#include "mdp/store/Database.h"

#include <algorithm>

namespace mdp::workspace {

TimeFloor::TimeFloor(const Clock &clock)
    : m_clock(clock)
{}

void TimeFloor::raise(qint64 ms) const
{
    qint64 seen = m_floor.load();
    while (ms > seen && !m_floor.compare_exchange_weak(seen, ms)) {
    }
}

QDateTime TimeFloor::now() const
{
    const qint64 clock = m_clock.now().toMSecsSinceEpoch();
    raise(clock);
    return QDateTime::fromMSecsSinceEpoch(std::max(clock, m_floor.load()), Qt::UTC);
}

void TimeFloor::witness(const QDateTime &passed)
{
    if (!passed.isValid())
        return;
    const qint64 at = passed.toMSecsSinceEpoch();
    const qint64 cap = m_clock.now().toMSecsSinceEpoch() + kWitnessAheadMs;
    if (at > cap) {
        qint64 seen = m_aheadBy.load();
        while (at - cap > seen && !m_aheadBy.compare_exchange_weak(seen, at - cap)) {
        }
    }
    raise(std::min(at, cap));
}

QDateTime TimeFloor::floor() const
{
    return QDateTime::fromMSecsSinceEpoch(m_floor.load(), Qt::UTC);
}

qint64 TimeFloor::setBackBy() const
{
    const qint64 behind = m_floor.load() - m_clock.now().toMSecsSinceEpoch();
    return behind > kSetBackToleranceMs ? behind : 0;
}

Result<void> TimeFloor::load(store::Database &db)
{
    auto row = db.queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'time_floor'"));
    if (!row)
        return row.error();
    if (row->has_value()) {
        bool ok = false;
        const qint64 kept = (*row)->at(0).toLongLong(&ok);
        if (!ok)
            return makeError(Error::Code::Corrupt, QStringLiteral("the time floor kept here is not a time"));
        raise(kept);
        m_kept.store(kept);
    }
    return {};
}

Result<void> TimeFloor::keep(store::Database &db)
{
    const qint64 floor = m_floor.load();
    if (floor < m_kept.load() + kPersistEveryMs)
        return {};
    // Never lowered (another connection may have kept a later one).
    auto inserted = db.execute(
        QStringLiteral("INSERT OR IGNORE INTO mdp_meta (key, value) VALUES ('time_floor', ?1)"), {floor});
    if (!inserted)
        return inserted.error();
    auto raised = db.execute(
        QStringLiteral("UPDATE mdp_meta SET value = ?1 WHERE key = 'time_floor' AND value < ?1"), {floor});
    if (!raised)
        return raised.error();
    m_kept.store(floor);
    return {};
}

} // namespace mdp::workspace
