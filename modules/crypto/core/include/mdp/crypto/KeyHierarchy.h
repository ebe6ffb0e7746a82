#pragma once

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/KeyAuditSink.h"
#include "mdp/crypto/RootKeyProvider.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

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
    // Names, resident IDs, phone numbers, addresses: only the identity scope reaches its KEK.
    static QString identity() { return QStringLiteral("identity"); }
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
        ScopeKey, // a role-scoped key (identity): held by the slots granted its scope
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
    QString wrappedBy; // a KEK's wrapping key when it is a role-scoped one (its scope); else empty
    QDateTime createdAt;
    QDateTime changedAt; // last re-wrap or state change
};

struct KeyHierarchyOptions
{
    AeadCipher wrapCipher = AeadCipher::Sm4Gcm; // KEKs wrap data keys with this
    // Argon2id for account key slots (kind "accounts"): t=3, 64 MiB, p=1 unless a deployment
    // chooses otherwise within the bounds (t 1-10, 19-1024 MiB, p 1-4, t x m >= 3 x 19 MiB).
    Argon2Parameters slotKdf;
    // TEST ONLY: new KEKs of the hierarchy create() returns go under the root whatever their
    // purpose, as in keyrings from before role-scoped keys (what settleScopes() moves).
    bool testKeepKeksUnderRoot = false;
};

// Which account opens a key slot, and with what. The password is the account's own.
struct SlotCredential
{
    QString accountId;
    QString userName;
    SecureBytes password;
};

// The scope every account slot needs to open the workspace: the root of the hierarchy.
inline QString rootScope()
{
    return QStringLiteral("root");
}
// The scope that reaches patient identity. In an accounts keyring it has its own key, granted only to
// the slots of accounts whose roles may see identity; it wraps the identity purpose's KEKs, so the
// root alone (every other account's slot) does not open them.
inline QString identityScope()
{
    return QStringLiteral("identity");
}
// The scope that reaches the audit log's record key (issue 9 part 2): granted only to the slots of
// accounts whose roles may read the audit trail. The workstation keeps its own sealed copy so every
// session can write the log; no other account's password reaches it.
inline QString auditScope()
{
    return QStringLiteral("audit");
}
// Every scope a slot can be granted, the root first.
QStringList keyScopes();
// The scope whose key wraps `purpose`'s KEKs in an accounts keyring: identityScope() for the
// identity and vault purposes, auditScope() for the audit purpose, rootScope() for the rest.
QString scopeOfPurpose(QStringView purpose);

// One account key slot, for display and for the workspace's checks: never any key material.
struct KeySlotInfo
{
    QString id;
    QString accountId;
    QString userName;
    QString kind;       // "password", "recovery" or "site" (accountId "#site:<scope>")
    QStringList scopes; // what it can reach now; empty for a locked account
    QString kdf;        // e.g. "argon2id t=3 m=65536KiB p=1"
    QDateTime createdAt;
    QDateTime changedAt;
    int failures = 0; // failed unlocks since the last success
    QDateTime lastFailure;
};

