#pragma once

#include "mdp/foundation/Clock.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace mdp::deid {

// Identifiers whose form can be checked, found in free text without a vocabulary: the part of the
// Chinese clinical-note de-identification that must reach 100 % recall.
enum class IdentifierKind
{
    ResidentId,  // 18-character resident identity number (registry::ResidentId: check, region, birth date)
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

// The Luhn check over a string of ASCII digits (at least two).
bool passesLuhn(QStringView digits);

// Every checkable identifier in `text`, in order, not overlapping. Full-width digits (０-９) count as
// digits; a bank card may be written in groups separated by single spaces or hyphens. A run of digits
// is taken whole: digits inside a longer number are not an identifier of their own. `clock` bounds a
// resident ID's birth date.
QList<Finding> findCheckableIdentifiers(QStringView text, const Clock &clock = SystemClock::instance());

// The typed placeholder that replaces a finding, e.g. "[身份证号]".
QString placeholder(IdentifierKind kind);
// `text` with each finding replaced by its placeholder.
QString redact(QStringView text, const QList<Finding> &findings);

} // namespace mdp::deid
