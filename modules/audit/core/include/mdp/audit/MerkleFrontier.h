#pragma once

#include "mdp/audit/MerkleHasher.h"

#include <QByteArray>
#include <QList>

namespace mdp::audit {

// The right edge of an append-only Merkle tree: one hash per perfect subtree in the binary
// decomposition of the size (a "compact range" from 0). Appending costs O(1) amortised hashing
// and the root O(log n), so the audit log never rehashes its history.
class MerkleFrontier
{
public:
    explicit MerkleFrontier(MerkleHasher hasher = MerkleHasher());

    const MerkleHasher &hasher() const { return m_hasher; }
    quint64 size() const { return m_size; }

    void append(QByteArrayView leafData) { appendLeafHash(m_hasher.leafHash(leafData)); }
    void appendLeafHash(const QByteArray &leafHash);
    QByteArray root() const;

    // Perfect-subtree hashes from the left (largest) to the right (smallest).
    const QList<QByteArray> &nodes() const { return m_nodes; }

private:
    MerkleHasher m_hasher;
    quint64 m_size = 0;
    QList<QByteArray> m_nodes;
};

} // namespace mdp::audit
