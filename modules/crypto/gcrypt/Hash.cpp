#include "mdp/crypto/Hash.h"

#include "GcryptSupport.h"

namespace mdp::crypto {
namespace {

int gcryAlgo(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Sm3:
        return GCRY_MD_SM3;
    case HashAlgorithm::Sha256:
        return GCRY_MD_SHA256;
    case HashAlgorithm::Sha1:
        return GCRY_MD_SHA1;
    }
    return GCRY_MD_SHA256;
}

} // namespace

int digestLength(HashAlgorithm algorithm)
{
    return algorithm == HashAlgorithm::Sha1 ? 20 : 32;
}

QString algorithmName(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Sm3:
        return QStringLiteral("sm3");
    case HashAlgorithm::Sha256:
        return QStringLiteral("sha-256");
    case HashAlgorithm::Sha1:
        return QStringLiteral("sha-1");
    }
    return {};
}

QByteArray hash(HashAlgorithm algorithm, QByteArrayView data)
{
    detail::ensureGcrypt();
    QByteArray out(digestLength(algorithm), Qt::Uninitialized);
    gcry_md_hash_buffer(gcryAlgo(algorithm), out.data(), data.data(), std::size_t(data.size()));
    return out;
}

struct Hasher::Impl
{
    gcry_md_hd_t handle = nullptr;
    HashAlgorithm algorithm;
};

Hasher::Hasher(HashAlgorithm algorithm)
    : d(std::make_unique<Impl>())
{
    detail::ensureGcrypt();
    d->algorithm = algorithm;
    if (gcry_md_open(&d->handle, gcryAlgo(algorithm), 0) != 0)
        qFatal("libgcrypt cannot open a hash context");
}

Hasher::~Hasher()
{
    if (d && d->handle)
        gcry_md_close(d->handle);
}

Hasher::Hasher(Hasher &&) noexcept = default;
Hasher &Hasher::operator=(Hasher &&) noexcept = default;

void Hasher::addData(QByteArrayView data)
{
    gcry_md_write(d->handle, data.data(), std::size_t(data.size()));
}

QByteArray Hasher::result()
{
    const unsigned char *digest = gcry_md_read(d->handle, 0);
    QByteArray out(reinterpret_cast<const char *>(digest), digestLength(d->algorithm));
    gcry_md_reset(d->handle);
    return out;
}

void Hasher::reset()
{
    gcry_md_reset(d->handle);
}

struct Hmac::Impl
{
    gcry_md_hd_t handle = nullptr;
    HashAlgorithm algorithm;
};

Hmac::Hmac(HashAlgorithm algorithm, QByteArrayView key)
    : d(std::make_unique<Impl>())
{
    detail::ensureGcrypt();
    d->algorithm = algorithm;
    // Secure memory is a small pool; when it is exhausted the key schedule goes to ordinary memory
    // (still wiped by libgcrypt on close) rather than failing the whole operation.
    if (gcry_md_open(&d->handle, gcryAlgo(algorithm), GCRY_MD_FLAG_HMAC | GCRY_MD_FLAG_SECURE) != 0 &&
        gcry_md_open(&d->handle, gcryAlgo(algorithm), GCRY_MD_FLAG_HMAC) != 0)
        qFatal("libgcrypt cannot open an HMAC context");
    gcry_md_setkey(d->handle, key.data(), std::size_t(key.size()));
}

Hmac::~Hmac()
{
    if (d && d->handle)
        gcry_md_close(d->handle);
}

Hmac::Hmac(Hmac &&) noexcept = default;
Hmac &Hmac::operator=(Hmac &&) noexcept = default;

void Hmac::addData(QByteArrayView data)
{
    gcry_md_write(d->handle, data.data(), std::size_t(data.size()));
}

QByteArray Hmac::result()
{
    const unsigned char *mac = gcry_md_read(d->handle, 0);
    QByteArray out(reinterpret_cast<const char *>(mac), digestLength(d->algorithm));
    gcry_md_reset(d->handle); // keeps the key
    return out;
}

