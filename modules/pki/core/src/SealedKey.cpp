#include "SealedKey.h"

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::pki::detail {

namespace {

const QString kFormat = QStringLiteral("mdp-pki-sealed-key/1");
const QString kKdf = QStringLiteral("argon2id");
constexpr int kSaltLength = 16;
constexpr qsizetype kMaxSealedSize = 64 * 1024;
// The account key slots' parameters (KeyHierarchyOptions::slotKdf): t=3, 64 MiB, p=1.
const crypto::Argon2Parameters kKdfParameters{};
constexpr crypto::AeadCipher kCipher = crypto::AeadCipher::Sm4Gcm;

// The same bounds as the key slots': a document asking for more is refused as corrupt rather than
// computed for minutes, one asking for less is not trusted.
bool withinBounds(const crypto::Argon2Parameters &p)
{
    return p.iterations >= 1 && p.iterations <= 10 && p.memoryKiB >= 19456 && p.memoryKiB <= 1048576 &&
           p.parallelism >= 1 && p.parallelism <= 4 && qint64(p.iterations) * p.memoryKiB >= 3 * 19456;
}

QByteArray associatedData(const crypto::Argon2Parameters &p, crypto::AeadCipher cipher, QByteArrayView salt,
                          const QString &keyAlgorithm, QByteArrayView publicKeyDer)
{
    return kFormat.toLatin1() + '|' + kKdf.toLatin1() + '|' + QByteArray::number(p.iterations) + '|' +
           QByteArray::number(p.memoryKiB) + '|' + QByteArray::number(p.parallelism) + '|' +
           crypto::cipherName(cipher).toLatin1() + '|' + salt.toByteArray().toBase64() + '|' +
           keyAlgorithm.toLatin1() + '|' + crypto::hash(crypto::HashAlgorithm::Sha256, publicKeyDer).toHex();
}

Error corrupt(const QString &why)
{
    return makeError(Error::Code::Corrupt, QStringLiteral("ca.key.sealed is malformed: %1").arg(why));
}

QByteArray fromBase64(const QJsonObject &o, QStringView name)
{
    return QByteArray::fromBase64(o.value(name).toString().toLatin1());
}

} // namespace

Result<QByteArray> sealPrivateKey(const crypto::SigningKey &key, const SecureBytes &passphrase)
{
    if (key.isNull())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("no key to seal"));
    if (passphrase.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the CA passphrase must not be empty"));
    const QByteArray salt = crypto::randomBytes(kSaltLength);
    const QByteArray nonce = crypto::randomBytes(crypto::kNonceLength);
    const QString algorithm = crypto::signatureAlgorithmName(key.algorithm());
    const QByteArray publicKey = key.publicKey().der();
    auto derived = crypto::argon2id(passphrase.view(), salt, kKdfParameters, crypto::aeadKeyLength(kCipher));
    if (!derived)
        return derived.error();
    auto aead = crypto::Aead::create(kCipher, derived.value());
    if (!aead)
        return aead.error();
    const SecureBytes der = key.privateKeyDer();
    auto sealed =
        aead->seal(nonce, associatedData(kKdfParameters, kCipher, salt, algorithm, publicKey), der.view());
    if (!sealed)
        return sealed.error();
    const QJsonObject document{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("content"), QStringLiteral("pkcs8-private-key")},
        {QStringLiteral("kdf"), kKdf},
        {QStringLiteral("iterations"), kKdfParameters.iterations},
        {QStringLiteral("memoryKiB"), kKdfParameters.memoryKiB},
        {QStringLiteral("parallelism"), kKdfParameters.parallelism},
        {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
        {QStringLiteral("cipher"), crypto::cipherName(kCipher)},
        {QStringLiteral("nonce"), QString::fromLatin1(nonce.toBase64())},
        {QStringLiteral("ciphertext"), QString::fromLatin1(sealed->toBase64())},
        {QStringLiteral("keyAlgorithm"), algorithm},
        {QStringLiteral("publicKey"), QString::fromLatin1(publicKey.toBase64())},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

Result<crypto::SigningKey> unsealPrivateKey(QByteArrayView sealed, const SecureBytes &passphrase)
{
    if (sealed.size() > kMaxSealedSize)
        return corrupt(QStringLiteral("too large"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(sealed.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    if (o.value(u"format").toString() != kFormat || o.value(u"kdf").toString() != kKdf ||
        o.value(u"content").toString() != QStringLiteral("pkcs8-private-key"))
        return corrupt(QStringLiteral("unknown format or key derivation"));
    crypto::Argon2Parameters parameters;
    parameters.iterations = o.value(u"iterations").toInt(-1);
    parameters.memoryKiB = o.value(u"memoryKiB").toInt(-1);
    parameters.parallelism = o.value(u"parallelism").toInt(-1);
    if (!withinBounds(parameters))
        return corrupt(QStringLiteral("Argon2id parameters outside the allowed bounds"));
    const auto cipher = crypto::cipherFromName(o.value(u"cipher").toString());
    const QByteArray salt = fromBase64(o, u"salt");
    const QByteArray nonce = fromBase64(o, u"nonce");
    const QByteArray ciphertext = fromBase64(o, u"ciphertext");
    const QByteArray publicKey = fromBase64(o, u"publicKey");
    const QString algorithm = o.value(u"keyAlgorithm").toString();
    if (!cipher || salt.size() != kSaltLength || nonce.size() != crypto::kNonceLength ||
        ciphertext.size() <= crypto::kTagLength || publicKey.isEmpty() || algorithm.isEmpty())
        return corrupt(QStringLiteral("a field is missing or has the wrong size"));

    auto derived = crypto::argon2id(passphrase.view(), salt, parameters, crypto::aeadKeyLength(*cipher));
    if (!derived)
        return derived.error();
    auto aead = crypto::Aead::create(*cipher, derived.value());
    if (!aead)
        return aead.error();
    auto opened =
        aead->open(nonce, associatedData(parameters, *cipher, salt, algorithm, publicKey), ciphertext);
    if (!opened)
        return makeError(
            Error::Code::WrongPassphrase,
            QStringLiteral("the passphrase does not open the CA key (or ca.key.sealed was altered)"));
    const SecureBytes der = SecureBytes::takeFrom(opened.value());
    auto key = crypto::SigningKey::fromPrivateDer(der.view());
    if (!key)
        return corrupt(QStringLiteral("the sealed content is not a private key"));
    if (key->publicKey().der() != publicKey || crypto::signatureAlgorithmName(key->algorithm()) != algorithm)
        return corrupt(QStringLiteral("the key does not match the public key it names"));
    return key;
}

} // namespace mdp::pki::detail
