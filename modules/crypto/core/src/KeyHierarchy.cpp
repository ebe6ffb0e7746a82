#include "mdp/crypto/KeyHierarchy.h"

#include "mdp/crypto/PassphraseRootKey.h"
#include "mdp/crypto/Pkcs11RootKey.h"
#include "mdp/crypto/Random.h"

#include "mdp/foundation/AtomicFile.h"

#include "CryptoLog.h"
#include "KeySlot.h"

#include <QFile>

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

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
    // Whose key wraps it: the root, or a role-scoped key (accounts root only).
    QString scope = rootScope();

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

// A role-scoped key of an accounts keyring (keyScopes() other than the root): only the slots
// granted the scope hold it. The keyring keeps its id and generation and a check value wrapped by
// it, never the key.
struct ScopeKeyEntry
{
    QString scope;
    QString id;
    int generation = 1;
    QByteArray check;
    // The slots the scope was granted to, as its last holder-session wrote them, and an HMAC over
    // them under a key from the scope key: a root holder who adds the scope to her slot's grants in
    // the file is not among them, so no rotation re-grants her the renewed key.
    QStringList holders;
    QByteArray holdersMac;

    QByteArray checkAad() const
    {
        return QByteArrayLiteral("mdp-scope-check/1|") + scope.toLatin1() + '|' + id.toLatin1();
    }
};
const QString kAccountsKind = QStringLiteral("accounts");
const QString kRecoveryName = QStringLiteral("#recovery");
const QString kSiteName = QStringLiteral("#site");

// The account id (and user name) of a scope's site slot: "#site:root", "#site:identity".
QString siteAccountOf(const QString &scope)
{
    return kSiteName + u':' + scope;
}

// The root of an "accounts" keyring: a random key held in memory once a key slot's grant opened
// it. The keyring stores no wrapped copy of it except in the slots' grants.
class SlotRootKey final : public RootKeyProvider
{
public:
    SlotRootKey(SecureBytes key, QString id, AeadCipher cipher, int generation, Argon2Parameters slotKdf)
        : m_key(std::move(key))
        , m_id(std::move(id))
        , m_cipher(cipher)
        , m_generation(generation)
        , m_slotKdf(slotKdf)
    {}

    static std::unique_ptr<SlotRootKey> fresh(AeadCipher cipher, int generation, Argon2Parameters slotKdf)
    {
        return std::make_unique<SlotRootKey>(
            randomKey(kKeyLength), QString::fromLatin1(randomBytes(16).toHex()), cipher, generation, slotKdf);
    }

    QString kind() const override { return kAccountsKind; }
    QJsonObject description() const override
    {
        return QJsonObject{
            {QStringLiteral("kind"), kAccountsKind},
            {QStringLiteral("rootKeyId"), m_id},
            {QStringLiteral("cipher"), cipherName(m_cipher)},
            {QStringLiteral("generation"), m_generation},
            {QStringLiteral("slotKdf"), QJsonObject{{QStringLiteral("iterations"), m_slotKdf.iterations},
                                                    {QStringLiteral("memoryKiB"), m_slotKdf.memoryKiB},
                                                    {QStringLiteral("parallelism"), m_slotKdf.parallelism}}}};
    }
    QString wrapAlgorithm() const override { return cipherName(m_cipher); }
    Result<QByteArray> wrap(const SecureBytes &key, QByteArrayView associatedData) override
    {
        auto aead = Aead::create(m_cipher, m_key);
        if (!aead)
            return aead.error();
        return aead->sealWithRandomNonce(associatedData, key.view());
    }
    Result<SecureBytes> unwrap(QByteArrayView wrapped, QByteArrayView associatedData) override
    {
        auto aead = Aead::create(m_cipher, m_key);
        if (!aead)
            return aead.error();
        auto opened = aead->openEnvelope(associatedData, wrapped);
        if (!opened)
            return opened.error();
        return SecureBytes::takeFrom(opened.value());
    }
    Result<void> changeCredential(const SecureBytes &, const SecureBytes &) override
    {
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("an accounts keyring has no workspace passphrase: each account "
                                        "changes its own password"));
    }

    const SecureBytes &key() const { return m_key; }
    const QString &id() const { return m_id; }
    QByteArray idBytes() const { return QByteArray::fromHex(m_id.toLatin1()); }
    int generation() const { return m_generation; }
    AeadCipher cipher() const { return m_cipher; }
    const Argon2Parameters &slotKdf() const { return m_slotKdf; }

    // What the keyring says about the root, before any slot is opened.
    struct Facts
    {
        QString id;
        AeadCipher cipher = AeadCipher::Sm4Gcm;
        int generation = 1;
        Argon2Parameters slotKdf;
    };
    static std::optional<Facts> factsOf(const QJsonObject &d)
    {
        Facts f;
        f.id = d.value(u"rootKeyId").toString();
        const auto cipher = cipherFromName(d.value(u"cipher").toString());
        f.generation = d.value(u"generation").toInt();
        const QJsonObject kdf = d.value(u"slotKdf").toObject();
        f.slotKdf.iterations = kdf.value(u"iterations").toInt();
        f.slotKdf.memoryKiB = kdf.value(u"memoryKiB").toInt();
        f.slotKdf.parallelism = kdf.value(u"parallelism").toInt();
        if (d.value(u"kind").toString() != kAccountsKind || f.id.size() != 32 || !cipher ||
            f.generation < 1 || !slotKdfWithinBounds(f.slotKdf))
            return std::nullopt;
        f.cipher = *cipher;
        return f;
    }

private:
    SecureBytes m_key;
    QString m_id;
    AeadCipher m_cipher;
    int m_generation;
    Argon2Parameters m_slotKdf;
};

struct Model;
QByteArray slotTableMac(const SlotRootKey &root, const Model &model);

// Everything the keyring file holds. Copied, changed and written as a whole, then swapped in,
// so a failed write leaves the in-memory state as it was.
struct Model
{
    AeadCipher cipher = AeadCipher::Sm4Gcm;
    QDateTime createdAt;
    QDateTime updatedAt;
    QJsonObject root;
    QByteArray rootCheck; // random bytes wrapped by the root: proves at open that the root matches
    // Token root keys renewed away but not yet confirmed destroyed in the token (their descriptions):
    // each open tries again, so a crash between the keyring write and the erase leaves no key alive.
    QJsonArray retiredRoots;
    QList<KekEntry> keks;
    QList<DataKeyEntry> dataKeys;
    QList<KeySlot> slots;           // an "accounts" root only
    QList<ScopeKeyEntry> scopeKeys; // an "accounts" root only
    QByteArray slotsMac; // HMAC over the slot table and the root's facts, under a key from the root

    // The purposes that have an active key-encryption key, each once.
    QStringList activePurposes() const
    {
        QStringList purposes;
        for (const KekEntry &k : keks) {
            if (k.state == KeyState::Active && !purposes.contains(k.purpose))
                purposes << k.purpose;
        }
        return purposes;
    }

    ScopeKeyEntry *scopeKey(const QString &scope)
    {
        for (ScopeKeyEntry &e : scopeKeys) {
            if (e.scope == scope)
                return &e;
        }
        return nullptr;
    }
    const ScopeKeyEntry *scopeKey(const QString &scope) const
    {
        return const_cast<Model *>(this)->scopeKey(scope);
    }

