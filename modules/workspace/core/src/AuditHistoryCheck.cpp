#include "AuditHistoryCheck.h"

#include "WorkspaceLogging.h"

#include "mdp/audit/AuditEventType.h"

#include <chrono>

namespace mdp::workspace {

AuditHistoryCheck::AuditHistoryCheck(audit::AuditLog &log, const Clock &clock, audit::AuditAgent agent,
                                     std::function<bool()> readyToStart)
    : m_log(log)
    , m_clock(clock)
    , m_agent(std::move(agent))
    , m_readyToStart(std::move(readyToStart))
{}

AuditHistoryCheck::~AuditHistoryCheck()
{
    stop();
}

void AuditHistoryCheck::start()
{
    m_thread = std::thread([this] { run(); });
}

void AuditHistoryCheck::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

AuditHistoryState AuditHistoryCheck::state() const
{
    std::lock_guard lock(m_mutex);
    return m_state;
}

void AuditHistoryCheck::run()
{
    // Both cores go to the search index first: the check has no deadline, the search does.
    while (!m_stop && m_readyToStart && !m_readyToStart())
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    if (m_stop)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_state.started = true;
    }
    const audit::AuditVerifyReport report = m_log.verify([this](qint64 done, qint64 total) {
        std::lock_guard lock(m_mutex);
        m_state.bytesDone = done;
        m_state.bytesTotal = total;
        return !m_stop.load();
    });
    if (report.issue == audit::AuditIssue::Cancelled)
        return; // closed before the end: nothing to say
    {
        std::lock_guard lock(m_mutex);
        m_state.finished = true;
        m_state.ok = report.ok;
        m_state.events = report.eventCount;
        m_state.problem = report.ok ? QString() : report.toString();
        m_state.finishedAt = m_clock.now();
        m_state.bytesDone = m_state.bytesTotal;
    }
    audit::AuditEvent e;
    e.type = audit::EventType::AuditVerify.toString();
    e.action = audit::AuditAction::Execute;
    e.agent = m_agent;
    e.outcome = report.ok ? audit::AuditOutcome::Success : audit::AuditOutcome::SeriousFailure;
    e.detail.insert(QStringLiteral("scope"), QStringLiteral("full-history"));
    e.detail.insert(QStringLiteral("events"), report.eventCount);
    if (!report.ok) {
        e.detail.insert(QStringLiteral("issue"), audit::AuditVerifyReport::issueName(report.issue));
        e.detail.insert(QStringLiteral("sequence"), report.sequence);
        qCCritical(lcWorkspace) << "the audit history failed its check:" << report.toString();
    }
    if (auto r = m_log.appendDurable(std::move(e)); !r)
        qCWarning(lcWorkspace) << "the audit history check could not be recorded:" << r.error().message;
}

} // namespace mdp::workspace
