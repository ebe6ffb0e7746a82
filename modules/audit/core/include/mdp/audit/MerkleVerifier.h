#pragma once

#include "mdp/audit/MerkleHasher.h"
#include "mdp/audit/MerkleTree.h"
#include "mdp/foundation/Result.h"

namespace mdp::audit {

// Checks RFC 9162 inclusion and consistency proofs, and the subtree variants of the Merkle Tree
// Certificates drafts, without access to the tree. Every failure is an Error (Code::Tampered for a
// hash mismatch, Code::InvalidArgument for a malformed probe) with a reason.
//
// Empty trees: the root of 0 leaves is H(""); a consistency proof from size 0 to a larger size
// carries no information and is refused, and a claimed root for size 0 must be H("").
class MerkleVerifier
{
public:
    explicit MerkleVerifier(MerkleHasher hasher = MerkleHasher());

    Result<void> verifyInclusion(quint64 index, quint64 size, QByteArrayView leafHash,
                                 const MerkleProof &proof, QByteArrayView root) const;
    Result<QByteArray> rootFromInclusionProof(quint64 index, quint64 size, QByteArrayView leafHash,
                                              const MerkleProof &proof) const;
    Result<void> verifyConsistency(quint64 size1, quint64 size2, const MerkleProof &proof,
                                   QByteArrayView root1, QByteArrayView root2) const;
    Result<void> verifySubtreeInclusion(quint64 index, quint64 start, quint64 end, QByteArrayView leafHash,
                                        const MerkleProof &proof, QByteArrayView subtreeHash) const;
    Result<void> verifySubtreeConsistency(quint64 start, quint64 end, quint64 size, const MerkleProof &proof,
                                          QByteArrayView subtreeHash, QByteArrayView root) const;

private:
    MerkleHasher m_hasher;
};

} // namespace mdp::audit
