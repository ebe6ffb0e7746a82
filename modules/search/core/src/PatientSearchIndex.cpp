#include "mdp/search/PatientSearchIndex.h"

#include "IndexSegment.h"
#include "IndexSnapshot.h"
#include "QueryEngine.h"
#include "SearchLogging.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutexLocker>

#include <atomic>
#include <optional>

namespace mdp::search {

struct PatientSearchIndex::Pending
{
    QMutex writer; // serialises writers; held for a whole rebuild, which searches never wait for
    QHash<QUuid, std::optional<PatientSearchRecord>> changes; // nullopt: removed
    std::atomic<qsizetype> count{0};                          // changes.size(), readable without `writer`
};

namespace {

std::shared_ptr<const IndexSnapshot> emptySnapshot()
{
    auto s = std::make_shared<IndexSnapshot>();
    s->base = SegmentBuilder().finish();
    return s;
}

} // namespace

PatientSearchIndex::PatientSearchIndex()
    : m_snapshot(emptySnapshot())
    , m_pending(std::make_unique<Pending>())
{}

PatientSearchIndex::~PatientSearchIndex() = default;

std::shared_ptr<const IndexSnapshot> PatientSearchIndex::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return m_snapshot;
}

void PatientSearchIndex::rebuild(const std::function<bool(PatientSearchRecord &record)> &source,
                                 qsizetype expectedCount)
{
    QMutexLocker writer(&m_pending->writer);
    QElapsedTimer timer;
    timer.start();
    SegmentBuilder builder;
    builder.reserve(expectedCount);
    PatientSearchRecord record;
    while (source(record)) {
        builder.add(record);
        record = PatientSearchRecord();
    }
    auto s = std::make_shared<IndexSnapshot>();
    s->base = builder.finish();
    qCInfo(lcSearch) << "search index built:" << s->base->docCount() << "patients in" << timer.elapsed()
                     << "ms";
    m_pending->changes.clear();
    m_pending->count = 0;
    QMutexLocker lock(&m_mutex);
    m_snapshot = std::move(s);
}

void PatientSearchIndex::rebuild(const QList<PatientSearchRecord> &records)
{
    qsizetype next = 0;
    rebuild(
        [&](PatientSearchRecord &record) {
            if (next == records.size())
                return false;
            record = records[next++];
            return true;
        },
        records.size());
}

void PatientSearchIndex::publishDeltaLocked()
{
    const std::shared_ptr<const IndexSegment> base = snapshot()->base;
    auto s = std::make_shared<IndexSnapshot>();
    s->base = base;
    SegmentBuilder builder;
    std::vector<bool> replaced;
    for (auto it = m_pending->changes.cbegin(); it != m_pending->changes.cend(); ++it) {
        if (const auto doc = base->docOf(it.key())) {
            if (replaced.empty())
                replaced.assign(std::size_t(base->docCount()), false);
            replaced[std::size_t(*doc)] = true;
        }
        if (it.value())
            builder.add(*it.value());
    }
    if (builder.size() > 0)
        s->delta = builder.finish();
    if (!replaced.empty())
        s->baseReplaced = std::make_shared<const std::vector<bool>>(std::move(replaced));
    m_pending->count = m_pending->changes.size();
    QMutexLocker lock(&m_mutex);
    m_snapshot = std::move(s);
}

void PatientSearchIndex::upsert(const PatientSearchRecord &record)
{
    upsert(QList<PatientSearchRecord>{record});
}

void PatientSearchIndex::upsert(const QList<PatientSearchRecord> &records)
{
    QMutexLocker writer(&m_pending->writer);
    for (const PatientSearchRecord &r : records)
        m_pending->changes.insert(r.patientId, r);
    publishDeltaLocked();
}

void PatientSearchIndex::remove(const QUuid &patientId)
{
    QMutexLocker writer(&m_pending->writer);
    m_pending->changes.insert(patientId, std::nullopt);
    publishDeltaLocked();
}

void PatientSearchIndex::clear()
{
    QMutexLocker writer(&m_pending->writer);
    m_pending->changes.clear();
    m_pending->count = 0;
    auto empty = emptySnapshot();
    QMutexLocker lock(&m_mutex);
    m_snapshot = std::move(empty); // the old segments are wiped when the last search lets go of them
}

qsizetype PatientSearchIndex::size() const
{
    return snapshot()->liveCount();
}

qsizetype PatientSearchIndex::pendingChanges() const
{
    return m_pending->count.load();
}

SearchIndexStats PatientSearchIndex::stats() const
{
    const auto s = snapshot();
    SearchIndexStats out;
    out.patients = s->liveCount();
    for (int i = 0; i < s->segmentCount(); ++i) {
        out.bytes += qint64(s->segment(i).memoryBytes());
        out.terms += qint64(s->segment(i).termCount());
        out.postings += qint64(s->segment(i).postingCount());
    }
    if (s->baseReplaced)
        out.bytes += qint64(s->baseReplaced->capacity() / 8);
    out.pendingChanges = pendingChanges();
    return out;
}

std::shared_ptr<SearchSession> PatientSearchIndex::startSearch(const QString &query,
                                                               const SearchFilter &filter, int limit) const
{
    return std::shared_ptr<SearchSession>(
        new SearchSession(std::make_unique<QueryEngine>(snapshot(), query, filter, limit)));
}

QList<SearchHit> PatientSearchIndex::search(const QString &query, const SearchFilter &filter, int limit) const
{
    return startSearch(query, filter, limit)->takeAll();
}

// ---- SearchSession ----------------------------------------------------------------------------

SearchSession::SearchSession(std::unique_ptr<QueryEngine> engine)
    : m_engine(std::move(engine))
{}

SearchSession::~SearchSession() = default;

QList<SearchHit> SearchSession::nextBatch()
{
    return m_engine->nextBatch();
}

QList<SearchHit> SearchSession::takeAll()
{
    QList<SearchHit> all;
    while (!m_engine->isFinished())
        all.append(m_engine->nextBatch());
    return all;
}

bool SearchSession::isFinished() const
{
    return m_engine->isFinished();
}

void SearchSession::cancel()
{
    m_engine->cancel();
}

bool SearchSession::isCancelled() const
{
    return m_engine->isCancelled();
}

QString SearchSession::query() const
{
    return m_engine->query();
}

} // namespace mdp::search
