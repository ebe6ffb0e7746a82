#include "TestCertificates.h"
#include "TestSmtpSink.h"
#include "mdp/crypto/Random.h"
#include "mdp/forms/FormStore.h"
#include "mdp/forms/FormsAuditSink.h"
#include "mdp/forms/SqlCipherFormStore.h"
#include "mdp/mail/MailDispatcher.h"
#include "mdp/store/Database.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::mail;
using forms::FormStore;
using forms::Notification;

namespace {

const QString kUser = QStringLiteral("mdp-notices");
const QByteArray kPassword = QByteArrayLiteral("relay-secret");
const QString kPatientName = QStringLiteral("张三");
const QString kIdNumber = QStringLiteral("110101199003071234");
const QString kPseudonym = QStringLiteral("P-7Q2K-XW9D");

template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

Error unsupported()
{
    return makeError(Error::Code::Unsupported, QStringLiteral("not in the fake"));
}

// The notice queue of a FormStore, in memory. Everything else is refused, except record(), which
// hands out identified values so a dispatcher that looked them up would leak them into the mail.
class FakeFormStore final : public FormStore
{
public:
    struct Mark
    {
        qint64 id = 0;
        bool delivered = false;
        QString error;
    };

    QList<PendingEmail> queue;
    QList<Mark> marks;

    void add(qint64 id, Notification::Kind kind, const QString &address, const QString &reason = {})
    {
        Notification notice;
        notice.id = id;
        notice.recipientId = QStringLiteral("account-%1").arg(id);
        notice.kind = kind;
        notice.recordId = QUuid::createUuid();
        notice.patientPseudonym = kPseudonym;
        notice.formId = QStringLiteral("breast-followup");
        notice.actorId = QStringLiteral("reviewer-li");
        notice.reason = reason;
        notice.at = QDateTime(QDate(2026, 3, 14), QTime(8, 30), Qt::UTC);
        notice.emailPending = true;
        queue.append({notice, address});
    }

    Result<QList<PendingEmail>> pendingEmails() override { return queue; }
    Result<void> markEmailed(qint64 notificationId, bool delivered, const QString &error) override
    {
        marks.append({notificationId, delivered, error});
        if (delivered) {
            queue.removeIf([&](const PendingEmail &item) { return item.notification.id == notificationId; });
        }
        return {};
    }

    Result<forms::FormRecord> record(const QString &, const QUuid &recordId) override
    {
        forms::FormRecord record;
        record.id = recordId;
        record.patientPseudonym = kPseudonym;
        record.values.insert(QStringLiteral("patient_name"), kPatientName);
        record.values.insert(QStringLiteral("id_number"), kIdNumber);
        return record;
    }

    Result<forms::FormDefinition> importDefinition(const QString &, const QByteArray &) override
    {
        return unsupported();
    }
    Result<QList<forms::FormDefinition>> definitions() override { return unsupported(); }
    Result<forms::FormDefinition> definition(const QString &, int) override { return unsupported(); }
    Result<forms::FormRecord> createDraft(const QString &, const forms::NewRecord &) override
    {
        return unsupported();
    }
    Result<forms::FormRecord> saveDraft(const QString &, const QUuid &, const QJsonObject &, int) override
    {
        return unsupported();
    }
    Result<forms::FormRecord> submit(const QString &, const QUuid &, int) override { return unsupported(); }
    Result<forms::FormRecord> approve(const QString &, const QUuid &, int, const QString &) override
    {
        return unsupported();
    }
    Result<forms::FormRecord> reject(const QString &, const QUuid &, int, const QString &) override
    {
        return unsupported();
    }
    Result<forms::FormRecord> amend(const QString &, const QUuid &, int, const QString &) override
    {
        return unsupported();
    }
    Result<forms::FormRecord> withdraw(const QString &, const QUuid &, int) override { return unsupported(); }
    Result<QList<forms::FormRecord>> records(const QString &, const forms::RecordFilter &) override
    {
        return unsupported();
    }
    Result<QList<forms::RecordVersion>> history(const QString &, const QUuid &) override
    {
        return unsupported();
    }
    Result<void> setReviewerProfile(const QString &, const forms::ReviewerProfile &) override
    {
        return unsupported();
    }
    Result<QList<forms::ReviewerProfile>> reviewerProfiles() override { return unsupported(); }
    Result<QList<forms::ReviewTask>> inbox(const QString &) override { return unsupported(); }
    Result<QList<forms::ReviewTask>> openTasks() override { return unsupported(); }
    Result<forms::ReviewTask> reassign(const QString &, qint64, const QString &, const QString &) override
    {
        return unsupported();
    }
    Result<QList<forms::ReviewTask>> escalateOverdue() override { return unsupported(); }
    Result<int> noteGrantReminders(const QList<GrantReminder> &) override { return unsupported(); }
    Result<int> noteSecurityAlerts(const QList<SecurityAlertNotice> &) override { return unsupported(); }
    void setReviewPeriodSeconds(qint64) override {}
    Result<QList<Notification>> notifications(const QString &, bool) override { return unsupported(); }
    Result<int> unreadCount(const QString &) override { return unsupported(); }
    Result<void> markRead(const QString &, qint64) override { return unsupported(); }
    Result<void> markAllRead(const QString &) override { return unsupported(); }
    Result<void> setNotificationEmail(const QString &, const QString &, const QString &) override
    {
        return unsupported();
    }
    void setChangeListener(std::function<void(const QUuid &)>) override {}
};

const QByteArray kForm = R"json({
  "id": "baseline-mail", "title": {"en": "Baseline (mail test)"}, "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "grade", "type": "choice", "label": {"en": "Grade"}, "required": true,
     "options": [{"code": "1", "label": {"en": "G1"}}, {"code": "2", "label": {"en": "G2"}}]},
    {"id": "note", "type": "text", "label": {"en": "Note"}, "maxLength": 200}
  ]}]
})json";

