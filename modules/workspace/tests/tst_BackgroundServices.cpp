// The workspace's background services escalate overdue reviews and e-mail notices in a process
// without any window: a worker thread with its own database connection, driven by the workspace's
// clock. R-6.2.3b (notified by e-mail), R-6.2.3c (the flow advances by itself).

#include "TestCertificates.h"
#include "TestSmtpSink.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/forms/FormStore.h"
#include "mdp/mail/MailSettings.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/BackgroundServices.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>
#include <QPointer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <mutex>

using namespace mdp;

namespace {

const QString kPassword = QStringLiteral("Background-2026!x");
const QString kDataManagerMail = QStringLiteral("dm@hospital.example");
const QString kReviewerMail = QStringLiteral("rev@hospital.example");

const QByteArray kForm = R"json({
  "id": "bg-test", "title": {"en": "Background test"}, "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "sizeMm", "type": "integer", "label": {"en": "Size"}, "required": true, "minimum": 1, "maximum": 200}
  ]}]
})json";

// The workspace clock, moved by the test while the worker thread reads it (ManualClock is for one
// thread).
class SharedManualClock final : public Clock
{
public:
    explicit SharedManualClock(QDateTime start)
        : m_now(std::move(start))
    {}
    QDateTime now() const override
    {
        std::lock_guard lock(m_mutex);
        return m_now;
    }
    void advance(qint64 msecs)
    {
        std::lock_guard lock(m_mutex);
        m_now = m_now.addMSecs(msecs);
    }

private:
    mutable std::mutex m_mutex;
    QDateTime m_now;
};

bool mailedTo(const TestSmtpSink &sink, const QString &address)
{
    for (const auto &m : sink.messages()) {
        if (m.recipients.contains(address) && m.encrypted)
            return true;
    }
    return false;
}

} // namespace

