#pragma once

#include "mdp/crypto/Aead.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace mdp::audit::detail {

// Seals and opens record frames (layout in AuditLogFormat.h). One instance per thread: the AEAD
// context it holds is not shareable.
class LogCodec
{
public:
    static Result<LogCodec> create(crypto::AeadCipher cipher, const SecureBytes &recordKey, QByteArray logId);

    // Appends one frame (length field included) to `out`.
    Result<void> appendFrame(QByteArray &out, qint64 sequence, QByteArrayView prevChain, QByteArrayView canonical);

    struct Opened
    {
        qint64 sequence = -1;
        QByteArrayView prevChain; // views into the caller's plaintext buffer
        QByteArrayView canonical;
    };
    // `frame` starts after the length field and holds `length` bytes. Fails with Code::Crypto when
    // the record does not authenticate under its own sequence number.
    Result<Opened> openFrame(const char *frame, qint64 length, QByteArray &plaintext);

    static qint64 frameLengthFor(qint64 canonicalSize);

private:
    explicit LogCodec(crypto::Aead aead, QByteArray logId);
    void setSequence(qint64 sequence);

    crypto::Aead m_aead;
    QByteArray m_associated; // log ID | sequence
};

} // namespace mdp::audit::detail
