#pragma once

#include "mdp/audit/MerkleHasher.h"
#include "mdp/audit/MerkleNodeSource.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace mdp::audit {

// An append-only RFC 9162 Merkle tree in memory that keeps every perfect-subtree hash (about two
// digests per leaf) so roots at any earlier size and all proofs come out in O(log n) hash operations.
// Proof construction is shared with the audit log's on-disk index (MerkleNodeSource).
class MerkleTree final : public MerkleNodeSource
{
public:
    explicit MerkleTree(MerkleHasher hasher = MerkleHasher());

    const MerkleHasher &hasher() const override { return m_hasher; }
    quint64 size() const { return m_leafCount; }
    quint64 leafCount() const override { return m_leafCount; }
    Result<QByteArray> perfectNode(int level, quint64 index) const override;

    void append(QByteArrayView leafData) { appendLeafHash(m_hasher.leafHash(leafData)); }
    void appendLeafHash(QByteArrayView leafHash);
    QByteArray leafHash(quint64 index) const;

    QByteArray root() const; // root at the current size (emptyRoot() when empty)
    Result<QByteArray> rootAt(quint64 size) const { return merkle::rootAt(*this, size); }
    Result<QByteArray> subtreeHash(quint64 start, quint64 end) const
    {
        return merkle::subtreeHash(*this, start, end);
    }
    Result<MerkleProof> inclusionProof(quint64 index, quint64 size) const
    {
        return merkle::inclusionProof(*this, index, size);
    }
    Result<MerkleProof> consistencyProof(quint64 size1, quint64 size2) const
    {
        return merkle::consistencyProof(*this, size1, size2);
    }
    Result<MerkleProof> subtreeInclusionProof(quint64 index, quint64 start, quint64 end) const
    {
        return merkle::subtreeInclusionProof(*this, index, start, end);
    }
    Result<MerkleProof> subtreeConsistencyProof(quint64 start, quint64 end, quint64 size) const
    {
        return merkle::subtreeConsistencyProof(*this, start, end, size);
    }

    static bool isValidSubtree(quint64 start, quint64 end) { return merkle::isValidSubtree(start, end); }

private:
    QByteArrayView node(int level, quint64 index) const;

    MerkleHasher m_hasher;
    quint64 m_leafCount = 0;
    std::vector<QByteArray> m_levels; // level j: hashes of the perfect subtrees of 2^j leaves, packed
};

} // namespace mdp::audit
