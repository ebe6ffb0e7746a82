#include "mdp/audit/AlertRules.h"

#include "mdp/audit/AuditEventType.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace mdp::audit {

namespace {

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, QStringLiteral("alert rules: %1").arg(message));
}

Result<QStringList> strings(const QJsonValue &value, const QString &what)
{
    if (value.isUndefined())
        return QStringList();
    if (!value.isArray())
        return invalid(QStringLiteral("%1 is a list of strings").arg(what));
    QStringList out;
    for (const QJsonValue v : value.toArray()) {
        if (!v.isString() || v.toString().isEmpty())
            return invalid(QStringLiteral("%1 is a list of strings").arg(what));
        out << v.toString();
    }
    return out;
}

// "HH:MM" as minutes after midnight.
std::optional<int> minutesOf(const QJsonValue &value)
{
    static const QRegularExpression pattern(QStringLiteral("^([01][0-9]|2[0-3]):([0-5][0-9])$"));
    const auto m = pattern.match(value.toString());
    if (!value.isString() || !m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt() * 60 + m.captured(2).toInt();
}

Result<qint64> positive(const QJsonObject &object, QLatin1String key, qint64 fallback, qint64 minimum)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined())
        return fallback;
    // At most ten years in seconds (or as many events): nothing overflows when a window is made milliseconds.
    constexpr double kMaximum = 10.0 * 366 * 24 * 3600;
    if (!value.isDouble() || !(value.toDouble() >= double(minimum) && value.toDouble() <= kMaximum) ||
        value.toDouble() != double(qint64(value.toDouble())))
        return invalid(QStringLiteral("%1 is a whole number, at least %2, at most %3")
                           .arg(key)
                           .arg(minimum)
                           .arg(qint64(kMaximum)));
    return qint64(value.toDouble());
}

