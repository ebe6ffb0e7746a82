#pragma once

#include "mdp/audit/AuditLog.h"
#include "mdp/foundation/Clock.h"
#include "mdp/workspace/AuditHistoryState.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace mdp::workspace {

// Verifies the whole audit log on its own thread (AuditLog::verify() holds no lock, so work goes
// on), after `readyToStart` says the unlock's other background work is done, and records the outcome
// as an audit.verify event. Stopped (and joined) before the log goes.
class AuditHistoryCheck
{
public:
    AuditHistoryCheck(audit::AuditLog &log, const Clock &clock, audit::AuditAgent agent,
                      std::function<bool()> readyToStart);
    ~AuditHistoryCheck(); // stops
    AuditHistoryCheck(const AuditHistoryCheck &) = delete;
    AuditHistoryCheck &operator=(const AuditHistoryCheck &) = delete;

    void start();
    void stop();
    AuditHistoryState state() const;

private:
    void run();

    audit::AuditLog &m_log;
    const Clock &m_clock;
    audit::AuditAgent m_agent;
    std::function<bool()> m_readyToStart;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    mutable std::mutex m_mutex;
    AuditHistoryState m_state;
};

} // namespace mdp::workspace
