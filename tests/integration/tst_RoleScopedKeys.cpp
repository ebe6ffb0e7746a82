// Role-scoped keys (issue 9 part 2): patient identity is sealed under an identity key that only the
// key slots of roles allowed to see identity reach. The attack: a researcher with her own password
// and a full copy of the workspace folder tries, offline, every key her slot opens on every file,
// and must recover no name, no resident ID, no phone number and no address. The positive control
// runs the same attack with a clinician's password and does recover them. R-7.4.2 (least
// privilege), R-7.4.3 (keys apart from data), R-7.1.2 (L4 controls on identified data).

#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/Signature.h"
#include "mdp/registry/IdentitySeal.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"
#include "mdp/workspace/Sm2CheckpointSigner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const char *kAdminPassword = "Keeper-pass-2026!";
const char *kClinicianPassword = "Ward-pass-77-xyz";
const char *kResearcherPassword = "Cohort-pass-55-abc";

const QString kName = QStringLiteral("欧阳娜娜");
const QString kResidentId = QStringLiteral("650102197511118889");
const QString kPhone = QStringLiteral("13912345678");
const QString kAddress = QStringLiteral("乌鲁木齐市天山区和平南路");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Everything an attacker with one account's password and a copy of the folder can read: every
// data key the slot opens, applied to the database (every table, every value), the audit log and
// the vault, plus the identity column opened where the identity key is among them.
struct Loot
{
    QStringList keysOpened;
    QStringList keysRefused;
    QString text;
};

