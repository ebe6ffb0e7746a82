// Site sync through mdp-grantd (issue 11 part 5; R-7.4.1 near-real-time central store, with the review
// workflow of R-6.2.2-R-6.2.4 spanning workstations): two workspaces linked to one real demo server on
// loopback. A clinician submits on A, the reviewer approves on B, and A shows the formal version; a
// change made while the server is down arrives once after it is back; two workstations changing one
// record at the same revision give a conflict, never a merge; an entry not sealed with the site key is
// refused on apply and recorded. Permission sync (R-9.2 with R-7.1.2 e): a policy version put in force
// on one workstation is in force on the others, an older one changes nothing, an invalid one is
// refused; the catalogue (R-9.2) lists each workstation's forms with their classification, no values.
#include "mdp/accounts/AccountDirectory.h"
#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Random.h"
#include "mdp/forms/FormStore.h"
#include "mdp/net/GrantClient.h"
#include "mdp/pki/DemoPki.h"
#include "mdp/policy/PolicySet.h"
#include "mdp/registry/Registry.h"
#include "mdp/startup/DemoSecondWorkstation.h"
#include "mdp/startup/DemoServer.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/DataPolicies.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/Workspace.h"

#include "RegistrySync.h"
#include "SiteSync.h"
#include "WorkspaceServerLink.h"

#include <QDir>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>
#include <array>

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

const QByteArray kForm = R"json({
  "id": "sync-test", "title": {"en": "Sync (test)"}, "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "sizeMm", "type": "integer", "label": {"en": "Size"}, "minimum": 0, "maximum": 200}
  ]}]
})json";

const SecureBytes kPassphrase = passwordBytes("server-sync test passphrase 2026");

QByteArray policyDocument(int version, const std::function<void(QJsonObject &)> &change = {})
{
    QJsonObject root = QJsonDocument::fromJson(policy::PolicySet::defaultDocument()).object();
    root.insert(QStringLiteral("version"), version);
    root.insert(QStringLiteral("issuer"), QStringLiteral("server-sync test"));
    if (change)
        change(root);
    return QJsonDocument(root).toJson();
}

