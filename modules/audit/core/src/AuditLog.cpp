#include "mdp/audit/AuditLog.h"

#include "AuditIndex.h"
#include "AuditLogging.h"
#include "LogCodec.h"
#include "LogFile.h"
#include "LogHeader.h"
#include "LogScanner.h"

#include "mdp/audit/AuditEventType.h"
#include "mdp/audit/AuditLogFormat.h"
#include "mdp/audit/MerkleFrontier.h"
#include "mdp/crypto/Hash.h"
#include "mdp/foundation/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QReadWriteLock>
#include <QSet>
#include <QtEndian>

#include <condition_variable>
#include <limits>
#include <mutex>
#include <vector>

namespace mdp::audit {

using namespace detail;

namespace {

struct Pending
{
    qint64 sequence = -1;
    QByteArray canonical;
    QString userId;
    qint64 recordedMs = 0;
    QStringList entityKeys;
    QString eventId;
};

// Events indexed per transaction while a scan at open catches the index up.
constexpr std::size_t kIndexChunk = 20000;

struct HeadState
{
    LogHeader header;
    AuditCheckpoint checkpoint;
    qint64 fileSize = 0;
};

AuditVerifyReport failure(AuditIssue issue, const QString &message)
{
    AuditVerifyReport r;
    r.issue = issue;
    r.message = message;
    return r;
}

Error refusal(const AuditVerifyReport &report)
{
    Error::Code code = Error::Code::Tampered;
    if (report.issue == AuditIssue::WrongKey)
        code = Error::Code::WrongPassphrase;
    else if (report.issue == AuditIssue::MissingFile)
        code = Error::Code::NotFound;
    else if (report.issue == AuditIssue::Malformed)
        code = Error::Code::Corrupt;
    return makeError(code, report.toString());
}

QString logPath(const QString &directory)
{
    return QDir(directory).filePath(QString::fromLatin1(LogFormat::kLogFileName));
}

QString headPath(const QString &directory)
{
    return QDir(directory).filePath(QString::fromLatin1(LogFormat::kHeadFileName));
}

// Reads and checks the log header and the signed checkpoint; everything but the records.
AuditVerifyReport readHead(const QString &directory, const LogFile &file,
                           const std::function<bool(const LogHeader &)> &keyMatches,
                           const CheckpointSigner &signer, HeadState &state)
{
    auto size = file.size();
    if (!size)
        return failure(AuditIssue::Malformed, size.error().message);
    state.fileSize = size.value();
    if (state.fileSize < LogFormat::kHeaderSize)
        return failure(AuditIssue::Malformed, QStringLiteral("audit.log is shorter than its header"));
    QByteArray headerBytes(LogFormat::kHeaderSize, Qt::Uninitialized);
    if (auto r = file.readAt(0, headerBytes.data(), headerBytes.size()); !r)
        return failure(AuditIssue::Malformed, r.error().message);
    auto header = LogHeader::parse(headerBytes);
    if (!header)
        return failure(AuditIssue::Malformed, header.error().message);
    state.header = header.value();
    if (!keyMatches(state.header))
        return failure(AuditIssue::WrongKey,
                       QStringLiteral("the key given does not belong to this audit log"));

    auto headBytes = LogFile::readAll(headPath(directory));
    if (!headBytes)
        return failure(headBytes.error().code == Error::Code::NotFound ? AuditIssue::MissingFile
                                                                       : AuditIssue::Malformed,
                       QStringLiteral("audit.head cannot be read: ") + headBytes.error().message);
    auto cp = AuditCheckpoint::fromHeadFile(headBytes.value());
    if (!cp)
        return failure(AuditIssue::Malformed, cp.error().message);
    state.checkpoint = cp.value();
    if (!signer.verify(state.checkpoint.signedBody(), state.checkpoint.signature)) {
        const QString who =
            state.checkpoint.keyId == signer.keyId()
                ? QStringLiteral("the checkpoint signature does not verify (head file altered)")
                : QStringLiteral("the checkpoint is signed by key %1, not by %2")
                      .arg(state.checkpoint.keyId, signer.keyId());
        return failure(AuditIssue::CheckpointSignatureInvalid, who);
    }
    if (state.checkpoint.logId != state.header.logId ||
        state.checkpoint.cipher != crypto::cipherName(state.header.cipher) ||
        state.checkpoint.logFormat != state.header.version)
        return failure(AuditIssue::Malformed, QStringLiteral("the checkpoint belongs to another audit log"));
    // The size again, after the head: a writer may have flushed (frames, then a new head) between the
    // first look and the head read, and the log only grows, so this one covers what the head signs.
    auto sizeAfter = file.size();
    if (!sizeAfter)
        return failure(AuditIssue::Malformed, sizeAfter.error().message);
    state.fileSize = std::max(state.fileSize, sizeAfter.value());
    AuditVerifyReport ok;
    ok.ok = true;
    ok.checkpointSize = state.checkpoint.size;
    return ok;
}

} // namespace

struct AuditLog::Impl
{
    std::function<void(const AuditEvent &)> observer;
    QString directory;
    std::shared_ptr<CheckpointSigner> signer;
    const Clock *clock = nullptr;
    QString nodeId;
    LogHeader header;
    SecureBytes recordKey;
    LogFile file;

    // Append queue and group commit.
    std::mutex queueMutex;
    std::condition_variable queueCv;
    std::vector<Pending> queue;
    qint64 nextSequence = 0;
    // Ids of events appended but not yet in the index; with the index they keep a producer's retry
    // from putting the same event in twice. idCheckMutex makes check-and-insert one step.
    QSet<QString> pendingIds;
    std::mutex idCheckMutex;
    bool flushing = false;
    qint64 durableCount = 0;
    std::optional<Error> failed;
    QMap<QString, qint64> pendingAnchors;
    // Anchor changes are numbered so a flush() returns only once a checkpoint holding its
    // caller's anchors is on disk, even when another thread's flush carried them.
    quint64 anchorGeneration = 0;
    quint64 writtenAnchorGeneration = 0;

