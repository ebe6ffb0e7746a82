// single sign-on across the site's workstations (issue 11 part 4): any account of the site signs
// in on any workstation linked to the site server with its central password, including one where it
// never signed in; the server decides (lock-out, second factor); a refusal there is final; when the
// server cannot be reached the local password is accepted only within the offline period.
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Totp.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/Random.h"
#include "mdp/foundation/Clock.h"
#include "mdp/net/GrantClient.h"
#include "mdp/pki/DemoPki.h"
#include "mdp/server/GrantServer.h"
#include "mdp/workspace/Permissions.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/Workspace.h"

#include <QDir>
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

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

SecureBytes pw(const QString &text)
{
    return passwordBytes(text.toUtf8());
}

} // namespace

class SiteSignInTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_demo;
    // The server's clock and the workstations' clock: TOTP steps and the offline period without sleeps.
    ManualClock m_serverClock{QDateTime::currentDateTimeUtc()};
    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<server::GrantServer> m_server;
    QHash<QString, server::DemoServerAccount> m_staff;
    QHash<QString, QByteArray> m_localTotp; // local authenticators of the workstations' admins, by path
    QString m_a, m_b;

    QString serverCode(const QString &user)
    {
        const QString secret = m_staff.value(user).totpSecretBase32;
        if (secret.isEmpty())
            return {};
        m_serverClock.advance(30 * 1000); // a fresh step: a code is good once
        return accounts::Totp(SecureBytes(accounts::base32Decode(secret).value_or(QByteArray())),
                              m_serverClock)
            .currentCode();
    }

    workspace::SignIn signInOf(const QString &user, const QString &password = {})
    {
        workspace::SignIn s;
        s.userName = user;
        s.password = pw(password.isEmpty() ? m_staff.value(user).password : password);
        s.totpCode = serverCode(user);
        return s;
    }

    workspace::ServerSettings settings(const QString &certificate)
    {
        workspace::ServerSettings s;
        s.port = m_server->port();
        s.caPem = readFile(m_demo + QStringLiteral("/ca.crt"));
        s.certificatePem = readFile(m_demo + QStringLiteral("/%1.crt").arg(certificate));
        s.privateKeyPem = readFile(m_demo + QStringLiteral("/%1.key").arg(certificate));
        return s;
    }

    // A workspace whose only account is its administrator (the site's admin.sun, same password),
    // enrolled locally and linked to the server with its own workstation certificate.
    void makeLinkedWorkspace(const QString &path, const QString &certificate)
    {
        const server::DemoServerAccount admin = m_staff.value(QStringLiteral("admin.sun"));
        QString enrolment;
        {
            workspace::CreateOptions o;
            o.directory = path;
            o.adminName = admin.userName;
            o.adminDisplayName = admin.displayName;
            o.adminPassword = pw(admin.password);
            TAKE(created, workspace::Workspace::create(o, m_clock));
            enrolment = created->takeAdminEnrolmentCode();
        }
        workspace::SignIn s;
        s.userName = admin.userName;
        s.password = pw(admin.password);
        s.totpCode = enrolment;
        s.allowEnrolment = true;
        TAKE(ws, workspace::Workspace::open(path, s, m_clock));
        QVERIFY(ws->pendingEnrolment().has_value());
        TAKE(enrolled, ws->accounts().enrollTotp(admin.userName, pw(admin.password), enrolment));
        const QByteArray key = accounts::base32Decode(enrolled.secretBase32).value_or(QByteArray());
        CHECK_OK(ws->accounts().confirmTotp(admin.userName,
                                            accounts::Totp(SecureBytes(key), m_clock).currentCode()));
        m_clock.advance(30 * 1000);
        CHECK_OK(ws->login(admin.userName, pw(admin.password),
                           accounts::Totp(SecureBytes(key), m_clock).currentCode()));
        CHECK_OK(ws->serverLink().configure(settings(certificate)));
        // Written beside the workspace for sign-in before unlock: no private key in the clear.
        QVERIFY(QFile::exists(QDir(path).filePath(QStringLiteral("server-link.json"))));
        QVERIFY(!readFile(QDir(path).filePath(QStringLiteral("server-link.json"))).contains("PRIVATE KEY"));
        QVERIFY(!readFile(QDir(path).filePath(QStringLiteral("server-link.key"))).contains("PRIVATE KEY"));
        ws->logout();
    }

    // What the account's own local slot reaches, read-only (nothing counted).
    QStringList localScopes(const QString &path, const QString &user)
    {
        crypto::SlotUnlock unlock;
        auto keys = crypto::KeyHierarchy::openWithSlot(QDir(path).filePath(QStringLiteral("keyring.json")),
                                                       user, pw(m_staff.value(user).password), unlock,
                                                       m_clock, nullptr, true);
        if (!keys)
            return {QStringLiteral("error: ") + keys.error().toString()};
        QStringList out;
        for (const QString &scope : crypto::keyScopes()) {
            if (keys.value()->holdsScope(scope))
                out << scope;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("MDP_WORKSTATION_KEY", m_dir.filePath(QStringLiteral("workstation.key")).toUtf8());
        m_demo = m_dir.filePath(QStringLiteral("grantd"));
        TAKE(config, server::prepareDemoServer(m_demo, 0));
        TAKE(started, server::GrantServer::start(config, m_serverClock));
        m_server = std::move(started);
        TAKE(staff, server::ensureDemoAccounts(*m_server, m_demo));
        for (const server::DemoServerAccount &person : staff)
            m_staff.insert(person.userName, person);
        QVERIFY(m_staff.contains(QStringLiteral("dr.wang")));
        CHECK_OK(pki::issueDemoWorkstation(m_demo, QStringLiteral("workstation-a")));
        CHECK_OK(pki::issueDemoWorkstation(m_demo, QStringLiteral("workstation-b")));
        m_a = m_dir.filePath(QStringLiteral("a"));
        m_b = m_dir.filePath(QStringLiteral("b"));
        makeLinkedWorkspace(m_a, QStringLiteral("workstation-a"));
        makeLinkedWorkspace(m_b, QStringLiteral("workstation-b"));
    }

    // The attack first: a wrong password for an account of the site opens nothing, on a workstation
    // where the account has no slot (the site keys are only the server's word) and where it has one.
    void wrongPasswordIsRefusedByTheServerAndNothingOpens()
    {
        auto refused = workspace::Workspace::open(
            m_b, signInOf(QStringLiteral("dr.wang"), QStringLiteral("Not-the-password-2026!")), m_clock);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::Unauthenticated);
        // Noted for the audit trail of the next open.
        QFile noted(QDir(m_b).filePath(QStringLiteral("server-sign-in-refusals.json")));
        QVERIFY(noted.open(QIODevice::ReadOnly));
        const QByteArray notes = noted.readAll();
        QVERIFY(notes.contains("unauthenticated"));
        // The name is not an account of this workstation (keyring.json does not show it): it stays
        // off the disk, as would a password typed into the name field.
        QVERIFY2(!notes.contains("dr.wang"), notes.constData());
        // The account never got here.
        QVERIFY(localScopes(m_b, QStringLiteral("dr.wang")).first().startsWith(u"error"));
    }

    // Before any account that already signs in here went through the server, the workstation has no
    // site slot: a new account cannot open it, and is told why.
    void aWorkstationWithoutSiteSlotsSaysSo()
    {
        auto refused = workspace::Workspace::open(m_b, signInOf(QStringLiteral("res.zhang")), m_clock);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::NotFound);
    }

    // The workstation's administrator signs in through the server: the session says so, and the
    // workstation's site slots are provided from the administrator's bundle.
    void anAccountThatSignsInHereProvidesTheSiteSlots()
    {
        for (const QString &path : {m_a, m_b}) {
            TAKE(ws, workspace::Workspace::open(path, signInOf(QStringLiteral("admin.sun")), m_clock));
            QVERIFY(ws->session().has_value());
            QCOMPARE(ws->session()->via, QStringLiteral("server"));
            TAKE(slots, ws->keySlots());
            QStringList site;
            for (const crypto::KeySlotInfo &slot : slots) {
                if (slot.kind == u"site")
                    site << slot.accountId;
            }
            site.sort();
            QCOMPARE(site, (QStringList{QStringLiteral("#site:audit"), QStringLiteral("#site:identity"),
                                        QStringLiteral("#site:root")}));
            // Linked without the site's sync key: the server sign-in's bundle brought it, and
            // a new configuration of the link (which cannot show it) keeps it.
            TAKE(adopted, ws->serverLink().shipAuditNow());
            QVERIFY(adopted.syncEnabled);
            CHECK_OK(ws->serverLink().configure(
                settings(path == m_a ? QStringLiteral("workstation-a") : QStringLiteral("workstation-b"))));
            TAKE(kept, ws->serverLink().shipAuditNow());
            QVERIFY(kept.syncEnabled);
        }
    }

    // the clinician signs in on B, where the account never existed: roles from the server,
    // the identity scope because the role allows it and the bundle carries it; then on A too.
    void aSiteAccountSignsInWhereItNeverExisted()
    {
        {
            TAKE(ws, workspace::Workspace::open(m_b, signInOf(QStringLiteral("dr.wang")), m_clock));
            QVERIFY(ws->session().has_value());
            QCOMPARE(ws->session()->userName, QStringLiteral("dr.wang"));
            QCOMPARE(ws->session()->roles, QStringList{QStringLiteral("clinician")});
            QCOMPARE(ws->session()->via, QStringLiteral("server"));
            QVERIFY(ws->allows(workspace::Permission::SeeIdentity));
        }
        QCOMPARE(localScopes(m_b, QStringLiteral("dr.wang")),
                 (QStringList{crypto::rootScope(), crypto::identityScope()}));
        // Again on B: now through its own local slot, still confirmed by the server.
        {
            TAKE(ws, workspace::Workspace::open(m_b, signInOf(QStringLiteral("dr.wang")), m_clock));
            QCOMPARE(ws->session()->via, QStringLiteral("server"));
        }
        {
            TAKE(ws, workspace::Workspace::open(m_a, signInOf(QStringLiteral("dr.wang")), m_clock));
            QCOMPARE(ws->session()->roles, QStringList{QStringLiteral("clinician")});
        }
        QCOMPARE(localScopes(m_a, QStringLiteral("dr.wang")),
                 (QStringList{crypto::rootScope(), crypto::identityScope()}));
        // A researcher's bundle carries the root only: no identity on the workstation either.
        {
            TAKE(ws, workspace::Workspace::open(m_b, signInOf(QStringLiteral("res.zhang")), m_clock));
            QCOMPARE(ws->session()->roles, QStringList{QStringLiteral("researcher")});
            QVERIFY(!ws->allows(workspace::Permission::SeeIdentity));
        }
        QCOMPARE(localScopes(m_b, QStringLiteral("res.zhang")), QStringList{crypto::rootScope()});
        // The earlier refusal is on the record now.
        QVERIFY(!QFile::exists(QDir(m_b).filePath(QStringLiteral("server-sign-in-refusals.json"))));
    }

    // A bundle without the identity key (an account the server says is a clinician, but whose bundle
    // lacks the key) does not reach identity: the workstation grants only what the keys open.
    void aBundleWithoutTheIdentityKeyDoesNotReachIdentity()
    {
        const QJsonObject saved =
            QJsonDocument::fromJson(readFile(m_demo + QStringLiteral("/demo-accounts.json"))).object();
        const QJsonObject scopeKeys = saved.value(u"scopeKeys").toObject();
        QVERIFY(!scopeKeys.value(u"root").toString().isEmpty());
        const QByteArray bundle =
            QJsonDocument(QJsonObject{{QStringLiteral("v"), 2},
                                      {QStringLiteral("site"), m_server->config().service.site},
                                      {QStringLiteral("siteKey"), saved.value(u"siteKey")},
                                      {QStringLiteral("scopes"),
                                       QJsonObject{{QStringLiteral("root"), scopeKeys.value(u"root")}}}})
                .toJson(QJsonDocument::Compact);
        const SecureBytes totp = accounts::Totp::generateSecret();
        server::DemoServerAccount partial;
        partial.userName = QStringLiteral("dr.partial");
        partial.password = QStringLiteral("Partial-clinician-2026!");
        partial.role = QStringLiteral("clinician");
        partial.totpSecretBase32 = accounts::Totp(totp, m_serverClock).secretBase32();
        CHECK_OK(m_server->service().bootstrapAccount(partial.userName, QStringLiteral("Dr. Partial"),
                                                      {partial.role}, pw(partial.password), bundle, totp));
        m_staff.insert(partial.userName, partial);
        {
            TAKE(ws, workspace::Workspace::open(m_b, signInOf(partial.userName), m_clock));
            QCOMPARE(ws->session()->roles, QStringList{QStringLiteral("clinician")});
        }
        QCOMPARE(localScopes(m_b, partial.userName), QStringList{crypto::rootScope()});
    }

    // An account writes its own key bundle (a password change sends it). One that puts another root
    // key in it and signs in where its local slot opens must not replace the workstation's site slot:
    // the next account of the site that never signed in there still opens it with the site's key.
    void anAccountsOwnBundleDoesNotReplaceTheSiteSlots()
    {
        const QJsonObject saved =
            QJsonDocument::fromJson(readFile(m_demo + QStringLiteral("/demo-accounts.json"))).object();
        const QJsonValue siteRoot = saved.value(u"scopeKeys").toObject().value(u"root");
        auto bundleWithRoot = [&](const QJsonValue &root) {
            return QJsonDocument(
                       QJsonObject{{QStringLiteral("v"), 2},
                                   {QStringLiteral("site"), m_server->config().service.site},
                                   {QStringLiteral("siteKey"), saved.value(u"siteKey")},
                                   {QStringLiteral("scopes"), QJsonObject{{QStringLiteral("root"), root}}}})
                .toJson(QJsonDocument::Compact);
        };
        auto add = [&](const QString &name) -> bool {
            server::DemoServerAccount a;
            a.userName = name;
            a.password = QStringLiteral("Quartz-%1-Meadow-2026!").arg(name.size() * 7);
            a.role = QStringLiteral("researcher");
            m_staff.insert(name, a);
            return m_server->service()
                .bootstrapAccount(name, name, {a.role}, pw(a.password), bundleWithRoot(siteRoot),
                                  SecureBytes())
                .ok();
        };
        QVERIFY(add(QStringLiteral("res.forger")));
        QVERIFY(add(QStringLiteral("res.later")));
        {
            TAKE(ws, workspace::Workspace::open(m_b, signInOf(QStringLiteral("res.forger")), m_clock));
        }
        // The forger's own bundle, under the same password, with a root key of its choosing.
        net::TlsClientOptions options;
        options.port = m_server->port();
        options.caPem = readFile(m_demo + QStringLiteral("/ca.crt"));
        options.certificatePem = readFile(m_demo + QStringLiteral("/workstation-b.crt"));
        options.privateKeyPem = readFile(m_demo + QStringLiteral("/workstation-b.key"));
        TAKE(client, net::GrantClient::create(options));
        const SecureBytes password = pw(m_staff.value(QStringLiteral("res.forger")).password);
        CHECK_OK(client->signIn(QStringLiteral("res.forger"), password));
        const QByteArray forged = bundleWithRoot(QString::fromLatin1(crypto::randomBytes(32).toBase64()));
        CHECK_OK(
            client->changePassword(QStringLiteral("res.forger"), password, password, SecureBytes(forged)));
        {
            TAKE(ws, workspace::Workspace::open(m_b, signInOf(QStringLiteral("res.forger")), m_clock));
        }
        TAKE(later, workspace::Workspace::open(m_b, signInOf(QStringLiteral("res.later")), m_clock));
        QCOMPARE(later->session()->via, QStringLiteral("server"));
    }

    // The link file is read before unlock: edited to point elsewhere (a server that would say yes to
    // anything), sign-in through it is refused once the database shows the configured link; deleted,
    // the server is not skipped: the sign-in counts as offline (and the file is written again).
    void aTamperedOrMissingLinkFileIsNotTrusted()
    {
        const QString file = QDir(m_b).filePath(QStringLiteral("server-link.json"));
        const QByteArray original = readFile(file);
        QJsonObject edited = QJsonDocument::fromJson(original).object();
        QVERIFY(edited.contains(QStringLiteral("port")));
        edited.insert(QStringLiteral("port"), int(m_server->port()) == 1 ? 2 : 1);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(QJsonDocument(edited).toJson());
        out.close();
        auto refused = workspace::Workspace::open(m_b, signInOf(QStringLiteral("res.zhang")), m_clock);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.contains(QStringLiteral("not the one an administrator configured")),
                 qPrintable(refused.error().toString()));
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(original);
        out.close();

        QVERIFY(QFile::remove(file));
        {
            TAKE(ws, workspace::Workspace::open(m_b, signInOf(QStringLiteral("res.zhang")), m_clock));
            QCOMPARE(ws->session()->via, QStringLiteral("offline"));
        }
        QVERIFY(QFile::exists(file));
        TAKE(again, workspace::Workspace::open(m_b, signInOf(QStringLiteral("res.zhang")), m_clock));
        QCOMPARE(again->session()->via, QStringLiteral("server"));
    }

    // Locked at the server: refused on B although the account's local slot opens with the password.
    void anAccountLockedAtTheServerCannotSignIn()
    {
        TAKE(record, m_server->store().findAccount(QStringLiteral("dr.wang")));
        QVERIFY(record.has_value());
        server::AccountRecord locked = *record;
        locked.lockedByAdministrator = true;
        CHECK_OK(m_server->store().updateAccount(locked));
        QVERIFY(!localScopes(m_b, QStringLiteral("dr.wang")).first().startsWith(u"error"));
        auto refused = workspace::Workspace::open(m_b, signInOf(QStringLiteral("dr.wang")), m_clock);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().code == Error::Code::Locked ||
                     refused.error().code == Error::Code::Unauthenticated,
                 qPrintable(refused.error().toString()));
        TAKE(again, m_server->store().findAccount(QStringLiteral("dr.wang")));
        server::AccountRecord unlocked = *again;
        unlocked.lockedByAdministrator = false;
        CHECK_OK(m_server->store().updateAccount(unlocked));
    }

    // Issue 12 (R-5.2j, R-6.3.4): a grant the site issued for a request made on workstation A reaches A
    // at the account's next server sign-in there, in force (verified against the server's signature, the
    // account and A's certificate); on workstation B it is not taken, being bound to A.
    void aGrantFromTheSiteArrivesAtTheNextServerSignIn()
    {
        const auto someone = [&](const QString &role) {
            for (const server::DemoServerAccount &a : std::as_const(m_staff))
                if (a.role == role)
                    return a.userName;
            return QString();
        };
        const QString researcher = QStringLiteral("res.zhang");
        const QString ethics = someone(QStringLiteral("ethics-reviewer"));
        const QString manager = someone(QStringLiteral("data-manager"));
        QVERIFY(!ethics.isEmpty() && !manager.isEmpty());
        const auto onA = [&](const QString &user) -> std::unique_ptr<net::GrantClient> {
            net::TlsClientOptions o;
            o.port = m_server->port();
            o.caPem = readFile(m_demo + QStringLiteral("/ca.crt"));
            o.certificatePem = readFile(m_demo + QStringLiteral("/workstation-a.crt"));
            o.privateKeyPem = readFile(m_demo + QStringLiteral("/workstation-a.key"));
            auto client = net::GrantClient::create(o);
            if (!client || !(*client)->signIn(user, pw(m_staff.value(user).password), serverCode(user)))
                return nullptr;
            return std::move(*client);
        };
        auto asResearcher = onA(researcher);
        auto asEthics = onA(ethics);
        auto asManager = onA(manager);
        QVERIFY(asResearcher && asEthics && asManager);
        const QJsonObject scope{{QStringLiteral("project"), QStringLiteral("BC-2026")},
                                {QStringLiteral("maxLevel"), 3},
                                {QStringLiteral("patients"), QJsonArray{QStringLiteral("P-AAAAAAAAAAAA")}}};
        TAKE(submitted, asResearcher->call(
                            "POST", QStringLiteral("/v1/access/requests"),
                            {{QStringLiteral("purpose"), QStringLiteral("Tumour regression against the dose "
                                                                        "to the primary, one index case.")},
                             {QStringLiteral("scope"), scope},
                             {QStringLiteral("agreement"), QStringLiteral("DSA-2026-1")}}));
        QCOMPARE(submitted.status, 201);
        const QString number = submitted.json().value(u"number").toString();
        const QString decisions = QStringLiteral("/v1/access/requests/%1/decisions").arg(number);
        TAKE(passed, asEthics->call("POST", decisions,
                                    {{QStringLiteral("verdict"), QStringLiteral("approve")},
                                     {QStringLiteral("revision"), 1}}));
        QCOMPARE(passed.status, 200);
        TAKE(approved, asManager->call("POST", decisions,
                                       {{QStringLiteral("verdict"), QStringLiteral("approve")},
                                        {QStringLiteral("revision"), 2}}));
        QCOMPARE(approved.status, 200);
        QCOMPARE(approved.json().value(u"status").toString(), QStringLiteral("approved"));

        // The workstations' clock is not behind the server's (the grant starts at its issue).
        if (m_clock.now() < m_serverClock.now().addSecs(1))
            m_clock.set(m_serverClock.now().addSecs(1));
        {
            TAKE(ws, workspace::Workspace::open(m_a, signInOf(researcher), m_clock));
            TAKE(grants, ws->myGrants());
            QCOMPARE(grants.size(), 1);
            QCOMPARE(grants.first().request, number);
            QCOMPARE(grants.first().project, QStringLiteral("BC-2026"));
            QCOMPARE(grants.first().maxLevel, 3);
            QCOMPARE(grants.first().approvers, QStringList{manager});
        }
        {
            TAKE(ws, workspace::Workspace::open(m_b, signInOf(researcher), m_clock));
            TAKE(grants, ws->myGrants());
            QCOMPARE(grants.size(), 0);
        }
    }

    // The server stopped: the local password signs in within the offline period of the account's
    // last sign-in here through the server, and is refused after it with a clear message.
    void offlineSignInIsBoundedByThePeriod()
    {
        // An account the server has locked loses its offline allowance: cutting the network after the
        // refusal does not let it in with its local password.
        workspace::SignIn ethics;
        ethics.userName = QStringLiteral("eth.chen");
        ethics.password = pw(m_staff.value(ethics.userName).password);
        {
            TAKE(ws, workspace::Workspace::open(m_b, ethics, m_clock));
            QCOMPARE(ws->session()->via, QStringLiteral("server"));
        }
        TAKE(record, m_server->store().findAccount(ethics.userName));
        server::AccountRecord locked = *record;
        locked.lockedByAdministrator = true;
        CHECK_OK(m_server->store().updateAccount(locked));
        QCOMPARE(workspace::Workspace::open(m_b, ethics, m_clock).error().code, Error::Code::Locked);

        m_server->stop(0);
        m_server.reset();
        workspace::SignIn s;
        s.userName = QStringLiteral("res.zhang");
        s.password = pw(m_staff.value(s.userName).password);
        {
            TAKE(ws, workspace::Workspace::open(m_b, s, m_clock));
            QCOMPARE(ws->session()->via, QStringLiteral("offline"));
            QCOMPARE(ws->serverLink().offlineSignInHours(), workspace::kDefaultOfflineSignInHours);
        }
        auto lockedOffline = workspace::Workspace::open(m_b, ethics, m_clock);
        QVERIFY(!lockedOffline.ok());
        QVERIFY2(lockedOffline.error().message.contains(QStringLiteral("offline period")),
                 qPrintable(lockedOffline.error().toString()));
        // A wrong password offline is still wrong.
        workspace::SignIn wrong = s;
        wrong.password = pw(QStringLiteral("Not-the-password-2026!"));
        QCOMPARE(workspace::Workspace::open(m_b, wrong, m_clock).error().code, Error::Code::Unauthenticated);
        m_clock.advance(73ll * 3600 * 1000);
        auto late = workspace::Workspace::open(m_b, s, m_clock);
        QVERIFY(!late.ok());
        QVERIFY2(late.error().message.contains(QStringLiteral("offline period of 72 hours has passed")),
                 qPrintable(late.error().toString()));
    }
};

QTEST_GUILESS_MAIN(SiteSignInTest)
#include "tst_SiteSignIn.moc"
