#pragma once

#include <QtGlobal>

namespace mdp::search {

// Size of the in-memory index, for the benchmark and for deciding when to rebuild.
struct SearchIndexStats
{
    qint64 patients = 0;       // live records
    qint64 bytes = 0;          // heap held by the index structures (capacities, not sizes)
    qint64 terms = 0;          // distinct keys over all fields
    qint64 postings = 0;       // (key, patient) pairs
    qint64 pendingChanges = 0; // records in the delta segment or removed since the last build

    double bytesPerPatient() const { return patients > 0 ? double(bytes) / double(patients) : 0; }
};

} // namespace mdp::search
