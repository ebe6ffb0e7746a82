#pragma once

#include "mdp/foundation/Clock.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace mdp::deid {

// What a span of Chinese clinical free text identifies. The first four carry their own
// check or an unmistakable form and must reach 100 % recall; the others are found by context
// (labels, cue words, name and place vocabularies) by TextDeidentifier.
enum class IdentifierKind
{
    ResidentId,  // 18-character resident identity number (registry::ResidentId: check, region, birth date)
    BankCard,    // 13 to 19 digits passing the Luhn check
    MobilePhone, // 11 digits, 1[3-9]..., optionally after +86 / 86
    Email,
    Landline,     // 0xx-xxxxxxxx, (0xx)xxxxxxxx, extensions, 400/800 numbers, labelled local numbers
    RecordNumber, // medical record, admission, outpatient, accession, examination, bed numbers (by label)
    OtherId,      // other labelled numbers: insurance card, passport, WeChat, QQ, ...
    PersonName,
    Address,
    Institution, // hospitals, health centres, universities, employers
    Department,  // clinical departments, wards, clinics
    Date,        // any date more precise than a year, with its time of day
    Age          // ages over 89
};
inline constexpr int kIdentifierKindCount = int(IdentifierKind::Age) + 1;

struct Finding
{
    IdentifierKind kind;
    qsizetype start = 0; // in UTF-16 units of the text searched
    qsizetype length = 0;

    qsizetype end() const { return start + length; }
    friend bool operator==(const Finding &, const Finding &) = default;
};

// A stable ASCII name for reports and command lines, e.g. "resident-id", "person-name".
QString kindName(IdentifierKind kind);

// The Luhn check over a string of ASCII digits (at least two).
bool passesLuhn(QStringView digits);

// Every checkable identifier in `text`, in order, not overlapping. Full-width digits (０-９) count as
// digits; a bank card may be written in groups separated by single spaces or hyphens. A run of digits
// is taken whole: digits inside a longer number are not an identifier of their own. `clock` bounds a
// resident ID's birth date. The full finder is TextDeidentifier::findIdentifiers.
QList<Finding> findCheckableIdentifiers(QStringView text, const Clock &clock = SystemClock::instance());

// The typed placeholder that replaces a finding, e.g. "[身份证号]".
QString placeholder(IdentifierKind kind);
// `text` with each finding replaced by its placeholder (findings in order, not overlapping).
QString redact(QStringView text, const QList<Finding> &findings);

} // namespace mdp::deid
