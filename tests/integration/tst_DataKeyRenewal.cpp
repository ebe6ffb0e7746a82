// Renewing data keys (issue 9 part 6, R-7.4.3 key lifecycle incl. destroy): the database is re-keyed,
// the vault's files re-encrypted and the patients' sealed identity sealed again under fresh keys, and
// the old keys destroyed. The honest test keeps a copy of keyring.json from before, with a password
// that was valid then, and shows that its keys no longer open the data as it is now (the positive
// control: the same keys opened it before). A renewal cut short is finished at the next open, a vault
// renewal stopped half-way carries on, and a key name planted in the database cannot make an open
// destroy the key in use.

#include "../support/AccountSignIns.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/registry/IdentitySeal.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const char *kAdminPassword = "Keeper-pass-2026!";
const char *kClinicianPassword = "Ward-pass-77-xyz";
const QString kName = QStringLiteral("欧阳娜娜");
const QString kResidentId = QStringLiteral("650102197511118889");

template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_DataKeyRenewal : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC)};
    AccountSignIns m_signIns{m_clock};
    QString m_path;
    QUuid m_patientId;
    QStringList m_blobIds;
    QMap<QString, QByteArray> m_files; // blob id -> content

    Result<std::unique_ptr<workspace::Workspace>> signIn(const QString &user, const char *password)
    {
        return m_signIns.open(m_path, user, password);
    }

    QString keyringPath(const QString &folder) const
    {
        return QDir(folder).filePath(QStringLiteral("keyring.json"));
    }

    // The data keys a keyring file gives the clinician's password, outside the product (read-only).
    QMap<QString, SecureBytes> keysOf(const QString &keyring)
    {
        QMap<QString, SecureBytes> out;
        crypto::SlotUnlock unlock;
        auto keys = crypto::KeyHierarchy::openWithSlot(
            keyring, QStringLiteral("li.na"), secret(kClinicianPassword), unlock, m_clock, nullptr, true);
        if (!keys) {
            qWarning() << keys.error().toString();
            return out;
        }
        for (const crypto::KeyInfo &info : keys.value()->keys()) {
            if (info.kind != crypto::KeyInfo::Kind::DataKey)
                continue;
            if (auto key = keys.value()->dataKey(info.name))
                out.insert(info.name, key.value());
        }
        return out;
    }

    // Live (not destroyed) data keys by name, as the Keys page lists them.
    QMap<QString, crypto::KeyState> dataKeyStates(workspace::Workspace &ws)
    {
        QMap<QString, crypto::KeyState> states;
        auto list = ws.keyList();
        if (!list)
            return states;
        for (const crypto::KeyInfo &k : list.value()) {
            if (k.kind == crypto::KeyInfo::Kind::DataKey)
                states.insert(k.name, k.state);
        }
        return states;
    }

    Result<std::unique_ptr<store::Database>> openDatabase(const SecureBytes &key)
    {
        const QJsonObject manifest =
            QJsonDocument::fromJson(readAll(QDir(m_path).filePath(QStringLiteral("workspace.json"))))
                .object();
        store::Database::Options o;
        o.path = QDir(m_path).filePath(QStringLiteral("data.db"));
        o.key = key;
        o.cipher = store::pageCipherFromName(manifest.value(u"page_cipher").toString())
                       .value_or(store::PageCipher::Sm4Cbc);
        o.readOnly = true;
        return store::Database::open(std::move(o));
    }

    // Whether `identityKey` opens the sealed identity of the test patient in the database as it is.
    bool identityOpens(const SecureBytes &databaseKey, const SecureBytes &identityKey)
    {
        auto db = openDatabase(databaseKey);
        if (!db)
            return false;
        auto row =
            db.value()->queryOne(QStringLiteral("SELECT id, identity FROM registry_patients WHERE id = ?1"),
                                 {m_patientId.toString(QUuid::WithoutBraces)});
        if (!row || !row.value())
            return false;
        auto seal = registry::IdentitySeal::open(identityKey);
        registry::Patient p;
        return seal &&
               seal.value()->openPatient(row.value()->at(0).toString(), row.value()->at(1).toByteArray(),
                                         p) &&
               p.name.display().contains(kName.left(2));
    }

    bool vaultOpens(const SecureBytes &vaultKey)
    {
        store::Vault::Options vo;
        vo.directory = QDir(m_path).filePath(QStringLiteral("vault"));
        vo.dataKey = vaultKey;
        auto vault = store::Vault::open(std::move(vo));
        if (!vault)
            return false;
        for (const QString &id : std::as_const(m_blobIds)) {
            if (!vault.value()->get(id))
                return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid());
        m_path = m_root.filePath(QStringLiteral("ws"));
        workspace::CreateOptions o;
        o.directory = m_path;
        o.adminName = QStringLiteral("admin");
        o.adminPassword = secret(kAdminPassword);
        auto created = workspace::Workspace::create(o, m_clock);
        QVERIFY2(created.ok(), why(created));
        m_signIns.setEnrolmentCode(QStringLiteral("admin"), created.value()->takeAdminEnrolmentCode());
        created.value().reset();
        auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
        QVERIFY2(admin.ok(), why(admin));
        const QUuid adminId = QUuid::fromString(admin.value()->session()->accountId);
        QVERIFY(admin.value()
                    ->accounts()
                    .createAccount(adminId, QStringLiteral("li.na"), QStringLiteral("Li Na"),
                                   accounts::Role::Clinician, passwordBytes(kClinicianPassword))
                    .ok());
        auto code = admin.value()->accounts().issueEnrolmentCode(adminId, QStringLiteral("li.na"));
        QVERIFY(code.ok());
        m_signIns.setEnrolmentCode(QStringLiteral("li.na"), code.value());
        admin.value().reset();

        auto clinician = signIn(QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY2(clinician.ok(), why(clinician));
        const QString clinicianId = clinician.value()->session()->accountId;
        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(kName);
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1975, 11, 11);
        draft.identifiers << registry::PatientIdentifier{
            registry::IdentifierType::ResidentId, kResidentId, {}, true};
        auto patient = clinician.value()->registry().createPatient(clinicianId, draft);
        QVERIFY2(patient.ok(), why(patient));
        m_patientId = patient->id;
        registry::EventDraft visit;
        visit.type = registry::EventType::FirstVisit;
        visit.start = registry::EventTime::fromDate(QDate(2026, 11, 2));
        visit.title = QStringLiteral("初诊");
        auto event = clinician.value()->registry().addEvent(clinicianId, patient->id, visit);
        QVERIFY(event.ok());
        for (int i = 0; i < 5; ++i) {
            const QByteArray content =
                QByteArrayLiteral("%PDF-1.4\n% ") + (kName + u' ' + kResidentId).toUtf8() +
                QByteArray(70'000 * (i + 1), char('a' + i)) + QByteArrayLiteral("\n%%EOF\n");
            auto blob = clinician.value()->storeFile(content);
            QVERIFY2(blob.ok(), why(blob));
            m_blobIds << blob.value();
            m_files.insert(blob.value(), content);
            QVERIFY(clinician.value()
                        ->registry()
                        .attach(clinicianId, event->id,
                                {blob.value(), QStringLiteral("application/pdf"),
                                 QStringLiteral("letter-%1.pdf").arg(i)})
                        .ok());
        }
    }

    // only a key manager renews keys; the service refuses anyone else and records it.
    void onlyAKeyManagerRenews()
    {
        auto clinician = signIn(QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY2(clinician.ok(), why(clinician));
        for (const QString &purpose : workspace::Workspace::renewableDataKeys()) {
            auto refused = clinician.value()->renewDataKey(purpose);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, Error::Code::PermissionDenied);
        }
        clinician.value().reset();
        auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
        QVERIFY2(admin.ok(), why(admin));
        QCOMPARE(admin.value()->renewDataKey(QStringLiteral("audit")).error().code,
                 Error::Code::InvalidArgument);
    }

    // the honest test of the database key. The copy of keyring.json taken before, with the
    // clinician's password of then, opened data.db; after the renewal it opens nothing.
    void anOldKeyringCopyNoLongerOpensTheRenewedDatabase()
    {
        const QString oldKeyring = m_root.filePath(QStringLiteral("keyring-before-database.json"));
        QVERIFY(QFile::copy(keyringPath(m_path), oldKeyring));
        const QMap<QString, SecureBytes> before = keysOf(oldKeyring);
        QVERIFY(before.contains(QStringLiteral("database")));
        QVERIFY(openDatabase(before.value(QStringLiteral("database"))).ok()); // the positive control

        {
            auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
            QVERIFY2(admin.ok(), why(admin));
            QList<qint64> seen;
            auto renewed =
                admin.value()->renewDataKey(QStringLiteral("database"), [&seen](qint64 done, qint64) {
                    seen << done;
                    return true;
                });
            QVERIFY2(renewed.ok(), why(renewed));
            QCOMPARE(renewed->key, QStringLiteral("database:2"));
            QCOMPARE(renewed->destroyed, QStringList{QStringLiteral("database")});
            QCOMPARE(seen.last(), 1);
            const auto states = dataKeyStates(*admin.value());
            QCOMPARE(states.value(QStringLiteral("database")), crypto::KeyState::Destroyed);
            QCOMPARE(states.value(QStringLiteral("database:2")), crypto::KeyState::Active);
            // The session carries on under the new key, reads and writes.
            const QString adminId = admin.value()->session()->accountId;
            auto p = admin.value()->registry().patient(adminId, m_patientId);
            QVERIFY2(p.ok(), why(p));
            QCOMPARE(p->name.display().contains(kName.left(2)), true);
            QVERIFY(admin.value()
                        ->accounts()
                        .issueEnrolmentCode(QUuid::fromString(adminId), QStringLiteral("li.na"))
                        .ok());
            QVERIFY(admin.value()->unfinishedKeyRenewals().isEmpty());
        }
        auto old = openDatabase(before.value(QStringLiteral("database")));
        QVERIFY(!old.ok());
        QCOMPARE(old.error().code, Error::Code::WrongPassphrase);
        // The current keyring's key opens it, and the workspace opens again (the manifest's MAC key
        // was kept apart before the key it came from was destroyed).
        const QMap<QString, SecureBytes> now = keysOf(keyringPath(m_path));
        QVERIFY(!now.contains(QStringLiteral("database")));
        QVERIFY(openDatabase(now.value(QStringLiteral("database:2"))).ok());
        auto again = signIn(QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY2(again.ok(), why(again));
        const workspace::IntegrityReport integrity = again.value()->verifyIntegrity();
        QVERIFY2(integrity.ok, qPrintable(integrity.problem));
    }

    // A crash between drawing the new key and the re-key's commit leaves a newer key the file is not
    // under: the next open re-keys to it and destroys the one before.
    void aDatabaseRenewalCutShortIsFinishedAtOpen()
    {
        {
            crypto::SlotUnlock unlock;
            auto keys = crypto::KeyHierarchy::openWithSlot(keyringPath(m_path), QStringLiteral("admin"),
                                                           secret(kAdminPassword), unlock, m_clock);
            QVERIFY2(keys.ok(), why(keys));
            QVERIFY(keys.value()
                        ->createDataKey(QStringLiteral("database:3"), crypto::KeyPurpose::database())
                        .ok());
        }
        auto clinician = signIn(QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY2(clinician.ok(), why(clinician));
        clinician.value().reset();
        const QMap<QString, SecureBytes> now = keysOf(keyringPath(m_path));
        QVERIFY(!now.contains(QStringLiteral("database:2")));
        QVERIFY(openDatabase(now.value(QStringLiteral("database:3"))).ok());
    }

    // the identity key. An old keyring's identity key opened the patient's sealed name
    // before; after the renewal it does not, the new key does, and lookups by resident ID still work
    // (the index was recomputed under the new key).
    void anOldKeyringCopyNoLongerOpensTheRenewedIdentity()
    {
        const QString oldKeyring = m_root.filePath(QStringLiteral("keyring-before-identity.json"));
        QVERIFY(QFile::copy(keyringPath(m_path), oldKeyring));
        const QMap<QString, SecureBytes> before = keysOf(oldKeyring);
        const SecureBytes databaseKey = keysOf(keyringPath(m_path)).value(QStringLiteral("database:3"));
        QVERIFY(identityOpens(databaseKey, before.value(QStringLiteral("identity")))); // positive control
        {
            auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
            QVERIFY2(admin.ok(), why(admin));
            auto renewed = admin.value()->renewDataKey(QStringLiteral("identity"));
            QVERIFY2(renewed.ok(), why(renewed));
            QCOMPARE(renewed->key, QStringLiteral("identity:2"));
            QVERIFY(renewed->items >= 3); // the patient, the resident ID, the first history version
            const QString adminId = admin.value()->session()->accountId;
            auto found = admin.value()->registry().findByIdentifier(
                adminId,
                registry::PatientIdentifier{registry::IdentifierType::ResidentId, kResidentId, {}, false});
            QVERIFY2(found.ok(), why(found));
            QVERIFY(found->has_value());
            QCOMPARE(found->value().id, m_patientId);
            auto history = admin.value()->registry().patientHistory(m_patientId);
            QVERIFY2(history.ok(), why(history));
            QVERIFY(history->first().state.name.display().contains(kName.left(2)));
        }
        QVERIFY(!identityOpens(databaseKey, before.value(QStringLiteral("identity"))));
        const QMap<QString, SecureBytes> now = keysOf(keyringPath(m_path));
        QVERIFY(!now.contains(QStringLiteral("identity")));
        QVERIFY(identityOpens(databaseKey, now.value(QStringLiteral("identity:2"))));
        // The clinician opens again, with names.
        auto clinician = signIn(QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY2(clinician.ok(), why(clinician));
        auto p = clinician.value()->registry().patient(clinician.value()->session()->accountId, m_patientId);
        QVERIFY2(p.ok(), why(p));
        QVERIFY(p->name.display().contains(kName.left(2)));
    }

    // Every role's password reaches the database, so anyone could name another identity key in
    // mdp_meta. During a renewal cut short two live keys exist; naming the wrong one must not make
    // the open destroy the key the patients are under.
    void anIdentityKeyNamePlantedInTheDatabaseDestroysNothing()
    {
        {
            crypto::SlotUnlock unlock;
            auto keys = crypto::KeyHierarchy::openWithSlot(keyringPath(m_path), QStringLiteral("admin"),
                                                           secret(kAdminPassword), unlock, m_clock);
            QVERIFY2(keys.ok(), why(keys));
            QVERIFY(keys.value()
                        ->createDataKey(QStringLiteral("identity:3"), crypto::KeyPurpose::identity())
                        .ok());
        }
        const SecureBytes databaseKey = keysOf(keyringPath(m_path)).value(QStringLiteral("database:3"));
        auto write = [&](const QString &name) {
            store::Database::Options o;
            o.path = QDir(m_path).filePath(QStringLiteral("data.db"));
            o.key = databaseKey;
            auto db = store::Database::open(std::move(o));
            return db &&
                   db.value()->execute(
                       QStringLiteral("UPDATE mdp_meta SET value = ?1 WHERE key = 'identity_key'"), {name});
        };
        QVERIFY(write(QStringLiteral("identity:3")));
        auto refused = signIn(QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::Tampered);
        QVERIFY(keysOf(keyringPath(m_path)).contains(QStringLiteral("identity:2"))); // still there
        // Put right, the open settles the cut-short key instead.
        QVERIFY(write(QStringLiteral("identity:2")));
        auto clinician = signIn(QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY2(clinician.ok(), why(clinician));
        clinician.value().reset();
        const QMap<QString, SecureBytes> now = keysOf(keyringPath(m_path));
        QVERIFY(now.contains(QStringLiteral("identity:2")));
        QVERIFY(!now.contains(QStringLiteral("identity:3")));
    }

    // the vault. Stopped after two files, both keys stay and every file still opens; the
    // next call carries on; then the old key's copy opens no file, the ids (and so the attachments)
    // are unchanged.
    void aVaultRenewalStopsCarriesOnAndLeavesTheOldKeyNothing()
    {
        const QString oldKeyring = m_root.filePath(QStringLiteral("keyring-before-vault.json"));
        QVERIFY(QFile::copy(keyringPath(m_path), oldKeyring));
        const SecureBytes oldVaultKey = keysOf(oldKeyring).value(QStringLiteral("vault"));
        QVERIFY(vaultOpens(oldVaultKey)); // the positive control
        {
            auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
            QVERIFY2(admin.ok(), why(admin));
            auto stopped = admin.value()->renewDataKey(QStringLiteral("vault"),
                                                       [](qint64 done, qint64) { return done < 2; });
            QVERIFY(!stopped.ok());
            QCOMPARE(stopped.error().code, Error::Code::Cancelled);
            QCOMPARE(admin.value()->unfinishedKeyRenewals(), QStringList{QStringLiteral("vault")});
            for (const QString &id : std::as_const(m_blobIds))
                QCOMPARE(admin.value()->readFile(id).value(), m_files.value(id));
        }
        {
            // Another session (after a restart) reads both generations and carries on.
            auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
            QVERIFY2(admin.ok(), why(admin));
            QCOMPARE(admin.value()->unfinishedKeyRenewals(), QStringList{QStringLiteral("vault")});
            for (const QString &id : std::as_const(m_blobIds))
                QCOMPARE(admin.value()->readFile(id).value(), m_files.value(id));
            qint64 last = -1, total = -1;
            auto renewed = admin.value()->renewDataKey(QStringLiteral("vault"), [&](qint64 done, qint64 all) {
                last = done;
                total = all;
                return true;
            });
            QVERIFY2(renewed.ok(), why(renewed));
            QCOMPARE(renewed->key, QStringLiteral("vault:2"));
            QCOMPARE(renewed->destroyed, QStringList{QStringLiteral("vault")});
            QCOMPARE(renewed->items, qint64(m_blobIds.size() - 2));
            QCOMPARE(last, total);
            QVERIFY(admin.value()->unfinishedKeyRenewals().isEmpty());
            for (const QString &id : std::as_const(m_blobIds))
                QCOMPARE(admin.value()->readFile(id).value(), m_files.value(id));
            // New files go under the new key, with ids from the same id key: the same content is the
            // same blob.
            QCOMPARE(admin.value()->storeFile(m_files.value(m_blobIds.first())).value(), m_blobIds.first());
        }
        QVERIFY(!vaultOpens(oldVaultKey));
        const QMap<QString, SecureBytes> now = keysOf(keyringPath(m_path));
        QVERIFY(!now.contains(QStringLiteral("vault")));
        QVERIFY(now.contains(QStringLiteral("vault:2")));
        QVERIFY(now.contains(QStringLiteral("vault-id")));
        // No file of the vault holds the name in clear, before or after.
        QVERIFY(filesContaining(QDir(m_path).filePath(QStringLiteral("vault")), kName).isEmpty());
    }

    // Every role's password reaches the root, so anyone can add a data key of a root purpose under a
    // name that looks like a generation of another role ("vault:50" for the database). It is not
    // taken for one: the vault keeps its key, nothing is "unfinished", and the next renewal skips the
    // name. An identity key name planted in the database that is no identity key is refused.
    void aKeyOfAnotherPurposeNamedLikeAGenerationIsIgnored()
    {
        {
            crypto::SlotUnlock unlock;
            auto keys = crypto::KeyHierarchy::openWithSlot(keyringPath(m_path), QStringLiteral("li.na"),
                                                           secret(kClinicianPassword), unlock, m_clock);
            QVERIFY2(keys.ok(), why(keys));
            QVERIFY(
                keys.value()->createDataKey(QStringLiteral("vault:50"), crypto::KeyPurpose::database()).ok());
            QVERIFY(keys.value()
                        ->createDataKey(QStringLiteral("identity:50"), crypto::KeyPurpose::database())
                        .ok());
        }
        {
            auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
            QVERIFY2(admin.ok(), why(admin));
            QVERIFY(admin.value()->unfinishedKeyRenewals().isEmpty());
            for (const QString &id : std::as_const(m_blobIds))
                QCOMPARE(admin.value()->readFile(id).value(), m_files.value(id));
            // A file planted in the vault folder (or one damaged) opens under no key: moved aside and
            // recorded, so it cannot keep the old key alive.
            const QString planted = QStringLiteral("ab").repeated(32);
            const QString plantedPath =
                QDir(m_path).filePath(QStringLiteral("vault/ab/") + planted + QStringLiteral(".blob"));
            QVERIFY(QDir().mkpath(QFileInfo(plantedPath).absolutePath()));
            QFile garbage(plantedPath);
            QVERIFY(garbage.open(QIODevice::WriteOnly));
            garbage.write(QByteArray(500, 'x'));
            garbage.close();
            auto renewed = admin.value()->renewDataKey(QStringLiteral("vault"));
            QVERIFY2(renewed.ok(), why(renewed));
            QVERIFY(!QFile::exists(plantedPath));
            QVERIFY(QFile::exists(QDir(m_path).filePath(QStringLiteral("vault/quarantine/") + planted +
                                                        QStringLiteral(".blob"))));
            QCOMPARE(renewed->key, QStringLiteral("vault:51"));
            QCOMPARE(renewed->destroyed, QStringList{QStringLiteral("vault:2")});
            for (const QString &id : std::as_const(m_blobIds))
                QCOMPARE(admin.value()->readFile(id).value(), m_files.value(id));
        }
        // The database names the planted key as the identity key: refused, and nothing destroyed.
        const SecureBytes databaseKey = keysOf(keyringPath(m_path)).value(QStringLiteral("database:3"));
        {
            store::Database::Options o;
            o.path = QDir(m_path).filePath(QStringLiteral("data.db"));
            o.key = databaseKey;
            auto db = store::Database::open(std::move(o));
            QVERIFY(db.ok());
            QVERIFY(db.value()
                        ->execute(QStringLiteral(
                            "UPDATE mdp_meta SET value = 'identity:50' WHERE key = 'identity_key'"))
                        .ok());
        }
        auto refused = signIn(QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::Tampered);
        QVERIFY(keysOf(keyringPath(m_path)).contains(QStringLiteral("identity:2")));
        {
            store::Database::Options o;
            o.path = QDir(m_path).filePath(QStringLiteral("data.db"));
            o.key = databaseKey;
            auto db = store::Database::open(std::move(o));
            QVERIFY(db.ok());
            QVERIFY(db.value()
                        ->execute(QStringLiteral(
                            "UPDATE mdp_meta SET value = 'identity:2' WHERE key = 'identity_key'"))
                        .ok());
        }
        QVERIFY(signIn(QStringLiteral("li.na"), kClinicianPassword).ok());
    }

    // A database key any role adds (the database purpose is the root's) makes the next open re-key to
    // it; the manifest's MAC key, derived from the first database key, is kept before that key goes,
    // so the workspace keeps opening (a machine-unlock workspace, where nothing was renewed before).
    void aDatabaseKeyAddedByAnyoneDoesNotLockTheWorkspaceOut()
    {
        const QString folder = m_root.filePath(QStringLiteral("machine"));
        const SecureBytes passphrase = secret("a machine-unlock passphrase, long enough");
        {
            workspace::CreateOptions o;
            o.directory = folder;
            o.passphrase = passphrase;
            o.adminName = QStringLiteral("admin");
            o.adminPassword = secret(kAdminPassword);
            auto created = workspace::Workspace::create(o, m_clock);
            QVERIFY2(created.ok(), why(created));
        }
        {
            auto keys = crypto::KeyHierarchy::open(keyringPath(folder), passphrase, m_clock);
            QVERIFY2(keys.ok(), why(keys));
            QVERIFY(keys.value()
                        ->createDataKey(QStringLiteral("database:2"), crypto::KeyPurpose::database())
                        .ok());
        }
        for (int open = 0; open < 2; ++open) {
            auto ws = workspace::Workspace::open(folder, passphrase, m_clock);
            QVERIFY2(ws.ok(), why(ws));
        }
        auto keys = crypto::KeyHierarchy::open(keyringPath(folder), passphrase, m_clock);
        QVERIFY(keys.ok());
        QMap<QString, crypto::KeyState> states;
        for (const crypto::KeyInfo &k : keys.value()->keys())
            states.insert(k.name, k.state);
        QCOMPARE(states.value(QStringLiteral("database")), crypto::KeyState::Destroyed);
        QCOMPARE(states.value(QStringLiteral("database:2")), crypto::KeyState::Active);
        QCOMPARE(states.value(QStringLiteral("manifest")), crypto::KeyState::Active);
    }
};

QTEST_GUILESS_MAIN(tst_DataKeyRenewal)
#include "tst_DataKeyRenewal.moc"
