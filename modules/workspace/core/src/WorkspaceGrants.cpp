#include "WorkspaceGrants.h"

#include "mdp/access/GrantDocument.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/crypto/Signature.h"
#include "mdp/policy/Engine.h"
#include "mdp/store/Database.h"

#include <QSet>

namespace mdp::workspace {

WorkspaceGrants::WorkspaceGrants(store::Database &db, policy::Engine &engine, Recorder record,
                                 const Clock &clock, Workstation workstation, PinnedKey pinnedKey)
    : m_db(db)
    , m_engine(engine)
    , m_record(std::move(record))
    , m_clock(clock)
    , m_workstation(std::move(workstation))
    , m_pinnedKey(std::move(pinnedKey))
{}

QByteArray WorkspaceGrants::keyFor(const QByteArray &kept) const
{
    const QByteArray pinned = m_pinnedKey ? m_pinnedKey() : QByteArray();
    return pinned.isEmpty() ? kept : pinned;
}

Result<access::GrantDocument> WorkspaceGrants::openKept(const QByteArray &envelope, const QByteArray &key,
                                                        const QString &userName, bool *outsideWindow) const
{
    *outsideWindow = false;
    auto issuer = crypto::PublicKey::fromDer(key);
    if (!issuer)
        return issuer.error();
    auto grant = access::GrantDocument::open(envelope, *issuer);
    if (!grant)
        return grant.error();
    if (grant->subject.compare(userName, Qt::CaseInsensitive) != 0 ||
        grant->workstation != m_workstation().toLower())
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("the grant is another account's or another workstation's"));
    const QDateTime now = m_clock.now().toUTC();
    *outsideWindow = now < grant->notBefore || now >= grant->notAfter;
    return grant;
}

