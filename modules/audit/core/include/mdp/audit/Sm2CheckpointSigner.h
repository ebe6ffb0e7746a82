#pragma once

#include "mdp/audit/CheckpointSigner.h"
#include "mdp/crypto/Signature.h"

namespace mdp::audit {

// Signs audit checkpoints with a node's SM2 key (a workstation's, or mdp-grantd's own chain).
class Sm2CheckpointSigner final : public CheckpointSigner
{
public:
    explicit Sm2CheckpointSigner(crypto::SigningKey key);
    QByteArray sign(QByteArrayView message) override;
    bool verify(QByteArrayView message, QByteArrayView signature) const override;
    QString keyId() const override;
    crypto::PublicKey publicKey() const { return m_public; }

private:
    crypto::SigningKey m_key;
    crypto::PublicKey m_public;
};

// Checks checkpoints with a workstation's public key (the manifest's) and signs nothing: what an
// offline check needs, on any machine.
class Sm2CheckpointVerifier final : public CheckpointSigner
{
public:
    explicit Sm2CheckpointVerifier(crypto::PublicKey key);
    QByteArray sign(QByteArrayView message) override;
    bool verify(QByteArrayView message, QByteArrayView signature) const override;
    QString keyId() const override;

private:
    crypto::PublicKey m_public;
};

} // namespace mdp::audit
