// The "access preparation" step of the main flow (issue 10; R-5.2a-d, R-5.2k/l, R-6.6.4a-c, R-7.1.2):
// the permission engine decides every read of patient data in the service layer, with the principal
// of the workspace's own session; every decision is an audit event; a researcher without a grant gets
// counts (never below the minimum cell size) and a request entry, never content; a reviewer gets
// identity (level 4) masked. Called on the workspace's services directly, with no screen in between.
#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/forms/FormStore.h"
#include "mdp/registry/EventVersion.h"
#include "mdp/registry/PatientSearch.h"
#include "mdp/registry/Registry.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const QString kName = QStringLiteral("司马晓燕");
const QString kResidentId = QStringLiteral("11010519491231002X");

// A form with a clinical field (level 3), a genomic one the designer marked level 4 and a contact
// number the default rules raise to level 4.
const QByteArray kForm = R"json({
  "id": "masking-test", "title": {"en": "Masking (test)"}, "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "sizeMm", "type": "integer", "label": {"en": "Size", "zh": "肿瘤大小"}, "minimum": 0, "maximum": 200},
    {"id": "brcaStatus", "type": "text", "label": {"en": "BRCA1", "zh": "BRCA1 突变"},
     "classification": {"category": "genomic", "level": 4}},
    {"id": "contactPhone", "type": "text", "label": {"en": "Contact phone", "zh": "联系电话"}},
    {"id": "note", "type": "text", "label": {"en": "Course", "zh": "病程记录"}}
  ]}]
})json";

} // namespace

