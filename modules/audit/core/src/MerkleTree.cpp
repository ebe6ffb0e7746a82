#include "mdp/audit/MerkleTree.h"

#include <bit>

namespace mdp::audit {
namespace {

Error rangeError(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, QStringLiteral("Merkle tree: ") + message);
}

// Largest power of two strictly below n (n >= 2): the RFC 9162 split point.
quint64 splitPoint(quint64 n)
{
    return std::bit_floor(n - 1);
}

} // namespace

MerkleTree::MerkleTree(MerkleHasher hasher)
    : m_hasher(hasher)
{}

bool MerkleTree::isValidSubtree(quint64 start, quint64 end)
{
    if (start >= end)
        return false;
    const quint64 n = end - start;
    if (n > (quint64(1) << 63))
        return false;
    return start % std::bit_ceil(n) == 0;
}

QByteArrayView MerkleTree::node(int level, quint64 index) const
{
    const qsizetype d = m_hasher.digestSize();
    return QByteArrayView(m_levels[std::size_t(level)].constData() + qsizetype(index) * d, d);
}

void MerkleTree::appendLeafHash(QByteArrayView leafHash)
{
    if (m_levels.empty())
        m_levels.emplace_back();
    m_levels[0].append(leafHash);
    quint64 index = m_leafCount;
    std::size_t level = 0;
    while (index & 1) {
        const QByteArray parent = m_hasher.nodeHash(node(int(level), index - 1), node(int(level), index));
        if (m_levels.size() == level + 1)
            m_levels.emplace_back();
        m_levels[level + 1].append(parent);
        index >>= 1;
        ++level;
    }
    ++m_leafCount;
}

QByteArray MerkleTree::leafHash(quint64 index) const
{
    if (index >= m_leafCount)
        return {};
    return node(0, index).toByteArray();
}

QByteArray MerkleTree::rangeHash(quint64 begin, quint64 end) const
{
    // [begin, end) is a node of an RFC 9162 tree: a chain of perfect left subtrees ending in a perfect
    // rightmost one. Gather the perfect pieces left to right, then fold from the right.
    QList<QByteArrayView> pieces;
    quint64 b = begin;
    while (b < end) {
        const quint64 n = end - b;
        const quint64 k = std::has_single_bit(n) ? n : splitPoint(n);
        const int level = std::countr_zero(k);
        pieces.append(node(level, b >> level));
        b += k;
    }
    QByteArray r = pieces.last().toByteArray();
    for (qsizetype i = pieces.size() - 2; i >= 0; --i)
        r = m_hasher.nodeHash(pieces.at(i), r);
    return r;
}

QByteArray MerkleTree::root() const
{
    return m_leafCount == 0 ? m_hasher.emptyRoot() : rangeHash(0, m_leafCount);
}

Result<QByteArray> MerkleTree::rootAt(quint64 size) const
{
    if (size > m_leafCount)
        return rangeError(
            QStringLiteral("size %1 is beyond the tree (%2 leaves)").arg(size).arg(m_leafCount));
    return size == 0 ? m_hasher.emptyRoot() : rangeHash(0, size);
}

Result<QByteArray> MerkleTree::subtreeHash(quint64 start, quint64 end) const
{
    if (!isValidSubtree(start, end))
        return rangeError(QStringLiteral("[%1, %2) is not a valid subtree").arg(start).arg(end));
    if (end > m_leafCount)
        return rangeError(QStringLiteral("subtree ends beyond the tree (%1 leaves)").arg(m_leafCount));
    return rangeHash(start, end);
}

void MerkleTree::inclusionPath(quint64 index, quint64 begin, quint64 end, MerkleProof &out) const
{
    if (end - begin <= 1)
        return;
    const quint64 k = splitPoint(end - begin);
    if (index < begin + k) {
        inclusionPath(index, begin, begin + k, out);
        out.append(rangeHash(begin + k, end));
    } else {
        inclusionPath(index, begin + k, end, out);
        out.append(rangeHash(begin, begin + k));
    }
}

Result<MerkleProof> MerkleTree::inclusionProof(quint64 index, quint64 size) const
{
    if (size > m_leafCount)
        return rangeError(
            QStringLiteral("size %1 is beyond the tree (%2 leaves)").arg(size).arg(m_leafCount));
    if (index >= size)
        return rangeError(QStringLiteral("leaf %1 is not in a tree of %2 leaves").arg(index).arg(size));
    MerkleProof proof;
    inclusionPath(index, 0, size, proof);
    return proof;
}

void MerkleTree::subtreeSubproof(quint64 start, quint64 end, quint64 begin, quint64 finish, bool known,
                                 MerkleProof &out) const
{
    if (start == begin && end == finish) {
        // The verifier holds this node's hash already when it is the subtree itself.
        if (!known)
            out.append(rangeHash(begin, finish));
        return;
    }
    const quint64 k = splitPoint(finish - begin);
    if (end <= begin + k) {
        subtreeSubproof(start, end, begin, begin + k, known, out);
        out.append(rangeHash(begin + k, finish));
    } else if (start >= begin + k) {
        subtreeSubproof(start, end, begin + k, finish, known, out);
        out.append(rangeHash(begin, begin + k));
    } else {
        // A valid subtree only straddles a split point when it starts at the node's left edge.
        subtreeSubproof(begin + k, end, begin + k, finish, false, out);
        out.append(rangeHash(begin, begin + k));
    }
}

Result<MerkleProof> MerkleTree::consistencyProof(quint64 size1, quint64 size2) const
{
    if (size2 > m_leafCount)
        return rangeError(
            QStringLiteral("size %1 is beyond the tree (%2 leaves)").arg(size2).arg(m_leafCount));
    if (size1 > size2)
        return rangeError(QStringLiteral("size1 %1 is larger than size2 %2").arg(size1).arg(size2));
    if (size1 == 0)
        return rangeError(QStringLiteral("a consistency proof from the empty tree proves nothing"));
    MerkleProof proof;
    if (size1 < size2)
        subtreeSubproof(0, size1, 0, size2, true, proof);
    return proof;
}

Result<MerkleProof> MerkleTree::subtreeInclusionProof(quint64 index, quint64 start, quint64 end) const
{
    if (!isValidSubtree(start, end))
        return rangeError(QStringLiteral("[%1, %2) is not a valid subtree").arg(start).arg(end));
    if (end > m_leafCount)
        return rangeError(QStringLiteral("subtree ends beyond the tree (%1 leaves)").arg(m_leafCount));
    if (index < start || index >= end)
        return rangeError(
            QStringLiteral("leaf %1 is outside subtree [%2, %3)").arg(index).arg(start).arg(end));
    MerkleProof proof;
    inclusionPath(index, start, end, proof);
    return proof;
}

Result<MerkleProof> MerkleTree::subtreeConsistencyProof(quint64 start, quint64 end, quint64 size) const
{
    if (!isValidSubtree(start, end))
        return rangeError(QStringLiteral("[%1, %2) is not a valid subtree").arg(start).arg(end));
    if (size > m_leafCount)
        return rangeError(
            QStringLiteral("size %1 is beyond the tree (%2 leaves)").arg(size).arg(m_leafCount));
    if (end > size)
        return rangeError(QStringLiteral("subtree ends beyond size %1").arg(size));
    MerkleProof proof;
    subtreeSubproof(start, end, 0, size, true, proof);
    return proof;
}

} // namespace mdp::audit
