#include "mdp/audit/MerkleVerifier.h"

#include "mdp/crypto/Hash.h"

#include <bit>

namespace mdp::audit {
namespace {

Error malformed(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, QStringLiteral("Merkle proof: ") + message);
}

Error mismatch(const QString &message)
{
    return makeError(Error::Code::Tampered, QStringLiteral("Merkle proof: ") + message);
}

bool sameHash(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && crypto::constantTimeEquals(a, b);
}

// Walks up from a node on the right edge of the old (sub)tree towards the root of the new tree.
// fn and sn are the indices, at the current level, of the node holding the last old leaf and the
// last new leaf. While they coincide on an even index the node has no sibling in either tree and is
// carried up unchanged; otherwise an odd fn takes its sibling from the left, an even fn (< sn) from
// the right.
struct EdgeWalk
{
    quint64 fn;
    quint64 sn;
    int level;

    void carry()
    {
        while (sn > 0 && fn == sn && (fn & 1) == 0)
            up();
    }
    void up()
    {
        fn >>= 1;
        sn >>= 1;
        ++level;
    }
};

} // namespace

MerkleVerifier::MerkleVerifier(MerkleHasher hasher)
    : m_hasher(hasher)
{}

Result<QByteArray> MerkleVerifier::rootFromInclusionProof(quint64 index, quint64 size,
                                                          QByteArrayView leafHash,
                                                          const MerkleProof &proof) const
{
    if (index >= size)
        return malformed(QStringLiteral("leaf index %1 is not below tree size %2").arg(index).arg(size));
    if (leafHash.size() != m_hasher.digestSize())
        return malformed(QStringLiteral("leaf hash has %1 bytes, expected %2")
                             .arg(leafHash.size())
                             .arg(m_hasher.digestSize()));
    for (const QByteArray &p : proof) {
        if (p.size() != m_hasher.digestSize())
            return malformed(QStringLiteral("a proof element has the wrong length"));
    }
    EdgeWalk w{index, size - 1, 0};
    QByteArray r = leafHash.toByteArray();
    for (const QByteArray &p : proof) {
        w.carry();
        if (w.sn == 0)
            return malformed(QStringLiteral("proof is longer than the path to the root"));
        r = (w.fn & 1) ? m_hasher.nodeHash(p, r) : m_hasher.nodeHash(r, p);
        w.up();
    }
    w.carry();
    if (w.sn != 0)
        return malformed(QStringLiteral("proof is shorter than the path to the root"));
    return r;
}

Result<void> MerkleVerifier::verifyInclusion(quint64 index, quint64 size, QByteArrayView leafHash,
                                             const MerkleProof &proof, QByteArrayView root) const
{
    auto computed = rootFromInclusionProof(index, size, leafHash, proof);
    if (!computed)
        return computed.error();
    if (!sameHash(computed.value(), root))
        return mismatch(QStringLiteral("computed root does not match the expected root"));
    return {};
}

Result<void> MerkleVerifier::verifyConsistency(quint64 size1, quint64 size2, const MerkleProof &proof,
                                               QByteArrayView root1, QByteArrayView root2) const
{
    if (size1 > size2)
        return malformed(QStringLiteral("size1 %1 is larger than size2 %2").arg(size1).arg(size2));
    if (size1 == size2) {
        if (!proof.isEmpty())
            return malformed(QStringLiteral("equal sizes need an empty proof"));
        if (size1 == 0 && !sameHash(root1, m_hasher.emptyRoot()))
            return mismatch(QStringLiteral("the root of an empty tree must be the hash of nothing"));
        if (!sameHash(root1, root2))
            return mismatch(QStringLiteral("roots of equal sizes differ"));
        return {};
    }
    if (size1 == 0)
        return malformed(QStringLiteral("a consistency proof from the empty tree proves nothing"));
    return verifySubtreeConsistency(0, size1, size2, proof, root1, root2);
}

