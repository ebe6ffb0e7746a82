#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>
#include <QString>

namespace mdp::policy {

// `mdp bench policy`: decisions per second and p50/p99 latency of the engine with 1 000, 10 000 and
// 100 000 grants (or only `grants` when it is above 0), against node-casbin deciding the same requests
// on the same grants with an equivalent model in the same run. node and casbin are looked up in
// MDP_BENCH_NODE_MODULES, else build/bench-node/node_modules next to the program's build folder
// (installer/install-bench-deps.sh puts it there); without them the casbin line says so.
QList<BenchLine> runPolicyBenchmarks(const QString &scratchDir, int grants = 0);

} // namespace mdp::policy
