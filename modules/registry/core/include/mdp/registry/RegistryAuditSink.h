#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace mdp::registry {

// Event types the registry reports (R-6.1.1d traceability, R-7.4.1). Stable strings.
namespace RegistryEvent {
inline constexpr QStringView PatientCreate = u"patient.create";
inline constexpr QStringView PatientUpdate = u"patient.update";
inline constexpr QStringView PatientView = u"patient.view";
inline constexpr QStringView PatientQuery = u"patient.query";
inline constexpr QStringView PatientMerge = u"patient.merge";
inline constexpr QStringView PatientUnmerge = u"patient.unmerge";
inline constexpr QStringView DuplicateDismiss = u"patient.duplicate-dismiss";
inline constexpr QStringView ProjectPseudonym = u"patient.project-pseudonym";
inline constexpr QStringView TimelineView = u"timeline.view";
inline constexpr QStringView EventAdd = u"timeline.event-add";
inline constexpr QStringView EventUpdate = u"timeline.event-update";
inline constexpr QStringView EventAnnotate = u"timeline.event-annotate";
inline constexpr QStringView EventRemove = u"timeline.event-remove";
inline constexpr QStringView EventRevert = u"timeline.event-revert";
inline constexpr QStringView Attach = u"timeline.attach";
inline constexpr QStringView Detach = u"timeline.detach";
} // namespace RegistryEvent

// One registry action for the audit trail. It names patients by pseudonymous ID only: never names,
// national IDs, contact data or annotation text.
struct RegistryAuditRecord
{
    enum class Action
    {
        Create,
        Read,
        Update,
        Delete,
        Execute
    };

    QString type; // RegistryEvent::*
    Action action = Action::Execute;
    QString actorId;      // account id of whoever acted; empty: whoever is signed in
    QStringList patients; // pseudonymous IDs
    QString objectType;   // "timeline-event", "attachment", "merge", "duplicate" or empty
    QString objectId;     // uuid or number of that object
    bool success = true;
    QJsonObject detail; // counts, reasons, versions; no identifiers
};

// Receives every create, update, merge, unmerge and view. The workspace adapts it to the audit log
// (entity type "patient" with the pseudonymous ID).
class RegistryAuditSink
{
public:
    virtual ~RegistryAuditSink() = default;
    virtual void record(const RegistryAuditRecord &record) = 0;
};

} // namespace mdp::registry
