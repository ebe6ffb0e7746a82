#pragma once

#include "mdp/foundation/BenchLine.h"

#include <QList>

namespace mdp::crypto {

// Figures for `mdp bench crypto --json`, each next to a baseline measured in the same run (best of
// three runs each): sm4-gcm and aes-256-gcm through Aead vs raw libgcrypt on the same buffers
// (64 KiB chunks), sm3 through hash() vs gcry_md_hash_buffer, SM2 vs ECDSA P-256 signatures and
// verifications per second, PBKDF2-HMAC-SM3 vs PBKDF2-HMAC-SHA-256 at 600 000 iterations.
QList<mdp::BenchLine> runCryptoBenchmarks(int megabytes = 64);

// Figures for `mdp bench keys --json` (account key slots, issue 9), in `directory`: opening a slot
// keyring with an account's password (Argon2id at the default parameters, SM2 grant, root check)
// against the same Argon2id call alone (goal: within 1.2x and under 1 s), and an unknown user name
// against a wrong password (the same work, so the time does not tell which names exist).
QList<mdp::BenchLine> runKeyBenchmarks(const QString &directory);

} // namespace mdp::crypto
