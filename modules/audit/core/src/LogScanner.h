#pragma once

#include "LogCodec.h"
#include "LogFile.h"
#include "LogHeader.h"

#include "mdp/audit/AuditCheckpoint.h"
#include "mdp/audit/AuditVerifyReport.h"
#include "mdp/audit/MerkleFrontier.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace mdp::audit::detail {

// Reads audit.log front to back and checks every frame against the sequence, the chain and the
// signed checkpoint, stopping at the first problem with its position. Classification:
//   record fails to authenticate           -> AuthenticationFailure (flipped byte)
//   sequence jumps ahead                   -> SequenceGap (deleted record), or ChainBreak when the
//                                             expected event follows right after (swapped records)
//   sequence goes back                     -> SequenceRepeat (inserted or duplicated record)
//   previous-hash field does not chain     -> ChainBreak
//   file ends before the checkpoint's size -> TruncatedTail
//   root or chain head differ at the size  -> MerkleRootMismatch / ChainBreak
// An unfinished frame after everything the checkpoint covers is a torn tail, not a failure.
//
// Version 2 logs (leaves over the stored frames) without a visitor: frames the signed checkpoint covers
// are checked through their leaves alone, without decrypting; when that finds a problem the scan is
// repeated with decryption to name the record and the kind of damage.
//
// The file is read in blocks. A second thread reads and decrypts block k+1 and hashes its Merkle leaves while
// this thread runs the sequential part (chain, frontier, checks, visitor) over block k, then joins in
// on block k+1; the two share its frames in small chunks, so neither core idles.
class LogScanner
{
public:
    struct Record
    {
        qint64 sequence;
        qint64 offset;      // of the length field
        qint64 frameLength; // bytes after the length field
        QByteArrayView canonical;
        QByteArrayView leafHash;
        QByteArrayView chainHead;       // h(sequence): the chain after this event
        const MerkleFrontier *frontier; // the tree with this event appended
    };
    using Visitor = std::function<Result<void>(const Record &)>;

    struct Outcome
    {
        AuditVerifyReport report;
        qint64 validEnd = 0;    // end of the last complete, verified frame
        qint64 tornOffset = -1; // start of an unfinished tail, or -1
        QByteArray chainHead;
        MerkleFrontier frontier;
    };

    // Where a scan resumes: after `sequence` events that end at byte `offset`, with their chain head
    // and Merkle frontier (taken from the audit index, so only what follows is read).
    struct Start
    {
        qint64 offset = 0;
        qint64 sequence = 0;
        QByteArray chainHead;
        MerkleFrontier frontier;
    };
    // Called between blocks with the bytes done and the bytes to do; returning false stops the scan
    // with AuditIssue::Cancelled.
    using Progress = std::function<bool(qint64 done, qint64 total)>;

    LogScanner(const LogFile &file, qint64 fileSize, const LogHeader &header, const SecureBytes &recordKey,
               const AuditCheckpoint &checkpoint);
    void startAt(Start start) { m_start = std::move(start); }
    void setNodeSink(MerkleFrontier::NodeSink sink) { m_nodeSink = std::move(sink); }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    Outcome run(const Visitor &visit = {});

private:
    enum class FrameStatus
    {
        Ok,
        Incomplete,
        BadLength,
        AuthFailed
    };
    struct Slot
    {
        qint64 offset = 0;
        qint64 length = 0;
        FrameStatus status = FrameStatus::Ok;
        LogCodec::Opened opened;
        QByteArray leaf;
        bool decrypted = false; // false: checked through its leaf alone (covered, version 2)
    };
    struct Block
    {
        QByteArray bytes;
        qint64 start = 0;
        qint64 next = 0; // where the following block starts
        bool last = false;
        QString error;
        std::vector<Slot> slots;
        std::atomic<std::size_t> cursor{0}; // next slot to decrypt
    };
    std::unique_ptr<Block> readBlock(qint64 start) const;
    // Frames ending at or before `leafOnlyBelow` are checked through their leaf alone (version 2 logs,
    // no visitor): the signed root commits to their stored bytes, so they need no decryption.
    void openBlock(Block &block, LogCodec &codec, qint64 leafOnlyBelow) const;
    Outcome scan(const Visitor &visit, bool leafOnly);
    // Decrypts one frame straight from the file (used to look one record ahead).
    std::optional<qint64> sequenceAt(qint64 offset, LogCodec &codec) const;

    const LogFile &m_file;
    qint64 m_fileSize;
    crypto::AeadCipher m_cipher;
    bool m_sealedLeaves;
    const SecureBytes &m_recordKey;
    QByteArray m_logId;
    const AuditCheckpoint &m_checkpoint;
    QByteArray m_genesis;
    std::optional<Start> m_start;
    MerkleFrontier::NodeSink m_nodeSink;
    Progress m_progress;
};

} // namespace mdp::audit::detail
