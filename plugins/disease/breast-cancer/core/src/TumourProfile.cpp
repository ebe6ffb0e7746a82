#include "mdp/cohort/TumourProfile.h"

namespace mdp::cohort {

QString molecularSubtypeId(MolecularSubtype subtype)
{
    switch (subtype) {
    case MolecularSubtype::LuminalA:
        return QStringLiteral("luminal-a");
    case MolecularSubtype::LuminalBHer2Negative:
        return QStringLiteral("luminal-b-her2-negative");
    case MolecularSubtype::LuminalBHer2Positive:
        return QStringLiteral("luminal-b-her2-positive");
    case MolecularSubtype::Her2Enriched:
        return QStringLiteral("her2-enriched");
    case MolecularSubtype::TripleNegative:
        return QStringLiteral("tnbc");
    }
    return {};
}

std::optional<MolecularSubtype> molecularSubtypeFromId(QStringView id)
{
    for (auto s : {MolecularSubtype::LuminalA, MolecularSubtype::LuminalBHer2Negative,
                   MolecularSubtype::LuminalBHer2Positive, MolecularSubtype::Her2Enriched,
                   MolecularSubtype::TripleNegative}) {
        if (molecularSubtypeId(s) == id)
            return s;
    }
    return std::nullopt;
}

QString molecularSubtypeLabel(MolecularSubtype subtype)
{
    switch (subtype) {
    case MolecularSubtype::LuminalA:
        return QStringLiteral("Luminal A型");
    case MolecularSubtype::LuminalBHer2Negative:
        return QStringLiteral("Luminal B型 (HER2阴性)");
    case MolecularSubtype::LuminalBHer2Positive:
        return QStringLiteral("Luminal B型 (HER2阳性)");
    case MolecularSubtype::Her2Enriched:
        return QStringLiteral("HER2过表达型");
    case MolecularSubtype::TripleNegative:
        return QStringLiteral("三阴性 (TNBC)");
    }
    return {};
}

} // namespace mdp::cohort
