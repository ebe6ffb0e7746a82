#pragma once

#include "mdp/cohort/TumourProfile.h"

namespace mdp::cohort {

class CohortRandom;

// Draws a tumour at diagnosis with the proportions of a neoadjuvant breast-cancer cohort: mostly
// invasive ductal carcinoma, cT2 and node-positive disease frequent, TNBC about one in six, receptor
// values consistent with the subtype, M0 nearly always.
class TumourSampler
{
public:
    static TumourProfile draw(CohortRandom &random);
    // AJCC 8th edition anatomic stage group for T ("cT2", "cT4b"), N ("cN1") and M ("cM0").
    static QString stageGroup(const QString &t, const QString &n, const QString &m);
};

} // namespace mdp::cohort
