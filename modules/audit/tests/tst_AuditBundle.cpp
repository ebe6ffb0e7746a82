// The auditor's bundle (issue 13, R-7.4.2): a stretch of a node's audit log sealed for one auditor's
// key, opened offline with every signature, Merkle proof and the server's witness checked first. The
// attacks of the issue, each refused with the position named: one flipped byte anywhere, a missing
// section, a forged witness signature, a bundle for another auditor's key; and a witness from a server
// other than the site's.
#include "mdp/audit/AuditBundle.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/audit/Sm2CheckpointSigner.h"
#include "mdp/crypto/Crypto.h"
#include "mdp/net/Protocol.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace mdp;
using namespace mdp::audit;

namespace {

const QDateTime kStart(QDate(2026, 12, 7), QTime(1, 0), Qt::UTC);
constexpr int kEvents = 10000; // from minute 1000 on: frame sections of 4096, 4096 and 809 events

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// Where each section of a bundle starts and ends.
QList<QPair<qint64, qint64>> sectionsOf(const QByteArray &bundle)
{
    QList<QPair<qint64, qint64>> out;
    qint64 at = 12 + qFromBigEndian<quint32>(bundle.constData() + 8);
    while (at + 4 <= bundle.size()) {
        const qint64 length = qFromBigEndian<quint32>(bundle.constData() + at);
        out.append({at, at + 4 + length});
        at += 4 + length;
    }
    return out;
}

} // namespace

class AuditBundleTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock{kStart};
    std::shared_ptr<Sm2CheckpointSigner> m_node;
    crypto::SigningKey m_server;
    crypto::SigningKey m_auditor;
    std::unique_ptr<AuditLog> m_log;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The log's events in [from, to), witnessed by the server at `witnessed` events.
    AuditBundleContent content(const QDateTime &from, const QDateTime &to, qint64 witnessed)
    {
        auto c = bundleContentFromLog(*m_log, from, to);
        if (!c)
            qFatal("%s", qPrintable(c.error().message));
        c->source = QStringLiteral("ws-bundle");
        c->nodeId = QStringLiteral("node-bundle");
        c->exportedBy = QStringLiteral("aud.zhao");
        c->exportedAt = m_clock.now();
        c->nodeKeyDer = m_node->publicKey().der();
        c->accountNames = {{QStringLiteral("u-1"), QStringLiteral("dr.wang")}};
        const QByteArray root = *m_log->merkleRoot(witnessed);
        const QDateTime at = m_clock.now();
        AuditBundleWitness w;
        w.treeSize = witnessed;
        w.rootHash = root;
        w.witnessedAt = at;
        w.signature = *m_server.sign(net::auditWitnessStatement(c->source, witnessed, root, at));
        w.serverKeyDer = m_server.publicKey().der();
        if (witnessed < m_log->checkpoint().size)
            w.consistency = *m_log->consistencyProof(witnessed, m_log->checkpoint().size);
        c->witness = w;
        return std::move(*c);
    }

    QString writeBundle(const QString &name, const AuditBundleContent &c)
    {
        const QString out = path(name);
        auto written = writeAuditBundle(out, c, m_auditor.publicKey(), *m_node);
        if (!written)
            qFatal("%s", qPrintable(written.error().message));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        crypto::initialise();
        QVERIFY(m_dir.isValid());
        m_node = std::make_shared<Sm2CheckpointSigner>(
            *crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2));
        m_server = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        m_auditor = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        AuditLogOptions o;
        o.directory = path(QStringLiteral("log"));
        o.key = SecureBytes(QByteArray(32, '\x5a'));
        o.signer = m_node;
        o.clock = &m_clock;
        o.nodeId = QStringLiteral("node-bundle");
        auto log = AuditLog::open(o);
        QVERIFY2(log, qPrintable(log ? QString() : log.error().message));
        m_log = std::move(*log);
        // One event a minute: user u-<i % 5>, patient P-<i % 40>.
        for (int i = 0; i < kEvents; ++i) {
            AuditEvent e;
            e.type = i % 7 == 0 ? QStringLiteral("data.download") : QStringLiteral("data.view");
            e.action = AuditAction::Read;
            e.agent.userId = QStringLiteral("u-%1").arg(i % 5);
            e.agent.role = QStringLiteral("researcher");
            e.entities = {AuditEntity{QStringLiteral("patient"), QStringLiteral("P-%1").arg(i % 40)}};
            m_clock.advance(60 * 1000);
            QVERIFY(m_log->append(e)); // recorded now
            if (i % 500 == 499)
                QVERIFY(m_log->flush());
        }
        QVERIFY(m_log->flush());
    }

    void aRangeOpensWithEverythingVerified()
    {
        // Events 1000-9999 minutes after the start: all but the first thousand, the last included.
        const QString b = writeBundle(QStringLiteral("range.bundle"),
                                      content(kStart.addSecs(1000 * 60), QDateTime(), 6000));
        crypto::PublicKey site = m_server.publicKey();
        auto opened = openAuditBundle(b, m_auditor, &site);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QCOMPARE(opened->first, 999); // the event recorded at minute 1000 is the 1000th
        QCOMPARE(opened->end, kEvents);
        QCOMPARE(opened->events.size(), kEvents - 999);
        QCOMPARE(opened->events.first().sequence, 999);
        QCOMPARE(opened->events.last().event.agent.userId, QStringLiteral("u-%1").arg((kEvents - 1) % 5));
        QCOMPARE(opened->witnessedSize, 6000);
        QVERIFY(opened->serverKeyTrusted);
        QCOMPARE(opened->checkpointSize, kEvents);
        QCOMPARE(opened->accountNames.value(QStringLiteral("u-1")), QStringLiteral("dr.wang"));
        QCOMPARE(opened->exportedBy, QStringLiteral("aud.zhao"));
        const QString said = opened->verified.join(u'\n');
        QVERIFY(said.contains(QStringLiteral("Merkle inclusion")));
        QVERIFY(said.contains(QStringLiteral("witnessed the first 6000 events")));
    }

    void aRangeInTheMiddleProvesConsistencyToTheCheckpoint()
    {
        const QString b = writeBundle(QStringLiteral("middle.bundle"),
                                      content(kStart.addSecs(100 * 60), kStart.addSecs(200 * 60), kEvents));
        auto opened = openAuditBundle(b, m_auditor);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        QCOMPARE(opened->first, 99);
        QCOMPARE(opened->end, 199);
        QVERIFY(!opened->serverKeyTrusted);
        QVERIFY(opened->verified.join(u'\n').contains(QStringLiteral("not compared with a site key")));
    }

    void oneFlippedByteAnywhereIsRefusedWithItsPosition()
    {
        const QString b =
            writeBundle(QStringLiteral("flip.bundle"), content(kStart.addSecs(1000 * 60), QDateTime(), 6000));
        const QByteArray good = readAll(b);
        const auto sections = sectionsOf(good);
        QCOMPARE(sections.size(), 4); // manifest + three frame sections
        // A byte in the header, in the manifest, and in each frame section.
        QList<qint64> positions{20};
        for (const auto &s : sections)
            positions << (s.first + s.second) / 2;
        for (int i = 0; i < positions.size(); ++i) {
            QByteArray bad = good;
            bad[positions.at(i)] = char(bad.at(positions.at(i)) ^ 0x01);
            const QString flipped = path(QStringLiteral("flipped-%1.bundle").arg(i));
            writeAll(flipped, bad);
            auto opened = openAuditBundle(flipped, m_auditor);
            QVERIFY2(!opened,
                     qPrintable(QStringLiteral("byte %1 flipped and still opened").arg(positions.at(i))));
            QCOMPARE(opened.error().code, Error::Code::Tampered);
            const QString message = opened.error().message;
            if (i == 0) {
                QVERIFY2(message.contains(QStringLiteral("header")), qPrintable(message));
            } else {
                const auto &s = sections.at(i - 1);
                QVERIFY2(
                    message.contains(
                        QStringLiteral("section %1 (bytes %2-%3)").arg(i - 1).arg(s.first).arg(s.second - 1)),
                    qPrintable(message));
            }
        }
    }

    void aDamagedHeaderIsNamedWhereverTheByteIs()
    {
        const QString b = writeBundle(QStringLiteral("header.bundle"),
                                      content(kStart.addSecs(1000 * 60), QDateTime(), 6000));
        const QByteArray good = readAll(b);
        const QList<qint64> positions{
            good.indexOf("\"bundle\":\"") + 12, good.indexOf("\"recipient\":\"") + 15,
            good.indexOf("\"wrappedKey\":\"") + 20, good.indexOf("\"sections\":") + 11};
        for (qint64 at : positions) {
            QVERIFY(at > 12);
            QByteArray bad = good;
            bad[at] = bad.at(at) == '0' ? '1' : '0';
            const QString flipped = path(QStringLiteral("header-%1.bundle").arg(at));
            writeAll(flipped, bad);
            auto opened = openAuditBundle(flipped, m_auditor);
            QVERIFY2(!opened, qPrintable(QStringLiteral("header byte %1 changed and still opened").arg(at)));
            QCOMPARE(opened.error().code, Error::Code::Tampered);
            QVERIFY2(opened.error().message.contains(QStringLiteral("header")),
                     qPrintable(opened.error().message));
        }
    }

    // An auditor who holds the site's key accepts nothing the site did not witness; events after the
    // witnessed size are said to rest on the node key alone.
    void theSiteKeyRequiresAWitness()
    {
        AuditBundleContent c = content(kStart.addSecs(1000 * 60), QDateTime(), 6000);
        c.witness.reset();
        const crypto::PublicKey site = m_server.publicKey();
        auto opened = openAuditBundle(writeBundle(QStringLiteral("unwitnessed.bundle"), c), m_auditor, &site);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QStringLiteral("no witness")),
                 qPrintable(opened.error().message));
        opened = openAuditBundle(path(QStringLiteral("unwitnessed.bundle")), m_auditor);
        QVERIFY(opened);
        QVERIFY(opened->verified.join(u'\n').contains(
            QStringLiteral("Events 999-%1 are vouched for by the node key").arg(kEvents - 1)));
        auto witnessed = openAuditBundle(writeBundle(QStringLiteral("witnessed.bundle"),
                                                     content(kStart.addSecs(1000 * 60), QDateTime(), 6000)),
                                         m_auditor, &site);
        QVERIFY(witnessed);
        QVERIFY(witnessed->verified.join(u'\n').contains(
            QStringLiteral("Events 6000-%1 are vouched for by the node key").arg(kEvents - 1)));
    }

    void aMissingSectionIsNamed()
    {
        const QString b =
            writeBundle(QStringLiteral("cut.bundle"), content(kStart.addSecs(1000 * 60), QDateTime(), 6000));
        const QByteArray good = readAll(b);
        const auto sections = sectionsOf(good);
        // The second frame section taken out: the third no longer authenticates as the second.
        QByteArray bad = good.left(sections.at(2).first) + good.mid(sections.at(2).second);
        writeAll(path(QStringLiteral("missing.bundle")), bad);
        auto opened = openAuditBundle(path(QStringLiteral("missing.bundle")), m_auditor);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, Error::Code::Tampered);
        QVERIFY2(opened.error().message.contains(QStringLiteral("section 2")) &&
                     opened.error().message.contains(QStringLiteral("missing or out of place")),
                 qPrintable(opened.error().message));
        // The last one taken out: the bundle ends early.
        writeAll(path(QStringLiteral("short.bundle")), good.left(sections.last().first));
        opened = openAuditBundle(path(QStringLiteral("short.bundle")), m_auditor);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QStringLiteral("section 3 of 3 is missing")),
                 qPrintable(opened.error().message));
    }

    void aForgedWitnessSignatureIsRefused()
    {
        AuditBundleContent c = content(kStart.addSecs(1000 * 60), QDateTime(), 6000);
        c.witness->signature[10] = char(c.witness->signature.at(10) ^ 0x40);
        auto opened = openAuditBundle(writeBundle(QStringLiteral("forged.bundle"), c), m_auditor);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, Error::Code::Tampered);
        QVERIFY2(opened.error().message.contains(QStringLiteral("witness signature over 6000 events")),
                 qPrintable(opened.error().message));

        // A witness signed by a key of the forger's own: it verifies, but it is not the site's.
        AuditBundleContent other = content(kStart.addSecs(1000 * 60), QDateTime(), 6000);
        const auto forger = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        other.witness->signature = *forger.sign(net::auditWitnessStatement(
            other.source, 6000, other.witness->rootHash, other.witness->witnessedAt));
        other.witness->serverKeyDer = forger.publicKey().der();
        const crypto::PublicKey site = m_server.publicKey();
        opened = openAuditBundle(writeBundle(QStringLiteral("other-server.bundle"), other), m_auditor, &site);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QStringLiteral("not by the site's key")),
                 qPrintable(opened.error().message));

        // A witness over a root the log never had.
        AuditBundleContent rewritten = content(kStart.addSecs(1000 * 60), QDateTime(), 6000);
        rewritten.witness->rootHash = *m_log->merkleRoot(5999);
        rewritten.witness->signature = *m_server.sign(net::auditWitnessStatement(
            rewritten.source, 6000, rewritten.witness->rootHash, rewritten.witness->witnessedAt));
        opened =
            openAuditBundle(writeBundle(QStringLiteral("rewritten.bundle"), rewritten), m_auditor, &site);
        QVERIFY(!opened);
        QVERIFY2(
            opened.error().message.contains(QStringLiteral("not consistent with what the server witnessed")),
            qPrintable(opened.error().message));
    }

    void anotherAuditorsKeyIsRefused()
    {
        const QString b =
            writeBundle(QStringLiteral("mine.bundle"), content(kStart.addSecs(1000 * 60), QDateTime(), 6000));
        const auto other = *crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        auto opened = openAuditBundle(b, other);
        QVERIFY(!opened);
        QCOMPARE(opened.error().code, Error::Code::PermissionDenied);
        QVERIFY2(opened.error().message.contains(
                     QString::fromLatin1(m_auditor.publicKey().fingerprint().toHex().left(16))),
                 qPrintable(opened.error().message));
    }

    void eventsLeftOutOrSwappedAreCaught()
    {
        // A frame dropped from the middle of the range (the exporter hiding an event): the Merkle root no
        // longer leads to the checkpoint.
        AuditBundleContent c = content(kStart.addSecs(1000 * 60), QDateTime(), 6000);
        c.frames.removeAt(100);
        auto opened = openAuditBundle(writeBundle(QStringLiteral("hidden.bundle"), c), m_auditor);
        QVERIFY(!opened);
        QVERIFY2(
            opened.error().message.contains(QStringLiteral("consistency proof from %1").arg(kEvents - 1)),
            qPrintable(opened.error().message));
        // Two frames swapped: the leaves are the same, the order is not.
        AuditBundleContent swapped = content(kStart.addSecs(1000 * 60), QDateTime(), 6000);
        swapped.frames.swapItemsAt(10, 11);
        opened = openAuditBundle(writeBundle(QStringLiteral("swapped.bundle"), swapped), m_auditor);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QStringLiteral("Merkle root")) ||
                     opened.error().message.contains(QStringLiteral("consistency proof")),
                 qPrintable(opened.error().message));
        // The checkpoint signed by another node key.
        AuditBundleContent n = content(kStart.addSecs(1000 * 60), QDateTime(), 6000);
        n.nodeKeyDer = m_server.publicKey().der();
        opened = openAuditBundle(writeBundle(QStringLiteral("node.bundle"), n), m_auditor);
        QVERIFY(!opened);
        QVERIFY2(opened.error().message.contains(QStringLiteral("signature over the manifest")),
                 qPrintable(opened.error().message));
    }

    void theAuditorKeyFileOpensOnlyWithItsPassphrase()
    {
        const SecureBytes passphrase(QByteArrayLiteral("correct horse battery"));
        auto file = makeAuditorKeyFile(QStringLiteral("aud.zhao"), m_auditor, passphrase);
        QVERIFY(file);
        QVERIFY(!file->contains(m_auditor.privateKeyDer().view().toByteArray().toBase64()));
        auto pub = readAuditorKeyFile(*file);
        QVERIFY(pub);
        QCOMPARE(pub->userName, QStringLiteral("aud.zhao"));
        QVERIFY(pub->publicKey == m_auditor.publicKey());
        auto key = openAuditorKeyFile(*file, passphrase);
        QVERIFY(key);
        QVERIFY(key->publicKey() == m_auditor.publicKey());
        auto wrong = openAuditorKeyFile(*file, SecureBytes(QByteArrayLiteral("wrong horse battery")));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, Error::Code::WrongPassphrase);
        QVERIFY(!makeAuditorKeyFile(QStringLiteral("aud.zhao"), m_auditor,
                                    SecureBytes(QByteArrayLiteral("short"))));
    }
};

QTEST_GUILESS_MAIN(AuditBundleTest)
#include "tst_AuditBundle.moc"
