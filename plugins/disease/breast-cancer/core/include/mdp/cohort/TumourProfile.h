#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace mdp::cohort {

// Intrinsic subtype by the St Gallen 2013 surrogate definitions (ER, PR, HER2, Ki-67).
enum class MolecularSubtype
{
    LuminalA,
    LuminalBHer2Negative,
    LuminalBHer2Positive,
    Her2Enriched,
    TripleNegative
};

// "luminal-a", "luminal-b-her2-negative", "luminal-b-her2-positive", "her2-enriched", "tnbc".
QString molecularSubtypeId(MolecularSubtype subtype);
std::optional<MolecularSubtype> molecularSubtypeFromId(QStringView id);
// Chinese label as written in the reports ("三阴性", "Luminal A型", ...).
QString molecularSubtypeLabel(MolecularSubtype subtype);

// The tumour of one synthetic patient at diagnosis (Appendix A: pathological type, cTNM, molecular
// subtype). Receptor values agree with the subtype.
struct TumourProfile
{
    QString pathologyId;     // "invasive-ductal", "invasive-lobular", "mixed-ductal-lobular", ...
    QString pathologyLabel;  // "浸润性导管癌" ...
    QString icdO3Morphology; // "8500/3"
    int grade = 2;           // Nottingham histological grade 1..3
    QString laterality;      // "left" / "right"
    QString quadrantLabel;   // "外上象限" ...
    QString icd10;           // C50.x by quadrant
    int sizeMm = 0;          // largest diameter on baseline imaging
    QString cT;              // "cT2", "cT4b"
    QString cN;              // "cN1"
    QString cM;              // "cM0"
    QString stageGroup;      // AJCC 8th anatomic: "IIA" ...
    MolecularSubtype subtype = MolecularSubtype::TripleNegative;
    int erPercent = 0;
    int prPercent = 0;
    QString her2Ihc; // "0", "1+", "2+", "3+"
    bool her2FishAmplified = false;
    int ki67Percent = 0;
    int tilsPercent = 0; // stromal tumour-infiltrating lymphocytes

    QString ctnm() const { return cT + cN.mid(1) + cM.mid(1); } // "cT2N0M0"
    bool isHer2Positive() const { return her2Ihc == QStringLiteral("3+") || her2FishAmplified; }
    bool isHormoneReceptorPositive() const { return erPercent >= 1 || prPercent >= 1; }
};

} // namespace mdp::cohort
