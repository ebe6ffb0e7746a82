#pragma once

#include "mdp/audit/AuditEvent.h"

#include <QString>

namespace mdp::workspace {

// The registry's and the forms module's audit records have the same shape (type, action, actor,
// patient pseudonyms, one acted-on object, success, detail) without sharing a type, since neither
// module depends on the other. One translation into an audit event serves both adapters.
template<typename Record> audit::AuditEvent domainAuditEvent(const Record &r, audit::AuditAgent agent)
{
    using A = typename Record::Action;
    audit::AuditEvent e;
    e.type = r.type;
    switch (r.action) {
    case A::Create:
        e.action = audit::AuditAction::Create;
        break;
    case A::Read:
        e.action = audit::AuditAction::Read;
        break;
    case A::Update:
        e.action = audit::AuditAction::Update;
        break;
    case A::Delete:
        e.action = audit::AuditAction::Delete;
        break;
    case A::Execute:
        e.action = audit::AuditAction::Execute;
        break;
    }
    e.outcome = r.success ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure;
    e.agent = std::move(agent);
    // The module acts for the account named in the call; should that not be the session's account,
    // the session's role is not claimed for it.
    if (!r.actorId.isEmpty() && e.agent.userId != r.actorId) {
        e.agent.userId = r.actorId;
        e.agent.role.clear();
    }
    for (const QString &pseudonym : r.patients) {
        const audit::AuditEntity entity{QStringLiteral("patient"), pseudonym};
        if (!pseudonym.isEmpty() && !e.entities.contains(entity))
            e.entities << entity;
    }
    if (!r.objectType.isEmpty() && !r.objectId.isEmpty())
        e.entities << audit::AuditEntity{r.objectType, r.objectId};
    e.detail = r.detail;
    return e;
}

} // namespace mdp::workspace
