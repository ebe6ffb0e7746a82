#pragma once

#include "mdp/forms/FormStore.h"
#include "mdp/foundation/Clock.h"

#include <QStringList>
#include <QStringView>

#include <functional>
#include <memory>

namespace mdp::store {
class Database;
} // namespace mdp::store

namespace mdp::forms {

class FormsAuditSink;

// FormStore over the workspace's encrypted database (tables from migrations/NNN_*.sql, module
// "forms"). Every write reads, checks and writes inside one Database::transaction (BEGIN
// IMMEDIATE), so two windows or two processes acting on the same record are serialised and the
// second sees the first's revision. Not thread-safe, like the Database it uses.
class SqlCipherFormStore final : public FormStore
{
public:
    // Role ids ("clinician", "reviewer", "data-manager", "system-admin", ...) an account holds now.
    using RoleLookup = std::function<QStringList(const QString &accountId)>;
    // Accounts told about overdue reviews (R-6.2.3c).
    using DataManagerLookup = std::function<QStringList()>;
    // Where a new record may be filed: the workspace asks the registry
    // (Registry::checkRecordSubject) about the record's patient and event (null when none). Returns
    // the patient's pseudonymous ID, which replaces whatever the caller passed, or the error that
    // refuses the record. Called inside createDraft's transaction.
    using SubjectCheck = std::function<Result<QString>(const QUuid &patientId, const QUuid &eventId)>;

    struct Options
    {
        qint64 reviewPeriodSeconds = 3 * 24 * 3600;
        // The workspace always sets it. Unset (a store with no registry: benchmarks, the mail
        // dispatcher's tests) the caller's patient and pseudonym are taken as given.
        SubjectCheck subjectCheck;
        // TEST ONLY: called at named steps inside write transactions ("approve.version-written",
        // "approve.task-closed", "approve.notified", ...); an error aborts the transaction as a
        // crash at that point would.
        std::function<Result<void>(QStringView step)> faultInjector;
    };

    // Applies the forms migrations (module "forms") and builds the store. The database, sink and
    // clock must outlive it.
    static Result<std::unique_ptr<SqlCipherFormStore>> open(store::Database &database,
                                                            FormsAuditSink &auditSink, const Clock &clock,
                                                            RoleLookup roles, DataManagerLookup dataManagers);
    static Result<std::unique_ptr<SqlCipherFormStore>> open(store::Database &database,
                                                            FormsAuditSink &auditSink, const Clock &clock,
                                                            RoleLookup roles, DataManagerLookup dataManagers,
                                                            Options options);
    // Applies the forms migrations only; `open` calls it.
    static Result<int> migrate(store::Database &database);

    // Expects the migrations applied (see open()).
    SqlCipherFormStore(store::Database &database, FormsAuditSink &auditSink, const Clock &clock,
                       RoleLookup roles, DataManagerLookup dataManagers);
    SqlCipherFormStore(store::Database &database, FormsAuditSink &auditSink, const Clock &clock,
                       RoleLookup roles, DataManagerLookup dataManagers, Options options);
    ~SqlCipherFormStore() override;

    Result<FormDefinition> importDefinition(const QString &actor, const QByteArray &json) override;
    Result<QList<FormDefinition>> definitions() override;
    Result<FormDefinition> definition(const QString &formId, int version = 0) override;

    Result<FormRecord> createDraft(const QString &actor, const NewRecord &record) override;
    Result<FormRecord> saveDraft(const QString &actor, const QUuid &recordId, const QJsonObject &values,
                                 int expectedRevision) override;
    Result<FormRecord> submit(const QString &actor, const QUuid &recordId, int expectedRevision) override;
    Result<FormRecord> approve(const QString &actor, const QUuid &recordId, int expectedRevision,
                               const QString &comment = {}) override;
    Result<FormRecord> reject(const QString &actor, const QUuid &recordId, int expectedRevision,
                              const QString &reason) override;
    Result<FormRecord> amend(const QString &actor, const QUuid &recordId, int expectedRevision,
                             const QString &reason) override;
    Result<FormRecord> withdraw(const QString &actor, const QUuid &recordId, int expectedRevision) override;

