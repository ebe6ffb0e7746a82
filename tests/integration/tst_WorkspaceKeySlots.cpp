// A workspace without a shared secret (issue 9 part 1): each account's own password opens its key
// slot, signing in is unlocking, administrators create, reset, lock and unlock slots with the
// accounts, and the organisation can recover with its recovery key. R-7.4.2 (unique accounts,
// least privilege) and R-7.4.3 (keys apart from data, their lifecycle) at the tests that prove them.

#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/workspace/AuditQueries.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const char *kAdminPassword = "Keeper-pass-2026!";
const char *kClinicianPassword = "Ward-pass-77-xyz";

workspace::SignIn as(const QString &user, const char *password)
{
    workspace::SignIn s;
    s.userName = user;
    s.password = secret(password);
    return s;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_WorkspaceKeySlots : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    int m_count = 0;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC)};
    QHash<QString, QByteArray> m_totp;        // folder + user -> authenticator secret
    QHash<QString, QString> m_enrolmentCodes; // folder + user -> the administrator's one-time code

    // Signs in as a person would at the workstation: the first time, the account enrols its
    // authenticator; afterwards it gives a fresh code.
    Result<std::unique_ptr<workspace::Workspace>> signIn(const QString &path, const QString &user,
                                                         const char *password)
    {
        workspace::SignIn s = as(user, password);
        s.allowEnrolment = true;
        const QString key = path + u'|' + user;
        if (m_totp.contains(key)) {
            m_clock.advance(30 * 1000);
            s.totpCode = accounts::Totp(SecureBytes(m_totp.value(key)), m_clock).currentCode();
        } else {
            s.totpCode =
                m_enrolmentCodes.value(path + u'|' + user); // none where the role needs no second factor
        }
        auto ws = workspace::Workspace::open(path, s, m_clock);
        if (!ws || ws.value()->session())
            return ws;
        if (ws.value()->pendingEnrolment() != user)
            return makeError(Error::Code::Unknown, QStringLiteral("neither signed in nor enrolling"));
        auto enrolment = ws.value()->accounts().enrollTotp(user, passwordBytes(password), s.totpCode);
        if (!enrolment)
            return enrolment.error();
        m_enrolmentCodes.remove(key);
        const QByteArray secretBytes = accounts::base32Decode(enrolment->secretBase32).value_or(QByteArray());
        m_totp.insert(key, secretBytes);
        auto confirmed = ws.value()->accounts().confirmTotp(
            user, accounts::Totp(SecureBytes(secretBytes), m_clock).currentCode());
        if (!confirmed)
            return confirmed.error();
        m_clock.advance(30 * 1000);
        auto session = ws.value()->login(user, secret(password),
                                         accounts::Totp(SecureBytes(secretBytes), m_clock).currentCode());
        if (!session)
            return session.error();
        return ws;
    }

    // A new workspace with an administrator and a clinician; returns its folder.
    QString createWorkspace(QString *recoveryKey = nullptr)
    {
        const QString path = m_root.filePath(QStringLiteral("ws%1").arg(++m_count));
        workspace::CreateOptions o;
        o.directory = path;
        o.adminName = QStringLiteral("admin");
        o.adminPassword = secret(kAdminPassword);
        auto ws = workspace::Workspace::create(o, m_clock);
        if (!ws) {
            qWarning() << ws.error().toString();
            return {};
        }
        const SecureBytes key = ws.value()->takeRecoveryKey();
        m_enrolmentCodes.insert(path + QStringLiteral("|admin"), ws.value()->takeAdminEnrolmentCode());
        if (recoveryKey)
            *recoveryKey = workspace::formatRecoveryKey(key);
        ws.value().reset();
        auto admin = signIn(path, QStringLiteral("admin"), kAdminPassword);
        if (!admin) {
            qWarning() << admin.error().toString();
            return {};
        }
        const QUuid adminId = QUuid::fromString(admin.value()->session()->accountId);
        auto created = admin.value()->accounts().createAccount(
            adminId, QStringLiteral("li.na"), QStringLiteral("Li Na"), accounts::Role::Clinician,
            passwordBytes(kClinicianPassword));
        auto code = admin.value()->accounts().issueEnrolmentCode(adminId, QStringLiteral("li.na"));
        if (code)
            m_enrolmentCodes.insert(path + QStringLiteral("|li.na"), code.value());
        if (!created || !code) {
            qWarning() << (created ? code.error() : created.error()).toString();
            return {};
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_root.isValid()); }

    // no passphrase exists; each account opens the workspace with its own password and is
    // signed in as itself.
    void signingInIsUnlocking()
    {
        QString recovery;
        const QString path = createWorkspace(&recovery);
        QVERIFY(!path.isEmpty());
        QCOMPARE(workspace::Workspace::rootKind(path).value(), QStringLiteral("accounts"));
        QCOMPARE(recovery.size(), 52 + 12); // 13 groups of four
        auto clinician = signIn(path, QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY2(clinician.ok(), qPrintable(clinician.ok() ? QString() : clinician.error().toString()));
        QCOMPARE(clinician.value()->session()->userName, QStringLiteral("li.na"));
        QCOMPARE(clinician.value()->session()->role, QStringLiteral("clinician"));
        QCOMPARE(clinician.value()->unlockMode(), workspace::UnlockMode::AccountSlots);
        QVERIFY(clinician.value()->takeRecoveryKey().isEmpty());
        clinician.value().reset();
        // The old form has nothing to open here.
        QCOMPARE(workspace::Workspace::open(path, secret(kAdminPassword), m_clock).error().code,
                 Error::Code::Unsupported);
        // Neither password is anywhere in the folder.
        QVERIFY(filesContaining(path, QString::fromLatin1(kAdminPassword)).isEmpty());
        QVERIFY(filesContaining(path, QString::fromLatin1(kClinicianPassword)).isEmpty());
    }

    // Issue 9 part 8: a right password without its code answers like a wrong password, and counts
    // in the slot like one, so neither the answer nor the back-off (which comes first, before any key
    // derivation) tells a guesser that the password was right.
    void aRightPasswordWithoutItsCodeCountsLikeAWrongOne()
    {
        const QString path = createWorkspace();
        QVERIFY(!path.isEmpty());
        QVERIFY(signIn(path, QStringLiteral("li.na"), kClinicianPassword).ok()); // enrols her authenticator
        for (int i = 0; i < 3; ++i)
            QVERIFY(!workspace::Workspace::open(path, as(QStringLiteral("li.na"), "a-wrong-guess"), m_clock));
        auto wrong =
            workspace::Workspace::open(path, as(QStringLiteral("li.na"), "another-wrong-guess"), m_clock);
        auto noCode =
            workspace::Workspace::open(path, as(QStringLiteral("li.na"), kClinicianPassword), m_clock);
        QVERIFY(!wrong.ok() && !noCode.ok());
        QCOMPARE(noCode.error().code, wrong.error().code);
        QCOMPARE(noCode.error().message, wrong.error().message);
        // Five failures: the slot backs off, and now even her password with a good code waits.
        auto waiting = signIn(path, QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY(!waiting.ok());
        QCOMPARE(waiting.error().code, Error::Code::Locked);
        m_clock.advance(16 * 60 * 1000);
        QVERIFY(signIn(path, QStringLiteral("li.na"), kClinicianPassword).ok());
    }

    void wrongPasswordAndUnknownNameAnswerAlikeAndAreRecordedLater()
    {
        const QString path = createWorkspace();
        QVERIFY(!path.isEmpty());
        const auto before = snapshot(path + QStringLiteral("/audit"));
        auto wrong = signIn(path, QStringLiteral("li.na"), "not-her-password");
        auto unknown = signIn(path, QStringLiteral("wang.wu"), "not-her-password");
        QVERIFY(!wrong.ok() && !unknown.ok());
        QCOMPARE(wrong.error().code, Error::Code::Unauthenticated);
        QCOMPARE(unknown.error().code, Error::Code::Unauthenticated);
        QCOMPARE(wrong.error().message, unknown.error().message);
        QCOMPARE(snapshot(path + QStringLiteral("/audit")), before); // nothing opened, nothing written
        (void)signIn(path, QStringLiteral("li.na"), "still-wrong");

        auto admin = signIn(path, QStringLiteral("admin"), kAdminPassword);
        QVERIFY(admin.ok());
        const QString clinicianId =
            admin.value()->accounts().find(QStringLiteral("li.na")).value()->idString();
        admin.value().reset();
        auto clinician = signIn(path, QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY(clinician.ok());
        clinician.value().reset();
        // Read by the administrator: the trail is not the clinician's to read.
        admin = signIn(path, QStringLiteral("admin"), kAdminPassword);
        QVERIFY(admin.ok());
        workspace::AuditQueries queries(*admin.value());
        auto rows = queries.byDataId(QStringLiteral("account:") + clinicianId);
        QVERIFY(rows.ok());
        bool recorded = false;
        for (const workspace::AuditRow &row : rows.value()) {
            if (row.event.detail.value(QStringLiteral("alert")).toString() == u"failed-sign-ins") {
                QCOMPARE(row.event.detail.value(QStringLiteral("count")).toInt(), 2);
                recorded = true;
            }
        }
        QVERIFY(recorded);
    }

    // locking an account takes back what its slot reached (the root rotates); unlocking
    // grants it again without anybody knowing the password.
    void lockingTakesTheKeysBackAndUnlockingGivesThemAgain()
    {
        const QString path = createWorkspace();
        QVERIFY(!path.isEmpty());
        const QString keyring = path + QStringLiteral("/keyring.json");
        auto admin = signIn(path, QStringLiteral("admin"), kAdminPassword);
        QVERIFY(admin.ok());
        const QUuid adminId = QUuid::fromString(admin.value()->session()->accountId);
        const QJsonObject rootBefore =
            QJsonDocument::fromJson(readFile(keyring)).object().value(u"root").toObject();
        QVERIFY(admin.value()->accounts().lock(adminId, QStringLiteral("li.na")).ok());
        const QJsonObject rootAfter =
            QJsonDocument::fromJson(readFile(keyring)).object().value(u"root").toObject();
        QVERIFY(rootBefore.value(u"rootKeyId") != rootAfter.value(u"rootKeyId"));
        admin.value().reset();

        auto locked = signIn(path, QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().code, Error::Code::Locked);

        admin = signIn(path, QStringLiteral("admin"), kAdminPassword);
        QVERIFY(admin.ok());
        QVERIFY(admin.value()->accounts().unlock(adminId, QStringLiteral("li.na")).ok());
        admin.value().reset();
        QVERIFY(signIn(path, QStringLiteral("li.na"), kClinicianPassword).ok());
    }

    // an older keyring.json put back, one in which a locked account or an old password still
    // reaches the root, is refused: the database anchors the keyring's generation.
    void anOlderKeyringPutBackIsRefused()
    {
        const QString path = createWorkspace();
        QVERIFY(!path.isEmpty());
        const QString keyring = path + QStringLiteral("/keyring.json");
        const QByteArray beforeLock = readFile(keyring);
        {
            auto admin = signIn(path, QStringLiteral("admin"), kAdminPassword);
            QVERIFY(admin.ok());
            QVERIFY(admin.value()
                        ->accounts()
                        .lock(QUuid::fromString(admin.value()->session()->accountId), QStringLiteral("li.na"))
                        .ok());
        }
        const QByteArray afterLock = readFile(keyring);
        auto put = [&](const QByteArray &bytes) {
            QFile f(keyring);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(bytes);
        };
        put(beforeLock);
        auto locked = signIn(path, QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY(!locked.ok());
        QCOMPARE(locked.error().code, Error::Code::RolledBack);
        QCOMPARE(signIn(path, QStringLiteral("admin"), kAdminPassword).error().code, Error::Code::RolledBack);
        put(afterLock);
        QVERIFY(signIn(path, QStringLiteral("admin"), kAdminPassword).ok());
    }

    // A slot whose account never committed (a crash between the keyring and the database) loses what
    // it reached at the next open, recorded.
    void aSlotWithoutAnAccountIsTakenBack()
    {
        const QString path = createWorkspace();
        QVERIFY(!path.isEmpty());
        const QString ghost = QUuid::createUuid().toString(QUuid::WithoutBraces);
        {
            // The keyring alone, as the administrator's slot opens it (the workspace hands no key
            // operation out that skips the account directory).
            crypto::SlotUnlock unlock;
            auto keys = crypto::KeyHierarchy::openWithSlot(
                QDir(path).filePath(QStringLiteral("keyring.json")), QStringLiteral("admin"),
                secret(kAdminPassword), unlock, SystemClock::instance());
            QVERIFY(keys.ok());
            QVERIFY(keys.value()
                        ->addSlot({ghost, QStringLiteral("ghost"), secret("Ghost-pass-2026")},
                                  {crypto::rootScope()})
                        .ok());
        }
        {
            auto admin = signIn(path, QStringLiteral("admin"), kAdminPassword);
            QVERIFY(admin.ok());
            const auto slots = admin.value()->keySlots().value();
            QVERIFY(std::none_of(slots.cbegin(), slots.cend(),
                                 [&](const auto &s) { return s.accountId == ghost; }));
            workspace::AuditQueries queries(*admin.value());
            auto rows = queries.byDataId(QStringLiteral("account:") + ghost);
            QVERIFY(rows.ok());
            bool recorded = false;
            for (const auto &row : rows.value())
                recorded = recorded || row.event.detail.value(QStringLiteral("alert")).toString() ==
                                           u"slot-without-account-removed";
            QVERIFY(recorded);
        }
        QCOMPARE(workspace::Workspace::open(path, as(QStringLiteral("ghost"), "Ghost-pass-2026"), m_clock)
                     .error()
                     .code,
                 Error::Code::Unauthenticated);
    }

    void passwordsChangeAndResetInTheSlot()
    {
        const QString path = createWorkspace();
        QVERIFY(!path.isEmpty());
        {
            auto clinician = signIn(path, QStringLiteral("li.na"), kClinicianPassword);
            QVERIFY(clinician.ok());
            QVERIFY(clinician.value()
                        ->accounts()
                        .changePassword(QStringLiteral("li.na"), passwordBytes(kClinicianPassword),
                                        passwordBytes(QStringLiteral("Ward-new-88-xyz").toUtf8()))
                        .ok());
        }
        QCOMPARE(signIn(path, QStringLiteral("li.na"), kClinicianPassword).error().code,
                 Error::Code::Unauthenticated);
        QVERIFY(signIn(path, QStringLiteral("li.na"), "Ward-new-88-xyz").ok());
        {
            auto admin = signIn(path, QStringLiteral("admin"), kAdminPassword);
            QVERIFY(admin.ok());
            QVERIFY(admin.value()
                        ->accounts()
                        .resetPassword(QUuid::fromString(admin.value()->session()->accountId),
                                       QStringLiteral("li.na"),
                                       passwordBytes(QStringLiteral("Temporary-pass-99").toUtf8()))
                        .ok());
        }
        QVERIFY(!signIn(path, QStringLiteral("li.na"), "Ward-new-88-xyz").ok());
        QVERIFY(signIn(path, QStringLiteral("li.na"), "Temporary-pass-99").ok());
    }

    // The lock screen of an open workspace asks the account's own password, checked by its slot.
    void signingInAgainChecksTheSlot()
    {
        const QString path = createWorkspace();
        QVERIFY(!path.isEmpty());
        auto ws = signIn(path, QStringLiteral("li.na"), kClinicianPassword);
        QVERIFY(ws.ok());
        ws.value()->logout();
        QCOMPARE(ws.value()->login(QStringLiteral("li.na"), secret("wrong-password-1"), {}).error().code,
                 Error::Code::Unauthenticated);
        QCOMPARE(ws.value()->login(QStringLiteral("custodian"), secret("anything-at-all"), {}).error().code,
                 Error::Code::Unauthenticated);
        m_clock.advance(30 * 1000);
        auto again = ws.value()->login(
            QStringLiteral("li.na"), secret(kClinicianPassword),
            accounts::Totp(SecureBytes(m_totp.value(path + QStringLiteral("|li.na"))), m_clock)
                .currentCode());
        QVERIFY(again.ok());
        QCOMPARE(again->userName, QStringLiteral("li.na"));
    }

    // The organisation's recovery path, audited: the recovery key resets a forgotten administrator
    // password.
    void theRecoveryKeyResetsAForgottenAdministratorPassword()
    {
        QString recovery;
        const QString path = createWorkspace(&recovery);
        QVERIFY(!path.isEmpty());
        auto key = workspace::parseRecoveryKey(recovery.toLower());
        QVERIFY(key.has_value());
        QVERIFY(!workspace::parseRecoveryKey(QStringLiteral("AAAA-BBBB")).has_value());
        {
            auto ws = workspace::Workspace::openWithRecoveryKey(path, *key, m_clock);
            QVERIFY2(ws.ok(), qPrintable(ws.ok() ? QString() : ws.error().toString()));
            QCOMPARE(ws.value()->session()->userName, QStringLiteral("custodian"));
            QVERIFY(ws.value()
                        ->accounts()
                        .resetPassword(ws.value()->custodianId(), QStringLiteral("admin"),
                                       passwordBytes(QStringLiteral("Keeper-recovered-1").toUtf8()))
                        .ok());
        }
        auto admin = signIn(path, QStringLiteral("admin"), "Keeper-recovered-1");
        QVERIFY(admin.ok());
        auto rows = workspace::AuditQueries(*admin.value()).byUserName(QStringLiteral("custodian"), {}, {});
        QVERIFY(rows.ok());
        bool recorded = false;
        for (const auto &record : rows.value())
            recorded = recorded ||
                       record.event.detail.value(QStringLiteral("alert")).toString() == u"recovery-key-used";
        QVERIFY(recorded);
        admin.value().reset(); // one process at a time has the workspace open
        QCOMPARE(workspace::Workspace::openWithRecoveryKey(path, secret("0123456789abcdef0123456789abcdef"))
                     .error()
                     .code,
                 Error::Code::WrongPassphrase);
    }

    void theOfflineCheckSignsInWithoutWriting()
    {
        const QString path = createWorkspace();
        QVERIFY(!path.isEmpty());
        // SQLite leaves its (empty) shared-memory files after the first read-only look; from then
        // on, not a byte changes: not the keyring (no failure counted), not the audit log.
        QVERIFY(
            workspace::Workspace::verifyOffline(path, as(QStringLiteral("admin"), kAdminPassword), m_clock)
                .ok());
        const auto before = snapshot(path);
        auto report =
            workspace::Workspace::verifyOffline(path, as(QStringLiteral("admin"), kAdminPassword), m_clock);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
        QVERIFY2(report->ok, qPrintable(report->problem));
        QCOMPARE(workspace::Workspace::verifyOffline(path, as(QStringLiteral("admin"), "wrong"), m_clock)
                     .error()
                     .code,
                 Error::Code::WrongPassphrase);
        const auto after = snapshot(path);
        QCOMPARE(after.keys(), before.keys());
        QVERIFY(after == before);
    }
};

QTEST_GUILESS_MAIN(tst_WorkspaceKeySlots)
#include "tst_WorkspaceKeySlots.moc"
