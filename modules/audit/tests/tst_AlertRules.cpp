// Alert rules over audit events (issue 13; R-7.4.2 SIEM-like rules): the rule set is data, parsed
// strictly; each of the platform's rules fires on its scenario at its threshold and not below it, per
// group, once per cool-down; out-of-hours rules go by the site's local time.
#include "mdp/audit/AlertRules.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace mdp;
using namespace mdp::audit;

namespace {

const QDateTime kStart(QDate(2026, 12, 7), QTime(2, 0), Qt::UTC); // 10:00 in Beijing

AuditEvent auditEvent(const QString &type, const QString &user, const QDateTime &at,
                      AuditOutcome outcome = AuditOutcome::Success, const QJsonObject &detail = {})
{
    AuditEvent e;
    e.type = type;
    e.agent.userId = user;
    e.recorded = at;
    e.outcome = outcome;
    e.detail = detail;
    return e;
}

QStringList fired(AlertEvaluator &evaluator, const AuditEvent &e)
{
    QStringList ids;
    for (const Alert &a : evaluator.observe(e))
        ids << a.ruleId;
    return ids;
}

AlertEvaluator platformRules()
{
    auto set = AlertRuleSet::parse(AlertRuleSet::defaultDocument());
    if (!set)
        qFatal("%s", qPrintable(set.error().toString()));
    return AlertEvaluator(*set);
}

} // namespace

class AlertRulesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theRuleSetIsParsedStrictly_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray rule = R"("id":"r","title":{"en":"R"},"types":["account.login"])";
        QTest::newRow("not json") << QByteArray("{rules");
        QTest::newRow("no version") << QByteArray(R"({"rules":[]})");
        QTest::newRow("unknown top key") << QByteArray(R"({"version":1,"rules":[],"extra":1})");
        QTest::newRow("unknown rule key")
            << QByteArray(R"({"version":1,"rules":[{)" + rule + R"(,"treshold":3}]})");
        QTest::newRow("no type") << QByteArray(
            R"({"version":1,"rules":[{"id":"r","title":{"en":"R"},"types":[]}]})");
        QTest::newRow("zero window") << QByteArray(R"({"version":1,"rules":[{)" + rule +
                                                   R"(,"windowSeconds":0}]})");
        QTest::newRow("zero threshold")
            << QByteArray(R"({"version":1,"rules":[{)" + rule + R"(,"threshold":0}]})");
        QTest::newRow("fractional threshold")
            << QByteArray(R"({"version":1,"rules":[{)" + rule + R"(,"threshold":2.5}]})");
        QTest::newRow("bad outcome") << QByteArray(R"({"version":1,"rules":[{)" + rule +
                                                   R"(,"outcomes":["bad"]}]})");
        QTest::newRow("bad hours") << QByteArray(R"({"version":1,"rules":[{)" + rule +
                                                 R"(,"outOfHours":{"from":"25:00","to":"07:00"}}]})");
        QTest::newRow("bad group") << QByteArray(R"({"version":1,"rules":[{)" + rule +
                                                 R"(,"groupBy":"patient"}]})");
        QTest::newRow("two of one id")
            << QByteArray(R"({"version":1,"rules":[{)" + rule + "},{" + rule + "}]}");
        QTest::newRow("no title") << QByteArray(R"({"version":1,"rules":[{"id":"r","types":["a.b"]}]})");
    }
    void theRuleSetIsParsedStrictly()
    {
        QFETCH(QByteArray, json);
        auto set = AlertRuleSet::parse(json);
        QVERIFY(!set.ok());
        QCOMPARE(set.error().code, Error::Code::InvalidArgument);
    }

    void thePlatformRulesParse()
    {
        auto set = AlertRuleSet::parse(AlertRuleSet::defaultDocument());
        QVERIFY2(set.ok(), set.ok() ? "" : qPrintable(set.error().toString()));
        QStringList ids;
        for (const AlertRule &r : set->rules) {
            ids << r.id;
            QVERIFY(!r.titleZh.isEmpty());
        }
        for (const char *id :
             {"failed-sign-in-burst", "bulk-access", "download-or-export", "privilege-change",
              "identifying-data-out-of-hours", "access-after-grant-end", "audit-gap", "integrity-broken"})
            QVERIFY2(ids.contains(QString::fromLatin1(id)), id);
    }

    // Five failed sign-ins within five minutes, wherever they come from: one alert, then quiet.
    void failedSignInsFireAtTheirThreshold()
    {
        AlertEvaluator rules = platformRules();
        for (int i = 0; i < 4; ++i)
            QVERIFY(fired(rules, auditEvent(QStringLiteral("user.login"), QStringLiteral("workstation"),
                                            kStart.addSecs(i * 30), AuditOutcome::MinorFailure))
                        .isEmpty());
        // A success does not count.
        QVERIFY(fired(rules, auditEvent(QStringLiteral("user.login"), QStringLiteral("res.chen"),
                                        kStart.addSecs(130)))
                    .isEmpty());
        QCOMPARE(fired(rules, auditEvent(QStringLiteral("account.login"), QStringLiteral("u-1"),
                                         kStart.addSecs(150), AuditOutcome::MinorFailure)),
                 QStringList{QStringLiteral("failed-sign-in-burst")});
        // Within the cool-down: quiet.
        QVERIFY(fired(rules, auditEvent(QStringLiteral("user.login"), QStringLiteral("workstation"),
                                        kStart.addSecs(160), AuditOutcome::MinorFailure))
                    .isEmpty());
        // Spread out over more than the window: nothing.
        AlertEvaluator slow = platformRules();
        for (int i = 0; i < 10; ++i)
            QVERIFY(fired(slow, auditEvent(QStringLiteral("user.login"), QString(), kStart.addSecs(i * 100),
                                           AuditOutcome::MinorFailure))
                        .isEmpty());
    }

    // Bulk access counts each user apart.
    void bulkAccessIsPerUser()
    {
        AlertEvaluator rules = platformRules();
        int alerts = 0;
        for (int i = 0; i < 199; ++i) {
            alerts += fired(rules, auditEvent(QStringLiteral("patient.view"), QStringLiteral("u-1"),
                                              kStart.addSecs(i)))
                          .size();
            alerts += fired(rules, auditEvent(QStringLiteral("record.view"), QStringLiteral("u-2"),
                                              kStart.addSecs(i)))
                          .size();
        }
        QCOMPARE(alerts, 0);
        const QStringList ids = fired(
            rules, auditEvent(QStringLiteral("patient.query"), QStringLiteral("u-1"), kStart.addSecs(200)));
        QCOMPARE(ids, QStringList{QStringLiteral("bulk-access")});
    }

    void exportsPrivilegesAndLateAccessFireAtOnce()
    {
        AlertEvaluator rules = platformRules();
        QCOMPARE(
            fired(rules, auditEvent(QStringLiteral("access.audit-export"), QStringLiteral("u-1"), kStart)),
            QStringList{QStringLiteral("download-or-export")});
        QCOMPARE(
            fired(rules, auditEvent(QStringLiteral("account.role-change"), QStringLiteral("u-9"), kStart)),
            QStringList{QStringLiteral("privilege-change")});
        // A refused role change is no change.
        QVERIFY(fired(rules, auditEvent(QStringLiteral("user.role-change"), QStringLiteral("u-9"),
                                        kStart.addSecs(1), AuditOutcome::MinorFailure))
                    .isEmpty());
        QCOMPARE(fired(rules, auditEvent(QStringLiteral("access.delivery-open"), QStringLiteral("u-1"),
                                         kStart, AuditOutcome::MinorFailure)),
                 QStringList{QStringLiteral("access-after-grant-end")});
        QCOMPARE(fired(rules, auditEvent(QStringLiteral("security.audit-gap"), QStringLiteral("workstation"),
                                         kStart)),
                 QStringList{QStringLiteral("audit-gap")});
        QCOMPARE(fired(rules, auditEvent(QStringLiteral("security.alert"), QStringLiteral("u-1"), kStart,
                                         AuditOutcome::SeriousFailure,
                                         {{QStringLiteral("alert"), QStringLiteral("clock-set-back")}})),
                 QStringList{QStringLiteral("integrity-broken")});
        // Another kind of security alert is not an integrity alert.
        QVERIFY(fired(rules, auditEvent(QStringLiteral("security.alert"), QStringLiteral("u-1"), kStart,
                                        AuditOutcome::MinorFailure,
                                        {{QStringLiteral("alert"), QStringLiteral("access-denied")}}))
                    .isEmpty());
    }

    // Level 4 and above, out of hours in Beijing (20:00-07:00; UTC+8): 23:30 fires, 10:00 does not,
    // level 3 never.
    void identifyingDataOutOfHoursGoesByLocalTime()
    {
        AlertEvaluator rules = platformRules();
        const QJsonObject level4{{QStringLiteral("level"), 4}};
        const QJsonObject level3{{QStringLiteral("level"), 3}};
        QVERIFY(fired(rules, auditEvent(QStringLiteral("data.view"), QStringLiteral("u-1"), kStart,
                                        AuditOutcome::Success, level4))
                    .isEmpty());                                           // 10:00 local
        const QDateTime night(QDate(2026, 12, 7), QTime(15, 30), Qt::UTC); // 23:30 local
        QVERIFY(fired(rules, auditEvent(QStringLiteral("access.decision"), QStringLiteral("u-1"), night,
                                        AuditOutcome::Success, level3))
                    .isEmpty());
        QCOMPARE(fired(rules, auditEvent(QStringLiteral("access.decision"), QStringLiteral("u-1"), night,
                                         AuditOutcome::Success, level4)),
                 QStringList{QStringLiteral("identifying-data-out-of-hours")});
        const QDateTime early(QDate(2026, 12, 7), QTime(22, 59), Qt::UTC); // 06:59 the next day, local
        QCOMPARE(fired(rules, auditEvent(QStringLiteral("data.view"), QStringLiteral("u-2"), early,
                                         AuditOutcome::Success, level4)),
                 QStringList{QStringLiteral("identifying-data-out-of-hours")});
    }
};

QTEST_GUILESS_MAIN(AlertRulesTest)
#include "tst_AlertRules.moc"