Result<AlertRule> ruleFrom(const QJsonObject &o)
{
    static const QSet<QString> known{QStringLiteral("id"),
                                     QStringLiteral("severity"),
                                     QStringLiteral("title"),
                                     QStringLiteral("types"),
                                     QStringLiteral("outcomes"),
                                     QStringLiteral("detail"),
                                     QStringLiteral("detailAtLeast"),
                                     QStringLiteral("outOfHours"),
                                     QStringLiteral("groupBy"),
                                     QStringLiteral("windowSeconds"),
                                     QStringLiteral("threshold"),
                                     QStringLiteral("cooldownSeconds")};
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return invalid(QStringLiteral("unknown key \"%1\" in a rule").arg(it.key().left(40)));
    }
    AlertRule r;
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,63}$"));
    r.id = o.value(QLatin1String("id")).toString();
    if (!idPattern.match(r.id).hasMatch())
        return invalid(QStringLiteral("a rule's id is lower-case letters, digits and hyphens"));
    r.severity = o.value(QLatin1String("severity")).toString(QStringLiteral("serious"));
    if (r.severity != u"minor" && r.severity != u"serious" && r.severity != u"major")
        return invalid(QStringLiteral("rule %1: severity is minor, serious or major").arg(r.id));
    const QJsonObject title = o.value(QLatin1String("title")).toObject();
    r.titleEn = title.value(QLatin1String("en")).toString();
    r.titleZh = title.value(QLatin1String("zh_CN")).toString(r.titleEn);
    if (r.titleEn.isEmpty())
        return invalid(QStringLiteral("rule %1 has no English title").arg(r.id));
    auto types = strings(o.value(QLatin1String("types")), QStringLiteral("types"));
    if (!types)
        return types.error();
    if (types->isEmpty())
        return invalid(QStringLiteral("rule %1 names no event type").arg(r.id));
    r.types = *types;
    auto outcomes = strings(o.value(QLatin1String("outcomes")), QStringLiteral("outcomes"));
    if (!outcomes)
        return outcomes.error();
    for (const QString &outcome : *outcomes) {
        if (outcome != u"failure" && !outcomeFromName(outcome))
            return invalid(QStringLiteral("rule %1: unknown outcome %2").arg(r.id, outcome.left(40)));
    }
    r.outcomes = *outcomes;
    const QJsonValue detail = o.value(QLatin1String("detail"));
    if (!detail.isUndefined() && !detail.isObject())
        return invalid(QStringLiteral("rule %1: detail maps keys to accepted values").arg(r.id));
    const QJsonObject detailObject = detail.toObject();
    for (auto it = detailObject.constBegin(); it != detailObject.constEnd(); ++it) {
        auto values = strings(it.value(), QStringLiteral("detail.%1").arg(it.key()));
        if (!values)
            return values.error();
        r.detailIn.insert(it.key(), *values);
    }
    const QJsonValue atLeast = o.value(QLatin1String("detailAtLeast"));
    if (!atLeast.isUndefined() && !atLeast.isObject())
        return invalid(QStringLiteral("rule %1: detailAtLeast maps keys to numbers").arg(r.id));
    const QJsonObject atLeastObject = atLeast.toObject();
    for (auto it = atLeastObject.constBegin(); it != atLeastObject.constEnd(); ++it) {
        if (!it.value().isDouble())
            return invalid(QStringLiteral("rule %1: detailAtLeast.%2 is a number").arg(r.id, it.key()));
        r.detailAtLeast.insert(it.key(), it.value().toDouble());
    }
    const QJsonValue hours = o.value(QLatin1String("outOfHours"));
    if (!hours.isUndefined()) {
        const auto from = minutesOf(hours.toObject().value(QLatin1String("from")));
        const auto to = minutesOf(hours.toObject().value(QLatin1String("to")));
        if (!from || !to || *from == *to)
            return invalid(QStringLiteral("rule %1: outOfHours is {from, to} as HH:MM, not equal").arg(r.id));
        r.outOfHoursFrom = *from;
        r.outOfHoursTo = *to;
    }
    r.groupBy = o.value(QLatin1String("groupBy")).toString(QStringLiteral("agent"));
    if (r.groupBy != u"agent" && r.groupBy != u"address" && r.groupBy != u"node" && r.groupBy != u"none" &&
        !(r.groupBy.startsWith(u"entity:") && r.groupBy.size() > 7))
        return invalid(
            QStringLiteral("rule %1: groupBy is agent, address, node, entity:<type> or none").arg(r.id));
    auto window = positive(o, QLatin1String("windowSeconds"), 60, 1);
    if (!window)
        return window.error();
    r.windowSeconds = *window;
    auto threshold = positive(o, QLatin1String("threshold"), 1, 1);
    if (!threshold)
        return threshold.error();
    if (*threshold > 100000)
        return invalid(QStringLiteral("rule %1: threshold above 100000").arg(r.id));
    r.threshold = int(*threshold);
    auto cooldown = positive(o, QLatin1String("cooldownSeconds"), 600, 0);
    if (!cooldown)
        return cooldown.error();
    r.cooldownSeconds = *cooldown;
    return r;
}

} // namespace

Result<AlertRuleSet> AlertRuleSet::parse(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(QStringLiteral("not a JSON object (%1)").arg(error.errorString()));
    const QJsonObject o = doc.object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key() != u"version" && it.key() != u"utcOffsetMinutes" && it.key() != u"rules")
            return invalid(QStringLiteral("unknown key \"%1\"").arg(it.key().left(40)));
    }
    AlertRuleSet set;
    const QJsonValue version = o.value(QLatin1String("version"));
    if (!version.isDouble() || version.toInt() < 1)
        return invalid(QStringLiteral("version is a whole number, at least 1"));
    set.version = version.toInt();
    const QJsonValue offset = o.value(QLatin1String("utcOffsetMinutes"));
    if (!offset.isUndefined()) {
        if (!offset.isDouble() || qAbs(offset.toInt()) > 14 * 60)
            return invalid(QStringLiteral("utcOffsetMinutes is between -840 and 840"));
        set.utcOffsetMinutes = offset.toInt();
    }
    if (!o.value(QLatin1String("rules")).isArray())
        return invalid(QStringLiteral("rules is a list"));
    QSet<QString> ids;
    for (const QJsonValue value : o.value(QLatin1String("rules")).toArray()) {
        if (!value.isObject())
            return invalid(QStringLiteral("a rule is an object"));
        auto rule = ruleFrom(value.toObject());
        if (!rule)
            return rule.error();
        if (ids.contains(rule->id))
            return invalid(QStringLiteral("two rules named %1").arg(rule->id));
        ids.insert(rule->id);
        set.rules << *rule;
    }
    return set;
}

