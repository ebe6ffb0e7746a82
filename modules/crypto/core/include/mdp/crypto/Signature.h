#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace mdp::crypto {

namespace detail {
struct PkeyHolder;
struct KeyAccess;
} // namespace detail

// SM2 signs with SM3 and the default distinguishing ID "1234567812345678" (GB/T 32918 / GM/T 0009);
// ECDSA P-256 signs with SHA-256. Signatures are DER-encoded (r, s) in both cases.
enum class SignatureAlgorithm
{
    Sm2,
    EcdsaP256
};

QString signatureAlgorithmName(SignatureAlgorithm algorithm); // "sm2-sm3" / "ecdsa-p256-sha256"

// A public key (SubjectPublicKeyInfo). Cheap to copy: copies share one immutable key.
class PublicKey
{
public:
    PublicKey();
    ~PublicKey();
    PublicKey(const PublicKey &);
    PublicKey &operator=(const PublicKey &);
    PublicKey(PublicKey &&) noexcept;
    PublicKey &operator=(PublicKey &&) noexcept;

    static Result<PublicKey> fromDer(QByteArrayView der);
    static Result<PublicKey> fromPem(QByteArrayView pem);

    bool isNull() const;
    QByteArray der() const; // SubjectPublicKeyInfo
    QByteArray pem() const;
    SignatureAlgorithm algorithm() const;
    bool verify(QByteArrayView message, QByteArrayView signature) const;
    // SM2 public-key encryption (GB/T 32918.4, SM3; C1C3C2 in the DER form OpenSSL writes). Only
    // for SM2 keys: how a key is granted to an account's key slot without that account's password.
    Result<QByteArray> encrypt(QByteArrayView plaintext) const;
    // SHA-256 of the SubjectPublicKeyInfo DER: a stable identifier for the key.
    QByteArray fingerprint() const;

    bool operator==(const PublicKey &other) const;

private:
    friend struct detail::KeyAccess;
    std::shared_ptr<detail::PkeyHolder> m_key;
};

// A private signing key. Cheap to copy: copies share one immutable key.
class SigningKey
{
public:
    SigningKey();
    ~SigningKey();
    SigningKey(const SigningKey &);
    SigningKey &operator=(const SigningKey &);
    SigningKey(SigningKey &&) noexcept;
    SigningKey &operator=(SigningKey &&) noexcept;

    static Result<SigningKey> generate(SignatureAlgorithm algorithm);
    // PKCS#8 PrivateKeyInfo, unencrypted: wrap it with the key hierarchy before it touches disk.
    static Result<SigningKey> fromPrivateDer(QByteArrayView der);

    bool isNull() const;
    SignatureAlgorithm algorithm() const;
    SecureBytes privateKeyDer() const;
    PublicKey publicKey() const;
    Result<QByteArray> sign(QByteArrayView message) const;
    // Opens what PublicKey::encrypt sealed for this key; Error::Code::Crypto when it was not for
    // this key or was altered (SM2's C3 is a hash over the plaintext).
    Result<SecureBytes> decrypt(QByteArrayView ciphertext) const;

private:
    friend struct detail::KeyAccess;
    std::shared_ptr<detail::PkeyHolder> m_key;
};

} // namespace mdp::crypto
