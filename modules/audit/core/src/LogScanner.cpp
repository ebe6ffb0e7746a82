#include "LogScanner.h"

#include "mdp/audit/AuditLogFormat.h"
#include "mdp/crypto/Hash.h"

#include <QtEndian>

#include <future>

namespace mdp::audit::detail {

using namespace LogFormat;

namespace {
// Small enough that the second thread starts early on modest logs, large enough to amortise a thread.
constexpr qint64 kBlockSize = 512 << 10;
} // namespace

LogScanner::LogScanner(const LogFile &file, qint64 fileSize, const LogHeader &header,
                       const SecureBytes &recordKey, const AuditCheckpoint &checkpoint)
    : m_file(file)
    , m_fileSize(fileSize)
    , m_cipher(header.cipher)
    , m_sealedLeaves(header.leavesCoverSealedFrames())
    , m_recordKey(recordKey)
    , m_logId(header.logId)
    , m_checkpoint(checkpoint)
    , m_genesis(header.genesisChain())
{}

std::unique_ptr<LogScanner::Block> LogScanner::readBlock(qint64 start) const
{
    auto block = std::make_unique<Block>();
    Block &b = *block;
    b.start = start;
    qint64 size = std::min(kBlockSize, m_fileSize - start);
    // A frame larger than a block gets a block of its own.
    if (m_fileSize - start >= kLengthFieldSize) {
        char lengthField[kLengthFieldSize];
        if (auto r = m_file.readAt(start, lengthField, kLengthFieldSize); !r) {
            b.error = r.error().message;
            b.last = true;
            return block;
        }
        const qint64 first = kLengthFieldSize + qint64(qFromBigEndian<quint32>(lengthField));
        if (first <= kLengthFieldSize + kMaxFrameLength)
            size = std::min(std::max(size, first), m_fileSize - start);
    }
    b.bytes.resize(size);
    if (auto r = m_file.readAt(start, b.bytes.data(), size); !r) {
        b.error = r.error().message;
        b.last = true;
        return block;
    }
    qint64 pos = 0;
    for (;;) {
        const qint64 offset = start + pos;
        if (offset >= m_fileSize) {
            b.last = true;
            break;
        }
        Slot s;
        s.offset = offset;
        if (m_fileSize - offset < kLengthFieldSize) {
            s.status = FrameStatus::Incomplete;
        } else if (pos + kLengthFieldSize > size) {
            break; // the length field continues in the next block
        } else {
            s.length = qint64(qFromBigEndian<quint32>(b.bytes.constData() + pos));
            if (s.length < kMinFrameLength || s.length > kMaxFrameLength)
                s.status = FrameStatus::BadLength;
            else if (offset + kLengthFieldSize + s.length > m_fileSize)
                s.status = FrameStatus::Incomplete;
            else if (pos + kLengthFieldSize + s.length > size)
                break; // the frame continues in the next block
        }
        b.slots.push_back(s);
        if (s.status != FrameStatus::Ok) {
            b.last = true; // nothing after an unreadable frame can be framed
            break;
        }
        pos += kLengthFieldSize + s.length;
    }
    b.next = start + pos;
    return block;
}

void LogScanner::openBlock(Block &block, LogCodec &codec, qint64 leafOnlyBelow) const
{
    constexpr std::size_t kChunk = 32;
    const MerkleHasher hasher;
    const std::size_t n = block.slots.size();
    for (;;) {
        const std::size_t first = block.cursor.fetch_add(kChunk);
        if (first >= n)
            return;
        for (std::size_t i = first; i < std::min(n, first + kChunk); ++i) {
            Slot &s = block.slots[i];
            if (s.status != FrameStatus::Ok)
                continue;
            char *stored = block.bytes.data() + (s.offset - block.start);
            char *frame = stored + kLengthFieldSize;
            if (m_sealedLeaves) // before the frame is decrypted in place
                s.leaf = hasher.leafHash(QByteArrayView(stored, kLengthFieldSize + s.length));
            if (s.offset + kLengthFieldSize + s.length <= leafOnlyBelow) {
                s.opened.sequence = qint64(qFromBigEndian<quint64>(frame));
                s.decrypted = false;
                continue;
            }
            auto opened = codec.openFrameInPlace(frame, s.length);
            if (!opened) {
                s.status = FrameStatus::AuthFailed;
                continue;
            }
            s.opened = opened.value();
            s.decrypted = true;
            if (!m_sealedLeaves)
                s.leaf = hasher.leafHash(s.opened.canonical);
        }
    }
}

std::optional<qint64> LogScanner::sequenceAt(qint64 offset, LogCodec &codec) const
{
    if (m_fileSize - offset < kLengthFieldSize)
        return std::nullopt;
    char lengthField[kLengthFieldSize];
    if (!m_file.readAt(offset, lengthField, kLengthFieldSize))
        return std::nullopt;
    const qint64 length = qint64(qFromBigEndian<quint32>(lengthField));
    if (length < kMinFrameLength || length > kMaxFrameLength ||
        offset + kLengthFieldSize + length > m_fileSize)
        return std::nullopt;
    QByteArray frame(length, Qt::Uninitialized);
    if (!m_file.readAt(offset + kLengthFieldSize, frame.data(), length))
        return std::nullopt;
    auto opened = codec.openFrameInPlace(frame.data(), length);
    if (!opened)
        return std::nullopt;
    return opened->sequence;
}

LogScanner::Outcome LogScanner::run(const Visitor &visit)
{
    const bool leafOnly = m_sealedLeaves && !visit;
    Outcome out = scan(visit, leafOnly);
    if (leafOnly && !out.report.ok && out.report.issue != AuditIssue::Cancelled) {
        // Name the damaged record: the same scan, opening every frame.
        Outcome named = scan(visit, false);
        if (!named.report.ok && named.report.issue != AuditIssue::Cancelled)
            return named;
    }
    return out;
}

LogScanner::Outcome LogScanner::scan(const Visitor &visit, bool leafOnly)
{
    const qint64 leafOnlyBelow = leafOnly ? m_checkpoint.bytes : 0;
    Outcome out;
    out.chainHead = m_genesis;
    AuditVerifyReport &rep = out.report;
    rep.checkpointSize = m_checkpoint.size;
    qint64 offset = kHeaderSize;
    qint64 expected = 0;
    if (m_start) {
        offset = m_start->offset;
        expected = m_start->sequence;
        out.chainHead = m_start->chainHead;
        out.frontier = m_start->frontier;
    }
    const qint64 firstOffset = offset;

    auto mainCodec = LogCodec::create(m_cipher, m_recordKey, m_logId);
    auto workerCodec = LogCodec::create(m_cipher, m_recordKey, m_logId);
    if (!mainCodec || !workerCodec) {
        rep.issue = AuditIssue::Malformed;
        rep.message = mainCodec ? workerCodec.error().message : mainCodec.error().message;
        return out;
    }
    crypto::Hasher chainHasher(crypto::HashAlgorithm::Sm3);

    auto fail = [&](AuditIssue issue, qint64 sequence, qint64 at, const QString &message) {
        rep.ok = false;
        rep.issue = issue;
        rep.sequence = sequence;
        rep.byteOffset = at;
        rep.message = message;
        rep.eventCount = expected;
        out.validEnd = offset;
    };
    // A block whose frames the checkpoint covers, in a leaf-only scan: the worker runs its chain
    // while this thread runs the frontier and the checks, and the chain is compared afterwards.
    bool chainElsewhere = false;

    // The checkpoint states the file length, root and chain head at its size; all must agree.
    auto checkpointDisagrees = [&]() -> bool {
        if (expected != m_checkpoint.size)
            return false;
        if (offset != m_checkpoint.bytes) {
            fail(AuditIssue::Malformed, -1, offset,
                 QStringLiteral("the signed checkpoint places event %1's end at byte %2, the file at byte %3")
                     .arg(m_checkpoint.size - 1)
                     .arg(m_checkpoint.bytes)
                     .arg(offset));
            return true;
        }
        if (out.frontier.root() != m_checkpoint.merkleRoot) {
            fail(AuditIssue::MerkleRootMismatch, -1, offset,
                 QStringLiteral("events 0 to %1 do not produce the Merkle root the checkpoint signs")
                     .arg(m_checkpoint.size - 1));
            return true;
        }
        if (!chainElsewhere && out.chainHead != m_checkpoint.chainHead) {
            fail(AuditIssue::ChainBreak, -1, offset,
                 QStringLiteral("the hash chain after event %1 differs from the signed chain head")
                     .arg(m_checkpoint.size - 1));
            return true;
        }
        return false;
    };

    // Returns false when the scan must stop (a failure, or a torn tail).
    auto process = [&](const Block &block) -> bool {
        if (!block.error.isEmpty()) {
            fail(AuditIssue::Malformed, expected, block.start, block.error);
            return false;
        }
        for (const Slot &s : block.slots) {
            const bool covered = s.offset < m_checkpoint.bytes;
            const qint64 frameEnd = s.offset + kLengthFieldSize + s.length;
            switch (s.status) {
            case FrameStatus::Ok:
                break;
            case FrameStatus::Incomplete:
            case FrameStatus::BadLength:
                if (!covered) {
                    out.tornOffset = s.offset;
                    return false;
                }
                if (s.status == FrameStatus::Incomplete && m_fileSize < m_checkpoint.bytes) {
                    fail(AuditIssue::TruncatedTail, expected, s.offset,
                         QStringLiteral("the signed checkpoint says %1 events (%2 bytes); the file ends "
                                        "inside event %3 at byte %4")
                             .arg(m_checkpoint.size)
                             .arg(m_checkpoint.bytes)
                             .arg(expected)
                             .arg(m_fileSize));
                } else {
                    fail(AuditIssue::Malformed, expected, s.offset,
                         QStringLiteral("event %1 at byte %2 has a damaged length field")
                             .arg(expected)
                             .arg(s.offset));
                }
                return false;
            case FrameStatus::AuthFailed:
                // A killed writer can leave a last frame whose length arrived but not all its data.
                if (!covered && frameEnd == m_fileSize) {
                    out.tornOffset = s.offset;
                    return false;
                }
                fail(AuditIssue::AuthenticationFailure, expected, s.offset,
                     QStringLiteral("event %1 at byte %2 fails authentication: its bytes were changed")
                         .arg(expected)
                         .arg(s.offset));
                return false;
            }

            const qint64 seq = s.opened.sequence;
            if (seq > expected) {
                if (sequenceAt(frameEnd, mainCodec.value()) == expected) {
                    fail(AuditIssue::ChainBreak, expected, s.offset,
                         QStringLiteral("events %1 and %2 are out of order at byte %3 (records swapped)")
                             .arg(expected)
                             .arg(seq)
                             .arg(s.offset));
                } else {
                    fail(AuditIssue::SequenceGap, expected, s.offset,
                         seq == expected + 1
                             ? QStringLiteral("event %1 is missing: the record at byte %2 holds event %3")
                                   .arg(expected)
                                   .arg(s.offset)
                                   .arg(seq)
                             : QStringLiteral(
                                   "events %1 to %2 are missing: the record at byte %3 holds event %4")
                                   .arg(expected)
                                   .arg(seq - 1)
                                   .arg(s.offset)
                                   .arg(seq));
                }
                return false;
            }
            if (seq < expected) {
                fail(AuditIssue::SequenceRepeat, expected, s.offset,
                     QStringLiteral("the record at byte %1 repeats event %2 where event %3 belongs "
                                    "(inserted or duplicated record)")
                         .arg(s.offset)
                         .arg(seq)
                         .arg(expected));
                return false;
            }
            if (s.decrypted && s.opened.prevChain != out.chainHead) {
                fail(AuditIssue::ChainBreak, expected, s.offset,
                     QStringLiteral("event %1 at byte %2 does not chain to event %3")
                         .arg(expected)
                         .arg(s.offset)
                         .arg(expected - 1));
                return false;
            }
            if (!chainElsewhere) {
                out.chainHead = chainStep(chainHasher, out.chainHead, s.leaf);
            }
            out.frontier.appendLeafHash(s.leaf, m_nodeSink);
            if (visit) {
                if (auto r = visit(Record{seq, s.offset, s.length, s.opened.canonical, s.leaf, out.chainHead,
                                          &out.frontier});
                    !r) {
                    fail(AuditIssue::Malformed, expected, s.offset,
                         QStringLiteral("event %1 at byte %2: %3")
                             .arg(expected)
                             .arg(s.offset)
                             .arg(r.error().message));
                    return false;
                }
            }
            ++expected;
            offset = frameEnd;
            if (checkpointDisagrees())
                return false;
        }
        return true;
    };

    if (checkpointDisagrees())
        return out;
    if (offset < m_fileSize) {
        std::unique_ptr<Block> current = readBlock(offset);
        {
            auto helper = std::async(std::launch::async,
                                     [&] { openBlock(*current, workerCodec.value(), leafOnlyBelow); });
            openBlock(*current, mainCodec.value(), leafOnlyBelow);
            helper.wait();
        }
        for (;;) {
            std::unique_ptr<Block> next;
            std::promise<void> nextRead; // the worker reads the next block too: no core idles on I/O
            std::future<void> nextReadDone = nextRead.get_future();
            std::future<void> opening;
            const bool more = !current->last && current->error.isEmpty() && current->next < m_fileSize;
            chainElsewhere = leafOnly && current->error.isEmpty() &&
                             current->start + qint64(current->bytes.size()) <= m_checkpoint.bytes;
            const qint64 blockFirst = expected;
            QByteArray blockChain = out.chainHead; // the worker's: the chain after this block's frames
            QByteArray chainAtCheckpoint;          // and after event checkpoint.size - 1, if in this block
            if (more || chainElsewhere) {
                opening = std::async(std::launch::async, [&, at = current->next] {
                    if (more) { // first, so this thread never waits for the next block's bytes
                        try {
                            next = readBlock(at);
                        } catch (const std::exception &e) { // out of memory: a failure, never a hang
                            next = std::make_unique<Block>();
                            next->start = at;
                            next->last = true;
                            next->error = QStringLiteral("cannot read at byte %1: %2")
                                              .arg(at)
                                              .arg(QString::fromLocal8Bit(e.what()));
                        }
                        nextRead.set_value();
                    }
                    if (chainElsewhere) {
                        crypto::Hasher h(crypto::HashAlgorithm::Sm3);
                        qint64 sequence = blockFirst;
                        for (const Slot &slot : current->slots) {
                            if (slot.status != FrameStatus::Ok)
                                break;
                            blockChain = chainStep(h, blockChain, slot.leaf);
                            if (++sequence == m_checkpoint.size)
                                chainAtCheckpoint = blockChain;
                        }
                    }
                    if (more)
                        openBlock(*next, workerCodec.value(), leafOnlyBelow);
                });
            }
            bool keepGoing = process(*current);
            if (keepGoing && m_progress && !m_progress(offset - firstOffset, m_fileSize - firstOffset)) {
                fail(AuditIssue::Cancelled, expected, offset,
                     QStringLiteral("the check was stopped after event %1").arg(expected - 1));
                keepGoing = false;
            }
            if (more) {
                if (keepGoing) {
                    nextReadDone.wait();
                    openBlock(*next, mainCodec.value(),
                              leafOnlyBelow); // take over what the worker has not reached yet
                }
            }
            if (opening.valid())
                opening.wait();
            if (chainElsewhere && keepGoing) {
                out.chainHead = blockChain;
                if (!chainAtCheckpoint.isEmpty() && chainAtCheckpoint != m_checkpoint.chainHead) {
                    fail(AuditIssue::ChainBreak, -1, offset,
                         QStringLiteral("the hash chain after event %1 differs from the signed chain head")
                             .arg(m_checkpoint.size - 1));
                    keepGoing = false;
                }
            }
            chainElsewhere = false;
            if (!keepGoing || !more)
                break;
            current = std::move(next);
        }
        if (rep.issue != AuditIssue::None)
            return out;
    }

    if (expected < m_checkpoint.size) {
        fail(AuditIssue::TruncatedTail, expected, offset,
             QStringLiteral("the signed checkpoint says %1 events, the file has %2")
                 .arg(m_checkpoint.size)
                 .arg(expected));
        return out;
    }
    rep.ok = true;
    rep.issue = AuditIssue::None;
    rep.eventCount = expected;
    rep.merkleRoot = out.frontier.root();
    rep.tornTailBytes = out.tornOffset >= 0 ? m_fileSize - out.tornOffset : 0;
    out.validEnd = offset;
    return out;
}

} // namespace mdp::audit::detail
