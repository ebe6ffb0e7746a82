#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace mdp::crypto {

// Guards the root of the key hierarchy and wraps key-encryption keys with it. The root key either
// lives in process memory after being unwrapped with the workspace passphrase (PassphraseRootKey)
// or never leaves a PKCS#11 token (Pkcs11RootKey).
class RootKeyProvider
{
public:
    virtual ~RootKeyProvider();

    virtual QString kind() const = 0; // "passphrase" or "pkcs11"
    // What the keyring stores to find and unlock this root again. Holds no plaintext secret.
    virtual QJsonObject description() const = 0;
    // Human-readable wrapping scheme, e.g. "sm4-gcm" or "pkcs11 CKM_AES_GCM".
    virtual QString wrapAlgorithm() const = 0;

    // Authenticated wrap: the associated data is bound to the result and must match on unwrap.
    virtual Result<QByteArray> wrap(const SecureBytes &key, QByteArrayView associatedData) = 0;
    // Fails with Error::Code::Crypto when the wrapped bytes or the associated data were altered.
    virtual Result<SecureBytes> unwrap(QByteArrayView wrapped, QByteArrayView associatedData) = 0;

    // Replaces the credential protecting the root (passphrase, token user PIN). A wrong old
    // credential yields Error::Code::WrongPassphrase and changes nothing.
    virtual Result<void> changeCredential(const SecureBytes &oldSecret, const SecureBytes &newSecret) = 0;

    // A new root key of the same kind beside this one, unlocked by the same credential (a token
    // generates a fresh key object under a new label). Error::Code::Unsupported where the root
    // cannot be renewed on its own (a passphrase root: its key is re-derivable from any old copy).
    virtual Result<std::unique_ptr<RootKeyProvider>> renew();
    // Erases this root key for good (a token destroys its key object): nothing wrapped under it
    // opens again, whatever copies of the keyring exist. Error::Code::Unsupported where the root
    // lives only as a wrapped copy that cannot be recalled.
    virtual Result<void> erase();
    // Erases a root key of the same store that this one replaced (renew()), named by its
    // description(); succeeds when it is gone already. Unsupported where erase() is.
    virtual Result<void> eraseRetired(const QJsonObject &description);
};

} // namespace mdp::crypto
