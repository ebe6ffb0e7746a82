#include "mdp/audit/MerkleFrontier.h"

#include <QtEndian>

#include <bit>

namespace mdp::audit {

MerkleFrontier::MerkleFrontier(MerkleHasher hasher)
    : m_hasher(hasher)
{}

void MerkleFrontier::appendLeafHash(const QByteArray &leafHash, const NodeSink &completed)
{
    // Each trailing one bit of the old size is a perfect subtree of the same height as the one being
    // completed, so it merges with the new node exactly like binary carry propagation.
    m_nodes.append(leafHash);
    int level = 0;
    quint64 index = m_size;
    if (completed)
        completed(level, index, leafHash);
    for (quint64 s = m_size; s & 1; s >>= 1) {
        const QByteArray right = m_nodes.takeLast();
        const QByteArray left = m_nodes.takeLast();
        m_nodes.append(m_hasher.nodeHash(left, right));
        ++level;
        index >>= 1;
        if (completed)
            completed(level, index, m_nodes.constLast());
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

QByteArray MerkleFrontier::toBytes() const
{
    QByteArray out(8, Qt::Uninitialized);
    qToBigEndian<quint64>(m_size, out.data());
    for (const QByteArray &n : m_nodes)
        out.append(n);
    return out;
}

Result<MerkleFrontier> MerkleFrontier::fromBytes(QByteArrayView bytes, MerkleHasher hasher)
{
    const qsizetype d = hasher.digestSize();
    if (bytes.size() < 8)
        return makeError(Error::Code::Corrupt, QStringLiteral("Merkle frontier: too short"));
    MerkleFrontier f(hasher);
    f.m_size = qFromBigEndian<quint64>(bytes.data());
    const qsizetype count = std::popcount(f.m_size);
    if (bytes.size() != 8 + count * d)
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("Merkle frontier: %1 leaves need %2 nodes").arg(f.m_size).arg(count));
    for (qsizetype i = 0; i < count; ++i)
        f.m_nodes.append(bytes.sliced(8 + i * d, d).toByteArray());
    return f;
}

} // namespace mdp::audit
