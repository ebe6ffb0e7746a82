#pragma once

#include "mdp/accounts/AccountAuditSink.h"
#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/CheckpointSigner.h"
#include "mdp/crypto/KeyAuditSink.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Clock.h"
#include "mdp/workspace/Sm2CheckpointSigner.h"

#include <QList>

#include <functional>
#include <optional>

namespace mdp::audit {
class AuditLog;
}

namespace mdp::workspace {

// Adapts the lower layers' reporting seams (key operations, account events) to the audit log. Key
// events that happen before the audit log is open (unlocking the keyring and unwrapping the audit
// key itself) are held and written as soon as it is. Account events go through the recorder once
// one is set, so those of an account change join its transaction (AuditOutbox).
class AuditForwarder final : public crypto::KeyAuditSink, public accounts::AccountAuditSink
{
public:
    explicit AuditForwarder(const Clock &clock);

    void attach(audit::AuditLog *log, const QString &nodeId);
    void setAgentProvider(std::function<audit::AuditAgent()> provider) { m_agent = std::move(provider); }
    void setRecorder(std::function<Result<void>(audit::AuditEvent)> recorder)
    {
        m_recorder = std::move(recorder);
    }
    // Adds what the workspace records about the acting session to every event (see SessionOrigin).
    void setEventStamp(std::function<void(audit::AuditEvent &)> stamp) { m_stamp = std::move(stamp); }

    void keyEvent(crypto::KeyAction action, const QString &keyId, const QString &purpose, bool success,
                  const QString &detail) override;
    void record(const QString &type, const QString &actorId, const QString &subjectAccountId, bool success,
                const QString &detail) override;

    // Set once an event could not be written; the workspace refuses further work then.
    const std::optional<Error> &failure() const { return m_failure; }

private:
    void emitEvent(audit::AuditEvent event);

    const Clock &m_clock;
    audit::AuditLog *m_log = nullptr;
    QString m_nodeId;
    QList<audit::AuditEvent> m_pending;
    std::function<audit::AuditAgent()> m_agent;
    std::function<Result<void>(audit::AuditEvent)> m_recorder;
    std::function<void(audit::AuditEvent &)> m_stamp;
    std::optional<Error> m_failure;
};

} // namespace mdp::workspace
