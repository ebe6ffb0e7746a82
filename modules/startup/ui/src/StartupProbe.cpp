#include "mdp/startup/StartupProbe.h"

#include <QApplication>
#include <QEvent>
#include <QWindow>

#include <chrono>

namespace mdp::startup {

std::optional<StartupProbe::Milestone> StartupProbe::requested()
{
    const QByteArray value = qgetenv("MDP_STARTUP_REPORT");
    if (value == milestoneName(Milestone::Shown))
        return Milestone::Shown;
    if (value == milestoneName(Milestone::Usable))
        return Milestone::Usable;
    return std::nullopt;
}

qint64 StartupProbe::monotonicNanoseconds()
{
    // steady_clock is CLOCK_MONOTONIC on Linux: the same time line in every process.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QByteArray StartupProbe::milestoneName(Milestone milestone)
{
    return milestone == Milestone::Shown ? QByteArrayLiteral("shown") : QByteArrayLiteral("usable");
}

StartupProbe::StartupProbe(std::optional<Milestone> quitAt, std::function<bool(QWidget *)> isUsableWindow,
                           std::FILE *out, QObject *parent)
    : QObject(parent)
    , m_quitAt(quitAt)
    , m_isUsableWindow(std::move(isUsableWindow))
    , m_out(out)
{
    m_poll.setInterval(5);
    connect(&m_poll, &QTimer::timeout, this, &StartupProbe::checkUsable);
    qApp->installEventFilter(this);
}

StartupProbe::~StartupProbe()
{
    qApp->removeEventFilter(this);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Expose || (m_shown && m_usable))
        return QObject::eventFilter(watched, event);
    auto *window = qobject_cast<QWindow *>(watched);
    if (!window || !window->isExposed())
        return QObject::eventFilter(watched, event);
    QWidget *widget = nullptr;
    const QWidgetList topLevels = QApplication::topLevelWidgets();
    for (QWidget *w : topLevels) {
        if (w->windowHandle() == window)
            widget = w;
    }
    if (!widget)
        return QObject::eventFilter(watched, event);
    // The filter sees the expose before the window paints in answer to it: report from the next
    // turn of the event loop, after the paint.
    if (!m_shown)
        QTimer::singleShot(0, this, [this] {
            if (!m_shown)
                report(Milestone::Shown);
        });
    if (!m_usable && (!m_isUsableWindow || m_isUsableWindow(widget))) {
        m_candidate = widget;
        QTimer::singleShot(0, this, &StartupProbe::checkUsable);
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::checkUsable()
{
    if (m_usable || !m_candidate)
        return;
    // A background job shows the busy cursor until it is done; the window is not usable before.
    const bool exposed = m_candidate->windowHandle() && m_candidate->windowHandle()->isExposed();
    if (!exposed || !m_candidate->isVisible() || QApplication::overrideCursor() || !m_shown) {
        m_poll.start();
        return;
    }
    m_poll.stop();
    report(Milestone::Usable);
}

void StartupProbe::report(Milestone milestone)
{
    (milestone == Milestone::Shown ? m_shown : m_usable) = true;
    const qint64 now = monotonicNanoseconds();
    std::fprintf(m_out, "mdp-startup %s %lld\n", milestoneName(milestone).constData(),
                 static_cast<long long>(now));
    std::fflush(m_out);
    Q_EMIT reached(milestone, now);
    if (milestone == m_quitAt)
        QCoreApplication::exit(0);
}

} // namespace mdp::startup
