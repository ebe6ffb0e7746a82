#pragma once

// The crypto-provider interface of SQLCipher 3.4.1, which Debian 12's libsqlcipher exports
// (sqlcipher_register_provider, sqlcipher_get_provider, sqlcipher_malloc, sqlcipher_free,
// sqlcipher_activate) but whose struct it does not install as a header.
//
// Layout source: SQLCipher v3.4.1, src/sqlcipher.h (typedef sqlcipher_provider), read from the
// Debian source package sqlcipher 3.4.1-2 that built the installed library. Cross-checked against
// the binary: sqlcipher_openssl_setup in libsqlcipher.so.0 (3.4.1-2+b1) stores 20 pointers at
// offsets 0x00..0x98, add_random at 0x18 and get_provider_version at 0x98, as below. Later
// SQLCipher releases changed this struct (4.x dropped set_cipher, ctx_copy and ctx_cmp and added
// an algorithm argument to hmac and kdf), so GcryptCipherProvider registers it only after
// PRAGMA cipher_version has answered exactly kSqlCipherAbiVersion.
//
// Declared here from that layout, not copied; only the pointer order and the C signatures matter.

#include <cstddef>

namespace mdp::store::sqlcipherabi {

inline constexpr char kSqlCipherAbiVersion[] = "3.4.1";

extern "C" {

struct Provider
{
    int (*activate)(void *ctx);
    int (*deactivate)(void *ctx);
    // SQLCipher 3.4.1 passes its own cipher context here, not the provider context.
    const char *(*getProviderName)(void *ctx);
    int (*addRandom)(void *ctx, void *buffer, int length);
    int (*random)(void *ctx, void *buffer, int length);
    int (*hmac)(void *ctx, unsigned char *hmacKey, int keySize, unsigned char *in, int inSize,
                unsigned char *in2, int in2Size, unsigned char *out);
    int (*kdf)(void *ctx, const unsigned char *pass, int passSize, unsigned char *salt, int saltSize,
               int workFactor, int keySize, unsigned char *key);
    int (*cipher)(void *ctx, int mode, unsigned char *key, int keySize, unsigned char *iv, unsigned char *in,
                  int inSize, unsigned char *out);
    int (*setCipher)(void *ctx, const char *cipherName);
    const char *(*getCipher)(void *ctx);
    int (*getKeySize)(void *ctx);
    int (*getIvSize)(void *ctx);
    int (*getBlockSize)(void *ctx);
    int (*getHmacSize)(void *ctx);
    int (*ctxCopy)(void *targetCtx, void *sourceCtx);
    int (*ctxCmp)(void *c1, void *c2); // non-zero when equal
    int (*ctxInit)(void **ctx);
    int (*ctxFree)(void **ctx);
    int (*fipsStatus)(void *ctx);                 // gets SQLCipher's cipher context too
    const char *(*getProviderVersion)(void *ctx); // gets SQLCipher's cipher context too
};

// Replaces the process-wide default provider (freeing the previous one with sqlcipher_free);
// every cipher context created afterwards takes a copy of *provider.
int sqlcipher_register_provider(Provider *provider);
Provider *sqlcipher_get_provider(void);
// SQLite-heap allocation, zero-filled and mlock()ed; sqlcipher_free wipes `size` bytes first.
void *sqlcipher_malloc(int size);
void sqlcipher_free(void *ptr, int size);
// Counts one user of the codec globals; the last sqlcipher_deactivate frees the registered provider.
void sqlcipher_activate(void);

} // extern "C"

static_assert(sizeof(Provider) == 20 * sizeof(void *));
static_assert(offsetof(Provider, addRandom) == 3 * sizeof(void *));
static_assert(offsetof(Provider, setCipher) == 8 * sizeof(void *));
static_assert(offsetof(Provider, ctxCopy) == 14 * sizeof(void *));
static_assert(offsetof(Provider, getProviderVersion) == 19 * sizeof(void *));

// Constants of SQLCipher 3.4.1's crypto.h that the page format depends on.
inline constexpr int kCipherDecrypt = 0;
inline constexpr int kCipherEncrypt = 1;
inline constexpr int kFileHeaderSize = 16; // clear salt at the start of page 1
inline constexpr int kMaxIvSize = 16;      // reserve = 16 + HMAC size, rounded up to the block size
inline constexpr int kMaxKeySize = 64;     // size of SQLCipher's key and HMAC-key buffers
inline constexpr unsigned char kHmacSaltMask = 0x3a;

} // namespace mdp::store::sqlcipherabi
