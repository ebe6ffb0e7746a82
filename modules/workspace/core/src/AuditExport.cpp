#include "mdp/workspace/AuditExport.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/audit/AuditBundle.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/audit/AuditTrail.h"
#include "mdp/crypto/Random.h"
#include "mdp/store/Database.h"

#include "mdp/workspace/Workspace.h"
#include <QSet>

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

Result<QString> AuditExport::auditorAccountId(const QString &userName, bool refuseLocked)
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
    if (refuseLocked && account.value()->locked)
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("%1's account is locked: nothing is sealed for it").arg(userName));
    return account.value()->idString();
}

Result<QByteArray> AuditExport::enrolmentChallenge(const QString &auditorUserName,
                                                   const crypto::PublicKey &key)
{
    auto accountId = auditorAccountId(auditorUserName);
    if (!accountId)
        return accountId.error();
    return QByteArrayLiteral("mdp-auditor-enrol-v1\n") + accountId->toUtf8() + '\n' +
           key.fingerprint().toHex();
}

Result<void> AuditExport::enrolKey(const QString &auditorUserName, const crypto::PublicKey &key,
                                   const QByteArray &proof)
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.recipient-enrol"); !ok)
        return ok.error();
    auto accountId = auditorAccountId(auditorUserName);
    if (!accountId)
        return accountId.error();
    const auto session = m_workspace.session();
    const auto refuse = [&](const QString &reason, const QString &message) -> Result<void> {
        audit::AuditEvent refused;
        refused.type = audit::EventType::AuditRecipientEnrol.toString();
        refused.action = audit::AuditAction::Create;
        refused.outcome = audit::AuditOutcome::MinorFailure;
        refused.entities = {audit::AuditEntity{QStringLiteral("account"), *accountId}};
        refused.detail = {{QStringLiteral("reason"), reason}};
        (void)m_workspace.record(refused);
        return makeError(Error::Code::PermissionDenied, message);
    };
    // Only the auditor enrols their own key: nobody else can have bundles sealed for them.
    if (!session || session->accountId != *accountId)
        return refuse(QStringLiteral("another account's key"),
                      QStringLiteral("only %1, signed in, may enrol %1's key").arg(auditorUserName));
    if (key.isNull() || key.algorithm() != crypto::SignatureAlgorithm::Sm2)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("an auditor's key must be SM2"));
    auto challenge = enrolmentChallenge(auditorUserName, key);
    if (!challenge)
        return challenge.error();
    if (!key.verify(*challenge, proof))
        return refuse(
            QStringLiteral("no proof of holding the key"),
            QStringLiteral("the key was not shown to be held: sign the enrolment with its private key"));
    auto taken = m_workspace.database().queryOne(
        QStringLiteral("SELECT account_id FROM audit_recipients WHERE public_key = ?1 AND account_id <> ?2"),
        {key.der(), *accountId});
    if (!taken)
        return taken.error();
    if (taken->has_value())
        return refuse(QStringLiteral("key enrolled for another account"),
                      QStringLiteral("this key is enrolled for another account"));
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

Result<crypto::PublicKey> AuditExport::keyOf(const QString &accountId, const QString &userName)
{
    auto row = m_workspace.database().queryOne(
        QStringLiteral("SELECT public_key FROM audit_recipients WHERE account_id = ?1"), {accountId});
    if (!row)
        return row.error();
    if (!row->has_value())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("no key is enrolled for %1 (mdp audit enrol-key)").arg(userName));
    return crypto::PublicKey::fromDer((**row).at(0).toByteArray());
}

Result<crypto::PublicKey> AuditExport::enrolledKey(const QString &auditorUserName)
{
    auto accountId = auditorAccountId(auditorUserName);
    if (!accountId)
        return accountId.error();
    return keyOf(*accountId, auditorUserName);
}

Result<AuditExport::Summary> AuditExport::exportBundle(const QString &path, const QDateTime &from,
                                                       const QDateTime &to, const QString &auditorUserName)
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.export"); !ok)
        return ok.error();
    if (from.isValid() && to.isValid() && to <= from)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the range ends before it starts"));
    auto accountId = auditorAccountId(auditorUserName);
    if (!accountId)
        return accountId.error();
    auto key = keyOf(*accountId, auditorUserName);
    if (!key)
        return key.error();

    audit::AuditLog &log = m_workspace.auditLogForQueries();
    const QString bundleId = QString::fromLatin1(crypto::randomBytes(16).toHex());
    // The export's own event first, durable, so the bundle it names never exists without it (and
    // the bundle's checkpoint covers it when the range reaches now).
    audit::AuditEvent e;
    e.type = audit::EventType::AuditExport.toString();
    e.action = audit::AuditAction::Read;
    e.entities = {audit::AuditEntity{QStringLiteral("account"), *accountId},
                  audit::AuditEntity{QStringLiteral("audit-bundle"), bundleId}};
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
    content->bundleId = bundleId;
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
    out.bundleId = bundleId;
    return out;
}

Result<int> AuditExport::takeReads(const QByteArray &readLog, const QString &auditorUserName)
{
    if (auto ok = m_workspace.authorize(Permission::ReadAuditTrail, u"audit.export"); !ok)
        return ok.error();
    // A locked (or departed) auditor's reads still belong in the trail.
    auto accountId = auditorAccountId(auditorUserName, false);
    if (!accountId)
        return accountId.error();
    auto key = keyOf(*accountId, auditorUserName);
    if (!key)
        return key.error();
    auto reads = audit::AuditReadLog::verify(readLog, *key);
    if (!reads)
        return reads.error();
    // Every bundle named was exported here for this auditor (the export's event says so).
    QSet<QString> checked;
    for (const auto &read : *reads) {
        if (checked.contains(read.bundleId))
            continue;
        auto exported = m_workspace.auditLogForQueries().lastRecordFor(
            audit::AuditEntity{QStringLiteral("audit-bundle"), read.bundleId});
        if (!exported)
            return exported.error();
        const bool forThisAuditor =
            exported->has_value() && (*exported)->event.type == audit::EventType::AuditExport &&
            (*exported)->event.entities.contains(audit::AuditEntity{QStringLiteral("account"), *accountId});
        if (!forThisAuditor)
            return makeError(
                Error::Code::Tampered,
                QStringLiteral("the read log names bundle %1, which was not exported here for %2")
                    .arg(read.bundleId, auditorUserName));
        checked.insert(read.bundleId);
    }
    int added = 0;
    auto recorded = m_workspace.database().transaction([&]() -> Result<void> {
        added = 0;
        for (const auto &read : *reads) {
            const QString id =
                QStringLiteral("offline-read-") + QString::fromLatin1(read.digest.toHex().left(40));
            if (m_workspace.auditLog().containsEvent(id))
                continue;
            audit::AuditEvent e;
            e.id = id;
            e.type = audit::EventType::AuditRead.toString();
            e.action = audit::AuditAction::Read;
            if (read.at.isValid())
                e.occurred = read.at;
            // The bundle in the detail: its entity names only the export (looked up above).
            e.entities = {audit::AuditEntity{QStringLiteral("account"), *accountId}};
            e.detail = {{QStringLiteral("offline"), true},
                        {QStringLiteral("bundle"), read.bundleId},
                        {QStringLiteral("query"), read.query.left(64)},
                        {QStringLiteral("parameters"), read.parameters}};
            if (auto r = m_workspace.record(e); !r)
                return r;
            ++added;
        }
        return {};
    });
    if (!recorded)
        return recorded.error();
    return added;
}

} // namespace mdp::workspace
