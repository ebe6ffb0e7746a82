#include "SecondConnection.h"

#include "AccountLookups.h"
#include "WorkspaceLogging.h"

#include "mdp/audit/AuditLog.h"

namespace mdp::workspace {

SecondConnection::SecondConnection(Parts parts)
    : m_db(std::move(parts.database))
    , m_clock(*parts.clock)
    , m_nodeId(parts.nodeId)
    , m_outbox(std::make_unique<AuditOutbox>(*m_db, *parts.log, *parts.clock, std::move(parts.shipping)))
{
    m_outbox->setSource(m_nodeId);
    m_outbox->setAgentProvider([this] { return systemAgent(); });
}

SecondConnection::~SecondConnection()
{
    if (m_db)
        m_db->setCommitObserver(nullptr);
}

Result<std::unique_ptr<SecondConnection>> SecondConnection::open(Parts parts)
{
    std::unique_ptr<SecondConnection> c(new SecondConnection(std::move(parts)));
    auto accounts = accounts::SqlCipherAccountDirectory::open(*c->m_db, c->m_clock, *c);
    if (!accounts)
        return accounts.error();
    c->m_accounts = std::move(accounts.value());
    SecondConnection *self = c.get();
    c->m_formsAudit = std::make_unique<FormsAuditAdapter>(
        [self] { return self->systemAgent(); },
        [self](audit::AuditEvent event) { return self->recordEvent(std::move(event)); });
    auto store = forms::SqlCipherFormStore::open(
        *c->m_db, *c->m_formsAudit, c->m_clock,
        [self](const QString &id) { return currentRolesOf(*self->m_accounts, self->m_clock, id); },
        [self] { return unlockedDataManagerIds(*self->m_accounts, self->m_clock); });
    if (!store)
        return store.error();
    c->m_rawForms = std::move(store.value());
    c->m_forms = std::make_unique<TransactionalFormStore>(*c->m_rawForms, *c->m_outbox);
    c->m_syncQueue = std::make_unique<SiteSync>(
        *c->m_db, *c->m_rawForms, *c->m_accounts,
        [self](audit::AuditEvent event) { return self->recordEvent(std::move(event)); }, c->m_clock);
    c->m_forms->setSyncQueue(
        [queue = c->m_syncQueue.get()](const QUuid &id) { return queue->enqueueRecord(id); });
    c->m_db->setCommitObserver(c->m_outbox.get());
    return c;
}

audit::AuditAgent SecondConnection::systemAgent() const
{
    return audit::AuditAgent{QStringLiteral("system"), QStringLiteral("system"), m_nodeId, {}};
}

Result<void> SecondConnection::recordEvent(audit::AuditEvent event)
{
    if (event.agent.userId.isEmpty())
        event.agent = systemAgent();
    if (event.agent.nodeId.isEmpty())
        event.agent.nodeId = m_nodeId;
    event.source = m_nodeId;
    return m_outbox->record(std::move(event));
}

void SecondConnection::record(const QString &type, const QString &actorId, const QString &subjectAccountId,
                              bool success, const QString &detail)
{
    audit::AuditEvent e;
    e.type = type;
    e.action = audit::AuditAction::Execute;
    e.outcome = success ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure;
    e.agent = systemAgent();
    if (!actorId.isEmpty())
        e.agent.userId = actorId;
    if (!subjectAccountId.isEmpty())
        e.entities << audit::AuditEntity{QStringLiteral("account"), subjectAccountId};
    if (!detail.isEmpty())
        e.detail.insert(QStringLiteral("reason"), detail);
    if (auto r = recordEvent(std::move(e)); !r)
        qCCritical(lcWorkspace) << "an account audit event could not be written:" << r.error().toString();
}

} // namespace mdp::workspace
