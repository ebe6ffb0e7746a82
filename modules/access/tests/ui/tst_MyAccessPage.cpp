// The "My access" page (issue 12; R-6.3.1a what the user may access, R-6.3.4 the remaining time): the
// signed-in account's grants with their request, project, ceiling, approvers, end and days left; a
// grant ending within a week stands out; no grant says what to do; in zh_CN and en. Screenshots for
// review in build/screenshots/access-*.png.
#include "AccessRequestsPanel.h"
#include "MyAccessPage.h"
#include "PermissionAuditPage.h"
#include "ShellTestSupport.h"
#include "mdp/access/AccessWorkflow.h"
#include "mdp/access/ApprovalRules.h"
#include "mdp/access/ui/AccessFeature.h"
#include "mdp/access/ui/AccessRequestDialog.h"
#include "mdp/workbench/Contributions.h"
#include "mdp/workbench/Language.h"
#include "mdp/workspace/SiteAccess.h"

#include <QCheckBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

using namespace mdp;

static void initAccessRules()
{
    Q_INIT_RESOURCE(mdp_access_rules);
}

namespace {

#define CHECK_OK(expr)                                                                                       \
    do {                                                                                                     \
        auto r_ = (expr);                                                                                    \
        QVERIFY2(r_.ok(), r_.ok() ? "" : qPrintable(r_.error().toString()));                                 \
    } while (0)

// The site server's side as the screens see it, with the shared rules (access::AccessWorkflow) in
// memory: who acts is `user`, set by the test as another person signs in.
class FakeDesk final : public workspace::AccessDesk
{
public:
    explicit FakeDesk(const Clock &clock)
        : m_rules(access::ApprovalRules::parse(access::ApprovalRules::defaultDocument()).value())
        , m_flow(m_rules, clock)
    {}
    access::Actor user;
    bool online = false;
    QList<access::AccessRequest> store;

    bool connected() const override { return online; }
    Result<void> connect(const SecureBytes &password, const QString &) override
    {
        if (QByteArray(password.view().data(), qsizetype(password.size())) != "Correct-Horse-2026")
            return makeError(Error::Code::Unauthenticated, QStringLiteral("wrong password"));
        online = true;
        return {};
    }
    Result<access::AccessRequest> submit(const QString &purpose, const access::Scope &scope, int days,
                                         const QString &agreement) override
    {
        auto r =
            m_flow.submit(user, QStringLiteral("AR-2026-%1").arg(store.size() + 1, 6, 10, QLatin1Char('0')),
                          purpose, scope, days, agreement);
        if (r)
            store << *r;
        return r;
    }
    Result<QList<access::AccessRequest>> requests(View view) override
    {
        QList<access::AccessRequest> out;
        for (const access::AccessRequest &r : std::as_const(store)) {
            if ((view == View::Mine && r.requester == user.userName) ||
                (view == View::Ethics && r.status == access::RequestStatus::EthicsReview &&
                 user.roles.contains(QStringLiteral("ethics-reviewer"))) ||
                (view == View::Approvals && r.status == access::RequestStatus::Approval &&
                 user.roles.contains(QStringLiteral("data-manager"))))
                out << r;
        }
        if (view == View::Ethics && !user.roles.contains(QStringLiteral("ethics-reviewer")))
            return makeError(Error::Code::PermissionDenied, QStringLiteral("the reviewers' inbox"));
        return out;
    }
    Result<access::AccessRequest> request(const QString &number) override
    {
        for (const access::AccessRequest &r : std::as_const(store))
            if (r.number == number)
                return r;
        return makeError(Error::Code::NotFound, number);
    }
    Result<access::AccessRequest> decide(const QString &number, access::Verdict verdict,
                                         const QString &reason, qint64 revision) override
    {
        for (access::AccessRequest &r : store) {
            if (r.number != number)
                continue;
            if (r.revision != revision)
                return makeError(Error::Code::Conflict, QStringLiteral("stale"));
            auto next = r.status == access::RequestStatus::EthicsReview
                            ? m_flow.ethicsReview(r, user, verdict, reason)
                            : m_flow.decide(r, user, verdict, reason);
            if (next)
                r = *next;
            return next;
        }
        return makeError(Error::Code::NotFound, number);
    }
    Result<access::AccessRequest> answer(const QString &, const QString &, const access::Scope &,
                                         qint64) override
    {
        return makeError(Error::Code::Unsupported, QString());
    }
    Result<access::AccessRequest> withdraw(const QString &number, qint64) override
    {
        for (access::AccessRequest &r : store) {
            if (r.number != number)
                continue;
            auto next = m_flow.withdraw(r, user);
            if (next)
                r = *next;
            return next;
        }
        return makeError(Error::Code::NotFound, number);
    }
    Result<void> revokeGrant(const QString &, const QString &) override { return {}; }
    Result<QStringList> withdrawConsent(const QString &, const QString &) override { return QStringList(); }
    QJsonObject audit;
    Result<QJsonObject> permissionAudit() override
    {
        ++auditReads;
        return audit;
    }
    int auditReads = 0;
    Result<int> refreshGrants() override { return 0; }
    Result<void> publishRecipientKey(const QString &, const QByteArray &) override { return {}; }
    Result<std::optional<SealedDelivery>> fetchDelivery(const QString &) override
    {
        return std::optional<SealedDelivery>();
    }
    Result<QList<PendingDelivery>> pendingDeliveries() override { return QList<PendingDelivery>(); }
    Result<void> putDelivery(const QString &, const SealedDelivery &) override { return {}; }

private:
    access::ApprovalRules m_rules;
    access::AccessWorkflow m_flow;
};

policy::Decision refusal()
{
    policy::Decision d;
    d.permitted = false;
    d.needed.action = policy::Action::Read;
    d.needed.level = 3;
    d.needed.category = policy::Category::HealthStatus;
    return d;
}

} // namespace

