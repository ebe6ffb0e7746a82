#pragma once

#include <QByteArray>
#include <QDate>

#include <functional>

namespace mdp::disease {

// What a demo fill is asked for: how many synthetic patients, from which seed, with histories up
// to which day, and rendered documents for every n-th patient (0: none; a pack renders only when
// the process can paint).
struct DemoCohortRequest
{
    int patients = 0;
    quint64 seed = 2026;
    QDate asOf;
    int documentEvery = 0;
    // Called before each patient record and once at the end; false stops the import (the records
    // imported so far stay).
    std::function<bool(int done, int total)> progress;
};

struct DemoCohortReport
{
    int patientsImported = 0;
    int patientsSkipped = 0; // already in the registry: left alone
    int events = 0;
    int documents = 0;
    int duplicatesQueued = 0;
    bool cancelled = false;
    bool documentsSkipped = false; // documents were asked for but this process cannot paint
    qint64 elapsedMs = 0;
    QByteArray digest; // identifies the generated cohort (same seed and day, same digest)
};

} // namespace mdp::disease
