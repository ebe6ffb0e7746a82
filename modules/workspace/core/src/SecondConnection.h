#pragma once

#include "AuditOutbox.h"
#include "FormsAuditAdapter.h"
#include "SiteSync.h"
#include "TransactionalFormStore.h"

#include "mdp/accounts/AccountAuditSink.h"
#include "mdp/accounts/SqlCipherAccountDirectory.h"
#include "mdp/forms/SqlCipherFormStore.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/WorkspaceConnection.h"

#include <memory>

namespace mdp::workspace {

// Workspace::openConnection(): a database connection with its own outbox (shipping shared with the
// workspace), account lookups and form store, all used from one background thread.
class SecondConnection final : public WorkspaceConnection, private accounts::AccountAuditSink
{
public:
    struct Parts
    {
        std::unique_ptr<store::Database> database;
        audit::AuditLog *log = nullptr;
        const Clock *clock = nullptr;
        std::shared_ptr<AuditShipping> shipping;
        QString nodeId;
    };
    static Result<std::unique_ptr<SecondConnection>> open(Parts parts);
    ~SecondConnection() override;

    store::Database &database() override { return *m_db; }
    forms::FormStore &forms() override { return *m_forms; }
    // Workspace-internal parts (the site sync's): the store without the session checks, the accounts.
    forms::SqlCipherFormStore &rawForms() { return *m_rawForms; }
    accounts::AccountDirectory &accounts() { return *m_accounts; }
    const Clock &clock() const { return m_clock; }
    // Records as the system (into this connection's outbox inside a transaction).
    Result<void> recordEvent(audit::AuditEvent event);

private:
    explicit SecondConnection(Parts parts);
    // Account changes are never made here; a refused lookup is still reported.
    void record(const QString &type, const QString &actorId, const QString &subjectAccountId, bool success,
                const QString &detail) override;
    audit::AuditAgent systemAgent() const;

    // Declaration order is teardown order in reverse: what reports outlives what it reports to.
    std::unique_ptr<store::Database> m_db;
    const Clock &m_clock;
    QString m_nodeId;
    std::unique_ptr<AuditOutbox> m_outbox;
    std::unique_ptr<accounts::SqlCipherAccountDirectory> m_accounts;
    std::unique_ptr<FormsAuditAdapter> m_formsAudit;
    std::unique_ptr<forms::SqlCipherFormStore> m_rawForms;
    std::unique_ptr<TransactionalFormStore> m_forms;
    std::unique_ptr<SiteSync> m_syncQueue; // queues this connection's record changes
};

} // namespace mdp::workspace
