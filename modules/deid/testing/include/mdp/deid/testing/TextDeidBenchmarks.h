#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>

namespace mdp::deid::testing {

// `mdp bench deid`: free-text de-identification throughput in MB/s of UTF-8 input over a synthetic
// corpus of about `megabytes` MB (SyntheticNoteGenerator), each against a baseline measured in the same
// run on the same text: the checkable-only finder (findCheckableIdentifiers) for finding, and the
// UTF-8 decode and encode the command line pays anyway for the whole `mdp deid text` path.
QList<BenchLine> runTextDeidBenchmarks(int megabytes = 4);

} // namespace mdp::deid::testing
