#pragma once

#include "mdp/audit/CheckpointSigner.h"
#include "mdp/crypto/Signature.h"

namespace mdp::workspace {

// Signs audit checkpoints with the workstation's SM2 key.
class Sm2CheckpointSigner final : public audit::CheckpointSigner
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

} // namespace mdp::workspace
