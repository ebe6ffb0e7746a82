#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>

namespace mdp::deid {

// `mdp bench deid`: pages per second of PDF redaction (read the text layer, find identifiers, render,
// box, write the image-only PDF) against the plain render of the same pages at the same resolution
// in the same run, over a synthetic Chinese report of `pages` pages. Needs a QGuiApplication; without
// one it returns nothing.
QList<BenchLine> runPdfRedactionBenchmark(int pages = 20, int dotsPerInch = 150);

} // namespace mdp::deid
