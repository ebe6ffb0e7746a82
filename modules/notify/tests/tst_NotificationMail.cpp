// The workstation e-mails review notices by itself (R-6.2.3b): with a relay saved in the workspace,
// the notice of a new submission goes through that relay (a loopback SMTP sink with STARTTLS and a
// CA made at test time) as soon as the reviewer's window hears of the change: the window asks the
// workspace's background services, which send off the GUI thread and record the outcome; the bell
// reports the run. Real encrypted demo workspace; records are submitted through the FormStore.

#include "NotificationCenter.h"
#include "NotificationIndicator.h"
#include "PatientTestSupport.h"
#include "ShellTestSupport.h"
#include "TestCertificates.h"
#include "TestSmtpSink.h"
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/forms/FormStore.h"
#include "mdp/mail/MailSettings.h"
#include "mdp/shell/MainWindow.h"
#include "mdp/shell/ShellSettings.h"
#include "mdp/workspace/BackgroundServices.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workspace/WorkspaceConnection.h"
#include "mdp/workstation/Features.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <algorithm>

using namespace mdp;
using namespace mdp::shell;
using namespace mdp::registry::ui;
using namespace mdp::forms::ui;
using namespace mdp::notify::ui;
using namespace mdp::shell::testing;

namespace {
// The bell, its panel and its centre, as the notices feature placed them in the window's rail.
notify::ui::NotificationIndicator *notices(QWidget *window)
{
    return window->findChild<notify::ui::NotificationIndicator *>();
}
} // namespace

namespace {

const QByteArray kForm = R"json({
  "id": "notice-mail-baseline", "category": "notice-mail",
  "title": {"en": "Baseline (notice mail)", "zh": "基线(邮件通知)"},
  "sections": [{"id": "main", "fields": [
    {"id": "grade", "type": "choice", "label": {"en": "Grade", "zh": "分级"}, "required": true,
     "options": [{"code": "1", "label": {"en": "G1", "zh": "1级"}}, {"code": "2", "label": {"en": "G2", "zh": "2级"}}]},
    {"id": "note", "type": "text", "label": {"en": "Note", "zh": "备注"}, "maxLength": 200}
  ]}]
})json";

const QString kPatientName = QStringLiteral("林晓梅");
const QString kReviewerAddress = QStringLiteral("reviewer.notices@hospital.example");
const QString kRelayUser = QStringLiteral("mdp-notices");
const QByteArray kRelayPassword = QByteArrayLiteral("relay-secret");

template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

} // namespace

class tst_NotificationMail : public QObject
{
    Q_OBJECT

