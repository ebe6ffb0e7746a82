#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <optional>

namespace mdp::crypto {

// Authenticated encryption for data at rest. SM4-GCM is the default (national algorithm),
// AES-256-GCM is selectable. Both use 96-bit nonces and 128-bit tags.
enum class AeadCipher
{
    Sm4Gcm,
    Aes256Gcm
};

QString cipherName(AeadCipher cipher); // "sm4-gcm" / "aes-256-gcm"
std::optional<AeadCipher> cipherFromName(QStringView name);
int aeadKeyLength(AeadCipher cipher); // 16 for SM4, 32 for AES-256

constexpr int kNonceLength = 12;
constexpr int kTagLength = 16;

// A keyed AEAD context. Reuse one per key for bulk work: it keeps the expanded key schedule.
class Aead
{
public:
    static Result<Aead> create(AeadCipher cipher, const SecureBytes &key);
    ~Aead();
    Aead(Aead &&) noexcept;
    Aead &operator=(Aead &&) noexcept;

    AeadCipher cipher() const;

    // Returns ciphertext || tag.
    Result<QByteArray> seal(QByteArrayView nonce, QByteArrayView associatedData, QByteArrayView plaintext);
    // In-place variant for hot paths: encrypts `inout` and writes the tag; no allocation.
    Result<void> sealInPlace(QByteArrayView nonce, QByteArrayView associatedData, char *inout, qsizetype size,
                             char *tagOut);
    // Input is ciphertext || tag; fails with Error::Code::Crypto if authentication fails.
    Result<QByteArray> open(QByteArrayView nonce, QByteArrayView associatedData, QByteArrayView sealed);
    Result<void> openInPlace(QByteArrayView nonce, QByteArrayView associatedData, char *inout, qsizetype size,
                             QByteArrayView tag);

    // Convenience envelope: random nonce || ciphertext || tag.
    Result<QByteArray> sealWithRandomNonce(QByteArrayView associatedData, QByteArrayView plaintext);
    Result<QByteArray> openEnvelope(QByteArrayView associatedData, QByteArrayView envelope);

private:
    Aead();
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Raw SM4 block operation (ECB, one 16-byte block), for the GB/T 32907 known-answer tests.
QByteArray sm4EncryptBlock(QByteArrayView key16, QByteArrayView block16);
QByteArray sm4DecryptBlock(QByteArrayView key16, QByteArrayView block16);

} // namespace mdp::crypto
