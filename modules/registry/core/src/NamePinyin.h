#pragma once

#include "mdp/registry/PersonName.h"

#include <QString>
#include <QStringView>

namespace mdp::registry {

// Pinyin of a name as the registry stores and compares it: lower case, no spaces or tones
// ("张三" -> "zhangsan", initials "zs"), surnames read as surnames (单 shan). A name without Han
// characters gives its Latin letters ("ZHANG San" -> "zhangsan", "zs").
struct NameReading
{
    QString full;
    QString initials;
};
NameReading nameReading(const PersonName &name);

// Pinyin of free text typed into a search box ("张" -> "zhang", "Zhang" -> "zhang").
QString textPinyin(QStringView text);

} // namespace mdp::registry
