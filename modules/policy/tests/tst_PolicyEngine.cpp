// The permission engine (R-6.6.4a-c, R-7.1.2, R-5.2b/d, R-6.5.1c, R-7.2.4c): roles, attributes,
// grants and the level controls decide; a refusal explains itself and names the scope to request.

#include "mdp/crypto/Signature.h"
#include "mdp/policy/Engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace mdp;
using namespace mdp::policy;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 12, 6), QTime(10, 0), Qt::UTC);

PolicySet defaultPolicy()
{
    auto policy = PolicySet::parse(PolicySet::defaultDocument());
    if (!policy)
        qFatal("default policy: %s", qPrintable(policy.error().toString()));
    return policy.value();
}

Subject subject(const QString &account, QStringList roles)
{
    Subject s;
    s.accountId = account;
    s.roles = std::move(roles);
    s.site = QStringLiteral("site-a");
    s.trainingDone = true;
    s.agreementSigned = true;
    return s;
}

Resource record(int level, const QString &project = QStringLiteral("BC-2026"),
                Category category = Category::HealthStatus)
{
    Resource r;
    r.kind = QStringLiteral("form-record");
    r.level = level;
    r.category = category;
    r.project = project;
    r.site = QStringLiteral("site-a");
    r.patient = QStringLiteral("P-0001");
    return r;
}

Environment now()
{
    return Environment{kNow, true, true};
}

Grant grant(const QString &account, const QString &project, int maxLevel)
{
    Grant g;
    g.id = QStringLiteral("G-%1-%2").arg(account, project);
    g.accountId = account;
    g.project = project;
    g.maxLevel = maxLevel;
    g.notBefore = kNow.addDays(-1);
    g.notAfter = kNow.addDays(29);
    return g;
}

QByteArray withChange(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject root = QJsonDocument::fromJson(PolicySet::defaultDocument()).object();
    change(root);
    return QJsonDocument(root).toJson();
}

} // namespace

class tst_PolicyEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theDefaultPolicyIsValidData();
    void withoutAPolicyEverythingIsRefused();
    void aResearcherWithoutAGrantSeesCountsOnly();
    void aResearcherWithoutAGrantIsRefusedContentWithTheScopeToRequest();
    void aGrantPermitsPreparedDataWithinItsProjectLevelCategoryAndTime();
    void aGrantNeverGivesIdentityOrWritesToAResearcher();
    void aSecondRoleDoesNotSkipTheAgreement();
    void whatLeavesTheWorkstationIsDeidentified();
    void withoutAValidTimeNothingOpens();
    void aNewerPolicyCannotBeOvertakenByAnOlder();
    void aGrantOutsideItsTermsDoesNotCover();
    void trainingAndAgreementAreRequired();
    void aReviewerSeesLevelFourFieldsMasked();
    void levelFourNeedsASecondFactor();
    void theCareTeamStaysAtItsSite();
    void levelFiveNeedsANarrowTemporaryMultiLevelGrant();
    void denyRulesComeFirst();
    void rolesWithoutTheActionAreRefused();
    void theRoleThatShowsMoreWins();
    void theRightGrantIsFoundAmongAHundredThousand();
    void policiesThatLowerTheFloorsOrDoNotParseAreRefused_data();
    void policiesThatLowerTheFloorsOrDoNotParseAreRefused();
    void aSignedPolicyIsAcceptedOnlyWhenItVerifiesAndIsNewer();
    void decisionsCarryTheirAuditDetail();
};

void tst_PolicyEngine::theDefaultPolicyIsValidData()
{
    // R-6.6.4c: the policy is data, parsed and validated like any other.
    const PolicySet policy = defaultPolicy();
    QCOMPARE(policy.version(), 1);
    QVERIFY(policy.role(QStringLiteral("clinician")));
    QVERIFY(policy.role(QStringLiteral("researcher")));
    QCOMPARE(policy.minCellSize(), 5);
    QVERIFY(policy.level(2).deidentify);
    QVERIFY(policy.level(3).watermark);
    QVERIFY(policy.level(4).secondFactor);
    QVERIFY(policy.level(5).multiLevelGrant);
}

