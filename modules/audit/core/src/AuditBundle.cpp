#include "mdp/audit/AuditBundle.h"

#include "LogCodec.h"
#include "mdp/audit/AuditCheckpoint.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/audit/AuditLogFormat.h"
#include "mdp/audit/MerkleFrontier.h"
#include "mdp/audit/MerkleVerifier.h"
#include "mdp/audit/Sm2CheckpointSigner.h"
#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"
#include "mdp/foundation/AtomicFile.h"
#include "mdp/net/Protocol.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QtEndian>

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace mdp::audit {

namespace {

constexpr char kMagic[] = "MDPAUDB1";
constexpr int kMagicSize = 8;
const QString kFormat = QStringLiteral("mdp-audit-bundle-v1");
constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;
constexpr int kFramesPerSection = 4096;
constexpr qint64 kMaxHeader = 64 * 1024;
constexpr qint64 kMaxSection = qint64(256) << 20;
constexpr qint64 kMaxManifest = qint64(16) << 20;

bool isBundleId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}$"));
    return pattern.match(id).hasMatch();
}

// A JSON number that is a whole number within [0, 2^53): -1 otherwise (no undefined conversion).
qint64 count(const QJsonValue &value)
{
    const double d = value.toDouble(-1);
    if (!(d >= 0 && d < 9007199254740992.0) || d != std::floor(d))
        return -1;
    return qint64(d);
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray unb64(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

QJsonArray proofJson(const MerkleProof &proof)
{
    QJsonArray out;
    for (const QByteArray &hash : proof)
        out.append(b64(hash));
    return out;
}

MerkleProof proofFrom(const QJsonValue &value)
{
    MerkleProof out;
    for (const QJsonValue &hash : value.toArray())
        out.append(unb64(hash));
    return out;
}

QString stamp(const QDateTime &t)
{
    return t.isValid() ? AuditEvent::formatTime(t) : QString();
}

QDateTime timeOf(const QJsonValue &value)
{
    return AuditEvent::parseTime(value.toString()).value_or(QDateTime());
}

void putU32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

QByteArray sectionAssociatedData(const QByteArray &headerDigest, int index)
{
    QByteArray aad = kFormat.toLatin1() + '\n' + headerDigest;
    putU32(aad, quint32(index));
    return aad;
}

Error tampered(const QString &message)
{
    return makeError(Error::Code::Tampered, QStringLiteral("audit bundle: ") + message);
}

QString byteRange(qint64 from, qint64 to)
{
    return QStringLiteral("bytes %1-%2").arg(from).arg(to - 1);
}

// The frames of a section, each as stored (length field included).
Result<QList<QByteArrayView>> splitFrames(QByteArrayView bytes)
{
    QList<QByteArrayView> out;
    qsizetype at = 0;
    while (at < bytes.size()) {
        if (bytes.size() - at < LogFormat::kLengthFieldSize)
            return makeError(Error::Code::Corrupt, QStringLiteral("a frame's length is cut off"));
        const quint32 length = qFromBigEndian<quint32>(bytes.data() + at);
        if (length < quint32(LogFormat::kMinFrameLength) || length > quint32(LogFormat::kMaxFrameLength) ||
            qint64(length) > bytes.size() - at - LogFormat::kLengthFieldSize)
            return makeError(Error::Code::Corrupt, QStringLiteral("a frame's length is out of range"));
        out.append(bytes.sliced(at, LogFormat::kLengthFieldSize + qsizetype(length)));
        at += LogFormat::kLengthFieldSize + qsizetype(length);
    }
    return out;
}

} // namespace

Result<AuditBundleContent> bundleContentFromLog(const AuditLog &log, const QDateTime &from,
                                                const QDateTime &to)
{
    // Everything relative to one signed checkpoint, whatever is appended meanwhile.
    const AuditCheckpoint checkpoint = log.checkpoint();
    auto span = log.sequenceSpan(from, to);
    if (!span)
        return span.error();
    AuditBundleContent content;
    content.from = from;
    content.to = to;
    const qint64 end = std::min(span->second, checkpoint.size);
    content.first = std::min(span->first, end);
    auto frames = log.storedFrames(content.first, end);
    if (!frames)
        return frames.error();
    content.frames = std::move(*frames);
    auto frontier = log.frontierAt(content.first);
    if (!frontier)
        return frontier.error();
    content.frontier = std::move(*frontier);
    if (end > 0 && end < checkpoint.size) {
        auto proof = log.consistencyProof(end, checkpoint.size);
        if (!proof)
            return proof.error();
        content.consistency = std::move(*proof);
    }
    content.headFile = checkpoint.toHeadFile();
    content.recordKey = log.recordKeyForBundle();
    return content;
}

Result<void> writeAuditBundle(const QString &path, const AuditBundleContent &content,
                              const crypto::PublicKey &recipient, CheckpointSigner &signer)
{
    if (recipient.isNull() || recipient.algorithm() != crypto::SignatureAlgorithm::Sm2)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("audit bundle: the auditor's key must be SM2"));
    if (content.recordKey.isEmpty() || content.headFile.isEmpty() || content.nodeKeyDer.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("audit bundle: incomplete content"));
    const QByteArray bundleId =
        content.bundleId.isEmpty() ? crypto::randomBytes(16).toHex() : content.bundleId.toLatin1();
    if (!isBundleId(QString::fromLatin1(bundleId)))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("audit bundle: a bundle id is 32 hex digits"));
    const SecureBytes bundleKey = crypto::randomKey(crypto::aeadKeyLength(crypto::AeadCipher::Sm4Gcm));
    auto wrapped = recipient.encrypt(bundleKey.view());
    if (!wrapped)
        return wrapped.error();

    // The frame sections first: the manifest lists their digests.
    QList<QByteArray> sections;
    QJsonArray segmentList;
    for (qsizetype i = 0; i < content.frames.size(); i += kFramesPerSection) {
        QByteArray section;
        const qsizetype n = std::min<qsizetype>(kFramesPerSection, content.frames.size() - i);
        for (qsizetype k = 0; k < n; ++k)
            section += content.frames.at(i + k);
        segmentList.append(
            QJsonObject{{QStringLiteral("first"), double(content.first + i)},
                        {QStringLiteral("count"), double(n)},
                        {QStringLiteral("sm3"),
                         QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sm3, section).toHex())}});
        sections.append(section);
    }
    QJsonObject accounts;
    for (auto it = content.accountNames.cbegin(); it != content.accountNames.cend(); ++it)
        accounts.insert(it.key(), it.value());
    QJsonObject manifest{{QStringLiteral("format"), kFormat},
                         {QStringLiteral("bundle"), QString::fromLatin1(bundleId)},
                         {QStringLiteral("recipient"), QString::fromLatin1(recipient.fingerprint().toHex())},
                         {QStringLiteral("source"), content.source},
                         {QStringLiteral("node"), content.nodeId},
                         {QStringLiteral("exportedBy"), content.exportedBy},
                         {QStringLiteral("exportedAt"), stamp(content.exportedAt)},
                         {QStringLiteral("from"), stamp(content.from)},
                         {QStringLiteral("to"), stamp(content.to)},
                         {QStringLiteral("first"), double(content.first)},
                         {QStringLiteral("end"), double(content.first + content.frames.size())},
                         {QStringLiteral("checkpoint"), b64(content.headFile)},
                         {QStringLiteral("nodeKey"), b64(content.nodeKeyDer)},
                         {QStringLiteral("frontier"), b64(content.frontier)},
                         {QStringLiteral("consistency"), proofJson(content.consistency)},
                         {QStringLiteral("recordKey"), b64(content.recordKey.view().toByteArray())},
                         {QStringLiteral("accounts"), accounts},
                         {QStringLiteral("segments"), segmentList}};
    if (content.witness) {
        const AuditBundleWitness &w = *content.witness;
        manifest.insert(QStringLiteral("witness"),
                        QJsonObject{{QStringLiteral("treeSize"), double(w.treeSize)},
                                    {QStringLiteral("root"), b64(w.rootHash)},
                                    {QStringLiteral("at"), w.witnessedAt.toUTC().toString(Qt::ISODateWithMs)},
                                    {QStringLiteral("signature"), b64(w.signature)},
                                    {QStringLiteral("serverKey"), b64(w.serverKeyDer)},
                                    {QStringLiteral("consistency"), proofJson(w.consistency)}});
    }
    QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    const auto wipeManifest = qScopeGuard([&] {
        secureZero(manifestBytes);
        for (QByteArray &section : sections)
            secureZero(section);
    });
    const QByteArray signature = signer.sign(manifestBytes);
    if (signature.isEmpty())
        return makeError(Error::Code::Crypto, QStringLiteral("audit bundle: the node key could not sign"));
    sections.prepend(manifestBytes + '\n' + signature.toBase64());

    const QJsonObject header{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("bundle"), QString::fromLatin1(bundleId)},
        {QStringLiteral("recipient"), QString::fromLatin1(recipient.fingerprint().toHex())},
        {QStringLiteral("wrappedKey"), b64(*wrapped)},
        {QStringLiteral("sections"), double(sections.size())}};
    const QByteArray headerBytes = QJsonDocument(header).toJson(QJsonDocument::Compact);
    const QByteArray headerDigest = crypto::hash(crypto::HashAlgorithm::Sm3, headerBytes);

    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, bundleKey);
    if (!aead)
        return aead.error();
    QByteArray out(kMagic, kMagicSize);
    putU32(out, quint32(headerBytes.size()));
    out += headerBytes;
    for (int i = 0; i < sections.size(); ++i) {
        const QByteArray nonce = crypto::randomBytes(kNonceSize);
        auto sealed = aead->seal(nonce, sectionAssociatedData(headerDigest, i), sections.at(i));
        secureZero(sections[i]);
        if (!sealed)
            return sealed.error();
        putU32(out, quint32(kNonceSize + sealed->size()));
        out += nonce;
        out += *sealed;
    }
    secureZero(manifestBytes);
    return writeFileAtomically(path, out);
}