// What unlockWithSlot() learnt that the caller must put on the audit record once it can write.
struct SlotUnlock
{
    QString accountId;
    QString userName;
    int failuresBefore = 0; // failed attempts on this slot since its last success
    QDateTime lastFailure;
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
    // A keyring whose root is reached through account key slots (kind "accounts"): no workspace
    // passphrase exists. The first slot (if `first` names an account) is the first administrator's;
    // `recoveryKey` receives a
    // random 32-byte organisation recovery key whose slot reaches the root too (shown once,
    // never stored in clear).
    static Result<std::unique_ptr<KeyHierarchy>>
    createWithSlots(const QString &keyringPath, const SlotCredential &first, SecureBytes &recoveryKey,
                    const Clock &clock, KeyAuditSink *audit = nullptr, KeyHierarchyOptions options = {});
    // Signing in is unlocking: the account's password opens its slot and the slot's grant opens
    // the root. One answer (Error::Code::WrongPassphrase, "user name or password is wrong") for an
    // unknown name, a wrong password and a slot without grants; Error::Code::Locked while the slot
    // waits out its back-off. A failure is counted in the slot (the keyring is rewritten) and
    // reported to the sink; the next success returns what it counted in `unlock`. `readOnly`: the
    // keyring is not written at all (the offline check), failures are not counted.
    static Result<std::unique_ptr<KeyHierarchy>>
    openWithSlot(const QString &keyringPath, const QString &userName, const SecureBytes &password,
                 SlotUnlock &unlock, const Clock &clock, KeyAuditSink *audit = nullptr,
                 bool readOnly = false);
    // The organisation's recovery path: the recovery key opens its own slot.
    static Result<std::unique_ptr<KeyHierarchy>> openWithRecoveryKey(const QString &keyringPath,
                                                                     const SecureBytes &recoveryKey,
                                                                     const Clock &clock,
                                                                     KeyAuditSink *audit = nullptr);
    // Single sign-on across a site's workstations: the site's scope keys (32 random bytes per
    // scope, carried in each central account's key bundle for the scopes its roles allow) open the
    // keyring's "site" slots, one per scope. "site:root" must open (WrongPassphrase otherwise, NotFound
    // when this keyring has no site slot yet); every other site slot that a given key opens adds its
    // scope, and nothing else is reached. The caller must already have had the site's server confirm
    // the account: the site keys are the server's word, not a person's. openedBy() is "#site".
    static Result<std::unique_ptr<KeyHierarchy>> openWithSiteKeys(const QString &keyringPath,
                                                                  const QMap<QString, SecureBytes> &siteKeys,
                                                                  const Clock &clock,
                                                                  KeyAuditSink *audit = nullptr);
    // "passphrase", "pkcs11" or "accounts": tells the caller which secret to ask for before open().
    static Result<QString> rootKindOf(const QString &keyringPath);
    // The user names of the password slots, readable before unlock (as anyone can read them in the
    // file): lets a caller note a refused name only when it is an account of this workstation.
    static Result<QStringList> slotUserNamesOf(const QString &keyringPath);

    ~KeyHierarchy();
    KeyHierarchy(const KeyHierarchy &) = delete;
    KeyHierarchy &operator=(const KeyHierarchy &) = delete;

    QString keyringPath() const;
    QString rootKind() const;

    // New random 32-byte data key under the purpose's current KEK (the KEK is created on first use).
    // Names are unique for the life of the keyring, destroyed keys included.
    Result<SecureBytes> createDataKey(const QString &name, const QString &purpose);
    // Wraps a given 32-byte key under the purpose's current KEK, as createDataKey does a random one:
    // for a key derived from another data key that must outlive it (a derived MAC key kept when the
    // key it came from is renewed and destroyed).
    Result<void> keepDataKey(const QString &name, const QString &purpose, const SecureBytes &value);
    // Unwraps an existing data key (retired keys too: old data must stay readable).
    Result<SecureBytes> dataKey(const QString &name);
    // dataKey(name) if it exists, else createDataKey(name, purpose). The usual call at workspace open.
    Result<SecureBytes> ensureDataKey(const QString &name, const QString &purpose);
    Result<void> retireDataKey(const QString &name);
    // Erases the wrapped key and, in the same keyring write, renews what wrapped it (issue 9 part 6,
    // destroy): a token root gets a fresh key object and the old one is destroyed in the
    // token, so no earlier copy of keyring.json opens the key with any PIN or password; an accounts
    // root rotates with every KEK, a passphrase root renews the purpose's KEK. With those two an
    // earlier copy of keyring.json plus a secret valid when it was taken still unwraps the key: what
    // a passphrase protects cannot be recalled (README, "What destroying a key can promise").
    Result<void> destroyDataKey(const QString &name);

    // New KEK version for the purpose; every data key of the purpose is re-wrapped under it (the
    // data keys and the data are unchanged) and the old KEK is erased.
    Result<void> rotateKek(const QString &purpose);
    // Re-wraps the root key under a new passphrase (or changes the token PIN).
    Result<void> changePassphrase(const SecureBytes &oldSecret, const SecureBytes &newSecret);

