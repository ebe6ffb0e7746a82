#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace mdp::crypto {

enum class HashAlgorithm
{
    Sm3,
    Sha256,
    Sha1
};

int digestLength(HashAlgorithm algorithm);
QString algorithmName(HashAlgorithm algorithm);

// One-shot digest.
QByteArray hash(HashAlgorithm algorithm, QByteArrayView data);

// Incremental digest (streaming over large inputs, or over several parts without concatenating).
class Hasher
{
public:
    explicit Hasher(HashAlgorithm algorithm);
    ~Hasher();
    Hasher(Hasher &&) noexcept;
    Hasher &operator=(Hasher &&) noexcept;

    void addData(QByteArrayView data);
    QByteArray result(); // finalises; the hasher is reset afterwards
    void reset();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

QByteArray hmac(HashAlgorithm algorithm, QByteArrayView key, QByteArrayView data);

// Incremental HMAC, reusable after result().
class Hmac
{
public:
    Hmac(HashAlgorithm algorithm, QByteArrayView key);
    ~Hmac();
    Hmac(Hmac &&) noexcept;
    Hmac &operator=(Hmac &&) noexcept;
    void addData(QByteArrayView data);
    QByteArray result();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

// RFC 5869 HKDF (extract then expand).
SecureBytes hkdf(HashAlgorithm algorithm, QByteArrayView inputKey, QByteArrayView salt, QByteArrayView info,
                 int length);

// PBKDF2-HMAC with the given hash; used with SM3 and >= 600 000 iterations for passphrases.
Result<SecureBytes> pbkdf2(HashAlgorithm algorithm, QByteArrayView passphrase, QByteArrayView salt,
                           int iterations, int length);

// Constant-time comparison of two MACs or digests.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace mdp::crypto
