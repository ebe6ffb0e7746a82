#include "mdp/audit/AuditReport.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace mdp::audit {

namespace {

bool failedSignIn(const AuditEvent &e)
{
    return e.outcome != AuditOutcome::Success &&
           (e.type == u"account.login" || e.type == u"user.login" || e.type == u"key.root.unlock");
}

bool privileged(const AuditEvent &e)
{
    static const QSet<QString> types{QStringLiteral("account.create"),
                                     QStringLiteral("account.role-change"),
                                     QStringLiteral("account.password-reset"),
                                     QStringLiteral("account.totp-reset"),
                                     QStringLiteral("account.unlock"),
                                     QStringLiteral("account.lock"),
                                     QStringLiteral("account.enrolment-code"),
                                     QStringLiteral("user.role-change"),
                                     QStringLiteral("user.password-reset"),
                                     QStringLiteral("user.unlock"),
                                     QStringLiteral("user.lock"),
                                     QStringLiteral("key.rotate"),
                                     QStringLiteral("key.root.rotate"),
                                     QStringLiteral("key.kek.rotate"),
                                     QStringLiteral("key.destroy"),
                                     QStringLiteral("key.slot.add"),
                                     QStringLiteral("key.slot.remove"),
                                     QStringLiteral("system.config-change"),
                                     QStringLiteral("audit.recipient-enrol"),
                                     QStringLiteral("policy.activate")};
    return e.outcome == AuditOutcome::Success && types.contains(e.type);
}

bool readsPatientData(const AuditEvent &e)
{
    return e.outcome == AuditOutcome::Success &&
           (e.type == u"patient.view" || e.type == u"patient.query" || e.type == u"record.view" ||
            e.type == u"timeline.view" || e.type == u"data.view");
}

bool downloadOrExport(const AuditEvent &e)
{
    return e.outcome == AuditOutcome::Success &&
           (e.type == u"data.export" || e.type == u"access.audit-export" || e.type == u"access.deliver" ||
            e.type == u"access.delivery-fetch" || e.type == u"access.delivery-received" ||
            e.type == u"audit.export" || e.type == u"deid.export");
}

bool permissionChange(const AuditEvent &e)
{
    return e.outcome == AuditOutcome::Success &&
           (e.type == u"access.answer" || e.type == u"access.revoke" || e.type == u"access.revoked" ||
            e.type == u"access.grants" || e.type == u"access.withdraw" ||
            e.type == u"access.consent-withdrawal" || e.type == u"account.role-change" ||
            e.type == u"user.role-change" ||
            (e.type == u"access.decision" && e.detail.value(u"at").toString() == u"site-server"));
}

bool refused(const AuditEvent &e)
{
    // Role refusals are recorded as security.alert "access-denied"; other alerts are not refusals.
    if (e.type == u"security.alert")
        return e.detail.value(u"alert").toString() == u"access-denied";
    return e.outcome != AuditOutcome::Success && !failedSignIn(e);
}

struct Area
{
    QString id;
    std::function<bool(const AuditEvent &)> counts;
    QStringList alertRules; // the alert rules that belong to the area
    std::function<QString(qint64 count, qint64 alerts)> risk;
};

QList<Area> areas()
{
    const auto level = [](qint64 count, qint64 alerts, qint64 low, qint64 medium) {
        if (alerts > 0)
            return QStringLiteral("high");
        if (count == 0)
            return QStringLiteral("none");
        return count >= medium ? QStringLiteral("medium")
               : count >= low  ? QStringLiteral("low")
                               : QStringLiteral("none");
    };
    return {
        {QStringLiteral("privileged-actions"),
         privileged,
         {QStringLiteral("privilege-change")},
         [](qint64 count, qint64) {
             return count == 0   ? QStringLiteral("none")
                    : count > 50 ? QStringLiteral("medium")
                                 : QStringLiteral("low");
         }},
        {QStringLiteral("failed-sign-ins"),
         failedSignIn,
         {QStringLiteral("failed-sign-in-burst"), QStringLiteral("failed-sign-ins-while-closed")},
         [level](qint64 count, qint64 alerts) { return level(count, alerts, 1, 20); }},
        {QStringLiteral("bulk-access"),
         readsPatientData,
         {QStringLiteral("bulk-access"), QStringLiteral("identifying-data-out-of-hours")},
         [](qint64 count, qint64 alerts) {
             return alerts > 0   ? QStringLiteral("high")
                    : count == 0 ? QStringLiteral("none")
                                 : QStringLiteral("low");
         }},
        {QStringLiteral("downloads-and-exports"),
         downloadOrExport,
         {QStringLiteral("download-or-export")},
         [](qint64 count, qint64) {
             return count == 0   ? QStringLiteral("none")
                    : count > 20 ? QStringLiteral("medium")
                                 : QStringLiteral("low");
         }},
        {QStringLiteral("permission-changes"),
         permissionChange,
         {},
         [](qint64 count, qint64) { return count == 0 ? QStringLiteral("none") : QStringLiteral("low"); }},
        {QStringLiteral("refusals"),
         refused,
         {QStringLiteral("access-after-grant-end")},
         [level](qint64 count, qint64 alerts) { return level(count, alerts, 1, 50); }},
        {QStringLiteral("integrity"),
         [](const AuditEvent &) { return false; },
         {QStringLiteral("audit-gap"), QStringLiteral("integrity-broken")},
         [](qint64, qint64 alerts) { return alerts > 0 ? QStringLiteral("high") : QStringLiteral("none"); }},
    };
}

} // namespace