class tst_MyAccessPage : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC)};
    QList<workspace::Workspace::GrantInForce> m_grants;

    std::unique_ptr<access::ui::MyAccessPage> page()
    {
        auto made = std::make_unique<access::ui::MyAccessPage>(
            [this]() -> Result<QList<workspace::Workspace::GrantInForce>> { return m_grants; }, m_clock);
        made->resize(1100, 420);
        made->show();
        return made;
    }

private Q_SLOTS:
    void initTestCase()
    {
        workspace::Workspace::GrantInForce wide;
        wide.id = QStringLiteral("G-1");
        wide.request = QStringLiteral("AR-2026-000012");
        wide.project = QStringLiteral("BC-2026");
        wide.maxLevel = 3;
        wide.notBefore = m_clock.now().addDays(-10);
        wide.notAfter = m_clock.now().addDays(80);
        wide.approvers = {QStringLiteral("dm.liu")};
        workspace::Workspace::GrantInForce ending = wide;
        ending.id = QStringLiteral("G-2");
        ending.request = QStringLiteral("AR-2026-000007");
        ending.maxLevel = 5;
        ending.notAfter = m_clock.now().addDays(6).addSecs(3600);
        ending.approvers = {QStringLiteral("dr.wang"), QStringLiteral("dm.liu")};
        m_grants = {ending, wide};
    }

    void theGrantsInForceAreListedWithTheirTimeLeft()
    {
        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("en")));
        auto p = page();
        QTableWidget *table = p->table();
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("AR-2026-000007"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("5"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("dr.wang, dm.liu"));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("7 days")); // 6 days and an hour, rounded up
        QVERIFY(table->item(0, 5)->font().bold());                     // ends within a week
        QCOMPARE(table->item(1, 5)->text(), QStringLiteral("80 days"));
        QVERIFY(!table->item(1, 5)->font().bold());
        QVERIFY(!p->findChild<QLabel *>(QStringLiteral("noGrants"))->isVisible());
        shell::testing::saveScreenshot(p.get(), QStringLiteral("access-my-grants-en"));

        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("zh_CN")));
        auto zh = page();
        QCOMPARE(zh->table()->horizontalHeaderItem(0)->text(), QStringLiteral("申请编号"));
        QCOMPARE(zh->table()->item(0, 5)->text(), QStringLiteral("7 天"));
        shell::testing::saveScreenshot(zh.get(), QStringLiteral("access-my-grants-zh_CN"));
        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("en")));
    }

    // Preparing data for others is offered only with a way to do it (the feature gives one to data
    // managers and administrators; the workspace refuses anyone else whatever the screen shows).
    void preparingDataIsOfferedOnlyToThoseWhoMay()
    {
        FakeDesk desk(m_clock);
        access::ui::MyAccessPage p(
            [this]() -> Result<QList<workspace::Workspace::GrantInForce>> { return m_grants; }, m_clock,
            &desk);
        p.resize(1100, 420);
        p.show();
        auto *prepare = p.findChild<QPushButton *>(QStringLiteral("prepareDataButton"));
        QVERIFY(prepare);
        const auto sync = []() -> Result<int> { return 0; };
        const auto open = [](const QString &) -> Result<QJsonObject> { return QJsonObject(); };
        p.setDeliveries({sync, open, {}});
        QVERIFY(!prepare->isVisible());
        QVERIFY(p.findChild<QPushButton *>(QStringLiteral("openGrantDataButton"))->isVisible());
        p.setDeliveries({sync, open, [](const QString &) -> Result<int> { return 0; }});
        QVERIFY(prepare->isVisible());
    }

    void noGrantSaysWhatToDo()
    {
        const auto kept = m_grants;
        m_grants.clear();
        auto p = page();
        QVERIFY(!p->table()->isVisible());
        QLabel *empty = p->findChild<QLabel *>(QStringLiteral("noGrants"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("request")));
        m_grants = kept;
    }

    void aReadFailureIsSaid()
    {
        auto failing = std::make_unique<access::ui::MyAccessPage>(
            []() -> Result<QList<workspace::Workspace::GrantInForce>> {
                return makeError(Error::Code::PermissionDenied, QStringLiteral("nobody is signed in"));
            },
            m_clock);
        failing->show();
        QLabel *error = failing->findChild<QLabel *>(QStringLiteral("grantsError"));
        QVERIFY(error->isVisible());
        QVERIFY(error->text().contains(QStringLiteral("nobody is signed in")));
    }

    // the request form sends exactly the scope asked, after a sign-in at the server,
    // only with a detailed purpose and the data-sharing agreement accepted.
    void theRequestFormSendsAScopedRequest()
    {
        initAccessRules();
        FakeDesk desk(m_clock);
        desk.user = {QStringLiteral("res.zhang"), {QStringLiteral("researcher")}};
        access::ui::AccessRequestDialog dialog(desk, refusal());
        dialog.show();
        QVERIFY(dialog.passwordEdit()); // no session at the server yet
        dialog.projectEdit()->setText(QStringLiteral("NRT-IO-2026"));
        dialog.patientsEdit()->setText(QStringLiteral("P-7QK2M6XR4T3A， P-3HV5N5JW2C6D"));
        dialog.daysBox()->setValue(60);
        dialog.purposeEdit()->setPlainText(QStringLiteral("short"));
        dialog.submitButton()->click();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("at least 30")));
        dialog.purposeEdit()->setPlainText(QStringLiteral(
            "Pathological complete response after neoadjuvant radiotherapy with PD-1 blockade."));
        dialog.submitButton()->click();
        QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("agreement")));
        QVERIFY(desk.store.isEmpty());
        dialog.agreementBox()->setChecked(true);
        dialog.passwordEdit()->setText(QStringLiteral("wrong"));
        dialog.submitButton()->click();
        QVERIFY(dialog.messageLabel()->text().contains(QStringLiteral("refused the sign-in")));
        QVERIFY(dialog.passwordEdit()->text().isEmpty()); // not kept in the field
        dialog.passwordEdit()->setText(QStringLiteral("Correct-Horse-2026"));
        shell::testing::saveScreenshot(&dialog, QStringLiteral("access-request-form-en"));
        dialog.submitButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(desk.store.size(), 1);
        const access::AccessRequest sent = desk.store.first();
        QCOMPARE(dialog.number(), sent.number);
        QCOMPARE(sent.scope.project, QStringLiteral("NRT-IO-2026"));
        QCOMPARE(sent.scope.maxLevel, 3);
        QCOMPARE(sent.scope.patients, // kept sorted: the scope's digest does not depend on the order
                 (QStringList{QStringLiteral("P-3HV5N5JW2C6D"), QStringLiteral("P-7QK2M6XR4T3A")}));
        QCOMPARE(sent.scope.categories, QList<policy::Category>{policy::Category::HealthStatus});
        QCOMPARE(sent.durationDays, 60);
        QCOMPARE(sent.agreementVersion, workspace::AccessDesk::agreementVersion());
    }

    // the inbox is keyboard driven; the ethics reviewer passes with A, the data
    // manager approves with A; the requester follows the status under My requests.
    void theInboxDecidesByKeyboard()
    {
        initAccessRules();
        FakeDesk desk(m_clock);
        desk.online = true;
        desk.user = {QStringLiteral("res.zhang"), {QStringLiteral("researcher")}};
        access::Scope scope;
        scope.project = QStringLiteral("NRT-IO-2026");
        scope.maxLevel = 3;
        scope.patients = {QStringLiteral("P-7QK2M6XR4T3A")};
        QVERIFY(desk.submit(QStringLiteral("Pathological complete response after neoadjuvant radiotherapy."),
                            scope, 90, workspace::AccessDesk::agreementVersion()));
        const auto inboxOf = [&](const QString &language) {
            QVERIFY(workbench::Language::install(*QCoreApplication::instance(), language));
        };
        inboxOf(QStringLiteral("en"));
        auto made = std::make_unique<access::ui::MyAccessPage>(
            [this]() -> Result<QList<workspace::Workspace::GrantInForce>> { return m_grants; }, m_clock,
            &desk);
        made->resize(1100, 560);
        made->show();
        made->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(made.get())); // shortcuts reach an active window only
        QVERIFY(made->tabs());
        access::ui::AccessRequestsPanel *inbox = made->inboxPanel();
        inbox->setReasonPrompt(
            [](QWidget *, const QString &, const QString &, bool) { return QStringLiteral("ok"); });

        desk.user = {QStringLiteral("eth.chen"), {QStringLiteral("ethics-reviewer")}};
        made->tabs()->setCurrentIndex(2);
        QCOMPARE(inbox->table()->rowCount(), 1);
        inbox->table()->setFocus();
        QTest::keyClick(inbox->table(), Qt::Key_A);
        QCOMPARE(desk.store.first().status, access::RequestStatus::Approval);
        QCOMPARE(inbox->table()->rowCount(), 0); // nothing more for the reviewer

        desk.user = {QStringLiteral("dm.liu"), {QStringLiteral("data-manager")}};
        inbox->refresh();
        QCOMPARE(inbox->table()->rowCount(), 1);
        QVERIFY(inbox->details()->toPlainText().contains(QStringLiteral("P-7QK2M6XR4T3A")));
        shell::testing::saveScreenshot(made.get(), QStringLiteral("access-inbox-en"));
        // R rejects, but asks for a reason first: a cancelled prompt changes nothing.
        inbox->setReasonPrompt(
            [](QWidget *, const QString &, const QString &, bool) { return std::nullopt; });
        QTest::keyClick(inbox->table(), Qt::Key_R);
        QCOMPARE(desk.store.first().status, access::RequestStatus::Approval);
        inbox->setReasonPrompt(
            [](QWidget *, const QString &, const QString &, bool) { return QStringLiteral("ok"); });
        QTest::keyClick(inbox->table(), Qt::Key_A);
        QCOMPARE(desk.store.first().status, access::RequestStatus::Approved);

        desk.user = {QStringLiteral("res.zhang"), {QStringLiteral("researcher")}};
        inboxOf(QStringLiteral("zh_CN"));
        auto zh = std::make_unique<access::ui::MyAccessPage>(
            [this]() -> Result<QList<workspace::Workspace::GrantInForce>> { return m_grants; }, m_clock,
            &desk);
        zh->resize(1100, 560);
        zh->show();
        zh->tabs()->setCurrentIndex(1);
        QCOMPARE(zh->requestsPanel()->table()->rowCount(), 1);
        QCOMPARE(zh->requestsPanel()->table()->item(0, 3)->text(),
                 access::ui::requestStatusText(access::RequestStatus::Approved));
        shell::testing::saveScreenshot(zh.get(), QStringLiteral("access-my-requests-zh_CN"));
        inboxOf(QStringLiteral("en"));
    }

    // the permission audit lists every account's roles, grants (in force, ended, revoked) and
    // requests, and the grant history; the filter narrows both; CSV and PDF exports, each recorded.
    void thePermissionAuditListsAndExports()
    {
        initAccessRules();
        QVERIFY(workbench::Language::install(*QCoreApplication::instance(), QStringLiteral("en")));
        FakeDesk desk(m_clock);
        const auto grant = [&](const QString &id, const QString &who, int daysLeft, bool revoked) {
            QJsonObject g{
                {QStringLiteral("id"), id},
                {QStringLiteral("request"), QStringLiteral("AR-2026-00000") + id.right(1)},
                {QStringLiteral("subject"), who},
                {QStringLiteral("issued"), m_clock.now().addDays(-30).toString(Qt::ISODateWithMs)},
                {QStringLiteral("notAfter"), m_clock.now().addDays(daysLeft).toString(Qt::ISODateWithMs)},
                {QStringLiteral("scope"),
                 QJsonObject{{QStringLiteral("project"), QStringLiteral("NRT-IO-2026")},
                             {QStringLiteral("maxLevel"), 3}}},
                {QStringLiteral("approvers"), QJsonArray{QStringLiteral("dm.liu")}}};
            if (revoked) {
                g.insert(QStringLiteral("revokedAt"), m_clock.now().addDays(-1).toString(Qt::ISODateWithMs));
                g.insert(QStringLiteral("revokedBy"), QStringLiteral("admin.sun"));
                g.insert(QStringLiteral("revocationReason"), QStringLiteral("=cmd|' /C calc'!A0"));
            }
            return g;
        };
        desk.online = true;
        desk.audit = QJsonObject{
            {QStringLiteral("grants"),
             QJsonArray{grant(QStringLiteral("G-1"), QStringLiteral("res.zhang"), 40, false),
                        grant(QStringLiteral("G-2"), QStringLiteral("res.zhang"), -3, false),
                        grant(QStringLiteral("G-3"), QStringLiteral("res.qian"), 20, true)}},
            {QStringLiteral("requests"),
             QJsonObject{{QStringLiteral("res.zhang"), QJsonObject{{QStringLiteral("approved"), 2}}},
                         {QStringLiteral("res.qian"), QJsonObject{{QStringLiteral("approved"), 1},
                                                                  {QStringLiteral("ethics-review"), 1}}}}},
            {QStringLiteral("accounts"),
             QJsonArray{QJsonObject{{QStringLiteral("userName"), QStringLiteral("res.zhang")},
                                    {QStringLiteral("roles"), QJsonArray{QStringLiteral("researcher")}}},
                        QJsonObject{{QStringLiteral("userName"), QStringLiteral("res.qian")},
                                    {QStringLiteral("roles"), QJsonArray{QStringLiteral("researcher")}}},
                        QJsonObject{{QStringLiteral("userName"), QStringLiteral("aud.zhao")},
                                    {QStringLiteral("roles"), QJsonArray{QStringLiteral("auditor")}}}}}};
        QList<audit::AuditEvent> recorded;
        access::ui::PermissionAuditPage page(desk, m_clock, [&](audit::AuditEvent e) -> Result<void> {
            recorded << e;
            return {};
        });
        page.resize(1200, 600);
        page.show();
        QCOMPARE(desk.auditReads, 1);
        QCOMPARE(page.usersTable()->rowCount(), 3);
        QCOMPARE(page.grantsTable()->rowCount(), 3);
        // res.zhang: one in force, one ended; res.qian: one revoked, one request open.
        const auto userRow = [&](const QString &name) {
            for (int r = 0; r < page.usersTable()->rowCount(); ++r)
                if (page.usersTable()->item(r, 0)->text() == name)
                    return r;
            return -1;
        };
        const int zhang = userRow(QStringLiteral("res.zhang"));
        QCOMPARE(page.usersTable()->item(zhang, 3)->text(), QStringLiteral("1"));
        QCOMPARE(page.usersTable()->item(zhang, 4)->text(), QStringLiteral("1"));
        const int qian = userRow(QStringLiteral("res.qian"));
        QCOMPARE(page.usersTable()->item(qian, 5)->text(), QStringLiteral("1"));
        QCOMPARE(page.usersTable()->item(qian, 8)->text(), QStringLiteral("1"));
        shell::testing::saveScreenshot(&page, QStringLiteral("access-permission-audit-en"));
        page.filterEdit()->setText(QStringLiteral("qian"));
        QCOMPARE(page.usersTable()->rowCount(), 1);
        QCOMPARE(page.grantsTable()->rowCount(), 1);
        QVERIFY(page.grantsTable()->item(0, 7)->text().contains(QStringLiteral("revoked")));

        QTemporaryDir out;
        const QString csvPath = out.filePath(QStringLiteral("audit.csv"));
        CHECK_OK(page.exportCsv(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray raw = csv.readAll();
        QVERIFY(raw.startsWith("\xEF\xBB\xBF")); // UTF-8 marked, for spreadsheets
        const QString text = QString::fromUtf8(raw);
        QVERIFY(text.contains(QStringLiteral("res.qian")));
        QVERIFY(!text.contains(QStringLiteral("res.zhang"))); // the filter applies to the export
        QVERIFY(!text.contains(QStringLiteral(",=cmd")));     // no formula reaches a spreadsheet
        const QString pdfPath = out.filePath(QStringLiteral("audit.pdf"));
        CHECK_OK(page.exportPdf(pdfPath));
        QFile pdf(pdfPath);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(!QFile::exists(pdfPath + QStringLiteral(".partial")));
        QCOMPARE(recorded.size(), 2);
        QCOMPARE(recorded.first().type, QStringLiteral("access.audit-export"));
        QCOMPARE(recorded.last().detail.value(u"format").toString(), QStringLiteral("pdf"));
    }

    // Shown to whoever may use data; not to an auditor alone (who reads the trail, not data).
    void thePageIsOfferedToDataUsers()
    {
        workbench::Contributions c;
        access::ui::contributeAccess(c);
        QCOMPARE(c.pages().size(), 2);
        QVERIFY(c.pages().first().visibleTo({QStringLiteral("researcher")}));
        QVERIFY(c.pages().last().visibleTo({QStringLiteral("auditor")}));
        QVERIFY(c.pages().last().visibleTo({QStringLiteral("system-admin")}));
        QVERIFY(!c.pages().last().visibleTo({QStringLiteral("researcher")}));
        QVERIFY(!c.pages().last().visibleTo({QStringLiteral("data-manager")}));
        QVERIFY(c.pages().first().visibleTo({QStringLiteral("clinician")}));
        QVERIFY(!c.pages().first().visibleTo({QStringLiteral("auditor")}));
        QVERIFY(c.pages().first().visibleTo({QStringLiteral("ethics-reviewer")}));
        QVERIFY(c.pages().first().visibleTo({QStringLiteral("data-manager")}));
    }
};

QTEST_MAIN(tst_MyAccessPage)
#include "tst_MyAccessPage.moc"
