#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/AuditVerifyReport.h"
#include "mdp/foundation/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>

namespace mdp::workspace {

class Workspace;

// One audit event as the audit browser and `mdp audit query` show it.
struct AuditRow
{
    qint64 sequence = 0;
    audit::AuditEvent event;
    QString userName; // resolved from the account id for display; empty for the system
};

// The two traces asks for, resolved against the account directory. Every query is itself
// recorded as an audit.read event by the audit log, attributed to the session's user (or the
// custodian when the command line runs it). Reading the trail needs Permission::ReadAuditTrail
// (auditor, system administrator) in the workspace's session; a refusal is recorded.
class AuditQueries
{
public:
    explicit AuditQueries(Workspace &workspace);

    // Everything one account did in [from, to] (UTC).
    Result<QList<AuditRow>> byUserName(const QString &userName, const QDateTime &from, const QDateTime &to);
    // Everything any account did to one datum; `dataId` is "type:id" or a bare id (any type).
    Result<QList<AuditRow>> byDataId(const QString &dataId);
    // The check of every event against the signed checkpoint, authorized now and run by the caller
    // (on a worker thread if it likes: it holds no lock and writes nothing).
    using Verification = std::function<audit::AuditVerifyReport()>;
    Result<Verification> verifier();

private:
    Result<QList<AuditRow>> resolve(QList<AuditRow> rows);
    Workspace &m_workspace;
};

} // namespace mdp::workspace
