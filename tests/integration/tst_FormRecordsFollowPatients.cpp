// Form records belong to a patient of the registry: they follow that patient through a merge and
// back on unmerge, in the merge's own transaction (R-6.1.1d), and a record can only be filed under a
// patient that exists and was not merged away, on an event of that patient's own timeline. The
// workspace composes both stores on one database; these suites drive them through it. Every patient
// here is synthetic.

#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/forms/FormStore.h"
#include "mdp/registry/Registry.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const QByteArray kForm = R"json({
  "id": "follow-test", "title": {"en": "Follow (test)"}, "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "sizeMm", "type": "integer", "label": {"en": "Size"}, "required": true, "minimum": 0, "maximum": 200}
  ]}]
})json";

template<typename T> QString why(const Result<T> &r)
{
    return r ? QString() : r.error().toString();
}

registry::PatientDraft person(const QString &name, QDate birth)
{
    registry::PatientDraft d;
    d.name = registry::PersonName::fromFullName(name);
    d.sex = registry::Sex::Female;
    d.birthDate = birth;
    return d;
}

} // namespace

class tst_FormRecordsFollowPatients : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 4, 1), QTime(2, 0), Qt::UTC)};
    std::unique_ptr<workspace::Workspace> m_ws;
    QString m_custodian;
    QString m_clinician;
    QString m_reviewer;
    int m_people = 0;

    registry::Registry &reg() { return m_ws->registry(); }
    forms::FormStore &store() { return m_ws->forms(); }

    QString account(const QString &name, accounts::Role role)
    {
        auto a =
            m_ws->accounts().createAccount(m_ws->custodianId(), name, name, role,
                                           passwordBytes(QStringLiteral("Synthetic-Passw0rd!").toUtf8()));
        if (!a)
            qFatal("account %s: %s", qPrintable(name), qPrintable(a.error().toString()));
        return a->idString();
    }

    registry::Patient patient()
    {
        // Birth dates far apart: no two test patients look alike to the duplicate check.
        ++m_people;
        auto p = reg().createPatient(m_custodian, person(QStringLiteral("测试%1号").arg(m_people),
                                                         QDate(1940, 1, 1).addDays(m_people * 400)));
        if (!p)
            qFatal("patient: %s", qPrintable(p.error().toString()));
        return p.value();
    }

    registry::TimelineEvent eventOf(const registry::Patient &p)
    {
        registry::EventDraft e;
        e.type = registry::EventType::Diagnosis;
        e.start = registry::EventTime::fromDate(QDate(2025, 5, 5));
        e.title = QStringLiteral("Diagnosis");
        auto added = reg().addEvent(m_custodian, p.id, e);
        if (!added)
            qFatal("event: %s", qPrintable(added.error().toString()));
        return added.value();
    }

    forms::NewRecord recordFor(const registry::Patient &p, const QUuid &eventId = {})
    {
        forms::NewRecord n;
        n.formId = QStringLiteral("follow-test");
        n.patientId = p.id;
        n.patientPseudonym = p.pseudonymId;
        n.eventId = eventId;
        n.values = QJsonObject{{QStringLiteral("sizeMm"), 21}};
        return n;
    }

    forms::FormRecord approvedRecordFor(const registry::Patient &p, const QUuid &eventId)
    {
        auto draft = store().createDraft(m_clinician, recordFor(p, eventId));
        if (!draft)
            qFatal("draft: %s", qPrintable(draft.error().toString()));
        auto submitted = store().submit(m_clinician, draft->id, draft->revision);
        if (!submitted)
            qFatal("submit: %s", qPrintable(submitted.error().toString()));
        auto approved = store().approve(m_reviewer, draft->id, submitted->revision);
        if (!approved)
            qFatal("approve: %s", qPrintable(approved.error().toString()));
        return approved.value();
    }

    QList<QUuid> recordIdsOf(const registry::Patient &p)
    {
        forms::RecordFilter f;
        f.patientId = p.id;
        auto rs = store().records(m_clinician, f);
        if (!rs)
            qFatal("records: %s", qPrintable(rs.error().toString()));
        QList<QUuid> ids;
        for (const forms::FormRecord &r : rs.value())
            ids << r.id;
        std::sort(ids.begin(), ids.end());
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        workspace::CreateOptions o;
        o.directory = m_dir.filePath(QStringLiteral("ws"));
        o.passphrase = secret(kPassphrase);
        auto ws = workspace::Workspace::create(o, m_clock);
        QVERIFY2(ws, qPrintable(why(ws)));
        m_ws = std::move(ws.value());
        QVERIFY(m_ws->beginCustodianSession().ok());
        m_custodian = m_ws->custodianId().toString(QUuid::WithoutBraces);
        m_clinician = account(QStringLiteral("clin"), accounts::Role::Clinician);
        m_reviewer = account(QStringLiteral("rev"), accounts::Role::Reviewer);
        QVERIFY2(store().importDefinition(m_custodian, kForm), "definition");
        QVERIFY(store().setReviewerProfile(
            m_custodian, forms::ReviewerProfile{m_reviewer, {QStringLiteral("baseline")}, {}, {}}));
    }

    // R-6.1.1d: approved (and draft) records of the merged patient appear on the survivor's page
    // after a merge, under the survivor's pseudonym, and go back on unmerge.
    void mergeCarriesFormRecordsAndUnmergeBringsThemBack()
    {
        const registry::Patient survivor = patient();
        const registry::Patient merged = patient();
        const forms::FormRecord own = approvedRecordFor(survivor, {});
        const registry::TimelineEvent event = eventOf(merged);
        const forms::FormRecord approved = approvedRecordFor(merged, event.id);
        auto draft = store().createDraft(m_clinician, recordFor(merged));
        QVERIFY2(draft, qPrintable(why(draft)));
        QList<QUuid> carried{approved.id, draft->id};
        std::sort(carried.begin(), carried.end());
        QList<QUuid> all = carried + QList<QUuid>{own.id};
        std::sort(all.begin(), all.end());

        auto m = reg().merge(m_custodian, survivor.id, merged.id, QStringLiteral("registered twice"));
        QVERIFY2(m, qPrintable(why(m)));
        QCOMPARE(recordIdsOf(survivor), all);
        QVERIFY(recordIdsOf(merged).isEmpty());
        auto moved = store().record(m_clinician, approved.id);
        QVERIFY2(moved, qPrintable(why(moved)));
        QCOMPARE(moved->patientId, survivor.id);
        QCOMPARE(moved->patientPseudonym, survivor.pseudonymId);
        QCOMPARE(moved->status, forms::RecordStatus::Approved);
        QCOMPARE(moved->eventId, event.id); // the event moved with it

        auto u = reg().unmerge(m_custodian, m->id, QStringLiteral("two people after all"));
        QVERIFY2(u, qPrintable(why(u)));
        QCOMPARE(recordIdsOf(merged), carried);
        QCOMPARE(recordIdsOf(survivor), QList<QUuid>{own.id});
        auto back = store().record(m_clinician, approved.id);
        QVERIFY(back);
        QCOMPARE(back->patientId, merged.id);
        QCOMPARE(back->patientPseudonym, merged.pseudonymId);
    }

    // R-6.1.1d: a record cannot be filed under a patient that is not in the registry or was merged
    // away, whoever calls the store (the command line's --event took any UUID).
    void recordOnMissingOrMergedPatientIsRefused()
    {
        registry::Patient ghost;
        ghost.id = QUuid::createUuid();
        ghost.pseudonymId = QStringLiteral("P-AAAAAAAAAAAA");
        auto missing = store().createDraft(m_clinician, recordFor(ghost));
        QVERIFY2(!missing, "a record was filed under a patient the registry does not know");
        QCOMPARE(missing.error().code, Error::Code::NotFound);

        const registry::Patient survivor = patient();
        const registry::Patient merged = patient();
        QVERIFY(reg().merge(m_custodian, survivor.id, merged.id, QStringLiteral("registered twice")));
        auto onMerged = store().createDraft(m_clinician, recordFor(merged));
        QVERIFY2(!onMerged, "a record was filed under a merged-away patient");
        QCOMPARE(onMerged.error().code, Error::Code::Conflict);
        QVERIFY2(onMerged.error().message.contains(survivor.pseudonymId),
                 qPrintable(onMerged.error().message));
        QVERIFY(recordIdsOf(merged).isEmpty());
    }

    // The event a record is attached to must exist and be on that patient's own timeline.
    void recordOnUnknownOrForeignEventIsRefused()
    {
        const registry::Patient p = patient();
        const registry::Patient other = patient();
        const registry::TimelineEvent foreign = eventOf(other);
        auto unknown = store().createDraft(m_clinician, recordFor(p, QUuid::createUuid()));
        QVERIFY2(!unknown, "a record was attached to an event that does not exist");
        QCOMPARE(unknown.error().code, Error::Code::NotFound);
        auto misfiled = store().createDraft(m_clinician, recordFor(p, foreign.id));
        QVERIFY2(!misfiled, "a record was attached to another patient's event");
        QCOMPARE(misfiled.error().code, Error::Code::InvalidArgument);
        QVERIFY(recordIdsOf(p).isEmpty());
        // The patient's own event is fine, and a pseudonym given by the caller is not trusted.
        const registry::TimelineEvent own = eventOf(p);
        forms::NewRecord n = recordFor(p, own.id);
        n.patientPseudonym = other.pseudonymId;
        auto ok = store().createDraft(m_clinician, n);
        QVERIFY2(ok, qPrintable(why(ok)));
        QCOMPARE(ok->patientPseudonym, p.pseudonymId);
    }
};

QTEST_GUILESS_MAIN(tst_FormRecordsFollowPatients)
#include "tst_FormRecordsFollowPatients.moc"
