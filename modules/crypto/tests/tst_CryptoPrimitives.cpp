#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Crypto.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include <QElapsedTimer>
#include <QTest>

using namespace mdp;
using namespace mdp::crypto;

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(QByteArray(text));
}
} // namespace

class tst_CryptoPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { initialise(); }

    // SM3 is one of the national algorithms data at rest relies on.
    void sm3OfAbcMatchesGbT32905()
    {
        QCOMPARE(hash(HashAlgorithm::Sm3, "abc").toHex(),
                 QByteArray("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"));
    }

    //
    void sm4SingleBlockMatchesGbT32907()
    {
        const QByteArray key = hex("0123456789abcdeffedcba9876543210");
        QCOMPARE(sm4EncryptBlock(key, key).toHex(), QByteArray("681edf34d206965e86b3e94f536e4246"));
        QCOMPARE(sm4DecryptBlock(key, hex("681edf34d206965e86b3e94f536e4246")), key);
    }

    // GB/T 32907 example 2, one million chained encryptions through the public block API.
    void sm4MillionIterationsMatchGbT32907()
    {
        const QByteArray key = hex("0123456789abcdeffedcba9876543210");
        QByteArray block = key;
        for (int i = 0; i < 1000000; ++i)
            block = sm4EncryptBlock(key, block);
        QCOMPARE(block.toHex(), QByteArray("595298c7c6fd271f0402f804c33d3f66"));
    }

    void aes256GcmMatchesGcmSpecification_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("nonce");
        QTest::addColumn<QByteArray>("aad");
        QTest::addColumn<QByteArray>("plaintext");
        QTest::addColumn<QByteArray>("sealed");
        const QByteArray zeroKey(32, '\0'), zeroNonce(12, '\0');
        const QByteArray k15 = hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        const QByteArray n15 = hex("cafebabefacedbaddecaf888");
        const QByteArray p15 = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                                   "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
        const QByteArray c15 = hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                                   "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad");
        QTest::newRow("case 13") << zeroKey << zeroNonce << QByteArray() << QByteArray()
                                 << hex("530f8afbc74536b9a963b4f1c4cb738b");
        QTest::newRow("case 14") << zeroKey << zeroNonce << QByteArray() << QByteArray(16, '\0')
                                 << hex("cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919");
        QTest::newRow("case 15") << k15 << n15 << QByteArray() << p15
                                 << c15 + hex("b094dac5d93471bdec1a502270e3cc6c");
        QTest::newRow("case 16 with AAD")
            << k15 << n15 << hex("feedfacedeadbeeffeedfacedeadbeefabaddad2") << p15.first(60)
            << c15.first(60) + hex("76fc6ece0f4e1768cddf8853bb2d551b");
    }

    // R-6.6.6a: encrypted storage rests on these primitives.
    void aes256GcmMatchesGcmSpecification()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, nonce);
        QFETCH(QByteArray, aad);
        QFETCH(QByteArray, plaintext);
        QFETCH(QByteArray, sealed);
        auto aead = Aead::create(AeadCipher::Aes256Gcm, SecureBytes(key));
        QVERIFY(aead.ok());
        auto out = aead->seal(nonce, aad, plaintext);
        QVERIFY(out.ok());
        QCOMPARE(out->toHex(), sealed.toHex());
        auto back = aead->open(nonce, aad, sealed);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), plaintext);
    }

    // SM4-GCM is the default at-rest cipher.
    void sm4GcmMatchesRfc8998()
    {
        auto aead = Aead::create(AeadCipher::Sm4Gcm, SecureBytes(hex("0123456789abcdeffedcba9876543210")));
        QVERIFY(aead.ok());
        const QByteArray nonce = hex("00001234567800000000abcd");
        const QByteArray aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        const QByteArray plaintext = hex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
                                         "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
        const QByteArray expected = hex("17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
                                        "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
                                        "83de3541e4c2b58177e065a9bf7b62ec");
        auto sealed = aead->seal(nonce, aad, plaintext);
        QVERIFY(sealed.ok());
        QCOMPARE(sealed->toHex(), expected.toHex());
        auto opened = aead->open(nonce, aad, expected);
        QVERIFY(opened.ok());
        QCOMPARE(opened.value(), plaintext);
    }

    void hmacSha256MatchesRfc4231Case2()
    {
        QCOMPARE(hmac(HashAlgorithm::Sha256, "Jefe", "what do ya want for nothing?").toHex(),
                 QByteArray("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    void hkdfSha256MatchesRfc5869Case1()
    {
        const SecureBytes okm = hkdf(HashAlgorithm::Sha256, QByteArray(22, '\x0b'),
                                     hex("000102030405060708090a0b0c"), hex("f0f1f2f3f4f5f6f7f8f9"), 42);
        QCOMPARE(okm.view().toByteArray().toHex(),
                 QByteArray(
                     "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
    }

    void pbkdf2Sha256MatchesRfc7914_data()
    {
        QTest::addColumn<QByteArray>("passphrase");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("1 iteration")
            << QByteArray("passwd") << QByteArray("salt") << 1
            << QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                          "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
        QTest::newRow("80000 iterations")
            << QByteArray("Password") << QByteArray("NaCl") << 80000
            << QByteArray("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                          "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d");
    }

    void pbkdf2Sha256MatchesRfc7914()
    {
        QFETCH(QByteArray, passphrase);
        QFETCH(QByteArray, salt);
        QFETCH(int, iterations);
        QFETCH(QByteArray, expected);
        auto key = pbkdf2(HashAlgorithm::Sha256, passphrase, salt, iterations, 64);
        QVERIFY(key.ok());
        QCOMPARE(key->view().toByteArray().toHex(), expected);
    }

    void pbkdf2Sm3DependsOnEveryInput()
    {
        auto base = pbkdf2(HashAlgorithm::Sm3, "pass", "salt-salt-salt-1", 1000, 32);
        auto otherSalt = pbkdf2(HashAlgorithm::Sm3, "pass", "salt-salt-salt-2", 1000, 32);
        auto otherCount = pbkdf2(HashAlgorithm::Sm3, "pass", "salt-salt-salt-1", 1001, 32);
        QVERIFY(base.ok() && otherSalt.ok() && otherCount.ok());
        QVERIFY(!(base.value() == otherSalt.value()));
        QVERIFY(!(base.value() == otherCount.value()));
        QVERIFY(
            !(base.value() == pbkdf2(HashAlgorithm::Sha256, "pass", "salt-salt-salt-1", 1000, 32).value()));
    }

    void aeadRejectsAnyFlippedBit_data()
    {
        QTest::addColumn<int>("cipher");
        QTest::addColumn<int>("position"); // -1: last tag byte
        QTest::newRow("sm4 tag") << int(AeadCipher::Sm4Gcm) << -1;
        QTest::newRow("sm4 ciphertext") << int(AeadCipher::Sm4Gcm) << 14;
        QTest::newRow("sm4 nonce") << int(AeadCipher::Sm4Gcm) << 0;
        QTest::newRow("aes tag") << int(AeadCipher::Aes256Gcm) << -1;
        QTest::newRow("aes ciphertext") << int(AeadCipher::Aes256Gcm) << 20;
    }

    // R-6.6.6a: altered ciphertext must never decrypt.
    void aeadRejectsAnyFlippedBit()
    {
        QFETCH(int, cipher);
        QFETCH(int, position);
        auto aead = Aead::create(AeadCipher(cipher), randomKey());
        QVERIFY(aead.ok());
        auto envelope = aead->sealWithRandomNonce("record 17", "sensitive payload");
        QVERIFY(envelope.ok());
        QVERIFY(aead->openEnvelope("record 17", envelope.value()).ok());
        QByteArray bad = envelope.value();
        const qsizetype at = position < 0 ? bad.size() - 1 : position;
        bad[at] = char(bad[at] ^ 0x01);
        auto opened = aead->openEnvelope("record 17", bad);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::Crypto);
    }

    void aeadRejectsWrongAssociatedData()
    {
        auto aead = Aead::create(AeadCipher::Sm4Gcm, randomKey());
        auto envelope = aead->sealWithRandomNonce("record 17", "sensitive payload");
        QVERIFY(!aead->openEnvelope("record 18", envelope.value()).ok());
    }

    void aeadRejectsWrongKey()
    {
        for (AeadCipher cipher : {AeadCipher::Sm4Gcm, AeadCipher::Aes256Gcm}) {
            auto right = Aead::create(cipher, randomKey());
            auto wrong = Aead::create(cipher, randomKey());
            auto envelope = right->sealWithRandomNonce({}, "sensitive payload");
            QVERIFY(envelope.ok());
            auto opened = wrong->openEnvelope({}, envelope.value());
            QVERIFY(!opened.ok());
            QCOMPARE(opened.error().code, Error::Code::Crypto);
        }
    }

    void failedOpenInPlaceLeavesNoPlaintext()
    {
        auto aead = Aead::create(AeadCipher::Sm4Gcm, randomKey());
        const QByteArray nonce = randomBytes(kNonceLength);
        QByteArray buffer("sensitive payload");
        char tag[kTagLength];
        QVERIFY(aead->sealInPlace(nonce, {}, buffer.data(), buffer.size(), tag).ok());
        tag[0] = char(tag[0] ^ 0x01);
        QVERIFY(!aead->openInPlace(nonce, {}, buffer.data(), buffer.size(), QByteArrayView(tag, kTagLength))
                     .ok());
        QCOMPARE(buffer, QByteArray(buffer.size(), '\0'));
    }

    // the start-up self-tests run every known answer and pass on a healthy library.
    void startupSelfTestsPass()
    {
        QElapsedTimer timer;
        timer.start();
        auto r = runSelfTests();
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        qInfo("runSelfTests() took %lld ms", qint64(timer.elapsed()));
    }
};

QTEST_GUILESS_MAIN(tst_CryptoPrimitives)
#include "tst_CryptoPrimitives.moc"
