// Authorization in the service layer (issue 9 part 3, R-7.4.2 least privilege): every operation is
// called on the workspace's services directly, as each role of the demo, with no screen in between.
// The principal is the workspace's own session; an actor argument naming someone else is refused,
// and every refusal is recorded.
#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/forms/FormStore.h"
#include "mdp/registry/PatientSearch.h"
#include "mdp/registry/Registry.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const QString kName = QStringLiteral("欧阳娜娜");
const QString kResidentId = QStringLiteral("11010519491231002X");

// What each demo role may do, as the requirement reads (not as the code under test says).
struct Expectation
{
    const char *userName;
    bool readAudit;
    bool manageKeys;
    bool administer;
    bool seeIdentity;
    bool readPatients;
    bool writePatients;
    bool manageReviews;
};

const Expectation kRoles[] = {
    // user         audit  keys   admin  ident  read   write  reviews
    {"dr.wang", false, false, false, true, true, true, false},      // clinician
    {"rev.li", false, false, false, false, true, false, false},     // reviewer: level 4 masked
    {"res.zhang", false, false, false, false, false, false, false}, // researcher: counts only without a grant
    {"eth.chen", false, false, false, false, false, false, false},  // ethics reviewer: counts only
    {"dm.liu", false, false, false, true, true, true, true},        // data manager
    {"aud.zhao", true, false, false, false, false, false, false},   // auditor
    {"admin.sun", true, true, true, true, true, true, true},        // system administrator
};

bool refused(const Error &error)
{
    return error.code == Error::Code::PermissionDenied;
}

} // namespace