void tst_PolicyEngine::withoutAPolicyEverythingIsRefused()
{
    Engine engine;
    const Decision decision = engine.decide(subject(QStringLiteral("dm"), {QStringLiteral("data-manager")}),
                                            Action::Read, record(3), now());
    QVERIFY(!decision.permitted);
    QCOMPARE(decision.reason, Reason::NoPolicy);

    engine.setPolicy(defaultPolicy());
    const Decision unknown = engine.decide(subject(QStringLiteral("x"), {QStringLiteral("janitor")}),
                                           Action::Read, record(3), now());
    QVERIFY(!unknown.permitted);
    QCOMPARE(unknown.reason, Reason::NoRole);
}

void tst_PolicyEngine::aResearcherWithoutAGrantSeesCountsOnly()
{
    // R-5.2d: a search runs, but only counts come back, none below the minimum cell size.
    Engine engine;
    engine.setPolicy(defaultPolicy());
    Resource cohort = record(3, QString());
    cohort.kind = QStringLiteral("cohort");
    const Decision decision = engine.decide(subject(QStringLiteral("r1"), {QStringLiteral("researcher")}),
                                            Action::Search, cohort, now());
    QVERIFY(decision.permitted);
    QCOMPARE(decision.reason, Reason::PermittedAggregate);
    QVERIFY(decision.obligations.aggregateOnly);
    QCOMPARE(decision.obligations.minCellSize, 5);
    QVERIFY(decision.obligations.pseudonymise);
    QVERIFY(decision.obligations.noExport);
}

void tst_PolicyEngine::aResearcherWithoutAGrantIsRefusedContentWithTheScopeToRequest()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    const Decision decision = engine.decide(subject(QStringLiteral("r1"), {QStringLiteral("researcher")}),
                                            Action::Read, record(3), now());
    QVERIFY(!decision.permitted);
    QCOMPARE(decision.reason, Reason::NoGrant);
    QCOMPARE(decision.needed.project, QStringLiteral("BC-2026"));
    QCOMPARE(decision.needed.level, 3);
    QCOMPARE(decision.needed.action, Action::Read);
    QVERIFY2(decision.explanation().contains(QStringLiteral("BC-2026")), qPrintable(decision.explanation()));
    QVERIFY(!decision.explanation().contains(QStringLiteral("P-0001"))); // never names the patient
}

void tst_PolicyEngine::aGrantPermitsPreparedDataWithinItsProjectLevelCategoryAndTime()
{
    // R-6.5.1c, R-5.2c: what a grant opens arrives prepared: pseudonymised, masked above the grant's
    // level, watermarked at level 3, not exportable unless the grant says so.
    Engine engine;
    engine.setPolicy(defaultPolicy());
    engine.setGrants({grant(QStringLiteral("r1"), QStringLiteral("BC-2026"), 3)});
    const Decision decision = engine.decide(subject(QStringLiteral("r1"), {QStringLiteral("researcher")}),
                                            Action::Read, record(3), now());
    QVERIFY2(decision.permitted, qPrintable(decision.explanation()));
    QCOMPARE(decision.reason, Reason::PermittedByGrant);
    QCOMPARE(decision.ruleId, QStringLiteral("G-r1-BC-2026"));
    QCOMPARE(decision.obligations.maskAboveLevel, 3);
    QVERIFY(decision.obligations.pseudonymise);
    QVERIFY(decision.obligations.deidentify);
    QVERIFY(decision.obligations.watermark);
    QVERIFY(decision.obligations.noExport);
    QVERIFY(!decision.obligations.aggregateOnly);

    // What the grant does not allow is refused, not merely flagged: no export without exportAllowed.
    const Decision notExported = engine.decide(subject(QStringLiteral("r1"), {QStringLiteral("researcher")}),
                                               Action::Export, record(3), now());
    QVERIFY(!notExported.permitted);
    QCOMPARE(notExported.reason, Reason::GrantDoesNotCover);

    Grant exporting = grant(QStringLiteral("r2"), QStringLiteral("BC-2026"), 2);
    exporting.exportAllowed = true;
    engine.setGrants({exporting});
    const Subject r2 = subject(QStringLiteral("r2"), {QStringLiteral("researcher")});
    const Decision exported = engine.decide(r2, Action::Export, record(2), now());
    QVERIFY(exported.permitted);
    QVERIFY(!exported.obligations.noExport);
    QVERIFY(exported.obligations.pseudonymise); // what leaves is de-identified
    QVERIFY(exported.obligations.deidentify);
    QVERIFY(exported.obligations.watermark);

    // An aggregate-only grant gives counts, never records.
    Grant counts = grant(QStringLiteral("r3"), QStringLiteral("BC-2026"), 3);
    counts.aggregateOnly = true;
    counts.exportAllowed = true;
    engine.setGrants({counts});
    const Subject r3 = subject(QStringLiteral("r3"), {QStringLiteral("researcher")});
    QCOMPARE(engine.decide(r3, Action::Read, record(3), now()).reason, Reason::GrantDoesNotCover);
    QCOMPARE(engine.decide(r3, Action::Export, record(3), now()).reason, Reason::GrantDoesNotCover);
    const Decision searched = engine.decide(r3, Action::Search, record(3), now());
    QVERIFY(searched.permitted);
    QVERIFY(searched.obligations.aggregateOnly);
    QCOMPARE(searched.obligations.minCellSize, 5);
}

