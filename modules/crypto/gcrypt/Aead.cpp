#include "mdp/crypto/Aead.h"

#include "mdp/crypto/Random.h"

#include "GcryptSupport.h"

namespace mdp::crypto {

QString cipherName(AeadCipher cipher)
{
    return cipher == AeadCipher::Sm4Gcm ? QStringLiteral("sm4-gcm") : QStringLiteral("aes-256-gcm");
}

std::optional<AeadCipher> cipherFromName(QStringView name)
{
    if (name == u"sm4-gcm" || name == u"sm4")
        return AeadCipher::Sm4Gcm;
    if (name == u"aes-256-gcm" || name == u"aes")
        return AeadCipher::Aes256Gcm;
    return std::nullopt;
}

int aeadKeyLength(AeadCipher cipher)
{
    return cipher == AeadCipher::Sm4Gcm ? 16 : 32;
}

struct Aead::Impl
{
    gcry_cipher_hd_t handle = nullptr;
    AeadCipher cipher = AeadCipher::Sm4Gcm;
    ~Impl()
    {
        if (handle)
            gcry_cipher_close(handle);
    }
};

Aead::Aead()
    : d(std::make_unique<Impl>())
{}

Aead::~Aead() = default;
Aead::Aead(Aead &&) noexcept = default;
Aead &Aead::operator=(Aead &&) noexcept = default;

AeadCipher Aead::cipher() const
{
    return d->cipher;
}

Result<Aead> Aead::create(AeadCipher cipher, const SecureBytes &key)
{
    detail::ensureGcrypt();
    // Keys from the hierarchy are 256-bit; SM4 takes the first 128 bits of a 256-bit key so one
    // data key shape serves both ciphers.
    const int need = aeadKeyLength(cipher);
    if (int(key.size()) < need)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("%1 needs a %2-byte key").arg(cipherName(cipher)).arg(need));
    Aead aead;
    aead.d->cipher = cipher;
    const int algo = cipher == AeadCipher::Sm4Gcm ? GCRY_CIPHER_SM4 : GCRY_CIPHER_AES256;
    gcry_error_t err = gcry_cipher_open(&aead.d->handle, algo, GCRY_CIPHER_MODE_GCM, GCRY_CIPHER_SECURE);
    if (!err)
        err = gcry_cipher_setkey(aead.d->handle, key.data(), std::size_t(need));
    if (err)
        return makeError(
            Error::Code::Crypto,
            QStringLiteral("cannot set up %1: %2").arg(cipherName(cipher), detail::gcryErrorText(err)));
    return aead;
}

Result<void> Aead::sealInPlace(QByteArrayView nonce, QByteArrayView associatedData, char *inout,
                               qsizetype size, char *tagOut)
{
    if (nonce.size() != kNonceLength)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("nonce must be 12 bytes"));
    gcry_cipher_hd_t h = d->handle;
    gcry_error_t err = gcry_cipher_reset(h);
    if (!err)
        err = gcry_cipher_setiv(h, nonce.data(), std::size_t(nonce.size()));
    if (!err && !associatedData.isEmpty())
        err = gcry_cipher_authenticate(h, associatedData.data(), std::size_t(associatedData.size()));
    if (!err)
        err = gcry_cipher_final(h);
    if (!err)
        err = gcry_cipher_encrypt(h, inout, std::size_t(size), nullptr, 0);
    if (!err)
        err = gcry_cipher_gettag(h, tagOut, kTagLength);
    if (err)
        return makeError(Error::Code::Crypto,
                         QStringLiteral("encryption failed: ") + detail::gcryErrorText(err));
    return {};
}

