#include "mdp/crypto/AccountKeys.h"

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Random.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::crypto {

namespace {
QByteArray bundleContext(const QString &userName)
{
    return QByteArrayLiteral("mdp-account-bundle-v1\n") + userName.toLower().toUtf8();
}
} // namespace

QString AccountKdf::parametersJson() const
{
    const QJsonObject object{{QStringLiteral("kdf"), QStringLiteral("argon2id")},
                             {QStringLiteral("t"), argon2.iterations},
                             {QStringLiteral("m"), argon2.memoryKiB},
                             {QStringLiteral("p"), argon2.parallelism}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Result<AccountKdf> AccountKdf::fromJson(const QString &parametersJson, const QByteArray &salt)
{
    const QJsonObject object = QJsonDocument::fromJson(parametersJson.toUtf8()).object();
    if (object.value(QLatin1String("kdf")).toString() != QLatin1String("argon2id"))
        return makeError(Error::Code::Unsupported, QStringLiteral("account key derivation must be argon2id"));
    AccountKdf kdf;
    kdf.salt = salt;
    kdf.argon2.iterations = object.value(QLatin1String("t")).toInt();
    kdf.argon2.memoryKiB = object.value(QLatin1String("m")).toInt();
    kdf.argon2.parallelism = object.value(QLatin1String("p")).toInt();
    if (kdf.argon2.iterations < 2 || kdf.argon2.iterations > 10 || kdf.argon2.memoryKiB < 19456 ||
        kdf.argon2.memoryKiB > 1048576 || kdf.argon2.parallelism < 1 || kdf.argon2.parallelism > 4)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("account key derivation parameters outside the accepted range"));
    if (salt.size() < 16 || salt.size() > 64)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("account salt must be 16 to 64 bytes"));
    return kdf;
}

AccountKdf AccountKdf::fresh()
{
    AccountKdf kdf;
    kdf.salt = randomBytes(16);
    return kdf;
}

Result<AccountKeys> deriveAccountKeys(const SecureBytes &password, const AccountKdf &kdf)
{
    auto master = argon2id(password.view(), kdf.salt, kdf.argon2, 32);
    if (!master)
        return master.error();
    AccountKeys keys;
    keys.authenticationKey = hkdf(HashAlgorithm::Sm3, master->view(), {}, "mdp-account-auth-v1", 32);
    keys.wrappingKey = hkdf(HashAlgorithm::Sm3, master->view(), {}, "mdp-account-wrap-v1", 16);
    return keys;
}

Result<QByteArray> wrapAccountBundle(const AccountKeys &keys, const QString &userName,
                                     const SecureBytes &bundle)
{
    auto aead = Aead::create(AeadCipher::Sm4Gcm, keys.wrappingKey);
    if (!aead)
        return aead.error();
    return aead->sealWithRandomNonce(bundleContext(userName), bundle.view());
}

Result<SecureBytes> unwrapAccountBundle(const AccountKeys &keys, const QString &userName,
                                        QByteArrayView wrapped)
{
    auto aead = Aead::create(AeadCipher::Sm4Gcm, keys.wrappingKey);
    if (!aead)
        return aead.error();
    auto opened = aead->openEnvelope(bundleContext(userName), wrapped);
    if (!opened)
        return makeError(Error::Code::WrongPassphrase,
                         QStringLiteral("the key bundle does not open with this password"));
    return SecureBytes::takeFrom(*opened);
}

} // namespace mdp::crypto
