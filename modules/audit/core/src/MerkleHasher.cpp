#include "mdp/audit/MerkleHasher.h"

namespace mdp::audit {
namespace {

// One reusable digest context per thread and algorithm: opening a context per hash costs more than
// hashing a 65-byte node.
crypto::Hasher &threadHasher(crypto::HashAlgorithm algorithm)
{
    static thread_local crypto::Hasher sm3(crypto::HashAlgorithm::Sm3);
    static thread_local crypto::Hasher sha256(crypto::HashAlgorithm::Sha256);
    static thread_local crypto::Hasher sha1(crypto::HashAlgorithm::Sha1);
    switch (algorithm) {
    case crypto::HashAlgorithm::Sm3:
        return sm3;
    case crypto::HashAlgorithm::Sha256:
        return sha256;
    case crypto::HashAlgorithm::Sha1:
        return sha1;
    }
    return sm3;
}

constexpr char kLeafPrefix = 0x00;
constexpr char kNodePrefix = 0x01;

} // namespace

MerkleHasher::MerkleHasher(crypto::HashAlgorithm algorithm)
    : m_algorithm(algorithm)
    , m_digestSize(crypto::digestLength(algorithm))
{}

QByteArray MerkleHasher::emptyRoot() const
{
    return crypto::hash(m_algorithm, QByteArrayView());
}

QByteArray MerkleHasher::leafHash(QByteArrayView data) const
{
    crypto::Hasher &h = threadHasher(m_algorithm);
    h.addData(QByteArrayView(&kLeafPrefix, 1));
    h.addData(data);
    return h.result();
}

QByteArray MerkleHasher::nodeHash(QByteArrayView left, QByteArrayView right) const
{
    crypto::Hasher &h = threadHasher(m_algorithm);
    h.addData(QByteArrayView(&kNodePrefix, 1));
    h.addData(left);
    h.addData(right);
    return h.result();
}

} // namespace mdp::audit
