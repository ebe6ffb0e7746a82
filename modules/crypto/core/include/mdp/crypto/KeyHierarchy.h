#pragma once

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/KeyAuditSink.h"
#include "mdp/crypto/RootKeyProvider.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace mdp::crypto {

// Purposes are open strings so per-grant keys need no format change; these are the fixed ones.
class KeyPurpose
{
public:
    static QString database() { return QStringLiteral("database"); }
    static QString vault() { return QStringLiteral("vault"); }
    static QString audit() { return QStringLiteral("audit"); }
    static QString signing() { return QStringLiteral("signing"); }
    static QString grant(QStringView grantId) { return QStringLiteral("grant:") + grantId.toString(); }
    // Lower-case letters, digits and ".:_-", 1 to 128 characters.
    static bool isValid(QStringView purpose);
};

enum class KeyState
{
    Active,
    Retired,
    Destroyed
};
QString keyStateName(KeyState state); // "active" / "retired" / "destroyed"

// One row of the key list, for display: never any key material.
struct KeyInfo
{
    enum class Kind
    {
        Root,
        KeyEncryptionKey,
        DataKey
    };
    Kind kind = Kind::DataKey;
    QString name;    // data key name; "kek/<purpose>/v<version>" for KEKs; "root"
    QString id;      // random 128-bit identifier (hex)
    QString purpose; // empty for the root
    int version = 0; // KEK version; for a data key, the version of the KEK wrapping it
    KeyState state = KeyState::Active;
    QString algorithm; // how this key is wrapped
    QDateTime createdAt;
    QDateTime changedAt; // last re-wrap or state change
};

struct KeyHierarchyOptions
{
    AeadCipher wrapCipher = AeadCipher::Sm4Gcm; // KEKs wrap data keys with this
};

// Root key -> one key-encryption key (KEK) per purpose and version -> named 256-bit data keys.
// The keyring file holds only wrapped keys and metadata; it is replaced atomically on every change.
// Every operation is reported to the KeyAuditSink. Thread-safe (one internal lock); the clock and
// the sink must outlive the hierarchy.
class KeyHierarchy
{
public:
    // Writes a new keyring at keyringPath (which must not exist yet) under the given root.
    static Result<std::unique_ptr<KeyHierarchy>> create(const QString &keyringPath,
                                                        std::unique_ptr<RootKeyProvider> root,
                                                        const Clock &clock, KeyAuditSink *audit = nullptr,
                                                        KeyHierarchyOptions options = {});
    // Opens an existing keyring. `secret` is the workspace passphrase for a passphrase root or the
    // token user PIN for a PKCS#11 root (see rootKindOf). A wrong secret yields
    // Error::Code::WrongPassphrase, is reported to the sink and changes nothing.
    static Result<std::unique_ptr<KeyHierarchy>> open(const QString &keyringPath, const SecureBytes &secret,
                                                      const Clock &clock, KeyAuditSink *audit = nullptr);
    // "passphrase" or "pkcs11": tells the caller which secret to ask for before open().
    static Result<QString> rootKindOf(const QString &keyringPath);

    ~KeyHierarchy();
    KeyHierarchy(const KeyHierarchy &) = delete;
    KeyHierarchy &operator=(const KeyHierarchy &) = delete;

    QString keyringPath() const;
    QString rootKind() const;

    // New random 32-byte data key under the purpose's current KEK (the KEK is created on first use).
    // Names are unique for the life of the keyring, destroyed keys included.
    Result<SecureBytes> createDataKey(const QString &name, const QString &purpose);
    // Unwraps an existing data key (retired keys too: old data must stay readable).
    Result<SecureBytes> dataKey(const QString &name);
    // dataKey(name) if it exists, else createDataKey(name, purpose). The usual call at workspace open.
    Result<SecureBytes> ensureDataKey(const QString &name, const QString &purpose);
    Result<void> retireDataKey(const QString &name);
    // Erases the wrapped key from the keyring: afterwards nothing can unwrap it.
    Result<void> destroyDataKey(const QString &name);

    // New KEK version for the purpose; every data key of the purpose is re-wrapped under it (the
    // data keys and the data are unchanged) and the old KEK is erased.
    Result<void> rotateKek(const QString &purpose);
    // Re-wraps the root key under a new passphrase (or changes the token PIN).
    Result<void> changePassphrase(const SecureBytes &oldSecret, const SecureBytes &newSecret);

    QList<KeyInfo> keys() const;

private:
    KeyHierarchy();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::crypto
