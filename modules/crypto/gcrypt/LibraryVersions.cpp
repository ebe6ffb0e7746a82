#include "mdp/crypto/LibraryVersions.h"

#include "GcryptSupport.h"

#include <openssl/crypto.h>

namespace mdp::crypto {

QString libgcryptVersion()
{
    detail::ensureGcrypt();
    return QString::fromLatin1(gcry_check_version(nullptr));
}

QString opensslVersion()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace mdp::crypto