    KeySlot *slotByName(const QString &userName)
    {
        for (KeySlot &slot : slots) {
            if (slot.kind == u"password" && slot.userName.compare(userName, Qt::CaseInsensitive) == 0)
                return &slot;
        }
        return nullptr;
    }
    KeySlot *slotByAccount(const QString &accountId)
    {
        for (KeySlot &slot : slots) {
            if (slot.accountId == accountId)
                return &slot;
        }
        return nullptr;
    }

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
            if (k.scope != rootScope())
                o.insert(QStringLiteral("scope"), k.scope);
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
        QJsonObject top{{QStringLiteral("format"), kFormat},
                        {QStringLiteral("formatVersion"), kFormatVersion},
                        {QStringLiteral("cipher"), cipherName(cipher)},
                        {QStringLiteral("createdAt"), stamp(createdAt)},
                        {QStringLiteral("updatedAt"), stamp(updatedAt)},
                        {QStringLiteral("root"), root},
                        {QStringLiteral("rootCheck"), QString::fromLatin1(rootCheck.toBase64())},
                        {QStringLiteral("keyEncryptionKeys"), kekArray},
                        {QStringLiteral("dataKeys"), dataArray}};
        if (!retiredRoots.isEmpty())
            top.insert(QStringLiteral("retiredRoots"), retiredRoots);
        if (!slots.isEmpty()) {
            QJsonArray slotArray;
            for (const KeySlot &slot : slots)
                slotArray.append(slot.toJson());
            top.insert(QStringLiteral("slots"), slotArray);
            top.insert(QStringLiteral("slotsMac"), QString::fromLatin1(slotsMac.toBase64()));
        }
        if (!scopeKeys.isEmpty()) {
            QJsonArray scopeArray;
            for (const ScopeKeyEntry &e : scopeKeys)
                scopeArray.append(QJsonObject{
                    {QStringLiteral("scope"), e.scope},
                    {QStringLiteral("id"), e.id},
                    {QStringLiteral("generation"), e.generation},
                    {QStringLiteral("check"), QString::fromLatin1(e.check.toBase64())},
                    {QStringLiteral("holders"), QJsonArray::fromStringList(e.holders)},
                    {QStringLiteral("holdersMac"), QString::fromLatin1(e.holdersMac.toBase64())}});
            top.insert(QStringLiteral("scopeKeys"), scopeArray);
        }
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
        m.retiredRoots = top.value(u"retiredRoots").toArray();
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
            k.scope = o.value(u"scope").toString(rootScope());
            if (k.id.isEmpty() || !KeyPurpose::isValid(k.purpose) || k.version < 1 || !state ||
                (*state != KeyState::Destroyed && k.wrapped.isEmpty()) || !keyScopes().contains(k.scope))
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
        for (const QJsonValue &v : top.value(u"slots").toArray()) {
            auto slot = KeySlot::fromJson(v.toObject());
            if (!slot)
                return corrupt;
            m.slots.append(std::move(*slot));
        }
        m.slotsMac = QByteArray::fromBase64(top.value(u"slotsMac").toString().toLatin1());
        for (const QJsonValue &v : top.value(u"scopeKeys").toArray()) {
            const QJsonObject o = v.toObject();
            ScopeKeyEntry e;
            e.scope = o.value(u"scope").toString();
            e.id = o.value(u"id").toString();
            e.generation = o.value(u"generation").toInt();
            e.check = QByteArray::fromBase64(o.value(u"check").toString().toLatin1());
            for (const QJsonValue &h : o.value(u"holders").toArray())
                e.holders << h.toString();
            e.holdersMac = QByteArray::fromBase64(o.value(u"holdersMac").toString().toLatin1());
            if (e.scope == rootScope() || !keyScopes().contains(e.scope) || e.id.size() != 32 ||
                e.generation < 1 || e.check.isEmpty() || m.scopeKey(e.scope))
                return corrupt;
            m.scopeKeys.append(e);
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

// Who holds which slot and what it is granted, the root's facts (generation, cipher, slot KDF
// parameters): everything a grant or a rotation trusts, authenticated under a key only the root
// gives, so a slot added, renamed, re-pointed or given a scope in the file is found at the next
// unlock. The failure counters are not covered (written before anything is unlocked).
QByteArray slotTableMac(const SlotRootKey &root, const Model &model)
{
    QByteArray text = QByteArrayLiteral("mdp-slot-table/1\n") +
                      QJsonDocument(root.description()).toJson(QJsonDocument::Compact) + '\n';
    QList<const KeySlot *> ordered;
    for (const KeySlot &slot : model.slots)
        ordered << &slot;
    std::sort(ordered.begin(), ordered.end(),
              [](const KeySlot *a, const KeySlot *b) { return a->id < b->id; });
    for (const KeySlot *slot : std::as_const(ordered)) {
        QStringList scopes = slot->grants.keys();
        scopes.sort();
        text +=
            slot->id.toLatin1() + '|' + slot->accountId.toUtf8() + '|' + slot->userName.toUtf8().toBase64() +
            '|' + slot->kind.toLatin1() + '|' + hash(HashAlgorithm::Sm3, slot->publicKeyDer).toHex() + '|' +
            scopes.join(u',').toUtf8() + '|' + QByteArray::number(slot->kdf.iterations) + ',' +
            QByteArray::number(slot->kdf.memoryKiB) + ',' + QByteArray::number(slot->kdf.parallelism) + '\n';
    }
    for (const ScopeKeyEntry &e : model.scopeKeys)
        text += "scope|" + e.scope.toLatin1() + '|' + e.id.toLatin1() + '|' +
                QByteArray::number(e.generation) + '\n';
    const SecureBytes key = hkdf(HashAlgorithm::Sm3, root.key().view(), "mdp.keyring.v1", "slot-table", 32);
    return hmac(HashAlgorithm::Sm3, key.view(), text);
}

// A holder is named by its slot's public key: an id or account id can be copied onto another slot in
// the file, but a grant to a copied public key opens only for the key pair's owner.
QString holderId(const KeySlot &slot)
{
    return QString::fromLatin1(hash(HashAlgorithm::Sm3, slot.publicKeyDer).toHex().left(32));
}

// The HMAC over a scope's holder list, under a key only the scope key gives.
QByteArray scopeHoldersMac(const SecureBytes &scopeKey, const ScopeKeyEntry &entry)
{
    QStringList holders = entry.holders;
    holders.sort();
    const SecureBytes key = hkdf(HashAlgorithm::Sm3, scopeKey.view(), "mdp.keyring.v1",
                                 QByteArrayLiteral("scope-holders/") + entry.scope.toLatin1(), 32);
    return hmac(HashAlgorithm::Sm3, key.view(),
                entry.id.toLatin1() + '|' + QByteArray::number(entry.generation) + '|' +
                    holders.join(u',').toUtf8());
}

// The slots the scope's own key vouches for (empty when the list does not authenticate, or is
// missing: stripping it must not fall back to trusting whatever grants the file lists).
QSet<QString> vouchedHolders(const SecureBytes &scopeKey, const ScopeKeyEntry &entry)
{
    if (entry.holdersMac.isEmpty() || !constantTimeEquals(scopeHoldersMac(scopeKey, entry), entry.holdersMac))
        return {};
    return QSet<QString>(entry.holders.cbegin(), entry.holders.cend());
}

struct Event
{
    KeyAction action;
    QString keyId;
    QString purpose;
    QString detail;
};

} // namespace

QStringList keyScopes()
{
    return {rootScope(), identityScope(), auditScope()};
}

QString scopeOfPurpose(QStringView purpose)
{
    // Attachment originals (scans, reports, DICOM) carry names and ID numbers in their content.
    if (purpose == KeyPurpose::identity() || purpose == KeyPurpose::vault())
        return identityScope();
    if (purpose == KeyPurpose::audit())
        return auditScope();
    return rootScope();
}

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
    // The role-scoped keys the opening slot was granted (accounts root only), by scope.
    QMap<QString, std::shared_ptr<SlotRootKey>> scopes;
    QSet<QString> justGranted;      // holders this operation granted scopes to (for its rotation)
    QString openerAccountId;        // the slot that opened the hierarchy (kRecoveryName for the recovery key)
    bool keepKeksUnderRoot = false; // KeyHierarchyOptions::testKeepKeksUnderRoot

    // The key of `scope`: the root for the root scope or for a passphrase or token root (which
    // has no scopes); nullptr when this hierarchy does not hold that scope.
    RootKeyProvider *wrapperOfScope(const QString &scope) const
    {
        if (scope == rootScope() || !slotRoot())
            return root.get();
        return scopes.value(scope).get();
    }
    // Where a purpose's new KEKs go.
    QString scopeFor(const QString &purpose) const
    {
        return slotRoot() && !keepKeksUnderRoot ? scopeOfPurpose(purpose) : rootScope();
    }
    RootKeyProvider *wrapperFor(const QString &purpose) const { return wrapperOfScope(scopeFor(purpose)); }

