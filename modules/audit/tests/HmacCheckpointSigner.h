#pragma once

#include "mdp/audit/CheckpointSigner.h"

// Test stand-in for the workspace's SM2 checkpoint signer: HMAC-SM3 under a test key.
class HmacCheckpointSigner : public mdp::audit::CheckpointSigner
{
public:
    explicit HmacCheckpointSigner(QByteArray key);
    QByteArray sign(QByteArrayView message) override;
    bool verify(QByteArrayView message, QByteArrayView signature) const override;
    QString keyId() const override;

private:
    QByteArray m_key;
};
