#include "mdp/audit/AuditLog.h"

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
    QByteArray prevChain;
    QByteArray chain;
    QByteArray leaf; // RFC 9162 leaf hash of the canonical event; the chain links these
    QString userId;
    qint64 recordedMs = 0;
    QStringList entityKeys;
};

struct EntryInfo
{
    qint64 offset;
    qint64 frameLength;
    qint64 recordedMs;
};

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
        state.checkpoint.cipher != crypto::cipherName(state.header.cipher))
        return failure(AuditIssue::Malformed, QStringLiteral("the checkpoint belongs to another audit log"));
    AuditVerifyReport ok;
    ok.ok = true;
    ok.checkpointSize = state.checkpoint.size;
    return ok;
}

} // namespace

struct AuditLog::Impl
{
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
    // Ids of every event appended, so a producer's retry cannot put the same event in twice.
    QSet<QString> eventIds;
    QByteArray appendChain;
    crypto::Hasher chainHasher{crypto::HashAlgorithm::Sm3};
    bool flushing = false;
    qint64 durableCount = 0;
    std::optional<Error> failed;
    QMap<QString, qint64> pendingAnchors;
    // Anchor changes are numbered so a flush() returns only once a checkpoint holding its
    // caller's anchors is on disk, even when another thread's flush carried them.
    quint64 anchorGeneration = 0;
    quint64 writtenAnchorGeneration = 0;

    // Writer state: touched by the flush leader only; verify() takes the mutex for a still picture.
    mutable std::mutex writeMutex;
    std::optional<LogCodec> writerCodec;
    qint64 fileEnd = 0;
    MerkleFrontier frontier;
    QByteArray writtenChain;

    // What queries, proofs and accessors read.
    mutable QReadWriteLock indexLock;
    AuditCheckpoint checkpoint;
    std::vector<EntryInfo> entries;
    QHash<QString, std::vector<qint64>> byUser;
    QHash<QString, std::vector<qint64>> byEntity;
    MerkleTree tree;
    AuditLogStatistics stats;

    Result<Pending> prepare(AuditEvent &event) const;
    static Error duplicate(const QString &eventId)
    {
        return makeError(Error::Code::AlreadyExists,
                         QStringLiteral("audit log: event %1 is already in the log").arg(eventId));
    }
    void enqueue(Pending &pending); // queueMutex held
    Result<void> flushUpTo(qint64 count, bool includeAnchors);
    Result<void> writeBatch(std::vector<Pending> &batch, const QMap<QString, qint64> &anchors);
    void indexEvent(qint64 sequence, const EntryInfo &info, const QString &userId,
                    const QStringList &entityKeys);
    Result<QList<AuditRecord>> readRecords(const std::vector<qint64> &sequences) const;
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
    for (const AuditEntity &e : std::as_const(event.entities))
        p.entityKeys << e.key();
    return p;
}

