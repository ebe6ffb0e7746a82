#include "mdp/workspace/AuditQueries.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/workspace/Workspace.h"

#include <QHash>

namespace mdp::workspace {

AuditQueries::AuditQueries(Workspace &workspace)
    : m_workspace(workspace)
{}

namespace {
audit::AuditAgent readerOf(Workspace &ws)
{
    audit::AuditAgent reader;
    reader.nodeId = ws.nodeId();
    if (const auto s = ws.session()) {
        reader.userId = s->accountId;
        reader.role = s->role;
    } else {
        reader.userId = QStringLiteral("system");
        reader.role = QStringLiteral("system");
    }
    return reader;
}
} // namespace

Result<QList<AuditRow>> AuditQueries::byUserName(const QString &userName, const QDateTime &from,
                                                 const QDateTime &to)
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.query-by-user"); !ok)
        return ok.error();
    auto account = m_workspace.accounts().find(userName);
    if (!account)
        return account.error();
    if (!account.value())
        return makeError(Error::Code::NotFound, QStringLiteral("no account named %1").arg(userName));
    auto hits = m_workspace.auditLogForQueries().queryByUser(readerOf(m_workspace),
                                                             account.value()->idString(), from, to);
    if (!hits)
        return hits.error();
    QList<AuditRow> rows;
    for (auto &h : hits.value())
        rows << AuditRow{h.sequence, std::move(h.event), {}};
    return resolve(std::move(rows));
}

Result<QList<AuditRow>> AuditQueries::byDataId(const QString &dataId)
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.query-by-data"); !ok)
        return ok.error();
    const qsizetype colon = dataId.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == dataId.size() - 1)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("give the data ID as TYPE:ID, e.g. patient:P-7F3A or key:audit"));
    const audit::AuditEntity entity{dataId.left(colon), dataId.mid(colon + 1)};
    auto hits = m_workspace.auditLogForQueries().queryByData(readerOf(m_workspace), entity);
    if (!hits)
        return hits.error();
    QList<AuditRow> rows;
    for (auto &h : hits.value())
        rows << AuditRow{h.sequence, std::move(h.event), {}};
    return resolve(std::move(rows));
}

Result<AuditQueries::Verification> AuditQueries::verifier()
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.verify"); !ok)
        return ok.error();
    const audit::AuditLog *log = &m_workspace.auditLog();
    return Verification([log] { return log->verify(); });
}

Result<QList<AuditRow>> AuditQueries::resolve(QList<AuditRow> rows)
{
    auto accounts = m_workspace.accounts().list();
    if (!accounts)
        return accounts.error();
    QHash<QString, QString> names;
    for (const auto &a : accounts.value())
        names.insert(a.idString(), a.userName);
    for (auto &row : rows)
        row.userName = names.value(row.event.agent.userId);
    return rows;
}

} // namespace mdp::workspace
