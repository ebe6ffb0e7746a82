#pragma once

#include <QtGlobal>

namespace mdp::timeline {

// The kinds of medical event a patient's timeline shows; each kind has its own lane (see Lanes).
// The numeric values are the lane order from top to bottom and index per-lane arrays.
enum class EventType : quint8
{
    FirstVisit,
    Diagnosis,
    Pathology, // biopsy and pathology reports
    Surgery,
    Radiotherapy, // courses as spans, fractions as marks inside
    Chemotherapy,
    Immunotherapy,
    Imaging,
    Lab,
    Toxicity,
    FollowUp,
    Death,
};

inline constexpr int kEventTypeCount = 12;

constexpr int laneIndex(EventType type)
{
    return static_cast<int>(type);
}

} // namespace mdp::timeline