Result<void> Aead::openInPlace(QByteArrayView nonce, QByteArrayView associatedData, char *inout,
                               qsizetype size, QByteArrayView tag)
{
    if (nonce.size() != kNonceLength || tag.size() != kTagLength)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("bad nonce or tag length"));
    gcry_cipher_hd_t h = d->handle;
    gcry_error_t err = gcry_cipher_reset(h);
    if (!err)
        err = gcry_cipher_setiv(h, nonce.data(), std::size_t(nonce.size()));
    if (!err && !associatedData.isEmpty())
        err = gcry_cipher_authenticate(h, associatedData.data(), std::size_t(associatedData.size()));
    if (!err)
        err = gcry_cipher_final(h);
    if (!err)
        err = gcry_cipher_decrypt(h, inout, std::size_t(size), nullptr, 0);
    if (err)
        return makeError(Error::Code::Crypto,
                         QStringLiteral("decryption failed: ") + detail::gcryErrorText(err));
    if (gcry_cipher_checktag(h, tag.data(), std::size_t(tag.size()))) {
        secureZero(inout, std::size_t(size)); // never hand out unauthenticated plaintext
        return makeError(Error::Code::Crypto,
                         QStringLiteral("authentication failed: data was altered or the key is wrong"));
    }
    return {};
}

Result<QByteArray> Aead::seal(QByteArrayView nonce, QByteArrayView associatedData, QByteArrayView plaintext)
{
    QByteArray out(plaintext.size() + kTagLength, Qt::Uninitialized);
    if (!plaintext.isEmpty()) // an empty view may carry a null pointer, which memcpy must not see
        std::memcpy(out.data(), plaintext.data(), std::size_t(plaintext.size()));
    auto r = sealInPlace(nonce, associatedData, out.data(), plaintext.size(), out.data() + plaintext.size());
    if (!r)
        return r.error();
    return out;
}

Result<QByteArray> Aead::open(QByteArrayView nonce, QByteArrayView associatedData, QByteArrayView sealed)
{
    if (sealed.size() < kTagLength)
        return makeError(Error::Code::Corrupt, QStringLiteral("sealed data is shorter than its tag"));
    const qsizetype n = sealed.size() - kTagLength;
    QByteArray out(n, Qt::Uninitialized);
    if (n > 0)
        std::memcpy(out.data(), sealed.data(), std::size_t(n));
    auto r = openInPlace(nonce, associatedData, out.data(), n, sealed.sliced(n));
    if (!r)
        return r.error();
    return out;
}

Result<QByteArray> Aead::sealWithRandomNonce(QByteArrayView associatedData, QByteArrayView plaintext)
{
    const QByteArray nonce = randomBytes(kNonceLength);
    auto sealed = seal(nonce, associatedData, plaintext);
    if (!sealed)
        return sealed.error();
    return nonce + sealed.value();
}

Result<QByteArray> Aead::openEnvelope(QByteArrayView associatedData, QByteArrayView envelope)
{
    if (envelope.size() < kNonceLength + kTagLength)
        return makeError(Error::Code::Corrupt, QStringLiteral("envelope too short"));
    return open(envelope.first(kNonceLength), associatedData, envelope.sliced(kNonceLength));
}

namespace {
QByteArray sm4Block(QByteArrayView key, QByteArrayView block, bool encrypt)
{
    detail::ensureGcrypt();
    if (key.size() != 16 || block.size() != 16)
        return {};
    gcry_cipher_hd_t h = nullptr;
    if (gcry_cipher_open(&h, GCRY_CIPHER_SM4, GCRY_CIPHER_MODE_ECB, 0))
        return {};
    gcry_cipher_setkey(h, key.data(), 16);
    QByteArray out(16, Qt::Uninitialized);
    if (encrypt)
        gcry_cipher_encrypt(h, out.data(), 16, block.data(), 16);
    else
        gcry_cipher_decrypt(h, out.data(), 16, block.data(), 16);
    gcry_cipher_close(h);
    return out;
}
} // namespace

QByteArray sm4EncryptBlock(QByteArrayView key16, QByteArrayView block16)
{
    return sm4Block(key16, block16, true);
}

QByteArray sm4DecryptBlock(QByteArrayView key16, QByteArrayView block16)
{
    return sm4Block(key16, block16, false);
}

} // namespace mdp::crypto