void AuditLog::Impl::enqueue(Pending &p)
{
    p.sequence = nextSequence++;
    p.prevChain = appendChain;
    p.leaf = MerkleHasher().leafHash(p.canonical);
    chainHasher.addData(appendChain);
    chainHasher.addData(p.leaf);
    appendChain = chainHasher.result();
    p.chain = appendChain;
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

Result<void> AuditLog::Impl::writeBatch(std::vector<Pending> &batch, const QMap<QString, qint64> &anchors)
{
    std::lock_guard writeLock(writeMutex);
    QByteArray buffer;
    qint64 bytes = 0;
    for (const Pending &p : batch)
        bytes += LogFormat::kLengthFieldSize + LogCodec::frameLengthFor(p.canonical.size());
    buffer.reserve(bytes);
    MerkleFrontier nextFrontier = frontier;
    std::vector<QByteArray> leaves;
    std::vector<EntryInfo> infos;
    leaves.reserve(batch.size());
    infos.reserve(batch.size());
    for (const Pending &p : batch) {
        const qint64 start = buffer.size();
        if (auto r = writerCodec->appendFrame(buffer, p.sequence, p.prevChain, p.canonical); !r)
            return r.error();
        leaves.push_back(p.leaf);
        nextFrontier.appendLeafHash(leaves.back());
        infos.push_back(
            EntryInfo{fileEnd + start, buffer.size() - start - LogFormat::kLengthFieldSize, p.recordedMs});
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
    cp.chainHead = batch.empty() ? writtenChain : batch.back().chain;
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
    QWriteLocker lock(&indexLock);
    checkpoint = cp;
    for (std::size_t i = 0; i < batch.size(); ++i) {
        indexEvent(batch[i].sequence, infos[i], batch[i].userId, batch[i].entityKeys);
        tree.appendLeafHash(leaves[i]);
    }
    ++stats.flushes;
    stats.eventsWritten += qint64(batch.size());
    stats.bytesWritten += buffer.size();
    return {};
}

void AuditLog::Impl::indexEvent(qint64 sequence, const EntryInfo &info, const QString &userId,
                                const QStringList &entityKeys)
{
    Q_ASSERT(qint64(entries.size()) == sequence);
    entries.push_back(info);
    byUser[userId].push_back(sequence);
    for (const QString &key : entityKeys) {
        std::vector<qint64> &list = byEntity[key];
        if (list.empty() || list.back() != sequence) // an entity listed twice in one event counts once
            list.push_back(sequence);
    }
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
    QFile::remove(headPath(options.directory) + QStringLiteral(".tmp")); // left by a crash mid-replace

    std::unique_ptr<AuditLog> log(new AuditLog());
    Impl &d = *log->d;
    d.directory = options.directory;
    d.signer = options.signer;
    d.clock = options.clock ? options.clock : &SystemClock::instance();
    d.nodeId = options.nodeId;

    auto file = LogFile::open(logPath(d.directory), LogFile::Mode::ReadWriteCreate);
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
        d.header = LogHeader::create(options.cipher, options.key);
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
        auto codec = LogCodec::create(d.header.cipher, d.recordKey, d.header.logId);
        if (!codec)
            return codec.error();
        d.writerCodec.emplace(std::move(codec.value()));
        d.checkpoint.logId = d.header.logId;
        d.checkpoint.cipher = crypto::cipherName(d.header.cipher);
        d.fileEnd = LogFormat::kHeaderSize;
        d.writtenChain = d.header.genesisChain();
        d.appendChain = d.writtenChain;
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

    LogScanner scanner(d.file, head.fileSize, d.header.cipher, d.recordKey, d.header.logId, head.checkpoint,
                       d.header.genesisChain());
    const LogScanner::Outcome scan = scanner.run([&](const LogScanner::Record &rec) -> Result<void> {
        auto event = AuditEvent::fromJson(rec.canonical);
        if (!event)
            return event.error();
        // Only our own canonical bytes are accepted: JSON with duplicate keys or other spellings
        // could be read differently by another tool than by this one.
        if (event->toCanonicalJson() != rec.canonical)
            return makeError(Error::Code::Corrupt, QStringLiteral("the event is not in canonical form"));
        QStringList keys;
        for (const AuditEntity &e : std::as_const(event->entities))
            keys << e.key();
        if (!event->id.isEmpty())
            d.eventIds.insert(event->id);
        d.indexEvent(rec.sequence,
                     EntryInfo{rec.offset, rec.frameLength, event->recorded.toMSecsSinceEpoch()},
                     event->agent.userId, keys);
        d.tree.appendLeafHash(rec.leafHash);
        return {};
    });
    if (!scan.report.ok)
        return refusal(scan.report);
    if (scan.tornOffset >= 0) {
        qCWarning(lcAudit) << "audit log: cutting" << scan.report.tornTailBytes
                           << "bytes of an unfinished record after event" << scan.report.eventCount - 1;
        if (auto r = d.file.truncate(scan.tornOffset); !r)
            return r.error();
    }
    d.writerCodec.emplace(std::move(codec.value()));
    d.checkpoint = head.checkpoint;
    d.pendingAnchors = head.checkpoint.anchors;
    d.fileEnd = scan.validEnd;
    d.frontier = scan.frontier;
    d.writtenChain = scan.chainHead;
    d.appendChain = scan.chainHead;
    d.nextSequence = scan.report.eventCount;
    d.durableCount = scan.report.eventCount;
    if (scan.report.eventCount > head.checkpoint.size) {
        // Complete records a killed writer left after its last checkpoint: verified, so kept and signed.
        qCInfo(lcAudit) << "audit log: adopting" << scan.report.eventCount - head.checkpoint.size
                        << "complete events written after the last checkpoint";
        std::vector<Pending> none;
        if (auto r = d.writeBatch(none, d.pendingAnchors); !r)
            return r.error();
    }
    qCInfo(lcAudit) << "audit log opened:" << scan.report.eventCount << "events";
    return log;
}

Result<qint64> AuditLog::append(AuditEvent event)
{
    auto p = d->prepare(event);
    if (!p)
        return p.error();
    std::lock_guard lock(d->queueMutex);
    if (d->failed)
        return *d->failed;
    if (!event.id.isEmpty()) {
        if (d->eventIds.contains(event.id))
            return d->duplicate(event.id);
        d->eventIds.insert(event.id);
    }
    d->enqueue(p.value());
    return d->nextSequence - 1;
}

bool AuditLog::containsEvent(const QString &eventId) const
{
    std::lock_guard lock(d->queueMutex);
    return d->eventIds.contains(eventId);
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
        std::lock_guard lock(d->queueMutex);
        if (d->failed)
            return *d->failed;
        QSet<QString> ids;
        for (const AuditEvent &e : std::as_const(events)) {
            if (e.id.isEmpty())
                continue;
            if (d->eventIds.contains(e.id) || ids.contains(e.id))
                return d->duplicate(e.id);
            ids.insert(e.id);
        }
        d->eventIds.unite(ids);
        for (Pending &p : prepared)
            d->enqueue(p);
        last = d->nextSequence - 1;
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

AuditVerifyReport AuditLog::verify() const
{
    std::lock_guard writeLock(d->writeMutex);
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
    LogScanner scanner(file.value(), head.fileSize, head.header.cipher, d->recordKey, head.header.logId,
                       head.checkpoint, head.header.genesisChain());
    return scanner.run().report;
}

AuditVerifyReport AuditLog::verifyDirectory(const QString &directory, const SecureBytes &key,
                                            const CheckpointSigner &signer)
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
    LogScanner scanner(file.value(), head.fileSize, head.header.cipher, recordKey, head.header.logId,
                       head.checkpoint, head.header.genesisChain());
    return scanner.run().report;
}

Result<QList<AuditRecord>> AuditLog::Impl::readRecords(const std::vector<qint64> &sequences) const
{
    auto codec = LogCodec::create(header.cipher, recordKey, header.logId);
    if (!codec)
        return codec.error();
    std::vector<EntryInfo> infos;
    {
        QReadLocker lock(&indexLock);
        for (qint64 s : sequences)
            infos.push_back(entries[std::size_t(s)]);
    }
    QList<AuditRecord> out;
    QByteArray frame;
    QByteArray plaintext;
    for (std::size_t i = 0; i < sequences.size(); ++i) {
        const EntryInfo &info = infos[i];
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
        auto opened =
            codec->openFrame(frame.constData() + LogFormat::kLengthFieldSize, info.frameLength, plaintext);
        if (!opened || opened->sequence != seq)
            return damaged(QStringLiteral("fails authentication"));
        auto event = AuditEvent::fromJson(opened->canonical);
        if (!event)
            return damaged(event.error().message);
        out.append(AuditRecord{seq, std::move(event.value())});
    }
    return out;
}

Result<QList<AuditRecord>> AuditLog::queryByUser(const AuditAgent &reader, const QString &userId,
                                                 const QDateTime &from, const QDateTime &to)
{
    AuditEvent read;
    read.type = EventType::AuditRead.toString();
    read.action = AuditAction::Read;
    read.agent = reader;
    read.detail.insert(QStringLiteral("query"), QStringLiteral("by-user"));
    read.detail.insert(QStringLiteral("user"), userId);
    if (from.isValid())
        read.detail.insert(QStringLiteral("from"), AuditEvent::formatTime(from));
    if (to.isValid())
        read.detail.insert(QStringLiteral("to"), AuditEvent::formatTime(to));
    // The read is on disk before any result leaves the log.
    auto readSeq = appendDurable(std::move(read));
    if (!readSeq)
        return readSeq.error();

    const qint64 fromMs = from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 toMs = to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    std::vector<qint64> hits;
    {
        QReadLocker lock(&d->indexLock);
        const auto it = d->byUser.constFind(userId);
        if (it != d->byUser.constEnd()) {
            for (qint64 s : it.value()) {
                if (s >= readSeq.value())
                    break;
                const qint64 t = d->entries[std::size_t(s)].recordedMs;
                if (t >= fromMs && t < toMs)
                    hits.push_back(s);
            }
        }
    }
    return d->readRecords(hits);
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

    std::vector<qint64> hits;
    {
        QReadLocker lock(&d->indexLock);
        const auto it = d->byEntity.constFind(entity.key());
        if (it != d->byEntity.constEnd()) {
            for (qint64 s : it.value()) {
                if (s >= readSeq.value())
                    break;
                hits.push_back(s);
            }
        }
    }
    return d->readRecords(hits);
}

Result<std::optional<AuditRecord>> AuditLog::lastRecordFor(const AuditEntity &entity) const
{
    std::vector<qint64> hits;
    {
        QReadLocker lock(&d->indexLock);
        const auto it = d->byEntity.constFind(entity.key());
        if (it == d->byEntity.constEnd() || it.value().empty())
            return std::optional<AuditRecord>();
        hits.push_back(it.value().back());
    }
    auto records = d->readRecords(hits);
    if (!records)
        return records.error();
    if (records->isEmpty())
        return std::optional<AuditRecord>();
    return std::optional<AuditRecord>(records->constLast());
}

Result<MerkleProof> AuditLog::inclusionProof(qint64 sequence, qint64 treeSize) const
{
    if (sequence < 0 || treeSize < 0)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: negative position"));
    QReadLocker lock(&d->indexLock);
    return d->tree.inclusionProof(quint64(sequence), quint64(treeSize));
}

Result<MerkleProof> AuditLog::consistencyProof(qint64 size1, qint64 size2) const
{
    if (size1 < 0 || size2 < 0)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: negative size"));
    QReadLocker lock(&d->indexLock);
    return d->tree.consistencyProof(quint64(size1), quint64(size2));
}

Result<QByteArray> AuditLog::merkleRoot(qint64 treeSize) const
{
    if (treeSize < 0)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit log: negative size"));
    QReadLocker lock(&d->indexLock);
    return d->tree.rootAt(quint64(treeSize));
}

} // namespace mdp::audit
