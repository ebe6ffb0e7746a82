#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>

namespace mdp::forms {

// Validation cost per keystroke for `mdp bench forms`: a generated 200-field form (decimals,
// integers, dates, choices, multi-choices, codes, patterned text; 20 cross-field rules; 2 calculated
// fields) and a valid record of it, one value changed before every run as typing would. Reports
// microseconds per Validator::validate() in Draft and Submit mode, p50 and p95 (lower is better),
// each against a baseline measured in the same run: copying the same 200 values one by one into a
// fresh QJsonObject (the least any per-keystroke pass over the record costs).
QList<BenchLine> runValidationBenchmarks(int iterations = 2000);

} // namespace mdp::forms
