#pragma once

#include <functional>

#include "mdp/foundation/Result.h"
#include "mdp/registry/Attachment.h"
#include "mdp/registry/DuplicateCandidate.h"
#include "mdp/registry/DuplicateCheck.h"
#include "mdp/registry/EventVersion.h"
#include "mdp/registry/MergeOverride.h"
#include "mdp/registry/MergeRecord.h"
#include "mdp/registry/Patient.h"
#include "mdp/registry/PatientPage.h"
#include "mdp/registry/PatientVersion.h"
#include "mdp/registry/TimelineEvent.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace mdp::registry {

// The master patient index and the patients' lifecycle timelines.
//
// `actor` is the account id of whoever acts; every change and every view is reported to the
// RegistryAuditSink. Changes are atomic: a failure (or a killed process) leaves the state before.
// Error messages name patients by pseudonymous ID only.
class Registry
{
public:
    virtual ~Registry() = default;

    // --- patients ---------------------------------------------------------------------------
    // Validates a draft and looks for existing records of the same person, without saving.
    virtual Result<DuplicateCheck> checkDuplicates(const PatientDraft &draft) = 0;
    // Validates (names, birth date not in the future, each identifier; a resident ID must agree with
    // the birth date and sex), then saves with a new pseudonymous ID. An identifier already held by
    // another patient, where either copy is verified, refuses with Error::Code::AlreadyExists; the
    // message names that patient's pseudonymous ID and checkDuplicates() returns it as `blocking`
    // so the UI can offer it (R-6.1.1b). An identifier another patient holds, verified on neither
    // side, refuses with Error::Code::Conflict naming that patient (checkDuplicates() returns it as
    // `sameIdentifier`) unless `decision` is CreateSeparate with a reason (InvalidArgument without
    // one); the decision is audited and the pair queued. A probable match (name or pinyin, birth
    // date, sex) is saved and the pair queued in possibleDuplicates().
    virtual Result<Patient> createPatient(const QString &actor, const PatientDraft &draft,
                                          const DuplicateDecision &decision) = 0;
    Result<Patient> createPatient(const QString &actor, const PatientDraft &draft)
    {
        return createPatient(actor, draft, DuplicateDecision());
    }
    // Replaces name, sex, birth date and contact (identifiers are kept). `expectedVersion` must be
    // the version the editor started from (Conflict otherwise); the old state stays in the history.
    virtual Result<Patient> updatePatient(const QString &actor, const QUuid &patientId,
                                          const PatientDraft &draft, int expectedVersion,
                                          const QString &reason) = 0;
    virtual Result<Patient> addIdentifier(const QString &actor, const QUuid &patientId,
                                          const PatientIdentifier &identifier) = 0;
    // Audited views. A merged record is returned as it is, with mergedInto set.
    virtual Result<Patient> patient(const QString &actor, const QUuid &patientId) = 0;
    virtual Result<Patient> patientByPseudonym(const QString &actor, const QString &pseudonymId) = 0;
    // The patient holding the identifier now (after a merge, the survivor). Audited as a query.
    virtual Result<std::optional<Patient>> findByIdentifier(const QString &actor,
                                                            const PatientIdentifier &identifier) = 0;
    virtual Result<PatientPage> patients(const QString &actor, const PageRequest &request) = 0;
    // The patients `actor` worked on most recently (registered, changed, or whose timeline they
    // changed), newest first, merged records shown as the record they were merged into. What a
    // patient list shows before anything is typed.
    virtual Result<QList<Patient>> recentPatients(const QString &actor, int limit) = 0;
    // Every demographic version, oldest first.
    virtual Result<QList<PatientVersion>> patientHistory(const QUuid &patientId) = 0;

