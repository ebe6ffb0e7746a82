#include "mdp/access/GrantDocument.h"

#include "mdp/access/AccessWorkflow.h"
#include "mdp/crypto/Signature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::access {

namespace {

const QByteArray kStatement = QByteArrayLiteral("mdp-grant-v1\n");

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject toJson(const GrantDocument &g)
{
    QJsonArray approvers;
    for (const QString &a : g.approvers)
        approvers.append(a);
    return QJsonObject{
        {QStringLiteral("v"), 1},
        {QStringLiteral("id"), g.id},
        {QStringLiteral("request"), g.requestNumber},
        {QStringLiteral("subject"), g.subject},
        {QStringLiteral("workstation"), g.workstation},
        {QStringLiteral("scope"), g.scope.toJson()},
        {QStringLiteral("purpose"), g.purpose},
        {QStringLiteral("approvers"), approvers},
        {QStringLiteral("rulesVersion"), g.rulesVersion},
        {QStringLiteral("issuer"), g.issuer},
        {QStringLiteral("notBefore"), timeText(g.notBefore)},
        {QStringLiteral("notAfter"), timeText(g.notAfter)},
        {QStringLiteral("obligations"), QJsonObject{{QStringLiteral("deidentify"), true},
                                                    {QStringLiteral("pseudonymise"), true},
                                                    {QStringLiteral("aggregateOnly"), g.aggregateOnly},
                                                    {QStringLiteral("export"), g.exportAllowed},
                                                    {QStringLiteral("destroyAtEnd"), true}}}};
}

Result<GrantDocument> fromJson(const QJsonObject &o)
{
    if (o.value(QLatin1String("v")).toInt() != 1)
        return makeError(Error::Code::Unsupported, QStringLiteral("a grant of another format"));
    GrantDocument g;
    g.id = o.value(QLatin1String("id")).toString();
    g.requestNumber = o.value(QLatin1String("request")).toString();
    g.subject = o.value(QLatin1String("subject")).toString();
    g.workstation = o.value(QLatin1String("workstation")).toString();
    auto scope = Scope::fromJson(o.value(QLatin1String("scope")).toObject());
    if (!scope)
        return scope.error();
    g.scope = scope.value();
    g.purpose = o.value(QLatin1String("purpose")).toString();
    for (const QJsonValue v : o.value(QLatin1String("approvers")).toArray())
        g.approvers << v.toString();
    g.rulesVersion = o.value(QLatin1String("rulesVersion")).toInt();
    g.issuer = o.value(QLatin1String("issuer")).toString();
    g.notBefore = QDateTime::fromString(o.value(QLatin1String("notBefore")).toString(), Qt::ISODateWithMs);
    g.notAfter = QDateTime::fromString(o.value(QLatin1String("notAfter")).toString(), Qt::ISODateWithMs);
    const QJsonObject obligations = o.value(QLatin1String("obligations")).toObject();
    g.aggregateOnly = obligations.value(QLatin1String("aggregateOnly")).toBool();
    g.exportAllowed = obligations.value(QLatin1String("export")).toBool();
    if (g.id.isEmpty() || g.subject.isEmpty() || g.workstation.isEmpty() || !g.notBefore.isValid() ||
        !g.notAfter.isValid() || g.notAfter <= g.notBefore)
        return makeError(Error::Code::Corrupt, QStringLiteral("the grant is incomplete"));
    return g;
}

} // namespace

Result<GrantDocument> GrantDocument::issue(const AccessRequest &approved, const ApprovalRules &rules,
                                           const QString &id, const QString &workstation,
                                           const QString &issuer, const QDateTime &notBefore)
{
    // Exactly what was approved (R-5.2j), checked again from the decisions alone.
    auto approvers = AccessWorkflow::checkApproved(approved, rules);
    if (!approvers)
        return approvers.error();
    if (workstation.size() != 64)
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("a grant is bound to a workstation certificate's SHA-256 fingerprint"));
    GrantDocument g;
    g.id = id;
    g.requestNumber = approved.number;
    g.subject = approved.requester;
    g.workstation = workstation.toLower();
    g.scope = approved.scope;
    g.purpose = approved.purpose;
    g.approvers = approvers.value();
    g.rulesVersion = approved.rulesVersion;
    g.issuer = issuer;
    g.notBefore = notBefore.toUTC();
    g.notAfter = g.notBefore.addDays(approved.durationDays > 0 ? approved.durationDays : kDefaultDays);
    g.aggregateOnly = approved.scope.aggregateOnly;
    g.exportAllowed = approved.scope.exportAllowed;
    return g;
}

QByteArray GrantDocument::canonical() const
{
    return QJsonDocument(toJson(*this)).toJson(QJsonDocument::Compact);
}

Result<QByteArray> GrantDocument::sign(const crypto::SigningKey &issuerKey) const
{
    const QByteArray document = canonical();
    auto signature = issuerKey.sign(kStatement + document);
    if (!signature)
        return signature.error();
    return QJsonDocument(
               QJsonObject{{QStringLiteral("document"), QString::fromLatin1(document.toBase64())},
                           {QStringLiteral("signature"), QString::fromLatin1(signature->toBase64())}})
        .toJson(QJsonDocument::Compact);
}

Result<GrantDocument> GrantDocument::verify(const QByteArray &envelope, const crypto::PublicKey &issuerKey,
                                            const QString &subject, const QString &workstation,
                                            const QDateTime &now)
{
    auto grant = open(envelope, issuerKey);
    if (!grant)
        return grant.error();
    if (grant->subject != subject)
        return makeError(Error::Code::PermissionDenied, QStringLiteral("the grant is another person's"));
    if (grant->workstation != workstation.toLower())
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("the grant is bound to another workstation's certificate"));
    if (now < grant->notBefore)
        return makeError(Error::Code::PermissionDenied, QStringLiteral("the grant is not valid yet"));
    if (now >= grant->notAfter)
        return makeError(
            Error::Code::PermissionDenied,
            QStringLiteral("the grant expired at %1").arg(grant->notAfter.toString(Qt::ISODate)));
    return grant;
}

Result<GrantDocument> GrantDocument::open(const QByteArray &envelope, const crypto::PublicKey &issuerKey)
{
    const QJsonObject outer = QJsonDocument::fromJson(envelope).object();
    const QByteArray document =
        QByteArray::fromBase64(outer.value(QLatin1String("document")).toString().toLatin1());
    const QByteArray signature =
        QByteArray::fromBase64(outer.value(QLatin1String("signature")).toString().toLatin1());
    if (document.isEmpty() || signature.isEmpty() || !issuerKey.verify(kStatement + document, signature))
        return makeError(Error::Code::Tampered, QStringLiteral("the grant's signature does not verify"));
    return fromJson(QJsonDocument::fromJson(document).object());
}

policy::Grant GrantDocument::toPolicyGrant(const QString &accountId) const
{
    policy::Grant g;
    g.id = id;
    g.accountId = accountId;
    g.project = scope.project;
    g.maxLevel = scope.maxLevel;
    g.categories = scope.categories;
    g.notBefore = notBefore;
    g.notAfter = notAfter;
    g.aggregateOnly = aggregateOnly;
    g.exportAllowed = exportAllowed;
    g.approvals = int(approvers.size());
    g.patients = scope.patients;
    return g;
}

} // namespace mdp::access
