#pragma once

#include "mdp/audit/AuditAgent.h"
#include "mdp/audit/AuditCheckpoint.h"
#include "mdp/audit/AuditEntity.h"
#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/AuditLogOptions.h"
#include "mdp/audit/AuditRecord.h"
#include "mdp/audit/AuditVerifyReport.h"
#include "mdp/audit/MerkleTree.h"
#include "mdp/foundation/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace mdp::audit {

struct AuditLogStatistics
{
    qint64 flushes = 0;       // batches written (each: one fdatasync and one checkpoint)
    qint64 eventsWritten = 0; // since open
    qint64 bytesWritten = 0;  // frame bytes since open
};

// Append-only, encrypted, tamper-evident audit log.
//
// Each event is canonicalised, chained (SM3), encrypted (SM4-GCM by default, bound to its sequence
// number) and appended; a signed checkpoint (size, Merkle root, chain head, anchors) is replaced
// atomically after each durable batch. An encrypted index beside the log (index.db: frame positions,
// user / data / event IDs, upper Merkle levels) follows every batch; open() reads only the events the
// index has not seen and checks that they lead from the index's chain head and Merkle frontier to the
// signed checkpoint, so opening costs the same at ten events or ten million and memory does not grow
// with the history. verify() checks the whole history on demand. Nothing is written in plaintext.
//
// Thread-safe: any thread may append, flush, query or verify. Concurrent appendDurable() calls share
// one fdatasync (group commit). After an I/O failure the log refuses further writes until reopened.
class AuditLog
{
public:
    // Creates the log if the directory holds none. Refuses a log that fails verification, with the
    // report (issue name, event position, byte offset) as message: Code::Tampered, or WrongPassphrase
    // (key), NotFound (a file missing), Corrupt (unreadable framing), Locked (open elsewhere). An
    // unfinished record after the last complete one, as a killed writer leaves, is cut off (it was
    // never acknowledged); complete records after the last checkpoint are verified, kept and signed.
    static Result<std::unique_ptr<AuditLog>> open(AuditLogOptions options);
    ~AuditLog(); // flushes what is queued

    AuditLog(const AuditLog &) = delete;
    AuditLog &operator=(const AuditLog &) = delete;

    // Queues an event and returns its sequence number. `recorded` is set from the log's Clock and an
    // empty `source` becomes the node ID. Not durable until flush(). An event whose `id` the log
    // already holds (written or queued) is refused with Code::AlreadyExists and nothing is queued.
    Result<qint64> append(AuditEvent event);
    // Writes everything queued so far with one fdatasync and one checkpoint; when it returns ok,
    // those events (and the anchors set before the call) survive a crash.
    Result<void> flush();
    // append() + wait until that event is durable; concurrent callers share one flush.
    Result<qint64> appendDurable(AuditEvent event);
    // Appends a batch and makes it durable; returns the sequence number of the last event. Nothing of
    // the batch is queued when one event is invalid. An empty batch only flushes.
    Result<qint64> commit(QList<AuditEvent> events);

    // Whether an event with this `id` was appended (queued ones included).
    bool containsEvent(const QString &eventId) const;

    qint64 size() const;        // events appended, queued ones included
    qint64 durableSize() const; // events covered by the last checkpoint
    AuditCheckpoint checkpoint() const;
    AuditLogStatistics statistics() const;
    QString directory() const;
    // Why open() had to rebuild the index from the whole log: "missing" (absent, unreadable, or not of
    // one moment) or "disagreed" (it did not lead to the signed checkpoint); empty when it did not.
    // The owner records it: a deleted index also deletes the evidence it held.
    QString indexRebuilt() const;

    // Told every event queued (append, commit), with its recorded time, on the appending thread and
    // outside the log's locks; it must be quick and must not append (alert rules queue what fires).
    // Set before the log is shared between threads.
    void setObserver(std::function<void(const AuditEvent &event)> observer);

