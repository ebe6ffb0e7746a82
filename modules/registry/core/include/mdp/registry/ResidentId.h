#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/registry/Sex.h"

#include <QChar>
#include <QDate>
#include <QString>
#include <QStringView>

namespace mdp::registry {

// What an 18-character resident identity number says about its holder.
struct ResidentIdInfo
{
    QString normalised; // upper-case 'X'
    QString regionCode; // first six digits (GB/T 2260 administrative division)
    QDate birthDate;
    Sex sex = Sex::Unknown; // from the parity of the sequence number (odd: male)
};

// GB 11643-1999 citizen identity number: six-digit region code, eight-digit birth date, three-digit
// sequence number, ISO 7064 MOD 11-2 check character (0-9 or X). Messages name what is wrong but
// never repeat the number.
class ResidentId
{
public:
    // Error::Code::InvalidArgument for any fault: length, characters, region (first two digits not
    // a province-level code), impossible birth date or one after today (by `clock`), check character.
    static Result<ResidentIdInfo> parse(QStringView text, const Clock &clock);
    // The check character for 17 digits; a null QChar if `first17` is not 17 ASCII digits.
    static QChar checkCharacter(QStringView first17);
    // Whether the two leading digits name a province-level division (GB/T 2260), Hong Kong, Macao
    // or Taiwan (81, 82, 71) or the residence permits of their residents (83).
    static bool isProvinceCode(QStringView twoDigits);
};

} // namespace mdp::registry