void tst_PolicyEngine::aGrantNeverGivesIdentityOrWritesToAResearcher()
{
    // R-5.2k/l, R-6.6.5d: even a grant up to level 4 leaves a researcher with de-identified data.
    Engine engine;
    engine.setPolicy(defaultPolicy());
    engine.setGrants({grant(QStringLiteral("r1"), QStringLiteral("BC-2026"), 4)});
    Subject researcher = subject(QStringLiteral("r1"), {QStringLiteral("researcher")});
    researcher.secondFactor = true;
    const Decision decision = engine.decide(researcher, Action::Read, record(4), now());
    QVERIFY2(decision.permitted, qPrintable(decision.explanation()));
    QVERIFY(decision.obligations.pseudonymise);
    QVERIFY(decision.obligations.deidentify);
    QCOMPARE(decision.obligations.maskAboveLevel, 3);

    // A clinician's read grant for another site's project opens no writing there.
    engine.setGrants({grant(QStringLiteral("doc"), QStringLiteral("BC-2026"), 3)});
    Resource other = record(3);
    other.site = QStringLiteral("site-b");
    const Subject clinician = subject(QStringLiteral("doc"), {QStringLiteral("clinician")});
    QVERIFY(engine.decide(clinician, Action::Read, other, now()).permitted);
    QVERIFY(!engine.decide(clinician, Action::Write, other, now()).permitted);
}

void tst_PolicyEngine::aSecondRoleDoesNotSkipTheAgreement()
{
    // The attack: a researcher who is also a clinician uses the grant through the clinician role to
    // avoid the data-use agreement (R-7.2.4c).
    Engine engine;
    engine.setPolicy(defaultPolicy());
    engine.setGrants({grant(QStringLiteral("doc"), QStringLiteral("BC-2026"), 3)});
    Subject both =
        subject(QStringLiteral("doc"), {QStringLiteral("researcher"), QStringLiteral("clinician")});
    both.agreementSigned = false;
    Resource other = record(3);
    other.site = QStringLiteral("site-b");
    const Decision decision = engine.decide(both, Action::Read, other, now());
    QVERIFY(!decision.permitted);
    QCOMPARE(decision.reason, Reason::AgreementMissing);
}

void tst_PolicyEngine::whatLeavesTheWorkstationIsDeidentified()
{
    // b: shared data is fully de-identified, also when the care team exports it.
    Engine engine;
    engine.setPolicy(defaultPolicy());
    Subject clinician = subject(QStringLiteral("doc"), {QStringLiteral("clinician")});
    clinician.secondFactor = true;
    const Decision exported = engine.decide(clinician, Action::Export, record(4), now());
    QVERIFY(exported.permitted);
    QVERIFY(exported.obligations.pseudonymise);
    QVERIFY(exported.obligations.deidentify);
    QVERIFY(exported.obligations.watermark);
    QCOMPARE(exported.obligations.maskAboveLevel, 3);
    // Reading at the bedside is not exporting.
    QVERIFY(!engine.decide(clinician, Action::Read, record(4), now()).obligations.pseudonymise);
}

void tst_PolicyEngine::withoutAValidTimeNothingOpens()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    const Decision decision = engine.decide(subject(QStringLiteral("dm"), {QStringLiteral("data-manager")}),
                                            Action::Read, record(3), Environment{QDateTime(), true, true});
    QVERIFY(!decision.permitted);
    QCOMPARE(decision.reason, Reason::InvalidRequest);
}

