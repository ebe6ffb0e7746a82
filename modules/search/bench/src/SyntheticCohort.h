#pragma once

#include "mdp/search/PatientSearchRecord.h"

#include <QRandomGenerator>

namespace mdp::search {

// Deterministic synthetic breast-cancer patients for the search benchmark: the same seed gives the
// same sequence on every machine (QRandomGenerator is a fixed Mersenne Twister).
class SyntheticCohort
{
public:
    explicit SyntheticCohort(quint32 seed);

    // Fills the next patient (and its plain-text columns for the baseline).
    PatientSearchRecord next();

private:
    QRandomGenerator m_random;
};

} // namespace mdp::search
