#include "TumourSampler.h"

#include "mdp/cohort/CohortRandom.h"

namespace mdp::cohort {

namespace {

struct Pathology
{
    const char *id;
    const char *label;
    const char *morphology;
};

const Pathology kDuctal{"invasive-ductal", "浸润性导管癌", "8500/3"};
const Pathology kLobular{"invasive-lobular", "浸润性小叶癌", "8520/3"};
const Pathology kMixed{"mixed-ductal-lobular", "浸润性导管癌伴小叶癌成分", "8522/3"};
const Pathology kMucinous{"mucinous", "黏液癌", "8480/3"};
const Pathology kMicropapillary{"invasive-micropapillary", "浸润性微乳头状癌", "8507/3"};
const Pathology kMetaplastic{"metaplastic", "化生性癌", "8575/3"};

Pathology pathologyFor(MolecularSubtype subtype, CohortRandom &random)
{
    // Lobular and mucinous carcinomas are almost always hormone-receptor positive; metaplastic
    // carcinoma is mostly triple negative.
    switch (subtype) {
    case MolecularSubtype::LuminalA:
    case MolecularSubtype::LuminalBHer2Negative:
        switch (random.weighted({0.78, 0.11, 0.05, 0.04, 0.02})) {
        case 1:
            return kLobular;
        case 2:
            return kMixed;
        case 3:
            return kMucinous;
        case 4:
            return kMicropapillary;
        default:
            return kDuctal;
        }
    case MolecularSubtype::TripleNegative:
        return random.chance(0.93) ? kDuctal : kMetaplastic;
    case MolecularSubtype::LuminalBHer2Positive:
    case MolecularSubtype::Her2Enriched:
        return random.chance(0.96) ? kDuctal : kMicropapillary;
    }
    return kDuctal;
}

struct Quadrant
{
    const char *label;
    const char *icd10;
};

const Quadrant kQuadrants[] = {
    {"外上象限", "C50.4"}, {"内上象限", "C50.2"}, {"外下象限", "C50.5"},
    {"内下象限", "C50.3"}, {"乳晕区", "C50.1"},
};

QString her2Negative(CohortRandom &random, bool &fish)
{
    fish = false;
    switch (random.weighted({0.35, 0.40, 0.25})) {
    case 0:
        return QStringLiteral("0");
    case 1:
        return QStringLiteral("1+");
    default:
        return QStringLiteral("2+"); // FISH not amplified
    }
}

QString her2Positive(CohortRandom &random, bool &fish)
{
    if (random.chance(0.8)) {
        fish = false;
        return QStringLiteral("3+");
    }
    fish = true;
    return QStringLiteral("2+");
}

} // namespace

QString TumourSampler::stageGroup(const QString &t, const QString &n, const QString &m)
{
    if (m == QStringLiteral("cM1"))
        return QStringLiteral("IV");
    const int tn = t.size() > 2 ? t.at(2).digitValue() : 0;
    const int nn = n.size() > 2 ? n.at(2).digitValue() : 0;
    if (nn == 3)
        return QStringLiteral("IIIC");
    if (tn == 4)
        return QStringLiteral("IIIB");
    if (nn == 2 || (tn == 3 && nn == 1))
        return QStringLiteral("IIIA");
    if ((tn == 2 && nn == 1) || (tn == 3 && nn == 0))
        return QStringLiteral("IIB");
    if ((tn <= 1 && nn == 1) || (tn == 2 && nn == 0))
        return QStringLiteral("IIA");
    return QStringLiteral("IA");
}

TumourProfile TumourSampler::draw(CohortRandom &random)
{
    TumourProfile t;
    // Luminal A 22 %, Luminal B HER2- 33 %, Luminal B HER2+ 13 %, HER2-enriched 14 %, TNBC 18 %.
    t.subtype = MolecularSubtype(random.weighted({0.22, 0.33, 0.13, 0.14, 0.18}));
    const Pathology p = pathologyFor(t.subtype, random);
    t.pathologyId = QString::fromLatin1(p.id);
    t.pathologyLabel = QString::fromUtf8(p.label);
    t.icdO3Morphology = QString::fromLatin1(p.morphology);

    switch (t.subtype) {
    case MolecularSubtype::LuminalA:
        t.erPercent = random.uniform(6, 19) * 5;
        t.prPercent = random.uniform(4, 18) * 5;
        t.her2Ihc = her2Negative(random, t.her2FishAmplified);
        t.ki67Percent = random.uniform(3, 14);
        t.grade = random.weighted({0.45, 0.5, 0.05}) + 1;
        break;
    case MolecularSubtype::LuminalBHer2Negative:
        t.erPercent = random.uniform(2, 19) * 5;
        t.prPercent = random.chance(0.4) ? random.uniform(0, 3) * 5 : random.uniform(4, 18) * 5;
        t.her2Ihc = her2Negative(random, t.her2FishAmplified);
        t.ki67Percent = random.uniform(4, 14) * 5;
        t.grade = random.weighted({0.1, 0.55, 0.35}) + 1;
        break;
    case MolecularSubtype::LuminalBHer2Positive:
        t.erPercent = random.uniform(1, 18) * 5;
        t.prPercent = random.uniform(0, 14) * 5;
        t.her2Ihc = her2Positive(random, t.her2FishAmplified);
        t.ki67Percent = random.uniform(3, 14) * 5;
        t.grade = random.weighted({0.05, 0.5, 0.45}) + 1;
        break;
    case MolecularSubtype::Her2Enriched:
        t.erPercent = 0;
        t.prPercent = 0;
        t.her2Ihc = her2Positive(random, t.her2FishAmplified);
        t.ki67Percent = random.uniform(5, 17) * 5;
        t.grade = random.weighted({0.02, 0.38, 0.6}) + 1;
        break;
    case MolecularSubtype::TripleNegative:
        t.erPercent = 0;
        t.prPercent = 0;
        t.her2Ihc = her2Negative(random, t.her2FishAmplified);
        t.ki67Percent = random.uniform(6, 18) * 5;
        t.grade = random.weighted({0.01, 0.19, 0.8}) + 1;
        break;
    }
    const bool immuneHot =
        t.subtype == MolecularSubtype::TripleNegative || t.subtype == MolecularSubtype::Her2Enriched;
    t.tilsPercent = immuneHot ? random.uniform(1, 12) * 5 : random.uniform(0, 5) * 5;

    t.laterality = random.chance(0.52) ? QStringLiteral("left") : QStringLiteral("right");
    const Quadrant &q = kQuadrants[random.weighted({0.5, 0.15, 0.12, 0.08, 0.15})];
    t.quadrantLabel = QString::fromUtf8(q.label);
    t.icd10 = QString::fromLatin1(q.icd10);

    // Neoadjuvant cohorts are mostly cT2-3 and node positive; cT1 mainly for TNBC and HER2+.
    const bool aggressive = t.subtype == MolecularSubtype::TripleNegative || t.isHer2Positive();
    const int tIndex = random.weighted({aggressive ? 0.14 : 0.05, 0.55, 0.22, 0.09}) + 1;
    switch (tIndex) {
    case 1:
        t.sizeMm = random.uniform(12, 20);
        t.cT = QStringLiteral("cT1c");
        break;
    case 2:
        t.sizeMm = random.uniform(21, 50);
        t.cT = QStringLiteral("cT2");
        break;
    case 3:
        t.sizeMm = random.uniform(51, 85);
        t.cT = QStringLiteral("cT3");
        break;
    default:
        t.sizeMm = random.uniform(30, 95);
        t.cT = random.chance(0.8) ? QStringLiteral("cT4b") : QStringLiteral("cT4d");
        break;
    }
    t.cN = QStringLiteral("cN%1").arg(random.weighted({0.33, 0.42, 0.18, 0.07}));
    t.cM = random.chance(0.02) ? QStringLiteral("cM1") : QStringLiteral("cM0");
    t.stageGroup = stageGroup(t.cT, t.cN, t.cM);
    return t;
}

} // namespace mdp::cohort
