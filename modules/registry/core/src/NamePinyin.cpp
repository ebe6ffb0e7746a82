#include "NamePinyin.h"

#include "mdp/text/Pinyin.h"

namespace mdp::registry {

NameReading nameReading(const PersonName &name)
{
    const bool han = !name.family.isEmpty() || !name.given.isEmpty();
    const text::PinyinName reading = han ? text::toPinyinName(name.family, name.given)
                                         : text::toPinyinName(name.familyLatin, name.givenLatin);
    return NameReading{reading.full, reading.initials};
}

QString textPinyin(QStringView text)
{
    return text::toPinyin(text);
}

} // namespace mdp::registry
