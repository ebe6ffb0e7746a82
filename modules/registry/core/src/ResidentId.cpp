#include "mdp/registry/ResidentId.h"

#include "mdp/registry/PatientIdentifier.h"

#include <QCoreApplication>

#include <array>

namespace mdp::registry {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("mdp::registry::ResidentId", text);
}

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

// ISO 7064 MOD 11-2 weights 2^(17-i) mod 11 for the 17 leading digits.
constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

} // namespace

QChar ResidentId::checkCharacter(QStringView first17)
{
    if (first17.size() != 17)
        return {};
    int sum = 0;
    for (int i = 0; i < 17; ++i) {
        const QChar c = first17.at(i);
        if (!isAsciiDigit(c))
            return {};
        sum += (c.unicode() - u'0') * kWeights[std::size_t(i)];
    }
    const int check = (12 - sum % 11) % 11;
    return check == 10 ? QLatin1Char('X') : QChar(char16_t(u'0' + check));
}

bool ResidentId::isProvinceCode(QStringView twoDigits)
{
    // GB/T 2260 province-level divisions; 71 Taiwan, 81 Hong Kong, 82 Macao; 83 is used by the
    // residence permits of Hong Kong, Macao and Taiwan residents.
    static const std::array<int, 35> codes{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34,
                                           35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
                                           53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};
    if (twoDigits.size() != 2 || !isAsciiDigit(twoDigits.at(0)) || !isAsciiDigit(twoDigits.at(1)))
        return false;
    const int code = (twoDigits.at(0).unicode() - u'0') * 10 + (twoDigits.at(1).unicode() - u'0');
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

Result<ResidentIdInfo> ResidentId::parse(QStringView text, const Clock &clock)
{
    const QString id = PatientIdentifier::normalisedValue(text);
    if (id.isEmpty())
        return invalid(tr("The resident ID is empty."));
    if (id.size() == 15)
        return invalid(tr("This is a 15-digit resident ID of the old format; enter the 18-character "
                          "number of the current card."));
    if (id.size() != 18)
        return invalid(tr("A resident ID has 18 characters; this one has %1.").arg(id.size()));
    for (int i = 0; i < 17; ++i) {
        if (!isAsciiDigit(id.at(i)))
            return invalid(tr("The first 17 characters of a resident ID must be digits (character %1 is "
                              "not).")
                               .arg(i + 1));
    }
    const QChar last = id.at(17);
    if (!isAsciiDigit(last) && last != u'X')
        return invalid(tr("The last character of a resident ID must be a digit or X."));
    if (!isProvinceCode(QStringView(id).first(2)))
        return invalid(tr("The region code of the resident ID does not start with a province code "
                          "(characters 1-2)."));
    const QDate birth = QDate::fromString(id.mid(6, 8), QStringLiteral("yyyyMMdd"));
    if (!birth.isValid() || birth.year() < 1850)
        return invalid(tr("The birth date in the resident ID (characters 7-14) is not a valid date."));
    if (birth > clock.now().toLocalTime().date()) // the local calendar, as on the card
        return invalid(tr("The birth date in the resident ID (characters 7-14) lies in the future."));
    if (checkCharacter(QStringView(id).first(17)) != last)
        return invalid(tr("The check character of the resident ID does not match: a digit was "
                          "probably mistyped."));
    ResidentIdInfo info;
    info.normalised = id;
    info.regionCode = id.left(6);
    info.birthDate = birth;
    info.sex = ((id.at(16).unicode() - u'0') % 2 == 1) ? Sex::Male : Sex::Female;
    return info;
}

} // namespace mdp::registry
