#pragma once

#include "mdp/foundation/Result.h"

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

namespace mdp::startup {

class DemoServer;

// The demo's second workstation (issue 11 part 7): a workspace of its own in the demo folder, linked to
// the demo server as "workstation-2", where the demo reviewer works. What workstation-1 (the window)
// holds arrives through the site sync; the reviewer approves some of the submitted records here, and
// the approvals travel back, so workstation-1 shows formal versions approved on another machine
// (sync.apply events from workstation-2 in its audit trail). Runs on a thread of its own; the object
// waits for it (or stops it between steps) when it goes.
class DemoSecondWorkstation
{
public:
    struct Outcome
    {
        bool finished = false;
        qint64 received = 0; // entries pulled from the relay
        int approved = 0;
        QString error; // empty when it went through
    };

    // `approvals`: how many of the reviewer's pending records are approved on workstation-2.
    static std::unique_ptr<DemoSecondWorkstation>
    start(const DemoServer &server, const QString &directory, int approvals = 5,
          int waitForRecordsMs = 120000, const QString &name = QStringLiteral("workstation-2"));
    ~DemoSecondWorkstation();

    Outcome outcome() const;
    // Blocks until the work is done (tests).
    Outcome wait();

private:
    DemoSecondWorkstation() = default;
    void run(const DemoServer &server, const QString &directory, int approvals, int waitMs,
             const QString &name);

    mutable std::mutex m_mutex;
    Outcome m_outcome;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace mdp::startup
