#pragma once

#include <QString>

namespace mdp::audit {

// Who acted (ATNA ActiveParticipant / FHIR AuditEvent.agent). Account identifiers only: never a
// person's name, national ID or phone number.
struct AuditAgent
{
    QString userId;         // account ID ("system" for the platform itself)
    QString role;           // role the user acted in, e.g. "researcher", "auditor"
    QString nodeId;         // workstation or node the action came from
    QString networkAddress; // IPv4/IPv6 literal when the action came over the network, else empty

    bool operator==(const AuditAgent &) const = default;
};

} // namespace mdp::audit