void tst_PolicyEngine::aNewerPolicyCannotBeOvertakenByAnOlder()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    const auto version = [](int v) {
        return PolicySet::parse(withChange([v](QJsonObject &o) { o[u"version"] = v; })).value();
    };
    QVERIFY(engine.replacePolicy(version(3), 1));
    QVERIFY(!engine.replacePolicy(version(2), 1)); // raced: version 1 is no longer in force
    QVERIFY(!engine.replacePolicy(version(3), 3)); // not newer
    QCOMPARE(engine.policyVersion(), 3);
}

void tst_PolicyEngine::aGrantOutsideItsTermsDoesNotCover()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    Grant narrow = grant(QStringLiteral("r1"), QStringLiteral("BC-2026"), 3);
    narrow.categories = {Category::HealthStatus};
    engine.setGrants({narrow});
    const Subject researcher = subject(QStringLiteral("r1"), {QStringLiteral("researcher")});

    const auto refused = [&](const Resource &resource, const Environment &environment) {
        const Decision decision = engine.decide(researcher, Action::Read, resource, environment);
        return !decision.permitted && decision.reason == Reason::GrantDoesNotCover;
    };
    QVERIFY(refused(record(3, QStringLiteral("LUNG-01")), now()));                    // another project
    QVERIFY(refused(record(4), now()));                                               // above its level
    QVERIFY(refused(record(3, QStringLiteral("BC-2026"), Category::Payment), now())); // another category
    QVERIFY(refused(record(3), Environment{kNow.addDays(30), true, true}));           // expired
    QVERIFY(refused(record(3), Environment{kNow.addDays(-2), true, true}));           // not yet valid
    QVERIFY(engine.decide(researcher, Action::Read, record(3), now()).permitted);     // and within: yes
}

void tst_PolicyEngine::trainingAndAgreementAreRequired()
{
    // R-7.2.4c: no data before the data-use agreement is signed.
    Engine engine;
    engine.setPolicy(defaultPolicy());
    engine.setGrants({grant(QStringLiteral("r1"), QStringLiteral("BC-2026"), 3)});
    Subject researcher = subject(QStringLiteral("r1"), {QStringLiteral("researcher")});
    researcher.agreementSigned = false;
    QCOMPARE(engine.decide(researcher, Action::Read, record(3), now()).reason, Reason::AgreementMissing);
    researcher.agreementSigned = true;
    researcher.trainingDone = false;
    QCOMPARE(engine.decide(researcher, Action::Read, record(3), now()).reason, Reason::TrainingMissing);
    // Counts need neither: a search still comes back aggregate-only.
    const Decision counts = engine.decide(researcher, Action::Search, record(3), now());
    QVERIFY(counts.permitted);
    QVERIFY(counts.obligations.aggregateOnly);
}

void tst_PolicyEngine::aReviewerSeesLevelFourFieldsMasked()
{
    // a reviewer opens the record; what is classified level 4 (names, resident IDs, phones)
    // comes masked, and with nothing of level 4 shown no second factor is asked for.
    Engine engine;
    engine.setPolicy(defaultPolicy());
    Resource patient = record(4);
    patient.kind = QStringLiteral("patient");
    Subject reviewer = subject(QStringLiteral("rev"), {QStringLiteral("reviewer")});
    reviewer.projects = {QStringLiteral("BC-2026")};
    const Decision decision = engine.decide(reviewer, Action::Read, patient, now());
    QVERIFY2(decision.permitted, qPrintable(decision.explanation()));
    QCOMPARE(decision.obligations.maskAboveLevel, 3);
    QVERIFY(decision.obligations.pseudonymise);
    QVERIFY(decision.obligations.deidentify);
    QVERIFY(decision.obligations.watermark);
    QVERIFY(decision.obligations.noExport);
    // Level 3 text and documents come de-identified and watermarked too.
    const Decision l3 = engine.decide(reviewer, Action::Read, record(3), now());
    QVERIFY(l3.obligations.deidentify);
    QVERIFY(l3.obligations.watermark);
    // c: limited to the projects the reviewer works on.
    QCOMPARE(engine.decide(reviewer, Action::Read, record(3, QStringLiteral("LUNG-01")), now()).reason,
             Reason::OutOfScope);
}

