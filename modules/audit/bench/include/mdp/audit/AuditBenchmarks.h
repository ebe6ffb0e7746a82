#pragma once

#include "mdp/audit/CheckpointSigner.h"
#include "mdp/foundation/BenchLine.h"

#include <QList>
#include <QString>

#include <memory>

namespace mdp::audit {

// Audit log figures for `mdp bench audit`, each with a baseline measured in the same run:
//   durable-append-batch256    events/s, commit() of 256-event batches; baseline: raw write + fdatasync
//                              of the very same frame bytes in the same batches (our overhead: encryption,
//                              chain, Merkle, signed checkpoint with its atomic head-file replace)
//   durable-append-4threads    events/s, 4 (then 32) threads each calling appendDurable(); baseline as
//   durable-append-32threads   above with the mean batch size group commit achieved
//   verify                     MB/s of log file checked (decrypt, chain, Merkle root, signature; two
//                              threads); baseline: one SM3 pass over the same file bytes in memory
//   open                       events/s to open (verify + decode + index); baseline: verify
// Files go to subfolders of scratchDir, removed afterwards. Without a signer an HMAC-SM3 stand-in signs
// (the product signs with SM2, which costs a little more per checkpoint); the lines say which.
QList<BenchLine> runAuditBenchmarks(const QString &scratchDir, int events,
                                    std::shared_ptr<CheckpointSigner> signer = {});

// Opening a long history against a short one (the open must not grow with the history):
//   open-at-size            ms to open a log of `events` events (best of 3); baseline: 10 000 events
//   open-memory-at-size     MB resident in the process after the open and one query (the growth the
//                           open and the query caused is in the line's extra fields)
//   query-by-data-at-size   ms for one query by data ID (it records its own audit.read first)
//   query-by-data-p95-at-size  ms, the 95th percentile of 40 such queries spread over the history
// The large log is generated first (8192-event batches) unless `keepDir` holds one of that size from an
// earlier run (`MDP_BENCH_AUDIT_KEEP`); generating 10 million events takes minutes and about 6 GB.
QList<BenchLine> runAuditOpenBenchmarks(const QString &scratchDir, qint64 events,
                                        const QString &keepDir = {});
// The alert rules, one line per rule of the platform's set:
//   alert-<rule>            us, p99 of the evaluation of the event that completes the rule (the rule set
//                           whole, as the workstation runs it); baseline: p99 of an event no rule counts
// What the workspace adds after that (recording the alert on its own thread) is measured by
// tst_AuditCatalogue.
QList<BenchLine> runAlertBenchmarks();
// The auditor's bundle (issue 13):
//   bundle-verify           MB/s of bundle checked (verifyAuditBundle: sections, signatures, leaves over the
//                           stored frames, Merkle, witness), best of 3, `events` events signed with SM2 as in
//                           the product; baseline: one SM3 pass over the same bundle bytes in memory (goal:
//                           at least half of it)
//   bundle-open             MB/s, openAuditBundle: the same, then every event opened, chained and decoded
//                           for the auditor's questions; baseline: bundle-verify
QList<BenchLine> runBundleBenchmarks(const QString &scratchDir, int events);

} // namespace mdp::audit