namespace {

// What opening needs after the checks: the verified frames (still sealed), their leaves, the key.
struct KeptFrames
{
    std::vector<QByteArray> buffers;    // section plaintexts: the frames as stored
    std::vector<QByteArrayView> frames; // into buffers, in sequence order
    std::vector<QByteArray> leaves;
    std::vector<int> where;       // the section of each frame
    QHash<int, QString> sections; // how a section is named in a message
    SecureBytes recordKey;
    QByteArray logId;
    crypto::AeadCipher cipher = crypto::AeadCipher::Sm4Gcm;
    QByteArray chainHead; // the signed chain head when the bundle ends at the checkpoint
};

// Every check over the bytes as stored (signatures, sections, leaves, Merkle, witness); the frames
// into `kept` when it is not null.
Result<OpenedAuditBundle> checkBundle(const QString &path, const crypto::SigningKey &auditorKey,
                                      const crypto::PublicKey *siteServerKey,
                                      const std::function<bool(qint64, qint64)> &progress, KeptFrames *kept)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound,
                         QStringLiteral("audit bundle: cannot read %1: %2").arg(path, file.errorString()));
    const qint64 total = file.size();
    OpenedAuditBundle out;
    out.bytes = total;
    const QByteArray lead = file.read(kMagicSize + 4);
    if (lead.size() < kMagicSize + 4 || !lead.startsWith(QByteArray(kMagic, kMagicSize)))
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("audit bundle: %1 is not an audit bundle").arg(path));
    const quint32 headerLength = qFromBigEndian<quint32>(lead.constData() + kMagicSize);
    if (headerLength == 0 || headerLength > kMaxHeader)
        return tampered(QStringLiteral("the header's length (bytes 8-11) is damaged"));
    const QByteArray headerBytes = file.read(headerLength);
    const qint64 headerEnd = kMagicSize + 4 + qint64(headerLength);
    QJsonParseError parseError{};
    const QJsonObject header = QJsonDocument::fromJson(headerBytes, &parseError).object();
    if (headerBytes.size() != qsizetype(headerLength) || parseError.error != QJsonParseError::NoError ||
        header.value(u"format").toString() != kFormat)
        return tampered(QStringLiteral("the header (%1) is damaged").arg(byteRange(12, headerEnd)));
    out.bundleId = header.value(u"bundle").toString();
    const QByteArray recipient = QByteArray::fromHex(header.value(u"recipient").toString().toLatin1());
    const QByteArray mine = auditorKey.publicKey().fingerprint();
    auto bundleKey = auditorKey.decrypt(unb64(header.value(u"wrappedKey")));
    if (recipient != mine && !bundleKey)
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("audit bundle: sealed for the auditor key %1, not for this key (%2)")
                             .arg(QString::fromLatin1(recipient.toHex().left(16)),
                                  QString::fromLatin1(mine.toHex().left(16))));
    if (recipient != mine)
        return tampered(
            QStringLiteral("the header (%1) is damaged: its recipient is not the key that opens it")
                .arg(byteRange(12, headerEnd)));
    if (!bundleKey)
        return tampered(QStringLiteral("the bundle key in the header (%1) does not open with this key")
                            .arg(byteRange(12, headerEnd)));
    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, *bundleKey);
    if (!aead)
        return aead.error();
    const int sectionCount = header.value(u"sections").toInt(-1);
    if (sectionCount < 1)
        return tampered(QStringLiteral("the header's section count is damaged"));
    const QByteArray headerDigest = crypto::hash(crypto::HashAlgorithm::Sm3, headerBytes);

    struct Section
    {
        qint64 begin = 0, end = 0;
        QByteArray buffer;    // as read, then opened in place
        QByteArrayView plain; // the plaintext inside it
    };
    // One section at a time, authenticated under its index.
    const auto readSection = [&](int index) -> Result<Section> {
        Section s;
        s.begin = file.pos();
        const QByteArray lengthField = file.read(4);
        if (lengthField.size() < 4)
            return tampered(QStringLiteral("the bundle ends at byte %1: section %2 of %3 is missing")
                                .arg(s.begin)
                                .arg(index)
                                .arg(sectionCount - 1));
        const quint32 length = qFromBigEndian<quint32>(lengthField.constData());
        if (length < quint32(kNonceSize + kTagSize) || qint64(length) > kMaxSection ||
            qint64(length) > total - s.begin - 4)
            return tampered(
                QStringLiteral("section %1's length field (byte %2) is damaged, or the bundle is cut short")
                    .arg(index)
                    .arg(s.begin));
        s.buffer = file.read(length);
        s.end = file.pos();
        // Opened in place: the plaintext is the middle of the buffer read.
        char *data = s.buffer.data();
        const qsizetype cipherLength = qsizetype(length) - kNonceSize - kTagSize;
        const bool authentic =
            s.buffer.size() == qsizetype(length) &&
            aead->openInPlace(QByteArrayView(data, kNonceSize), sectionAssociatedData(headerDigest, index),
                              data + kNonceSize, cipherLength,
                              QByteArrayView(data + kNonceSize + cipherLength, kTagSize))
                .ok();
        // Every seal is bound to the header: a damaged header shows as section 0 not opening.
        if (!authentic && index == 0)
            return tampered(QStringLiteral("the header (%1) or section 0 (%2) does not authenticate: altered")
                                .arg(byteRange(12, headerEnd), byteRange(s.begin, s.end)));
        if (!authentic)
            return tampered(
                QStringLiteral("section %1 (%2) does not authenticate: altered, or a section before "
                               "it is missing or out of place")
                    .arg(index)
                    .arg(byteRange(s.begin, s.end)));
        s.plain = QByteArrayView(data + kNonceSize, cipherLength);
        if (progress && !progress(s.end, total))
            return makeError(Error::Code::Cancelled, QStringLiteral("audit bundle: cancelled"));
        return s;
    };

    auto manifestSection = readSection(0);
    if (!manifestSection)
        return manifestSection.error();
    // The record key is wiped however this ends.
    const auto wipeManifest = qScopeGuard([&] { secureZero(manifestSection->buffer); });
    if (manifestSection->plain.size() > kMaxManifest)
        return tampered(QStringLiteral("the manifest (section 0) is larger than a manifest can be"));
    const qsizetype newline = manifestSection->plain.lastIndexOf('\n');
    QByteArray manifestBytes = manifestSection->plain.first(std::max<qsizetype>(newline, 0)).toByteArray();
    const auto wipeManifestBytes = qScopeGuard([&] { secureZero(manifestBytes); });
    const QByteArray manifestSignature =
        QByteArray::fromBase64(manifestSection->plain.sliced(newline + 1).toByteArray());
    const QJsonObject manifest = QJsonDocument::fromJson(manifestBytes).object();
    auto nodeKey = crypto::PublicKey::fromDer(unb64(manifest.value(u"nodeKey")));
    if (newline < 0 || manifest.value(u"format").toString() != kFormat || !nodeKey ||
        manifest.value(u"bundle").toString() != out.bundleId)
        return tampered(QStringLiteral("the manifest (section 0) is malformed"));
    Sm2CheckpointVerifier nodeVerifier(*nodeKey);
    if (!nodeVerifier.verify(manifestBytes, manifestSignature))
        return tampered(QStringLiteral("the node's signature over the manifest (section 0) does not verify"));
    out.nodeKeyFingerprint = nodeKey->fingerprint();
    out.verified << QStringLiteral("Sealed for this auditor key (%1); every section authenticated (SM4-GCM).")
                        .arg(QString::fromLatin1(mine.toHex().left(16)));
    out.verified << QStringLiteral("The manifest is signed by node key %1 (SM2).")
                        .arg(QString::fromLatin1(out.nodeKeyFingerprint.toHex().left(16)));
    out.source = manifest.value(u"source").toString();
    out.nodeId = manifest.value(u"node").toString();
    out.exportedBy = manifest.value(u"exportedBy").toString();
    out.exportedAt = timeOf(manifest.value(u"exportedAt"));
    out.from = timeOf(manifest.value(u"from"));
    out.to = timeOf(manifest.value(u"to"));
    out.first = count(manifest.value(u"first"));
    out.end = count(manifest.value(u"end"));
    if (manifest.value(u"recipient").toString().toLatin1() != mine.toHex())
        return tampered(QStringLiteral("the manifest names another recipient than this bundle's header"));
    const QJsonObject accounts = manifest.value(u"accounts").toObject();
    for (auto it = accounts.begin(); it != accounts.end(); ++it)
        out.accountNames.insert(it.key(), it.value().toString());

    // The checkpoint: the node's signed statement about its whole log.
    auto checkpoint = AuditCheckpoint::fromHeadFile(unb64(manifest.value(u"checkpoint")));
    if (!checkpoint)
        return tampered(QStringLiteral("the checkpoint in the manifest is malformed: ") +
                        checkpoint.error().message);
    if (!nodeVerifier.verify(checkpoint->signedBody(), checkpoint->signature))
        return tampered(QStringLiteral("the node's signature over its checkpoint (size %1) does not verify")
                            .arg(checkpoint->size));
    out.checkpointSize = checkpoint->size;
    out.checkpointTime = checkpoint->time;
    if (out.first < 0 || out.end < out.first || out.end > checkpoint->size)
        return tampered(QStringLiteral("the manifest's event range is outside the signed checkpoint"));
    const auto cipher = crypto::cipherFromName(checkpoint->cipher);
    if (!cipher)
        return tampered(QStringLiteral("the checkpoint names an unknown cipher"));
    out.verified << QStringLiteral("The node's checkpoint over %1 events (signed %2) verifies.")
                        .arg(checkpoint->size)
                        .arg(stamp(checkpoint->time));

    // The frames, section by section: digests, leaves, chain, events.
    const QJsonArray segments = manifest.value(u"segments").toArray();
    if (segments.size() != sectionCount - 1)
        return tampered(QStringLiteral("the header and the manifest disagree on the number of sections"));
    MerkleHasher hasher;
    auto frontier = MerkleFrontier::fromBytes(unb64(manifest.value(u"frontier")), hasher);
    if (!frontier || qint64(frontier->size()) != out.first)
        return tampered(
            QStringLiteral("the Merkle frontier in the manifest does not fit event %1").arg(out.first));
    SecureBytes recordKey(unb64(manifest.value(u"recordKey")));
    // The record key is kept in wiped memory from here (the parsed JSON's copies are Qt's, not wiped).
    if (!detail::LogCodec::create(*cipher, recordKey, checkpoint->logId))
        return tampered(QStringLiteral("the record key in the manifest is unusable"));
    qint64 sequence = out.first;
    qint64 lastEnd = manifestSection->end;
    std::vector<QByteArray> leaves;
    // The sections are read and opened on a thread of their own, a section or two ahead of the
    // leaves hashed here: the two halves of the work on the two cores.
    std::mutex queueMutex;
    std::condition_variable queueChanged;
    std::deque<Result<Section>> queue;
    std::atomic<bool> stop{false};
    std::thread reader([&] {
        for (int index = 1; index < sectionCount && !stop; ++index) {
            auto section = readSection(index);
            const bool failed = !section;
            std::unique_lock lock(queueMutex);
            queueChanged.wait(lock, [&] { return queue.size() < 2 || stop; });
            if (stop) {
                if (section)
                    secureZero(section->buffer);
                return;
            }
            queue.push_back(std::move(section));
            queueChanged.notify_all();
            if (failed)
                return;
        }
    });
    const auto stopReader = qScopeGuard([&] {
        {
            std::lock_guard lock(queueMutex);
            stop = true;
            for (auto &waiting : queue)
                if (waiting)
                    secureZero(waiting->buffer);
        }
        queueChanged.notify_all();
        reader.join();
    });
    const auto nextSection = [&]() -> Result<Section> {
        std::unique_lock lock(queueMutex);
        queueChanged.wait(lock, [&] { return !queue.empty(); });
        Result<Section> section = std::move(queue.front());
        queue.pop_front();
        queueChanged.notify_all();
        return section;
    };
    for (int index = 1; index < sectionCount; ++index) {
        auto section = nextSection();
        if (!section)
            return section.error();
        const QJsonObject listed = segments.at(index - 1).toObject();
        const qint64 listedFirst = count(listed.value(u"first"));
        const qint64 listedCount = count(listed.value(u"count"));
        const QString where = QStringLiteral("section %1 (%2, events %3-%4)")
                                  .arg(index)
                                  .arg(byteRange(section->begin, section->end))
                                  .arg(listedFirst)
                                  .arg(listedFirst + listedCount - 1);
        lastEnd = section->end;
        if (listedFirst != sequence)
            return tampered(where + QStringLiteral(" is not the one the manifest lists"));
        auto frames = splitFrames(section->plain);
        if (!frames || frames->size() != qsizetype(listedCount))
            return tampered(where + QStringLiteral(": its frames are malformed"));
        // The leaves are over the frames as stored: integrity without decrypting (AuditLogFormat.h).
        leaves.assign(size_t(frames->size()), QByteArray());
        for (qsizetype k = 0; k < frames->size(); ++k) {
            leaves[size_t(k)] = hasher.leafHash(frames->at(k));
            frontier->appendLeafHash(leaves[size_t(k)]);
        }
        if (kept) {
            for (qsizetype k = 0; k < frames->size(); ++k) {
                kept->frames.push_back(frames->at(k));
                kept->leaves.push_back(std::move(leaves[size_t(k)]));
                kept->where.push_back(index);
            }
            kept->sections.insert(index, where);
            kept->buffers.push_back(std::move(section->buffer));
        } else {
            secureZero(section->buffer);
        }
        sequence += frames->size();
    }
    if (lastEnd != total)
        return tampered(QStringLiteral("%1 unexplained bytes follow the last section (from byte %2)")
                            .arg(total - lastEnd)
                            .arg(lastEnd));
    if (sequence != out.end)
        return tampered(QStringLiteral("the sections hold events up to %1, the manifest says %2")
                            .arg(sequence - 1)
                            .arg(out.end - 1));
    if (kept) {
        kept->recordKey = recordKey;
        kept->logId = checkpoint->logId;
        kept->cipher = *cipher;
        if (out.end == checkpoint->size)
            kept->chainHead = checkpoint->chainHead;
    }

    // Merkle: the frontier at `first` and the frames' leaves give the root at `end`, which must be a
    // prefix of the signed tree.
    MerkleVerifier verifier(hasher);
    const QByteArray rootAtEnd = frontier->root();
    const MerkleProof toCheckpoint = proofFrom(manifest.value(u"consistency"));
    if (out.end == checkpoint->size) {
        if (rootAtEnd != checkpoint->merkleRoot)
            return tampered(
                QStringLiteral("the Merkle root over events 0-%1 differs from the signed checkpoint's")
                    .arg(out.end - 1));
    } else if (out.end > 0) {
        if (auto r = verifier.verifyConsistency(quint64(out.end), quint64(checkpoint->size), toCheckpoint,
                                                rootAtEnd, checkpoint->merkleRoot);
            !r)
            return tampered(
                QStringLiteral("the consistency proof from %1 to the checkpoint's %2 events fails: %3")
                    .arg(out.end)
                    .arg(checkpoint->size)
                    .arg(r.error().message));
    }
    out.verified << QStringLiteral("Merkle inclusion: the events lead to the root over %1 events, consistent "
                                   "with the signed checkpoint (RFC 9162).")
                        .arg(out.end);

    // The server's witness over a size the node shipped.
    const QJsonObject witness = manifest.value(u"witness").toObject();
    // Without a witness only the node's own key vouches for the events, and that key comes with the
    // bundle: an auditor who holds the site's key accepts nothing the site did not witness.
    if (witness.isEmpty() && siteServerKey)
        return tampered(
            QStringLiteral("the bundle carries no witness of the site server, whose key you gave"));
    if (!witness.isEmpty()) {
        const qint64 size = count(witness.value(u"treeSize"));
        const QByteArray root = unb64(witness.value(u"root"));
        const QDateTime at = QDateTime::fromString(witness.value(u"at").toString(), Qt::ISODateWithMs);
        auto serverKey = crypto::PublicKey::fromDer(unb64(witness.value(u"serverKey")));
        if (!serverKey || size < 1 || size > checkpoint->size || !at.isValid())
            return tampered(QStringLiteral("the server's witness in the manifest is malformed"));
        if (siteServerKey && !(*serverKey == *siteServerKey))
            return tampered(QStringLiteral("the witness is signed by server key %1, not by the site's key %2")
                                .arg(QString::fromLatin1(serverKey->fingerprint().toHex().left(16)),
                                     QString::fromLatin1(siteServerKey->fingerprint().toHex().left(16))));
        if (!serverKey->verify(net::auditWitnessStatement(out.source, size, root, at),
                               unb64(witness.value(u"signature"))))
            return tampered(
                QStringLiteral("the server's witness signature over %1 events does not verify").arg(size));
        if (size == checkpoint->size) {
            if (root != checkpoint->merkleRoot)
                return tampered(
                    QStringLiteral("the witnessed root differs from the checkpoint's at %1 events")
                        .arg(size));
        } else if (auto r = verifier.verifyConsistency(quint64(size), quint64(checkpoint->size),
                                                       proofFrom(witness.value(u"consistency")), root,
                                                       checkpoint->merkleRoot);
                   !r) {
            return tampered(
                QStringLiteral("the log is not consistent with what the server witnessed at %1 events: %2")
                    .arg(size)
                    .arg(r.error().message));
        }
        out.witnessedSize = size;
        out.witnessedAt = at;
        out.serverKeyFingerprint = serverKey->fingerprint();
        out.serverKeyTrusted = siteServerKey != nullptr;
        out.verified << QStringLiteral("The site server witnessed the first %1 events on %2 (key %3%4); the "
                                       "checkpoint extends that tree.")
                            .arg(size)
                            .arg(stamp(at))
                            .arg(QString::fromLatin1(out.serverKeyFingerprint.toHex().left(16)))
                            .arg(siteServerKey ? QStringLiteral(", the site key you gave")
                                               : QStringLiteral(", not compared with a site key"));
    }
    const qint64 witnessedInRange = std::clamp(out.witnessedSize, out.first, out.end);
    if (witnessedInRange < out.end)
        out.verified << QStringLiteral(
                            "Events %1-%2 are vouched for by the node key %3 alone (not witnessed by the "
                            "site server): compare that key with the workstation's.")
                            .arg(witnessedInRange)
                            .arg(out.end - 1)
                            .arg(QString::fromLatin1(out.nodeKeyFingerprint.toHex().left(16)));
    return out;
}

} // namespace

