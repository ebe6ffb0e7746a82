// Issue 9 part 4: a workspace whose integrity checks fail does not open for work, and opens read-only
// for an auditor to find out what happened. The failure here is a database put back from an earlier
// copy (the audit chain names a later commit). Workspace::open refuses everyone, saying why; the audit
// review lets the auditor (and a system administrator) read the verified events, refuses every other
// role, checks the second factor, and writes nothing into the folder. R-7.4.1 (audit), R-7.4.2.

#include "../support/AccountSignIns.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/registry/Registry.h"
#include "mdp/workspace/AuditReview.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const char *kAdminPassword = "Keeper-pass-2026!";
const char *kAuditorPassword = "Ledger-pass-31-qrs";
const char *kResearcherPassword = "Cohort-pass-55-abc";

template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

} // namespace

class tst_AuditReview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 6), QTime(8, 0), Qt::UTC)};
    AccountSignIns m_signIns{m_clock};
    QString m_path;
    QString m_patientPseudonym;

    Result<std::unique_ptr<workspace::Workspace>> signIn(const QString &user, const char *password)
    {
        return m_signIns.open(m_path, user, password);
    }

    workspace::SignIn credentials(const QString &user, const char *password, bool rightCode = true)
    {
        workspace::SignIn s;
        s.userName = user;
        s.password = secret(password);
        if (m_signIns.hasAuthenticator(user)) {
            const QString code = m_signIns.nextCode(user);
            s.totpCode = rightCode ? code : QStringLiteral("000000");
        }
        return s;
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
        auto &directory = admin.value()->accounts();
        QVERIFY(directory
                    .createAccount(adminId, QStringLiteral("zhao.audit"), QStringLiteral("Zhao"),
                                   accounts::Role::Auditor, passwordBytes(kAuditorPassword))
                    .ok());
        QVERIFY(directory
                    .createAccount(adminId, QStringLiteral("zhou.min"), QStringLiteral("Zhou Min"),
                                   accounts::Role::Researcher, passwordBytes(kResearcherPassword))
                    .ok());
        for (const QString &user : {QStringLiteral("zhao.audit"), QStringLiteral("zhou.min")}) {
            auto code = directory.issueEnrolmentCode(adminId, user);
            if (code)
                m_signIns.setEnrolmentCode(user, code.value());
        }
        admin.value().reset();
        auto auditor = signIn(QStringLiteral("zhao.audit"), kAuditorPassword);
        QVERIFY2(auditor.ok(), why(auditor));
        auditor.value().reset();
        auto researcher = signIn(QStringLiteral("zhou.min"), kResearcherPassword);
        QVERIFY2(researcher.ok(), why(researcher));
        researcher.value().reset();
    }

    void aDatabasePutBackOpensOnlyForAnAuditReview()
    {
        // The earlier copy someone keeps aside.
        const QString aside = m_root.filePath(QStringLiteral("aside"));
        QVERIFY(QDir().mkpath(aside));
        for (const QString &name : QDir(m_path).entryList({QStringLiteral("data.db*")}, QDir::Files))
            QVERIFY(QFile::copy(QDir(m_path).filePath(name), QDir(aside).filePath(name)));
        {
            // Later work: a patient registered by the administrator.
            auto admin = signIn(QStringLiteral("admin"), kAdminPassword);
            QVERIFY2(admin.ok(), why(admin));
            registry::PatientDraft draft;
            draft.name = registry::PersonName::fromFullName(QStringLiteral("测试患者"));
            draft.sex = registry::Sex::Female;
            draft.birthDate = QDate(1980, 1, 1);
            auto patient =
                admin.value()->registry().createPatient(admin.value()->session()->accountId, draft);
            QVERIFY2(patient.ok(), why(patient));
            m_patientPseudonym = patient->pseudonymId;
        }
        // The earlier database put back over it.
        for (const QString &name : QDir(m_path).entryList({QStringLiteral("data.db*")}, QDir::Files))
            QVERIFY(QFile::remove(QDir(m_path).filePath(name)));
        for (const QString &name : QDir(aside).entryList(QDir::Files))
            QVERIFY(QFile::copy(QDir(aside).filePath(name), QDir(m_path).filePath(name)));

        // Normal work is refused, saying why.
        auto refused =
            workspace::Workspace::open(m_path, credentials(QStringLiteral("admin"), kAdminPassword), m_clock);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::RolledBack);

        QMap<QString, QByteArray> before = snapshot(m_path);
        before.remove(QDir(m_path).filePath(QStringLiteral("keyring.json")));

        // A researcher may not look at the trail even now.
        auto researcher = workspace::AuditReview::open(
            m_path, credentials(QStringLiteral("zhou.min"), kResearcherPassword), m_clock);
        QVERIFY(!researcher.ok());
        QCOMPARE(researcher.error().code, Error::Code::PermissionDenied);
        // The auditor needs her second factor, as at any sign-in (one answer for any failure).
        auto wrongCode = workspace::AuditReview::open(
            m_path, credentials(QStringLiteral("zhao.audit"), kAuditorPassword, false), m_clock);
        QVERIFY(!wrongCode.ok());
        QCOMPARE(wrongCode.error().message, accounts::badCredentialsError().message);
        auto wrongPassword = workspace::AuditReview::open(
            m_path, credentials(QStringLiteral("zhao.audit"), "not-her-password"), m_clock);
        QVERIFY(!wrongPassword.ok());
        QCOMPARE(wrongPassword.error().message, accounts::badCredentialsError().message);

        auto review = workspace::AuditReview::open(
            m_path, credentials(QStringLiteral("zhao.audit"), kAuditorPassword), m_clock);
        QVERIFY2(review.ok(), why(review));
        QVERIFY(!review.value()->integrity().ok);
        QVERIFY2(review.value()->integrity().problem.contains(QStringLiteral("rolled back")),
                 qPrintable(review.value()->integrity().problem));
        // The whole trail is there, the administrator's later registration included, although the
        // database put back no longer holds it.
        QVERIFY(review.value()->events().size() > 20);
        auto byAdmin = review.value()->byUserName(QStringLiteral("admin"), {}, {});
        QVERIFY2(byAdmin.ok(), why(byAdmin));
        QVERIFY(!byAdmin->isEmpty());
        QCOMPARE(byAdmin->first().userName, QStringLiteral("admin"));
        auto byPatient = review.value()->byDataId(QStringLiteral("patient:") + m_patientPseudonym);
        QVERIFY2(byPatient.ok(), why(byPatient));
        QVERIFY2(!byPatient->isEmpty(), qPrintable(m_patientPseudonym));
        QCOMPARE(review.value()->byDataId(QStringLiteral("no-colon")).error().code,
                 Error::Code::InvalidArgument);
        QCOMPARE(review.value()->byUserName(QStringLiteral("nobody"), {}, {}).error().code,
                 Error::Code::NotFound);
        review.value().reset();

        // Nothing in the folder was written (the keyring may count a failed password).
        QMap<QString, QByteArray> after = snapshot(m_path);
        after.remove(QDir(m_path).filePath(QStringLiteral("keyring.json")));
        QStringList added, removed;
        for (const QString &path : after.keys()) {
            // SQLite's shared-memory index and an empty write-ahead log, which a read-only connection
            // to a WAL database makes where the earlier copy came without them: no data.
            const QString name = QFileInfo(path).fileName();
            if (!before.contains(path) &&
                !(name == u"data.db-shm" || (name == u"data.db-wal" && after.value(path).isEmpty())))
                added << name;
        }
        for (const QString &path : before.keys())
            if (!after.contains(path))
                removed << QFileInfo(path).fileName();
        QVERIFY2(added.isEmpty() && removed.isEmpty(),
                 qPrintable(added.join(u',') + QStringLiteral(" / ") + removed.join(u',')));
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));

        // A system administrator may review too.
        auto admin = workspace::AuditReview::open(
            m_path, credentials(QStringLiteral("admin"), kAdminPassword), m_clock);
        QVERIFY2(admin.ok(), why(admin));
    }
};

QTEST_GUILESS_MAIN(tst_AuditReview)
#include "tst_AuditReview.moc"
