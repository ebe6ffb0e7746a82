#include "mdp/crypto/PassphraseRootKey.h"

#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include <QJsonObject>

namespace mdp::crypto {

namespace {

const QString kKind = QStringLiteral("passphrase");
const QString kKdf = QStringLiteral("pbkdf2-hmac-sm3");
constexpr int kSaltLength = 16;
constexpr int kRootKeyLength = 32;

Error wrongPassphrase()
{
    return makeError(Error::Code::WrongPassphrase,
                     QStringLiteral("the passphrase is wrong (or the keyring's root entry was altered)"));
}

} // namespace

struct PassphraseRootKey::Impl
{
    SecureBytes rootKey;
    AeadCipher cipher = AeadCipher::Sm4Gcm;
    int iterations = PassphraseRootKey::kMinimumIterations;
    QByteArray salt;
    QByteArray wrappedRoot; // nonce || ciphertext || tag
    QString rootId;

    // Everything the derivation depends on is bound to the wrapped root, so no parameter in the
    // keyring can be changed without the unwrap failing.
    static QByteArray associatedData(const QString &rootId, AeadCipher cipher, int iterations,
                                     QByteArrayView salt)
    {
        return QByteArrayLiteral("mdp-root/1|") + kKdf.toLatin1() + '|' + QByteArray::number(iterations) +
               '|' + cipherName(cipher).toLatin1() + '|' + salt.toByteArray().toBase64() + '|' +
               rootId.toLatin1();
    }

    static Result<SecureBytes> derive(const SecureBytes &passphrase, QByteArrayView salt, int iterations,
                                      AeadCipher cipher)
    {
        return pbkdf2(HashAlgorithm::Sm3, passphrase.view(), salt, iterations, aeadKeyLength(cipher));
    }

    // Wraps rootKey under a new salt; fills salt and wrappedRoot only on success.
    Result<void> wrapUnder(const SecureBytes &passphrase)
    {
        if (passphrase.isEmpty())
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("the passphrase must not be empty"));
        const QByteArray newSalt = randomBytes(kSaltLength);
        auto derived = derive(passphrase, newSalt, iterations, cipher);
        if (!derived)
            return derived.error();
        auto aead = Aead::create(cipher, derived.value());
        if (!aead)
            return aead.error();
        auto wrapped =
            aead->sealWithRandomNonce(associatedData(rootId, cipher, iterations, newSalt), rootKey.view());
        if (!wrapped)
            return wrapped.error();
        salt = newSalt;
        wrappedRoot = wrapped.value();
        return {};
    }

    Result<SecureBytes> unwrapWith(const SecureBytes &passphrase) const
    {
        auto derived = derive(passphrase, salt, iterations, cipher);
        if (!derived)
            return derived.error();
        auto aead = Aead::create(cipher, derived.value());
        if (!aead)
            return aead.error();
        auto opened = aead->openEnvelope(associatedData(rootId, cipher, iterations, salt), wrappedRoot);
        if (!opened)
            return wrongPassphrase();
        return SecureBytes::takeFrom(opened.value());
    }
};

PassphraseRootKey::PassphraseRootKey()
    : d(std::make_unique<Impl>())
{}

PassphraseRootKey::~PassphraseRootKey() = default;

Result<std::unique_ptr<PassphraseRootKey>> PassphraseRootKey::create(const SecureBytes &passphrase,
                                                                     PassphraseRootOptions options)
{
    if (options.iterations < kMinimumIterations)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("PBKDF2 needs at least %1 iterations").arg(kMinimumIterations));
    std::unique_ptr<PassphraseRootKey> root(new PassphraseRootKey);
    root->d->cipher = options.cipher;
    root->d->iterations = options.iterations;
    root->d->rootId = QString::fromLatin1(randomBytes(16).toHex());
    root->d->rootKey = randomKey(kRootKeyLength);
    auto r = root->d->wrapUnder(passphrase);
    if (!r)
        return r.error();
    return root;
}

Result<std::unique_ptr<PassphraseRootKey>> PassphraseRootKey::unlock(const QJsonObject &description,
                                                                     const SecureBytes &passphrase)
{
    const auto cipher = cipherFromName(description.value(u"cipher").toString());
    const int iterations = description.value(u"iterations").toInt();
    const QByteArray salt = QByteArray::fromBase64(description.value(u"salt").toString().toLatin1());
    const QByteArray wrapped =
        QByteArray::fromBase64(description.value(u"wrappedRootKey").toString().toLatin1());
    const QString rootId = description.value(u"rootKeyId").toString();
    if (description.value(u"kind").toString() != kKind || description.value(u"kdf").toString() != kKdf ||
        !cipher || iterations < kMinimumIterations || iterations > kMaximumIterations ||
        salt.size() != kSaltLength || rootId.isEmpty() ||
        wrapped.size() != kNonceLength + kRootKeyLength + kTagLength)
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("the keyring's passphrase root entry is malformed"));
    std::unique_ptr<PassphraseRootKey> root(new PassphraseRootKey);
    root->d->cipher = *cipher;
    root->d->iterations = iterations;
    root->d->salt = salt;
    root->d->wrappedRoot = wrapped;
    root->d->rootId = rootId;
    auto key = root->d->unwrapWith(passphrase);
    if (!key)
        return key.error();
    root->d->rootKey = std::move(key.value());
    return root;
}

QString PassphraseRootKey::kind() const
{
    return kKind;
}

QJsonObject PassphraseRootKey::description() const
{
    return QJsonObject{
        {QStringLiteral("kind"), kKind},
        {QStringLiteral("kdf"), kKdf},
        {QStringLiteral("iterations"), d->iterations},
        {QStringLiteral("salt"), QString::fromLatin1(d->salt.toBase64())},
        {QStringLiteral("cipher"), cipherName(d->cipher)},
        {QStringLiteral("rootKeyId"), d->rootId},
        {QStringLiteral("wrappedRootKey"), QString::fromLatin1(d->wrappedRoot.toBase64())},
    };
}

QString PassphraseRootKey::wrapAlgorithm() const
{
    return cipherName(d->cipher);
}

int PassphraseRootKey::iterations() const
{
    return d->iterations;
}

Result<QByteArray> PassphraseRootKey::wrap(const SecureBytes &key, QByteArrayView associatedData)
{
    auto aead = Aead::create(d->cipher, d->rootKey);
    if (!aead)
        return aead.error();
    return aead->sealWithRandomNonce(associatedData, key.view());
}

Result<SecureBytes> PassphraseRootKey::unwrap(QByteArrayView wrapped, QByteArrayView associatedData)
{
    auto aead = Aead::create(d->cipher, d->rootKey);
    if (!aead)
        return aead.error();
    auto opened = aead->openEnvelope(associatedData, wrapped);
    if (!opened)
        return opened.error();
    return SecureBytes::takeFrom(opened.value());
}

Result<void> PassphraseRootKey::changeCredential(const SecureBytes &oldPassphrase,
                                                 const SecureBytes &newPassphrase)
{
    auto current = d->unwrapWith(oldPassphrase);
    if (!current)
        return current.error();
    if (!(current.value() == d->rootKey))
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("the stored root key does not match the open one"));
    return d->wrapUnder(newPassphrase);
}

} // namespace mdp::crypto
