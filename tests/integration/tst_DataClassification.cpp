// Data classification and the policy in force (issue 10; R-7.1.1, R-7.1.2, R-6.6.4c): the
// classification flow of R-7.1.2 (request, level review, rule matching, decision, policy generation
// and dispatch), each step audited; a decision changes what the engine masks on the next read;
// floors and a second person for lowering; policies stored signed, a document that does not parse,
// verify or is not newer refused with the previous one kept, also when the stored copy was altered.
// Called on the workspace's services with the demo accounts, no screen in between.
#include "../support/TestWorkspace.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/crypto/Signature.h"
#include "mdp/forms/FormStore.h"
#include "mdp/policy/PolicySet.h"
#include "mdp/registry/Registry.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/AuditQueries.h"
#include "mdp/workspace/DataPolicies.h"
#include "mdp/workspace/DemoWorkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::testsupport;

namespace {

const QByteArray kForm = R"json({
  "id": "flow-test", "title": {"en": "Classification flow (test)", "zh": "分级流程（测试）"},
  "category": "baseline",
  "sections": [{"id": "main", "fields": [
    {"id": "sizeMm", "type": "integer", "label": {"en": "Size", "zh": "肿瘤大小"}, "minimum": 0, "maximum": 200},
    {"id": "ki67", "type": "integer", "label": {"en": "Ki-67", "zh": "Ki-67"}, "minimum": 0, "maximum": 100,
     "classification": {"category": "genomic", "level": 4}}
  ]}]
})json";

const QString kSizeKey = QStringLiteral("form:flow-test/sizeMm");

policy::Classification level(int l, policy::Category c = policy::Category::HealthStatus)
{
    policy::Classification out;
    out.category = c;
    out.level = l;
    return out;
}

// The default policy with another version (and whatever `change` does to it).
QByteArray policyDocument(int version, const std::function<void(QJsonObject &)> &change = {})
{
    QJsonObject root = QJsonDocument::fromJson(policy::PolicySet::defaultDocument()).object();
    root.insert(QStringLiteral("version"), version);
    root.insert(QStringLiteral("issuer"), QStringLiteral("test"));
    if (change)
        change(root);
    return QJsonDocument(root).toJson();
}

} // namespace

