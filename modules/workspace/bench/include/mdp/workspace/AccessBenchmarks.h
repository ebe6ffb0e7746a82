#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>
#include <QString>

namespace mdp::workspace {

// `mdp bench access` (issue 12):
//  - grant-verify: checking one signed grant (SM2 signature, account, workstation, window), against the
//    bare SM2 verification of the same bytes;
//  - decision-with-grants: the permission engine's decision per data access with `grants` signed grants
//    in force (p99, µs; goal ≤ 10 µs), against the same engine without grants;
//  - revocation-propagation: an administrator's revocation at mdp-grantd (in process, on loopback, real
//    TLS) until the grant is out of force on an open linked workstation whose link runs at its normal
//    interval (goal ≤ 60 s), against one sync pass of that workstation. Left out when `withServer` is
//    false.
QList<BenchLine> runAccessBenchmarks(const QString &scratchDir, int grants = 0, bool withServer = true);

} // namespace mdp::workspace
