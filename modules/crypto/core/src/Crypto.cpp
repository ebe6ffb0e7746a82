#include "mdp/crypto/Crypto.h"

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Signature.h"

#include "../../gcrypt/GcryptSupport.h"
#include "../../gcrypt/RawGcrypt.h"
#include "CryptoLog.h"

#include <QElapsedTimer>

namespace mdp::crypto {

void initialise()
{
    detail::ensureGcrypt();
}

namespace {

Error kat(const char *what)
{
    return makeError(Error::Code::Crypto,
                     QStringLiteral("cryptographic self-test failed: %1").arg(QString::fromLatin1(what)));
}

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}

Result<void> sm3KnownAnswer()
{
    if (hash(HashAlgorithm::Sm3, "abc") !=
        hex("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"))
        return kat("SM3 of \"abc\" (GB/T 32905 example 1)");
    return {};
}

Result<void> sm4KnownAnswers()
{
    const QByteArray key = hex("0123456789abcdeffedcba9876543210");
    const QByteArray once = hex("681edf34d206965e86b3e94f536e4246");
    if (sm4EncryptBlock(key, key) != once || sm4DecryptBlock(key, once) != key)
        return kat("SM4 single block (GB/T 32907 example 1)");
    // 0.23 s measured on this machine class with one ECB handle, so it runs at every start.
    if (detail::sm4EncryptIterated(key, key, 1000000) != hex("595298c7c6fd271f0402f804c33d3f66"))
        return kat("SM4 1 000 000 iterations (GB/T 32907 example 2)");
    return {};
}

struct GcmVector
{
    AeadCipher cipher;
    const char *key, *nonce, *aad, *plaintext, *ciphertext, *tag, *name;
};

// GCM specification (McGrew & Viega) test cases 13-16 for AES-256, and RFC 8998 appendix A.1.
const GcmVector kGcmVectors[] = {
    {AeadCipher::Aes256Gcm, "0000000000000000000000000000000000000000000000000000000000000000",
     "000000000000000000000000", "", "", "", "530f8afbc74536b9a963b4f1c4cb738b", "AES-256-GCM test case 13"},
    {AeadCipher::Aes256Gcm, "0000000000000000000000000000000000000000000000000000000000000000",
     "000000000000000000000000", "", "00000000000000000000000000000000", "cea7403d4d606b6e074ec5d3baf39d18",
     "d0d1c8a799996bf0265b98b5d48ab919", "AES-256-GCM test case 14"},
    {AeadCipher::Aes256Gcm, "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
     "cafebabefacedbaddecaf888", "",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
     "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
     "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
     "b094dac5d93471bdec1a502270e3cc6c", "AES-256-GCM test case 15"},
    {AeadCipher::Aes256Gcm, "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
     "cafebabefacedbaddecaf888", "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
     "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
     "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
     "76fc6ece0f4e1768cddf8853bb2d551b", "AES-256-GCM test case 16"},
    {AeadCipher::Sm4Gcm, "0123456789abcdeffedcba9876543210", "00001234567800000000abcd",
     "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
     "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa",
     "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
     "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d",
     "83de3541e4c2b58177e065a9bf7b62ec", "SM4-GCM (RFC 8998 appendix A.1)"},
};

Result<void> gcmKnownAnswers()
{
    for (const GcmVector &v : kGcmVectors) {
        auto aead = Aead::create(v.cipher, SecureBytes(hex(v.key)));
        if (!aead)
            return kat(v.name);
        const QByteArray expected = hex(v.ciphertext) + hex(v.tag);
        auto sealed = aead->seal(hex(v.nonce), hex(v.aad), hex(v.plaintext));
        if (!sealed || sealed.value() != expected)
            return kat(v.name);
        auto opened = aead->open(hex(v.nonce), hex(v.aad), expected);
        if (!opened || opened.value() != hex(v.plaintext))
            return kat(v.name);
        QByteArray tampered = expected;
        tampered[tampered.size() - 1] = char(tampered.back() ^ 0x01);
        if (aead->open(hex(v.nonce), hex(v.aad), tampered))
            return kat(v.name);
    }
    return {};
}

// SM2 has no fixed-output vector usable here (signatures are randomised), so the test is a
// pairwise-consistency check: a fresh signature verifies and a one-bit change in the message does not.
Result<void> sm2Consistency()
{
    auto key = SigningKey::generate(SignatureAlgorithm::Sm2);
    if (!key)
        return kat("SM2 key generation");
    const QByteArray message = QByteArrayLiteral("mdp self-test message");
    auto signature = key->sign(message);
    if (!signature)
        return kat("SM2 signing");
    const PublicKey pub = key->publicKey();
    QByteArray tampered = message;
    tampered[0] = char(tampered[0] ^ 0x01);
    if (!pub.verify(message, signature.value()) || pub.verify(tampered, signature.value()))
        return kat("SM2 sign/verify with tamper rejection");
    return {};
}

} // namespace

Result<void> runSelfTests()
{
    initialise();
    QElapsedTimer timer;
    timer.start();
    for (auto test : {sm3KnownAnswer, sm4KnownAnswers, gcmKnownAnswers, sm2Consistency}) {
        auto r = test();
        if (!r) {
            qCCritical(lcCrypto, "%s", qUtf8Printable(r.error().message));
            return r;
        }
    }
    qCInfo(lcCrypto, "cryptographic self-tests passed in %lld ms", qint64(timer.elapsed()));
    return {};
}

} // namespace mdp::crypto