class tst_DataClassification : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC)};
    workspace::DemoWorkspace m_demo;
    registry::Patient m_patient;
    QUuid m_record;

    workspace::Workspace &ws() { return *m_demo.workspace; }
    workspace::DataPolicies &policies() { return ws().policies(); }

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

    // The events of `type` recorded about `dataId` ("type:id"), read as the auditor.
    QList<audit::AuditEvent> events(QStringView type,
                                    const QString &dataId = QStringLiteral("policy:in-force"))
    {
        QList<audit::AuditEvent> out;
        if (!signIn(QStringLiteral("aud.zhao")))
            return out;
        auto rows = workspace::AuditQueries(ws()).byDataId(dataId);
        if (!rows)
            return out;
        for (const auto &row : rows.value())
            if (row.event.type == type)
                out << row.event;
        return out;
    }

    // What the reviewer reads of the test record.
    QJsonObject reviewerSees()
    {
        if (!signIn(QStringLiteral("rev.li")))
            return {};
        auto seen = ws().forms().record(me(), m_record);
        return seen ? seen->values : QJsonObject{};
    }

    std::optional<workspace::ClassifiedItem> item(const QString &key)
    {
        auto all = policies().items();
        if (!all)
            return std::nullopt;
        for (const auto &i : all.value())
            if (i.key == key)
                return i;
        return std::nullopt;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto demo = workspace::createDemoWorkspace(m_dir.filePath(QStringLiteral("ws")), m_clock, {},
                                                   secret(kPassphrase));
        QVERIFY2(demo, qPrintable(demo ? QString() : demo.error().toString()));
        m_demo = std::move(demo.value());

        QVERIFY(signIn(QStringLiteral("dm.liu")));
        auto imported = ws().forms().importDefinition(me(), kForm);
        QVERIFY2(imported, qPrintable(imported ? QString() : imported.error().toString()));
        const QString reviewer = ws().accounts().find(QStringLiteral("rev.li")).value()->idString();
        QVERIFY(ws().forms().setReviewerProfile(me(), forms::ReviewerProfile{reviewer, {}, {}, {}}));

        QVERIFY(signIn(QStringLiteral("dr.wang")));
        registry::PatientDraft draft;
        draft.name = registry::PersonName::fromFullName(QStringLiteral("上官婉清"));
        draft.sex = registry::Sex::Female;
        draft.birthDate = QDate(1971, 5, 2);
        auto created = ws().registry().createPatient(me(), draft);
        QVERIFY(created);
        m_patient = created.value();
        forms::NewRecord n;
        n.formId = QStringLiteral("flow-test");
        n.patientId = m_patient.id;
        n.patientPseudonym = m_patient.pseudonymId;
        n.values = QJsonObject{{QStringLiteral("sizeMm"), 23}, {QStringLiteral("ki67"), 30}};
        auto record = ws().forms().createDraft(me(), n);
        QVERIFY2(record, qPrintable(record ? QString() : record.error().toString()));
        QVERIFY(ws().forms().submit(me(), record->id, record->revision));
        m_record = record->id;
    }

    // R-7.1.1, R-7.1.2: every field of every form, the identifiers, documents and images are classified
    // by the default rules, with the floor a decision cannot go under.
    void everythingHeldIsClassified()
    {
        QVERIFY(signIn(QStringLiteral("dm.liu")));
        QCOMPARE(policies().inForce().version, 1);
        QVERIFY(policies().inForce().builtIn);
        auto size = item(kSizeKey);
        QVERIFY(size);
        QCOMPARE(size->inForce.level, 3);
        QCOMPARE(size->inForce.category, policy::Category::HealthStatus);
        QVERIFY(!size->decided);
        QCOMPARE(size->floor, 1);
        auto residentId = item(QStringLiteral("identifier:resident-id"));
        QVERIFY(residentId);
        QCOMPARE(residentId->inForce.category, policy::Category::PersonalAttributes);
        QCOMPARE(residentId->inForce.level, 4);
        QCOMPARE(residentId->floor, 4);
        QVERIFY(item(QStringLiteral("image:series")));
        QVERIFY(item(QStringLiteral("document:attachment")));
        auto ki67 = item(QStringLiteral("form:flow-test/ki67"));
        QVERIFY(ki67);
        QCOMPARE(ki67->floor, 4); // what the form declares
    }

    // R-7.1.2 a-e: a clinician asks, a data manager reviews, putting it in force matches, decides and
    // issues the next signed version; the reviewer's next read masks the field.
    void theFlowRaisesAFieldAndTheNextReadMasksIt()
    {
        QCOMPARE(reviewerSees().value(u"sizeMm").toInt(), 23);

        QVERIFY(signIn(QStringLiteral("dr.wang")));
        auto noReason = policies().request(kSizeKey, level(4), QStringLiteral("  "));
        QVERIFY(!noReason);
        QCOMPARE(noReason.error().code, Error::Code::InvalidArgument);
        auto requested =
            policies().request(kSizeKey, level(4), QStringLiteral("tumour size identifies rare cases"));
        QVERIFY2(requested, qPrintable(requested ? QString() : requested.error().toString()));
        // The requester does not review: that is a data manager's step.
        auto selfReview = policies().review(requested.value(), true, level(4), QStringLiteral("ok"));
        QVERIFY(!selfReview);
        QCOMPARE(selfReview.error().code, Error::Code::PermissionDenied);
        QVERIFY(!policies().putInForce({}));

        QVERIFY(signIn(QStringLiteral("dm.liu")));
        QCOMPARE(item(kSizeKey)->openRequest, requested.value());
        auto nothingReviewed = policies().putInForce({});
        QVERIFY(!nothingReviewed);
        QCOMPARE(nothingReviewed.error().code, Error::Code::NotFound);
        QVERIFY2(policies().review(requested.value(), true, level(4), QStringLiteral("agreed")), "reviewed");
        auto again = policies().review(requested.value(), true, level(4), QStringLiteral("twice"));
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::Conflict);
        auto inForce = policies().putInForce(QStringLiteral("size raised"));
        QVERIFY2(inForce, qPrintable(inForce ? QString() : inForce.error().toString()));
        QCOMPARE(inForce->version, 2);
        QVERIFY(!inForce->keyId.isEmpty());
        QCOMPARE(policies().inForce().version, 2);
        QVERIFY(item(kSizeKey)->decided);
        QCOMPARE(item(kSizeKey)->inForce.level, 4);
        QCOMPARE(item(kSizeKey)->openRequest, 0);
        auto all = policies().requests(false);
        QVERIFY(all);
        QCOMPARE(all->first().state, workspace::ClassificationRequest::State::Decided);
        QCOMPARE(all->first().decidedLevel, 4);
        QCOMPARE(all->first().matchedLevel, 3);
        QCOMPARE(all->first().policyVersion, 2);

        const QJsonObject seen = reviewerSees();
        QVERIFY2(!seen.contains(QStringLiteral("sizeMm")), "level 4 now: masked for the reviewer");
        QVERIFY(!seen.contains(QStringLiteral("ki67"))); // declared level 4 from the start
        // The clinician who entered it (second factor, level 4) still sees it.
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        QCOMPARE(ws().forms().record(me(), m_record)->values.value(u"sizeMm").toInt(), 23);

        // Every step is in the audit trail, in one chain.
        for (const QString &type :
             {QStringLiteral("classification.request"), QStringLiteral("classification.review"),
              QStringLiteral("classification.match"), QStringLiteral("classification.decide"),
              QStringLiteral("policy.install")}) {
            const auto found = events(type, type == u"policy.install"
                                                ? QStringLiteral("policy:2")
                                                : QStringLiteral("classification:form:flow-test:sizeMm"));
            QVERIFY2(!found.isEmpty(), qPrintable(type));
        }
        const auto decided =
            events(u"classification.decide", QStringLiteral("classification:form:flow-test:sizeMm"));
        QCOMPARE(decided.last().detail.value(u"decided").toObject().value(u"level").toInt(), 4);
        QCOMPARE(decided.last().detail.value(u"policyVersion").toInt(), 2);
    }

    // R-7.1.2 b, d: lowering takes a second person and never goes below the floor.
    void loweringNeedsASecondPersonAndStopsAtTheFloor()
    {
        QVERIFY(signIn(QStringLiteral("dm.liu")));
        auto residentId = policies().request(QStringLiteral("identifier:resident-id"), level(2),
                                             QStringLiteral("try to open it up"));
        QVERIFY(residentId);
        auto belowFloor = policies().review(residentId.value(), true, level(2), QStringLiteral("no"));
        QVERIFY(!belowFloor);
        QCOMPARE(belowFloor.error().code, Error::Code::InvalidArgument);
        QVERIFY(policies().review(residentId.value(), false, {}, QStringLiteral("identifies a person")));

        auto lower = policies().request(kSizeKey, level(3), QStringLiteral("back to clinical"));
        QVERIFY(lower);
        auto self = policies().review(lower.value(), true, level(3), QStringLiteral("mine"));
        QVERIFY(!self);
        QCOMPARE(self.error().code, Error::Code::PermissionDenied);
        QVERIFY(signIn(QStringLiteral("admin.sun")));
        // Not lower than asked, even by the second person.
        auto tooLow = policies().review(lower.value(), true, level(1), QStringLiteral("why not public"));
        QVERIFY(!tooLow);
        QCOMPARE(tooLow.error().code, Error::Code::PermissionDenied);
        QVERIFY(policies().review(lower.value(), true, level(3), QStringLiteral("second person agrees")));
        auto inForce = policies().putInForce({});
        QVERIFY2(inForce, qPrintable(inForce ? QString() : inForce.error().toString()));
        QCOMPARE(inForce->version, 3);
        QCOMPARE(reviewerSees().value(u"sizeMm").toInt(), 23);

        // A request to raise is never accepted lower than the level in force by one person.
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        auto raise = policies().request(kSizeKey, level(5), QStringLiteral("raise it"));
        QVERIFY(raise);
        QVERIFY(signIn(QStringLiteral("dm.liu")));
        auto flipped = policies().review(raise.value(), true, level(1), QStringLiteral("lower instead"));
        QVERIFY(!flipped);
        QCOMPARE(flipped.error().code, Error::Code::PermissionDenied);
        // An accepted request can still be rejected before it is put in force.
        QVERIFY(policies().review(raise.value(), true, level(4), QStringLiteral("four is enough")));
        QVERIFY(policies().review(raise.value(), false, {}, QStringLiteral("withdrawn after all")));
        QVERIFY(!policies().putInForce({}));
        QCOMPARE(policies().inForce().version, 3);
    }

    void aResearcherNeitherRequestsNorReviews()
    {
        QVERIFY(signIn(QStringLiteral("res.zhang")));
        auto requested = policies().request(kSizeKey, level(1), QStringLiteral("make it public"));
        QVERIFY(!requested);
        QCOMPARE(requested.error().code, Error::Code::PermissionDenied);
        QVERIFY(!policies().items());
        QVERIFY(!policies().putInForce({}));
        QVERIFY(!policies().install(policyDocument(99), {}));
        QCOMPARE(policies().inForce().version, 3);
    }

    // R-6.6.4c, bad input: a policy that does not parse, verify or is not newer is refused, recorded,
    // and the one in force stays.
    void aBadPolicyIsRefusedAndThePreviousStays()
    {
        QVERIFY(signIn(QStringLiteral("dm.liu")));
        const int before = policies().inForce().version;
        auto garbage = policies().install("{\"format\": \"mdp.policy.v1\", \"version\": ", {});
        QVERIFY(!garbage);
        QCOMPARE(garbage.error().code, Error::Code::InvalidArgument);
        auto floorLowered = policies().install(
            policyDocument(before + 1, [](QJsonObject &r) { r.insert(QStringLiteral("minCellSize"), 2); }),
            {});
        QVERIFY(!floorLowered);
        QCOMPARE(floorLowered.error().code, Error::Code::InvalidArgument);
        auto older = policies().install(policyDocument(before), {});
        QVERIFY(!older);
        QCOMPARE(older.error().code, Error::Code::RolledBack);
        // Signed, but by a key this workspace does not trust.
        auto foreign = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        QVERIFY(foreign);
        policy::SignedPolicy envelope;
        envelope.document = policyDocument(before + 1);
        envelope.signature = foreign->sign(policy::policySigningMessage(envelope.document)).value();
        envelope.keyFingerprint = "0011";
        auto tampered = policies().install(envelope.toJson(), {});
        QVERIFY(!tampered);
        QCOMPARE(tampered.error().code, Error::Code::Tampered);
        // Signed and newer, but widening what a researcher reaches or dropping the consent rule.
        auto wider = policies().install(
            policyDocument(before + 1,
                           [](QJsonObject &r) {
                               QJsonArray roles = r.value(u"roles").toArray();
                               for (qsizetype i = 0; i < roles.size(); ++i) {
                                   QJsonObject role = roles.at(i).toObject();
                                   if (role.value(u"role").toString() == u"researcher") {
                                       role.insert(QStringLiteral("scope"), QStringLiteral("all"));
                                       role.insert(QStringLiteral("rawCeiling"), 4);
                                       role.insert(QStringLiteral("reach"), 4);
                                       roles.replace(i, role);
                                   }
                               }
                               r.insert(QStringLiteral("roles"), roles);
                           }),
            {});
        QVERIFY(!wider);
        QCOMPARE(wider.error().code, Error::Code::InvalidArgument);
        auto noConsentRule = policies().install(
            policyDocument(before + 1,
                           [](QJsonObject &r) { r.insert(QStringLiteral("denyRules"), QJsonArray()); }),
            {});
        QVERIFY(!noConsentRule);
        QCOMPARE(policies().inForce().version, before);
        QCOMPARE(events(u"policy.refused").size(), 6);

        // A good one: the minimum cell size goes up, and the researcher's counts follow it.
        QVERIFY(signIn(QStringLiteral("dm.liu")));
        auto good = policies().install(
            policyDocument(before + 1, [](QJsonObject &r) { r.insert(QStringLiteral("minCellSize"), 11); }),
            QStringLiteral("stricter counts"));
        QVERIFY2(good, qPrintable(good ? QString() : good.error().toString()));
        QCOMPARE(good->version, before + 1);
        QVERIFY(signIn(QStringLiteral("res.zhang")));
        auto count = ws().countPatients(QString());
        QVERIFY2(count, qPrintable(count ? QString() : count.error().toString()));
        QCOMPARE(count->minimumCellSize, 11);
    }

    // A policy altered where it is stored is refused at the next open, recorded, and the newest one
    // that still verifies is in force.
    void aPolicyAlteredInTheDatabaseIsRefusedAtOpen()
    {
        QVERIFY(signIn(QStringLiteral("dm.liu")));
        const int newest = policies().inForce().version;
        QVERIFY(newest >= 2);
        auto row = ws().database().queryOne(QStringLiteral("SELECT signed FROM policies WHERE version = ?1"),
                                            {newest});
        QVERIFY(row && row.value());
        QJsonObject envelope = QJsonDocument::fromJson(row.value()->value(0).toByteArray()).object();
        QByteArray document = QByteArray::fromBase64(envelope.value(u"document").toString().toLatin1());
        document.replace("\"minCellSize\": 11", "\"minCellSize\": 5");
        envelope.insert(QStringLiteral("document"), QString::fromLatin1(document.toBase64()));
        QVERIFY(ws().database().execute(QStringLiteral("UPDATE policies SET signed = ?2 WHERE version = ?1"),
                                        {newest, QJsonDocument(envelope).toJson(QJsonDocument::Compact)}));
        ws().logout();
        m_demo.workspace.reset();
        auto reopened =
            workspace::Workspace::open(m_dir.filePath(QStringLiteral("ws")), secret(kPassphrase), m_clock);
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().toString()));
        m_demo.workspace = std::move(reopened.value());
        QCOMPARE(policies().inForce().version, newest - 1);
        const auto refused = events(u"policy.refused");
        QVERIFY(!refused.isEmpty());
        bool tampered = false;
        bool rolledBack = false;
        for (const audit::AuditEvent &e : refused) {
            if (e.detail.value(u"operation").toString() != u"policy.load")
                continue;
            tampered =
                tampered || e.detail.value(u"code").toString() == Error::codeName(Error::Code::Tampered);
            rolledBack =
                rolledBack || e.detail.value(u"code").toString() == Error::codeName(Error::Code::RolledBack);
        }
        QVERIFY2(tampered, "the altered version is refused");
        QVERIFY2(rolledBack, "the trail says a newer version was installed: noticed");

        // The next version put in force is numbered past the refused one, and the flow still works.
        QVERIFY(signIn(QStringLiteral("dr.wang")));
        auto requested = policies().request(kSizeKey, level(4), QStringLiteral("again"));
        QVERIFY(requested);
        QVERIFY(signIn(QStringLiteral("dm.liu")));
        QVERIFY(policies().review(requested.value(), true, level(4), QStringLiteral("ok")));
        auto next = policies().putInForce({});
        QVERIFY2(next, qPrintable(next ? QString() : next.error().toString()));
        QCOMPARE(next->version, newest + 1);
        QCOMPARE(policies().inForce().version, newest + 1);
    }
};

QTEST_GUILESS_MAIN(tst_DataClassification)
#include "tst_DataClassification.moc"
