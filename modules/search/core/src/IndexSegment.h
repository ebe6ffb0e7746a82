#pragma once

#include "mdp/search/PatientSearchRecord.h"
#include "mdp/search/SearchHit.h"

#include "TermSet.h"

#include <QUuid>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace mdp::search {

// An immutable slice of the index: per-patient columns (in patient-id order) and one term set per
// searchable field. The index is a large base segment built at unlock plus a small delta segment
// for records changed since.
class IndexSegment
{
public:
    static constexpr quint8 kRestrictedIdentity = 0x01;
    static constexpr quint8 kMerged = 0x02;
    static constexpr quint32 kNoTerm = 0xFFFFFFFFu;

    ~IndexSegment(); // wipes the string pools before they are freed

    qint32 docCount() const { return qint32(m_patientIds.size()); }
    std::optional<qint32> docOf(const QUuid &patientId) const;

    const QUuid &patientId(qint32 doc) const { return m_patientIds[std::size_t(doc)]; }
    IdentityClass identityClass(qint32 doc) const
    {
        return (m_flags[std::size_t(doc)] & kRestrictedIdentity) ? IdentityClass::Restricted
                                                                 : IdentityClass::Standard;
    }
    bool isMerged(qint32 doc) const { return m_flags[std::size_t(doc)] & kMerged; }
    QChar sex(qint32 doc) const { return QChar(char16_t(m_sex[std::size_t(doc)])); }
    QDate birthDate(qint32 doc) const;
    QString pseudonymId(qint32 doc) const;
    QString displayName(qint32 doc) const;
    QString pinyin(qint32 doc) const;
    // The patient's diagnoses as one line ("浸润性导管癌 · TNBC"), for the search result list.
    QString diagnosisSummary(qint32 doc) const;

    const LatinTermSet &latinSet(MatchField field) const;
    const HanTermSet &hanSet(MatchField field) const;

    quint64 memoryBytes() const;
    quint64 termCount() const;
    quint64 postingCount() const;

private:
    friend class SegmentBuilder;

    std::vector<QUuid> m_patientIds;
    std::vector<qint32> m_birthDays; // Julian day, or kNoDate
    std::vector<char16_t> m_sex;
    std::vector<quint8> m_flags;
    std::vector<char> m_idPool; // as the registry writes the id (UTF-8)
    std::vector<quint32> m_idOffsets;
    std::vector<char16_t> m_namePool;
    std::vector<quint32> m_nameOffsets;
    std::vector<quint32> m_pinyinTerm; // index into m_pinyin, or kNoTerm
    // Diagnosis lines repeat across a cohort: each distinct line is kept once.
    std::vector<QString> m_diagnosisLines;
    std::vector<quint32> m_diagnosisOfDoc; // index into m_diagnosisLines, or kNoTerm

    LatinTermSet m_ids;
    LatinTermSet m_pinyin; // pinyin of the name and Latin spellings of it
    LatinTermSet m_initials;
    LatinTermSet m_codes;
    LatinTermSet m_diagnosisWords; // Latin words of diagnosis texts ("tnbc", "her2positive")
    HanTermSet m_names;            // Han runs of the name ("张伟")
    HanTermSet m_diagnosisHan;     // Han runs of diagnosis texts ("浸润性导管癌")
};

// Turns records into a segment. Records may come in any order; a patient id given twice keeps
// its last record.
class SegmentBuilder
{
public:
    SegmentBuilder();
    ~SegmentBuilder();
    void reserve(qsizetype records); // optional; saves regrowth on large builds
    void add(const PatientSearchRecord &record);
    qsizetype size() const { return qsizetype(m_segment->m_patientIds.size()); }
    std::shared_ptr<const IndexSegment> finish();

private:
    std::unique_ptr<IndexSegment> m_segment;
    std::vector<std::string> m_pinyinOfDoc;
    std::unordered_map<QString, quint32> m_diagnosisLineIds;
    TermSetBuilder<char> m_ids, m_pinyin, m_initials, m_codes, m_diagnosisWords;
    TermSetBuilder<char16_t> m_names, m_diagnosisHan;
    // Diagnosis texts and codes repeat across patients: their interned keys are remembered (Han
    // keys with kHanKey set) so each distinct text is tokenised once.
    static constexpr quint32 kHanKey = 0x80000000u;
    struct TextHash
    {
        using is_transparent = void;
        std::size_t operator()(std::u16string_view v) const { return std::hash<std::u16string_view>{}(v); }
    };
    std::unordered_map<std::u16string, std::vector<quint32>, TextHash, std::equal_to<>> m_diagnosisKeys;
    std::unordered_map<std::u16string, quint32, TextHash, std::equal_to<>> m_codeKeys;
};

} // namespace mdp::search
