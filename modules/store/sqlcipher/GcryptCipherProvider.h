#pragma once

#include "mdp/foundation/Result.h"

#include <QString>

namespace mdp::store {

// SQLCipher 3.4.1 crypto provider on libgcrypt, registered as the process-wide default.
//
// Page format it produces (SQLCipher 3.4.1 layout, unchanged: salt in clear in the first 16 bytes
// of page 1, per page a 48-byte reserve = 16-byte random IV + HMAC + random filler, HMAC over
// ciphertext || IV || page number as 4 bytes little-endian, HMAC key = PBKDF2(page key,
// salt XOR 0x3a, 2 iterations, key size)):
//   "sm4-cbc":     SM4-CBC (16-byte key), HMAC-SM3 (32 bytes, fills the reserve), PBKDF2-HMAC-SM3.
//   "aes-256-cbc": AES-256-CBC, HMAC-SHA1, PBKDF2-HMAC-SHA1: byte-compatible with stock
//                  SQLCipher 3.x, so such a file still opens with the `sqlcipher` tool.
// Other cipher names are refused (PRAGMA cipher fails).
class GcryptCipherProvider
{
public:
    // Idempotent and thread-safe; must run before the first sqlite3_key_v2 of the process so that
    // every keyed connection copies this provider. Refuses (Unsupported) a SQLCipher whose
    // version is not the one whose provider layout this code was checked against.
    static Result<void> install();

    // What PRAGMA cipher_provider / cipher_provider_version answer once installed.
    static QString name();
    static QString version();
};

} // namespace mdp::store
