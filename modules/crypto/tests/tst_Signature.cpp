#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Signature.h"

#include <QFile>
#include <QTest>

using namespace mdp;
using namespace mdp::crypto;

Q_DECLARE_METATYPE(mdp::crypto::SignatureAlgorithm)

namespace {

QByteArray testData(const char *name)
{
    QFile file(QStringLiteral(MDP_TEST_DATA_DIR "/crypto/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data file %s", name);
    return file.readAll();
}

void addAlgorithms()
{
    QTest::addColumn<SignatureAlgorithm>("algorithm");
    QTest::newRow("sm2") << SignatureAlgorithm::Sm2;
    QTest::newRow("ecdsa-p256") << SignatureAlgorithm::EcdsaP256;
}

} // namespace

class tst_Signature : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signatureVerifiesAndTamperedMessageFails_data() { addAlgorithms(); }
    // R-7.4.3 (SM2), R-7.3.2 (integrity by signatures)
    void signatureVerifiesAndTamperedMessageFails()
    {
        QFETCH(SignatureAlgorithm, algorithm);
        auto key = SigningKey::generate(algorithm);
        QVERIFY(key.ok());
        QCOMPARE(key->algorithm(), algorithm);
        const QByteArray message = QByteArrayLiteral("export manifest 2031-05-01");
        auto signature = key->sign(message);
        QVERIFY(signature.ok());
        const PublicKey pub = key->publicKey();
        QCOMPARE(pub.algorithm(), algorithm);
        QVERIFY(pub.verify(message, signature.value()));

        QByteArray tamperedMessage = message;
        tamperedMessage[7] = char(tamperedMessage[7] ^ 0x01);
        QVERIFY(!pub.verify(tamperedMessage, signature.value()));
        QByteArray tamperedSignature = signature.value();
        tamperedSignature[tamperedSignature.size() - 1] = char(tamperedSignature.back() ^ 0x01);
        QVERIFY(!pub.verify(message, tamperedSignature));
        QVERIFY(!pub.verify(message, QByteArray()));
    }

    void signatureFromAnotherKeyFails_data() { addAlgorithms(); }
    void signatureFromAnotherKeyFails()
    {
        QFETCH(SignatureAlgorithm, algorithm);
        auto a = SigningKey::generate(algorithm);
        auto b = SigningKey::generate(algorithm);
        auto signature = a->sign("message");
        QVERIFY(!b->publicKey().verify("message", signature.value()));
    }

    // our SM2 is the standard SM2 (SM3, default distinguishing ID), not ECDSA over the SM2
    // curve: a signature made by the OpenSSL command line with distid 1234567812345678 verifies.
    void sm2SignatureFromOpenSslCommandLineVerifies()
    {
        auto pub = PublicKey::fromPem(testData("sm2-public.pem"));
        QVERIFY(pub.ok());
        QCOMPARE(pub->algorithm(), SignatureAlgorithm::Sm2);
        const QByteArray message = testData("message.txt");
        const QByteArray signature = testData("sm2-signature.der");
        QVERIFY(pub->verify(message, signature));
        QVERIFY(!pub->verify(message + "x", signature));
    }

    void ecdsaSignatureFromOpenSslCommandLineVerifies()
    {
        auto pub = PublicKey::fromPem(testData("ecdsa-p256-public.pem"));
        QVERIFY(pub.ok());
        QCOMPARE(pub->algorithm(), SignatureAlgorithm::EcdsaP256);
        QVERIFY(pub->verify(testData("message.txt"), testData("ecdsa-p256-signature.der")));
    }

