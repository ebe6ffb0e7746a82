#pragma once

#include "mdp/audit/MerkleHasher.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QList>

namespace mdp::audit {

using MerkleProof = QList<QByteArray>; // hashes ordered from the leaf level upwards

// Where the hashes of an append-only RFC 9162 tree's perfect subtrees come from: memory (MerkleTree)
// or the audit log's on-disk index, which keeps the upper levels and re-hashes the lowest ones from
// the records. Everything else (roots at any size, proofs) is computed from these nodes.
class MerkleNodeSource
{
public:
    virtual ~MerkleNodeSource() = default;
    virtual const MerkleHasher &hasher() const = 0;
    virtual quint64 leafCount() const = 0;
    // The hash of leaves [index * 2^level, (index + 1) * 2^level), all below leafCount().
    virtual Result<QByteArray> perfectNode(int level, quint64 index) const = 0;
};

namespace merkle {

// [start, end) is a valid subtree when start < end and start is a multiple of the smallest power of
// two >= end - start (the Merkle Tree Certificates drafts): one node of every tree that contains it.
bool isValidSubtree(quint64 start, quint64 end);

Result<QByteArray> rootAt(const MerkleNodeSource &source, quint64 size);
Result<QByteArray> subtreeHash(const MerkleNodeSource &source, quint64 start, quint64 end);
// RFC 9162 section 2.1.3 (PATH) and 2.1.4 (PROOF).
Result<MerkleProof> inclusionProof(const MerkleNodeSource &source, quint64 index, quint64 size);
Result<MerkleProof> consistencyProof(const MerkleNodeSource &source, quint64 size1, quint64 size2);
// Proof that leaf `index` is in subtree [start, end), verified against the subtree hash.
Result<MerkleProof> subtreeInclusionProof(const MerkleNodeSource &source, quint64 index, quint64 start,
                                          quint64 end);
// Proof that subtree [start, end) is contained in the tree of `size` leaves.
Result<MerkleProof> subtreeConsistencyProof(const MerkleNodeSource &source, quint64 start, quint64 end,
                                            quint64 size);

} // namespace merkle
} // namespace mdp::audit
