// Access requests, ethics review, multi-level approval and signed grants (issue 12): the rules the
// workstation and mdp-grantd share. R-5.2e-j (request, number, ethics first, approval, exactly the
// requested scope with an expiry), R-6.3.1c/d (a guided request with a detailed purpose), R-6.3.2
// (ethics review before any grant), R-6.3.3 (routing by sensitivity and volume, multi-level, more
// information), R-6.3.4a (temporary grants), R-7.1.2 e (level 5: two distinct approvers at least),
// R-7.2.2 (the data-sharing agreement before use). Each attack the issue lists is refused here.
#include "mdp/access/AccessWorkflow.h"
#include "mdp/access/GrantDocument.h"
#include "mdp/crypto/Crypto.h"
#include "mdp/crypto/Signature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace mdp;
using namespace mdp::access;

namespace {

#define TAKE(var, expr)                                                                                      \
    auto var##Result_ = (expr);                                                                              \
    QVERIFY2(var##Result_.ok(), var##Result_.ok() ? "" : qPrintable(var##Result_.error().toString()));       \
    auto var = std::move(var##Result_).value()

const QString kPurpose =
    QStringLiteral("Response of triple-negative tumours to neoadjuvant radiotherapy with "
                   "PD-1 blockade: pathological complete response against dose.");
const QString kAgreement = QStringLiteral("DSA-2026-1");
const QString kWorkstation = QString(64, QLatin1Char('a'));

Actor researcher()
{
    return {QStringLiteral("res.chen"), {QStringLiteral("researcher")}};
}
Actor ethics()
{
    return {QStringLiteral("eth.zhou"), {QStringLiteral("ethics-reviewer")}};
}
Actor dataManager()
{
    return {QStringLiteral("dm.liu"), {QStringLiteral("data-manager")}};
}
Actor dataManager2()
{
    return {QStringLiteral("dm.ma"), {QStringLiteral("data-manager")}};
}
Actor pi()
{
    return {QStringLiteral("dr.wang"), {QStringLiteral("clinician")}};
}

Scope scope(int level, qsizetype patients = 3)
{
    Scope s;
    s.project = QStringLiteral("BC-2026");
    s.maxLevel = level;
    s.categories = {policy::Category::HealthStatus, policy::Category::MedicalApplication};
    for (qsizetype i = 0; i < patients; ++i)
        s.patients << QStringLiteral("P-AAAAAAAAAAA%1").arg(QChar(u'A' + char16_t(i)));
    return s;
}

} // namespace

class AccessWorkflowTest : public QObject
{
    Q_OBJECT

    ManualClock m_clock{QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC)};
    ApprovalRules m_rules;

    static ApprovalRules rulesWithPi(const QByteArray &document = ApprovalRules::defaultDocument())
    {
        QJsonObject root = QJsonDocument::fromJson(document).object();
        root.insert(
            QStringLiteral("projects"),
            QJsonObject{{QStringLiteral("BC-2026"),
                         QJsonObject{{QStringLiteral("pi"), QJsonArray{QStringLiteral("dr.wang")}}}}});
        return ApprovalRules::parse(QJsonDocument(root).toJson()).value();
    }

    Result<AccessRequest> passedEthics(const AccessWorkflow &flow, const Scope &s)
    {
        auto submitted =
            flow.submit(researcher(), QStringLiteral("AR-2026-000001"), kPurpose, s, 0, kAgreement);
        if (!submitted)
            return submitted;
        return flow.ethicsReview(submitted.value(), ethics(), Verdict::Approve, {});
    }

private Q_SLOTS:
    void initTestCase()
    {
        crypto::initialise();
        m_rules = rulesWithPi();
    }

    // R-5.2e/f, R-6.3.1d, R-7.2.2: a request asks purpose, scope and duration, with the agreement.
    void aRequestNeedsPurposeScopeDurationAndTheAgreement()
    {
        const AccessWorkflow flow(m_rules, m_clock);
        QCOMPARE(flow.submit(researcher(), QStringLiteral("AR-1"), QStringLiteral("research"), scope(3), 0,
                             kAgreement)
                     .error()
                     .code,
                 Error::Code::InvalidArgument);
        QCOMPARE(
            flow.submit(researcher(), QStringLiteral("AR-1"), kPurpose, scope(3), 0, QString()).error().code,
            Error::Code::PermissionDenied);
        QCOMPARE(flow.submit(researcher(), QStringLiteral("AR-1"), kPurpose, scope(3), 4000, kAgreement)
                     .error()
                     .code,
                 Error::Code::InvalidArgument);
        QCOMPARE(flow.submit(researcher(), QStringLiteral("AR-1"), kPurpose, scope(5, 0), 0, kAgreement)
                     .error()
                     .code,
                 Error::Code::InvalidArgument); // level 5 only for named patients
        TAKE(r,
             flow.submit(researcher(), QStringLiteral("AR-2026-000001"), kPurpose, scope(3), 0, kAgreement));
        QCOMPARE(r.status, RequestStatus::EthicsReview);
        QCOMPARE(r.durationDays, 90); // 3 months by default (R-6.3.4a)
        QCOMPARE(r.number, QStringLiteral("AR-2026-000001"));
        QCOMPARE(r.rulesVersion, 1);
        // It survives its JSON.
        TAKE(back, AccessRequest::fromJson(r.toJson()));
        QCOMPARE(back.toJson(), r.toJson());
    }

    // R-5.2g, R-6.3.2: ethics first; only an ethics reviewer, never the requester; a rejection ends
    // the flow with its reasons; a question sends it back and it returns to ethics.
    void ethicsReviewComesFirst()
    {
        const AccessWorkflow flow(m_rules, m_clock);
        TAKE(r, flow.submit(researcher(), QStringLiteral("AR-2"), kPurpose, scope(3), 0, kAgreement));
        QCOMPARE(flow.decide(r, dataManager(), Verdict::Approve, {}).error().code, Error::Code::Conflict);
        QCOMPARE(flow.ethicsReview(r, dataManager(), Verdict::Approve, {}).error().code,
                 Error::Code::PermissionDenied);
        const Actor selfReviewing{researcher().userName, {QStringLiteral("ethics-reviewer")}};
        TAKE(own, flow.submit(selfReviewing, QStringLiteral("AR-3"), kPurpose, scope(3), 0, kAgreement));
        QCOMPARE(flow.ethicsReview(own, selfReviewing, Verdict::Approve, {}).error().code,
                 Error::Code::PermissionDenied);
        QCOMPARE(flow.ethicsReview(r, ethics(), Verdict::Reject, {}).error().code,
                 Error::Code::InvalidArgument);

        TAKE(asked,
             flow.ethicsReview(r, ethics(), Verdict::MoreInformation, QStringLiteral("Which endpoint?")));
        QCOMPARE(asked.status, RequestStatus::NeedsInformation);
        QCOMPARE(flow.answer(asked, dataManager(), kPurpose, scope(3)).error().code,
                 Error::Code::PermissionDenied);
        TAKE(answered,
             flow.answer(asked, researcher(), kPurpose + QStringLiteral(" Endpoint: pCR."), scope(2)));
        QCOMPARE(answered.status, RequestStatus::EthicsReview);
        QCOMPARE(answered.scope.maxLevel, 2);

        TAKE(rejected,
             flow.ethicsReview(answered, ethics(), Verdict::Reject, QStringLiteral("No consent basis")));
        QCOMPARE(rejected.status, RequestStatus::Rejected);
        QCOMPARE(rejected.decisions.last().reason, QStringLiteral("No consent basis"));
        QCOMPARE(flow.decide(rejected, dataManager(), Verdict::Approve, {}).error().code,
                 Error::Code::Conflict);
        QVERIFY(!GrantDocument::issue(rejected, m_rules, QStringLiteral("G-1"), kWorkstation,
                                      QStringLiteral("site"), m_clock.now())
                     .ok());
    }

    // R-6.3.3: routed by sensitivity and volume; multi-level; the requester, an ethics reviewer of
    // the same request and a second approval by the same person are refused.
    void approvalIsRoutedAndEachApproverCountsOnce()
    {
        const AccessWorkflow flow(m_rules, m_clock);
        // Level 3, three patients: one data manager.
        TAKE(small, passedEthics(flow, scope(3)));
        QCOMPARE(small.status, RequestStatus::Approval);
        TAKE(smallDone, flow.decide(small, dataManager(), Verdict::Approve, {}));
        QCOMPARE(smallDone.status, RequestStatus::Approved);

        // Level 4: the project's PI, then a data manager.
        TAKE(r, passedEthics(flow, scope(4)));
        QCOMPARE(flow.decide(r, researcher(), Verdict::Approve, {}).error().code,
                 Error::Code::PermissionDenied);
        const Actor ethicsAsManager{ethics().userName, {QStringLiteral("data-manager")}};
        QCOMPARE(flow.decide(r, ethicsAsManager, Verdict::Approve, {}).error().code,
                 Error::Code::PermissionDenied);
        const Actor stranger{QStringLiteral("dr.li"), {QStringLiteral("clinician")}};
        QCOMPARE(flow.decide(r, stranger, Verdict::Approve, {}).error().code, Error::Code::PermissionDenied);
        TAKE(first, flow.decide(r, pi(), Verdict::Approve, {}));
        QCOMPARE(first.status, RequestStatus::Approval);
        QCOMPARE(first.step, 1);
        // The PI is a clinician, not a data manager: the second step is not theirs, and counting them
        // twice is refused however they try.
        QCOMPARE(flow.decide(first, pi(), Verdict::Approve, {}).error().code, Error::Code::PermissionDenied);
        const Actor piAlsoManager{pi().userName, {QStringLiteral("data-manager")}};
        QCOMPARE(flow.decide(first, piAlsoManager, Verdict::Approve, {}).error().code,
                 Error::Code::PermissionDenied);
        TAKE(done, flow.decide(first, dataManager(), Verdict::Approve, {}));
        QCOMPARE(done.status, RequestStatus::Approved);
        QCOMPARE(AccessWorkflow::approvers(done), (QStringList{pi().userName, dataManager().userName}));

        // A whole project (unknown volume) at level 3 takes the longer route.
        TAKE(large, passedEthics(flow, scope(3, 0)));
        TAKE(largeFirst, flow.decide(large, dataManager(), Verdict::Approve, {}));
        QCOMPARE(largeFirst.status, RequestStatus::Approval);
        QCOMPARE(flow.decide(largeFirst, dataManager(), Verdict::Approve, {}).error().code,
                 Error::Code::PermissionDenied); // counted once
        TAKE(largeDone, flow.decide(largeFirst, dataManager2(), Verdict::Approve, {}));
        QCOMPARE(largeDone.status, RequestStatus::Approved);
    }

    // R-7.1.2 e: level 5 needs two distinct approvers, none of them the requester or the ethics
    // reviewer, even under rules that ask for one.
    void levelFiveNeedsTwoDistinctApprovers()
    {
        QJsonObject root = QJsonDocument::fromJson(ApprovalRules::defaultDocument()).object();
        QJsonArray routes = root.value(QStringLiteral("routes")).toArray();
        QJsonObject l5 = routes.last().toObject();
        l5.insert(
            QStringLiteral("steps"),
            QJsonArray{QJsonObject{{QStringLiteral("roles"), QJsonArray{QStringLiteral("data-manager")}},
                                   {QStringLiteral("approvers"), 1}}});
        routes.replace(routes.size() - 1, l5);
        root.insert(QStringLiteral("routes"), routes);
        root.insert(QStringLiteral("version"), 2);
        TAKE(lenient, ApprovalRules::parse(QJsonDocument(root).toJson()));
        for (const ApprovalRules *rules : {&m_rules, &lenient}) {
            const AccessWorkflow flow(*rules, m_clock);
            TAKE(r, passedEthics(flow, scope(5, 2)));
            TAKE(one, flow.decide(r, dataManager(), Verdict::Approve, {}));
            QCOMPARE(one.status, RequestStatus::Approval); // one approver is not enough
            QVERIFY(!GrantDocument::issue(one, *rules, QStringLiteral("G-5"), kWorkstation,
                                          QStringLiteral("site"), m_clock.now())
                         .ok());
            QCOMPARE(flow.decide(one, dataManager(), Verdict::Approve, {}).error().code,
                     Error::Code::PermissionDenied);
            TAKE(two, flow.decide(one, dataManager2(), Verdict::Approve, {}));
            QCOMPARE(two.status, RequestStatus::Approved);
            QCOMPARE(AccessWorkflow::approvers(two).size(), 2);
        }
    }

    // R-6.3.3c and the attack "a request whose scope widens between ethics and approval": asked for
    // more information at an approval step, the requester may narrow the scope (back to the same
    // step) but not widen it; a stored request whose scope was widened behind the workflow's back is
    // refused at the next approval.
    void theScopeCannotWidenAfterEthics()
    {
        const AccessWorkflow flow(m_rules, m_clock);
        TAKE(r, passedEthics(flow, scope(4)));
        TAKE(first, flow.decide(r, pi(), Verdict::Approve, {}));
        TAKE(asked,
             flow.decide(first, dataManager(), Verdict::MoreInformation, QStringLiteral("Fewer fields?")));
        QCOMPARE(asked.status, RequestStatus::NeedsInformation);
        Scope wider = asked.scope;
        wider.categories << policy::Category::PersonalAttributes;
        QCOMPARE(flow.answer(asked, researcher(), kPurpose, wider).error().code,
                 Error::Code::PermissionDenied);
        Scope higher = asked.scope;
        higher.maxLevel = 5;
        QCOMPARE(flow.answer(asked, researcher(), kPurpose, higher).error().code,
                 Error::Code::PermissionDenied);
        Scope narrower = asked.scope;
        narrower.patients.removeLast();
        TAKE(back, flow.answer(asked, researcher(), kPurpose, narrower));
        QCOMPARE(back.status, RequestStatus::Approval);
        QCOMPARE(back.step, 0); // another scope: the approvals start again

        AccessRequest tampered = back;
        tampered.scope.exportAllowed = true;
        QCOMPARE(flow.decide(tampered, dataManager(), Verdict::Approve, {}).error().code,
                 Error::Code::PermissionDenied);
        // One person at one step of the scope as it is: the data manager who asked takes step 1 only
        // if someone else took step 0.
        TAKE(stepZero, flow.decide(back, dataManager(), Verdict::Approve, {}));
        QCOMPARE(stepZero.step, 1);
        QCOMPARE(flow.decide(stepZero, dataManager(), Verdict::Approve, {}).error().code,
                 Error::Code::PermissionDenied);
        TAKE(done, flow.decide(stepZero, dataManager2(), Verdict::Approve, {}));
        QCOMPARE(done.status, RequestStatus::Approved);
        QCOMPARE(done.scope, narrower);
        QCOMPARE(AccessWorkflow::approvers(done),
                 (QStringList{dataManager().userName, dataManager2().userName}));
        TAKE(checked, AccessWorkflow::checkApproved(done, m_rules));
        QCOMPARE(checked.size(), 2);

        // Another purpose after ethics is a question for ethics again.
        TAKE(again, passedEthics(flow, scope(3)));
        TAKE(question, flow.decide(again, dataManager(), Verdict::MoreInformation, QStringLiteral("Why?")));
        TAKE(newPurpose, flow.answer(question, researcher(), kPurpose + QStringLiteral(" And survival."),
                                     question.scope));
        QCOMPARE(newPurpose.status, RequestStatus::EthicsReview);
        QVERIFY(!newPurpose.ethicsPassed);
    }

    // A stored request is not trusted by its status: a grant is issued only when its decisions show
    // every step approved on its scope by distinct people who may take it, and a request whose parts
    // have the wrong types or an unknown verdict is not read at all.
    void aGrantNeedsTheApprovalsItsDecisionsShow()
    {
        const AccessWorkflow flow(m_rules, m_clock);
        TAKE(r, passedEthics(flow, scope(4)));
        TAKE(first, flow.decide(r, pi(), Verdict::Approve, {}));
        // Forged: marked approved after one step, or with the PI's approval copied to step 1.
        AccessRequest forged = first;
        forged.status = RequestStatus::Approved;
        QCOMPARE(GrantDocument::issue(forged, m_rules, QStringLiteral("G-9"), kWorkstation,
                                      QStringLiteral("site"), m_clock.now())
                     .error()
                     .code,
                 Error::Code::PermissionDenied);
        StepDecision copied = forged.decisions.last();
        copied.step = 1;
        forged.decisions << copied;
        QVERIFY(!GrantDocument::issue(forged, m_rules, QStringLiteral("G-9"), kWorkstation,
                                      QStringLiteral("site"), m_clock.now())
                     .ok());

        QJsonObject json = first.toJson();
        QJsonArray decisions = json.value(u"decisions").toArray();
        QJsonObject d = decisions.last().toObject();
        d.insert(QStringLiteral("verdict"), QStringLiteral("approved!"));
        decisions.replace(decisions.size() - 1, d);
        json.insert(QStringLiteral("decisions"), decisions);
        QVERIFY(!AccessRequest::fromJson(json).ok());
        for (const auto &[key, value] :
             {std::pair{QStringLiteral("categories"), QJsonValue(QStringLiteral("health-status"))},
              std::pair{QStringLiteral("aggregateOnly"), QJsonValue(QStringLiteral("true"))},
              std::pair{QStringLiteral("patients"), QJsonValue(QJsonArray{1})},
              std::pair{QStringLiteral("fields"), QJsonValue(QJsonArray{QStringLiteral("dose")})}}) {
            QJsonObject bad = scope(3).toJson();
            bad.insert(key, value);
            QVERIFY2(!Scope::fromJson(bad).ok(), qPrintable(key));
        }
    }

    // Rules are data with a version: a request routed by one version is not decided under another.
    void rulesAreVersionedData()
    {
        QVERIFY(!ApprovalRules::parse(R"({"version": 1, "ethicsRoles": [], "routes": []})").ok());
        QVERIFY(!ApprovalRules::parse(R"({"version": 1, "ethicsRoles": ["ethics-reviewer"], "routes": [
            {"maxLevel": 3, "steps": [{"roles": ["data-manager"]}]}]})")
                     .ok()); // levels 4 and 5 have no route
        const AccessWorkflow flow(m_rules, m_clock);
        TAKE(r, passedEthics(flow, scope(3)));
        QJsonObject root = QJsonDocument::fromJson(ApprovalRules::defaultDocument()).object();
        root.insert(QStringLiteral("version"), 7);
        TAKE(newer, ApprovalRules::parse(QJsonDocument(root).toJson()));
        const AccessWorkflow later(newer, m_clock);
        QCOMPARE(later.decide(r, dataManager(), Verdict::Approve, {}).error().code, Error::Code::Conflict);
    }

    // R-5.2j, R-6.3.4: the grant is exactly the approved scope for the approved time, signed; a
    // tampered grant, another person's, one bound to another workstation's certificate, one not yet
    // valid and one a second past its end are refused.
    void aGrantIsSignedBoundAndTimeLimited()
    {
        const AccessWorkflow flow(m_rules, m_clock);
        TAKE(r, passedEthics(flow, scope(3)));
        TAKE(approved, flow.decide(r, dataManager(), Verdict::Approve, {}));
        TAKE(grant, GrantDocument::issue(approved, m_rules, QStringLiteral("G-2026-1"), kWorkstation,
                                         QStringLiteral("site-a"), m_clock.now()));
        QCOMPARE(grant.scope, approved.scope);
        QCOMPARE(grant.notAfter, m_clock.now().addDays(90));
        TAKE(key, crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2));
        TAKE(envelope, grant.sign(key));
        const QDateTime inside = m_clock.now().addDays(10);
        TAKE(verified,
             GrantDocument::verify(envelope, key.publicKey(), researcher().userName, kWorkstation, inside));
        QCOMPARE(verified.canonical(), grant.canonical());
        const policy::Grant enforced = verified.toPolicyGrant(QStringLiteral("acct-1"));
        QCOMPARE(enforced.project, QStringLiteral("BC-2026"));
        QCOMPARE(enforced.maxLevel, 3);
        QCOMPARE(enforced.patients, approved.scope.patients);
        QCOMPARE(enforced.notAfter, grant.notAfter);

        // Tampered: the ceiling raised inside the signed document.
        QJsonObject outer = QJsonDocument::fromJson(envelope).object();
        QByteArray document = QByteArray::fromBase64(outer.value(u"document").toString().toLatin1());
        document.replace("\"maxLevel\":3", "\"maxLevel\":5");
        outer.insert(QStringLiteral("document"), QString::fromLatin1(document.toBase64()));
        QCOMPARE(GrantDocument::verify(QJsonDocument(outer).toJson(), key.publicKey(), researcher().userName,
                                       kWorkstation, inside)
                     .error()
                     .code,
                 Error::Code::Tampered);
        TAKE(otherKey, crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2));
        QCOMPARE(
            GrantDocument::verify(envelope, otherKey.publicKey(), researcher().userName, kWorkstation, inside)
                .error()
                .code,
            Error::Code::Tampered);
        QCOMPARE(
            GrantDocument::verify(envelope, key.publicKey(), dataManager().userName, kWorkstation, inside)
                .error()
                .code,
            Error::Code::PermissionDenied);
        QCOMPARE(GrantDocument::verify(envelope, key.publicKey(), researcher().userName,
                                       QString(64, QLatin1Char('b')), inside)
                     .error()
                     .code,
                 Error::Code::PermissionDenied);
        QCOMPARE(GrantDocument::verify(envelope, key.publicKey(), researcher().userName, kWorkstation,
                                       grant.notBefore.addSecs(-1))
                     .error()
                     .code,
                 Error::Code::PermissionDenied);
        QVERIFY(GrantDocument::verify(envelope, key.publicKey(), researcher().userName, kWorkstation,
                                      grant.notAfter.addSecs(-1))
                    .ok());
        const auto late = GrantDocument::verify(envelope, key.publicKey(), researcher().userName,
                                                kWorkstation, grant.notAfter.addSecs(1));
        QCOMPARE(late.error().code, Error::Code::PermissionDenied);
        QVERIFY(late.error().message.contains(QStringLiteral("expired")));
    }
};

QTEST_GUILESS_MAIN(AccessWorkflowTest)
#include "tst_AccessWorkflow.moc"
