#include "mdp/crypto/Crypto.h"

#include "../../gcrypt/GcryptSupport.h"

namespace mdp::crypto {

void initialise()
{
    detail::ensureGcrypt();
}

} // namespace mdp::crypto
