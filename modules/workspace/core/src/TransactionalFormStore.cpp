#include "TransactionalFormStore.h"

#include "Authorizer.h"
#include "OneTransaction.h"
#include "WorkspacePolicies.h"

#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/deid/TextDeidentifier.h"
#include "mdp/policy/Classification.h"

#include <QJsonArray>

namespace mdp::workspace {

using namespace forms;

namespace {

// The field's level in the policy in force: a data manager's decision (never below its floor), else
// the default rules'.
int levelOf(const FieldDefinition &field, const QString &formId, const QString &path,
            const policy::PolicySet *set)
{
    const policy::ClassificationSubject subject = WorkspacePolicies::fieldSubject(field, path);
    std::optional<policy::Classification> decided;
    if (set) {
        const auto it = set->fieldClassifications().constFind(WorkspacePolicies::fieldKey(formId, path));
        if (it != set->fieldClassifications().cend())
            decided = it.value();
    }
    return policy::resolveClassification(decided, subject, policy::classify(subject)).level;
}

} // namespace

int TransactionalFormStore::ceiling() const
{
    return m_guard ? m_guard->unmaskedLevel() : policy::kMaxLevel;
}

QHash<QString, int> TransactionalFormStore::fieldLevels(const QString &formId, int version)
{
    const std::shared_ptr<const policy::PolicySet> set = m_policy ? m_policy() : nullptr;
    const QString key = formId + QLatin1Char('/') + QString::number(version) + QLatin1Char('/') +
                        QString::number(set ? set->version() : 0);
    {
        std::lock_guard lock(m_levelsMutex);
        if (const auto it = m_levels.constFind(key); it != m_levels.cend())
            return it.value();
    }
    QHash<QString, int> levels;
    QSet<QString> texts;
    auto definition = m_inner.definition(formId, version);
    if (!definition)
        return levels; // the caller masks every field it cannot place
    for (const FieldDefinition *field : definition->fields()) {
        levels.insert(field->id, levelOf(*field, formId, field->id, set.get()));
        if (field->type == FieldType::Text)
            texts.insert(field->id);
        for (const FieldDefinition &member : field->fields) {
            const QString path = field->id + QLatin1Char('.') + member.id;
            levels.insert(path, levelOf(member, formId, path, set.get()));
            if (member.type == FieldType::Text)
                texts.insert(path);
        }
    }
    std::lock_guard lock(m_levelsMutex);
    m_levels.insert(key, levels);
    m_texts.insert(formId + QLatin1Char('/') + QString::number(version), texts);
    return levels;
}

QSet<QString> TransactionalFormStore::textFields(const QString &formId, int version)
{
    (void)fieldLevels(formId, version);
    std::lock_guard lock(m_levelsMutex);
    return m_texts.value(formId + QLatin1Char('/') + QString::number(version));
}

// Free text may name a patient or a relative whatever its field's level: a session obliged to
// de-identify reads text fields with identifiers replaced (R-5.2c, R-6.6.5b). Codes, dates and numbers
// are left as they are.
void TransactionalFormStore::deidentifyText(QJsonObject &values, const QSet<QString> &texts) const
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (it.value().isString() && texts.contains(it.key())) {
            it.value() = deid::deidentify(it.value().toString());
        } else if (it.value().isArray()) {
            QJsonArray rows = it.value().toArray();
            bool changed = false;
            for (qsizetype i = 0; i < rows.size(); ++i) {
                if (!rows.at(i).isObject())
                    continue;
                QJsonObject row = rows.at(i).toObject();
                for (auto m = row.begin(); m != row.end(); ++m) {
                    if (m.value().isString() && texts.contains(it.key() + QLatin1Char('.') + m.key())) {
                        m.value() = deid::deidentify(m.value().toString());
                        changed = true;
                    }
                }
                rows.replace(i, row);
            }
            if (changed)
                it.value() = rows;
        }
    }
}