void tst_PolicyEngine::levelFourNeedsASecondFactor()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    Subject clinician = subject(QStringLiteral("doc"), {QStringLiteral("clinician")});
    const Decision without = engine.decide(clinician, Action::Read, record(4), now());
    QVERIFY(!without.permitted);
    QCOMPARE(without.reason, Reason::SecondFactorRequired);
    QVERIFY(without.needed.secondFactor);

    clinician.secondFactor = true;
    const Decision with = engine.decide(clinician, Action::Read, record(4), now());
    QVERIFY(with.permitted);
    QCOMPARE(with.obligations.maskAboveLevel, 4);
    QVERIFY(!with.obligations.pseudonymise);
    QVERIFY(with.obligations.deepAudit); // d: every level-4 access deeply audited
    // Level 3 does not ask for the second factor.
    clinician.secondFactor = false;
    QVERIFY(engine.decide(clinician, Action::Read, record(3), now()).permitted);
}

void tst_PolicyEngine::theCareTeamStaysAtItsSite()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    Resource elsewhere = record(3);
    elsewhere.site = QStringLiteral("site-b");
    const Decision clinician = engine.decide(subject(QStringLiteral("doc"), {QStringLiteral("clinician")}),
                                             Action::Read, elsewhere, now());
    QVERIFY(!clinician.permitted);
    QCOMPARE(clinician.reason, Reason::OutOfScope);
    const Decision manager = engine.decide(subject(QStringLiteral("dm"), {QStringLiteral("data-manager")}),
                                           Action::Read, elsewhere, now());
    QVERIFY(manager.permitted);
}

void tst_PolicyEngine::levelFiveNeedsANarrowTemporaryMultiLevelGrant()
{
    // e: even the care team needs a grant approved at several levels, for named patients, for
    // a short time.
    Engine engine;
    engine.setPolicy(defaultPolicy());
    Subject clinician = subject(QStringLiteral("doc"), {QStringLiteral("clinician")});
    clinician.secondFactor = true;
    QCOMPARE(engine.decide(clinician, Action::Read, record(5), now()).reason,
             Reason::MultiLevelGrantRequired);

    Grant once = grant(QStringLiteral("doc"), QStringLiteral("BC-2026"), 5);
    once.approvals = 1;
    once.patients = {QStringLiteral("P-0001")};
    engine.setGrants({once});
    QCOMPARE(engine.decide(clinician, Action::Read, record(5), now()).reason,
             Reason::MultiLevelGrantRequired);

    Grant approved = once;
    approved.approvals = 2;
    engine.setGrants({approved});
    const Decision permitted = engine.decide(clinician, Action::Read, record(5), now());
    QVERIFY2(permitted.permitted, qPrintable(permitted.explanation()));
    QVERIFY(permitted.obligations.deepAudit);

    Resource other = record(5);
    other.patient = QStringLiteral("P-0002");
    // Narrowed to its patients.
    QCOMPARE(engine.decide(clinician, Action::Read, other, now()).reason, Reason::MultiLevelGrantRequired);
    // Level 5 content is masked wherever the level-5 checks did not run for the patient.
    QCOMPARE(engine.decide(clinician, Action::Read, record(4), now()).obligations.maskAboveLevel, 4);

    Grant lasting = approved;
    lasting.notAfter = lasting.notBefore.addDays(30).addSecs(60); // a minute over 30 days
    engine.setGrants({lasting});
    QCOMPARE(engine.decide(clinician, Action::Read, record(5), now()).reason,
             Reason::MultiLevelGrantRequired);

    clinician.secondFactor = false;
    engine.setGrants({approved});
    QCOMPARE(engine.decide(clinician, Action::Read, record(5), now()).reason, Reason::SecondFactorRequired);
}

