#include "mdp/crypto/Aead.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/PassphraseRootKey.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mdp;
using namespace mdp::crypto;

namespace {

struct RecordedEvent
{
    QString action;
    QString keyId;
    QString purpose;
    bool success;
};

class RecordingSink final : public KeyAuditSink
{
public:
    void keyEvent(KeyAction action, const QString &keyId, const QString &purpose, bool success,
                  const QString &) override
    {
        events.append({keyActionName(action), keyId, purpose, success});
    }
    QStringList summary() const
    {
        QStringList out;
        for (const RecordedEvent &e : events)
            out.append(e.action + u' ' + e.keyId +
                       (e.success ? QStringLiteral(" ok") : QStringLiteral(" FAILED")));
        return out;
    }
    QList<RecordedEvent> events;
};

SecureBytes secret(const char *text)
{
    return SecureBytes(QByteArrayView(text));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray wrappedOf(const QByteArray &keyring, const QString &name)
{
    const QJsonObject top = QJsonDocument::fromJson(keyring).object();
    for (const QJsonValue &v : top.value(u"dataKeys").toArray()) {
        if (v.toObject().value(u"name").toString() == name)
            return v.toObject().value(u"wrapped").toString().toLatin1();
    }
    return {};
}

QByteArray kekWrappedOf(const QByteArray &keyring, const QString &purpose, int version)
{
    const QJsonObject top = QJsonDocument::fromJson(keyring).object();
    for (const QJsonValue &v : top.value(u"keyEncryptionKeys").toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(u"purpose").toString() == purpose && o.value(u"version").toInt() == version)
            return o.value(u"wrapped").toString().toLatin1();
    }
    return {};
}

const KeyInfo *findKey(const QList<KeyInfo> &keys, const QString &name)
{
    for (const KeyInfo &k : keys) {
        if (k.name == name)
            return &k;
    }
    return nullptr;
}

} // namespace

