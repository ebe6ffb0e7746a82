#include "LogCodec.h"

#include "mdp/audit/AuditLogFormat.h"
#include "mdp/crypto/Random.h"

#include <QtEndian>

#include <cstring>

namespace mdp::audit::detail {

using namespace LogFormat;

LogCodec::LogCodec(crypto::Aead aead, QByteArray logId)
    : m_aead(std::move(aead))
    , m_associated(logId + QByteArray(kSequenceSize, '\0'))
{
}

Result<LogCodec> LogCodec::create(crypto::AeadCipher cipher, const SecureBytes &recordKey, QByteArray logId)
{
    auto aead = crypto::Aead::create(cipher, recordKey);
    if (!aead)
        return aead.error();
    return LogCodec(std::move(aead.value()), std::move(logId));
}

void LogCodec::setSequence(qint64 sequence)
{
    qToBigEndian<quint64>(quint64(sequence), m_associated.data() + kLogIdSize);
}

qint64 LogCodec::frameLengthFor(qint64 canonicalSize)
{
    return kSequenceSize + kNonceSize + kSequenceSize + kChainHashSize + canonicalSize + kTagSize;
}

Result<void> LogCodec::appendFrame(QByteArray &out, qint64 sequence, QByteArrayView prevChain,
                                   QByteArrayView canonical)
{
    const qint64 plainLength = kSequenceSize + kChainHashSize + canonical.size();
    const qint64 frameLength = frameLengthFor(canonical.size());
    const qsizetype start = out.size();
    out.resize(start + kLengthFieldSize + frameLength);
    char *p = out.data() + start;
    qToBigEndian<quint32>(quint32(frameLength), p);
    qToBigEndian<quint64>(quint64(sequence), p + kLengthFieldSize);
    // Random nonces: a record cut off as a torn tail may already have been shipped, so its sequence
    // number can be reused with other content; a counter nonce would then repeat.
    const QByteArray nonce = crypto::randomBytes(kNonceSize);
    std::memcpy(p + 12, nonce.constData(), kNonceSize);
    char *plain = p + 24;
    qToBigEndian<quint64>(quint64(sequence), plain);
    std::memcpy(plain + kSequenceSize, prevChain.data(), kChainHashSize);
    std::memcpy(plain + kSequenceSize + kChainHashSize, canonical.data(), std::size_t(canonical.size()));
    setSequence(sequence);
    return m_aead.sealInPlace(nonce, m_associated, plain, plainLength, plain + plainLength);
}

Result<LogCodec::Opened> LogCodec::openFrame(const char *frame, qint64 length, QByteArray &plaintext)
{
    const qint64 cipherLength = length - kSequenceSize - kNonceSize - kTagSize;
    if (cipherLength < kSequenceSize + kChainHashSize)
        return makeError(Error::Code::Corrupt, QStringLiteral("record is too short"));
    const qint64 sequence = qint64(qFromBigEndian<quint64>(frame));
    const QByteArrayView nonce(frame + kSequenceSize, kNonceSize);
    const char *cipher = frame + kSequenceSize + kNonceSize;
    plaintext.resize(cipherLength);
    std::memcpy(plaintext.data(), cipher, std::size_t(cipherLength));
    setSequence(sequence);
    if (auto r = m_aead.openInPlace(nonce, m_associated, plaintext.data(), cipherLength,
                                    QByteArrayView(cipher + cipherLength, kTagSize));
        !r)
        return r.error();
    Opened o;
    o.sequence = qint64(qFromBigEndian<quint64>(plaintext.constData()));
    if (o.sequence != sequence)
        return makeError(Error::Code::Corrupt, QStringLiteral("record sequence numbers disagree"));
    o.prevChain = QByteArrayView(plaintext.constData() + kSequenceSize, kChainHashSize);
    o.canonical = QByteArrayView(plaintext.constData() + kSequenceSize + kChainHashSize,
                                 cipherLength - kSequenceSize - kChainHashSize);
    return o;
}

} // namespace mdp::audit::detail