void tst_PolicyEngine::denyRulesComeFirst()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    Subject clinician = subject(QStringLiteral("doc"), {QStringLiteral("clinician")});
    Resource withdrawn = record(3);
    withdrawn.consentWithdrawn = true;
    const Decision refused = engine.decide(clinician, Action::Read, withdrawn, now());
    QVERIFY(!refused.permitted);
    QCOMPARE(refused.reason, Reason::DeniedByRule);
    QCOMPARE(refused.ruleId, QStringLiteral("consent-withdrawn"));
    // The data manager still reaches the patient to carry out the erasure: read and change only,
    // deeply audited, nothing exported or searched.
    const Subject manager = subject(QStringLiteral("dm"), {QStringLiteral("data-manager")});
    const Decision erasure = engine.decide(manager, Action::Read, withdrawn, now());
    QVERIFY(erasure.permitted);
    QVERIFY(erasure.obligations.deepAudit);
    QVERIFY(erasure.obligations.noExport);
    QCOMPARE(engine.decide(manager, Action::Export, withdrawn, now()).ruleId,
             QStringLiteral("consent-withdrawn"));
    QCOMPARE(engine.decide(manager, Action::Search, withdrawn, now()).ruleId,
             QStringLiteral("consent-withdrawn"));

    const Decision offline =
        engine.decide(clinician, Action::Export, record(3), Environment{kNow, false, true});
    QCOMPARE(offline.ruleId, QStringLiteral("export-offline"));
    QVERIFY(engine.decide(clinician, Action::Read, record(3), Environment{kNow, false, true}).permitted);

    const Environment untrusted{kNow, true, false};
    QCOMPARE(engine.decide(clinician, Action::Read, record(3), untrusted).ruleId,
             QStringLiteral("untrusted-workstation"));
    QVERIFY(engine.decide(clinician, Action::Read, record(2), untrusted).permitted);
}

void tst_PolicyEngine::rolesWithoutTheActionAreRefused()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    const Decision auditor = engine.decide(subject(QStringLiteral("aud"), {QStringLiteral("auditor")}),
                                           Action::Read, record(1), now());
    QVERIFY(!auditor.permitted);
    QCOMPARE(auditor.reason, Reason::ActionNotAllowed);
    const Decision ethics = engine.decide(subject(QStringLiteral("eth"), {QStringLiteral("ethics-reviewer")}),
                                          Action::Export, record(2), now());
    QCOMPARE(ethics.reason, Reason::ActionNotAllowed);
}

void tst_PolicyEngine::theRoleThatShowsMoreWins()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    Subject both =
        subject(QStringLiteral("doc"), {QStringLiteral("researcher"), QStringLiteral("clinician")});
    both.secondFactor = true;
    const Decision decision = engine.decide(both, Action::Read, record(4), now());
    QVERIFY(decision.permitted);
    QCOMPARE(decision.role, QStringLiteral("clinician"));
    QCOMPARE(decision.obligations.maskAboveLevel, 4);
}

void tst_PolicyEngine::theRightGrantIsFoundAmongAHundredThousand()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    QList<Grant> grants;
    grants.reserve(100000);
    for (int i = 0; i < 100000; ++i)
        grants << grant(QStringLiteral("acct-%1").arg(i % 10000), QStringLiteral("P-%1").arg(i / 10000),
                        2 + i % 2);
    engine.setGrants(grants);
    QCOMPARE(engine.grantCount(), 100000);
    // acct-4321 holds grants for projects P-0 .. P-9; i = 4321 + 10000*k, level 2 + (i % 2) = 3.
    const Subject researcher = subject(QStringLiteral("acct-4321"), {QStringLiteral("researcher")});
    QVERIFY(engine.decide(researcher, Action::Read, record(3, QStringLiteral("P-7")), now()).permitted);
    QCOMPARE(engine.decide(researcher, Action::Read, record(3, QStringLiteral("P-10")), now()).reason,
             Reason::GrantDoesNotCover);
    const Subject even = subject(QStringLiteral("acct-4320"), {QStringLiteral("researcher")});
    QCOMPARE(engine.decide(even, Action::Read, record(3, QStringLiteral("P-7")), now()).reason,
             Reason::GrantDoesNotCover); // its grants stop at level 2
}

