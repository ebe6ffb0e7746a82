#include "mdp/workspace/AuditReports.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditCheckpoint.h"
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

namespace {
// What the node key signs is marked as a report, never to be taken for a checkpoint or a manifest.
const QByteArray kSignedLabel = QByteArrayLiteral("mdp-audit-report-v1\n");
} // namespace

AuditReports::AuditReports(Workspace &workspace)
    : m_workspace(workspace)
{}

Result<AuditReports::Report> AuditReports::generate(const QString &period)
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.report"); !ok)
        return ok.error();
    // The whole log checked first: the report says what the check found.
    return generate(period, m_workspace.auditLog().verify());
}

Result<AuditReports::Report> AuditReports::generate(const QString &period,
                                                    const audit::AuditVerifyReport &check)
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
    input.generatedAt = m_workspace.clock().now().toUTC();
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
    // The log it summarised: its signed checkpoint when the report was made.
    const audit::AuditCheckpoint checkpoint = m_workspace.auditLog().checkpoint();
    report.document.insert(
        QStringLiteral("checkpoint"),
        QJsonObject{{QStringLiteral("size"), double(checkpoint.size)},
                    {QStringLiteral("root"), QString::fromLatin1(checkpoint.merkleRoot.toHex())}});
    report.bytes = QJsonDocument(report.document).toJson(QJsonDocument::Compact);
    report.signature = m_workspace.nodeSigner().sign(kSignedLabel + report.bytes);
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
            // The signature over the bytes, the row's columns as the signed report states them, and the
            // audit.report event that recorded it with the same SM3.
            auto recorded = m_workspace.auditLogForQueries().lastRecordFor(
                audit::AuditEntity{QStringLiteral("audit-report"), report.id});
            const bool eventAgrees = recorded && recorded->has_value() &&
                                     (*recorded)->event.type == audit::EventType::AuditReport &&
                                     (*recorded)->event.detail.value(u"sm3").toString() == report.sm3;
            report.signatureHolds = node && node->verify(kSignedLabel + report.bytes, report.signature) &&
                                    report.document.value(u"id").toString() == report.id &&
                                    report.document.value(u"period").toString() == report.period &&
                                    report.document.value(u"generatedBy").toString() == report.createdBy &&
                                    eventAgrees;
            out.append(report);
            return true;
        });
    if (!r)
        return r.error();
    return out;
}

} // namespace mdp::workspace