QByteArray hmac(HashAlgorithm algorithm, QByteArrayView key, QByteArrayView data)
{
    Hmac mac(algorithm, key);
    mac.addData(data);
    return mac.result();
}

SecureBytes hkdf(HashAlgorithm algorithm, QByteArrayView inputKey, QByteArrayView salt, QByteArrayView info,
                 int length)
{
    const int hashLen = digestLength(algorithm);
    QByteArray realSalt = salt.isEmpty() ? QByteArray(hashLen, '\0') : salt.toByteArray();
    QByteArray prk = hmac(algorithm, realSalt, inputKey);
    SecureBytes out{std::size_t(length)};
    QByteArray t;
    int produced = 0;
    Hmac expand(algorithm, prk);
    for (int counter = 1; produced < length; ++counter) {
        expand.addData(t);
        expand.addData(info);
        const char c = char(counter);
        expand.addData(QByteArrayView(&c, 1));
        secureZero(t);
        t = expand.result();
        const int take = std::min(hashLen, length - produced);
        std::memcpy(out.data() + produced, t.constData(), std::size_t(take));
        produced += take;
    }
    secureZero(t);
    secureZero(prk);
    return out;
}

Result<SecureBytes> pbkdf2(HashAlgorithm algorithm, QByteArrayView passphrase, QByteArrayView salt,
                           int iterations, int length)
{
    detail::ensureGcrypt();
    if (iterations < 1 || length < 1)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("PBKDF2 needs positive iterations and length"));
    SecureBytes out{std::size_t(length)};
    const gcry_error_t err = gcry_kdf_derive(
        passphrase.data(), std::size_t(passphrase.size()), GCRY_KDF_PBKDF2, gcryAlgo(algorithm), salt.data(),
        std::size_t(salt.size()), static_cast<unsigned long>(iterations), std::size_t(length), out.data());
    if (err)
        return makeError(Error::Code::Crypto, QStringLiteral("PBKDF2 failed: ") + detail::gcryErrorText(err));
    return out;
}

Result<SecureBytes> argon2id(QByteArrayView password, QByteArrayView salt, const Argon2Parameters &parameters,
                             int length, QByteArrayView secret, QByteArrayView associatedData)
{
    detail::ensureGcrypt();
    if (length < 4 || parameters.iterations < 1 || parameters.parallelism < 1 ||
        parameters.memoryKiB < 8 * parameters.parallelism || salt.size() < 8)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("Argon2id parameters out of range"));
    // Output length, t, m, p: the order libgcrypt reads them in.
    const unsigned long params[4] = {
        static_cast<unsigned long>(length), static_cast<unsigned long>(parameters.iterations),
        static_cast<unsigned long>(parameters.memoryKiB), static_cast<unsigned long>(parameters.parallelism)};
    gcry_kdf_hd_t handle = nullptr;
    gcry_error_t err =
        gcry_kdf_open(&handle, GCRY_KDF_ARGON2, GCRY_KDF_ARGON2ID, params, 4, password.data(),
                      std::size_t(password.size()), salt.data(), std::size_t(salt.size()), secret.data(),
                      std::size_t(secret.size()), associatedData.data(), std::size_t(associatedData.size()));
    if (err)
        return makeError(Error::Code::Crypto,
                         QStringLiteral("Argon2id failed: ") + detail::gcryErrorText(err));
    SecureBytes out{std::size_t(length)};
    err = gcry_kdf_compute(handle, nullptr);
    if (!err)
        err = gcry_kdf_final(handle, std::size_t(length), out.data());
    gcry_kdf_close(handle); // wipes its memory blocks
    if (err)
        return makeError(Error::Code::Crypto,
                         QStringLiteral("Argon2id failed: ") + detail::gcryErrorText(err));
    return out;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace mdp::crypto
