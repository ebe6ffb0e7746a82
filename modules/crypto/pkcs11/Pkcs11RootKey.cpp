#include "mdp/crypto/Pkcs11RootKey.h"

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Random.h"

#include "Pkcs11Module.h"

#include <QJsonObject>

#include <cstring>
#include <mutex>

namespace mdp::crypto {

using detail::pkcs11ErrorText;

namespace {

const QString kKind = QStringLiteral("pkcs11");
const QString kMechanism = QStringLiteral("CKM_AES_GCM");
constexpr CK_ULONG kRootKeyLength = 32;

Error tokenError(const QString &what, CK_RV rv)
{
    return makeError(Error::Code::Crypto, what + QStringLiteral(": ") + pkcs11ErrorText(rv));
}

QString trimmedLabel(const unsigned char (&label)[32])
{
    return QString::fromUtf8(reinterpret_cast<const char *>(label), 32).trimmed();
}

} // namespace

struct Pkcs11RootKey::Impl
{
    Pkcs11RootConfig config;
    std::shared_ptr<detail::Pkcs11Module> module;
    CK_SESSION_HANDLE session = CK_INVALID_HANDLE;
    CK_OBJECT_HANDLE key = CK_INVALID_HANDLE;
    mutable std::mutex mutex; // a PKCS#11 session must not be used by two threads at once

    CK_FUNCTION_LIST *f() const { return module->functions(); }

    ~Impl()
    {
        // Closing the application's last session on the token also ends its login.
        if (session != CK_INVALID_HANDLE)
            f()->C_CloseSession(session);
    }

    Result<CK_SLOT_ID> findSlot() const
    {
        CK_ULONG count = 0;
        CK_RV rv = f()->C_GetSlotList(CK_TRUE, nullptr, &count);
        if (rv != CKR_OK)
            return tokenError(QStringLiteral("cannot list PKCS#11 slots"), rv);
        QList<CK_SLOT_ID> slots(qsizetype(count), 0);
        rv = f()->C_GetSlotList(CK_TRUE, slots.data(), &count);
        if (rv != CKR_OK)
            return tokenError(QStringLiteral("cannot list PKCS#11 slots"), rv);
        for (CK_ULONG i = 0; i < count; ++i) {
            CK_TOKEN_INFO info;
            if (f()->C_GetTokenInfo(slots[qsizetype(i)], &info) == CKR_OK &&
                trimmedLabel(info.label) == config.tokenLabel)
                return slots[qsizetype(i)];
        }
        return makeError(Error::Code::NotFound,
                         QStringLiteral("no PKCS#11 token labelled '%1'").arg(config.tokenLabel));
    }

    Result<void> login(const SecureBytes &pin)
    {
        SecureBytes copy = pin; // C_Login takes a non-const pointer
        const CK_RV rv = f()->C_Login(session, CKU_USER, copy.udata(), CK_ULONG(copy.size()));
        if (rv == CKR_PIN_INCORRECT)
            return makeError(Error::Code::WrongPassphrase, QStringLiteral("the token PIN is wrong"));
        if (rv == CKR_PIN_LOCKED)
            return makeError(Error::Code::Locked, QStringLiteral("the token PIN is locked"));
        if (rv == CKR_USER_ALREADY_LOGGED_IN)
            // The PIN was not checked: another open keyring holds the login. Refuse rather than
            // accept an unverified PIN.
            return makeError(
                Error::Code::Locked,
                QStringLiteral("the token is already in use by an open keyring in this process"));
        if (rv != CKR_OK)
            return tokenError(QStringLiteral("token login failed"), rv);
        return {};
    }

    Result<CK_OBJECT_HANDLE> findKey() const { return findKeyLabelled(config.keyLabel); }

