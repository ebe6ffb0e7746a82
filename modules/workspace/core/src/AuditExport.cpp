#include "mdp/workspace/AuditExport.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditBundle.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/audit/AuditTrail.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/Workspace.h"

namespace mdp::workspace {

namespace {

QString shortPrint(const QByteArray &fingerprint)
{
    return QString::fromLatin1(fingerprint.toHex().left(16));
}

} // namespace

AuditExport::AuditExport(Workspace &workspace)
    : m_workspace(workspace)
{}

Result<QString> AuditExport::auditorAccountId(const QString &userName)
{
    auto account = m_workspace.accounts().find(userName);
    if (!account)
        return account.error();
    if (!account.value())
        return makeError(Error::Code::NotFound, QStringLiteral("no account named %1").arg(userName));
    if (!account.value()->hasRole(accounts::Role::Auditor))
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("%1 is not an auditor: bundles are sealed for auditors only").arg(userName));
    return account.value()->idString();
}

Result<void> AuditExport::enrolKey(const QString &auditorUserName, const crypto::PublicKey &key)
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.recipient-enrol"); !ok)
        return ok.error();
    auto accountId = auditorAccountId(auditorUserName);
    if (!accountId)
        return accountId.error();
    const auto session = m_workspace.session();
    // An auditor enrols their own key; an administrator anyone's.
    if (!session ||
        (session->accountId != *accountId && !m_workspace.allows(Permission::AdministerAccounts))) {
        audit::AuditEvent refused;
        refused.type = audit::EventType::AuditRecipientEnrol.toString();
        refused.action = audit::AuditAction::Create;
        refused.outcome = audit::AuditOutcome::MinorFailure;
        refused.entities = {audit::AuditEntity{QStringLiteral("account"), *accountId}};
        refused.detail = {{QStringLiteral("reason"), QStringLiteral("another auditor's key")}};
        (void)m_workspace.record(refused);
        return makeError(
            Error::Code::PermissionDenied,
            QStringLiteral("only %1 or an administrator may enrol %1's key").arg(auditorUserName));
    }
    if (key.isNull() || key.algorithm() != crypto::SignatureAlgorithm::Sm2)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("an auditor's key must be SM2"));
    return m_workspace.database().transaction([&]() -> Result<void> {
        if (auto r = m_workspace.database().execute(
                QStringLiteral("DELETE FROM audit_recipients WHERE account_id = ?1"), {*accountId});
            !r)
            return r.error();
        if (auto r = m_workspace.database().execute(
                QStringLiteral(
                    "INSERT INTO audit_recipients (account_id, public_key, enrolled_at, enrolled_by) "
                    "VALUES (?1, ?2, ?3, ?4)"),
                {*accountId, key.der(), QDateTime::currentMSecsSinceEpoch(), session->accountId});
            !r)
            return r.error();
        audit::AuditEvent e;
        e.type = audit::EventType::AuditRecipientEnrol.toString();
        e.action = audit::AuditAction::Create;
        e.entities = {audit::AuditEntity{QStringLiteral("account"), *accountId}};
        e.detail = {{QStringLiteral("fingerprint"), shortPrint(key.fingerprint())}};
        return m_workspace.record(e);
    });
}

Result<crypto::PublicKey> AuditExport::enrolledKey(const QString &auditorUserName)
{
    auto accountId = auditorAccountId(auditorUserName);
    if (!accountId)
        return accountId.error();
    auto row = m_workspace.database().queryOne(
        QStringLiteral("SELECT public_key FROM audit_recipients WHERE account_id = ?1"), {*accountId});
    if (!row)
        return row.error();
    if (!row->has_value())
        return makeError(
            Error::Code::NotFound,
            QStringLiteral("no key is enrolled for %1 (mdp audit enrol-key)").arg(auditorUserName));
    return crypto::PublicKey::fromDer((**row).at(0).toByteArray());
}

