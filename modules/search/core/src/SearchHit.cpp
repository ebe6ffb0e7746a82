#include "mdp/search/SearchHit.h"

namespace mdp::search {

QString matchKindId(MatchKind kind)
{
    switch (kind) {
    case MatchKind::ExactId:
        return QStringLiteral("exact-id");
    case MatchKind::Exact:
        return QStringLiteral("exact");
    case MatchKind::Prefix:
        return QStringLiteral("prefix");
    case MatchKind::Infix:
        return QStringLiteral("infix");
    case MatchKind::Homophone:
        return QStringLiteral("homophone");
    case MatchKind::Fuzzy:
        return QStringLiteral("fuzzy");
    }
    return {};
}

QString matchFieldId(MatchField field)
{
    switch (field) {
    case MatchField::PseudonymId:
        return QStringLiteral("pseudonym");
    case MatchField::Name:
        return QStringLiteral("name");
    case MatchField::Pinyin:
        return QStringLiteral("pinyin");
    case MatchField::PinyinInitials:
        return QStringLiteral("initials");
    case MatchField::DiagnosisCode:
        return QStringLiteral("diagnosis-code");
    case MatchField::Diagnosis:
        return QStringLiteral("diagnosis");
    }
    return {};
}

bool isIdentityField(MatchField field)
{
    return field == MatchField::Name || field == MatchField::Pinyin || field == MatchField::PinyinInitials;
}

} // namespace mdp::search
