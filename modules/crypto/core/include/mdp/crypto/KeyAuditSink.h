#pragma once

#include <QString>

namespace mdp::crypto {

// Key lifecycle events reported to the audit trail (R-7.4.3: logged key access).
enum class KeyAction
{
    CreateRoot,           // new keyring and root key
    UnlockRoot,           // keyring opened (success) or refused (wrong passphrase / PIN)
    ChangeRootCredential, // passphrase (or token PIN) changed; the root key itself is unchanged
    CreateKek,            // new key-encryption key version for a purpose
    RotateKek,            // purpose moved to a new KEK version
    DestroyKek,           // an old KEK version erased from the keyring
    CreateDataKey,
    UseDataKey,     // a data key unwrapped for use
    RewrapDataKey,  // a data key re-wrapped under a new KEK version (value unchanged)
    RetireDataKey,  // still readable, no longer for new data
    DestroyDataKey, // wrapped key erased: what it protected is unreadable
    AddSlot,        // an account key slot created (keyId "slot:<user name>")
    ChangeSlot,     // its password changed, reset by an administrator, or its grants changed
    RemoveSlot,     // an account key slot erased
    RotateRoot,     // new root key; every KEK rotated; remaining slots granted the new root
    CreateScopeKey, // a role-scoped key (e.g. the identity key) created and granted to its first slots
};

// Stable machine names, e.g. "key.use", "kek.rotate", "root.unlock".
QString keyActionName(KeyAction action);

// Receives every key operation, successful or not. Called synchronously on the thread that ran the
// operation, while the hierarchy is locked: implementations must not call back into the hierarchy.
// keyId is the data key name, "slot:<user name>" for account key slots, "kek/<purpose>/v<version>" for KEKs,
// or "root".
class KeyAuditSink
{
public:
    virtual ~KeyAuditSink();
    virtual void keyEvent(KeyAction action, const QString &keyId, const QString &purpose, bool success,
                          const QString &detail) = 0;
};

} // namespace mdp::crypto