    QList<KeyInfo> keys() const;

    // Account key slots (an "accounts" root only; Error::Code::Unsupported otherwise). Scopes are
    // what a slot is granted (keyScopes()): rootScope() opens the workspace, identityScope() the
    // identity key. Granting a scope needs this hierarchy to hold it (PermissionDenied otherwise).
    // Every change is one atomic keyring write, reported to the sink.
    Result<void> addSlot(const SlotCredential &credential, const QStringList &scopes);
    // The owner's password change: the old password must open the slot (WrongPassphrase otherwise);
    // the slot gets a new key pair under the new password and the root rotates, so the old
    // password with an old copy of the keyring reaches nothing that comes after.
    Result<void> changeSlotPassword(const QString &accountId, const SecureBytes &oldPassword,
                                    const SecureBytes &newPassword);
    // An administrator's reset: a new key pair under the new password, granted the same scopes; the
    // root rotates.
    Result<void> resetSlot(const SlotCredential &credential);
    // Grants exactly `scopes`. Taking any scope away rotates the root and every key-encryption key
    // (rotateRoot), so what the slot could unwrap before no longer opens the keyring.
    Result<void> setSlotScopes(const QString &accountId, const QStringList &scopes);
    // Removes the slot and rotates (rotateRoot).
    Result<void> removeSlot(const QString &accountId);
    // A new root key and a new version of every key-encryption key, data keys re-wrapped, the new
    // root granted to every slot that held it. The data keys themselves are unchanged.
    Result<void> rotateRoot();
    // Whether `password` opens the account's slot (the lock screen); counts a wrong one like a
    // sign-in does. Error::Code::Locked during the back-off. A right one changes nothing yet.
    Result<bool> checkSlotPassword(const QString &accountId, const SecureBytes &password);
    // The end of a sign-in whose password opened the slot: a success clears the slot's failure
    // count; a refusal after it (a missing or wrong second factor) counts like a wrong password, so
    // the count and its back-off do not tell a right password from a wrong one (issue 9 part 8).
    Result<void> settleSlotSignIn(const QString &accountId, bool succeeded);
    // A "site" slot for `scope` (id "site:<scope>", account "#site:<scope>") whose secret is the
    // site's 32-byte scope key, granted that scope only; replaces the scope's earlier site slot (the
    // site key was renewed). Needs this hierarchy to hold the scope (PermissionDenied).
    Result<void> addSiteSlot(const QString &scope, const SecureBytes &siteKey);
    // The scopes that have a site slot in this keyring.
    QStringList siteSlotScopes() const;
    // Whether the scope's site slot opens with `siteKey` (false when there is none).
    bool siteSlotOpens(const QString &scope, const SecureBytes &siteKey) const;
    // Replaces the recovery slot and rotates the root; the new key goes to `recoveryKey`.
    Result<void> renewRecoveryKey(SecureBytes &recoveryKey);
    QList<KeySlotInfo> slots() const;
    // Whether the slot that opened this hierarchy reached `scope` (always true for the root and for
    // a passphrase or token root, which reach everything).
    bool holdsScope(const QString &scope) const;
    // Moves the KEKs still wrapped under another scope than their purpose's (keyrings from before a
    // purpose had its scope) into it; needs both keys, so only a session holding the scope does
    // it. Returns how many purposes moved.
    Result<int> settleScopes();
    // The account whose slot opened this hierarchy ("#recovery" for the recovery key; empty for a
    // passphrase or token root).
    QString openedBy() const;
    // Whether the keyring has a key for `scope` yet (keyrings made before scopes existed have none).
    bool hasScope(const QString &scope) const;
    // Creates the scope's key when the keyring has none, granted to the slot that opened this
    // hierarchy and to the recovery slot; the caller decides that this account may hold it. Does
    // nothing when the key exists.
    Result<void> ensureScope(const QString &scope);
    // The accounts root's generation (1 at creation, +1 at each rotation); 0 for other roots. The
    // workspace anchors it in its database so an older keyring put back is found.
    int rootGeneration() const;

private:
    KeyHierarchy();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::crypto
