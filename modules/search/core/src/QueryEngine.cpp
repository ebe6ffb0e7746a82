#include "QueryEngine.h"

#include "mdp/text/Normalize.h"
#include "mdp/text/Pinyin.h"

#include <algorithm>
#include <tuple>

namespace mdp::search {
namespace {

constexpr int kMaxTokens = 8;
constexpr quint8 kNoMatch = 0xFF;

std::string utf8(const QString &s)
{
    const QByteArray b = s.toUtf8();
    return std::string(b.constData(), std::size_t(b.size()));
}

// Typos allowed for a Latin token of this length in the pinyin and diagnosis fields.
int maxTyposFor(std::size_t length)
{
    if (length >= 7)
        return 2;
    if (length >= 4)
        return 1;
    return 0;
}

// The smallest gram list of the key: every term holding the key is in it. Empty when some gram of
// the key occurs nowhere (no term can hold the key).
template<typename Set>
std::span<const qint32> rarestGramTerms(const Set &set, typename Set::View key, GramKind kind)
{
    std::vector<quint32> grams;
    Set::gramsOf(key, kind, grams);
    std::span<const qint32> best;
    bool first = true;
    for (quint32 g : grams) {
        const auto terms = set.gramTerms(g);
        if (terms.empty())
            return {};
        if (first || terms.size() < best.size())
            best = terms;
        first = false;
    }
    return best;
}

template<typename Set, typename Visit>
bool exactIn(const Set &set, MatchField field, bool han, typename Set::View q, Visit &visit)
{
    if (const auto t = set.find(q))
        return visit(TermMatch{field, han, *t, 0, set.docs(*t)});
    return true;
}

template<typename Set, typename Visit>
bool prefixIn(const Set &set, MatchField field, bool han, typename Set::View q, Visit &visit)
{
    const auto [lo, hi] = set.prefixRange(q);
    for (quint32 t = lo; t < hi; ++t) {
        if (set.termLength(t) == q.size())
            continue; // the exact term, matched by the class before
        if (!visit(TermMatch{field, han, t, 0, set.docs(t)}))
            return false;
    }
    return true;
}

template<typename Set, typename Visit>
bool infixIn(const Set &set, MatchField field, bool han, typename Set::View q, GramKind kind, Visit &visit)
{
    if (!set.hasGrams())
        return true;
    for (qint32 t : rarestGramTerms(set, q, kind)) {
        const auto term = set.term(quint32(t));
        if (term.size() <= q.size() || term.substr(0, q.size()) == q || term.find(q) == Set::View::npos)
            continue;
        if (!visit(TermMatch{field, han, quint32(t), 0, set.docs(quint32(t))}))
            return false;
    }
    return true;
}

} // namespace

QList<QueryToken> QueryEngine::tokenize(const QString &query)
{
    QList<QueryToken> out;
    for (const QString &word : text::searchTokens(query)) {
        for (const QString &run : text::splitHanRuns(word)) {
            if (out.size() == kMaxTokens)
                return out;
            QueryToken t;
            t.han = text::containsHan(run);
            if (t.han) {
                t.hanKey =
                    std::u16string(reinterpret_cast<const char16_t *>(run.utf16()), std::size_t(run.size()));
                t.homophone = utf8(text::toPinyin(run));
            } else {
                t.latin = utf8(run);
            }
            out.append(std::move(t));
        }
    }
    return out;
}

QueryEngine::QueryEngine(std::shared_ptr<const IndexSnapshot> snapshot, const QString &query,
                         SearchFilter filter, int limit)
    : m_snapshot(std::move(snapshot))
    , m_query(query)
    , m_filter(std::move(filter))
    , m_limit(limit)
    , m_tokens(tokenize(query))
{
    if (m_tokens.isEmpty() || m_limit <= 0 || !m_snapshot)
        m_finished = true;
    else if (m_tokens.size() == 1)
        m_kinds = kindsFor(m_tokens.front());
}

QList<MatchKind> QueryEngine::kindsFor(const QueryToken &token) const
{
    if (token.han)
        return {MatchKind::Exact, MatchKind::Prefix, MatchKind::Infix, MatchKind::Homophone};
    return {MatchKind::ExactId, MatchKind::Exact, MatchKind::Prefix, MatchKind::Infix, MatchKind::Fuzzy};
}

template<typename Visit>
bool QueryEngine::forEachTerm(const IndexSegment &seg, const QueryToken &token, MatchKind kind,
                              Visit &&visit) const
{
    const bool identity = m_filter.identityAccess != IdentityAccess::None;
    if (token.han) {
        const std::u16string_view q = token.hanKey;
        const HanTermSet &names = seg.hanSet(MatchField::Name);
        const HanTermSet &diagnoses = seg.hanSet(MatchField::Diagnosis);
        switch (kind) {
        case MatchKind::Exact:
            return (!identity || exactIn(names, MatchField::Name, true, q, visit)) &&
                   exactIn(diagnoses, MatchField::Diagnosis, true, q, visit);
        case MatchKind::Prefix:
            return (!identity || prefixIn(names, MatchField::Name, true, q, visit)) &&
                   prefixIn(diagnoses, MatchField::Diagnosis, true, q, visit);
        case MatchKind::Infix:
            return (!identity ||
                    infixIn(names, MatchField::Name, true, q, GramKind::HanUnigramsAndBigrams, visit)) &&
                   infixIn(diagnoses, MatchField::Diagnosis, true, q, GramKind::HanUnigramsAndBigrams, visit);
        case MatchKind::Homophone: {
            if (!identity || token.homophone.empty())
                return true;
            const std::string_view p = token.homophone;
            const LatinTermSet &pinyin = seg.latinSet(MatchField::Pinyin);
            return exactIn(pinyin, MatchField::Pinyin, false, p, visit) &&
                   prefixIn(pinyin, MatchField::Pinyin, false, p, visit) &&
                   (p.size() < 3 ||
                    infixIn(pinyin, MatchField::Pinyin, false, p, GramKind::LatinTrigrams, visit));
        }
        default:
            return true;
        }
    }

    const std::string_view q = token.latin;
    const LatinTermSet &ids = seg.latinSet(MatchField::PseudonymId);
    const LatinTermSet &pinyin = seg.latinSet(MatchField::Pinyin);
    const LatinTermSet &initials = seg.latinSet(MatchField::PinyinInitials);
    const LatinTermSet &codes = seg.latinSet(MatchField::DiagnosisCode);
    const LatinTermSet &words = seg.latinSet(MatchField::Diagnosis);
    switch (kind) {
    case MatchKind::ExactId:
        return exactIn(ids, MatchField::PseudonymId, false, q, visit);
    case MatchKind::Exact:
        return (!identity || (exactIn(pinyin, MatchField::Pinyin, false, q, visit) &&
                              exactIn(initials, MatchField::PinyinInitials, false, q, visit))) &&
               exactIn(codes, MatchField::DiagnosisCode, false, q, visit) &&
               exactIn(words, MatchField::Diagnosis, false, q, visit);
    case MatchKind::Prefix:
        return prefixIn(ids, MatchField::PseudonymId, false, q, visit) &&
               (!identity || (prefixIn(pinyin, MatchField::Pinyin, false, q, visit) &&
                              prefixIn(initials, MatchField::PinyinInitials, false, q, visit))) &&
               prefixIn(codes, MatchField::DiagnosisCode, false, q, visit) &&
               prefixIn(words, MatchField::Diagnosis, false, q, visit);
    case MatchKind::Infix:
        if (q.size() < 3)
            return true;
        return infixIn(ids, MatchField::PseudonymId, false, q, GramKind::LatinTrigrams, visit) &&
               (!identity || infixIn(pinyin, MatchField::Pinyin, false, q, GramKind::LatinTrigrams, visit)) &&
               infixIn(codes, MatchField::DiagnosisCode, false, q, GramKind::LatinTrigrams, visit) &&
               infixIn(words, MatchField::Diagnosis, false, q, GramKind::LatinTrigrams, visit);
    case MatchKind::Fuzzy: {
        const int maxTypos = maxTyposFor(q.size());
        if (maxTypos == 0)
            return true;
        std::vector<TermMatch> found;
        auto collect = [&](const LatinTermSet &set, MatchField field, int typosAllowed) {
            set.fuzzy(
                q, typosAllowed,
                [&](quint32 t, int typos) {
                    if (typos > 0)
                        found.push_back(TermMatch{field, false, t, typos, set.docs(t)});
                },
                m_cancelled);
        };
        if (q.size() >= 8)
            collect(ids, MatchField::PseudonymId, 1); // ids are random: one slip only
        if (identity)
            collect(pinyin, MatchField::Pinyin, maxTypos);
        collect(words, MatchField::Diagnosis, maxTypos);
        auto lengthGap = [&](const TermMatch &m) {
            const std::size_t n = seg.latinSet(m.field).termLength(m.term);
            return n > q.size() ? n - q.size() : q.size() - n;
        };
        std::stable_sort(found.begin(), found.end(), [&](const TermMatch &a, const TermMatch &b) {
            return std::make_tuple(a.typos, a.field, lengthGap(a)) <
                   std::make_tuple(b.typos, b.field, lengthGap(b));
        });
        for (const TermMatch &m : found) {
            if (!visit(m))
                return false;
        }
        return true;
    }
    default:
        return true;
    }
}

bool QueryEngine::tick()
{
    if ((++m_work & 4095) == 0 && isCancelled())
        return false;
    return true;
}

bool QueryEngine::admissible(int segment, qint32 doc, bool identityField)
{
    const IndexSegment &s = m_snapshot->segment(segment);
    if (m_snapshot->isReplaced(segment, doc))
        return false;
    if (!m_filter.includeMerged && s.isMerged(doc))
        return false;
    if (m_filter.sex && s.sex(doc) != *m_filter.sex)
        return false;
    if (identityField && !m_filter.identityVisible(s.identityClass(doc)))
        return false;
    if (m_filter.mayAccess) {
        const quint64 key = quint64(segment) << 32 | quint32(doc);
        const auto it = m_access.constFind(key);
        if (it != m_access.constEnd())
            return it.value();
        const bool ok = m_filter.mayAccess(s.patientId(doc));
        m_access.insert(key, ok);
        return ok;
    }
    return true;
}

QString QueryEngine::termText(int segment, const TermMatch &m) const
{
    const IndexSegment &s = m_snapshot->segment(segment);
    if (m.han) {
        const auto v = s.hanSet(m.field).term(m.term);
        return QString(reinterpret_cast<const QChar *>(v.data()), qsizetype(v.size()));
    }
    const auto v = s.latinSet(m.field).term(m.term);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}

SearchHit QueryEngine::makeHit(int segment, qint32 doc, MatchKind kind, MatchField field, int typos,
                               const QString &matchedTerm) const
{
    const IndexSegment &s = m_snapshot->segment(segment);
    SearchHit h;
    h.patientId = s.patientId(doc);
    h.pseudonymId = s.pseudonymId(doc);
    if (m_filter.identityVisible(s.identityClass(doc))) {
        h.displayName = s.displayName(doc);
        h.pinyin = s.pinyin(doc);
    }
    h.sex = s.sex(doc);
    h.birthDate = s.birthDate(doc);
    h.diagnosis = s.diagnosisSummary(doc);
    h.kind = kind;
    h.field = field;
    h.typos = typos;
    h.matchedTerm = matchedTerm;
    h.rank = m_hitCount;
    return h;
}

QList<SearchHit> QueryEngine::runClass(MatchKind kind)
{
    QList<SearchHit> batch;
    const QueryToken &token = m_tokens.front();
    bool more = true;
    for (int seg = 0; more && seg < m_snapshot->segmentCount(); ++seg) {
        more = forEachTerm(m_snapshot->segment(seg), token, kind, [&](const TermMatch &m) {
            QString term; // built once per term, on its first hit
            const bool identityField = isIdentityField(m.field);
            for (qint32 doc : m.docs) {
                if (!tick())
                    return false;
                const quint64 key = quint64(seg) << 32 | quint32(doc);
                if (m_emitted.contains(key) || !admissible(seg, doc, identityField))
                    continue;
                if (term.isNull())
                    term = termText(seg, m);
                batch.append(makeHit(seg, doc, kind, m.field, m.typos, term));
                m_emitted.insert(key);
                if (++m_hitCount >= m_limit)
                    return false;
            }
            return true;
        });
    }
    return batch;
}

void QueryEngine::runMultiToken()
{
    // Per document and token the best match as one byte, smaller is better:
    // kind (3 bits) | typos (2 bits) | field (3 bits).
    auto encode = [](MatchKind kind, int typos, MatchField field) {
        return quint8(quint8(kind) << 5 | quint8(std::min(typos, 3)) << 3 | quint8(field));
    };
    std::vector<quint64> ranked; // worst kind | sum of kinds | sum of typos | segment | document
    std::vector<quint8> firstField;
    for (int seg = 0; seg < m_snapshot->segmentCount(); ++seg) {
        const IndexSegment &s = m_snapshot->segment(seg);
        const std::size_t n = std::size_t(s.docCount());
        std::vector<std::vector<quint8>> best(std::size_t(m_tokens.size()), std::vector<quint8>(n, kNoMatch));
        for (qsizetype t = 0; t < m_tokens.size(); ++t) {
            std::vector<quint8> &column = best[std::size_t(t)];
            const QueryToken &token = m_tokens[t];
            for (MatchKind kind : kindsFor(token)) {
                forEachTerm(s, token, kind, [&](const TermMatch &m) {
                    const quint8 code = encode(kind, m.typos, m.field);
                    const bool identityField = isIdentityField(m.field);
                    for (qint32 doc : m.docs) {
                        if (!tick())
                            return false;
                        quint8 &c = column[std::size_t(doc)];
                        if (code < c && (!identityField || m_filter.identityVisible(s.identityClass(doc))))
                            c = code;
                    }
                    return true;
                });
                if (isCancelled())
                    return;
            }
        }
        for (std::size_t doc = 0; doc < n; ++doc) {
            quint64 worst = 0, sumKinds = 0, sumTypos = 0;
            bool all = true;
            for (const auto &column : best) {
                const quint8 c = column[doc];
                if (c == kNoMatch) {
                    all = false;
                    break;
                }
                worst = std::max<quint64>(worst, c >> 5);
                sumKinds += c >> 5;
                sumTypos += (c >> 3) & 3;
            }
            if (!all)
                continue;
            ranked.push_back(worst << 60 | sumKinds << 52 | sumTypos << 44 | quint64(seg) << 32 | doc);
            firstField.push_back(best.front()[doc] & 7);
        }
        if (isCancelled())
            return;
    }
    std::vector<std::size_t> order(ranked.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return ranked[a] < ranked[b]; });
    int currentKind = -1;
    for (std::size_t i : order) {
        if (!tick())
            return;
        const quint64 r = ranked[i];
        const int seg = int((r >> 32) & 1);
        const qint32 doc = qint32(quint32(r));
        if (!admissible(seg, doc, false))
            continue;
        const int kind = int(r >> 60);
        if (kind != currentKind) {
            m_queued.append(QList<SearchHit>());
            currentKind = kind;
        }
        m_queued.back().append(
            makeHit(seg, doc, MatchKind(kind), MatchField(firstField[i]), int((r >> 44) & 0xFF), QString()));
        if (++m_hitCount >= m_limit)
            break;
    }
}

QList<SearchHit> QueryEngine::nextBatch()
{
    if (m_finished)
        return {};
    if (m_tokens.size() > 1) {
        if (!m_multiDone) {
            m_multiDone = true;
            runMultiToken();
        }
        if (isCancelled() || m_queued.isEmpty()) {
            m_finished = true;
            return {};
        }
        QList<SearchHit> batch = m_queued.takeFirst();
        m_finished = m_queued.isEmpty();
        return batch;
    }
    while (m_step < m_kinds.size()) {
        if (isCancelled() || m_hitCount >= m_limit)
            break;
        QList<SearchHit> batch = runClass(m_kinds[m_step++]);
        if (isCancelled())
            break;
        if (!batch.isEmpty()) {
            if (m_step == m_kinds.size() || m_hitCount >= m_limit)
                m_finished = true;
            return batch;
        }
    }
    m_finished = true;
    return {};
}

} // namespace mdp::search
