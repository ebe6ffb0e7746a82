#include "mdp/accounts/AccountAuditSink.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/SqlCipherAccountDirectory.h"
#include "mdp/crypto/Crypto.h"
#include "mdp/crypto/Random.h"
#include "mdp/foundation/Clock.h"
#include "mdp/store/Database.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::accounts;

namespace {

// Passwords in the form the directory takes them (takePassword).
SecureBytes pw(const QString &text)
{
    return passwordBytes(text.toUtf8());
}

const SecureBytes kAdminPassword = pw(QStringLiteral("Root-Keeper-2026"));
const SecureBytes kUserPassword = pw(QStringLiteral("Clinic-Pass-2026"));
const SecureBytes kOtherPassword = pw(QStringLiteral("Another-Secret-77"));
constexpr int kFastIterations = 1'000;
constexpr qint64 kStepMs = 30'000;

struct AuditRecord
{
    QString type;
    QString actorId;
    QString subjectId;
    bool success = false;
    QString detail;
};

class RecordingSink final : public AccountAuditSink
{
public:
    void record(const QString &type, const QString &actorId, const QString &subjectAccountId, bool success,
                const QString &detail) override
    {
        records.append({type, actorId, subjectAccountId, success, detail});
    }

    qsizetype count(QStringView type, bool success) const
    {
        return std::count_if(records.cbegin(), records.cend(),
                             [&](const AuditRecord &r) { return r.type == type && r.success == success; });
    }

    AuditRecord last() const { return records.isEmpty() ? AuditRecord{} : records.constLast(); }

    QList<AuditRecord> records;
};

} // namespace

