#include "mdp/workspace/AuditReports.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/audit/AuditReport.h"
#include "mdp/audit/CheckpointSigner.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"
#include "mdp/crypto/Signature.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/Workspace.h"

#include <QJsonDocument>

namespace mdp::workspace {

AuditReports::AuditReports(Workspace &workspace)
    : m_workspace(workspace)
{}

Result<AuditReports::Report> AuditReports::generate(const QString &period)
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.report"); !ok)
        return ok.error();
    const auto [from, to] = audit::quarterBounds(period);
    if (!from.isValid())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a report covers a quarter, written like 2026Q4"));
    const auto session = m_workspace.session();
    audit::AuditAgent reader;
    reader.nodeId = m_workspace.nodeId();
    reader.userId = session ? session->accountId : QStringLiteral("system");
    reader.role = session ? session->role : QStringLiteral("system");

    // The whole log checked first: the report says what the check found.
    const audit::AuditVerifyReport check = m_workspace.auditLog().verify();
    auto records =
        m_workspace.auditLogForQueries().queryByTime(reader, from, to, QStringLiteral("audit-report"));
    if (!records)
        return records.error();
    QList<audit::AuditEvent> events;
    events.reserve(records->size());
    for (audit::AuditRecord &r : *records)
        events.append(std::move(r.event));

    audit::AuditReportInput input;
    input.period = period;
    input.from = from;
    input.to = to;
    input.node = m_workspace.nodeId();
    input.generatedBy = session ? session->userName : QStringLiteral("custodian");
    input.generatedAt = QDateTime::currentDateTimeUtc();
    input.integrityOk = check.ok;
    input.integrityEvents = check.eventCount;
    input.integrityProblem = check.ok ? QString() : check.toString();
    if (auto list = m_workspace.accounts().list(); list)
        for (const accounts::Account &a : *list)
            input.accountNames.insert(a.idString(), a.userName);

    Report report;
    report.id = QString::fromLatin1(crypto::randomBytes(16).toHex());
    report.period = period;
    report.createdAt = input.generatedAt;
    report.createdBy = input.generatedBy;
    report.document = audit::buildAuditReport(events, input);
    report.document.insert(QStringLiteral("id"), report.id);
    report.bytes = QJsonDocument(report.document).toJson(QJsonDocument::Compact);
    report.signature = m_workspace.nodeSigner().sign(report.bytes);
    if (report.signature.isEmpty())
        return makeError(Error::Code::Crypto, QStringLiteral("the node key could not sign the report"));
    report.sm3 = QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sm3, report.bytes).toHex());
    report.signatureHolds = true;
    auto kept = m_workspace.database().transaction([&]() -> Result<void> {
        if (auto r = m_workspace.database().execute(
                QStringLiteral(
                    "INSERT INTO audit_reports (id, period, created_at, created_by, document, signature) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                {report.id, period, report.createdAt.toMSecsSinceEpoch(), report.createdBy, report.bytes,
                 report.signature});
            !r)
            return r.error();
        audit::AuditEvent e;
        e.type = audit::EventType::AuditReport.toString();
        e.action = audit::AuditAction::Create;
        e.entities = {audit::AuditEntity{QStringLiteral("audit-report"), report.id}};
        e.detail = {{QStringLiteral("period"), period},
                    {QStringLiteral("events"), double(events.size())},
                    {QStringLiteral("sm3"), report.sm3}};
        return m_workspace.record(e);
    });
    if (!kept)
        return kept.error();
    return report;
}

Result<QList<AuditReports::Report>> AuditReports::history()
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.report-history"); !ok)
        return ok.error();
    auto node = crypto::PublicKey::fromDer(m_workspace.nodePublicKeyDer());
    QList<Report> out;
    auto r = m_workspace.database().forEachRow(
        QStringLiteral("SELECT id, period, created_at, created_by, document, signature FROM audit_reports "
                       "ORDER BY created_at DESC, id"),
        {}, [&](const store::Row &row) {
            Report report;
            report.id = row.at(0).toString();
            report.period = row.at(1).toString();
            report.createdAt = QDateTime::fromMSecsSinceEpoch(row.at(2).toLongLong(), Qt::UTC);
            report.createdBy = row.at(3).toString();
            report.bytes = row.at(4).toByteArray();
            report.signature = row.at(5).toByteArray();
            report.document = QJsonDocument::fromJson(report.bytes).object();
            report.sm3 = QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sm3, report.bytes).toHex());
            report.signatureHolds = node && node->verify(report.bytes, report.signature);
            out.append(report);
            return true;
        });
    if (!r)
        return r.error();
    return out;
}

} // namespace mdp::workspace
