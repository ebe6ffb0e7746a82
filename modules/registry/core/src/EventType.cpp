#include "mdp/registry/EventType.h"

#include "mdp/registry/DuplicateCandidate.h"
#include "mdp/registry/EventVersion.h"

namespace mdp::registry {

QString eventTypeId(EventType type)
{
    switch (type) {
    case EventType::FirstVisit:
        return QStringLiteral("first-visit");
    case EventType::Diagnosis:
        return QStringLiteral("diagnosis");
    case EventType::BiopsyPathology:
        return QStringLiteral("biopsy-pathology");
    case EventType::Surgery:
        return QStringLiteral("surgery");
    case EventType::RadiotherapyCourse:
        return QStringLiteral("radiotherapy-course");
    case EventType::RadiotherapyFraction:
        return QStringLiteral("radiotherapy-fraction");
    case EventType::ChemotherapyCycle:
        return QStringLiteral("chemotherapy-cycle");
    case EventType::ImmunotherapyCycle:
        return QStringLiteral("immunotherapy-cycle");
    case EventType::Imaging:
        return QStringLiteral("imaging");
    case EventType::Lab:
        return QStringLiteral("lab");
    case EventType::Toxicity:
        return QStringLiteral("toxicity");
    case EventType::FollowUp:
        return QStringLiteral("follow-up");
    case EventType::Death:
        return QStringLiteral("death");
    }
    return {};
}

QList<EventType> allEventTypes()
{
    return {EventType::FirstVisit,
            EventType::Diagnosis,
            EventType::BiopsyPathology,
            EventType::Surgery,
            EventType::RadiotherapyCourse,
            EventType::RadiotherapyFraction,
            EventType::ChemotherapyCycle,
            EventType::ImmunotherapyCycle,
            EventType::Imaging,
            EventType::Lab,
            EventType::Toxicity,
            EventType::FollowUp,
            EventType::Death};
}

std::optional<EventType> eventTypeFromId(QStringView id)
{
    for (EventType t : allEventTypes()) {
        if (eventTypeId(t) == id)
            return t;
    }
    return std::nullopt;
}

QString eventChangeId(EventChange change)
{
    switch (change) {
    case EventChange::Create:
        return QStringLiteral("create");
    case EventChange::Update:
        return QStringLiteral("update");
    case EventChange::Annotate:
        return QStringLiteral("annotate");
    case EventChange::Remove:
        return QStringLiteral("remove");
    case EventChange::Revert:
        return QStringLiteral("revert");
    case EventChange::Attach:
        return QStringLiteral("attach");
    case EventChange::Detach:
        return QStringLiteral("detach");
    }
    return {};
}

QString duplicateStatusId(DuplicateStatus status)
{
    switch (status) {
    case DuplicateStatus::Open:
        return QStringLiteral("open");
    case DuplicateStatus::Dismissed:
        return QStringLiteral("dismissed");
    case DuplicateStatus::Merged:
        return QStringLiteral("merged");
    }
    return {};
}

} // namespace mdp::registry
