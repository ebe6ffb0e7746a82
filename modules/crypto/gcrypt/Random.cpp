#include "mdp/crypto/Random.h"

#include "GcryptSupport.h"

namespace mdp::crypto {

QByteArray randomBytes(int size)
{
    detail::ensureGcrypt();
    QByteArray out(size, Qt::Uninitialized);
    gcry_randomize(out.data(), std::size_t(size), GCRY_STRONG_RANDOM);
    return out;
}

SecureBytes randomKey(int size)
{
    detail::ensureGcrypt();
    SecureBytes out{std::size_t(size)};
    gcry_randomize(out.data(), out.size(), GCRY_VERY_STRONG_RANDOM);
    return out;
}

} // namespace mdp::crypto
