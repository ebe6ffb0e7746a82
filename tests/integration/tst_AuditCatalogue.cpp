// on the workstation: each kind of action the requirement names is taken on a demo workspace
// (sign-in and its failure, sign-out, a password change, a permission request, a refusal, viewing,
// querying, creating, modifying and deleting data, a configuration change, the program's start and
// stop), and its event is found in the workspace's verified audit log, read offline afterwards the
// way an auditor reads it (AuditReview). Every event type the log holds must be listed in the
// catalogue, docs/audit-events.md.
#include "../support/AccountSignIns.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/Role.h"
#include "mdp/accounts/Totp.h"
#include "mdp/audit/AlertRules.h"
#include "mdp/audit/AuditBundle.h"
#include "mdp/audit/AuditTrail.h"
#include "mdp/crypto/Signature.h"
#include "mdp/forms/FormStore.h"
#include "mdp/foundation/Clock.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/AuditExport.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/AuditReview.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/Workspace.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
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

const char *kNewPassword = "Catalogue-Horse-2027!";
const char *kAdminPassword = "Keeper-Catalogue-2026!";
const char *kClinicianPassword = "Ward-Catalogue-2026!x";
const char *kResearcherPassword = "Study-Catalogue-2026!x";
const char *kAuditorPassword = "Ledger-Catalogue-2026!";

} // namespace

class AuditCatalogueTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    testsupport::AccountSignIns m_signIns{m_clock};
    QString m_path;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("MDP_WORKSTATION_KEY", m_dir.filePath(QStringLiteral("workstation.key")).toUtf8());
        m_path = m_dir.filePath(QStringLiteral("ws"));
        workspace::CreateOptions o;
        o.directory = m_path;
        o.adminName = QStringLiteral("admin");
        o.adminPassword = testsupport::secret(kAdminPassword);
        TAKE(created, workspace::Workspace::create(o, m_clock));
        m_signIns.setEnrolmentCode(QStringLiteral("admin"), created->takeAdminEnrolmentCode());
        created.reset();
        TAKE(admin, m_signIns.open(m_path, QStringLiteral("admin"), kAdminPassword));
        const QUuid adminId = QUuid::fromString(admin->session()->accountId);
        auto &directory = admin->accounts();
        CHECK_OK(directory.createAccount(adminId, QStringLiteral("wang.li"), QStringLiteral("Wang Li"),
                                         accounts::Role::Clinician, passwordBytes(kClinicianPassword)));
        CHECK_OK(directory.createAccount(adminId, QStringLiteral("zhou.min"), QStringLiteral("Zhou Min"),
                                         accounts::Role::Researcher, passwordBytes(kResearcherPassword)));
        CHECK_OK(directory.createAccount(adminId, QStringLiteral("zhao.audit"), QStringLiteral("Zhao"),
                                         accounts::Role::Auditor, passwordBytes(kAuditorPassword)));
        for (const QString &user :
             {QStringLiteral("wang.li"), QStringLiteral("zhou.min"), QStringLiteral("zhao.audit")}) {
            TAKE(code, directory.issueEnrolmentCode(adminId, user));
            m_signIns.setEnrolmentCode(user, code);
        }
    }

    void everyKindOfActionIsRecorded()
    {
        {
            // Sign-in failure, then success (start), as the clinician.
            workspace::SignIn wrong;
            wrong.userName = QStringLiteral("wang.li");
            wrong.password = passwordBytes("not-the-password");
            QVERIFY(!workspace::Workspace::open(m_path, wrong, m_clock).ok());
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("wang.li"), kClinicianPassword));
            const QString clinicianId = ws->session()->accountId;
            // Create, query, view, modify, delete.
            registry::PatientDraft draft;
            draft.name = registry::PersonName::fromFullName(QStringLiteral("审计测"));
            draft.sex = registry::Sex::Female;
            draft.birthDate = QDate(1970, 3, 4);
            TAKE(created, ws->registry().createPatient(clinicianId, draft));
            TAKE(page, ws->registry().patients(clinicianId, registry::PageRequest{0, 50, false}));
            QVERIFY(!page.patients.isEmpty());
            TAKE(one, ws->registry().patient(clinicianId, created.id));
            draft.contact.phone = QStringLiteral("13800000000");
            TAKE(updated, ws->registry().updatePatient(clinicianId, created.id, draft, one.version,
                                                       QStringLiteral("telephone given at the visit")));
            Q_UNUSED(updated);
            registry::EventDraft visit;
            visit.type = registry::EventType::FirstVisit;
            visit.start = registry::EventTime::fromDate(QDate(2026, 11, 2));
            visit.title = QStringLiteral("初诊");
            TAKE(event, ws->registry().addEvent(clinicianId, created.id, visit));
            TAKE(removed, ws->registry().removeEvent(clinicianId, event.id, QStringLiteral("entered twice")));
            Q_UNUSED(removed);
            // A permission request for what a refusal named.
            policy::NeededScope scope;
            scope.project = QStringLiteral("NRT-IO-2026");
            scope.level = 5;
            CHECK_OK(
                ws->requestAccess(scope, QStringLiteral("Radiotherapy dose against response, full record.")));
            // A password change; sign-out and stop when the workspace closes.
            CHECK_OK(ws->accounts().changePassword(
                QStringLiteral("wang.li"), passwordBytes(kClinicianPassword), passwordBytes(kNewPassword)));
        }
        {
            // A refusal: a researcher may not register patients.
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("zhou.min"), kResearcherPassword));
            registry::PatientDraft draft;
            draft.name = registry::PersonName::fromFullName(QStringLiteral("拒绝测"));
            QVERIFY(!ws->registry().createPatient(ws->session()->accountId, draft).ok());
        }
        {
            // A configuration change.
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("admin"), kAdminPassword));
            CHECK_OK(ws->serverLink().setOfflineSignInHours(48));
        }
        // The auditor enrols first (an audit key slot of their own), then reads offline.
        {
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("zhao.audit"), kAuditorPassword));
        }
        workspace::SignIn auditor;
        auditor.userName = QStringLiteral("zhao.audit");
        auditor.password = passwordBytes(kAuditorPassword);
        auditor.totpCode = m_signIns.nextCode(QStringLiteral("zhao.audit"));

        // Read offline by the auditor, verified.
        TAKE(review, workspace::AuditReview::open(m_path, auditor, m_clock));
        QVERIFY2(review->integrity().problem.isEmpty(), qPrintable(review->integrity().problem));
        QSet<QString> types;
        QSet<QString> failed;
        QSet<QString> alerts;
        for (const workspace::AuditRow &row : review->events()) {
            types.insert(row.event.type);
            if (row.event.outcome != audit::AuditOutcome::Success)
                failed.insert(row.event.type);
            if (row.event.type == u"security.alert")
                alerts.insert(row.event.detail.value(u"alert").toString());
        }
        const QStringList all(types.cbegin(), types.cend());
        QVERIFY(all.size() >= 20); // keys, accounts, registry, access, system, audit
        for (const QString &expected :
             {QStringLiteral("system.start"), QStringLiteral("system.stop"), QStringLiteral("account.login"),
              QStringLiteral("account.logout"), QStringLiteral("account.password-change"),
              QStringLiteral("account.create"), QStringLiteral("patient.query"),
              QStringLiteral("patient.view"), QStringLiteral("patient.create"),
              QStringLiteral("patient.update"), QStringLiteral("timeline.event-add"),
              QStringLiteral("timeline.event-remove"), QStringLiteral("access.request"),
              QStringLiteral("access.decision"), QStringLiteral("server.offline-period"),
              QStringLiteral("security.alert")})
            QVERIFY2(types.contains(expected),
                     qPrintable(expected + QStringLiteral(" not in ") + all.join(u' ')));
        // The failed sign-in: recorded at the account's next open (the log is sealed while closed).
        QVERIFY2(failed.contains(QStringLiteral("key.root.unlock")) ||
                     failed.contains(QStringLiteral("account.login")) ||
                     alerts.contains(QStringLiteral("failed-sign-ins")),
                 qPrintable(QStringList(alerts.cbegin(), alerts.cend()).join(u' ')));
        QVERIFY(alerts.contains(QStringLiteral("access-denied")));

        // Every type written is in the catalogue.
        QFile file(QStringLiteral(MDP_SOURCE_DIR "/docs/audit-events.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString catalogue = QString::fromUtf8(file.readAll());
        for (const QString &type : all)
            QVERIFY2(catalogue.contains(QLatin1Char('`') + type + QLatin1Char('`')),
                     qPrintable(type + QStringLiteral(" is not in docs/audit-events.md")));
        for (const QString &alert : std::as_const(alerts))
            QVERIFY2(alert.isEmpty() || catalogue.contains(QLatin1Char('`') + alert + QLatin1Char('`')),
                     qPrintable(alert + QStringLiteral(" (security.alert) is not in docs/audit-events.md")));
    }

    // alert rules over the workspace's own events. A privilege change, and a burst of failed
    // sign-ins, each raise an alert on the workspace's thread within the minute the issue allows
    // (here: as soon as its event loop runs); the alerts are security.alert events naming their rule.
    void alertRulesFireWithinAMinute()
    {
        QElapsedTimer clock;
        qint64 privilegeMs = -1;
        qint64 burstMs = -1;
        {
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("admin"), kAdminPassword));
            const QUuid adminId = QUuid::fromString(ws->session()->accountId);
            const int before = ws->alertsRaised();
            CHECK_OK(ws->accounts().createAccount(adminId, QStringLiteral("qian.wu"),
                                                  QStringLiteral("Qian Wu"), accounts::Role::DataManager,
                                                  passwordBytes("Curator-Catalogue-2026!")));
            clock.start();
            QTRY_VERIFY_WITH_TIMEOUT(ws->alertsRaised() > before, 60000);
            privilegeMs = clock.elapsed();
            const int afterPrivilege = ws->alertsRaised();
            clock.restart();
            for (int i = 0; i < 5; ++i)
                QVERIFY(!ws->login(QStringLiteral("zhou.min"), passwordBytes("not-the-password"), QString())
                             .ok());
            QTRY_VERIFY_WITH_TIMEOUT(ws->alertsRaised() > afterPrivilege, 60000);
            burstMs = clock.elapsed();
            // The security roles are told in the app (the administrator is one of them).
            TAKE(notices, ws->forms().notifications(ws->session()->accountId));
            QVERIFY(std::any_of(notices.cbegin(), notices.cend(), [](const forms::Notification &n) {
                return n.kind == forms::Notification::Kind::SecurityAlert &&
                       n.formId == u"privilege-change" && !n.read;
            }));
        }
        {
            // So is the auditor, of both alerts.
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("zhao.audit"), kAuditorPassword));
            TAKE(notices, ws->forms().notifications(ws->session()->accountId));
            QStringList told;
            for (const forms::Notification &n : std::as_const(notices))
                if (n.kind == forms::Notification::Kind::SecurityAlert)
                    told << n.formId;
            QVERIFY2(told.contains(QStringLiteral("privilege-change")) &&
                         told.contains(QStringLiteral("failed-sign-in-burst")),
                     qPrintable(told.join(u' ')));
        }
        qInfo("alert delay: privilege-change %lld ms, failed-sign-in-burst %lld ms", privilegeMs, burstMs);
        workspace::SignIn auditor;
        auditor.userName = QStringLiteral("zhao.audit");
        auditor.password = passwordBytes(kAuditorPassword);
        auditor.totpCode = m_signIns.nextCode(QStringLiteral("zhao.audit"));
        TAKE(review, workspace::AuditReview::open(m_path, auditor, m_clock));
        QStringList rules;
        for (const workspace::AuditRow &row : review->events()) {
            if (row.event.type == u"security.alert" && row.event.detail.value(u"alert").toString() == u"rule")
                rules << row.event.detail.value(u"rule").toString();
        }
        QVERIFY2(rules.contains(QStringLiteral("privilege-change")), qPrintable(rules.join(u' ')));
        QVERIFY2(rules.contains(QStringLiteral("failed-sign-in-burst")), qPrintable(rules.join(u' ')));
    }

    // Issue 13, the auditor mode's inputs: only an auditor's enrolled key receives a bundle,
    // only the audit roles export one, the bundle opens offline with the workspace closed, and
    // answers by user, by datum and for a patient; the auditor's offline reads come back into the
    // trail once each, a doctored read log is refused.
    void anAuditorReadsAnExportedBundleOffline()
    {
        m_clock.advance(2 * 3600 * 1000); // past the lock-out the burst of failed sign-ins left
        const QString bundle = m_dir.filePath(QStringLiteral("trail.bundle"));
        TAKE(auditorKey, crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2));
        {
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("zhou.min"), kResearcherPassword));
            workspace::AuditExport exporter(*ws);
            auto refused = exporter.exportBundle(bundle, {}, {}, QStringLiteral("zhao.audit"));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, Error::Code::PermissionDenied);
            QVERIFY(!exporter.enrolKey(QStringLiteral("zhao.audit"), auditorKey.publicKey(), QByteArray()));
        }
        QVERIFY(!QFile::exists(bundle));
        {
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("zhao.audit"), kAuditorPassword));
            workspace::AuditExport exporter(*ws);
            // No key yet; a key only for an auditor.
            QCOMPARE(exporter.exportBundle(bundle, {}, {}, QStringLiteral("zhao.audit")).error().code,
                     Error::Code::NotFound);
            QCOMPARE(exporter.enrolKey(QStringLiteral("zhou.min"), auditorKey.publicKey(), QByteArray())
                         .error()
                         .code,
                     Error::Code::InvalidArgument);
            // Only with proof of holding the key: a public key alone (someone else's) is refused.
            TAKE(challenge,
                 exporter.enrolmentChallenge(QStringLiteral("zhao.audit"), auditorKey.publicKey()));
            TAKE(otherKey, crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2));
            TAKE(wrongProof, otherKey.sign(challenge));
            QCOMPARE(exporter.enrolKey(QStringLiteral("zhao.audit"), auditorKey.publicKey(), wrongProof)
                         .error()
                         .code,
                     Error::Code::PermissionDenied);
            TAKE(proof, auditorKey.sign(challenge));
            CHECK_OK(exporter.enrolKey(QStringLiteral("zhao.audit"), auditorKey.publicKey(), proof));
            TAKE(summary, exporter.exportBundle(bundle, {}, {}, QStringLiteral("zhao.audit")));
            QCOMPARE(summary.first, 0);
            QVERIFY(summary.end > 50);
        }
        // Offline: the workspace is closed; only the bundle and the auditor's key.
        TAKE(opened, audit::openAuditBundle(bundle, auditorKey));
        QVERIFY(opened.verified.size() >= 4);
        QCOMPARE(opened.first, 0);
        QCOMPARE(opened.exportedBy, QStringLiteral("zhao.audit"));
        audit::AuditTrail trail(opened.events, opened.accountNames);
        QString pseudonym;
        bool exportRecorded = false;
        for (const auto &e : trail.events()) {
            if (e.event.type == u"patient.create")
                for (const auto &entity : e.event.entities)
                    if (entity.type == u"patient")
                        pseudonym = entity.id;
            exportRecorded = exportRecorded || e.event.type == u"audit.export";
        }
        QVERIFY(exportRecorded); // the export is in the bundle it made
        QVERIFY(!pseudonym.isEmpty());
        QSet<QString> history;
        for (int i : trail.patientHistory(pseudonym))
            history.insert(trail.events().at(i).event.type);
        for (const QString &type : {QStringLiteral("patient.create"), QStringLiteral("patient.view"),
                                    QStringLiteral("patient.update")})
            QVERIFY2(history.contains(type),
                     qPrintable(type + QStringLiteral(" not in the patient's history")));
        QSet<QString> clinician;
        for (int i : trail.byUser(QStringLiteral("wang.li"), {}, {}))
            clinician.insert(trail.events().at(i).event.type);
        QVERIFY(clinician.contains(QStringLiteral("account.login")));
        QVERIFY(clinician.contains(QStringLiteral("patient.create")));
        QVERIFY(!clinician.contains(QStringLiteral("audit.export")));
        QVERIFY(trail.byUser(QStringLiteral("wang.li"), {}, opened.events.first().event.recorded).isEmpty());
        const auto figures = trail.perUser();
        QVERIFY(std::any_of(figures.cbegin(), figures.cend(),
                            [](const auto &f) { return f.userName == u"zhou.min" && f.failures > 0; }));

        // The auditor's reads, brought back with the next export.
        const QString reads = m_dir.filePath(QStringLiteral("reads.log"));
        CHECK_OK(audit::AuditReadLog::append(reads, auditorKey, opened.bundleId, QStringLiteral("patient"),
                                             {{QStringLiteral("pseudonym"), pseudonym}}, m_clock.now()));
        CHECK_OK(audit::AuditReadLog::append(reads, auditorKey, opened.bundleId, QStringLiteral("by-user"),
                                             {{QStringLiteral("user"), QStringLiteral("wang.li")}},
                                             m_clock.now()));
        QFile readFile(reads);
        QVERIFY(readFile.open(QIODevice::ReadOnly));
        const QByteArray readLog = readFile.readAll();
        {
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("zhao.audit"), kAuditorPassword));
            workspace::AuditExport exporter(*ws);
            // One character of the second read changed.
            QByteArray doctored = readLog;
            const qsizetype second = doctored.indexOf('\n') + 1;
            doctored[second + 4] = doctored.at(second + 4) == 'A' ? 'B' : 'A';
            auto refused = exporter.takeReads(doctored, QStringLiteral("zhao.audit"));
            QVERIFY(!refused);
            QCOMPARE(refused.error().code, Error::Code::Tampered);
            QVERIFY2(refused.error().message.contains(QStringLiteral("line 2")),
                     qPrintable(refused.error().message));
            TAKE(taken, exporter.takeReads(readLog, QStringLiteral("zhao.audit")));
            QCOMPARE(taken, 2);
            TAKE(again, exporter.takeReads(readLog, QStringLiteral("zhao.audit")));
            QCOMPARE(again, 0);
            CHECK_OK(exporter.exportBundle(bundle, {}, {}, QStringLiteral("zhao.audit")));
        }
        TAKE(next, audit::openAuditBundle(bundle, auditorKey));
        int offline = 0;
        for (const auto &e : next.events)
            offline += e.event.type == u"audit.read" && e.event.detail.value(u"offline").toBool();
        QCOMPARE(offline, 2);
        QFile file(QStringLiteral(MDP_SOURCE_DIR "/docs/audit-events.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString catalogue = QString::fromUtf8(file.readAll());
        for (const auto &e : next.events)
            QVERIFY2(catalogue.contains(QLatin1Char('`') + e.event.type + QLatin1Char('`')),
                     qPrintable(e.event.type + QStringLiteral(" is not in docs/audit-events.md")));
    }

    // the rules are data a system administrator puts in force (strictly checked, recorded as
    // a configuration change, kept for later opens); nobody else can.
    void anAdministratorPutsRulesInForce()
    {
        m_clock.advance(2 * 3600 * 1000);
        QByteArray site = audit::AlertRuleSet::defaultDocument();
        site.replace("\"privilege-change\"", "\"site-privilege-rule\"");
        {
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("zhao.audit"), kAuditorPassword));
            QCOMPARE(ws->setAlertRules(site).error().code, Error::Code::PermissionDenied);
        }
        {
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("admin"), kAdminPassword));
            QCOMPARE(*ws->alertRules(), audit::AlertRuleSet::defaultDocument());
            QCOMPARE(ws->setAlertRules(QByteArrayLiteral("{\"version\": 1, \"rules\": [{\"id\": 7}]}"))
                         .error()
                         .code,
                     Error::Code::InvalidArgument);
            QCOMPARE(*ws->alertRules(), audit::AlertRuleSet::defaultDocument());
            CHECK_OK(ws->setAlertRules(site));
            const int before = ws->alertsRaised();
            CHECK_OK(ws->accounts().createAccount(QUuid::fromString(ws->session()->accountId),
                                                  QStringLiteral("sun.li"), QStringLiteral("Sun Li"),
                                                  accounts::Role::Reviewer,
                                                  passwordBytes("Reviewer-Catalogue-2026!")));
            QTRY_VERIFY_WITH_TIMEOUT(ws->alertsRaised() > before, 60000);
        }
        {
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("admin"), kAdminPassword));
            QCOMPARE(*ws->alertRules(), site); // kept
            // Rules written past the service (no audited change vouches for them)...
            CHECK_OK(ws->database().execute(
                QStringLiteral("UPDATE mdp_meta SET value = ?1 WHERE key = 'alert_rules'"),
                {QByteArrayLiteral("{\"version\": 1, \"utcOffsetMinutes\": 480, \"rules\": []}")}));
        }
        {
            // ...are not put in force: the platform's are, and the security roles are told.
            TAKE(ws, m_signIns.open(m_path, QStringLiteral("admin"), kAdminPassword));
            QCOMPARE(*ws->alertRules(), audit::AlertRuleSet::defaultDocument());
        }
        workspace::SignIn auditor;
        auditor.userName = QStringLiteral("zhao.audit");
        auditor.password = passwordBytes(kAuditorPassword);
        auditor.totpCode = m_signIns.nextCode(QStringLiteral("zhao.audit"));
        TAKE(review, workspace::AuditReview::open(m_path, auditor, m_clock));
        bool changed = false;
        QStringList rules;
        for (const workspace::AuditRow &row : review->events()) {
            changed = changed || (row.event.type == u"system.config-change" &&
                                  row.event.detail.value(u"change").toString() == u"alert-rules");
            if (row.event.type == u"security.alert")
                rules << row.event.detail.value(u"rule").toString()
                      << row.event.detail.value(u"alert").toString();
        }
        QVERIFY(changed);
        QVERIFY2(rules.contains(QStringLiteral("alert-rules-replaced")), qPrintable(rules.join(u' ')));
        QVERIFY2(rules.contains(QStringLiteral("site-privilege-rule")), qPrintable(rules.join(u' ')));
    }
};

QTEST_GUILESS_MAIN(AuditCatalogueTest)
#include "tst_AuditCatalogue.moc"