void tst_PolicyEngine::policiesThatLowerTheFloorsOrDoNotParseAreRefused_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not json") << QByteArray("{\"format\": ") << QStringLiteral("not JSON");
    QTest::newRow("other format") << withChange([](QJsonObject &o) { o[u"format"] = QStringLiteral("x"); })
                                  << QStringLiteral("format");
    QTest::newRow("no version") << withChange([](QJsonObject &o) { o.remove(u"version"); })
                                << QStringLiteral("version");
    QTest::newRow("unknown action") << withChange([](QJsonObject &o) {
        QJsonArray roles = o[u"roles"].toArray();
        QJsonObject first = roles[0].toObject();
        first[u"actions"] = QJsonArray{QStringLiteral("delete-everything")};
        roles[0] = first;
        o[u"roles"] = roles;
    }) << QStringLiteral("delete-everything");
    QTest::newRow("duplicate role") << withChange([](QJsonObject &o) {
        QJsonArray roles = o[u"roles"].toArray();
        roles.append(roles[0]);
        o[u"roles"] = roles;
    }) << QStringLiteral("twice");
    QTest::newRow("level 4 without second factor") << withChange([](QJsonObject &o) {
        QJsonArray levels = o[u"levels"].toArray();
        QJsonObject four = levels[3].toObject();
        four[u"secondFactor"] = false;
        levels[3] = four;
        o[u"levels"] = levels;
    }) << QStringLiteral("second factor");
    QTest::newRow("level 2 shared identified") << withChange([](QJsonObject &o) {
        QJsonArray levels = o[u"levels"].toArray();
        levels[1] = QJsonObject{{QStringLiteral("level"), 2}};
        o[u"levels"] = levels;
    }) << QStringLiteral("de-identification");
    QTest::newRow("single approval for level 5") << withChange([](QJsonObject &o) {
        o[u"level5"] = QJsonObject{{QStringLiteral("maxDays"), 30}, {QStringLiteral("minApprovals"), 1}};
    }) << QStringLiteral("multi-level");
    QTest::newRow("missing level") << withChange([](QJsonObject &o) {
        QJsonArray levels = o[u"levels"].toArray();
        levels.removeAt(2);
        o[u"levels"] = levels;
    }) << QStringLiteral("level 3 is missing");
    QTest::newRow("bad field category") << withChange([](QJsonObject &o) {
        o[u"fields"] = QJsonObject{
            {QStringLiteral("demo.x"), QJsonObject{{QStringLiteral("category"), QStringLiteral("gossip")},
                                                   {QStringLiteral("level"), 3}}}};
    }) << QStringLiteral("gossip");
    QTest::newRow("flag as a string") << withChange([](QJsonObject &o) {
        QJsonArray roles = o[u"roles"].toArray();
        QJsonObject researcher = roles[4].toObject();
        researcher[u"needsAgreement"] = QStringLiteral("true");
        roles[4] = researcher;
        o[u"roles"] = roles;
    }) << QStringLiteral("true or false");
    QTest::newRow("misspelt key") << withChange([](QJsonObject &o) {
        QJsonArray roles = o[u"roles"].toArray();
        QJsonObject researcher = roles[4].toObject();
        researcher.remove(u"needsAgreement");
        researcher[u"needsAgrement"] = true;
        roles[4] = researcher;
        o[u"roles"] = roles;
    }) << QStringLiteral("needsAgrement");
    QTest::newRow("cell size 1") << withChange([](QJsonObject &o) { o[u"minCellSize"] = 1; })
                                 << QStringLiteral("minCellSize");
    QTest::newRow("level 5 for a year") << withChange([](QJsonObject &o) {
        o[u"level5"] = QJsonObject{{QStringLiteral("maxDays"), 365}, {QStringLiteral("minApprovals"), 2}};
    }) << QStringLiteral("temporary");
    QTest::newRow("level 4 not deeply audited") << withChange([](QJsonObject &o) {
        QJsonArray levels = o[u"levels"].toArray();
        QJsonObject four = levels[3].toObject();
        four[u"deepAudit"] = false;
        levels[3] = four;
        o[u"levels"] = levels;
    }) << QStringLiteral("deeply audited");
    QTest::newRow("deny rules not a list")
        << withChange([](QJsonObject &o) { o[u"denyRules"] = QJsonObject(); }) << QStringLiteral("denyRules");
    QTest::newRow("deny rule without condition") << withChange([](QJsonObject &o) {
        o[u"denyRules"] =
            QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("all")},
                                   {QStringLiteral("actions"), QJsonArray{QStringLiteral("read")}}}};
    }) << QStringLiteral("no condition");
}

void tst_PolicyEngine::policiesThatLowerTheFloorsOrDoNotParseAreRefused()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, mentions);
    const auto parsed = PolicySet::parse(document);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, Error::Code::InvalidArgument);
    QVERIFY2(parsed.error().message.contains(mentions), qPrintable(parsed.error().message));
}

