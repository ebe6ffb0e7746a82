#pragma once

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/RootKeyProvider.h"

#include <memory>

namespace mdp::crypto {

struct PassphraseRootOptions
{
    AeadCipher cipher = AeadCipher::Sm4Gcm; // wraps the root key and, with it, the KEKs
    int iterations = 600000;                // PBKDF2-HMAC-SM3; lower values are refused
};

// A 32-byte random root key, stored wrapped by a key derived from the workspace passphrase with
// PBKDF2-HMAC-SM3 (random 16-byte salt). The unwrapped root stays in memory while the keyring is open.
class PassphraseRootKey final : public RootKeyProvider
{
public:
    static constexpr int kMinimumIterations = 600000;
    // A keyring asking for more is refused as corrupt rather than computed for minutes.
    static constexpr int kMaximumIterations = 20000000;

    // Draws a new root key and wraps it under the passphrase.
    static Result<std::unique_ptr<PassphraseRootKey>> create(const SecureBytes &passphrase,
                                                             PassphraseRootOptions options = {});
    // Unwraps the root key described by the keyring; Error::Code::WrongPassphrase if it does not open.
    static Result<std::unique_ptr<PassphraseRootKey>> unlock(const QJsonObject &description,
                                                             const SecureBytes &passphrase);
    ~PassphraseRootKey() override;

    QString kind() const override;
    QJsonObject description() const override;
    QString wrapAlgorithm() const override;
    Result<QByteArray> wrap(const SecureBytes &key, QByteArrayView associatedData) override;
    Result<SecureBytes> unwrap(QByteArrayView wrapped, QByteArrayView associatedData) override;
    // New salt, new derivation, root key re-wrapped; the root key and everything below it are unchanged.
    Result<void> changeCredential(const SecureBytes &oldPassphrase,
                                  const SecureBytes &newPassphrase) override;

    int iterations() const;

private:
    PassphraseRootKey();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::crypto
