#include "mdp/registry/Sex.h"

namespace mdp::registry {

QString sexCode(Sex sex)
{
    switch (sex) {
    case Sex::Male:
        return QStringLiteral("M");
    case Sex::Female:
        return QStringLiteral("F");
    case Sex::Unspecified:
        return QStringLiteral("O");
    case Sex::Unknown:
        break;
    }
    return QStringLiteral("U");
}

std::optional<Sex> sexFromCode(QStringView code)
{
    const QString c = code.trimmed().toString().toUpper();
    if (c == u"M")
        return Sex::Male;
    if (c == u"F")
        return Sex::Female;
    if (c == u"O")
        return Sex::Unspecified;
    if (c == u"U")
        return Sex::Unknown;
    return std::nullopt;
}

} // namespace mdp::registry
