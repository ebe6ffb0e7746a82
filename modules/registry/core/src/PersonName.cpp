#include "mdp/registry/PersonName.h"

#include "mdp/text/Pinyin.h"

namespace mdp::registry {

namespace {

bool isHan(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) || (u >= 0xF900 && u <= 0xFAFF);
}

} // namespace

QString PersonName::display() const
{
    if (!family.isEmpty() || !given.isEmpty())
        return family + given;
    if (familyLatin.isEmpty())
        return givenLatin;
    if (givenLatin.isEmpty())
        return familyLatin;
    return familyLatin + QLatin1Char(' ') + givenLatin;
}

bool PersonName::isEmpty() const
{
    return family.trimmed().isEmpty() && given.trimmed().isEmpty() && familyLatin.trimmed().isEmpty() &&
           givenLatin.trimmed().isEmpty();
}

PersonName PersonName::fromFullName(const QString &fullName)
{
    const QString name = fullName.simplified();
    PersonName result;
    bool han = false;
    for (QChar c : name)
        han = han || isHan(c);
    if (han) {
        const QString compact = QString(name).remove(QLatin1Char(' '));
        const qsizetype surnameLength = std::max<qsizetype>(1, text::familyNameLength(compact));
        result.family = compact.left(surnameLength);
        result.given = compact.mid(surnameLength);
        return result;
    }
    const qsizetype space = name.indexOf(QLatin1Char(' '));
    if (space < 0) {
        result.familyLatin = name;
    } else {
        result.familyLatin = name.left(space);
        result.givenLatin = name.mid(space + 1);
    }
    return result;
}

} // namespace mdp::registry