Result<AuditExport::Summary> AuditExport::exportBundle(const QString &path, const QDateTime &from,
                                                       const QDateTime &to, const QString &auditorUserName)
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.export"); !ok)
        return ok.error();
    if (from.isValid() && to.isValid() && to <= from)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the range ends before it starts"));
    auto key = enrolledKey(auditorUserName);
    if (!key)
        return key.error();
    auto accountId = auditorAccountId(auditorUserName);
    if (!accountId)
        return accountId.error();

    audit::AuditLog &log = m_workspace.auditLogForQueries();
    // The export's own event first, durable, so the bundle it names never exists without it (and
    // the bundle's checkpoint covers it when the range reaches now).
    audit::AuditEvent e;
    e.type = audit::EventType::AuditExport.toString();
    e.action = audit::AuditAction::Read;
    e.entities = {audit::AuditEntity{QStringLiteral("account"), *accountId}};
    e.detail = {{QStringLiteral("from"), from.isValid() ? audit::AuditEvent::formatTime(from) : QString()},
                {QStringLiteral("to"), to.isValid() ? audit::AuditEvent::formatTime(to) : QString()},
                {QStringLiteral("recipientKey"), shortPrint(key->fingerprint())}};
    if (auto r = m_workspace.record(e); !r)
        return r.error();

    auto content = audit::bundleContentFromLog(log, from, to);
    if (!content)
        return content.error();
    QString workstation;
    content->witness = m_workspace.serverWitness(workstation);
    const qint64 checkpointSize = log.checkpoint().size;
    if (content->witness && content->witness->treeSize > checkpointSize)
        content->witness.reset(); // cannot be: the server witnesses what was shipped from the log
    if (content->witness && content->witness->treeSize < checkpointSize) {
        auto proof = log.consistencyProof(content->witness->treeSize, checkpointSize);
        if (!proof)
            return proof.error();
        content->witness->consistency = *proof;
    }
    const auto session = m_workspace.session();
    content->source = workstation.isEmpty() ? m_workspace.nodeId() : workstation;
    content->nodeId = m_workspace.nodeId();
    content->exportedBy = session ? session->userName : QStringLiteral("custodian");
    content->exportedAt = QDateTime::currentDateTimeUtc();
    content->nodeKeyDer = m_workspace.nodePublicKeyDer();
    if (auto list = m_workspace.accounts().list(); list) {
        for (const auto &account : list.value())
            content->accountNames.insert(account.idString(), account.userName);
    }
    if (auto r = audit::writeAuditBundle(path, *content, *key, m_workspace.nodeSigner()); !r)
        return r.error();
    Summary out;
    out.first = content->first;
    out.end = content->first + content->frames.size();
    out.witnessed = content->witness ? content->witness->treeSize : -1;
    out.recipient = auditorUserName;
    out.fingerprint = key->fingerprint();
    return out;
}

Result<int> AuditExport::takeReads(const QByteArray &readLog, const QString &auditorUserName)
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.export"); !ok)
        return ok.error();
    auto key = enrolledKey(auditorUserName);
    if (!key)
        return key.error();
    auto accountId = auditorAccountId(auditorUserName);
    if (!accountId)
        return accountId.error();
    auto reads = audit::AuditReadLog::verify(readLog, *key);
    if (!reads)
        return reads.error();
    int added = 0;
    for (const auto &read : *reads) {
        const QString id =
            QStringLiteral("offline-read-") + QString::fromLatin1(read.digest.toHex().left(40));
        if (m_workspace.auditLog().containsEvent(id))
            continue;
        audit::AuditEvent e;
        e.id = id;
        e.type = audit::EventType::AuditRead.toString();
        e.action = audit::AuditAction::Read;
        e.occurred = read.at;
        e.entities = {audit::AuditEntity{QStringLiteral("account"), *accountId},
                      audit::AuditEntity{QStringLiteral("audit-bundle"), read.bundleId}};
        e.detail = {{QStringLiteral("offline"), true},
                    {QStringLiteral("query"), read.query},
                    {QStringLiteral("parameters"), read.parameters}};
        if (auto r = m_workspace.record(e); !r)
            return r.error();
        ++added;
    }
    return added;
}

} // namespace mdp::workspace
