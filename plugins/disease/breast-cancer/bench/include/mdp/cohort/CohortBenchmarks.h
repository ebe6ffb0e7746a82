#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>
#include <QString>

#include <memory>

namespace mdp::audit {
class CheckpointSigner;
}

namespace mdp::cohort {

// Registry import rate (patients/s) for `mdp bench registry`: generated cohort records imported
// through SqlCipherRegistry with the whole-registry duplicate check, pseudonyms and versioning on,
// against a baseline that inserts the same rows into the same SQLCipher schema with plain INSERTs
// (no checks, no audit), in the same run; both sides commit 20 records per transaction, as the
// importer does. Two cases: demographics only (`patients` records), and with the timelines (a tenth
// of them, about fifty events each). Audit events go to a real encrypted audit log made durable
// once per transaction, as Workspace::runBatch does, when `signer` is given (the product's SM2
// signer); without one they are only counted.
QList<BenchLine> runRegistryImportBenchmark(const QString &scratchDir, int patients,
                                            std::shared_ptr<audit::CheckpointSigner> signer = {});

} // namespace mdp::cohort
