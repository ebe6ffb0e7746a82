#pragma once

#include "mdp/search/SearchFilter.h"
#include "mdp/search/SearchHit.h"

#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <memory>

namespace mdp::search {

class PatientSearchIndex;
class SearchSession;

// Runs searches for a search box off the calling thread: each search() cancels the query still in
// flight (the user typed another key) and starts the new one on a single worker thread. Batches
// arrive through batchReady() in rank order, tagged with the generation search() returned, so a
// receiver drops anything from a superseded query.
class SearchRunner : public QObject
{
    Q_OBJECT

public:
    explicit SearchRunner(const PatientSearchIndex &index, QObject *parent = nullptr);
    ~SearchRunner() override; // cancels and waits for the worker

    void setFilter(const SearchFilter &filter);
    SearchFilter filter() const;
    void setLimit(int limit);
    int limit() const;

    // Emits started() before returning. An empty query only cancels.
    quint64 search(const QString &query);
    void cancel();
    quint64 generation() const;
    // Waits until no query runs; false on timeout. For shutdown and tests.
    bool waitForDone(int msecs = -1);

Q_SIGNALS:
    void started(quint64 generation, const QString &query);
    // Emitted from the worker thread (queued to receivers in other threads).
    void batchReady(quint64 generation, const QList<mdp::search::SearchHit> &hits);
    void finished(quint64 generation, bool cancelled);

private:
    const PatientSearchIndex &m_index;
    QThreadPool m_pool;
    mutable QMutex m_mutex;
    SearchFilter m_filter;
    int m_limit = 20;
    quint64 m_generation = 0;
    std::shared_ptr<SearchSession> m_current;
};

} // namespace mdp::search
