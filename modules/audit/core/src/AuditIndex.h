#pragma once

#include "mdp/audit/MerkleFrontier.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace mdp::store {
class Database;
}

namespace mdp::audit::detail {

// Where one event sits in audit.log and what the queries look it up by.
struct IndexedEvent
{
    qint64 sequence = -1;
    qint64 offset = 0;
    qint64 frameLength = 0;
    qint64 recordedMs = 0;
    QString userId;
    QStringList entityKeys;
    QString eventId;
};

struct FrameLocation
{
    qint64 offset = 0;
    qint64 frameLength = 0;
    qint64 recordedMs = 0;
};

// The log as far as the index covers it: the first `size` events end at byte `bytes` with this chain
// head and Merkle frontier. Unsigned: the log checks it against the signed checkpoint by scanning
// from here to the checkpoint, so a stale or altered state costs a rescan, never a wrong answer.
struct IndexState
{
    qint64 size = 0;
    qint64 bytes = 0;
    QByteArray chainHead;
    MerkleFrontier frontier;
};

// The audit log's on-disk index (audit/index.db), a SQLCipher database under a key derived from the
// log key: where each event's frame is, which events name a user, a data ID or an event ID, and the
// upper levels of the Merkle tree. It is derived data: deleted and rebuilt from audit.log whenever it
// is missing, damaged or disagrees with the signed checkpoint. It lets the log open in constant time
// and answer queries without holding per-event state in memory.
//
// Thread-safe (one connection behind a mutex).
class AuditIndex
{
public:
    // The lowest Merkle level kept; lower subtrees (at most 2^kStoredLevel leaves) are re-hashed from
    // the records when a proof needs them.
    static constexpr int kStoredLevel = 6;
    static constexpr char kFileName[] = "index.db";

    static Result<std::unique_ptr<AuditIndex>> open(const QString &directory, const SecureBytes &logKey,
                                                    const QByteArray &logId);
    // Deletes the index files of a log directory (the database and its write-ahead log).
    static void remove(const QString &directory);
    ~AuditIndex();

    // What the index covers, or nothing when it is empty (new, or for another log).
    std::optional<IndexState> state() const;

    struct Node
    {
        int level;
        quint64 index;
        QByteArray hash;
    };
    // Adds events, tree nodes and the new covered state in one transaction.
    Result<void> add(const std::vector<IndexedEvent> &events, const std::vector<Node> &nodes,
                     const IndexState &state);

    // Sequences in ascending order, each < `before`.
    // The first and one past the last sequence recorded in [fromMs, toMs) below `before`; {0, 0} when none.
    Result<std::pair<qint64, qint64>> sequenceSpan(qint64 fromMs, qint64 toMs, qint64 before) const;
    Result<std::vector<qint64>> sequencesBetween(qint64 fromMs, qint64 toMs, qint64 before) const;
    Result<std::vector<qint64>> sequencesForUser(const QString &userId, qint64 fromMs, qint64 toMs,
                                                 qint64 before) const;
    // Data IDs and event IDs are kept as keyed 64-bit hashes: these return candidates, which the
    // caller confirms against the records it reads (a collision only costs a read).
    Result<std::vector<qint64>> sequencesForEntity(const QString &entityKey, qint64 before) const;
    // The candidates of the newest segment that has any (ascending), for "the last event naming X".
    Result<std::vector<qint64>> lastCandidatesForEntity(const QString &entityKey, qint64 before) const;
    Result<std::vector<qint64>> sequencesForEventId(const QString &eventId) const;
    Result<std::vector<FrameLocation>> locations(const std::vector<qint64> &sequences) const;
    Result<std::optional<FrameLocation>> location(qint64 sequence) const;
    Result<std::optional<QByteArray>> node(int level, quint64 index) const;

private:
    AuditIndex();
    qint64 keyHash(QStringView kind, const QString &name) const;
    Result<std::vector<qint64>> postings(const QString &table, qint64 hash, qint64 before,
                                         bool newestOnly) const;
    Result<qint64> refFor(const QString &table, QHash<QString, qint64> &cache, const QString &name);

    mutable std::mutex m_mutex;
    std::unique_ptr<store::Database> m_db;
    QByteArray m_logId;
    SecureBytes m_idKey;
    QHash<QString, qint64> m_userRefs; // bounded cache of interned user IDs
    mutable qint64 m_covered = 0;      // events the index holds (its state's size, as last read)
};

} // namespace mdp::audit::detail
