#pragma once

#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>

namespace mdp::crypto {

// Strong random bytes for nonces, salts and identifiers (libgcrypt GCRY_STRONG_RANDOM).
QByteArray randomBytes(int size);
// Key material, drawn at GCRY_VERY_STRONG_RANDOM into a wiped buffer.
SecureBytes randomKey(int size = 32);

} // namespace mdp::crypto
