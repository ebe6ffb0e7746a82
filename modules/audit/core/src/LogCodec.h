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

    // Appends one frame (length field included) to `out`. Nonces are a random 64-bit prefix drawn per
    // codec and a 32-bit counter: unique per key, since keys are per log and every codec (each open,
    // each process) draws a new prefix, so a record rewritten after a torn-tail cut never reuses one.
    Result<void> appendFrame(QByteArray &out, qint64 sequence, QByteArrayView prevChain,
                             QByteArrayView canonical);

    struct Opened
    {
        qint64 sequence = -1;
        QByteArrayView prevChain; // views into the caller's plaintext buffer
        QByteArrayView canonical;
    };
    // `frame` starts after the length field and holds `length` bytes. Fails with Code::Crypto when
    // the record does not authenticate under its own sequence number.
    Result<Opened> openFrame(const char *frame, qint64 length, QByteArray &plaintext);
    // The same, decrypting inside the caller's buffer; the views point into `frame`.
    Result<Opened> openFrameInPlace(char *frame, qint64 length);

    static qint64 frameLengthFor(qint64 canonicalSize);

private:
    explicit LogCodec(crypto::Aead aead, QByteArray logId);
    void setSequence(qint64 sequence);

    crypto::Aead m_aead;
    QByteArray m_associated; // log ID | sequence
    QByteArray m_nonce;      // random prefix | counter
    quint32 m_counter = 0;
};

} // namespace mdp::audit::detail
