#pragma once

#include "mdp/foundation/BenchLine.h"
#include "mdp/search/PatientSearchRecord.h"

#include <functional>

#include <QList>
#include <QString>

namespace mdp::search {

// Figures for the search part of `mdp bench registry --json` (R-6.4.1a; issue goal: p95 <= 20 ms
// at 1 000 000 patients).
//
// Generates `patients` synthetic patients (fixed seed: Chinese names from common surnames and
// given-name characters, their pinyin, birth dates, breast-cancer diagnoses with ICD-10 and ICD-O
// codes, pseudonymous ids), builds the in-memory index, and runs a fixed mix of top-20 queries
// (exact id, id prefix, Chinese name fragment, pinyin with one typo, pinyin initials, diagnosis
// keyword, diagnosis code) three times after one warm-up pass (the baseline once after its warm-up).
//
// Baseline, same run, same rows, same query strings: Debian's `sqlite3` program with an FTS5
// trigram table, run as a child process on a database in `scratchDir` (synthetic data only;
// SQLite with FTS5 is never loaded into this process, which holds SQLCipher). Without the
// program the baseline values are 0 and extra.baseline_error says why.
//
// Lines (bench "registry"): search-p50 and search-p95 (ms, lower is better), search-build (ms),
// search-memory (bytes per patient; baseline: FTS5 database file size per patient).
QList<mdp::BenchLine> runSearchBenchmarks(const QString &scratchDir, int patients = 1000000);

// What sealed identity costs the search box (issue 9 part 2, `mdp bench keys`): the same synthetic
// patients indexed twice, once from plain records (the baseline: the index as it was built before
// identity was sealed) and once from records whose identity is sealed and opened again on the way
// into the index, as the workspace's index builder does. `seal` and `open` are the registry's
// (the search module does not depend on it): `seal` fills `sealed` from a record's identity
// fields (untimed: it happens when a patient is written), `open` fills them back in from it
// (timed, part of the build). Lines (bench "keys"): identity-search-p95 (ms; goal < 2 ms at a
// million patients) and identity-index-build (ms), both against the plain index.
using IdentitySealFn = std::function<QByteArray(const PatientSearchRecord &record)>;
using IdentityOpenFn = std::function<bool(const QByteArray &sealed, PatientSearchRecord &record)>;
QList<mdp::BenchLine> runIdentitySearchBenchmarks(int patients, const IdentitySealFn &seal,
                                                  const IdentityOpenFn &open);

} // namespace mdp::search
