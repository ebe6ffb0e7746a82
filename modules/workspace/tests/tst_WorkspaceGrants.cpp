// Grants from the site enforced on the workstation (issue 12; R-5.2j exactly the approved scope with an
// expiry, R-6.3.4 temporary grants revoked at their end, R-7.1.2 e). What the server lists for an
// account is verified before it is kept (the issuer's signature, the account, this workstation's
// certificate, the window), kept in the encrypted database, verified again whenever it is put in
// force, and enforced by the permission engine without the server: within its scope it permits, one
// second after its end it does not, a grant the server no longer lists is gone, one altered in the
// database is refused and reported.
#include "TimeFloor.h"
#include "WorkspaceGrants.h"

#include "mdp/access/AccessWorkflow.h"
#include "mdp/access/GrantDocument.h"
#include "mdp/crypto/Crypto.h"
#include "mdp/crypto/Random.h"
#include "mdp/crypto/Signature.h"
#include "mdp/policy/Engine.h"
#include "mdp/policy/PolicySet.h"
#include "mdp/store/Database.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

// The workspace's migrations are a resource of its static library.
static void initWorkspaceMigrations()
{
    Q_INIT_RESOURCE(workspace_migrations);
}

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

const QString kHere = QString(64, QLatin1Char('c'));
const QString kElsewhere = QString(64, QLatin1Char('d'));
const QString kAccount = QStringLiteral("3f1e8a52-0000-4000-8000-000000000001");

} // namespace

class WorkspaceGrantsTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ManualClock m_clock{QDateTime(QDate(2026, 12, 7), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<store::Database> m_db;
    policy::Engine m_engine;
    QList<audit::AuditEvent> m_events;
    std::unique_ptr<workspace::WorkspaceGrants> m_grants;
    std::optional<crypto::SigningKey> m_issuer;

    // An approved request of res.chen for BC-2026 up to level 3, and its grant for `workstation`.
    Result<QByteArray> grantFor(const QString &workstation,
                                const QString &project = QStringLiteral("BC-2026"),
                                const QString &subject = QStringLiteral("res.chen"))
    {
        auto rules = access::ApprovalRules::parse(access::ApprovalRules::defaultDocument());
        if (!rules)
            return rules.error();
        const access::AccessWorkflow flow(*rules, m_clock);
        access::Scope scope;
        scope.project = project;
        scope.maxLevel = 3;
        scope.patients = {QStringLiteral("P-AAAAAAAAAAAA")};
        auto r =
            flow.submit({subject, {QStringLiteral("researcher")}}, QStringLiteral("AR-2026-000009"),
                        QStringLiteral("Pathological complete response against dose in the index cohort."),
                        scope, 30, QStringLiteral("DSA-2026-1"));
        if (!r)
            return r.error();
        auto passed = flow.ethicsReview(*r, {QStringLiteral("eth.zhou"), {QStringLiteral("ethics-reviewer")}},
                                        access::Verdict::Approve, {});
        if (!passed)
            return passed.error();
        auto approved = flow.decide(*passed, {QStringLiteral("dm.liu"), {QStringLiteral("data-manager")}},
                                    access::Verdict::Approve, {});
        if (!approved)
            return approved.error();
        auto grant = access::GrantDocument::issue(*approved, *rules,
                                                  QStringLiteral("G-") + project + workstation.left(4),
                                                  workstation, QStringLiteral("site-a"), m_clock.now());
        if (!grant)
            return grant.error();
        return grant->sign(*m_issuer);
    }

    policy::Decision read(const QString &project = QStringLiteral("BC-2026"), int level = 3) const
    {
        policy::Subject s;
        s.accountId = kAccount;
        s.roles = {QStringLiteral("researcher")};
        s.site = QStringLiteral("site-a");
        s.trainingDone = true;
        s.agreementSigned = true;
        policy::Resource r;
        r.kind = QStringLiteral("form-record");
        r.level = level;
        r.project = project;
        r.site = QStringLiteral("site-a");
        r.patient = QStringLiteral("P-AAAAAAAAAAAA");
        return m_engine.decide(s, policy::Action::Read, r, policy::Environment{m_clock.now(), false, true});
    }

private Q_SLOTS:
    void initTestCase()
    {
        crypto::initialise();
        initWorkspaceMigrations();
        QVERIFY(m_dir.isValid());
        store::Database::Options options;
        options.path = m_dir.filePath(QStringLiteral("ws.db"));
        options.key = SecureBytes(crypto::randomBytes(32));
        options.create = true;
        TAKE(db, store::Database::open(std::move(options)));
        m_db = std::move(db);
        CHECK_OK(m_db->migrate(QStringLiteral("workspace"), QStringLiteral(":/mdp/workspace/migrations")));
        auto policy = policy::PolicySet::parse(policy::PolicySet::defaultDocument());
        QVERIFY(policy.ok());
        m_engine.setPolicy(policy.value());
        TAKE(issuer, crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2));
        m_issuer = issuer;
        m_grants = std::make_unique<workspace::WorkspaceGrants>(
            *m_db, m_engine,
            [this](audit::AuditEvent event) -> Result<void> {
                m_events << event;
                return {};
            },
            m_clock, [] { return kHere; });
    }

