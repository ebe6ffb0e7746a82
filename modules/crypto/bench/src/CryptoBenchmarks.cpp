#include "mdp/crypto/CryptoBenchmarks.h"

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/PassphraseRootKey.h"
#include "mdp/crypto/Random.h"
#include "mdp/crypto/Signature.h"

#include "../../gcrypt/RawGcrypt.h"

#include <QDir>
#include <QElapsedTimer>

#include <algorithm>
#include <functional>

namespace mdp::crypto {

namespace {

constexpr int kRuns = 3;
constexpr qsizetype kChunk = 64 * 1024;

// Best (shortest) of three timed runs, in seconds.
double bestSeconds(const std::function<void()> &work)
{
    double best = 0;
    for (int run = 0; run < kRuns; ++run) {
        QElapsedTimer timer;
        timer.start();
        work();
        const double s = double(timer.nsecsElapsed()) / 1e9;
        best = run == 0 ? s : std::min(best, s);
    }
    return std::max(best, 1e-9);
}

BenchLine line(const QString &caseName, const QString &unit, double value, const QString &baseline,
               double baselineValue)
{
    BenchLine b;
    b.bench = QStringLiteral("crypto");
    b.caseName = caseName;
    b.unit = unit;
    b.value = value;
    b.baseline = baseline;
    b.baselineValue = baselineValue;
    return b;
}

BenchLine gcmLine(AeadCipher cipher, QByteArray &buffer)
{
    const SecureBytes key = randomKey(32);
    const QByteArray nonce = randomBytes(kNonceLength);
    const double mb = double(buffer.size()) / (1024.0 * 1024.0);
    char tag[kTagLength];
    auto aead = Aead::create(cipher, key);
    const double ours = bestSeconds([&] {
        for (qsizetype off = 0; off < buffer.size(); off += kChunk)
            (void)aead->sealInPlace(nonce, {}, buffer.data() + off, std::min(kChunk, buffer.size() - off),
                                    tag);
    });
    detail::RawGcm raw(cipher == AeadCipher::Sm4Gcm, key.view());
    const double base = bestSeconds([&] {
        for (qsizetype off = 0; off < buffer.size(); off += kChunk)
            raw.seal(nonce, buffer.data() + off, std::min(kChunk, buffer.size() - off), tag);
    });
    BenchLine b = line(cipherName(cipher), QStringLiteral("MB/s"), mb / ours,
                       QStringLiteral("libgcrypt %1 raw").arg(cipherName(cipher)), mb / base);
    b.extra.insert(QStringLiteral("megabytes"), mb);
    b.extra.insert(QStringLiteral("chunkBytes"), double(kChunk));
    return b;
}

BenchLine sm3Line(const QByteArray &buffer)
{
    const double mb = double(buffer.size()) / (1024.0 * 1024.0);
    QByteArray digest;
    const double ours = bestSeconds([&] { digest = hash(HashAlgorithm::Sm3, buffer); });
    char raw[32];
    const double base = bestSeconds([&] { detail::rawHash(true, buffer, raw); });
    BenchLine b = line(QStringLiteral("sm3"), QStringLiteral("MB/s"), mb / ours,
                       QStringLiteral("libgcrypt gcry_md_hash_buffer sm3"), mb / base);
    b.extra.insert(QStringLiteral("megabytes"), mb);
    return b;
}

// Operations per second for sign (or verify) with a fresh key of each algorithm.
QList<BenchLine> signatureLines()
{
    constexpr int kCount = 300;
    const QByteArray message = randomBytes(256);
    double sign[2] = {}, verify[2] = {};
    for (int i = 0; i < 2; ++i) {
        auto key = SigningKey::generate(i == 0 ? SignatureAlgorithm::Sm2 : SignatureAlgorithm::EcdsaP256);
        if (!key)
            return {};
        const PublicKey pub = key->publicKey();
        const QByteArray signature = key->sign(message).value();
        sign[i] = kCount / bestSeconds([&] {
                      for (int n = 0; n < kCount; ++n)
                          (void)key->sign(message);
                  });
        verify[i] = kCount / bestSeconds([&] {
                        for (int n = 0; n < kCount; ++n)
                            (void)pub.verify(message, signature);
                    });
    }
    return {line(QStringLiteral("sm2-sign"), QStringLiteral("ops/s"), sign[0],
                 QStringLiteral("ecdsa-p256-sha256 sign"), sign[1]),
            line(QStringLiteral("sm2-verify"), QStringLiteral("ops/s"), verify[0],
                 QStringLiteral("ecdsa-p256-sha256 verify"), verify[1])};
}

BenchLine pbkdf2Line()
{
    const int iterations = PassphraseRootKey::kMinimumIterations;
    const QByteArray salt = randomBytes(16);
    const QByteArray passphrase = QByteArrayLiteral("benchmark passphrase");
    const double sm3 =
        1.0 / bestSeconds([&] { (void)pbkdf2(HashAlgorithm::Sm3, passphrase, salt, iterations, 32); });
    char out[32];
    const double sha256 =
        1.0 / bestSeconds([&] { detail::rawPbkdf2(false, passphrase, salt, iterations, out, 32); });
    BenchLine b = line(QStringLiteral("pbkdf2-sm3"), QStringLiteral("derivations/s"), sm3,
                       QStringLiteral("pbkdf2-sha256 same iterations"), sha256);
    b.extra.insert(QStringLiteral("iterations"), iterations);
    b.extra.insert(QStringLiteral("note"), QStringLiteral("report only: slower is not worse for a KDF"));
    return b;
}

} // namespace

QList<BenchLine> runCryptoBenchmarks(int megabytes)
{
    QByteArray buffer = randomBytes(std::max(1, megabytes) * 1024 * 1024);
    QList<BenchLine> lines;
    lines.append(gcmLine(AeadCipher::Sm4Gcm, buffer));
    lines.append(gcmLine(AeadCipher::Aes256Gcm, buffer));
    lines.append(sm3Line(buffer));
    lines.append(signatureLines());
    lines.append(pbkdf2Line());
    return lines;
}

QList<BenchLine> runKeyBenchmarks(const QString &directory)
{
    QList<BenchLine> lines;
    const KeyHierarchyOptions options; // the product's parameters
    const QString path = QDir(directory).filePath(QStringLiteral("bench-keyring.json"));
    const SecureBytes password(QByteArrayView("Bench-account-password-26"));
    SecureBytes recovery;
    auto created = KeyHierarchy::createWithSlots(
        path, {QStringLiteral("bench-account"), QStringLiteral("bench"), password}, recovery,
        SystemClock::instance(), nullptr, options);
    if (!created)
        return lines;
    (void)created.value()->ensureDataKey(QStringLiteral("database"), QStringLiteral("database"));
    created.value().reset();
    const QByteArray salt = randomBytes(16);
    const double kdf = bestSeconds([&] { (void)argon2id(password.view(), salt, options.slotKdf, 16); });
    bool opened = true;
    const double signIn = bestSeconds([&] {
        SlotUnlock unlock;
        opened = opened && KeyHierarchy::openWithSlot(path, QStringLiteral("bench"), password, unlock,
                                                      SystemClock::instance())
                               .ok();
    });
    const QString kdfName = QStringLiteral("argon2id t=%1 m=%2KiB p=%3 alone")
                                .arg(options.slotKdf.iterations)
                                .arg(options.slotKdf.memoryKiB)
                                .arg(options.slotKdf.parallelism);
    BenchLine b =
        line(QStringLiteral("slot-sign-in"), QStringLiteral("ms"), signIn * 1000, kdfName, kdf * 1000);
    b.bench = QStringLiteral("keys");
    b.higherIsBetter = false;
    b.extra.insert(QStringLiteral("goal"), QStringLiteral("ratio <= 1.2 and value < 1000 ms"));
    b.extra.insert(QStringLiteral("opened"), opened);
    lines << b;

    // A wrong password and an unknown name: one answer, the same work.
    const SecureBytes wrong(QByteArrayView("not-the-password-at-all"));
    const double wrongPassword = bestSeconds([&] {
        SlotUnlock unlock;
        (void)KeyHierarchy::openWithSlot(path, QStringLiteral("bench"), wrong, unlock,
                                         SystemClock::instance(), nullptr, /*readOnly=*/true);
    });
    const double unknownName = bestSeconds([&] {
        SlotUnlock unlock;
        (void)KeyHierarchy::openWithSlot(path, QStringLiteral("nobody"), wrong, unlock,
                                         SystemClock::instance(), nullptr, true);
    });
    BenchLine u = line(QStringLiteral("unknown-name"), QStringLiteral("ms"), unknownName * 1000,
                       QStringLiteral("wrong password of an existing account"), wrongPassword * 1000);
    u.bench = QStringLiteral("keys");
    u.higherIsBetter = false;
    u.extra.insert(QStringLiteral("goal"), QStringLiteral("ratio close to 1"));
    lines << u;
    return lines;
}

} // namespace mdp::crypto
