#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace mdp::audit {

// Signs and checks audit checkpoints. The workspace injects one backed by the node's SM2 key;
// tests use an HMAC stand-in. sign() returns an empty array when it cannot sign.
class CheckpointSigner
{
public:
    virtual ~CheckpointSigner() = default;
    virtual QByteArray sign(QByteArrayView message) = 0;
    virtual bool verify(QByteArrayView message, QByteArrayView signature) const = 0;
    virtual QString keyId() const = 0;
};

} // namespace mdp::audit
