#pragma once

#include <QtGlobal>

#include <string.h> // explicit_bzero

#include <algorithm>
#include <atomic>
#include <bit>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mdp::search {

// How a term set finds terms by a fragment of them: Latin keys (pinyin, ids, codes, English words)
// by byte trigrams, Han keys by single characters and character bigrams.
enum class GramKind
{
    None,
    LatinTrigrams,
    HanUnigramsAndBigrams,
};

// The distinct search keys of one field, sorted, each with the sorted documents that hold it.
// Everything lives in a few flat vectors (a string pool and CSR offset arrays), so a million
// patients cost a handful of allocations and no per-term objects. Immutable once built; any
// number of threads may read it.
template<typename Char> class TermSet
{
public:
    using View = std::basic_string_view<Char>;
    using Unsigned = std::make_unsigned_t<Char>;

    quint32 size() const { return m_termOffsets.empty() ? 0 : quint32(m_termOffsets.size() - 1); }
    View term(quint32 i) const
    {
        return View(m_pool.data() + m_termOffsets[i], m_termOffsets[i + 1] - m_termOffsets[i]);
    }
    quint32 termLength(quint32 i) const { return m_termOffsets[i + 1] - m_termOffsets[i]; }
    Unsigned charAt(quint32 i, quint32 pos) const { return Unsigned(m_pool[m_termOffsets[i] + pos]); }
    std::span<const qint32> docs(quint32 i) const
    {
        return {m_postings.data() + m_postingOffsets[i], m_postingOffsets[i + 1] - m_postingOffsets[i]};
    }
    quint64 postingCount() const { return m_postings.size(); }

    // First term not less than q.
    quint32 lowerBound(View q) const
    {
        quint32 lo = 0, hi = size();
        while (lo < hi) {
            const quint32 mid = lo + (hi - lo) / 2;
            if (term(mid) < q)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    std::optional<quint32> find(View q) const
    {
        const quint32 i = lowerBound(q);
        if (i < size() && term(i) == q)
            return i;
        return std::nullopt;
    }

    // Terms starting with q: [first, second). The term equal to q, if any, comes first.
    std::pair<quint32, quint32> prefixRange(View q) const
    {
        const quint32 lo = lowerBound(q);
        quint32 a = lo, b = size();
        while (a < b) {
            const quint32 mid = a + (b - a) / 2;
            if (term(mid).substr(0, q.size()) == q)
                a = mid + 1;
            else
                b = mid;
        }
        return {lo, a};
    }

    // Terms holding the gram (see gramsOf), in term order.
    std::span<const qint32> gramTerms(quint32 gram) const
    {
        const auto it = std::lower_bound(m_gramKeys.begin(), m_gramKeys.end(), gram);
        if (it == m_gramKeys.end() || *it != gram)
            return {};
        const std::size_t k = std::size_t(it - m_gramKeys.begin());
        return {m_gramTerms.data() + m_gramOffsets[k], m_gramOffsets[k + 1] - m_gramOffsets[k]};
    }
    bool hasGrams() const { return !m_gramKeys.empty(); }

    // Terms within maxTypos edits of q (Levenshtein with adjacent transpositions counted as one
    // edit), found by walking the sorted terms as an implicit trie with one row of the edit
    // matrix per depth and pruning a branch as soon as every cell of its row exceeds maxTypos.
    // Calls report(termIndex, typos) in term order.
    template<typename Report>
    void fuzzy(View q, int maxTypos, Report &&report, const std::atomic<bool> &cancelled) const
    {
        if (size() == 0)
            return;
        FuzzyWalk<Report> walk{*this, q, maxTypos, report, cancelled, {}, 0};
        walk.rows.assign((q.size() + std::size_t(maxTypos) + 2) * (q.size() + 1), 0);
        for (std::size_t j = 0; j <= q.size(); ++j)
            walk.rows[j] = int(j);
        walk.descend(0, 0, size());
    }

    // Overwrites the key text (names and pinyin are identifying) before the memory is freed.
    void wipe()
    {
        if (!m_pool.empty())
            explicit_bzero(m_pool.data(), m_pool.size() * sizeof(Char));
    }

    quint64 memoryBytes() const
    {
        return m_pool.capacity() * sizeof(Char) + m_termOffsets.capacity() * sizeof(quint32) +
               m_postings.capacity() * sizeof(qint32) + m_postingOffsets.capacity() * sizeof(quint32) +
               m_gramKeys.capacity() * sizeof(quint32) + m_gramOffsets.capacity() * sizeof(quint32) +
               m_gramTerms.capacity() * sizeof(qint32);
    }

    // Grams of a key: byte trigrams packed into 24 bits, or Han code units (unigrams, below
    // 0x10000) and code-unit pairs (bigrams, 0x10000 and above since no unit is 0).
    static void gramsOf(View key, GramKind kind, std::vector<quint32> &out)
    {
        out.clear();
        if (kind == GramKind::LatinTrigrams) {
            for (std::size_t i = 0; i + 3 <= key.size(); ++i)
                out.push_back(quint32(Unsigned(key[i])) << 16 | quint32(Unsigned(key[i + 1])) << 8 |
                              quint32(Unsigned(key[i + 2])));
        } else if (kind == GramKind::HanUnigramsAndBigrams) {
            for (std::size_t i = 0; i < key.size(); ++i) {
                out.push_back(quint32(Unsigned(key[i])) & 0xFFFF);
                if (i + 1 < key.size())
                    out.push_back((quint32(Unsigned(key[i])) & 0xFFFF) << 16 |
                                  (quint32(Unsigned(key[i + 1])) & 0xFFFF));
            }
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
    }

private:
    template<typename> friend class TermSetBuilder;

    template<typename Report> struct FuzzyWalk
    {
        const TermSet &set;
        View q;
        int maxTypos;
        Report &report;
        const std::atomic<bool> &cancelled;
        std::vector<int> rows; // one row of (|q| + 1) cells per depth
        quint64 visited = 0;

        int *row(std::size_t depth) { return rows.data() + depth * (q.size() + 1); }

        void descend(quint32 depth, quint32 lo, quint32 hi)
        {
            const std::size_t m = q.size();
            const int *prev = row(depth);
            if (lo < hi && set.termLength(lo) == depth) {
                if (prev[m] <= maxTypos)
                    report(lo, prev[m]);
                ++lo;
            }
            if (depth >= m + std::size_t(maxTypos))
                return;
            while (lo < hi) {
                if ((++visited & 1023) == 0 && cancelled.load(std::memory_order_relaxed))
                    return;
                const Unsigned c = set.charAt(lo, depth);
                // Every term of [lo, hi) is longer than depth and shares its first depth units,
                // so the units at depth ascend: the run of c ends at the first larger one.
                quint32 a = lo + 1, b = hi;
                while (a < b) {
                    const quint32 mid = a + (b - a) / 2;
                    if (set.charAt(mid, depth) <= c)
                        a = mid + 1;
                    else
                        b = mid;
                }
                const quint32 end = a;
                int *cur = row(depth + 1);
                cur[0] = int(depth) + 1;
                int best = cur[0];
                const Unsigned before = depth > 0 ? set.charAt(lo, depth - 1) : 0;
                for (std::size_t j = 1; j <= m; ++j) {
                    const Unsigned qj = Unsigned(q[j - 1]);
                    int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (qj == c ? 0 : 1)});
                    if (j > 1 && depth > 0 && qj == before && Unsigned(q[j - 2]) == c)
                        v = std::min(v, row(depth - 1)[j - 2] + 1);
                    cur[j] = v;
                    best = std::min(best, v);
                }
                if (best <= maxTypos)
                    descend(depth + 1, lo, end);
                lo = end;
            }
        }
    };

    std::vector<Char> m_pool;
    std::vector<quint32> m_termOffsets;
    std::vector<qint32> m_postings;
    std::vector<quint32> m_postingOffsets;
    std::vector<quint32> m_gramKeys;
    std::vector<quint32> m_gramOffsets;
    std::vector<qint32> m_gramTerms;
};

// Stable LSD radix sort of 64-bit keys on bits [fromBit, 64), 16 bits a pass; passes over digits
// that every key shares are skipped. Several times faster than std::sort on millions of pairs.
inline void radixSort(std::vector<quint64> &keys, int fromBit)
{
    if (keys.size() < 2)
        return;
    std::vector<quint64> scratch(keys.size());
    std::vector<std::size_t> count(std::size_t(1) << 16);
    for (int shift = fromBit; shift < 64; shift += 16) {
        std::fill(count.begin(), count.end(), 0);
        for (quint64 k : keys)
            ++count[(k >> shift) & 0xFFFF];
        if (count[(keys.front() >> shift) & 0xFFFF] == keys.size())
            continue; // every key has this digit
        std::size_t sum = 0;
        for (std::size_t &c : count)
            sum += std::exchange(c, sum);
        for (quint64 k : keys)
            scratch[count[(k >> shift) & 0xFFFF]++] = k;
        keys.swap(scratch);
    }
}

// Collects (key, document) pairs in any order and builds the TermSet. Distinct keys are interned
// in a flat pool with an open-addressing table of ids (no per-key allocation); transient memory is
// that pool and table plus 8 bytes per pair. The pool is overwritten before it is freed.
template<typename Char> class TermSetBuilder
{
public:
    using View = std::basic_string_view<Char>;

    ~TermSetBuilder() { wipePool(); }

    void reserve(std::size_t keys, std::size_t pairs)
    {
        m_pairs.reserve(pairs);
        m_offsets.reserve(keys + 1);
        if (keys * 2 > m_slots.size())
            rehash(std::bit_ceil(keys * 2));
    }

    // Interned id of a key (new ids count up from 0).
    quint32 intern(View key)
    {
        if ((m_offsets.size() + 1) * 2 > m_slots.size())
            rehash(std::max<std::size_t>(1024, m_slots.size() * 2));
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = std::hash<View>{}(key)&mask;; i = (i + 1) & mask) {
            const quint32 slot = m_slots[i];
            if (slot == 0) {
                const quint32 id = quint32(m_offsets.size() - 1);
                m_pool.insert(m_pool.end(), key.begin(), key.end());
                m_offsets.push_back(quint32(m_pool.size()));
                m_slots[i] = id + 1;
                return id;
            }
            if (keyAt(slot - 1) == key)
                return slot - 1;
        }
    }

    void addInterned(quint32 id, qint32 doc) { m_pairs.push_back(quint64(id) << 32 | quint32(doc)); }

    void add(View key, qint32 doc)
    {
        if (!key.empty())
            addInterned(intern(key), doc);
    }

    // `docOrder[d]` is the final number of the document added as d (documents are renumbered in
    // patient-id order once all are known), or -1 for a document dropped.
    TermSet<Char> build(GramKind grams, const std::vector<qint32> &docOrder)
    {
        TermSet<Char> set;
        const quint32 n = quint32(m_offsets.size() - 1);
        // Sort by the first 64 bits of each key first (big-endian, zero-padded, which orders like
        // the key itself) and compare whole keys only on ties: most comparisons stay in registers.
        std::vector<std::pair<quint64, quint32>> prefixed(n);
        for (quint32 i = 0; i < n; ++i)
            prefixed[i] = {prefixOf(keyAt(i)), i};
        std::sort(prefixed.begin(), prefixed.end(), [&](const auto &a, const auto &b) {
            if (a.first != b.first)
                return a.first < b.first;
            return keyAt(a.second) < keyAt(b.second);
        });
        std::vector<quint32> byKey(n);
        for (quint32 i = 0; i < n; ++i)
            byKey[i] = prefixed[i].second;
        prefixed = {};
        std::vector<quint32> rank(n);
        set.m_pool.reserve(m_pool.size());
        set.m_termOffsets.reserve(std::size_t(n) + 1);
        set.m_termOffsets.push_back(0);
        for (quint32 i = 0; i < n; ++i) {
            rank[byKey[i]] = i;
            const View key = keyAt(byKey[i]);
            set.m_pool.insert(set.m_pool.end(), key.begin(), key.end());
            set.m_termOffsets.push_back(quint32(set.m_pool.size()));
        }
        byKey = {};
        wipePool();
        m_pool = {};
        m_offsets = {0};
        m_slots = {};

        std::size_t kept = 0;
        for (quint64 p : m_pairs) {
            const qint32 doc = docOrder[std::size_t(quint32(p))];
            if (doc >= 0)
                m_pairs[kept++] = quint64(rank[p >> 32]) << 32 | quint32(doc);
        }
        m_pairs.resize(kept);
        rank = {};
        radixSort(m_pairs, 0);
        m_pairs.erase(std::unique(m_pairs.begin(), m_pairs.end()), m_pairs.end());
        set.m_postings.reserve(m_pairs.size());
        set.m_postingOffsets.assign(std::size_t(n) + 1, 0);
        for (quint64 p : m_pairs) {
            set.m_postings.push_back(qint32(quint32(p)));
            ++set.m_postingOffsets[std::size_t(p >> 32) + 1];
        }
        for (quint32 i = 0; i < n; ++i)
            set.m_postingOffsets[i + 1] += set.m_postingOffsets[i];
        m_pairs = {};

        if (grams != GramKind::None) {
            std::vector<quint64> gramPairs;
            std::vector<quint32> scratch;
            for (quint32 i = 0; i < n; ++i) {
                TermSet<Char>::gramsOf(set.term(i), grams, scratch);
                for (quint32 g : scratch)
                    gramPairs.push_back(quint64(g) << 32 | i);
            }
            // Pairs were pushed in term order: a stable sort on the gram half keeps each gram's
            // terms sorted.
            radixSort(gramPairs, 32);
            set.m_gramTerms.reserve(gramPairs.size());
            for (quint64 p : gramPairs) {
                const quint32 g = quint32(p >> 32);
                if (set.m_gramKeys.empty() || set.m_gramKeys.back() != g) {
                    set.m_gramKeys.push_back(g);
                    set.m_gramOffsets.push_back(quint32(set.m_gramTerms.size()));
                }
                set.m_gramTerms.push_back(qint32(quint32(p)));
            }
            set.m_gramOffsets.push_back(quint32(set.m_gramTerms.size()));
            set.m_gramKeys.shrink_to_fit();
            set.m_gramOffsets.shrink_to_fit();
        }
        return set;
    }

private:
    static quint64 prefixOf(View key)
    {
        constexpr int bits = int(sizeof(Char)) * 8;
        constexpr std::size_t units = 64 / bits;
        quint64 p = 0;
        for (std::size_t i = 0; i < units; ++i)
            p = (p << bits) | (i < key.size() ? quint64(std::make_unsigned_t<Char>(key[i])) : 0);
        return p;
    }

    View keyAt(quint32 id) const
    {
        return View(m_pool.data() + m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
    }

    void rehash(std::size_t size)
    {
        m_slots.assign(size, 0);
        const std::size_t mask = size - 1;
        for (quint32 id = 0; id + 1 < m_offsets.size(); ++id) {
            std::size_t i = std::hash<View>{}(keyAt(id)) & mask;
            while (m_slots[i] != 0)
                i = (i + 1) & mask;
            m_slots[i] = id + 1;
        }
    }

    void wipePool()
    {
        if (!m_pool.empty())
            explicit_bzero(m_pool.data(), m_pool.size() * sizeof(Char));
    }

    std::vector<Char> m_pool;
    std::vector<quint32> m_offsets{0};
    std::vector<quint32> m_slots; // id + 1, 0 = empty; size is a power of two, at most half full
    std::vector<quint64> m_pairs;
};

using LatinTermSet = TermSet<char>;
using HanTermSet = TermSet<char16_t>;

} // namespace mdp::search