class tst_AccessPreparation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC)};
    workspace::DemoWorkspace m_demo;
    QList<registry::Patient> m_patients;
    QUuid m_maskedRecord;

    workspace::Workspace &ws() { return *m_demo.workspace; }

    const workspace::DemoAccount &account(const QString &userName) const
    {
        for (const auto &a : m_demo.accounts)
            if (a.userName == userName)
                return a;
        qFatal("no demo account %s", qPrintable(userName));
    }

    bool signIn(const QString &userName)
    {
        ws().logout();
        m_clock.advance(30 * 1000);
        auto session = workspace::loginDemoAccount(ws(), account(userName));
        if (!session)
            qWarning() << "sign-in failed:" << session.error().toString();
        return session.ok();
    }

    QString me() const { return m_demo.workspace->session()->accountId; }

    // The audit events of `type` (every type when empty) recorded for `userName`, read as the auditor.
    QList<audit::AuditEvent> eventsOf(const QString &userName, QStringView type)
    {
        QList<audit::AuditEvent> events;
        if (!signIn(QStringLiteral("aud.zhao")))
            return events;
        auto rows = workspace::AuditQueries(ws()).byUserName(userName, {}, {});
        if (!rows)
            return events;
        for (const auto &row : rows.value())
            if (type.isEmpty() || row.event.type == type)
                events << row.event;
        return events;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto demo = workspace::createDemoWorkspace(m_dir.filePath(QStringLiteral("ws")), m_clock, {},
                                                   secret(kPassphrase));
        QVERIFY2(demo, qPrintable(demo ? QString() : demo.error().toString()));
        m_demo = std::move(demo.value());
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        for (int i = 0; i < 7; ++i) {
            registry::PatientDraft draft;
            draft.name =
                registry::PersonName::fromFullName(i == 0 ? kName : QStringLiteral("欧阳娜%1").arg(i));
            draft.sex = registry::Sex::Female;
            draft.birthDate = QDate(1949 + i, 12, 31);
            if (i == 0)
                draft.identifiers << registry::PatientIdentifier{
                    registry::IdentifierType::ResidentId, kResidentId, {}, true};
            auto created = ws().registry().createPatient(me(), draft);
            QVERIFY2(created, qPrintable(created ? QString() : created.error().toString()));
            m_patients << created.value();
        }
    }

    // R-5.2d: no content, through any service call, for a researcher without a grant.
    void aResearcherWithoutAGrantReachesNoContent()
    {
        QVERIFY(signIn(QStringLiteral("res.zhang")));
        auto patient = ws().registry().patient(me(), m_patients.first().id);
        QVERIFY(!patient);
        QCOMPARE(patient.error().code, Error::Code::PermissionDenied);
        QVERIFY2(!patient.error().message.isEmpty(), "the refusal explains itself");
        QVERIFY(!patient.error().message.contains(kName));
        QVERIFY(!ws().registry().patients(me(), {}));
        QVERIFY(!ws().registry().patientHistory(m_patients.first().id));
        auto search = ws().patientSearch().search(m_patients.first().pseudonymId, 5, {});
        QVERIFY(!search);
        QCOMPARE(search.error().code, Error::Code::PermissionDenied);
        QVERIFY(!ws().allows(workspace::Permission::ReadPatients));
        // What the screens ask: counts only, and the scope to request.
        const policy::Decision read = ws().patientAccess(policy::Action::Read);
        QVERIFY(!read.permitted);
        QCOMPARE(read.needed.level, 3);
        const policy::Decision search2 = ws().patientAccess(policy::Action::Search);
        QVERIFY(search2.permitted);
        QVERIFY(search2.obligations.aggregateOnly);
    }

    // R-5.2d: counts, never below the minimum cell size (zero included), never matching names.
    void countsFollowTheMinimumCellSize()
    {
        QVERIFY(signIn(QStringLiteral("res.zhang")));
        auto one = ws().countPatients(m_patients.first().pseudonymId);
        QVERIFY2(one, qPrintable(one ? QString() : one.error().toString()));
        QVERIFY(one->belowMinimum);
        QCOMPARE(one->count, 0);
        QCOMPARE(one->minimumCellSize, 5);
        auto none = ws().countPatients(QStringLiteral("P-ZZZZZZZZZZ"));
        QVERIFY(none);
        QVERIFY(none->belowMinimum); // zero is not told either
        // Six patients are named 欧阳娜n: a count by name finds none of them for this role.
        auto byName = ws().countPatients(QStringLiteral("欧阳娜"));
        QVERIFY(byName);
        QVERIFY(byName->belowMinimum);
        // A clinician sees exact counts (and the records).
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        auto exact = ws().countPatients(m_patients.first().pseudonymId);
        QVERIFY(exact);
        QVERIFY(!exact->belowMinimum);
        QCOMPARE(exact->count, 1);
        QCOMPARE(exact->minimumCellSize, 0);
        // The name is there to be found, by those who see identity, in the search box.
        registry::SearchFilter identity;
        identity.identityVisible = true;
        auto named = ws().patientSearch().search(QStringLiteral("欧阳娜"), 20, identity);
        QVERIFY(named);
        QCOMPARE(named->size(), 6);
    }

    // R-5.2d: the request entry records the scope to request, the purpose de-identified.
    void aRequestForAccessIsRecordedWithoutIdentifiers()
    {
        QVERIFY(signIn(QStringLiteral("res.zhang")));
        const policy::Decision read = ws().patientAccess(policy::Action::Read);
        QVERIFY(!read.permitted);
        auto requested = ws().requestAccess(
            read.needed,
            QStringLiteral("新辅助放疗联合免疫治疗疗效分析，联系电话13812345678，患者司马晓燕的随访"));
        QVERIFY2(requested, qPrintable(requested ? QString() : requested.error().toString()));
        const auto requests = eventsOf(QStringLiteral("res.zhang"), audit::EventType::AccessRequest);
        QCOMPARE(requests.size(), 1);
        const QJsonObject detail = requests.first().detail;
        QCOMPARE(detail.value(u"level").toInt(), 3);
        QCOMPARE(detail.value(u"action").toString(), QStringLiteral("read"));
        const QString purpose = detail.value(u"purpose").toString();
        QVERIFY2(purpose.contains(QStringLiteral("疗效分析")), qPrintable(purpose));
        QVERIFY2(!purpose.contains(QStringLiteral("13812345678")), qPrintable(purpose));
        QVERIFY2(!purpose.contains(kName), qPrintable(purpose));
    }

    // R-7.1.2: a reviewer reads the record with level-4 identity masked.
    void aReviewerSeesIdentityMasked()
    {
        QVERIFY(signIn(QStringLiteral("rev.li")));
        auto patient = ws().registry().patient(me(), m_patients.first().id);
        QVERIFY2(patient, qPrintable(patient ? QString() : patient.error().toString()));
        QCOMPARE(patient->pseudonymId, m_patients.first().pseudonymId);
        QVERIFY(patient->name.display().isEmpty());
        QVERIFY(patient->identifiers.isEmpty());
        QCOMPARE(patient->birthDate, QDate(1949, 1, 1));
        QVERIFY(!ws().allows(workspace::Permission::SeeIdentity));
        auto byIdentifier = ws().registry().findByIdentifier(
            me(), registry::PatientIdentifier{registry::IdentifierType::ResidentId, kResidentId, {}, false});
        QVERIFY(!byIdentifier);
        // The clinician who signed in with a second factor sees the name.
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        auto seen = ws().registry().patient(me(), m_patients.first().id);
        QVERIFY(seen);
        QCOMPARE(seen->name.display(), kName);
    }

    // R-7.1.2 (issue 10 done-when): a reviewer reads a record with its level-4 fields masked, in the
    // record, the list and the history; the clinician who entered them sees them.
    void aReviewerSeesLevelFourFieldsMasked()
    {
        QVERIFY(signIn(QStringLiteral("dm.liu")));
        auto imported = ws().forms().importDefinition(me(), kForm);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().toString()));
        QString reviewer;
        for (const auto &a : m_demo.accounts)
            if (a.userName == u"rev.li")
                reviewer = ws().accounts().find(a.userName).value()->idString();
        QVERIFY(ws().forms().setReviewerProfile(me(), forms::ReviewerProfile{reviewer, {}, {}, {}}));
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        forms::NewRecord n;
        n.formId = QStringLiteral("masking-test");
        n.patientId = m_patients.at(2).id;
        n.patientPseudonym = m_patients.at(2).pseudonymId;
        n.values = QJsonObject{
            {QStringLiteral("sizeMm"), 23},
            {QStringLiteral("brcaStatus"), QStringLiteral("c.68_69delAG")},
            {QStringLiteral("contactPhone"), QStringLiteral("13912345678")},
            {QStringLiteral("note"), QStringLiteral("患者司马晓燕术后恢复良好，女儿电话13812345678。")}};
        auto draft = ws().forms().createDraft(me(), n);
        QVERIFY2(draft, qPrintable(draft ? QString() : draft.error().toString()));
        QCOMPARE(draft->values.value(u"brcaStatus").toString(), QStringLiteral("c.68_69delAG"));
        auto submitted = ws().forms().submit(me(), draft->id, draft->revision);
        QVERIFY2(submitted, qPrintable(submitted ? QString() : submitted.error().toString()));

        QVERIFY(signIn(QStringLiteral("rev.li")));
        auto seen = ws().forms().record(me(), draft->id);
        QVERIFY2(seen, qPrintable(seen ? QString() : seen.error().toString()));
        QCOMPARE(seen->values.value(u"sizeMm").toInt(), 23);
        // Free text of level 3 is shown, with its identifiers replaced (R-5.2c, R-6.6.5b).
        const QString note = seen->values.value(u"note").toString();
        QVERIFY2(note.contains(QStringLiteral("术后恢复良好")), qPrintable(note));
        QVERIFY2(!note.contains(QStringLiteral("13812345678")) && !note.contains(QStringLiteral("司马晓燕")),
                 qPrintable(note));
        QVERIFY(!seen->values.contains(QStringLiteral("brcaStatus")));
        QVERIFY(!seen->values.contains(QStringLiteral("contactPhone")));
        auto listed = ws().forms().records(me(), {});
        QVERIFY(listed);
        bool found = false;
        for (const forms::FormRecord &r : listed.value()) {
            if (r.id != draft->id)
                continue;
            found = true;
            QVERIFY(!r.values.contains(QStringLiteral("brcaStatus")));
            QVERIFY(r.values.contains(QStringLiteral("sizeMm")));
        }
        QVERIFY(found);
        auto history = ws().forms().history(me(), draft->id);
        QVERIFY(history);
        for (const forms::RecordVersion &v : history.value())
            QVERIFY(!v.values.contains(QStringLiteral("contactPhone")));
        // What the reviewer's own approval returns is masked too, the formal values included.
        auto approved = ws().forms().approve(me(), draft->id, seen->revision, QStringLiteral("ok"));
        QVERIFY2(approved, qPrintable(approved ? QString() : approved.error().toString()));
        QVERIFY(!approved->values.contains(QStringLiteral("brcaStatus")));
        QVERIFY(!approved->formalValues.contains(QStringLiteral("brcaStatus")));
        QCOMPARE(approved->formalValues.value(u"sizeMm").toInt(), 23);

        QVERIFY(signIn(QStringLiteral("dr.wang")));
        auto own = ws().forms().record(me(), draft->id);
        QVERIFY(own);
        QCOMPARE(own->values.value(u"contactPhone").toString(), QStringLiteral("13912345678"));
        QVERIFY(own->values.value(u"note").toString().contains(QStringLiteral("13812345678")));
        m_maskedRecord = draft->id;
    }

    // R-5.2c, R-6.6.5b: timeline free text (title, annotation, payload text, file names, reasons)
    // reaches a reviewer with identifiers replaced; the clinician reads it as written.
    void aReviewerReadsTimelineTextDeidentified()
    {
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        registry::EventDraft draft;
        draft.type = registry::EventType::Diagnosis;
        draft.start = registry::EventTime::fromDate(QDate(2026, 11, 3));
        draft.title = QStringLiteral("穿刺活检（家属欧阳明送检）");
        draft.annotation = QStringLiteral("患者司马晓燕复诊，联系电话13912345678，家属欧阳明陪同。");
        draft.payload = QJsonObject{{QStringLiteral("note"), QStringLiteral("身份证号11010519491231002X")},
                                    {QStringLiteral("grade"), 2}};
        auto added = ws().registry().addEvent(me(), m_patients.at(3).id, draft);
        QVERIFY2(added, qPrintable(added ? QString() : added.error().toString()));
        auto own = ws().registry().event(me(), added->id);
        QVERIFY(own);
        QVERIFY(own->content.annotation.contains(QStringLiteral("13912345678")));

        QVERIFY(signIn(QStringLiteral("rev.li")));
        auto seen = ws().registry().event(me(), added->id);
        QVERIFY2(seen, qPrintable(seen ? QString() : seen.error().toString()));
        for (const QString &identifier : {QStringLiteral("13912345678"), QStringLiteral("司马晓燕"),
                                          QStringLiteral("欧阳明"), QStringLiteral("11010519491231002X")}) {
            QVERIFY2(!seen->content.annotation.contains(identifier), qPrintable(seen->content.annotation));
            QVERIFY(!QJsonDocument(seen->content.payload).toJson().contains(identifier.toUtf8()));
        }
        QVERIFY(seen->content.annotation.contains(QStringLiteral("复诊"))); // the clinical text stays
        QCOMPARE(seen->content.payload.value(u"grade").toInt(), 2);
        auto listed = ws().registry().events(me(), m_patients.at(3).id, false);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QVERIFY(!listed->first().content.annotation.contains(QStringLiteral("13912345678")));
        auto history = ws().registry().eventHistory(added->id);
        QVERIFY(history);
        for (const registry::EventVersion &v : history.value())
            QVERIFY(!v.content.annotation.contains(QStringLiteral("13912345678")));

        // The search box: the diagnosis line of a hit is de-identified, and a name typed into a
        // diagnosis does not find the patient for a session without identity (it would tie the name
        // to the pseudonym). The clinician finds it there.
        registry::SearchFilter filter;
        filter.identityVisible = true;
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        auto clinician = ws().patientSearch().search(QStringLiteral("欧阳明"), 20, filter);
        QVERIFY(clinician);
        const bool clinicianFinds =
            std::any_of(clinician->cbegin(), clinician->cend(),
                        [&](const registry::PatientHit &h) { return h.patientId == m_patients.at(3).id; });
        QVERIFY2(clinicianFinds, "the index holds the diagnosis line");
        QVERIFY(signIn(QStringLiteral("rev.li")));
        auto reviewer = ws().patientSearch().search(QStringLiteral("欧阳明"), 20, filter);
        QVERIFY(reviewer);
        for (const registry::PatientHit &h : reviewer.value()) {
            QVERIFY(h.patientId != m_patients.at(3).id);
            QVERIFY(!h.diagnosis.contains(QStringLiteral("欧阳明")));
        }
        auto byPseudonym = ws().patientSearch().search(m_patients.at(3).pseudonymId, 5, filter);
        QVERIFY(byPseudonym);
        QVERIFY(!byPseudonym->isEmpty());
        QVERIFY(!byPseudonym->first().diagnosis.contains(QStringLiteral("欧阳明")));
    }

    // R-7.1.2 d (level 4: deep audit): a read that shows level-4 fields is recorded with which ones
    // (paths, never values); the reviewer's masked reads show none and record none.
    void levelFourReadsAreDeeplyAudited()
    {
        QVERIFY(!m_maskedRecord.isNull());
        QVERIFY(signIn(QStringLiteral("rev.li")));
        QVERIFY(ws().forms().record(me(), m_maskedRecord));
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        QVERIFY(ws().forms().record(me(), m_maskedRecord));
        QVERIFY(ws().forms().history(me(), m_maskedRecord));
        forms::RecordFilter mine;
        mine.formId = QStringLiteral("masking-test");
        QVERIFY(ws().forms().records(me(), mine));
        QVERIFY(signIn(QStringLiteral("aud.zhao")));
        auto rows = workspace::AuditQueries(ws()).byDataId(QStringLiteral("form-record:") +
                                                           m_maskedRecord.toString(QUuid::WithoutBraces));
        QVERIFY(rows);
        QStringList operations;
        for (const auto &row : rows.value()) {
            if (row.event.type != audit::EventType::DataView ||
                !row.event.detail.value(u"deepAudit").toBool())
                continue;
            QCOMPARE(row.userName, QStringLiteral("dr.wang"));
            const QJsonArray shown = row.event.detail.value(u"shown").toArray();
            QVERIFY(shown.contains(QStringLiteral("masking-test/contactPhone")));
            QVERIFY(shown.contains(QStringLiteral("masking-test/brcaStatus")));
            QVERIFY(!shown.contains(QStringLiteral("masking-test/sizeMm")));
            QVERIFY(!QJsonDocument(row.event.detail).toJson().contains("13912345678"));
            operations << row.event.detail.value(u"operation").toString();
        }
        QVERIFY2(operations.contains(QStringLiteral("forms.record")), qPrintable(operations.join(u',')));
        QVERIFY2(operations.contains(QStringLiteral("forms.history")), qPrintable(operations.join(u',')));
        QVERIFY2(operations.contains(QStringLiteral("forms.records")), qPrintable(operations.join(u',')));
    }

    // R-6.6.4, R-7.4: every decision, permit and deny, is in the audit trail with its reason.
    void everyDecisionIsAudited()
    {
        QVERIFY(signIn(QStringLiteral("res.zhang")));
        QVERIFY(!ws().registry().patient(me(), m_patients.at(1).id));
        QVERIFY(ws().countPatients(m_patients.at(1).pseudonymId));
        QVERIFY(signIn(QStringLiteral("rev.li")));
        QVERIFY(ws().registry().patient(me(), m_patients.at(1).id));

        const auto researcher = eventsOf(QStringLiteral("res.zhang"), audit::EventType::AccessDecision);
        bool deniedRead = false;
        bool permittedCount = false;
        for (const auto &event : researcher) {
            const QJsonObject d = event.detail;
            deniedRead = deniedRead || (d.value(u"operation").toString() == u"registry.patient" &&
                                        d.value(u"effect").toString() == u"deny" &&
                                        d.value(u"needed").toObject().value(u"level").toInt() == 3);
            permittedCount = permittedCount ||
                             (d.value(u"operation").toString() == u"registry.count" &&
                              d.value(u"effect").toString() == u"permit" &&
                              d.value(u"obligations").toArray().contains(QStringLiteral("aggregate-only")));
        }
        QVERIFY(deniedRead);
        QVERIFY(permittedCount);
        // A count is not recorded as a read of the patients it counted: no event of the researcher names
        // the counted patient.
        for (const auto &event : eventsOf(QStringLiteral("res.zhang"), {}))
            QVERIFY(!QString::fromUtf8(event.toCanonicalJson()).contains(m_patients.at(1).pseudonymId));

        const auto reviewer = eventsOf(QStringLiteral("rev.li"), audit::EventType::AccessDecision);
        bool permittedRead = false;
        bool identityRefused = false;
        for (const auto &event : reviewer) {
            const QJsonObject d = event.detail;
            permittedRead = permittedRead || (d.value(u"operation").toString() == u"registry.patient" &&
                                              d.value(u"effect").toString() == u"permit" &&
                                              d.value(u"role").toString() == u"reviewer");
            identityRefused = identityRefused || (d.value(u"resource").toString() == u"patient-identity" &&
                                                  d.value(u"effect").toString() == u"deny");
        }
        QVERIFY(permittedRead);
        QVERIFY(identityRefused);
        // No decision names the patient otherwise than by pseudonym.
        for (const auto &event : researcher + reviewer)
            QVERIFY(!QString::fromUtf8(event.toCanonicalJson()).contains(kName));
    }
};

QTEST_GUILESS_MAIN(tst_AccessPreparation)
#include "tst_AccessPreparation.moc"