void tst_PolicyEngine::aSignedPolicyIsAcceptedOnlyWhenItVerifiesAndIsNewer()
{
    // Bad input: a policy file that does not parse or verify is refused and the previous one stays.
    auto key = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
    QVERIFY(key);
    const crypto::PublicKey publicKey = key.value().publicKey();
    const SignatureCheck check = [&](QByteArrayView document, QByteArrayView signature) {
        return publicKey.verify(document, signature);
    };
    const QByteArray v2 = withChange([](QJsonObject &o) {
        o[u"version"] = 2;
        o[u"minCellSize"] = 10;
    });
    const auto sign = [](const crypto::SigningKey &k, const QByteArray &document) {
        return k.sign(policySigningMessage(document)).value();
    };
    SignedPolicy signedPolicy{v2, sign(key.value(), v2), publicKey.fingerprint()};
    auto envelope = SignedPolicy::fromJson(signedPolicy.toJson());
    QVERIFY(envelope);
    QCOMPARE(envelope.value().document, v2);

    Engine engine;
    engine.setPolicy(defaultPolicy());
    const auto accept = [&](const SignedPolicy &candidate) {
        auto accepted = acceptSignedPolicy(candidate, check, engine.policyVersion());
        if (accepted)
            engine.setPolicy(accepted.value());
        return accepted;
    };

    SignedPolicy tampered = envelope.value();
    tampered.document.replace("\"minCellSize\": 10", "\"minCellSize\": 1");
    QVERIFY(tampered.document != v2);
    QCOMPARE(accept(tampered).error().code, Error::Code::Tampered);
    QCOMPARE(engine.policyVersion(), 1);

    auto stranger = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
    SignedPolicy foreign{v2, sign(stranger.value(), v2), stranger.value().publicKey().fingerprint()};
    QCOMPARE(accept(foreign).error().code, Error::Code::Tampered);
    QCOMPARE(engine.policyVersion(), 1);
    // A signature the same key made over the bare bytes (for some other purpose) is not a policy's.
    SignedPolicy bare{v2, key.value().sign(v2).value(), publicKey.fingerprint()};
    QCOMPARE(accept(bare).error().code, Error::Code::Tampered);

    const QByteArray broken("{\"format\": \"mdp.policy.v1\", \"version\": 3");
    SignedPolicy unparsable{broken, sign(key.value(), broken), publicKey.fingerprint()};
    QCOMPARE(accept(unparsable).error().code, Error::Code::InvalidArgument);
    QCOMPARE(engine.policyVersion(), 1);

    QVERIFY(accept(envelope.value()));
    QCOMPARE(engine.policyVersion(), 2);
    QCOMPARE(engine.policy()->minCellSize(), 10);
    // The same version again, or an older one, is a rollback.
    QCOMPARE(accept(envelope.value()).error().code, Error::Code::RolledBack);
    QCOMPARE(engine.policyVersion(), 2);

    QVERIFY(!SignedPolicy::fromJson("not json"));
    QVERIFY(!SignedPolicy::fromJson("{\"document\": \"@@@\", \"signature\": \"AAAA\"}"));
}

void tst_PolicyEngine::decisionsCarryTheirAuditDetail()
{
    Engine engine;
    engine.setPolicy(defaultPolicy());
    const Decision denied = engine.decide(subject(QStringLiteral("r1"), {QStringLiteral("researcher")}),
                                          Action::Read, record(3), now());
    const QJsonObject deny = denied.auditDetail();
    QCOMPARE(deny.value(u"effect").toString(), QStringLiteral("deny"));
    QCOMPARE(deny.value(u"reason").toString(), QStringLiteral("no-grant"));
    QCOMPARE(deny.value(u"policyVersion").toInt(), 1);
    QCOMPARE(deny.value(u"needed").toObject().value(u"project").toString(), QStringLiteral("BC-2026"));
    QCOMPARE(deny.value(u"needed").toObject().value(u"category").toString(), QStringLiteral("health-status"));

    Subject reviewer = subject(QStringLiteral("rev"), {QStringLiteral("reviewer")});
    reviewer.projects = {QStringLiteral("BC-2026")};
    const QJsonObject permit = engine.decide(reviewer, Action::Read, record(4), now()).auditDetail();
    QCOMPARE(permit.value(u"effect").toString(), QStringLiteral("permit"));
    QCOMPARE(permit.value(u"maskAboveLevel").toInt(), 3);
    QVERIFY(permit.value(u"obligations").toArray().contains(QStringLiteral("pseudonymise")));
}

QTEST_GUILESS_MAIN(tst_PolicyEngine)
#include "tst_PolicyEngine.moc"