void TransactionalFormStore::mask(QJsonObject &values, const QHash<QString, int> &levels, int limit) const
{
    // A value the definition does not place is treated as identifying: it is not shown.
    const auto hidden = [&](const QString &path) { return levels.value(path, policy::kMaxLevel) > limit; };
    for (const QString &key : values.keys()) {
        if (hidden(key)) {
            values.remove(key);
            continue;
        }
        if (!values.value(key).isArray())
            continue;
        QJsonArray rows = values.value(key).toArray();
        bool changed = false;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (!rows.at(i).isObject())
                continue;
            QJsonObject row = rows.at(i).toObject();
            for (const QString &member : row.keys()) {
                if (hidden(key + QLatin1Char('.') + member)) {
                    row.remove(member);
                    changed = true;
                }
            }
            rows[i] = row;
        }
        if (changed)
            values.insert(key, rows);
    }
}

Result<FormRecord> TransactionalFormStore::masked(Result<FormRecord> record)
{
    return masked(std::move(record), ceiling());
}

Result<FormRecord> TransactionalFormStore::masked(Result<FormRecord> record, int limit)
{
    return masked(std::move(record), limit, m_guard && m_guard->deidentifiesReads());
}

Result<FormRecord> TransactionalFormStore::masked(Result<FormRecord> record, int limit, bool deidentify)
{
    if (!record)
        return record;
    if (limit < policy::kMaxLevel) {
        const QHash<QString, int> levels = fieldLevels(record->formId, record->formVersion);
        mask(record->values, levels, limit);
        mask(record->formalValues, levels, limit);
    }
    if (deidentify) {
        const QSet<QString> texts = textFields(record->formId, record->formVersion);
        deidentifyText(record->values, texts);
        deidentifyText(record->formalValues, texts);
        record->lastReason = deid::deidentify(record->lastReason);
    }
    return record;
}

template<typename Call> Result<FormRecord> TransactionalFormStore::syncedWrite(Call &&call)
{
    return inOneTransaction(m_outbox, [&]() -> Result<FormRecord> {
        Result<FormRecord> out = call();
        // The change and its sync entry commit together: a change without its entry would never
        // reach the site.
        if (out && m_syncQueue) {
            if (auto queued = m_syncQueue(out->id); !queued) {
                m_outbox.refuseCommit(queued.error());
                return queued.error();
            }
        }
        return out;
    });
}

TransactionalFormStore::TransactionalFormStore(FormStore &inner, AuditOutbox &outbox, const Authorizer *guard)
    : m_inner(inner)
    , m_outbox(outbox)
    , m_guard(guard)
{}

Result<FormDefinition> TransactionalFormStore::importDefinition(const QString &actor, const QByteArray &json)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.import-definition"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.importDefinition(actor, json); });
}

Result<QList<FormDefinition>> TransactionalFormStore::definitions()
{
    return m_inner.definitions();
}

Result<FormDefinition> TransactionalFormStore::definition(const QString &formId, int version)
{
    return m_inner.definition(formId, version);
}

Result<FormRecord> TransactionalFormStore::createDraft(const QString &actor, const NewRecord &record)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.create-draft"); !ok)
        return ok.error();
    return masked(syncedWrite([&] { return m_inner.createDraft(actor, record); }));
}

