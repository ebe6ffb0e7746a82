#pragma once

#include "mdp/audit/AuditVerifyReport.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mdp::workspace {

class Workspace;

// The quarterly audit reports of this workstation (issue 13, R-7.4.2). Generating one reads the
// quarter's events from the log (an audit.read with purpose "audit-report"), checks the whole log
// first and says so in the report, builds it (audit::buildAuditReport), signs it with the node key and
// keeps it, with its audit.report event, in one transaction. Every version is kept: the history lists
// them all, each with its signature checked again. Both need Permission::ReadAuditTrail (auditors,
// system administrators).
class AuditReports
{
public:
    explicit AuditReports(Workspace &workspace);

    struct Report
    {
        QString id;
        QString period;
        QDateTime createdAt;
        QString createdBy; // user name
        QJsonObject document;
        QByteArray bytes;     // as signed
        QByteArray signature; // the node key's, SM2
        QString sm3;          // of `bytes`, hex
        // The node key's signature over "mdp-audit-report-v1\n" and the bytes holds, the row says what
        // the report says, and the audit.report event recorded the same SM3.
        bool signatureHolds = false;
    };
    // `period` is a quarter, "2026Q4". Checks the whole log first, on the calling thread.
    Result<Report> generate(const QString &period);
    // The same with the whole log's check already run (AuditQueries::verifier(), on a worker thread
    // while a screen stays responsive).
    Result<Report> generate(const QString &period, const audit::AuditVerifyReport &check);
    // Newest first.
    Result<QList<Report>> history();

private:
    Workspace &m_workspace;
};

} // namespace mdp::workspace
