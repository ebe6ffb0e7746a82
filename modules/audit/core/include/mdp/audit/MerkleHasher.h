#pragma once

#include "mdp/crypto/Hash.h"

#include <QByteArray>
#include <QByteArrayView>

namespace mdp::audit {

// RFC 9162 (RFC 6962) tree hashing with a selectable hash: SM3 for the audit log, SHA-256 for the
// published test vectors. Leaf: H(0x00 || data); node: H(0x01 || left || right); empty tree: H("").
class MerkleHasher
{
public:
    explicit MerkleHasher(crypto::HashAlgorithm algorithm = crypto::HashAlgorithm::Sm3);

    crypto::HashAlgorithm algorithm() const { return m_algorithm; }
    int digestSize() const { return m_digestSize; }

    QByteArray emptyRoot() const;
    QByteArray leafHash(QByteArrayView data) const;
    QByteArray nodeHash(QByteArrayView left, QByteArrayView right) const;

private:
    crypto::HashAlgorithm m_algorithm;
    int m_digestSize;
};

} // namespace mdp::audit