Loot plunder(const QString &copy, const QString &user, const char *password, const Clock &clock)
{
    Loot loot;
    crypto::SlotUnlock unlock;
    auto keys = crypto::KeyHierarchy::openWithSlot(QDir(copy).filePath(QStringLiteral("keyring.json")), user,
                                                   secret(password), unlock, clock, nullptr, true);
    if (!keys) {
        qWarning() << keys.error().toString();
        return loot;
    }
    QMap<QString, SecureBytes> opened;
    for (const crypto::KeyInfo &info : keys.value()->keys()) {
        if (info.kind != crypto::KeyInfo::Kind::DataKey)
            continue;
        auto key = keys.value()->dataKey(info.name);
        if (key) {
            opened.insert(info.name, key.value());
            loot.keysOpened << info.name;
        } else {
            loot.keysRefused << info.name;
        }
    }
    const QJsonObject manifest =
        QJsonDocument::fromJson(readFile(QDir(copy).filePath(QStringLiteral("workspace.json")))).object();

    // The database: every value of every table.
    store::Database::Options o;
    o.path = QDir(copy).filePath(QStringLiteral("data.db"));
    o.key = opened.value(QStringLiteral("database"));
    o.cipher = store::pageCipherFromName(manifest.value(u"page_cipher").toString())
                   .value_or(store::PageCipher::Sm4Cbc);
    auto db = store::Database::open(std::move(o));
    if (!db) {
        qWarning() << db.error().toString();
        return loot;
    }
    std::unique_ptr<registry::IdentitySeal> seal;
    if (opened.contains(QStringLiteral("identity")))
        seal = std::move(registry::IdentitySeal::open(opened.value(QStringLiteral("identity"))).value());
    auto tables = db.value()->query(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
    for (const auto &table : tables.value()) {
        auto rows = db.value()->query(QStringLiteral("SELECT * FROM \"%1\"").arg(table.at(0).toString()));
        if (!rows)
            continue;
        for (const auto &row : rows.value()) {
            for (const QVariant &v : row)
                loot.text += v.toString() + u'\n' + QString::fromUtf8(v.toByteArray()) + u'\n';
        }
    }
    if (seal) {
        auto rows = db.value()->query(QStringLiteral("SELECT id, identity FROM registry_patients"));
        for (const auto &row : rows.value()) {
            registry::Patient p;
            if (seal->openPatient(row.at(0).toString(), row.at(1).toByteArray(), p))
                loot.text += p.name.display() + u'\n' + p.contact.phone + u'\n' + p.contact.address + u'\n';
        }
        auto ids = db.value()->query(QStringLiteral("SELECT value, key_hash FROM registry_identifiers"));
        for (const auto &row : ids.value()) {
            auto value = seal->openIdentifier(row.at(1).toByteArray(), row.at(0).toString());
            if (value)
                loot.text += value.value() + u'\n';
        }
    }

    // The vault: every file, decrypted.
    if (opened.contains(QStringLiteral("vault"))) {
        store::Vault::Options vo;
        vo.directory = QDir(copy).filePath(QStringLiteral("vault"));
        vo.dataKey = opened.value(QStringLiteral("vault"));
        vo.cipher = crypto::cipherFromName(manifest.value(u"blob_cipher").toString())
                        .value_or(crypto::AeadCipher::Sm4Gcm);
        auto vault = store::Vault::open(std::move(vo));
        if (vault) {
            for (const QString &id : vault.value()->list()) {
                auto bytes = vault.value()->get(id);
                if (bytes)
                    loot.text += QString::fromUtf8(bytes.value()) + u'\n';
            }
        }
    }

    // The audit log, every event.
    auto publicKey = crypto::PublicKey::fromPem(manifest.value(u"node_public_key").toString().toLatin1());
    if (publicKey && opened.contains(QStringLiteral("audit"))) {
        const workspace::Sm2CheckpointVerifier verifier(publicKey.value());
        audit::AuditLog::verifyDirectory(
            QDir(copy).filePath(QStringLiteral("audit")), opened.value(QStringLiteral("audit")), verifier, -1,
            [&loot](qint64, QByteArrayView json) { loot.text += QString::fromUtf8(json) + u'\n'; });
    }
    return loot;
}

// What an attacker holding the database key computes to make mdp_meta's digest of the accounts and
// roles match her change: SM3 over every value, typed and length-prefixed, as the workspace does.
QByteArray unkeyedSecurityDigest(store::Database &db)
{
    crypto::Hasher hasher(crypto::HashAlgorithm::Sm3);
    auto add = [&](const store::Row &row) {
        for (const QVariant &v : row) {
            QByteArray bytes;
            char type = 'N';
            if (v.typeId() == QMetaType::QByteArray) {
                type = 'B';
                bytes = v.toByteArray();
            } else if (v.typeId() == QMetaType::QString) {
                type = 'T';
                bytes = v.toString().toUtf8();
            } else if (v.isValid()) {
                type = 'I';
                bytes = v.toString().toUtf8();
            }
            char header[5];
            header[0] = type;
            qToBigEndian<quint32>(quint32(bytes.size()), header + 1);
            hasher.addData(QByteArrayView(header, 5));
            hasher.addData(bytes);
        }
        hasher.addData(QByteArrayView("\n", 1));
        return true;
    };
    for (const QString &sql : {QStringLiteral("SELECT * FROM accounts ORDER BY id"),
                               QStringLiteral("SELECT * FROM account_roles ORDER BY account_id, role")}) {
        hasher.addData(sql.toUtf8());
        if (!db.forEachRow(sql, {}, add))
            return {};
    }
    return hasher.result();
}

} // namespace

