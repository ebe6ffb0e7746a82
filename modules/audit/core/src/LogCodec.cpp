#include "LogCodec.h"

#include "mdp/audit/AuditLogFormat.h"
#include "mdp/crypto/Random.h"

#include <QtEndian>

#include <cstring>
#include <limits>

namespace mdp::audit::detail {

using namespace LogFormat;

LogCodec::LogCodec(crypto::Aead aead, QByteArray logId)
    : m_aead(std::move(aead))
    , m_associated(logId + QByteArray(kSequenceSize, '\0'))
    , m_nonce(crypto::randomBytes(8) + QByteArray(4, '\0'))
{}

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
    // Not the sequence number: a record cut off as a torn tail may already have been shipped, and its
    // sequence number is then reused for other content.
    if (m_counter == std::numeric_limits<quint32>::max()) {
        m_nonce = crypto::randomBytes(8) + QByteArray(4, '\0');
        m_counter = 0;
    }
    qToBigEndian<quint32>(m_counter++, m_nonce.data() + 8);
    const QByteArrayView nonce(m_nonce);
    std::memcpy(p + 12, m_nonce.constData(), kNonceSize);
    char *plain = p + 24;
    qToBigEndian<quint64>(quint64(sequence), plain);
    std::memcpy(plain + kSequenceSize, prevChain.data(), kChainHashSize);
    std::memcpy(plain + kSequenceSize + kChainHashSize, canonical.data(), std::size_t(canonical.size()));
    setSequence(sequence);
    return m_aead.sealInPlace(nonce, m_associated, plain, plainLength, plain + plainLength);
}

Result<LogCodec::Opened> LogCodec::openFrame(const char *frame, qint64 length, QByteArray &plaintext)
{
    if (length < kMinFrameLength)
        return makeError(Error::Code::Corrupt, QStringLiteral("record is too short"));
    plaintext.resize(length);
    std::memcpy(plaintext.data(), frame, std::size_t(length));
    return openFrameInPlace(plaintext.data(), length);
}

Result<LogCodec::Opened> LogCodec::openFrameInPlace(char *frame, qint64 length)
{
    const qint64 cipherLength = length - kSequenceSize - kNonceSize - kTagSize;
    if (length < kMinFrameLength)
        return makeError(Error::Code::Corrupt, QStringLiteral("record is too short"));
    const qint64 sequence = qint64(qFromBigEndian<quint64>(frame));
    const QByteArrayView nonce(frame + kSequenceSize, kNonceSize);
    char *plain = frame + kSequenceSize + kNonceSize;
    setSequence(sequence);
    if (auto r = m_aead.openInPlace(nonce, m_associated, plain, cipherLength,
                                    QByteArrayView(plain + cipherLength, kTagSize));
        !r)
        return r.error();
    Opened o;
    o.sequence = qint64(qFromBigEndian<quint64>(plain));
    if (o.sequence != sequence)
        return makeError(Error::Code::Corrupt, QStringLiteral("record sequence numbers disagree"));
    o.prevChain = QByteArrayView(plain + kSequenceSize, kChainHashSize);
    o.canonical =
        QByteArrayView(plain + kSequenceSize + kChainHashSize, cipherLength - kSequenceSize - kChainHashSize);
    return o;
}

} // namespace mdp::audit::detail
