#pragma once

#include "LogCodec.h"
#include "LogFile.h"

#include "mdp/audit/AuditCheckpoint.h"
#include "mdp/audit/AuditVerifyReport.h"
#include "mdp/audit/MerkleFrontier.h"

#include <functional>

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

    LogScanner(const LogFile &file, qint64 fileSize, LogCodec &codec, const AuditCheckpoint &checkpoint,
               QByteArray genesisChain);
    Outcome run(const Visitor &visit = {});

private:
    enum class FrameStatus { Ok, Incomplete, BadLength, AuthFailed, IoError };
    struct Frame
    {
        FrameStatus status = FrameStatus::Ok;
        qint64 length = 0;
        LogCodec::Opened opened;
        QString error;
    };
    Frame readFrame(qint64 offset, QByteArray &plaintext);
    const char *bytesAt(qint64 offset, qint64 length, QString *error);

    const LogFile &m_file;
    qint64 m_fileSize;
    LogCodec &m_codec;
    const AuditCheckpoint &m_checkpoint;
    QByteArray m_genesis;
    QByteArray m_buffer;
    qint64 m_bufferStart = 0;
};

} // namespace mdp::audit::detail
