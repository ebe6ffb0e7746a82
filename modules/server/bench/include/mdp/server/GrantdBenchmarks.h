#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>
#include <QString>

#include <functional>

namespace mdp::server {

struct GrantdBenchOptions
{
    int handshakeSeconds = 5;  // each `openssl s_time -new` run
    int rounds = 2;            // handshakes and requests: alternating rounds, the best of each kept
    int requests = 10000;      // per measured series over one warm connection
    int records = 10000;       // sync: records pushed by workstation-1, pulled by workstation-2
    int batch = 500;           // sync: records per push
    int concurrentClients = 2; // requests/s with this many client threads, each on its own connection
    bool postgresql = true;    // the cases on PostgreSQL behind two instances
    // Told what is being measured now (mdp prints it on standard error); empty: silent.
    std::function<void(const QString &)> progress;

    // Smaller counts and shorter runs: the smoke test's, and `MDP_BENCH_QUICK=1 mdp bench grantd`.
    static GrantdBenchOptions quickRun();
};

// `mdp bench grantd` (issue 11), everything on this machine over loopback:
//   handshakes   mutual-TLS handshakes/s (`openssl s_time -new`) of mdp-grantd against `openssl
//                s_server -www` with the same certificates;
//   requests     p50/p95/p99 latency (us) and requests/s of authenticated calls over one warm
//                keep-alive connection, and requests/s with two client threads, against nginx
//                (`return 200`) behind the same mutual TLS, measured with the same client;
//   sync         records/s end to end (workstation-1 pushes E2E-sealed form records in batches,
//                workstation-2 pulls them) and bytes on the wire per plaintext byte;
//   *-postgresql requests and sync with the PostgreSQL store behind two instances sharing the token
//                key, against the embedded store's figures of the same run.
// A baseline that cannot run (nginx or PostgreSQL absent) is said in the line: baseline
// "unavailable: <reason>", baseline_value 0.
QList<BenchLine> runGrantdBenchmarks(const QString &scratchDir, const GrantdBenchOptions &options = {});

} // namespace mdp::server
