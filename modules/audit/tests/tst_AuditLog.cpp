// The encrypted, chained, checkpointed audit log: tamper reports by position, recovery, durability,
// queries that audit themselves. R-7.4.1 (tamper-evident structured logs), R-7.4.2 (trace by user
// over a time range and by data ID; every access, including reading the log, recorded).
#include "HmacCheckpointSigner.h"

#include "mdp/audit/AuditEventType.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/audit/AuditLogFormat.h"
#include "mdp/audit/MerkleHasher.h"
#include "mdp/audit/MerkleTree.h"
#include "mdp/audit/MerkleVerifier.h"
#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include <QFile>
#include <QSemaphore>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QThread>
#include <QtEndian>
#include <QtTest>

#include <atomic>
#include <set>
#include <thread>

using namespace mdp;
using namespace mdp::audit;

namespace {

const QDateTime kStart(QDate(2025, 3, 1), QTime(8, 0), Qt::UTC);
const QString kMarker = QStringLiteral("MARKER-zq7 张三 Zhang");

struct Frame
{
    qint64 offset;
    qint64 size; // whole frame, length field included
};

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

AuditAgent auditorAgent()
{
    return AuditAgent{QStringLiteral("auditor-1"), QStringLiteral("auditor"), QStringLiteral("ws-01"),
                      QString()};
}

// Walks the frames using only the documented format (AuditLogFormat.h).
QList<Frame> framesOf(const QByteArray &log)
{
    QList<Frame> frames;
    qint64 at = LogFormat::kHeaderSize;
    while (at + 4 <= log.size()) {
        const qint64 len = qFromBigEndian<quint32>(log.constData() + at);
        if (at + 4 + len > log.size())
            break;
        frames.append(Frame{at, 4 + len});
        at += 4 + len;
    }
    return frames;
}

// A signer that holds sign() until released: makes group commit observable without timing.
class GateSigner : public HmacCheckpointSigner
{
public:
    using HmacCheckpointSigner::HmacCheckpointSigner;
    QByteArray sign(QByteArrayView message) override
    {
        if (gated.load()) {
            entered.release();
            gate.acquire();
        }
        return HmacCheckpointSigner::sign(message);
    }
    std::atomic<bool> gated{false};
    QSemaphore entered;
    QSemaphore gate;
};

} // namespace

class tst_AuditLog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    std::unique_ptr<ManualClock> m_clock;
    SecureBytes m_key;
    std::shared_ptr<HmacCheckpointSigner> m_signer;
    int m_formatVersion = LogFormat::kVersion;

    QString dir() const { return m_tmp->path() + QStringLiteral("/audit"); }
    QString logPath() const { return dir() + u'/' + QString::fromLatin1(LogFormat::kLogFileName); }
    QString headPath() const { return dir() + u'/' + QString::fromLatin1(LogFormat::kHeadFileName); }
    void removeIndex() const
    {
        for (const QString &name : QDir(dir()).entryList({QStringLiteral("index.db*")}, QDir::Files))
            QVERIFY(QFile::remove(dir() + u'/' + name));
    }

    AuditLogOptions options(std::shared_ptr<CheckpointSigner> signer = {}) const
    {
        AuditLogOptions o;
        o.directory = dir();
        o.key = m_key;
        o.signer = signer ? signer : m_signer;
        o.clock = m_clock.get();
        o.nodeId = QStringLiteral("node-1");
        o.formatVersion = m_formatVersion;
        return o;
    }

    std::unique_ptr<AuditLog> openLog()
    {
        auto log = AuditLog::open(options());
        if (!log.ok())
            qWarning("%s", qPrintable(log.error().message));
        return log.ok() ? std::move(log.value()) : nullptr;
    }

    static AuditEvent event(const QString &user, QStringView type, QList<AuditEntity> entities = {})
    {
        AuditEvent e;
        e.type = type.toString();
        e.action = type == EventType::DataModify ? AuditAction::Update : AuditAction::Read;
        e.agent = AuditAgent{user, QStringLiteral("researcher"), QStringLiteral("ws-07"), QString()};
        e.entities = std::move(entities);
        return e;
    }

    // Nine durable events (0..8), the log closed afterwards.
    void writeNineEvents()
    {
        auto log = openLog();
        QVERIFY(log);
        for (int i = 0; i < 9; ++i) {
            AuditEvent e = event(QStringLiteral("u-%1").arg(i % 3), EventType::DataView,
                                 {AuditEntity{QStringLiteral("patient"), QStringLiteral("p-%1").arg(i)}});
            e.detail.insert(QStringLiteral("i"), i);
            QVERIFY(log->append(e).ok());
            m_clock->advance(1000);
        }
        QVERIFY(log->flush().ok());
        QCOMPARE(log->durableSize(), 9);
    }

    void expectRefusal(AuditIssue issue, qint64 sequence, qint64 offset, const QString &messagePart)
    {
        const AuditVerifyReport r = AuditLog::verifyDirectory(dir(), m_key, *m_signer);
        QVERIFY2(!r.ok, qPrintable(r.toString()));
        QVERIFY2(r.issue == issue, qPrintable(r.toString()));
        QCOMPARE(r.sequence, sequence);
        QCOMPARE(r.byteOffset, offset);
        QVERIFY2(r.message.contains(messagePart), qPrintable(r.message));
        // Opening reads only what the index has not seen; an open that must read the whole log (no
        // index beside it, as on an auditor's copy) refuses the log with the same finding.
        removeIndex();
        auto reopened = AuditLog::open(options());
        QVERIFY(!reopened.ok());
        QVERIFY2(reopened.error().message.contains(AuditVerifyReport::issueName(issue)),
                 qPrintable(reopened.error().message));
        if (sequence >= 0)
            QVERIFY2(reopened.error().message.contains(QStringLiteral("event %1").arg(sequence)),
                     qPrintable(reopened.error().message));
    }