    // R-5.2j, R-6.3.4, R-7.1.2 e: what the server lists is taken only when it verifies, and enforced
    // offline within its scope until one second past its end.
    void aVerifiedGrantIsEnforcedOfflineUntilItsEnd()
    {
        QCOMPARE(read().permitted, false); // nothing granted yet
        TAKE(good, grantFor(kHere));
        TAKE(otherWorkstation, grantFor(kElsewhere, QStringLiteral("BC-2027")));
        TAKE(othersGrant, grantFor(kHere, QStringLiteral("BC-2028"), QStringLiteral("res.wu")));
        // The same grant with its project changed inside the signed document.
        QJsonObject outer = QJsonDocument::fromJson(good).object();
        QByteArray document = QByteArray::fromBase64(outer.value(u"document").toString().toLatin1());
        QVERIFY(document.contains("\"project\":\"BC-2026\""));
        document.replace("\"project\":\"BC-2026\"", "\"project\":\"BC-2029\"");
        outer.insert(QStringLiteral("document"), QString::fromLatin1(document.toBase64()));
        const QByteArray tampered = QJsonDocument(outer).toJson(QJsonDocument::Compact);
        const QByteArray key = m_issuer->publicKey().der();
        TAKE(taken, m_grants->replaceFor(kAccount, QStringLiteral("res.chen"),
                                         {good, otherWorkstation, othersGrant, tampered}, key));
        QCOMPARE(taken, 1);
        QCOMPARE(m_engine.grantCount(), 1);
        QCOMPARE(m_events.last().type, QStringLiteral("access.grants"));
        QCOMPARE(m_events.last().detail.value(u"refused").toInt(), 3);

        const policy::Decision within = read();
        QVERIFY2(within.permitted, qPrintable(within.explanation()));
        QCOMPARE(within.reason, policy::Reason::PermittedByGrant);
        QVERIFY(within.obligations.pseudonymise);               // delivered de-identified (R-5.2k)
        QVERIFY(!read(QStringLiteral("BC-2027")).permitted);    // another project
        QVERIFY(!read(QStringLiteral("BC-2026"), 4).permitted); // above its ceiling

        // Offline and later: the engine holds it to its own end.
        m_clock.advance(qint64(30) * 24 * 3600 * 1000 - 1000);
        QVERIFY(read().permitted);
        m_clock.advance(2000); // one second past its end
        QVERIFY(!read().permitted);
        TAKE(inForce, m_grants->load());
        QCOMPARE(inForce, 0); // ended: not put in force again, and no alert for that
        QCOMPARE(m_events.last().type, QStringLiteral("access.grants"));
        m_clock.advance(-qint64(30) * 24 * 3600 * 1000);
    }

