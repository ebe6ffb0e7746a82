#pragma once

#include <QDate>

namespace mdp::cohort {

// What CohortGenerator makes. The content depends on these values only (never on the clock or on
// system randomness), so one seed always gives the same cohort.
struct CohortOptions
{
    int patients = 100; // registry records, near-duplicates included
    quint64 seed = 2026;
    // The cohort's "today": histories stop here (follow-ups, ongoing therapy). A fixed default keeps
    // the command line reproducible from day to day; the workstation demo passes the current date.
    QDate asOf = QDate(2026, 6, 30);
    // Every n-th patient record is a second registration of an earlier patient (same name, birth
    // date and sex; another or no resident ID), so the duplicates queue has work. 0: none.
    int nearDuplicateEvery = 25;
    // Every n-th patient gets one event per radiotherapy fraction besides the course. 0: none.
    int fractionDetailEvery = 10;
};

} // namespace mdp::cohort
