#pragma once

#include <gcrypt.h>

#include <QString>

namespace mdp::crypto::detail {

// libgcrypt must be initialised before the first call; every entry point of this module calls this.
void ensureGcrypt();

inline QString gcryErrorText(gcry_error_t err)
{
    return QString::fromUtf8(gcry_strsource(err)) + QStringLiteral("/") +
           QString::fromUtf8(gcry_strerror(err));
}

} // namespace mdp::crypto::detail
