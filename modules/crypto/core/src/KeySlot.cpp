#include "KeySlot.h"

#include "mdp/crypto/Random.h"

#include <QJsonArray>

#include <cstring>

namespace mdp::crypto {

namespace {

constexpr int kSaltLength = 16;
constexpr int kKeyIdLength = 16;
const QString kArgon2id = QStringLiteral("argon2id");
constexpr int kArgon2Version = 19; // 0x13, the only version RFC 9106 defines

QString stamp(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QByteArray b64(const QJsonValue &v)
{
    return QByteArray::fromBase64(v.toString().toLatin1());
}

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

Error wrongSecret()
{
    return makeError(Error::Code::WrongPassphrase, QStringLiteral("the user name or password is wrong"));
}

const QString kHkdfSm3 = QStringLiteral("hkdf-sm3");

Result<SecureBytes> deriveSealKey(const SecureBytes &secret, const KeySlot &slot, AeadCipher cipher)
{
    if (slot.isSite()) {
        // A site scope key is 32 random bytes, not a password: nothing to slow down.
        if (secret.size() != 32)
            return wrongSecret();
        return hkdf(HashAlgorithm::Sm3, secret.view(), slot.salt,
                    QByteArrayLiteral("mdp-site-slot/1|") + slot.sealAad(), aeadKeyLength(cipher));
    }
    if (!slotKdfWithinBounds(slot.kdf))
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("the key slot's Argon2id parameters are outside the allowed bounds"));
    return argon2id(secret.view(), slot.salt, slot.kdf, aeadKeyLength(cipher), {}, slot.sealAad());
}

} // namespace

bool slotKdfWithinBounds(const Argon2Parameters &kdf)
{
    return kdf.iterations >= 1 && kdf.iterations <= 10 && kdf.memoryKiB >= 19456 &&
           kdf.memoryKiB <= 1048576 && kdf.parallelism >= 1 && kdf.parallelism <= 4 &&
           // RFC 9106's second recommendation floor: t=3 at 64 MiB, or more time for less memory.
           qint64(kdf.iterations) * kdf.memoryKiB >= 3 * 19456;
}

qint64 slotBackoffSeconds(int failures)
{
    // The account directory's lock-out schedule (15 minutes at the fifth failure, doubling, at most a
    // day), so the slot, which answers first, is locked whenever the directory would be.
    if (failures < 5)
        return 0;
    const int doublings = std::min(failures - 5, 7); // 15 min * 2^7 > a day
    return std::min<qint64>(900ll << doublings, 86400);
}

QByteArray KeySlot::sealAad() const
{
    return QByteArrayLiteral("mdp-slot/1|") + id.toLatin1() + '|' + accountId.toLatin1() + '|' +
           userName.toUtf8().toBase64() + '|' + kind.toLatin1() + '|' + QByteArray::number(kdf.iterations) +
           '|' + QByteArray::number(kdf.memoryKiB) + '|' + QByteArray::number(kdf.parallelism) + '|' +
           hash(HashAlgorithm::Sm3, publicKeyDer).toHex();
}

QJsonObject KeySlot::toJson() const
{
    QJsonObject grantObject;
    for (auto it = grants.cbegin(); it != grants.cend(); ++it)
        grantObject.insert(it.key(), b64(it.value()));
    const QJsonObject kdfObject =
        isSite() ? QJsonObject{{QStringLiteral("algorithm"), kHkdfSm3}, {QStringLiteral("salt"), b64(salt)}}
                 : QJsonObject{{QStringLiteral("algorithm"), kArgon2id},
                               {QStringLiteral("version"), kArgon2Version},
                               {QStringLiteral("iterations"), kdf.iterations},
                               {QStringLiteral("memoryKiB"), kdf.memoryKiB},
                               {QStringLiteral("parallelism"), kdf.parallelism},
                               {QStringLiteral("salt"), b64(salt)}};
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("accountId"), accountId},
                  {QStringLiteral("userName"), userName},
                  {QStringLiteral("kind"), kind},
                  {QStringLiteral("kdf"), kdfObject},
                  {QStringLiteral("publicKey"), b64(publicKeyDer)},
                  {QStringLiteral("sealedPrivateKey"), b64(sealedPrivateKey)},
                  {QStringLiteral("grants"), grantObject},
                  {QStringLiteral("createdAt"), stamp(createdAt)},
                  {QStringLiteral("changedAt"), stamp(changedAt)}};
    if (failures > 0) {
        o.insert(QStringLiteral("failures"), failures);
        o.insert(QStringLiteral("lastFailure"), stamp(lastFailure));
    }
    return o;
}