    Result<FormRecord> record(const QString &actor, const QUuid &recordId) override;
    Result<QList<FormRecord>> records(const QString &actor, const RecordFilter &filter) override;
    Result<QList<RecordVersion>> history(const QString &actor, const QUuid &recordId) override;

    Result<void> setReviewerProfile(const QString &actor, const ReviewerProfile &profile) override;
    Result<QList<ReviewerProfile>> reviewerProfiles() override;
    Result<QList<ReviewTask>> inbox(const QString &reviewerId) override;
    Result<QList<ReviewTask>> openTasks() override;
    Result<ReviewTask> reassign(const QString &actor, qint64 taskId, const QString &newReviewerId,
                                const QString &reason) override;
    Result<QList<ReviewTask>> escalateOverdue() override;
    Result<int> noteGrantReminders(const QList<GrantReminder> &due) override;
    Result<int> noteSecurityAlerts(const QList<SecurityAlertNotice> &alerts) override;
    void setReviewPeriodSeconds(qint64 seconds) override;

    Result<QList<Notification>> notifications(const QString &accountId, bool unreadOnly = false) override;
    Result<int> unreadCount(const QString &accountId) override;
    Result<void> markRead(const QString &accountId, qint64 notificationId) override;
    Result<void> markAllRead(const QString &accountId) override;
    Result<QList<PendingEmail>> pendingEmails() override;
    Result<void> markEmailed(qint64 notificationId, bool delivered, const QString &error = {}) override;
    Result<void> setNotificationEmail(const QString &actor, const QString &accountId,
                                      const QString &address) override;

    void setChangeListener(std::function<void(const QUuid &recordId)> listener) override;

    // --- following the registry's merges (R-6.1.1d) -----------------------------------------------
    // Moves every record of patient `from` to `to` under `toPseudonym` and returns their ids. For a
    // registry merge: called inside its transaction, on the same database, it commits or rolls
    // back with the merge; not audited here (the merge's event counts the records).
    Result<QList<QUuid>> moveRecordsToPatient(const QUuid &from, const QUuid &to, const QString &toPseudonym);
    // Puts `recordIds` back from `from` to `to` (unmerge). Corrupt when one is no longer with `from`.
    Result<void> moveRecordsBack(const QList<QUuid> &recordIds, const QUuid &from, const QUuid &to,
                                 const QString &toPseudonym);

    // --- site sync (issue 11 part 5, R-7.4.1) ------------------------------------------------------
    // Workspace-internal: the workspace's sync reaches them on its own connection; they are not part
    // of FormStore, so no session (and no screen) can call them.
    struct SyncState
    {
        FormRecord record;                             // as stored: account ids are this database's
        Transition transition = Transition::SaveDraft; // of the version that made `record.revision`
        QString actorId;                               // who made that version
        QString reason;
        int formalVersionMade = 0; // > 0 when that version approved formal version N
        QByteArray definitionJson; // the record's form definition (compact JSON)
    };
    // The record's current state and the version that made it.
    Result<SyncState> syncState(const QUuid &recordId);
    // Writes a state another workstation made: the record row, its version, and the review task
    // following the status (an open task for the reviewer while pending, closed otherwise); the form
    // definition is stored first when it is missing. Returns false, and writes nothing, when the
    // record here is at that revision or later, or when the change is one the workflow forbids
    // (checked against the record held here: the next revision, the lifecycle, who may make the
    // transition, the fields no transition changes, the formal version, the form's rules); then
    // `*refusal` says why. An error is a fault here (the database), not of the entry. Not audited
    // here: the caller records its event in the same transaction.
    Result<bool> applySyncState(const SyncState &state, QString *refusal = nullptr);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::forms
