#pragma once

#include <QString>
#include <QStringList>

namespace mdp::cohort {

class CohortRandom;

// A county-level division used for synthetic resident IDs and addresses (GB/T 2260 code).
struct Region
{
    QString code;  // six digits
    QString label; // "四川省成都市武侯区"
};

// The pools synthetic people are drawn from: common surnames, characters common in women's given
// names, and administrative divisions weighted towards Sichuan (the reference case's hospital).
// Only combinations are drawn; no list of real people is involved.
class SyntheticPopulation
{
public:
    static QString surname(CohortRandom &random);
    static QString givenName(CohortRandom &random);
    static const Region &region(CohortRandom &random);
    // Staff names on reports (pathologist, physicist): surname plus one character.
    static QString staffName(CohortRandom &random);
};

} // namespace mdp::cohort