class tst_RoleScopedKeys : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC)};
    QHash<QString, QByteArray> m_totp;
    QHash<QString, QString> m_enrolmentCodes; // the administrator's one-time codes not yet used
    QString m_path;

    QString m_blobId;

    Result<std::unique_ptr<workspace::Workspace>> signIn(const QString &user, const char *password)
    {
        workspace::SignIn s;
        s.userName = user;
        s.password = secret(password);
        s.allowEnrolment = true;
        if (m_totp.contains(user)) {
            m_clock.advance(30 * 1000);
            s.totpCode = accounts::Totp(SecureBytes(m_totp.value(user)), m_clock).currentCode();
        } else {
            s.totpCode = m_enrolmentCodes.value(user); // none where the role needs no second factor
        }
        auto ws = workspace::Workspace::open(m_path, s, m_clock);
        if (!ws || ws.value()->session())
            return ws;
        auto enrolment = ws.value()->accounts().enrollTotp(user, passwordBytes(password), s.totpCode);
        if (!enrolment)
            return enrolment.error();
        m_enrolmentCodes.remove(user);
        const QByteArray key = accounts::base32Decode(enrolment->secretBase32).value_or(QByteArray());
        m_totp.insert(user, key);
        auto confirmed =
            ws.value()->accounts().confirmTotp(user, accounts::Totp(SecureBytes(key), m_clock).currentCode());
        if (!confirmed)
            return confirmed.error();
        m_clock.advance(30 * 1000);
        auto session = ws.value()->login(user, secret(password),
                                         accounts::Totp(SecureBytes(key), m_clock).currentCode());
        if (!session)
            return session.error();
        return ws;
    }

    // What the researcher's own password reaches outside the product: the database key (root scope).
    SecureBytes researcherDatabaseKey(QString *accountId = nullptr)
    {
        crypto::SlotUnlock unlock;
        auto keys = crypto::KeyHierarchy::openWithSlot(
            QDir(m_path).filePath(QStringLiteral("keyring.json")), QStringLiteral("zhou.min"),
            secret(kResearcherPassword), unlock, m_clock, nullptr, true);
        if (!keys)
            return {};
        if (accountId)
            *accountId = unlock.accountId;
        auto key = keys.value()->dataKey(QStringLiteral("database"));
        return key ? key.value() : SecureBytes();
    }

    // The database of a copied folder, opened with that key as she would, outside the product.
    Result<std::unique_ptr<store::Database>> openCopiedDatabase(const QString &folder, const SecureBytes &key)
    {
        const QJsonObject manifest =
            QJsonDocument::fromJson(readFile(QDir(folder).filePath(QStringLiteral("workspace.json"))))
                .object();
        store::Database::Options o;
        o.path = QDir(folder).filePath(QStringLiteral("data.db"));
        o.key = key;
        o.cipher = store::pageCipherFromName(manifest.value(u"page_cipher").toString())
                       .value_or(store::PageCipher::Sm4Cbc);
        return store::Database::open(std::move(o));
    }

    // What an administrator does on the Accounts page: signs in and changes one account's roles.
    bool setRolesAsAdministrator(const QString &user, const QList<accounts::Role> &roles)
    {
        auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
        if (!admin)
            return false;
        auto &directory = admin.value()->accounts();
        const QUuid adminId = QUuid::fromString(admin.value()->session()->accountId);
        auto changed = directory.setRoles(adminId, user, roles);
        if (!changed)
            return false;
        // A role that now needs a second factor comes with the code to enrol one.
        if (changed->requiresSecondFactor() && !changed->totpEnrolled) {
            auto code = directory.issueEnrolmentCode(adminId, user);
            if (!code)
                return false;
            m_enrolmentCodes.insert(user, code.value());
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
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().toString()));
        m_enrolmentCodes.insert(QStringLiteral("admin"), created.value()->takeAdminEnrolmentCode());
        created.value().reset();
        auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
        QVERIFY2(admin.ok(), qPrintable(admin.ok() ? QString() : admin.error().toString()));
        const QUuid adminId = QUuid::fromString(admin.value()->session()->accountId);
        QVERIFY(admin.value()
                    ->accounts()
                    .createAccount(adminId, QStringLiteral("li.na"), QStringLiteral("Li Na"),
                                   accounts::Role::Clinician, passwordBytes(kClinicianPassword))
                    .ok());
        QVERIFY(admin.value()
                    ->accounts()
                    .createAccount(adminId, QStringLiteral("zhou.min"), QStringLiteral("Zhou Min"),
                                   accounts::Role::Researcher, passwordBytes(kResearcherPassword))
                    .ok());
        auto code = admin.value()->accounts().issueEnrolmentCode(adminId, QStringLiteral("li.na"));
        QVERIFY(code.ok());
        m_enrolmentCodes.insert(QStringLiteral("li.na"), code.value());
        admin.value().reset();

        auto clinician = signIn(QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY2(clinician.ok(), qPrintable(clinician.ok() ? QString() : clinician.error().toString()));
        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(kName);
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1975, 11, 11);
        draft.contact.phone = kPhone;
        draft.contact.address = kAddress;
        draft.identifiers << registry::PatientIdentifier{
            registry::IdentifierType::ResidentId, kResidentId, {}, true};
        const QString clinicianId = clinician.value()->session()->accountId;
        auto patient = clinician.value()->registry().createPatient(clinicianId, draft);
        QVERIFY2(patient.ok(), qPrintable(patient.ok() ? QString() : patient.error().toString()));
        // A scanned referral letter: the name is in the file itself.
        registry::EventDraft referral;
        referral.type = registry::EventType::FirstVisit;
        referral.start = registry::EventTime::fromDate(QDate(2026, 11, 2));
        referral.title = QStringLiteral("初诊");
        auto event = clinician.value()->registry().addEvent(clinicianId, patient->id, referral);
        QVERIFY(event.ok());
        const QByteArray letter = QByteArrayLiteral("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ") +
                                  (kName + u' ' + kResidentId).toUtf8() + QByteArrayLiteral("\n%%EOF\n");
        auto blob = clinician.value()->storeFile(letter);
        QVERIFY2(blob.ok(), qPrintable(blob.ok() ? QString() : blob.error().toString()));
        m_blobId = blob.value();
        QVERIFY(clinician.value()
                    ->registry()
                    .attach(clinicianId, event->id,
                            {m_blobId, QStringLiteral("application/pdf"), QStringLiteral("referral.pdf")})
                    .ok());
    }

    // Which slots reach the identity key follows the permission table: clinician and administrator
    // yes, researcher no.
    void slotsReachIdentityByRole()
    {
        auto keys = crypto::KeyHierarchy::rootKindOf(QDir(m_path).filePath(QStringLiteral("keyring.json")));
        QCOMPARE(keys.value(), QStringLiteral("accounts"));
        auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
        QVERIFY(admin.ok());
        QMap<QString, QStringList> scopes;
        const auto slots = admin.value()->keySlots();
        QVERIFY(slots.ok());
        for (const crypto::KeySlotInfo &slot : slots.value())
            scopes.insert(slot.userName, slot.scopes);
        QVERIFY(scopes.value(QStringLiteral("admin")).contains(crypto::identityScope()));
        QVERIFY(scopes.value(QStringLiteral("li.na")).contains(crypto::identityScope()));
        QVERIFY(!scopes.value(QStringLiteral("zhou.min")).contains(crypto::identityScope()));
        QVERIFY(scopes.value(QStringLiteral("zhou.min")).contains(crypto::rootScope()));
    }

    // The attack, and its positive control.
    void aResearcherWithACopyOfTheFolderRecoversNoIdentity()
    {
        const QString copy = m_root.filePath(QStringLiteral("stolen"));
        QVERIFY(copyFolder(m_path, copy));
        // Nothing readable without any key at all.
        for (const QString &secretText : {kName, kResidentId, kPhone, kAddress})
            QVERIFY2(filesContaining(copy, secretText).isEmpty(), qPrintable(secretText));

        const Loot researcher = plunder(copy, QStringLiteral("zhou.min"), kResearcherPassword, m_clock);
        QVERIFY(researcher.keysOpened.contains(QStringLiteral("database")));
        QVERIFY(researcher.keysRefused.contains(QStringLiteral("audit")));
        QVERIFY(researcher.keysRefused.contains(QStringLiteral("identity")));
        QVERIFY(researcher.keysRefused.contains(QStringLiteral("vault")));
        QVERIFY(researcher.text.contains(QStringLiteral("P-"))); // the plunder did read the tables
        for (const QString &secretText : {kName, QStringLiteral("欧阳"), kResidentId, kPhone, kAddress})
            QVERIFY2(!researcher.text.contains(secretText), qPrintable(secretText));

        // Positive control: the same attack with a clinician's password finds every one of them.
        const Loot clinician = plunder(copy, QStringLiteral("li.na"), kClinicianPassword, m_clock);
        QVERIFY(clinician.keysOpened.contains(QStringLiteral("identity")));
        QVERIFY(clinician.keysOpened.contains(QStringLiteral("vault")));
        for (const QString &secretText : {kName, kResidentId, kPhone, kAddress})
            QVERIFY2(clinician.text.contains(secretText), qPrintable(secretText));
    }

    // Issue 9 part 2: the audit-reading key only in the slots of roles that may read the audit trail
    // (auditor, system administrator). Who did what to which record is not readable from a copy of
    // the folder with a researcher's or a clinician's password; with an administrator's it is (the
    // positive control). On this workstation the program still writes the log for everyone, through
    // the copy of the key sealed to the workstation's own key (R-7.4.2 least privilege).
    void onlyAuditReadersReadTheAuditTrailFromACopy()
    {
        const QString copy = m_root.filePath(QStringLiteral("stolen-audit"));
        QVERIFY(copyFolder(m_path, copy));
        const QString loginEvent = QStringLiteral("\"type\":\"account.logout\"");
        for (const auto &[user, password] : {std::pair{QStringLiteral("zhou.min"), kResearcherPassword},
                                             std::pair{QStringLiteral("li.na"), kClinicianPassword}}) {
            const Loot loot = plunder(copy, user, password, m_clock);
            QVERIFY2(loot.keysRefused.contains(QStringLiteral("audit")), qPrintable(user));
            QVERIFY2(!loot.text.contains(loginEvent), qPrintable(user));
        }
        const Loot admin = plunder(copy, QStringLiteral("admin"), kAdminPassword, m_clock);
        QVERIFY(admin.keysOpened.contains(QStringLiteral("audit")));
        QVERIFY2(admin.text.contains(loginEvent), qPrintable(admin.text.right(600)));
        // The workstation's copy is sealed: the file itself holds no key a password opens.
        QVERIFY(QFile::exists(QDir(copy).filePath(QStringLiteral("audit-key.bin"))));
        QVERIFY(
            readFile(QDir(copy).filePath(QStringLiteral("audit-key.bin"))).startsWith("MDP-AUDIT-KEY/1\n"));
        // Slots follow the roles: the auditor's yes, the researcher's no.
        auto session = signIn(QStringLiteral("admin"), kAdminPassword);
        QVERIFY(session.ok());
        QMap<QString, QStringList> scopes;
        const auto slots = session.value()->keySlots();
        QVERIFY(slots.ok());
        for (const crypto::KeySlotInfo &slot : slots.value())
            scopes.insert(slot.userName, slot.scopes);
        QVERIFY(scopes.value(QStringLiteral("admin")).contains(crypto::auditScope()));
        QVERIFY(!scopes.value(QStringLiteral("li.na")).contains(crypto::auditScope()));
        QVERIFY(!scopes.value(QStringLiteral("zhou.min")).contains(crypto::auditScope()));
    }

    // The checkpoint signing key is not under any account's keys: it is sealed to the workstation's
    // own key, outside the folder. A copy of the folder taken elsewhere (another workstation key)
    // cannot be opened for work, so nothing there can sign a rewritten audit log; checking the log
    // needs only the public key and works anywhere.
    void theSigningKeyIsSealedToTheWorkstation()
    {
        auto kinds = crypto::KeyHierarchy::rootKindOf(QDir(m_path).filePath(QStringLiteral("keyring.json")));
        QCOMPARE(kinds.value(), QStringLiteral("accounts"));
        const Loot clinician = plunder(m_path, QStringLiteral("li.na"), kClinicianPassword, m_clock);
        QVERIFY(!clinician.keysOpened.isEmpty());
        QVERIFY(!clinician.keysOpened.contains(QStringLiteral("node-signing")));
        QVERIFY(!clinician.keysRefused.contains(QStringLiteral("node-signing")));

        const QString copy = m_root.filePath(QStringLiteral("elsewhere"));
        QVERIFY(copyFolder(m_path, copy));
        const QByteArray saved = qgetenv("MDP_WORKSTATION_KEY");
        qputenv("MDP_WORKSTATION_KEY", m_root.filePath(QStringLiteral("other-workstation.key")).toUtf8());
        workspace::SignIn admin;
        admin.userName = QStringLiteral("admin");
        admin.password = secret(kAdminPassword);
        auto opened = workspace::Workspace::open(copy, admin, m_clock);
        workspace::SignIn researcher;
        researcher.userName = QStringLiteral("zhou.min");
        researcher.password = secret(kResearcherPassword);
        // Checking the log elsewhere reads it: an audit reader's slot (here the administrator's) does;
        // a researcher's does not reach the key there.
        auto checked = workspace::Workspace::verifyOffline(copy, admin, m_clock);
        auto researcherElsewhere = workspace::Workspace::verifyOffline(copy, researcher, m_clock);
        if (saved.isEmpty())
            qunsetenv("MDP_WORKSTATION_KEY");
        else
            qputenv("MDP_WORKSTATION_KEY", saved);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, Error::Code::PermissionDenied);
        QVERIFY2(opened.error().message.contains(QStringLiteral("sealed to the workstation")),
                 qPrintable(opened.error().message));
        QVERIFY2(checked.ok() && checked->ok,
                 qPrintable(checked.ok() ? checked->problem : checked.error().message));
        QVERIFY(!researcherElsewhere.ok());
        QCOMPARE(researcherElsewhere.error().code, Error::Code::PermissionDenied);
        // There, the accounts-and-roles record (keyed to this workstation) is reported as not checked;
        // here it is checked.
        QCOMPARE(checked->notChecked.size(), 1);
        auto checkedHere = workspace::Workspace::verifyOffline(m_path, researcher, m_clock);
        QVERIFY(checkedHere.ok() && checkedHere->ok);
        QVERIFY(checkedHere->notChecked.isEmpty());
        // Control: with this workstation's key the same copy opens for work.
        const QString original = std::exchange(m_path, copy);
        auto here = signIn(QStringLiteral("admin"), kAdminPassword);
        m_path = original;
        QVERIFY2(here.ok(), qPrintable(here.ok() ? QString() : here.error().toString()));
    }

    // Issue 9 parts 3 and 4: a researcher holds the database key (the root scope), so in a
    // copy of the folder she can write herself a clinician role, and leave, delete or recompute the
    // record the database keeps of its accounts and roles. That record is an HMAC under a key from the
    // workstation's own key, and each database.commit event carries it into the signed audit chain,
    // so the copy is refused at open every way.
    void rolesWrittenIntoTheDatabaseAreFoundAtOpen()
    {
        QString accountId;
        const SecureBytes databaseKey = researcherDatabaseKey(&accountId);
        QVERIFY(!databaseKey.isEmpty());
        enum class Digest
        {
            LeftStale,
            Deleted,
            Recomputed
        };
        for (const Digest digest : {Digest::LeftStale, Digest::Deleted, Digest::Recomputed}) {
            const QString copy = m_root.filePath(QStringLiteral("roles-%1").arg(int(digest)));
            QVERIFY(copyFolder(m_path, copy));
            {
                auto db = openCopiedDatabase(copy, databaseKey);
                QVERIFY(db.ok());
                auto changed = db.value()->execute(
                    QStringLiteral("UPDATE account_roles SET role = 'clinician' WHERE account_id = ?1"),
                    {accountId});
                QVERIFY(changed.ok() && changed.value() == 1);
                if (digest == Digest::Deleted)
                    QVERIFY(db.value()
                                ->execute(QStringLiteral("DELETE FROM mdp_meta WHERE key IN ('security_mac', "
                                                         "'security_digest')"))
                                .ok());
                if (digest == Digest::Recomputed) {
                    // She redoes the arithmetic she can (SM3 over the rows, the older versions'
                    // digest); the MAC's key comes from the workstation's key, which she lacks.
                    const QByteArray forged = unkeyedSecurityDigest(*db.value());
                    QVERIFY(!forged.isEmpty());
                    auto updated = db.value()->execute(
                        QStringLiteral("UPDATE mdp_meta SET value = ?1 WHERE key = 'security_mac'"),
                        {forged});
                    QVERIFY(updated.ok() && updated.value() == 1);
                }
            }
            workspace::SignIn s;
            s.userName = QStringLiteral("zhou.min");
            s.password = secret(kResearcherPassword);
            auto opened = workspace::Workspace::open(copy, s, m_clock);
            QVERIFY(!opened.ok());
            QVERIFY2(opened.error().code == Error::Code::Tampered,
                     qPrintable(QString::number(int(digest)) + u' ' + opened.error().toString()));
            QVERIFY2(opened.error().message.contains(QStringLiteral("accounts and roles")),
                     qPrintable(opened.error().message));
        }
        // Positive control: the untouched folder opens for her.
        QVERIFY(signIn(QStringLiteral("zhou.min"), kResearcherPassword).ok());
    }

    // Issue 9 part 4: the researcher keeps a copy of the folder from before an administrator locked
    // her, and later puts her old account rows back together with the record the database kept of
    // them then, raising the commit counter so the database looks ahead of the audit chain (a commit
    // in flight). The record names the commit it covers, older than the one the signed chain
    // anchors: the copy is refused.
    void anEarlierStateOfTheAccountsPutBackWithItsRecordIsFound()
    {
        const SecureBytes databaseKey = researcherDatabaseKey();
        QVERIFY(!databaseKey.isEmpty());
        const QString before = m_root.filePath(QStringLiteral("replay-before"));
        QVERIFY(copyFolder(m_path, before));
        auto lock = [this](bool locked) {
            auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
            if (!admin)
                return false;
            const QUuid adminId = QUuid::fromString(admin.value()->session()->accountId);
            auto &directory = admin.value()->accounts();
            return (locked ? directory.lock(adminId, QStringLiteral("zhou.min"))
                           : directory.unlock(adminId, QStringLiteral("zhou.min")))
                .ok();
        };
        QVERIFY(lock(true));
        const QString copy = m_root.filePath(QStringLiteral("replay-after"));
        QVERIFY(copyFolder(m_path, copy));
        {
            auto old = openCopiedDatabase(before, databaseKey);
            auto now = openCopiedDatabase(copy, databaseKey);
            QVERIFY(old.ok() && now.ok());
            QVERIFY(
                now.value()->exec(QStringLiteral("DELETE FROM account_roles; DELETE FROM accounts;")).ok());
            for (const QString &table : {QStringLiteral("accounts"), QStringLiteral("account_roles")}) {
                auto rows = old.value()->query(QStringLiteral("SELECT * FROM ") + table);
                QVERIFY(rows.ok() && !rows->isEmpty());
                for (const store::Row &row : rows.value()) {
                    QStringList marks;
                    QVariantList values;
                    for (qsizetype i = 0; i < row.size(); ++i) {
                        marks << QStringLiteral("?%1").arg(i + 1);
                        values << row.at(i);
                    }
                    QVERIFY(now.value()
                                ->execute(QStringLiteral("INSERT INTO %1 VALUES (%2)")
                                              .arg(table, marks.join(QLatin1Char(','))),
                                          values)
                                .ok());
                }
            }
            auto record = old.value()->query(QStringLiteral(
                "SELECT key, value FROM mdp_meta WHERE key IN ('security_mac', 'security_mac_commit')"));
            QVERIFY(record.ok() && record->size() == 2);
            for (const store::Row &row : record.value())
                QVERIFY(now.value()
                            ->execute(QStringLiteral(
                                          "INSERT OR REPLACE INTO mdp_meta (key, value) VALUES (?1, ?2)"),
                                      {row.at(0), row.at(1)})
                            .ok());
            QVERIFY(now.value()
                        ->execute(QStringLiteral(
                            "UPDATE mdp_meta SET value = value + 5 WHERE key = 'commit_counter'"))
                        .ok());
        }
        const QString original = std::exchange(m_path, copy);
        auto opened = signIn(QStringLiteral("admin"), kAdminPassword);
        m_path = original;
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().code == Error::Code::Tampered, qPrintable(opened.error().toString()));
        QVERIFY2(opened.error().message.contains(QStringLiteral("accounts and roles")),
                 qPrintable(opened.error().message));
        QVERIFY(lock(false)); // as it was, for the tests after this one
    }

    // In the workstation: the researcher's session reaches no record without a grant (counts only,
    // issue 10, R-5.2d) and no identity key, the clinician's reads the patient with identity, and a
    // role change moves the key.
    void theWorkspaceFollowsTheSlot()
    {
        {
            auto researcher = signIn(QStringLiteral("zhou.min"), kResearcherPassword);
            QVERIFY(researcher.ok());
            auto page = researcher.value()->registry().patients(researcher.value()->session()->accountId, {});
            QVERIFY(!page.ok());
            QCOMPARE(page.error().code, Error::Code::PermissionDenied);
            // No vault in her session: the original letter does not open.
            QVERIFY(!researcher.value()->hasFile(m_blobId));
            QCOMPARE(researcher.value()->readFile(m_blobId).error().code, Error::Code::PermissionDenied);
            QCOMPARE(researcher.value()->storeFile("x").error().code, Error::Code::PermissionDenied);
        }
        {
            auto clinician = signIn(QStringLiteral("li.na"), kClinicianPassword);
            QVERIFY(clinician.ok());
            auto page = clinician.value()->registry().patients(clinician.value()->session()->accountId, {});
            QVERIFY(page.ok());
            QCOMPARE(page->patients.first().name.display(), kName);
            auto letter = clinician.value()->readFile(m_blobId);
            QVERIFY(letter.ok());
            QVERIFY(QString::fromUtf8(letter.value()).contains(kName));
        }
        // The administrator makes the researcher a clinician: her slot now reaches identity.
        const QString researcher = QStringLiteral("zhou.min");
        QVERIFY(setRolesAsAdministrator(researcher, {accounts::Role::Clinician}));
        {
            auto promoted = signIn(QStringLiteral("zhou.min"), kResearcherPassword);
            QVERIFY(promoted.ok());
            auto page = promoted.value()->registry().patients(promoted.value()->session()->accountId, {});
            QVERIFY(page.ok());
            QCOMPARE(page->patients.first().name.display(), kName);
        }
        // And back: the slot loses the identity key again (the identity scope key is renewed).
        QVERIFY(setRolesAsAdministrator(researcher, {accounts::Role::Researcher}));
        auto demoted = signIn(QStringLiteral("zhou.min"), kResearcherPassword);
        QVERIFY(demoted.ok());
        auto page = demoted.value()->registry().patients(demoted.value()->session()->accountId, {});
        QVERIFY(!page.ok());
        QVERIFY(!demoted.value()->hasFile(m_blobId));
    }
};

QTEST_GUILESS_MAIN(tst_RoleScopedKeys)
#include "tst_RoleScopedKeys.moc"
