#pragma once

#include "mdp/audit/AuditEvent.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mdp::audit {

// The periodic audit report (issue 13, R-7.4.2): from the events recorded in a period, its scope, how
// it was made, the findings on privileged actions, failed sign-ins, bulk access, downloads and exports,
// permission changes, refusals and alerts (counts, the accounts with most), the risks they carry, and
// what to do. A JSON document (sorted keys), so it can be signed and kept; screens render it.
//
// {"format":"mdp-audit-report-v1","period":"2026Q4","from":…,"to":…,"node":…,"generatedAt":…,
//  "generatedBy":…,"scope":{"events":n,"accounts":n,"days":n},"integrity":{"ok":b,"events":n,"problem":"…"},
//  "findings":[{"area":"failed-sign-ins","count":n,"top":[{"user":…,"count":n}],"risk":"none|low|medium|high",
//               "alerts":n}, …]}
// The texts (finding titles, risk explanations, recommendations) are the renderer's, by area and risk,
// in the reader's language: the signed document holds facts, not prose.
struct AuditReportInput
{
    QString period; // "2026Q4"
    QDateTime from, to;
    QString node;
    QString generatedBy;
    QDateTime generatedAt;
    bool integrityOk = false;   // the full check of the log passed
    qint64 integrityEvents = 0; // events it verified
    QString integrityProblem;   // what it found otherwise
    QHash<QString, QString> accountNames;
};

QJsonObject buildAuditReport(const QList<AuditEvent> &events, const AuditReportInput &input);

// "2026Q4" -> [2026-10-01, 2027-01-01) in the site's local time (UTC+8 by default); invalid when the
// label is not a quarter.
std::pair<QDateTime, QDateTime> quarterBounds(const QString &label, int utcOffsetMinutes = 480);
QString quarterOf(const QDateTime &time, int utcOffsetMinutes = 480);

// The report's areas, in the order a report lists them.
QStringList auditReportAreas();

} // namespace mdp::audit