Result<FormRecord> TransactionalFormStore::saveDraft(const QString &actor, const QUuid &recordId,
                                                     const QJsonObject &values, int expectedRevision)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.save-draft"); !ok)
        return ok.error();
    const int limit = ceiling();
    return masked(
        syncedWrite([&]() -> Result<FormRecord> {
            if (limit >= policy::kMaxLevel)
                return m_inner.saveDraft(actor, recordId, values, expectedRevision);
            // What this session was not shown it cannot have changed: the stored values of masked fields
            // stay, whatever the values sent say about them.
            auto stored = m_inner.record(actor, recordId);
            if (!stored)
                return stored.error();
            const QHash<QString, int> levels = fieldLevels(stored->formId, stored->formVersion);
            if (levels.isEmpty())
                return makeError(
                    Error::Code::NotFound,
                    QStringLiteral("the record's form definition cannot be read, so what this role may "
                                   "change cannot be told; nothing was saved"));
            QJsonObject merged = values;
            QJsonObject visible = stored->values;
            mask(visible, levels, limit);
            // Free text this session read de-identified is, like a masked field, not its to change.
            if (m_guard && m_guard->deidentifiesReads())
                deidentifyText(visible, textFields(stored->formId, stored->formVersion));
            for (auto it = stored->values.begin(); it != stored->values.end(); ++it) {
                if (!visible.contains(it.key())) {
                    merged.insert(it.key(), it.value()); // a masked field keeps its stored value
                } else if (visible.value(it.key()) != it.value()) {
                    // A group with masked members, or text shown de-identified: it cannot be merged
                    // with what was sent without guessing, so a change to it is refused rather than
                    // dropped.
                    if (values.value(it.key()) != visible.value(it.key()))
                        return makeError(Error::Code::PermissionDenied,
                                         QStringLiteral("\"%1\" holds what your role does not see "
                                                        "(masked fields or identifiers); "
                                                        "it cannot be changed from this session")
                                             .arg(it.key()));
                    merged.insert(it.key(), it.value());
                }
            }

            return m_inner.saveDraft(actor, recordId, merged, expectedRevision);
        }),
        limit);
}

Result<FormRecord> TransactionalFormStore::submit(const QString &actor, const QUuid &recordId,
                                                  int expectedRevision)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.submit"); !ok)
        return ok.error();
    return masked(syncedWrite([&] { return m_inner.submit(actor, recordId, expectedRevision); }));
}

Result<FormRecord> TransactionalFormStore::approve(const QString &actor, const QUuid &recordId,
                                                   int expectedRevision, const QString &comment)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.approve"); !ok)
        return ok.error();
    return masked(syncedWrite([&] { return m_inner.approve(actor, recordId, expectedRevision, comment); }));
}

Result<FormRecord> TransactionalFormStore::reject(const QString &actor, const QUuid &recordId,
                                                  int expectedRevision, const QString &reason)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.reject"); !ok)
        return ok.error();
    return masked(syncedWrite([&] { return m_inner.reject(actor, recordId, expectedRevision, reason); }));
}

Result<FormRecord> TransactionalFormStore::amend(const QString &actor, const QUuid &recordId,
                                                 int expectedRevision, const QString &reason)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.amend"); !ok)
        return ok.error();
    return masked(syncedWrite([&] { return m_inner.amend(actor, recordId, expectedRevision, reason); }));
}

Result<FormRecord> TransactionalFormStore::withdraw(const QString &actor, const QUuid &recordId,
                                                    int expectedRevision)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.withdraw"); !ok)
        return ok.error();
    return masked(syncedWrite([&] { return m_inner.withdraw(actor, recordId, expectedRevision); }));
}

Result<FormRecord> TransactionalFormStore::record(const QString &actor, const QUuid &recordId)
{
    if (auto ok = permitActor(m_guard, actor, Permission::ReadPatients, u"forms.record"); !ok)
        return ok.error();
    auto shown = masked(m_inner.record(actor, recordId));
    if (shown) {
        if (auto audited = deepAudit(shown.value(), u"forms.record"); !audited)
            return audited.error(); // nothing restricted is shown unrecorded
    }
    return shown;
}

Result<void> TransactionalFormStore::deepAudit(const FormRecord &record, QStringView operation)
{
    return deepAudit(QList<FormRecord>{record}, operation);
}

