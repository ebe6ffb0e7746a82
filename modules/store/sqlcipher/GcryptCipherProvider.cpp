#include "GcryptCipherProvider.h"

#include "SqlCipherProviderAbi.h"

#include "mdp/crypto/Crypto.h"

#include "StoreLogging.h"

#define SQLITE_HAS_CODEC 1
#include <sqlcipher/sqlite3.h>

#include <gcrypt.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <strings.h>

namespace mdp::store {
namespace {

namespace abi = sqlcipherabi;

constexpr char kProviderName[] = "mdp-libgcrypt";
constexpr int kProviderRevision = 1; // bump when the page format of any cipher changes
constexpr int kIvSize = 16;
constexpr int kBlockSize = 16;

struct CipherSpec
{
    const char *name;
    int cipherAlgo;
    int keySize;
    int macAlgo;
    int macSize;
    int kdfHash;
};

// SM4 pages are authenticated and their HMAC key derived with SM3 (national algorithms end to
// end). AES keeps SHA-1 so that an AES file stays byte-compatible with stock SQLCipher 3.x.
// Both HMACs fit the 48-byte reserve SQLCipher 3.4.1 sizes at attach time (16 + 20 rounded up
// to the block size): 16-byte IV + 32-byte HMAC-SM3 fills it exactly.
constexpr CipherSpec kSpecs[] = {
    {"sm4-cbc", GCRY_CIPHER_SM4, 16, GCRY_MAC_HMAC_SM3, 32, GCRY_MD_SM3},
    {"aes-256-cbc", GCRY_CIPHER_AES256, 32, GCRY_MAC_HMAC_SHA1, 20, GCRY_MD_SHA1},
};
static_assert(kIvSize + 32 <= 48);

// One per SQLCipher cipher context (a read and a write one per keyed database). Allocated with
// sqlcipher_malloc (zeroed, mlock()ed) and released with sqlcipher_free (wiped), because it
// keeps a copy of the last page key and HMAC key it scheduled: a page then costs one IV set and
// one pass instead of a key schedule and a handle per page.
struct Context
{
    const CipherSpec *spec;
    // Set after any failure; every later page operation of this context fails (SQLCipher 3.4.1
    // ignores the return value of cipher, hmac and kdf, so a failure must leave neither plaintext,
    // nor a page that verifies, nor a predictable key).
    bool poisoned;
    gcry_cipher_hd_t cipher;
    const CipherSpec *cipherSpec;
    bool cipherSecure; // counts against kSecureHandleBudget
    bool cipherKeyed;
    unsigned char cipherKey[abi::kMaxKeySize];
    gcry_mac_hd_t mac;
    const CipherSpec *macSpec;
    bool macSecure;
    int macKeySize; // 0: not keyed yet
    unsigned char macKey[abi::kMaxKeySize];
};

char g_versionText[128] = {0};

Context *asContext(void *ctx)
{
    return static_cast<Context *>(ctx);
}

const CipherSpec *findSpec(const char *name)
{
    if (!name)
        return nullptr;
    for (const CipherSpec &spec : kSpecs) {
        if (strcasecmp(spec.name, name) == 0)
            return &spec;
    }
    return nullptr;
}

void reportFailure(const char *what)
{
    // Once per process: a failing primitive would otherwise log on every page.
    static std::atomic_bool reported{false};
    if (!reported.exchange(true))
        qCCritical(lcStore) << "libgcrypt SQLCipher provider:" << what
                            << "failed; the connection refuses further page operations";
}

// libgcrypt's secure-memory pool (1 MiB, set up by mdp::crypto) is shared with the rest of the
// process, whose AEAD and HMAC handles need it too. A connection costs about 6 KiB of it here
// (four handles), so this provider takes at most kSecureHandleBudget handles (about 32
// connections); beyond that the key schedules live in ordinary memory (libgcrypt still wipes
// them on close) instead of starving the other users of the pool.
constexpr int kSecureHandleBudget = 128;
std::atomic_int g_secureHandles{0};

bool takeSecureSlot()
{
    if (g_secureHandles.fetch_add(1) < kSecureHandleBudget)
        return true;
    g_secureHandles.fetch_sub(1);
    static std::atomic_bool noted{false};
    if (!noted.exchange(true))
        qCInfo(lcStore) << "SQLCipher provider: secure-memory budget in use; further page-key schedules "
                           "live in ordinary memory";
    return false;
}

void releaseSecureSlot(bool &secure)
{
    if (secure)
        g_secureHandles.fetch_sub(1);
    secure = false;
}

void closeCipher(Context *c)
{
    if (c->cipher)
        gcry_cipher_close(c->cipher); // wipes the key schedule
    releaseSecureSlot(c->cipherSecure);
    c->cipher = nullptr;
    c->cipherSpec = nullptr;
    c->cipherKeyed = false;
    std::memset(c->cipherKey, 0, sizeof c->cipherKey);
}

void closeMac(Context *c)
{
    if (c->mac)
        gcry_mac_close(c->mac);
    releaseSecureSlot(c->macSecure);
    c->mac = nullptr;
    c->macSpec = nullptr;
    c->macKeySize = 0;
    std::memset(c->macKey, 0, sizeof c->macKey);
}

// Handles for the selected cipher, opened once per context and reused for every page.
bool openHandles(Context *c)
{
    if (!c->spec)
        return false;
    if (c->cipher && c->cipherSpec != c->spec)
        closeCipher(c);
    if (c->mac && c->macSpec != c->spec)
        closeMac(c);
    if (!c->cipher) {
        gcry_error_t err = GPG_ERR_GENERAL;
        if (takeSecureSlot()) {
            c->cipherSecure = true;
            err = gcry_cipher_open(&c->cipher, c->spec->cipherAlgo, GCRY_CIPHER_MODE_CBC, GCRY_CIPHER_SECURE);
            if (err)
                releaseSecureSlot(c->cipherSecure);
        }
        if (err)
            err = gcry_cipher_open(&c->cipher, c->spec->cipherAlgo, GCRY_CIPHER_MODE_CBC, 0);
        if (err) {
            c->cipher = nullptr;
            return false;
        }
        c->cipherSpec = c->spec;
        c->cipherKeyed = false;
    }
    if (!c->mac) {
        gcry_error_t err = GPG_ERR_GENERAL;
        if (takeSecureSlot()) {
            c->macSecure = true;
            err = gcry_mac_open(&c->mac, c->spec->macAlgo, GCRY_MAC_FLAG_SECURE, nullptr);
            if (err)
                releaseSecureSlot(c->macSecure);
        }
        if (err)
            err = gcry_mac_open(&c->mac, c->spec->macAlgo, 0, nullptr);
        if (err) {
            c->mac = nullptr;
            return false;
        }
        c->macSpec = c->spec;
        c->macKeySize = 0;
    }
    return true;
}

bool usable(Context *c)
{
    return c && !c->poisoned && openHandles(c);
}

// ---- provider callbacks (signatures of SQLCipher 3.4.1's sqlcipher_provider) -----------------

int onActivate(void *)
{
    return SQLITE_OK; // libgcrypt is initialised once in install()
}

int onDeactivate(void *)
{
    return SQLITE_OK;
}

const char *onProviderName(void *)
{
    return kProviderName;
}

const char *onProviderVersion(void *)
{
    return g_versionText;
}

int onFipsStatus(void *)
{
    return gcry_fips_mode_active() ? 1 : 0;
}

int onAddRandom(void *, void *buffer, int length)
{
    if (!buffer || length <= 0)
        return SQLITE_ERROR;
    return gcry_random_add_bytes(buffer, std::size_t(length), -1) ? SQLITE_ERROR : SQLITE_OK;
}

// Called for the 16-byte file salt of a new database and, before every page encryption, for the
// page's reserve (IV, then filler the HMAC partly overwrites). All of it is public and must be
// unpredictable, which is what libgcrypt's nonce generator is documented for (IVs included);
// it costs about 0.3 us against about 9 us for GCRY_STRONG_RANDOM on this machine, per page.
// It does not refuse a broken context, although this is the one result SQLCipher 3.4.1 checks
// on the write path: on that error SQLCipher skips the encryption and still writes its page
// buffer, which may hold the plaintext of the page it decrypted last. A broken context instead
// fails in onCipher, which zeroes the page, and in onHmac, which writes a tag that never verifies.
int onRandom(void *, void *buffer, int length)
{
    if (!buffer || length < 0)
        return SQLITE_ERROR;
    gcry_create_nonce(buffer, std::size_t(length));
    return SQLITE_OK;
}

int onHmac(void *ctx, unsigned char *key, int keySize, unsigned char *in, int inSize, unsigned char *in2,
           int in2Size, unsigned char *out)
{
    Context *c = asContext(ctx);
    const bool ready = usable(c) && keySize > 0 && keySize <= abi::kMaxKeySize && inSize >= 0 && in2Size >= 0;
    gcry_error_t err = ready ? 0 : GPG_ERR_GENERAL;
    if (!err && (c->macKeySize != keySize || std::memcmp(c->macKey, key, std::size_t(keySize)) != 0)) {
        err = gcry_mac_setkey(c->mac, key, std::size_t(keySize));
        if (!err) {
            std::memcpy(c->macKey, key, std::size_t(keySize));
            c->macKeySize = keySize;
        }
    }
    if (!err)
        err = gcry_mac_reset(c->mac); // keeps the key
    if (!err)
        err = gcry_mac_write(c->mac, in, std::size_t(inSize));
    if (!err)
        err = gcry_mac_write(c->mac, in2, std::size_t(in2Size));
    std::size_t length = ready ? std::size_t(c->spec->macSize) : 0;
    if (!err)
        err = gcry_mac_read(c->mac, out, &length);
    if (err) {
        // The caller ignores the result: an unpredictable tag makes the page fail verification
        // instead of carrying a tag that verifies.
        if (c && c->spec)
            gcry_create_nonce(out, std::size_t(c->spec->macSize));
        if (c)
            c->poisoned = true;
        reportFailure("page HMAC");
        return SQLITE_ERROR;
    }
    return SQLITE_OK;
}

// PBKDF2 with the cipher's hash. With raw keys SQLCipher 3.4.1 uses it only to derive the HMAC
// key (page key, salt XOR 0x3a, fast_kdf_iter = 2 iterations); with a passphrase also for the
// page key (kdf_iter iterations).
int onKdf(void *ctx, const unsigned char *pass, int passSize, unsigned char *salt, int saltSize,
          int workFactor, int keySize, unsigned char *key)
{
    Context *c = asContext(ctx);
    if (!key || keySize <= 0)
        return SQLITE_ERROR;
    gcry_error_t err = GPG_ERR_GENERAL;
    if (c && c->spec && !c->poisoned && pass && passSize > 0 && salt && saltSize > 0 && workFactor > 0)
        err = gcry_kdf_derive(pass, std::size_t(passSize), GCRY_KDF_PBKDF2, c->spec->kdfHash, salt,
                              std::size_t(saltSize), static_cast<unsigned long>(workFactor),
                              std::size_t(keySize), key);
    if (err) {
        // Never leave a zero or stale key behind: the result is ignored by the caller.
        gcry_randomize(key, std::size_t(keySize), GCRY_STRONG_RANDOM);
        if (c)
            c->poisoned = true;
        reportFailure("key derivation");
        return SQLITE_ERROR;
    }
    return SQLITE_OK;
}

int onCipher(void *ctx, int mode, unsigned char *key, int keySize, unsigned char *iv, unsigned char *in,
             int inSize, unsigned char *out)
{
    Context *c = asContext(ctx);
    gcry_error_t err = GPG_ERR_GENERAL;
    if (usable(c) && key && iv && in && out && keySize == c->spec->keySize && inSize >= 0 &&
        inSize % kBlockSize == 0) {
        err = 0;
        if (!c->cipherKeyed || std::memcmp(c->cipherKey, key, std::size_t(keySize)) != 0) {
            err = gcry_cipher_setkey(c->cipher, key, std::size_t(keySize));
            if (!err) {
                std::memcpy(c->cipherKey, key, std::size_t(keySize));
                c->cipherKeyed = true;
            }
        }
        if (!err)
            err = gcry_cipher_setiv(c->cipher, iv, kIvSize);
        if (!err) {
            err = mode == abi::kCipherEncrypt
                      ? gcry_cipher_encrypt(c->cipher, out, std::size_t(inSize), in, std::size_t(inSize))
                      : gcry_cipher_decrypt(c->cipher, out, std::size_t(inSize), in, std::size_t(inSize));
        }
    }
    if (err) {
        // A zero page reads back as corrupt; the poisoned context also spoils the HMAC that
        // SQLCipher computes next on the write path.
        if (out && inSize > 0)
            std::memset(out, 0, std::size_t(inSize));
        if (c)
            c->poisoned = true;
        reportFailure(mode == abi::kCipherEncrypt ? "page encryption" : "page decryption");
        return SQLITE_ERROR;
    }
    return SQLITE_OK;
}

int onSetCipher(void *ctx, const char *cipherName)
{
    Context *c = asContext(ctx);
    const CipherSpec *spec = findSpec(cipherName);
    if (!c || !spec)
        return SQLITE_ERROR;
    c->spec = spec;
    // Opened here because this is where SQLCipher checks the result.
    return openHandles(c) ? SQLITE_OK : SQLITE_NOMEM;
}

const char *onGetCipher(void *ctx)
{
    Context *c = asContext(ctx);
    return c && c->spec ? c->spec->name : "";
}

int onGetKeySize(void *ctx)
{
    Context *c = asContext(ctx);
    return c && c->spec ? c->spec->keySize : 0; // 0 makes SQLCipher refuse every page
}

int onGetIvSize(void *)
{
    return kIvSize;
}

int onGetBlockSize(void *)
{
    return kBlockSize;
}

int onGetHmacSize(void *ctx)
{
    Context *c = asContext(ctx);
    return c && c->spec ? c->spec->macSize : 0;
}

// Copies the choice of cipher (and a failure), never the handles or cached keys: each context
// keeps its own, re-keyed on first use.
int onCtxCopy(void *target, void *source)
{
    Context *t = asContext(target);
    Context *s = asContext(source);
    if (!t || !s)
        return SQLITE_ERROR;
    t->spec = s->spec;
    t->poisoned = t->poisoned || s->poisoned;
    if (t->spec && !openHandles(t))
        return SQLITE_NOMEM; // ignored by 3.4.1; onCipher retries and fails safely
    return SQLITE_OK;
}

int onCtxCmp(void *c1, void *c2)
{
    Context *a = asContext(c1);
    Context *b = asContext(c2);
    return a && b && a->spec == b->spec ? 1 : 0;
}

int onCtxInit(void **ctx)
{
    void *memory = abi::sqlcipher_malloc(int(sizeof(Context)));
    if (!memory)
        return SQLITE_NOMEM;
    *ctx = memory; // zero-filled: no cipher chosen, no handles
    return SQLITE_OK;
}

int onCtxFree(void **ctx)
{
    if (!ctx || !*ctx)
        return SQLITE_OK;
    Context *c = asContext(*ctx);
    closeCipher(c);
    closeMac(c);
    abi::sqlcipher_free(c, int(sizeof(Context)));
    *ctx = nullptr;
    return SQLITE_OK;
}

Result<QString> linkedCipherVersion()
{
    sqlite3 *probe = nullptr;
    auto closeProbe = [&probe] {
        if (probe)
            sqlite3_close_v2(probe);
    };
    if (sqlite3_open_v2(":memory:", &probe, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        closeProbe();
        return makeError(Error::Code::Io, QStringLiteral("cannot open an in-memory SQLite database"));
    }
    sqlite3_stmt *stmt = nullptr;
    QString version;
    if (sqlite3_prepare_v2(probe, "PRAGMA cipher_version", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        version = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    closeProbe();
    return version;
}

Result<void> registerProvider()
{
    crypto::initialise();
    if (sqlite3_initialize() != SQLITE_OK)
        return makeError(Error::Code::Unknown, QStringLiteral("SQLite failed to initialise"));

    auto version = linkedCipherVersion();
    if (!version)
        return version.error();
    if (*version != QLatin1String(abi::kSqlCipherAbiVersion))
        return makeError(
            Error::Code::Unsupported,
            QStringLiteral("the linked SQLCipher (version '%1') is not %2, whose crypto-provider "
                           "layout this build was checked against; refusing to open an "
                           "encrypted database")
                .arg(*version, QLatin1String(abi::kSqlCipherAbiVersion)));
    for (const CipherSpec &spec : kSpecs) {
        if (gcry_cipher_test_algo(spec.cipherAlgo) || gcry_mac_test_algo(spec.macAlgo) ||
            gcry_md_test_algo(spec.kdfHash))
            return makeError(Error::Code::Unsupported,
                             QStringLiteral("libgcrypt lacks an algorithm of page cipher %1")
                                 .arg(QLatin1String(spec.name)));
    }

    std::snprintf(g_versionText, sizeof g_versionText, "%s %d (libgcrypt %s)", kProviderName,
                  kProviderRevision, gcry_check_version(nullptr));

    // SQLCipher 3.4.1 frees the registered provider and falls back to its OpenSSL default when
    // its last codec user goes away (sqlcipher_deactivate). One activation held for the life of
    // the process keeps this registration for every later connection, including after all
    // databases were closed.
    abi::sqlcipher_activate();

    // Registered provider memory is released by SQLCipher with sqlcipher_free, so it must come
    // from sqlcipher_malloc; it is never written again once registered.
    auto *provider = static_cast<abi::Provider *>(abi::sqlcipher_malloc(int(sizeof(abi::Provider))));
    if (!provider)
        return makeError(Error::Code::Unknown, QStringLiteral("out of memory registering the provider"));
    provider->activate = onActivate;
    provider->deactivate = onDeactivate;
    provider->getProviderName = onProviderName;
    provider->addRandom = onAddRandom;
    provider->random = onRandom;
    provider->hmac = onHmac;
    provider->kdf = onKdf;
    provider->cipher = onCipher;
    provider->setCipher = onSetCipher;
    provider->getCipher = onGetCipher;
    provider->getKeySize = onGetKeySize;
    provider->getIvSize = onGetIvSize;
    provider->getBlockSize = onGetBlockSize;
    provider->getHmacSize = onGetHmacSize;
    provider->ctxCopy = onCtxCopy;
    provider->ctxCmp = onCtxCmp;
    provider->ctxInit = onCtxInit;
    provider->ctxFree = onCtxFree;
    provider->fipsStatus = onFipsStatus;
    provider->getProviderVersion = onProviderVersion;
    abi::sqlcipher_register_provider(provider);
    if (abi::sqlcipher_get_provider() != provider)
        return makeError(Error::Code::Unknown,
                         QStringLiteral("SQLCipher did not take the libgcrypt crypto provider"));
    qCInfo(lcStore) << "SQLCipher" << *version << "uses the libgcrypt page provider:" << g_versionText;
    return {};
}

} // namespace

Result<void> GcryptCipherProvider::install()
{
    static std::once_flag once;
    static Result<void> outcome;
    std::call_once(once, [] { outcome = registerProvider(); });
    return outcome;
}

QString GcryptCipherProvider::name()
{
    return QString::fromLatin1(kProviderName);
}

QString GcryptCipherProvider::version()
{
    return QString::fromLatin1(g_versionText);
}

} // namespace mdp::store