    // Writer state: touched by the flush leader only. Lock order: idCheckMutex before queueMutex;
    // writeBatch() takes idCheckMutex under writeMutex (nothing takes them the other way round).
    mutable std::mutex writeMutex;
    std::optional<LogCodec> writerCodec;
    qint64 fileEnd = 0;
    MerkleFrontier frontier;
    QByteArray writtenChain;
    crypto::Hasher chainHasher{crypto::HashAlgorithm::Sm3};

    // What queries, proofs and accessors read: the on-disk index covers every durable event.
    mutable QReadWriteLock indexLock;
    AuditCheckpoint checkpoint;
    std::unique_ptr<AuditIndex> index;
    // Set when the index could not take a batch (the events are durable in audit.log); queries refuse
    // until the next open catches the index up.
    std::optional<Error> indexFailure;
    QString indexRebuilt; // why open() rebuilt the index ("missing", "disagreed"), or empty
    AuditLogStatistics stats;

    Result<Pending> prepare(AuditEvent &event) const;
    static Error duplicate(const QString &eventId)
    {
        return makeError(Error::Code::AlreadyExists,
                         QStringLiteral("audit log: event %1 is already in the log").arg(eventId));
    }
    void enqueue(Pending &pending); // queueMutex held
    Result<void> flushUpTo(qint64 count, bool includeAnchors);
    // `adopted`: events already in audit.log that this checkpoint signs for the first time (found
    // after the last checkpoint at open); they enter the index with the batch.
    Result<void> writeBatch(std::vector<Pending> &batch, const QMap<QString, qint64> &anchors,
                            std::vector<IndexedEvent> adopted = {},
                            std::vector<AuditIndex::Node> adoptedNodes = {});
    Result<bool> isKnownId(const QString &eventId) const; // in the index or pending
    Result<QList<AuditRecord>> recordsNaming(const std::vector<qint64> &candidates,
                                             const AuditEntity &entity) const;
    Result<void> indexReady() const;
    Result<QList<AuditRecord>> readRecords(const std::vector<qint64> &sequences) const;
    // Reads, authenticates and hands over each record's canonical bytes (and, when asked, the frame as
    // stored, length field included, before it is opened).
    Result<void>
    readFrames(const std::vector<qint64> &sequences,
               const std::function<Result<void>(qint64 sequence, QByteArrayView canonical)> &visit,
               const std::function<void(QByteArrayView stored)> &stored = {}) const;
    Result<QByteArray> leafHashAt(qint64 sequence) const;
    class NodeSource;
};

// The durable tree as the index holds it: stored upper levels, lower ones re-hashed from the records.
class AuditLog::Impl::NodeSource final : public MerkleNodeSource
{
public:
    NodeSource(const AuditLog::Impl &log, quint64 size)
        : m_log(log)
        , m_size(size)
    {}
    const MerkleHasher &hasher() const override { return m_hasher; }
    quint64 leafCount() const override { return m_size; }
    Result<QByteArray> perfectNode(int level, quint64 index) const override
    {
        if (level == 0)
            return m_log.leafHashAt(qint64(index));
        if (level >= AuditIndex::kStoredLevel) {
            auto stored = m_log.index->node(level, index);
            if (!stored)
                return stored.error();
            if (stored->has_value())
                return **stored;
        }
        auto left = perfectNode(level - 1, index * 2);
        if (!left)
            return left;
        auto right = perfectNode(level - 1, index * 2 + 1);
        if (!right)
            return right;
        return m_hasher.nodeHash(left.value(), right.value());
    }

private:
    const AuditLog::Impl &m_log;
    quint64 m_size;
    MerkleHasher m_hasher;
};

AuditLog::AuditLog()
    : d(std::make_unique<Impl>())
{}

AuditLog::~AuditLog()
{
    if (!d)
        return;
    qint64 target;
    {
        std::lock_guard lock(d->queueMutex);
        target = d->nextSequence;
    }
    if (auto r = d->flushUpTo(target, true); !r)
        qCWarning(lcAudit) << "audit log: events queued at close were not written:" << r.error().message;
}

Result<Pending> AuditLog::Impl::prepare(AuditEvent &event) const
{
    event.recorded = clock->now().toUTC();
    if (event.source.isEmpty())
        event.source = nodeId;
    auto canonical = event.toValidatedCanonicalJson();
    if (!canonical)
        return canonical.error();
    Pending p;
    p.canonical = std::move(canonical.value());
    p.userId = event.agent.userId;
    p.recordedMs = event.recorded.toMSecsSinceEpoch();
    for (const AuditEntity &e : std::as_const(event.entities)) {
        if (!p.entityKeys.contains(e.key())) // an entity listed twice in one event counts once
            p.entityKeys << e.key();
    }
    p.eventId = event.id;
    return p;
}

void AuditLog::Impl::enqueue(Pending &p)
{
    p.sequence = nextSequence++;
    queue.push_back(std::move(p));
}

Result<void> AuditLog::Impl::flushUpTo(qint64 count, bool includeAnchors)
{
    std::unique_lock lock(queueMutex);
    const quint64 wantedAnchors = includeAnchors ? anchorGeneration : 0;
    for (;;) {
        if (failed)
            return *failed;
        if (durableCount >= count && writtenAnchorGeneration >= wantedAnchors)
            return {};
        if (flushing) {
            // Another thread is writing; it or the next leader will take our events along.
            queueCv.wait(lock);
            continue;
        }
        flushing = true;
        std::vector<Pending> batch;
        batch.swap(queue);
        const QMap<QString, qint64> anchors = pendingAnchors;
        const quint64 generation = anchorGeneration;
        lock.unlock();
        const Result<void> r = writeBatch(batch, anchors);
        lock.lock();
        flushing = false;
        if (!r) {
            failed = r.error();
        } else {
            if (!batch.empty())
                durableCount = batch.back().sequence + 1;
            writtenAnchorGeneration = std::max(writtenAnchorGeneration, generation);
        }
        queueCv.notify_all();
    }
}

Result<void> AuditLog::Impl::writeBatch(std::vector<Pending> &batch, const QMap<QString, qint64> &anchors,
                                        std::vector<IndexedEvent> adopted,
                                        std::vector<AuditIndex::Node> adoptedNodes)
{
    std::lock_guard writeLock(writeMutex);
    QByteArray buffer;
    qint64 bytes = 0;
    for (const Pending &p : batch)
        bytes += LogFormat::kLengthFieldSize + LogCodec::frameLengthFor(p.canonical.size());
    buffer.reserve(bytes);
    MerkleFrontier nextFrontier = frontier;
    std::vector<IndexedEvent> indexed = std::move(adopted);
    std::vector<AuditIndex::Node> nodes = std::move(adoptedNodes);
    indexed.reserve(indexed.size() + batch.size());
    const auto keepNode = [&](int level, quint64 index, const QByteArray &hash) {
        if (level >= AuditIndex::kStoredLevel)
            nodes.push_back(AuditIndex::Node{level, index, hash});
    };
    // The chain runs in file order: each frame carries the chain head before it, and (version 2) the
    // leaf hashes the frame as sealed.
    const MerkleHasher hasher;
    QByteArray chain = writtenChain;
    for (const Pending &p : batch) {
        const qint64 start = buffer.size();
        if (auto r = writerCodec->appendFrame(buffer, p.sequence, chain, p.canonical); !r)
            return r.error();
        const QByteArray leaf = header.leavesCoverSealedFrames()
                                    ? hasher.leafHash(QByteArrayView(buffer).sliced(start))
                                    : hasher.leafHash(p.canonical);
        chain = chainStep(chainHasher, chain, leaf);
        nextFrontier.appendLeafHash(leaf, keepNode);
        indexed.push_back(IndexedEvent{p.sequence, fileEnd + start,
                                       buffer.size() - start - LogFormat::kLengthFieldSize, p.recordedMs,
                                       p.userId, p.entityKeys, p.eventId});
    }
    if (!buffer.isEmpty()) {
        if (auto r = file.writeAt(fileEnd, buffer); !r)
            return r.error();
        if (auto r = file.dataSync(); !r)
            return r.error();
    }

    // The checkpoint goes out only after the records it covers are on disk.
    AuditCheckpoint cp;
    {
        QReadLocker lock(&indexLock);
        cp = checkpoint;
    }
    cp.size = qint64(nextFrontier.size());
    cp.bytes = fileEnd + buffer.size();
    cp.merkleRoot = nextFrontier.root();
    cp.chainHead = chain;
    cp.anchors = anchors;
    cp.time = clock->now().toUTC();
    cp.keyId = signer->keyId();
    cp.signature = signer->sign(cp.signedBody());
    if (cp.signature.isEmpty())
        return makeError(Error::Code::Crypto,
                         QStringLiteral("audit log: the checkpoint signer refused to sign"));
    if (auto r = writeFileAtomically(headPath(directory), cp.toHeadFile()); !r)
        return r.error();

    fileEnd += buffer.size();
    frontier = nextFrontier;
    writtenChain = cp.chainHead;
    // The index follows the durable log; if it cannot, the events stay durable and the next open
    // catches it up from audit.log.
    if (!indexFailure) {
        if (auto r = index->add(indexed, nodes, IndexState{cp.size, cp.bytes, cp.chainHead, frontier}); !r) {
            qCWarning(lcAudit) << "audit log: the index could not take a batch:" << r.error().message;
            QWriteLocker lock(&indexLock);
            indexFailure = r.error();
        }
    }
    if (!indexFailure) {
        std::lock_guard ids(idCheckMutex);
        for (const Pending &p : batch) {
            if (!p.eventId.isEmpty())
                pendingIds.remove(p.eventId);
        }
    }
    QWriteLocker lock(&indexLock);
    checkpoint = cp;
    ++stats.flushes;
    stats.eventsWritten += qint64(batch.size());
    stats.bytesWritten += buffer.size();
    return {};
}

Result<std::unique_ptr<AuditLog>> AuditLog::open(AuditLogOptions options)
{
    if (options.directory.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: no directory given"));
    if (options.key.size() < 16)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("audit log: the key must have at least 16 bytes"));
    if (!options.signer)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("audit log: no checkpoint signer given"));
    if (options.nodeId.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: no node ID given"));
    if (options.mustExist &&
        (!QFile::exists(logPath(options.directory)) || !QFile::exists(headPath(options.directory))))
        return makeError(
            Error::Code::Tampered,
            QStringLiteral("audit log: %1 is missing; the audit history of this workspace was removed")
                .arg(QFile::exists(logPath(options.directory)) ? QStringLiteral("audit.head")
                                                               : QStringLiteral("audit.log")));
    if (!QDir().mkpath(options.directory))
        return makeError(Error::Code::Io, QStringLiteral("audit log: cannot create its directory"));
    QFile::setPermissions(options.directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    removeAtomicLeftovers(headPath(options.directory)); // left by a crash mid-replace

    std::unique_ptr<AuditLog> log(new AuditLog());
    Impl &d = *log->d;
    d.directory = options.directory;
    d.signer = options.signer;
    d.clock = options.clock ? options.clock : &SystemClock::instance();
    d.nodeId = options.nodeId;

    auto file = LogFile::open(logPath(d.directory), LogFile::Mode::ReadWriteCreate, options.segmentBytes);
    if (!file)
        return file.error();
    d.file = std::move(file.value());
    if (auto r = d.file.lockExclusive(); !r)
        return r.error();
    auto size = d.file.size();
    if (!size)
        return size.error();
    const bool headExists = QFile::exists(headPath(d.directory));

    bool fresh = false;
    if (size.value() < LogFormat::kHeaderSize) {
        // Only creation can leave a log without a full header, and creation writes the head last.
        if (headExists)
            return makeError(Error::Code::Tampered, QStringLiteral("audit log: audit.log has lost its header "
                                                                   "but a checkpoint exists"));
        if (options.formatVersion < 1 || options.formatVersion > LogFormat::kVersion)
            return makeError(
                Error::Code::InvalidArgument,
                QStringLiteral("audit log: format version %1 cannot be written").arg(options.formatVersion));
        d.header = LogHeader::create(options.cipher, options.key, options.formatVersion);
        if (auto r = d.file.truncate(0); !r)
            return r.error();
        if (auto r = d.file.writeAt(0, d.header.serialize()); !r)
            return r.error();
        if (auto r = d.file.dataSync(); !r)
            return r.error();
        fresh = true;
    } else if (!headExists) {
        QByteArray headerBytes(LogFormat::kHeaderSize, Qt::Uninitialized);
        if (auto r = d.file.readAt(0, headerBytes.data(), headerBytes.size()); !r)
            return r.error();
        auto header = LogHeader::parse(headerBytes);
        if (!header)
            return header.error();
        if (size.value() > LogFormat::kHeaderSize)
            return makeError(
                Error::Code::Tampered,
                QStringLiteral("audit log: audit.head is missing while audit.log holds records"));
        if (!header->keyMatches(options.key))
            return makeError(Error::Code::WrongPassphrase,
                             QStringLiteral("audit log: the key given does not belong to this log"));
        d.header = header.value();
        fresh = true; // created, but killed before its first checkpoint
    }

    d.recordKey = d.header.recordKey(options.key);
    if (fresh) {
        AuditIndex::remove(d.directory); // an index of an earlier log in this directory means nothing
        auto index = AuditIndex::open(d.directory, options.key, d.header.logId);
        if (!index)
            return index.error();
        d.index = std::move(index.value());
        auto codec = LogCodec::create(d.header.cipher, d.recordKey, d.header.logId);
        if (!codec)
            return codec.error();
        d.writerCodec.emplace(std::move(codec.value()));
        d.checkpoint.logId = d.header.logId;
        d.checkpoint.cipher = crypto::cipherName(d.header.cipher);
        d.checkpoint.logFormat = d.header.version;
        d.fileEnd = LogFormat::kHeaderSize;
        d.writtenChain = d.header.genesisChain();
        std::vector<Pending> none;
        if (auto r = d.writeBatch(none, {}); !r)
            return r.error();
        qCInfo(lcAudit) << "audit log created";
        return log;
    }

    HeadState head;
    const SecureBytes &key = options.key;
    const AuditVerifyReport headReport = readHead(
        d.directory, d.file, [&](const LogHeader &h) { return h.keyMatches(key); }, *d.signer, head);
    if (!headReport.ok)
        return refusal(headReport);
    d.header = head.header;
    d.recordKey = d.header.recordKey(options.key);
    auto codec = LogCodec::create(d.header.cipher, d.recordKey, d.header.logId);
    if (!codec)
        return codec.error();

    // The index says how far the log was already read and checked; only what follows is scanned, and
    // the scan must end exactly on the signed checkpoint (root and chain head), which also proves the
    // index's starting point. A missing, damaged or disagreeing index is rebuilt from the first event.
    auto openIndex = [&](bool fromScratch) -> Result<void> {
        d.index.reset();
        if (fromScratch)
            AuditIndex::remove(d.directory);
        auto index = AuditIndex::open(d.directory, key, d.header.logId);
        if (!index && !fromScratch) {
            qCWarning(lcAudit) << "audit log: rebuilding its index:" << index.error().message;
            AuditIndex::remove(d.directory);
            index = AuditIndex::open(d.directory, key, d.header.logId);
        }
        if (!index)
            return index.error();
        d.index = std::move(index.value());
        return {};
    };
    struct Scan
    {
        LogScanner::Outcome outcome;
        std::vector<IndexedEvent> adopted; // complete events after the checkpoint, indexed once signed
        std::vector<AuditIndex::Node> adoptedNodes;
        Error indexError;
        bool indexFailed = false;
    };
    auto scanFrom = [&](const std::optional<IndexState> &start, bool indexing = true) -> Scan {
        Scan out;
        LogScanner scanner(d.file, head.fileSize, d.header, d.recordKey, head.checkpoint);
        if (start)
            scanner.startAt({start->bytes, start->size, start->chainHead, start->frontier});
        std::vector<IndexedEvent> chunk;
        std::vector<AuditIndex::Node> nodes;
        qint64 nodeLimit = head.checkpoint.size; // nodes completed by a covered event go with the chunk
        if (indexing)
            scanner.setNodeSink([&](int level, quint64 index, const QByteArray &hash) {
                if (level < AuditIndex::kStoredLevel)
                    return;
                const qint64 lastLeaf = qint64(((index + 1) << level) - 1);
                (lastLeaf < nodeLimit ? nodes : out.adoptedNodes)
                    .push_back(AuditIndex::Node{level, index, hash});
            });
        if (options.progress) {
            scanner.setProgress([&](qint64 done, qint64 total) {
                options.progress(done, total);
                return true;
            });
        }
        out.outcome = scanner.run([&](const LogScanner::Record &rec) -> Result<void> {
            if (!indexing)
                return {};
            auto event = AuditEvent::fromJson(rec.canonical);
            if (!event)
                return event.error();
            // Only our own canonical bytes are accepted: JSON with duplicate keys or other spellings
            // could be read differently by another tool than by this one.
            if (event->toCanonicalJson() != rec.canonical)
                return makeError(Error::Code::Corrupt, QStringLiteral("the event is not in canonical form"));
            IndexedEvent e{
                rec.sequence,        rec.offset, rec.frameLength, event->recorded.toMSecsSinceEpoch(),
                event->agent.userId, {},         event->id};
            for (const AuditEntity &x : std::as_const(event->entities)) {
                if (!e.entityKeys.contains(x.key()))
                    e.entityKeys << x.key();
            }
            if (rec.sequence >= head.checkpoint.size) {
                out.adopted.push_back(std::move(e));
                return {};
            }
            chunk.push_back(std::move(e));
            const bool atCheckpoint = rec.sequence + 1 == head.checkpoint.size;
            if ((chunk.size() >= kIndexChunk || atCheckpoint) && !out.indexFailed) {
                const IndexState state{rec.sequence + 1,
                                       rec.offset + LogFormat::kLengthFieldSize + rec.frameLength,
                                       rec.chainHead.toByteArray(), *rec.frontier};
                if (auto r = d.index->add(chunk, nodes, state); !r) {
                    out.indexFailed = true;
                    out.indexError = r.error();
                }
                chunk.clear();
                nodes.clear();
            }
            return {};
        });
        return out;
    };

    if (auto r = openIndex(false); !r)
        return r.error();
    std::optional<IndexState> start = d.index->state();
    // The index has seen this many durable events; the log may never hold fewer.
    const qint64 indexSeen = start ? start->size : 0;
    // An index ahead of the checkpoint (an older head put back) or beyond the file: read everything.
    if (start && (start->size > head.checkpoint.size || start->bytes > head.fileSize ||
                  start->bytes < LogFormat::kHeaderSize)) {
        // Before the index (the only witness of how far the log went) is replaced, check the log
        // still holds everything it saw.
        const Scan check = scanFrom(std::nullopt, false);
        if (!check.outcome.report.ok)
            return refusal(check.outcome.report);
        if (check.outcome.report.eventCount < indexSeen)
            return makeError(Error::Code::Tampered,
                             QStringLiteral("audit log: %1 events were durable here, the log now holds %2: "
                                            "the newest events were cut off and an older checkpoint put "
                                            "back (truncated-tail)")
                                 .arg(indexSeen)
                                 .arg(check.outcome.report.eventCount));
        start.reset();
    }
    if (!start) {
        if (head.checkpoint.size > 0)
            d.indexRebuilt = QStringLiteral("missing");
        if (auto r = openIndex(true); !r)
            return r.error();
    }
    Scan scan = scanFrom(start);
    if (!scan.outcome.report.ok && start) {
        // The index's starting point did not lead to the signed checkpoint: trust neither it nor its
        // rows, and read the whole log; only a failure from the first event is the log's own.
        qCWarning(lcAudit) << "audit log: the index disagrees with the log ("
                           << scan.outcome.report.toString() << "); rebuilding it";
        d.indexRebuilt = QStringLiteral("disagreed");
        if (auto r = openIndex(true); !r)
            return r.error();
        scan = scanFrom(std::nullopt);
    }
    if (!scan.outcome.report.ok)
        return refusal(scan.outcome.report);
    if (scan.indexFailed)
        return makeError(scan.indexError.code, QStringLiteral("audit log: its index cannot be written: ") +
                                                   scan.indexError.message);
    const LogScanner::Outcome &outcome = scan.outcome;
    if (outcome.tornOffset >= 0) {
        qCWarning(lcAudit) << "audit log: cutting" << outcome.report.tornTailBytes
                           << "bytes of an unfinished record after event" << outcome.report.eventCount - 1;
        if (auto r = d.file.truncate(outcome.tornOffset); !r)
            return r.error();
    }
    d.writerCodec.emplace(std::move(codec.value()));
    d.checkpoint = head.checkpoint;
    d.pendingAnchors = head.checkpoint.anchors;
    d.fileEnd = outcome.validEnd;
    d.frontier = outcome.frontier;
    d.writtenChain = outcome.chainHead;
    d.nextSequence = outcome.report.eventCount;
    d.durableCount = outcome.report.eventCount;
    if (outcome.report.eventCount > head.checkpoint.size) {
        // Complete records a killed writer left after its last checkpoint: verified, so kept and signed.
        qCInfo(lcAudit) << "audit log: adopting" << outcome.report.eventCount - head.checkpoint.size
                        << "complete events written after the last checkpoint";
        std::vector<Pending> none;
        if (auto r =
                d.writeBatch(none, d.pendingAnchors, std::move(scan.adopted), std::move(scan.adoptedNodes));
            !r)
            return r.error();
    }
    qCInfo(lcAudit) << "audit log opened:" << outcome.report.eventCount << "events";
    return log;
}

Result<qint64> AuditLog::append(AuditEvent event)
{
    auto p = d->prepare(event);
    if (!p)
        return p.error();
    std::unique_lock ids(d->idCheckMutex, std::defer_lock);
    if (!event.id.isEmpty()) {
        ids.lock();
        auto known = d->isKnownId(event.id);
        if (!known)
            return known.error();
        if (known.value())
            return d->duplicate(event.id);
    }
    qint64 sequence = -1;
    {
        std::lock_guard lock(d->queueMutex);
        if (d->failed)
            return *d->failed;
        if (!event.id.isEmpty())
            d->pendingIds.insert(event.id);
        d->enqueue(p.value());
        sequence = d->nextSequence - 1;
    }
    if (ids.owns_lock())
        ids.unlock();
    if (d->observer)
        d->observer(event);
    return sequence;
}

void AuditLog::setObserver(std::function<void(const AuditEvent &event)> observer)
{
    d->observer = std::move(observer);
}

Result<bool> AuditLog::Impl::isKnownId(const QString &eventId) const
{
    // idCheckMutex held: an ID leaves pendingIds only after the index holds it.
    if (pendingIds.contains(eventId))
        return true;
    auto candidates = index->sequencesForEventId(eventId);
    if (!candidates)
        return candidates.error();
    if (candidates->empty())
        return false;
    // The index keeps a keyed 64-bit hash of each ID; the records say which ID it really was.
    auto records = readRecords(candidates.value());
    if (!records)
        return records.error();
    for (const AuditRecord &r : std::as_const(records.value())) {
        if (r.event.id == eventId)
            return true;
    }
    return false;
}

Result<QList<AuditRecord>> AuditLog::Impl::recordsNaming(const std::vector<qint64> &candidates,
                                                         const AuditEntity &entity) const
{
    auto records = readRecords(candidates);
    if (!records)
        return records.error();
    // The index keeps a keyed 64-bit hash of the data ID: drop a colliding event.
    const QString key = entity.key();
    records->removeIf([&](const AuditRecord &r) {
        return std::none_of(r.event.entities.cbegin(), r.event.entities.cend(),
                            [&](const AuditEntity &e) { return e.key() == key; });
    });
    return records;
}

bool AuditLog::containsEvent(const QString &eventId) const
{
    std::lock_guard ids(d->idCheckMutex);
    auto known = d->isKnownId(eventId);
    if (!known) {
        qCWarning(lcAudit) << "audit log: cannot look up an event ID:" << known.error().message;
        return false;
    }
    return known.value();
}

Result<void> AuditLog::flush()
{
    qint64 target;
    {
        std::lock_guard lock(d->queueMutex);
        target = d->nextSequence;
    }
    return d->flushUpTo(target, true);
}

Result<qint64> AuditLog::appendDurable(AuditEvent event)
{
    auto seq = append(std::move(event));
    if (!seq)
        return seq;
    if (auto r = d->flushUpTo(seq.value() + 1, false); !r)
        return r.error();
    return seq;
}

Result<qint64> AuditLog::commit(QList<AuditEvent> events)
{
    std::vector<Pending> prepared;
    prepared.reserve(std::size_t(events.size()));
    for (AuditEvent &e : events) {
        auto p = d->prepare(e);
        if (!p)
            return p.error(); // nothing of the batch is queued
        prepared.push_back(std::move(p.value()));
    }
    qint64 last;
    {
        std::lock_guard idLock(d->idCheckMutex);
        QSet<QString> ids;
        for (const AuditEvent &e : std::as_const(events)) {
            if (e.id.isEmpty())
                continue;
            if (ids.contains(e.id))
                return d->duplicate(e.id);
            auto known = d->isKnownId(e.id);
            if (!known)
                return known.error();
            if (known.value())
                return d->duplicate(e.id);
            ids.insert(e.id);
        }
        std::lock_guard lock(d->queueMutex);
        if (d->failed)
            return *d->failed;
        d->pendingIds.unite(ids);
        for (Pending &p : prepared)
            d->enqueue(p);
        last = d->nextSequence - 1;
    }
    if (d->observer) {
        for (const AuditEvent &e : std::as_const(events))
            d->observer(e);
    }
    if (auto r = d->flushUpTo(last + 1, false); !r)
        return r.error();
    return last;
}

qint64 AuditLog::size() const
{
    std::lock_guard lock(d->queueMutex);
    return d->nextSequence;
}

qint64 AuditLog::durableSize() const
{
    QReadLocker lock(&d->indexLock);
    return d->checkpoint.size;
}

AuditCheckpoint AuditLog::checkpoint() const
{
    QReadLocker lock(&d->indexLock);
    return d->checkpoint;
}

AuditLogStatistics AuditLog::statistics() const
{
    QReadLocker lock(&d->indexLock);
    return d->stats;
}

QString AuditLog::indexRebuilt() const
{
    return d->indexRebuilt;
}

QString AuditLog::directory() const
{
    return d->directory;
}

void AuditLog::setAnchor(const QString &name, qint64 value)
{
    std::lock_guard lock(d->queueMutex);
    d->pendingAnchors.insert(name, value);
    ++d->anchorGeneration;
}

std::optional<qint64> AuditLog::anchor(const QString &name) const
{
    QReadLocker lock(&d->indexLock);
    const auto it = d->checkpoint.anchors.constFind(name);
    if (it == d->checkpoint.anchors.constEnd())
        return std::nullopt;
    return it.value();
}

AuditVerifyReport AuditLog::verify(const VerifyProgress &progress) const
{
    // No lock: the log only grows, and the head file is replaced atomically, so what the head read
    // below signs is a still picture; frames after it are not part of this check.
    // A fresh descriptor: if the file was replaced behind our back, the replacement is what is checked.
    auto file = LogFile::open(logPath(d->directory), LogFile::Mode::ReadOnly);
    if (!file)
        return failure(AuditIssue::MissingFile, file.error().message);
    const QByteArray ours = d->header.serialize();
    HeadState head;
    AuditVerifyReport headReport = readHead(
        d->directory, file.value(), [&](const LogHeader &h) { return h.serialize() == ours; }, *d->signer,
        head);
    if (!headReport.ok) {
        if (headReport.issue == AuditIssue::WrongKey)
            headReport = failure(AuditIssue::Malformed, QStringLiteral("the audit.log header was replaced"));
        return headReport;
    }
    LogScanner scanner(file.value(), std::min(head.fileSize, head.checkpoint.bytes), head.header,
                       d->recordKey, head.checkpoint);
    if (progress)
        scanner.setProgress(progress);
    return scanner.run().report;
}

AuditVerifyReport AuditLog::verifyDirectory(const QString &directory, const SecureBytes &key,
                                            const CheckpointSigner &signer, qint64 prefixSize,
                                            const std::function<void(qint64, QByteArrayView)> &observe)
{
    auto file = LogFile::open(logPath(directory), LogFile::Mode::ReadOnly);
    if (!file)
        return failure(AuditIssue::MissingFile, file.error().message);
    HeadState head;
    const AuditVerifyReport headReport = readHead(
        directory, file.value(), [&](const LogHeader &h) { return h.keyMatches(key); }, signer, head);
    if (!headReport.ok)
        return headReport;
    const SecureBytes recordKey = head.header.recordKey(key);
    LogScanner scanner(file.value(), head.fileSize, head.header, recordKey, head.checkpoint);
    QByteArray prefixRoot = prefixSize == 0 ? MerkleHasher().emptyRoot() : QByteArray();
    LogScanner::Visitor visit;
    if (prefixSize > 0 || observe) {
        visit = [&](const LogScanner::Record &rec) -> Result<void> {
            if (rec.sequence + 1 == prefixSize)
                prefixRoot = rec.frontier->root();
            if (observe)
                observe(rec.sequence, rec.canonical);
            return {};
        };
    }
    AuditVerifyReport report = scanner.run(visit).report;
    report.checkpointAnchors = head.checkpoint.anchors;
    report.prefixRoot = prefixRoot;
    return report;
}

Result<void> AuditLog::Impl::indexReady() const
{
    QReadLocker lock(&indexLock);
    if (indexFailure)
        return makeError(Error::Code::Io,
                         QStringLiteral("audit log: its index fell behind (%1); close and reopen the "
                                        "workspace to catch it up")
                             .arg(indexFailure->message));
    return {};
}

Result<QByteArray> AuditLog::Impl::leafHashAt(qint64 sequence) const
{
    if (header.leavesCoverSealedFrames()) {
        // The frame as stored; still authenticated, so a changed record is named as such.
        QByteArray leaf;
        auto r = readFrames(
            {sequence}, [&](qint64, QByteArrayView) -> Result<void> { return {}; },
            [&](QByteArrayView stored) { leaf = MerkleHasher().leafHash(stored); });
        if (!r)
            return r.error();
        return leaf;
    }
    QByteArray leaf;
    auto r = readFrames({sequence}, [&](qint64, QByteArrayView canonical) -> Result<void> {
        leaf = MerkleHasher().leafHash(canonical);
        return {};
    });
    if (!r)
        return r.error();
    return leaf;
}

Result<QList<AuditRecord>> AuditLog::Impl::readRecords(const std::vector<qint64> &sequences) const
{
    QList<AuditRecord> out;
    auto r = readFrames(sequences, [&](qint64 seq, QByteArrayView canonical) -> Result<void> {
        auto event = AuditEvent::fromJson(canonical);
        if (!event)
            return event.error();
        out.append(AuditRecord{seq, std::move(event.value())});
        return {};
    });
    if (!r)
        return r.error();
    return out;
}

Result<void> AuditLog::Impl::readFrames(
    const std::vector<qint64> &sequences,
    const std::function<Result<void>(qint64 sequence, QByteArrayView canonical)> &visit,
    const std::function<void(QByteArrayView stored)> &stored) const
{
    auto codec = LogCodec::create(header.cipher, recordKey, header.logId);
    if (!codec)
        return codec.error();
    auto located = index->locations(sequences);
    if (!located)
        return located.error();
    const std::vector<FrameLocation> &infos = located.value();
    QByteArray frame;
    QByteArray plaintext;
    for (std::size_t i = 0; i < sequences.size(); ++i) {
        const FrameLocation &info = infos[i];
        const qint64 seq = sequences[i];
        frame.resize(LogFormat::kLengthFieldSize + info.frameLength);
        auto damaged = [&](const QString &why) {
            return makeError(Error::Code::Tampered,
                             QStringLiteral("audit log: event %1 (byte %2) %3; run verify")
                                 .arg(seq)
                                 .arg(info.offset)
                                 .arg(why));
        };
        if (auto r = file.readAt(info.offset, frame.data(), frame.size()); !r)
            return damaged(QStringLiteral("cannot be read: ") + r.error().message);
        if (qint64(qFromBigEndian<quint32>(frame.constData())) != info.frameLength)
            return damaged(QStringLiteral("has a changed length field"));
        if (stored)
            stored(frame);
        auto opened =
            codec->openFrame(frame.constData() + LogFormat::kLengthFieldSize, info.frameLength, plaintext);
        if (!opened || opened->sequence != seq)
            return damaged(QStringLiteral("fails authentication"));
        if (auto r = visit(seq, opened->canonical); !r)
            return damaged(r.error().message);
    }
    return {};
}

namespace {

// The audit.read a query records first: who asked, the question and its time range.
AuditEvent readEvent(const AuditAgent &reader, const QString &query, const QDateTime &from,
                     const QDateTime &to)
{
    AuditEvent read;
    read.type = EventType::AuditRead.toString();
    read.action = AuditAction::Read;
    read.agent = reader;
    read.detail.insert(QStringLiteral("query"), query);
    if (from.isValid())
        read.detail.insert(QStringLiteral("from"), AuditEvent::formatTime(from));
    if (to.isValid())
        read.detail.insert(QStringLiteral("to"), AuditEvent::formatTime(to));
    return read;
}

// [from, to) in milliseconds; an invalid bound is open.
std::pair<qint64, qint64> rangeMs(const QDateTime &from, const QDateTime &to)
{
    return {from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min(),
            to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max()};
}

} // namespace

Result<QList<AuditRecord>> AuditLog::queryByUser(const AuditAgent &reader, const QString &userId,
                                                 const QDateTime &from, const QDateTime &to)
{
    AuditEvent read = readEvent(reader, QStringLiteral("by-user"), from, to);
    read.detail.insert(QStringLiteral("user"), userId);
    // The read is on disk before any result leaves the log.
    auto readSeq = appendDurable(std::move(read));
    if (!readSeq)
        return readSeq.error();

    const auto [fromMs, toMs] = rangeMs(from, to);
    if (auto r = d->indexReady(); !r)
        return r.error();
    auto hits = d->index->sequencesForUser(userId, fromMs, toMs, readSeq.value());
    if (!hits)
        return hits.error();
    auto records = d->readRecords(hits.value());
    if (!records)
        return records.error();
    // The records, not the index, have the last word on who acted when.
    records->removeIf([&](const AuditRecord &r) {
        const qint64 t = r.event.recorded.toMSecsSinceEpoch();
        return r.event.agent.userId != userId || t < fromMs || t >= toMs;
    });
    return records;
}

Result<QList<AuditRecord>> AuditLog::queryByTime(const AuditAgent &reader, const QDateTime &from,
                                                 const QDateTime &to, const QString &purpose)
{
    AuditEvent read = readEvent(reader, QStringLiteral("by-time"), from, to);
    read.detail.insert(QStringLiteral("purpose"), purpose.left(64));
    auto readSeq = appendDurable(std::move(read));
    if (!readSeq)
        return readSeq.error();
    const auto [fromMs, toMs] = rangeMs(from, to);
    if (auto r = d->indexReady(); !r)
        return r.error();
    auto hits = d->index->sequencesBetween(fromMs, toMs, readSeq.value());
    if (!hits)
        return hits.error();
    auto records = d->readRecords(hits.value());
    if (!records)
        return records.error();
    records->removeIf([&](const AuditRecord &r) {
        const qint64 t = r.event.recorded.toMSecsSinceEpoch();
        return t < fromMs || t >= toMs;
    });
    return records;
}

Result<QList<AuditRecord>> AuditLog::queryByData(const AuditAgent &reader, const AuditEntity &entity)
{
    AuditEvent read;
    read.type = EventType::AuditRead.toString();
    read.action = AuditAction::Read;
    read.agent = reader;
    read.detail.insert(QStringLiteral("query"), QStringLiteral("by-data"));
    read.detail.insert(QStringLiteral("entityType"), entity.type);
    read.detail.insert(QStringLiteral("entityId"), entity.id);
    auto readSeq = appendDurable(std::move(read));
    if (!readSeq)
        return readSeq.error();

    if (auto r = d->indexReady(); !r)
        return r.error();
    auto hits = d->index->sequencesForEntity(entity.key(), readSeq.value());
    if (!hits)
        return hits.error();
    return d->recordsNaming(hits.value(), entity);
}

Result<std::optional<AuditRecord>> AuditLog::lastRecordFor(const AuditEntity &entity)
{
    if (auto r = d->indexReady(); !r)
        return r.error();
    const qint64 durable = durableSize();
    auto candidates = d->index->lastCandidatesForEntity(entity.key(), durable);
    if (!candidates)
        return candidates.error();
    // Newest first, one record at a time: a busy data ID (the database's commit events) has thousands
    // of candidates in a segment, and only the last one that really names it is wanted.
    auto newestNaming = [&](const std::vector<qint64> &list) -> Result<std::optional<AuditRecord>> {
        for (auto it = list.crbegin(); it != list.crend(); ++it) {
            auto records = d->recordsNaming({*it}, entity);
            if (!records)
                return records.error();
            if (!records->isEmpty())
                return std::optional<AuditRecord>(records->constFirst());
        }
        return std::optional<AuditRecord>();
    };
    auto found = newestNaming(candidates.value());
    if (found && !found->has_value() && !candidates->empty()) {
        // Only colliding events in the newest segment that had any: look through all of them.
        candidates = d->index->sequencesForEntity(entity.key(), durable);
        if (!candidates)
            return candidates.error();
        found = newestNaming(candidates.value());
    }
    return found;
}

Result<MerkleProof> AuditLog::inclusionProof(qint64 sequence, qint64 treeSize) const
{
    if (sequence < 0 || treeSize < 0)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: negative position"));
    if (auto r = d->indexReady(); !r)
        return r.error();
    return merkle::inclusionProof(Impl::NodeSource(*d, quint64(durableSize())), quint64(sequence),
                                  quint64(treeSize));
}

Result<QByteArray> AuditLog::leafHash(qint64 sequence) const
{
    if (sequence < 0 || sequence >= durableSize())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: no such durable event"));
    if (auto r = d->indexReady(); !r)
        return r.error();
    return d->leafHashAt(sequence);
}

Result<QList<QByteArray>> AuditLog::storedFrames(qint64 from, qint64 to) const
{
    if (from < 0 || to < from || to > durableSize())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: no such durable events"));
    if (!d->header.leavesCoverSealedFrames())
        return makeError(
            Error::Code::Unsupported,
            QStringLiteral(
                "audit log: a version-1 log's leaves are its plaintext events; it is not shipped"));
    if (auto r = d->indexReady(); !r)
        return r.error();
    std::vector<qint64> sequences;
    sequences.reserve(size_t(to - from));
    for (qint64 sequence = from; sequence < to; ++sequence)
        sequences.push_back(sequence);
    QList<QByteArray> frames;
    frames.reserve(qsizetype(sequences.size()));
    auto r = d->readFrames(
        sequences, [](qint64, QByteArrayView) -> Result<void> { return {}; },
        [&](QByteArrayView stored) { frames.append(stored.toByteArray()); });
    if (!r)
        return r.error();
    return frames;
}

Result<MerkleProof> AuditLog::consistencyProof(qint64 size1, qint64 size2) const
{
    if (size1 < 0 || size2 < 0)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: negative size"));
    if (auto r = d->indexReady(); !r)
        return r.error();
    return merkle::consistencyProof(Impl::NodeSource(*d, quint64(durableSize())), quint64(size1),
                                    quint64(size2));
}

Result<QByteArray> AuditLog::merkleRoot(qint64 treeSize) const
{
    if (treeSize < 0)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: negative size"));
    if (auto r = d->indexReady(); !r)
        return r.error();
    return merkle::rootAt(Impl::NodeSource(*d, quint64(durableSize())), quint64(treeSize));
}

Result<std::pair<qint64, qint64>> AuditLog::sequenceSpan(const QDateTime &from, const QDateTime &to) const
{
    if (auto r = d->indexReady(); !r)
        return r.error();
    const auto [fromMs, toMs] = rangeMs(from, to);
    return d->index->sequenceSpan(fromMs, toMs, durableSize());
}

Result<QByteArray> AuditLog::frontierAt(qint64 size) const
{
    if (size < 0 || size > durableSize())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: no such durable size"));
    if (auto r = d->indexReady(); !r)
        return r.error();
    // The perfect subtrees of the size's binary decomposition, largest first.
    const Impl::NodeSource source(*d, quint64(durableSize()));
    QByteArray out(8, Qt::Uninitialized);
    qToBigEndian<quint64>(quint64(size), out.data());
    quint64 start = 0;
    for (int level = 63; level >= 0; --level) {
        const quint64 width = quint64(1) << level;
        if ((quint64(size) & width) == 0)
            continue;
        auto node = source.perfectNode(level, start >> level);
        if (!node)
            return node.error();
        out += *node;
        start += width;
    }
    return out;
}

SecureBytes AuditLog::recordKeyForBundle() const
{
    return d->recordKey;
}

} // namespace mdp::audit
