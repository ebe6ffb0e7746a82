#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace mdp::deid {

// Identifiers whose form can be checked, found in free text without a vocabulary: the part of the
// Chinese clinical-note de-identification that must reach 100 % recall.
enum class IdentifierKind
{
    ResidentId,  // 18-character resident identity number (GB 11643: ISO 7064 MOD 11-2 check, birth date)
    BankCard,    // 13 to 19 digits passing the Luhn check
    MobilePhone, // 11 digits, 1[3-9]..., optionally after +86 / 86
    Email
};

struct Finding
{
    IdentifierKind kind;
    qsizetype start = 0; // in UTF-16 units of the text searched
    qsizetype length = 0;
};

// GB 11643-1999: 17 digits, then a check character (0-9 or X) under ISO 7064 MOD 11-2, and a
// birth date (characters 7-14) that exists and lies between 1900 and `latestYear`.
bool isValidResidentId(QStringView id, int latestYear = 2100);
// The Luhn check over a string of ASCII digits (at least two).
bool passesLuhn(QStringView digits);

// Every checkable identifier in `text`, in order, not overlapping. Full-width digits (０-９) count as
// digits; a bank card may be written in groups separated by single spaces or hyphens. A run of digits
// is taken whole: digits inside a longer number are not an identifier of their own.
QList<Finding> findCheckableIdentifiers(QStringView text);

// The typed placeholder that replaces a finding, e.g. "[身份证号]".
QString placeholder(IdentifierKind kind);
// `text` with each finding replaced by its placeholder.
QString redact(QStringView text, const QList<Finding> &findings);

} // namespace mdp::deid
