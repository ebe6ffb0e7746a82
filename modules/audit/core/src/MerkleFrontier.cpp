#include "mdp/audit/MerkleFrontier.h"

namespace mdp::audit {

MerkleFrontier::MerkleFrontier(MerkleHasher hasher)
    : m_hasher(hasher)
{}

void MerkleFrontier::appendLeafHash(const QByteArray &leafHash)
{
    // Each trailing one bit of the old size is a perfect subtree of the same height as the one being
    // completed, so it merges with the new node exactly like binary carry propagation.
    m_nodes.append(leafHash);
    for (quint64 s = m_size; s & 1; s >>= 1) {
        const QByteArray right = m_nodes.takeLast();
        const QByteArray left = m_nodes.takeLast();
        m_nodes.append(m_hasher.nodeHash(left, right));
    }
    ++m_size;
}

QByteArray MerkleFrontier::root() const
{
    if (m_nodes.isEmpty())
        return m_hasher.emptyRoot();
    QByteArray r = m_nodes.last();
    for (qsizetype i = m_nodes.size() - 2; i >= 0; --i)
        r = m_hasher.nodeHash(m_nodes.at(i), r);
    return r;
}

} // namespace mdp::audit
