#pragma once

#include "mdp/foundation/Result.h"

#include <QString>

#include <chrono>
#include <functional>

namespace mdp::workspace {

// One process at a time changes a workspace: the workstation, a script's `mdp`, another script.
// An advisory lock (flock) on `<workspace>/.lock`, held for the life of the open workspace; a
// reader (the offline check) shares it. A second process waits, up to `wait`, and is told whom it
// waits for (the holder writes its pid and program name into the file). Released when the object
// goes, or when the process dies (the kernel drops the lock with the descriptor).
class WorkspaceLock
{
public:
    enum class Mode
    {
        Exclusive,
        Shared
    };

    // `waiting` is called once, with the holder's description, if the lock is not free at once.
    static Result<WorkspaceLock> acquire(const QString &directory, Mode mode, std::chrono::milliseconds wait,
                                         const std::function<void(const QString &holder)> &waiting = {});
    // How long to wait by default: MDP_WORKSPACE_WAIT seconds if set (0 to 3600), else 60 s.
    static std::chrono::milliseconds defaultWait();

    WorkspaceLock() = default;
    ~WorkspaceLock();
    WorkspaceLock(WorkspaceLock &&other) noexcept;
    WorkspaceLock &operator=(WorkspaceLock &&other) noexcept;
    WorkspaceLock(const WorkspaceLock &) = delete;
    WorkspaceLock &operator=(const WorkspaceLock &) = delete;

    bool isHeld() const { return m_fd >= 0; }

private:
    explicit WorkspaceLock(int fd)
        : m_fd(fd)
    {}
    int m_fd = -1;
};

} // namespace mdp::workspace