QByteArray AlertRuleSet::defaultDocument()
{
    return QByteArrayLiteral(R"json({
 "version": 1,
 "utcOffsetMinutes": 480,
 "rules": [
  {"id": "failed-sign-in-burst", "severity": "serious",
   "title": {"en": "Repeated failed sign-ins", "zh_CN": "多次登录失败"},
   "types": ["account.login", "user.login", "key.root.unlock"], "outcomes": ["failure"],
   "groupBy": "none", "windowSeconds": 300, "threshold": 5, "cooldownSeconds": 900},
  {"id": "failed-sign-ins-while-closed", "severity": "serious",
   "title": {"en": "Failed sign-ins while the workspace was closed", "zh_CN": "工作区关闭期间登录失败"},
   "types": ["security.alert"], "detail": {"alert": ["failed-sign-ins"]}, "detailAtLeast": {"count": 3},
   "groupBy": "agent", "windowSeconds": 60, "threshold": 1, "cooldownSeconds": 0},
  {"id": "bulk-access", "severity": "serious",
   "title": {"en": "Bulk access to patient data", "zh_CN": "批量访问患者数据"},
   "types": ["patient.view", "patient.query", "record.view", "timeline.view", "data.view"],
   "groupBy": "agent", "windowSeconds": 600, "threshold": 200, "cooldownSeconds": 1800},
  {"id": "download-or-export", "severity": "minor",
   "title": {"en": "Data downloaded or exported", "zh_CN": "数据下载或导出"},
   "types": ["data.export", "access.audit-export", "access.deliver", "access.delivery-fetch", "access.delivery-received",
             "audit.export"],
   "outcomes": ["success"], "groupBy": "agent", "windowSeconds": 60, "threshold": 1, "cooldownSeconds": 300},
  {"id": "privilege-change", "severity": "serious",
   "title": {"en": "Privileges changed", "zh_CN": "权限变更"},
   "types": ["account.role-change", "user.role-change", "account.create", "account.password-reset",
             "user.password-reset", "account.totp-reset", "account.unlock", "user.unlock", "system.config-change"],
   "outcomes": ["success"], "groupBy": "none", "windowSeconds": 60, "threshold": 1, "cooldownSeconds": 0},
  {"id": "identifying-data-out-of-hours", "severity": "serious",
   "title": {"en": "Identifying data read out of hours", "zh_CN": "非工作时间访问敏感数据"},
   "types": ["data.view", "access.decision"], "outcomes": ["success"], "detailAtLeast": {"level": 4},
   "outOfHours": {"from": "20:00", "to": "07:00"},
   "groupBy": "agent", "windowSeconds": 60, "threshold": 1, "cooldownSeconds": 3600},
  {"id": "access-after-grant-end", "severity": "serious",
   "title": {"en": "Access attempted after a grant ended", "zh_CN": "授权到期后尝试访问"},
   "types": ["access.delivery-open", "access.delivery-fetch"], "outcomes": ["failure"],
   "groupBy": "agent", "windowSeconds": 60, "threshold": 1, "cooldownSeconds": 300},
  {"id": "audit-gap", "severity": "major",
   "title": {"en": "A workstation's audit trail was cut or rewritten", "zh_CN": "工作站审计日志被截断或改写"},
   "types": ["security.audit-gap"],
   "groupBy": "node", "windowSeconds": 60, "threshold": 1, "cooldownSeconds": 0},
  {"id": "integrity-broken", "severity": "major",
   "title": {"en": "Audit trail or integrity broken", "zh_CN": "审计日志或完整性受损"},
   "types": ["security.alert"],
   "detail": {"alert": ["audit-log-cut", "audit-index-rebuilt", "database-rolled-back", "security-tables-changed",
                        "clock-set-back", "server-time-ahead", "grant-revocations-refused", "grant-key-mismatch",
                        "delivery-not-attested", "server-link-mismatch"]},
   "groupBy": "none", "windowSeconds": 60, "threshold": 1, "cooldownSeconds": 0}
 ]
})json");
}

