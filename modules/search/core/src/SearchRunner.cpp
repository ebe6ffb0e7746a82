#include "mdp/search/SearchRunner.h"

#include "mdp/search/PatientSearchIndex.h"
#include "mdp/search/SearchSession.h"

#include <QMutexLocker>
#include <QRunnable>

namespace mdp::search {

SearchRunner::SearchRunner(const PatientSearchIndex &index, QObject *parent)
    : QObject(parent)
    , m_index(index)
{
    qRegisterMetaType<mdp::search::SearchHit>();
    qRegisterMetaType<QList<mdp::search::SearchHit>>();
    // One worker: a superseded query stops within a few thousand postings, so the next one
    // never waits long, and two queries never compete for the two cores of a small machine.
    m_pool.setMaxThreadCount(1);
}

SearchRunner::~SearchRunner()
{
    cancel();
    m_pool.waitForDone();
}

void SearchRunner::setFilter(const SearchFilter &filter)
{
    QMutexLocker lock(&m_mutex);
    m_filter = filter;
}

SearchFilter SearchRunner::filter() const
{
    QMutexLocker lock(&m_mutex);
    return m_filter;
}

void SearchRunner::setLimit(int limit)
{
    QMutexLocker lock(&m_mutex);
    m_limit = limit;
}

int SearchRunner::limit() const
{
    QMutexLocker lock(&m_mutex);
    return m_limit;
}

quint64 SearchRunner::generation() const
{
    QMutexLocker lock(&m_mutex);
    return m_generation;
}

void SearchRunner::cancel()
{
    QMutexLocker lock(&m_mutex);
    if (m_current)
        m_current->cancel();
}

quint64 SearchRunner::search(const QString &query)
{
    std::shared_ptr<SearchSession> session;
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (m_current)
            m_current->cancel();
        generation = ++m_generation;
        session = m_index.startSearch(query, m_filter, m_limit);
        m_current = session;
    }
    Q_EMIT started(generation, query);
    m_pool.start(QRunnable::create([this, session, generation] {
        while (!session->isFinished() && !session->isCancelled()) {
            QList<SearchHit> batch = session->nextBatch();
            if (!batch.isEmpty() && !session->isCancelled())
                Q_EMIT batchReady(generation, batch);
        }
        Q_EMIT finished(generation, session->isCancelled());
    }));
    return generation;
}

bool SearchRunner::waitForDone(int msecs)
{
    return m_pool.waitForDone(msecs);
}

} // namespace mdp::search
