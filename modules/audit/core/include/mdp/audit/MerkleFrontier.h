#pragma once

#include "mdp/audit/MerkleHasher.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace mdp::audit {

// The right edge of an append-only Merkle tree: one hash per perfect subtree in the binary
// decomposition of the size (a "compact range" from 0). Appending costs O(1) amortised hashing
// and the root O(log n), so the audit log never rehashes its history.
class MerkleFrontier
{
public:
    // Told of every perfect subtree an append completes: 2^level leaves, the index-th of its level.
    using NodeSink = std::function<void(int level, quint64 index, const QByteArray &hash)>;

    explicit MerkleFrontier(MerkleHasher hasher = MerkleHasher());

    const MerkleHasher &hasher() const { return m_hasher; }
    quint64 size() const { return m_size; }

    void append(QByteArrayView leafData) { appendLeafHash(m_hasher.leafHash(leafData)); }
    void appendLeafHash(const QByteArray &leafHash, const NodeSink &completed = {});
    QByteArray root() const;

    // Perfect-subtree hashes from the left (largest) to the right (smallest).
    const QList<QByteArray> &nodes() const { return m_nodes; }

    // u64 size | the nodes, each digestSize() bytes. fromBytes() refuses a node count that does not
    // match the size's binary decomposition.
    QByteArray toBytes() const;
    static Result<MerkleFrontier> fromBytes(QByteArrayView bytes, MerkleHasher hasher = MerkleHasher());

private:
    MerkleHasher m_hasher;
    quint64 m_size = 0;
    QList<QByteArray> m_nodes;
};

} // namespace mdp::audit
