// The quarterly audit report's facts (issue 13, R-7.4.2): each area counts its own events, names the
// accounts with most, takes the alerts of its rules, and rates the risk; quarters are the site's.
#include "mdp/audit/AuditReport.h"

#include <QJsonArray>
#include <QtTest>

using namespace mdp;
using namespace mdp::audit;

namespace {

AuditEvent made(const QString &type, const QString &user, AuditOutcome outcome = AuditOutcome::Success,
                const QJsonObject &detail = {})
{
    AuditEvent e;
    e.type = type;
    e.agent.userId = user;
    e.outcome = outcome;
    e.detail = detail;
    e.recorded = QDateTime(QDate(2026, 11, 3), QTime(2, 0), Qt::UTC);
    return e;
}

QJsonObject finding(const QJsonObject &report, const QString &area)
{
    for (const QJsonValue &v : report.value(u"findings").toArray())
        if (v.toObject().value(u"area").toString() == area)
            return v.toObject();
    return {};
}

} // namespace

class AuditReportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachAreaCountsRanksAndRates()
    {
        QList<AuditEvent> events;
        for (int i = 0; i < 6; ++i)
            events << made(QStringLiteral("account.login"), QStringLiteral("u-2"),
                           AuditOutcome::MinorFailure);
        events << made(QStringLiteral("account.login"), QStringLiteral("u-3"), AuditOutcome::MinorFailure);
        events << made(QStringLiteral("security.alert"), QStringLiteral("system"),
                       AuditOutcome::SeriousFailure,
                       {{QStringLiteral("alert"), QStringLiteral("rule")},
                        {QStringLiteral("rule"), QStringLiteral("failed-sign-in-burst")}});
        events << made(QStringLiteral("account.create"), QStringLiteral("u-1"));
        events << made(QStringLiteral("account.role-change"), QStringLiteral("u-1"));
        events << made(QStringLiteral("audit.export"), QStringLiteral("u-4"));
        for (int i = 0; i < 30; ++i)
            events << made(QStringLiteral("patient.view"), QStringLiteral("u-5"));
        events << made(QStringLiteral("patient.view"), QStringLiteral("u-5"), AuditOutcome::MinorFailure);
        AuditReportInput input;
        input.period = QStringLiteral("2026Q4");
        std::tie(input.from, input.to) = quarterBounds(input.period);
        input.accountNames = {{QStringLiteral("u-2"), QStringLiteral("zhou.min")}};
        const QJsonObject report = buildAuditReport(events, input);

        QCOMPARE(report.value(u"scope").toObject().value(u"events").toInteger(), events.size());
        const QJsonObject failed = finding(report, QStringLiteral("failed-sign-ins"));
        QCOMPARE(failed.value(u"count").toInteger(), 7);
        QCOMPARE(failed.value(u"alerts").toInteger(), 1);
        QCOMPARE(failed.value(u"risk").toString(), QStringLiteral("high")); // a burst fired
        QCOMPARE(failed.value(u"top").toArray().first().toObject().value(u"user").toString(),
                 QStringLiteral("zhou.min"));
        QCOMPARE(failed.value(u"top").toArray().first().toObject().value(u"count").toInteger(), 6);
        const QJsonObject privileged = finding(report, QStringLiteral("privileged-actions"));
        QCOMPARE(privileged.value(u"count").toInteger(), 2);
        QCOMPARE(privileged.value(u"risk").toString(), QStringLiteral("low"));
        QCOMPARE(finding(report, QStringLiteral("downloads-and-exports")).value(u"count").toInteger(), 1);
        QCOMPARE(finding(report, QStringLiteral("bulk-access")).value(u"count").toInteger(), 30);
        QCOMPARE(finding(report, QStringLiteral("bulk-access")).value(u"risk").toString(),
                 QStringLiteral("low"));
        QCOMPARE(finding(report, QStringLiteral("permission-changes")).value(u"count").toInteger(), 1);
        QCOMPARE(finding(report, QStringLiteral("refusals")).value(u"count").toInteger(), 1);
        QCOMPARE(finding(report, QStringLiteral("integrity")).value(u"risk").toString(),
                 QStringLiteral("none"));
        QCOMPARE(report.value(u"alerts").toObject().value(u"failed-sign-in-burst").toInteger(), 1);

        // Nothing happened: no risk anywhere.
        const QJsonObject quiet = buildAuditReport({}, input);
        for (const QString &area : auditReportAreas())
            QCOMPARE(finding(quiet, area).value(u"risk").toString(), QStringLiteral("none"));
    }

    void quartersAreTheSitesLocalQuarters()
    {
        const auto [from, to] = quarterBounds(QStringLiteral("2026Q4"));
        QCOMPARE(from, QDateTime(QDate(2026, 9, 30), QTime(16, 0), Qt::UTC));
        QCOMPARE(to, QDateTime(QDate(2026, 12, 31), QTime(16, 0), Qt::UTC));
        QVERIFY(!quarterBounds(QStringLiteral("2026Q5")).first.isValid());
        QVERIFY(!quarterBounds(QStringLiteral("Q4 2026")).first.isValid());
        QCOMPARE(quarterOf(QDateTime(QDate(2026, 12, 31), QTime(16, 30), Qt::UTC)), QStringLiteral("2027Q1"));
        QCOMPARE(quarterOf(QDateTime(QDate(2026, 12, 31), QTime(15, 30), Qt::UTC)), QStringLiteral("2026Q4"));
    }
};

QTEST_GUILESS_MAIN(AuditReportTest)
#include "tst_AuditReport.moc"
