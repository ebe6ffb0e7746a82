// Issue 12 end to end through the workstation's SiteAccess (R-5.2e-j, R-6.3.1-R-6.3.4, R-7.2.2): a
// researcher sends a request from a linked workstation, an ethics reviewer passes it and a data manager
// approves it there too, each in their own session at the site server; the grant reaches the researcher
// and is in force; reminders come before its end; an administrator's revocation reaches the open
// workstation at its next sync and holds offline. Every step is in the workstation's audit trail.
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/forms/FormStore.h"
#include "mdp/foundation/Clock.h"
#include "mdp/net/GrantClient.h"
#include "mdp/pki/DemoPki.h"
#include "mdp/server/GrantServer.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/BackgroundServices.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/SiteAccess.h"
#include "mdp/workspace/Workspace.h"
#include "mdp/workspace/WorkspaceConnection.h"

#include <QDir>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

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

class AccessGrantsTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_site;
    ManualClock m_serverClock{QDateTime::currentDateTimeUtc()};
    ManualClock m_clock{QDateTime::currentDateTimeUtc().addSecs(2)};
    std::unique_ptr<server::GrantServer> m_server;
    QHash<QString, server::DemoServerAccount> m_people;
    QString m_ws;
    QString m_number;
    QString m_grant;

    QString codeFor(const QString &user)
    {
        const QString secret = m_people.value(user).totpSecretBase32;
        if (secret.isEmpty())
            return {};
        m_serverClock.advance(30 * 1000); // each code once
        return accounts::Totp(SecureBytes(accounts::base32Decode(secret).value_or(QByteArray())),
                              m_serverClock)
            .currentCode();
    }

    workspace::SignIn as(const QString &user)
    {
        workspace::SignIn s;
        s.userName = user;
        s.password = passwordBytes(m_people.value(user).password.toUtf8());
        s.totpCode = codeFor(user);
        return s;
    }

    QStringList localEventTypes(const QString &dataId)
    {
        auto ws = workspace::Workspace::open(m_ws, as(QStringLiteral("aud.zhao")), m_clock);
        if (!ws)
            return {QStringLiteral("error: ") + ws.error().toString()};
        workspace::AuditQueries queries(*ws.value());
        auto rows = queries.byDataId(dataId);
        if (!rows)
            return {QStringLiteral("error: ") + rows.error().toString()};
        QStringList types;
        for (const workspace::AuditRow &row : *rows)
            types << row.event.type;
        return types;
    }

    // A request of res.zhang for `patients` of NRT-IO-2026, passed by the ethics reviewer and approved
    // by the data manager, each at their own session; its number and grant.
    void grantThroughTheDesk(const QStringList &patients, QString *number, QString *grant)
    {
        access::Scope scope;
        scope.project = QStringLiteral("NRT-IO-2026");
        scope.maxLevel = 3;
        scope.patients = patients;
        {
            TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("res.zhang")), m_clock));
            TAKE(sent, ws->siteAccess().submit(QStringLiteral("Time to local recurrence after neoadjuvant "
                                                              "radiotherapy with PD-1 blockade."),
                                               scope, 30, workspace::AccessDesk::agreementVersion()));
            *number = sent.number;
        }
        {
            TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("eth.chen")), m_clock));
            TAKE(inbox, ws->siteAccess().requests(workspace::AccessDesk::View::Ethics));
            QCOMPARE(inbox.size(), 1);
            TAKE(passed, ws->siteAccess().decide(*number, access::Verdict::Approve, QString(),
                                                 inbox.first().revision));
            QCOMPARE(passed.status, access::RequestStatus::Approval);
        }
        {
            TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("dm.liu")), m_clock));
            TAKE(inbox, ws->siteAccess().requests(workspace::AccessDesk::View::Approvals));
            QCOMPARE(inbox.size(), 1);
            TAKE(approved, ws->siteAccess().decide(*number, access::Verdict::Approve, QString(),
                                                   inbox.first().revision));
            QCOMPARE(approved.status, access::RequestStatus::Approved);
        }
        if (m_clock.now() < m_serverClock.now().addSecs(1))
            m_clock.set(m_serverClock.now().addSecs(1));
        TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("res.zhang")), m_clock));
        TAKE(grants, ws->myGrants());
        for (const workspace::Workspace::GrantInForce &g : grants) {
            if (g.request == *number)
                *grant = g.id;
        }
        QVERIFY(!grant->isEmpty());
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
            m_people.insert(person.userName, person);
        CHECK_OK(pki::issueDemoWorkstation(m_site, QStringLiteral("workstation-a")));
        // Issued on the real clock a moment ago: the workstation's clock must not be behind it.
        if (const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(2); m_clock.now() < now)
            m_clock.set(now);
        // The workstation: made by the site's administrator, linked, and opened through the server once
        // so that the site's other accounts sign in here with their central passwords.
        m_ws = m_dir.filePath(QStringLiteral("a"));
        const server::DemoServerAccount admin = m_people.value(QStringLiteral("admin.sun"));
        QString enrolment;
        {
            workspace::CreateOptions o;
            o.directory = m_ws;
            o.adminName = admin.userName;
            o.adminDisplayName = admin.displayName;
            o.adminPassword = passwordBytes(admin.password.toUtf8());
            TAKE(created, workspace::Workspace::create(o, m_clock));
            enrolment = created->takeAdminEnrolmentCode();
        }
        {
            workspace::SignIn s;
            s.userName = admin.userName;
            s.password = passwordBytes(admin.password.toUtf8());
            s.totpCode = enrolment;
            s.allowEnrolment = true;
            TAKE(ws, workspace::Workspace::open(m_ws, s, m_clock));
            TAKE(enrolled, ws->accounts().enrollTotp(admin.userName, s.password, enrolment));
            const QByteArray key = accounts::base32Decode(enrolled.secretBase32).value_or(QByteArray());
            CHECK_OK(ws->accounts().confirmTotp(admin.userName,
                                                accounts::Totp(SecureBytes(key), m_clock).currentCode()));
            m_clock.advance(30 * 1000);
            CHECK_OK(ws->login(admin.userName, s.password,
                               accounts::Totp(SecureBytes(key), m_clock).currentCode()));
            workspace::ServerSettings link;
            link.port = m_server->port();
            link.caPem = fileBytes(m_site + QStringLiteral("/ca.crt"));
            link.certificatePem = fileBytes(m_site + QStringLiteral("/workstation-a.crt"));
            link.privateKeyPem = fileBytes(m_site + QStringLiteral("/workstation-a.key"));
            CHECK_OK(ws->serverLink().configure(link));
            // A local sign-in keeps no session at the server: the desk says to sign in there.
            QVERIFY(!ws->siteAccess().connected());
            auto refused = ws->siteAccess().requests(workspace::AccessDesk::View::Mine);
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, Error::Code::Unauthenticated);
        }
        TAKE(through, workspace::Workspace::open(m_ws, as(admin.userName), m_clock));
        QCOMPARE(through->session()->via, QStringLiteral("server"));
        QVERIFY(through->siteAccess().connected());
        TAKE(shipped, through->serverLink().shipAuditNow()); // pins the server's witness key
        QVERIFY(shipped.auditWitnessed > 0);
    }

    // a: the whole flow through the workstation's desk, each person
    // in their own session; the server takes who acts from that session.
    void aRequestIsReviewedApprovedAndGrantedThroughTheDesk()
    {
        access::Scope scope;
        scope.project = QStringLiteral("NRT-IO-2026");
        scope.maxLevel = 3;
        scope.patients = {QStringLiteral("P-7QK2M6XR4T3A"), QStringLiteral("P-3HV5N5JW2C6D")};
        {
            TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("res.zhang")), m_clock));
            workspace::SiteAccess &desk = ws->siteAccess();
            QVERIFY(desk.connected());
            // without the agreement accepted, nothing is filed.
            auto unsigned_ = desk.submit(QStringLiteral("Pathological complete response after neoadjuvant "
                                                        "radiotherapy with PD-1 blockade, by dose."),
                                         scope, 90, QString());
            QVERIFY(!unsigned_.ok());
            TAKE(mine, desk.requests(workspace::AccessDesk::View::Mine));
            QCOMPARE(mine.size(), 0);
            TAKE(sent, desk.submit(QStringLiteral("Pathological complete response after neoadjuvant "
                                                  "radiotherapy with PD-1 blockade, by dose."),
                                   scope, 90, workspace::AccessDesk::agreementVersion()));
            QVERIFY(sent.number.startsWith(QStringLiteral("AR-")));
            QCOMPARE(sent.requester, QStringLiteral("res.zhang"));
            QCOMPARE(sent.status, access::RequestStatus::EthicsReview);
            m_number = sent.number;
            // The requester cannot pass their own request, whatever the client sends.
            auto own = desk.decide(m_number, access::Verdict::Approve, QString(), sent.revision);
            QVERIFY(!own.ok());
            // Nor is there an ethics inbox for a researcher.
            QVERIFY(!desk.requests(workspace::AccessDesk::View::Ethics).ok());
        }
        {
            TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("eth.chen")), m_clock));
            TAKE(inbox, ws->siteAccess().requests(workspace::AccessDesk::View::Ethics));
            QCOMPARE(inbox.size(), 1);
            QCOMPARE(inbox.first().number, m_number);
            TAKE(passed, ws->siteAccess().decide(m_number, access::Verdict::Approve,
                                                 QStringLiteral("Purpose and scope proportionate."),
                                                 inbox.first().revision));
            QCOMPARE(passed.status, access::RequestStatus::Approval);
            // A stale revision is refused (two deciders at once never both count).
            auto stale = ws->siteAccess().decide(m_number, access::Verdict::Approve, QString(),
                                                 inbox.first().revision);
            QVERIFY(!stale.ok());
        }
        {
            TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("dm.liu")), m_clock));
            TAKE(inbox, ws->siteAccess().requests(workspace::AccessDesk::View::Approvals));
            QCOMPARE(inbox.size(), 1);
            TAKE(approved, ws->siteAccess().decide(m_number, access::Verdict::Approve, QString(),
                                                   inbox.first().revision));
            QCOMPARE(approved.status, access::RequestStatus::Approved);
        }
        // The workstation's clock is not behind the server's (each code above moved the server's on).
        if (m_clock.now() < m_serverClock.now().addSecs(1))
            m_clock.set(m_serverClock.now().addSecs(1));
        {
            TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("res.zhang")), m_clock));
            TAKE(grants, ws->myGrants());
            QCOMPARE(grants.size(), 1);
            QCOMPARE(grants.first().request, m_number);
            QCOMPARE(grants.first().approvers, QStringList{QStringLiteral("dm.liu")});
            QCOMPARE(grants.first().maxLevel, 3);
            // 3 months by default (R-6.3.4 a).
            QVERIFY(qAbs(grants.first().notBefore.daysTo(grants.first().notAfter) - 90) <= 1);
            m_grant = grants.first().id;
            TAKE(mine, ws->siteAccess().requests(workspace::AccessDesk::View::Mine));
            QCOMPARE(mine.size(), 1);
            QCOMPARE(mine.first().status, access::RequestStatus::Approved);
        }
        // Every step is in this workstation's trail too (the server keeps its own).
        const QStringList types = localEventTypes(QStringLiteral("access-request:") + m_number);
        QVERIFY2(types.contains(QStringLiteral("access.request")), qPrintable(types.join(u',')));
        QCOMPARE(types.count(QStringLiteral("access.decision")),
                 4); // own refusal, pass, stale refusal, approval
    }

    // b: reminders 30, 7 and 1 days before the end, each once, in the app (and by e-mail when
    // the account has an address); none for an ended grant.
    void remindersComeBeforeTheEnd()
    {
        QVERIFY(!m_grant.isEmpty());
        TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("res.zhang")), m_clock));
        TAKE(grants, ws->myGrants());
        QCOMPARE(grants.size(), 1);
        const QDateTime end = grants.first().notAfter;
        TAKE(rows, ws->database().query(
                       QStringLiteral("SELECT id, account_id, request_number FROM access_grants")));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().at(2).toString(), m_number);
        const QString account = ws->session()->accountId;
        // The schedule: the nearest threshold reached, none before 30 days or after the end.
        const auto dueAt = [&](const QDateTime &at) {
            QStringList out;
            for (const forms::FormStore::GrantReminder &r : workspace::grantRemindersDue(ws->database(), at))
                out << QStringLiteral("%1:%2:%3").arg(r.grantId, r.requestNumber).arg(r.days);
            return out;
        };
        const QString g = m_grant + QLatin1Char(':') + m_number + QLatin1Char(':');
        QCOMPARE(dueAt(end.addDays(-45)), QStringList());
        QCOMPARE(dueAt(end.addDays(-29)), QStringList{g + QStringLiteral("30")});
        QCOMPARE(dueAt(end.addDays(-6)), QStringList{g + QStringLiteral("7")});
        QCOMPARE(dueAt(end.addSecs(-3600)), QStringList{g + QStringLiteral("1")});
        QCOMPARE(dueAt(end), QStringList());
        // Made once each, as the background worker does on its own connection.
        TAKE(connection, ws->openConnection());
        const auto due = workspace::grantRemindersDue(ws->database(), end.addDays(-6));
        TAKE(made, connection->forms().noteGrantReminders(due));
        QCOMPARE(made, 1);
        TAKE(again, connection->forms().noteGrantReminders(due));
        QCOMPARE(again, 0);
        connection.reset();
        TAKE(notices, ws->forms().notifications(account));
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().kind, forms::Notification::Kind::GrantExpiring);
        QCOMPARE(notices.first().formId, m_number);
        QCOMPARE(notices.first().reason, QStringLiteral("7"));
        QVERIFY(end > m_clock.now());
    }

    // c: an administrator revokes the grant; the researcher's open workstation drops it at its
    // next sync, and it stays out of force offline (the server stopped answering changes nothing).
    void aRevocationReachesTheOpenWorkstationAtItsNextSync()
    {
        QVERIFY(!m_grant.isEmpty());
        TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("res.zhang")), m_clock));
        TAKE(before, ws->myGrants());
        QCOMPARE(before.size(), 1);
        // The administrator, at another workstation's client (this one is the researcher's now).
        CHECK_OK(pki::issueDemoWorkstation(m_site, QStringLiteral("workstation-admin")));
        net::TlsClientOptions o;
        o.port = m_server->port();
        o.caPem = fileBytes(m_site + QStringLiteral("/ca.crt"));
        o.certificatePem = fileBytes(m_site + QStringLiteral("/workstation-admin.crt"));
        o.privateKeyPem = fileBytes(m_site + QStringLiteral("/workstation-admin.key"));
        TAKE(admin, net::GrantClient::create(o));
        CHECK_OK(admin->signIn(QStringLiteral("admin.sun"),
                               passwordBytes(m_people.value(QStringLiteral("admin.sun")).password.toUtf8()),
                               codeFor(QStringLiteral("admin.sun"))));
        // A researcher may not revoke (the server refuses; the route names the roles).
        QVERIFY(!ws->siteAccess().revokeGrant(m_grant, QStringLiteral("not mine to revoke")).ok());
        TAKE(revoked, admin->call("POST", QStringLiteral("/v1/access/grants/%1/revocation").arg(m_grant),
                                  {{QStringLiteral("reason"), QStringLiteral("project closed early")}}));
        QCOMPARE(revoked.status, 200);
        // Still in force until the sync pass.
        TAKE(stillHeld, ws->myGrants());
        QCOMPARE(stillHeld.size(), 1);
        TAKE(status, ws->serverLink().shipAuditNow());
        Q_UNUSED(status);
        TAKE(after, ws->myGrants());
        QCOMPARE(after.size(), 0);
        TAKE(kept, ws->database().query(QStringLiteral("SELECT count(*) FROM access_grants")));
        QCOMPARE(kept.first().at(0).toInt(), 0);
        // A server that still listed it at a sign-in (an older answer played back) would not bring it
        // back: the revocation is kept here.
        TAKE(noted, ws->database().query(QStringLiteral("SELECT grant_id FROM access_grant_revocations")));
        QCOMPARE(noted.size(), 1);
        QCOMPARE(noted.first().at(0).toString(), m_grant);
    }
    // R-5.2k-l, R-7.2.4e: the data under the grant is prepared by a data manager on the providing
    // workstation, sealed with a per-grant key for the key the holder's workstation made for this grant,
    // relayed by the server, and opened by the holder only while the grant is in force. At the end the
    // key is destroyed: a copy of the delivered file kept aside no longer opens.
    void dataIsDeliveredSealedAndDestroyedAtTheEnd()
    {
        // A grant of its own (the first was revoked above).
        QString number;
        QString grant;
        grantThroughTheDesk({QStringLiteral("P-5TR7WM2KQ4XB")}, &number, &grant);
        if (QTest::currentTestFailed())
            return;
        {
            TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("res.zhang")), m_clock));
            TAKE(none, ws->syncDeliveries()); // the recipient key is published; no data yet
            QCOMPARE(none, 0);
            // A researcher prepares nothing, whatever the screen shows.
            QCOMPARE(ws->prepareDelivery(grant).error().code, Error::Code::PermissionDenied);
            auto early = ws->openDelivery(grant);
            QVERIFY(!early.ok());
        }
        {
            TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("dm.liu")), m_clock));
            TAKE(patients, ws->prepareDelivery(grant));
            QCOMPARE(patients, 0); // the grant names two patients this registry does not hold
            // Once: a second upload is refused.
            QVERIFY(!ws->prepareDelivery(grant).ok());
        }
        TAKE(ws, workspace::Workspace::open(m_ws, as(QStringLiteral("res.zhang")), m_clock));
        TAKE(held, ws->syncDeliveries());
        QCOMPARE(held, 1);
        TAKE(package, ws->openDelivery(grant));
        QCOMPARE(package.value(u"grant").toString(), grant);
        QCOMPARE(package.value(u"request").toString(), number);
        QCOMPARE(package.value(u"project").toString(), QStringLiteral("NRT-IO-2026"));
        QVERIFY(package.value(u"maxLevel").toInt() <= 3); // de-identified: never identity
        // On disk: sealed only.
        const QString path = QDir(m_ws).filePath(QStringLiteral("deliveries/%1.sealed").arg(grant.toLower()));
        const QByteArray onDisk = fileBytes(path);
        QVERIFY(!onDisk.isEmpty());
        QVERIFY(!onDisk.contains("NRT-IO-2026"));
        const QString copy = m_dir.filePath(QStringLiteral("kept-copy.sealed"));
        QVERIFY(QFile::copy(path, copy));

        // The grant ends (one second after its end, by the injected clock): refused, and destroyed.
        TAKE(grants, ws->myGrants());
        QCOMPARE(grants.size(), 1);
        const QDateTime before = m_clock.now();
        m_clock.set(grants.first().notAfter.addSecs(1));
        auto late = ws->openDelivery(grant);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, Error::Code::PermissionDenied);
        QVERIFY(!QFile::exists(path));
        // Its key is gone: nothing here could unseal the copy any more.
        TAKE(keys,
             ws->database().query(
                 QStringLiteral("SELECT count(*) FROM access_deliveries WHERE grant_id = ?1"), {grant}));
        QCOMPARE(keys.first().at(0).toInt(), 0);
        // Back in time (a clock set back), with the copy put back: this workspace has seen a time past
        // the grant's end, so the grant stays ended (R-6.3.4: offline, its own end holds), nothing
        // opens, and the set-back is reported.
        m_clock.set(before);
        QVERIFY(QFile::copy(copy, path));
        auto again = ws->openDelivery(grant);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, Error::Code::PermissionDenied);
        TAKE(ended, ws->myGrants());
        QCOMPARE(ended.size(), 0);
        ws.reset();
        {
            // The next open too (the time seen is kept in the database).
            TAKE(reopened, workspace::Workspace::open(m_ws, as(QStringLiteral("res.zhang")), m_clock));
            TAKE(stillEnded, reopened->myGrants());
            QCOMPARE(stillEnded.size(), 0);
            QVERIFY(!reopened->openDelivery(grant).ok());
        }
        TAKE(auditor, workspace::Workspace::open(m_ws, as(QStringLiteral("aud.zhao")), m_clock));
        workspace::AuditQueries queries(*auditor);
        TAKE(rows, queries.byUserName(QStringLiteral("res.zhang"), before.addSecs(-60), before.addDays(400)));
        const bool reported = std::any_of(rows.cbegin(), rows.cend(), [](const workspace::AuditRow &row) {
            return row.event.type == QStringLiteral("security.alert") &&
                   row.event.detail.value(u"alert").toString() == QStringLiteral("clock-set-back");
        });
        QVERIFY(reported);
        QFile::remove(path);
    }
};

QTEST_GUILESS_MAIN(AccessGrantsTest)
#include "tst_AccessGrants.moc"
