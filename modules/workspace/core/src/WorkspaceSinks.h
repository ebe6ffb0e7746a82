#pragma once

#include "mdp/accounts/AccountAuditSink.h"
#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/CheckpointSigner.h"
#include "mdp/crypto/KeyAuditSink.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Clock.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/Sm2CheckpointSigner.h"

#include <QList>

#include <functional>
#include <optional>

namespace mdp::audit {
class AuditLog;
}

namespace mdp::workspace {

// Adapts the lower layers' reporting seams (key operations, account events, database commits) to
// the audit log. Key events that happen before the audit log is open (unlocking the keyring and
// unwrapping the audit key itself) are held and written as soon as it is.
class AuditForwarder final : public crypto::KeyAuditSink,
                             public accounts::AccountAuditSink,
                             public store::CommitObserver
{
public:
    explicit AuditForwarder(const Clock &clock);

    void attach(audit::AuditLog *log, const QString &nodeId);
    void setAgentProvider(std::function<audit::AuditAgent()> provider) { m_agent = std::move(provider); }
    // Adds what the workspace records about the acting session to every event (see SessionOrigin).
    void setEventStamp(std::function<void(audit::AuditEvent &)> stamp) { m_stamp = std::move(stamp); }

    void keyEvent(crypto::KeyAction action, const QString &keyId, const QString &purpose, bool success,
                  const QString &detail) override;
    void record(const QString &type, const QString &actorId, const QString &subjectAccountId, bool success,
                const QString &detail) override;
    void committed(qint64 commitCounter) override;

    // Set once an event could not be written; the workspace refuses further work then.
    const std::optional<Error> &failure() const { return m_failure; }
    // The entity under which every database commit is recorded in the chain.
    static audit::AuditEntity databaseEntity();

private:
    void emitEvent(audit::AuditEvent event);

    const Clock &m_clock;
    audit::AuditLog *m_log = nullptr;
    QString m_nodeId;
    QList<audit::AuditEvent> m_pending;
    std::function<audit::AuditAgent()> m_agent;
    std::function<void(audit::AuditEvent &)> m_stamp;
    std::optional<Error> m_failure;
};

} // namespace mdp::workspace
