#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>

namespace mdp::crypto {

// Figures for `mdp bench crypto --json`, each next to a baseline measured in the same run (best of
// three runs each): sm4-gcm and aes-256-gcm through Aead vs raw libgcrypt on the same buffers
// (64 KiB chunks), sm3 through hash() vs gcry_md_hash_buffer, SM2 vs ECDSA P-256 signatures and
// verifications per second, PBKDF2-HMAC-SM3 vs PBKDF2-HMAC-SHA-256 at 600 000 iterations.
QList<mdp::BenchLine> runCryptoBenchmarks(int megabytes = 64);

} // namespace mdp::crypto
