// Issue 12, what a researcher receives under a grant (R-5.2j exactly the approved scope, R-5.2k
// de-identified delivery, R-7.2.4e): on the demo workspace with its synthetic breast-cancer cohort,
// linked to the site server, a researcher asks for two named patients of the demo project at level 3;
// the ethics reviewer passes it, the data manager approves it and prepares the data; the researcher
// opens it. The package holds those two patients only, under project pseudonyms (not the registry's,
// not the names the request used), only records review approved, only fields classified at level 3 or
// below, and none of the patients' identifiers (names, pinyin, identifiers, phone numbers, addresses)
// anywhere in it.
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/forms/FormStore.h"
#include "mdp/foundation/Clock.h"
#include "mdp/pki/DemoPki.h"
#include "mdp/registry/Registry.h"
#include "mdp/server/GrantServer.h"
#include "mdp/workspace/DataPolicies.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/SiteAccess.h"
#include "mdp/workspace/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;

namespace {

#define TAKE(var, expr)                                                                                      \
    auto var##Result_ = (expr);                                                                              \
    QVERIFY2(var##Result_.ok(), var##Result_.ok() ? "" : qPrintable(var##Result_.error().toString()));       \
    auto var = std::move(var##Result_).value()

#define CHECK_OK(expr)                                                                                       \
    do {                                                                                                     \
        auto r_ = (expr);                                                                                    \
        QVERIFY2(r_.ok(), r_.ok() ? "" : qPrintable(r_.error().toString()));                                 \
    } while (0)

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class GrantDeliveryContentTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_site;
    ManualClock m_serverClock{QDateTime::currentDateTimeUtc()};
    ManualClock m_clock{QDateTime::currentDateTimeUtc().addSecs(2)};
    std::unique_ptr<server::GrantServer> m_server;
    QHash<QString, server::DemoServerAccount> m_central;
    workspace::DemoWorkspace m_demo;

    static QString code(const QString &secretBase32, const Clock &clock)
    {
        return accounts::Totp(SecureBytes(accounts::base32Decode(secretBase32).value_or(QByteArray())), clock)
            .currentCode();
    }

    // Signs `user` in here and at the site server (each with a fresh second-factor code).
    void signIn(const QString &user)
    {
        workspace::Workspace &ws = *m_demo.workspace;
        ws.logout();
        workspace::DemoAccount local;
        for (const workspace::DemoAccount &a : std::as_const(m_demo.accounts)) {
            if (a.userName == user)
                local = a;
        }
        QCOMPARE(local.userName, user);
        m_clock.advance(30 * 1000);
        m_serverClock.advance(30 * 1000);
        if (m_clock.now() < m_serverClock.now().addSecs(1))
            m_clock.set(m_serverClock.now().addSecs(1));
        const QString localCode =
            local.totpSecretBase32.isEmpty() ? QString() : code(local.totpSecretBase32, m_clock);
        TAKE(session, ws.login(user, passwordBytes(local.password.toUtf8()), localCode));
        QCOMPARE(session.userName, user);
        const server::DemoServerAccount central = m_central.value(user);
        const QString serverCode =
            central.totpSecretBase32.isEmpty() ? QString() : code(central.totpSecretBase32, m_serverClock);
        CHECK_OK(ws.siteAccess().connect(passwordBytes(central.password.toUtf8()), serverCode));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("MDP_WORKSTATION_KEY", m_dir.filePath(QStringLiteral("workstation.key")).toUtf8());
        m_site = m_dir.filePath(QStringLiteral("grantd"));
        TAKE(config, server::prepareDemoServer(m_site, 0));
        TAKE(started, server::GrantServer::start(config, m_serverClock));
        m_server = std::move(started);
        TAKE(staff, server::ensureDemoAccounts(*m_server, m_site));
        for (const server::DemoServerAccount &person : staff)
            m_central.insert(person.userName, person);
        CHECK_OK(pki::issueDemoWorkstation(m_site, QStringLiteral("workstation-a")));
        workspace::DemoCohortOptions cohort;
        cohort.patients = 6;
        cohort.seed = 12;
        cohort.documentEvery = 0;
        TAKE(demo, workspace::createDemoWorkspace(m_dir.filePath(QStringLiteral("ws")), m_clock, cohort));
        m_demo = std::move(demo);
        workspace::Workspace &ws = *m_demo.workspace;
        // The workstation's certificate was issued on the real clock, a moment ago: this clock must
        // not be behind it (a loaded machine takes seconds to make the demo).
        if (const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(2); m_clock.now() < now)
            m_clock.set(now);
        if (!ws.session())
            CHECK_OK(ws.beginCustodianSession(workspace::SessionOrigin::Workstation));
        workspace::ServerSettings link;
        link.port = m_server->port();
        link.caPem = fileBytes(m_site + QStringLiteral("/ca.crt"));
        link.certificatePem = fileBytes(m_site + QStringLiteral("/workstation-a.crt"));
        link.privateKeyPem = fileBytes(m_site + QStringLiteral("/workstation-a.key"));
        CHECK_OK(ws.serverLink().configure(link));
        TAKE(shipped, ws.serverLink().shipAuditNow()); // pins the server's witness key
        Q_UNUSED(shipped);
        ws.logout();
    }

    void theResearcherReceivesExactlyTheScopeDeIdentified()
    {
        workspace::Workspace &ws = *m_demo.workspace;
        // The data manager's view of the cohort: two patients named by pseudonym, and what identifies
        // every patient (to look for in the package).
        signIn(QStringLiteral("dm.liu"));
        if (QTest::currentTestFailed())
            return;
        const QString dm = ws.session()->accountId;
        TAKE(page, ws.registry().patients(dm, registry::PageRequest{0, 500, false}));
        QVERIFY(page.patients.size() >= 4);
        QStringList identifying;
        for (const registry::Patient &p : std::as_const(page.patients)) {
            identifying << p.name.family + p.name.given << p.pinyin << p.contact.phone << p.contact.address;
            for (const registry::PatientIdentifier &id : p.identifiers)
                identifying << id.value;
        }
        identifying.removeAll(QString());
        QStringList named{page.patients.at(0).pseudonymId, page.patients.at(1).pseudonymId};
        std::sort(named.begin(), named.end());
        QStringList expected;
        for (int i = 0; i < 2; ++i) {
            TAKE(pseudonym,
                 ws.registry().projectPseudonym(dm, QStringLiteral("NRT-IO-2026"), page.patients.at(i).id));
            expected << pseudonym;
        }
        std::sort(expected.begin(), expected.end());
        QStringList others;
        for (int i = 2; i < page.patients.size(); ++i) {
            TAKE(pseudonym,
                 ws.registry().projectPseudonym(dm, QStringLiteral("NRT-IO-2026"), page.patients.at(i).id));
            others << pseudonym << page.patients.at(i).pseudonymId;
        }
        // Level of every classified form field, to check what arrives.
        TAKE(items, ws.policies().items());
        QHash<QString, int> levelOf;
        for (const workspace::ClassifiedItem &item : items)
            levelOf.insert(item.key, item.inForce.level);

        // The request, the ethics review and the approval.
        signIn(QStringLiteral("res.zhang"));
        if (QTest::currentTestFailed())
            return;
        access::Scope scope;
        scope.project = QStringLiteral("NRT-IO-2026");
        scope.maxLevel = 3;
        scope.patients = named;
        TAKE(sent, ws.siteAccess().submit(QStringLiteral("Pathological complete response after neoadjuvant "
                                                         "radiotherapy with PD-1 blockade, two index cases."),
                                          scope, 30, workspace::AccessDesk::agreementVersion()));
        signIn(QStringLiteral("eth.chen"));
        if (QTest::currentTestFailed())
            return;
        TAKE(ethics, ws.siteAccess().requests(workspace::AccessDesk::View::Ethics));
        QCOMPARE(ethics.size(), 1);
        TAKE(passed, ws.siteAccess().decide(sent.number, access::Verdict::Approve, QString(),
                                            ethics.first().revision));
        signIn(QStringLiteral("dm.liu"));
        if (QTest::currentTestFailed())
            return;
        TAKE(approvals, ws.siteAccess().requests(workspace::AccessDesk::View::Approvals));
        QCOMPARE(approvals.size(), 1);
        TAKE(approved, ws.siteAccess().decide(sent.number, access::Verdict::Approve, QString(),
                                              approvals.first().revision));
        QCOMPARE(approved.status, access::RequestStatus::Approved);

        // The researcher's workstation names the key the data is sealed for; the data manager prepares.
        signIn(QStringLiteral("res.zhang"));
        if (QTest::currentTestFailed())
            return;
        TAKE(grants, ws.myGrants());
        QCOMPARE(grants.size(), 1);
        const QString grant = grants.first().id;
        TAKE(none, ws.syncDeliveries());
        QCOMPARE(none, 0);
        signIn(QStringLiteral("dm.liu"));
        if (QTest::currentTestFailed())
            return;
        TAKE(prepared, ws.prepareDelivery(grant));
        QCOMPARE(prepared, 2);

        signIn(QStringLiteral("res.zhang"));
        if (QTest::currentTestFailed())
            return;
        TAKE(held, ws.syncDeliveries());
        QCOMPARE(held, 1);
        TAKE(package, ws.openDelivery(grant));
        const QString text = QString::fromUtf8(QJsonDocument(package).toJson(QJsonDocument::Compact));
        QCOMPARE(package.value(u"maxLevel").toInt(), 3);
        const QJsonArray patients = package.value(u"patients").toArray();
        QStringList got;
        int values = 0;
        for (const QJsonValue &p : patients) {
            const QJsonObject patient = p.toObject();
            got << patient.value(u"pseudonym").toString();
            for (const QJsonValue &r : patient.value(u"records").toArray()) {
                const QJsonObject record = r.toObject();
                QVERIFY(record.value(u"formalVersion").toInt() > 0); // approved by review only
                const QString form = record.value(u"form").toString();
                const QJsonObject fields = record.value(u"values").toObject();
                for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
                    const QString key = QStringLiteral("form:%1/%2").arg(form, it.key());
                    QVERIFY2(levelOf.contains(key), qPrintable(key));
                    QVERIFY2(levelOf.value(key) <= 3, qPrintable(key));
                    ++values;
                }
            }
        }
        // Exactly the two named, under their project pseudonyms, in that order.
        QCOMPARE(got, expected);
        QVERIFY(values > 0); // the approved records' de-identified fields did arrive
        for (const QString &pseudonym : std::as_const(named))
            QVERIFY2(!text.contains(pseudonym), qPrintable(pseudonym)); // the registry's: never sent
        for (const QString &other : std::as_const(others))
            QVERIFY2(!text.contains(other), qPrintable(other));
        for (const QString &identifier : std::as_const(identifying))
            QVERIFY2(identifier.size() < 2 || !text.contains(identifier), qPrintable(identifier));
    }

    // c: a grant over the whole project delivers every patient of the registry but one who
    // withdrew consent (a level-3 whole-project request takes the project's PI, then the data manager).
    void aWholeProjectGrantLeavesOutAPatientWhoWithdrewConsent()
    {
        workspace::Workspace &ws = *m_demo.workspace;
        signIn(QStringLiteral("dm.liu"));
        if (QTest::currentTestFailed())
            return;
        const QString dm = ws.session()->accountId;
        TAKE(page, ws.registry().patients(dm, registry::PageRequest{0, 500, false}));
        QVERIFY(page.patients.size() >= 4);
        const registry::Patient leaving = page.patients.at(3);
        TAKE(leavingPseudonym, ws.registry().projectPseudonym(dm, QStringLiteral("NRT-IO-2026"), leaving.id));

        signIn(QStringLiteral("res.zhang"));
        if (QTest::currentTestFailed())
            return;
        access::Scope scope;
        scope.project = QStringLiteral("NRT-IO-2026");
        scope.maxLevel = 3;
        TAKE(sent, ws.siteAccess().submit(QStringLiteral("Follow-up status of the whole neoadjuvant "
                                                         "radiotherapy with PD-1 blockade cohort."),
                                          scope, 30, workspace::AccessDesk::agreementVersion()));
        for (const QString &decider :
             {QStringLiteral("eth.chen"), QStringLiteral("dr.wang"), QStringLiteral("dm.liu")}) {
            signIn(decider);
            if (QTest::currentTestFailed())
                return;
            TAKE(current, ws.siteAccess().request(sent.number));
            TAKE(decided,
                 ws.siteAccess().decide(sent.number, access::Verdict::Approve, QString(), current.revision));
            Q_UNUSED(decided);
        }
        TAKE(approved, ws.siteAccess().request(sent.number));
        QCOMPARE(approved.status, access::RequestStatus::Approved);
        // The patient withdraws consent (filed by the data manager).
        TAKE(revoked, ws.siteAccess().withdrawConsent(leaving.pseudonymId,
                                                      QStringLiteral("withdrew consent at the clinic")));
        QVERIFY(revoked.isEmpty()); // no grant names the patient

        signIn(QStringLiteral("res.zhang"));
        if (QTest::currentTestFailed())
            return;
        TAKE(grants, ws.myGrants());
        QString grant;
        for (const workspace::Workspace::GrantInForce &g : grants) {
            if (g.request == sent.number)
                grant = g.id;
        }
        QVERIFY(!grant.isEmpty());
        TAKE(published, ws.syncDeliveries());
        Q_UNUSED(published);
        signIn(QStringLiteral("dm.liu"));
        if (QTest::currentTestFailed())
            return;
        TAKE(prepared, ws.prepareDelivery(grant));
        QCOMPARE(prepared, int(page.patients.size()) - 1);

        signIn(QStringLiteral("res.zhang"));
        if (QTest::currentTestFailed())
            return;
        TAKE(held, ws.syncDeliveries());
        QVERIFY(held >= 1);
        TAKE(package, ws.openDelivery(grant));
        const QJsonArray patients = package.value(u"patients").toArray();
        QCOMPARE(patients.size(), page.patients.size() - 1);
        const QString text = QString::fromUtf8(QJsonDocument(package).toJson(QJsonDocument::Compact));
        QVERIFY(!text.contains(leavingPseudonym));
        QVERIFY(!text.contains(leaving.pseudonymId));
    }
};

QTEST_GUILESS_MAIN(GrantDeliveryContentTest)
#include "tst_GrantDeliveryContent.moc"
