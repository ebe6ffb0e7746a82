#include "WorkspaceGrants.h"

#include "mdp/access/GrantDocument.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/crypto/Signature.h"
#include "mdp/policy/Engine.h"
#include "mdp/store/Database.h"

#include <QSet>

namespace mdp::workspace {

WorkspaceGrants::WorkspaceGrants(store::Database &db, policy::Engine &engine, Recorder record,
                                 const Clock &clock, Workstation workstation)
    : m_db(db)
    , m_engine(engine)
    , m_record(std::move(record))
    , m_clock(clock)
    , m_workstation(std::move(workstation))
{}

Result<int> WorkspaceGrants::replaceFor(const QString &accountId, const QString &userName,
                                        const QList<QByteArray> &envelopes, const QByteArray &issuerKeyDer)
{
    auto issuer = crypto::PublicKey::fromDer(issuerKeyDer);
    if (!issuer)
        return makeError(Error::Code::Tampered, QStringLiteral("the server's grant key is not a public key"));
    const QString workstation = m_workstation();
    const QDateTime now = m_clock.now().toUTC();
    QList<std::pair<access::GrantDocument, QByteArray>> taken;
    QStringList refused;
    for (const QByteArray &envelope : envelopes) {
        // Verified as of now; one that ended already is not kept (nothing to enforce).
        auto grant = access::GrantDocument::verify(envelope, *issuer, userName, workstation, now);
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
                    "not_after, received_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
                {grant.id, accountId, userName, envelope, issuerKeyDer, grant.notAfter.toMSecsSinceEpoch(),
                 now.toMSecsSinceEpoch()});
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
        "SELECT id, account_id, user_name, envelope, issuer_key FROM access_grants ORDER BY id"));
    if (!rows)
        return rows.error();
    const QString workstation = m_workstation();
    const QDateTime now = m_clock.now().toUTC();
    QList<policy::Grant> grants;
    for (const store::Row &row : rows.value()) {
        auto issuer = crypto::PublicKey::fromDer(row.at(4).toByteArray());
        Result<access::GrantDocument> grant =
            issuer ? access::GrantDocument::verify(row.at(3).toByteArray(), *issuer, row.at(2).toString(),
                                                   workstation, now)
                   : Result<access::GrantDocument>(issuer.error());
        if (!grant) {
            // Ended: simply no longer in force. Anything else (altered, another workstation's) is kept out
            // and reported.
            if (!grant.error().message.contains(QStringLiteral("expired"))) {
                audit::AuditEvent alert;
                alert.type = audit::EventType::SecurityAlert.toString();
                alert.action = audit::AuditAction::Execute;
                alert.outcome = audit::AuditOutcome::SeriousFailure;
                alert.entities << audit::AuditEntity{QStringLiteral("grant"), row.at(0).toString()};
                alert.detail = {{QStringLiteral("alert"), QStringLiteral("grant-refused")},
                                {QStringLiteral("reason"), grant.error().message.left(200)}};
                (void)m_record(std::move(alert));
            }
            continue;
        }
        grants << grant->toPolicyGrant(row.at(1).toString());
    }
    m_engine.setGrants(grants);
    return int(grants.size());
}

Result<QList<WorkspaceGrants::Summary>> WorkspaceGrants::inForceFor(const QString &accountId)
{
    auto rows = m_db.query(QStringLiteral("SELECT user_name, envelope, issuer_key FROM access_grants WHERE "
                                          "account_id = ?1 ORDER BY not_after, id"),
                           {accountId});
    if (!rows)
        return rows.error();
    QList<Summary> out;
    for (const store::Row &row : rows.value()) {
        auto issuer = crypto::PublicKey::fromDer(row.at(2).toByteArray());
        if (!issuer)
            continue;
        auto grant = access::GrantDocument::verify(row.at(1).toByteArray(), *issuer, row.at(0).toString(),
                                                   m_workstation(), m_clock.now().toUTC());
        if (!grant)
            continue;
        out << Summary{grant->id,           grant->requestNumber, grant->scope.project, grant->scope.maxLevel,
                       grant->notBefore,    grant->notAfter,      grant->approvers,     grant->aggregateOnly,
                       grant->exportAllowed};
    }
    return out;
}

} // namespace mdp::workspace