Result<int> WorkspaceGrants::replaceFor(const QString &accountId, const QString &userName,
                                        const QList<QByteArray> &envelopes, const QByteArray &issuerKeyDer)
{
    // Signed with the witness key this workstation pinned, or (none pinned yet) the one the server
    // sent over the site's mutual TLS. Another key than the pinned one takes nothing (and keeps what
    // is kept).
    const QByteArray pinned = m_pinnedKey ? m_pinnedKey() : QByteArray();
    if (!pinned.isEmpty() && pinned != issuerKeyDer) {
        audit::AuditEvent alert;
        alert.type = audit::EventType::SecurityAlert.toString();
        alert.action = audit::AuditAction::Execute;
        alert.outcome = audit::AuditOutcome::SeriousFailure;
        alert.entities << audit::AuditEntity{QStringLiteral("account"), accountId};
        alert.detail = {
            {QStringLiteral("alert"), QStringLiteral("grant-key-mismatch")},
            {QStringLiteral("reason"), QStringLiteral("the grants are signed with another key than the "
                                                      "server's pinned witness key")}};
        (void)m_record(std::move(alert));
        return makeError(Error::Code::Tampered,
                         QStringLiteral("the grants are not signed with the server's pinned key"));
    }
    auto issuer = crypto::PublicKey::fromDer(issuerKeyDer);
    if (!issuer)
        return makeError(Error::Code::Tampered, QStringLiteral("the server's grant key is not a public key"));
    const QString workstation = m_workstation();
    QList<std::pair<access::GrantDocument, QByteArray>> taken;
    QStringList refused;
    auto revokedRows = m_db.query(QStringLiteral("SELECT grant_id FROM access_grant_revocations"));
    if (!revokedRows)
        return revokedRows.error();
    QSet<QString> revoked;
    for (const store::Row &row : revokedRows.value())
        revoked.insert(row.at(0).toString());
    // The server signed each grant of this account and workstation at its start: time has reached
    // that at least.
    for (const QByteArray &envelope : envelopes) {
        auto grant = access::GrantDocument::open(envelope, *issuer);
        if (grant && m_witness && grant->subject.compare(userName, Qt::CaseInsensitive) == 0 &&
            grant->workstation == workstation.toLower())
            m_witness(grant->notBefore);
    }
    const QDateTime now = m_clock.now().toUTC();
    for (const QByteArray &envelope : envelopes) {
        // Its signature, the account and this workstation; one that ended already is not kept
        // (nothing to enforce), one that begins later is (this clock may be behind the server's).
        auto grant = access::GrantDocument::open(envelope, *issuer);
        if (grant && (grant->subject.compare(userName, Qt::CaseInsensitive) != 0 ||
                      grant->workstation != workstation.toLower()))
            grant = makeError(Error::Code::PermissionDenied,
                              QStringLiteral("the grant is another account's or another workstation's"));
        if (grant && now >= grant->notAfter)
            grant = makeError(Error::Code::PermissionDenied, QStringLiteral("the grant has ended"));
        if (grant && revoked.contains(grant->id))
            grant = makeError(Error::Code::PermissionDenied, QStringLiteral("the site revoked the grant"));
        if (grant)
            taken.append({*grant, envelope});
        else
            refused << grant.error().message.left(120);
    }
    auto done = m_db.transaction([&]() -> Result<void> {
        auto removed =
            m_db.execute(QStringLiteral("DELETE FROM access_grants WHERE account_id = ?1"), {accountId});
        if (!removed)
            return removed.error();
        for (const auto &[grant, envelope] : std::as_const(taken)) {
            auto inserted = m_db.execute(
                QStringLiteral(
                    "INSERT OR REPLACE INTO access_grants (id, account_id, user_name, envelope, issuer_key, "
                    "not_after, received_at, request_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
                {grant.id, accountId, userName, envelope, issuerKeyDer, grant.notAfter.toMSecsSinceEpoch(),
                 now.toMSecsSinceEpoch(), grant.requestNumber});
            if (!inserted)
                return inserted.error();
        }
        audit::AuditEvent event;
        event.type = QStringLiteral("access.grants");
        event.action = audit::AuditAction::Update;
        event.outcome = refused.isEmpty() ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure;
        event.entities << audit::AuditEntity{QStringLiteral("account"), accountId};
        for (const auto &[grant, envelope] : std::as_const(taken))
            event.entities << audit::AuditEntity{QStringLiteral("grant"), grant.id};
        event.detail = {{QStringLiteral("taken"), int(taken.size())},
                        {QStringLiteral("refused"), int(refused.size())},
                        {QStringLiteral("via"), QStringLiteral("server-sign-in")}};
        if (!refused.isEmpty())
            event.detail.insert(QStringLiteral("reason"), refused.first());
        return m_record(std::move(event));
    });
    if (!done)
        return done.error();
    if (auto loaded = load(); !loaded)
        return loaded.error();
    return int(taken.size());
}

Result<int> WorkspaceGrants::load()
{
    auto rows = m_db.query(QStringLiteral(
        "SELECT id, account_id, user_name, envelope, issuer_key FROM access_grants WHERE id NOT IN (SELECT "
        "grant_id FROM access_grant_revocations) ORDER BY id"));
    if (!rows)
        return rows.error();
    const QString workstation = m_workstation();
    const QDateTime now = m_clock.now().toUTC();
    QList<policy::Grant> grants;
    for (const store::Row &row : rows.value()) {
        bool outside = false;
        auto grant = openKept(row.at(3).toByteArray(), keyFor(row.at(4).toByteArray()), row.at(2).toString(),
                              &outside);
        if (!grant) {
            // Altered, or another account's or workstation's: kept out and reported.
            audit::AuditEvent alert;
            alert.type = audit::EventType::SecurityAlert.toString();
            alert.action = audit::AuditAction::Execute;
            alert.outcome = audit::AuditOutcome::SeriousFailure;
            alert.entities << audit::AuditEntity{QStringLiteral("grant"), row.at(0).toString()};
            alert.detail = {{QStringLiteral("alert"), QStringLiteral("grant-refused")},
                            {QStringLiteral("reason"), grant.error().message.left(200)}};
            (void)m_record(std::move(alert));
            continue;
        }
        if (outside)
            continue; // not in force now (ended, or not begun): no alert
        grants << grant->toPolicyGrant(row.at(1).toString());
    }
    m_engine.setGrants(grants);
    return int(grants.size());
}

Result<bool> WorkspaceGrants::reloadIfRevoked()
{
    auto count = m_db.queryOne(QStringLiteral("SELECT count(*) FROM access_grant_revocations"));
    if (!count)
        return count.error();
    const qint64 now = count->has_value() ? (*count)->at(0).toLongLong() : 0;
    if (now == m_revocationsSeen)
        return false;
    m_revocationsSeen = now;
    if (auto loaded = load(); !loaded)
        return loaded.error();
    return true;
}

Result<QList<WorkspaceGrants::Summary>> WorkspaceGrants::inForceFor(const QString &accountId)
{
    auto rows = m_db.query(QStringLiteral("SELECT user_name, envelope, issuer_key FROM access_grants WHERE "
                                          "account_id = ?1 AND id NOT IN (SELECT grant_id FROM "
                                          "access_grant_revocations) ORDER BY not_after, id"),
                           {accountId});
    if (!rows)
        return rows.error();
    QList<Summary> out;
    for (const store::Row &row : rows.value()) {
        bool outside = false;
        auto grant = openKept(row.at(1).toByteArray(), keyFor(row.at(2).toByteArray()), row.at(0).toString(),
                              &outside);
        if (!grant || outside)
            continue;
        out << Summary{grant->id,           grant->requestNumber, grant->scope.project, grant->scope.maxLevel,
                       grant->notBefore,    grant->notAfter,      grant->approvers,     grant->aggregateOnly,
                       grant->exportAllowed};
    }
    return out;
}

} // namespace mdp::workspace
