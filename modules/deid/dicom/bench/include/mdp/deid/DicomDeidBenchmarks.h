#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>
#include <QString>

namespace mdp::deid {

// `mdp bench deid`: DICOM de-identification in files per second over `files` synthetic images made
// in `scratchDir`, against Debian's gdcmanon (libgdcm-tools) in the same run on the same files.
// gdcmanon's full mode needs a certificate, so the baseline is its --dumb mode given every exact
// Table E.1-1 row it can express (X as --remove, Z as --empty, D as --replace); it cannot remap
// UIDs, match masked rows or private blocks, so the baseline does less work than we do.
QList<BenchLine> runDicomDeidBenchmarks(const QString &scratchDir, int files);

} // namespace mdp::deid
