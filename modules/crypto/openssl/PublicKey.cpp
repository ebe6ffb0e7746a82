#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Signature.h"

#include "OpenSslSupport.h"

#include <openssl/bio.h>
#include <openssl/pem.h>

namespace mdp::crypto {

QString signatureAlgorithmName(SignatureAlgorithm algorithm)
{
    return algorithm == SignatureAlgorithm::Sm2 ? QStringLiteral("sm2-sm3")
                                                : QStringLiteral("ecdsa-p256-sha256");
}

PublicKey::PublicKey() = default;
PublicKey::~PublicKey() = default;
PublicKey::PublicKey(const PublicKey &) = default;
PublicKey &PublicKey::operator=(const PublicKey &) = default;
PublicKey::PublicKey(PublicKey &&) noexcept = default;
PublicKey &PublicKey::operator=(PublicKey &&) noexcept = default;

namespace {

Result<PublicKey> adopt(EVP_PKEY *pkey)
{
    if (!pkey)
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("not a public key: ") + detail::openSslErrorText());
    const auto algorithm = detail::algorithmOf(pkey);
    if (!algorithm) {
        EVP_PKEY_free(pkey);
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("only SM2 and ECDSA P-256 public keys are supported"));
    }
    return detail::KeyAccess::makePublic(std::make_shared<detail::PkeyHolder>(pkey, *algorithm));
}

} // namespace

Result<PublicKey> PublicKey::fromDer(QByteArrayView der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.data());
    const auto *end = p + der.size();
    EVP_PKEY *pkey = d2i_PUBKEY(nullptr, &p, long(der.size()));
    if (pkey && p != end) {
        EVP_PKEY_free(pkey);
        return makeError(Error::Code::Corrupt, QStringLiteral("trailing bytes after the public key"));
    }
    return adopt(pkey);
}

Result<PublicKey> PublicKey::fromPem(QByteArrayView pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    EVP_PKEY *pkey = bio ? PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    return adopt(pkey);
}

bool PublicKey::isNull() const
{
    return !m_key;
}

QByteArray PublicKey::der() const
{
    return m_key ? detail::publicKeyDer(m_key->pkey) : QByteArray();
}

QByteArray PublicKey::pem() const
{
    if (!m_key)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray out;
    if (bio && PEM_write_bio_PUBKEY(bio, m_key->pkey) == 1) {
        char *data = nullptr;
        const long len = BIO_get_mem_data(bio, &data);
        out = QByteArray(data, qsizetype(len));
    }
    BIO_free(bio);
    return out;
}

SignatureAlgorithm PublicKey::algorithm() const
{
    return m_key ? m_key->algorithm : SignatureAlgorithm::Sm2;
}

bool PublicKey::verify(QByteArrayView message, QByteArrayView signature) const
{
    if (!m_key || signature.isEmpty())
        return false;
    detail::DigestSignContext ctx;
    bool ok = ctx.init(m_key->pkey, m_key->algorithm, false) &&
              EVP_DigestVerify(ctx.md(), reinterpret_cast<const unsigned char *>(signature.data()),
                               std::size_t(signature.size()),
                               reinterpret_cast<const unsigned char *>(message.data()),
                               std::size_t(message.size())) == 1;
    if (!ok)
        detail::openSslErrorText(); // a bad signature leaves errors queued; clear them
    return ok;
}

QByteArray PublicKey::fingerprint() const
{
    return m_key ? hash(HashAlgorithm::Sha256, der()) : QByteArray();
}

bool PublicKey::operator==(const PublicKey &other) const
{
    return der() == other.der();
}

Result<QByteArray> PublicKey::encrypt(QByteArrayView plaintext) const
{
    if (!m_key || m_key->algorithm != SignatureAlgorithm::Sm2)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("SM2 encryption needs an SM2 public key"));
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_pkey(nullptr, m_key->pkey, nullptr), &EVP_PKEY_CTX_free);
    std::size_t len = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(plaintext.data());
    if (!ctx || EVP_PKEY_encrypt_init(ctx.get()) != 1 ||
        EVP_PKEY_encrypt(ctx.get(), nullptr, &len, in, std::size_t(plaintext.size())) != 1)
        return makeError(Error::Code::Crypto,
                         QStringLiteral("SM2 encryption failed: ") + detail::openSslErrorText());
    QByteArray out(qsizetype(len), Qt::Uninitialized);
    if (EVP_PKEY_encrypt(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &len, in,
                         std::size_t(plaintext.size())) != 1)
        return makeError(Error::Code::Crypto,
                         QStringLiteral("SM2 encryption failed: ") + detail::openSslErrorText());
    out.truncate(qsizetype(len));
    return out;
}

} // namespace mdp::crypto