AuditEvent Alert::toAuditEvent() const
{
    AuditEvent event;
    event.type = EventType::SecurityAlert.toString();
    event.action = AuditAction::Execute;
    event.outcome = severity == u"major"   ? AuditOutcome::MajorFailure
                    : severity == u"minor" ? AuditOutcome::MinorFailure
                                           : AuditOutcome::SeriousFailure;
    event.detail = {{QStringLiteral("alert"), QStringLiteral("rule")},
                    {QStringLiteral("rule"), ruleId},
                    {QStringLiteral("title"), title},
                    {QStringLiteral("group"), group.left(64)},
                    {QStringLiteral("count"), count},
                    {QStringLiteral("first"), first.toString(Qt::ISODateWithMs)},
                    {QStringLiteral("last"), last.toString(Qt::ISODateWithMs)}};
    return event;
}

AlertEvaluator::AlertEvaluator(AlertRuleSet rules)
    : m_rules(std::move(rules))
{}

bool AlertEvaluator::matches(const AlertRule &rule, const AuditEvent &event) const
{
    if (!rule.types.contains(event.type))
        return false;
    if (!rule.outcomes.isEmpty()) {
        const bool failure = event.outcome != AuditOutcome::Success;
        if (!rule.outcomes.contains(outcomeName(event.outcome)) &&
            !(failure && rule.outcomes.contains(QStringLiteral("failure"))))
            return false;
    }
    for (auto it = rule.detailIn.cbegin(); it != rule.detailIn.cend(); ++it) {
        const QJsonValue value = event.detail.value(it.key());
        const QString text = value.isString() ? value.toString() : value.toVariant().toString();
        // A detail the rule names but the event lacks does not match.
        if (value.isUndefined() || !it.value().contains(text))
            return false;
    }
    for (auto it = rule.detailAtLeast.cbegin(); it != rule.detailAtLeast.cend(); ++it) {
        const QJsonValue value = event.detail.value(it.key());
        if (!value.isDouble() || value.toDouble() < it.value())
            return false;
    }
    if (rule.outOfHoursFrom >= 0) {
        const QDateTime at = (event.recorded.isValid() ? event.recorded : event.occurred).toUTC();
        const QTime local = at.addSecs(qint64(m_rules.utcOffsetMinutes) * 60).time();
        const int minute = local.hour() * 60 + local.minute();
        const bool inside = rule.outOfHoursFrom < rule.outOfHoursTo
                                ? minute >= rule.outOfHoursFrom && minute < rule.outOfHoursTo
                                : minute >= rule.outOfHoursFrom || minute < rule.outOfHoursTo;
        if (!inside)
            return false;
    }
    return true;
}

QString AlertEvaluator::groupOf(const AlertRule &rule, const AuditEvent &event)
{
    if (rule.groupBy == u"agent")
        return event.agent.userId;
    if (rule.groupBy == u"address")
        return event.agent.networkAddress;
    if (rule.groupBy == u"node")
        return event.agent.nodeId;
    if (rule.groupBy.startsWith(u"entity:")) {
        const QString type = rule.groupBy.mid(7);
        for (const AuditEntity &e : event.entities) {
            if (e.type == type)
                return e.id;
        }
        return {};
    }
    return {};
}

QList<Alert> AlertEvaluator::observe(const AuditEvent &event)
{
    QList<Alert> fired;
    const QDateTime at = event.recorded.isValid() ? event.recorded : event.occurred;
    if (!at.isValid())
        return fired;
    for (const AlertRule &rule : std::as_const(m_rules.rules)) {
        if (!matches(rule, event))
            continue;
        const QString group = groupOf(rule, event);
        GroupState &state = m_state[rule.id + QLatin1Char('\n') + group];
        state.times.push_back(at);
        while (!state.times.empty() && state.times.front().msecsTo(at) >= rule.windowSeconds * 1000)
            state.times.pop_front();
        while (state.times.size() > size_t(rule.threshold))
            state.times.pop_front();
        if (state.times.size() < size_t(rule.threshold))
            continue;
        if (state.quietUntil.isValid() && at < state.quietUntil)
            continue;
        fired << Alert{rule.id,
                       rule.severity,
                       rule.titleEn,
                       group,
                       int(state.times.size()),
                       state.times.front(),
                       state.times.back()};
        state.quietUntil = at.addSecs(rule.cooldownSeconds);
        if (rule.cooldownSeconds > 0)
            state.times.clear();
    }
    return fired;
}

} // namespace mdp::audit
