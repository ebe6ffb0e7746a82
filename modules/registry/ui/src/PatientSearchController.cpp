#include "PatientSearchController.h"

#include <QElapsedTimer>
#include <QTimer>

namespace mdp::registry::ui {

PatientSearchController::PatientSearchController(Executor executor, QObject *parent)
    : QObject(parent)
    , m_executor(std::move(executor))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDefaultDelayMs);
    connect(m_timer, &QTimer::timeout, this, &PatientSearchController::run);
}

void PatientSearchController::setDelay(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

void PatientSearchController::setQuery(const QString &text)
{
    m_query = text.simplified();
    ++m_generation;
    if (m_query.isEmpty()) {
        m_timer->stop();
        Q_EMIT cleared();
        return;
    }
    m_timer->start();
}

bool PatientSearchController::isPending() const
{
    return m_timer->isActive();
}

bool PatientSearchController::flush()
{
    if (!m_timer->isActive())
        return false;
    m_timer->stop();
    run();
    return true;
}

void PatientSearchController::refresh()
{
    if (m_query.isEmpty())
        return;
    m_timer->stop();
    ++m_generation;
    run();
}

void PatientSearchController::run()
{
    const quint64 generation = m_generation;
    const QString query = m_query;
    if (query.isEmpty())
        return;
    ++m_executed;
    QElapsedTimer elapsed;
    elapsed.start();
    auto hits = m_executor(query);
    // A newer query was typed while this one ran (an executor may spin the event loop): drop it.
    if (generation != m_generation)
        return;
    if (!hits)
        Q_EMIT failed(query, hits.error().message);
    else
        Q_EMIT resultsReady(query, hits.value(), elapsed.elapsed());
}

} // namespace mdp::registry::ui
