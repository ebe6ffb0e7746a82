// The record lifecycle and review workflow of issue 4 through the FormStore API on a real encrypted
// workspace: creator-only drafts, submission, automatic reviewer choice, in-app and e-mail notices,
// rejection with a reason, resubmission, approval into locked formal versions, amendment, history,
// illegal moves refused, validation on the write path, concurrent reviewers, reassignment and
// escalation with an injected clock.

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/accounts/Role.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/forms/FormStore.h"
#include "mdp/forms/FormsAuditSink.h"
#include "mdp/forms/RecordDiff.h"
#include "mdp/forms/SqlCipherFormStore.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/DemoWorkspace.h"
#include "mdp/workspace/Workspace.h"
#include "mdp/workspace/WorkspaceConnection.h"

#include <QTemporaryDir>
#include <QtTest>

#include <latch>
#include <thread>

using namespace mdp;
using namespace mdp::forms;

namespace {

const char *kPassphrase = "review workflow test passphrase";
const QString kPassword = QStringLiteral("Forms-Test-2026!x");

const QByteArray kBaselineForm = R"json({
  "id": "baseline-test", "title": {"en": "Baseline (test)", "zh": "基线（测试）"}, "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "tumourSizeMm", "type": "integer", "label": {"en": "Tumour size"}, "required": true,
     "minimum": 1, "maximum": 200, "unit": "mm"},
    {"id": "grade", "type": "choice", "label": {"en": "Grade"}, "required": true,
     "options": [{"code": "1", "label": {"en": "G1"}}, {"code": "2", "label": {"en": "G2"}},
                 {"code": "3", "label": {"en": "G3"}}]},
    {"id": "diagnosisDate", "type": "date", "label": {"en": "Diagnosis date"}, "required": true},
    {"id": "surgeryDate", "type": "date", "label": {"en": "Surgery date"}},
    {"id": "note", "type": "text", "label": {"en": "Note"}, "maxLength": 200}
  ]}],
  "rules": [{"id": "surgeryAfterDiagnosis", "expression": "surgeryDate >= diagnosisDate",
             "message": {"en": "Surgery cannot precede diagnosis"}, "fields": ["surgeryDate"]}]
})json";

const QByteArray kRadiotherapyForm = R"json({
  "id": "rt-test", "title": {"en": "Radiotherapy (test)"}, "category": "radiotherapy",
  "sections": [{"id": "main", "fields": [
    {"id": "totalDoseGy", "type": "decimal", "label": {"en": "Total dose"}, "required": true,
     "minimum": 0, "maximum": 80, "unit": "Gy"}
  ]}]
})json";

QJsonObject validBaseline(int size = 23)
{
    return QJsonObject{{QStringLiteral("tumourSizeMm"), size},
                       {QStringLiteral("grade"), QStringLiteral("2")},
                       {QStringLiteral("diagnosisDate"), QStringLiteral("2026-01-10")}};
}

class CollectingSink final : public FormsAuditSink
{
public:
    void record(const FormsAuditRecord &r) override { records << r; }
    QList<FormsAuditRecord> records;
};

} // namespace

