#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"

#include <QDateTime>

#include <atomic>

namespace mdp::store {
class Database;
}

namespace mdp::workspace {

// The time grants and access decisions are judged by (issue 12: offline, a grant's own end
// holds). It is this workstation's clock, but never earlier than the latest time the workspace has
// already seen: its own clock at its last write (kept in the encrypted database, mdp_meta
// 'time_floor'), or a time the site server signed (a grant's start, a list of revocations). A clock set
// back (by hand, or a machine booted with a flat battery) therefore cannot bring an ended grant back
// into force offline: time stands still at the floor until the clock has caught up with it.
//
// Thread-safe: the site sync witnesses server times on the link's thread.
class TimeFloor final : public Clock
{
public:
    // A clock this far behind the floor is reported as set back; less is ordinary drift (and a
    // server's clock a little ahead of this one).
    static constexpr qint64 kSetBackToleranceMs = 5 * 60 * 1000;
    // The floor is written at most this often (with a write the workspace makes anyway).
    static constexpr qint64 kPersistEveryMs = 60 * 1000;
    // A witnessed time is taken at most this far ahead of the clock: a server whose clock is wrong by
    // days must not end every grant early, for good. Beyond it the floor rises to the cap and the
    // excess is reported (witnessedAheadBy()).
    static constexpr qint64 kWitnessAheadMs = 24 * 3600 * 1000;

    explicit TimeFloor(const Clock &clock);

    // max(the clock, the floor); raises the floor to the clock.
    QDateTime now() const override;
    // A time known to have passed (signed by the site server): the floor rises to it (at most
    // kWitnessAheadMs past the clock).
    void witness(const QDateTime &passed);
    // How far beyond the cap the furthest witnessed time was, in milliseconds (0: never).
    qint64 witnessedAheadBy() const { return m_aheadBy.load(); }
    QDateTime floor() const;
    // How far the clock is behind the floor now, in milliseconds, when that is more than the
    // tolerance; 0 otherwise.
    qint64 setBackBy() const;

    // Reads the floor kept in the database (none yet: the clock's time is the floor).
    Result<void> load(store::Database &db);
    // Inside a write transaction: keeps the floor when it rose by kPersistEveryMs since last kept.
    Result<void> keep(store::Database &db);

private:
    void raise(qint64 ms) const;

    const Clock &m_clock;
    mutable std::atomic<qint64> m_floor{0};
    std::atomic<qint64> m_kept{0};
    std::atomic<qint64> m_aheadBy{0};
};

} // namespace mdp::workspace