QStringList auditReportAreas()
{
    QStringList ids;
    for (const Area &a : areas())
        ids << a.id;
    return ids;
}

QJsonObject buildAuditReport(const QList<AuditEvent> &events, const AuditReportInput &input)
{
    QSet<QString> accounts;
    QSet<QDate> days;
    QHash<QString, qint64> alertsByRule;
    for (const AuditEvent &e : events) {
        if (!e.agent.userId.isEmpty() && e.agent.userId != u"system")
            accounts.insert(e.agent.userId);
        days.insert(e.recorded.toUTC().date());
        if (e.type == u"security.alert")
            ++alertsByRule[e.detail.value(u"rule").toString().isEmpty() ? e.detail.value(u"alert").toString()
                                                                        : e.detail.value(u"rule").toString()];
    }
    QJsonArray findings;
    for (const Area &area : areas()) {
        qint64 count = 0;
        QHash<QString, qint64> byUser;
        for (const AuditEvent &e : events) {
            if (!area.counts(e))
                continue;
            ++count;
            ++byUser[e.agent.userId];
        }
        qint64 alerts = 0;
        for (const QString &rule : area.alertRules)
            alerts += alertsByRule.value(rule);
        QList<std::pair<QString, qint64>> ranked;
        for (auto it = byUser.cbegin(); it != byUser.cend(); ++it)
            ranked.append({it.key(), it.value()});
        std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        QJsonArray top;
        for (qsizetype i = 0; i < std::min<qsizetype>(5, ranked.size()); ++i)
            top.append(QJsonObject{
                {QStringLiteral("user"), input.accountNames.value(ranked.at(i).first, ranked.at(i).first)},
                {QStringLiteral("count"), double(ranked.at(i).second)}});
        findings.append(QJsonObject{{QStringLiteral("area"), area.id},
                                    {QStringLiteral("count"), double(count)},
                                    {QStringLiteral("alerts"), double(alerts)},
                                    {QStringLiteral("top"), top},
                                    {QStringLiteral("risk"), area.risk(count, alerts)}});
    }
    QJsonObject alerts;
    for (auto it = alertsByRule.cbegin(); it != alertsByRule.cend(); ++it)
        alerts.insert(it.key(), double(it.value()));
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("mdp-audit-report-v1")},
        {QStringLiteral("period"), input.period},
        {QStringLiteral("from"), AuditEvent::formatTime(input.from)},
        {QStringLiteral("to"), AuditEvent::formatTime(input.to)},
        {QStringLiteral("node"), input.node},
        {QStringLiteral("generatedBy"), input.generatedBy},
        {QStringLiteral("generatedAt"), AuditEvent::formatTime(input.generatedAt)},
        {QStringLiteral("integrity"), QJsonObject{{QStringLiteral("ok"), input.integrityOk},
                                                  {QStringLiteral("events"), double(input.integrityEvents)},
                                                  {QStringLiteral("problem"), input.integrityProblem}}},
        {QStringLiteral("scope"), QJsonObject{{QStringLiteral("events"), double(events.size())},
                                              {QStringLiteral("accounts"), double(accounts.size())},
                                              {QStringLiteral("days"), double(days.size())}}},
        {QStringLiteral("alerts"), alerts},
        {QStringLiteral("findings"), findings}};
}

std::pair<QDateTime, QDateTime> quarterBounds(const QString &label, int utcOffsetMinutes)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})Q([1-4])$"));
    const auto m = pattern.match(label);
    if (!m.hasMatch())
        return {};
    const int year = m.captured(1).toInt();
    const int quarter = m.captured(2).toInt();
    const QDateTime start(QDate(year, 3 * (quarter - 1) + 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime from = start.addSecs(-qint64(utcOffsetMinutes) * 60);
    return {from, start.addMonths(3).addSecs(-qint64(utcOffsetMinutes) * 60)};
}

QString quarterOf(const QDateTime &time, int utcOffsetMinutes)
{
    const QDate local = time.toUTC().addSecs(qint64(utcOffsetMinutes) * 60).date();
    return QStringLiteral("%1Q%2").arg(local.year()).arg((local.month() - 1) / 3 + 1);
}

} // namespace mdp::audit
