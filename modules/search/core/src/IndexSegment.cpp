#include "IndexSegment.h"

#include "mdp/text/Normalize.h"
#include "mdp/text/Pinyin.h"

#include <string.h> // explicit_bzero

#include <cstring>

#include <algorithm>
#include <limits>
#include <numeric>

namespace mdp::search {
namespace {

constexpr qint32 kNoDate = std::numeric_limits<qint32>::min();
constexpr qsizetype kMaxCachedTexts = 100000;

// A total order on patient ids that is cheap to evaluate (QUuid::operator< looks at the variant
// first). Sorting and lookup both use it.
bool idLess(const QUuid &a, const QUuid &b)
{
    static_assert(sizeof(QUuid) == 16);
    return std::memcmp(&a, &b, sizeof(QUuid)) < 0;
}

template<typename T> void wipeVector(std::vector<T> &v)
{
    if (!v.empty())
        explicit_bzero(v.data(), v.size() * sizeof(T));
}

std::string latinKey(const QString &key)
{
    const QByteArray utf8 = key.toUtf8();
    return std::string(utf8.constData(), std::size_t(utf8.size()));
}

std::u16string_view utf16(const QString &s)
{
    return std::u16string_view(reinterpret_cast<const char16_t *>(s.utf16()), std::size_t(s.size()));
}

std::u16string hanKey(const QString &key)
{
    return std::u16string(reinterpret_cast<const char16_t *>(key.utf16()), std::size_t(key.size()));
}

template<typename T> void permute(std::vector<T> &v, const std::vector<qint32> &order, std::size_t kept)
{
    std::vector<T> out(kept);
    for (std::size_t d = 0; d < v.size(); ++d) {
        if (order[d] >= 0)
            out[std::size_t(order[d])] = std::move(v[d]);
    }
    v.swap(out);
}

// Pool + offsets columns, renumbered.
template<typename Char>
void permutePool(std::vector<Char> &pool, std::vector<quint32> &offsets, const std::vector<qint32> &order,
                 std::size_t kept)
{
    std::vector<qint32> docAt(kept, -1);
    for (std::size_t d = 0; d < order.size(); ++d) {
        if (order[d] >= 0)
            docAt[std::size_t(order[d])] = qint32(d);
    }
    std::vector<Char> newPool;
    newPool.reserve(pool.size());
    std::vector<quint32> newOffsets{0};
    newOffsets.reserve(kept + 1);
    for (qint32 d : docAt) {
        newPool.insert(newPool.end(), pool.begin() + offsets[std::size_t(d)],
                       pool.begin() + offsets[std::size_t(d) + 1]);
        newOffsets.push_back(quint32(newPool.size()));
    }
    wipeVector(pool);
    pool.swap(newPool);
    offsets.swap(newOffsets);
}

} // namespace

IndexSegment::~IndexSegment()
{
    wipeVector(m_idPool);
    wipeVector(m_namePool);
    m_ids.wipe();
    m_pinyin.wipe();
    m_initials.wipe();
    m_codes.wipe();
    m_diagnosisWords.wipe();
    m_names.wipe();
    m_diagnosisHan.wipe();
}

std::optional<qint32> IndexSegment::docOf(const QUuid &patientId) const
{
    const auto it = std::lower_bound(m_patientIds.begin(), m_patientIds.end(), patientId, idLess);
    if (it == m_patientIds.end() || *it != patientId)
        return std::nullopt;
    return qint32(it - m_patientIds.begin());
}

QDate IndexSegment::birthDate(qint32 doc) const
{
    const qint32 day = m_birthDays[std::size_t(doc)];
    return day == kNoDate ? QDate() : QDate::fromJulianDay(day);
}

QString IndexSegment::pseudonymId(qint32 doc) const
{
    const auto d = std::size_t(doc);
    return QString::fromUtf8(m_idPool.data() + m_idOffsets[d],
                             qsizetype(m_idOffsets[d + 1] - m_idOffsets[d]));
}

QString IndexSegment::displayName(qint32 doc) const
{
    const auto d = std::size_t(doc);
    return QString(reinterpret_cast<const QChar *>(m_namePool.data() + m_nameOffsets[d]),
                   qsizetype(m_nameOffsets[d + 1] - m_nameOffsets[d]));
}

QString IndexSegment::diagnosisSummary(qint32 doc) const
{
    const quint32 line = m_diagnosisOfDoc.empty() ? kNoTerm : m_diagnosisOfDoc[std::size_t(doc)];
    return line == kNoTerm ? QString() : m_diagnosisLines[line];
}

QString IndexSegment::pinyin(qint32 doc) const
{
    const quint32 t = m_pinyinTerm[std::size_t(doc)];
    if (t == kNoTerm)
        return {};
    const auto view = m_pinyin.term(t);
    return QString::fromUtf8(view.data(), qsizetype(view.size()));
}

const LatinTermSet &IndexSegment::latinSet(MatchField field) const
{
    switch (field) {
    case MatchField::PseudonymId:
        return m_ids;
    case MatchField::Pinyin:
        return m_pinyin;
    case MatchField::PinyinInitials:
        return m_initials;
    case MatchField::DiagnosisCode:
        return m_codes;
    case MatchField::Diagnosis:
    case MatchField::Name:
        break;
    }
    return m_diagnosisWords;
}

const HanTermSet &IndexSegment::hanSet(MatchField field) const
{
    return field == MatchField::Name ? m_names : m_diagnosisHan;
}

quint64 IndexSegment::memoryBytes() const
{
    quint64 bytes = sizeof(*this);
    bytes += m_patientIds.capacity() * sizeof(QUuid) + m_birthDays.capacity() * sizeof(qint32) +
             m_sex.capacity() * sizeof(char16_t) + m_flags.capacity() + m_idPool.capacity() +
             m_idOffsets.capacity() * sizeof(quint32) + m_namePool.capacity() * sizeof(char16_t) +
             m_nameOffsets.capacity() * sizeof(quint32) + m_pinyinTerm.capacity() * sizeof(quint32);
    for (const LatinTermSet *s : {&m_ids, &m_pinyin, &m_initials, &m_codes, &m_diagnosisWords})
        bytes += s->memoryBytes();
    for (const HanTermSet *s : {&m_names, &m_diagnosisHan})
        bytes += s->memoryBytes();
    return bytes;
}

quint64 IndexSegment::termCount() const
{
    return quint64(m_ids.size()) + m_pinyin.size() + m_initials.size() + m_codes.size() +
           m_diagnosisWords.size() + m_names.size() + m_diagnosisHan.size();
}

quint64 IndexSegment::postingCount() const
{
    return m_ids.postingCount() + m_pinyin.postingCount() + m_initials.postingCount() +
           m_codes.postingCount() + m_diagnosisWords.postingCount() + m_names.postingCount() +
           m_diagnosisHan.postingCount();
}

// ---- builder ----------------------------------------------------------------------------------

SegmentBuilder::SegmentBuilder()
    : m_segment(new IndexSegment)
{
    m_segment->m_idOffsets.push_back(0);
    m_segment->m_nameOffsets.push_back(0);
}

SegmentBuilder::~SegmentBuilder()
{
    for (std::string &p : m_pinyinOfDoc) {
        if (!p.empty())
            explicit_bzero(p.data(), p.size());
    }
}

void SegmentBuilder::add(const PatientSearchRecord &r)
{
    IndexSegment &s = *m_segment;
    const qint32 doc = qint32(s.m_patientIds.size());
    s.m_patientIds.push_back(r.patientId);
    s.m_birthDays.push_back(r.birthDate.isValid() ? qint32(r.birthDate.toJulianDay()) : kNoDate);
    s.m_sex.push_back(r.sex.unicode());
    s.m_flags.push_back(
        quint8((r.identityClass == IdentityClass::Restricted ? IndexSegment::kRestrictedIdentity : 0) |
               (r.merged ? IndexSegment::kMerged : 0)));

    QStringList lines;
    for (const QString &diagnosis : r.diagnoses) {
        if (!diagnosis.trimmed().isEmpty() && !lines.contains(diagnosis.trimmed()))
            lines << diagnosis.trimmed();
    }
    const QString line = lines.join(QStringLiteral(" · "));
    if (line.isEmpty()) {
        s.m_diagnosisOfDoc.push_back(IndexSegment::kNoTerm);
    } else {
        const auto [it, added] = m_diagnosisLineIds.try_emplace(line, quint32(s.m_diagnosisLines.size()));
        if (added)
            s.m_diagnosisLines.push_back(line);
        s.m_diagnosisOfDoc.push_back(it->second);
    }

    const QByteArray id = r.pseudonymId.toUtf8();
    s.m_idPool.insert(s.m_idPool.end(), id.begin(), id.end());
    s.m_idOffsets.push_back(quint32(s.m_idPool.size()));
    m_ids.add(latinKey(text::searchKey(r.pseudonymId)), doc);

    const QString fullName = r.familyName + r.givenName;
    const QString display = r.displayName.isEmpty() ? fullName : r.displayName;
    s.m_namePool.insert(s.m_namePool.end(), reinterpret_cast<const char16_t *>(display.utf16()),
                        reinterpret_cast<const char16_t *>(display.utf16()) + display.size());
    s.m_nameOffsets.push_back(quint32(s.m_namePool.size()));

    const QString nameKey = text::searchKey(fullName.isEmpty() ? display : fullName);
    for (const QString &run : text::splitHanRuns(nameKey)) {
        if (text::containsHan(run))
            m_names.add(hanKey(run), doc);
        else
            m_pinyin.add(latinKey(run), doc); // a name written in Latin letters
    }

    QString pinyin = text::searchKey(r.pinyin);
    QString initials = text::searchKey(r.pinyinInitials);
    if (pinyin.isEmpty() || initials.isEmpty()) {
        const text::PinyinName p = fullName.isEmpty() ? text::toPinyinFullName(display)
                                                      : text::toPinyinName(r.familyName, r.givenName);
        if (pinyin.isEmpty())
            pinyin = p.full;
        if (initials.isEmpty())
            initials = p.initials;
    }
    std::string pinyinKey = latinKey(pinyin);
    m_pinyin.add(pinyinKey, doc);
    m_pinyinOfDoc.push_back(std::move(pinyinKey));
    m_initials.add(latinKey(initials), doc);
    if (!r.latinName.isEmpty())
        m_pinyin.add(latinKey(text::searchKey(r.latinName)), doc);

    for (const QString &diagnosis : r.diagnoses) {
        const std::u16string_view text = utf16(diagnosis);
        auto it = m_diagnosisKeys.find(text);
        if (it == m_diagnosisKeys.end()) {
            std::vector<quint32> keys;
            for (const QString &token : text::searchTokens(diagnosis)) {
                for (const QString &run : text::splitHanRuns(token)) {
                    if (text::containsHan(run))
                        keys.push_back(m_diagnosisHan.intern(hanKey(run)) | kHanKey);
                    else
                        keys.push_back(m_diagnosisWords.intern(latinKey(run)));
                }
            }
            if (m_diagnosisKeys.size() >= kMaxCachedTexts)
                m_diagnosisKeys.clear(); // free text that rarely repeats: keep the cache bounded
            it = m_diagnosisKeys.emplace(std::u16string(text), std::move(keys)).first;
        }
        for (quint32 key : it->second) {
            if (key & kHanKey)
                m_diagnosisHan.addInterned(key & ~kHanKey, doc);
            else
                m_diagnosisWords.addInterned(key, doc);
        }
    }
    for (const QString &code : r.diagnosisCodes) {
        const std::u16string_view text = utf16(code);
        auto it = m_codeKeys.find(text);
        if (it == m_codeKeys.end()) {
            const std::string key = latinKey(text::searchKey(code));
            if (key.empty())
                continue;
            if (m_codeKeys.size() >= kMaxCachedTexts)
                m_codeKeys.clear();
            it = m_codeKeys.emplace(std::u16string(text), m_codes.intern(key)).first;
        }
        m_codes.addInterned(it->second, doc);
    }
}

void SegmentBuilder::reserve(qsizetype records)
{
    const auto n = std::size_t(std::max<qsizetype>(records, 0));
    IndexSegment &s = *m_segment;
    s.m_patientIds.reserve(n);
    s.m_birthDays.reserve(n);
    s.m_sex.reserve(n);
    s.m_flags.reserve(n);
    s.m_idPool.reserve(n * 14);
    s.m_idOffsets.reserve(n + 1);
    s.m_namePool.reserve(n * 3);
    s.m_nameOffsets.reserve(n + 1);
    m_pinyinOfDoc.reserve(n);
    m_ids.reserve(n, n);
    m_pinyin.reserve(n / 2, n);
    m_initials.reserve(n / 64, n);
    m_names.reserve(n / 2, n);
    m_codes.reserve(1024, n * 2);
    m_diagnosisWords.reserve(1024, n * 4);
    m_diagnosisHan.reserve(1024, n * 3);
}

std::shared_ptr<const IndexSegment> SegmentBuilder::finish()
{
    IndexSegment &s = *m_segment;
    const std::size_t n = s.m_patientIds.size();
    // Renumber in patient-id order; of two records with the same id the later one stays.
    std::vector<qint32> byId(n);
    std::iota(byId.begin(), byId.end(), 0);
    std::stable_sort(byId.begin(), byId.end(), [&](qint32 a, qint32 b) {
        return idLess(s.m_patientIds[std::size_t(a)], s.m_patientIds[std::size_t(b)]);
    });
    std::vector<qint32> order(n, -1);
    std::size_t kept = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const bool lastOfItsId =
            i + 1 == n || s.m_patientIds[std::size_t(byId[i])] != s.m_patientIds[std::size_t(byId[i + 1])];
        if (lastOfItsId)
            order[std::size_t(byId[i])] = qint32(kept++);
    }
    byId.clear();
    byId.shrink_to_fit();

