#include "mdp/access/ApprovalRules.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace mdp::access {

namespace {

Error invalid(const QString &why)
{
    return makeError(Error::Code::InvalidArgument, QStringLiteral("approval rules: ") + why);
}

QStringList strings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue v : value.toArray())
        out << v.toString();
    return out;
}

} // namespace

QByteArray ApprovalRules::defaultDocument()
{
    QFile file(QStringLiteral(":/mdp/access/default-approval-rules.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

Result<ApprovalRules> ApprovalRules::parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return invalid(QStringLiteral("not a JSON object"));
    const QJsonObject root = doc.object();
    ApprovalRules rules;
    rules.m_version = root.value(QLatin1String("version")).toInt();
    if (rules.m_version < 1)
        return invalid(QStringLiteral("a version of 1 or more is needed"));
    rules.m_ethicsRoles = strings(root.value(QLatin1String("ethicsRoles")));
    if (rules.m_ethicsRoles.isEmpty())
        return invalid(QStringLiteral("someone must review for ethics (R-6.3.2)"));
    rules.m_defaultDurationDays = root.value(QLatin1String("defaultDurationDays")).toInt(90);
    rules.m_maxDurationDays = root.value(QLatin1String("maxDurationDays")).toInt(365);
    if (rules.m_defaultDurationDays < 1 || rules.m_maxDurationDays < rules.m_defaultDurationDays ||
        rules.m_maxDurationDays > 3650)
        return invalid(QStringLiteral("durations are 1 day to 10 years, the default within the maximum"));
    const QJsonObject projects = root.value(QLatin1String("projects")).toObject();
    for (auto it = projects.constBegin(); it != projects.constEnd(); ++it)
        rules.m_pis.insert(it.key(), strings(it.value().toObject().value(QLatin1String("pi"))));
    for (const QJsonValue value : root.value(QLatin1String("routes")).toArray()) {
        const QJsonObject o = value.toObject();
        ApprovalRoute route;
        route.minLevel = o.value(QLatin1String("minLevel")).toInt(1);
        route.maxLevel = o.value(QLatin1String("maxLevel")).toInt(5);
        route.maxPatients = o.contains(QLatin1String("maxPatients"))
                                ? qint64(o.value(QLatin1String("maxPatients")).toDouble())
                                : -1;
        if (route.minLevel < 1 || route.maxLevel > 5 || route.minLevel > route.maxLevel)
            return invalid(QStringLiteral("a route covers levels within 1 to 5"));
        for (const QJsonValue s : o.value(QLatin1String("steps")).toArray()) {
            ApprovalStep step;
            step.roles = strings(s.toObject().value(QLatin1String("roles")));
            step.approvers = s.toObject().value(QLatin1String("approvers")).toInt(1);
            if (step.roles.isEmpty() || step.approvers < 1 || step.approvers > 10)
                return invalid(QStringLiteral("a step names roles and 1 to 10 approvers"));
            route.steps << step;
        }
        if (route.steps.isEmpty())
            return invalid(QStringLiteral("a route has at least one approval step (R-6.3.3)"));
        rules.m_routes << route;
    }
    for (int level = 1; level <= 5; ++level) {
        bool covered = false;
        for (const ApprovalRoute &r : std::as_const(rules.m_routes))
            covered = covered || (r.minLevel <= level && level <= r.maxLevel && r.maxPatients < 0);
        if (!covered)
            return invalid(QStringLiteral("level %1 at any volume has no route").arg(level));
    }
    return rules;
}

Result<ApprovalRoute> ApprovalRules::route(const Scope &scope) const
{
    // A whole project or a cohort is an unknown, unbounded volume.
    const qint64 volume = scope.patients.isEmpty() ? -1 : qint64(scope.patients.size());
    for (ApprovalRoute r : m_routes) {
        if (scope.maxLevel < r.minLevel || scope.maxLevel > r.maxLevel)
            continue;
        if (r.maxPatients >= 0 && (volume < 0 || volume > r.maxPatients))
            continue;
        if (scope.maxLevel == 5) {
            int total = 0;
            for (const ApprovalStep &s : std::as_const(r.steps))
                total += s.approvers;
            if (total < 2)
                r.steps.last().approvers += 2 - total; // never fewer than two people
        }
        return r;
    }
    return makeError(Error::Code::NotFound, QStringLiteral("no approval route fits this scope"));
}

} // namespace mdp::access
