#include "SearchIndexBuilder.h"

#include "WorkspaceLogging.h"

#include "mdp/registry/SqlCipherRegistry.h"
#include "mdp/search/PatientSearchIndex.h"
#include "mdp/search/RegistrySearchRecords.h"

#include <QElapsedTimer>

#include <vector>

namespace mdp::workspace {

SearchIndexBuilder::SearchIndexBuilder(search::PatientSearchIndex &index, store::Database::Options connection,
                                       ReadOne readOne, std::optional<SecureBytes> identityKey)
    : m_index(index)
    , m_options(std::move(connection))
    , m_readOne(std::move(readOne))
    , m_identityKey(std::move(identityKey))
{}

SearchIndexBuilder::~SearchIndexBuilder()
{
    stop();
}

void SearchIndexBuilder::start()
{
    {
        std::lock_guard lock(m_mutex);
        m_running = true;
    }
    m_thread = std::thread([this] { run(); });
}

void SearchIndexBuilder::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void SearchIndexBuilder::changed(const QSet<QString> &pseudonyms)
{
    if (pseudonyms.isEmpty())
        return;
    std::lock_guard lock(m_mutex);
    if (!m_ready) {
        m_pending.unite(pseudonyms);
        return;
    }
    QList<search::PatientSearchRecord> records;
    for (const QString &pseudonym : pseudonyms)
        m_readOne(pseudonym, records);
    if (!records.isEmpty())
        m_index.upsert(records);
}

SearchIndexState SearchIndexBuilder::state() const
{
    SearchIndexState s;
    std::lock_guard lock(m_mutex);
    s.ready = m_ready;
    s.failure = m_failure;
    s.indexed = m_done;
    s.total = std::max<qint64>(m_total, m_done);
    return s;
}

Result<void> SearchIndexBuilder::waitUntilReady() const
{
    std::unique_lock lock(m_mutex);
    m_finished.wait(lock, [this] { return !m_running; });
    if (!m_ready)
        return makeError(Error::Code::Unknown,
                         m_failure.isEmpty()
                             ? QStringLiteral("the patient search index was not built")
                             : QStringLiteral("the patient search index could not be built: ") + m_failure);
    return {};
}

void SearchIndexBuilder::run()
{
    QElapsedTimer timer;
    timer.start();
    auto finish = [this](const QString &failure) {
        std::lock_guard lock(m_mutex);
        m_failure = failure;
        m_running = false;
        m_finished.notify_all();
    };
    auto db = store::Database::open(std::move(m_options));
    if (!db) {
        qCCritical(lcWorkspace) << "the search index connection failed:" << db.error().toString();
        return finish(db.error().message);
    }
    // The progress total without counting (count(*) would decrypt every page once more): patients
    // are never deleted, so the largest rowid is the count or close above it.
    if (auto last = db.value()->queryOne(QStringLiteral("SELECT max(rowid) FROM registry_patients"));
        last && last.value())
        m_total = last.value()->value(0).toLongLong();
    std::vector<search::PatientSearchRecord> records;
    records.reserve(size_t(std::max<qint64>(0, m_total)));
    auto scanned = registry::SqlCipherRegistry::scanForIndex(
        *db.value(),
        [this, &records](const registry::Patient &p, const QList<registry::TimelineEvent> &events) {
            records.push_back(search::searchRecordFor(p, events));
            ++m_done;
        },
        [this] { return !m_stop.load(); }, {}, m_identityKey ? &*m_identityKey : nullptr);
    if (!scanned) {
        if (scanned.error().code != Error::Code::Cancelled)
            qCCritical(lcWorkspace) << "the search index could not be built:" << scanned.error().toString();
        return finish(scanned.error().message);
    }
    const qint64 readMs = timer.elapsed();
    size_t next = 0;
    m_index.rebuild(
        [&records, &next](search::PatientSearchRecord &record) {
            if (next >= records.size())
                return false;
            record = std::move(records[next++]);
            return true;
        },
        qsizetype(records.size()));
    const size_t count = records.size();
    std::vector<search::PatientSearchRecord>().swap(records);

    // Changes committed during the build, read again on this connection: from here on changed()
    // waits for this lock, so a later change cannot be overwritten by an earlier read.
    std::lock_guard lock(m_mutex);
    QList<search::PatientSearchRecord> changes;
    for (const QString &pseudonym : std::as_const(m_pending)) {
        (void)registry::SqlCipherRegistry::scanForIndex(
            *db.value(),
            [&changes](const registry::Patient &p, const QList<registry::TimelineEvent> &events) {
                changes << search::searchRecordFor(p, events);
            },
            {}, pseudonym, m_identityKey ? &*m_identityKey : nullptr);
    }
    if (!changes.isEmpty())
        m_index.upsert(changes);
    m_pending.clear();
    m_ready = true;
    m_running = false;
    m_finished.notify_all();
    qCInfo(lcWorkspace) << "search index of" << count << "patients built in" << timer.elapsed()
                        << "ms (reading" << readMs << "ms)";
}

} // namespace mdp::workspace
