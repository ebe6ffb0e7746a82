#include "mdp/access/AccessRequest.h"

#include "mdp/crypto/Hash.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace mdp::access {

namespace {

QJsonArray stringArray(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

// A list of non-empty strings; anything else (another type, an empty string) is refused rather than
// read as "none", which would widen a scope.
Result<QStringList> stringList(const QJsonValue &value, const QString &name)
{
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a scope's %1 is a list").arg(name));
    QStringList out;
    for (const QJsonValue v : value.toArray()) {
        if (!v.isString() || v.toString().trimmed().isEmpty())
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a scope's %1 are non-empty strings").arg(name));
        out << v.toString().trimmed();
    }
    return out;
}

Result<bool> flag(const QJsonObject &json, QLatin1String name)
{
    const QJsonValue v = json.value(name);
    if (v.isUndefined() || v.isNull())
        return false;
    if (!v.isBool())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a scope's %1 is true or false").arg(name));
    return v.toBool();
}

// Lists compared as sets and written sorted: the same scope has one digest.
QStringList sortedUnique(QStringList list)
{
    list.removeDuplicates();
    list.sort();
    return list;
}

Error invalid(const QString &why)
{
    return makeError(Error::Code::InvalidArgument, why);
}

} // namespace

QJsonObject Scope::toJson() const
{
    QStringList categoryIds;
    for (policy::Category c : categories)
        categoryIds << policy::categoryId(c);
    return QJsonObject{{QStringLiteral("project"), project},
                       {QStringLiteral("maxLevel"), maxLevel},
                       {QStringLiteral("categories"), stringArray(sortedUnique(categoryIds))},
                       {QStringLiteral("fields"), stringArray(sortedUnique(fields))},
                       {QStringLiteral("patients"), stringArray(sortedUnique(patients))},
                       {QStringLiteral("cohort"), cohort},
                       {QStringLiteral("aggregateOnly"), aggregateOnly},
                       {QStringLiteral("export"), exportAllowed}};
}

Result<Scope> Scope::fromJson(const QJsonObject &json)
{
    Scope s;
    s.project = json.value(QLatin1String("project")).toString().trimmed();
    if (s.project.isEmpty() || s.project.size() > 64)
        return invalid(QStringLiteral("a scope names one project (1 to 64 characters)"));
    s.maxLevel = json.value(QLatin1String("maxLevel")).toInt();
    if (s.maxLevel < 1 || s.maxLevel > 5)
        return invalid(QStringLiteral("a scope's classification ceiling is a level from 1 to 5"));
    if (!json.value(QLatin1String("maxLevel")).isDouble())
        return invalid(QStringLiteral("a scope's classification ceiling is a number"));
    auto categories = stringList(json.value(QLatin1String("categories")), QStringLiteral("categories"));
    if (!categories)
        return categories.error();
    for (const QString &id : *categories) {
        auto category = policy::categoryFromId(id);
        if (!category)
            return invalid(QStringLiteral("a scope names an unknown data category"));
        if (!s.categories.contains(*category))
            s.categories << *category;
    }
    auto fields = stringList(json.value(QLatin1String("fields")), QStringLiteral("fields"));
    if (!fields)
        return fields.error();
    // The permission engine does not enforce single fields yet: a scope that names them is refused
    // rather than granted wider than asked.
    if (!fields->isEmpty())
        return invalid(QStringLiteral("access to single fields cannot be granted yet; ask for categories"));
    auto patients = stringList(json.value(QLatin1String("patients")), QStringLiteral("patients"));
    if (!patients)
        return patients.error();
    // A pseudonym as the registry makes them (P- or S- and base32), as the server's schema says.
    for (const QString &p : *patients) {
        if (!isPseudonym(p))
            return invalid(
                QStringLiteral("patients are named by their pseudonyms (%1 is not one)").arg(p.left(24)));
    }
    s.patients = sortedUnique(*patients);
    const QJsonValue cohort = json.value(QLatin1String("cohort"));
    if (!cohort.isUndefined() && !cohort.isNull() && !cohort.isString())
        return invalid(QStringLiteral("a scope's cohort is described in words"));
    s.cohort = cohort.toString().trimmed();
    auto aggregate = flag(json, QLatin1String("aggregateOnly"));
    if (!aggregate)
        return aggregate.error();
    auto exported = flag(json, QLatin1String("export"));
    if (!exported)
        return exported.error();
    s.aggregateOnly = *aggregate;
    s.exportAllowed = *exported;
    if (s.aggregateOnly && s.exportAllowed)
        return invalid(QStringLiteral("a scope of counts only exports no records"));
    if (s.maxLevel == 5 && s.patients.isEmpty())
        return invalid(QStringLiteral("level-5 data is granted for named patients only (R-7.1.2)"));
    return s;
}

QByteArray Scope::digest() const
{
    return crypto::hash(crypto::HashAlgorithm::Sm3, QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

bool Scope::within(const Scope &outer) const
{
    if (project != outer.project || maxLevel > outer.maxLevel)
        return false;
    if (!outer.categories.isEmpty()) {
        if (categories.isEmpty())
            return false;
        for (policy::Category c : categories)
            if (!outer.categories.contains(c))
                return false;
    }
    if (!outer.fields.isEmpty()) {
        if (fields.isEmpty())
            return false;
        for (const QString &f : fields)
            if (!outer.fields.contains(f))
                return false;
    }
    if (!outer.patients.isEmpty()) {
        if (patients.isEmpty())
            return false;
        for (const QString &p : patients)
            if (!outer.patients.contains(p))
                return false;
    } else if (!outer.cohort.isEmpty() && patients.isEmpty() && cohort != outer.cohort) {
        return false; // another cohort is another question
    }
    if (exportAllowed && !outer.exportAllowed)
        return false;
    if (!aggregateOnly && outer.aggregateOnly)
        return false;
    return true;
}

bool isPseudonym(QStringView text)
{
    static const QRegularExpression pseudonym(QStringLiteral("^[PS]-[A-Z2-7]{12,16}$"));
    return pseudonym.match(text).hasMatch();
}

QString requestStatusId(RequestStatus status)
{
    switch (status) {
    case RequestStatus::EthicsReview:
        return QStringLiteral("ethics-review");
    case RequestStatus::Approval:
        return QStringLiteral("approval");
    case RequestStatus::NeedsInformation:
        return QStringLiteral("needs-information");
    case RequestStatus::Approved:
        return QStringLiteral("approved");
    case RequestStatus::Rejected:
        return QStringLiteral("rejected");
    case RequestStatus::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return {};
}

std::optional<RequestStatus> requestStatusFromId(QStringView id)
{
    for (RequestStatus s :
         {RequestStatus::EthicsReview, RequestStatus::Approval, RequestStatus::NeedsInformation,
          RequestStatus::Approved, RequestStatus::Rejected, RequestStatus::Withdrawn}) {
        if (requestStatusId(s) == id)
            return s;
    }
    return std::nullopt;
}

QString verdictId(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Approve:
        return QStringLiteral("approve");
    case Verdict::Reject:
        return QStringLiteral("reject");
    case Verdict::MoreInformation:
        return QStringLiteral("more-information");
    }
    return {};
}

QJsonObject AccessRequest::toJson() const
{
    QJsonArray steps;
    for (const StepDecision &d : decisions)
        steps.append(QJsonObject{{QStringLiteral("step"), d.step},
                                 {QStringLiteral("by"), d.by},
                                 {QStringLiteral("role"), d.role},
                                 {QStringLiteral("verdict"), verdictId(d.verdict)},
                                 {QStringLiteral("reason"), d.reason},
                                 {QStringLiteral("at"), d.at.toUTC().toString(Qt::ISODateWithMs)},
                                 {QStringLiteral("scope"), QString::fromLatin1(d.scopeDigest.toHex())}});
    return QJsonObject{{QStringLiteral("number"), number},
                       {QStringLiteral("requester"), requester},
                       {QStringLiteral("purpose"), purpose},
                       {QStringLiteral("scope"), scope.toJson()},
                       {QStringLiteral("durationDays"), durationDays},
                       {QStringLiteral("agreement"), agreementVersion},
                       {QStringLiteral("status"), requestStatusId(status)},
                       {QStringLiteral("step"), step},
                       {QStringLiteral("returnToStep"), returnToStep},
                       {QStringLiteral("rulesVersion"), rulesVersion},
                       {QStringLiteral("ethicsPassed"), ethicsPassed},
                       {QStringLiteral("ethicsScope"), ethicsPassed ? ethicsScope.toJson() : QJsonObject()},
                       {QStringLiteral("ethicsScopeDigest"), QString::fromLatin1(ethicsScopeDigest.toHex())},
                       {QStringLiteral("decisions"), steps},
                       {QStringLiteral("submitted"), submitted.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("updated"), updated.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("revision"), double(revision)}};
}

Result<AccessRequest> AccessRequest::fromJson(const QJsonObject &json)
{
    AccessRequest r;
    r.number = json.value(QLatin1String("number")).toString();
    r.requester = json.value(QLatin1String("requester")).toString();
    r.purpose = json.value(QLatin1String("purpose")).toString();
    auto scope = Scope::fromJson(json.value(QLatin1String("scope")).toObject());
    if (!scope)
        return scope.error();
    r.scope = scope.value();
    r.durationDays = json.value(QLatin1String("durationDays")).toInt();
    if (r.durationDays < 1 || r.durationDays > 3650)
        return invalid(QStringLiteral("a request lasts 1 day to 10 years"));
    if (r.number.isEmpty() || r.requester.isEmpty())
        return invalid(QStringLiteral("a request has a number and a requester"));
    r.agreementVersion = json.value(QLatin1String("agreement")).toString();
    auto status = requestStatusFromId(json.value(QLatin1String("status")).toString());
    if (!status)
        return invalid(QStringLiteral("the request has an unknown status"));
    r.status = *status;
    r.step = json.value(QLatin1String("step")).toInt(-1);
    r.returnToStep = json.value(QLatin1String("returnToStep")).toInt(-1);
    r.rulesVersion = json.value(QLatin1String("rulesVersion")).toInt();
    r.ethicsPassed = json.value(QLatin1String("ethicsPassed")).toBool();
    if (r.ethicsPassed) {
        auto passed = Scope::fromJson(json.value(QLatin1String("ethicsScope")).toObject());
        if (!passed)
            return passed.error();
        r.ethicsScope = passed.value();
    }
    r.ethicsScopeDigest =
        QByteArray::fromHex(json.value(QLatin1String("ethicsScopeDigest")).toString().toLatin1());
    for (const QJsonValue value : json.value(QLatin1String("decisions")).toArray()) {
        const QJsonObject o = value.toObject();
        StepDecision d;
        d.step = o.value(QLatin1String("step")).toInt(-1);
        d.by = o.value(QLatin1String("by")).toString();
        d.role = o.value(QLatin1String("role")).toString();
        // Nothing is read as an approval that does not say so.
        if (!o.value(QLatin1String("step")).isDouble())
            return invalid(QStringLiteral("a decision names its step"));
        const QString verdict = o.value(QLatin1String("verdict")).toString();
        if (verdict == QLatin1String("reject"))
            d.verdict = Verdict::Reject;
        else if (verdict == QLatin1String("more-information"))
            d.verdict = Verdict::MoreInformation;
        else if (verdict == QLatin1String("approve"))
            d.verdict = Verdict::Approve;
        else
            return invalid(QStringLiteral("a decision has an unknown verdict"));
        if (d.by.isEmpty())
            return invalid(QStringLiteral("a decision names who took it"));
        d.reason = o.value(QLatin1String("reason")).toString();
        d.at = QDateTime::fromString(o.value(QLatin1String("at")).toString(), Qt::ISODateWithMs);
        d.scopeDigest = QByteArray::fromHex(o.value(QLatin1String("scope")).toString().toLatin1());
        r.decisions << d;
    }
    r.submitted = QDateTime::fromString(json.value(QLatin1String("submitted")).toString(), Qt::ISODateWithMs);
    r.updated = QDateTime::fromString(json.value(QLatin1String("updated")).toString(), Qt::ISODateWithMs);
    r.revision = qint64(json.value(QLatin1String("revision")).toDouble());
    return r;
}

} // namespace mdp::access
