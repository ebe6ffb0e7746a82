#pragma once

#include <QString>

namespace mdp::audit {

// What was acted on (FHIR AuditEvent.entity): a data type and a pseudonymous ID. IDs that look like
// national IDs or phone numbers, or contain spaces or non-ASCII text (names), are refused by
// AuditEvent::validate().
struct AuditEntity
{
    QString type; // "patient", "record", "study", "series", "form", "grant", "export", "key", ...
    QString id;   // pseudonymous or internal ID

    // Index key for queries by data ID: type and id joined by U+001F (cannot occur in either).
    QString key() const { return type + QChar(0x1F) + id; }

    bool operator==(const AuditEntity &) const = default;
};

} // namespace mdp::audit