Result<void> MerkleVerifier::verifySubtreeInclusion(quint64 index, quint64 start, quint64 end,
                                                    QByteArrayView leafHash, const MerkleProof &proof,
                                                    QByteArrayView subtreeHash) const
{
    if (!MerkleTree::isValidSubtree(start, end))
        return malformed(QStringLiteral("[%1, %2) is not a valid subtree").arg(start).arg(end));
    if (index < start || index >= end)
        return malformed(
            QStringLiteral("leaf %1 is outside subtree [%2, %3)").arg(index).arg(start).arg(end));
    return verifyInclusion(index - start, end - start, leafHash, proof, subtreeHash);
}

Result<void> MerkleVerifier::verifySubtreeConsistency(quint64 start, quint64 end, quint64 size,
                                                      const MerkleProof &proof, QByteArrayView subtreeHash,
                                                      QByteArrayView root) const
{
    if (start > end)
        return malformed(QStringLiteral("subtree start %1 is after its end %2").arg(start).arg(end));
    if (end > size)
        return malformed(QStringLiteral("subtree ends at %1, beyond tree size %2").arg(end).arg(size));
    for (const QByteArray &p : proof) {
        if (p.size() != m_hasher.digestSize())
            return malformed(QStringLiteral("a proof element has the wrong length"));
    }
    if (start == end) {
        // An empty subtree is in every tree; only its own hash can be wrong.
        if (!proof.isEmpty())
            return malformed(QStringLiteral("an empty subtree needs an empty proof"));
        if (!sameHash(subtreeHash, m_hasher.emptyRoot()))
            return mismatch(QStringLiteral("the hash of an empty subtree must be the hash of nothing"));
        return {};
    }
    if (!MerkleTree::isValidSubtree(start, end))
        return malformed(QStringLiteral("[%1, %2) is not a valid subtree").arg(start).arg(end));
    if (start == 0 && end == size) {
        if (!proof.isEmpty())
            return malformed(QStringLiteral("the whole tree needs an empty proof"));
        if (!sameHash(subtreeHash, root))
            return mismatch(QStringLiteral("roots of equal sizes differ"));
        return {};
    }

    const int subtreeLevel = std::countr_zero(std::bit_ceil(end - start));
    const bool perfect = (end - start) == (quint64(1) << subtreeLevel);
    qsizetype next = 0;
    QByteArray seed;
    int level;
    if (perfect || end == size) {
        // The subtree is itself a node of the new tree, whose hash the verifier holds.
        seed = subtreeHash.toByteArray();
        level = subtreeLevel;
    } else {
        // Otherwise the proof starts with the largest perfect node that ends where the subtree ends.
        if (proof.isEmpty())
            return malformed(QStringLiteral("proof is empty"));
        seed = proof.first();
        next = 1;
        level = std::countr_zero(end);
    }
    EdgeWalk w{(end - 1) >> level, (size - 1) >> level, level};
    QByteArray oldHash = seed;
    QByteArray newHash = seed;
    for (; next < proof.size(); ++next) {
        const QByteArray &c = proof.at(next);
        w.carry();
        if (w.sn == 0)
            return malformed(QStringLiteral("proof is longer than the path to the root"));
        if (w.fn & 1) {
            // Left siblings below the subtree's own node belong to the subtree as well.
            if (w.level < subtreeLevel)
                oldHash = m_hasher.nodeHash(c, oldHash);
            newHash = m_hasher.nodeHash(c, newHash);
        } else {
            newHash = m_hasher.nodeHash(newHash, c);
        }
        w.up();
    }
    w.carry();
    if (w.sn != 0)
        return malformed(QStringLiteral("proof is shorter than the path to the root"));
    if (!sameHash(oldHash, subtreeHash))
        return mismatch(QStringLiteral("computed subtree hash does not match"));
    if (!sameHash(newHash, root))
        return mismatch(QStringLiteral("computed root does not match the expected root"));
    return {};
}

} // namespace mdp::audit