class NullAuditSink final : public forms::FormsAuditSink
{
public:
    void record(const forms::FormsAuditRecord &) override {}
};

// The real store on an encrypted database, with fixed accounts: "clin" enters, "rev" reviews,
// "dm" manages.
struct RealStore
{
    NullAuditSink audit;
    ManualClock clock{QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC)};
    std::unique_ptr<store::Database> db;
    std::unique_ptr<forms::SqlCipherFormStore> forms;

    Result<void> open(const QString &path)
    {
        store::Database::Options options;
        options.path = path;
        options.key = crypto::randomKey(32);
        options.create = true;
        auto opened = store::Database::open(std::move(options));
        if (!opened)
            return opened.error();
        db = std::move(*opened);
        const auto roles = [](const QString &account) -> QStringList {
            if (account == u"clin")
                return {QStringLiteral("clinician")};
            if (account == u"rev")
                return {QStringLiteral("reviewer")};
            if (account == u"dm")
                return {QStringLiteral("data-manager")};
            return {};
        };
        auto store = forms::SqlCipherFormStore::open(*db, audit, clock, roles,
                                                     [] { return QStringList{QStringLiteral("dm")}; });
        if (!store)
            return store.error();
        forms = std::move(*store);
        if (auto imported = forms->importDefinition(QStringLiteral("dm"), kForm); !imported)
            return imported.error();
        if (auto profile = forms->setReviewerProfile(
                QStringLiteral("dm"), forms::ReviewerProfile{QStringLiteral("rev"),
                                                             {QStringLiteral("baseline")},
                                                             {},
                                                             QStringLiteral("rev@hospital.example")});
            !profile)
            return profile;
        return forms->setNotificationEmail(QStringLiteral("clin"), QStringLiteral("clin"),
                                           QStringLiteral("clin@hospital.example"));
    }

    // A submitted record whose note holds identified text, as users do write.
    Result<forms::FormRecord> submitted()
    {
        forms::NewRecord record;
        record.formId = QStringLiteral("baseline-mail");
        record.patientId = QUuid::createUuid();
        record.patientPseudonym = kPseudonym;
        record.values = QJsonObject{{QStringLiteral("grade"), QStringLiteral("2")},
                                    {QStringLiteral("note"), kPatientName + u' ' + kIdNumber}};
        auto draft = forms->createDraft(QStringLiteral("clin"), record);
        if (!draft)
            return draft.error();
        return forms->submit(QStringLiteral("clin"), draft->id, draft->revision);
    }
};

} // namespace

