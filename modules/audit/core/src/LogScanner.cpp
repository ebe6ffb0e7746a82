#include "LogScanner.h"

#include "mdp/audit/AuditLogFormat.h"
#include "mdp/crypto/Hash.h"

#include <QtEndian>

namespace mdp::audit::detail {

using namespace LogFormat;

namespace {
constexpr qint64 kReadChunk = 4 << 20;
} // namespace

LogScanner::LogScanner(const LogFile &file, qint64 fileSize, LogCodec &codec, const AuditCheckpoint &checkpoint,
                       QByteArray genesisChain)
    : m_file(file)
    , m_fileSize(fileSize)
    , m_codec(codec)
    , m_checkpoint(checkpoint)
    , m_genesis(std::move(genesisChain))
{
}

const char *LogScanner::bytesAt(qint64 offset, qint64 length, QString *error)
{
    if (offset + length > m_fileSize)
        return nullptr;
    if (offset >= m_bufferStart && offset + length <= m_bufferStart + m_buffer.size())
        return m_buffer.constData() + (offset - m_bufferStart);
    const qint64 n = std::min(std::max(length, kReadChunk), m_fileSize - offset);
    m_buffer.resize(n);
    m_bufferStart = offset;
    if (auto r = m_file.readAt(offset, m_buffer.data(), n); !r) {
        m_buffer.clear();
        *error = r.error().message;
        return nullptr;
    }
    return m_buffer.constData();
}

LogScanner::Frame LogScanner::readFrame(qint64 offset, QByteArray &plaintext)
{
    Frame f;
    if (m_fileSize - offset < kLengthFieldSize) {
        f.status = FrameStatus::Incomplete;
        return f;
    }
    const char *lengthField = bytesAt(offset, kLengthFieldSize, &f.error);
    if (!lengthField) {
        f.status = FrameStatus::IoError;
        return f;
    }
    f.length = qint64(qFromBigEndian<quint32>(lengthField));
    if (f.length < kMinFrameLength || f.length > kMaxFrameLength) {
        f.status = FrameStatus::BadLength;
        return f;
    }
    if (offset + kLengthFieldSize + f.length > m_fileSize) {
        f.status = FrameStatus::Incomplete;
        return f;
    }
    const char *frame = bytesAt(offset + kLengthFieldSize, f.length, &f.error);
    if (!frame) {
        f.status = FrameStatus::IoError;
        return f;
    }
    auto opened = m_codec.openFrame(frame, f.length, plaintext);
    if (!opened) {
        f.status = FrameStatus::AuthFailed;
        f.error = opened.error().message;
        return f;
    }
    f.opened = opened.value();
    return f;
}

LogScanner::Outcome LogScanner::run(const Visitor &visit)
{
    Outcome out;
    out.chainHead = m_genesis;
    AuditVerifyReport &rep = out.report;
    rep.checkpointSize = m_checkpoint.size;
    qint64 offset = kHeaderSize;
    qint64 expected = 0;
    crypto::Hasher chainHasher(crypto::HashAlgorithm::Sm3);
    const MerkleHasher &merkle = out.frontier.hasher();
    QByteArray plaintext;
    QByteArray lookahead;

    auto fail = [&](AuditIssue issue, qint64 sequence, qint64 at, const QString &message) {
        rep.ok = false;
        rep.issue = issue;
        rep.sequence = sequence;
        rep.byteOffset = at;
        rep.message = message;
        rep.eventCount = expected;
        out.validEnd = offset;
        return out;
    };
    // The checkpoint states the file length, root and chain head at its size; all must agree.
    auto checkpointDisagrees = [&]() -> bool {
        if (expected != m_checkpoint.size)
            return false;
        if (offset != m_checkpoint.bytes) {
            fail(AuditIssue::Malformed, -1, offset,
                 QStringLiteral("the signed checkpoint places event %1's end at byte %2, the file at byte %3")
                     .arg(m_checkpoint.size - 1).arg(m_checkpoint.bytes).arg(offset));
            return true;
        }
        if (out.frontier.root() != m_checkpoint.merkleRoot) {
            fail(AuditIssue::MerkleRootMismatch, -1, offset,
                 QStringLiteral("events 0 to %1 do not produce the Merkle root the checkpoint signs")
                     .arg(m_checkpoint.size - 1));
            return true;
        }
        if (out.chainHead != m_checkpoint.chainHead) {
            fail(AuditIssue::ChainBreak, -1, offset,
                 QStringLiteral("the hash chain after event %1 differs from the signed chain head")
                     .arg(m_checkpoint.size - 1));
            return true;
        }
        return false;
    };

    if (checkpointDisagrees())
        return out;

    while (offset < m_fileSize) {
        const Frame f = readFrame(offset, plaintext);
        const bool covered = offset < m_checkpoint.bytes;
        const qint64 frameEnd = offset + kLengthFieldSize + f.length;
        switch (f.status) {
        case FrameStatus::Ok: break;
        case FrameStatus::IoError: return fail(AuditIssue::Malformed, expected, offset, f.error);
        case FrameStatus::Incomplete:
        case FrameStatus::BadLength:
            if (!covered) {
                out.tornOffset = offset;
                break;
            }
            if (f.status == FrameStatus::Incomplete && m_fileSize < m_checkpoint.bytes)
                return fail(AuditIssue::TruncatedTail, expected, offset,
                            QStringLiteral("the signed checkpoint says %1 events (%2 bytes); the file ends "
                                           "inside event %3 at byte %4")
                                .arg(m_checkpoint.size).arg(m_checkpoint.bytes).arg(expected).arg(m_fileSize));
            return fail(AuditIssue::Malformed, expected, offset,
                        QStringLiteral("event %1 at byte %2 has a damaged length field").arg(expected).arg(offset));
        case FrameStatus::AuthFailed:
            // A killed writer can leave a last frame whose length arrived but not all its data.
            if (!covered && frameEnd == m_fileSize) {
                out.tornOffset = offset;
                break;
            }
            return fail(AuditIssue::AuthenticationFailure, expected, offset,
                        QStringLiteral("event %1 at byte %2 fails authentication: its bytes were changed")
                            .arg(expected).arg(offset));
        }
        if (out.tornOffset >= 0)
            break;

        const qint64 seq = f.opened.sequence;
        if (seq > expected) {
            Frame next;
            next.status = FrameStatus::Incomplete;
            if (frameEnd < m_fileSize)
                next = readFrame(frameEnd, lookahead);
            if (next.status == FrameStatus::Ok && next.opened.sequence == expected)
                return fail(AuditIssue::ChainBreak, expected, offset,
                            QStringLiteral("events %1 and %2 are out of order at byte %3 (records swapped)")
                                .arg(expected).arg(seq).arg(offset));
            return fail(AuditIssue::SequenceGap, expected, offset,
                        seq == expected + 1
                            ? QStringLiteral("event %1 is missing: the record at byte %2 holds event %3")
                                  .arg(expected).arg(offset).arg(seq)
                            : QStringLiteral("events %1 to %2 are missing: the record at byte %3 holds event %4")
                                  .arg(expected).arg(seq - 1).arg(offset).arg(seq));
        }
        if (seq < expected)
            return fail(AuditIssue::SequenceRepeat, expected, offset,
                        QStringLiteral("the record at byte %1 repeats event %2 where event %3 belongs "
                                       "(inserted or duplicated record)")
                            .arg(offset).arg(seq).arg(expected));
        if (f.opened.prevChain != out.chainHead)
            return fail(AuditIssue::ChainBreak, expected, offset,
                        QStringLiteral("event %1 at byte %2 does not chain to event %3")
                            .arg(expected).arg(offset).arg(expected - 1));

        chainHasher.addData(out.chainHead);
        chainHasher.addData(f.opened.canonical);
        out.chainHead = chainHasher.result();
        const QByteArray leaf = merkle.leafHash(f.opened.canonical);
        out.frontier.appendLeafHash(leaf);
        if (visit) {
            if (auto r = visit(Record{seq, offset, f.length, f.opened.canonical, leaf}); !r)
                return fail(AuditIssue::Malformed, expected, offset,
                            QStringLiteral("event %1 at byte %2: %3").arg(expected).arg(offset).arg(r.error().message));
        }
        ++expected;
        offset = frameEnd;
        if (checkpointDisagrees())
            return out;
    }

    if (expected < m_checkpoint.size)
        return fail(AuditIssue::TruncatedTail, expected, offset,
                    QStringLiteral("the signed checkpoint says %1 events, the file has %2")
                        .arg(m_checkpoint.size).arg(expected));
    rep.ok = true;
    rep.issue = AuditIssue::None;
    rep.eventCount = expected;
    rep.merkleRoot = out.frontier.root();
    rep.tornTailBytes = out.tornOffset >= 0 ? m_fileSize - out.tornOffset : 0;
    out.validEnd = offset;
    return out;
}

} // namespace mdp::audit::detail
