#include "mdp/audit/Sm2CheckpointSigner.h"

namespace mdp::audit {

Sm2CheckpointSigner::Sm2CheckpointSigner(crypto::SigningKey key)
    : m_key(std::move(key))
    , m_public(m_key.publicKey())
{}

QByteArray Sm2CheckpointSigner::sign(QByteArrayView message)
{
    auto sig = m_key.sign(message);
    return sig ? sig.value() : QByteArray();
}

bool Sm2CheckpointSigner::verify(QByteArrayView message, QByteArrayView signature) const
{
    return m_public.verify(message, signature);
}

QString Sm2CheckpointSigner::keyId() const
{
    return QString::fromLatin1(m_public.fingerprint().toHex().left(32));
}

Sm2CheckpointVerifier::Sm2CheckpointVerifier(crypto::PublicKey key)
    : m_public(std::move(key))
{}

QByteArray Sm2CheckpointVerifier::sign(QByteArrayView)
{
    return {};
}

bool Sm2CheckpointVerifier::verify(QByteArrayView message, QByteArrayView signature) const
{
    return m_public.verify(message, signature);
}

QString Sm2CheckpointVerifier::keyId() const
{
    return QString::fromLatin1(m_public.fingerprint().toHex().left(32));
}

} // namespace mdp::audit