Result<OpenedAuditBundle> verifyAuditBundle(const QString &path, const crypto::SigningKey &auditorKey,
                                            const crypto::PublicKey *siteServerKey,
                                            const std::function<bool(qint64, qint64)> &progress)
{
    return checkBundle(path, auditorKey, siteServerKey, progress, nullptr);
}

Result<OpenedAuditBundle> openAuditBundle(const QString &path, const crypto::SigningKey &auditorKey,
                                          const crypto::PublicKey *siteServerKey,
                                          const std::function<bool(qint64, qint64)> &progress)
{
    KeptFrames kept;
    auto out = checkBundle(path, auditorKey, siteServerKey, progress, &kept);
    if (!out)
        return out;
    // Open each frame (in place) and decode its event, both halves at once; then the chain in order.
    const size_t n = kept.frames.size();
    std::vector<std::optional<detail::LogCodec::Opened>> opened(n);
    std::vector<std::optional<AuditEvent>> events(n);
    auto codecA = detail::LogCodec::create(kept.cipher, kept.recordKey, kept.logId);
    auto codecB = detail::LogCodec::create(kept.cipher, kept.recordKey, kept.logId);
    if (!codecA || !codecB)
        return (!codecA ? codecA : codecB).error();
    const auto decode = [&](detail::LogCodec &codec, size_t from, size_t to) {
        for (size_t i = from; i < to; ++i) {
            const QByteArrayView stored = kept.frames[i];
            auto frame =
                codec.openFrameInPlace(const_cast<char *>(stored.data()) + LogFormat::kLengthFieldSize,
                                       stored.size() - LogFormat::kLengthFieldSize);
            if (!frame)
                continue;
            opened[i] = *frame;
            if (auto event = AuditEvent::fromJson(frame->canonical); event)
                events[i] = std::move(*event);
        }
    };
    const size_t half = n / 2;
    std::thread other([&] { decode(*codecB, half, n); });
    decode(*codecA, 0, half);
    other.join();
    const auto wipe = [&kept] {
        for (QByteArray &buffer : kept.buffers)
            secureZero(buffer);
    };
    QByteArray chain;
    crypto::Hasher step(crypto::HashAlgorithm::Sm3);
    out->events.reserve(qsizetype(n));
    for (size_t i = 0; i < n; ++i) {
        const qint64 sequence = out->first + qint64(i);
        const QString &where = kept.sections.value(kept.where[i]);
        if (!opened[i] || opened[i]->sequence != sequence) {
            wipe();
            return tampered(QStringLiteral("event %1 in %2 does not open under its sequence number")
                                .arg(sequence)
                                .arg(where));
        }
        if (!chain.isEmpty() && opened[i]->prevChain != chain) {
            wipe();
            return tampered(QStringLiteral("event %1 in %2 does not chain to event %3")
                                .arg(sequence)
                                .arg(where)
                                .arg(sequence - 1));
        }
        step.addData(opened[i]->prevChain);
        step.addData(kept.leaves[i]);
        chain = step.result();
        if (!events[i]) {
            wipe();
            return makeError(
                Error::Code::Corrupt,
                QStringLiteral("audit bundle: event %1 verifies but is not a valid event (written by "
                               "another version?)")
                    .arg(sequence));
        }
        out->events.append(AuditBundleEvent{sequence, std::move(*events[i])});
    }
    wipe();
    if (!kept.chainHead.isEmpty() && !chain.isEmpty() && chain != kept.chainHead)
        return tampered(QStringLiteral("the hash chain after event %1 differs from the signed chain head")
                            .arg(out->end - 1));
    out->verified
        << QStringLiteral(
               "Events %1-%2: each decrypts under its sequence number and chains to the one before (SM3).")
               .arg(out->first)
               .arg(out->end - 1);
    return out;
}

