#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace mdp::registry {

// Kinds of events on a patient's lifecycle timeline (R-6.1.2b). The timeline view draws one lane
// per kind.
enum class EventType
{
    FirstVisit,
    Diagnosis,
    BiopsyPathology,
    Surgery,
    RadiotherapyCourse,
    RadiotherapyFraction,
    ChemotherapyCycle,
    ImmunotherapyCycle,
    Imaging,
    Lab,
    Toxicity,
    FollowUp,
    Death
};

// Stable ids: "first-visit", "diagnosis", "biopsy-pathology", "surgery", "radiotherapy-course",
// "radiotherapy-fraction", "chemotherapy-cycle", "immunotherapy-cycle", "imaging", "lab",
// "toxicity", "follow-up", "death".
QString eventTypeId(EventType type);
std::optional<EventType> eventTypeFromId(QStringView id);
QList<EventType> allEventTypes();

} // namespace mdp::registry
