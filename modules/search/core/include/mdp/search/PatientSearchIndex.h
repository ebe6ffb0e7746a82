#pragma once

#include "mdp/search/PatientSearchRecord.h"
#include "mdp/search/SearchFilter.h"
#include "mdp/search/SearchHit.h"
#include "mdp/search/SearchIndexStats.h"
#include "mdp/search/SearchSession.h"

#include <QList>
#include <QMutex>
#include <QString>
#include <QUuid>

#include <functional>
#include <memory>

namespace mdp::search {

struct IndexSnapshot;

// The registry's patient search index (R-6.4.1a): pseudonymous id, name, pinyin and pinyin
// initials (for callers who may see identity), diagnosis text and codes; exact, prefix, infix
// (character bigrams for Han text, trigrams for Latin, pinyin and ids), homophone and typo-tolerant
// matching; results ranked and streamed (SearchSession).
//
// It lives in memory only: built at unlock from the encrypted database, dropped (and its string
// pools overwritten) by clear() at lock or on destruction. Nothing of it is ever written to disk.
//
// Thread safety: every method may be called from any thread. Searches read an immutable snapshot
// and never wait for writers; writers (rebuild, upsert, remove) are serialised.
//
// Changes after the build go to a small delta segment rebuilt on every change (cost grows with
// pendingChanges()); call rebuild() again, off the GUI thread, when that grows large.
class PatientSearchIndex
{
public:
    PatientSearchIndex();
    ~PatientSearchIndex();
    PatientSearchIndex(const PatientSearchIndex &) = delete;
    PatientSearchIndex &operator=(const PatientSearchIndex &) = delete;

    // Replaces the whole content. The source fills `record` and returns true, or returns false
    // when there are no more; records are turned into compact form one at a time, so the caller
    // need not hold them all. Of two records with the same patient id the later one stays.
    // `expectedCount` (optional) sizes the build buffers up front.
    void rebuild(const std::function<bool(PatientSearchRecord &record)> &source, qsizetype expectedCount = 0);
    void rebuild(const QList<PatientSearchRecord> &records);

    // Adds or replaces patients (matched by patientId).
    void upsert(const PatientSearchRecord &record);
    void upsert(const QList<PatientSearchRecord> &records);
    void remove(const QUuid &patientId);
    // Drops everything (at lock).
    void clear();

    qsizetype size() const;
    qsizetype pendingChanges() const;
    SearchIndexStats stats() const;

    // Starts a query; pull its results from the session, possibly on another thread.
    std::shared_ptr<SearchSession> startSearch(const QString &query, const SearchFilter &filter,
                                               int limit = 20) const;
    // Runs a query to the end: at most `limit` hits, best first.
    QList<SearchHit> search(const QString &query, const SearchFilter &filter, int limit = 20) const;

private:
    std::shared_ptr<const IndexSnapshot> snapshot() const;
    void publishDeltaLocked();

    mutable QMutex m_mutex;
    std::shared_ptr<const IndexSnapshot> m_snapshot;
    struct Pending;
    std::unique_ptr<Pending> m_pending; // changes since the base build, guarded by m_mutex
};

} // namespace mdp::search
