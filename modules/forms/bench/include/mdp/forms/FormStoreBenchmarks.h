#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>
#include <QString>

namespace mdp::forms {

// `mdp bench forms`: opening a record with `versions` versions (default 50) as the review screen
// does (record + full history + field diff between the last two formal versions) on an encrypted
// SM4 database in `scratchDir`, against reading the same number of rows of raw JSON from the same
// database and parsing them. p50 in microseconds; audit writes are not included (null sink).
QList<BenchLine> runFormStoreBenchmarks(const QString &scratchDir, int versions = 50);

} // namespace mdp::forms