class tst_MailDispatcher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<TestCertificates> m_pki;
    QString m_caFile;

    std::unique_ptr<TestSmtpSink> startSink(TestSmtpSink::Tls tls = TestSmtpSink::Tls::StartTls)
    {
        auto sink = std::make_unique<TestSmtpSink>(tls, m_pki->localhost.certificatePem,
                                                   m_pki->localhost.privateKeyPem);
        if (!sink->listen())
            return nullptr;
        sink->setCredentials(kUser, kPassword);
        return sink;
    }

    MailSettings settingsFor(quint16 port) const
    {
        MailSettings settings;
        settings.host = QStringLiteral("localhost");
        settings.port = port;
        settings.security = MailSecurity::StartTls;
        settings.username = kUser;
        settings.password = SecureBytes(kPassword);
        settings.fromAddress = QStringLiteral("mdp@hospital.example");
        settings.caCertificate = m_caFile;
        settings.connectTimeoutMs = 10000;
        settings.replyTimeoutMs = 10000;
        return settings;
    }

    static QString wholeText(const TestSmtpSink::Message &message)
    {
        return TestSmtpSink::decodedSubject(message.data) + u'\n' + TestSmtpSink::decodedBody(message.data);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_pki = TestCertificates::generate(&error);
        QVERIFY2(m_pki, qPrintable(error));
        m_caFile = m_dir.filePath(QStringLiteral("relay-ca.pem"));
        QFile file(m_caFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_pki->caPem);
    }

    // R-6.2.3b (reviewer told of a task by e-mail), R-6.2.4e (submitter told of the decision).
    void pendingNoticesAreSentAndMarkedDelivered()
    {
        auto sink = startSink();
        QVERIFY(sink);
        FakeFormStore store;
        store.add(1, Notification::Kind::ReviewAssigned, QStringLiteral("reviewer.li@hospital.example"));
        store.add(2, Notification::Kind::RecordApproved, QStringLiteral("dr.chen@hospital.example"));
        store.add(3, Notification::Kind::RecordRejected, QStringLiteral("dr.chen@hospital.example"),
                  QStringLiteral("随访日期早于手术日期"));

        MailDispatcher dispatcher(store, settingsFor(sink->port()));
        const auto sent = dispatcher.dispatchPending();
        QVERIFY2(sent.ok(), why(sent).constData());
        QCOMPARE(*sent, 3);
        QVERIFY(store.queue.isEmpty());
        QCOMPARE(store.marks.size(), 3);
        for (const auto &mark : std::as_const(store.marks)) {
            QVERIFY(mark.delivered);
            QVERIFY(mark.error.isEmpty());
        }
        QCOMPARE(sink->messages().size(), 3);
        QCOMPARE(sink->connections(), 1); // one session for the whole run
        QCOMPARE(sink->messages().at(0).recipients,
                 QStringList{QStringLiteral("reviewer.li@hospital.example")});
        QCOMPARE(sink->messages().at(2).recipients, QStringList{QStringLiteral("dr.chen@hospital.example")});
        QVERIFY(sink->messages().at(0).encrypted);

        // Nothing left: a second run sends nothing.
        QCOMPARE(*dispatcher.dispatchPending(), 0);
        QCOMPARE(sink->messages().size(), 3);
    }

    // R-6.2.3b, R-6.2.4e: the pseudonym and form identify the notice; nothing identified leaves the
    // workstation, not even the reviewer's free-text reason (it may name the patient).
    void messageCarriesThePseudonymAndNoIdentifiedData()
    {
        auto sink = startSink();
        QVERIFY(sink);
        FakeFormStore store;
        store.add(7, Notification::Kind::RecordRejected, QStringLiteral("dr.chen@hospital.example"),
                  QStringLiteral("病理分期缺失"));
        MailDispatcher dispatcher(store, settingsFor(sink->port()));
        QCOMPARE(*dispatcher.dispatchPending(), 1);
        QCOMPARE(sink->messages().size(), 1);
        const TestSmtpSink::Message &message = sink->messages().constFirst();
        const QString text = wholeText(message);
        QVERIFY2(text.contains(kPseudonym), qPrintable(text));
        QVERIFY(text.contains(u"breast-followup"));
        QVERIFY(!text.contains(u"病理分期缺失"));
        QVERIFY(text.contains(u"退回原因"));   // points to MDP for the reason
        QVERIFY(text.contains(u"请打开 MDP")); // Chinese by default
        QVERIFY(!text.contains(kPatientName));
        QVERIFY(!text.contains(kIdNumber));
        QVERIFY(!message.data.contains(kIdNumber.toLatin1()));
    }

    void englishNoticesAreAvailable()
    {
        auto sink = startSink();
        QVERIFY(sink);
        FakeFormStore store;
        store.add(8, Notification::Kind::ReviewAssigned, QStringLiteral("reviewer.li@hospital.example"));
        MailDispatcher dispatcher(store, settingsFor(sink->port()), MailLanguage::English);
        QCOMPARE(*dispatcher.dispatchPending(), 1);
        const QString text = wholeText(sink->messages().constFirst());
        QVERIFY2(text.contains(u"Open MDP to review"), qPrintable(text));
        QVERIFY(text.contains(kPseudonym));
        QVERIFY(!text.contains(u"审核"));
    }

    // Issue 13 (R-7.4.2): a fired alert rule reaches the security roles by e-mail: the rule, how many
    // events, when; nothing about patients or users.
    void securityAlertNamesTheRuleAndNothingElse()
    {
        auto sink = startSink();
        QVERIFY(sink);
        FakeFormStore store;
        store.add(9, Notification::Kind::SecurityAlert, QStringLiteral("audit.zhao@hospital.example"),
                  QStringLiteral("5"));
        store.queue.last().notification.formId = QStringLiteral("failed-sign-in-burst");
        store.queue.last().notification.patientPseudonym.clear();
        MailDispatcher dispatcher(store, settingsFor(sink->port()));
        QCOMPARE(*dispatcher.dispatchPending(), 1);
        const TestSmtpSink::Message &message = sink->messages().constFirst();
        const QString text = wholeText(message);
        QVERIFY2(text.contains(u"安全告警"), qPrintable(text));
        QVERIFY(text.contains(u"failed-sign-in-burst"));
        QVERIFY(text.contains(u"涉及事件数：5"));
        QVERIFY(text.contains(u"审计日志"));
        QVERIFY(!text.contains(kPseudonym));
        QVERIFY(!text.contains(u"reviewer-li"));
    }

    // A relay that cannot be used leaves every notice pending with the reason, after one attempt.
    void failingRelayLeavesNoticesPendingWithTheError()
    {
        auto sink = startSink(TestSmtpSink::Tls::None); // no STARTTLS: must not be used
        QVERIFY(sink);
        FakeFormStore store;
        store.add(1, Notification::Kind::ReviewAssigned, QStringLiteral("reviewer.li@hospital.example"));
        store.add(2, Notification::Kind::ReviewOverdue, QStringLiteral("reviewer.li@hospital.example"));
        MailDispatcher dispatcher(store, settingsFor(sink->port()));
        const auto sent = dispatcher.dispatchPending();
        QVERIFY2(sent.ok(), why(sent).constData());
        QCOMPARE(*sent, 0);
        QCOMPARE(store.queue.size(), 2);
        QCOMPARE(store.marks.size(), 2);
        for (const auto &mark : std::as_const(store.marks)) {
            QVERIFY(!mark.delivered);
            QVERIFY2(mark.error.contains(u"STARTTLS"), qPrintable(mark.error));
        }
        QCOMPARE(sink->connections(), 1);
        QVERIFY(sink->messages().isEmpty());
        QVERIFY(dispatcher.lastError().contains(u"STARTTLS"));
    }

    void unreachableRelayIsRecordedOnEveryNotice()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        FakeFormStore store;
        store.add(1, Notification::Kind::ReviewAssigned, QStringLiteral("reviewer.li@hospital.example"));
        store.add(2, Notification::Kind::RecordApproved, QStringLiteral("dr.chen@hospital.example"));
        MailSettings settings = settingsFor(closedPort);
        settings.host = QStringLiteral("127.0.0.1");
        MailDispatcher dispatcher(store, settings);
        QCOMPARE(*dispatcher.dispatchPending(), 0);
        QCOMPARE(store.queue.size(), 2);
        QCOMPARE(store.marks.size(), 2);
        QVERIFY2(store.marks.at(1).error.contains(u"refused"), qPrintable(store.marks.at(1).error));
    }

    // One refused recipient does not stop the notices after it.
    void refusedRecipientDoesNotStopTheOthers()
    {
        auto sink = startSink();
        QVERIFY(sink);
        sink->rejectRecipient(QStringLiteral("left.hospital@hospital.example"));
        FakeFormStore store;
        store.add(1, Notification::Kind::ReviewAssigned, QStringLiteral("reviewer.li@hospital.example"));
        store.add(2, Notification::Kind::ReviewAssigned, QStringLiteral("left.hospital@hospital.example"));
        store.add(3, Notification::Kind::RecordApproved, QStringLiteral("dr.chen@hospital.example"));
        store.add(4, Notification::Kind::RecordApproved, QString()); // no address known
        MailDispatcher dispatcher(store, settingsFor(sink->port()));
        QCOMPARE(*dispatcher.dispatchPending(), 2);
        QCOMPARE(sink->messages().size(), 2);
        QCOMPARE(store.queue.size(), 2);
        QCOMPARE(store.queue.at(0).notification.id, 2);
        QCOMPARE(store.queue.at(1).notification.id, 4);
        const auto failed =
            std::find_if(store.marks.cbegin(), store.marks.cend(), [](const auto &m) { return m.id == 2; });
        QVERIFY(failed != store.marks.cend());
        QVERIFY(!failed->delivered);
        QVERIFY2(failed->error.contains(u"RCPT TO") && failed->error.contains(u"550"),
                 qPrintable(failed->error));
        QVERIFY(!failed->error.contains(u"left.hospital"));
    }

    // R-6.2.3b, R-6.2.4e end to end on the real store: the reviewer is mailed on submission, the
    // submitter on rejection (the reason stays in MDP); the queue empties; field values stay home.
    void realStoreNoticesAreMailedAndLeaveTheQueue()
    {
        RealStore real;
        const auto opened = real.open(m_dir.filePath(QStringLiteral("delivered.db")));
        QVERIFY2(opened.ok(), why(opened).constData());
        const auto record = real.submitted();
        QVERIFY2(record.ok(), why(record).constData());

        auto sink = startSink();
        QVERIFY(sink);
        MailDispatcher dispatcher(*real.forms, settingsFor(sink->port()));
        auto sent = dispatcher.dispatchPending();
        QVERIFY2(sent.ok(), why(sent).constData());
        QCOMPARE(*sent, 1);
        QCOMPARE(sink->messages().size(), 1);
        QCOMPARE(sink->messages().at(0).recipients, QStringList{QStringLiteral("rev@hospital.example")});
        QVERIFY(real.forms->pendingEmails()->isEmpty());

        const auto rejected = real.forms->reject(QStringLiteral("rev"), record->id, record->revision,
                                                 QStringLiteral("分级与病理报告不符"));
        QVERIFY2(rejected.ok(), why(rejected).constData());
        sent = dispatcher.dispatchPending();
        QVERIFY2(sent.ok(), why(sent).constData());
        QCOMPARE(*sent, 1);
        QCOMPARE(sink->messages().size(), 2);
        QCOMPARE(sink->messages().at(1).recipients, QStringList{QStringLiteral("clin@hospital.example")});
        const QString text = wholeText(sink->messages().at(1));
        QVERIFY2(text.contains(kPseudonym) && !text.contains(u"分级与病理报告不符"), qPrintable(text));
        for (const auto &message : sink->messages()) {
            QVERIFY(!wholeText(message).contains(kPatientName));
            QVERIFY(!message.data.contains(kIdNumber.toLatin1()));
        }
        QVERIFY(real.forms->pendingEmails()->isEmpty());
    }

    // R-6.2.3b: a notice whose mail failed stays pending and goes out on the next run.
    void realStoreKeepsAFailedNoticeForTheNextRun()
    {
        RealStore real;
        const auto opened = real.open(m_dir.filePath(QStringLiteral("failed.db")));
        QVERIFY2(opened.ok(), why(opened).constData());
        QVERIFY(real.submitted().ok());

        auto broken = startSink(TestSmtpSink::Tls::None);
        QVERIFY(broken);
        MailDispatcher failing(*real.forms, settingsFor(broken->port()));
        QCOMPARE(*failing.dispatchPending(), 0);
        QVERIFY(broken->messages().isEmpty());

        QCOMPARE(real.forms->pendingEmails()->size(), 1);

        auto sink = startSink();
        QVERIFY(sink);
        MailDispatcher working(*real.forms, settingsFor(sink->port()));
        QCOMPARE(*working.dispatchPending(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_MailDispatcher)
#include "tst_MailDispatcher.moc"