namespace {

const QString kKeyFormat = QStringLiteral("mdp-auditor-key-v1");
const crypto::Argon2Parameters kKeyKdf{3, 65536, 1};

QByteArray keyAssociatedData(const QString &userName, const QByteArray &publicDer)
{
    return kKeyFormat.toLatin1() + '\n' + userName.toUtf8() + '\n' + publicDer;
}

} // namespace

Result<QByteArray> makeAuditorKeyFile(const QString &userName, const crypto::SigningKey &key,
                                      const SecureBytes &passphrase)
{
    if (key.isNull() || key.algorithm() != crypto::SignatureAlgorithm::Sm2)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("auditor key: must be SM2"));
    if (passphrase.size() < 8)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("auditor key: the passphrase must have at least 8 characters"));
    const QByteArray salt = crypto::randomBytes(16);
    auto wrapping = crypto::argon2id(passphrase.view(), salt, kKeyKdf, 16);
    if (!wrapping)
        return wrapping.error();
    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, *wrapping);
    if (!aead)
        return aead.error();
    const QByteArray publicDer = key.publicKey().der();
    auto sealed =
        aead->sealWithRandomNonce(keyAssociatedData(userName, publicDer), key.privateKeyDer().view());
    if (!sealed)
        return sealed.error();
    return QJsonDocument(
               QJsonObject{{QStringLiteral("format"), kKeyFormat},
                           {QStringLiteral("user"), userName},
                           {QStringLiteral("publicKey"), b64(publicDer)},
                           {QStringLiteral("salt"), b64(salt)},
                           {QStringLiteral("kdf"), QJsonObject{{QStringLiteral("t"), kKeyKdf.iterations},
                                                               {QStringLiteral("m"), kKeyKdf.memoryKiB},
                                                               {QStringLiteral("p"), kKeyKdf.parallelism}}},
                           {QStringLiteral("sealed"), b64(*sealed)}})
        .toJson();
}