    void pkcs8KeyFromOpenSslLoadsWithItsPublicKey_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<SignatureAlgorithm>("algorithm");
        QTest::newRow("sm2") << QStringLiteral("sm2") << SignatureAlgorithm::Sm2;
        QTest::newRow("ecdsa-p256") << QStringLiteral("ecdsa-p256") << SignatureAlgorithm::EcdsaP256;
    }

    void pkcs8KeyFromOpenSslLoadsWithItsPublicKey()
    {
        QFETCH(QString, prefix);
        QFETCH(SignatureAlgorithm, algorithm);
        auto key =
            SigningKey::fromPrivateDer(testData(qPrintable(prefix + QStringLiteral("-private.pk8.der"))));
        QVERIFY(key.ok());
        QCOMPARE(key->algorithm(), algorithm);
        auto expected = PublicKey::fromPem(testData(qPrintable(prefix + QStringLiteral("-public.pem"))));
        QVERIFY(key->publicKey() == expected.value());
        auto signature = key->sign("fresh message");
        QVERIFY(expected->verify("fresh message", signature.value()));
    }

    void privateKeyDerRoundTrips_data() { addAlgorithms(); }
    void privateKeyDerRoundTrips()
    {
        QFETCH(SignatureAlgorithm, algorithm);
        auto key = SigningKey::generate(algorithm);
        const SecureBytes der = key->privateKeyDer();
        QVERIFY(!der.isEmpty());
        auto again = SigningKey::fromPrivateDer(der.view());
        QVERIFY(again.ok());
        QCOMPARE(again->algorithm(), algorithm);
        QVERIFY(again->publicKey() == key->publicKey());
        QVERIFY(key->publicKey().verify("m", again->sign("m").value()));
    }

    void publicKeyRoundTripsAndFingerprintIsSha256OfSpki()
    {
        auto key = SigningKey::generate(SignatureAlgorithm::Sm2);
        const PublicKey pub = key->publicKey();
        auto fromDer = PublicKey::fromDer(pub.der());
        auto fromPem = PublicKey::fromPem(pub.pem());
        QVERIFY(fromDer.ok() && fromPem.ok());
        QVERIFY(fromDer.value() == pub);
        QVERIFY(fromPem.value() == pub);
        QVERIFY(pub.pem().startsWith("-----BEGIN PUBLIC KEY-----"));
        QCOMPARE(pub.fingerprint(), hash(HashAlgorithm::Sha256, pub.der()));
        QCOMPARE(pub.fingerprint().size(), 32);
        QVERIFY(pub.fingerprint() !=
                SigningKey::generate(SignatureAlgorithm::Sm2)->publicKey().fingerprint());
    }

    void malformedKeysAreRefused()
    {
        QVERIFY(!PublicKey::fromDer(QByteArrayLiteral("\x30\x03\x02\x01\x01")).ok());
        QVERIFY(!PublicKey::fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n").ok());
        QVERIFY(!SigningKey::fromPrivateDer("not a key").ok());
        const QByteArray der = testData("sm2-private.pk8.der");
        QVERIFY(!SigningKey::fromPrivateDer(der + '\0').ok());
        QVERIFY(!SigningKey::fromPrivateDer(der.first(der.size() - 1)).ok());
    }

    void selfSignedCertificateCarriesSubjectValidityAndKey_data() { addAlgorithms(); }
    // certificate identity for the later mutual-TLS work.
    void selfSignedCertificateCarriesSubjectValidityAndKey()
    {
        QFETCH(SignatureAlgorithm, algorithm);
        auto key = SigningKey::generate(algorithm);
        const QDateTime start(QDate(2031, 3, 14), QTime(9, 26, 53), Qt::UTC);
        ManualClock clock(start);
        auto cert = Certificate::selfSigned(key.value(), QStringLiteral("站点-A site"), 30, clock);
        QVERIFY2(cert.ok(), qPrintable(cert.ok() ? QString() : cert.error().message));
        QCOMPARE(cert->commonName(), QStringLiteral("站点-A site"));
        QCOMPARE(cert->subject(), QStringLiteral("CN=站点-A site"));
        QCOMPARE(cert->notBefore(), start);
        QCOMPARE(cert->notAfter(), start.addDays(30));
        QVERIFY(cert->isValidAt(start.addDays(29)));
        QVERIFY(!cert->isValidAt(start.addDays(31)));
        QVERIFY(!cert->isValidAt(start.addSecs(-1)));
        QVERIFY(cert->publicKey() == key->publicKey());
        QVERIFY(cert->isSignedBy(key->publicKey()));
        QVERIFY(!cert->isSignedBy(SigningKey::generate(algorithm)->publicKey()));
        QCOMPARE(cert->fingerprint(), hash(HashAlgorithm::Sha256, cert->der()));

        auto again = Certificate::fromPem(cert->pem());
        QVERIFY(again.ok());
        QCOMPARE(again->der(), cert->der());
        QVERIFY(again->isSignedBy(key->publicKey()));
    }

    // An SM2 certificate signed by OpenSSL (SM2-with-SM3, default ID) verifies with our code.
    void opensslSm2CertificateVerifies()
    {
        auto cert = Certificate::fromPem(testData("sm2-selfsigned.pem"));
        QVERIFY(cert.ok());
        QCOMPARE(cert->commonName(), QStringLiteral("openssl-sm2-test"));
        QCOMPARE(cert->publicKey().algorithm(), SignatureAlgorithm::Sm2);
        QVERIFY(cert->isSignedBy(cert->publicKey()));
    }

    void alteredCertificateFailsItsSignature()
    {
        auto key = SigningKey::generate(SignatureAlgorithm::Sm2);
        ManualClock clock(QDateTime(QDate(2031, 1, 1), QTime(0, 0), Qt::UTC));
        auto cert = Certificate::selfSigned(key.value(), QStringLiteral("honest-name"), 10, clock);
        QByteArray der = cert->der();
        const qsizetype at = der.lastIndexOf("honest-name"); // the subject follows the issuer
        QVERIFY(at > 0);
        der[at] = 'H';
        auto altered = Certificate::fromDer(der);
        QVERIFY(altered.ok());
        QCOMPARE(altered->commonName(), QStringLiteral("Honest-name"));
        QVERIFY(!altered->isSignedBy(key->publicKey()));
    }
};

QTEST_GUILESS_MAIN(tst_Signature)
#include "tst_Signature.moc"
