#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

namespace mdp::registry {

// Lineage of one merge (R-6.1.1d): what moved, so unmerge can put it back exactly.
struct MergeRecord
{
    QUuid id;
    QUuid survivorId;
    QUuid mergedId;
    QString survivorPseudonym;
    QString mergedPseudonym;
    QString reason;
    QDateTime mergedAt;
    QString mergedBy;
    QList<QUuid> movedEvents;
    QList<qint64> movedIdentifiers;
    QList<qint64> resolvedCandidates; // duplicate-queue entries closed by the merge
    QJsonObject followers;            // per MergeFollower::name(), the count it moved
    // Set when a data manager merged records whose verified resident IDs differ (MergeOverride).
    QString overrideReason;
    QString overrideBy;
    bool undone = false;
    QDateTime undoneAt;
    QString undoneBy;
    QString undoReason;

    QString idString() const { return id.toString(QUuid::WithoutBraces); }
};

} // namespace mdp::registry