    Result<CK_OBJECT_HANDLE> findKeyLabelled(const QString &keyLabel) const
    {
        const QByteArray label = keyLabel.toUtf8();
        CK_OBJECT_CLASS keyClass = CKO_SECRET_KEY;
        CK_KEY_TYPE keyType = CKK_AES;
        CK_ATTRIBUTE query[] = {
            {CKA_CLASS, &keyClass, sizeof keyClass},
            {CKA_KEY_TYPE, &keyType, sizeof keyType},
            {CKA_LABEL, const_cast<char *>(label.constData()), CK_ULONG(label.size())},
        };
        CK_RV rv = f()->C_FindObjectsInit(session, query, std::size(query));
        if (rv != CKR_OK)
            return tokenError(QStringLiteral("cannot search the token"), rv);
        CK_OBJECT_HANDLE found[2];
        CK_ULONG count = 0;
        rv = f()->C_FindObjects(session, found, 2, &count);
        f()->C_FindObjectsFinal(session);
        if (rv != CKR_OK)
            return tokenError(QStringLiteral("cannot search the token"), rv);
        if (count > 1)
            return makeError(Error::Code::Conflict,
                             QStringLiteral("several keys on the token are labelled '%1'").arg(keyLabel));
        if (count == 0)
            return makeError(Error::Code::NotFound,
                             QStringLiteral("no root key labelled '%1' on the token").arg(keyLabel));
        return found[0];
    }

    Result<CK_OBJECT_HANDLE> generateKey() const
    {
        const QByteArray label = config.keyLabel.toUtf8();
        QByteArray id = randomBytes(16);
        CK_OBJECT_CLASS keyClass = CKO_SECRET_KEY;
        CK_KEY_TYPE keyType = CKK_AES;
        CK_ULONG length = kRootKeyLength;
        CK_BBOOL yes = CK_TRUE, no = CK_FALSE;
        CK_ATTRIBUTE templ[] = {
            {CKA_CLASS, &keyClass, sizeof keyClass},
            {CKA_KEY_TYPE, &keyType, sizeof keyType},
            {CKA_VALUE_LEN, &length, sizeof length},
            {CKA_LABEL, const_cast<char *>(label.constData()), CK_ULONG(label.size())},
            {CKA_ID, id.data(), CK_ULONG(id.size())},
            {CKA_TOKEN, &yes, sizeof yes},
            {CKA_PRIVATE, &yes, sizeof yes},
            {CKA_SENSITIVE, &yes, sizeof yes},
            {CKA_EXTRACTABLE, &no, sizeof no},
            {CKA_ENCRYPT, &yes, sizeof yes},
            {CKA_DECRYPT, &yes, sizeof yes},
            {CKA_WRAP, &no, sizeof no},
            {CKA_UNWRAP, &no, sizeof no},
            {CKA_SIGN, &no, sizeof no},
            {CKA_VERIFY, &no, sizeof no},
            {CKA_DERIVE, &no, sizeof no},
        };
        CK_MECHANISM mechanism = {CKM_AES_KEY_GEN, nullptr, 0};
        CK_OBJECT_HANDLE handle = CK_INVALID_HANDLE;
        const CK_RV rv = f()->C_GenerateKey(session, &mechanism, templ, std::size(templ), &handle);
        if (rv != CKR_OK)
            return tokenError(QStringLiteral("cannot generate the root key in the token"), rv);
        return handle;
    }

    Result<KeyProperties> properties() const
    {
        CK_BBOOL sensitive = CK_FALSE, extractable = CK_TRUE;
        CK_ULONG length = 0;
        CK_ATTRIBUTE attrs[] = {
            {CKA_SENSITIVE, &sensitive, sizeof sensitive},
            {CKA_EXTRACTABLE, &extractable, sizeof extractable},
            {CKA_VALUE_LEN, &length, sizeof length},
        };
        const CK_RV rv = f()->C_GetAttributeValue(session, key, attrs, std::size(attrs));
        if (rv != CKR_OK)
            return tokenError(QStringLiteral("cannot read the root key's attributes"), rv);
        KeyProperties p;
        p.sensitive = sensitive == CK_TRUE;
        p.extractable = extractable == CK_TRUE;
        p.lengthBytes = int(length);
        // Ask for the value itself: a correctly protected key makes the token refuse.
        SecureBytes value(64);
        CK_ATTRIBUTE valueAttr = {CKA_VALUE, value.data(), CK_ULONG(value.size())};
        const CK_RV valueRv = f()->C_GetAttributeValue(session, key, &valueAttr, 1);
        p.valueReadable = valueRv == CKR_OK && valueAttr.ulValueLen != CK_UNAVAILABLE_INFORMATION;
        return p;
    }

