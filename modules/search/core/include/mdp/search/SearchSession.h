#pragma once

#include "mdp/search/SearchHit.h"

#include <QList>
#include <QString>

#include <memory>

namespace mdp::search {

class QueryEngine;

// One running query, pulled a batch at a time so results can be shown while weaker matches are
// still being looked for. Every hit of a batch ranks below every hit of the batches before it.
// The session reads the index as it was when the query started, whatever changes meanwhile.
//
// nextBatch() runs on one thread at a time; cancel() may be called from any thread, and the
// running nextBatch() then returns within a few thousand postings.
class SearchSession
{
public:
    ~SearchSession();
    SearchSession(const SearchSession &) = delete;
    SearchSession &operator=(const SearchSession &) = delete;

    // The next batch, best first; empty once the query is finished or cancelled.
    QList<SearchHit> nextBatch();
    // Every remaining batch, concatenated.
    QList<SearchHit> takeAll();
    bool isFinished() const;

    void cancel();
    bool isCancelled() const;

    QString query() const;

private:
    friend class PatientSearchIndex;
    explicit SearchSession(std::unique_ptr<QueryEngine> engine);
    std::unique_ptr<QueryEngine> m_engine;
};

} // namespace mdp::search
