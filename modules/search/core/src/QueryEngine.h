#pragma once

#include "mdp/search/SearchFilter.h"
#include "mdp/search/SearchHit.h"

#include "IndexSnapshot.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <atomic>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace mdp::search {

// One query word, or one Han / non-Han run of a word ("张伟c50" is two).
struct QueryToken
{
    bool han = false;
    std::string latin;     // UTF-8 search key, when !han
    std::u16string hanKey; // when han
    std::string homophone; // pinyin of a Han token
};

// A term of one field that matched a token, with the documents holding it.
struct TermMatch
{
    MatchField field = MatchField::PseudonymId;
    bool han = false;
    quint32 term = 0;
    int typos = 0;
    std::span<const qint32> docs;
};

// Runs one query over one snapshot, a rank class at a time, so the first (best) hits are ready
// long before a weak class such as fuzzy matching has been looked at.
//
// One token: classes run in rank order (exact id, exact, prefix, infix, homophone, fuzzy) and each
// yields one batch; the query stops as soon as `limit` hits are out, so a frequent term costs no
// more than a rare one. Several tokens (all must match): every token marks, per document, the best
// class it matched in; documents matched by all are ranked by their weakest token, then by the sum.
class QueryEngine
{
public:
    QueryEngine(std::shared_ptr<const IndexSnapshot> snapshot, const QString &query, SearchFilter filter,
                int limit);

    QList<SearchHit> nextBatch();
    bool isFinished() const { return m_finished; }
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }
    const QString &query() const { return m_query; }

    static QList<QueryToken> tokenize(const QString &query);

private:
    QList<MatchKind> kindsFor(const QueryToken &token) const;
    template<typename Visit>
    bool forEachTerm(const IndexSegment &segment, const QueryToken &token, MatchKind kind,
                     Visit &&visit) const;
    bool admissible(int segment, qint32 doc, bool identityField);
    SearchHit makeHit(int segment, qint32 doc, MatchKind kind, MatchField field, int typos,
                      const QString &matchedTerm) const;
    QString termText(int segment, const TermMatch &match) const;
    QList<SearchHit> runClass(MatchKind kind);
    void runMultiToken();
    bool tick(); // false when cancelled; checks the flag every few thousand steps

    std::shared_ptr<const IndexSnapshot> m_snapshot;
    QString m_query;
    SearchFilter m_filter;
    int m_limit = 0;
    QList<QueryToken> m_tokens;
    QList<MatchKind> m_kinds; // one token: the classes still to run
    int m_step = 0;
    int m_hitCount = 0;
    bool m_finished = false;
    bool m_multiDone = false;
    QList<QList<SearchHit>> m_queued; // several tokens: batches ready to hand out
    QSet<quint64> m_emitted;          // (segment << 32) | document
    QHash<quint64, bool> m_access;    // mayAccess verdicts of this query
    quint64 m_work = 0;
    std::atomic<bool> m_cancelled{false};
};

} // namespace mdp::search
