#include "mdp/workspace/BackgroundServices.h"

#include "BackgroundWorker.h"

namespace mdp::workspace {

Result<BackgroundServices *> BackgroundServices::start(Workspace &workspace,
                                                       BackgroundServicesOptions options)
{
    auto connection = workspace.openConnection();
    if (!connection)
        return connection.error();
    std::unique_ptr<BackgroundServices> services(new BackgroundServices);
    services->m_thread.setObjectName(QStringLiteral("mdp-background"));
    auto *worker = new BackgroundWorker(std::move(connection.value()), workspace.clock(), options);
    worker->moveToThread(&services->m_thread);
    services->m_worker = worker;
    BackgroundServices *self = services.get();
    // Signal to signal: the services live on the starting thread, so these are queued to it.
    connect(worker, &BackgroundWorker::noticesChanged, self, &BackgroundServices::noticesChanged);
    connect(worker, &BackgroundWorker::overdueEscalated, self, &BackgroundServices::overdueEscalated);
    connect(worker, &BackgroundWorker::mailDispatched, self, &BackgroundServices::mailDispatched);
    connect(&services->m_thread, &QThread::started, worker, &BackgroundWorker::begin);
    services->m_thread.start();
    workspace.adoptService(std::move(services));
    return self;
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
