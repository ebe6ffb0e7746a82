#pragma once

#include "mdp/registry/TimelineEvent.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

namespace mdp::registry {

// How one version came about.
enum class EventChange
{
    Create,
    Update,
    Annotate,
    Remove,
    Revert,
    Attach,
    Detach
};
QString eventChangeId(EventChange change); // "create", "update", ...

// One version of an event, as it was after a change: who, when and why.
struct EventVersion
{
    QUuid eventId;
    int version = 0;
    EventDraft content;
    QList<QUuid> attachmentIds; // attachments present at this version
    bool removed = false;
    EventChange change = EventChange::Create;
    QString reason;
    QDateTime changedAt;
    QString changedBy;
};

} // namespace mdp::registry
