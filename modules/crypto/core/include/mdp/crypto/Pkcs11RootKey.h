#pragma once

#include "mdp/crypto/RootKeyProvider.h"

#include <memory>

namespace mdp::crypto {

struct Pkcs11RootConfig
{
    QString modulePath = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
    QString tokenLabel;                            // the token is found by label: slot ids change
    QString keyLabel = QStringLiteral("mdp-root"); // label of the AES-256 secret key object
};

// The root key is a non-extractable, sensitive AES-256 secret key inside a PKCS#11 token. KEKs are
// wrapped and unwrapped by the token itself with CKM_AES_GCM (C_Encrypt / C_Decrypt with a random
// 96-bit IV and the associated data); the root key value is never seen by this process.
class Pkcs11RootKey final : public RootKeyProvider
{
public:
    // Logs in with the user PIN and finds the root key by label, generating it in the token
    // (C_GenerateKey) when the token has none yet.
    static Result<std::unique_ptr<Pkcs11RootKey>> openOrGenerate(const Pkcs11RootConfig &config,
                                                                 const SecureBytes &userPin);
    // Same, but a missing root key is an error (a keyring wrapped under it would be unreadable).
    // A wrong PIN yields Error::Code::WrongPassphrase.
    static Result<std::unique_ptr<Pkcs11RootKey>> open(const Pkcs11RootConfig &config,
                                                       const SecureBytes &userPin);
    static Result<Pkcs11RootConfig> configFromDescription(const QJsonObject &description);
    ~Pkcs11RootKey() override;

    QString kind() const override;
    QJsonObject description() const override;
    QString wrapAlgorithm() const override;
    Result<QByteArray> wrap(const SecureBytes &key, QByteArrayView associatedData) override;
    Result<SecureBytes> unwrap(QByteArrayView wrapped, QByteArrayView associatedData) override;
    // C_SetPIN on the token: changes the user PIN for every user of the token.
    Result<void> changeCredential(const SecureBytes &oldPin, const SecureBytes &newPin) override;
    // A fresh non-extractable AES-256 key generated in the same token under a new label (the
    // configured label with "#" and a random suffix), through a new session of the same login.
    Result<std::unique_ptr<RootKeyProvider>> renew() override;
    // C_DestroyObject on this root key.
    Result<void> erase() override;
    // C_DestroyObject on the key of the same token labelled as `description` says.
    Result<void> eraseRetired(const QJsonObject &description) override;

    // What the token reports about the root key object, for diagnostics and tests.
    struct KeyProperties
    {
        bool sensitive = false;
        bool extractable = true;
        bool valueReadable = true; // whether C_GetAttributeValue(CKA_VALUE) handed out the key
        int lengthBytes = 0;
    };
    Result<KeyProperties> rootKeyProperties() const;

private:
    Pkcs11RootKey();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::crypto
