#include "mdp/timeline/Lanes.h"

#include <QCoreApplication>

namespace mdp::timeline {

namespace {

// Muted hues that stay apart from each other and from the accent blue of the selection; toxicity
// carries the warm colours (its grades go from amber to red).
QList<LaneDefinition> makeStandard()
{
    return {
        {EventType::FirstVisit, QStringLiteral("first-visit"),
         QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "First visit"), 0x546e7a},
        {EventType::Diagnosis, QStringLiteral("diagnosis"),
         QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Diagnosis"), 0x6a4fb3},
        {EventType::Pathology, QStringLiteral("pathology"),
         QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Biopsy and pathology"), 0xa8477a},
        {EventType::Surgery, QStringLiteral("surgery"), QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Surgery"),
         0x00796b},
        {EventType::Radiotherapy, QStringLiteral("radiotherapy"),
         QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Radiotherapy"), 0xc76b12},
        {EventType::Chemotherapy, QStringLiteral("chemotherapy"),
         QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Chemotherapy"), 0x2e7d32},
        {EventType::Immunotherapy, QStringLiteral("immunotherapy"),
         QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Immunotherapy"), 0x1d6fb8},
        {EventType::Imaging, QStringLiteral("imaging"), QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Imaging"),
         0x3f51b5},
        {EventType::Lab, QStringLiteral("lab"), QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Laboratory"),
         0x7d6a5a},
        {EventType::Toxicity, QStringLiteral("toxicity"),
         QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Toxicity"), 0xc62828},
        {EventType::FollowUp, QStringLiteral("follow-up"),
         QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Follow-up"), 0x00838f},
        {EventType::Death, QStringLiteral("death"), QT_TRANSLATE_NOOP("mdp::timeline::Lanes", "Death"),
         0x37474f},
    };
}

} // namespace

const QList<LaneDefinition> &Lanes::standard()
{
    static const QList<LaneDefinition> lanes = makeStandard();
    return lanes;
}

const LaneDefinition &Lanes::definition(EventType type)
{
    return standard().at(laneIndex(type));
}

QString Lanes::key(EventType type)
{
    return definition(type).key;
}

std::optional<EventType> Lanes::fromKey(QStringView key)
{
    for (const LaneDefinition &lane : standard()) {
        if (lane.key == key)
            return lane.type;
    }
    return std::nullopt;
}

QString Lanes::label(EventType type)
{
    return QCoreApplication::translate("mdp::timeline::Lanes", definition(type).sourceLabel);
}

quint32 Lanes::colour(EventType type)
{
    return definition(type).rgb;
}

quint32 Lanes::markerColour(EventType type, Severity severity)
{
    switch (severity) {
    case Severity::None:
        break;
    case Severity::Mild:
        if (type == EventType::Toxicity)
            return 0xe0a100;
        break;
    case Severity::Moderate:
        if (type == EventType::Toxicity)
            return 0xe06a00;
        break;
    case Severity::Severe:
        return 0xc62828;
    case Severity::Critical:
        return 0x8e1b1b;
    }
    return colour(type);
}

} // namespace mdp::timeline
