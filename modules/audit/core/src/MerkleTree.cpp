#include "mdp/audit/MerkleTree.h"

#include <bit>
#include <optional>

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

// Walks a tree through its node source; the first error the source reports stops the walk.
struct Walker
{
    const MerkleNodeSource &source;
    std::optional<Error> error;

    // [begin, end) is a node of an RFC 9162 tree: a chain of perfect left subtrees ending in a perfect
    // rightmost one. Gather the perfect pieces left to right, then fold from the right.
    QByteArray range(quint64 begin, quint64 end)
    {
        QList<QByteArray> pieces;
        quint64 b = begin;
        while (b < end) {
            const quint64 n = end - b;
            const quint64 k = std::has_single_bit(n) ? n : splitPoint(n);
            const int level = std::countr_zero(k);
            auto node = source.perfectNode(level, b >> level);
            if (!node) {
                error = node.error();
                return {};
            }
            pieces.append(std::move(node.value()));
            b += k;
        }
        QByteArray r = pieces.last();
        for (qsizetype i = pieces.size() - 2; i >= 0; --i)
            r = source.hasher().nodeHash(pieces.at(i), r);
        return r;
    }

    void inclusionPath(quint64 index, quint64 begin, quint64 end, MerkleProof &out)
    {
        if (end - begin <= 1)
            return;
        const quint64 k = splitPoint(end - begin);
        if (index < begin + k) {
            inclusionPath(index, begin, begin + k, out);
            out.append(range(begin + k, end));
        } else {
            inclusionPath(index, begin + k, end, out);
            out.append(range(begin, begin + k));
        }
    }

    void subtreeSubproof(quint64 start, quint64 end, quint64 begin, quint64 finish, bool known,
                         MerkleProof &out)
    {
        if (start == begin && end == finish) {
            // The verifier holds this node's hash already when it is the subtree itself.
            if (!known)
                out.append(range(begin, finish));
            return;
        }
        const quint64 k = splitPoint(finish - begin);
        if (end <= begin + k) {
            subtreeSubproof(start, end, begin, begin + k, known, out);
            out.append(range(begin + k, finish));
        } else if (start >= begin + k) {
            subtreeSubproof(start, end, begin + k, finish, known, out);
            out.append(range(begin, begin + k));
        } else {
            // A valid subtree only straddles a split point when it starts at the node's left edge.
            subtreeSubproof(begin + k, end, begin + k, finish, false, out);
            out.append(range(begin, begin + k));
        }
    }

    template<typename T> Result<T> result(T value) const
    {
        if (error)
            return *error;
        return value;
    }
};

Result<void> withinTree(const MerkleNodeSource &source, quint64 size)
{
    if (size > source.leafCount())
        return rangeError(
            QStringLiteral("size %1 is beyond the tree (%2 leaves)").arg(size).arg(source.leafCount()));
    return {};
}

} // namespace

namespace merkle {

bool isValidSubtree(quint64 start, quint64 end)
{
    if (start >= end)
        return false;
    const quint64 n = end - start;
    if (n > (quint64(1) << 63))
        return false;
    return start % std::bit_ceil(n) == 0;
}

Result<QByteArray> rootAt(const MerkleNodeSource &source, quint64 size)
{
    if (auto r = withinTree(source, size); !r)
        return r.error();
    if (size == 0)
        return source.hasher().emptyRoot();
    Walker w{source, {}};
    return w.result(w.range(0, size));
}

Result<QByteArray> subtreeHash(const MerkleNodeSource &source, quint64 start, quint64 end)
{
    if (!isValidSubtree(start, end))
        return rangeError(QStringLiteral("[%1, %2) is not a valid subtree").arg(start).arg(end));
    if (end > source.leafCount())
        return rangeError(QStringLiteral("subtree ends beyond the tree (%1 leaves)").arg(source.leafCount()));
    Walker w{source, {}};
    return w.result(w.range(start, end));
}

Result<MerkleProof> inclusionProof(const MerkleNodeSource &source, quint64 index, quint64 size)
{
    if (auto r = withinTree(source, size); !r)
        return r.error();
    if (index >= size)
        return rangeError(QStringLiteral("leaf %1 is not in a tree of %2 leaves").arg(index).arg(size));
    Walker w{source, {}};
    MerkleProof proof;
    w.inclusionPath(index, 0, size, proof);
    return w.result(proof);
}

Result<MerkleProof> consistencyProof(const MerkleNodeSource &source, quint64 size1, quint64 size2)
{
    if (auto r = withinTree(source, size2); !r)
        return r.error();
    if (size1 > size2)
        return rangeError(QStringLiteral("size1 %1 is larger than size2 %2").arg(size1).arg(size2));
    if (size1 == 0)
        return rangeError(QStringLiteral("a consistency proof from the empty tree proves nothing"));
    Walker w{source, {}};
    MerkleProof proof;
    if (size1 < size2)
        w.subtreeSubproof(0, size1, 0, size2, true, proof);
    return w.result(proof);
}

Result<MerkleProof> subtreeInclusionProof(const MerkleNodeSource &source, quint64 index, quint64 start,
                                          quint64 end)
{
    if (!isValidSubtree(start, end))
        return rangeError(QStringLiteral("[%1, %2) is not a valid subtree").arg(start).arg(end));
    if (end > source.leafCount())
        return rangeError(QStringLiteral("subtree ends beyond the tree (%1 leaves)").arg(source.leafCount()));
    if (index < start || index >= end)
        return rangeError(
            QStringLiteral("leaf %1 is outside subtree [%2, %3)").arg(index).arg(start).arg(end));
    Walker w{source, {}};
    MerkleProof proof;
    w.inclusionPath(index, start, end, proof);
    return w.result(proof);
}

Result<MerkleProof> subtreeConsistencyProof(const MerkleNodeSource &source, quint64 start, quint64 end,
                                            quint64 size)
{
    if (!isValidSubtree(start, end))
        return rangeError(QStringLiteral("[%1, %2) is not a valid subtree").arg(start).arg(end));
    if (auto r = withinTree(source, size); !r)
        return r.error();
    if (end > size)
        return rangeError(QStringLiteral("subtree ends beyond size %1").arg(size));
    Walker w{source, {}};
    MerkleProof proof;
    w.subtreeSubproof(start, end, 0, size, true, proof);
    return w.result(proof);
}

} // namespace merkle

MerkleTree::MerkleTree(MerkleHasher hasher)
    : m_hasher(hasher)
{}

QByteArrayView MerkleTree::node(int level, quint64 index) const
{
    const qsizetype d = m_hasher.digestSize();
    return QByteArrayView(m_levels[std::size_t(level)].constData() + qsizetype(index) * d, d);
}

Result<QByteArray> MerkleTree::perfectNode(int level, quint64 index) const
{
    if (level < 0 || std::size_t(level) >= m_levels.size() ||
        qsizetype(index + 1) * m_hasher.digestSize() > m_levels[std::size_t(level)].size())
        return rangeError(QStringLiteral("no node %1 at level %2").arg(index).arg(level));
    return node(level, index).toByteArray();
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

QByteArray MerkleTree::root() const
{
    return m_leafCount == 0 ? m_hasher.emptyRoot() : merkle::rootAt(*this, m_leafCount).value();
}

} // namespace mdp::audit