    static Result<std::unique_ptr<Pkcs11RootKey>> start(const Pkcs11RootConfig &config,
                                                        const SecureBytes &pin, bool generateIfMissing)
    {
        if (config.tokenLabel.isEmpty() || config.keyLabel.isEmpty())
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a PKCS#11 root needs token and key labels"));
        auto module = detail::Pkcs11Module::load(config.modulePath);
        if (!module)
            return module.error();
        std::unique_ptr<Pkcs11RootKey> root(new Pkcs11RootKey);
        Impl &d = *root->d;
        d.config = config;
        d.module = module.value();
        auto slot = d.findSlot();
        if (!slot)
            return slot.error();
        const CK_RV rv = d.f()->C_OpenSession(slot.value(), CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr,
                                              nullptr, &d.session);
        if (rv != CKR_OK)
            return tokenError(QStringLiteral("cannot open a token session"), rv);
        if (auto r = d.login(pin); !r)
            return r.error();
        auto key = d.findKey();
        if (!key && key.error().code == Error::Code::NotFound && generateIfMissing)
            key = d.generateKey();
        if (!key)
            return key.error();
        d.key = key.value();
        auto props = d.properties();
        if (!props)
            return props.error();
        if (!props->sensitive || props->extractable || props->valueReadable ||
            props->lengthBytes != int(kRootKeyLength))
            return makeError(
                Error::Code::PermissionDenied,
                QStringLiteral("the token key '%1' is not a sensitive, non-extractable AES-256 key")
                    .arg(config.keyLabel));
        return root;
    }
};

Pkcs11RootKey::Pkcs11RootKey()
    : d(std::make_unique<Impl>())
{}

Pkcs11RootKey::~Pkcs11RootKey() = default;

Result<std::unique_ptr<Pkcs11RootKey>> Pkcs11RootKey::openOrGenerate(const Pkcs11RootConfig &config,
                                                                     const SecureBytes &userPin)
{
    return Impl::start(config, userPin, true);
}

Result<std::unique_ptr<Pkcs11RootKey>> Pkcs11RootKey::open(const Pkcs11RootConfig &config,
                                                           const SecureBytes &userPin)
{
    return Impl::start(config, userPin, false);
}

Result<Pkcs11RootConfig> Pkcs11RootKey::configFromDescription(const QJsonObject &description)
{
    Pkcs11RootConfig config;
    config.modulePath = description.value(u"module").toString();
    config.tokenLabel = description.value(u"token").toString();
    config.keyLabel = description.value(u"keyLabel").toString();
    if (description.value(u"kind").toString() != kKind ||
        description.value(u"mechanism").toString() != kMechanism || config.modulePath.isEmpty() ||
        config.tokenLabel.isEmpty() || config.keyLabel.isEmpty())
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("the keyring's PKCS#11 root entry is malformed"));
    return config;
}

QString Pkcs11RootKey::kind() const
{
    return kKind;
}

QJsonObject Pkcs11RootKey::description() const
{
    return QJsonObject{
        {QStringLiteral("kind"), kKind},
        {QStringLiteral("module"), d->config.modulePath},
        {QStringLiteral("token"), d->config.tokenLabel},
        {QStringLiteral("keyLabel"), d->config.keyLabel},
        {QStringLiteral("mechanism"), kMechanism},
    };
}

QString Pkcs11RootKey::wrapAlgorithm() const
{
    return QStringLiteral("pkcs11 CKM_AES_GCM");
}