    // --- duplicates and merge ---------------------------------------------------------------
    virtual Result<QList<DuplicateCandidate>> possibleDuplicates(DuplicateStatus status) = 0;
    virtual Result<void> dismissDuplicate(const QString &actor, qint64 candidateId,
                                          const QString &reason) = 0;
    // Moves the merged patient's events (with their attachments), identifiers and the records of
    // every MergeFollower (form records) to the survivor and marks it merged-into, in one
    // transaction; records what moved (lineage). Refuses self-merge, merged records and an empty
    // reason. Two records holding different verified resident IDs are two people: refused with
    // Error::Code::Conflict unless `mergeOverride` is given, which only a data manager may do (the role
    // of the signed-in principal, PermissionDenied otherwise) with a reason (InvalidArgument).
    virtual Result<MergeRecord> merge(const QString &actor, const QUuid &survivorId, const QUuid &mergedId,
                                      const QString &reason,
                                      const std::optional<MergeOverride> &mergeOverride) = 0;
    Result<MergeRecord> merge(const QString &actor, const QUuid &survivorId, const QUuid &mergedId,
                              const QString &reason)
    {
        return merge(actor, survivorId, mergedId, reason, std::nullopt);
    }
    // Puts back exactly what the merge moved, followers' records included. Refused (Conflict) while a later
    // merge involving either patient is in force: undo that one first.
    virtual Result<MergeRecord> unmerge(const QString &actor, const QUuid &mergeId,
                                        const QString &reason) = 0;
    virtual Result<MergeRecord> mergeRecord(const QUuid &mergeId) = 0;
    // Merges in which the patient was survivor or merged record, oldest first.
    virtual Result<QList<MergeRecord>> lineage(const QUuid &patientId) = 0;

    // Whether another module may file a record under this patient and event (a form record): the
    // patient exists (NotFound) and was not merged into another record (Conflict, naming the
    // survivor); a non-null event exists (NotFound), is on that patient's timeline
    // (InvalidArgument) and was not removed (Conflict). Returns the patient's pseudonymous ID. A
    // check, not a view: not audited. Called inside the caller's transaction, it sees what that
    // transaction will commit against.
    virtual Result<QString> checkRecordSubject(const QUuid &patientId, const QUuid &eventId) = 0;

    // --- timeline ---------------------------------------------------------------------------
    virtual Result<TimelineEvent> addEvent(const QString &actor, const QUuid &patientId,
                                           const EventDraft &draft) = 0;
    // Conflict when `expectedVersion` is not the current version (another window saved first).
    virtual Result<TimelineEvent> updateEvent(const QString &actor, const QUuid &eventId,
                                              const EventDraft &draft, int expectedVersion,
                                              const QString &reason) = 0;
    virtual Result<TimelineEvent> annotateEvent(const QString &actor, const QUuid &eventId,
                                                const QString &annotation, int expectedVersion) = 0;
    // Soft delete: the event leaves the timeline, its versions stay.
    virtual Result<TimelineEvent> removeEvent(const QString &actor, const QUuid &eventId,
                                              const QString &reason) = 0;
    // Undo: a new version whose content (and removed state) is that of `version`.
    virtual Result<TimelineEvent> revertEvent(const QString &actor, const QUuid &eventId, int version,
                                              const QString &reason) = 0;
    virtual Result<TimelineEvent> event(const QString &actor, const QUuid &eventId) = 0;
    // The patient's timeline in time order (audited as a view).
    virtual Result<QList<TimelineEvent>> events(const QString &actor, const QUuid &patientId,
                                                bool includeRemoved = false) = 0;
    // Every version, oldest first.
    virtual Result<QList<EventVersion>> eventHistory(const QUuid &eventId) = 0;

    // Links a vault blob to an event after checking its content (AttachmentInspector) and size.
    virtual Result<Attachment> attach(const QString &actor, const QUuid &eventId,
                                      const AttachmentDraft &draft) = 0;
    virtual Result<void> detach(const QString &actor, const QUuid &attachmentId, const QString &reason) = 0;

    // --- pseudonyms -------------------------------------------------------------------------
    // The patient's pseudonym in a project (stable; a merged record answers with its survivor's).
    virtual Result<QString> projectPseudonym(const QString &actor, const QString &projectId,
                                             const QUuid &patientId) = 0;

    // --- the platform's own indexing ---------------------------------------------------------
    // Every patient (merged ones too) with its diagnosis and pathology events, to build the
    // in-memory search index at unlock. Not a person reading records: not audited; the results must
    // only ever feed the index.
    using IndexVisitor = std::function<void(const Patient &, const QList<TimelineEvent> &)>;
    virtual Result<void> forEachPatientForIndex(const IndexVisitor &visit) = 0;
    // The same for one patient, after a change.
    virtual Result<void> patientForIndex(const QString &pseudonymId, const IndexVisitor &visit) = 0;
    // Called with the pseudonym of every patient a committed change touched (create, update,
    // identifiers, merge, unmerge, events), so the index can follow.
    virtual void setChangeListener(std::function<void(const QString &pseudonymId)> listener) = 0;
};

} // namespace mdp::registry