class tst_ServiceAuthorization : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    // Each sign-in a new verification-code step: a code is never accepted twice.
    ManualClock m_clock{QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC)};
    workspace::DemoWorkspace m_demo;
    QUuid m_patient;
    QString m_pseudonym;

    workspace::Workspace &ws() { return *m_demo.workspace; }

    const workspace::DemoAccount &account(const QString &userName) const
    {
        for (const auto &a : m_demo.accounts)
            if (a.userName == userName)
                return a;
        qFatal("no demo account %s", qPrintable(userName));
    }

    QString idOf(const QString &userName)
    {
        auto found = ws().accounts().find(userName);
        return found && found.value() ? found.value()->idString() : QString();
    }

    bool signIn(const QString &userName)
    {
        ws().logout();
        m_clock.advance(30 * 1000);
        auto session = workspace::loginDemoAccount(ws(), account(userName));
        if (!session)
            qWarning() << "sign-in failed:" << session.error().toString();
        return session.ok();
    }

    QString me() const { return m_demo.workspace->session()->accountId; }

    // Security alerts "access-denied" recorded for `userName`, read as the auditor.
    int refusalsRecordedFor(const QString &userName)
    {
        if (!signIn(QStringLiteral("aud.zhao")))
            return -1;
        auto rows = workspace::AuditQueries(ws()).byUserName(userName, {}, {});
        if (!rows)
            return -1;
        int n = 0;
        for (const auto &row : rows.value())
            n += row.event.type == audit::EventType::SecurityAlert &&
                 row.event.detail.value(QStringLiteral("alert")).toString() == u"access-denied";
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto demo = workspace::createDemoWorkspace(m_dir.filePath(QStringLiteral("ws")), m_clock, {},
                                                   secret(kPassphrase));
        QVERIFY2(demo, qPrintable(demo ? QString() : demo.error().toString()));
        m_demo = std::move(demo.value());
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(kName);
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1949, 12, 31);
        draft.identifiers << registry::PatientIdentifier{
            registry::IdentifierType::ResidentId, kResidentId, {}, true};
        auto created = ws().registry().createPatient(me(), draft);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        m_patient = created->id;
        m_pseudonym = created->pseudonymId;
    }

    void eachRoleReachesWhatItsRoleAllows_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < int(std::size(kRoles)); ++i)
            QTest::newRow(kRoles[i].userName) << i;
    }

    // least privilege, decided by the service for each operation and role.
    void eachRoleReachesWhatItsRoleAllows()
    {
        QFETCH(int, index);
        const Expectation &e = kRoles[index];
        const QString user = QString::fromLatin1(e.userName);
        const QString other = idOf(QStringLiteral("rev.li"));
        QVERIFY(signIn(user));

        // Audit queries and verification.
        workspace::AuditQueries queries(ws());
        auto trail = queries.byDataId(QStringLiteral("patient:") + m_pseudonym);
        QCOMPARE(trail.ok(), e.readAudit);
        if (!trail.ok())
            QVERIFY(refused(trail.error()));
        QCOMPARE(queries.verifier().ok(), e.readAudit);

        // Key operations.
        auto keys = ws().keyList();
        QCOMPARE(keys.ok(), e.manageKeys);
        QCOMPARE(ws().keySlots().ok(), e.manageKeys);
        auto rotated = ws().rotateKeyEncryptionKey(crypto::KeyPurpose::database());
        QCOMPARE(rotated.ok(), e.manageKeys);
        if (!rotated.ok())
            QVERIFY(refused(rotated.error()));
        // Renewing a data key (issue 9 part 6): the identity key, cheap here.
        auto renewed = ws().renewDataKey(crypto::KeyPurpose::identity());
        QCOMPARE(renewed.ok(), e.manageKeys);
        if (!renewed.ok())
            QVERIFY(refused(renewed.error()));

        // Account administration.
        auto locked = ws().accounts().lock(QUuid::fromString(me()), QStringLiteral("eth.chen"));
        QCOMPARE(locked.ok(), e.administer);
        if (locked.ok())
            QVERIFY(ws().accounts().unlock(QUuid::fromString(me()), QStringLiteral("eth.chen")).ok());
        else
            QVERIFY(refused(locked.error()));
        QVERIFY(ws().accounts().list().ok()); // the staff list, for everyone signed in

        // Identity display and patient reads.
        auto patient = ws().registry().patient(me(), m_patient);
        QCOMPARE(patient.ok(), e.readPatients);
        if (patient.ok()) {
            QCOMPARE(patient->pseudonymId, m_pseudonym);
            QCOMPARE(patient->name.display() == kName, e.seeIdentity);
            QCOMPARE(!patient->identifiers.isEmpty(), e.seeIdentity);
            if (!e.seeIdentity) {
                QVERIFY(patient->name.display().isEmpty());
                QCOMPARE(patient->birthDate, QDate(1949, 1, 1)); // the year only
            }
        }
        auto page = ws().registry().patients(me(), {});
        QCOMPARE(page.ok(), e.readPatients);
        if (page.ok()) {
            QCOMPARE(page->patients.size(), 1);
            QCOMPARE(page->patients.first().name.display() == kName, e.seeIdentity);
        }
        auto history = ws().registry().patientHistory(m_patient);
        QCOMPARE(history.ok(), e.readPatients);
        if (history.ok())
            QCOMPARE(history->first().state.name.display() == kName, e.seeIdentity);
        auto byIdentifier = ws().registry().findByIdentifier(
            me(), registry::PatientIdentifier{registry::IdentifierType::ResidentId, kResidentId, {}, false});
        QCOMPARE(byIdentifier.ok(), e.seeIdentity);

        // The search box: identity only where the role sees it, whatever the filter asks for.
        registry::SearchFilter asksForIdentity;
        asksForIdentity.identityVisible = true;
        auto byName = ws().patientSearch().search(QStringLiteral("ouyang"), 5, asksForIdentity);
        QCOMPARE(byName.ok(), e.readPatients);
        if (byName.ok())
            QCOMPARE(byName->size(), e.seeIdentity ? 1 : 0);
        auto byPseudonym = ws().patientSearch().search(m_pseudonym, 5, asksForIdentity);
        QCOMPARE(byPseudonym.ok(), e.readPatients);
        if (byPseudonym.ok()) {
            QCOMPARE(byPseudonym->size(), 1);
            QCOMPARE(byPseudonym->first().displayName.isEmpty(), !e.seeIdentity);
        }

        // Patient writes.
        registry::EventDraft visit;
        visit.type = registry::EventType::FirstVisit;
        visit.start = registry::EventTime::fromDate(QDate(2026, 3, 1));
        visit.title = QStringLiteral("visit by ") + user;
        auto added = ws().registry().addEvent(me(), m_patient, visit);
        QCOMPARE(added.ok(), e.writePatients);
        if (!added.ok())
            QVERIFY(refused(added.error()));

        // Records and the review workflow.
        auto records = ws().forms().records(me(), {});
        QCOMPARE(records.ok(), e.readPatients);
        QVERIFY(ws().forms().inbox(me()).ok()); // one's own inbox
        auto othersInbox = ws().forms().inbox(other);
        QCOMPARE(othersInbox.ok(), e.manageReviews || user == u"rev.li");
        QCOMPARE(ws().forms().openTasks().ok(), e.manageReviews);

        // What the screens ask gives the same answers.
        QCOMPARE(ws().allows(workspace::Permission::ReadAuditTrail), e.readAudit);
        QCOMPARE(ws().allows(workspace::Permission::SeeIdentity), e.seeIdentity);
        QCOMPARE(ws().allows(workspace::Permission::WritePatients), e.writePatients);
    }

    // The attack: a signed-in clinician's code passes the administrator's id (or another clinician's)
    // as the actor. The service acts only as its session's account..
    void anActorThatIsNotTheSessionIsRefusedAndRecorded()
    {
        const QString admin = idOf(QStringLiteral("admin.sun"));
        const QString manager = idOf(QStringLiteral("dm.liu"));
        QVERIFY(!admin.isEmpty() && !manager.isEmpty());
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        const int before = refusalsRecordedFor(QStringLiteral("dr.wang"));
        QVERIFY(before >= 0);
        QVERIFY(signIn(QStringLiteral("dr.wang")));

        auto created = ws().accounts().createAccount(
            QUuid::fromString(admin), QStringLiteral("mallory"), QStringLiteral("Mallory"),
            accounts::Role::SystemAdmin, passwordBytes(QStringLiteral("Mallory-was-here-2026").toUtf8()));
        QVERIFY(!created);
        QVERIFY(refused(created.error()));
        auto roles = ws().accounts().setRoles(QUuid::fromString(admin), QStringLiteral("dr.wang"),
                                              {accounts::Role::SystemAdmin});
        QVERIFY(!roles);
        QVERIFY(refused(roles.error()));

        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(QStringLiteral("冒名"));
        auto spoofed = ws().registry().createPatient(manager, draft);
        QVERIFY(!spoofed);
        QVERIFY(refused(spoofed.error()));
        forms::NewRecord record;
        record.formId = QStringLiteral("anything");
        record.patientId = m_patient;
        auto draftRecord = ws().forms().createDraft(manager, record);
        QVERIFY(!draftRecord);
        QVERIFY(refused(draftRecord.error()));
        auto notices = ws().forms().notifications(manager);
        QVERIFY(!notices);
        QVERIFY(refused(notices.error()));

        // Nothing changed, and each refusal is in the trail under the clinician's name.
        ws().logout();
        auto mallory = ws().accounts().find(QStringLiteral("mallory"));
        QVERIFY(mallory && !mallory.value());
        auto wang = ws().accounts().find(QStringLiteral("dr.wang"));
        QVERIFY(wang && wang.value());
        QCOMPARE(wang.value()->roles, QList<accounts::Role>{accounts::Role::Clinician});
        QCOMPARE(refusalsRecordedFor(QStringLiteral("dr.wang")), before + 5);
    }

    // Nobody signed in: the services answer nothing, however the call is made.
    void nobodySignedInReachesNothing()
    {
        ws().logout();
        const QString anyone = idOf(QStringLiteral("dr.wang"));
        QVERIFY(refused(ws().registry().patient(anyone, m_patient).error()));
        QVERIFY(refused(ws().registry().patients(anyone, {}).error()));
        QVERIFY(refused(ws().patientSearch().search(m_pseudonym, 5, {}).error()));
        QVERIFY(refused(ws().forms().records(anyone, {}).error()));
        QVERIFY(refused(ws().keyList().error()));
        QVERIFY(refused(
            workspace::AuditQueries(ws()).byDataId(QStringLiteral("patient:") + m_pseudonym).error()));
        QVERIFY(ws().accounts().list().ok()); // the staff list: sign-in's, no patient data
    }

    // Where each account unlocks with its own password, no session becomes the custodian: only the
    // recovery key acts as it..
    void aCustodianSessionIsRefusedWhereAccountsUnlock()
    {
        const QString path = m_dir.filePath(QStringLiteral("slots"));
        workspace::CreateOptions o;
        o.directory = path;
        o.adminName = QStringLiteral("keeper");
        o.adminPassword = secret("Guards-the-vault-2026");
        auto created = workspace::Workspace::create(o);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
        workspace::SignIn signIn;
        signIn.totpCode = created.value()->takeAdminEnrolmentCode();
        created.value().reset();
        signIn.userName = QStringLiteral("keeper");
        signIn.password = secret("Guards-the-vault-2026");
        signIn.allowEnrolment = true; // the administrator's second factor is not set up here
        auto opened = workspace::Workspace::open(path, signIn);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        auto custodian = opened.value()->beginCustodianSession();
        QVERIFY(!custodian);
        QVERIFY(refused(custodian.error()));
        QVERIFY(!opened.value()->session() ||
                opened.value()->session()->accountId !=
                    opened.value()->custodianId().toString(QUuid::WithoutBraces));
    }
};

QTEST_GUILESS_MAIN(tst_ServiceAuthorization)
#include "tst_ServiceAuthorization.moc"