Result<AuditorKeyFile> readAuditorKeyFile(QByteArrayView file)
{
    const QJsonObject o = QJsonDocument::fromJson(file.toByteArray()).object();
    auto key = crypto::PublicKey::fromDer(unb64(o.value(u"publicKey")));
    if (o.value(u"format").toString() != kKeyFormat || !key || o.value(u"user").toString().isEmpty())
        return makeError(Error::Code::Corrupt, QStringLiteral("not an MDP auditor key file"));
    return AuditorKeyFile{o.value(u"user").toString(), *key};
}

Result<crypto::SigningKey> openAuditorKeyFile(QByteArrayView file, const SecureBytes &passphrase)
{
    auto pub = readAuditorKeyFile(file);
    if (!pub)
        return pub.error();
    const QJsonObject o = QJsonDocument::fromJson(file.toByteArray()).object();
    const QJsonObject kdf = o.value(u"kdf").toObject();
    const crypto::Argon2Parameters parameters{kdf.value(u"t").toInt(), kdf.value(u"m").toInt(),
                                              kdf.value(u"p").toInt()};
    // The same bounds a key slot accepts: a doctored file must neither weaken nor stall the derivation.
    if (parameters.iterations < 2 || parameters.iterations > 10 || parameters.memoryKiB < 19456 ||
        parameters.memoryKiB > 1048576 || parameters.parallelism < 1 || parameters.parallelism > 4)
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("auditor key: its Argon2id parameters are out of bounds"));
    auto wrapping = crypto::argon2id(passphrase.view(), unb64(o.value(u"salt")), parameters, 16);
    if (!wrapping)
        return wrapping.error();
    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, *wrapping);
    if (!aead)
        return aead.error();
    auto der =
        aead->openEnvelope(keyAssociatedData(pub->userName, pub->publicKey.der()), unb64(o.value(u"sealed")));
    if (!der)
        return makeError(Error::Code::WrongPassphrase,
                         QStringLiteral("the passphrase does not open this auditor key"));
    SecureBytes privateDer = SecureBytes::takeFrom(*der);
    auto key = crypto::SigningKey::fromPrivateDer(privateDer.view());
    if (!key || !(key->publicKey() == pub->publicKey))
        return makeError(Error::Code::Corrupt, QStringLiteral("auditor key: the private key does not match"));
    return key;
}

} // namespace mdp::audit
