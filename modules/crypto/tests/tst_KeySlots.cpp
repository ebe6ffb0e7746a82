// Account key slots (issue 9 part 1): no shared secret, each account's own password opens the
// keys its slot was granted; R-7.4.2 (unique accounts) and R-7.4.3 (key lifecycle) at the tests.
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/Random.h"
#include "mdp/crypto/Signature.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace mdp;
using namespace mdp::crypto;

namespace {

SecureBytes secret(const char *text)
{
    return SecureBytes(QByteArrayView(text));
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// The cheapest parameters the bounds allow, so the suite stays quick.
KeyHierarchyOptions quickOptions()
{
    KeyHierarchyOptions o;
    o.slotKdf = {3, 19456, 1};
    return o;
}

class Sink final : public KeyAuditSink
{
public:
    void keyEvent(KeyAction action, const QString &keyId, const QString &, bool success,
                  const QString &) override
    {
        lines << keyActionName(action) + u' ' + keyId +
                     (success ? QStringLiteral(" ok") : QStringLiteral(" FAILED"));
    }
    QStringList lines;
};

const QString kAdminId = QStringLiteral("0b7c7f6e-0000-4000-8000-000000000001");
const QString kClinicianId = QStringLiteral("0b7c7f6e-0000-4000-8000-000000000002");

} // namespace

class tst_KeySlots : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC)};
    SecureBytes m_recovery;

    std::unique_ptr<KeyHierarchy> createKeyring(Sink *sink = nullptr,
                                                KeyHierarchyOptions options = quickOptions())
    {
        m_path =
            m_dir.filePath(QStringLiteral("keyring-%1.json").arg(QRandomGenerator::global()->generate()));
        auto h = KeyHierarchy::createWithSlots(
            m_path, {kAdminId, QStringLiteral("admin"), secret("admin-password-1")}, m_recovery, m_clock,
            sink, options);
        return h ? std::move(h.value()) : nullptr;
    }

    // A keyring whose new KEKs all go under the root, as before role-scoped keys.
    std::unique_ptr<KeyHierarchy> createRootOnlyKeyring()
    {
        KeyHierarchyOptions rootOnly = quickOptions();
        rootOnly.testKeepKeksUnderRoot = true;
        return createKeyring(nullptr, rootOnly);
    }

    Result<std::unique_ptr<KeyHierarchy>> signIn(const QString &user, const char *password)
    {
        SlotUnlock unlock;
        return KeyHierarchy::openWithSlot(m_path, user, secret(password), unlock, m_clock);
    }