Result<QByteArray> Pkcs11RootKey::wrap(const SecureBytes &key, QByteArrayView associatedData)
{
    std::lock_guard lock(d->mutex);
    QByteArray iv = randomBytes(kNonceLength);
    QByteArray aad = associatedData.toByteArray();
    CK_GCM_PARAMS params = {};
    params.pIv = reinterpret_cast<CK_BYTE_PTR>(iv.data());
    params.ulIvLen = CK_ULONG(iv.size());
    params.ulIvBits = CK_ULONG(iv.size() * 8);
    params.pAAD = reinterpret_cast<CK_BYTE_PTR>(aad.data());
    params.ulAADLen = CK_ULONG(aad.size());
    params.ulTagBits = kTagLength * 8;
    CK_MECHANISM mechanism = {CKM_AES_GCM, &params, sizeof params};
    CK_RV rv = d->f()->C_EncryptInit(d->session, &mechanism, d->key);
    if (rv != CKR_OK)
        return tokenError(QStringLiteral("token encryption setup failed"), rv);
    SecureBytes input = key; // C_Encrypt takes a non-const pointer
    QByteArray out(iv.size() + qsizetype(input.size()) + kTagLength, Qt::Uninitialized);
    std::memcpy(out.data(), iv.constData(), std::size_t(iv.size()));
    CK_ULONG outLen = CK_ULONG(out.size() - iv.size());
    rv = d->f()->C_Encrypt(d->session, input.udata(), CK_ULONG(input.size()),
                           reinterpret_cast<CK_BYTE_PTR>(out.data() + iv.size()), &outLen);
    if (rv != CKR_OK)
        return tokenError(QStringLiteral("token encryption failed"), rv);
    out.truncate(iv.size() + qsizetype(outLen));
    return out;
}

Result<SecureBytes> Pkcs11RootKey::unwrap(QByteArrayView wrapped, QByteArrayView associatedData)
{
    std::lock_guard lock(d->mutex);
    if (wrapped.size() < kNonceLength + kTagLength)
        return makeError(Error::Code::Corrupt, QStringLiteral("wrapped key too short"));
    QByteArray iv = wrapped.first(kNonceLength).toByteArray();
    QByteArray sealed = wrapped.sliced(kNonceLength).toByteArray();
    QByteArray aad = associatedData.toByteArray();
    CK_GCM_PARAMS params = {};
    params.pIv = reinterpret_cast<CK_BYTE_PTR>(iv.data());
    params.ulIvLen = CK_ULONG(iv.size());
    params.ulIvBits = CK_ULONG(iv.size() * 8);
    params.pAAD = reinterpret_cast<CK_BYTE_PTR>(aad.data());
    params.ulAADLen = CK_ULONG(aad.size());
    params.ulTagBits = kTagLength * 8;
    CK_MECHANISM mechanism = {CKM_AES_GCM, &params, sizeof params};
    CK_RV rv = d->f()->C_DecryptInit(d->session, &mechanism, d->key);
    if (rv != CKR_OK)
        return tokenError(QStringLiteral("token decryption setup failed"), rv);
    // Some tokens want room for the whole input before they strip the tag.
    SecureBytes buffer(std::size_t(sealed.size()));
    CK_ULONG outLen = CK_ULONG(buffer.size());
    rv = d->f()->C_Decrypt(d->session, reinterpret_cast<CK_BYTE_PTR>(sealed.data()), CK_ULONG(sealed.size()),
                           buffer.udata(), &outLen);
    if (rv != CKR_OK)
        return makeError(
            Error::Code::Crypto,
            QStringLiteral("the token refused to unwrap the key (altered data or another root key): ") +
                pkcs11ErrorText(rv));
    return SecureBytes(QByteArrayView(buffer.data(), qsizetype(outLen)));
}