class tst_KeyHierarchy : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2031, 6, 1), QTime(8, 0), Qt::UTC)};
    int m_counter = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("keyring-%1.json").arg(++m_counter)); }

    std::unique_ptr<KeyHierarchy> createWith(const QString &path, const char *passphrase,
                                             KeyAuditSink *sink = nullptr)
    {
        auto root = PassphraseRootKey::create(secret(passphrase));
        if (!root)
            return nullptr;
        auto h = KeyHierarchy::create(path, std::move(root.value()), m_clock, sink);
        return h ? std::move(h.value()) : nullptr;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // R-7.4.3: keys stored apart from data, unlocked only with the workspace passphrase.
    void createdKeysComeBackAfterReopenWithThePassphrase()
    {
        const QString path = newPath();
        SecureBytes database, vault, audit;
        {
            auto h = createWith(path, "correct horse battery");
            QVERIFY(h);
            QCOMPARE(h->rootKind(), QStringLiteral("passphrase"));
            database = h->createDataKey(QStringLiteral("database"), KeyPurpose::database()).value();
            vault = h->ensureDataKey(QStringLiteral("vault"), KeyPurpose::vault()).value();
            audit = h->ensureDataKey(QStringLiteral("audit"), KeyPurpose::audit()).value();
            QCOMPARE(int(database.size()), 32);
            QVERIFY(!(database == vault) && !(vault == audit));
        }
        QCOMPARE(KeyHierarchy::rootKindOf(path).value(), QStringLiteral("passphrase"));
        auto h = KeyHierarchy::open(path, secret("correct horse battery"), m_clock);
        QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : h.error().message));
        QVERIFY((*h)->dataKey(QStringLiteral("database")).value() == database);
        QVERIFY((*h)->ensureDataKey(QStringLiteral("vault"), KeyPurpose::vault()).value() == vault);
        QVERIFY((*h)->dataKey(QStringLiteral("audit")).value() == audit);
        QCOMPARE((*h)->ensureDataKey(QStringLiteral("vault"), KeyPurpose::audit()).error().code,
                 Error::Code::Conflict);
    }

    // R-7.4.3
    void wrongPassphraseIsRefusedAndChangesNothing()
    {
        const QString path = newPath();
        {
            auto h = createWith(path, "correct horse battery");
            QVERIFY(h->createDataKey(QStringLiteral("database"), KeyPurpose::database()).ok());
        }
        const QByteArray before = readFile(path);
        RecordingSink sink;
        auto h = KeyHierarchy::open(path, secret("correct horse battery."), m_clock, &sink);
        QVERIFY(!h.ok());
        QCOMPARE(h.error().code, Error::Code::WrongPassphrase);
        QVERIFY(h.error().message.contains(u"passphrase"));
        QCOMPARE(readFile(path), before);
        QCOMPARE(sink.summary(), QStringList{QStringLiteral("root.unlock root FAILED")});
        QCOMPARE(
            QDir(m_dir.path()).entryList({QStringLiteral("keyring-%1*").arg(m_counter)}, QDir::Files).size(),
            1);
    }

    // R-7.4.3: keys are never written unwrapped.
    void keyringFileHoldsNoKeyOrPassphraseInPlaintext()
    {
        const QString path = newPath();
        auto h = createWith(path, "correct horse battery");
        QList<QByteArray> keys;
        for (const char *name : {"database", "vault", "audit"})
            keys.append(h->createDataKey(QString::fromLatin1(name), QString::fromLatin1(name))
                            .value()
                            .view()
                            .toByteArray());
        const QByteArray file = readFile(path);
        QVERIFY(!file.isEmpty());
        for (const QByteArray &key : keys) {
            QVERIFY(!file.contains(key));
            QVERIFY(!file.contains(key.toHex()));
            QVERIFY(!file.contains(key.toBase64()));
            QVERIFY(!file.contains(key.first(16).toBase64().chopped(4)));
        }
        QVERIFY(!file.contains("correct horse"));
        const QFileInfo info(path);
        QCOMPARE(info.permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
    }

    // R-7.4.3: key lifecycle "rotate".
    void rotationRewrapsDataKeysWithoutChangingThem()
    {
        const QString path = newPath();
        auto h = createWith(path, "correct horse battery");
        const SecureBytes db1 = h->createDataKey(QStringLiteral("database"), KeyPurpose::database()).value();
        const SecureBytes db2 =
            h->createDataKey(QStringLiteral("database-index"), KeyPurpose::database()).value();
        const SecureBytes vault = h->createDataKey(QStringLiteral("vault"), KeyPurpose::vault()).value();
        auto aead = Aead::create(AeadCipher::Sm4Gcm, db1);
        const QByteArray sealed = aead->sealWithRandomNonce("page 1", "clinical data").value();

        const QByteArray before = readFile(path);
        const QByteArray oldKek = kekWrappedOf(before, KeyPurpose::database(), 1);
        const QByteArray oldDb1 = wrappedOf(before, QStringLiteral("database"));
        const QByteArray oldDb2 = wrappedOf(before, QStringLiteral("database-index"));
        const QByteArray oldVault = wrappedOf(before, QStringLiteral("vault"));
        QVERIFY(!oldKek.isEmpty() && !oldDb1.isEmpty() && !oldDb2.isEmpty());

        m_clock.advance(3600 * 1000);
        QVERIFY(h->rotateKek(KeyPurpose::database()).ok());
        const QByteArray after = readFile(path);
        QVERIFY(!after.contains(oldKek));
        QVERIFY(!after.contains(oldDb1));
        QVERIFY(!after.contains(oldDb2));
        QCOMPARE(wrappedOf(after, QStringLiteral("vault")), oldVault); // other purposes untouched
        QVERIFY(!kekWrappedOf(after, KeyPurpose::database(), 2).isEmpty());
        QVERIFY(kekWrappedOf(after, KeyPurpose::database(), 1).isEmpty());

        const QList<KeyInfo> keys = h->keys();
        QCOMPARE(findKey(keys, QStringLiteral("kek/database/v1"))->state, KeyState::Destroyed);
        QCOMPARE(findKey(keys, QStringLiteral("kek/database/v2"))->state, KeyState::Active);
        QCOMPARE(findKey(keys, QStringLiteral("database"))->version, 2);
        QCOMPARE(findKey(keys, QStringLiteral("database"))->changedAt, m_clock.now());
        QCOMPARE(findKey(keys, QStringLiteral("vault"))->version, 1);

        h.reset();
        auto reopened = KeyHierarchy::open(path, secret("correct horse battery"), m_clock);
        QVERIFY(reopened.ok());
        const SecureBytes db1Again = (*reopened)->dataKey(QStringLiteral("database")).value();
        QVERIFY(db1Again == db1);
        QVERIFY((*reopened)->dataKey(QStringLiteral("database-index")).value() == db2);
        QVERIFY((*reopened)->dataKey(QStringLiteral("vault")).value() == vault);
        QCOMPARE(Aead::create(AeadCipher::Sm4Gcm, db1Again)->openEnvelope("page 1", sealed).value(),
                 QByteArray("clinical data"));
        QVERIFY((*reopened)->rotateKek(KeyPurpose::database()).ok()); // twice in a row is fine
        QVERIFY((*reopened)->dataKey(QStringLiteral("database")).value() == db1);
        QCOMPARE((*reopened)->rotateKek(QStringLiteral("no-such-purpose")).error().code,
                 Error::Code::NotFound);
    }

    // R-7.4.3: key lifecycle "destroy": what the key protected can no longer be read.
    void destroyedDataKeyLeavesItsDataUnreadable()
    {
        const QString path = newPath();
        auto h = createWith(path, "correct horse battery");
        const SecureBytes key =
            h->createDataKey(QStringLiteral("grant-export"), KeyPurpose::grant(u"g-42")).value();
        const SecureBytes other =
            h->createDataKey(QStringLiteral("database"), KeyPurpose::database()).value();
        const QByteArray sealed =
            Aead::create(AeadCipher::Sm4Gcm, key)->sealWithRandomNonce({}, "export").value();
        const QByteArray wrapped = wrappedOf(readFile(path), QStringLiteral("grant-export"));
        QVERIFY(!wrapped.isEmpty());

        QVERIFY(h->destroyDataKey(QStringLiteral("grant-export")).ok());
        QVERIFY(!readFile(path).contains(wrapped));
        auto gone = h->dataKey(QStringLiteral("grant-export"));
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, Error::Code::NotFound);
        QCOMPARE(findKey(h->keys(), QStringLiteral("grant-export"))->state, KeyState::Destroyed);
        QCOMPARE(h->createDataKey(QStringLiteral("grant-export"), KeyPurpose::grant(u"g-42")).error().code,
                 Error::Code::AlreadyExists);

        h.reset();
        auto reopened = KeyHierarchy::open(path, secret("correct horse battery"), m_clock);
        QVERIFY(!(*reopened)->dataKey(QStringLiteral("grant-export")).ok());
        // No other key the hierarchy still holds opens the data.
        const SecureBytes remaining = (*reopened)->dataKey(QStringLiteral("database")).value();
        QVERIFY(remaining == other);
        QVERIFY(!Aead::create(AeadCipher::Sm4Gcm, remaining)->openEnvelope({}, sealed).ok());
    }

    // Issue 9 part 6 (R-7.4.3), and the limit the README states: with a passphrase root, destroying renews
    // the purpose's KEK, so today's keyring holds nothing that reaches the key; but a copy of keyring.json
    // taken before, with the passphrase, still unwraps it. Only a token root recalls that copy
    // (tst_Pkcs11RootKey::destroyedDataKeyStaysDeadForAnOldKeyringCopy).
    void destroyRenewsTheKekButAPassphraseCannotRecallAnOldCopy()
    {
        const QString path = newPath();
        auto h = createWith(path, "correct horse battery");
        const SecureBytes key =
            h->createDataKey(QStringLiteral("grant-export"), KeyPurpose::grant(u"g-43")).value();
        const QByteArray sealed =
            Aead::create(AeadCipher::Sm4Gcm, key)->sealWithRandomNonce({}, "export").value();
        const QString oldCopy = path + QStringLiteral(".old");
        QVERIFY(QFile::copy(path, oldCopy));
        QVERIFY(findKey(h->keys(), QStringLiteral("kek/grant:g-43/v1")));
        QCOMPARE(findKey(h->keys(), QStringLiteral("kek/grant:g-43/v1"))->state, KeyState::Active);
        QVERIFY(h->destroyDataKey(QStringLiteral("grant-export")).ok());
        // What wrapped it was renewed: the old KEK version is erased, a new one is active.
        QVERIFY(findKey(h->keys(), QStringLiteral("kek/grant:g-43/v2")));
        QCOMPARE(findKey(h->keys(), QStringLiteral("kek/grant:g-43/v1"))->state, KeyState::Destroyed);
        QCOMPARE(findKey(h->keys(), QStringLiteral("kek/grant:g-43/v2"))->state, KeyState::Active);
        QVERIFY(!h->dataKey(QStringLiteral("grant-export")).ok());
        h.reset();

        auto old = KeyHierarchy::open(oldCopy, secret("correct horse battery"), m_clock);
        QVERIFY(old.ok());
        auto recovered = (*old)->dataKey(QStringLiteral("grant-export"));
        QVERIFY(recovered.ok()); // the stated limit of a passphrase root
        QVERIFY(Aead::create(AeadCipher::Sm4Gcm, recovered.value())->openEnvelope({}, sealed).ok());
    }

    void retiredDataKeyStaysReadable()
    {
        const QString path = newPath();
        auto h = createWith(path, "correct horse battery");
        const SecureBytes key = h->createDataKey(QStringLiteral("vault-2031"), KeyPurpose::vault()).value();
        QVERIFY(h->retireDataKey(QStringLiteral("vault-2031")).ok());
        QCOMPARE(findKey(h->keys(), QStringLiteral("vault-2031"))->state, KeyState::Retired);
        QVERIFY(h->dataKey(QStringLiteral("vault-2031")).value() == key);
    }

    // R-7.4.3: every key access is logged.
    void auditSinkReceivesEveryOperation()
    {
        const QString path = newPath();
        RecordingSink sink;
        {
            auto h = createWith(path, "correct horse battery", &sink);
            QVERIFY(h->createDataKey(QStringLiteral("database"), KeyPurpose::database()).ok());
            QVERIFY(h->dataKey(QStringLiteral("database")).ok());
            QVERIFY(h->rotateKek(KeyPurpose::database()).ok());
            QVERIFY(h->changePassphrase(secret("correct horse battery"), secret("new passphrase")).ok());
            QVERIFY(!h->changePassphrase(secret("wrong"), secret("other")).ok());
            QVERIFY(h->retireDataKey(QStringLiteral("database")).ok());
            QVERIFY(h->destroyDataKey(QStringLiteral("database")).ok());
            QVERIFY(!h->dataKey(QStringLiteral("database")).ok());
        }
        QVERIFY(!KeyHierarchy::open(path, secret("correct horse battery"), m_clock, &sink).ok());
        QVERIFY(KeyHierarchy::open(path, secret("new passphrase"), m_clock, &sink).ok());
        const QStringList expected = {
            QStringLiteral("root.create root ok"),
            QStringLiteral("kek.create kek/database/v1 ok"),
            QStringLiteral("key.create database ok"),
            QStringLiteral("key.use database ok"),
            QStringLiteral("kek.create kek/database/v2 ok"),
            QStringLiteral("key.rewrap database ok"),
            QStringLiteral("kek.destroy kek/database/v1 ok"),
            QStringLiteral("kek.rotate kek/database ok"),
            QStringLiteral("root.change-credential root ok"),
            QStringLiteral("root.change-credential root FAILED"),
            QStringLiteral("key.retire database ok"),
            QStringLiteral("key.destroy database ok"),
            // Destroying renews what wrapped the key (issue 9 part 6).
            QStringLiteral("kek.create kek/database/v3 ok"),
            QStringLiteral("kek.destroy kek/database/v2 ok"),
            QStringLiteral("kek.rotate kek/database ok"),
            QStringLiteral("key.use database FAILED"),
            QStringLiteral("root.unlock root FAILED"),
            QStringLiteral("root.unlock root ok"),
        };
        QCOMPARE(sink.summary(), expected);
        QCOMPARE(sink.events.at(2).purpose, KeyPurpose::database());
    }

    // R-7.4.3: a passphrase change re-wraps the root key only.
    void passphraseChangeRewrapsTheRootOnly()
    {
        const QString path = newPath();
        auto h = createWith(path, "correct horse battery");
        const SecureBytes key = h->createDataKey(QStringLiteral("database"), KeyPurpose::database()).value();
        const QByteArray before = readFile(path);

        auto wrong = h->changePassphrase(secret("not it"), secret("new passphrase"));
        QCOMPARE(wrong.error().code, Error::Code::WrongPassphrase);
        QCOMPARE(readFile(path), before);

        QVERIFY(h->changePassphrase(secret("correct horse battery"), secret("new passphrase")).ok());
        const QByteArray after = readFile(path);
        QCOMPARE(kekWrappedOf(after, KeyPurpose::database(), 1),
                 kekWrappedOf(before, KeyPurpose::database(), 1));
        QCOMPARE(wrappedOf(after, QStringLiteral("database")), wrappedOf(before, QStringLiteral("database")));
        QVERIFY(after != before);
        h.reset();
        QCOMPARE(KeyHierarchy::open(path, secret("correct horse battery"), m_clock).error().code,
                 Error::Code::WrongPassphrase);
        auto reopened = KeyHierarchy::open(path, secret("new passphrase"), m_clock);
        QVERIFY(reopened.ok());
        QVERIFY((*reopened)->dataKey(QStringLiteral("database")).value() == key);
    }

    // Swapping wrapped keys between entries is caught by the associated data.
    void swappedWrappedKeysAreDetected()
    {
        const QString path = newPath();
        {
            auto h = createWith(path, "correct horse battery");
            QVERIFY(h->createDataKey(QStringLiteral("a"), KeyPurpose::database()).ok());
            QVERIFY(h->createDataKey(QStringLiteral("b"), KeyPurpose::database()).ok());
        }
        QByteArray file = readFile(path);
        const QByteArray a = wrappedOf(file, QStringLiteral("a")), b = wrappedOf(file, QStringLiteral("b"));
        file.replace(a, "@@A@@").replace(b, a).replace("@@A@@", b);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(file);
        }
        auto h = KeyHierarchy::open(path, secret("correct horse battery"), m_clock);
        QVERIFY(h.ok());
        QCOMPARE((*h)->dataKey(QStringLiteral("a")).error().code, Error::Code::Tampered);
        QCOMPARE((*h)->dataKey(QStringLiteral("b")).error().code, Error::Code::Tampered);
    }

    // A write that cannot complete leaves both the file and the open hierarchy as they were.
    void failedWriteChangesNothing()
    {
        QTemporaryDir sub(m_dir.filePath(QStringLiteral("sub-XXXXXX")));
        const QString path = sub.filePath(QStringLiteral("keyring.json"));
        RecordingSink sink;
        auto h = createWith(path, "correct horse battery", &sink);
        QVERIFY(h);
        const SecureBytes key = h->createDataKey(QStringLiteral("database"), KeyPurpose::database()).value();
        const int before = int(h->keys().size());
        QVERIFY(sub.remove()); // the directory disappears: the temporary file cannot be created
        auto r = h->createDataKey(QStringLiteral("vault"), KeyPurpose::vault());
        QCOMPARE(r.error().code, Error::Code::Io);
        QCOMPARE(int(h->keys().size()), before);
        QCOMPARE(h->rotateKek(KeyPurpose::database()).error().code, Error::Code::Io);
        QCOMPARE(findKey(h->keys(), QStringLiteral("kek/database/v1"))->state, KeyState::Active);
        QVERIFY(h->dataKey(QStringLiteral("database")).value() == key);
        QCOMPARE(sink.events.at(sink.events.size() - 3).action, QStringLiteral("key.create"));
        QVERIFY(!sink.events.at(sink.events.size() - 3).success);
    }

    // Issue 9: the iteration count read from the keyring is bounded above as well, so an altered
    // keyring cannot make the unlock spin for hours.
    void anAbsurdIterationCountIsRefusedBeforeAnyWork()
    {
        const QString path = newPath();
        createWith(path, "correct horse battery").reset();
        QJsonObject top = QJsonDocument::fromJson(readFile(path)).object();
        QJsonObject root = top.value(u"root").toObject();
        root.insert(QStringLiteral("iterations"), 2147483647);
        top.insert(QStringLiteral("root"), root);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(top).toJson());
        f.close();
        QCOMPARE(KeyHierarchy::open(path, secret("correct horse battery"), m_clock).error().code,
                 Error::Code::Corrupt);
    }

    void weakSettingsAndBadNamesAreRefused()
    {
        PassphraseRootOptions weak;
        weak.iterations = 100000;
        QCOMPARE(PassphraseRootKey::create(secret("pass"), weak).error().code, Error::Code::InvalidArgument);
        QCOMPARE(PassphraseRootKey::create(SecureBytes()).error().code, Error::Code::InvalidArgument);

        const QString path = newPath();
        auto h = createWith(path, "correct horse battery");
        QCOMPARE(h->createDataKey(QStringLiteral("bad|name"), KeyPurpose::database()).error().code,
                 Error::Code::InvalidArgument);
        QCOMPARE(h->createDataKey(QStringLiteral("ok"), QStringLiteral("Upper")).error().code,
                 Error::Code::InvalidArgument);
        QVERIFY(KeyPurpose::isValid(KeyPurpose::grant(u"g-2031-17")));
        auto again = KeyHierarchy::create(path, PassphraseRootKey::create(secret("x")).value(), m_clock);
        QCOMPARE(again.error().code, Error::Code::AlreadyExists);
    }

    void keyListShowsStatesAndClockTimesWithoutSecrets()
    {
        const QString path = newPath();
        const QDateTime created = m_clock.now();
        auto h = createWith(path, "correct horse battery");
        QVERIFY(h->createDataKey(QStringLiteral("database"), KeyPurpose::database()).ok());
        m_clock.advance(60 * 1000);
        QVERIFY(h->destroyDataKey(QStringLiteral("database")).ok());
        const QList<KeyInfo> keys = h->keys();
        QCOMPARE(keys.size(), 4); // root, the erased KEK and its renewal, one data key
        QCOMPARE(keys.at(0).kind, KeyInfo::Kind::Root);
        QCOMPARE(keys.at(0).algorithm, QStringLiteral("passphrase: sm4-gcm"));
        const KeyInfo *db = findKey(keys, QStringLiteral("database"));
        QCOMPARE(db->kind, KeyInfo::Kind::DataKey);
        QCOMPARE(db->createdAt, created);
        QCOMPARE(db->changedAt, m_clock.now());
        QCOMPARE(db->state, KeyState::Destroyed);
        QCOMPARE(db->algorithm, QStringLiteral("sm4-gcm"));
        QCOMPARE(db->id.size(), 32);
    }

    void keyringCanUseAes256GcmThroughout()
    {
        const QString path = newPath();
        PassphraseRootOptions options;
        options.cipher = AeadCipher::Aes256Gcm;
        KeyHierarchyOptions hierarchyOptions;
        hierarchyOptions.wrapCipher = AeadCipher::Aes256Gcm;
        SecureBytes key;
        {
            auto h =
                KeyHierarchy::create(path, PassphraseRootKey::create(secret("pass phrase"), options).value(),
                                     m_clock, nullptr, hierarchyOptions);
            QVERIFY(h.ok());
            key = (*h)->createDataKey(QStringLiteral("database"), KeyPurpose::database()).value();
        }
        auto h = KeyHierarchy::open(path, secret("pass phrase"), m_clock);
        QVERIFY((*h)->dataKey(QStringLiteral("database")).value() == key);
        QCOMPARE(findKey((*h)->keys(), QStringLiteral("database"))->algorithm, QStringLiteral("aes-256-gcm"));
    }

    void malformedKeyringIsReportedAsCorrupt()
    {
        const QString path = newPath();
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"format\":\"mdp-keyring\",\"formatVersion\":1}");
        }
        QCOMPARE(KeyHierarchy::open(path, secret("x"), m_clock).error().code, Error::Code::Corrupt);
        QCOMPARE(KeyHierarchy::open(m_dir.filePath(QStringLiteral("absent.json")), secret("x"), m_clock)
                     .error()
                     .code,
                 Error::Code::NotFound);
    }
};

QTEST_GUILESS_MAIN(tst_KeyHierarchy)
#include "tst_KeyHierarchy.moc"