class tst_ReviewWorkflow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 3, 2), QTime(1, 0), Qt::UTC)};
    std::unique_ptr<workspace::Workspace> m_ws;
    QHash<QString, QString> m_ids;       // user name -> account id
    QHash<QString, QStringList> m_roles; // account id -> role ids (for stores on other connections)
    int m_patients = 0;

    FormStore &store() { return m_ws->forms(); }
    QString id(const char *name) const { return m_ids.value(QString::fromLatin1(name)); }

    void addAccount(const QString &name, const QList<accounts::Role> &roles)
    {
        auto a = m_ws->accounts().createAccount(m_ws->custodianId(), name, name, roles.first(),
                                                passwordBytes(kPassword.toUtf8()));
        QVERIFY2(a, qPrintable(a ? QString() : a.error().toString()));
        if (roles.size() > 1)
            QVERIFY(m_ws->accounts().setRoles(m_ws->custodianId(), name, roles));
        m_ids.insert(name, a->idString());
        QStringList ids;
        for (const auto r : roles)
            ids << accounts::roleId(r);
        m_roles.insert(a->idString(), ids);
    }

    NewRecord newRecord(const QString &formId = QStringLiteral("baseline-test"),
                        const QJsonObject &values = {})
    {
        // The workspace's store files records only under patients of its registry.
        registry::PatientDraft person;
        person.name = registry::PersonName::fromFullName(QStringLiteral("测试病人"));
        person.sex = registry::Sex::Female;
        person.birthDate = QDate(1940, 1, 1).addDays(++m_patients * 400);
        auto patient =
            m_ws->registry().createPatient(m_ws->custodianId().toString(QUuid::WithoutBraces), person);
        if (!patient)
            qFatal("patient: %s", qPrintable(patient.error().toString()));
        NewRecord n;
        n.formId = formId;
        n.patientId = patient->id;
        n.patientPseudonym = patient->pseudonymId;
        n.values = values;
        return n;
    }

    // A baseline record by clin1, submitted and pending with rev1.
    FormRecord pendingRecord()
    {
        auto r =
            store().createDraft(id("clin1"), newRecord(QStringLiteral("baseline-test"), validBaseline()));
        if (!r) {
            qWarning() << r.error().toString();
            return {};
        }
        auto s = store().submit(id("clin1"), r->id, r->revision);
        if (!s) {
            qWarning() << s.error().toString();
            return {};
        }
        return s.value();
    }

    std::optional<Notification> noticeFor(const QString &account, const QUuid &recordId,
                                          Notification::Kind kind)
    {
        auto all = store().notifications(account);
        if (!all)
            return std::nullopt;
        for (const Notification &n : all.value()) {
            if (n.recordId == recordId && n.kind == kind)
                return n;
        }
        return std::nullopt;
    }

    int versionCount(const QUuid &recordId)
    {
        auto h = store().history(id("clin1"), recordId);
        return h ? int(h->size()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        workspace::CreateOptions o;
        o.directory = m_dir.filePath(QStringLiteral("ws"));
        o.passphrase = SecureBytes(QByteArrayView(kPassphrase));
        auto ws = workspace::Workspace::create(o, m_clock);
        QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
        m_ws = std::move(ws.value());
        QVERIFY(m_ws->beginCustodianSession().ok());
        addAccount(QStringLiteral("clin1"), {accounts::Role::Clinician});
        addAccount(QStringLiteral("clin2"), {accounts::Role::Clinician});
        addAccount(QStringLiteral("rev1"), {accounts::Role::Reviewer});
        addAccount(QStringLiteral("rev2"), {accounts::Role::Reviewer});
        addAccount(QStringLiteral("dual"), {accounts::Role::Clinician, accounts::Role::Reviewer});
        addAccount(QStringLiteral("dm"), {accounts::Role::DataManager});
        const QString custodian = m_ws->custodianId().toString(QUuid::WithoutBraces);
        m_roles.insert(custodian, {QStringLiteral("system-admin")});

        // Only data managers and administrators import definitions.
        auto refused = store().importDefinition(id("clin1"), kBaselineForm);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::PermissionDenied);
        auto def = store().importDefinition(id("dm"), kBaselineForm);
        QVERIFY2(def, qPrintable(def ? QString() : def.error().toString()));
        QCOMPARE(def->version, 1);
        QVERIFY(store().importDefinition(custodian, kRadiotherapyForm));

        QVERIFY(store().setReviewerProfile(
            id("dm"), ReviewerProfile{
                          id("rev1"), {QStringLiteral("baseline")}, {}, QStringLiteral("rev1@example.org")}));
        QVERIFY(store().setReviewerProfile(
            id("dm"), ReviewerProfile{id("rev2"), {QStringLiteral("radiotherapy")}, {}, {}}));
        // A clinician cannot set profiles; a profile needs the reviewer role.
        QCOMPARE(
            store().setReviewerProfile(id("clin1"), ReviewerProfile{id("rev2"), {}, {}, {}}).error().code,
            Error::Code::PermissionDenied);
        QCOMPARE(store().setReviewerProfile(id("dm"), ReviewerProfile{id("clin2"), {}, {}, {}}).error().code,
                 Error::Code::InvalidArgument);
        QVERIFY(store().setNotificationEmail(id("clin1"), id("clin1"), QStringLiteral("clin1@example.org")));
    }

    // R-6.2.1d
    void importingUnchangedContentKeepsTheVersionAndChangedContentMakesTheNext()
    {
        auto same = store().importDefinition(id("dm"), kRadiotherapyForm);
        QVERIFY(same);
        QCOMPARE(same->version, 1);
        QByteArray changed = kRadiotherapyForm;
        changed.replace("\"maximum\": 80", "\"maximum\": 70");
        auto next = store().importDefinition(id("dm"), changed);
        QVERIFY2(next, qPrintable(next ? QString() : next.error().toString()));
        QCOMPARE(next->version, 2);
        auto latest = store().definition(QStringLiteral("rt-test"));
        QVERIFY(latest);
        QCOMPARE(latest->version, 2);
        auto first = store().definition(QStringLiteral("rt-test"), 1);
        QVERIFY(first);
        QCOMPARE(first->field(u"totalDoseGy")->maximum.value_or(0), 80.0);
        auto defs = store().definitions();
        QVERIFY(defs);
        QStringList ids;
        for (const FormDefinition &d : defs.value())
            ids << d.id;
        QVERIFY(ids.contains(QStringLiteral("rt-test")) && ids.contains(QStringLiteral("baseline-test")));
    }

    // R-6.2.1d: a new workspace carries the shipped templates, imported as version 1
    void aNewWorkspaceHasTheDefaultTemplates()
    {
        for (const char *form : {"breast-baseline", "radiotherapy-plan", "immunotherapy-cycles", "toxicity",
                                 "response", "follow-up"}) {
            auto def = store().definition(QString::fromLatin1(form));
            QVERIFY2(def, form);
            QCOMPARE(def->version, 1);
        }
    }

    // R-6.2.2a
    void draftIsVisibleAndEditableOnlyByItsCreator()
    {
        auto draft =
            store().createDraft(id("clin1"), newRecord(QStringLiteral("baseline-test"),
                                                       QJsonObject{{QStringLiteral("tumourSizeMm"), 12}}));
        QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().toString()));
        QCOMPARE(draft->status, RecordStatus::Draft);
        QCOMPARE(draft->revision, 1);
        QCOMPARE(draft->creatorId, id("clin1"));

        auto mine = store().record(id("clin1"), draft->id);
        QVERIFY(mine);
        QCOMPARE(mine->values.value(QStringLiteral("tumourSizeMm")).toInt(), 12);

        auto theirs = store().record(id("clin2"), draft->id);
        QVERIFY(!theirs);
        QCOMPARE(theirs.error().code, Error::Code::NotFound);
        auto listed = store().records(id("clin2"), RecordFilter{});
        QVERIFY(listed);
        for (const FormRecord &r : listed.value())
            QVERIFY(r.id != draft->id);
        auto ownList = store().records(id("clin1"), RecordFilter{});
        QVERIFY(ownList);
        QVERIFY(std::any_of(ownList->begin(), ownList->end(),
                            [&](const FormRecord &r) { return r.id == draft->id; }));
        QCOMPARE(store().history(id("clin2"), draft->id).error().code, Error::Code::NotFound);

        auto edit = store().saveDraft(id("clin2"), draft->id, validBaseline(), draft->revision);
        QVERIFY(!edit);
        QCOMPARE(edit.error().code, Error::Code::NotFound);
        auto submit = store().submit(id("clin2"), draft->id, draft->revision);
        QCOMPARE(submit.error().code, Error::Code::NotFound);

        auto saved = store().saveDraft(id("clin1"), draft->id, validBaseline(40), draft->revision);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().toString()));
        QCOMPARE(saved->revision, 2);
        QCOMPARE(saved->status, RecordStatus::Draft);
    }

    // R-6.2.2b, R-6.2.3a, R-6.2.3b
    void submitMakesThePendingRecordAndAssignsAReviewerAutomatically()
    {
        const int unreadBefore = store().unreadCount(id("rev1")).value();
        auto draft =
            store().createDraft(id("clin1"), newRecord(QStringLiteral("baseline-test"), validBaseline()));
        QVERIFY(draft);
        auto pending = store().submit(id("clin1"), draft->id, draft->revision);
        QVERIFY2(pending, qPrintable(pending ? QString() : pending.error().toString()));
        QCOMPARE(pending->status, RecordStatus::Pending);
        QCOMPARE(pending->revision, 2);
        QCOMPARE(pending->submitterId, id("clin1"));
        QCOMPARE(pending->reviewerId, id("rev1")); // the only reviewer of category "baseline"

        auto inbox = store().inbox(id("rev1"));
        QVERIFY(inbox);
        auto task = std::find_if(inbox->begin(), inbox->end(),
                                 [&](const ReviewTask &t) { return t.recordId == draft->id; });
        QVERIFY(task != inbox->end());
        QCOMPARE(task->submitterId, id("clin1"));
        QCOMPARE(task->state, TaskState::Open);
        QCOMPARE(task->dueAt, m_clock.now().addDays(3));
        QCOMPARE(task->submission, 1);

        // In-app notice with the unread count (R-6.2.3b).
        QCOMPARE(store().unreadCount(id("rev1")).value(), unreadBefore + 1);
        const auto notice = noticeFor(id("rev1"), draft->id, Notification::Kind::ReviewAssigned);
        QVERIFY(notice);
        QVERIFY(!notice->read);
        QCOMPARE(notice->patientPseudonym, draft->patientPseudonym);
        QVERIFY(store().markRead(id("rev1"), notice->id));
        QCOMPARE(store().unreadCount(id("rev1")).value(), unreadBefore);
        // Somebody else's notice cannot be marked.
        QCOMPARE(store().markRead(id("clin2"), notice->id).error().code, Error::Code::NotFound);

        // A radiotherapy record is routed by category to the radiotherapy reviewer.
        auto rt =
            store().createDraft(id("clin1"), newRecord(QStringLiteral("rt-test"),
                                                       QJsonObject{{QStringLiteral("totalDoseGy"), 50}}));
        QVERIFY2(rt, qPrintable(rt ? QString() : rt.error().toString()));
        auto rtPending = store().submit(id("clin1"), rt->id, rt->revision);
        QVERIFY(rtPending);
        QCOMPARE(rtPending->reviewerId, id("rev2"));
    }

    // R-6.2.3a
    void theReviewerIsNeverTheSubmitterAndTheLeastBusyIsChosen()
    {
        QVERIFY(pendingRecord().status == RecordStatus::Pending); // rev1 has open tasks now
        // "dual" reviews any category and has no open task: the natural choice, except for their own.
        QVERIFY(store().setReviewerProfile(id("dm"), ReviewerProfile{id("dual"), {}, {}, {}}));
        auto own =
            store().createDraft(id("dual"), newRecord(QStringLiteral("baseline-test"), validBaseline()));
        QVERIFY(own);
        auto ownPending = store().submit(id("dual"), own->id, own->revision);
        QVERIFY(ownPending);
        QCOMPARE(ownPending->reviewerId, id("rev1"));
        // The submitter cannot approve it either.
        QCOMPARE(store().approve(id("dual"), own->id, ownPending->revision).error().code,
                 Error::Code::PermissionDenied);

        auto other = pendingRecord();
        QCOMPARE(other.reviewerId, id("dual")); // fewest open tasks
        auto profiles = store().reviewerProfiles();
        QVERIFY(profiles);
        for (const ReviewerProfile &p : profiles.value()) {
            if (p.accountId == id("dual"))
                QCOMPARE(p.openTasks, 1);
        }
        // Away: no longer chosen.
        QVERIFY(store().setReviewerProfile(id("dm"), ReviewerProfile{id("dual"), {}, {}, {}, false}));
        QCOMPARE(pendingRecord().reviewerId, id("rev1"));
        // No reviewer at all for a category: refused, and the record stays a draft.
        QVERIFY(store().setReviewerProfile(
            id("dm"), ReviewerProfile{id("rev2"), {QStringLiteral("radiotherapy")}, {}, {}, false}));
        auto rt =
            store().createDraft(id("clin1"), newRecord(QStringLiteral("rt-test"),
                                                       QJsonObject{{QStringLiteral("totalDoseGy"), 50}}));
        QVERIFY(rt);
        auto noReviewer = store().submit(id("clin1"), rt->id, rt->revision);
        QCOMPARE(noReviewer.error().code, Error::Code::NotFound);
        QCOMPARE(store().record(id("clin1"), rt->id)->status, RecordStatus::Draft);
        QVERIFY(store().setReviewerProfile(
            id("dm"), ReviewerProfile{id("rev2"), {QStringLiteral("radiotherapy")}, {}, {}}));
    }

    // R-6.2.2c, R-6.2.2d, R-6.2.4c, R-6.2.4d, R-6.2.4e, R-6.1.1d
    void rejectFixResubmitApproveAmendMakesLockedFormalVersions()
    {
        FormRecord r = pendingRecord();
        QCOMPARE(r.status, RecordStatus::Pending);
        QCOMPARE(r.reviewerId, id("rev1"));

        // A rejection needs a reason.
        auto blank = store().reject(id("rev1"), r.id, r.revision, QStringLiteral("   "));
        QVERIFY(!blank);
        QCOMPARE(blank.error().code, Error::Code::InvalidArgument);
        QCOMPARE(store().record(id("rev1"), r.id)->status, RecordStatus::Pending);

        m_clock.advance(60 * 60 * 1000);
        auto rejected =
            store().reject(id("rev1"), r.id, r.revision, QStringLiteral("Grade does not match pathology"));
        QVERIFY2(rejected, qPrintable(rejected ? QString() : rejected.error().toString()));
        QCOMPARE(rejected->status, RecordStatus::Rejected);
        QCOMPARE(rejected->lastReason, QStringLiteral("Grade does not match pathology"));
        const auto rejectNotice = noticeFor(id("clin1"), r.id, Notification::Kind::RecordRejected);
        QVERIFY(rejectNotice);
        QCOMPARE(rejectNotice->reason, QStringLiteral("Grade does not match pathology"));
        QCOMPARE(rejectNotice->actorId, id("rev1"));
        const auto inbox = store().inbox(id("rev1"));
        QVERIFY(inbox);
        QVERIFY(std::none_of(inbox->begin(), inbox->end(),
                             [&](const ReviewTask &t) { return t.recordId == r.id; }));

        // Only the submitter fixes it; then resubmits (R-6.2.2c).
        QJsonObject fixed = validBaseline();
        fixed.insert(QStringLiteral("grade"), QStringLiteral("3"));
        QCOMPARE(store().saveDraft(id("clin2"), r.id, fixed, rejected->revision).error().code,
                 Error::Code::PermissionDenied);
        auto edited = store().saveDraft(id("clin1"), r.id, fixed, rejected->revision);
        QVERIFY2(edited, qPrintable(edited ? QString() : edited.error().toString()));
        QCOMPARE(edited->status, RecordStatus::Draft);
        auto resubmitted = store().submit(id("clin1"), r.id, edited->revision);
        QVERIFY(resubmitted);
        QCOMPARE(resubmitted->status, RecordStatus::Pending);
        auto tasks = store().openTasks();
        QVERIFY(tasks);
        const auto open = std::find_if(tasks->begin(), tasks->end(),
                                       [&](const ReviewTask &t) { return t.recordId == r.id; });
        QVERIFY(open != tasks->end());
        QCOMPARE(open->submission, 2);

        // Approval makes formal version 1, locked (R-6.2.2d).
        auto approved =
            store().approve(resubmitted->reviewerId, r.id, resubmitted->revision, QStringLiteral("ok"));
        QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().toString()));
        QCOMPARE(approved->status, RecordStatus::Approved);
        QCOMPARE(approved->formalVersion, 1);
        QCOMPARE(approved->formalValues.value(QStringLiteral("grade")).toString(), QStringLiteral("3"));
        QVERIFY(noticeFor(id("clin1"), r.id, Notification::Kind::RecordApproved));
        auto locked = store().saveDraft(id("clin1"), r.id, validBaseline(99), approved->revision);
        QVERIFY(!locked);
        QCOMPARE(locked.error().code, Error::Code::PermissionDenied);
        QCOMPARE(store().record(id("clin1"), r.id)->revision, approved->revision);

        // Amendment: a draft again, starting from the formal values, with a reason.
        QCOMPARE(store().amend(id("clin1"), r.id, approved->revision, QString()).error().code,
                 Error::Code::InvalidArgument);
        auto amending =
            store().amend(id("clin1"), r.id, approved->revision, QStringLiteral("Size re-measured"));
        QVERIFY2(amending, qPrintable(amending ? QString() : amending.error().toString()));
        QCOMPARE(amending->status, RecordStatus::Draft);
        QCOMPARE(amending->values, approved->formalValues);
        auto changedValues = amending->values;
        changedValues.insert(QStringLiteral("tumourSizeMm"), 31);
        auto saved = store().saveDraft(id("clin1"), r.id, changedValues, amending->revision);
        QVERIFY(saved);
        // Others still see formal version 1 while the amendment is in progress.
        auto seenByOther = store().record(id("clin2"), r.id);
        QVERIFY(seenByOther);
        QCOMPARE(seenByOther->values.value(QStringLiteral("tumourSizeMm")).toInt(), 23);
        QCOMPARE(seenByOther->formalVersion, 1);

        auto second = store().submit(id("clin1"), r.id, saved->revision);
        QVERIFY(second);
        auto v2 = store().approve(second->reviewerId, r.id, second->revision);
        QVERIFY(v2);
        QCOMPARE(v2->formalVersion, 2);
        QCOMPARE(v2->formalValues.value(QStringLiteral("tumourSizeMm")).toInt(), 31);

        // Every write is a version with who, when, why (R-6.1.1d).
        auto history = store().history(id("clin2"), r.id);
        QVERIFY(history);
        const QList<Transition> expected{Transition::SaveDraft, Transition::Submit,    Transition::Reject,
                                         Transition::SaveDraft, Transition::Submit,    Transition::Approve,
                                         Transition::Amend,     Transition::SaveDraft, Transition::Submit,
                                         Transition::Approve};
        QCOMPARE(history->size(), expected.size());
        QList<int> formal;
        for (qsizetype i = 0; i < history->size(); ++i) {
            const RecordVersion &v = history->at(i);
            QCOMPARE(v.revision, int(i) + 1);
            QCOMPARE(v.transition, expected.at(i));
            QVERIFY(!v.actorId.isEmpty());
            QVERIFY(v.at.isValid());
            if (v.formalVersion > 0)
                formal << v.formalVersion;
        }
        QCOMPARE(formal, (QList<int>{1, 2}));
        QCOMPARE(history->at(2).reason, QStringLiteral("Grade does not match pathology"));
        QCOMPARE(history->at(2).actorId, id("rev1"));
        QCOMPARE(history->at(6).reason, QStringLiteral("Size re-measured"));
        QVERIFY(history->at(2).at > history->at(1).at);
        // The reviewer's diff between the formal versions (R-6.2.4b).
        auto def = store().definition(QStringLiteral("baseline-test"));
        QVERIFY(def);
        const auto changes = diffRecords(def.value(), history->at(5).values, history->at(9).values);
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().fieldPath, QStringLiteral("tumourSizeMm"));

        // Every write was audited with the pseudonym and the record, never a value.
        auto events = workspace::AuditQueries(*m_ws).byDataId(QStringLiteral("form-record:") +
                                                              r.id.toString(QUuid::WithoutBraces));
        QVERIFY(events);
        QStringList types;
        for (const auto &e : events.value()) {
            types << e.event.type;
            QVERIFY(
                e.event.entities.contains(audit::AuditEntity{QStringLiteral("patient"), r.patientPseudonym}));
            QVERIFY(!e.event.toCanonicalJson().contains("tumourSizeMm\":"));
        }
        QVERIFY(types.contains(QStringLiteral("record.approve")));
        QVERIFY(types.contains(QStringLiteral("record.reject")));
        QVERIFY(types.contains(QStringLiteral("record.amend")));
    }

    // R-6.2.2a-d: the lifecycle table holds whatever the caller tries
    void illegalMovesAreRefusedThroughTheApi()
    {
        auto draft =
            store().createDraft(id("clin1"), newRecord(QStringLiteral("baseline-test"), validBaseline()));
        QVERIFY(draft);
        QCOMPARE(store().approve(id("clin1"), draft->id, draft->revision).error().code,
                 Error::Code::PermissionDenied);
        QCOMPARE(store().approve(id("rev1"), draft->id, draft->revision).error().code,
                 Error::Code::NotFound); // someone else's draft does not exist for the reviewer
        QCOMPARE(store().reject(id("rev1"), draft->id, draft->revision, QStringLiteral("x")).error().code,
                 Error::Code::NotFound);
        QCOMPARE(store().withdraw(id("clin1"), draft->id, draft->revision).error().code,
                 Error::Code::PermissionDenied);
        QCOMPARE(store().amend(id("clin1"), draft->id, draft->revision, QStringLiteral("x")).error().code,
                 Error::Code::PermissionDenied);
        auto pending = store().submit(id("clin1"), draft->id, draft->revision);
        QVERIFY(pending);
        QCOMPARE(store().submit(id("clin1"), draft->id, pending->revision).error().code,
                 Error::Code::PermissionDenied);
        QCOMPARE(store().saveDraft(id("clin1"), draft->id, validBaseline(), pending->revision).error().code,
                 Error::Code::PermissionDenied);
        // Only the assigned reviewer decides; a clinician never does.
        QCOMPARE(store().approve(id("rev2"), draft->id, pending->revision).error().code,
                 Error::Code::PermissionDenied);
        QCOMPARE(store().approve(id("clin2"), draft->id, pending->revision).error().code,
                 Error::Code::PermissionDenied);
        QCOMPARE(store().approve(id("clin1"), draft->id, pending->revision).error().code,
                 Error::Code::PermissionDenied);
        // A stale revision is a conflict, not a silent overwrite.
        QCOMPARE(store().approve(id("rev1"), draft->id, draft->revision).error().code, Error::Code::Conflict);
        // The submitter may withdraw before the reviewer acts; the task goes away.
        auto withdrawn = store().withdraw(id("clin1"), draft->id, pending->revision);
        QVERIFY(withdrawn);
        QCOMPARE(withdrawn->status, RecordStatus::Draft);
        auto tasks = store().openTasks();
        QVERIFY(std::none_of(tasks->begin(), tasks->end(),
                             [&](const ReviewTask &t) { return t.recordId == draft->id; }));
        QCOMPARE(versionCount(draft->id), 3);
    }

    // R-6.2.1f
    void aRecordFailingHardRulesIsRefusedNamingEveryFieldAndNothingIsWritten()
    {
        // Draft mode: a value out of range and a broken cross-field rule refuse the draft itself.
        const int before = int(store().records(id("clin1"), RecordFilter{})->size());
        QJsonObject bad = validBaseline(500);
        bad.insert(QStringLiteral("surgeryDate"), QStringLiteral("2025-12-01"));
        auto refused = store().createDraft(id("clin1"), newRecord(QStringLiteral("baseline-test"), bad));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::InvalidArgument);
        QVERIFY2(refused.error().message.contains(QStringLiteral("tumourSizeMm")),
                 qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(QStringLiteral("surgeryDate")),
                 qPrintable(refused.error().message));
        QCOMPARE(int(store().records(id("clin1"), RecordFilter{})->size()), before);

        // Submit mode: every missing required field is named; record, versions, tasks, notices unchanged.
        auto draft = store().createDraft(
            id("clin1"), newRecord(QStringLiteral("baseline-test"),
                                   QJsonObject{{QStringLiteral("note"), QStringLiteral("x")}}));
        QVERIFY(draft);
        const int unread = store().unreadCount(id("rev1")).value();
        const qsizetype open = store().openTasks()->size();
        auto submit = store().submit(id("clin1"), draft->id, draft->revision);
        QVERIFY(!submit);
        QCOMPARE(submit.error().code, Error::Code::InvalidArgument);
        for (const char *field : {"tumourSizeMm", "grade", "diagnosisDate"})
            QVERIFY2(submit.error().message.contains(QLatin1String(field)),
                     qPrintable(submit.error().message));
        auto now = store().record(id("clin1"), draft->id);
        QCOMPARE(now->status, RecordStatus::Draft);
        QCOMPARE(now->revision, 1);
        QCOMPARE(versionCount(draft->id), 1);
        QCOMPARE(store().openTasks()->size(), open);
        QCOMPARE(store().unreadCount(id("rev1")).value(), unread);

        // A bad save is refused as well and leaves the previous values.
        auto badSave =
            store().saveDraft(id("clin1"), draft->id, QJsonObject{{QStringLiteral("tumourSizeMm"), 0}}, 1);
        QCOMPARE(badSave.error().code, Error::Code::InvalidArgument);
        QCOMPARE(store().record(id("clin1"), draft->id)->values.value(QStringLiteral("note")).toString(),
                 QStringLiteral("x"));
        // Undeclared keys never reach the store.
        auto unknown =
            store().saveDraft(id("clin1"), draft->id, QJsonObject{{QStringLiteral("nationalId"), 1}}, 1);
        QCOMPARE(unknown.error().code, Error::Code::InvalidArgument);
    }

    // R-6.2.4c: two reviewers' windows (two database connections) act on the same revision at once
    void twoWritersOnTheSameRevisionOneWinsTheOtherGetsConflict()
    {
        FormRecord r = pendingRecord();
        QCOMPARE(r.status, RecordStatus::Pending);
        const QString reviewer = r.reviewerId;

        // Two more connections to the same encrypted database, as two windows would have.
        auto dbA = m_ws->openConnection();
        auto dbB = m_ws->openConnection();
        QVERIFY(dbA && dbB);
        const auto roles = m_roles;
        auto lookup = [roles](const QString &account) { return roles.value(account); };
        CollectingSink sinkA, sinkB;
        SqlCipherFormStore a(dbA.value()->database(), sinkA, m_clock, lookup, [] { return QStringList(); });
        SqlCipherFormStore b(dbB.value()->database(), sinkB, m_clock, lookup, [] { return QStringList(); });

        std::latch start(2);
        std::optional<Result<FormRecord>> approveResult, rejectResult;
        std::thread t1([&] {
            start.arrive_and_wait();
            approveResult = a.approve(reviewer, r.id, r.revision);
        });
        std::thread t2([&] {
            start.arrive_and_wait();
            rejectResult = b.reject(reviewer, r.id, r.revision, QStringLiteral("second window"));
        });
        t1.join();
        t2.join();
        const bool approvedWon = approveResult->ok();
        const bool rejectedWon = rejectResult->ok();
        QVERIFY2(approvedWon != rejectedWon, "exactly one of the two writes must win");
        const Error &loser = approvedWon ? rejectResult->error() : approveResult->error();
        QCOMPARE(loser.code, Error::Code::Conflict);
        auto now = store().record(id("clin1"), r.id);
        QCOMPARE(now->status, approvedWon ? RecordStatus::Approved : RecordStatus::Rejected);
        QCOMPARE(now->revision, r.revision + 1);
        QCOMPARE(versionCount(r.id), r.revision + 1);
    }

    // R-6.2.3c
    void reassignMovesTheTaskAndNotifiesBothReviewers()
    {
        FormRecord r = pendingRecord();
        auto tasks = store().inbox(r.reviewerId);
        const auto task = std::find_if(tasks->begin(), tasks->end(),
                                       [&](const ReviewTask &t) { return t.recordId == r.id; });
        QVERIFY(task != tasks->end());
        QCOMPARE(store().reassign(id("clin1"), task->id, id("rev2"), QStringLiteral("away")).error().code,
                 Error::Code::PermissionDenied);
        QCOMPARE(store().reassign(id("dm"), task->id, id("clin1"), QStringLiteral("x")).error().code,
                 Error::Code::InvalidArgument); // not a reviewer
        QCOMPARE(store().reassign(id("dm"), task->id, id("rev2"), QString()).error().code,
                 Error::Code::InvalidArgument);
        auto moved = store().reassign(id("dm"), task->id, id("rev2"), QStringLiteral("rev1 is away"));
        QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().toString()));
        QCOMPARE(moved->reviewerId, id("rev2"));
        QCOMPARE(moved->state, TaskState::Open);
        QVERIFY(noticeFor(id("rev2"), r.id, Notification::Kind::ReviewReassigned));
        QVERIFY(noticeFor(r.reviewerId, r.id, Notification::Kind::ReviewReassigned));
        // The old reviewer can no longer decide; the new one can.
        QCOMPARE(store().approve(r.reviewerId, r.id, r.revision).error().code, Error::Code::PermissionDenied);
        auto approved = store().approve(id("rev2"), r.id, r.revision);
        QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().toString()));
        // A closed task cannot be moved.
        QCOMPARE(store().reassign(id("dm"), moved->id, id("rev1"), QStringLiteral("x")).error().code,
                 Error::Code::Conflict);
    }

    // R-6.2.3c
    void overdueReviewsAreEscalatedOnceToTheReviewerAndDataManagers()
    {
        FormRecord r = pendingRecord();
        m_clock.advance((3 * 24 * 3600 + 60) * qint64(1000));
        FormRecord fresh = pendingRecord(); // due three days from now: not overdue
        auto escalated = store().escalateOverdue();
        QVERIFY(escalated);
        QVERIFY(std::any_of(escalated->begin(), escalated->end(),
                            [&](const ReviewTask &t) { return t.recordId == r.id; }));
        QVERIFY(std::none_of(escalated->begin(), escalated->end(),
                             [&](const ReviewTask &t) { return t.recordId == fresh.id; }));
        for (const ReviewTask &t : escalated.value()) {
            QVERIFY(t.escalated);
            QVERIFY(t.dueAt <= m_clock.now());
        }
        QVERIFY(noticeFor(r.reviewerId, r.id, Notification::Kind::ReviewOverdue));
        QVERIFY(noticeFor(id("dm"), r.id, Notification::Kind::ReviewOverdue));
        auto inbox = store().inbox(r.reviewerId);
        QVERIFY(std::any_of(inbox->begin(), inbox->end(),
                            [&](const ReviewTask &t) { return t.recordId == r.id && t.escalated; }));
        // Once per task.
        const int dmNotices = store().unreadCount(id("dm")).value();
        auto again = store().escalateOverdue();
        QVERIFY(again);
        QVERIFY(again->isEmpty());
        QCOMPARE(store().unreadCount(id("dm")).value(), dmNotices);
        // The fresh one falls due later.
        m_clock.advance((3 * 24 * 3600) * qint64(1000));
        auto later = store().escalateOverdue();
        QVERIFY(std::any_of(later->begin(), later->end(),
                            [&](const ReviewTask &t) { return t.recordId == fresh.id; }));
    }

    // R-6.2.3b, R-6.2.4e
    void noticesWaitForEmailOnlyWhereTheRecipientHasAnAddress()
    {
        FormRecord r = pendingRecord(); // rev1 has an address in the profile
        auto rejected = store().reject(id("rev1"), r.id, r.revision, QStringLiteral("incomplete"));
        QVERIFY(rejected); // clin1 has an address set with setNotificationEmail
        auto emails = store().pendingEmails();
        QVERIFY(emails);
        const auto forRecord = [&](Notification::Kind kind) {
            return std::find_if(emails->begin(), emails->end(), [&](const FormStore::PendingEmail &e) {
                return e.notification.recordId == r.id && e.notification.kind == kind;
            });
        };
        const auto assigned = forRecord(Notification::Kind::ReviewAssigned);
        QVERIFY(assigned != emails->end());
        QCOMPARE(assigned->address, QStringLiteral("rev1@example.org"));
        QVERIFY(assigned->notification.emailPending);
        const auto rejectedMail = forRecord(Notification::Kind::RecordRejected);
        QVERIFY(rejectedMail != emails->end());
        QCOMPARE(rejectedMail->address, QStringLiteral("clin1@example.org"));
        // Recipients without an address (rev2, dm, clin2) are never listed.
        for (const auto &e : emails.value()) {
            QVERIFY(e.notification.recipientId != id("rev2"));
            QVERIFY(e.notification.recipientId != id("dm"));
        }
        QVERIFY(store().markEmailed(assigned->notification.id, true));
        QVERIFY(store().markEmailed(rejectedMail->notification.id, false, QStringLiteral("relay refused")));
        auto after = store().pendingEmails();
        // The delivered one is gone; the failed one waits for the next run.
        QCOMPARE(
            std::count_if(after->begin(), after->end(),
                          [&](const FormStore::PendingEmail &e) { return e.notification.recordId == r.id; }),
            1);
        // A notice whose relay keeps failing is given up after a bounded number of attempts.
        for (int attempt = 2; attempt <= 8; ++attempt)
            QVERIFY(
                store().markEmailed(rejectedMail->notification.id, false, QStringLiteral("relay refused")));
        after = store().pendingEmails();
        QVERIFY(std::none_of(after->begin(), after->end(), [&](const FormStore::PendingEmail &e) {
            return e.notification.recordId == r.id;
        }));
        QCOMPARE(store().markEmailed(rejectedMail->notification.id, false).error().code,
                 Error::Code::NotFound);
        QCOMPARE(store().markEmailed(assigned->notification.id, true).error().code, Error::Code::NotFound);
        QVERIFY(!store().setNotificationEmail(id("clin1"), id("clin1"), QStringLiteral("not an address")));
        QCOMPARE(store()
                     .setNotificationEmail(id("clin2"), id("clin1"), QStringLiteral("x@example.org"))
                     .error()
                     .code,
                 Error::Code::PermissionDenied);
    }

    // R-6.2.4a: the demo shows a live workflow for its reviewer
    void theDemoWorkspaceHasRecordsInEveryStateForTheDemoReviewer()
    {
        workspace::DemoCohortOptions cohort;
        cohort.patients = 8;
        cohort.documentEvery = 0;
        auto demo = workspace::createDemoWorkspace(m_dir.filePath(QStringLiteral("demo")), m_clock, cohort);
        QVERIFY2(demo, qPrintable(demo ? QString() : demo.error().toString()));
        workspace::Workspace &w = *demo->workspace;
        auto reviewer = w.accounts().find(QStringLiteral("rev.li"));
        auto clinician = w.accounts().find(QStringLiteral("dr.wang"));
        QVERIFY(reviewer && reviewer.value() && clinician && clinician.value());
        QVERIFY(w.beginCustodianSession().ok()); // the test's look, on the passphrase's authority
        auto inbox = w.forms().inbox(reviewer.value()->idString());
        QVERIFY(inbox);
        QCOMPARE(inbox->size(), 4);
        // 8 assignments: 4 first submissions waiting, 1 rejected, 2 approved, and the amendment of an
        // approved record submitted again (so the demo inbox has a diff against a formal version).
        QCOMPARE(w.forms().unreadCount(reviewer.value()->idString()).value(), 8);
        auto records = w.forms().records(clinician.value()->idString(), RecordFilter{});
        QVERIFY(records);
        QHash<RecordStatus, int> byStatus;
        for (const FormRecord &r : records.value())
            ++byStatus[r.status];
        QCOMPARE(byStatus.value(RecordStatus::Pending), 4);
        QCOMPARE(byStatus.value(RecordStatus::Rejected), 1);
        QCOMPARE(byStatus.value(RecordStatus::Approved), 2);
        QCOMPARE(byStatus.value(RecordStatus::Draft), 1);
        int amended = 0;
        for (const FormRecord &r : records.value()) {
            if (r.status != RecordStatus::Pending || r.formalVersion != 1)
                continue;
            auto definition = w.forms().definition(r.formId, r.formVersion);
            QVERIFY(definition);
            QVERIFY(!diffRecords(definition.value(), r.formalValues, r.values).isEmpty());
            ++amended;
        }
        QCOMPARE(amended, 1);
    }

    void definitionsAndRecordsSurviveReopening()
    {
        const QString dir = m_ws->directory();
        auto before = store().records(id("clin1"), RecordFilter{});
        QVERIFY(before);
        m_ws.reset();
        auto ws = workspace::Workspace::open(dir, SecureBytes(QByteArrayView(kPassphrase)), m_clock);
        QVERIFY2(ws, qPrintable(ws ? QString() : ws.error().toString()));
        m_ws = std::move(ws.value());
        QVERIFY(m_ws->beginCustodianSession().ok());
        auto after = store().records(id("clin1"), RecordFilter{});
        QVERIFY(after);
        QCOMPARE(after->size(), before->size());
        QVERIFY(m_ws->verifyIntegrity().ok);
    }
};

QTEST_GUILESS_MAIN(tst_ReviewWorkflow)
#include "tst_ReviewWorkflow.moc"