Result<void> Pkcs11RootKey::changeCredential(const SecureBytes &oldPin, const SecureBytes &newPin)
{
    std::lock_guard lock(d->mutex);
    if (newPin.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the new PIN must not be empty"));
    SecureBytes oldCopy = oldPin, newCopy = newPin;
    const CK_RV rv = d->f()->C_SetPIN(d->session, oldCopy.udata(), CK_ULONG(oldCopy.size()), newCopy.udata(),
                                      CK_ULONG(newCopy.size()));
    if (rv == CKR_PIN_INCORRECT)
        return makeError(Error::Code::WrongPassphrase, QStringLiteral("the current token PIN is wrong"));
    if (rv != CKR_OK)
        return tokenError(QStringLiteral("cannot change the token PIN"), rv);
    return {};
}

Result<std::unique_ptr<RootKeyProvider>> Pkcs11RootKey::renew()
{
    std::lock_guard lock(d->mutex);
    std::unique_ptr<Pkcs11RootKey> fresh(new Pkcs11RootKey);
    Impl &n = *fresh->d;
    n.config = d->config;
    const qsizetype mark = n.config.keyLabel.indexOf(QLatin1Char('#'));
    const QString base = mark < 0 ? n.config.keyLabel : n.config.keyLabel.left(mark);
    n.config.keyLabel = base + QLatin1Char('#') + QString::fromLatin1(randomBytes(6).toHex());
    n.module = d->module;
    auto slot = n.findSlot();
    if (!slot)
        return slot.error();
    // The token's login is the application's, shared by all its sessions: no PIN is asked again.
    const CK_RV rv =
        n.f()->C_OpenSession(slot.value(), CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr, &n.session);
    if (rv != CKR_OK)
        return tokenError(QStringLiteral("cannot open a token session"), rv);
    auto key = n.generateKey();
    if (!key)
        return key.error();
    n.key = key.value();
    auto props = n.properties();
    if (!props || !props->sensitive || props->extractable || props->valueReadable ||
        props->lengthBytes != int(kRootKeyLength)) {
        n.f()->C_DestroyObject(n.session, n.key);
        return makeError(
            Error::Code::PermissionDenied,
            QStringLiteral("the token did not generate a sensitive, non-extractable AES-256 key"));
    }
    return std::unique_ptr<RootKeyProvider>(std::move(fresh));
}

Result<void> Pkcs11RootKey::erase()
{
    std::lock_guard lock(d->mutex);
    if (d->key == CK_INVALID_HANDLE)
        return {};
    const CK_RV rv = d->f()->C_DestroyObject(d->session, d->key);
    if (rv != CKR_OK)
        return tokenError(QStringLiteral("cannot destroy the old root key in the token"), rv);
    d->key = CK_INVALID_HANDLE;
    return {};
}

Result<void> Pkcs11RootKey::eraseRetired(const QJsonObject &description)
{
    auto config = configFromDescription(description);
    if (!config)
        return config.error();
    // Only a key of this keyring's own lineage (the configured label, or it with "#" and a suffix):
    // an edited keyring cannot name another workspace's key on a shared token.
    const qsizetype mark = d->config.keyLabel.indexOf(QLatin1Char('#'));
    const QString base = mark < 0 ? d->config.keyLabel : d->config.keyLabel.left(mark);
    const bool lineage = config->keyLabel == base || config->keyLabel.startsWith(base + QLatin1Char('#'));
    if (config->tokenLabel != d->config.tokenLabel || config->keyLabel == d->config.keyLabel || !lineage)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("'%1' is not a retired key of this token").arg(config->keyLabel));
    std::lock_guard lock(d->mutex);
    auto key = d->findKeyLabelled(config->keyLabel);
    if (!key && key.error().code == Error::Code::NotFound)
        return {};
    if (!key)
        return key.error();
    const CK_RV rv = d->f()->C_DestroyObject(d->session, key.value());
    if (rv != CKR_OK)
        return tokenError(QStringLiteral("cannot destroy the old root key in the token"), rv);
    return {};
}

Result<Pkcs11RootKey::KeyProperties> Pkcs11RootKey::rootKeyProperties() const
{
    std::lock_guard lock(d->mutex);
    return d->properties();
}

} // namespace mdp::crypto
