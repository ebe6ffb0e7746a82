#include "mdp/crypto/KeyHierarchy.h"

#include "mdp/crypto/PassphraseRootKey.h"
#include "mdp/crypto/Pkcs11RootKey.h"
#include "mdp/crypto/Random.h"

#include "mdp/foundation/AtomicFile.h"

#include "CryptoLog.h"
#include <QFile>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <mutex>

namespace mdp::crypto {

namespace {

Result<QByteArray> readKeyring(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(Error::Code::NotFound, QStringLiteral("keyring file not found"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, QStringLiteral("cannot read the keyring: ") + file.errorString());
    return file.readAll();
}

const QString kFormat = QStringLiteral("mdp-keyring");
constexpr int kFormatVersion = 1;
constexpr int kKeyLength = 32;

bool isNameChar(QChar c, bool allowUpper)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'.' || u == u':' || u == u'_' ||
           u == u'-' || (allowUpper && ((u >= u'A' && u <= u'Z') || u == u'/'));
}

bool isValidName(QStringView name, bool allowUpper)
{
    if (name.isEmpty() || name.size() > 128)
        return false;
    for (QChar c : name) {
        if (!isNameChar(c, allowUpper))
            return false;
    }
    return true;
}

QString stamp(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseStamp(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

std::optional<KeyState> stateFromName(const QString &name)
{
    if (name == u"active")
        return KeyState::Active;
    if (name == u"retired")
        return KeyState::Retired;
    if (name == u"destroyed")
        return KeyState::Destroyed;
    return std::nullopt;
}

QString newId()
{
    return QString::fromLatin1(randomBytes(16).toHex());
}

struct KekEntry
{
    QString id;
    QString purpose;
    int version = 1;
    KeyState state = KeyState::Active;
    QDateTime createdAt;
    QDateTime changedAt;
    QByteArray wrapped; // empty once destroyed

    QString label() const { return QStringLiteral("kek/%1/v%2").arg(purpose).arg(version); }
    // Binds the wrapped KEK to its identity so entries cannot be swapped or relabelled.
    QByteArray associatedData() const
    {
        return QByteArrayLiteral("mdp-kek/1|") + id.toLatin1() + '|' + purpose.toLatin1() + '|' +
               QByteArray::number(version);
    }
};

struct DataKeyEntry
{
    QString name;
    QString id;
    QString purpose;
    int kekVersion = 1;
    KeyState state = KeyState::Active;
    QDateTime createdAt;
    QDateTime changedAt;
    QByteArray wrapped; // empty once destroyed

    QByteArray associatedData() const
    {
        return QByteArrayLiteral("mdp-dek/1|") + id.toLatin1() + '|' + name.toUtf8() + '|' +
               purpose.toLatin1() + '|' + QByteArray::number(kekVersion);
    }
};

const QByteArray kRootCheckAad = QByteArrayLiteral("mdp-root-check/1");

// Everything the keyring file holds. Copied, changed and written as a whole, then swapped in,
// so a failed write leaves the in-memory state as it was.
struct Model
{
    AeadCipher cipher = AeadCipher::Sm4Gcm;
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject root;
    QByteArray rootCheck; // random bytes wrapped by the root: proves at open that the root matches
    QList<KekEntry> keks;
    QList<DataKeyEntry> dataKeys;

    QByteArray toJson() const
    {
        QJsonArray kekArray;
        for (const KekEntry &k : keks) {
            QJsonObject o{{QStringLiteral("id"), k.id},
                          {QStringLiteral("purpose"), k.purpose},
                          {QStringLiteral("version"), k.version},
                          {QStringLiteral("state"), keyStateName(k.state)},
                          {QStringLiteral("createdAt"), stamp(k.createdAt)},
                          {QStringLiteral("changedAt"), stamp(k.changedAt)}};
            if (!k.wrapped.isEmpty())
                o.insert(QStringLiteral("wrapped"), QString::fromLatin1(k.wrapped.toBase64()));
            kekArray.append(o);
        }
        QJsonArray dataArray;
        for (const DataKeyEntry &k : dataKeys) {
            QJsonObject o{{QStringLiteral("name"), k.name},
                          {QStringLiteral("id"), k.id},
                          {QStringLiteral("purpose"), k.purpose},
                          {QStringLiteral("kekVersion"), k.kekVersion},
                          {QStringLiteral("state"), keyStateName(k.state)},
                          {QStringLiteral("createdAt"), stamp(k.createdAt)},
                          {QStringLiteral("changedAt"), stamp(k.changedAt)}};
            if (!k.wrapped.isEmpty())
                o.insert(QStringLiteral("wrapped"), QString::fromLatin1(k.wrapped.toBase64()));
            dataArray.append(o);
        }
        const QJsonObject top{{QStringLiteral("format"), kFormat},
                              {QStringLiteral("formatVersion"), kFormatVersion},
                              {QStringLiteral("cipher"), cipherName(cipher)},
                              {QStringLiteral("createdAt"), stamp(createdAt)},
                              {QStringLiteral("updatedAt"), stamp(updatedAt)},
                              {QStringLiteral("root"), root},
                              {QStringLiteral("rootCheck"), QString::fromLatin1(rootCheck.toBase64())},
                              {QStringLiteral("keyEncryptionKeys"), kekArray},
                              {QStringLiteral("dataKeys"), dataArray}};
        return QJsonDocument(top).toJson(QJsonDocument::Indented);
    }

    static Result<Model> fromJson(const QByteArray &json)
    {
        const Error corrupt =
            makeError(Error::Code::Corrupt, QStringLiteral("the keyring file is malformed"));
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return corrupt;
        const QJsonObject top = doc.object();
        if (top.value(u"format").toString() != kFormat)
            return corrupt;
        if (top.value(u"formatVersion").toInt() != kFormatVersion)
            return makeError(Error::Code::Unsupported, QStringLiteral("unsupported keyring format version"));
        Model m;
        const auto cipher = cipherFromName(top.value(u"cipher").toString());
        if (!cipher || !top.value(u"root").isObject())
            return corrupt;
        m.cipher = *cipher;
        m.createdAt = parseStamp(top.value(u"createdAt"));
        m.updatedAt = parseStamp(top.value(u"updatedAt"));
        m.root = top.value(u"root").toObject();
        m.rootCheck = QByteArray::fromBase64(top.value(u"rootCheck").toString().toLatin1());
        for (const QJsonValue &v : top.value(u"keyEncryptionKeys").toArray()) {
            const QJsonObject o = v.toObject();
            KekEntry k;
            k.id = o.value(u"id").toString();
            k.purpose = o.value(u"purpose").toString();
            k.version = o.value(u"version").toInt();
            const auto state = stateFromName(o.value(u"state").toString());
            k.createdAt = parseStamp(o.value(u"createdAt"));
            k.changedAt = parseStamp(o.value(u"changedAt"));
            k.wrapped = QByteArray::fromBase64(o.value(u"wrapped").toString().toLatin1());
            if (k.id.isEmpty() || !KeyPurpose::isValid(k.purpose) || k.version < 1 || !state ||
                (*state != KeyState::Destroyed && k.wrapped.isEmpty()))
                return corrupt;
            k.state = *state;
            m.keks.append(k);
        }
        for (const QJsonValue &v : top.value(u"dataKeys").toArray()) {
            const QJsonObject o = v.toObject();
            DataKeyEntry k;
            k.name = o.value(u"name").toString();
            k.id = o.value(u"id").toString();
            k.purpose = o.value(u"purpose").toString();
            k.kekVersion = o.value(u"kekVersion").toInt();
            const auto state = stateFromName(o.value(u"state").toString());
            k.createdAt = parseStamp(o.value(u"createdAt"));
            k.changedAt = parseStamp(o.value(u"changedAt"));
            k.wrapped = QByteArray::fromBase64(o.value(u"wrapped").toString().toLatin1());
            if (k.id.isEmpty() || !isValidName(k.name, true) || !KeyPurpose::isValid(k.purpose) ||
                k.kekVersion < 1 || !state || (*state != KeyState::Destroyed && k.wrapped.isEmpty()))
                return corrupt;
            k.state = *state;
            m.dataKeys.append(k);
        }
        return m;
    }

    KekEntry *activeKek(const QString &purpose)
    {
        for (KekEntry &k : keks) {
            if (k.purpose == purpose && k.state == KeyState::Active)
                return &k;
        }
        return nullptr;
    }

    const KekEntry *kek(const QString &purpose, int version) const
    {
        for (const KekEntry &k : keks) {
            if (k.purpose == purpose && k.version == version)
                return &k;
        }
        return nullptr;
    }

    DataKeyEntry *dataKey(const QString &name)
    {
        for (DataKeyEntry &k : dataKeys) {
            if (k.name == name)
                return &k;
        }
        return nullptr;
    }
};

struct Event
{
    KeyAction action;
    QString keyId;
    QString purpose;
    QString detail;
};

} // namespace

bool KeyPurpose::isValid(QStringView purpose)
{
    return isValidName(purpose, false);
}

QString keyStateName(KeyState state)
{
    switch (state) {
    case KeyState::Active:
        return QStringLiteral("active");
    case KeyState::Retired:
        return QStringLiteral("retired");
    case KeyState::Destroyed:
        return QStringLiteral("destroyed");
    }
    return {};
}

struct KeyHierarchy::Impl
{
    QString path;
    std::unique_ptr<RootKeyProvider> root;
    const Clock *clock = nullptr;
    KeyAuditSink *audit = nullptr;
    Model model;
    mutable std::mutex mutex;

    void report(KeyAction action, const QString &keyId, const QString &purpose, bool success,
                const QString &detail) const
    {
        if (audit)
            audit->keyEvent(action, keyId, purpose, success, detail);
    }

    void reportAll(const QList<Event> &events) const
    {
        for (const Event &e : events)
            report(e.action, e.keyId, e.purpose, true, e.detail);
    }

    // Writes `next` and, once it is on disk, makes it current.
    Result<void> commit(Model &next)
    {
        next.updatedAt = clock->now();
        auto written = mdp::writeFileAtomically(path, next.toJson());
        if (!written)
            return written;
        model = std::move(next);
        return {};
    }

    Result<SecureBytes> unwrapKek(const KekEntry &kek) const
    {
        if (kek.state == KeyState::Destroyed || kek.wrapped.isEmpty())
            return makeError(Error::Code::NotFound,
                             QStringLiteral("key-encryption key %1 was destroyed").arg(kek.label()));
        auto key = root->unwrap(kek.wrapped, kek.associatedData());
        if (!key)
            return makeError(Error::Code::Tampered,
                             QStringLiteral("key-encryption key %1 does not unwrap: ").arg(kek.label()) +
                                 key.error().message);
        return key;
    }

    // The purpose's active KEK in `next`, created (and recorded in `events`) if the purpose has none.
    Result<SecureBytes> activeKekOf(Model &next, const QString &purpose, int &version, QList<Event> &events)
    {
        if (const KekEntry *existing = next.activeKek(purpose)) {
            version = existing->version;
            return unwrapKek(*existing);
        }
        int highest = 0;
        for (const KekEntry &k : next.keks) {
            if (k.purpose == purpose)
                highest = std::max(highest, k.version);
        }
        KekEntry kek;
        kek.id = newId();
        kek.purpose = purpose;
        kek.version = highest + 1;
        kek.createdAt = kek.changedAt = clock->now();
        SecureBytes key = randomKey(kKeyLength);
        auto wrapped = root->wrap(key, kek.associatedData());
        if (!wrapped)
            return wrapped.error();
        kek.wrapped = wrapped.value();
        next.keks.append(kek);
        events.append({KeyAction::CreateKek, kek.label(), purpose, root->wrapAlgorithm()});
        version = kek.version;
        return key;
    }

    Result<QByteArray> wrapDataKey(const SecureBytes &kek, const SecureBytes &dataKey,
                                   const DataKeyEntry &entry) const
    {
        auto aead = Aead::create(model.cipher, kek);
        if (!aead)
            return aead.error();
        return aead->sealWithRandomNonce(entry.associatedData(), dataKey.view());
    }

    Result<SecureBytes> unwrapDataKey(const SecureBytes &kek, const DataKeyEntry &entry) const
    {
        auto aead = Aead::create(model.cipher, kek);
        if (!aead)
            return aead.error();
        auto opened = aead->openEnvelope(entry.associatedData(), entry.wrapped);
        if (!opened)
            return makeError(
                Error::Code::Tampered,
                QStringLiteral("data key '%1' does not unwrap: the keyring was altered").arg(entry.name));
        return SecureBytes::takeFrom(opened.value());
    }

    Result<SecureBytes> dataKeyLocked(const QString &name)
    {
        DataKeyEntry *entry = model.dataKey(name);
        Result<SecureBytes> result =
            makeError(Error::Code::NotFound, QStringLiteral("no data key named '%1'").arg(name));
        QString purpose;
        if (entry) {
            purpose = entry->purpose;
            const KekEntry *kekEntry = model.kek(entry->purpose, entry->kekVersion);
            if (entry->state == KeyState::Destroyed)
                result =
                    makeError(Error::Code::NotFound, QStringLiteral("data key '%1' was destroyed").arg(name));
            else if (!kekEntry)
                result =
                    makeError(Error::Code::Corrupt,
                              QStringLiteral("the key-encryption key of data key '%1' is missing").arg(name));
            else if (auto kek = unwrapKek(*kekEntry); !kek)
                result = kek.error();
            else
                result = unwrapDataKey(kek.value(), *entry);
        }
        report(KeyAction::UseDataKey, name, purpose, result.ok(),
               result.ok() ? QString() : result.error().message);
        return result;
    }

    Result<SecureBytes> createDataKeyLocked(const QString &name, const QString &purpose)
    {
        auto fail = [&](Error error) -> Result<SecureBytes> {
            report(KeyAction::CreateDataKey, name, purpose, false, error.message);
            return error;
        };
        if (!isValidName(name, true))
            return fail(makeError(Error::Code::InvalidArgument,
                                  QStringLiteral("a data key name is 1-128 letters, digits or \".:_-/\"")));
        if (!KeyPurpose::isValid(purpose))
            return fail(
                makeError(Error::Code::InvalidArgument,
                          QStringLiteral("a key purpose is 1-128 lower-case letters, digits or \".:_-\"")));
        if (model.dataKey(name))
            return fail(makeError(Error::Code::AlreadyExists,
                                  QStringLiteral("a data key named '%1' exists or existed").arg(name)));
        Model next = model;
        QList<Event> events;
        int version = 0;
        auto kek = activeKekOf(next, purpose, version, events);
        if (!kek)
            return fail(kek.error());
        DataKeyEntry entry;
        entry.name = name;
        entry.id = newId();
        entry.purpose = purpose;
        entry.kekVersion = version;
        entry.createdAt = entry.changedAt = clock->now();
        SecureBytes key = randomKey(kKeyLength);
        auto wrapped = wrapDataKey(kek.value(), key, entry);
        if (!wrapped)
            return fail(wrapped.error());
        entry.wrapped = wrapped.value();
        next.dataKeys.append(entry);
        if (auto r = commit(next); !r)
            return fail(r.error());
        events.append({KeyAction::CreateDataKey, name, purpose, cipherName(model.cipher)});
        reportAll(events);
        return key;
    }

    Result<void> changeStateLocked(const QString &name, KeyState state)
    {
        const KeyAction action =
            state == KeyState::Destroyed ? KeyAction::DestroyDataKey : KeyAction::RetireDataKey;
        Model next = model;
        DataKeyEntry *entry = next.dataKey(name);
        const QString purpose = entry ? entry->purpose : QString();
        auto fail = [&](Error error) -> Result<void> {
            report(action, name, purpose, false, error.message);
            return error;
        };
        if (!entry)
            return fail(makeError(Error::Code::NotFound, QStringLiteral("no data key named '%1'").arg(name)));
        if (entry->state == KeyState::Destroyed)
            return fail(
                makeError(Error::Code::NotFound, QStringLiteral("data key '%1' was destroyed").arg(name)));
        if (entry->state == state)
            return {};
        entry->state = state;
        entry->changedAt = clock->now();
        if (state == KeyState::Destroyed)
            entry->wrapped.clear();
        if (auto r = commit(next); !r)
            return fail(r.error());
        report(action, name, purpose, true, QString());
        return {};
    }

    Result<void> rotateLocked(const QString &purpose)
    {
        auto fail = [&](Error error) -> Result<void> {
            report(KeyAction::RotateKek, QStringLiteral("kek/%1").arg(purpose), purpose, false,
                   error.message);
            return error;
        };
        Model next = model;
        KekEntry *oldEntry = next.activeKek(purpose);
        if (!oldEntry)
            return fail(makeError(Error::Code::NotFound,
                                  QStringLiteral("no key-encryption key for purpose '%1'").arg(purpose)));
        auto oldKek = unwrapKek(*oldEntry);
        if (!oldKek)
            return fail(oldKek.error());
        const QString oldLabel = oldEntry->label();
        // Retire first so activeKekOf() draws a fresh version.
        oldEntry->state = KeyState::Retired;
        QList<Event> events;
        int newVersion = 0;
        auto newKek = activeKekOf(next, purpose, newVersion, events);
        if (!newKek)
            return fail(newKek.error());
        const QDateTime now = clock->now();
        int rewrapped = 0;
        for (DataKeyEntry &entry : next.dataKeys) {
            if (entry.purpose != purpose || entry.state == KeyState::Destroyed)
                continue;
            auto key = unwrapDataKey(oldKek.value(), entry);
            if (!key)
                return fail(key.error());
            const int previous = entry.kekVersion;
            entry.kekVersion = newVersion;
            auto wrapped = wrapDataKey(newKek.value(), key.value(), entry);
            if (!wrapped)
                return fail(wrapped.error());
            entry.wrapped = wrapped.value();
            entry.changedAt = now;
            ++rewrapped;
            events.append({KeyAction::RewrapDataKey, entry.name, purpose,
                           QStringLiteral("kek v%1 -> v%2").arg(previous).arg(newVersion)});
        }
        for (KekEntry &k : next.keks) {
            if (k.purpose == purpose && k.version != newVersion && k.state != KeyState::Destroyed) {
                k.state = KeyState::Destroyed;
                k.wrapped.clear();
                k.changedAt = now;
                events.append({KeyAction::DestroyKek, k.label(), purpose, QString()});
            }
        }
        if (auto r = commit(next); !r)
            return fail(r.error());
        events.append({KeyAction::RotateKek, QStringLiteral("kek/%1").arg(purpose), purpose,
                       QStringLiteral("%1 -> v%2, %3 data keys re-wrapped")
                           .arg(oldLabel)
                           .arg(newVersion)
                           .arg(rewrapped)});
        reportAll(events);
        return {};
    }

    Result<void> changeCredentialLocked(const SecureBytes &oldSecret, const SecureBytes &newSecret)
    {
        auto changed = root->changeCredential(oldSecret, newSecret);
        if (!changed) {
            report(KeyAction::ChangeRootCredential, QStringLiteral("root"), QString(), false,
                   changed.error().message);
            return changed;
        }
        Model next = model;
        next.root = root->description();
        if (auto r = commit(next); !r) {
            // Put the provider back so memory and file agree; the old credential still opens the file.
            auto reverted = root->changeCredential(newSecret, oldSecret);
            if (!reverted)
                qCCritical(lcCrypto, "root credential changed in memory but not on disk; reopen the keyring");
            report(KeyAction::ChangeRootCredential, QStringLiteral("root"), QString(), false,
                   r.error().message);
            return r;
        }
        report(KeyAction::ChangeRootCredential, QStringLiteral("root"), QString(), true,
               root->wrapAlgorithm());
        return {};
    }
};

KeyHierarchy::KeyHierarchy()
    : d(std::make_unique<Impl>())
{}

KeyHierarchy::~KeyHierarchy() = default;

Result<std::unique_ptr<KeyHierarchy>> KeyHierarchy::create(const QString &keyringPath,
                                                           std::unique_ptr<RootKeyProvider> root,
                                                           const Clock &clock, KeyAuditSink *audit,
                                                           KeyHierarchyOptions options)
{
    auto fail = [&](Error error) -> Result<std::unique_ptr<KeyHierarchy>> {
        if (audit)
            audit->keyEvent(KeyAction::CreateRoot, QStringLiteral("root"), QString(), false, error.message);
        return error;
    };
    if (!root)
        return fail(
            makeError(Error::Code::InvalidArgument, QStringLiteral("a keyring needs a root key provider")));
    if (QFileInfo::exists(keyringPath))
        return fail(
            makeError(Error::Code::AlreadyExists, QStringLiteral("a keyring already exists at this path")));
    std::unique_ptr<KeyHierarchy> h(new KeyHierarchy);
    h->d->path = keyringPath;
    h->d->clock = &clock;
    h->d->audit = audit;
    Model next;
    next.cipher = options.wrapCipher;
    next.createdAt = clock.now();
    next.root = root->description();
    auto check = root->wrap(randomKey(kKeyLength), kRootCheckAad);
    if (!check)
        return fail(check.error());
    next.rootCheck = check.value();
    h->d->root = std::move(root);
    if (auto r = h->d->commit(next); !r)
        return fail(r.error());
    h->d->report(KeyAction::CreateRoot, QStringLiteral("root"), QString(), true,
                 h->d->root->kind() + QStringLiteral(", ") + h->d->root->wrapAlgorithm());
    return h;
}

Result<QString> KeyHierarchy::rootKindOf(const QString &keyringPath)
{
    auto bytes = readKeyring(keyringPath);
    if (!bytes)
        return bytes.error();
    auto model = Model::fromJson(bytes.value());
    if (!model)
        return model.error();
    return model->root.value(u"kind").toString();
}

Result<std::unique_ptr<KeyHierarchy>> KeyHierarchy::open(const QString &keyringPath,
                                                         const SecureBytes &secret, const Clock &clock,
                                                         KeyAuditSink *audit)
{
    auto fail = [&](Error error) -> Result<std::unique_ptr<KeyHierarchy>> {
        if (audit)
            audit->keyEvent(KeyAction::UnlockRoot, QStringLiteral("root"), QString(), false, error.message);
        return error;
    };
    auto bytes = readKeyring(keyringPath);
    if (!bytes)
        return fail(bytes.error());
    auto model = Model::fromJson(bytes.value());
    if (!model)
        return fail(model.error());
    const QString kind = model->root.value(u"kind").toString();
    std::unique_ptr<RootKeyProvider> root;
    if (kind == u"passphrase") {
        auto unlocked = PassphraseRootKey::unlock(model->root, secret);
        if (!unlocked)
            return fail(unlocked.error());
        root = std::move(unlocked.value());
    } else if (kind == u"pkcs11") {
        auto config = Pkcs11RootKey::configFromDescription(model->root);
        if (!config)
            return fail(config.error());
        auto opened = Pkcs11RootKey::open(config.value(), secret);
        if (!opened)
            return fail(opened.error());
        root = std::move(opened.value());
    } else {
        return fail(
            makeError(Error::Code::Unsupported, QStringLiteral("unknown root key kind in the keyring")));
    }
    if (auto check = root->unwrap(model->rootCheck, kRootCheckAad); !check)
        return fail(makeError(
            Error::Code::Tampered,
            QStringLiteral("the root key does not match this keyring (wrong token key or altered file)")));
    std::unique_ptr<KeyHierarchy> h(new KeyHierarchy);
    h->d->path = keyringPath;
    h->d->clock = &clock;
    h->d->audit = audit;
    h->d->root = std::move(root);
    h->d->model = std::move(model.value());
    h->d->report(KeyAction::UnlockRoot, QStringLiteral("root"), QString(), true, kind);
    return h;
}

QString KeyHierarchy::keyringPath() const
{
    return d->path;
}

QString KeyHierarchy::rootKind() const
{
    return d->root->kind();
}

Result<SecureBytes> KeyHierarchy::createDataKey(const QString &name, const QString &purpose)
{
    std::lock_guard lock(d->mutex);
    return d->createDataKeyLocked(name, purpose);
}

Result<SecureBytes> KeyHierarchy::dataKey(const QString &name)
{
    std::lock_guard lock(d->mutex);
    return d->dataKeyLocked(name);
}

Result<SecureBytes> KeyHierarchy::ensureDataKey(const QString &name, const QString &purpose)
{
    std::lock_guard lock(d->mutex);
    if (const DataKeyEntry *entry = d->model.dataKey(name)) {
        if (entry->purpose != purpose) {
            Error error = makeError(Error::Code::Conflict,
                                    QStringLiteral("data key '%1' exists with another purpose").arg(name));
            d->report(KeyAction::UseDataKey, name, purpose, false, error.message);
            return error;
        }
        return d->dataKeyLocked(name);
    }
    return d->createDataKeyLocked(name, purpose);
}

Result<void> KeyHierarchy::retireDataKey(const QString &name)
{
    std::lock_guard lock(d->mutex);
    return d->changeStateLocked(name, KeyState::Retired);
}

Result<void> KeyHierarchy::destroyDataKey(const QString &name)
{
    std::lock_guard lock(d->mutex);
    return d->changeStateLocked(name, KeyState::Destroyed);
}

Result<void> KeyHierarchy::rotateKek(const QString &purpose)
{
    std::lock_guard lock(d->mutex);
    return d->rotateLocked(purpose);
}

Result<void> KeyHierarchy::changePassphrase(const SecureBytes &oldSecret, const SecureBytes &newSecret)
{
    std::lock_guard lock(d->mutex);
    return d->changeCredentialLocked(oldSecret, newSecret);
}

QList<KeyInfo> KeyHierarchy::keys() const
{
    std::lock_guard lock(d->mutex);
    QList<KeyInfo> out;
    KeyInfo root;
    root.kind = KeyInfo::Kind::Root;
    root.name = QStringLiteral("root");
    root.id = d->model.root.value(u"rootKeyId").toString();
    root.algorithm = d->root->kind() + QStringLiteral(": ") + d->root->wrapAlgorithm();
    root.createdAt = d->model.createdAt;
    root.changedAt = d->model.updatedAt;
    out.append(root);
    for (const KekEntry &k : d->model.keks) {
        KeyInfo info;
        info.kind = KeyInfo::Kind::KeyEncryptionKey;
        info.name = k.label();
        info.id = k.id;
        info.purpose = k.purpose;
        info.version = k.version;
        info.state = k.state;
        info.algorithm = d->root->wrapAlgorithm();
        info.createdAt = k.createdAt;
        info.changedAt = k.changedAt;
        out.append(info);
    }
    for (const DataKeyEntry &k : d->model.dataKeys) {
        KeyInfo info;
        info.kind = KeyInfo::Kind::DataKey;
        info.name = k.name;
        info.id = k.id;
        info.purpose = k.purpose;
        info.version = k.kekVersion;
        info.state = k.state;
        info.algorithm = cipherName(d->model.cipher);
        info.createdAt = k.createdAt;
        info.changedAt = k.changedAt;
        out.append(info);
    }
    return out;
}

} // namespace mdp::crypto
