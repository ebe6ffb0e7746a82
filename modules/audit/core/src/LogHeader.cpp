#include "LogHeader.h"

#include "mdp/audit/AuditLogFormat.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include <QtEndian>

#include <cstring>

namespace mdp::audit::detail {
namespace {

constexpr char kMagic[8] = {'M', 'D', 'P', 'A', 'U', 'D', 'I', 'T'};

QByteArray keyCheckFor(const SecureBytes &key, QByteArrayView logId)
{
    const SecureBytes kcv = crypto::hkdf(crypto::HashAlgorithm::Sm3, key.view(), logId,
                                         QByteArrayLiteral("mdp.audit.v1.key-check"), 16);
    return kcv.view().toByteArray();
}

} // namespace

QByteArray LogHeader::serialize() const
{
    QByteArray h(LogFormat::kHeaderSize, '\0');
    std::memcpy(h.data(), kMagic, 8);
    qToBigEndian<quint16>(quint16(version), h.data() + 8);
    h[10] = char(cipher == crypto::AeadCipher::Sm4Gcm ? 1 : 2);
    h[11] = char(1); // SM3
    std::memcpy(h.data() + 12, logId.constData(), LogFormat::kLogIdSize);
    std::memcpy(h.data() + 28, keyCheck.constData(), 16);
    return h;
}

Result<LogHeader> LogHeader::parse(QByteArrayView b)
{
    if (b.size() < LogFormat::kHeaderSize || std::memcmp(b.data(), kMagic, 8) != 0)
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("audit log: the file header is not an audit log header"));
    const quint16 version = qFromBigEndian<quint16>(b.data() + 8);
    if (version < 1 || version > LogFormat::kVersion)
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("audit log: format version %1 is not supported").arg(version));
    LogHeader h;
    h.version = version;
    const int cipherId = int(quint8(b[10]));
    if (cipherId == 1)
        h.cipher = crypto::AeadCipher::Sm4Gcm;
    else if (cipherId == 2)
        h.cipher = crypto::AeadCipher::Aes256Gcm;
    else
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("audit log: unknown cipher in the file header"));
    if (quint8(b[11]) != 1)
        return makeError(Error::Code::Corrupt, QStringLiteral("audit log: unknown hash in the file header"));
    h.logId = b.sliced(12, LogFormat::kLogIdSize).toByteArray();
    h.keyCheck = b.sliced(28, 16).toByteArray();
    return h;
}

LogHeader LogHeader::create(crypto::AeadCipher cipher, const SecureBytes &key, int version)
{
    LogHeader h;
    h.version = version;
    h.cipher = cipher;
    h.logId = crypto::randomBytes(LogFormat::kLogIdSize);
    h.keyCheck = keyCheckFor(key, h.logId);
    return h;
}

SecureBytes LogHeader::recordKey(const SecureBytes &key) const
{
    // A key per log: two logs under one caller key never share a GCM key, so nonces cannot collide.
    return crypto::hkdf(crypto::HashAlgorithm::Sm3, key.view(), logId,
                        QByteArrayLiteral("mdp.audit.v1.record-key"), 32);
}

bool LogHeader::keyMatches(const SecureBytes &key) const
{
    return crypto::constantTimeEquals(keyCheckFor(key, logId), keyCheck);
}

QByteArray LogHeader::genesisChain() const
{
    // The version is in the chain's start, so the signed chain head (even of an empty log) commits to
    // it and a flipped version byte cannot pass as the other format.
    return crypto::hash(crypto::HashAlgorithm::Sm3,
                        (version >= 2 ? QByteArrayLiteral("mdp.audit.v2.genesis")
                                      : QByteArrayLiteral("mdp.audit.v1.genesis")) +
                            logId);
}

} // namespace mdp::audit::detail