Result<void> TransactionalFormStore::deepAudit(const QList<FormRecord> &records, QStringView operation)
{
    if (!m_guard)
        return {};
    // Level 4 and 5 are deeply audited (R-7.1.2 d): a read that shows such fields is recorded with
    // which ones (their paths, never their values) and of which records, one event per read.
    QSet<QString> shown;
    QStringList recordIds;
    QSet<QString> patients;
    int highest = 0;
    for (const FormRecord &record : records) {
        const QHash<QString, int> levels = fieldLevels(record.formId, record.formVersion);
        bool any = false;
        for (auto it = levels.cbegin(); it != levels.cend(); ++it) {
            if (it.value() < policy::kIdentifyingLevel)
                continue;
            const QString top = it.key().section(QLatin1Char('.'), 0, 0);
            const bool present =
                (record.values.contains(top) && !record.values.value(top).isNull()) ||
                (record.formalValues.contains(top) && !record.formalValues.value(top).isNull());
            if (!present)
                continue;
            shown.insert(record.formId + QLatin1Char('/') + it.key());
            highest = std::max(highest, it.value());
            any = true;
        }
        if (any) {
            recordIds << record.id.toString(QUuid::WithoutBraces);
            if (!record.patientPseudonym.isEmpty())
                patients.insert(record.patientPseudonym);
        }
    }
    if (recordIds.isEmpty())
        return {};
    QStringList fields = shown.values();
    fields.sort();
    audit::AuditEvent event;
    event.type = audit::EventType::DataView.toString();
    event.action = audit::AuditAction::Read;
    // Entities: the records and patients shown (up to 100 each; the count says how many in all).
    for (const QString &id : recordIds.mid(0, 100))
        event.entities << audit::AuditEntity{QStringLiteral("form-record"), id};
    QStringList patientList = patients.values();
    patientList.sort();
    for (const QString &p : patientList.mid(0, 100))
        event.entities << audit::AuditEntity{QStringLiteral("patient"), p};
    event.detail.insert(QStringLiteral("operation"), operation.toString());
    event.detail.insert(QStringLiteral("deepAudit"), true);
    event.detail.insert(QStringLiteral("records"), int(recordIds.size()));
    event.detail.insert(QStringLiteral("level"), highest);
    event.detail.insert(QStringLiteral("shown"), QJsonArray::fromStringList(fields));
    return m_guard->record(std::move(event));
}

Result<QList<FormRecord>> TransactionalFormStore::records(const QString &actor, const RecordFilter &filter)
{
    if (auto ok = permitActor(m_guard, actor, Permission::ReadPatients, u"forms.records"); !ok)
        return ok.error();
    auto all = m_inner.records(actor, filter);
    if (!all)
        return all;
    const int limit = ceiling(); // once for the list, not per record
    const bool deidentify = m_guard && m_guard->deidentifiesReads();
    for (FormRecord &one : all.value()) {
        auto shown = masked(std::move(one), limit, deidentify);
        one = std::move(shown.value());
    }
    if (auto audited = deepAudit(all.value(), u"forms.records"); !audited)
        return audited.error();
    return all;
}

Result<QList<RecordVersion>> TransactionalFormStore::history(const QString &actor, const QUuid &recordId)
{
    if (auto ok = permitActor(m_guard, actor, Permission::ReadPatients, u"forms.history"); !ok)
        return ok.error();
    auto versions = m_inner.history(actor, recordId);
    if (!versions || !m_guard)
        return versions;
    const int limit = ceiling();
    auto current = m_inner.record(actor, recordId);
    if (!current)
        return current.error();
    const QHash<QString, int> levels = fieldLevels(current->formId, current->formVersion);
    // What every version showed, for the deep audit.
    FormRecord shown = current.value();
    shown.values = {};
    shown.formalValues = {};
    const bool deidentify = m_guard->deidentifiesReads();
    const QSet<QString> texts =
        deidentify ? textFields(current->formId, current->formVersion) : QSet<QString>{};
    for (RecordVersion &version : versions.value()) {
        if (limit < policy::kMaxLevel)
            mask(version.values, levels, limit);
        if (deidentify) {
            deidentifyText(version.values, texts);
            version.reason = deid::deidentify(version.reason);
        }
        for (auto it = version.values.constBegin(); it != version.values.constEnd(); ++it)
            if (!it.value().isNull())
                shown.values.insert(it.key(), it.value());
    }
    if (auto audited = deepAudit(shown, u"forms.history"); !audited)
        return audited.error();
    return versions;
}

Result<void> TransactionalFormStore::setReviewerProfile(const QString &actor, const ReviewerProfile &profile)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.set-reviewer-profile"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.setReviewerProfile(actor, profile); });
}

Result<QList<ReviewerProfile>> TransactionalFormStore::reviewerProfiles()
{
    return m_inner.reviewerProfiles();
}

