#include "WorkspaceSinks.h"

#include "WorkspaceLogging.h"

#include "mdp/audit/AuditLog.h"

namespace mdp::workspace {

AuditForwarder::AuditForwarder(const Clock &clock)
    : m_clock(clock)
{}

void AuditForwarder::attach(audit::AuditLog *log, const QString &nodeId)
{
    m_log = log;
    m_nodeId = nodeId;
    if (!m_log)
        return;
    const QList<audit::AuditEvent> pending = std::exchange(m_pending, {});
    for (const auto &e : pending)
        emitEvent(e);
}

void AuditForwarder::emitEvent(audit::AuditEvent event)
{
    if (m_stamp)
        m_stamp(event);
    if (event.agent.userId.isEmpty()) {
        if (m_agent)
            event.agent = m_agent();
        else
            event.agent = audit::AuditAgent{QStringLiteral("system"), QStringLiteral("system"), m_nodeId, {}};
    }
    if (event.agent.nodeId.isEmpty())
        event.agent.nodeId = m_nodeId;
    event.source = m_nodeId;
    if (!m_log) {
        event.occurred = m_clock.now();
        m_pending << event;
        return;
    }
    if (auto r = m_log->appendDurable(std::move(event)); !r) {
        // Remembered so the workspace refuses to go on (no sign-in without a recorded sign-in).
        m_failure = r.error();
        qCCritical(lcWorkspace) << "an audit event could not be written:" << r.error().toString();
    }
}

void AuditForwarder::keyEvent(crypto::KeyAction action, const QString &keyId, const QString &purpose,
                              bool success, const QString &detail)
{
    audit::AuditEvent e;
    const QString name = crypto::keyActionName(action);
    e.type = name.startsWith(QStringLiteral("key.")) ? name : QStringLiteral("key.") + name;
    switch (action) {
    case crypto::KeyAction::CreateRoot:
    case crypto::KeyAction::CreateKek:
    case crypto::KeyAction::CreateDataKey:
    case crypto::KeyAction::AddSlot:
        e.action = audit::AuditAction::Create;
        break;
    case crypto::KeyAction::UnlockRoot:
    case crypto::KeyAction::UseDataKey:
        e.action = audit::AuditAction::Read;
        break;
    case crypto::KeyAction::DestroyKek:
    case crypto::KeyAction::DestroyDataKey:
    case crypto::KeyAction::RemoveSlot:
        e.action = audit::AuditAction::Delete;
        break;
    default:
        e.action = audit::AuditAction::Update;
        break;
    }
    e.outcome = success ? audit::AuditOutcome::Success : audit::AuditOutcome::SeriousFailure;
    // Entity ids are restricted to [A-Za-z0-9._:-]; KEK names use '/' ("kek/audit/v2").
    QString entityId = keyId;
    entityId.replace(QLatin1Char('/'), QLatin1Char(':'));
    e.entities << audit::AuditEntity{QStringLiteral("key"), entityId};
    if (!purpose.isEmpty())
        e.detail.insert(QStringLiteral("purpose"), purpose);
    if (!detail.isEmpty())
        e.detail.insert(QStringLiteral("reason"), detail);
    emitEvent(std::move(e));
}

void AuditForwarder::record(const QString &type, const QString &actorId, const QString &subjectAccountId,
                            bool success, const QString &detail)
{
    audit::AuditEvent e;
    e.type = type;
    e.action = audit::AuditAction::Execute;
    e.outcome = success ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure;
    if (!actorId.isEmpty()) {
        e.agent = m_agent ? m_agent() : audit::AuditAgent{};
        if (e.agent.userId != actorId) {
            e.agent.userId = actorId;
            e.agent.role.clear();
        }
    } else {
        e.agent = audit::AuditAgent{QStringLiteral("anonymous"), {}, m_nodeId, {}};
    }
    if (!subjectAccountId.isEmpty())
        e.entities << audit::AuditEntity{QStringLiteral("account"), subjectAccountId};
    if (!detail.isEmpty())
        e.detail.insert(QStringLiteral("reason"), detail);
    if (m_recorder && m_log) {
        if (m_stamp)
            m_stamp(e);
        if (auto r = m_recorder(std::move(e)); !r) {
            m_failure = r.error();
            qCCritical(lcWorkspace) << "an account audit event could not be written:" << r.error().toString();
        }
        return;
    }
    emitEvent(std::move(e));
}

} // namespace mdp::workspace
