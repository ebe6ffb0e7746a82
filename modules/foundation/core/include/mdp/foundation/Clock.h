#pragma once

#include <QDateTime>

namespace mdp {

// Time source. Production code asks a Clock, never QDateTime::currentDateTimeUtc(), so tests can
// move time (lock-out windows, TOTP steps, grant expiry) without sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override;
    static SystemClock &instance();
};

// Test double: time stands still until advanced.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start);
    QDateTime now() const override { return m_now; }
    void advance(qint64 msecs) { m_now = m_now.addMSecs(msecs); }
    void set(QDateTime t) { m_now = std::move(t); }

private:
    QDateTime m_now;
};

} // namespace mdp
