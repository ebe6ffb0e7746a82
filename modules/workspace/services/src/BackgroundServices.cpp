#include "mdp/workspace/BackgroundServices.h"

#include "BackgroundWorker.h"

namespace mdp::workspace {

Result<BackgroundServices *> BackgroundServices::start(Workspace &workspace,
                                                       BackgroundServicesOptions options)
{
    std::unique_ptr<BackgroundServices> services(new BackgroundServices);
    services->m_workspace = &workspace;
    services->m_options = options;
    services->m_thread.setObjectName(QStringLiteral("mdp-background"));
    if (auto launched = services->launch(); !launched)
        return launched.error();
    BackgroundServices *self = services.get();
    workspace.adoptService(std::move(services));
    return self;
}

Result<void> BackgroundServices::launch()
{
    auto connection = m_workspace->openConnection();
    if (!connection)
        return connection.error();
    // The access clock: reminders of a grant's end (and every other deadline) never run on a clock set back.
    auto *worker = new BackgroundWorker(std::move(connection.value()), m_workspace->accessClock(), m_options);
    worker->moveToThread(&m_thread);
    // Signal to signal: the services live on the starting thread, so these are queued to it.
    connect(worker, &BackgroundWorker::noticesChanged, this, &BackgroundServices::noticesChanged);
    connect(worker, &BackgroundWorker::overdueEscalated, this, &BackgroundServices::overdueEscalated);
    connect(worker, &BackgroundWorker::mailDispatched, this, &BackgroundServices::mailDispatched);
    connect(&m_thread, &QThread::started, worker, &BackgroundWorker::begin);
    {
        QMutexLocker lock(&m_mutex);
        m_worker = worker;
    }
    m_thread.start();
    return {};
}

BackgroundServices::~BackgroundServices()
{
    stop();
}

// Taken out under the lock, ended outside it: requestMail() on the window's thread never waits for
// a run in progress, and never sees a worker being deleted (pause() may come from a renewal's thread).
void BackgroundServices::end(bool pausing)
{
    BackgroundWorker *worker = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        worker = std::exchange(m_worker, nullptr);
        m_paused = pausing && (worker != nullptr || m_paused);
    }
    if (!worker)
        return;
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(worker, &BackgroundWorker::finish, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete worker; // its thread has ended
}

void BackgroundServices::stop()
{
    end(false);
}

void BackgroundServices::pause()
{
    end(true);
}

void BackgroundServices::resume()
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_paused)
            return;
        m_paused = false;
    }
    if (auto launched = launch(); !launched)
        qWarning("the background services could not start again: %s",
                 qUtf8Printable(launched.error().toString()));
}

bool BackgroundServices::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return m_worker && m_thread.isRunning();
}

void BackgroundServices::requestMail()
{
    QMutexLocker lock(&m_mutex);
    if (m_worker)
        m_worker->requestMail();
}

} // namespace mdp::workspace