    // Once the server's witness key is pinned, grants signed with another key are not taken (a server
    // that is not the site's, or a key swapped in the database), and the mismatch is reported.
    void grantsMustBeSignedWithThePinnedKey()
    {
        TAKE(other, crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2));
        const QByteArray pinned = other.publicKey().der();
        workspace::WorkspaceGrants strict(
            *m_db, m_engine,
            [this](audit::AuditEvent event) -> Result<void> {
                m_events << event;
                return {};
            },
            m_clock, [] { return kHere; }, [pinned] { return pinned; });
        TAKE(good, grantFor(kHere));
        auto taken =
            strict.replaceFor(kAccount, QStringLiteral("res.chen"), {good}, m_issuer->publicKey().der());
        QCOMPARE(taken.error().code, Error::Code::Tampered);
        QCOMPARE(m_events.last().type, QStringLiteral("security.alert"));
        // Kept with the key they came with: checked against the pinned one, they are refused.
        TAKE(kept,
             m_grants->replaceFor(kAccount, QStringLiteral("res.chen"), {good}, m_issuer->publicKey().der()));
        QCOMPARE(kept, 1);
        TAKE(inForce, strict.load());
        QCOMPARE(inForce, 0);
        QVERIFY(!read().permitted);
        CHECK_OK(m_grants->replaceFor(kAccount, QStringLiteral("res.chen"), {}, m_issuer->publicKey().der()));
    }

    // A grant altered in the database is refused when put in force again, and reported; a grant the
    // server no longer lists (revoked or ended there) is gone at the next server sign-in.
    void anAlteredOrWithdrawnGrantIsGone()
    {
        TAKE(good, grantFor(kHere));
        const QByteArray key = m_issuer->publicKey().der();
        TAKE(taken, m_grants->replaceFor(kAccount, QStringLiteral("res.chen"), {good}, key));
        QCOMPARE(taken, 1);
        QVERIFY(read().permitted);

        // Someone with the database key rewrites the kept envelope: a wider ceiling.
        QJsonObject outer = QJsonDocument::fromJson(good).object();
        QByteArray document = QByteArray::fromBase64(outer.value(u"document").toString().toLatin1());
        document.replace("\"maxLevel\":3", "\"maxLevel\":4");
        outer.insert(QStringLiteral("document"), QString::fromLatin1(document.toBase64()));
        CHECK_OK(m_db->execute(QStringLiteral("UPDATE access_grants SET envelope = ?1"),
                               {QJsonDocument(outer).toJson(QJsonDocument::Compact)}));
        TAKE(inForce, m_grants->load());
        QCOMPARE(inForce, 0);
        QVERIFY(!read().permitted);
        QVERIFY(!read(QStringLiteral("BC-2026"), 4).permitted);
        QCOMPARE(m_events.last().type, QStringLiteral("security.alert"));

        TAKE(again, m_grants->replaceFor(kAccount, QStringLiteral("res.chen"), {good}, key));
        QCOMPARE(again, 1);
        QVERIFY(read().permitted);
        TAKE(withdrawn, m_grants->replaceFor(kAccount, QStringLiteral("res.chen"), {}, key));
        QCOMPARE(withdrawn, 0);
        QVERIFY(!read().permitted);
        TAKE(rows, m_db->query(QStringLiteral("SELECT count(*) FROM access_grants")));
        QCOMPARE(rows.first().at(0).toInt(), 0);
    }

    // R-6.3.4 (offline, a grant's own end holds, with clock-rollback detection): once the workspace has
    // seen a time past a grant's end, a clock set back does not bring the grant back into force, in this
    // session or the next (the floor is kept in the database), and the set-back is measurable; a time
    // the server signed raises the floor as well.
    void aClockSetBackDoesNotBringAnEndedGrantBack()
    {
        workspace::TimeFloor floor(m_clock);
        CHECK_OK(floor.load(*m_db));
        QCOMPARE(floor.setBackBy(), 0);
        workspace::WorkspaceGrants guarded(
            *m_db, m_engine,
            [this](audit::AuditEvent event) -> Result<void> {
                m_events << event;
                return {};
            },
            floor, [] { return kHere; });
        const auto readAt = [&](const QDateTime &at) {
            policy::Subject s;
            s.accountId = kAccount;
            s.roles = {QStringLiteral("researcher")};
            s.site = QStringLiteral("site-a");
            s.trainingDone = true;
            s.agreementSigned = true;
            policy::Resource r;
            r.kind = QStringLiteral("form-record");
            r.level = 3;
            r.project = QStringLiteral("BC-2030");
            r.site = QStringLiteral("site-a");
            r.patient = QStringLiteral("P-AAAAAAAAAAAA");
            return m_engine.decide(s, policy::Action::Read, r, policy::Environment{at, false, true});
        };
        TAKE(good, grantFor(kHere, QStringLiteral("BC-2030")));
        TAKE(taken,
             guarded.replaceFor(kAccount, QStringLiteral("res.chen"), {good}, m_issuer->publicKey().der()));
        QCOMPARE(taken, 1);
        QVERIFY(readAt(floor.now()).permitted);
        const QDateTime start = m_clock.now();

        // Past its end, written down with the next write, then the clock goes back to its start.
        m_clock.advance(qint64(31) * 24 * 3600 * 1000);
        QVERIFY(!readAt(floor.now()).permitted);
        CHECK_OK(m_db->transaction([&]() -> Result<void> { return floor.keep(*m_db); }));
        m_clock.set(start);
        QVERIFY(floor.setBackBy() >= qint64(30) * 24 * 3600 * 1000);
        QVERIFY(floor.now() > start.addDays(30));
        QVERIFY(!readAt(floor.now()).permitted); // the engine is asked at the floor's time
        TAKE(inForce, guarded.inForceFor(kAccount));
        QVERIFY(inForce.isEmpty());
        TAKE(reloaded, guarded.load());
        QCOMPARE(reloaded, 0);

        // The next open of the workspace reads the kept floor: still ended.
        workspace::TimeFloor reopened(m_clock);
        CHECK_OK(reopened.load(*m_db));
        QCOMPARE(reopened.now(), floor.floor());
        QVERIFY(reopened.setBackBy() > 0);

        // A time the server signed raises the floor; drift below the tolerance is not a set-back.
        workspace::TimeFloor fresh(m_clock);
        QCOMPARE(fresh.setBackBy(), 0);
        fresh.witness(start.addMSecs(workspace::TimeFloor::kSetBackToleranceMs - 1000));
        QCOMPARE(fresh.setBackBy(), 0);
        fresh.witness(start.addDays(1));
        QVERIFY(fresh.setBackBy() > 0);
        QCOMPARE(fresh.now(), start.addDays(1));
        m_clock.advance(qint64(2) * 24 * 3600 * 1000); // the clock catches up: it leads again
        QCOMPARE(fresh.now(), m_clock.now());
        QCOMPARE(fresh.setBackBy(), 0);
        // A server clock days ahead is taken only a day past this one (grants must not all end early,
        // for good), and the excess is reported.
        workspace::TimeFloor capped(m_clock);
        capped.witness(m_clock.now().addDays(3));
        QCOMPARE(capped.floor(), m_clock.now().addMSecs(workspace::TimeFloor::kWitnessAheadMs));
        QVERIFY(capped.witnessedAheadBy() >= qint64(2) * 24 * 3600 * 1000 - 1000);
        // The kept floor is never lowered by a connection that saw less.
        TAKE(keptRow, m_db->queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'time_floor'")));
        QVERIFY(keptRow.has_value());
        const qint64 kept = keptRow->at(0).toLongLong();
        workspace::TimeFloor behind(m_clock);
        behind.witness(m_clock.now().addSecs(120)); // later than the clock, earlier than what is kept
        CHECK_OK(m_db->transaction([&]() -> Result<void> { return behind.keep(*m_db); }));
        TAKE(still, m_db->queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'time_floor'")));
        QCOMPARE(still->at(0).toLongLong(), kept);
        m_clock.set(start);
        // Leave the fixture's database as it was for the other functions.
        CHECK_OK(m_db->transaction([&]() -> Result<void> {
            auto r = m_db->execute(QStringLiteral("DELETE FROM mdp_meta WHERE key = 'time_floor'"));
            if (!r)
                return r.error();
            r = m_db->execute(QStringLiteral("DELETE FROM access_grants"));
            if (!r)
                return r.error();
            return {};
        }));
    }
};

QTEST_GUILESS_MAIN(WorkspaceGrantsTest)
#include "tst_WorkspaceGrants.moc"
