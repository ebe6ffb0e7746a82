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
    auto *worker = new BackgroundWorker(std::move(connection.value()), m_workspace->clock(), m_options);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    // Signal to signal: the services live on the starting thread, so these are queued to it.
    connect(worker, &BackgroundWorker::noticesChanged, this, &BackgroundServices::noticesChanged);
    connect(worker, &BackgroundWorker::overdueEscalated, this, &BackgroundServices::overdueEscalated);
    connect(worker, &BackgroundWorker::mailDispatched, this, &BackgroundServices::mailDispatched);
    connect(&m_thread, &QThread::started, worker, &BackgroundWorker::begin);
    m_thread.start();
    return {};
}

void BackgroundServices::pause()
{
    if (!m_worker)
        return;
    stop();
    m_paused = true;
}

void BackgroundServices::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (auto launched = launch(); !launched)
        qWarning("the background services could not start again: %s",
                 qUtf8Printable(launched.error().toString()));
}

BackgroundServices::~BackgroundServices()
{
    stop();
}

void BackgroundServices::stop()
{
    if (!m_worker)
        return;
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_worker, &BackgroundWorker::finish, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    delete m_worker; // its thread has ended
    m_worker = nullptr;
}

bool BackgroundServices::isRunning() const
{
    return m_worker && m_thread.isRunning();
}

void BackgroundServices::requestMail()
{
    if (m_worker)
        m_worker->requestMail();
}

} // namespace mdp::workspace