    static Error scopeNotHeld(const QString &scope)
    {
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("the %1 key is not granted to this account's roles").arg(scope));
    }

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
    // `macRoot`: the root the slot table is authenticated under, when it is not (yet) the current one.
    Result<void> commit(Model &next, const SlotRootKey *macRoot = nullptr,
                        const QMap<QString, std::shared_ptr<SlotRootKey>> *scopeKeys = nullptr)
    {
        next.updatedAt = clock->now();
        // Each scope this session holds vouches for its holders as they now stand; a scope it does
        // not hold keeps the list its last holder wrote (slots removed since only shrink the truth).
        const auto &held = scopeKeys ? *scopeKeys : scopes;
        for (ScopeKeyEntry &e : next.scopeKeys) {
            const SlotRootKey *key = held.value(e.scope).get();
            if (!key || key->id() != e.id)
                continue;
            e.holders.clear();
            for (const KeySlot &slot : next.slots) {
                if (slot.grants.contains(e.scope))
                    e.holders << holderId(slot);
            }
            e.holders.sort();
            e.holdersMac = scopeHoldersMac(key->key(), e);
        }
        if (const SlotRootKey *r = macRoot ? macRoot : slotRoot())
            next.slotsMac = slotTableMac(*r, next);
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
        // In an accounts keyring a KEK sits under its purpose's scope; the exceptions are vault and
        // audit KEKs from before their scopes existed (settleScopes() moves them). An identity KEK under
        // the root was put there by someone holding only the root, to have identity sealed under a key
        // they know. (An audit KEK planted under the root wraps a key the log's header refuses.)
        if (slotRoot() && kek.scope != scopeOfPurpose(kek.purpose) &&
            !((kek.purpose == KeyPurpose::vault() || kek.purpose == KeyPurpose::audit()) &&
              kek.scope == rootScope()))
            return makeError(Error::Code::Tampered,
                             QStringLiteral("key-encryption key %1 is not under its purpose's key (%2): the "
                                            "keyring was altered")
                                 .arg(kek.label(), scopeOfPurpose(kek.purpose)));
        RootKeyProvider *wrapper = wrapperOfScope(kek.scope);
        if (!wrapper)
            return scopeNotHeld(kek.scope);
        auto key = wrapper->unwrap(kek.wrapped, kek.associatedData());
        if (!key)
            return makeError(Error::Code::Tampered,
                             QStringLiteral("key-encryption key %1 does not unwrap: ").arg(kek.label()) +
                                 key.error().message);
        return key;
    }

    // The purpose's active KEK in `next`, created (and recorded in `events`) if the purpose has none.
    Result<SecureBytes> activeKekOf(Model &next, const QString &purpose, int &version, QList<Event> &events)
    {
        RootKeyProvider *wrapper = wrapperFor(purpose);
        if (!wrapper)
            return scopeNotHeld(scopeFor(purpose));
        return activeKekUnder(*wrapper, scopeFor(purpose), next, purpose, version, events);
    }

    Result<SecureBytes> activeKekUnder(RootKeyProvider &wrapRoot, const QString &scope, Model &next,
                                       const QString &purpose, int &version, QList<Event> &events)
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
        kek.scope = scope;
        kek.createdAt = kek.changedAt = clock->now();
        SecureBytes key = randomKey(kKeyLength);
        auto wrapped = wrapRoot.wrap(key, kek.associatedData());
        if (!wrapped)
            return wrapped.error();
        kek.wrapped = wrapped.value();
        next.keks.append(kek);
        events.append({KeyAction::CreateKek, kek.label(), purpose, wrapRoot.wrapAlgorithm()});
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

    // `value`: the key to keep (32 bytes) instead of a fresh random one.
    Result<SecureBytes> createDataKeyLocked(const QString &name, const QString &purpose,
                                            const SecureBytes *value = nullptr)
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
        if (value && value->size() != kKeyLength)
            return fail(makeError(Error::Code::InvalidArgument, QStringLiteral("a data key is 32 bytes")));
        SecureBytes key = value ? SecureBytes(value->view()) : randomKey(kKeyLength);
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

    // Destroying is destroyLocked(): it renews what wrapped the key as well.
    Result<void> retireLocked(const QString &name)
    {
        const KeyAction action = KeyAction::RetireDataKey;
        const KeyState state = KeyState::Retired;
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
        if (auto r = commit(next); !r)
            return fail(r.error());
        report(action, name, purpose, true, QString());
        return {};
    }

    // Destroys in the token the root keys this keyring renewed away, and forgets those it destroyed.
    Result<void> eraseRetiredRoots()
    {
        if (model.retiredRoots.isEmpty())
            return {};
        Model next = model;
        QJsonArray left;
        std::optional<Error> firstError;
        for (const QJsonValue &v : std::as_const(next.retiredRoots)) {
            auto erased = root->eraseRetired(v.toObject());
            if (erased) {
                report(KeyAction::RotateRoot, QStringLiteral("root"), QString(), true,
                       QStringLiteral("old token key %1 destroyed")
                           .arg(v.toObject().value(u"keyLabel").toString()));
                continue;
            }
            report(KeyAction::RotateRoot, QStringLiteral("root"), QString(), false,
                   QStringLiteral("old token key %1 not destroyed: %2")
                       .arg(v.toObject().value(u"keyLabel").toString(), erased.error().message));
            left.append(v);
            if (!firstError)
                firstError = erased.error();
        }
        if (left.size() != next.retiredRoots.size()) {
            next.retiredRoots = left;
            if (auto w = commit(next); !w)
                return w;
        }
        if (firstError)
            return *firstError;
        return {};
    }

    // Destroying a data key (issue 9 part 6). The entry is erased and what wrapped it is renewed in
    // the same keyring write, so no copy of keyring.json taken before opens it with what holds today:
    // - a token root gets a fresh key object and the old object is destroyed in the token: an old
    //   keyring copy and the PIN reach nothing any more;
    // - an accounts root rotates with every KEK (an old copy plus a password valid when it was taken
    //   still reaches the old root: a passphrase cannot be recalled, see the README);
    // - a passphrase root gets a new version of the purpose's KEK (same limit).
    Result<void> destroyLocked(const QString &name)
    {
        Model next = model;
        DataKeyEntry *entry = next.dataKey(name);
        const QString purpose = entry ? entry->purpose : QString();
        auto fail = [&](Error error) -> Result<void> {
            report(KeyAction::DestroyDataKey, name, purpose, false, error.message);
            return error;
        };
        if (!entry)
            return fail(makeError(Error::Code::NotFound, QStringLiteral("no data key named '%1'").arg(name)));
        if (entry->state == KeyState::Destroyed)
            return fail(
                makeError(Error::Code::NotFound, QStringLiteral("data key '%1' was destroyed").arg(name)));
        entry->state = KeyState::Destroyed;
        entry->changedAt = clock->now();
        entry->wrapped.clear();
        QList<Event> events{{KeyAction::DestroyDataKey, name, purpose, QString()}};

        if (slotRoot()) {
            // The purpose's KEK must move too, which needs its scope's key.
            if (next.activeKek(purpose) && !wrapperFor(purpose))
                return fail(scopeNotHeld(scopeFor(purpose)));
            if (auto w = commitWithRotation(next, events); !w)
                return fail(w.error());
            return {};
        }

        auto renewed = root->renew();
        if (!renewed && renewed.error().code != Error::Code::Unsupported)
            return fail(renewed.error());
        if (!renewed) {
            // A passphrase root: the purpose's KEK is what can be renewed.
            if (next.activeKek(purpose)) {
                if (auto r = rotatePurposeIn(next, purpose, *root, rootScope(), events); !r)
                    return fail(r.error());
            }
            if (auto w = commit(next); !w)
                return fail(w.error());
            reportAll(events);
            return {};
        }

        // A token root: every KEK moves under a fresh token key, then the old key object dies.
        std::unique_ptr<RootKeyProvider> fresh = std::move(renewed.value());
        const QStringList purposes = next.activePurposes();
        for (const QString &p : purposes) {
            if (auto r = rotatePurposeIn(next, p, *fresh, rootScope(), events); !r) {
                (void)fresh->erase();
                return fail(r.error());
            }
        }
        next.root = fresh->description();
        auto check = fresh->wrap(randomKey(kKeyLength), kRootCheckAad);
        if (!check) {
            (void)fresh->erase();
            return fail(check.error());
        }
        next.rootCheck = check.value();
        // The old key is named in the same write, so it is erased at the next open if not now.
        next.retiredRoots.append(root->description());
        events.append({KeyAction::RotateRoot, QStringLiteral("root"), QString(),
                       QStringLiteral("new token key %1").arg(next.root.value(u"keyLabel").toString())});
        if (auto w = commit(next); !w)
            // Not erased: the file may have been replaced before the error (a failed directory sync),
            // and then only the fresh key opens it. An unused token object is the lesser harm.
            return fail(w.error());
        root = std::move(fresh);
        reportAll(events);
        if (auto erased = eraseRetiredRoots(); !erased)
            return makeError(erased.error().code,
                             QStringLiteral("data key '%1' is erased from the keyring, but the old token key "
                                            "that wrapped it could not be destroyed yet (tried again at each "
                                            "open): %2")
                                 .arg(name, erased.error().message));
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
        if (!next.activeKek(purpose))
            return fail(makeError(Error::Code::NotFound,
                                  QStringLiteral("no key-encryption key for purpose '%1'").arg(purpose)));
        QList<Event> events;
        RootKeyProvider *wrapper = wrapperFor(purpose);
        if (!wrapper)
            return fail(scopeNotHeld(scopeFor(purpose)));
        if (auto r = rotatePurposeIn(next, purpose, *wrapper, scopeFor(purpose), events); !r)
            return fail(r.error());
        if (auto r = commit(next); !r)
            return fail(r.error());
        reportAll(events);
        return {};
    }

    // Moves `purpose` in `next` to a new KEK version wrapped under `newRoot` (the current root
    // unwraps the old one), re-wraps its data keys and erases the old versions.
    Result<void> rotatePurposeIn(Model &next, const QString &purpose, RootKeyProvider &newRoot,
                                 const QString &newScope, QList<Event> &events)
    {
        KekEntry *oldEntry = next.activeKek(purpose);
        if (!oldEntry)
            return {};
        auto oldKek = unwrapKek(*oldEntry);
        if (!oldKek)
            return oldKek.error();
        const QString oldLabel = oldEntry->label();
        // Retire first so activeKekUnder() draws a fresh version.
        oldEntry->state = KeyState::Retired;
        int newVersion = 0;
        auto newKek = activeKekUnder(newRoot, newScope, next, purpose, newVersion, events);
        if (!newKek)
            return newKek.error();
        const QDateTime now = clock->now();
        int rewrapped = 0;
        for (DataKeyEntry &entry : next.dataKeys) {
            if (entry.purpose != purpose || entry.state == KeyState::Destroyed)
                continue;
            auto key = unwrapDataKey(oldKek.value(), entry);
            if (!key)
                return key.error();
            const int previous = entry.kekVersion;
            entry.kekVersion = newVersion;
            auto wrapped = wrapDataKey(newKek.value(), key.value(), entry);
            if (!wrapped)
                return wrapped.error();
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
        events.append({KeyAction::RotateKek, QStringLiteral("kek/%1").arg(purpose), purpose,
                       QStringLiteral("%1 -> v%2, %3 data keys re-wrapped")
                           .arg(oldLabel)
                           .arg(newVersion)
                           .arg(rewrapped)});
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

    // ---- account key slots ----

    SlotRootKey *slotRoot() const { return dynamic_cast<SlotRootKey *>(root.get()); }

    Result<SlotRootKey *> requireSlots() const
    {
        if (SlotRootKey *r = slotRoot())
            return r;
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("this keyring is unlocked by a workspace passphrase or token, not by "
                                        "account key slots"));
    }

    // Audit entity ids are pseudonymous: the account id, never the user name.
    struct SlotTarget
    {
        KeySlot *slot;
        SlotRootKey *root;
    };
    // The account's slot in `next` and the open accounts root: what a change of that slot works on.
    Result<SlotTarget> slotTarget(Model &next, const QString &accountId) const
    {
        auto r = requireSlots();
        if (!r)
            return r.error();
        KeySlot *slot = next.slotByAccount(accountId);
        if (!slot)
            return makeError(Error::Code::NotFound, QStringLiteral("this account has no key slot"));
        return SlotTarget{slot, r.value()};
    }

    static QString slotLabel(const KeySlot &slot)
    {
        return QStringLiteral("slot:") +
               (slot.kind == u"recovery" ? QStringLiteral("recovery") : slot.accountId);
    }

    // Grants `slot` exactly `scopes`: the root `r` and the scope keys in `held` (this hierarchy's
    // own unless a rotation passes the fresh ones). A scope this hierarchy does not hold cannot be
    // given away.
    static Result<void> grantScopes(KeySlot &slot, const QStringList &scopes, const SlotRootKey &r,
                                    const QMap<QString, std::shared_ptr<SlotRootKey>> &held)
    {
        slot.grants.clear();
        for (const QString &scope : scopes) {
            if (!keyScopes().contains(scope))
                return makeError(Error::Code::InvalidArgument,
                                 QStringLiteral("unknown key scope '%1'").arg(scope));
            const SlotRootKey *key = scope == rootScope() ? &r : held.value(scope).get();
            if (!key)
                return makeError(
                    Error::Code::PermissionDenied,
                    QStringLiteral("the %1 key cannot be granted: this session does not hold it").arg(scope));
            if (auto g = slot.grant(scope, key->idBytes(), key->key()); !g)
                return g;
        }
        return {};
    }

    // Everything this hierarchy holds, as scope names: what the recovery slot is given.
    QStringList heldScopes() const
    {
        QStringList out{rootScope()};
        for (auto it = scopes.cbegin(); it != scopes.cend(); ++it)
            out << it.key();
        return out;
    }

    Result<void> addSlotLocked(const SlotCredential &c, const QStringList &scopes)
    {
        KeySlot probe;
        probe.userName = c.userName;
        auto fail = [&](Error error) -> Result<void> {
            report(KeyAction::AddSlot, slotLabel(probe), QString(), false, error.message);
            return error;
        };
        auto r = requireSlots();
        if (!r)
            return fail(r.error());
        if (c.accountId.isEmpty() || c.userName.isEmpty() || c.userName.startsWith(u'#'))
            return fail(
                makeError(Error::Code::InvalidArgument, QStringLiteral("a key slot needs an account")));
        Model next = model;
        if (next.slotByAccount(c.accountId) || next.slotByName(c.userName))
            return fail(makeError(Error::Code::AlreadyExists,
                                  QStringLiteral("account '%1' already has a key slot").arg(c.userName)));
        auto created = KeySlot::create(c.accountId, c.userName, QStringLiteral("password"), c.password,
                                       r.value()->slotKdf(), r.value()->cipher(), clock->now());
        if (!created)
            return fail(created.error());
        KeySlot slot = std::move(created->first);
        if (auto g = grantScopes(slot, scopes, *r.value(), this->scopes); !g)
            return fail(g.error());
        next.slots.append(slot);
        if (auto w = commit(next); !w)
            return fail(w.error());
        report(KeyAction::AddSlot, slotLabel(slot), QString(), true, scopes.join(u','));
        return {};
    }

    Result<void> changeSlotPasswordLocked(const QString &accountId, const SecureBytes &oldPassword,
                                          const SecureBytes &newPassword)
    {
        Model next = model;
        const QString label = QStringLiteral("slot:") + accountId;
        auto fail = [&](Error error) -> Result<void> {
            report(KeyAction::ChangeSlot, label, QString(), false, error.message);
            return error;
        };
        auto target = slotTarget(next, accountId);
        if (!target)
            return fail(target.error());
        auto [slot, current] = target.value();
        if (auto key = slot->open(oldPassword, current->cipher()); !key)
            return fail(key.error());
        // A new key pair and a new root: the old password, with any old copy of the keyring, opens
        // nothing of what comes after.
        if (auto fresh = freshSlotLike(*slot, newPassword, *current); !fresh)
            return fail(fresh.error());
        if (auto w = commitWithRotation(next, {KeyAction::ChangeSlot, label, QString(),
                                               QStringLiteral("password changed by its owner")});
            !w)
            return fail(w.error());
        return {};
    }

    // Replaces `slot` by a new key pair sealed under `password`, with the same owner, kind and scopes.
    // Only the scopes the slot really holds: a scope it lists but its key's holder list does not
    // vouch for was written into the file.
    Result<void> freshSlotLike(KeySlot &slot, const SecureBytes &password, const SlotRootKey &current)
    {
        QStringList scopes;
        for (const QString &scope : slot.grants.keys()) {
            if (scope != rootScope()) {
                const ScopeKeyEntry *entry = model.scopeKey(scope);
                const SlotRootKey *key = this->scopes.value(scope).get();
                if (!entry || !key || !vouchedHolders(key->key(), *entry).contains(holderId(slot)))
                    continue;
            }
            scopes << scope;
        }
        auto created = KeySlot::create(slot.accountId, slot.userName, slot.kind, password, current.slotKdf(),
                                       current.cipher(), clock->now());
        if (!created)
            return created.error();
        KeySlot fresh = std::move(created->first);
        fresh.createdAt = slot.createdAt;
        if (auto g = grantScopes(fresh, scopes, current, this->scopes); !g)
            return g;
        justGranted.insert(holderId(fresh)); // granted by this session: the rotation renews its grants
        slot = fresh;
        return {};
    }

    Result<void> resetSlotLocked(const SlotCredential &c)
    {
        Model next = model;
        const QString label = QStringLiteral("slot:") + c.accountId;
        auto fail = [&](Error error) -> Result<void> {
            report(KeyAction::ChangeSlot, label, QString(), false, error.message);
            return error;
        };
        auto target = slotTarget(next, c.accountId);
        if (!target)
            return fail(target.error());
        auto [slot, current] = target.value();
        if (slot->userName != c.userName)
            return fail(
                makeError(Error::Code::Conflict, QStringLiteral("the key slot belongs to another name")));
        if (auto fresh = freshSlotLike(*slot, c.password, *current); !fresh)
            return fail(fresh.error());
        if (auto w = commitWithRotation(next, {KeyAction::ChangeSlot, label, QString(),
                                               QStringLiteral("new key pair under a password set by an "
                                                              "administrator")});
            !w)
            return fail(w.error());
        return {};
    }

    // A new root in `next`, and a new key for every scope this hierarchy holds: every KEK under them
    // rotated, the remaining holders granted the new keys. Scopes it does not hold keep their key
    // (this session never reached them, so nothing it could have copied opens them). `fresh` and
    // `freshScopes` receive the new keys, to become current once `next` is on disk.
    // `alsoHolders`: slots this operation granted scopes to itself (a new key pair), vouched for by
    // this session rather than by the old holder list.
    Result<void> rotateRootIn(Model &next, std::unique_ptr<SlotRootKey> &fresh,
                              QMap<QString, std::shared_ptr<SlotRootKey>> &freshScopes, QList<Event> &events,
                              const QSet<QString> &alsoHolders = {})
    {
        auto r = requireSlots();
        if (!r)
            return r.error();
        fresh = SlotRootKey::fresh(r.value()->cipher(), r.value()->generation() + 1, r.value()->slotKdf());
        freshScopes = scopes;
        // Who may receive each renewed scope key: the holders its current key vouches for.
        QMap<QString, QSet<QString>> vouched;
        for (auto it = scopes.cbegin(); it != scopes.cend(); ++it) {
            if (const ScopeKeyEntry *entry = next.scopeKey(it.key()))
                vouched.insert(it.key(), vouchedHolders(it.value()->key(), *entry));
        }
        for (auto it = scopes.cbegin(); it != scopes.cend(); ++it) {
            ScopeKeyEntry *entry = next.scopeKey(it.key());
            if (!entry)
                return makeError(Error::Code::Corrupt,
                                 QStringLiteral("the keyring lost its %1 key entry").arg(it.key()));
            auto key = SlotRootKey::fresh(r.value()->cipher(), entry->generation + 1, r.value()->slotKdf());
            entry->id = QString::fromLatin1(key->idBytes().toHex());
            entry->generation = key->generation();
            auto check = key->wrap(randomKey(kKeyLength), entry->checkAad());
            if (!check)
                return check.error();
            entry->check = check.value();
            freshScopes.insert(it.key(), std::shared_ptr<SlotRootKey>(std::move(key)));
        }
        const QStringList purposes = next.activePurposes();
        int rotated = 0;
        for (const QString &purpose : std::as_const(purposes)) {
            // Into the purpose's own scope where this session holds it; a KEK still under the root
            // (from before its purpose had a scope) must move with the root in any case.
            QString scope = scopeOfPurpose(purpose);
            SlotRootKey *target = scope == rootScope() ? fresh.get() : freshScopes.value(scope).get();
            if (!target && next.activeKek(purpose)->scope == rootScope()) {
                scope = rootScope();
                target = fresh.get();
            }
            if (!target)
                continue; // a scope this session does not hold: left as it is
            if (auto p = rotatePurposeIn(next, purpose, *target, scope, events); !p)
                return p;
            ++rotated;
        }
        for (const KekEntry &k : std::as_const(next.keks)) {
            if (k.state != KeyState::Destroyed && !purposes.contains(k.purpose))
                return makeError(
                    Error::Code::Corrupt,
                    QStringLiteral("key-encryption key %1 has no active version").arg(k.label()));
        }
        auto check = fresh->wrap(randomKey(kKeyLength), kRootCheckAad);
        if (!check)
            return check.error();
        next.rootCheck = check.value();
        next.root = fresh->description();
        for (KeySlot &slot : next.slots) {
            for (const QString &scope : slot.grants.keys()) {
                const SlotRootKey *key = scope == rootScope() ? fresh.get() : freshScopes.value(scope).get();
                if (!key)
                    continue; // a scope not rotated: the slot keeps its grant
                if (scope != rootScope() && !vouched.value(scope).contains(holderId(slot)) &&
                    !alsoHolders.contains(holderId(slot))) {
                    slot.grants.remove(scope); // a grant the scope never made (written into the file)
                    events.append({KeyAction::ChangeSlot, slotLabel(slot), QString(),
                                   QStringLiteral("unvouched %1 grant dropped").arg(scope)});
                    continue;
                }
                if (auto g = slot.grant(scope, key->idBytes(), key->key()); !g)
                    return g;
            }
        }
        QStringList scopeNames = scopes.keys();
        events.append({KeyAction::RotateRoot, QStringLiteral("root"), QString(),
                       QStringLiteral("generation %1, %2 purposes rotated%3")
                           .arg(fresh->generation())
                           .arg(rotated)
                           .arg(scopeNames.isEmpty()
                                    ? QString()
                                    : QStringLiteral(", scope keys renewed: ") + scopeNames.join(u','))});
        return {};
    }

    // Commits `next` after rotating the root in it, and reports `first` then the rotation.
    Result<void> commitWithRotation(Model &next, const Event &first)
    {
        return commitWithRotation(next, QList<Event>{first});
    }

    Result<void> commitWithRotation(Model &next, QList<Event> events)
    {
        std::unique_ptr<SlotRootKey> fresh;
        QMap<QString, std::shared_ptr<SlotRootKey>> freshScopes;
        if (auto rot = rotateRootIn(next, fresh, freshScopes, events, std::exchange(justGranted, {})); !rot)
            return rot;
        if (auto w = commit(next, fresh.get(), &freshScopes); !w)
            return w;
        root = std::move(fresh);
        scopes = std::move(freshScopes);
        reportAll(events);
        return {};
    }

    Result<void> setSlotScopesLocked(const QString &accountId, const QStringList &scopes)
    {
        Model next = model;
        const QString label = QStringLiteral("slot:") + accountId;
        auto fail = [&](Error error) -> Result<void> {
            report(KeyAction::ChangeSlot, label, QString(), false, error.message);
            return error;
        };
        auto target = slotTarget(next, accountId);
        if (!target)
            return fail(target.error());
        auto [slot, current] = target.value();
        const QStringList before = slot->grants.keys();
        bool narrowed = false;
        for (const QString &scope : before) {
            if (scopes.contains(scope))
                continue;
            narrowed = true;
            // Taking a scope away renews its key; a session that does not hold it cannot, and would
            // leave the slot's old grant of the same key good in any copy of the keyring.
            if (scope != rootScope() && !this->scopes.contains(scope))
                return fail(makeError(Error::Code::PermissionDenied,
                                      QStringLiteral("the %1 key can only be taken away by a session that "
                                                     "holds it")
                                          .arg(scope)));
        }
        if (auto g = grantScopes(*slot, scopes, *current, this->scopes); !g)
            return fail(g.error());
        slot->changedAt = clock->now();
        const Event changed{
            KeyAction::ChangeSlot, label, QString(),
            QStringLiteral("grants: %1").arg(scopes.isEmpty() ? QStringLiteral("none") : scopes.join(u','))};
        if (!narrowed) {
            if (auto w = commit(next); !w)
                return fail(w.error());
            reportAll({changed});
            return {};
        }
        if (auto w = commitWithRotation(next, changed); !w)
            return fail(w.error());
        return {};
    }

    Result<void> removeSlotLocked(const QString &accountId)
    {
        Model next = model;
        const QString label = QStringLiteral("slot:") + accountId;
        auto fail = [&](Error error) -> Result<void> {
            report(KeyAction::RemoveSlot, label, QString(), false, error.message);
            return error;
        };
        if (auto target = slotTarget(next, accountId); !target)
            return fail(target.error());
        next.slots.removeIf([&](const KeySlot &s) { return s.accountId == accountId; });
        if (auto w = commitWithRotation(next, {KeyAction::RemoveSlot, label, QString(), QString()}); !w)
            return fail(w.error());
        return {};
    }

    Result<void> rotateRootLocked()
    {
        Model next = model;
        std::unique_ptr<SlotRootKey> fresh;
        QMap<QString, std::shared_ptr<SlotRootKey>> freshScopes;
        QList<Event> events;
        auto fail = [&](Error error) -> Result<void> {
            report(KeyAction::RotateRoot, QStringLiteral("root"), QString(), false, error.message);
            return error;
        };
        if (auto rot = rotateRootIn(next, fresh, freshScopes, events); !rot)
            return fail(rot.error());
        if (auto w = commit(next, fresh.get(), &freshScopes); !w)
            return fail(w.error());
        root = std::move(fresh);
        scopes = std::move(freshScopes);
        reportAll(events);
        return {};
    }

    Result<bool> checkSlotPasswordLocked(const QString &accountId, const SecureBytes &password)
    {
        auto r = requireSlots();
        if (!r)
            return r.error();
        Model next = model;
        KeySlot *slot = next.slotByAccount(accountId);
        if (!slot)
            return makeError(Error::Code::NotFound, QStringLiteral("this account has no key slot"));
        const QDateTime now = clock->now();
        if (const qint64 wait = slotBackoffSeconds(slot->failures);
            wait > 0 && slot->lastFailure.isValid() && slot->lastFailure.addSecs(wait) > now)
            return backoffError(slot->lastFailure.addSecs(wait));
        auto key = slot->open(password, r.value()->cipher());
        if (!key && key.error().code != Error::Code::WrongPassphrase)
            return key.error();
        if (key)
            return true; // the count is settled once the whole sign-in is decided (settleSlotSignIn)
        slot->failures = key ? 0 : slot->failures + 1;
        slot->lastFailure = key ? QDateTime() : now;
        if (auto w = commit(next); !w)
            return w.error();
        report(KeyAction::UnlockRoot, slotLabel(*slot), QString(), key.ok(),
               key ? QStringLiteral("password confirmed") : key.error().message);
        return key.ok();
    }

    static Error backoffError(const QDateTime &until)
    {
        return makeError(Error::Code::Locked,
                         QStringLiteral("too many wrong passwords: try again after %1 (UTC)")
                             .arg(until.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
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

namespace {

// Opens the slot's grant of the root described by `model`; checks the root against the keyring.
Result<std::unique_ptr<SlotRootKey>> rootFromSlot(const Model &model, const KeySlot &slot,
                                                  const SigningKey &key)
{
    const auto facts = SlotRootKey::factsOf(model.root);
    if (!facts)
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("the keyring's accounts root entry is malformed"));
    auto rootKey = slot.take(rootScope(), key, QByteArray::fromHex(facts->id.toLatin1()));
    if (!rootKey) {
        if (rootKey.error().code == Error::Code::PermissionDenied)
            return makeError(Error::Code::Locked,
                             QStringLiteral("this account has no access to the workspace keys (locked or "
                                            "removed by an administrator)"));
        return rootKey.error();
    }
    auto root = std::make_unique<SlotRootKey>(std::move(rootKey.value()), facts->id, facts->cipher,
                                              facts->generation, facts->slotKdf);
    if (auto check = root->unwrap(model.rootCheck, kRootCheckAad); !check)
        return makeError(Error::Code::Tampered,
                         QStringLiteral("the root key granted to this slot does not match the keyring"));
    if (!constantTimeEquals(slotTableMac(*root, model), model.slotsMac))
        return makeError(Error::Code::Tampered,
                         QStringLiteral("the keyring's account slots were changed outside MDP"));
    return root;
}

// The role-scoped keys the slot was granted, each checked against the keyring's entry.
Result<QMap<QString, std::shared_ptr<SlotRootKey>>>
scopesFromSlot(const Model &model, const KeySlot &slot, const SigningKey &key, const SlotRootKey &root)
{
    QMap<QString, std::shared_ptr<SlotRootKey>> out;
    for (const QString &scope : slot.grants.keys()) {
        if (scope == rootScope())
            continue;
        const ScopeKeyEntry *entry = model.scopeKey(scope);
        if (!entry)
            return makeError(Error::Code::Tampered,
                             QStringLiteral("the slot holds a %1 key the keyring does not list").arg(scope));
        auto bytes = slot.take(scope, key, QByteArray::fromHex(entry->id.toLatin1()));
        if (!bytes)
            return makeError(Error::Code::Tampered,
                             QStringLiteral("the %1 key granted to this slot does not open: ").arg(scope) +
                                 bytes.error().message);
        auto scoped = std::make_shared<SlotRootKey>(std::move(bytes.value()), entry->id, root.cipher(),
                                                    entry->generation, root.slotKdf());
        if (auto check = scoped->unwrap(entry->check, entry->checkAad()); !check)
            return makeError(
                Error::Code::Tampered,
                QStringLiteral("the %1 key granted to this slot does not match the keyring").arg(scope));
        if (!vouchedHolders(scoped->key(), *entry).contains(holderId(slot)))
            return makeError(Error::Code::Tampered,
                             QStringLiteral("the %1 key's own list of holders does not name this slot: the "
                                            "keyring was altered")
                                 .arg(scope));
        out.insert(scope, scoped);
    }
    return out;
}

// A new scope key in `next`, granted to the slots of `holders` (account ids).
Result<std::shared_ptr<SlotRootKey>> addScopeKey(Model &next, const QString &scope, const SlotRootKey &root,
                                                 const QStringList &holders)
{
    auto key = std::shared_ptr<SlotRootKey>(SlotRootKey::fresh(root.cipher(), 1, root.slotKdf()));
    ScopeKeyEntry entry;
    entry.scope = scope;
    entry.id = QString::fromLatin1(key->idBytes().toHex());
    entry.generation = 1;
    auto check = key->wrap(randomKey(kKeyLength), entry.checkAad());
    if (!check)
        return check.error();
    entry.check = check.value();
    next.scopeKeys.append(entry);
    for (KeySlot &slot : next.slots) {
        if (!holders.contains(slot.accountId))
            continue;
        if (auto g = slot.grant(scope, key->idBytes(), key->key()); !g)
            return g.error();
    }
    return key;
}

Result<Model> readModel(const QString &keyringPath)
{
    auto bytes = readKeyring(keyringPath);
    if (!bytes)
        return bytes.error();
    return Model::fromJson(bytes.value());
}

} // namespace

Result<std::unique_ptr<KeyHierarchy>> KeyHierarchy::createWithSlots(const QString &keyringPath,
                                                                    const SlotCredential &first,
                                                                    SecureBytes &recoveryKey,
                                                                    const Clock &clock, KeyAuditSink *audit,
                                                                    KeyHierarchyOptions options)
{
    auto fail = [&](Error error) -> Result<std::unique_ptr<KeyHierarchy>> {
        if (audit)
            audit->keyEvent(KeyAction::CreateRoot, QStringLiteral("root"), QString(), false, error.message);
        return error;
    };
    if (!slotKdfWithinBounds(options.slotKdf))
        return fail(makeError(Error::Code::InvalidArgument,
                              QStringLiteral("Argon2id parameters outside the allowed bounds")));
    const bool withFirst = !first.accountId.isEmpty();
    if (withFirst && (first.userName.isEmpty() || first.userName.startsWith(u'#')))
        return fail(
            makeError(Error::Code::InvalidArgument, QStringLiteral("the first key slot needs an account")));
    if (QFileInfo::exists(keyringPath))
        return fail(
            makeError(Error::Code::AlreadyExists, QStringLiteral("a keyring already exists at this path")));
    auto root = SlotRootKey::fresh(options.wrapCipher, 1, options.slotKdf);
    const QDateTime now = clock.now();
    Model next;
    next.cipher = options.wrapCipher;
    next.createdAt = now;
    next.root = root->description();
    auto check = root->wrap(randomKey(kKeyLength), kRootCheckAad);
    if (!check)
        return fail(check.error());
    next.rootCheck = check.value();
    if (withFirst) {
        auto admin = KeySlot::create(first.accountId, first.userName, QStringLiteral("password"),
                                     first.password, options.slotKdf, options.wrapCipher, now);
        if (!admin)
            return fail(admin.error());
        next.slots.append(std::move(admin->first));
    }
    SecureBytes recovery = randomKey(kKeyLength);
    auto rescue = KeySlot::create(kRecoveryName, kRecoveryName, QStringLiteral("recovery"), recovery,
                                  options.slotKdf, options.wrapCipher, now);
    if (!rescue)
        return fail(rescue.error());
    next.slots.append(std::move(rescue->first));
    QStringList holders;
    for (KeySlot &slot : next.slots) {
        if (auto g = slot.grant(rootScope(), root->idBytes(), root->key()); !g)
            return fail(g.error());
        holders << slot.accountId;
    }
    // The first administrator and the recovery key reach every scope.
    QMap<QString, std::shared_ptr<SlotRootKey>> scopes;
    for (const QString &scope : keyScopes()) {
        if (scope == rootScope())
            continue;
        auto key = addScopeKey(next, scope, *root, holders);
        if (!key)
            return fail(key.error());
        scopes.insert(scope, key.value());
    }
    std::unique_ptr<KeyHierarchy> h(new KeyHierarchy);
    h->d->path = keyringPath;
    h->d->clock = &clock;
    h->d->audit = audit;
    h->d->root = std::move(root);
    h->d->scopes = std::move(scopes);
    h->d->openerAccountId = withFirst ? first.accountId : kRecoveryName;
    h->d->keepKeksUnderRoot = options.testKeepKeksUnderRoot;
    if (auto r = h->d->commit(next); !r)
        return fail(r.error());
    recoveryKey = std::move(recovery);
    h->d->report(KeyAction::CreateRoot, QStringLiteral("root"), QString(), true,
                 kAccountsKind + QStringLiteral(", ") + h->d->root->wrapAlgorithm());
    for (const KeySlot &slot : h->d->model.slots)
        h->d->report(KeyAction::AddSlot, Impl::slotLabel(slot), QString(), true, keyScopes().join(u','));
    return h;
}

Result<std::unique_ptr<KeyHierarchy>>
KeyHierarchy::openWithSlot(const QString &keyringPath, const QString &userName, const SecureBytes &password,
                           SlotUnlock &unlock, const Clock &clock, KeyAuditSink *audit, bool readOnly)
{
    QString label = QStringLiteral("slot:unknown");
    auto fail = [&](Error error) -> Result<std::unique_ptr<KeyHierarchy>> {
        if (audit)
            audit->keyEvent(KeyAction::UnlockRoot, label, QString(), false, error.message);
        return error;
    };
    auto model = readModel(keyringPath);
    if (!model)
        return fail(model.error());
    const auto facts = SlotRootKey::factsOf(model->root);
    if (model->root.value(u"kind").toString() != kAccountsKind)
        return fail(
            makeError(Error::Code::Unsupported,
                      QStringLiteral("this workspace is unlocked with its passphrase or token, not by "
                                     "account")));
    if (!facts)
        return fail(makeError(Error::Code::Corrupt,
                              QStringLiteral("the keyring's accounts root entry is malformed")));
    KeySlot *slot = userName.startsWith(u'#') ? nullptr : model->slotByName(userName);
    if (!slot) {
        // The same work and the same answer as a wrong password: the name's existence stays unknown.
        KeySlot decoy;
        decoy.id = decoy.accountId = QStringLiteral("decoy");
        decoy.kind = QStringLiteral("password");
        decoy.kdf = facts->slotKdf;
        decoy.salt = randomBytes(16);
        decoy.sealedPrivateKey = randomBytes(64);
        (void)decoy.open(password, facts->cipher);
        return fail(
            makeError(Error::Code::WrongPassphrase, QStringLiteral("the user name or password is wrong")));
    }
    label = Impl::slotLabel(*slot);
    const QDateTime now = clock.now();
    if (const qint64 wait = slotBackoffSeconds(slot->failures);
        wait > 0 && slot->lastFailure.isValid() && slot->lastFailure.addSecs(wait) > now)
        return fail(Impl::backoffError(slot->lastFailure.addSecs(wait)));
    auto key = slot->open(password, facts->cipher);
    if (!key) {
        if (key.error().code == Error::Code::WrongPassphrase && !readOnly) {
            slot->failures += 1;
            slot->lastFailure = now;
            model->updatedAt = now;
            if (auto w = writeFileAtomically(keyringPath, model->toJson()); !w)
                qCWarning(lcCrypto) << "a failed sign-in could not be counted:" << w.error().toString();
        }
        return fail(key.error());
    }
    auto root = rootFromSlot(model.value(), *slot, key.value());
    if (!root)
        return fail(root.error());
    auto scopes = scopesFromSlot(model.value(), *slot, key.value(), *root.value());
    if (!scopes)
        return fail(scopes.error());
    unlock.accountId = slot->accountId;
    unlock.userName = slot->userName;
    unlock.failuresBefore = slot->failures;
    unlock.lastFailure = slot->lastFailure;
    std::unique_ptr<KeyHierarchy> h(new KeyHierarchy);
    h->d->path = keyringPath;
    h->d->clock = &clock;
    h->d->audit = audit;
    h->d->root = std::move(root.value());
    h->d->scopes = std::move(scopes.value());
    h->d->openerAccountId = slot->accountId;
    // The failure count stays until the whole sign-in succeeded (settleSlotSignIn): a right password
    // whose second factor is then missing must not look different from a wrong one.
    h->d->model = std::move(model.value());
    h->d->report(KeyAction::UnlockRoot, QStringLiteral("slot:") + unlock.userName, QString(), true,
                 kAccountsKind);
    return h;
}

Result<std::unique_ptr<KeyHierarchy>> KeyHierarchy::openWithRecoveryKey(const QString &keyringPath,
                                                                        const SecureBytes &recoveryKey,
                                                                        const Clock &clock,
                                                                        KeyAuditSink *audit)
{
    const QString label = QStringLiteral("slot:recovery");
    auto fail = [&](Error error) -> Result<std::unique_ptr<KeyHierarchy>> {
        if (audit)
            audit->keyEvent(KeyAction::UnlockRoot, label, QString(), false, error.message);
        return error;
    };
    auto model = readModel(keyringPath);
    if (!model)
        return fail(model.error());
    const auto facts = SlotRootKey::factsOf(model->root);
    KeySlot *slot = model->slotByAccount(kRecoveryName);
    if (!facts || !slot)
        return fail(
            makeError(Error::Code::NotFound, QStringLiteral("this keyring has no recovery key slot")));
    auto key = slot->open(recoveryKey, facts->cipher);
    if (!key)
        return fail(key.error().code == Error::Code::WrongPassphrase
                        ? makeError(Error::Code::WrongPassphrase, QStringLiteral("the recovery key is wrong"))
                        : key.error());
    auto root = rootFromSlot(model.value(), *slot, key.value());
    if (!root)
        return fail(root.error());
    auto scopes = scopesFromSlot(model.value(), *slot, key.value(), *root.value());
    if (!scopes)
        return fail(scopes.error());
    std::unique_ptr<KeyHierarchy> h(new KeyHierarchy);
    h->d->path = keyringPath;
    h->d->clock = &clock;
    h->d->audit = audit;
    h->d->root = std::move(root.value());
    h->d->scopes = std::move(scopes.value());
    h->d->openerAccountId = kRecoveryName;
    h->d->model = std::move(model.value());
    h->d->report(KeyAction::UnlockRoot, label, QString(), true, QStringLiteral("organisation recovery key"));
    return h;
}

Result<std::unique_ptr<KeyHierarchy>>
KeyHierarchy::openWithSiteKeys(const QString &keyringPath, const QMap<QString, SecureBytes> &siteKeys,
                               const Clock &clock, KeyAuditSink *audit)
{
    const QString label = QStringLiteral("slot:site");
    auto fail = [&](Error error) -> Result<std::unique_ptr<KeyHierarchy>> {
        if (audit)
            audit->keyEvent(KeyAction::UnlockRoot, label, QString(), false, error.message);
        return error;
    };
    auto model = readModel(keyringPath);
    if (!model)
        return fail(model.error());
    const auto facts = SlotRootKey::factsOf(model->root);
    if (model->root.value(u"kind").toString() != kAccountsKind || !facts)
        return fail(makeError(Error::Code::Unsupported,
                              QStringLiteral("this workspace is not opened through account key slots")));
    KeySlot *rootSlot = model->slotByAccount(siteAccountOf(rootScope()));
    if (!rootSlot || !rootSlot->isSite())
        return fail(makeError(Error::Code::NotFound,
                              QStringLiteral("this workstation has no site key slot yet: a site account "
                                             "that already signs in here must sign in once through the "
                                             "server first")));
    const auto rootKey = siteKeys.constFind(rootScope());
    if (rootKey == siteKeys.constEnd())
        return fail(makeError(Error::Code::WrongPassphrase,
                              QStringLiteral("the account's site keys do not open this workstation")));
    auto key = rootSlot->open(rootKey.value(), facts->cipher);
    if (!key)
        return fail(key.error().code == Error::Code::WrongPassphrase
                        ? makeError(Error::Code::WrongPassphrase,
                                    QStringLiteral("the account's site keys do not open this workstation"))
                        : key.error());
    auto root = rootFromSlot(model.value(), *rootSlot, key.value());
    if (!root)
        return fail(root.error());
    auto scopes = scopesFromSlot(model.value(), *rootSlot, key.value(), *root.value());
    if (!scopes)
        return fail(scopes.error());
    // Each further scope only through its own site slot and only with the key the bundle carries.
    for (auto it = siteKeys.constBegin(); it != siteKeys.constEnd(); ++it) {
        if (it.key() == rootScope())
            continue;
        const KeySlot *slot = model->slotByAccount(siteAccountOf(it.key()));
        if (!slot || !slot->isSite())
            continue;
        auto scopeSlotKey = slot->open(it.value(), facts->cipher);
        if (!scopeSlotKey)
            continue; // another site's key, or a renewed one: that scope is not reached
        auto more = scopesFromSlot(model.value(), *slot, scopeSlotKey.value(), *root.value());
        if (!more)
            return fail(more.error());
        if (more->contains(it.key()))
            scopes->insert(it.key(), more->value(it.key()));
    }
    std::unique_ptr<KeyHierarchy> h(new KeyHierarchy);
    h->d->path = keyringPath;
    h->d->clock = &clock;
    h->d->audit = audit;
    h->d->root = std::move(root.value());
    h->d->scopes = std::move(scopes.value());
    h->d->openerAccountId = kSiteName;
    h->d->model = std::move(model.value());
    h->d->report(KeyAction::UnlockRoot, label, QString(), true,
                 QStringLiteral("site keys: ") + h->d->heldScopes().join(u','));
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

Result<QStringList> KeyHierarchy::slotUserNamesOf(const QString &keyringPath)
{
    auto model = readModel(keyringPath);
    if (!model)
        return model.error();
    QStringList names;
    for (const KeySlot &slot : model->slots) {
        if (slot.kind == u"password")
            names << slot.userName;
    }
    return names;
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
    } else if (kind == kAccountsKind) {
        return fail(makeError(Error::Code::Unsupported,
                              QStringLiteral("this workspace is opened by signing in to an account, not with "
                                             "a passphrase")));
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
    // A token key renewed away before a crash or a failed erase: destroyed now (reported either way;
    // the keyring stays usable when the token refuses).
    (void)h->d->eraseRetiredRoots();
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

Result<void> KeyHierarchy::keepDataKey(const QString &name, const QString &purpose, const SecureBytes &value)
{
    std::lock_guard lock(d->mutex);
    auto kept = d->createDataKeyLocked(name, purpose, &value);
    if (!kept)
        return kept.error();
    return {};
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
    return d->retireLocked(name);
}

Result<void> KeyHierarchy::destroyDataKey(const QString &name)
{
    std::lock_guard lock(d->mutex);
    return d->destroyLocked(name);
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

Result<void> KeyHierarchy::addSlot(const SlotCredential &credential, const QStringList &scopes)
{
    std::lock_guard lock(d->mutex);
    return d->addSlotLocked(credential, scopes);
}

Result<void> KeyHierarchy::changeSlotPassword(const QString &accountId, const SecureBytes &oldPassword,
                                              const SecureBytes &newPassword)
{
    std::lock_guard lock(d->mutex);
    return d->changeSlotPasswordLocked(accountId, oldPassword, newPassword);
}

Result<void> KeyHierarchy::resetSlot(const SlotCredential &credential)
{
    std::lock_guard lock(d->mutex);
    return d->resetSlotLocked(credential);
}

Result<void> KeyHierarchy::setSlotScopes(const QString &accountId, const QStringList &scopes)
{
    std::lock_guard lock(d->mutex);
    return d->setSlotScopesLocked(accountId, scopes);
}

Result<void> KeyHierarchy::removeSlot(const QString &accountId)
{
    std::lock_guard lock(d->mutex);
    return d->removeSlotLocked(accountId);
}

Result<void> KeyHierarchy::rotateRoot()
{
    std::lock_guard lock(d->mutex);
    return d->rotateRootLocked();
}

Result<bool> KeyHierarchy::checkSlotPassword(const QString &accountId, const SecureBytes &password)
{
    std::lock_guard lock(d->mutex);
    return d->checkSlotPasswordLocked(accountId, password);
}

Result<void> KeyHierarchy::settleSlotSignIn(const QString &accountId, bool succeeded)
{
    std::lock_guard lock(d->mutex);
    auto r = d->requireSlots();
    if (!r)
        return r.error();
    Model next = d->model;
    KeySlot *slot = next.slotByAccount(accountId);
    if (!slot)
        return makeError(Error::Code::NotFound, QStringLiteral("this account has no key slot"));
    if (succeeded && slot->failures == 0)
        return {};
    slot->failures = succeeded ? 0 : slot->failures + 1;
    slot->lastFailure = succeeded ? QDateTime() : d->clock->now();
    return d->commit(next);
}

Result<void> KeyHierarchy::addSiteSlot(const QString &scope, const SecureBytes &siteKey)
{
    std::lock_guard lock(d->mutex);
    const QString account = siteAccountOf(scope);
    const QString label = QStringLiteral("slot:") + account.mid(1);
    auto fail = [&](Error error) -> Result<void> {
        d->report(KeyAction::AddSlot, label, QString(), false, error.message);
        return error;
    };
    auto r = d->requireSlots();
    if (!r)
        return fail(r.error());
    if (!keyScopes().contains(scope))
        return fail(
            makeError(Error::Code::InvalidArgument, QStringLiteral("unknown key scope '%1'").arg(scope)));
    if (siteKey.size() != kKeyLength)
        return fail(makeError(Error::Code::InvalidArgument, QStringLiteral("a site key is 32 bytes")));
    if (!d->wrapperOfScope(scope))
        return fail(Impl::scopeNotHeld(scope));
    auto created = KeySlot::create(account, account, QStringLiteral("site"), siteKey, r.value()->slotKdf(),
                                   r.value()->cipher(), d->clock->now());
    if (!created)
        return fail(created.error());
    KeySlot slot = std::move(created->first);
    if (auto g = Impl::grantScopes(slot, {scope}, *r.value(), d->scopes); !g)
        return fail(g.error());
    Model next = d->model;
    next.slots.removeIf([&](const KeySlot &s) { return s.accountId == account; });
    next.slots.append(slot);
    if (auto w = d->commit(next); !w)
        return fail(w.error());
    d->report(KeyAction::AddSlot, label, QString(), true, scope);
    return {};
}

QStringList KeyHierarchy::siteSlotScopes() const
{
    std::lock_guard lock(d->mutex);
    QStringList out;
    for (const KeySlot &slot : d->model.slots) {
        if (slot.isSite())
            out << slot.accountId.mid(kSiteName.size() + 1);
    }
    return out;
}

bool KeyHierarchy::siteSlotOpens(const QString &scope, const SecureBytes &siteKey) const
{
    std::lock_guard lock(d->mutex);
    const SlotRootKey *r = d->slotRoot();
    const KeySlot *slot = d->model.slotByAccount(siteAccountOf(scope));
    return r && slot && slot->isSite() && slot->open(siteKey, r->cipher()).ok();
}

Result<void> KeyHierarchy::renewRecoveryKey(SecureBytes &recoveryKey)
{
    std::lock_guard lock(d->mutex);
    const QString label = QStringLiteral("slot:recovery");
    auto fail = [&](Error error) -> Result<void> {
        d->report(KeyAction::ChangeSlot, label, QString(), false, error.message);
        return error;
    };
    auto r = d->requireSlots();
    if (!r)
        return fail(r.error());
    SecureBytes fresh = randomKey(kKeyLength);
    auto created = KeySlot::create(kRecoveryName, kRecoveryName, QStringLiteral("recovery"), fresh,
                                   r.value()->slotKdf(), r.value()->cipher(), d->clock->now());
    if (!created)
        return fail(created.error());
    if (auto g = Impl::grantScopes(created->first, d->heldScopes(), *r.value(), d->scopes); !g)
        return fail(g.error());
    Model next = d->model;
    next.slots.removeIf([](const KeySlot &s) { return s.accountId == kRecoveryName; });
    next.slots.append(created->first);
    d->justGranted.insert(holderId(created->first));
    // A new root too: the old recovery key with an old copy of the keyring reaches nothing after.
    if (auto w = d->commitWithRotation(
            next, {KeyAction::ChangeSlot, label, QString(), QStringLiteral("new recovery key")});
        !w)
        return fail(w.error());
    recoveryKey = std::move(fresh);
    return {};
}

bool KeyHierarchy::holdsScope(const QString &scope) const
{
    std::lock_guard lock(d->mutex);
    return scope == rootScope() || !d->slotRoot() || d->scopes.contains(scope);
}

Result<int> KeyHierarchy::settleScopes()
{
    std::lock_guard lock(d->mutex);
    if (!d->slotRoot())
        return 0;
    Model next = d->model;
    QList<Event> events;
    int moved = 0;
    QStringList purposes;
    for (const KekEntry &k : std::as_const(next.keks)) {
        if (k.state == KeyState::Active && k.scope != scopeOfPurpose(k.purpose))
            purposes << k.purpose;
    }
    for (const QString &purpose : std::as_const(purposes)) {
        const QString scope = scopeOfPurpose(purpose);
        RootKeyProvider *target = d->wrapperOfScope(scope);
        if (!target || !d->wrapperOfScope(next.activeKek(purpose)->scope))
            continue; // needs both keys: an account holding the scope settles it
        if (auto r = d->rotatePurposeIn(next, purpose, *target, scope, events); !r) {
            d->report(KeyAction::RotateKek, QStringLiteral("kek/%1").arg(purpose), purpose, false,
                      r.error().message);
            return r.error();
        }
        ++moved;
    }
    if (moved == 0)
        return 0;
    if (auto w = d->commit(next); !w)
        return w.error();
    d->reportAll(events);
    return moved;
}

QString KeyHierarchy::openedBy() const
{
    std::lock_guard lock(d->mutex);
    return d->openerAccountId;
}

bool KeyHierarchy::hasScope(const QString &scope) const
{
    std::lock_guard lock(d->mutex);
    return scope == rootScope() || !d->slotRoot() || d->model.scopeKey(scope) != nullptr;
}

Result<void> KeyHierarchy::ensureScope(const QString &scope)
{
    std::lock_guard lock(d->mutex);
    const QString label = QStringLiteral("scope:") + scope;
    if (!keyScopes().contains(scope))
        return makeError(Error::Code::InvalidArgument, QStringLiteral("unknown key scope '%1'").arg(scope));
    SlotRootKey *r = d->slotRoot();
    if (scope == rootScope() || !r || d->model.scopeKey(scope))
        return {};
    Model next = d->model;
    auto key = addScopeKey(next, scope, *r, {d->openerAccountId, kRecoveryName});
    if (!key) {
        d->report(KeyAction::CreateScopeKey, label, QString(), false, key.error().message);
        return key.error();
    }
    auto withNew = d->scopes;
    withNew.insert(scope, key.value());
    if (auto w = d->commit(next, nullptr, &withNew); !w) {
        d->report(KeyAction::CreateScopeKey, label, QString(), false, w.error().message);
        return w;
    }
    d->scopes.insert(scope, key.value());
    d->report(
        KeyAction::CreateScopeKey, label, QString(), true,
        QStringLiteral("granted to slot:%1 and the recovery slot")
            .arg(d->openerAccountId == kRecoveryName ? QStringLiteral("recovery") : d->openerAccountId));
    return {};
}

int KeyHierarchy::rootGeneration() const
{
    std::lock_guard lock(d->mutex);
    const SlotRootKey *r = d->slotRoot();
    return r ? r->generation() : 0;
}

QList<KeySlotInfo> KeyHierarchy::slots() const
{
    std::lock_guard lock(d->mutex);
    QList<KeySlotInfo> out;
    for (const KeySlot &slot : d->model.slots) {
        KeySlotInfo info;
        info.id = slot.id;
        info.accountId = slot.accountId;
        info.userName = slot.userName;
        info.kind = slot.kind;
        info.scopes = slot.grants.keys();
        info.kdf = QStringLiteral("argon2id t=%1 m=%2KiB p=%3")
                       .arg(slot.kdf.iterations)
                       .arg(slot.kdf.memoryKiB)
                       .arg(slot.kdf.parallelism);
        info.createdAt = slot.createdAt;
        info.changedAt = slot.changedAt;
        info.failures = slot.failures;
        info.lastFailure = slot.lastFailure;
        out.append(info);
    }
    return out;
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
    for (const ScopeKeyEntry &e : d->model.scopeKeys) {
        KeyInfo info;
        info.kind = KeyInfo::Kind::ScopeKey;
        info.name = QStringLiteral("scope/") + e.scope;
        info.id = e.id;
        info.purpose = e.scope;
        info.version = e.generation;
        info.algorithm = cipherName(d->model.cipher);
        info.createdAt = d->model.createdAt;
        info.changedAt = d->model.updatedAt;
        out.append(info);
    }
    for (const KekEntry &k : d->model.keks) {
        KeyInfo info;
        info.kind = KeyInfo::Kind::KeyEncryptionKey;
        info.name = k.label();
        info.id = k.id;
        info.purpose = k.purpose;
        info.version = k.version;
        info.state = k.state;
        info.algorithm = d->root->wrapAlgorithm();
        info.wrappedBy = k.scope == rootScope() ? QString() : k.scope;
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
