#include "mdp/crypto/Signature.h"

#include "OpenSslSupport.h"

#include <openssl/x509.h>

namespace mdp::crypto {

SigningKey::SigningKey() = default;
SigningKey::~SigningKey() = default;
SigningKey::SigningKey(const SigningKey &) = default;
SigningKey &SigningKey::operator=(const SigningKey &) = default;
SigningKey::SigningKey(SigningKey &&) noexcept = default;
SigningKey &SigningKey::operator=(SigningKey &&) noexcept = default;

Result<SigningKey> SigningKey::generate(SignatureAlgorithm algorithm)
{
    EVP_PKEY *pkey = algorithm == SignatureAlgorithm::Sm2
                         ? EVP_PKEY_Q_keygen(nullptr, nullptr, "SM2")
                         : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    if (!pkey)
        return makeError(Error::Code::Crypto,
                         QStringLiteral("%1 key generation failed: %2")
                             .arg(signatureAlgorithmName(algorithm), detail::openSslErrorText()));
    return detail::KeyAccess::makeSigning(std::make_shared<detail::PkeyHolder>(pkey, algorithm));
}

Result<SigningKey> SigningKey::fromPrivateDer(QByteArrayView der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.data());
    const auto *end = p + der.size();
    PKCS8_PRIV_KEY_INFO *info = d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, long(der.size()));
    if (!info || p != end) {
        PKCS8_PRIV_KEY_INFO_free(info);
        detail::openSslErrorText();
        return makeError(Error::Code::Corrupt, QStringLiteral("not a PKCS#8 private key"));
    }
    EVP_PKEY *pkey = EVP_PKCS82PKEY(info);
    PKCS8_PRIV_KEY_INFO_free(info);
    if (!pkey) {
        detail::openSslErrorText();
        return makeError(Error::Code::Corrupt, QStringLiteral("unreadable PKCS#8 private key"));
    }
    const auto algorithm = detail::algorithmOf(pkey);
    if (!algorithm) {
        EVP_PKEY_free(pkey);
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("only SM2 and ECDSA P-256 keys are supported"));
    }
    return detail::KeyAccess::makeSigning(std::make_shared<detail::PkeyHolder>(pkey, *algorithm));
}

bool SigningKey::isNull() const
{
    return !m_key;
}

SignatureAlgorithm SigningKey::algorithm() const
{
    return m_key ? m_key->algorithm : SignatureAlgorithm::Sm2;
}

SecureBytes SigningKey::privateKeyDer() const
{
    if (!m_key)
        return {};
    PKCS8_PRIV_KEY_INFO *info = EVP_PKEY2PKCS8(m_key->pkey);
    const int len = info ? i2d_PKCS8_PRIV_KEY_INFO(info, nullptr) : 0;
    SecureBytes out;
    if (len > 0) {
        out = SecureBytes(std::size_t(len));
        unsigned char *p = out.udata();
        i2d_PKCS8_PRIV_KEY_INFO(info, &p);
    }
    PKCS8_PRIV_KEY_INFO_free(info); // its free callback cleanses the private key octets
    return out;
}

PublicKey SigningKey::publicKey() const
{
    if (!m_key)
        return {};
    // Round trip through SubjectPublicKeyInfo so the PublicKey holds no private component.
    auto key = PublicKey::fromDer(detail::publicKeyDer(m_key->pkey));
    return key ? key.value() : PublicKey();
}

Result<QByteArray> SigningKey::sign(QByteArrayView message) const
{
    if (!m_key)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("no signing key"));
    detail::DigestSignContext ctx;
    std::size_t len = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(message.data());
    if (!ctx.init(m_key->pkey, m_key->algorithm, true) ||
        EVP_DigestSign(ctx.md(), nullptr, &len, data, std::size_t(message.size())) != 1)
        return makeError(Error::Code::Crypto,
                         QStringLiteral("signing failed: ") + detail::openSslErrorText());
    QByteArray signature(qsizetype(len), Qt::Uninitialized);
    if (EVP_DigestSign(ctx.md(), reinterpret_cast<unsigned char *>(signature.data()), &len, data,
                       std::size_t(message.size())) != 1)
        return makeError(Error::Code::Crypto,
                         QStringLiteral("signing failed: ") + detail::openSslErrorText());
    signature.truncate(qsizetype(len)); // DER (r, s) is shorter when a component has leading zeros
    return signature;
}

Result<SecureBytes> SigningKey::decrypt(QByteArrayView ciphertext) const
{
    if (!m_key || m_key->algorithm != SignatureAlgorithm::Sm2)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("SM2 decryption needs an SM2 key"));
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_pkey(nullptr, m_key->pkey, nullptr), &EVP_PKEY_CTX_free);
    std::size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(ciphertext.data());
    if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) != 1 ||
        EVP_PKEY_decrypt(ctx.get(), nullptr, &len, in, std::size_t(ciphertext.size())) != 1) {
        detail::openSslErrorText();
        return makeError(Error::Code::Crypto,
                         QStringLiteral("SM2 decryption failed: not for this key or altered"));
    }
    SecureBytes out{len};
    if (EVP_PKEY_decrypt(ctx.get(), out.udata(), &len, in, std::size_t(ciphertext.size())) != 1) {
        detail::openSslErrorText();
        return makeError(Error::Code::Crypto,
                         QStringLiteral("SM2 decryption failed: not for this key or altered"));
    }
    return SecureBytes(out.view().first(qsizetype(len)));
}

} // namespace mdp::crypto
