#pragma once

#include "mdp/forms/FormRecord.h"
#include "mdp/forms/ReviewAssignment.h"
#include "mdp/store/Database.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

// Conversions between the forms tables' rows and the domain types. The column lists are the order
// the functions expect.
namespace mdp::forms::rows {

inline const QString kRecordColumns = QStringLiteral(
    "id, form_id, form_version, patient_id, patient_pseudonym, event_id, project_id, category, status, "
    "revision, formal_version, creator_id, owner_id, submitter_id, reviewer_id, last_reason, values_json, "
    "formal_json, created_at, updated_at");
inline const QString kVersionColumns =
    QStringLiteral("revision, transition, status, formal_version, actor_id, at, reason, values_json");
// Over forms_review_tasks t JOIN forms_records r.
inline const QString kTaskColumns = QStringLiteral(
    "t.id, t.record_id, r.form_id, r.category, r.project_id, r.patient_pseudonym, t.submitter_id, "
    "t.reviewer_id, t.state, t.assigned_at, t.due_at, t.escalated, t.submission");
inline const QString kNotificationColumns = QStringLiteral(
    "n.id, n.recipient_id, n.kind, n.record_id, n.patient_pseudonym, n.form_id, n.actor_id, n.reason, n.at, "
    "n.read_at, n.email_state");

QString uuidText(const QUuid &id);
QDateTime timeFrom(const QVariant &ms);
QString jsonText(const QJsonObject &object);
QString jsonText(const QStringList &list);
QJsonObject objectFrom(const QVariant &text);
QStringList stringListFrom(const QVariant &text);

std::optional<Transition> transitionFromId(QStringView id);
QString taskStateId(TaskState state);
TaskState taskStateFrom(QStringView id);
QString notificationKindText(Notification::Kind kind);
Notification::Kind notificationKindFrom(QStringView id);

FormRecord record(const store::Row &row);
RecordVersion version(const store::Row &row);
ReviewTask task(const store::Row &row);
Notification notification(const store::Row &row);

} // namespace mdp::forms::rows