private Q_SLOTS:
    void init()
    {
        m_tmp = std::make_unique<QTemporaryDir>();
        QVERIFY(m_tmp->isValid());
        m_clock = std::make_unique<ManualClock>(kStart);
        m_key = crypto::randomKey(32);
        m_signer = std::make_shared<HmacCheckpointSigner>(QByteArrayLiteral("test checkpoint key"));
    }

    // Issue 9 part 5: the log is kept in segment files. Appends past the segment size start a new
    // file named by its offset; old segments are not written again; reading, verifying and queries
    // run across them; a segment missing, cut or put in the middle is refused; a torn tail in the
    // newest one is cut as in one file.
    QStringList segmentFiles() const
    {
        return QDir(dir()).entryList({QStringLiteral("audit.log.*")}, QDir::Files, QDir::Name);
    }

    std::unique_ptr<AuditLog> openSegmented(qint64 segmentBytes)
    {
        AuditLogOptions o = options();
        o.segmentBytes = segmentBytes;
        auto log = AuditLog::open(std::move(o));
        if (!log.ok())
            qWarning("%s", qPrintable(log.error().message));
        return log.ok() ? std::move(log.value()) : nullptr;
    }

    void aLongLogIsKeptInSegmentFiles()
    {
        {
            auto log = openSegmented(4096);
            QVERIFY(log);
            for (int batch = 0; batch < 30; ++batch) {
                for (int i = 0; i < 5; ++i)
                    QVERIFY(log->append(event(QStringLiteral("u-%1").arg(i), EventType::DataView,
                                              {AuditEntity{QStringLiteral("patient"),
                                                           QStringLiteral("p-%1").arg(batch)}}))
                                .ok());
                QVERIFY(log->flush().ok());
                m_clock->advance(1000);
            }
        }
        const QStringList segments = segmentFiles();
        QVERIFY2(segments.size() >= 3, qPrintable(segments.join(u',')));
        // Each named by the offset it starts at, following the one before exactly.
        qint64 expected = QFileInfo(logPath()).size();
        for (const QString &name : segments) {
            QCOMPARE(qint64(name.mid(10).toULongLong(nullptr, 16)), expected);
            expected += QFileInfo(dir() + u'/' + name).size();
        }
        const QByteArray firstSegment = readFile(logPath());
        const AuditVerifyReport report = AuditLog::verifyDirectory(dir(), m_key, *m_signer);
        QVERIFY2(report.ok, qPrintable(report.toString()));
        QCOMPARE(report.eventCount, 150);
        {
            // Opening without an index reads every segment; queries reach the newest.
            removeIndex();
            auto log = openSegmented(4096);
            QVERIFY(log);
            QCOMPARE(log->size(), 150);
            auto hits = log->queryByData(auditorAgent(),
                                         AuditEntity{QStringLiteral("patient"), QStringLiteral("p-29")});
            QVERIFY(hits.ok());
            QCOMPARE(hits->size(), 5);
            QVERIFY(log->append(event(QStringLiteral("u-x"), EventType::DataView)).ok());
            QVERIFY(log->flush().ok());
        }
        QCOMPARE(readFile(logPath()), firstSegment); // an old segment is not written again

        // A segment in the middle taken away: refused, not read across the hole.
        const QString middle = dir() + u'/' + segments.at(1);
        const QByteArray kept = readFile(middle);
        QVERIFY(QFile::rename(middle, middle + QStringLiteral(".away")));
        QVERIFY(!AuditLog::verifyDirectory(dir(), m_key, *m_signer).ok);
        QVERIFY(!AuditLog::open(options()).ok());
        QVERIFY(QFile::rename(middle + QStringLiteral(".away"), middle));
        // Cut short by one byte: refused the same way.
        QVERIFY(QFile::resize(middle, kept.size() - 1));
        QVERIFY(!AuditLog::verifyDirectory(dir(), m_key, *m_signer).ok);
        QVERIFY(!AuditLog::open(options()).ok());
        QFile restore(middle);
        QVERIFY(restore.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(restore.write(kept), kept.size());
        restore.close();
        QVERIFY(AuditLog::verifyDirectory(dir(), m_key, *m_signer).ok);

        // A torn tail in the newest segment (a crash mid-append) is cut at the next open.
        const QString newest = dir() + u'/' + segmentFiles().constLast();
        const qint64 before = QFileInfo(newest).size();
        const qint64 events = AuditLog::verifyDirectory(dir(), m_key, *m_signer).eventCount;
        QCOMPARE(events, 152); // with the query's own audit.read event and the one appended after it
        QFile torn(newest);
        QVERIFY(torn.open(QIODevice::Append));
        torn.write(QByteArray(7, '\x01'));
        torn.close();
        {
            auto log = openSegmented(4096);
            QVERIFY(log);
            QCOMPARE(log->size(), events);
        }
        QCOMPARE(QFileInfo(newest).size(), before);
        QVERIFY(AuditLog::verifyDirectory(dir(), m_key, *m_signer).ok);
    }

    //
    void intactLogVerifiesAndReopens()
    {
        writeNineEvents();
        const AuditVerifyReport r = AuditLog::verifyDirectory(dir(), m_key, *m_signer);
        QVERIFY2(r.ok, qPrintable(r.toString()));
        QCOMPARE(r.eventCount, 9);
        QCOMPARE(r.checkpointSize, 9);
        auto log = openLog();
        QVERIFY(log);
        QCOMPARE(log->size(), 9);
        QCOMPARE(log->checkpoint().merkleRoot, r.merkleRoot);
        QVERIFY(log->verify().ok);
    }

    // Issue 9 part 5: a version-2 log's Merkle leaves are its frames as stored, so the signed root
    // commits to the bytes on disk and full verification need not decrypt what the checkpoint covers.
    void versionTwoLeavesAreTheStoredFrames()
    {
        writeNineEvents();
        const QByteArray bytes = readFile(logPath());
        QCOMPARE(qFromBigEndian<quint16>(bytes.constData() + 8), quint16(2));
        auto log = openLog();
        QVERIFY(log);
        const QList<Frame> frames = framesOf(bytes);
        QCOMPARE(frames.size(), 9);
        QList<QByteArray> leaves;
        for (int i = 0; i < 9; ++i) {
            const QByteArray stored = bytes.mid(frames.at(i).offset, frames.at(i).size);
            QCOMPARE(log->leafHash(i).value(), MerkleHasher().leafHash(stored));
            leaves << MerkleHasher().leafHash(stored);
        }
        MerkleTree tree;
        for (const QByteArray &leaf : std::as_const(leaves))
            tree.appendLeafHash(leaf);
        QCOMPARE(tree.root(), log->checkpoint().merkleRoot);
    }

    // the version is committed to by the signed chain head even before the first event: a log whose
    // version byte is flipped cannot be read (and then extended) as the other format.
    void aFlippedFormatVersionIsRefusedEvenOnAnEmptyLog()
    {
        {
            auto log = openLog();
            QVERIFY(log);
            QVERIFY(log->flush().ok());
        }
        QByteArray bytes = readFile(logPath());
        QCOMPARE(qFromBigEndian<quint16>(bytes.constData() + 8), quint16(2));
        qToBigEndian<quint16>(1, bytes.data() + 8);
        writeFile(logPath(), bytes);
        const AuditVerifyReport r = AuditLog::verifyDirectory(dir(), m_key, *m_signer);
        QVERIFY(!r.ok);
        QVERIFY(!AuditLog::open(options()).ok());
    }

    // logs written before version 2 (leaves over the plaintext events) still open, take new events
    // in their own format, verify, and show tampering as before.
    void versionOneLogsAreStillRead()
    {
        m_formatVersion = 1;
        writeNineEvents();
        m_formatVersion = LogFormat::kVersion;
        {
            auto log = openLog();
            QVERIFY(log);
            QVERIFY(log->appendDurable(event(QStringLiteral("u-2"), EventType::DataView)).ok());
            QVERIFY(log->verify().ok);
            QCOMPARE(log->durableSize(), 10);
        }
        QByteArray bytes = readFile(logPath());
        QCOMPARE(qFromBigEndian<quint16>(bytes.constData() + 8), quint16(1));
        const AuditVerifyReport r = AuditLog::verifyDirectory(dir(), m_key, *m_signer);
        QVERIFY2(r.ok, qPrintable(r.toString()));
        QCOMPARE(r.eventCount, 10);
        const Frame f = framesOf(bytes).at(6);
        bytes[f.offset + f.size / 2] = char(bytes[f.offset + f.size / 2] ^ 0x01);
        writeFile(logPath(), bytes);
        expectRefusal(AuditIssue::AuthenticationFailure, 6, f.offset, QStringLiteral("fails authentication"));
    }

    //
    void flippedByteIsReportedAtItsEvent()
    {
        writeNineEvents();
        QByteArray bytes = readFile(logPath());
        const QList<Frame> frames = framesOf(bytes);
        QCOMPARE(frames.size(), 9);
        const Frame middle = frames.at(4);
        bytes[middle.offset + middle.size / 2] = char(bytes[middle.offset + middle.size / 2] ^ 0x10);
        writeFile(logPath(), bytes);
        expectRefusal(AuditIssue::AuthenticationFailure, 4, middle.offset,
                      QStringLiteral("fails authentication"));
    }

    //
    void deletedRecordIsReportedAsAGap()
    {
        writeNineEvents();
        QByteArray bytes = readFile(logPath());
        const Frame f = framesOf(bytes).at(4);
        bytes.remove(f.offset, f.size);
        writeFile(logPath(), bytes);
        expectRefusal(AuditIssue::SequenceGap, 4, f.offset, QStringLiteral("event 4 is missing"));
    }

    //
    void insertedRecordIsReportedAsARepeat()
    {
        writeNineEvents();
        QByteArray bytes = readFile(logPath());
        const Frame f = framesOf(bytes).at(4);
        bytes.insert(f.offset + f.size, bytes.mid(f.offset, f.size)); // event 4 twice in a row
        writeFile(logPath(), bytes);
        expectRefusal(AuditIssue::SequenceRepeat, 5, f.offset + f.size, QStringLiteral("repeats event 4"));
    }

    //
    void swappedRecordsAreReportedAsAChainBreak()
    {
        writeNineEvents();
        QByteArray bytes = readFile(logPath());
        const QList<Frame> frames = framesOf(bytes);
        const Frame a = frames.at(3);
        const Frame b = frames.at(4);
        const QByteArray swapped = bytes.mid(b.offset, b.size) + bytes.mid(a.offset, a.size);
        bytes.replace(a.offset, a.size + b.size, swapped);
        writeFile(logPath(), bytes);
        expectRefusal(AuditIssue::ChainBreak, 3, a.offset, QStringLiteral("out of order"));
    }

    //
    void truncatedTailIsReportedAgainstTheCheckpoint()
    {
        writeNineEvents();
        QByteArray bytes = readFile(logPath());
        const QList<Frame> frames = framesOf(bytes);
        bytes.truncate(frames.at(7).offset); // whole records 7 and 8 gone
        writeFile(logPath(), bytes);
        expectRefusal(AuditIssue::TruncatedTail, 7, frames.at(7).offset,
                      QStringLiteral("checkpoint says 9 events, the file has 7"));
    }

    // whoever holds the record key but not the signing key cannot rewrite history.
    void rewrittenHistoryWithTheRecordKeyFailsTheSignedRoot()
    {
        writeNineEvents();
        QByteArray bytes = readFile(logPath());
        const QByteArray logId = bytes.mid(12, 16);
        const SecureBytes recordKey = crypto::hkdf(crypto::HashAlgorithm::Sm3, m_key.view(), logId,
                                                   QByteArrayLiteral("mdp.audit.v1.record-key"), 32);
        auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, recordKey);
        QVERIFY(aead.ok());
        const QList<Frame> frames = framesOf(bytes);
        QByteArray rebuilt = bytes.left(frames.at(4).offset);
        QByteArray chain;
        for (int i = 4; i < 9; ++i) {
            const Frame f = frames.at(i);
            const QByteArray ad = logId + bytes.mid(f.offset + 4, 8);
            auto plain = aead->open(bytes.mid(f.offset + 12, 12), ad, bytes.mid(f.offset + 24, f.size - 24));
            QVERIFY(plain.ok());
            QByteArray p = plain.value();
            if (i == 4) {
                chain = p.mid(8, 32);
                p.replace(QByteArrayLiteral("\"u-1\""), QByteArrayLiteral("\"u-9\"")); // blame someone else
            } else {
                p.replace(8, 32, chain);
            }
            const QByteArray nonce = crypto::randomBytes(12);
            auto sealed = aead->seal(nonce, ad, p);
            QVERIFY(sealed.ok());
            QByteArray frame(4, '\0');
            qToBigEndian<quint32>(quint32(8 + 12 + sealed->size()), frame.data());
            frame += bytes.mid(f.offset + 4, 8) + nonce + sealed.value();
            // The chain as the writer builds it (version 2: leaves over the stored frames).
            chain = crypto::hash(crypto::HashAlgorithm::Sm3, chain + MerkleHasher().leafHash(frame));
            rebuilt += frame;
        }
        writeFile(logPath(), rebuilt);
        expectRefusal(AuditIssue::MerkleRootMismatch, -1, rebuilt.size(), QStringLiteral("Merkle root"));
    }

    // positions stay exact in a log that spans several read blocks (verification reads the
    // file in blocks of 512 KiB and decrypts them on two threads).
    void tamperingDeepInALargeLogIsFoundAtItsEvent()
    {
        {
            auto log = openLog();
            QVERIFY(log);
            for (int b = 0; b < 6; ++b) {
                QList<AuditEvent> batch;
                for (int i = 0; i < 500; ++i) {
                    AuditEvent e = event(
                        QStringLiteral("u-%1").arg(i % 7), EventType::DataQuery,
                        {AuditEntity{QStringLiteral("record"), QStringLiteral("r-%1-%2").arg(b).arg(i)}});
                    e.detail.insert(QStringLiteral("filter"), QString(400, u'x'));
                    batch << e;
                }
                QVERIFY(log->commit(batch).ok());
            }
        }
        const QByteArray good = readFile(logPath());
        QVERIFY(good.size() > 3 * (512 << 10));
        const QList<Frame> frames = framesOf(good);
        QCOMPARE(frames.size(), 3000);
        AuditVerifyReport r = AuditLog::verifyDirectory(dir(), m_key, *m_signer);
        QVERIFY2(r.ok, qPrintable(r.toString()));
        QCOMPARE(r.eventCount, 3000);

        QByteArray bytes = good;
        bytes[frames.at(2500).offset + 60] = char(bytes[frames.at(2500).offset + 60] ^ 1);
        writeFile(logPath(), bytes);
        expectRefusal(AuditIssue::AuthenticationFailure, 2500, frames.at(2500).offset,
                      QStringLiteral("event 2500"));

        // Swap the last frame of the first block with the first frame of the second.
        qsizetype k = 0;
        while (frames.at(k + 1).offset + frames.at(k + 1).size <= LogFormat::kHeaderSize + (512 << 10))
            ++k;
        const Frame a = frames.at(k);
        const Frame b = frames.at(k + 1);
        bytes = good;
        bytes.replace(a.offset, a.size + b.size, good.mid(b.offset, b.size) + good.mid(a.offset, a.size));
        writeFile(logPath(), bytes);
        expectRefusal(AuditIssue::ChainBreak, k, a.offset, QStringLiteral("out of order"));

        bytes = good;
        bytes.remove(frames.at(1999).offset, frames.at(1999).size);
        writeFile(logPath(), bytes);
        expectRefusal(AuditIssue::SequenceGap, 1999, frames.at(1999).offset,
                      QStringLiteral("event 1999 is missing"));

        writeFile(logPath(), good);
        auto log = openLog();
        QVERIFY(log);
        auto hits = log->queryByData(auditorAgent(),
                                     AuditEntity{QStringLiteral("record"), QStringLiteral("r-5-499")});
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().sequence, 2999);
    }

    //
    void alteredCheckpointFailsItsSignature()
    {
        writeNineEvents();
        QByteArray head = readFile(headPath());
        QVERIFY(head.contains("\"size\":9"));
        head.replace("\"size\":9", "\"size\":8");
        writeFile(headPath(), head);
        expectRefusal(AuditIssue::CheckpointSignatureInvalid, -1, -1, QStringLiteral("does not verify"));
    }

    void checkpointFromAnotherSignerIsRefused()
    {
        writeNineEvents();
        HmacCheckpointSigner other(QByteArrayLiteral("another key"));
        const AuditVerifyReport r = AuditLog::verifyDirectory(dir(), m_key, other);
        QVERIFY(!r.ok);
        QCOMPARE(r.issue, AuditIssue::CheckpointSignatureInvalid);
        QVERIFY(r.message.contains(m_signer->keyId()));
    }

    void wrongKeyIsToldApartFromDamage()
    {
        writeNineEvents();
        const AuditVerifyReport r = AuditLog::verifyDirectory(dir(), crypto::randomKey(32), *m_signer);
        QCOMPARE(r.issue, AuditIssue::WrongKey);
        AuditLogOptions o = options();
        o.key = crypto::randomKey(32);
        auto log = AuditLog::open(std::move(o));
        QVERIFY(!log.ok());
        QCOMPARE(log.error().code, Error::Code::WrongPassphrase);
    }

    void missingCheckpointIsRefused()
    {
        writeNineEvents();
        QVERIFY(QFile::remove(headPath()));
        auto log = AuditLog::open(options());
        QVERIFY(!log.ok());
        QCOMPARE(log.error().code, Error::Code::Tampered);
    }

    // nothing readable on disk.
    void filesHoldNoPlaintext()
    {
        {
            auto log = openLog();
            QVERIFY(log);
            AuditEvent e = event(QStringLiteral("u-marker-user"), EventType::DataExport,
                                 {AuditEntity{QStringLiteral("patient"), QStringLiteral("p-marker-id")}});
            e.detail.insert(QStringLiteral("note"), kMarker);
            e.purposeOfUse = QStringLiteral("HRESCH");
            QVERIFY(log->appendDurable(e).ok());
            QVERIFY(log->queryByUser(auditorAgent(), QStringLiteral("u-marker-user"), {}, {}).ok());
        }
        for (const QString &path : {logPath(), headPath(), dir() + QStringLiteral("/index.db")}) {
            const QByteArray bytes = readFile(path);
            QVERIFY(!bytes.isEmpty());
            for (const QString &needle : {kMarker, QStringLiteral("MARKER-zq7"), QStringLiteral("张三"),
                                          QStringLiteral("u-marker-user"), QStringLiteral("p-marker-id"),
                                          QStringLiteral("data.export"), QStringLiteral("auditor-1")}) {
                QVERIFY2(!bytes.contains(needle.toUtf8()), qPrintable(path + u' ' + needle));
                QByteArray le(reinterpret_cast<const char *>(needle.utf16()), needle.size() * 2);
                QByteArray be = le;
                for (qsizetype i = 0; i + 1 < be.size(); i += 2)
                    std::swap(be[i], be[i + 1]);
                QVERIFY2(!bytes.contains(le), qPrintable(path + QStringLiteral(" UTF-16LE ") + needle));
                QVERIFY2(!bytes.contains(be), qPrintable(path + QStringLiteral(" UTF-16BE ") + needle));
            }
        }
        const QStringList files = QDir(dir()).entryList(QDir::Files);
        QCOMPARE(files, QStringList({QStringLiteral("audit.head"), QStringLiteral("audit.log"),
                                     QStringLiteral("index.db")}));
    }

    //
    void queriesByUserAndRangeAndByDataAuditThemselves()
    {
        auto log = openLog();
        QVERIFY(log);
        const AuditEntity p1{QStringLiteral("patient"), QStringLiteral("p-1")};
        const AuditEntity p2{QStringLiteral("patient"), QStringLiteral("p-2")};
        QList<qint64> aliceInRange, p1Events;
        for (int i = 0; i < 12; ++i) {
            const QString user = i % 2 ? QStringLiteral("bob") : QStringLiteral("alice");
            const AuditEntity e = i % 3 == 0 ? p1 : p2;
            const qint64 seq =
                log->append(event(user, i % 4 ? EventType::DataView : EventType::DataModify, {e})).value();
            const QDateTime t = m_clock->now();
            if (user == u"alice" && t >= kStart.addSecs(3 * 60) && t < kStart.addSecs(8 * 60))
                aliceInRange << seq;
            if (e == p1)
                p1Events << seq;
            m_clock->advance(60 * 1000);
        }
        QVERIFY(log->flush().ok());
        QCOMPARE(aliceInRange, QList<qint64>({4, 6}));

        const AuditAgent auditor = auditorAgent();
        auto byUser = log->queryByUser(auditor, QStringLiteral("alice"), kStart.addSecs(3 * 60),
                                       kStart.addSecs(8 * 60));
        QVERIFY(byUser.ok());
        QList<qint64> got;
        for (const AuditRecord &r : byUser.value()) {
            got << r.sequence;
            QCOMPARE(r.event.agent.userId, QStringLiteral("alice"));
        }
        QCOMPARE(got, aliceInRange);
        QCOMPARE(byUser->first().event.recorded, kStart.addSecs(4 * 60));
        QCOMPARE(log->size(), 13); // the query itself was logged, durably
        QCOMPARE(log->durableSize(), 13);

        auto byData = log->queryByData(auditor, p1);
        QVERIFY(byData.ok());
        got.clear();
        QSet<QString> users;
        for (const AuditRecord &r : byData.value()) {
            got << r.sequence;
            users << r.event.agent.userId;
        }
        QCOMPARE(got, p1Events);
        QCOMPARE(users, QSet<QString>({QStringLiteral("alice"), QStringLiteral("bob")}));
        QCOMPARE(log->size(), 14);

        // The reads are events like any other: who looked, with which parameters, never the results.
        auto reads = log->queryByUser(auditor, QStringLiteral("auditor-1"), {}, {});
        QVERIFY(reads.ok());
        QCOMPARE(reads->size(), 2);
        const AuditEvent &first = reads->at(0).event;
        QCOMPARE(first.type, EventType::AuditRead.toString());
        QCOMPARE(first.agent, auditor);
        QCOMPARE(first.detail.value(QStringLiteral("query")).toString(), QStringLiteral("by-user"));
        QCOMPARE(first.detail.value(QStringLiteral("user")).toString(), QStringLiteral("alice"));
        QCOMPARE(first.detail.value(QStringLiteral("from")).toString(),
                 QStringLiteral("2025-03-01T08:03:00.000Z"));
        QCOMPARE(first.detail.size(), 4);
        QCOMPARE(reads->at(1).event.detail.value(QStringLiteral("entityId")).toString(),
                 QStringLiteral("p-1"));
        QVERIFY(first.entities.isEmpty());
    }

    //
    void queriesWorkAfterReopen()
    {
        writeNineEvents();
        auto log = openLog();
        QVERIFY(log);
        auto r =
            log->queryByData(auditorAgent(), AuditEntity{QStringLiteral("patient"), QStringLiteral("p-4")});
        QVERIFY(r.ok());
        QCOMPARE(r->size(), 1);
        QCOMPARE(r->first().sequence, 4);
        QCOMPARE(r->first().event.detail.value(QStringLiteral("i")).toInt(), 4);
        QCOMPARE(r->first().event.source, QStringLiteral("node-1"));
        auto u = log->queryByUser(auditorAgent(), QStringLiteral("u-1"), {}, {});
        QVERIFY(u.ok());
        QCOMPARE(u->size(), 3);
    }

    //
    void tornTailIsCutOnOpen()
    {
        writeNineEvents();
        const QByteArray good = readFile(logPath());
        const Frame last = framesOf(good).last();
        writeFile(logPath(),
                  good + good.mid(last.offset, last.size / 2)); // a half frame, as a killed writer leaves
        auto log = openLog();
        QVERIFY(log);
        QCOMPARE(log->size(), 9);
        QCOMPARE(readFile(logPath()).size(), good.size());
        QVERIFY(log->appendDurable(event(QStringLiteral("u-1"), EventType::DataView)).ok());
        QCOMPARE(log->size(), 10);
        QVERIFY(log->verify().ok);
    }

    // A length field that arrived without its data: the last frame fails authentication.
    void unfinishedLastFrameIsCutOnOpen()
    {
        writeNineEvents();
        const QByteArray good = readFile(logPath());
        const Frame last = framesOf(good).last();
        QByteArray junk = good.mid(last.offset, last.size);
        junk.fill('\0', junk.size());
        qToBigEndian<quint32>(quint32(last.size - 4), junk.data());
        writeFile(logPath(), good + junk);
        const AuditVerifyReport r = AuditLog::verifyDirectory(dir(), m_key, *m_signer);
        QVERIFY2(r.ok, qPrintable(r.toString()));
        QCOMPARE(r.tornTailBytes, last.size);
        auto log = openLog();
        QVERIFY(log);
        QCOMPARE(log->size(), 9);
    }

    // A complete record beyond the checkpoint (killed between fdatasync and the head update) is kept.
    void completeRecordsAfterTheCheckpointAreKept()
    {
        writeNineEvents();
        const QByteArray headAtNine = readFile(headPath());
        {
            auto log = openLog();
            QVERIFY(log);
            QVERIFY(log->appendDurable(event(QStringLiteral("u-5"), EventType::DataView)).ok());
        }
        writeFile(headPath(), headAtNine);
        const AuditVerifyReport r = AuditLog::verifyDirectory(dir(), m_key, *m_signer);
        QVERIFY2(r.ok, qPrintable(r.toString()));
        QCOMPARE(r.eventCount, 10);
        QCOMPARE(r.checkpointSize, 9);
        auto log = openLog();
        QVERIFY(log);
        QCOMPARE(log->size(), 10);
        QCOMPARE(log->durableSize(), 10); // adopted and signed at open
    }

    // an acknowledged event is on disk under a checkpoint before the call returns.
    void acknowledgedEventIsDurableBeforeReturn()
    {
        auto log = openLog();
        QVERIFY(log);
        QCOMPARE(log->append(event(QStringLiteral("u-1"), EventType::UserLogin)).value(), 0);
        AuditVerifyReport onDisk = AuditLog::verifyDirectory(dir(), m_key, *m_signer);
        QVERIFY(onDisk.ok);
        QCOMPARE(onDisk.eventCount, 0); // queued only
        QCOMPARE(log->appendDurable(event(QStringLiteral("u-1"), EventType::UserLogout)).value(), 1);
        onDisk = AuditLog::verifyDirectory(dir(), m_key, *m_signer);
        QVERIFY(onDisk.ok);
        QCOMPARE(onDisk.eventCount, 2);
        QCOMPARE(onDisk.checkpointSize, 2);
        // Reopening from exactly these files (copied while the writer is still open) keeps both.
        const QString copy = m_tmp->path() + QStringLiteral("/copy");
        QVERIFY(QDir().mkpath(copy));
        QVERIFY(QFile::copy(logPath(), copy + QStringLiteral("/audit.log")));
        QVERIFY(QFile::copy(headPath(), copy + QStringLiteral("/audit.head")));
        AuditLogOptions o = options();
        o.directory = copy;
        auto reopened = AuditLog::open(std::move(o));
        QVERIFY(reopened.ok());
        QCOMPARE(reopened.value()->size(), 2);
    }

    void secondWriterIsRefused()
    {
        auto log = openLog();
        QVERIFY(log);
        auto second = AuditLog::open(options());
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, Error::Code::Locked);
    }

    // concurrent durable appends share fsyncs (group commit).
    void concurrentDurableAppendsShareOneFlush()
    {
        auto gate = std::make_shared<GateSigner>(QByteArrayLiteral("test checkpoint key"));
        auto opened = AuditLog::open(options(gate));
        QVERIFY(opened.ok());
        AuditLog &log = *opened.value();
        const qint64 flushesBefore = log.statistics().flushes;
        gate->gated = true;
        std::vector<std::thread> threads;
        std::vector<qint64> seqs(4, -1);
        threads.emplace_back(
            [&] { seqs[0] = log.appendDurable(event(QStringLiteral("u-0"), EventType::DataView)).value(); });
        gate->entered.acquire(); // the first flush is inside sign(), holding the leader role
        for (int t = 1; t < 4; ++t)
            threads.emplace_back([&, t] {
                seqs[std::size_t(t)] =
                    log.appendDurable(event(QStringLiteral("u-%1").arg(t), EventType::DataView)).value();
            });
        while (log.size() < 4)
            QThread::yieldCurrentThread();
        gate->gated = false;
        gate->gate.release();
        for (auto &t : threads)
            t.join();
        QCOMPARE(std::set<qint64>(seqs.begin(), seqs.end()), std::set<qint64>({0, 1, 2, 3}));
        QCOMPARE(log.statistics().flushes - flushesBefore, 2); // 1 event, then the other 3 together
        QCOMPARE(log.durableSize(), 4);

        // And under free-running load from several threads everything lands exactly once.
        std::vector<std::thread> writers;
        std::atomic<int> failures{0};
        for (int t = 0; t < 4; ++t)
            writers.emplace_back([&, t] {
                for (int i = 0; i < 100; ++i)
                    if (!log.appendDurable(event(QStringLiteral("w-%1").arg(t), EventType::DataQuery)).ok())
                        ++failures;
            });
        for (auto &t : writers)
            t.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(log.durableSize(), 404);
        qInfo("404 durable appends from 4 threads took %lld flushes",
              log.statistics().flushes - flushesBefore);
        QVERIFY(log.statistics().flushes - flushesBefore <= 404);
        const AuditVerifyReport r = log.verify();
        QVERIFY2(r.ok, qPrintable(r.toString()));
        QCOMPARE(r.eventCount, 404);
    }

    void batchCommitIsAllOrNothing()
    {
        auto log = openLog();
        QVERIFY(log);
        QList<AuditEvent> batch;
        for (int i = 0; i < 5; ++i)
            batch << event(QStringLiteral("u-%1").arg(i), EventType::DataView);
        QCOMPARE(log->commit(batch).value(), 4);
        batch[2].agent.userId = QStringLiteral("has space");
        QVERIFY(!log->commit(batch).ok());
        QCOMPARE(log->size(), 5);
        QCOMPARE(log->statistics().flushes, 2); // creation checkpoint + one batch
    }

    // A producer that hands an event over again after a crash (the workspace's audit outbox) must
    // not put it in twice, even once the log was closed and reopened.
    void eventWithAnIdTheLogHoldsIsRefused()
    {
        AuditEvent e = event(QStringLiteral("u-1"), EventType::DataModify,
                             {AuditEntity{QStringLiteral("patient"), QStringLiteral("p-1")}});
        e.id = QStringLiteral("3f0c2a56-1f7e-4a53-9a43-0d0c1d8e7b21");
        {
            auto log = openLog();
            QVERIFY(log);
            QVERIFY(log->appendDurable(e).ok());
            QVERIFY(log->containsEvent(e.id));
            auto again = log->append(e);
            QVERIFY(!again.ok());
            QCOMPARE(again.error().code, Error::Code::AlreadyExists);
            QVERIFY(!log->commit({event(QStringLiteral("u-2"), EventType::DataView), e}).ok());
            QCOMPARE(log->size(), 1);
        }
        auto log = openLog();
        QVERIFY(log);
        QVERIFY(log->containsEvent(e.id));
        QVERIFY(!log->append(e).ok());
        e.id = QStringLiteral("another-id");
        QVERIFY(log->append(e).ok());
        QCOMPARE(log->size(), 2);
        auto stored =
            log->queryByData(auditorAgent(), AuditEntity{QStringLiteral("patient"), QStringLiteral("p-1")});
        QVERIFY(stored.ok());
        QCOMPARE(stored->size(), 2);
        QCOMPARE(stored->first().event.id, QStringLiteral("3f0c2a56-1f7e-4a53-9a43-0d0c1d8e7b21"));
        QCOMPARE(stored->last().event.id, QStringLiteral("another-id"));
    }

    // Anchors: the database commit counter rides in the signed checkpoint.
    void anchorsAreSignedAndSurviveReopen()
    {
        {
            auto log = openLog();
            QVERIFY(log);
            QVERIFY(!log->anchor(QStringLiteral("db.commit")).has_value());
            log->setAnchor(QStringLiteral("db.commit"), 41);
            QVERIFY(!log->anchor(QStringLiteral("db.commit")).has_value()); // not yet in a checkpoint
            QVERIFY(log->flush().ok());                                     // no events: checkpoint only
            QCOMPARE(log->anchor(QStringLiteral("db.commit")).value_or(-1), qint64(41));
            log->setAnchor(QStringLiteral("db.commit"), 42);
            QVERIFY(log->appendDurable(event(QStringLiteral("u-1"), EventType::DataModify)).ok());
            QCOMPARE(log->anchor(QStringLiteral("db.commit")).value_or(-1),
                     qint64(42)); // carried by the event's flush
        }
        auto log = openLog();
        QVERIFY(log);
        QCOMPARE(log->anchor(QStringLiteral("db.commit")).value_or(-1), qint64(42));
        log.reset();
        QByteArray head = readFile(headPath());
        head.replace("\"db.commit\":42", "\"db.commit\":43");
        writeFile(headPath(), head);
        QCOMPARE(AuditLog::verifyDirectory(dir(), m_key, *m_signer).issue,
                 AuditIssue::CheckpointSignatureInvalid);
    }

    void recordedTimeComesFromTheInjectedClock()
    {
        auto log = openLog();
        QVERIFY(log);
        m_clock->set(QDateTime(QDate(2031, 1, 2), QTime(3, 4, 5, 678), Qt::UTC));
        AuditEvent e = event(QStringLiteral("u-1"), EventType::SystemStart);
        e.recorded = QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC); // callers cannot backdate
        QVERIFY(log->appendDurable(e).ok());
        auto r = log->queryByUser(auditorAgent(), QStringLiteral("u-1"), {}, {});
        QVERIFY(r.ok());
        QCOMPARE(r->first().event.recorded, m_clock->now());
        QCOMPARE(log->checkpoint().time, m_clock->now());
    }

    // an event's inclusion under a signed root can be shown to a third party.
    void inclusionAndConsistencyProofsCheckAgainstSignedRoots()
    {
        writeNineEvents();
        auto log = openLog();
        QVERIFY(log);
        const AuditCheckpoint at9 = log->checkpoint();
        QVERIFY(log->appendDurable(event(QStringLiteral("u-2"), EventType::DataView)).ok());
        const AuditCheckpoint at10 = log->checkpoint();
        const MerkleVerifier verifier; // SM3
        auto records =
            log->queryByData(auditorAgent(), AuditEntity{QStringLiteral("patient"), QStringLiteral("p-6")});
        QVERIFY(records.ok());
        const AuditRecord rec = records->first();
        const QByteArray leaf = log->leafHash(rec.sequence).value();
        QVERIFY(leaf != log->leafHash(5).value());
        QVERIFY(verifier.verifyInclusion(6, 9, leaf, log->inclusionProof(6, 9).value(), at9.merkleRoot).ok());
        QVERIFY(
            !verifier.verifyInclusion(5, 9, leaf, log->inclusionProof(5, 9).value(), at9.merkleRoot).ok());
        QVERIFY(verifier
                    .verifyConsistency(9, 10, log->consistencyProof(9, 10).value(), at9.merkleRoot,
                                       at10.merkleRoot)
                    .ok());
        QCOMPARE(log->merkleRoot(9).value(), at9.merkleRoot);
    }

    // proofs and roots at any earlier size come from the index (stored upper levels, lower ones
    // re-hashed from the records) after a reopen, and check against the roots signed at the time.
    void proofsAfterReopenCheckAgainstTheRootsSignedAtTheTime()
    {
        QList<AuditCheckpoint> signedAt;
        {
            auto log = openLog();
            QVERIFY(log);
            int n = 0;
            for (int batch : {1, 63, 64, 2, 130, 1, 40}) {
                QList<AuditEvent> events;
                for (int i = 0; i < batch; ++i, ++n)
                    events << event(QStringLiteral("u-%1").arg(n % 5), EventType::DataView,
                                    {AuditEntity{QStringLiteral("record"), QStringLiteral("r-%1").arg(n)}});
                QVERIFY(log->commit(events).ok());
                signedAt << log->checkpoint();
            }
            QCOMPARE(n, 301);
        }
        auto log = openLog();
        QVERIFY(log);
        const MerkleVerifier verifier;
        for (const AuditCheckpoint &cp : std::as_const(signedAt))
            QCOMPARE(log->merkleRoot(cp.size).value(), cp.merkleRoot);
        for (qsizetype i = 1; i < signedAt.size(); ++i) {
            const AuditCheckpoint &a = signedAt.at(i - 1);
            const AuditCheckpoint &b = signedAt.at(i);
            QVERIFY(verifier
                        .verifyConsistency(quint64(a.size), quint64(b.size),
                                           log->consistencyProof(a.size, b.size).value(), a.merkleRoot,
                                           b.merkleRoot)
                        .ok());
        }
        for (int k : {0, 63, 64, 127, 200, 300}) {
            auto records = log->queryByData(
                auditorAgent(), AuditEntity{QStringLiteral("record"), QStringLiteral("r-%1").arg(k)});
            QVERIFY(records.ok());
            QCOMPARE(records->size(), 1);
            QCOMPARE(records->first().sequence, k);
            const QByteArray leaf = log->leafHash(records->first().sequence).value();
            const AuditCheckpoint &last = signedAt.last();
            QVERIFY(verifier
                        .verifyInclusion(quint64(k), quint64(last.size), leaf,
                                         log->inclusionProof(k, last.size).value(), last.merkleRoot)
                        .ok());
        }
    }

    // opening costs what is new since the index, not the history: a changed old record is not read
    // at open (that is what makes it constant-time), but the full check finds it, and so does any query that
    // returns it.
    void openingReadsOnlyWhatTheIndexHasNotSeen()
    {
        writeNineEvents();
        const QList<Frame> frames = framesOf(readFile(logPath()));
        QByteArray bytes = readFile(logPath());
        bytes[frames.at(2).offset + 40] = char(bytes[frames.at(2).offset + 40] ^ 1);
        writeFile(logPath(), bytes);
        auto log = openLog();
        QVERIFY(log);
        QCOMPARE(log->size(), 9);
        const AuditVerifyReport full = log->verify();
        QVERIFY(!full.ok);
        QCOMPARE(full.issue, AuditIssue::AuthenticationFailure);
        QCOMPARE(full.sequence, 2);
        auto hit =
            log->queryByData(auditorAgent(), AuditEntity{QStringLiteral("patient"), QStringLiteral("p-2")});
        QVERIFY(!hit.ok());
        QCOMPARE(hit.error().code, Error::Code::Tampered);
        QVERIFY2(hit.error().message.contains(QStringLiteral("event 2")), qPrintable(hit.error().message));
        QVERIFY(
            log->queryByData(auditorAgent(), AuditEntity{QStringLiteral("patient"), QStringLiteral("p-3")})
                .ok());
    }

    // R-7.4.1 (issue 9): keep an old audit.head, cut audit.log back to that head's size and put the old
    // head back. The index has seen the newer events, so the cut is found.
    void cuttingTheNewestEventsBehindAnOldHeadIsFound()
    {
        writeNineEvents();
        const QByteArray oldHead = readFile(headPath());
        const qint64 oldSize = readFile(logPath()).size();
        {
            auto log = openLog();
            QVERIFY(log);
            QVERIFY(log->appendDurable(event(QStringLiteral("u-evil"), EventType::DataExport)).ok());
            QVERIFY(log->appendDurable(event(QStringLiteral("u-evil"), EventType::DataDelete)).ok());
        }
        QVERIFY(QFile::resize(logPath(), oldSize));
        writeFile(headPath(), oldHead);
        QVERIFY(AuditLog::verifyDirectory(dir(), m_key, *m_signer).ok); // the files alone agree
        auto reopened = AuditLog::open(options());
        QVERIFY(!reopened.ok());
        QCOMPARE(reopened.error().code, Error::Code::Tampered);
        QVERIFY2(reopened.error().message.contains(QStringLiteral("11 events were durable")),
                 qPrintable(reopened.error().message));
        // And the evidence stays: a second attempt is refused as well.
        QVERIFY(!AuditLog::open(options()).ok());
    }

    // a page of a newer index put into an older copy of it (each page authenticates on its
    // own: the state row saying "everything is indexed" over rows that stop earlier, say) never makes a query
    // miss an event: the index is rebuilt, or the open refuses.
    void noNewerIndexPageSplicedIntoAnOlderOneHidesEvents()
    {
        writeNineEvents();
        const QString index = dir() + QStringLiteral("/index.db");
        QVERIFY(!QFile::exists(index + QStringLiteral("-wal")));
        const QByteArray older = readFile(index);
        {
            auto log = openLog();
            QVERIFY(log);
            for (int i = 0; i < 5; ++i)
                QVERIFY(log->append(event(QStringLiteral("u-late"), EventType::DataView)).ok());
            QVERIFY(log->flush().ok());
        }
        const QByteArray newer = readFile(index);
        constexpr qsizetype kPage = 1024; // the index's page size
        int spliced = 0;
        for (qsizetype at = 0; at + kPage <= std::min(older.size(), newer.size()); at += kPage) {
            if (older.mid(at, kPage) == newer.mid(at, kPage))
                continue;
            QByteArray bytes = older;
            bytes.replace(at, kPage, newer.mid(at, kPage));
            removeIndex();
            writeFile(index, bytes);
            auto log = openLog();
            if (!log)
                continue; // refused: nothing hidden
            auto late = log->queryByUser(auditorAgent(), QStringLiteral("u-late"), {}, {});
            if (!late.ok())
                continue; // refused: nothing hidden
            QList<qint64> found;
            for (const AuditRecord &r : std::as_const(late.value()))
                found << r.sequence;
            QVERIFY2(
                found == (QList<qint64>{9, 10, 11, 12, 13}),
                qPrintable(QStringLiteral("page %1: found %2 events").arg(at / kPage + 1).arg(found.size())));
            ++spliced;
        }
        QVERIFY(spliced > 0);
    }

    // the index is derived data: damaged, foreign or missing, it is rebuilt from the log at open.
    void aDamagedIndexIsRebuiltFromTheLog()
    {
        writeNineEvents();
        const QString index = dir() + QStringLiteral("/index.db");
        QByteArray bytes = readFile(index);
        QVERIFY(bytes.size() > 8192);
        for (qsizetype i = 4096; i < bytes.size(); i += 97)
            bytes[i] = char(bytes[i] ^ 0x5a);
        writeFile(index, bytes);
        {
            auto log = openLog();
            QVERIFY(log);
            auto hits = log->queryByUser(auditorAgent(), QStringLiteral("u-1"), {}, {});
            QVERIFY(hits.ok());
            QCOMPARE(hits->size(), 3);
        }
        removeIndex();
        auto log = openLog();
        QVERIFY(log);
        auto hits =
            log->queryByData(auditorAgent(), AuditEntity{QStringLiteral("patient"), QStringLiteral("p-8")});
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().sequence, 8);
    }

    void invalidEventsAreRefusedAtAppend()
    {
        auto log = openLog();
        QVERIFY(log);
        AuditEvent e = event(QStringLiteral("u-1"), EventType::DataView,
                             {AuditEntity{QStringLiteral("patient"), QStringLiteral("110101199003071234")}});
        auto r = log->append(e);
        QVERIFY(!r.ok());
        QCOMPARE(log->size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_AuditLog)
#include "tst_AuditLog.moc"