    permute(s.m_patientIds, order, kept);
    permute(s.m_birthDays, order, kept);
    permute(s.m_sex, order, kept);
    permute(s.m_flags, order, kept);
    permute(s.m_diagnosisOfDoc, order, kept);
    m_diagnosisLineIds.clear();
    permutePool(s.m_idPool, s.m_idOffsets, order, kept);
    permutePool(s.m_namePool, s.m_nameOffsets, order, kept);

    s.m_ids = m_ids.build(GramKind::LatinTrigrams, order);
    s.m_pinyin = m_pinyin.build(GramKind::LatinTrigrams, order);
    s.m_initials = m_initials.build(GramKind::None, order);
    s.m_codes = m_codes.build(GramKind::LatinTrigrams, order);
    s.m_diagnosisWords = m_diagnosisWords.build(GramKind::LatinTrigrams, order);
    s.m_names = m_names.build(GramKind::HanUnigramsAndBigrams, order);
    s.m_diagnosisHan = m_diagnosisHan.build(GramKind::HanUnigramsAndBigrams, order);

    s.m_pinyinTerm.assign(kept, IndexSegment::kNoTerm);
    for (std::size_t d = 0; d < n; ++d) {
        if (order[d] < 0)
            continue;
        if (const auto t = s.m_pinyin.find(m_pinyinOfDoc[d]))
            s.m_pinyinTerm[std::size_t(order[d])] = *t;
    }
    for (std::string &p : m_pinyinOfDoc) {
        if (!p.empty())
            explicit_bzero(p.data(), p.size());
    }
    m_pinyinOfDoc.clear();
    m_pinyinOfDoc.shrink_to_fit();

    m_diagnosisKeys.clear();
    m_codeKeys.clear();
    std::shared_ptr<const IndexSegment> out(m_segment.release());
    m_segment.reset(new IndexSegment);
    m_segment->m_idOffsets.push_back(0);
    m_segment->m_nameOffsets.push_back(0);
    return out;
}

} // namespace mdp::search
