#include "HmacCheckpointSigner.h"

#include "mdp/crypto/Hash.h"

using namespace mdp;

HmacCheckpointSigner::HmacCheckpointSigner(QByteArray key)
    : m_key(std::move(key))
{}

QByteArray HmacCheckpointSigner::sign(QByteArrayView message)
{
    return crypto::hmac(crypto::HashAlgorithm::Sm3, m_key, message);
}

bool HmacCheckpointSigner::verify(QByteArrayView message, QByteArrayView signature) const
{
    return crypto::constantTimeEquals(crypto::hmac(crypto::HashAlgorithm::Sm3, m_key, message), signature);
}

QString HmacCheckpointSigner::keyId() const
{
    return QStringLiteral("hmac-sm3:") +
           QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sm3, m_key).toHex().left(12));
}