class tst_BackgroundServices : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<TestCertificates> m_pki;
    QString m_caFile;

    struct Fixture
    {
        std::unique_ptr<SharedManualClock> clock;
        std::unique_ptr<workspace::Workspace> ws;
        qint64 taskId = 0;
    };

    // A workspace with a reviewer and a data manager who both have an e-mail address, and one
    // record waiting for review (due in the store's default three days).
    Fixture makeWorkspace(const QString &name, quint16 relayPort)
    {
        Fixture f;
        f.clock = std::make_unique<SharedManualClock>(QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC));
        workspace::CreateOptions o;
        o.directory = m_dir.filePath(name);
        o.passphrase = SecureBytes(QByteArrayView("background services passphrase"));
        auto created = workspace::Workspace::create(o, *f.clock);
        if (!created) {
            QTest::qFail(qPrintable(created.error().toString()), __FILE__, __LINE__);
            return f;
        }
        f.ws = std::move(created.value());
        auto &w = *f.ws;
        if (auto custodian = w.beginCustodianSession(); !custodian) {
            QTest::qFail(qPrintable(custodian.error().toString()), __FILE__, __LINE__);
            return f;
        }
        const QUuid custodian = w.custodianId();
        const QString admin = custodian.toString(QUuid::WithoutBraces);
        auto clin = w.accounts().createAccount(custodian, QStringLiteral("clin"), QStringLiteral("clin"),
                                               accounts::Role::Clinician, passwordBytes(kPassword.toUtf8()));
        auto rev = w.accounts().createAccount(custodian, QStringLiteral("rev"), QStringLiteral("rev"),
                                              accounts::Role::Reviewer, passwordBytes(kPassword.toUtf8()));
        auto dm = w.accounts().createAccount(custodian, QStringLiteral("dm"), QStringLiteral("dm"),
                                             accounts::Role::DataManager, passwordBytes(kPassword.toUtf8()));
        if (!clin || !rev || !dm || !w.forms().importDefinition(admin, kForm) ||
            !w.forms().setReviewerProfile(admin,
                                          forms::ReviewerProfile{rev->idString(), {}, {}, kReviewerMail}) ||
            !w.forms().setNotificationEmail(admin, dm->idString(), kDataManagerMail)) {
            QTest::qFail("the fixture could not be set up", __FILE__, __LINE__);
            return f;
        }
        // Records are filed only under a registered patient (the store checks the subject).
        registry::PatientDraft person;
        person.name = registry::PersonName::fromFullName(QStringLiteral("赵雪"));
        person.sex = registry::Sex::Female;
        person.birthDate = QDate(1970, 6, 1);
        auto patient = w.registry().createPatient(clin->idString(), person);
        if (!patient) {
            QTest::qFail(qPrintable(patient.error().toString()), __FILE__, __LINE__);
            return f;
        }
        forms::NewRecord n;
        n.formId = QStringLiteral("bg-test");
        n.patientId = patient->id;
        n.patientPseudonym = patient->pseudonymId;
        n.values = QJsonObject{{QStringLiteral("sizeMm"), 12}};
        auto draft = w.forms().createDraft(clin->idString(), n);
        auto submitted = draft ? w.forms().submit(clin->idString(), draft->id, draft->revision)
                               : Result<forms::FormRecord>(draft.error());
        auto tasks = w.forms().openTasks();
        if (!submitted || !tasks || tasks->size() != 1) {
            QTest::qFail("the record could not be submitted", __FILE__, __LINE__);
            return f;
        }
        f.taskId = tasks->constFirst().id;
        mail::MailSettings relay;
        relay.host = QStringLiteral("localhost");
        relay.port = relayPort;
        relay.security = mail::MailSecurity::StartTls;
        relay.fromAddress = QStringLiteral("mdp@hospital.example");
        relay.caCertificate = m_caFile;
        relay.connectTimeoutMs = 10000;
        relay.replyTimeoutMs = 10000;
        if (auto saved = relay.save(w.database()); !saved)
            QTest::qFail(qPrintable(saved.error().toString()), __FILE__, __LINE__);
        return f;
    }

    static bool escalated(workspace::Workspace &w, qint64 taskId)
    {
        auto tasks = w.forms().openTasks();
        if (!tasks)
            return false;
        for (const auto &t : tasks.value()) {
            if (t.id == taskId)
                return t.escalated;
        }
        return false;
    }

    static workspace::BackgroundServicesOptions fastPolling()
    {
        workspace::BackgroundServicesOptions options;
        options.pollInterval = std::chrono::milliseconds(5);
        return options;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_pki = TestCertificates::generate(&error);
        QVERIFY2(m_pki, qPrintable(error));
        m_caFile = m_dir.filePath(QStringLiteral("ca.pem"));
        QFile ca(m_caFile);
        QVERIFY(ca.open(QIODevice::WriteOnly));
        ca.write(m_pki->caPem);
    }

    void overdueReviewIsEscalatedAndMailedWithoutAnyWindow()
    {
        // Nothing here can show a window: the services must not need one.
        QVERIFY(!QCoreApplication::instance()->inherits("QApplication"));
        TestSmtpSink sink(TestSmtpSink::Tls::StartTls, m_pki->localhost.certificatePem,
                          m_pki->localhost.privateKeyPem);
        QVERIFY(sink.listen());
        Fixture f = makeWorkspace(QStringLiteral("escalate"), sink.port());
        QVERIFY(f.ws);

        auto started = workspace::BackgroundServices::start(*f.ws, fastPolling());
        QVERIFY2(started, qPrintable(started ? QString() : started.error().toString()));
        workspace::BackgroundServices *services = started.value();
        QSignalSpy escalations(services, &workspace::BackgroundServices::overdueEscalated);
        QSignalSpy mailRuns(services, &workspace::BackgroundServices::mailDispatched);
        QSignalSpy notices(services, &workspace::BackgroundServices::noticesChanged);

        // The first run mails the reviewer the assignment; the task is not due yet.
        QTRY_VERIFY_WITH_TIMEOUT(mailedTo(sink, kReviewerMail), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(mailRuns.size() >= 1, 20000);
        QCOMPARE(escalations.size(), 0);
        QVERIFY(!escalated(*f.ws, f.taskId));
        QVERIFY(!mailedTo(sink, kDataManagerMail));

        // Three days and a minute later by the workspace clock, with nobody pressing anything.
        f.clock->advance((3 * 24 * 3600 + 60) * qint64(1000));
        QVERIFY(escalations.wait(20000));
        QCOMPARE(escalations.constFirst().constFirst().toInt(), 1);
        QVERIFY(escalated(*f.ws, f.taskId));
        // The data manager hears of it by e-mail, over TLS, at the next mail run.
        f.clock->advance(3 * 60 * qint64(1000));
        QTRY_VERIFY_WITH_TIMEOUT(mailedTo(sink, kDataManagerMail), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(notices.size() >= 1, 20000);

        // Audited as the system, found by the task it concerns.
        auto events = workspace::AuditQueries(*f.ws).byDataId(QStringLiteral("review-task:") +
                                                              QString::number(f.taskId));
        QVERIFY(events);
        int escalationEvents = 0;
        for (const auto &r : events.value())
            escalationEvents += r.event.type == QStringLiteral("review.escalate") &&
                                r.event.agent.userId == QStringLiteral("system");
        QCOMPARE(escalationEvents, 1);
        QVERIFY(f.ws->verifyIntegrity().ok);
    }

    void servicesStopWhenTheWorkspaceCloses()
    {
        TestSmtpSink sink(TestSmtpSink::Tls::StartTls, m_pki->localhost.certificatePem,
                          m_pki->localhost.privateKeyPem);
        QVERIFY(sink.listen());
        Fixture f = makeWorkspace(QStringLiteral("close"), sink.port());
        QVERIFY(f.ws);
        auto started = workspace::BackgroundServices::start(*f.ws, fastPolling());
        QVERIFY(started);
        QPointer<workspace::BackgroundServices> services = started.value();
        QVERIFY(services->isRunning());
        QSignalSpy mailRuns(services.data(), &workspace::BackgroundServices::mailDispatched);
        QVERIFY(mailRuns.wait(20000));
        f.ws.reset();
        QVERIFY(services.isNull());
    }
};

QTEST_GUILESS_MAIN(tst_BackgroundServices)
#include "tst_BackgroundServices.moc"