    // Named counters written into the next checkpoint (flush() writes one even without events).
    void setAnchor(const QString &name, qint64 value);
    // The value in the last verified or written checkpoint.
    std::optional<qint64> anchor(const QString &name) const;

    // Called between blocks of a full verification with bytes done and bytes to do; returning false
    // stops it (AuditIssue::Cancelled).
    using VerifyProgress = std::function<bool(qint64 done, qint64 total)>;
    // Re-reads the files now and checks every event up to the current checkpoint (records, chain,
    // Merkle root, signature). Holds no lock: writers go on meanwhile (it may run in the background).
    AuditVerifyReport verify(const VerifyProgress &progress = {}) const;
    // The same for a log directory that is not open (offline audit, `mdp audit verify`).
    // Reads only, writes nothing. With `prefixSize` >= 0 the report also carries the Merkle root over
    // the first prefixSize events (a root another store anchored, to compare).
    // `visit` sees each verified event's canonical JSON in order (an offline check's own look-ups).
    static AuditVerifyReport verifyDirectory(const QString &directory, const SecureBytes &key,
                                             const CheckpointSigner &signer, qint64 prefixSize = -1,
                                             const std::function<void(qint64, QByteArrayView)> &visit = {});

    // queries. Each first appends a durable "audit.read" event by `reader` carrying the query
    // parameters (not the results), then returns the matching durable events in sequence order,
    // excluding that audit.read event. The range is [from, to); an invalid bound is open.
    Result<QList<AuditRecord>> queryByUser(const AuditAgent &reader, const QString &userId,
                                           const QDateTime &from, const QDateTime &to);
    Result<QList<AuditRecord>> queryByData(const AuditAgent &reader, const AuditEntity &entity);
    // Everything recorded in [from, to), for a report over a period (`purpose` says which, in the
    // audit.read event).
    Result<QList<AuditRecord>> queryByTime(const AuditAgent &reader, const QDateTime &from,
                                           const QDateTime &to, const QString &purpose);

    // The platform's own lookup of its bookkeeping events (e.g. the latest database commit anchor).
    // Not a person reading the log, so not recorded as audit.read; never expose it to users.
    Result<std::optional<AuditRecord>> lastRecordFor(const AuditEntity &entity);

    // Proofs over the durable events (SM3 leaves: the stored frames in a version-2 log, the canonical
    // events in a version-1 log; see AuditLogFormat.h).
    Result<MerkleProof> inclusionProof(qint64 sequence, qint64 treeSize) const;
    // The leaf of a durable event, read from its stored frame (which must still authenticate, so the
    // leaf stands for the event's content to whoever holds the record key).
    Result<QByteArray> leafHash(qint64 sequence) const;
    Result<MerkleProof> consistencyProof(qint64 size1, qint64 size2) const;
    // The stored frames of durable events [from, to), as written (sealed: readable only with the
    // log's key), each authenticated on the way. Their SM3 leaves make the log's Merkle tree, so
    // another party can check a shipped part against a signed root without the key (issue 11:
    // audit shipping). Unsupported for a version-1 log.
    Result<QList<QByteArray>> storedFrames(qint64 from, qint64 to) const;
    Result<QByteArray> merkleRoot(qint64 treeSize) const;

    // For an auditor's bundle (AuditBundle.h): the durable events recorded in [from, to) as one span
    // [first, end) of sequence numbers ({0, 0} when none; an invalid bound is open), the Merkle
    // frontier at a durable size (MerkleFrontier::toBytes()), and the key that opens this log's frames
    // and nothing else, which the bundle seals for one auditor. Whoever calls these must have checked
    // that its caller may read the trail.
    Result<std::pair<qint64, qint64>> sequenceSpan(const QDateTime &from, const QDateTime &to) const;
    Result<QByteArray> frontierAt(qint64 size) const;
    SecureBytes recordKeyForBundle() const;

private:
    AuditLog();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::audit
