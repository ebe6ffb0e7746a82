#pragma once

#include "mdp/cohort/CohortOptions.h"
#include "mdp/cohort/SyntheticPatient.h"

#include <QByteArray>
#include <QList>

namespace mdp::cohort {

// Synthetic breast-cancer cohort after the reference case of JH/CAA 008-2025 Appendix A:
// neoadjuvant radiotherapy combined with PD-1 immunotherapy, with pathological type, cTNM stage,
// molecular subtype and age. Every name, resident ID and value is made up: names are combinations of
// common surnames and given-name characters, resident IDs are built with a valid GB 11643 check
// character over a real region code and the synthetic birth date, unique within the cohort.
//
// Deterministic: the same options give the same cohort on every run and machine (mt19937_64 with
// our own distributions; no system randomness, no clock).
class CohortGenerator
{
public:
    explicit CohortGenerator(CohortOptions options);

    const CohortOptions &options() const { return m_options; }
    QList<SyntheticPatient> generate() const;

    // SM3 over a canonical serialisation of the drafts (demographics, identifiers, events, document
    // data): equal digests mean equal cohorts.
    static QByteArray digest(const QList<SyntheticPatient> &cohort);

private:
    CohortOptions m_options;
};

} // namespace mdp::cohort
