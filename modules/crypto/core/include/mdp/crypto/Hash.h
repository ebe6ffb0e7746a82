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

// Argon2id (RFC 9106) through libgcrypt's GCRY_KDF_ARGON2. Memory in KiB. `secret` and
// `associatedData` are the optional K and X inputs of the RFC. Bounds are the caller's business
// (KeySlot checks them before it allocates); this refuses only what libgcrypt would.
struct Argon2Parameters
{
    int iterations = 3;    // t
    int memoryKiB = 65536; // m
    int parallelism = 1;   // p
};
Result<SecureBytes> argon2id(QByteArrayView password, QByteArrayView salt, const Argon2Parameters &parameters,
                             int length, QByteArrayView secret = {}, QByteArrayView associatedData = {});

// Constant-time comparison of two MACs or digests.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace mdp::crypto
