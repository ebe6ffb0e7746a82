#pragma once

#include "mdp/crypto/Hash.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace mdp::crypto {

// Central accounts without the server learning a password or a data key (issue 11 part 4), the way
// password managers with untrusted servers do it: the workstation stretches the password with
// Argon2id over a per-account salt, then splits the result with HKDF-SM3 into
//   - the authentication key, sent at sign-in (the server stores only a slow hash of it), and
//   - the key-wrapping key, never sent, which wraps the account's key bundle (SM4-GCM, bound to the
//     account name) before the bundle is stored on the server.
// Knowing the authentication key (or the server's copy of its hash) does not give the wrapping key.
struct AccountKdf
{
    QByteArray salt; // 16 random bytes per account, renewed with every password change
    Argon2Parameters argon2{3, 65536, 1};

    QString parametersJson() const; // {"kdf":"argon2id","t":3,"m":65536,"p":1}
    // Refuses other algorithms and parameters outside what a workstation accepts: at least t=2,
    // m=19456 KiB (the OWASP floor), at most t=10, m=1 GiB, p=4, so a hostile server can neither
    // weaken the derivation nor make it run for minutes.
    static Result<AccountKdf> fromJson(const QString &parametersJson, const QByteArray &salt);
    static AccountKdf fresh();
};

struct AccountKeys
{
    SecureBytes authenticationKey; // 32 bytes
    SecureBytes wrappingKey;       // 16 bytes (SM4)
};

Result<AccountKeys> deriveAccountKeys(const SecureBytes &password, const AccountKdf &kdf);
// nonce || SM4-GCM(bundle) || tag, with "mdp-account-bundle-v1\n<lower-case user name>" as associated data.
Result<QByteArray> wrapAccountBundle(const AccountKeys &keys, const QString &userName,
                                     const SecureBytes &bundle);
// Error::Code::WrongPassphrase when the keys do not open it (wrong password) or it was altered.
Result<SecureBytes> unwrapAccountBundle(const AccountKeys &keys, const QString &userName,
                                        QByteArrayView wrapped);

} // namespace mdp::crypto
