#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArrayView>

namespace mdp::pki {

// The RFC 7468 text form of an unencrypted PKCS#8 PrivateKeyInfo: "-----BEGIN PRIVATE KEY-----",
// base64 in lines of 64 characters, "-----END PRIVATE KEY-----". Both directions stay in wiped
// memory. Only a key handed to its holder (a generated workstation key, the throw-away demo PKI)
// is ever written in this form; the CA's own key is sealed (ca.key.sealed).
SecureBytes privateKeyPem(const SecureBytes &pkcs8Der);

// The DER inside such a PEM block (text before and after the block is ignored).
// Error::Code::InvalidArgument when there is no "PRIVATE KEY" block or its base64 is bad;
// an "ENCRYPTED PRIVATE KEY" is refused as Error::Code::Unsupported.
Result<SecureBytes> privateKeyDerFromPem(QByteArrayView pem);

} // namespace mdp::pki
