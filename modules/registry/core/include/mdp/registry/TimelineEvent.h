#pragma once

#include "mdp/registry/Attachment.h"
#include "mdp/registry/EventTime.h"
#include "mdp/registry/EventType.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace mdp::registry {

// The editable content of a timeline event.
struct EventDraft
{
    EventType type = EventType::FirstVisit;
    EventTime start;
    EventTime end; // null: a point event or still open
    QString title;
    QString annotation;
    QJsonObject payload;       // structured detail (regimen, dose, stage, codes ...)
    QStringList formRecordIds; // links to form records (forms module)

    bool operator==(const EventDraft &) const = default;
};

// A node on a patient's lifecycle timeline (R-6.1.2b-c). Every change makes a new version; the
// old ones stay readable through Registry::eventHistory.
struct TimelineEvent
{
    QUuid id;
    QUuid patientId;
    EventDraft content;
    QList<Attachment> attachments; // current ones (not removed)
    int version = 0;
    bool removed = false; // soft-deleted; still in the history
    QDateTime created;
    QString createdBy;
    QDateTime updated;
    QString updatedBy;

    QString idString() const { return id.toString(QUuid::WithoutBraces); }
};

} // namespace mdp::registry
