#include "FormsRows.h"

#include <QJsonDocument>

namespace mdp::forms::rows {

QString uuidText(const QUuid &id)
{
    return id.isNull() ? QString() : id.toString(QUuid::WithoutBraces);
}

QDateTime timeFrom(const QVariant &ms)
{
    if (!ms.isValid() || ms.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC);
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

QJsonObject objectFrom(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

QStringList stringListFrom(const QVariant &text)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(text.toString().toUtf8()).array();
    for (const QJsonValue &v : array)
        out << v.toString();
    return out;
}

std::optional<Transition> transitionFromId(QStringView id)
{
    for (const Transition t : {Transition::SaveDraft, Transition::Submit, Transition::Approve,
                               Transition::Reject, Transition::Amend, Transition::Withdraw}) {
        if (transitionId(t) == id)
            return t;
    }
    return std::nullopt;
}

QString taskStateId(TaskState state)
{
    switch (state) {
    case TaskState::Open:
        return QStringLiteral("open");
    case TaskState::Done:
        return QStringLiteral("done");
    case TaskState::Reassigned:
        return QStringLiteral("reassigned");
    case TaskState::Withdrawn:
        return QStringLiteral("withdrawn");
    }
    return QStringLiteral("open");
}

TaskState taskStateFrom(QStringView id)
{
    for (const TaskState s :
         {TaskState::Open, TaskState::Done, TaskState::Reassigned, TaskState::Withdrawn}) {
        if (taskStateId(s) == id)
            return s;
    }
    return TaskState::Open;
}

// Kept here rather than relying on notificationKindId(): the stored text is part of the schema.
QString notificationKindText(Notification::Kind kind)
{
    using K = Notification::Kind;
    switch (kind) {
    case K::ReviewAssigned:
        return QStringLiteral("review-assigned");
    case K::ReviewReassigned:
        return QStringLiteral("review-reassigned");
    case K::ReviewOverdue:
        return QStringLiteral("review-overdue");
    case K::RecordApproved:
        return QStringLiteral("record-approved");
    case K::RecordRejected:
        return QStringLiteral("record-rejected");
    case K::GrantExpiring:
        return QStringLiteral("grant-expiring");
    case K::SecurityAlert:
        return QStringLiteral("security-alert");
    }
    return QStringLiteral("review-assigned");
}

Notification::Kind notificationKindFrom(QStringView id)
{
    using K = Notification::Kind;
    for (const K k : {K::ReviewAssigned, K::ReviewReassigned, K::ReviewOverdue, K::RecordApproved,
                      K::RecordRejected, K::GrantExpiring, K::SecurityAlert}) {
        if (notificationKindText(k) == id)
            return k;
    }
    return K::ReviewAssigned;
}

FormRecord record(const store::Row &row)
{
    FormRecord r;
    r.id = QUuid::fromString(row.at(0).toString());
    r.formId = row.at(1).toString();
    r.formVersion = int(row.at(2).toLongLong());
    r.patientId = QUuid::fromString(row.at(3).toString());
    r.patientPseudonym = row.at(4).toString();
    r.eventId = QUuid::fromString(row.at(5).toString());
    r.projectId = row.at(6).toString();
    r.category = row.at(7).toString();
    r.status = recordStatusFromId(row.at(8).toString()).value_or(RecordStatus::Draft);
    r.revision = int(row.at(9).toLongLong());
    r.formalVersion = int(row.at(10).toLongLong());
    r.creatorId = row.at(11).toString();
    r.ownerId = row.at(12).toString();
    r.submitterId = row.at(13).toString();
    r.reviewerId = row.at(14).toString();
    r.lastReason = row.at(15).toString();
    r.values = objectFrom(row.at(16));
    r.formalValues = objectFrom(row.at(17));
    r.createdAt = timeFrom(row.at(18));
    r.updatedAt = timeFrom(row.at(19));
    return r;
}

RecordVersion version(const store::Row &row)
{
    RecordVersion v;
    v.revision = int(row.at(0).toLongLong());
    v.transition = transitionFromId(row.at(1).toString()).value_or(Transition::SaveDraft);
    v.status = recordStatusFromId(row.at(2).toString()).value_or(RecordStatus::Draft);
    v.formalVersion = int(row.at(3).toLongLong());
    v.actorId = row.at(4).toString();
    v.at = timeFrom(row.at(5));
    v.reason = row.at(6).toString();
    v.values = objectFrom(row.at(7));
    return v;
}

ReviewTask task(const store::Row &row)
{
    ReviewTask t;
    t.id = row.at(0).toLongLong();
    t.recordId = QUuid::fromString(row.at(1).toString());
    t.formId = row.at(2).toString();
    t.category = row.at(3).toString();
    t.projectId = row.at(4).toString();
    t.patientPseudonym = row.at(5).toString();
    t.submitterId = row.at(6).toString();
    t.reviewerId = row.at(7).toString();
    t.state = taskStateFrom(row.at(8).toString());
    t.assignedAt = timeFrom(row.at(9));
    t.dueAt = timeFrom(row.at(10));
    t.escalated = row.at(11).toLongLong() != 0;
    t.submission = int(row.at(12).toLongLong());
    return t;
}

Notification notification(const store::Row &row)
{
    Notification n;
    n.id = row.at(0).toLongLong();
    n.recipientId = row.at(1).toString();
    n.kind = notificationKindFrom(row.at(2).toString());
    n.recordId = QUuid::fromString(row.at(3).toString());
    n.patientPseudonym = row.at(4).toString();
    n.formId = row.at(5).toString();
    n.actorId = row.at(6).toString();
    n.reason = row.at(7).toString();
    n.at = timeFrom(row.at(8));
    n.read = row.at(9).isValid() && !row.at(9).isNull();
    n.emailPending = row.at(10).toString() == QStringLiteral("pending");
    return n;
}

} // namespace mdp::forms::rows
