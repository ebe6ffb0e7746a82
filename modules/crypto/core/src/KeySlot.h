#pragma once

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace mdp::crypto {

// One account's key slot in the keyring (an "accounts" root). The account's password, through
// Argon2id, opens an SM2 private key; keys are granted to the slot by encrypting them to its SM2
// public key, so an administrator can grant or take back keys without knowing the password, and a
// rotation reaches every remaining slot. The keyring file holds only the public key, the sealed
// private key and the grants.
struct KeySlot
{
    QString id;
    QString accountId;
    QString userName; // as the account spells it; looked up case-insensitively
    QString kind;     // "password", "recovery" or "site"
    // Argon2id for "password" and "recovery"; a "site" slot's secret is a 32-byte site scope key
    // (full entropy, from the site server's account bundle): HKDF-SM3, kdf all zeros.
    Argon2Parameters kdf;
    QByteArray salt;
    QByteArray publicKeyDer;
    QByteArray sealedPrivateKey;      // nonce || ciphertext || tag under the Argon2id key
    QMap<QString, QByteArray> grants; // scope -> SM2 ciphertext of (key id || key)
    QDateTime createdAt;
    QDateTime changedAt;
    // Failed unlocks since the last success: what the back-off and the next sign-in's audit read.
    int failures = 0;
    QDateTime lastFailure;

    QJsonObject toJson() const;
    static std::optional<KeySlot> fromJson(const QJsonObject &o);

    // A new key pair sealed under `secret`.
    static Result<std::pair<KeySlot, SigningKey>> create(const QString &accountId, const QString &userName,
                                                         const QString &kind, const SecureBytes &secret,
                                                         const Argon2Parameters &kdf, AeadCipher cipher,
                                                         const QDateTime &now);
    // The private key; Error::Code::WrongPassphrase when `secret` does not open it. Refuses KDF
    // parameters outside the bounds before deriving anything.
    Result<SigningKey> open(const SecureBytes &secret, AeadCipher cipher) const;
    // Seals the same private key under a new secret and salt (password change).
    Result<void> reseal(const SigningKey &privateKey, const SecureBytes &secret, const Argon2Parameters &kdf,
                        AeadCipher cipher);

    Result<void> grant(const QString &scope, QByteArrayView keyId, const SecureBytes &key);
    Result<SecureBytes> take(const QString &scope, const SigningKey &privateKey, QByteArrayView keyId) const;

    QByteArray sealAad() const;
    bool isSite() const { return kind == u"site"; }
};

// A site slot's (unused) Argon2id parameters: all zero, so its seal binds no KDF.
inline Argon2Parameters siteSlotKdf()
{
    return Argon2Parameters{0, 0, 0};
}

// Versioned bounds on the slot KDF: a keyring cannot make sign-in allocate gigabytes or spin for
// minutes, nor weaken the derivation below the floor.
bool slotKdfWithinBounds(const Argon2Parameters &kdf);

// Seconds a slot must wait before the next attempt after `failures` consecutive failures: none for
// the first four, then 15 minutes doubling up to a day (the account directory's lock-out).
qint64 slotBackoffSeconds(int failures);

} // namespace mdp::crypto