class tst_AccountDirectory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_serial = 0;
    QString m_path;
    std::unique_ptr<ManualClock> m_clock;
    RecordingSink m_sink;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<SqlCipherAccountDirectory> m_dir;
    Account m_admin;

    static SqlCipherAccountDirectory::Options fastOptions()
    {
        SqlCipherAccountDirectory::Options options;
        options.iterationsForTests = kFastIterations;
        return options;
    }

    std::unique_ptr<SqlCipherAccountDirectory> openDirectory(SqlCipherAccountDirectory::Options options)
    {
        auto dir = SqlCipherAccountDirectory::open(*m_db, *m_clock, m_sink, std::move(options));
        if (!dir) {
            qWarning("%s", qPrintable(dir.error().toString()));
            return nullptr;
        }
        return std::move(dir.value());
    }

    Account create(const QString &name, Role role, const SecureBytes &password = kUserPassword)
    {
        auto account = m_dir->createAccount(m_admin.id, name, name.toUpper(), role, password);
        if (!account)
            qWarning("%s", qPrintable(account.error().toString()));
        return account ? *account : Account{};
    }

    // Enrols and confirms an authenticator; returns the generator the user's phone would hold.
    std::optional<Totp> enrol(const QString &name, const SecureBytes &password)
    {
        auto code = m_dir->issueEnrolmentCode(m_admin.id, name);
        if (!code)
            return std::nullopt;
        auto enrolment = m_dir->enrollTotp(name, password, *code);
        if (!enrolment)
            return std::nullopt;
        const std::optional<QByteArray> secret = base32Decode(enrolment->secretBase32);
        if (!secret)
            return std::nullopt;
        Totp totp(SecureBytes(*secret), *m_clock, enrolment->parameters);
        if (!m_dir->confirmTotp(name, totp.currentCode()))
            return std::nullopt;
        return totp;
    }

    // The next code: one step later, since the code of the confirming step is spent.
    QString nextCode(const Totp &totp)
    {
        m_clock->advance(kStepMs);
        return totp.currentCode();
    }

    void failSignIns(const QString &name, int times)
    {
        for (int i = 0; i < times; ++i)
            (void)m_dir->authenticate(name, pw(QStringLiteral("Wrong-Guess-%1x").arg(i)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        crypto::initialise();
        QVERIFY(m_tmp.isValid());
    }

    void init()
    {
        m_clock = std::make_unique<ManualClock>(QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC));
        m_sink.records.clear();
        m_path = m_tmp.filePath(QStringLiteral("accounts-%1.db").arg(++m_serial));
        store::Database::Options options;
        options.path = m_path;
        options.key = crypto::randomKey(32);
        options.create = true;
        auto db = store::Database::open(std::move(options));
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().toString()));
        m_db = std::move(db.value());
        m_dir = openDirectory(fastOptions());
        QVERIFY(m_dir);
        auto admin = m_dir->createAccount({}, QStringLiteral("admin"), QStringLiteral("Administrator"),
                                          Role::SystemAdmin, kAdminPassword);
        QVERIFY2(admin.ok(), admin.ok() ? "" : qPrintable(admin.error().toString()));
        m_admin = *admin;
        m_sink.records.clear();
    }

    void cleanup()
    {
        m_dir.reset();
        m_db.reset();
    }

    void migrationsBringAnEmptyDatabaseToHeadOnceOnly()
    {
        QCOMPARE(m_db->schemaVersion(QStringLiteral("accounts")).value(), 2);
        // A second directory over the same database finds the schema in place and the data intact.
        auto again = openDirectory(fastOptions());
        QVERIFY(again);
        QCOMPARE(m_db->schemaVersion(QStringLiteral("accounts")).value(), 2);
        QCOMPARE(again->list().value().size(), 1);
    }

    //
    void firstAccountMustBeASystemAdministratorAndLaterOnesNeedOne()
    {
        QCOMPARE(m_admin.roles, QList<Role>{Role::SystemAdmin});
        // Not an empty directory any more: a null actor may no longer create accounts.
        auto anonymous = m_dir->createAccount({}, QStringLiteral("mallory"), QStringLiteral("M"),
                                              Role::SystemAdmin, kUserPassword);
        QCOMPARE(anonymous.error().code, Error::Code::PermissionDenied);

        const Account clinician = create(QStringLiteral("zhang.wei"), Role::Clinician);
        auto byClinician = m_dir->createAccount(clinician.id, QStringLiteral("li.na"),
                                                QStringLiteral("Li Na"), Role::Researcher, kUserPassword);
        QCOMPARE(byClinician.error().code, Error::Code::PermissionDenied);
        QCOMPARE(m_sink.last().type, AccountEvent::Created.toString());
        QVERIFY(!m_sink.last().success);
        QCOMPARE(m_sink.last().actorId, clinician.idString());
        QVERIFY(!m_dir->find(QStringLiteral("li.na")).value().has_value());
    }

    void firstAccountOfAnEmptyDirectoryIsRefusedUnlessAdmin()
    {
        // A fresh database: the bootstrap rule itself.
        store::Database::Options options;
        options.path = m_tmp.filePath(QStringLiteral("empty-%1.db").arg(++m_serial));
        options.key = crypto::randomKey(32);
        options.create = true;
        auto db = store::Database::open(std::move(options));
        QVERIFY(db.ok());
        auto dir = SqlCipherAccountDirectory::open(**db, *m_clock, m_sink, fastOptions());
        QVERIFY(dir.ok());
        auto clinician = (*dir)->createAccount({}, QStringLiteral("first"), QStringLiteral("First"),
                                               Role::Clinician, kUserPassword);
        QCOMPARE(clinician.error().code, Error::Code::PermissionDenied);
        QVERIFY((*dir)
                    ->createAccount({}, QStringLiteral("first"), QStringLiteral("First"), Role::SystemAdmin,
                                    kUserPassword)
                    .ok());
    }

    // unique accounts.
    void userNamesAreUniqueIgnoringCaseAndWidth()
    {
        const Account wang = create(QStringLiteral("Wang.Li"), Role::Researcher);
        QVERIFY(!wang.id.isNull());
        for (const QString &clash : {QStringLiteral("wang.li"), QStringLiteral("WANG.LI"),
                                     QStringLiteral("\uff37\uff41\uff4e\uff47.\uff2c\uff49"), // full-width
                                     QStringLiteral(" wang.li ")}) {
            auto again = m_dir->createAccount(m_admin.id, clash, QStringLiteral("Other"), Role::Researcher,
                                              kOtherPassword);
            QVERIFY2(!again.ok(), qPrintable(clash));
            QCOMPARE(again.error().code, Error::Code::AlreadyExists);
        }
        const auto found = m_dir->find(QStringLiteral("WANG.li")).value();
        QVERIFY(found.has_value());
        QCOMPARE(found->id, wang.id);
        QCOMPARE(found->userName, QStringLiteral("Wang.Li"));
        QCOMPARE(m_dir->list().value().size(), 2);
        QVERIFY(m_dir->authenticate(QStringLiteral("WANG.LI"), kUserPassword).ok());
    }

    void malformedNamesAndWeakPasswordsAreRefused()
    {
        auto spaced = m_dir->createAccount(m_admin.id, QStringLiteral("wang li"), QStringLiteral("W"),
                                           Role::Researcher, kUserPassword);
        QCOMPARE(spaced.error().code, Error::Code::InvalidArgument);
        auto weak = m_dir->createAccount(m_admin.id, QStringLiteral("wang.li"), QStringLiteral("W"),
                                         Role::Researcher, pw(QStringLiteral("password")));
        QCOMPARE(weak.error().code, Error::Code::InvalidArgument);
        QVERIFY(weak.error().message.contains(QStringLiteral("at least 10 characters")));
        auto containsName = m_dir->createAccount(m_admin.id, QStringLiteral("wang.li"), QStringLiteral("W"),
                                                 Role::Researcher, pw(QStringLiteral("My-Wang.Li-2026")));
        QCOMPARE(containsName.error().code, Error::Code::InvalidArgument);
        QVERIFY(!m_dir->find(QStringLiteral("wang.li")).value().has_value());
    }

    // only a salted PBKDF2-SM3 hash is stored, inside the encrypted database.
    void databaseHoldsOnlyThePasswordHash()
    {
        create(QStringLiteral("zhang.wei"), Role::Researcher);
        auto rows = m_db->query(QStringLiteral("SELECT password_hash FROM accounts"));
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 2);
        for (const store::Row &row : std::as_const(*rows)) {
            const QString stored = row.value(0).toString();
            QVERIFY(stored.startsWith(QStringLiteral("pbkdf2-sm3$1000$")));
            QVERIFY(!stored.contains(QString::fromUtf8(kUserPassword.view())));
            QVERIFY(!stored.contains(QString::fromUtf8(kAdminPassword.view())));
        }
        m_dir.reset();
        m_db.reset();
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains(kUserPassword.view()));
        QVERIFY(!bytes.contains("pbkdf2-sm3"));
        QVERIFY(!bytes.contains("zhang.wei"));
    }

    // login success is recorded with the account as actor.
    void researcherSignsInWithPasswordOnly()
    {
        const Account researcher = create(QStringLiteral("li.na"), Role::Researcher);
        auto signedIn = m_dir->authenticate(QStringLiteral("li.na"), kUserPassword);
        QVERIFY2(signedIn.ok(), signedIn.ok() ? "" : qPrintable(signedIn.error().toString()));
        QCOMPARE(signedIn->id, researcher.id);
        QCOMPARE(signedIn->lastLogin, m_clock->now());
        const AuditRecord record = m_sink.last();
        QCOMPARE(record.type, AccountEvent::Login.toString());
        QVERIFY(record.success);
        QCOMPARE(record.actorId, researcher.idString());
        QCOMPARE(record.subjectId, researcher.idString());
    }

    // failures are recorded; the answer does not reveal whether the name exists.
    void wrongPasswordAndUnknownNameLookTheSame()
    {
        const Account researcher = create(QStringLiteral("li.na"), Role::Researcher);
        m_sink.records.clear();
        auto wrong = m_dir->authenticate(QStringLiteral("li.na"), kOtherPassword);
        auto unknown = m_dir->authenticate(QStringLiteral("nobody"), kOtherPassword);
        QCOMPARE(wrong.error().code, Error::Code::Unauthenticated);
        QCOMPARE(unknown.error().code, Error::Code::Unauthenticated);
        QCOMPARE(wrong.error().message, unknown.error().message);
        QCOMPARE(loginFailureOf(wrong.error()), LoginFailure::BadCredentials);
        QCOMPARE(m_sink.count(AccountEvent::Login, false), 2);
        QCOMPARE(m_sink.records.at(0).subjectId, researcher.idString());
        QVERIFY(m_sink.records.at(0).actorId.isEmpty());
        QVERIFY(m_sink.records.at(1).subjectId.isEmpty());
        for (const AuditRecord &r : std::as_const(m_sink.records)) {
            QVERIFY(!r.detail.contains(QString::fromUtf8(kOtherPassword.view())));
            QVERIFY(!r.detail.contains(QStringLiteral("nobody")));
        }
    }

    // repeated guessing locks the account for 15 minutes.
    void fiveFailuresLockTheAccountForFifteenMinutes()
    {
        create(QStringLiteral("li.na"), Role::Researcher);
        failSignIns(QStringLiteral("li.na"), 4);
        QCOMPARE(m_dir->find(QStringLiteral("li.na")).value()->failedAttempts, 4);
        auto fifth = m_dir->authenticate(QStringLiteral("li.na"), kOtherPassword);
        QCOMPARE(fifth.error().code, Error::Code::Locked);
        QVERIFY(fifth.error().message.contains(QStringLiteral("2026-03-01 08:15:00 UTC")));
        QCOMPARE(m_sink.count(AccountEvent::LockedOut, true), 1);

        const Account locked = *m_dir->find(QStringLiteral("li.na")).value();
        QCOMPARE(locked.failedAttempts, 5);
        QCOMPARE(locked.lockedUntil, m_clock->now().addSecs(15 * 60));
        QVERIFY(locked.isLockedAt(m_clock->now()));

        // The right password does not help during the lock-out, and is not even checked.
        auto during = m_dir->authenticate(QStringLiteral("li.na"), kUserPassword);
        QCOMPARE(during.error().code, Error::Code::Locked);
        QCOMPARE(loginFailureOf(during.error()), LoginFailure::Locked);
        QVERIFY(!m_sink.last().success);
        m_clock->advance(15 * 60 * 1000 - 1000);
        QCOMPARE(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).error().code,
                 Error::Code::Locked);

        m_clock->advance(1000);
        auto after = m_dir->authenticate(QStringLiteral("li.na"), kUserPassword);
        QVERIFY(after.ok());
        QCOMPARE(after->failedAttempts, 0);
        QVERIFY(!after->lockedUntil.isValid());
    }

    void successResetsTheFailureCounter()
    {
        create(QStringLiteral("li.na"), Role::Researcher);
        failSignIns(QStringLiteral("li.na"), 4);
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).ok());
        failSignIns(QStringLiteral("li.na"), 4);
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).ok());
        QCOMPARE(m_sink.count(AccountEvent::LockedOut, true), 0);
    }

    // issue 9 part 8: a lapsed lock-out used to start a fresh count, so a guesser got five tries
    // every fifteen minutes for ever. Now each failure after the limit doubles the lock-out, until
    // a success or an administrator's unlock clears the count.
    void lockOutsDoubleUntilASuccess()
    {
        create(QStringLiteral("li.na"), Role::Researcher);
        failSignIns(QStringLiteral("li.na"), 5); // locked for 15 minutes
        qint64 expected = 15 * 60;
        for (int failure = 6; failure <= 9; ++failure) {
            m_clock->advance(expected * 1000); // the lock-out lapses
            auto wrong = m_dir->authenticate(QStringLiteral("li.na"), kOtherPassword);
            QCOMPARE(wrong.error().code, Error::Code::Locked); // locked again at once
            expected *= 2;
            const Account account = *m_dir->find(QStringLiteral("li.na")).value();
            QCOMPARE(account.failedAttempts, failure);
            QCOMPARE(account.lockedUntil, m_clock->now().addSecs(expected));
        }
        // Capped at a day.
        for (int failure = 10; failure <= 14; ++failure) {
            m_clock->advance(std::min<qint64>(expected, 24 * 3600) * 1000);
            (void)m_dir->authenticate(QStringLiteral("li.na"), kOtherPassword);
            expected *= 2;
        }
        QCOMPARE(m_dir->find(QStringLiteral("li.na")).value()->lockedUntil,
                 m_clock->now().addSecs(24 * 3600));
        // The right password once the lock-out lapsed clears it all.
        m_clock->advance(24 * 3600 * 1000);
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).ok());
        const Account cleared = *m_dir->find(QStringLiteral("li.na")).value();
        QCOMPARE(cleared.failedAttempts, 0);
        QVERIFY(!cleared.lockedUntil.isValid());
        failSignIns(QStringLiteral("li.na"), 4);
        QCOMPARE(m_dir->authenticate(QStringLiteral("li.na"), kOtherPassword).error().code,
                 Error::Code::Locked);
        QCOMPARE(m_dir->find(QStringLiteral("li.na")).value()->lockedUntil, m_clock->now().addSecs(15 * 60));
    }

    void lockOutThresholdAndDurationAreConfigurable()
    {
        SqlCipherAccountDirectory::Options options = fastOptions();
        options.maxFailedAttempts = 3;
        options.lockoutDuration = std::chrono::minutes(5);
        m_dir = openDirectory(options);
        QVERIFY(m_dir);
        create(QStringLiteral("li.na"), Role::Researcher);
        failSignIns(QStringLiteral("li.na"), 2);
        QCOMPARE(m_dir->authenticate(QStringLiteral("li.na"), kOtherPassword).error().code,
                 Error::Code::Locked);
        m_clock->advance(5 * 60 * 1000);
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).ok());
    }

    // unlocking is an audited administrative action.
    void administratorUnlockEndsALockOutAtOnce()
    {
        const Account researcher = create(QStringLiteral("li.na"), Role::Researcher);
        failSignIns(QStringLiteral("li.na"), 5);
        auto unlocked = m_dir->unlock(m_admin.id, QStringLiteral("li.na"));
        QVERIFY(unlocked.ok());
        QCOMPARE(unlocked->failedAttempts, 0);
        QCOMPARE(m_sink.last().type, AccountEvent::Unlock.toString());
        QVERIFY(m_sink.last().success);
        QCOMPARE(m_sink.last().actorId, m_admin.idString());
        QCOMPARE(m_sink.last().subjectId, researcher.idString());
        QVERIFY(m_sink.last().detail.contains(QStringLiteral("lock-out")));
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).ok());
    }

    void administratorLockHoldsUntilUnlocked()
    {
        const Account researcher = create(QStringLiteral("li.na"), Role::Researcher);
        auto locked = m_dir->lock(m_admin.id, QStringLiteral("li.na"));
        QVERIFY(locked.ok());
        QVERIFY(locked->locked);
        QCOMPARE(m_sink.last().type, AccountEvent::Lock.toString());
        QVERIFY(m_sink.last().success);
        m_clock->advance(24LL * 3600 * 1000);
        auto refused = m_dir->authenticate(QStringLiteral("li.na"), kUserPassword);
        QCOMPARE(refused.error().code, Error::Code::Locked);
        QVERIFY(m_dir->unlock(m_admin.id, QStringLiteral("li.na")).ok());
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).ok());

        // Locking is for administrators only; a researcher cannot lock anybody.
        const Account other = create(QStringLiteral("zhao.min"), Role::Researcher);
        auto byResearcher = m_dir->lock(researcher.id, QStringLiteral("zhao.min"));
        QCOMPARE(byResearcher.error().code, Error::Code::PermissionDenied);
        QCOMPARE(m_sink.last().type, AccountEvent::Lock.toString());
        QVERIFY(!m_sink.last().success);
        QCOMPARE(m_sink.last().subjectId, other.idString());
        QVERIFY(!m_dir->find(QStringLiteral("zhao.min")).value()->locked);
    }

    void administratorsCannotLockThemselvesAndLockedOnesCannotAct()
    {
        QCOMPARE(m_dir->lock(m_admin.id, QStringLiteral("admin")).error().code, Error::Code::InvalidArgument);
        const Account second = create(QStringLiteral("admin2"), Role::SystemAdmin);
        QVERIFY(m_dir->lock(second.id, QStringLiteral("admin")).ok());
        // admin is locked now, so admin2 is the last unlocked administrator; a locked admin cannot act.
        QCOMPARE(m_dir->lock(m_admin.id, QStringLiteral("admin2")).error().code,
                 Error::Code::PermissionDenied);
        QCOMPARE(m_dir->authenticate(QStringLiteral("admin"), kAdminPassword).error().code,
                 Error::Code::Locked);
    }

    // level-4 roles need a second factor. Enrolling one takes the administrator's
    // one-time enrolment code, given where the authenticator's code goes (issue 9 part 8).
    void secondFactorRoleNeedsEnrolmentThenACode()
    {
        create(QStringLiteral("zhang.wei"), Role::Clinician);
        auto enrolmentCode = m_dir->issueEnrolmentCode(m_admin.id, QStringLiteral("zhang.wei"));
        QVERIFY(enrolmentCode.ok());
        QCOMPARE(m_sink.last().type, AccountEvent::EnrolmentCode.toString());
        QVERIFY(!m_sink.last().detail.contains(*enrolmentCode));
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$"))
                    .match(*enrolmentCode)
                    .hasMatch());
        auto noEnrolment =
            m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, enrolmentCode->toLower());
        QCOMPARE(loginFailureOf(noEnrolment.error()), LoginFailure::SecondFactorEnrolmentRequired);
        QCOMPARE(m_sink.last().detail, QStringLiteral("second factor enrolment required"));
        QVERIFY(!m_sink.last().success);

        // Enrolment needs the password.
        QCOMPARE(m_dir->enrollTotp(QStringLiteral("zhang.wei"), kOtherPassword, *enrolmentCode).error().code,
                 Error::Code::Unauthenticated);
        auto enrolment = m_dir->enrollTotp(QStringLiteral("zhang.wei"), kUserPassword, *enrolmentCode);
        QVERIFY(enrolment.ok());
        QVERIFY(
            enrolment->provisioningUri.startsWith(QStringLiteral("otpauth://totp/MDP:zhang.wei?secret=")));
        QVERIFY(enrolment->provisioningUri.contains(enrolment->secretBase32));
        // Not confirmed yet: still no sign-in.
        QCOMPARE(loginFailureOf(
                     m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, *enrolmentCode).error()),
                 LoginFailure::SecondFactorEnrolmentRequired);

        Totp phone(SecureBytes(*base32Decode(enrolment->secretBase32)), *m_clock, enrolment->parameters);
        const QString badCode = phone.currentCode() == QStringLiteral("000000") ? QStringLiteral("111111")
                                                                                : QStringLiteral("000000");
        QCOMPARE(m_dir->confirmTotp(QStringLiteral("zhang.wei"), badCode).error().code,
                 Error::Code::Unauthenticated);
        auto confirmed = m_dir->confirmTotp(QStringLiteral("zhang.wei"), phone.currentCode());
        QVERIFY(confirmed.ok());
        QVERIFY(confirmed->totpEnrolled);

        // The wrong password given to enrollTotp above counted as one failure, and the wrong
        // confirmation code as another (issue 9).
        QCOMPARE(m_dir->find(QStringLiteral("zhang.wei")).value()->failedAttempts, 2);
        // The enrolment code is spent: it neither signs in nor enrols again.
        QCOMPARE(m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, *enrolmentCode).error().code,
                 Error::Code::Unauthenticated);
        QCOMPARE(m_dir->find(QStringLiteral("zhang.wei")).value()->failedAttempts, 3);

        const QString code = nextCode(phone);
        const QString wrong =
            code == QStringLiteral("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        auto wrongCode = m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, wrong);
        QCOMPARE(wrongCode.error().code, Error::Code::Unauthenticated);
        QCOMPARE(m_dir->find(QStringLiteral("zhang.wei")).value()->failedAttempts, 4);
        QVERIFY(m_dir->unlock(m_admin.id, QStringLiteral("zhang.wei")).ok()); // the count starts afresh
        // A wrong password with a right code is still refused.
        QCOMPARE(m_dir->authenticate(QStringLiteral("zhang.wei"), kOtherPassword, code).error().code,
                 Error::Code::Unauthenticated);

        auto signedIn = m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, code);
        QVERIFY2(signedIn.ok(), signedIn.ok() ? "" : qPrintable(signedIn.error().toString()));
        QCOMPARE(m_sink.last().detail, QStringLiteral("password and TOTP"));
        for (const AuditRecord &r : std::as_const(m_sink.records)) {
            QVERIFY(!r.detail.contains(code));
            QVERIFY(!r.detail.contains(enrolment->secretBase32));
            QVERIFY(!r.detail.contains(*enrolmentCode));
        }
    }

    // Issue 9 part 8: whoever first knows a new account's password cannot enrol
    // their own authenticator; that takes the administrator's one-time code, which is bound to its
    // account, lapses, and is spent by the enrolment.
    void enrolmentNeedsTheAdministratorsOneTimeCode()
    {
        create(QStringLiteral("zhang.wei"), Role::Clinician);
        create(QStringLiteral("li.na"), Role::Reviewer);
        // The password alone: refused like a wrong password, and counted.
        for (const QString &code : {QString(), QStringLiteral("AAAA-BBBB-CCCC-DDDD")}) {
            auto refused = m_dir->enrollTotp(QStringLiteral("zhang.wei"), kUserPassword, code);
            QCOMPARE(refused.error().code, Error::Code::Unauthenticated);
            QCOMPARE(refused.error().message,
                     m_dir->authenticate(QStringLiteral("zhang.wei"), kOtherPassword).error().message);
        }
        QCOMPARE(m_dir->find(QStringLiteral("zhang.wei")).value()->failedAttempts, 4);
        // Another account's code does not fit.
        auto liCode = m_dir->issueEnrolmentCode(m_admin.id, QStringLiteral("li.na"));
        QVERIFY(liCode.ok());
        QCOMPARE(m_dir->enrollTotp(QStringLiteral("zhang.wei"), kUserPassword, *liCode).error().code,
                 Error::Code::Locked);
        QVERIFY(m_dir->unlock(m_admin.id, QStringLiteral("zhang.wei")).ok());
        // Only an administrator issues one.
        QCOMPARE(m_dir->issueEnrolmentCode(QUuid(), QStringLiteral("zhang.wei")).error().code,
                 Error::Code::PermissionDenied);
        const Account li = m_dir->find(QStringLiteral("li.na")).value().value();
        QCOMPARE(m_dir->issueEnrolmentCode(li.id, QStringLiteral("zhang.wei")).error().code,
                 Error::Code::PermissionDenied);
        // A code lapses after its lifetime (72 hours by default).
        auto code = m_dir->issueEnrolmentCode(m_admin.id, QStringLiteral("zhang.wei"));
        QVERIFY(code.ok());
        m_clock->advance(qint64(73) * 3600 * 1000);
        QCOMPARE(m_dir->enrollTotp(QStringLiteral("zhang.wei"), kUserPassword, *code).error().code,
                 Error::Code::Unauthenticated);
        // A new code replaces the old one.
        auto first = m_dir->issueEnrolmentCode(m_admin.id, QStringLiteral("zhang.wei"));
        auto second = m_dir->issueEnrolmentCode(m_admin.id, QStringLiteral("zhang.wei"));
        QVERIFY(first.ok() && second.ok());
        QVERIFY(*first != *second);
        QCOMPARE(m_dir->enrollTotp(QStringLiteral("zhang.wei"), kUserPassword, *first).error().code,
                 Error::Code::Unauthenticated);
        // Dashes, spaces and case do not matter.
        QString typed = second->toLower();
        typed.replace(QLatin1Char('-'), QLatin1Char(' '));
        QVERIFY(m_dir->enrollTotp(QStringLiteral("zhang.wei"), kUserPassword, typed).ok());
        // Only the code's digest is stored, not the code.
        auto stored = m_db->queryOne(
            QStringLiteral("SELECT enrolment_code FROM accounts WHERE user_name = 'zhang.wei'"));
        QVERIFY(stored.ok() && stored->has_value());
        const QByteArray digest = (**stored).at(0).toByteArray();
        QCOMPARE(digest.size(), 32);
        QVERIFY(!digest.contains(second->toLatin1()));
    }

    // Issue 9 part 8: an enrolment started with a code is void once the administrator issues
    // another (an attacker who started one with a leaked code cannot finish it later), and lapses with its
    // code.
    void anEnrolmentStartedWithAReplacedOrLapsedCodeCannotBeConfirmed()
    {
        create(QStringLiteral("zhang.wei"), Role::Clinician);
        auto leaked = m_dir->issueEnrolmentCode(m_admin.id, QStringLiteral("zhang.wei"));
        QVERIFY(leaked.ok());
        auto attacker = m_dir->enrollTotp(QStringLiteral("zhang.wei"), kUserPassword, *leaked);
        QVERIFY(attacker.ok());
        const Totp attackerPhone(SecureBytes(*base32Decode(attacker->secretBase32)), *m_clock,
                                 attacker->parameters);
        QVERIFY(m_dir->issueEnrolmentCode(m_admin.id, QStringLiteral("zhang.wei")).ok());
        QCOMPARE(m_dir->confirmTotp(QStringLiteral("zhang.wei"), attackerPhone.currentCode()).error().code,
                 Error::Code::Conflict);
        QVERIFY(!m_dir->find(QStringLiteral("zhang.wei")).value()->totpEnrolled);

        // Started in time, confirmed after the code lapsed: refused as well.
        auto code = m_dir->issueEnrolmentCode(m_admin.id, QStringLiteral("zhang.wei"));
        auto started = m_dir->enrollTotp(QStringLiteral("zhang.wei"), kUserPassword, *code);
        QVERIFY(started.ok());
        m_clock->advance(qint64(73) * 3600 * 1000);
        const Totp phone(SecureBytes(*base32Decode(started->secretBase32)), *m_clock, started->parameters);
        QCOMPARE(m_dir->confirmTotp(QStringLiteral("zhang.wei"), phone.currentCode()).error().code,
                 Error::Code::Conflict);
        QVERIFY(!m_dir->find(QStringLiteral("zhang.wei")).value()->totpEnrolled);
    }

    // Issue 9 part 8: a right password without its code gets the wrong password's answer, and
    // counts like it, so the lock-out does not tell either.
    void aRightPasswordWithoutItsCodeAnswersLikeAWrongOne()
    {
        create(QStringLiteral("zhang.wei"), Role::Clinician); // must enrol, has not
        create(QStringLiteral("wang.fang"), Role::DataManager);
        QVERIFY(enrol(QStringLiteral("wang.fang"), kUserPassword));
        const Error wrongPassword = m_dir->authenticate(QStringLiteral("zhang.wei"), kOtherPassword).error();
        QCOMPARE(wrongPassword.code, Error::Code::Unauthenticated);
        for (const QString &name : {QStringLiteral("zhang.wei"), QStringLiteral("wang.fang")}) {
            const Error noCode = m_dir->authenticate(name, kUserPassword).error();
            QCOMPARE(noCode.code, wrongPassword.code);
            QCOMPARE(noCode.message, wrongPassword.message);
            QCOMPARE(loginFailureOf(noCode), LoginFailure::BadCredentials);
        }
        QCOMPARE(m_dir->find(QStringLiteral("zhang.wei")).value()->failedAttempts, 2);
        QCOMPARE(m_dir->find(QStringLiteral("wang.fang")).value()->failedAttempts, 1);
        // An unknown name answers the same.
        QCOMPARE(m_dir->authenticate(QStringLiteral("nobody"), kUserPassword).error().message,
                 wrongPassword.message);
    }

    // a TOTP code works once.
    void totpCodeCannotBeReplayed()
    {
        create(QStringLiteral("zhang.wei"), Role::Reviewer);
        const std::optional<Totp> phone = enrol(QStringLiteral("zhang.wei"), kUserPassword);
        QVERIFY(phone);
        // The code that confirmed the enrolment is spent already.
        QCOMPARE(m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, phone->currentCode())
                     .error()
                     .code,
                 Error::Code::Unauthenticated);
        const QString code = nextCode(*phone);
        QVERIFY(m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, code).ok());
        auto replay = m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, code);
        QCOMPARE(replay.error().code, Error::Code::Unauthenticated);
        QCOMPARE(m_sink.last().detail.left(33), QStringLiteral("wrong or reused verification code"));
        // Within the ±1 step window, but the step is spent: still refused after time moves on.
        m_clock->advance(kStepMs);
        QCOMPARE(m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, code).error().code,
                 Error::Code::Unauthenticated);
        QVERIFY(m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, phone->currentCode()).ok());
    }

    void wrongCodesCountTowardsTheLockOut()
    {
        create(QStringLiteral("zhang.wei"), Role::DataManager);
        const std::optional<Totp> phone = enrol(QStringLiteral("zhang.wei"), kUserPassword);
        QVERIFY(phone);
        m_clock->advance(kStepMs);
        QStringList wrongCodes;
        for (int i = 0; wrongCodes.size() < 5; ++i) {
            const QString candidate = QStringLiteral("%1").arg(i * 111111 % 1000000, 6, 10, QLatin1Char('0'));
            bool valid = false;
            for (int delta = -1; delta <= 1; ++delta)
                valid = valid || candidate == phone->codeForStep(phone->currentStep() + delta);
            if (!valid)
                wrongCodes.append(candidate);
        }
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, wrongCodes.at(i))
                         .error()
                         .code,
                     Error::Code::Unauthenticated);
        QCOMPARE(
            m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, wrongCodes.at(4)).error().code,
            Error::Code::Locked);
        QCOMPARE(m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, phone->currentCode())
                     .error()
                     .code,
                 Error::Code::Locked);
    }

    // Issue 9: wrong codes while confirming an enrolment count towards the lock-out as well.
    void wrongConfirmationCodesCountTowardsTheLockOut()
    {
        create(QStringLiteral("qian.li"), Role::Reviewer);
        auto enrolment = m_dir->enrollTotp(QStringLiteral("qian.li"), kUserPassword,
                                           *m_dir->issueEnrolmentCode(m_admin.id, QStringLiteral("qian.li")));
        QVERIFY(enrolment.ok());
        const Totp phone(SecureBytes(*base32Decode(enrolment->secretBase32)), *m_clock,
                         enrolment->parameters);
        QStringList wrongCodes;
        for (int i = 0; wrongCodes.size() < 5; ++i) {
            const QString candidate = QStringLiteral("%1").arg(i * 111111 % 1000000, 6, 10, QLatin1Char('0'));
            bool valid = false;
            for (int delta = -1; delta <= 1; ++delta)
                valid = valid || candidate == phone.codeForStep(phone.currentStep() + delta);
            if (!valid)
                wrongCodes.append(candidate);
        }
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_dir->confirmTotp(QStringLiteral("qian.li"), wrongCodes.at(i)).error().code,
                     Error::Code::Unauthenticated);
        QCOMPARE(m_dir->confirmTotp(QStringLiteral("qian.li"), wrongCodes.at(4)).error().code,
                 Error::Code::Locked);
        QCOMPARE(m_dir->confirmTotp(QStringLiteral("qian.li"), phone.currentCode()).error().code,
                 Error::Code::Locked);
    }

    void enrolledAuthenticatorIsRequiredEvenForResearchers()
    {
        create(QStringLiteral("li.na"), Role::Researcher);
        const std::optional<Totp> phone = enrol(QStringLiteral("li.na"), kUserPassword);
        QVERIFY(phone);
        QCOMPARE(loginFailureOf(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).error()),
                 LoginFailure::BadCredentials);
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword, nextCode(*phone)).ok());
    }

    void confirmedAuthenticatorIsReplacedOnlyAfterAnAdministratorReset()
    {
        create(QStringLiteral("zhang.wei"), Role::Clinician);
        QVERIFY(enrol(QStringLiteral("zhang.wei"), kUserPassword));
        auto code = m_dir->issueEnrolmentCode(m_admin.id, QStringLiteral("zhang.wei"));
        QCOMPARE(m_dir->enrollTotp(QStringLiteral("zhang.wei"), kUserPassword, *code).error().code,
                 Error::Code::Conflict);
        auto reset = m_dir->resetTotp(m_admin.id, QStringLiteral("zhang.wei"));
        QVERIFY(reset.ok());
        QVERIFY(!reset->totpEnrolled);
        QCOMPARE(m_sink.last().type, AccountEvent::TotpReset.toString());
        QCOMPARE(loginFailureOf(m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword).error()),
                 LoginFailure::BadCredentials);
        QCOMPARE(
            loginFailureOf(m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, *code).error()),
            LoginFailure::SecondFactorEnrolmentRequired);
        QVERIFY(enrol(QStringLiteral("zhang.wei"), kUserPassword));
    }

    // least privilege; only administrators grant roles.
    void roleChangeByNonAdministratorIsRefused()
    {
        const Account clinician = create(QStringLiteral("zhang.wei"), Role::Clinician);
        create(QStringLiteral("li.na"), Role::Researcher);
        auto refused = m_dir->setRoles(clinician.id, QStringLiteral("li.na"), {Role::DataManager});
        QCOMPARE(refused.error().code, Error::Code::PermissionDenied);
        QCOMPARE(m_dir->find(QStringLiteral("li.na")).value()->roles, QList<Role>{Role::Researcher});
        // Not even for oneself.
        QCOMPARE(m_dir->setRoles(clinician.id, QStringLiteral("zhang.wei"), {Role::SystemAdmin}).error().code,
                 Error::Code::PermissionDenied);
        QCOMPARE(m_sink.count(AccountEvent::RoleChange, false), 2);
        QCOMPARE(m_sink.last().actorId, clinician.idString());
    }

    // role changes are recorded with before and after.
    void roleChangeByAdministratorIsAppliedAndRecorded()
    {
        const Account researcher = create(QStringLiteral("li.na"), Role::Researcher);
        auto changed = m_dir->setRoles(m_admin.id, QStringLiteral("li.na"),
                                       {Role::Reviewer, Role::Researcher, Role::Reviewer});
        QVERIFY(changed.ok());
        QCOMPARE(changed->roles, (QList<Role>{Role::Reviewer, Role::Researcher}));
        QCOMPARE(changed->primaryRole(), Role::Reviewer);
        QVERIFY(changed->requiresSecondFactor());
        const AuditRecord record = m_sink.last();
        QCOMPARE(record.type, AccountEvent::RoleChange.toString());
        QVERIFY(record.success);
        QCOMPARE(record.actorId, m_admin.idString());
        QCOMPARE(record.subjectId, researcher.idString());
        QCOMPARE(record.detail, QStringLiteral("researcher -> reviewer,researcher"));
        QCOMPARE(m_dir->find(QStringLiteral("li.na")).value()->roles,
                 (QList<Role>{Role::Reviewer, Role::Researcher}));
    }

    void auditorRoleStaysIndependent()
    {
        create(QStringLiteral("audit.chen"), Role::Auditor);
        QCOMPARE(m_dir->setRoles(m_admin.id, QStringLiteral("audit.chen"), {Role::Auditor, Role::SystemAdmin})
                     .error()
                     .code,
                 Error::Code::InvalidArgument);
        QCOMPARE(m_dir->setRoles(m_admin.id, QStringLiteral("audit.chen"), {}).error().code,
                 Error::Code::InvalidArgument);
        QCOMPARE(m_dir->find(QStringLiteral("audit.chen")).value()->roles, QList<Role>{Role::Auditor});
    }

    void lastSystemAdministratorKeepsTheRole()
    {
        auto refused = m_dir->setRoles(m_admin.id, QStringLiteral("admin"), {Role::Clinician});
        QCOMPARE(refused.error().code, Error::Code::Conflict);
        QCOMPARE(m_dir->find(QStringLiteral("admin")).value()->roles, QList<Role>{Role::SystemAdmin});
        QVERIFY(!m_sink.last().success);

        const Account second = create(QStringLiteral("admin2"), Role::SystemAdmin);
        QVERIFY(m_dir->setRoles(second.id, QStringLiteral("admin"), {Role::DataManager}).ok());
        // admin2 is the last one now; the former admin cannot act any more.
        QCOMPARE(m_dir->setRoles(second.id, QStringLiteral("admin2"), {Role::Clinician}).error().code,
                 Error::Code::Conflict);
        QCOMPARE(m_dir->setRoles(m_admin.id, QStringLiteral("admin2"), {Role::Clinician}).error().code,
                 Error::Code::PermissionDenied);
    }

    // password change, with failures counted and recorded.
    void passwordChangeNeedsTheCurrentPasswordAndThePolicy()
    {
        const Account researcher = create(QStringLiteral("li.na"), Role::Researcher);
        QCOMPARE(m_dir
                     ->changePassword(QStringLiteral("li.na"), kOtherPassword,
                                      pw(QStringLiteral("Brand-New-Pass-1")))
                     .error()
                     .code,
                 Error::Code::Unauthenticated);
        QCOMPARE(m_dir->find(QStringLiteral("li.na")).value()->failedAttempts, 1);
        QCOMPARE(m_dir->changePassword(QStringLiteral("li.na"), kUserPassword, pw(QStringLiteral("short")))
                     .error()
                     .code,
                 Error::Code::InvalidArgument);
        QCOMPARE(m_dir->changePassword(QStringLiteral("li.na"), kUserPassword, kUserPassword).error().code,
                 Error::Code::InvalidArgument);
        QCOMPARE(m_sink.count(AccountEvent::PasswordChange, false), 3);

        m_clock->advance(60'000);
        QVERIFY(m_dir
                    ->changePassword(QStringLiteral("li.na"), kUserPassword,
                                     pw(QStringLiteral("Brand-New-Pass-1")))
                    .ok());
        QCOMPARE(m_sink.last().type, AccountEvent::PasswordChange.toString());
        QVERIFY(m_sink.last().success);
        QCOMPARE(m_sink.last().actorId, researcher.idString());
        const Account changed = *m_dir->find(QStringLiteral("li.na")).value();
        QCOMPARE(changed.passwordChanged, m_clock->now());
        QCOMPARE(changed.failedAttempts, 0);
        QCOMPARE(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).error().code,
                 Error::Code::Unauthenticated);
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), pw(QStringLiteral("Brand-New-Pass-1"))).ok());
        for (const AuditRecord &r : std::as_const(m_sink.records)) {
            QVERIFY(!r.detail.contains(QString::fromUtf8(kUserPassword.view())));
            QVERIFY(!r.detail.contains(QStringLiteral("Brand-New-Pass-1")));
        }
    }

    void administratorResetsAForgottenPassword()
    {
        const Account researcher = create(QStringLiteral("li.na"), Role::Researcher);
        QCOMPARE(m_dir->resetPassword(researcher.id, QStringLiteral("li.na"), kOtherPassword).error().code,
                 Error::Code::PermissionDenied);
        QVERIFY(m_dir->resetPassword(m_admin.id, QStringLiteral("li.na"), kOtherPassword).ok());
        QCOMPARE(m_sink.last().type, AccountEvent::PasswordReset.toString());
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), kOtherPassword).ok());
    }

    // every listed account action reaches the audit sink with its outcome.
    void everyAccountActionReachesTheAuditSink()
    {
        const Account user = create(QStringLiteral("zhang.wei"), Role::Clinician);
        const std::optional<Totp> phone = enrol(QStringLiteral("zhang.wei"), kUserPassword);
        QVERIFY(phone);
        QVERIFY(m_dir->authenticate(QStringLiteral("zhang.wei"), kUserPassword, nextCode(*phone)).ok());
        (void)m_dir->authenticate(QStringLiteral("zhang.wei"), kOtherPassword);
        QVERIFY(m_dir->logout(user.id).ok());
        QVERIFY(m_dir->changePassword(QStringLiteral("zhang.wei"), kUserPassword, kOtherPassword).ok());
        QVERIFY(
            m_dir->setRoles(m_admin.id, QStringLiteral("zhang.wei"), {Role::Clinician, Role::Reviewer}).ok());
        QVERIFY(m_dir->lock(m_admin.id, QStringLiteral("zhang.wei")).ok());
        QVERIFY(m_dir->unlock(m_admin.id, QStringLiteral("zhang.wei")).ok());
        QVERIFY(m_dir->resetTotp(m_admin.id, QStringLiteral("zhang.wei")).ok());
        QVERIFY(m_dir->resetPassword(m_admin.id, QStringLiteral("zhang.wei"), kUserPassword).ok());

        const QList<std::pair<QStringView, bool>> expected = {
            {AccountEvent::Created, true},       {AccountEvent::EnrolmentCode, true},
            {AccountEvent::TotpEnrol, true},     {AccountEvent::TotpConfirm, true},
            {AccountEvent::Login, true},         {AccountEvent::Login, false},
            {AccountEvent::Logout, true},        {AccountEvent::PasswordChange, true},
            {AccountEvent::RoleChange, true},    {AccountEvent::Lock, true},
            {AccountEvent::Unlock, true},        {AccountEvent::TotpReset, true},
            {AccountEvent::PasswordReset, true},
        };
        QCOMPARE(m_sink.records.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(m_sink.records.at(i).type, expected.at(i).first.toString());
            QCOMPARE(m_sink.records.at(i).success, expected.at(i).second);
            QCOMPARE(m_sink.records.at(i).subjectId, user.idString());
            QVERIFY(!m_sink.records.at(i).detail.contains(QString::fromUtf8(kUserPassword.view())));
            QVERIFY(!m_sink.records.at(i).detail.contains(QString::fromUtf8(kOtherPassword.view())));
        }
        QCOMPARE(m_dir->logout(QUuid::createUuid()).error().code, Error::Code::NotFound);
        QCOMPARE(m_sink.last().type, AccountEvent::Logout.toString());
        QVERIFY(!m_sink.last().success);
    }

    void listReturnsEveryAccountWithoutSecrets()
    {
        create(QStringLiteral("zhang.wei"), Role::Clinician);
        create(QStringLiteral("li.na"), Role::Researcher);
        const QList<Account> accounts = m_dir->list().value();
        QCOMPARE(accounts.size(), 3);
        QCOMPARE(accounts.at(0).userName, QStringLiteral("admin"));
        QCOMPARE(accounts.at(1).userName, QStringLiteral("li.na"));
        QCOMPARE(accounts.at(1).roles, QList<Role>{Role::Researcher});
        QCOMPARE(accounts.at(2).roles, QList<Role>{Role::Clinician});
        QCOMPARE(accounts.at(2).created, m_clock->now());
        QCOMPARE(m_dir->findById(accounts.at(2).id).value()->userName, QStringLiteral("zhang.wei"));
        QVERIFY(!m_dir->findById(QUuid::createUuid()).value().has_value());
    }

    // the production directory hashes at >= 600 000 iterations, and raises weaker stored
    // hashes at the next successful sign-in.
    void productionCostIsEnforcedAndWeakerHashesAreUpgraded()
    {
        create(QStringLiteral("li.na"), Role::Researcher); // hashed at the test cost
        m_dir = openDirectory({});
        QVERIFY(m_dir);
        QCOMPARE(m_dir->passwordIterations(), 600'000);
        const auto storedHash = [this](const QString &name) {
            auto row = m_db->queryOne(
                QStringLiteral("SELECT password_hash FROM accounts WHERE user_name = ?1"), {name});
            return row.ok() && row->has_value() ? row->value().value(0).toString() : QString();
        };
        QVERIFY(storedHash(QStringLiteral("li.na")).startsWith(QStringLiteral("pbkdf2-sm3$1000$")));
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).ok());
        QVERIFY(storedHash(QStringLiteral("li.na")).startsWith(QStringLiteral("pbkdf2-sm3$600000$")));
        QVERIFY(m_dir->authenticate(QStringLiteral("li.na"), kUserPassword).ok());

        QVERIFY(m_dir
                    ->createAccount(m_admin.id, QStringLiteral("zhao.min"), QStringLiteral("Zhao"),
                                    Role::Researcher, kOtherPassword)
                    .ok());
        QVERIFY(storedHash(QStringLiteral("zhao.min")).startsWith(QStringLiteral("pbkdf2-sm3$600000$")));
    }
};

QTEST_GUILESS_MAIN(tst_AccountDirectory)
#include "tst_AccountDirectory.moc"