private Q_SLOTS:
    void argon2idMatchesRfc9106()
    {
        // RFC 9106 section 5.3: Argon2id, t=3, m=32 KiB, p=4, with secret and associated data.
        const QByteArray password(32, '\x01');
        const QByteArray salt(16, '\x02');
        const QByteArray key(8, '\x03');
        const QByteArray ad(12, '\x04');
        auto tag = argon2id(password, salt, {3, 32, 4}, 32, key, ad);
        QVERIFY2(tag.ok(), qPrintable(tag.ok() ? QString() : tag.error().message));
        QCOMPARE(tag->view().toByteArray().toHex(),
                 QByteArray("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"));
    }

    void sm2EncryptionOpensOnlyForItsKey()
    {
        auto mine = SigningKey::generate(SignatureAlgorithm::Sm2);
        auto other = SigningKey::generate(SignatureAlgorithm::Sm2);
        QVERIFY(mine.ok() && other.ok());
        auto sealed = mine->publicKey().encrypt("a 32-byte key wrapped for a slot");
        QVERIFY(sealed.ok());
        auto opened = mine->decrypt(sealed.value());
        QVERIFY(opened.ok());
        QCOMPARE(opened->view().toByteArray(), QByteArray("a 32-byte key wrapped for a slot"));
        QVERIFY(!other->decrypt(sealed.value()).ok());
        QByteArray altered = sealed.value();
        altered[altered.size() - 3] = char(altered[altered.size() - 3] ^ 0x20);
        QVERIFY(!mine->decrypt(altered).ok());
    }

    void eachAccountOpensWithItsOwnPassword()
    {
        Sink sink;
        auto h = createKeyring(&sink);
        QVERIFY(h);
        QCOMPARE(h->rootKind(), QStringLiteral("accounts"));
        auto dataKey = h->ensureDataKey(QStringLiteral("database"), QStringLiteral("database"));
        QVERIFY(dataKey.ok());
        QVERIFY(h->addSlot({kClinicianId, QStringLiteral("li.na"), secret("clinician-pass-9")}, {rootScope()})
                    .ok());
        QVERIFY(sink.lines.contains(QStringLiteral("slot.add slot:") + kClinicianId + QStringLiteral(" ok")));
        h.reset();

        for (const auto &[user, password] :
             {std::pair{"admin", "admin-password-1"}, std::pair{"LI.NA", "clinician-pass-9"}}) {
            auto opened = signIn(QString::fromLatin1(user), password);
            QVERIFY2(opened.ok(), user);
            auto same = opened.value()->dataKey(QStringLiteral("database"));
            QVERIFY(same.ok());
            QVERIFY(same.value() == dataKey.value());
        }
        // Nobody's password opens as another account, and no passphrase exists.
        auto crossed = signIn(QStringLiteral("admin"), "clinician-pass-9");
        QVERIFY(!crossed.ok());
        QCOMPARE(crossed.error().code, Error::Code::WrongPassphrase);
        QCOMPARE(KeyHierarchy::open(m_path, secret("admin-password-1"), m_clock).error().code,
                 Error::Code::Unsupported);
        // The keyring holds neither password nor any key in clear.
        const QByteArray file = readFile(m_path);
        QVERIFY(!file.contains("admin-password-1"));
        QVERIFY(!file.contains(dataKey->view().toByteArray().toBase64()));
    }

    void anUnknownNameAndAWrongPasswordGetTheSameAnswer()
    {
        QVERIFY(createKeyring());
        auto wrong = signIn(QStringLiteral("admin"), "not-the-password");
        auto unknown = signIn(QStringLiteral("nobody"), "not-the-password");
        QVERIFY(!wrong.ok() && !unknown.ok());
        QCOMPARE(wrong.error().code, Error::Code::WrongPassphrase);
        QCOMPARE(unknown.error().code, Error::Code::WrongPassphrase);
        QCOMPARE(wrong.error().message, unknown.error().message);
        // The recovery slot is not an account: its name does not sign in.
        QCOMPARE(signIn(QStringLiteral("#recovery"), "x").error().code, Error::Code::WrongPassphrase);
    }

    void failuresBackOffExponentiallyAndSuccessReportsThem()
    {
        QVERIFY(createKeyring());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(QStringLiteral("admin"), "guess").error().code, Error::Code::WrongPassphrase);
        // Fifth failure: 15 minutes of back-off (the directory's lock-out), even for the right password.
        auto waiting = signIn(QStringLiteral("admin"), "admin-password-1");
        QCOMPARE(waiting.error().code, Error::Code::Locked);
        m_clock.advance(901 * 1000);
        QCOMPARE(signIn(QStringLiteral("admin"), "guess").error().code, Error::Code::WrongPassphrase);
        // Sixth failure: 30 minutes now, not a reset.
        m_clock.advance(20 * 60 * 1000);
        QCOMPARE(signIn(QStringLiteral("admin"), "admin-password-1").error().code, Error::Code::Locked);
        m_clock.advance(11 * 60 * 1000);
        SlotUnlock unlock;
        auto opened = KeyHierarchy::openWithSlot(m_path, QStringLiteral("admin"), secret("admin-password-1"),
                                                 unlock, m_clock);
        QVERIFY(opened.ok());
        QCOMPARE(unlock.failuresBefore, 6);
        QCOMPARE(unlock.accountId, kAdminId);
        // The right password alone clears nothing: the sign-in is settled after its second factor.
        QCOMPARE(opened.value()->slots().first().failures, 6);
        QVERIFY(opened.value()->settleSlotSignIn(kAdminId, false).ok());
        QCOMPARE(opened.value()->slots().first().failures, 7);
        QVERIFY(opened.value()->settleSlotSignIn(kAdminId, true).ok());
        QCOMPARE(opened.value()->slots().first().failures, 0);
    }

    void passwordChangeReplacesTheOldPassword()
    {
        auto h = createKeyring();
        QVERIFY(h);
        QCOMPARE(h->changeSlotPassword(kAdminId, secret("wrong"), secret("admin-password-2")).error().code,
                 Error::Code::WrongPassphrase);
        QVERIFY(h->changeSlotPassword(kAdminId, secret("admin-password-1"), secret("admin-password-2")).ok());
        QVERIFY(!signIn(QStringLiteral("admin"), "admin-password-1").ok());
        QVERIFY(signIn(QStringLiteral("admin"), "admin-password-2").ok());
        // An administrator's reset needs no old password and gives a new key pair.
        QVERIFY(h->addSlot({kClinicianId, QStringLiteral("li.na"), secret("clinician-pass-9")}, {rootScope()})
                    .ok());
        QVERIFY(h->resetSlot({kClinicianId, QStringLiteral("li.na"), secret("temporary-pass-1")}).ok());
        QVERIFY(!signIn(QStringLiteral("li.na"), "clinician-pass-9").ok());
        QVERIFY(signIn(QStringLiteral("li.na"), "temporary-pass-1").ok());
    }

    void theRecoveryKeyOpensTheKeyring()
    {
        QVERIFY(createKeyring());
        QCOMPARE(int(m_recovery.size()), 32);
        auto opened = KeyHierarchy::openWithRecoveryKey(m_path, m_recovery, m_clock);
        QVERIFY(opened.ok());
        QCOMPARE(
            KeyHierarchy::openWithRecoveryKey(m_path, secret("0123456789abcdef0123456789abcdef"), m_clock)
                .error()
                .code,
            Error::Code::WrongPassphrase);
        SecureBytes renewed;
        QVERIFY(opened.value()->renewRecoveryKey(renewed).ok());
        QVERIFY(!(renewed == m_recovery));
        QVERIFY(!KeyHierarchy::openWithRecoveryKey(m_path, m_recovery, m_clock).ok());
        QVERIFY(KeyHierarchy::openWithRecoveryKey(m_path, renewed, m_clock).ok());
    }

    // removing an account takes back what its slot could reach. The attack: keep a copy of
    // the keyring from while the account existed and put its slot back after the removal.
    void aRemovedSlotPutBackOpensNothing()
    {
        Sink sink;
        auto h = createKeyring(&sink);
        QVERIFY(h);
        auto dataKey = h->ensureDataKey(QStringLiteral("vault"), QStringLiteral("vault"));
        QVERIFY(h->addSlot({kClinicianId, QStringLiteral("li.na"), secret("clinician-pass-9")}, {rootScope()})
                    .ok());
        const QByteArray before = readFile(m_path);
        QVERIFY(signIn(QStringLiteral("li.na"), "clinician-pass-9").ok()); // positive control
        QVERIFY(h->removeSlot(kClinicianId).ok());
        QVERIFY(
            sink.lines.contains(QStringLiteral("slot.remove slot:") + kClinicianId + QStringLiteral(" ok")));
        QVERIFY(sink.lines.contains(QStringLiteral("root.rotate root ok")));
        QCOMPARE(signIn(QStringLiteral("li.na"), "clinician-pass-9").error().code,
                 Error::Code::WrongPassphrase);

        // Splice the old slot into the current keyring.
        QJsonObject now = QJsonDocument::fromJson(readFile(m_path)).object();
        QJsonArray slots = now.value(u"slots").toArray();
        for (const QJsonValue &v : QJsonDocument::fromJson(before).object().value(u"slots").toArray()) {
            if (v.toObject().value(u"userName").toString() == u"li.na")
                slots.append(v);
        }
        now.insert(QStringLiteral("slots"), slots);
        const QByteArray current = readFile(m_path);
        writeFile(m_path, QJsonDocument(now).toJson());
        auto spliced = signIn(QStringLiteral("li.na"), "clinician-pass-9");
        QVERIFY(!spliced.ok());
        QCOMPARE(spliced.error().code, Error::Code::Tampered);
        // And the old keyring's KEKs are not the current ones: every one was rotated.
        writeFile(m_path, current);
        const QJsonObject oldTop = QJsonDocument::fromJson(before).object();
        const QJsonObject newTop = QJsonDocument::fromJson(current).object();
        QVERIFY(oldTop.value(u"root").toObject().value(u"rootKeyId") !=
                newTop.value(u"root").toObject().value(u"rootKeyId"));
        for (const QJsonValue &v : newTop.value(u"keyEncryptionKeys").toArray()) {
            const QJsonObject kek = v.toObject();
            if (kek.value(u"state").toString() == u"active")
                QCOMPARE(kek.value(u"version").toInt(), 2);
        }
        // The remaining administrator still reads the same data key.
        auto admin = signIn(QStringLiteral("admin"), "admin-password-1");
        QVERIFY(admin.ok());
        QVERIFY(admin.value()->dataKey(QStringLiteral("vault")).value() == dataKey.value());
    }

    void aLockedSlotOpensNothingUntilGrantedAgain()
    {
        auto h = createKeyring();
        QVERIFY(h);
        QVERIFY(h->addSlot({kClinicianId, QStringLiteral("li.na"), secret("clinician-pass-9")}, {rootScope()})
                    .ok());
        QVERIFY(h->setSlotScopes(kClinicianId, {}).ok());
        auto locked = signIn(QStringLiteral("li.na"), "clinician-pass-9");
        QCOMPARE(locked.error().code, Error::Code::Locked);
        // Granting again needs no password of the account: its public key suffices.
        QVERIFY(h->setSlotScopes(kClinicianId, {rootScope()}).ok());
        QVERIFY(signIn(QStringLiteral("li.na"), "clinician-pass-9").ok());
        QVERIFY(!h->setSlotScopes(kClinicianId, {QStringLiteral("everything")}).ok());
    }

    // Issue 9 part 2: the identity key is a scope of its own. The root (which every account's slot
    // reaches) does not open it; only the slots granted the identity scope do..
    void theIdentityKeyOpensOnlyForSlotsGrantedIt()
    {
        Sink sink;
        auto h = createKeyring(&sink);
        QVERIFY(h);
        QVERIFY(h->holdsScope(identityScope()));
        auto identity = h->ensureDataKey(QStringLiteral("identity"), KeyPurpose::identity());
        QVERIFY(identity.ok());
        auto database = h->ensureDataKey(QStringLiteral("database"), KeyPurpose::database());
        QVERIFY(database.ok());
        QVERIFY(h->ensureDataKey(QStringLiteral("vault"), KeyPurpose::vault()).ok());
        const QString researcherId = QStringLiteral("0b7c7f6e-0000-4000-8000-000000000003");
        QVERIFY(h->addSlot({kClinicianId, QStringLiteral("li.na"), secret("clinician-pass-9")},
                           {rootScope(), identityScope()})
                    .ok());
        QVERIFY(
            h->addSlot({researcherId, QStringLiteral("zhou.min"), secret("researcher-pass-9")}, {rootScope()})
                .ok());

        // Positive control: the clinician reaches both keys, the same bytes as the administrator.
        auto clinician = signIn(QStringLiteral("li.na"), "clinician-pass-9");
        QVERIFY(clinician.ok());
        QVERIFY(clinician.value()->dataKey(QStringLiteral("identity")).value() == identity.value());

        auto researcher = signIn(QStringLiteral("zhou.min"), "researcher-pass-9");
        QVERIFY(researcher.ok());
        QVERIFY(researcher.value()->dataKey(QStringLiteral("database")).value() == database.value());
        QVERIFY(!researcher.value()->holdsScope(identityScope()));
        auto refused = researcher.value()->dataKey(QStringLiteral("identity"));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::PermissionDenied);
        // The vault's originals carry identity too: its key is in the same scope.
        QCOMPARE(researcher.value()->dataKey(QStringLiteral("vault")).error().code,
                 Error::Code::PermissionDenied);
        // Nor can she give herself the scope, or a new identity key under it.
        QCOMPARE(researcher.value()->setSlotScopes(researcherId, {rootScope(), identityScope()}).error().code,
                 Error::Code::PermissionDenied);
        QVERIFY(
            !researcher.value()->createDataKey(QStringLiteral("identity-2"), KeyPurpose::identity()).ok());
        // Nor take it away from someone else: that would leave the key unrenewed.
        QCOMPARE(researcher.value()->setSlotScopes(kClinicianId, {rootScope()}).error().code,
                 Error::Code::PermissionDenied);
        researcher.value().reset();

        // Copying the clinician's identity grant into her own slot in the file opens nothing: the
        // grant is sealed to the clinician's key pair, and the slot table no longer authenticates.
        const QByteArray good = readFile(m_path);
        QJsonObject top = QJsonDocument::fromJson(good).object();
        QJsonArray slots = top.value(u"slots").toArray();
        QJsonObject clinicianGrants;
        for (const QJsonValue &v : std::as_const(slots)) {
            if (v.toObject().value(u"userName").toString() == u"li.na")
                clinicianGrants = v.toObject().value(u"grants").toObject();
        }
        QVERIFY(clinicianGrants.contains(identityScope()));
        for (qsizetype i = 0; i < slots.size(); ++i) {
            QJsonObject slot = slots.at(i).toObject();
            if (slot.value(u"userName").toString() != u"zhou.min")
                continue;
            QJsonObject grants = slot.value(u"grants").toObject();
            grants.insert(identityScope(), clinicianGrants.value(identityScope()));
            slot.insert(QStringLiteral("grants"), grants);
            slots.replace(i, slot);
        }
        top.insert(QStringLiteral("slots"), slots);
        writeFile(m_path, QJsonDocument(top).toJson());
        auto spliced = signIn(QStringLiteral("zhou.min"), "researcher-pass-9");
        QVERIFY(!spliced.ok());
        QCOMPARE(spliced.error().code, Error::Code::Tampered);
        writeFile(m_path, good);

        // Taking the scope away renews the identity key: the slot no longer reaches it, and the
        // identity KEK moved under the new scope key (the data key itself is unchanged).
        auto admin = signIn(QStringLiteral("admin"), "admin-password-1");
        QVERIFY(admin.ok());
        const QJsonObject beforeTop = QJsonDocument::fromJson(readFile(m_path)).object();
        QVERIFY(admin.value()->setSlotScopes(kClinicianId, {rootScope()}).ok());
        const QJsonObject afterTop = QJsonDocument::fromJson(readFile(m_path)).object();
        QVERIFY(beforeTop.value(u"scopeKeys").toArray().at(0).toObject().value(u"id") !=
                afterTop.value(u"scopeKeys").toArray().at(0).toObject().value(u"id"));
        QCOMPARE(afterTop.value(u"scopeKeys").toArray().at(0).toObject().value(u"generation").toInt(), 2);
        auto narrowed = signIn(QStringLiteral("li.na"), "clinician-pass-9");
        QVERIFY(narrowed.ok());
        QCOMPARE(narrowed.value()->dataKey(QStringLiteral("identity")).error().code,
                 Error::Code::PermissionDenied);
        QVERIFY(admin.value()->dataKey(QStringLiteral("identity")).value() == identity.value());
        // The recovery key still reaches every scope.
        auto recovered = KeyHierarchy::openWithRecoveryKey(m_path, m_recovery, m_clock);
        QVERIFY(recovered.ok());
        QVERIFY(recovered.value()->dataKey(QStringLiteral("identity")).value() == identity.value());
    }

    // Issue 9 part 2: keyrings from before the audit scope hold the audit log's KEK under the root,
    // where every role reached it. They still open (an upgrade must not lock anyone out), and the first
    // audit reader's open moves the KEK under the audit scope; from then on a researcher's root no
    // longer reaches the audit key, which is unchanged.
    void anAuditKeyFromBeforeItsScopeMovesUnderIt()
    {
        auto created = createRootOnlyKeyring();
        QVERIFY(created);
        auto auditKey = created->ensureDataKey(QStringLiteral("audit"), KeyPurpose::audit());
        QVERIFY(auditKey.ok());
        const QString researcherId = QStringLiteral("0b7c7f6e-0000-4000-8000-000000000003");
        QVERIFY(created
                    ->addSlot({researcherId, QStringLiteral("zhou.min"), secret("researcher-pass-9")},
                              {rootScope()})
                    .ok());
        created.reset();
        QVERIFY(signIn(QStringLiteral("zhou.min"), "researcher-pass-9")
                    .value()
                    ->dataKey(QStringLiteral("audit"))
                    .ok());
        auto admin = signIn(QStringLiteral("admin"), "admin-password-1");
        QVERIFY(admin.ok());
        QVERIFY(admin.value()->settleScopes().value() >= 1);
        QVERIFY(admin.value()->dataKey(QStringLiteral("audit")).value() == auditKey.value());
        QCOMPARE(signIn(QStringLiteral("zhou.min"), "researcher-pass-9")
                     .value()
                     ->dataKey(QStringLiteral("audit"))
                     .error()
                     .code,
                 Error::Code::PermissionDenied);
    }

    // A keyring from before role-scoped keys has its vault KEK under the root, which every slot
    // reaches. The first account holding the identity scope to open it moves the KEK under the
    // scope's key; the data key itself stays, so the files stay readable.
    void aKekFromBeforeScopesMovesUnderItsScope()
    {
        auto created = createRootOnlyKeyring();
        QVERIFY(created);
        auto vaultKey = created->ensureDataKey(QStringLiteral("vault"), KeyPurpose::vault());
        QVERIFY(vaultKey.ok());
        const QString researcherId = QStringLiteral("0b7c7f6e-0000-4000-8000-000000000003");
        QVERIFY(created
                    ->addSlot({researcherId, QStringLiteral("zhou.min"), secret("researcher-pass-9")},
                              {rootScope()})
                    .ok());
        created.reset();
        // Before: the researcher's root reaches the vault key.
        QVERIFY(signIn(QStringLiteral("zhou.min"), "researcher-pass-9")
                    .value()
                    ->dataKey(QStringLiteral("vault"))
                    .ok());
        // She cannot settle it herself (she lacks the scope's key)...
        QCOMPARE(signIn(QStringLiteral("zhou.min"), "researcher-pass-9").value()->settleScopes().value(), 0);
        // ...the administrator does.
        auto admin = signIn(QStringLiteral("admin"), "admin-password-1");
        QVERIFY(admin.ok());
        QCOMPARE(admin.value()->settleScopes().value(), 1);
        QCOMPARE(admin.value()->settleScopes().value(), 0);
        QVERIFY(admin.value()->dataKey(QStringLiteral("vault")).value() == vaultKey.value());
        QCOMPARE(signIn(QStringLiteral("zhou.min"), "researcher-pass-9")
                     .value()
                     ->dataKey(QStringLiteral("vault"))
                     .error()
                     .code,
                 Error::Code::PermissionDenied);
    }

    // Someone holding only the root plants an identity KEK under the root with a data key they know,
    // hoping identity gets sealed under it: the KEK is refused for not being under its scope's key.
    void anIdentityKekUnderTheRootIsRefused()
    {
        auto created = createRootOnlyKeyring();
        QVERIFY(created);
        QVERIFY(created->ensureDataKey(QStringLiteral("identity"), KeyPurpose::identity()).ok());
        created.reset();
        auto admin = signIn(QStringLiteral("admin"), "admin-password-1");
        QVERIFY(admin.ok());
        QCOMPARE(admin.value()->dataKey(QStringLiteral("identity")).error().code, Error::Code::Tampered);
        QCOMPARE(admin.value()->settleScopes().error().code, Error::Code::Tampered);
    }

    // The identity key vouches for its own holders (their slots' public keys, HMAC under a key from
    // it): a list edited in the file, or stripped, opens identity for nobody, so a grant a root holder
    // writes into her slot is never renewed for her by a later rotation. Legitimate changes (a new
    // password, a renewed recovery key) keep their holders.
    void theIdentityKeysHolderListIsItsOwn()
    {
        auto h = createKeyring();
        QVERIFY(h);
        auto identity = h->ensureDataKey(QStringLiteral("identity"), KeyPurpose::identity());
        QVERIFY(identity.ok());
        QVERIFY(h->addSlot({kClinicianId, QStringLiteral("li.na"), secret("clinician-pass-9")},
                           {rootScope(), identityScope()})
                    .ok());
        h.reset();
        const QByteArray good = readFile(m_path);
        QJsonObject top = QJsonDocument::fromJson(good).object();
        QJsonArray scopeKeys = top.value(u"scopeKeys").toArray();
        QJsonObject entry = scopeKeys.at(0).toObject();
        QCOMPARE(entry.value(u"holders").toArray().size(), 3); // admin, clinician, recovery
        // One holder taken off the list (or the list stripped): the MAC no longer holds.
        QJsonArray fewer = entry.value(u"holders").toArray();
        fewer.removeLast();
        QJsonObject shortened = entry;
        shortened.insert(QStringLiteral("holders"), fewer);
        QJsonObject stripped = entry;
        stripped.remove(QStringLiteral("holders"));
        stripped.remove(QStringLiteral("holdersMac"));
        for (const QJsonObject &edited : {shortened, stripped}) {
            scopeKeys.replace(0, edited);
            top.insert(QStringLiteral("scopeKeys"), scopeKeys);
            writeFile(m_path, QJsonDocument(top).toJson());
            // Whoever holds identity is refused: the list no longer authenticates.
            for (const auto &[user, password] :
                 {std::pair{"li.na", "clinician-pass-9"}, std::pair{"admin", "admin-password-1"}}) {
                auto opened = signIn(QString::fromLatin1(user), password);
                QVERIFY(!opened.ok());
                QCOMPARE(opened.error().code, Error::Code::Tampered);
            }
        }
        writeFile(m_path, good);
        // Legitimate changes keep the holders: a new password, a renewed recovery key.
        auto clinician = signIn(QStringLiteral("li.na"), "clinician-pass-9");
        QVERIFY(clinician.ok());
        QVERIFY(
            clinician.value()
                ->changeSlotPassword(kClinicianId, secret("clinician-pass-9"), secret("clinician-pass-10"))
                .ok());
        clinician.value().reset();
        auto again = signIn(QStringLiteral("li.na"), "clinician-pass-10");
        QVERIFY(again.ok());
        QVERIFY(again.value()->dataKey(QStringLiteral("identity")).value() == identity.value());
        SecureBytes renewed;
        QVERIFY(again.value()->renewRecoveryKey(renewed).ok());
        auto recovered = KeyHierarchy::openWithRecoveryKey(m_path, renewed, m_clock);
        QVERIFY(recovered.ok());
        QVERIFY(recovered.value()->dataKey(QStringLiteral("identity")).value() == identity.value());
        auto admin = signIn(QStringLiteral("admin"), "admin-password-1");
        QVERIFY(admin.ok());
        QVERIFY(admin.value()->holdsScope(identityScope()));
    }

    // The slot table is authenticated under the root: a grant added to a locked account's slot, a slot
    // renamed, or the slot KDF policy lowered in the file is found at the next unlock by anyone.
    void aSlotTableChangedInTheFileIsFound()
    {
        auto h = createKeyring();
        QVERIFY(h);
        QVERIFY(h->addSlot({kClinicianId, QStringLiteral("li.na"), secret("clinician-pass-9")}, {rootScope()})
                    .ok());
        QVERIFY(h->setSlotScopes(kClinicianId, {}).ok()); // locked: her grant taken back
        h.reset();
        const QByteArray good = readFile(m_path);
        QVERIFY(signIn(QStringLiteral("admin"), "admin-password-1").ok()); // positive control

        auto edited = [&](const std::function<void(QJsonObject &)> &edit) {
            QJsonObject top = QJsonDocument::fromJson(good).object();
            edit(top);
            writeFile(m_path, QJsonDocument(top).toJson());
            auto opened = signIn(QStringLiteral("admin"), "admin-password-1");
            writeFile(m_path, good);
            return opened.ok() ? Error::Code::Unknown : opened.error().code;
        };
        auto editSlot = [](QJsonObject &top, const QString &user,
                           const std::function<void(QJsonObject &)> &edit) {
            QJsonArray slots = top.value(u"slots").toArray();
            for (qsizetype i = 0; i < slots.size(); ++i) {
                QJsonObject slot = slots.at(i).toObject();
                if (slot.value(u"userName").toString() == user) {
                    edit(slot);
                    slots.replace(i, slot);
                }
            }
            top.insert(QStringLiteral("slots"), slots);
        };
        QCOMPARE(edited([&](QJsonObject &top) {
                     editSlot(top, QStringLiteral("li.na"), [](QJsonObject &slot) {
                         slot.insert(QStringLiteral("grants"),
                                     QJsonObject{{QStringLiteral("root"), QStringLiteral("AAAA")}});
                     });
                 }),
                 Error::Code::Tampered);
        QCOMPARE(edited([&](QJsonObject &top) {
                     editSlot(top, QStringLiteral("li.na"), [](QJsonObject &slot) {
                         slot.insert(QStringLiteral("userName"), QStringLiteral("li.na2"));
                     });
                 }),
                 Error::Code::Tampered);
        QCOMPARE(edited([&](QJsonObject &top) {
                     QJsonObject root = top.value(u"root").toObject();
                     QJsonObject kdf = root.value(u"slotKdf").toObject();
                     kdf.insert(QStringLiteral("iterations"), 4); // any change, even a stronger one
                     root.insert(QStringLiteral("slotKdf"), kdf);
                     top.insert(QStringLiteral("root"), root);
                 }),
                 Error::Code::Tampered);
        // The failure counters are not covered: a wrong password still counts.
        QVERIFY(signIn(QStringLiteral("admin"), "admin-password-1").ok());
    }

    void kdfParametersAreBoundedBeforeAnyWork()
    {
        QVERIFY(createKeyring());
        QJsonObject top = QJsonDocument::fromJson(readFile(m_path)).object();
        QJsonArray slots = top.value(u"slots").toArray();
        QJsonObject admin = slots.at(0).toObject();
        QJsonObject kdf = admin.value(u"kdf").toObject();
        kdf.insert(QStringLiteral("memoryKiB"), 64 * 1024 * 1024); // 64 GiB
        admin.insert(QStringLiteral("kdf"), kdf);
        slots.replace(0, admin);
        top.insert(QStringLiteral("slots"), slots);
        writeFile(m_path, QJsonDocument(top).toJson());
        auto opened = signIn(QStringLiteral("admin"), "admin-password-1");
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::Corrupt);
        // Weakened below the floor is refused as well.
        kdf.insert(QStringLiteral("memoryKiB"), 1024);
        kdf.insert(QStringLiteral("iterations"), 1);
        admin.insert(QStringLiteral("kdf"), kdf);
        slots.replace(0, admin);
        top.insert(QStringLiteral("slots"), slots);
        writeFile(m_path, QJsonDocument(top).toJson());
        QCOMPARE(signIn(QStringLiteral("admin"), "admin-password-1").error().code, Error::Code::Corrupt);
        KeyHierarchyOptions weak;
        weak.slotKdf = {1, 8192, 1};
        SecureBytes ignored;
        QCOMPARE(
            KeyHierarchy::createWithSlots(m_dir.filePath(QStringLiteral("weak.json")),
                                          {kAdminId, QStringLiteral("admin"), secret("admin-password-1")},
                                          ignored, m_clock, nullptr, weak)
                .error()
                .code,
            Error::Code::InvalidArgument);
    }

    // single sign-on: the site's scope keys open "site" slots; the root's slot opens the
    // workspace, each other scope only through its own site slot and only with its own key.
    void siteKeysOpenOnlyTheScopesTheyCarry()
    {
        Sink sink;
        auto h = createKeyring(&sink);
        QVERIFY(h);
        auto identity = h->ensureDataKey(QStringLiteral("identity"), KeyPurpose::identity());
        QVERIFY(identity.ok());
        auto database = h->ensureDataKey(QStringLiteral("database"), KeyPurpose::database());
        QVERIFY(database.ok());
        const SecureBytes siteRoot = randomKey(32);
        const SecureBytes siteIdentity = randomKey(32);
        // No site slot yet: nothing opens, and the caller is told why.
        QCOMPARE(KeyHierarchy::openWithSiteKeys(m_path, {{rootScope(), siteRoot}}, m_clock).error().code,
                 Error::Code::NotFound);
        QVERIFY(h->addSiteSlot(rootScope(), siteRoot).ok());
        QVERIFY(h->addSiteSlot(identityScope(), siteIdentity).ok());
        QCOMPARE(h->siteSlotScopes(), (QStringList{rootScope(), identityScope()}));
        QVERIFY(h->siteSlotOpens(rootScope(), siteRoot));
        QVERIFY(!h->siteSlotOpens(rootScope(), siteIdentity));
        // Not a password slot: listed as "site", never found by a user name.
        int siteSlots = 0;
        for (const KeySlotInfo &slot : h->slots())
            siteSlots += slot.kind == u"site" ? 1 : 0;
        QCOMPARE(siteSlots, 2);
        SlotUnlock unlock;
        QCOMPARE(KeyHierarchy::openWithSlot(m_path, QStringLiteral("#site:root"), siteRoot, unlock, m_clock)
                     .error()
                     .code,
                 Error::Code::WrongPassphrase);

        // A wrong root key: refused, nothing reached.
        QCOMPARE(KeyHierarchy::openWithSiteKeys(m_path, {{rootScope(), randomKey(32)}}, m_clock).error().code,
                 Error::Code::WrongPassphrase);
        // An identity key alone does not open the workspace.
        QCOMPARE(
            KeyHierarchy::openWithSiteKeys(m_path, {{identityScope(), siteIdentity}}, m_clock).error().code,
            Error::Code::WrongPassphrase);

        // The root key alone: the workspace opens, identity does not.
        auto rootOnly = KeyHierarchy::openWithSiteKeys(m_path, {{rootScope(), siteRoot}}, m_clock);
        QVERIFY2(rootOnly.ok(), rootOnly.ok() ? "" : qPrintable(rootOnly.error().toString()));
        QCOMPARE(rootOnly.value()->openedBy(), QStringLiteral("#site"));
        QVERIFY(rootOnly.value()->dataKey(QStringLiteral("database")).value() == database.value());
        QVERIFY(!rootOnly.value()->holdsScope(identityScope()));
        QCOMPARE(rootOnly.value()->dataKey(QStringLiteral("identity")).error().code,
                 Error::Code::PermissionDenied);
        // Nor can that session add an identity site slot of its own choosing.
        QCOMPARE(rootOnly.value()->addSiteSlot(identityScope(), randomKey(32)).error().code,
                 Error::Code::PermissionDenied);
        // The root key given as the identity key (a bundle forged from what a root holder knows).
        auto forged = KeyHierarchy::openWithSiteKeys(
            m_path, {{rootScope(), siteRoot}, {identityScope(), siteRoot}}, m_clock);
        QVERIFY(forged.ok());
        QVERIFY(!forged.value()->holdsScope(identityScope()));
        rootOnly.value().reset();
        forged.value().reset();

        // With the identity key too: identity is reached, the same bytes.
        auto both = KeyHierarchy::openWithSiteKeys(
            m_path, {{rootScope(), siteRoot}, {identityScope(), siteIdentity}}, m_clock);
        QVERIFY(both.ok());
        QVERIFY(both.value()->holdsScope(identityScope()));
        QVERIFY(!both.value()->holdsScope(auditScope()));
        QVERIFY(both.value()->dataKey(QStringLiteral("identity")).value() == identity.value());
        // A session opened by the site keys can give a local account the scopes it holds.
        QVERIFY(both.value()
                    ->addSlot({kClinicianId, QStringLiteral("li.na"), secret("clinician-pass-9")},
                              {rootScope(), identityScope()})
                    .ok());
        both.value().reset();
        auto clinician = signIn(QStringLiteral("li.na"), "clinician-pass-9");
        QVERIFY(clinician.ok());
        QVERIFY(clinician.value()->dataKey(QStringLiteral("identity")).value() == identity.value());
        clinician.value().reset();

        // A rotation (a slot removed) keeps the site slots working with the same site keys.
        h.reset();
        auto admin = signIn(QStringLiteral("admin"), "admin-password-1");
        QVERIFY(admin.ok());
        QVERIFY(admin.value()->removeSlot(kClinicianId).ok());
        admin.value().reset();
        auto afterRotation = KeyHierarchy::openWithSiteKeys(
            m_path, {{rootScope(), siteRoot}, {identityScope(), siteIdentity}}, m_clock);
        QVERIFY2(afterRotation.ok(), afterRotation.ok() ? "" : qPrintable(afterRotation.error().toString()));
        QVERIFY(afterRotation.value()->dataKey(QStringLiteral("identity")).value() == identity.value());
        afterRotation.value().reset();

        // A site slot's kind changed in the file: the slot table no longer authenticates.
        QJsonObject top = QJsonDocument::fromJson(readFile(m_path)).object();
        QJsonArray slots = top.value(u"slots").toArray();
        for (qsizetype i = 0; i < slots.size(); ++i) {
            QJsonObject slot = slots.at(i).toObject();
            if (slot.value(u"accountId").toString() == u"#site:root") {
                slot.insert(QStringLiteral("userName"), QStringLiteral("#site:root2"));
                slots.replace(i, slot);
            }
        }
        top.insert(QStringLiteral("slots"), slots);
        writeFile(m_path, QJsonDocument(top).toJson());
        QVERIFY(!KeyHierarchy::openWithSiteKeys(m_path, {{rootScope(), siteRoot}}, m_clock).ok());
    }
};

QTEST_GUILESS_MAIN(tst_KeySlots)
#include "tst_KeySlots.moc"
