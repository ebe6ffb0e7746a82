#pragma once

#include "mdp/audit/MerkleHasher.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace mdp::audit {

using MerkleProof = QList<QByteArray>; // hashes ordered from the leaf level upwards

// An append-only RFC 9162 Merkle tree that keeps every perfect-subtree hash (about two digests per
// leaf) so roots at any earlier size and all proofs come out in O(log n) hash operations.
//
// Subtrees follow the Merkle Tree Certificates drafts: [start, end) is a valid subtree when
// start < end and start is a multiple of the smallest power of two >= end - start. Such a range is
// one node of every tree that contains it (possibly an incomplete right-edge node).
class MerkleTree
{
public:
    explicit MerkleTree(MerkleHasher hasher = MerkleHasher());

    const MerkleHasher &hasher() const { return m_hasher; }
    quint64 size() const { return m_leafCount; }

    void append(QByteArrayView leafData) { appendLeafHash(m_hasher.leafHash(leafData)); }
    void appendLeafHash(QByteArrayView leafHash);
    QByteArray leafHash(quint64 index) const;

    QByteArray root() const; // root at the current size (emptyRoot() when empty)
    Result<QByteArray> rootAt(quint64 size) const;
    Result<QByteArray> subtreeHash(quint64 start, quint64 end) const;

    // RFC 9162 section 2.1.3 (PATH) and 2.1.4 (PROOF).
    Result<MerkleProof> inclusionProof(quint64 index, quint64 size) const;
    Result<MerkleProof> consistencyProof(quint64 size1, quint64 size2) const;
    // Proof that leaf `index` is in subtree [start, end), verified against the subtree hash.
    Result<MerkleProof> subtreeInclusionProof(quint64 index, quint64 start, quint64 end) const;
    // Proof that subtree [start, end) is contained in the tree of `size` leaves.
    Result<MerkleProof> subtreeConsistencyProof(quint64 start, quint64 end, quint64 size) const;

    static bool isValidSubtree(quint64 start, quint64 end);

private:
    QByteArrayView node(int level, quint64 index) const;
    QByteArray rangeHash(quint64 begin, quint64 end) const; // begin aligned as in any RFC 9162 tree
    void inclusionPath(quint64 index, quint64 begin, quint64 end, MerkleProof &out) const;
    void subtreeSubproof(quint64 start, quint64 end, quint64 begin, quint64 finish, bool known,
                         MerkleProof &out) const;

    MerkleHasher m_hasher;
    quint64 m_leafCount = 0;
    std::vector<QByteArray> m_levels; // level j: hashes of the perfect subtrees of 2^j leaves, packed
};

} // namespace mdp::audit
