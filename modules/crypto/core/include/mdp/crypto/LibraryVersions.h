#pragma once

#include <QString>

namespace mdp::crypto {

// Versions of the cryptographic libraries actually loaded (for About and support reports).
QString libgcryptVersion();
QString opensslVersion();

} // namespace mdp::crypto
