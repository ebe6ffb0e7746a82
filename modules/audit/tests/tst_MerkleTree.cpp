// Merkle tree and proof verifier against the transparency-dev/merkle vectors (SHA-256) and against
// generated trees (SM3 and SHA-256). R-7.4.1 (tamper-evident logs), R-9.4.1 (signed Merkle log).
#include "mdp/audit/MerkleFrontier.h"
#include "mdp/audit/MerkleTree.h"
#include "mdp/audit/MerkleVerifier.h"
#include "mdp/crypto/Hash.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace mdp;
using namespace mdp::audit;

namespace {

const QString kVectorDir = QStringLiteral(MDP_TEST_DATA_DIR "/merkle");

quint64 u64(const QJsonValue &v)
{
    const qint64 a = v.toInteger(-1);
    if (a == v.toInteger(-2) && a >= 0)
        return quint64(a);
    // Beyond qint64 the parser keeps a double; these probes only need "very large".
    const double d = v.toDouble();
    return d >= 18446744073709551615.0 ? ~quint64(0) : quint64(d);
}

QByteArray b64(const QJsonValue &v)
{
    auto r = QByteArray::fromBase64Encoding(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    return r.decoded;
}

MerkleProof proofOf(const QJsonValue &v)
{
    MerkleProof p;
    for (const QJsonValue &e : v.toArray())
        p.append(b64(e));
    return p;
}

struct VectorRun
{
    int total = 0;
    int passed = 0;
    QStringList failures;
};

template<typename Check> VectorRun runVectors(const QString &folder, Check check)
{
    VectorRun run;
    QDirIterator it(kVectorDir + u'/' + folder, {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            run.failures << QStringLiteral("cannot read ") + path;
            ++run.total;
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        ++run.total;
        const Result<void> r = check(o);
        const bool wantErr = o.value(QStringLiteral("wantErr")).toBool();
        if (r.ok() != wantErr) {
            ++run.passed;
        } else {
            run.failures << QStringLiteral("%1: %2").arg(path.mid(kVectorDir.size() + 1),
                                                         wantErr ? QStringLiteral("accepted a bad probe")
                                                                 : r.error().message);
        }
    }
    qInfo("%s: %d of %d vectors passed", qPrintable(folder), run.passed, run.total);
    return run;
}

// The leaves of the RFC 6962 reference tree the vectors were generated from.
QList<QByteArray> referenceLeaves()
{
    return {QByteArray(),
            QByteArray::fromHex("00"),
            QByteArray::fromHex("10"),
            QByteArray::fromHex("2021"),
            QByteArray::fromHex("3031"),
            QByteArray::fromHex("40414243"),
            QByteArray::fromHex("5051525354555657"),
            QByteArray::fromHex("606162636465666768696a6b6c6d6e6f")};
}

// Textbook recursive MTH from RFC 9162 section 2.1.1, as an independent reference.
QByteArray naiveRoot(const MerkleHasher &h, const QList<QByteArray> &leaves, qsizetype begin, qsizetype end)
{
    if (end == begin)
        return h.emptyRoot();
    if (end - begin == 1)
        return h.leafHash(leaves.at(begin));
    qsizetype k = 1;
    while (k * 2 < end - begin)
        k *= 2;
    return h.nodeHash(naiveRoot(h, leaves, begin, begin + k), naiveRoot(h, leaves, begin + k, end));
}

QList<QByteArray> randomLeaves(int n)
{
    QList<QByteArray> leaves;
    for (int i = 0; i < n; ++i) {
        QByteArray b(1 + int(QRandomGenerator::global()->bounded(40)), Qt::Uninitialized);
        for (char &c : b)
            c = char(QRandomGenerator::global()->bounded(256));
        leaves << b;
    }
    return leaves;
}

MerkleProof flipBit(MerkleProof p, qsizetype element, int bit)
{
    p[element][bit / 8] = char(p[element][bit / 8] ^ (1 << (bit % 8)));
    return p;
}

} // namespace

class tst_MerkleTree : public QObject
{
    Q_OBJECT

private:
    MerkleHasher sha{crypto::HashAlgorithm::Sha256};
    MerkleVerifier verifier{sha};
    int m_vectorTotal = 0;

private Q_SLOTS:
    //
    void inclusionVectorsAllPass()
    {
        const VectorRun run = runVectors(QStringLiteral("inclusion"), [&](const QJsonObject &o) {
            return verifier.verifyInclusion(u64(o[u"leafIdx"]), u64(o[u"treeSize"]), b64(o[u"leafHash"]),
                                            proofOf(o[u"proof"]), b64(o[u"root"]));
        });
        m_vectorTotal += run.total;
        QVERIFY2(run.failures.isEmpty(), qPrintable(run.failures.join(u'\n')));
        QCOMPARE(run.total, 98);
    }

    //
    void consistencyVectorsAllPass()
    {
        const VectorRun run = runVectors(QStringLiteral("consistency"), [&](const QJsonObject &o) {
            return verifier.verifyConsistency(u64(o[u"size1"]), u64(o[u"size2"]), proofOf(o[u"proof"]),
                                              b64(o[u"root1"]), b64(o[u"root2"]));
        });
        m_vectorTotal += run.total;
        QVERIFY2(run.failures.isEmpty(), qPrintable(run.failures.join(u'\n')));
        QCOMPARE(run.total, 98);
    }

    //
    void subtreeInclusionVectorsAllPass()
    {
        const VectorRun run = runVectors(QStringLiteral("subtreeinclusion"), [&](const QJsonObject &o) {
            return verifier.verifySubtreeInclusion(u64(o[u"leafIdx"]), u64(o[u"start"]), u64(o[u"end"]),
                                                   b64(o[u"leafHash"]), proofOf(o[u"proof"]),
                                                   b64(o[u"root"]));
        });
        m_vectorTotal += run.total;
        QVERIFY2(run.failures.isEmpty(), qPrintable(run.failures.join(u'\n')));
        QCOMPARE(run.total, 204);
    }

    //
    void subtreeConsistencyVectorsAllPass()
    {
        const VectorRun run = runVectors(QStringLiteral("subtreeconsistency"), [&](const QJsonObject &o) {
            return verifier.verifySubtreeConsistency(u64(o[u"start"]), u64(o[u"end"]), u64(o[u"size"]),
                                                     proofOf(o[u"proof"]), b64(o[u"root1"]),
                                                     b64(o[u"root2"]));
        });
        m_vectorTotal += run.total;
        QVERIFY2(run.failures.isEmpty(), qPrintable(run.failures.join(u'\n')));
        QCOMPARE(run.total, 118);
    }

    void everyVectorFileWasRun()
    {
        int files = 0;
        QDirIterator it(kVectorDir, {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++files;
        }
        qInfo("%d vector files on disk, %d run", files, m_vectorTotal);
        QCOMPARE(m_vectorTotal, files);
        QCOMPARE(files, 518);
    }

    // the generator produces exactly the reference proofs of the vectors' happy paths.
    void generatedProofsEqualTheReferenceProofs()
    {
        MerkleTree tree(sha);
        for (const QByteArray &leaf : referenceLeaves())
            tree.append(leaf);
        int compared = 0;
        for (int dir = 1; dir <= 4; ++dir) {
            QFile inc(kVectorDir + QStringLiteral("/inclusion/%1/happy-path.json").arg(dir));
            QVERIFY(inc.open(QIODevice::ReadOnly));
            const QJsonObject i = QJsonDocument::fromJson(inc.readAll()).object();
            const quint64 size = u64(i[u"treeSize"]);
            QCOMPARE(tree.rootAt(size).value(), b64(i[u"root"]));
            QCOMPARE(tree.leafHash(u64(i[u"leafIdx"])), b64(i[u"leafHash"]));
            QCOMPARE(tree.inclusionProof(u64(i[u"leafIdx"]), size).value(), proofOf(i[u"proof"]));

            QFile con(kVectorDir + QStringLiteral("/consistency/%1/happy-path.json").arg(dir));
            QVERIFY(con.open(QIODevice::ReadOnly));
            const QJsonObject c = QJsonDocument::fromJson(con.readAll()).object();
            QCOMPARE(tree.rootAt(u64(c[u"size1"])).value(), b64(c[u"root1"]));
            QCOMPARE(tree.consistencyProof(u64(c[u"size1"]), u64(c[u"size2"])).value(), proofOf(c[u"proof"]));
            compared += 2;
        }
        QCOMPARE(compared, 8);
    }

    // incremental roots, no rehash of the log per append.
    void frontierRootEqualsRecomputedRootAtEverySize()
    {
        for (auto algorithm : {crypto::HashAlgorithm::Sm3, crypto::HashAlgorithm::Sha256}) {
            const MerkleHasher h(algorithm);
            const QList<QByteArray> leaves = randomLeaves(130);
            MerkleFrontier frontier(h);
            MerkleTree tree(h);
            QCOMPARE(frontier.root(), h.emptyRoot());
            for (qsizetype n = 1; n <= leaves.size(); ++n) {
                frontier.append(leaves.at(n - 1));
                tree.append(leaves.at(n - 1));
                const QByteArray expected = naiveRoot(h, leaves, 0, n);
                QCOMPARE(frontier.root(), expected);
                QCOMPARE(tree.root(), expected);
                // The frontier holds one node per set bit of the size: O(log n) state.
                QCOMPARE(frontier.nodes().size(), qsizetype(std::popcount(quint64(n))));
            }
            for (qsizetype n = 0; n <= leaves.size(); ++n)
                QCOMPARE(tree.rootAt(quint64(n)).value(), naiveRoot(h, leaves, 0, n));
        }
    }

    void defaultHashIsSm3WithDomainSeparation()
    {
        const MerkleHasher h;
        QCOMPARE(h.algorithm(), crypto::HashAlgorithm::Sm3);
        const QByteArray data = QByteArrayLiteral("event");
        QCOMPARE(h.leafHash(data), crypto::hash(crypto::HashAlgorithm::Sm3, QByteArray(1, '\0') + data));
        const QByteArray l(32, 'a'), r(32, 'b');
        QCOMPARE(h.nodeHash(l, r), crypto::hash(crypto::HashAlgorithm::Sm3, QByteArray(1, '\1') + l + r));
        QVERIFY(h.leafHash(data) != MerkleHasher(crypto::HashAlgorithm::Sha256).leafHash(data));
    }

    // generation and verification agree everywhere, and a changed bit always fails.
    void generatedProofsVerifyAndTamperedOnesFail()
    {
        const MerkleHasher h; // SM3, as in production
        const MerkleVerifier v(h);
        const QList<QByteArray> leaves = randomLeaves(40);
        MerkleTree tree(h);
        for (const QByteArray &l : leaves)
            tree.append(l);
        int checked = 0;
        for (quint64 n = 1; n <= 40; ++n) {
            const QByteArray root = tree.rootAt(n).value();
            for (quint64 i = 0; i < n; ++i) {
                const MerkleProof p = tree.inclusionProof(i, n).value();
                QVERIFY(v.verifyInclusion(i, n, tree.leafHash(i), p, root).ok());
                if (!p.isEmpty())
                    QVERIFY(!v.verifyInclusion(i, n, tree.leafHash(i),
                                               flipBit(p, qsizetype(i % quint64(p.size())), 5), root)
                                 .ok());
                QVERIFY(!v.verifyInclusion(i, n, tree.leafHash((i + 1) % 40), p, root).ok() || n == 1);
                ++checked;
            }
            for (quint64 m = 1; m <= n; ++m) {
                const MerkleProof p = tree.consistencyProof(m, n).value();
                const QByteArray root1 = tree.rootAt(m).value();
                QVERIFY2(v.verifyConsistency(m, n, p, root1, root).ok(),
                         qPrintable(QStringLiteral("%1->%2").arg(m).arg(n)));
                if (!p.isEmpty())
                    QVERIFY(!v.verifyConsistency(m, n, flipBit(p, qsizetype(m % quint64(p.size())), 9), root1,
                                                 root)
                                 .ok());
                if (m < n)
                    QVERIFY(!v.verifyConsistency(m, n, p, tree.rootAt(m - 1 == 0 ? n : m - 1).value(), root)
                                 .ok());
                ++checked;
            }
            // Subtrees that do not start at 0 are not covered by the published vectors.
            for (quint64 start = 0; start < n; ++start) {
                for (quint64 end = start + 1; end <= n; ++end) {
                    if (!MerkleTree::isValidSubtree(start, end))
                        continue;
                    const QByteArray sub = tree.subtreeHash(start, end).value();
                    QCOMPARE(sub, naiveRoot(h, leaves, qsizetype(start), qsizetype(end)));
                    const MerkleProof sc = tree.subtreeConsistencyProof(start, end, n).value();
                    QVERIFY2(v.verifySubtreeConsistency(start, end, n, sc, sub, root).ok(),
                             qPrintable(QStringLiteral("[%1,%2) in %3").arg(start).arg(end).arg(n)));
                    if (!sc.isEmpty())
                        QVERIFY(
                            !v.verifySubtreeConsistency(start, end, n, flipBit(sc, 0, 1), sub, root).ok());
                    QVERIFY(!v.verifySubtreeConsistency(start, end, n, sc, tree.leafHash(start), root).ok() ||
                            (end - start == 1));
                    for (quint64 i = start; i < end; ++i) {
                        const MerkleProof si = tree.subtreeInclusionProof(i, start, end).value();
                        QVERIFY(v.verifySubtreeInclusion(i, start, end, tree.leafHash(i), si, sub).ok());
                    }
                    ++checked;
                }
            }
        }
        qInfo("%d generated proofs checked", checked);
        QVERIFY(checked > 1000);
    }

    void invalidRequestsAreRefused()
    {
        MerkleTree tree;
        for (int i = 0; i < 8; ++i)
            tree.append(QByteArray::number(i));
        QVERIFY(!tree.inclusionProof(8, 8).ok());
        QVERIFY(!tree.inclusionProof(0, 9).ok());
        QVERIFY(!tree.consistencyProof(0, 8).ok());
        QVERIFY(!tree.consistencyProof(5, 4).ok());
        QVERIFY(!tree.subtreeHash(2, 5).ok());
        QVERIFY(!tree.subtreeConsistencyProof(1, 3, 8).ok());
        QVERIFY(!MerkleTree::isValidSubtree(3, 3));
        QVERIFY(MerkleTree::isValidSubtree(4, 7));
        QVERIFY(!MerkleTree::isValidSubtree(2, 5));
    }
};

QTEST_GUILESS_MAIN(tst_MerkleTree)
#include "tst_MerkleTree.moc"