// A PNG of noise (incompressible), `side` pixels square in RGB: about 3 * side^2 bytes.
QByteArray pngChunk(const char *type, const QByteArray &data)
{
    static const auto table = [] {
        std::array<quint32, 256> t{};
        for (quint32 n = 0; n < 256; ++n) {
            quint32 c = n;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xedb88320U ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    QByteArray body = QByteArray(type) + data;
    quint32 crc = 0xffffffffU;
    for (char ch : std::as_const(body))
        crc = table[(crc ^ quint8(ch)) & 0xff] ^ (crc >> 8);
    crc ^= 0xffffffffU;
    const auto be = [](quint32 v) {
        const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        return QByteArray(bytes, 4);
    };
    return be(quint32(data.size())) + body + be(crc);
}

QByteArray noisePng(int side)
{
    QByteArray header;
    for (quint32 v : {quint32(side), quint32(side)}) {
        const char bytes[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
        header += QByteArray(bytes, 4);
    }
    header += QByteArray("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, deflate, no filter, no interlace
    QByteArray raw;
    for (int y = 0; y < side; ++y)
        raw += char(0) + crypto::randomBytes(qsizetype(side) * 3);
    const QByteArray zlib = qCompress(raw, 1).mid(4); // qCompress puts the length first
    return QByteArrayLiteral("\x89PNG\r\n\x1a\n") + pngChunk("IHDR", header) + pngChunk("IDAT", zlib) +
           pngChunk("IEND", {});
}

} // namespace

class ServerSyncTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    // Real time (the demo certificates are valid from now on), advanced by hand for fresh TOTP steps.
    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<startup::DemoServer> m_server;
    workspace::DemoWorkspace m_a;
    workspace::DemoWorkspace m_b;
    registry::Patient m_patient;

    QString program() const { return QStringLiteral(MDP_BINARY_DIR "/bin/mdp-grantd"); }
    QString serverDir() const { return m_dir.filePath(QStringLiteral("grantd")); }

    static const workspace::DemoAccount &account(const workspace::DemoWorkspace &demo,
                                                 const QString &userName)
    {
        for (const auto &a : demo.accounts)
            if (a.userName == userName)
                return a;
        qFatal("no demo account %s", qPrintable(userName));
    }

    bool signIn(workspace::DemoWorkspace &demo, const QString &userName)
    {
        demo.workspace->logout();
        m_clock.advance(31 * 1000); // a fresh TOTP step
        auto session = workspace::loginDemoAccount(*demo.workspace, account(demo, userName));
        if (!session)
            qWarning() << "sign-in failed:" << session.error().toString();
        return session.ok();
    }

    static QString me(workspace::DemoWorkspace &demo) { return demo.workspace->session()->accountId; }

    static workspace::ServerStatus sync(workspace::DemoWorkspace &demo)
    {
        auto status = demo.workspace->serverLink().shipAuditNow();
        return status ? status.value() : workspace::ServerStatus{};
    }

    // The audit events about one record (or other datum), read as the auditor.
    QList<audit::AuditEvent> eventsAbout(workspace::DemoWorkspace &demo, const QString &dataId,
                                         const QString &type)
    {
        QList<audit::AuditEvent> out;
        if (!signIn(demo, QStringLiteral("aud.zhao")))
            return out;
        auto rows = workspace::AuditQueries(*demo.workspace).byDataId(dataId);
        if (!rows)
            return out;
        for (const auto &row : rows.value())
            if (row.event.type == type)
                out << row.event;
        return out;
    }

    Result<forms::FormRecord> createAndSubmitOnA(int size, bool submit = true)
    {
        if (!signIn(m_a, QStringLiteral("dr.wang")))
            return makeError(Error::Code::PermissionDenied, QStringLiteral("sign-in"));
        forms::NewRecord n;
        n.formId = QStringLiteral("sync-test");
        n.patientId = m_patient.id;
        n.patientPseudonym = m_patient.pseudonymId;
        n.values = QJsonObject{{QStringLiteral("sizeMm"), size}};
        auto draft = m_a.workspace->forms().createDraft(me(m_a), n);
        if (!draft || !submit)
            return draft;
        return m_a.workspace->forms().submit(me(m_a), draft->id, draft->revision);
    }

    bool connect(workspace::DemoWorkspace &demo, const QString &name)
    {
        demo.workspace->logout();
        // Issued on demand (valid from now on): the workspaces' clock must not be behind it.
        if (!m_server->workstationSettings(name))
            return false;
        const QDateTime now = QDateTime::currentDateTimeUtc().addSecs(2);
        if (m_clock.now() < now)
            m_clock.set(now);
        auto linked = startup::connectDemoWorkspace(*demo.workspace, *m_server, name);
        if (!linked)
            qWarning() << "link failed:" << linked.error().toString();
        return linked.ok();
    }

    // The relay as another workstation of the site sees it: its certificate, no sign-in.
    Result<std::unique_ptr<net::GrantClient>>
    otherWorkstation(workspace::ServerSettings *settingsOut = nullptr,
                     const QString &name = QStringLiteral("workstation-3"))
    {
        auto settings = m_server->workstationSettings(name);
        if (!settings)
            return settings.error();
        if (settingsOut)
            *settingsOut = settings.value();
        net::TlsClientOptions options;
        options.port = m_server->port();
        options.caPem = settings->caPem;
        options.certificatePem = settings->certificatePem;
        options.privateKeyPem = settings->privateKeyPem;
        return net::GrantClient::create(options);
    }

    // A workstation's origin as the relay names it: its certificate's fingerprint.
    static QString originOf(const workspace::ServerSettings &settings)
    {
        auto certificate = crypto::Certificate::fromPem(settings.certificatePem);
        return certificate ? QString::fromLatin1(certificate->fingerprint().toHex()) : QString();
    }

    int newestPolicyVersion()
    {
        return std::max(m_a.workspace->policies().inForce().version,
                        m_b.workspace->policies().inForce().version);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (!QFileInfo::exists(program()))
            QSKIP("mdp-grantd is not built");
        TAKE(server, startup::DemoServer::start(serverDir(), program()));
        m_server = std::move(server);
        m_clock.set(QDateTime::currentDateTimeUtc().addSecs(2)); // after the certificates were made
        TAKE(a,
             workspace::createDemoWorkspace(m_dir.filePath(QStringLiteral("a")), m_clock, {}, kPassphrase));
        m_a = std::move(a);
        TAKE(b,
             workspace::createDemoWorkspace(m_dir.filePath(QStringLiteral("b")), m_clock, {}, kPassphrase));
        m_b = std::move(b);

        // Before a site key: the link ships audit, sync is off.
        QVERIFY(!m_a.workspace->serverLink().status().syncEnabled);
        QVERIFY(connect(m_a, QStringLiteral("workstation-1")));
        QVERIFY(connect(m_b, QStringLiteral("workstation-2")));
        QVERIFY(m_a.workspace->serverLink().settings()->siteKey.isEmpty()); // write-only
        const workspace::ServerStatus first = sync(m_a);
        QCOMPARE(int(first.state), int(workspace::ServerStatus::State::Connected));
        QVERIFY(first.syncEnabled);

        // The form and a reviewer profile on A; the patient on A (identity stays there).
        QVERIFY(signIn(m_a, QStringLiteral("dm.liu")));
        TAKE(imported, m_a.workspace->forms().importDefinition(me(m_a), kForm));
        TAKE(reviewer, m_a.workspace->accounts().find(QStringLiteral("rev.li")));
        QVERIFY(reviewer.has_value());
        CHECK_OK(m_a.workspace->forms().setReviewerProfile(
            me(m_a), forms::ReviewerProfile{reviewer->idString(), {}, {}, {}}));
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(QStringLiteral("欧阳娜"));
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1960, 5, 1);
        TAKE(patient, m_a.workspace->registry().createPatient(me(m_a), draft));
        m_patient = patient;
    }

    void configureRefusesASiteKeyOfTheWrongSize()
    {
        TAKE(settings, m_server->workstationSettings(QStringLiteral("workstation-1")));
        settings.siteKey = QByteArray(16, 'k');
        m_a.workspace->logout();
        CHECK_OK(m_a.workspace->beginCustodianSession(workspace::SessionOrigin::Workstation));
        QCOMPARE(m_a.workspace->serverLink().configure(settings).error().code, Error::Code::InvalidArgument);
        m_a.workspace->logout();
    }

    // R-7.4.1 with R-6.2.2b/R-6.2.3/R-6.2.4: submitted on A, in the reviewer's inbox on B, approved
    // there, and the formal version (same revision, status approved) on A.
    void submittedOnAApprovedOnBIsApprovedOnA()
    {
        TAKE(submitted, createAndSubmitOnA(23));
        QCOMPARE(submitted.status, forms::RecordStatus::Pending);
        const workspace::ServerStatus pushed = sync(m_a);
        QCOMPARE(pushed.syncPending, qint64(0));
        QCOMPARE(pushed.syncConflicts, qint64(0));

        const workspace::ServerStatus pulled = sync(m_b);
        QVERIFY(pulled.syncLastSequence > 0);
        QVERIFY(signIn(m_b, QStringLiteral("rev.li")));
        TAKE(inbox, m_b.workspace->forms().inbox(me(m_b)));
        bool waiting = false;
        for (const forms::ReviewTask &task : inbox)
            waiting = waiting || task.recordId == submitted.id;
        QVERIFY2(waiting, "the submitted record is in B's reviewer inbox");
        TAKE(onB, m_b.workspace->forms().record(me(m_b), submitted.id));
        QCOMPARE(onB.status, forms::RecordStatus::Pending);
        QCOMPARE(onB.revision, submitted.revision);
        QCOMPARE(onB.values.value(u"sizeMm").toInt(), 23);
        TAKE(approved,
             m_b.workspace->forms().approve(me(m_b), submitted.id, onB.revision, QStringLiteral("ok")));
        TAKE(inboxAfter, m_b.workspace->forms().inbox(me(m_b)));
        for (const forms::ReviewTask &task : inboxAfter)
            QVERIFY(task.recordId != submitted.id);
        QCOMPARE(sync(m_b).syncPending, qint64(0));

        sync(m_a);
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        TAKE(onA, m_a.workspace->forms().record(me(m_a), submitted.id));
        QCOMPARE(onA.status, forms::RecordStatus::Approved);
        QCOMPARE(onA.revision, approved.revision);
        QCOMPARE(onA.formalVersion, 1);
        QCOMPARE(onA.formalValues.value(u"sizeMm").toInt(), 23);
        // Approved by the reviewer, as the reviewer is known here.
        TAKE(reviewerOnA, m_a.workspace->accounts().find(QStringLiteral("rev.li")));
        QCOMPARE(onA.reviewerId, reviewerOnA->idString());
        TAKE(history, m_a.workspace->forms().history(me(m_a), submitted.id));
        QCOMPARE(history.last().transition, forms::Transition::Approve);
        QCOMPARE(history.last().actorId, reviewerOnA->idString());
        // A's reviewer inbox no longer holds it either.
        QVERIFY(signIn(m_a, QStringLiteral("rev.li")));
        TAKE(inboxOnA, m_a.workspace->forms().inbox(me(m_a)));
        for (const forms::ReviewTask &task : inboxOnA)
            QVERIFY(task.recordId != submitted.id);

        // Applied with its audit event: which record, from where, which revision; no values.
        const QString id = submitted.id.toString(QUuid::WithoutBraces);
        const QList<audit::AuditEvent> applied =
            eventsAbout(m_a, QStringLiteral("form-record:") + id, QStringLiteral("sync.apply"));
        QCOMPARE(applied.size(), 1);
        QCOMPARE(applied.first().detail.value(u"revision").toInteger(), qint64(approved.revision));
        QVERIFY(!applied.first().detail.value(u"origin").toString().isEmpty());
        QVERIFY(!QJsonDocument(applied.first().detail).toJson().contains("sizeMm"));
    }

    // R-7.4.1 offline queue: a change made while the server is down waits in the outbox and arrives
    // once when it is back.
    void changeMadeOfflineArrivesOnce()
    {
        m_server.reset(); // SIGTERM: the server is gone
        TAKE(record, createAndSubmitOnA(41));
        const workspace::ServerStatus offline = sync(m_a);
        QCOMPARE(int(offline.state), int(workspace::ServerStatus::State::Unreachable));
        QCOMPARE(offline.syncPending, qint64(2)); // created, submitted

        TAKE(server, startup::DemoServer::start(serverDir(), program()));
        m_server = std::move(server);
        QVERIFY(connect(m_a, QStringLiteral("workstation-1"))); // a new port
        QVERIFY(connect(m_b, QStringLiteral("workstation-2")));
        const workspace::ServerStatus back = sync(m_a);
        QCOMPARE(int(back.state), int(workspace::ServerStatus::State::Connected));
        QCOMPARE(back.syncPending, qint64(0));
        sync(m_a);
        sync(m_b);
        sync(m_b);
        QVERIFY(signIn(m_b, QStringLiteral("rev.li")));
        TAKE(onB, m_b.workspace->forms().record(me(m_b), record.id));
        QCOMPARE(onB.revision, record.revision);
        TAKE(history, m_b.workspace->forms().history(me(m_b), record.id));
        QCOMPARE(history.size(), 2); // one version per revision, none twice
        const QString id = record.id.toString(QUuid::WithoutBraces);
        QCOMPARE(eventsAbout(m_b, QStringLiteral("form-record:") + id, QStringLiteral("sync.apply")).size(),
                 2);
    }

    // R-7.4.1, R-6.2.2: both workstations change the same record at the same revision; the second to
    // push is refused as stale, shown as a conflict and never merged or pushed again.
    void staleRevisionIsAConflictNotAMerge()
    {
        TAKE(draft, createAndSubmitOnA(10, false));
        sync(m_a);
        sync(m_b);
        QVERIFY(signIn(m_b, QStringLiteral("dr.wang")));
        TAKE(onB, m_b.workspace->forms().record(me(m_b), draft.id));
        QCOMPARE(onB.revision, draft.revision);
        // A saves first and reaches the site first (its link passes right after the change); B saved
        // the same revision meanwhile, offline from A's change.
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        TAKE(savedA, m_a.workspace->forms().saveDraft(
                         me(m_a), draft.id, QJsonObject{{QStringLiteral("sizeMm"), 11}}, draft.revision));
        QCOMPARE(sync(m_a).syncConflicts, qint64(0));
        TAKE(savedB, m_b.workspace->forms().saveDraft(
                         me(m_b), draft.id, QJsonObject{{QStringLiteral("sizeMm"), 12}}, onB.revision));
        QCOMPARE(savedA.revision, savedB.revision);
        const workspace::ServerStatus refused = sync(m_b);
        QCOMPARE(refused.syncConflicts, qint64(1));
        QCOMPARE(refused.syncPending, qint64(0));
        QVERIFY2(refused.syncMessage.contains(QStringLiteral("refused")), qPrintable(refused.syncMessage));
        // Not retried, not merged: each side keeps its own, the site keeps A's.
        QCOMPARE(sync(m_b).syncConflicts, qint64(1));
        sync(m_a);
        QVERIFY(signIn(m_b, QStringLiteral("dr.wang")));
        QCOMPARE(m_b.workspace->forms().record(me(m_b), draft.id)->values.value(u"sizeMm").toInt(), 12);
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        QCOMPARE(m_a.workspace->forms().record(me(m_a), draft.id)->values.value(u"sizeMm").toInt(), 11);
        const QString id = draft.id.toString(QUuid::WithoutBraces);
        QCOMPARE(
            eventsAbout(m_b, QStringLiteral("form-record:") + id, QStringLiteral("sync.conflict")).size(), 1);
    }

    // R-7.4.1, R-7.4.3: an entry sealed with another key, and one sealed right but moved to another
    // record, are refused on apply and recorded as security alerts; nothing is written.
    void forgedOrAlteredEntryIsRefusedAndAudited()
    {
        TAKE(settings, m_server->workstationSettings(QStringLiteral("workstation-3")));
        net::TlsClientOptions options;
        options.port = m_server->port();
        options.caPem = settings.caPem;
        options.certificatePem = settings.certificatePem;
        options.privateKeyPem = settings.privateKeyPem;
        TAKE(client, net::GrantClient::create(options));
        // No sign-in: the relay takes the workstation's certificate as its identity.

        const QUuid forgedRecord = QUuid::createUuid();
        const QByteArray payload = R"({"v":1,"record":{}})";
        net::OutgoingEntry forged{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                  QStringLiteral("form-record"),
                                  forgedRecord.toString(QUuid::WithoutBraces),
                                  1,
                                  {}};
        TAKE(otherKey,
             net::SyncCipher(SecureBytes(crypto::randomBytes(32))).seal(forged, originOf(settings), payload));
        forged.ciphertext = otherKey;
        // Sealed with the site key for one record, sent as another's.
        const QUuid movedRecord = QUuid::createUuid();
        net::OutgoingEntry moved{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 QStringLiteral("form-record"),
                                 QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 1,
                                 {}};
        TAKE(siteSealed,
             net::SyncCipher(SecureBytes(settings.siteKey)).seal(moved, originOf(settings), payload));
        moved.objectId = movedRecord.toString(QUuid::WithoutBraces);
        moved.ciphertext = siteSealed;
        TAKE(outcome, client->push({forged, moved}));
        QVERIFY(outcome.applied);

        const workspace::ServerStatus status = sync(m_a);
        QCOMPARE(int(status.state), int(workspace::ServerStatus::State::Connected));
        QVERIFY2(status.syncMessage.contains(QStringLiteral("did not authenticate")),
                 qPrintable(status.syncMessage));
        QCOMPARE(status.syncLastSequence, outcome.sequences.last()); // passed over, not retried
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        QCOMPARE(m_a.workspace->forms().record(me(m_a), forgedRecord).error().code, Error::Code::NotFound);
        QCOMPARE(m_a.workspace->forms().record(me(m_a), movedRecord).error().code, Error::Code::NotFound);
        QCOMPARE(
            eventsAbout(m_a, QStringLiteral("sync-entry:") + forged.entryId, QStringLiteral("security.alert"))
                .size(),
            1);
        QCOMPARE(
            eventsAbout(m_a, QStringLiteral("sync-entry:") + moved.entryId, QStringLiteral("security.alert"))
                .size(),
            1);
    }

    // R-7.4.1 near real time: a change reaches the site right after it is made, not at the end of the
    // link's interval (set here to ten minutes, so only the nudge of the change can explain it).
    void aChangeReachesTheSiteWithoutWaitingForTheInterval()
    {
        sync(m_a);
        auto *link = dynamic_cast<workspace::WorkspaceServerLink *>(&m_a.workspace->serverLink());
        QVERIFY(link);
        link->setInterval(10 * 60 * 1000);
        QTest::qWait(200); // the pass the new interval woke is over
        TAKE(client, otherWorkstation());
        TAKE(record, createAndSubmitOnA(17));
        const QString id = record.id.toString(QUuid::WithoutBraces);
        const auto atTheSite = [&] {
            qint64 after = 0;
            for (bool more = true; more;) {
                auto entries = client->pull(after, 1000, &more);
                if (!entries || entries->isEmpty())
                    return false;
                for (const net::IncomingEntry &e : entries.value()) {
                    if (e.objectId == id && e.revision == record.revision)
                        return true;
                    after = e.sequence;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(atTheSite(), 10000);
        link->setInterval(30000);
    }

    // R-7.4.1 with R-6.2.2a-d, R-6.2.3: the site key proves an entry came from a workstation of the
    // site, not that the change is one the workflow allows. Each forged change below is refused and
    // recorded, checked against the record held here; a payload that cannot be read is refused too
    // instead of stopping the sync; a sound approval after them is applied.
    void recordChangesTheWorkflowForbidsAreRefusedAndDoNotStall()
    {
        QList<forms::FormRecord> pending;
        for (int i = 0; i < 6; ++i) {
            TAKE(submitted, createAndSubmitOnA(27 + i));
            pending << submitted;
        }
        QCOMPARE(sync(m_a).syncPending, qint64(0));
        workspace::ServerSettings settings;
        TAKE(client, otherWorkstation(&settings));
        const net::SyncCipher cipher{SecureBytes(settings.siteKey)};
        const QString origin = originOf(settings);

        // The record as A would send it at `revision`, changed by `change`.
        const auto entry = [&](const forms::FormRecord &submitted, int revision, const QString &transition,
                               const QString &actor, const std::function<void(QJsonObject & record)> &change,
                               QString objectId = {}) -> Result<net::OutgoingEntry> {
            const QString recordId = submitted.id.toString(QUuid::WithoutBraces);
            QJsonObject record{
                {QStringLiteral("id"), recordId},
                {QStringLiteral("formId"), QStringLiteral("sync-test")},
                {QStringLiteral("formVersion"), submitted.formVersion},
                {QStringLiteral("patientId"), submitted.patientId.toString(QUuid::WithoutBraces)},
                {QStringLiteral("patientPseudonym"), submitted.patientPseudonym},
                {QStringLiteral("eventId"), submitted.eventId.toString(QUuid::WithoutBraces)},
                {QStringLiteral("projectId"), submitted.projectId},
                {QStringLiteral("category"), submitted.category},
                {QStringLiteral("status"), QStringLiteral("approved")},
                {QStringLiteral("revision"), revision},
                {QStringLiteral("formalVersion"), 1},
                {QStringLiteral("creator"), QStringLiteral("dr.wang")},
                {QStringLiteral("owner"), QStringLiteral("dr.wang")},
                {QStringLiteral("submitter"), QStringLiteral("dr.wang")},
                {QStringLiteral("reviewer"), QStringLiteral("rev.li")},
                {QStringLiteral("values"), submitted.values},
                {QStringLiteral("formalValues"), submitted.values},
                {QStringLiteral("createdAt"), submitted.createdAt.toString(Qt::ISODateWithMs)},
                {QStringLiteral("updatedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
            if (change)
                change(record);
            const QJsonObject payload{
                {QStringLiteral("v"), 1},
                {QStringLiteral("record"), record},
                {QStringLiteral("version"), QJsonObject{{QStringLiteral("transition"), transition},
                                                        {QStringLiteral("actor"), actor},
                                                        {QStringLiteral("reason"), QStringLiteral("ok")},
                                                        {QStringLiteral("formalVersion"), 1}}},
                {QStringLiteral("definition"), QJsonDocument::fromJson(kForm).object()}};
            if (objectId.isEmpty())
                objectId = record.value(u"id").toString();
            net::OutgoingEntry e{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 QStringLiteral("form-record"),
                                 objectId,
                                 revision,
                                 {}};
            auto sealed = cipher.seal(e, origin, QJsonDocument(payload).toJson(QJsonDocument::Compact));
            if (!sealed)
                return sealed.error();
            e.ciphertext = sealed.value();
            return e;
        };
        const auto next = [](const forms::FormRecord &r) { return r.revision + 1; };
        const QString approve = QStringLiteral("approve");
        const QString reviewer = QStringLiteral("rev.li");
        // The submitter approves their own record.
        TAKE(selfApproved,
             entry(pending[0], next(pending[0]), approve, QStringLiteral("dr.wang"), [](QJsonObject &record) {
                 record.insert(QStringLiteral("reviewer"), QStringLiteral("dr.wang"));
             }));
        // "Saving a draft" that makes the record approved.
        TAKE(impossible, entry(pending[1], next(pending[1]), QStringLiteral("save-draft"),
                               QStringLiteral("dr.wang"), {}));
        // A sound approval that also moves the record to another patient.
        TAKE(moved, entry(pending[2], next(pending[2]), approve, reviewer, [](QJsonObject &record) {
                 record.insert(QStringLiteral("patientId"),
                               QUuid::createUuid().toString(QUuid::WithoutBraces));
             }));
        // An approval that rewrites the values the reviewer saw, and one that changes the creator.
        TAKE(rewritten, entry(pending[3], next(pending[3]), approve, reviewer, [](QJsonObject &record) {
                 const QJsonObject other{{QStringLiteral("sizeMm"), 199}};
                 record.insert(QStringLiteral("values"), other);
                 record.insert(QStringLiteral("formalValues"), other);
             }));
        TAKE(recreated, entry(pending[4], next(pending[4]), approve, reviewer, [](QJsonObject &record) {
                 record.insert(QStringLiteral("creator"), QStringLiteral("rev.li"));
             }));
        // Junk first, then a sound-looking approval two revisions on: the gap is not filled by trust.
        TAKE(junk, entry(pending[5], next(pending[5]), QStringLiteral("withdraw"), QStringLiteral("dm.liu"),
                         [](QJsonObject &record) {
                             record.insert(QStringLiteral("status"), QStringLiteral("draft"));
                             record.insert(QStringLiteral("reviewer"), QString());
                             record.insert(QStringLiteral("formalVersion"), 0);
                             record.insert(QStringLiteral("formalValues"), QJsonObject());
                         }));
        TAKE(afterJunk, entry(pending[5], next(pending[5]) + 1, approve, reviewer, {}));
        // A payload this version cannot read (unknown status) for a record A does not hold, and a
        // record at an absurd form version.
        const QString unreadableId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        TAKE(unreadable, entry(
                             pending[0], 1, QStringLiteral("save-draft"), QStringLiteral("dr.wang"),
                             [&](QJsonObject &record) {
                                 record.insert(QStringLiteral("id"), unreadableId);
                                 record.insert(QStringLiteral("status"), QStringLiteral("finished"));
                             },
                             unreadableId));
        const QString farVersionId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        TAKE(farVersion, entry(
                             pending[0], 1, QStringLiteral("save-draft"), QStringLiteral("dr.wang"),
                             [&](QJsonObject &record) {
                                 record.insert(QStringLiteral("id"), farVersionId);
                                 record.insert(QStringLiteral("status"), QStringLiteral("draft"));
                                 record.insert(QStringLiteral("formVersion"), 2000000);
                                 record.insert(QStringLiteral("formalVersion"), 0);
                                 record.insert(QStringLiteral("formalValues"), QJsonObject());
                             },
                             farVersionId));
        // And after them the reviewer's approval of the first record.
        TAKE(approved, entry(pending[0], next(pending[0]) + 1, approve, reviewer, {}));
        const QList<net::OutgoingEntry> forged{selfApproved, impossible, moved,      rewritten, recreated,
                                               junk,         afterJunk,  unreadable, farVersion};
        TAKE(outcome, client->push(forged + QList<net::OutgoingEntry>{approved}));
        QVERIFY(outcome.applied);

        const workspace::ServerStatus status = sync(m_a);
        QCOMPARE(int(status.state), int(workspace::ServerStatus::State::Connected));
        QCOMPARE(status.syncLastSequence, outcome.sequences.last()); // nothing stalls behind a bad entry
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        for (int i = 1; i < pending.size(); ++i) {
            TAKE(onA, m_a.workspace->forms().record(me(m_a), pending[i].id));
            QCOMPARE(onA.status, forms::RecordStatus::Pending);
            QCOMPARE(onA.revision, pending[i].revision);
            QCOMPARE(onA.values, pending[i].values);
        }
        // The first record: the self-approval refused, so the reviewer's approval two revisions on is
        // refused as well (a gap); it stays pending here, as the site's copy diverged by forgery.
        TAKE(first, m_a.workspace->forms().record(me(m_a), pending[0].id));
        QCOMPARE(first.status, forms::RecordStatus::Pending);
        for (const QString &id : {unreadableId, farVersionId})
            QCOMPARE(m_a.workspace->forms().record(me(m_a), QUuid(id)).error().code, Error::Code::NotFound);
        // Each refused for what was forged in it.
        const QList<std::pair<net::OutgoingEntry, QString>> why{
            {selfApproved, QStringLiteral("own submission")},
            {impossible, QStringLiteral("cannot make the record")},
            {moved, QStringLiteral("another patient")},
            {rewritten, QStringLiteral("values submitted")},
            {recreated, QStringLiteral("creator")},
            {junk, QStringLiteral("submitter withdraws")},
            {afterJunk, QStringLiteral("skips revisions")},
            {unreadable, QStringLiteral("unknown status")},
            {farVersion, QStringLiteral("form version 2000000")},
            {approved, QStringLiteral("skips revisions")}};
        for (const auto &[e, expected] : why) {
            const QList<audit::AuditEvent> alerts =
                eventsAbout(m_a, QStringLiteral("sync-entry:") + e.entryId, QStringLiteral("security.alert"));
            QCOMPARE(alerts.size(), 1);
            const QString error = alerts.first().detail.value(u"error").toString();
            QVERIFY2(error.contains(expected), qPrintable(expected + QStringLiteral(" / ") + error));
        }

        // A sound approval at the next revision is applied.
        TAKE(fresh, createAndSubmitOnA(55));
        QCOMPARE(sync(m_a).syncPending, qint64(0));
        TAKE(good, entry(fresh, next(fresh), approve, reviewer, {}));
        TAKE(goodOutcome, client->push({good}));
        QVERIFY(goodOutcome.applied);
        sync(m_a);
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        TAKE(onA, m_a.workspace->forms().record(me(m_a), fresh.id));
        QCOMPARE(onA.status, forms::RecordStatus::Approved);
        QCOMPARE(onA.revision, next(fresh));
        TAKE(reviewerOnA, m_a.workspace->accounts().find(QStringLiteral("rev.li")));
        QCOMPARE(onA.reviewerId, reviewerOnA->idString());
        TAKE(history, m_a.workspace->forms().history(me(m_a), fresh.id));
        QCOMPARE(history.last().actorId, reviewerOnA->idString());
    }

    // R-7.4.1 with R-6.1.1 and R-6.1.2: a patient registered and edited on A, an event added, edited and
    // annotated, and a file attached (several 1 MiB chunks) arrive on B whole, in one pass each way: the
    // identity opens there for a role that sees it, the file is the same bytes, each change is one
    // version with its author and time. What the relay holds opens with the site key, and still does
    // not show the patient's names, contacts or identifiers (they are under the site identity key).
    void registryChangesAndAttachmentsReachTheOtherWorkstation()
    {
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(QStringLiteral("司马青"));
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1971, 3, 9);
        draft.contact.phone = QStringLiteral("13900001111");
        registry::PatientIdentifier mrn;
        mrn.type = registry::IdentifierType::HospitalMrn;
        mrn.value = QStringLiteral("MRN-SYNC-7781");
        mrn.issuer = QStringLiteral("HOSP-A");
        mrn.verified = true;
        draft.identifiers << mrn;
        TAKE(created, m_a.workspace->registry().createPatient(me(m_a), draft));
        draft.identifiers.clear();
        draft.contact.address = QStringLiteral("北京市海淀区学院路 1 号");
        TAKE(edited, m_a.workspace->registry().updatePatient(me(m_a), created.id, draft, created.version,
                                                             QStringLiteral("address corrected")));
        registry::EventDraft event;
        event.type = registry::EventType::Diagnosis;
        event.start = registry::EventTime::fromDate(QDate(2026, 11, 2));
        event.title = QStringLiteral("Invasive ductal carcinoma");
        TAKE(added, m_a.workspace->registry().addEvent(me(m_a), created.id, event));
        event.title += QStringLiteral(" (left)");
        TAKE(changed, m_a.workspace->registry().updateEvent(me(m_a), added.id, event, added.version,
                                                            QStringLiteral("laterality")));
        TAKE(annotated, m_a.workspace->registry().annotateEvent(
                            me(m_a), added.id, QStringLiteral("MDT 11-05"), changed.version));
        // The same annotation again makes no version, and queues nothing (the relay would refuse it).
        TAKE(again, m_a.workspace->registry().annotateEvent(me(m_a), added.id, QStringLiteral("MDT 11-05"),
                                                            annotated.version));
        QCOMPARE(again.version, annotated.version);
        const QByteArray png = noisePng(800); // about 1.9 MB: two chunks
        QVERIFY(png.size() > workspace::RegistrySync::kChunkBytes);
        TAKE(blob, m_a.workspace->storeFile(png));
        TAKE(attached,
             m_a.workspace->registry().attach(
                 me(m_a), added.id, {blob, QStringLiteral("image/png"), QStringLiteral("core-biopsy.png")}));
        const workspace::ServerStatus pushed = sync(m_a);
        QCOMPARE(pushed.syncPending, qint64(0));
        QCOMPARE(pushed.syncConflicts, qint64(0));

        // The relay's copy, opened with the site key as any workstation of the site could.
        workspace::ServerSettings settings;
        TAKE(client, otherWorkstation(&settings));
        const net::SyncCipher cipher{SecureBytes(settings.siteKey)};
        const QString patientId = created.id.toString(QUuid::WithoutBraces);
        int patientEntries = 0;
        int chunks = 0;
        qint64 after = 0;
        for (bool more = true; more;) {
            TAKE(entries, client->pull(after, 500, &more));
            if (entries.isEmpty())
                break;
            for (const net::IncomingEntry &entry : entries) {
                after = entry.sequence;
                if (entry.kind == QLatin1String("attachment") &&
                    entry.objectId == attached.id.toString(QUuid::WithoutBraces))
                    ++chunks;
                if (entry.objectId != patientId)
                    continue;
                ++patientEntries;
                TAKE(plain, cipher.open(entry));
                for (const QString &secret : {QStringLiteral("司马"), QStringLiteral("MRNSYNC7781"),
                                              QStringLiteral("13900001111"), QStringLiteral("学院路")})
                    QVERIFY2(!plain.contains(secret.toUtf8()), qPrintable(secret));
                QVERIFY(plain.contains(created.pseudonymId.toUtf8()));
            }
        }
        QCOMPARE(patientEntries, 2); // created, edited
        QCOMPARE(chunks, 2);

        // B applies what arrived when it passes (its keyring holds the identity key).
        const workspace::ServerStatus pulled = sync(m_b);
        QCOMPARE(pulled.syncParked, qint64(0));
        QVERIFY(signIn(m_b, QStringLiteral("dr.wang")));
        TAKE(there, m_b.workspace->registry().patient(me(m_b), created.id));
        QCOMPARE(there.pseudonymId, created.pseudonymId);
        QCOMPARE(there.name, edited.name);
        QCOMPARE(there.contact, edited.contact);
        QCOMPARE(there.birthDate, edited.birthDate);
        QCOMPARE(there.version, edited.version);
        QCOMPARE(there.identifiers.size(), 1);
        QCOMPARE(there.identifiers.first().value, created.identifiers.first().value); // normalised
        QVERIFY(there.identifiers.first().verified);
        TAKE(found, m_b.workspace->registry().findByIdentifier(me(m_b), created.identifiers.first()));
        QVERIFY(found.has_value());
        QCOMPARE(found->id, created.id);
        TAKE(versions, m_b.workspace->registry().patientHistory(created.id));
        QCOMPARE(versions.size(), 2);
        TAKE(drWangOnB, m_b.workspace->accounts().find(QStringLiteral("dr.wang")));
        QCOMPARE(versions.last().changedBy, drWangOnB->idString());
        QCOMPARE(versions.last().reason, QStringLiteral("address corrected"));

        TAKE(events, m_b.workspace->registry().events(me(m_b), created.id, false));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().content.title, event.title);
        QCOMPARE(events.first().content.annotation, QStringLiteral("MDT 11-05"));
        QCOMPARE(events.first().version, annotated.version + 1); // the attach
        QCOMPARE(events.first().attachments.size(), 1);
        QCOMPARE(events.first().attachments.first().id, attached.id);
        QCOMPARE(events.first().attachments.first().fileName, QStringLiteral("core-biopsy.png"));
        TAKE(bytes, m_b.workspace->readFile(events.first().attachments.first().blobId));
        QVERIFY(bytes == png);
        TAKE(eventVersions, m_b.workspace->registry().eventHistory(added.id));
        QCOMPARE(eventVersions.size(), 4); // create, update, annotate, attach
        QCOMPARE(eventVersions.at(1).reason, QStringLiteral("laterality"));

        // Each applied with its audit event, naming the pseudonym and never the name.
        const QList<audit::AuditEvent> applied =
            eventsAbout(m_b, QStringLiteral("patient:") + patientId, QStringLiteral("sync.apply"));
        QCOMPARE(applied.size(), 2);
        QVERIFY(!QJsonDocument(applied.first().detail).toJson().contains("司马"));

        // And back: a detach on B reaches A.
        QVERIFY(signIn(m_b, QStringLiteral("dr.wang")));
        CHECK_OK(m_b.workspace->registry().detach(me(m_b), attached.id, QStringLiteral("wrong image")));
        QCOMPARE(sync(m_b).syncPending, qint64(0));
        sync(m_a);
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        TAKE(onA, m_a.workspace->registry().event(me(m_a), added.id));
        QCOMPARE(onA.attachments.size(), 0);
        QCOMPARE(onA.version, annotated.version + 2);
    }

    // R-6.1.1a/b across workstations: the same person registered on A and on B with the same verified
    // record number before either knew of the other. Neither registration is lost or silently merged:
    // on each workstation the other's arrives with that number kept unverified, and the pair is queued
    // as a possible duplicate for an operator.
    void theSamePersonRegisteredOnTwoWorkstationsIsQueuedAsADuplicate()
    {
        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(QStringLiteral("上官燕"));
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1966, 8, 19);
        registry::PatientIdentifier mrn;
        mrn.type = registry::IdentifierType::HospitalMrn;
        mrn.value = QStringLiteral("DUP20261207");
        mrn.issuer = QStringLiteral("HOSP-A");
        mrn.verified = true;
        draft.identifiers << mrn;
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        TAKE(onA, m_a.workspace->registry().createPatient(me(m_a), draft));
        QVERIFY(signIn(m_b, QStringLiteral("dr.wang")));
        TAKE(onB, m_b.workspace->registry().createPatient(me(m_b), draft));
        QVERIFY(onA.id != onB.id);
        sync(m_a);
        sync(m_b);
        sync(m_a);
        for (auto *demo : {&m_a, &m_b}) {
            const registry::Patient &own = demo == &m_a ? onA : onB;
            const registry::Patient &other = demo == &m_a ? onB : onA;
            QVERIFY(signIn(*demo, QStringLiteral("dr.wang")));
            TAKE(arrived, demo->workspace->registry().patient(me(*demo), other.id));
            QCOMPARE(arrived.identifiers.size(), 1);
            QVERIFY(!arrived.identifiers.first().verified);
            TAKE(kept, demo->workspace->registry().patient(me(*demo), own.id));
            QVERIFY(kept.identifiers.first().verified);
            TAKE(candidates, demo->workspace->registry().possibleDuplicates(registry::DuplicateStatus::Open));
            bool queued = false;
            for (const registry::DuplicateCandidate &c : candidates)
                queued = queued || ((c.patientA == own.id && c.patientB == other.id) ||
                                    (c.patientA == other.id && c.patientB == own.id));
            QVERIFY2(queued, "the two registrations are queued for an operator");
        }
    }

    // R-7.4.1, R-7.4.3: registry entries sealed with the site key but not sound are refused on apply,
    // each for its reason, recorded, and do not hold up what follows: a patient whose identity is not
    // sealed under the site identity key, an edit that gives a patient another pseudonym (and the sound
    // edit after it, which now skips a version), an attached file that does not match its digest.
    void registryEntriesThatCannotBeTrustedAreRefused()
    {
        workspace::ServerSettings settings;
        TAKE(client, otherWorkstation(&settings));
        const net::SyncCipher cipher{SecureBytes(settings.siteKey)};
        const QString origin = originOf(settings);
        const SecureBytes identityKey =
            workspace::RegistrySync::identityKeyFrom(SecureBytes(settings.siteIdentityKey));
        const auto seal = [&](const QString &kind, const QString &objectId, qint64 revision,
                              const QJsonObject &payload) -> Result<net::OutgoingEntry> {
            net::OutgoingEntry e{
                QUuid::createUuid().toString(QUuid::WithoutBraces), kind, objectId, revision, {}};
            auto sealed = cipher.seal(e, origin, QJsonDocument(payload).toJson(QJsonDocument::Compact));
            if (!sealed)
                return sealed.error();
            e.ciphertext = sealed.value();
            return e;
        };
        const auto patientEntry = [&](const QString &id, const QString &pseudonym, int version,
                                      const QString &change, const SecureBytes &key,
                                      QString keyId = {}) -> Result<net::OutgoingEntry> {
            if (keyId.isEmpty())
                keyId = workspace::RegistrySync::keyId(identityKey);
            const QJsonObject identity{{QStringLiteral("family"), QStringLiteral("欧阳")},
                                       {QStringLiteral("given"), QStringLiteral("娜")},
                                       {QStringLiteral("identifiers"), QJsonArray()}};
            auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, SecureBytes(key.view().first(16)));
            if (!aead)
                return aead.error();
            auto sealed = aead->sealWithRandomNonce(QByteArrayLiteral("mdp-sync-identity-v1\n") +
                                                        id.toUtf8() + '\n' + QByteArray::number(version),
                                                    QJsonDocument(identity).toJson(QJsonDocument::Compact));
            if (!sealed)
                return sealed.error();
            const qint64 created = m_patient.created.toMSecsSinceEpoch();
            const QJsonObject patient{
                {QStringLiteral("id"), id},
                {QStringLiteral("pseudonym"), pseudonym},
                {QStringLiteral("sex"), QStringLiteral("female")},
                {QStringLiteral("birthDate"), QStringLiteral("1960-05-01")},
                {QStringLiteral("version"), version},
                {QStringLiteral("createdAt"), double(created)},
                {QStringLiteral("createdBy"), QStringLiteral("dr.wang")},
                {QStringLiteral("updatedAt"), double(created + 1000)},
                {QStringLiteral("updatedBy"), QStringLiteral("dr.wang")},
                {QStringLiteral("mergedInto"), QString()},
                {QStringLiteral("change"), change},
                {QStringLiteral("reason"), QStringLiteral("corrected")},
                {QStringLiteral("changedAt"), double(created + 1000)},
                {QStringLiteral("changedBy"), QStringLiteral("dr.wang")},
                {QStringLiteral("identitySealed"), QString::fromLatin1(sealed->toBase64())},
                {QStringLiteral("identityKey"), keyId}};
            return seal(QStringLiteral("patient"), id, version,
                        QJsonObject{{QStringLiteral("v"), 1}, {QStringLiteral("patient"), patient}});
        };
        const QString stranger = QUuid::createUuid().toString(QUuid::WithoutBraces);
        TAKE(wrongKey, patientEntry(stranger, QStringLiteral("P-FORGEDAAAAAA"), 1, QStringLiteral("create"),
                                    SecureBytes(crypto::randomBytes(32))));
        // One sealed under a site identity key B does not hold (a renewed one, say): it waits, unrefused.
        const QString later = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const SecureBytes otherKey(crypto::randomBytes(32));
        TAKE(underAnotherKey,
             patientEntry(later, QStringLiteral("P-FORGEDCCCCCC"), 1, QStringLiteral("create"), otherKey,
                          workspace::RegistrySync::keyId(otherKey)));
        // m_patient is at version 1 on both workstations (and at the relay).
        const QString known = m_patient.id.toString(QUuid::WithoutBraces);
        TAKE(renamed,
             patientEntry(known, QStringLiteral("P-FORGEDBBBBBB"), 2, QStringLiteral("update"), identityKey));
        TAKE(afterRenamed,
             patientEntry(known, m_patient.pseudonymId, 3, QStringLiteral("update"), identityKey));

        // A sound new event of m_patient, then a file whose bytes do not match the digest its chunk states.
        const QString eventId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString fileId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const double now = double(QDateTime::currentMSecsSinceEpoch());
        QJsonObject columns{{QStringLiteral("id"), eventId},
                            {QStringLiteral("patient_id"), known},
                            {QStringLiteral("version"), 1},
                            {QStringLiteral("type"), QStringLiteral("diagnosis")},
                            {QStringLiteral("start_at"), QStringLiteral("2026-10-01")},
                            {QStringLiteral("end_at"), QString()},
                            {QStringLiteral("title"), QStringLiteral("Diagnosis")},
                            {QStringLiteral("annotation"), QString()},
                            {QStringLiteral("payload"), QStringLiteral("{}")},
                            {QStringLiteral("form_records"), QStringLiteral("[]")},
                            {QStringLiteral("removed"), 0},
                            {QStringLiteral("created_at"), now},
                            {QStringLiteral("created_by"), QStringLiteral("dr.wang")},
                            {QStringLiteral("updated_at"), now},
                            {QStringLiteral("updated_by"), QStringLiteral("dr.wang")}};
        const auto eventEntry = [&](int version, const QString &change, const QJsonArray &files) {
            columns.insert(QStringLiteral("version"), version);
            const QJsonObject event{{QStringLiteral("event"), columns},
                                    {QStringLiteral("change"), change},
                                    {QStringLiteral("reason"), QString()},
                                    {QStringLiteral("changedAt"), now},
                                    {QStringLiteral("changedBy"), QStringLiteral("dr.wang")},
                                    {QStringLiteral("attachments"), files}};
            return seal(QStringLiteral("timeline-event"), eventId, version,
                        QJsonObject{{QStringLiteral("v"), 1}, {QStringLiteral("event"), event}});
        };
        TAKE(newEvent, eventEntry(1, QStringLiteral("create"), {}));
        const QByteArray png = noisePng(16);
        const QByteArray other = noisePng(16);
        TAKE(chunk, seal(QStringLiteral("attachment"), fileId, 1,
                         QJsonObject{{QStringLiteral("v"), 1},
                                     {QStringLiteral("attachmentId"), fileId},
                                     {QStringLiteral("eventId"), eventId},
                                     {QStringLiteral("index"), 1},
                                     {QStringLiteral("count"), 1},
                                     {QStringLiteral("size"), double(png.size())},
                                     {QStringLiteral("sha256"),
                                      QString::fromLatin1(
                                          crypto::hash(crypto::HashAlgorithm::Sha256, other).toHex())},
                                     {QStringLiteral("data"), QString::fromLatin1(png.toBase64())}}));
        TAKE(attachEvent,
             eventEntry(2, QStringLiteral("attach"),
                        QJsonArray{QJsonObject{{QStringLiteral("id"), fileId},
                                               {QStringLiteral("mediaType"), QStringLiteral("image/png")},
                                               {QStringLiteral("fileName"), QStringLiteral("scan.png")},
                                               {QStringLiteral("size"), double(png.size())},
                                               {QStringLiteral("addedAt"), now},
                                               {QStringLiteral("addedBy"), QStringLiteral("dr.wang")},
                                               {QStringLiteral("removedAt"), QJsonValue::Null},
                                               {QStringLiteral("removedBy"), QString()}}}));
        TAKE(outcome,
             client->push({wrongKey, underAnotherKey, renamed, afterRenamed, newEvent, chunk, attachEvent}));
        QVERIFY(outcome.applied);

        const workspace::ServerStatus status = sync(m_b);
        QCOMPARE(status.syncLastSequence, outcome.sequences.last()); // nothing stalls behind them
        QCOMPARE(status.syncParked, qint64(1));                      // the one under another key
        QVERIFY(eventsAbout(m_b, QStringLiteral("sync-entry:") + underAnotherKey.entryId,
                            QStringLiteral("security.alert"))
                    .isEmpty());
        QVERIFY(signIn(m_b, QStringLiteral("dr.wang")));
        QCOMPARE(m_b.workspace->registry().patient(me(m_b), QUuid(stranger)).error().code,
                 Error::Code::NotFound);
        TAKE(kept, m_b.workspace->registry().patient(me(m_b), m_patient.id));
        QCOMPARE(kept.pseudonymId, m_patient.pseudonymId);
        QCOMPARE(kept.version, m_patient.version);
        TAKE(sound, m_b.workspace->registry().event(me(m_b), QUuid(eventId)));
        QCOMPARE(sound.version, 1); // the sound creation is applied
        QCOMPARE(sound.attachments.size(), 0);
        const QList<std::pair<net::OutgoingEntry, QString>> why{
            {wrongKey, QStringLiteral("does not open with the site identity key")},
            {renamed, QStringLiteral("another pseudonym")},
            {afterRenamed, QStringLiteral("does not follow version")},
            {attachEvent, QStringLiteral("does not match its digest")}};
        for (const auto &[e, expected] : why) {
            const QList<audit::AuditEvent> alerts =
                eventsAbout(m_b, QStringLiteral("sync-entry:") + e.entryId, QStringLiteral("security.alert"));
            QCOMPARE(alerts.size(), 1);
            const QString error = alerts.first().detail.value(u"error").toString();
            QVERIFY2(error.contains(expected), qPrintable(expected + QStringLiteral(" / ") + error));
        }
    }

    // R-7.4.1, R-7.4.3: a workstation opened without the identity key cannot apply a patient: what
    // arrives waits, sealed, until one that holds it does. A patient change made where the site's
    // identity key was never received is not made (it could not reach the site).
    void aPatientChangeNeedsTheSiteIdentityKey()
    {
        QTemporaryDir dir;
        TAKE(c, workspace::createDemoWorkspace(dir.filePath(QStringLiteral("c")), m_clock, {}, kPassphrase));
        TAKE(settings, m_server->workstationSettings(QStringLiteral("workstation-6")));
        settings.siteIdentityKey.clear();
        c.workspace->logout();
        CHECK_OK(c.workspace->beginCustodianSession(workspace::SessionOrigin::Workstation));
        CHECK_OK(c.workspace->serverLink().configure(settings));
        c.workspace->logout();
        const workspace::ServerStatus first = sync(c);
        QVERIFY(first.syncEnabled);
        QVERIFY(first.syncParked > 0); // the site's patients wait for the key
        QVERIFY(signIn(c, QStringLiteral("dr.wang")));
        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(QStringLiteral("令狐兰"));
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1980, 1, 2);
        auto refused = c.workspace->registry().createPatient(me(c), draft);
        QCOMPARE(refused.error().code, Error::Code::PermissionDenied);
        QVERIFY(refused.error().message.contains(QStringLiteral("identity key")));
        TAKE(page, c.workspace->registry().patients(me(c), registry::PageRequest{}));
        for (const registry::Patient &p : page.patients)
            QVERIFY(p.id != m_patient.id);

        // The key arrives (here by the link's configuration): what waited is applied.
        TAKE(withKey, m_server->workstationSettings(QStringLiteral("workstation-6")));
        c.workspace->logout();
        CHECK_OK(c.workspace->beginCustodianSession(workspace::SessionOrigin::Workstation));
        CHECK_OK(c.workspace->serverLink().configure(withKey));
        c.workspace->logout();
        const workspace::ServerStatus second = sync(c);
        QCOMPARE(second.syncParked, qint64(1)); // only the one sealed under another site identity key
        QVERIFY(signIn(c, QStringLiteral("dr.wang")));
        TAKE(there, c.workspace->registry().patient(me(c), m_patient.id));
        QCOMPARE(there.pseudonymId, m_patient.pseudonymId);
        QCOMPARE(there.name, m_patient.name);
        TAKE(made, c.workspace->registry().createPatient(me(c), draft));
        QCOMPARE(made.version, 1);
    }

    // R-7.4.1, R-7.4.3: the relay cannot pass one workstation's entry off as another's: the sender's
    // certificate is bound into the seal, so an entry opened under another origin does not open.
    void anEntryDoesNotOpenUnderAnotherOrigin()
    {
        TAKE(settings, m_server->workstationSettings(QStringLiteral("workstation-3")));
        const net::SyncCipher cipher{SecureBytes(settings.siteKey)};
        net::OutgoingEntry e{QUuid::createUuid().toString(QUuid::WithoutBraces),
                             QStringLiteral("form-record"),
                             QUuid::createUuid().toString(QUuid::WithoutBraces),
                             1,
                             {}};
        TAKE(sealed, cipher.seal(e, QStringLiteral("aa01"), "{}"));
        TAKE(opened, cipher.open(net::IncomingEntry{7, e.entryId, QStringLiteral("aa01"), e.kind, e.objectId,
                                                    e.revision, sealed}));
        QCOMPARE(opened, QByteArray("{}"));
        auto moved = cipher.open(
            net::IncomingEntry{7, e.entryId, QStringLiteral("bb02"), e.kind, e.objectId, e.revision, sealed});
        QCOMPARE(moved.error().code, Error::Code::Tampered);
    }

    // R-9.2 permission sync, R-7.1.2 e): a policy version put in force on A (by a data manager) is in
    // force on B after the link's passes, signed there with B's own key, installed in the name of the
    // same person, recorded on B as policy.install via the site sync; applied once.
    void policyPutInForceOnAIsInForceOnB()
    {
        const qint64 conflictsOnA = sync(m_a).syncConflicts;
        const qint64 conflictsOnB = sync(m_b).syncConflicts; // the record's of an earlier test
        QVERIFY(signIn(m_a, QStringLiteral("dm.liu")));
        const int version = newestPolicyVersion() + 1;
        TAKE(installed, m_a.workspace->policies().install(policyDocument(version),
                                                          QStringLiteral("site policy for the trial")));
        QCOMPARE(installed.version, version);
        const workspace::ServerStatus pushed = sync(m_a);
        QCOMPARE(pushed.syncPending, qint64(0));
        QCOMPARE(pushed.syncConflicts, conflictsOnA);

        const workspace::ServerStatus pulled = sync(m_b);
        QCOMPARE(pulled.syncConflicts, conflictsOnB);
        const workspace::PolicyRecord onB = m_b.workspace->policies().inForce();
        QCOMPARE(onB.version, version);
        QCOMPARE(onB.document, installed.document);
        QCOMPARE(onB.note, installed.note);
        QVERIFY(!onB.keyId.isEmpty());
        QVERIFY2(onB.keyId != installed.keyId, "signed with B's own key");
        TAKE(dataManagerOnB, m_b.workspace->accounts().find(QStringLiteral("dm.liu")));
        QVERIFY(dataManagerOnB.has_value());
        QCOMPARE(onB.installedBy, dataManagerOnB->idString());

        const QString datum = QStringLiteral("policy:") + QString::number(version);
        const QList<audit::AuditEvent> events = eventsAbout(m_b, datum, QStringLiteral("policy.install"));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().detail.value(u"via").toString(), QStringLiteral("site-sync"));
        QCOMPARE(events.first().detail.value(u"version").toInt(), version);
        QVERIFY(!events.first().detail.value(u"origin").toString().isEmpty());
        // Idempotent: another pass installs nothing more.
        sync(m_b);
        QCOMPARE(eventsAbout(m_b, datum, QStringLiteral("policy.install")).size(), 1);
        QCOMPARE(m_b.workspace->policies().inForce().version, version);
    }

    // R-9.2, R-7.1.2: B put a newer version in force before A's older one arrives: A's changes nothing
    // on B (no install, no event); B's newer one then reaches A.
    void olderPolicyVersionArrivingChangesNothing()
    {
        const qint64 conflictsOnA = sync(m_a).syncConflicts;
        const qint64 conflictsOnB = sync(m_b).syncConflicts;
        const int base = newestPolicyVersion();
        // A's older one reaches the site first (its commit nudges its link); B puts a newer one in
        // force before its own link pulled A's, so A's arrives at B after B's.
        QVERIFY(signIn(m_a, QStringLiteral("dm.liu")));
        QVERIFY(signIn(m_b, QStringLiteral("dm.liu")));
        TAKE(olderOnA,
             m_a.workspace->policies().install(policyDocument(base + 1), QStringLiteral("older on A")));
        TAKE(newerOnB,
             m_b.workspace->policies().install(policyDocument(base + 2), QStringLiteral("newer on B")));
        QCOMPARE(sync(m_a).syncConflicts, conflictsOnA); // the site held `base`: A's base + 1 is taken
        const workspace::ServerStatus onB = sync(m_b);   // B's base + 2 pushed, A's base + 1 pulled
        QCOMPARE(onB.syncConflicts, conflictsOnB);
        QCOMPARE(onB.syncPending, qint64(0));
        QCOMPARE(m_b.workspace->policies().inForce().version, base + 2);
        QCOMPARE(m_b.workspace->policies().inForce().note, QStringLiteral("newer on B"));
        QVERIFY(eventsAbout(m_b, QStringLiteral("policy:") + QString::number(base + 1),
                            QStringLiteral("policy.install"))
                    .isEmpty());
        sync(m_a);
        QCOMPARE(m_a.workspace->policies().inForce().version, base + 2);
        QCOMPARE(m_a.workspace->policies().inForce().document, newerOnB.document);
        Q_UNUSED(olderOnA);
    }

    // R-9.2, R-7.1.2, R-7.4.3: a policy entry that opens with the site key but holds a document that
    // does not parse, or one that would widen access, is refused with a security alert; the policy in
    // force stays.
    void invalidPolicyFromTheSiteIsRefused()
    {
        sync(m_a);
        sync(m_b);
        const workspace::PolicyRecord before = m_a.workspace->policies().inForce();
        const int version = newestPolicyVersion() + 1;
        workspace::ServerSettings settings;
        TAKE(client, otherWorkstation(&settings));
        const net::SyncCipher cipher{SecureBytes(settings.siteKey)};
        const auto entry = [&](int revision, const QByteArray &document) -> Result<net::OutgoingEntry> {
            net::OutgoingEntry e{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 QStringLiteral("policy"),
                                 QStringLiteral("site-policy"),
                                 revision,
                                 {}};
            const QJsonObject payload{{QStringLiteral("v"), 1},
                                      {QStringLiteral("version"), revision},
                                      {QStringLiteral("document"), QString::fromUtf8(document)},
                                      {QStringLiteral("installedBy"), QStringLiteral("dm.liu")},
                                      {QStringLiteral("note"), QStringLiteral("forged")}};
            auto sealed =
                cipher.seal(e, originOf(settings), QJsonDocument(payload).toJson(QJsonDocument::Compact));
            if (!sealed)
                return sealed.error();
            e.ciphertext = sealed.value();
            return e;
        };
        TAKE(widening, entry(version, policyDocument(version, [](QJsonObject &r) {
                                 r.insert(QStringLiteral("minCellSize"), 2);
                             })));
        TAKE(garbage, entry(version + 1, "{\"format\": \"mdp.policy.v1\", \"version\": "));
        TAKE(outcome, client->push({widening, garbage}));
        QVERIFY(outcome.applied);

        const workspace::ServerStatus status = sync(m_a);
        QCOMPARE(int(status.state), int(workspace::ServerStatus::State::Connected));
        QCOMPARE(status.syncLastSequence, outcome.sequences.last()); // passed over, not retried
        QVERIFY2(status.syncMessage.contains(QStringLiteral("refused")), qPrintable(status.syncMessage));
        QCOMPARE(m_a.workspace->policies().inForce().version, before.version);
        QCOMPARE(m_a.workspace->policies().inForce().document, before.document);
        for (const net::OutgoingEntry &e : {widening, garbage})
            QCOMPARE(
                eventsAbout(m_a, QStringLiteral("sync-entry:") + e.entryId, QStringLiteral("security.alert"))
                    .size(),
                1);
        QVERIFY(eventsAbout(m_a, QStringLiteral("policy:") + QString::number(version),
                            QStringLiteral("policy.install"))
                    .isEmpty());
    }

    // R-9.2 permission sync, R-7.1.2: the site key alone does not make a policy: a sound policy that
    // is not signed by the workstation it came from, or that names an installer who may not manage
    // policies here, is refused and recorded; the policy in force is unchanged.
    void aPolicyWithoutAuthorityIsRefused()
    {
        sync(m_a);
        const workspace::PolicyRecord before = m_a.workspace->policies().inForce();
        // Above what the relay holds from the earlier refused entries (they are stored there).
        const int version = newestPolicyVersion() + 5;
        workspace::ServerSettings settings;
        TAKE(client, otherWorkstation(&settings));
        const net::SyncCipher cipher{SecureBytes(settings.siteKey)};
        const auto entry = [&](int revision, const QString &installedBy,
                               bool signedHere) -> Result<net::OutgoingEntry> {
            const QByteArray document = policyDocument(revision);
            net::OutgoingEntry e{QUuid::createUuid().toString(QUuid::WithoutBraces),
                                 QStringLiteral("policy"),
                                 QStringLiteral("site-policy"),
                                 revision,
                                 {}};
            QJsonObject payload{{QStringLiteral("v"), 1},
                                {QStringLiteral("version"), revision},
                                {QStringLiteral("document"), QString::fromUtf8(document)},
                                {QStringLiteral("installedBy"), installedBy},
                                {QStringLiteral("note"), QStringLiteral("no authority")}};
            if (signedHere) {
                auto envelope = client->signedEnvelope(document, installedBy);
                if (!envelope)
                    return envelope.error();
                payload.insert(QStringLiteral("envelope"), QString::fromLatin1(envelope->toBase64()));
            }
            auto sealed =
                cipher.seal(e, originOf(settings), QJsonDocument(payload).toJson(QJsonDocument::Compact));
            if (!sealed)
                return sealed.error();
            e.ciphertext = sealed.value();
            return e;
        };
        TAKE(unsignedEntry, entry(version, QStringLiteral("dm.liu"), false));
        TAKE(byResearcher, entry(version + 1, QStringLiteral("res.zhang"), true));
        TAKE(outcome, client->push({unsignedEntry, byResearcher}));
        QVERIFY(outcome.applied);
        sync(m_a);
        QCOMPARE(m_a.workspace->policies().inForce().version, before.version);
        QCOMPARE(m_a.workspace->policies().inForce().document, before.document);
        for (const net::OutgoingEntry &e : {unsignedEntry, byResearcher})
            QCOMPARE(
                eventsAbout(m_a, QStringLiteral("sync-entry:") + e.entryId, QStringLiteral("security.alert"))
                    .size(),
                1);
    }

    // R-9.2: revocations are signed and pushed to the workstations. A workstation pushes a sound policy
    // signed with its certificate, then the site revokes that certificate: A learns the revocation
    // (signed by the server's witness key, the CA's list signed by the CA) before it applies what it
    // pulls, refuses the policy and records both.
    void aPolicySignedByARevokedWorkstationIsRefused()
    {
        sync(m_a);
        sync(m_a); // the server's witness key is pinned after the first witnessed shipment
        const workspace::PolicyRecord before = m_a.workspace->policies().inForce();
        const int version = newestPolicyVersion() + 20; // past what the relay holds
        workspace::ServerSettings settings;
        TAKE(client, otherWorkstation(&settings, QStringLiteral("workstation-6")));
        // Issued now: the workspaces' clock must not be behind it (else "not yet valid" refuses it).
        const QDateTime issued = QDateTime::currentDateTimeUtc().addSecs(2);
        if (m_clock.now() < issued)
            m_clock.set(issued);
        const QByteArray document = policyDocument(version);
        TAKE(envelope, client->signedEnvelope(document, QStringLiteral("dm.liu")));
        net::OutgoingEntry e{QUuid::createUuid().toString(QUuid::WithoutBraces),
                             QStringLiteral("policy"),
                             QStringLiteral("site-policy"),
                             version,
                             {}};
        const QJsonObject payload{{QStringLiteral("v"), 1},
                                  {QStringLiteral("version"), version},
                                  {QStringLiteral("document"), QString::fromUtf8(document)},
                                  {QStringLiteral("installedBy"), QStringLiteral("dm.liu")},
                                  {QStringLiteral("note"), QStringLiteral("from a lost workstation")},
                                  {QStringLiteral("envelope"), QString::fromLatin1(envelope.toBase64())}};
        TAKE(sealed, net::SyncCipher(SecureBytes(settings.siteKey))
                         .seal(e, originOf(settings), QJsonDocument(payload).toJson(QJsonDocument::Compact)));
        e.ciphertext = sealed;
        TAKE(pushed, client->push({e}));
        QVERIFY(pushed.applied);

        TAKE(certificate, crypto::Certificate::fromPem(settings.certificatePem));
        CHECK_OK(pki::revokeDemo(m_server->directory(), certificate.serialHex()));
        const workspace::ServerStatus status = sync(m_a);
        QCOMPARE(int(status.state), int(workspace::ServerStatus::State::Connected));
        QVERIFY2(status.revokedCertificates >= 1, qPrintable(QString::number(status.revokedCertificates)));
        QCOMPARE(status.syncLastSequence, pushed.sequences.last());
        QCOMPARE(m_a.workspace->policies().inForce().version, before.version);
        const QList<audit::AuditEvent> alerts =
            eventsAbout(m_a, QStringLiteral("sync-entry:") + e.entryId, QStringLiteral("security.alert"));
        QCOMPARE(alerts.size(), 1);
        QVERIFY2(alerts.first().detail.value(u"error").toString().contains(QStringLiteral("revoked")),
                 qPrintable(alerts.first().detail.value(u"error").toString()));
        QCOMPARE(eventsAbout(m_a,
                             QStringLiteral("certificate:") +
                                 workspace::SiteSync::normalisedSerial(certificate.serialHex()),
                             QStringLiteral("pki.revocations"))
                     .size(),
                 1);
        // The server's own list names serials without leading zeros, OpenSSL with whole bytes: kept
        // and looked up alike.
        QCOMPARE(workspace::SiteSync::normalisedSerial(QStringLiteral("0A1f")), QStringLiteral("a1f"));
        QCOMPARE(workspace::SiteSync::normalisedSerial(QStringLiteral("00")), QStringLiteral("0"));
        // The revoked workstation is refused by the server from its next request too.
        QVERIFY(!client->pull(0, 1).ok());
    }

    // R-9.2 catalogue, R-7.1.2: after A's pass the site's catalogue holds A's forms as Questionnaires,
    // each field with the level the policy in force on A gives it; no value of a record, no patient.
    void catalogueListsTheFormsWithTheirClassificationAndNoValues()
    {
        QVERIFY(signIn(m_a, QStringLiteral("dm.liu")));
        TAKE(items, m_a.workspace->policies().items());
        const auto item = std::find_if(items.cbegin(), items.cend(), [](const workspace::ClassifiedItem &i) {
            return i.key == QStringLiteral("form:sync-test/sizeMm");
        });
        QVERIFY(item != items.cend());
        const workspace::ServerStatus status = sync(m_a);
        QCOMPARE(int(status.state), int(workspace::ServerStatus::State::Connected));

        TAKE(client, otherWorkstation());
        CHECK_OK(client->signIn(QStringLiteral("res.zhang"), passwordBytes("Demo-researcher-2026!")));
        TAKE(bundle, client->catalogue(QStringLiteral("Sync (test)")));
        QJsonObject found;
        for (const QJsonValue entry : bundle.value(QLatin1String("entry")).toArray()) {
            const QJsonObject resource = entry.toObject().value(QLatin1String("resource")).toObject();
            const QString source =
                resource.value(QLatin1String("meta")).toObject().value(QLatin1String("source")).toString();
            if (source.endsWith(QStringLiteral("workstation-1")))
                found = resource;
        }
        QVERIFY2(!found.isEmpty(), QJsonDocument(bundle).toJson().constData());
        QCOMPARE(found.value(u"resourceType").toString(), QStringLiteral("Questionnaire"));
        QCOMPARE(found.value(u"identifier").toArray().first().toObject().value(u"value").toString(),
                 QStringLiteral("sync-test"));
        QVERIFY(!found.contains(QStringLiteral("recordCount")));
        const QJsonArray fields = found.value(u"item").toArray();
        QCOMPARE(fields.size(), 1);
        const QJsonObject size = fields.first().toObject();
        QCOMPARE(size.value(u"linkId").toString(), QStringLiteral("sizeMm"));
        QCOMPARE(size.value(u"type").toString(), QStringLiteral("integer"));
        QCOMPARE(size.value(u"text").toString(), QStringLiteral("Size"));
        const QJsonObject classification = size.value(u"classification").toObject();
        QCOMPARE(classification.value(u"level").toInt(), item->inForce.level);
        QCOMPARE(classification.value(u"category").toString(), policy::categoryId(item->inForce.category));
        for (const QString &member : size.keys())
            QVERIFY2(QStringList({QStringLiteral("linkId"), QStringLiteral("type"), QStringLiteral("text"),
                                  QStringLiteral("classification")})
                         .contains(member),
                     qPrintable(member));
        const QByteArray text = QJsonDocument(bundle).toJson(QJsonDocument::Compact);
        QVERIFY(!text.contains(m_patient.pseudonymId.toUtf8()));
        QVERIFY(!text.contains(QStringLiteral("欧阳").toUtf8()));
        QVERIFY(!text.contains("answer"));
        QVERIFY(!text.contains("initial"));
    }

    // R-9.2, R-7.4.1: two workstations put the same version in force: the second to push is refused
    // at the relay and shown as a sync conflict; each keeps its own.
    void samePolicyVersionOnTwoWorkstationsIsAConflict()
    {
        const qint64 conflictsOnA = sync(m_a).syncConflicts;
        const qint64 conflictsOnB = sync(m_b).syncConflicts;
        const int version = newestPolicyVersion() + 40; // past the refused entries the relay holds
        QVERIFY(signIn(m_a, QStringLiteral("dm.liu")));
        TAKE(onA, m_a.workspace->policies().install(policyDocument(version), QStringLiteral("A's")));
        QVERIFY(signIn(m_b, QStringLiteral("dm.liu")));
        TAKE(onB, m_b.workspace->policies().install(policyDocument(version,
                                                                   [](QJsonObject &r) {
                                                                       r.insert(QStringLiteral("issuer"),
                                                                                QStringLiteral("B"));
                                                                   }),
                                                    QStringLiteral("B's")));
        QCOMPARE(sync(m_a).syncConflicts, conflictsOnA);
        const workspace::ServerStatus refused = sync(m_b);
        QCOMPARE(refused.syncConflicts, conflictsOnB + 1);
        QVERIFY2(refused.syncMessage.contains(QStringLiteral("policy")), qPrintable(refused.syncMessage));
        QCOMPARE(m_b.workspace->policies().inForce().note, QStringLiteral("B's"));
        sync(m_a);
        QCOMPARE(m_a.workspace->policies().inForce().note, QStringLiteral("A's"));
        QCOMPARE(
            eventsAbout(m_b, QStringLiteral("policy:site-policy"), QStringLiteral("sync.conflict")).size(),
            1);
        Q_UNUSED(onA);
        Q_UNUSED(onB);
    }

    // R-7.4.1: a workstation that joins the site brings the records it already holds, at the revision
    // it holds them (once; recorded as sync.join), so the central store is whole.
    void recordsMadeBeforeJoiningTheSiteArrive()
    {
        TAKE(c,
             workspace::createDemoWorkspace(m_dir.filePath(QStringLiteral("c")), m_clock, {}, kPassphrase));
        workspace::DemoWorkspace joining = std::move(c);
        QVERIFY(signIn(joining, QStringLiteral("dm.liu")));
        CHECK_OK(joining.workspace->forms().importDefinition(me(joining), kForm));
        QVERIFY(signIn(joining, QStringLiteral("dr.wang")));
        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(QStringLiteral("司马兰"));
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1971, 3, 9);
        TAKE(patient, joining.workspace->registry().createPatient(me(joining), draft));
        forms::NewRecord n;
        n.formId = QStringLiteral("sync-test");
        n.patientId = patient.id;
        n.patientPseudonym = patient.pseudonymId;
        n.values = QJsonObject{{QStringLiteral("sizeMm"), 31}};
        TAKE(made, joining.workspace->forms().createDraft(me(joining), n));
        TAKE(saved, joining.workspace->forms().saveDraft(
                        me(joining), made.id, QJsonObject{{QStringLiteral("sizeMm"), 32}}, made.revision));
        QVERIFY(saved.revision > 1);

        QVERIFY(connect(joining, QStringLiteral("workstation-4")));
        const workspace::ServerStatus joined = sync(joining);
        QCOMPARE(joined.syncPending, qint64(0));
        QCOMPARE(joined.syncConflicts, qint64(0));
        QCOMPARE(sync(joining).syncPending, qint64(0)); // once: nothing queued again

        sync(m_b);
        QVERIFY(signIn(m_b, QStringLiteral("dr.wang")));
        TAKE(onB, m_b.workspace->forms().record(me(m_b), made.id));
        QCOMPARE(onB.revision, saved.revision);
        QCOMPARE(onB.values.value(u"sizeMm").toInt(), 32);
    }

    // Issue 11 part 7: the demo's second workstation pulls what A submitted, its reviewer approves it
    // there, and A shows the approval (what `mdp-workstation --demo` runs beside its window).
    void theDemosSecondWorkstationApprovesWhatASubmitted()
    {
        TAKE(submitted, createAndSubmitOnA(41));
        QCOMPARE(sync(m_a).syncPending, qint64(0));
        auto second = startup::DemoSecondWorkstation::start(
            *m_server, m_dir.filePath(QStringLiteral("second")), 50, 60000, QStringLiteral("workstation-5"));
        const startup::DemoSecondWorkstation::Outcome outcome = second->wait();
        QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        QVERIFY(outcome.received > 0);
        QVERIFY(outcome.approved >= 1);
        sync(m_a);
        QVERIFY(signIn(m_a, QStringLiteral("dr.wang")));
        TAKE(onA, m_a.workspace->forms().record(me(m_a), submitted.id));
        QCOMPARE(onA.status, forms::RecordStatus::Approved);
    }

    void cleanupTestCase()
    {
        m_a.workspace.reset();
        m_b.workspace.reset();
        m_server.reset();
    }
};

QTEST_GUILESS_MAIN(ServerSyncTest)
#include "tst_ServerSync.moc"