Result<QList<ReviewTask>> TransactionalFormStore::inbox(const QString &reviewerId)
{
    if (auto ok = permitSelfOr(m_guard, reviewerId, Permission::ManageReviews, u"forms.inbox"); !ok)
        return ok.error();
    return m_inner.inbox(reviewerId);
}

Result<QList<ReviewTask>> TransactionalFormStore::openTasks()
{
    if (auto ok = permit(m_guard, Permission::ManageReviews, u"forms.open-tasks"); !ok)
        return ok.error();
    return m_inner.openTasks();
}

Result<ReviewTask> TransactionalFormStore::reassign(const QString &actor, qint64 taskId,
                                                    const QString &newReviewerId, const QString &reason)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.reassign"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.reassign(actor, taskId, newReviewerId, reason); });
}

Result<QList<ReviewTask>> TransactionalFormStore::escalateOverdue()
{
    if (auto ok = permit(m_guard, Permission::ManageReviews, u"forms.escalate-overdue"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.escalateOverdue(); });
}

Result<int> TransactionalFormStore::noteSecurityAlerts(const QList<SecurityAlertNotice> &)
{
    // Made only by the workspace's alert rules, with the security.alert event each names (through the
    // store itself, inside that event's transaction); nobody makes one through the session's store.
    return makeError(Error::Code::PermissionDenied,
                     QStringLiteral("security alerts are raised by the audit alert rules only"));
}

Result<int> TransactionalFormStore::noteGrantReminders(const QList<GrantReminder> &due)
{
    // Made by the workstation's own schedule for the grants it holds (the system acts, as when
    // overdue reviews escalate).
    if (auto ok = permit(m_guard, Permission::ManageReviews, u"forms.grant-reminders"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.noteGrantReminders(due); });
}

void TransactionalFormStore::setReviewPeriodSeconds(qint64 seconds)
{
    m_inner.setReviewPeriodSeconds(seconds);
}

Result<QList<Notification>> TransactionalFormStore::notifications(const QString &accountId, bool unreadOnly)
{
    if (auto ok = permitSelfOr(m_guard, accountId, Permission::AdministerAccounts, u"forms.notifications");
        !ok)
        return ok.error();
    return m_inner.notifications(accountId, unreadOnly);
}

Result<int> TransactionalFormStore::unreadCount(const QString &accountId)
{
    if (auto ok = permitSelfOr(m_guard, accountId, Permission::AdministerAccounts, u"forms.unread-count");
        !ok)
        return ok.error();
    return m_inner.unreadCount(accountId);
}

Result<void> TransactionalFormStore::markRead(const QString &accountId, qint64 notificationId)
{
    if (auto ok = permitSelfOr(m_guard, accountId, Permission::AdministerAccounts, u"forms.mark-read"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.markRead(accountId, notificationId); });
}

Result<void> TransactionalFormStore::markAllRead(const QString &accountId)
{
    if (auto ok = permitSelfOr(m_guard, accountId, Permission::AdministerAccounts, u"forms.mark-all-read");
        !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.markAllRead(accountId); });
}

Result<QList<FormStore::PendingEmail>> TransactionalFormStore::pendingEmails()
{
    if (auto ok = permit(m_guard, Permission::AdministerAccounts, u"forms.pending-emails"); !ok)
        return ok.error();
    return m_inner.pendingEmails();
}

Result<void> TransactionalFormStore::markEmailed(qint64 notificationId, bool delivered, const QString &error)
{
    if (auto ok = permit(m_guard, Permission::AdministerAccounts, u"forms.mark-emailed"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.markEmailed(notificationId, delivered, error); });
}

Result<void> TransactionalFormStore::setNotificationEmail(const QString &actor, const QString &accountId,
                                                          const QString &address)
{
    if (auto ok = permitActing(m_guard, actor, u"forms.set-notification-email"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox,
                            [&] { return m_inner.setNotificationEmail(actor, accountId, address); });
}

void TransactionalFormStore::setChangeListener(std::function<void(const QUuid &recordId)> listener)
{
    m_inner.setChangeListener(std::move(listener));
}

} // namespace mdp::workspace
