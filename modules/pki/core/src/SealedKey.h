#pragma once

#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>

namespace mdp::pki::detail {

// ca.key.sealed: the CA's PKCS#8 private key under a key derived from a passphrase, as a
// self-describing JSON document (format, Argon2id parameters, salt, cipher, nonce, ciphertext and
// the public key it must match). Every parameter is bound to the ciphertext as associated data.
Result<QByteArray> sealPrivateKey(const crypto::SigningKey &key, const SecureBytes &passphrase);
// Error::Code::WrongPassphrase when it does not open, Corrupt when the document is malformed or
// its parameters are out of bounds.
Result<crypto::SigningKey> unsealPrivateKey(QByteArrayView sealed, const SecureBytes &passphrase);

} // namespace mdp::pki::detail