std::optional<KeySlot> KeySlot::fromJson(const QJsonObject &o)
{
    KeySlot s;
    s.id = o.value(u"id").toString();
    s.accountId = o.value(u"accountId").toString();
    s.userName = o.value(u"userName").toString();
    s.kind = o.value(u"kind").toString();
    const QJsonObject kdf = o.value(u"kdf").toObject();
    if (s.isSite()) {
        if (kdf.value(u"algorithm").toString() != kHkdfSm3)
            return std::nullopt;
        s.kdf = siteSlotKdf();
    } else {
        if (kdf.value(u"algorithm").toString() != kArgon2id ||
            kdf.value(u"version").toInt() != kArgon2Version)
            return std::nullopt;
        s.kdf.iterations = kdf.value(u"iterations").toInt();
        s.kdf.memoryKiB = kdf.value(u"memoryKiB").toInt();
        s.kdf.parallelism = kdf.value(u"parallelism").toInt();
    }
    s.salt = b64(kdf.value(u"salt"));
    s.publicKeyDer = b64(o.value(u"publicKey"));
    s.sealedPrivateKey = b64(o.value(u"sealedPrivateKey"));
    const QJsonObject grantObject = o.value(u"grants").toObject();
    for (auto it = grantObject.constBegin(); it != grantObject.constEnd(); ++it)
        s.grants.insert(it.key(), b64(it.value()));
    s.createdAt = QDateTime::fromString(o.value(u"createdAt").toString(), Qt::ISODateWithMs);
    s.changedAt = QDateTime::fromString(o.value(u"changedAt").toString(), Qt::ISODateWithMs);
    s.failures = std::max(0, o.value(u"failures").toInt());
    s.lastFailure = QDateTime::fromString(o.value(u"lastFailure").toString(), Qt::ISODateWithMs);
    if (s.id.isEmpty() || s.accountId.isEmpty() || s.userName.isEmpty() ||
        (s.kind != u"password" && s.kind != u"recovery" && s.kind != u"site") ||
        s.salt.size() != kSaltLength || s.publicKeyDer.isEmpty() || s.sealedPrivateKey.isEmpty())
        return std::nullopt;
    return s;
}

Result<std::pair<KeySlot, SigningKey>> KeySlot::create(const QString &accountId, const QString &userName,
                                                       const QString &kind, const SecureBytes &secret,
                                                       const Argon2Parameters &kdf, AeadCipher cipher,
                                                       const QDateTime &now)
{
    auto pair = SigningKey::generate(SignatureAlgorithm::Sm2);
    if (!pair)
        return pair.error();
    KeySlot slot;
    slot.id = QString::fromLatin1(randomBytes(16).toHex());
    slot.accountId = accountId;
    slot.userName = userName;
    slot.kind = kind;
    slot.publicKeyDer = pair->publicKey().der();
    slot.createdAt = slot.changedAt = now;
    if (auto r = slot.reseal(pair.value(), secret, slot.isSite() ? siteSlotKdf() : kdf, cipher); !r)
        return r.error();
    return std::pair<KeySlot, SigningKey>{std::move(slot), std::move(pair.value())};
}

Result<SigningKey> KeySlot::open(const SecureBytes &secret, AeadCipher cipher) const
{
    auto derived = deriveSealKey(secret, *this, cipher);
    if (!derived)
        return derived.error();
    auto aead = Aead::create(cipher, derived.value());
    if (!aead)
        return aead.error();
    auto opened = aead->openEnvelope(sealAad(), sealedPrivateKey);
    if (!opened)
        return wrongSecret();
    SecureBytes der = SecureBytes::takeFrom(opened.value());
    auto key = SigningKey::fromPrivateDer(der.view());
    if (!key || key->publicKey().der() != publicKeyDer)
        return makeError(Error::Code::Tampered, QStringLiteral("the key slot's key pair does not match"));
    return key;
}

Result<void> KeySlot::reseal(const SigningKey &privateKey, const SecureBytes &secret,
                             const Argon2Parameters &newKdf, AeadCipher cipher)
{
    if (secret.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a key slot needs a password"));
    if (!isSite() && !slotKdfWithinBounds(newKdf))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("Argon2id parameters outside the allowed bounds"));
    if (isSite() && secret.size() != 32)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a site key slot needs a 32-byte key"));
    KeySlot next = *this;
    next.kdf = newKdf;
    next.salt = randomBytes(kSaltLength);
    auto derived = deriveSealKey(secret, next, cipher);
    if (!derived)
        return derived.error();
    auto aead = Aead::create(cipher, derived.value());
    if (!aead)
        return aead.error();
    const SecureBytes der = privateKey.privateKeyDer();
    auto sealed = aead->sealWithRandomNonce(next.sealAad(), der.view());
    if (!sealed)
        return sealed.error();
    kdf = next.kdf;
    salt = next.salt;
    sealedPrivateKey = sealed.value();
    return {};
}

Result<void> KeySlot::grant(const QString &scope, QByteArrayView keyId, const SecureBytes &key)
{
    auto publicKey = PublicKey::fromDer(publicKeyDer);
    if (!publicKey)
        return publicKey.error();
    if (keyId.size() != kKeyIdLength)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a granted key needs a 16-byte id"));
    SecureBytes plain(std::size_t(kKeyIdLength) + key.size());
    std::memcpy(plain.data(), keyId.data(), kKeyIdLength);
    std::memcpy(plain.data() + kKeyIdLength, key.data(), key.size());
    auto sealed = publicKey->encrypt(plain.view());
    if (!sealed)
        return sealed.error();
    grants.insert(scope, sealed.value());
    return {};
}

Result<SecureBytes> KeySlot::take(const QString &scope, const SigningKey &privateKey,
                                  QByteArrayView keyId) const
{
    const auto it = grants.constFind(scope);
    if (it == grants.constEnd())
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("this account's key slot holds no '%1' key").arg(scope));
    auto plain = privateKey.decrypt(it.value());
    if (!plain)
        return makeError(Error::Code::Tampered,
                         QStringLiteral("the '%1' grant of this key slot does not open").arg(scope));
    if (plain->size() <= std::size_t(kKeyIdLength) ||
        !constantTimeEquals(plain->view().first(kKeyIdLength), keyId))
        return makeError(Error::Code::Tampered,
                         QStringLiteral("the '%1' grant of this key slot is for another key").arg(scope));
    return SecureBytes(plain->view().sliced(kKeyIdLength));
}

} // namespace mdp::crypto