    QTemporaryDir m_root;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC)};
    std::unique_ptr<workspace::Workspace> m_workspace;
    QList<workspace::DemoAccount> m_accounts;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<ShellSettings> m_settings;
    QString m_clinician;
    QString m_reviewer;
    QString m_manager;
    registry::Patient m_patient;
    std::optional<TestCertificates> m_pki;
    workspace::BackgroundServices *m_services = nullptr; // owned by the workspace
    QString m_caFile;

    forms::FormStore &store() { return m_workspace->forms(); }

    const workspace::DemoAccount &account(const QString &role) const
    {
        for (const auto &a : m_accounts) {
            if (a.role == role)
                return a;
        }
        qFatal("no demo account for the role");
    }

    QString idOf(const QString &role)
    {
        auto a = m_workspace->accounts().find(account(role).userName);
        if (!a || !a.value())
            qFatal("demo account missing");
        return a.value()->idString();
    }

    // The reviewer's window as the workstation builds it: with the workspace's background services.
    std::unique_ptr<MainWindow> windowFor(const QString &role)
    {
        m_workspace->logout();
        m_clock.advance(30'000);
        auto session = workspace::loginDemoAccount(*m_workspace, account(role));
        if (!session.ok())
            return nullptr;
        auto window = std::make_unique<MainWindow>(*m_workspace, session.value(), *m_settings,
                                                   workstation::features(), nullptr, m_services);
        window->resize(1280, 800);
        window->show();
        return QTest::qWaitForWindowExposed(window.get()) ? std::move(window) : nullptr;
    }

    std::unique_ptr<TestSmtpSink> startSink(TestSmtpSink::Tls tls)
    {
        auto sink = std::make_unique<TestSmtpSink>(tls, m_pki->localhost.certificatePem,
                                                   m_pki->localhost.privateKeyPem);
        if (!sink->listen())
            return nullptr;
        sink->setCredentials(kRelayUser, kRelayPassword);
        return sink;
    }

    // The relay as an administrator would configure it, kept in the workspace database.
    Result<void> saveRelay(quint16 port)
    {
        mail::MailSettings relay;
        relay.host = QStringLiteral("127.0.0.1");
        relay.port = port;
        relay.security = mail::MailSecurity::StartTls;
        relay.username = kRelayUser;
        relay.password = SecureBytes(kRelayPassword);
        relay.fromAddress = QStringLiteral("mdp@hospital.example");
        relay.caCertificate = m_caFile;
        relay.connectTimeoutMs = 10'000;
        relay.replyTimeoutMs = 10'000;
        return relay.save(m_workspace->database());
    }

    // A record submitted by the clinician, assigned to the reviewer; its note names the patient,
    // as users do write.
    forms::FormRecord submitted()
    {
        forms::NewRecord n;
        n.formId = QStringLiteral("notice-mail-baseline");
        n.patientId = m_patient.id;
        n.patientPseudonym = m_patient.pseudonymId;
        n.values = QJsonObject{{QStringLiteral("grade"), QStringLiteral("2")},
                               {QStringLiteral("note"), kPatientName}};
        // Filed under the clinician on the demo passphrase's authority (machine unlock): the
        // reviewer's window stays open meanwhile.
        if (!m_workspace->beginCustodianSession())
            qFatal("the custodian's session was refused");
        auto draft = store().createDraft(m_clinician, n);
        if (!draft)
            qFatal("createDraft: %s", qPrintable(draft.error().toString()));
        auto pending = store().submit(m_clinician, draft->id, draft->revision);
        if (!pending)
            qFatal("submit: %s", qPrintable(pending.error().toString()));
        return pending.value();
    }

    // Whether a notice about `recordId` still waits for e-mail.
    bool emailPendingFor(const QUuid &recordId)
    {
        // The queue is the background's: read on a connection of its own, as it does.
        auto connection = m_workspace->openConnection();
        if (!connection)
            return false;
        auto pending = connection.value()->forms().pendingEmails();
        if (!pending)
            qFatal("pendingEmails: %s", qPrintable(pending.error().toString()));
        return std::any_of(pending->cbegin(), pending->cend(),
                           [&recordId](const auto &item) { return item.notification.recordId == recordId; });
    }

    static QList<TestSmtpSink::Message> messagesTo(const TestSmtpSink &sink, const QString &address)
    {
        QList<TestSmtpSink::Message> out;
        for (const TestSmtpSink::Message &m : sink.messages()) {
            if (m.recipients.contains(address))
                out << m;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        applyTheme();
        useLanguage(QStringLiteral("en"));
        QVERIFY(m_root.isValid());
        QString error;
        m_pki = TestCertificates::generate(&error);
        QVERIFY2(m_pki, qPrintable(error));
        // Only the CA certificate (public) goes to disk, where the relay settings point.
        m_caFile = m_root.filePath(QStringLiteral("relay-ca.pem"));
        QFile ca(m_caFile);
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(m_pki->caPem);
        ca.close();

        m_qsettings = std::make_unique<QSettings>(m_root.filePath(QStringLiteral("settings.ini")),
                                                  QSettings::IniFormat);
        m_settings = std::make_unique<ShellSettings>(m_qsettings.get());
        auto demo = workspace::createDemoWorkspace(m_root.filePath(QStringLiteral("workspace")), m_clock);
        QVERIFY2(demo.ok(), why(demo).constData());
        m_workspace = std::move(demo->workspace);
        m_accounts = demo->accounts;
        m_clinician = idOf(QStringLiteral("clinician"));
        m_reviewer = idOf(QStringLiteral("reviewer"));
        m_manager = idOf(QStringLiteral("data-manager"));
        QVERIFY(m_workspace->beginCustodianSession().ok()); // set up on the demo passphrase's authority

        auto definition = store().importDefinition(m_manager, kForm);
        QVERIFY2(definition, why(definition).constData());
        // The demo reviewer is the one reviewer of this category, with an e-mail address.
        auto profiles = store().reviewerProfiles();
        QVERIFY(profiles);
        for (forms::ReviewerProfile p : profiles.value()) {
            if (p.accountId != m_reviewer && p.categories.isEmpty()) {
                p.active = false;
                QVERIFY(store().setReviewerProfile(m_manager, p));
            }
        }
        const auto profile = store().setReviewerProfile(
            m_manager,
            forms::ReviewerProfile{m_reviewer, {QStringLiteral("notice-mail")}, {}, kReviewerAddress});
        QVERIFY2(profile, why(profile).constData());

        auto session = workspace::loginDemoAccount(*m_workspace, account(QStringLiteral("clinician")));
        QVERIFY(session.ok());
        const QDate birth(1975, 6, 18);
        m_patient = createPatient(*m_workspace, m_clinician, kPatientName, registry::Sex::Female, birth,
                                  residentId(QStringLiteral("350102"), birth, 42));
        m_workspace->logout();

        // Mail runs come from the services only when a change asks for one: the periodic run is
        // put beyond the tests.
        workspace::BackgroundServicesOptions options;
        options.pollInterval = std::chrono::milliseconds(100);
        options.mailInterval = std::chrono::hours(24);
        options.escalationInterval = std::chrono::hours(24);
        auto services = workspace::BackgroundServices::start(*m_workspace, options);
        QVERIFY2(services.ok(), why(services).constData());
        m_services = services.value();
    }

    void cleanupTestCase()
    {
        if (m_workspace)
            m_workspace->logout();
    }

    // R-6.2.3b: the reviewer is e-mailed by the workstation itself when a record is submitted: one
    // message through the configured relay, with the pseudonym and without the patient's name; the
    // delivered notice leaves the e-mail queue.
    void submissionIsMailedToTheReviewerThroughTheRelay()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls);
        QVERIFY(sink);
        const auto saved = saveRelay(sink->port());
        QVERIFY2(saved.ok(), why(saved).constData());

        auto window = windowFor(QStringLiteral("reviewer"));
        QVERIFY(window);
        NotificationCenter *center = notices(window.get())->center();
        QVERIFY(center);
        center->setPollInterval(200);
        QSignalSpy dispatched(center, &NotificationCenter::mailDispatched);

        const forms::FormRecord record = submitted();
        QCOMPARE(record.reviewerId, m_reviewer);
        QVERIFY(emailPendingFor(record.id));

        QTRY_COMPARE_WITH_TIMEOUT(messagesTo(*sink, kReviewerAddress).size(), 1, 30'000);
        const TestSmtpSink::Message message = messagesTo(*sink, kReviewerAddress).constFirst();
        QCOMPARE(message.recipients, QStringList{kReviewerAddress});
        QVERIFY(message.encrypted);
        QCOMPARE(message.authUser, kRelayUser);
        const QString text =
            TestSmtpSink::decodedSubject(message.data) + u'\n' + TestSmtpSink::decodedBody(message.data);
        QVERIFY2(text.contains(m_patient.pseudonymId), qPrintable(text));
        QVERIFY2(!text.contains(kPatientName), qPrintable(text));

        // The services record the outcome; the bell hears of the run.
        QTRY_VERIFY_WITH_TIMEOUT(!emailPendingFor(record.id), 30'000);
        QTRY_VERIFY_WITH_TIMEOUT(!dispatched.isEmpty(), 30'000);
        QCOMPARE(dispatched.constFirst().at(0).toInt(), 1);
        QVERIFY(dispatched.constFirst().at(2).toString().isEmpty());
        QCOMPARE(messagesTo(*sink, kReviewerAddress).size(), 1);
    }

    // R-6.2.3b: a relay that refuses (no STARTTLS, so it must not be used) leaves the notice pending
    // for a later run, and the window does not wait for the relay: its event loop keeps running
    // while the services talk to the relay.
    void refusingRelayLeavesTheNoticePendingAndTheWindowResponsive()
    {
        auto sink = startSink(TestSmtpSink::Tls::None);
        QVERIFY(sink);
        const auto saved = saveRelay(sink->port());
        QVERIFY2(saved.ok(), why(saved).constData());

        auto window = windowFor(QStringLiteral("reviewer"));
        QVERIFY(window);
        NotificationCenter *center = notices(window.get())->center();
        QVERIFY(center);
        QSignalSpy dispatched(center, &NotificationCenter::mailDispatched);

        int ticks = 0;
        QTimer heartbeat;
        heartbeat.setInterval(0);
        connect(&heartbeat, &QTimer::timeout, this, [&ticks] { ++ticks; });
        heartbeat.start();

        const int connectionsBefore = sink->connections();
        const forms::FormRecord record = submitted();
        QVERIFY(emailPendingFor(record.id));

        QTRY_VERIFY_WITH_TIMEOUT(!dispatched.isEmpty(), 30'000);
        heartbeat.stop();
        QVERIFY(ticks > 0);
        QVERIFY(sink->connections() > connectionsBefore);
        QVERIFY(sink->messages().isEmpty());
        const QList<QVariant> run = dispatched.constFirst();
        QCOMPARE(run.at(0).toInt(), 0);
        QVERIFY(run.at(1).toInt() >= 1);
        QVERIFY2(run.at(2).toString().contains(u"STARTTLS"), qPrintable(run.at(2).toString()));
        QVERIFY(emailPendingFor(record.id));
    }
};

QTEST_MAIN(tst_NotificationMail)
#include "tst_NotificationMail.moc"
