#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <functional>
#include <optional>

namespace mdp::startup {

// Tells a benchmark when a program's window is on screen. With MDP_STARTUP_REPORT=shown or
// =usable in the environment, the program prints "mdp-startup shown <ns>" once its first
// top-level window has been exposed and painted, "mdp-startup usable <ns>" once a window that
// counts as usable (the main window) has been exposed, painted and nothing is busy any more, and
// quits at the milestone asked for. <ns> is the monotonic clock (CLOCK_MONOTONIC, shared by every
// process on the machine), so the parent can subtract the moment it started the process.
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    enum class Milestone
    {
        Shown,
        Usable
    };
    Q_ENUM(Milestone)

    // The milestone MDP_STARTUP_REPORT asks for; none when unset or unknown.
    static std::optional<Milestone> requested();
    static qint64 monotonicNanoseconds();
    static QByteArray milestoneName(Milestone milestone);

    // Watches every top-level widget of the application and quits it at `quitAt` (never without).
    // `isUsableWindow` says which window makes the program usable; without it, any window does.
    explicit StartupProbe(std::optional<Milestone> quitAt, std::function<bool(QWidget *)> isUsableWindow = {},
                          std::FILE *out = stdout, QObject *parent = nullptr);
    ~StartupProbe() override;

Q_SIGNALS:
    void reached(mdp::startup::StartupProbe::Milestone milestone, qint64 monotonicNs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void checkUsable();
    void report(Milestone milestone);

    std::optional<Milestone> m_quitAt;
    std::function<bool(QWidget *)> m_isUsableWindow;
    std::FILE *m_out;
    bool m_shown = false;
    bool m_usable = false;
    QPointer<QWidget> m_candidate;
    QTimer m_poll;
};

} // namespace mdp::startup
