#include "mdp/audit/MerkleHasher.h"

#include <QVarLengthArray>

#include <cstring>

namespace mdp::audit {

MerkleHasher::MerkleHasher(crypto::HashAlgorithm algorithm)
    : m_algorithm(algorithm)
    , m_digestSize(crypto::digestLength(algorithm))
{
}

QByteArray MerkleHasher::emptyRoot() const
{
    return crypto::hash(m_algorithm, QByteArrayView());
}

QByteArray MerkleHasher::leafHash(QByteArrayView data) const
{
    QVarLengthArray<char, 1024> buf(data.size() + 1);
    buf[0] = 0x00;
    if (!data.isEmpty())
        std::memcpy(buf.data() + 1, data.data(), std::size_t(data.size()));
    return crypto::hash(m_algorithm, QByteArrayView(buf.data(), buf.size()));
}

QByteArray MerkleHasher::nodeHash(QByteArrayView left, QByteArrayView right) const
{
    QVarLengthArray<char, 129> buf(1 + left.size() + right.size());
    buf[0] = 0x01;
    if (!left.isEmpty())
        std::memcpy(buf.data() + 1, left.data(), std::size_t(left.size()));
    if (!right.isEmpty())
        std::memcpy(buf.data() + 1 + left.size(), right.data(), std::size_t(right.size()));
    return crypto::hash(m_algorithm, QByteArrayView(buf.data(), buf.size()));
}

} // namespace mdp::audit
