#pragma once

#include "mdp/forms/RecordStatus.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUuid>

namespace mdp::forms {

// One record: a filled form about one patient, optionally attached to a timeline event.
struct FormRecord
{
    QUuid id;
    QString formId;
    int formVersion = 0;
    QUuid patientId;
    QString patientPseudonym; // for lists, notices and audit (never a name)
    QUuid eventId;            // the timeline event it belongs to; null when none
    QString projectId;        // review routing (R-6.2.3a); empty: the site's default project
    QString category;         // copied from the definition at creation
    RecordStatus status = RecordStatus::Draft;
    int revision = 0;         // increases with every write; writes name the revision they start from
    int formalVersion = 0;    // last approved formal version in force; 0 = never approved
    QString creatorId;        // account id
    QString ownerId;          // who holds the draft: the creator, or whoever started an amendment
    QString submitterId;      // last submitter
    QString reviewerId;       // current reviewer while pending
    QString lastReason;       // reason of the last rejection (or amendment)
    QJsonObject values;       // working values (the draft/pending content)
    QJsonObject formalValues; // values of formal version `formalVersion` (empty when none)
    QDateTime createdAt;
    QDateTime updatedAt;
};

// Every write makes one version (R-6.1.1d, R-6.2.2d): who, when, why, which transition and the
// values at that point. Formal versions carry their number.
struct RecordVersion
{
    int revision = 0;
    Transition transition = Transition::SaveDraft;
    RecordStatus status = RecordStatus::Draft;
    int formalVersion = 0; // > 0 on the version that approved formal version N
    QString actorId;
    QDateTime at;
    QString reason;
    QJsonObject values;
};

enum class TaskState
{
    Open,
    Done,
    Reassigned,
    Withdrawn,
};

struct ReviewTask
{
    qint64 id = 0;
    QUuid recordId;
    QString formId;
    QString category;
    QString projectId;
    QString patientPseudonym;
    QString submitterId;
    QString reviewerId;
    TaskState state = TaskState::Open;
    QDateTime assignedAt;
    QDateTime dueAt;
    bool escalated = false;
    int submission = 1; // 1 for the first submission of this revision line, 2 after a resubmit, ...
};

// In-app notice (R-6.2.3b, R-6.2.4e). The text is built from ids and pseudonyms, never names.
struct Notification
{
    enum class Kind
    {
        ReviewAssigned,
        ReviewReassigned,
        ReviewOverdue,
        RecordApproved,
        RecordRejected,
        GrantExpiring, // issue 12: formId holds the request number, reason the days left
        SecurityAlert, // issue 13: formId holds the alert rule, reason how many events it saw
    };
    qint64 id = 0;
    QString recipientId;
    Kind kind = Kind::ReviewAssigned;
    QUuid recordId;
    QString patientPseudonym;
    QString formId;
    QString actorId;
    QString reason;
    QDateTime at;
    bool read = false;
    bool emailPending = false; // waiting for the mail dispatcher
};

QString notificationKindId(Notification::Kind kind);

} // namespace mdp::forms
