#pragma once

#include "mdp/registry/Attachment.h"
#include "mdp/registry/EventVersion.h"
#include "mdp/registry/Patient.h"
#include "mdp/registry/TimelineEvent.h"
#include "mdp/store/Database.h"

#include <QJsonArray>
#include <QJsonObject>

// Conversions between the registry tables' rows and the domain types. The column lists here are
// the order the functions expect.
namespace mdp::registry::rows {

inline const QString kPatientColumns = QStringLiteral(
    "id, pseudonym, family_name, given_name, family_name_latin, given_name_latin, pinyin, pinyin_initials, "
    "sex, birth_date, phone, email, address, version, created_at, created_by, updated_at, updated_by, "
    "merged_into, identity");
// The identity fields of a patient snapshot; sealed together under the identity key.
inline const QStringList kSnapshotIdentityFields{
    QStringLiteral("family"),      QStringLiteral("given"),      QStringLiteral("family_latin"),
    QStringLiteral("given_latin"), QStringLiteral("phone"),      QStringLiteral("email"),
    QStringLiteral("address"),     QStringLiteral("identifiers")};
inline const QString kEventColumns = QStringLiteral(
    "id, patient_id, version, type, start_at, end_at, title, annotation, payload, form_records, "
    "removed, created_at, created_by, updated_at, updated_by");
inline const QString kVersionColumns =
    QStringLiteral("event_id, version, type, start_at, end_at, title, annotation, payload, form_records, "
                   "attachments, removed, change, reason, changed_at, changed_by");
inline const QString kAttachmentColumns = QStringLiteral(
    "id, event_id, blob_id, media_type, file_name, size, added_at, added_by, removed_at, removed_by");

QString uuidText(const QUuid &id);
QDateTime timeFrom(const QVariant &ms);
QVariant optionalText(const QString &text); // NULL for empty

// The row's plain columns; the identity fields are filled from columns 2-7 and 10-12, which only
// rows from before identity was sealed still hold (see SqlCipherRegistry's Impl::decode).
Patient patient(const store::Row &row);
constexpr int kPatientIdentityColumn = 19;
QJsonObject patientSnapshot(const Patient &patient); // for registry_patient_versions
Patient patientFromSnapshot(const QJsonObject &snapshot);

// Event content columns (type .. form_records) as parameters, in kEventColumns order.
QVariantList contentParams(const EventDraft &content);
TimelineEvent event(const store::Row &row);
EventVersion version(const store::Row &row);
Attachment attachment(const store::Row &row);

QString jsonText(const QJsonArray &array);
QString jsonText(const QJsonObject &object);
QJsonArray uuidArray(const QList<QUuid> &ids);
QList<QUuid> uuidList(const QJsonArray &array);

} // namespace mdp::registry::rows
