#pragma once

#include <QChar>
#include <QDate>
#include <QMetaType>
#include <QString>
#include <QUuid>

namespace mdp::search {

// How a hit matched, best first: results are ordered by kind, then by typos, then by field.
enum class MatchKind : quint8
{
    ExactId,   // the whole pseudonymous id
    Exact,     // a whole name, pinyin, initials, code or diagnosis word
    Prefix,    // the start of one
    Infix,     // inside one (n-gram lookup)
    Homophone, // Hanzi typed with other characters of the same pinyin (章伟 for 张伟)
    Fuzzy,     // one or two typos (Latin and pinyin only)
};

// Which field matched, in the order fields rank within a kind.
enum class MatchField : quint8
{
    PseudonymId,
    Name,
    Pinyin,
    PinyinInitials,
    DiagnosisCode,
    Diagnosis,
};

// Stable identifiers: "exact-id", "exact", "prefix", "infix", "homophone", "fuzzy".
QString matchKindId(MatchKind kind);
// "pseudonym", "name", "pinyin", "initials", "diagnosis-code", "diagnosis".
QString matchFieldId(MatchField field);
// True for the fields that reveal identity (name, pinyin, initials).
bool isIdentityField(MatchField field);

struct SearchHit
{
    QUuid patientId;
    QString pseudonymId;
    QString displayName; // empty unless the filter lets the caller see this patient's identity
    QString pinyin;      // likewise
    QChar sex = u'U';
    QDate birthDate;
    QString diagnosis; // the patient's diagnoses as one line, for the result list
    MatchKind kind = MatchKind::Exact;
    MatchField field = MatchField::PseudonymId;
    int typos = 0;
    QString matchedTerm; // the search key that matched (an identity key only when visible)
    int rank = 0;        // position in the result list, 0 = best

    bool operator==(const SearchHit &) const = default;
};

} // namespace mdp::search

Q_DECLARE_METATYPE(mdp::search::SearchHit)
