#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/SecureBytes.h"
#include "mdp/registry/ActingPrincipal.h"
#include "mdp/registry/AttachmentInspector.h"
#include "mdp/registry/Registry.h"

#include <QJsonObject>
#include <QList>
#include <QStringView>

#include <functional>
#include <memory>
#include <optional>
#include <utility>

namespace mdp::store {
class Database;
class Vault;
} // namespace mdp::store

namespace mdp::registry {

class IdentitySeal;
class MergeFollower;
class RegistryAuditSink;

// Registry over the workspace's encrypted database (tables from migrations/NNN_*.sql, module
// "registry"). Every write runs in one Database::transaction, so the database's own locking makes
// two writers (two windows, two processes) see each other's patients; the unique index on verified
// identifiers is the last word. Not thread-safe, like the Database it uses.
class SqlCipherRegistry final : public Registry
{
public:
    struct Options
    {
        // Where attached blobs are read for the content check; attach() refuses without it.
        store::Vault *vault = nullptr;
        qint64 maxAttachmentBytes = AttachmentInspector::kDefaultMaxBytes;
        // Pairs scoring at least this are queued as possible duplicates.
        double duplicateThreshold = 0.75;
        // Moved with every merge and unmerge, inside its transaction (form records). Each must
        // outlive the registry and work on the same database.
        QList<MergeFollower *> mergeFollowers;
        // The signed-in principal, for decisions reserved to a role (merge overrides). Without it
        // such decisions are refused.
        PrincipalProvider principal;
        // The workspace data key "identity" (32 bytes), for sessions whose roles may see identity.
        // Without it names, contacts and identifier values read back empty, and creating, editing,
        // merging, identifier look-ups and duplicate checks are refused (PermissionDenied). With it,
        // rows written before identity was sealed are sealed at open.
        std::optional<SecureBytes> identityKey;
        // TEST ONLY: called at named steps inside write transactions ("merge.events-moved",
        // "merge.identifiers-moved", "unmerge.events-moved", "create.patient-inserted"); an error
        // aborts the transaction as a crash at that point would.
        std::function<Result<void>(QStringView step)> faultInjector;
    };

    // Applies the registry migrations. `pseudonymKey` is the workspace data key "registry-pseudonym"
    // (32 bytes). The database, clock and sink must outlive the registry.
    static Result<std::unique_ptr<SqlCipherRegistry>> open(store::Database &database, const Clock &clock,
                                                           RegistryAuditSink &auditSink,
                                                           const SecureBytes &pseudonymKey);
    static Result<std::unique_ptr<SqlCipherRegistry>> open(store::Database &database, const Clock &clock,
                                                           RegistryAuditSink &auditSink,
                                                           const SecureBytes &pseudonymKey, Options options);
    ~SqlCipherRegistry() override;

    // What forEachPatientForIndex() reads, streamed from any connection to the registry's database
    // (the workspace builds its search index on a second connection, off the GUI thread): each
    // patient once with its diagnosis and pathology events, one patient's rows in memory at a time.
    // `keepGoing` is asked before each patient; false stops the scan (Error::Code::Cancelled).
    // With a `pseudonym`, only that patient. Reads only; not audited, for the same reason as
    // forEachPatientForIndex().
    // With `identityKey` (see Options::identityKey) the names come opened; without, empty.
    static Result<void> scanForIndex(store::Database &database, const IndexVisitor &visit,
                                     const std::function<bool()> &keepGoing = {},
                                     const QString &pseudonym = {}, const SecureBytes *identityKey = nullptr);

    // Renewing the identity key (issue 9 part 6): every sealed patient identity, identifier value
    // and history snapshot is opened with the key this registry holds and sealed again under
    // `newKey`, and the identifier index is recomputed under it. Runs inside the caller's transaction
    // (Error::Code::Conflict without one), which makes it whole or nothing; from then on this registry
    // uses the new key (useIdentityKey() puts the old one back when that transaction is rolled
    // back). Returns how many values were re-sealed. Needs the identity key (PermissionDenied).
    Result<qint64> renewIdentityKey(const SecureBytes &newKey);
    // Whether `identityKey` opens the database's sealed identity (its first and last sealed patient and
    // its first sealed identifier); nothing when nothing is sealed yet.
    static Result<std::optional<bool>> identityKeyOpens(store::Database &database,
                                                        const SecureBytes &identityKey);
    Result<void> useIdentityKey(const SecureBytes &key);

    Result<DuplicateCheck> checkDuplicates(const PatientDraft &draft) override;
    using Registry::createPatient;
    using Registry::merge;
    Result<Patient> createPatient(const QString &actor, const PatientDraft &draft,
                                  const DuplicateDecision &decision) override;
    Result<Patient> updatePatient(const QString &actor, const QUuid &patientId, const PatientDraft &draft,
                                  int expectedVersion, const QString &reason) override;
    Result<Patient> addIdentifier(const QString &actor, const QUuid &patientId,
                                  const PatientIdentifier &identifier) override;
    Result<Patient> patient(const QString &actor, const QUuid &patientId) override;
    Result<Patient> patientByPseudonym(const QString &actor, const QString &pseudonymId) override;
    Result<std::optional<Patient>> findByIdentifier(const QString &actor,
                                                    const PatientIdentifier &identifier) override;
    Result<PatientPage> patients(const QString &actor, const PageRequest &request) override;
    Result<QList<Patient>> recentPatients(const QString &actor, int limit) override;
    Result<QList<PatientVersion>> patientHistory(const QUuid &patientId) override;

    Result<QList<DuplicateCandidate>> possibleDuplicates(DuplicateStatus status) override;
    Result<void> dismissDuplicate(const QString &actor, qint64 candidateId, const QString &reason) override;
    Result<MergeRecord> merge(const QString &actor, const QUuid &survivorId, const QUuid &mergedId,
                              const QString &reason,
                              const std::optional<MergeOverride> &mergeOverride) override;
    Result<MergeRecord> unmerge(const QString &actor, const QUuid &mergeId, const QString &reason) override;
    Result<MergeRecord> mergeRecord(const QUuid &mergeId) override;
    Result<QList<MergeRecord>> lineage(const QUuid &patientId) override;
    Result<QString> checkRecordSubject(const QUuid &patientId, const QUuid &eventId) override;

    Result<TimelineEvent> addEvent(const QString &actor, const QUuid &patientId,
                                   const EventDraft &draft) override;
    Result<TimelineEvent> updateEvent(const QString &actor, const QUuid &eventId, const EventDraft &draft,
                                      int expectedVersion, const QString &reason) override;
    Result<TimelineEvent> annotateEvent(const QString &actor, const QUuid &eventId, const QString &annotation,
                                        int expectedVersion) override;
    Result<TimelineEvent> removeEvent(const QString &actor, const QUuid &eventId,
                                      const QString &reason) override;
    Result<TimelineEvent> revertEvent(const QString &actor, const QUuid &eventId, int version,
                                      const QString &reason) override;
    Result<TimelineEvent> event(const QString &actor, const QUuid &eventId) override;
    Result<QList<TimelineEvent>> events(const QString &actor, const QUuid &patientId,
                                        bool includeRemoved = false) override;
    Result<QList<EventVersion>> eventHistory(const QUuid &eventId) override;

    Result<Attachment> attach(const QString &actor, const QUuid &eventId,
                              const AttachmentDraft &draft) override;
    Result<void> detach(const QString &actor, const QUuid &attachmentId, const QString &reason) override;

    // ---- Site sync (issue 11 part 5, R-7.4.1) ----
    // A patient's and an event's full current state as plain JSON, for the workspace to seal and send
    // to the other workstations of the site. A patient's names, contacts and identifiers are under
    // "identity" (needs the identity key: PermissionDenied otherwise); actors are this registry's
    // actor ids (the caller maps them to user names). The latest version's change, reason, time and
    // actor come with it. An event lists every attachment it ever had (removed ones with their time).
    Result<QJsonObject> patientReplica(const QUuid &patientId);
    // Whether this registry holds the identity key (patients can be written).
    bool holdsIdentity() const;
    Result<QJsonObject> eventReplica(const QUuid &eventId);
    // The event an attachment belongs to and the vault blob that holds its bytes.
    Result<std::pair<QUuid, QString>> attachmentPlace(const QUuid &attachmentId);

    enum class ReplicaApplied
    {
        Applied,
        Unchanged, // at or below the version held here
    };
    // Applies a replica from another workstation inside the caller's transaction (Error::Code::Conflict
    // without one), actors already mapped to this registry's ids. Only what the registry's own calls
    // could have made is taken: the next version only (a gap is refused), a new patient or event
    // starts as a creation at version 1 (or joins at a later one, checked against itself), no
    // change to what no change alters (pseudonym, creation, an event's patient), identifiers only
    // added, content that passes the same validation, an attachment only through an attach change,
    // its bytes checked like an upload. A refusal is Error::Code::InvalidArgument with the reason;
    // nothing is written then. A verified identifier another patient here already holds is kept
    // unverified and the pair is queued as a possible duplicate (two workstations registered one
    // person). Needs the identity key for patients and the vault for attachments.
    Result<ReplicaApplied> applyPatientReplica(const QJsonObject &replica);
    // `bytes` gives an attachment's content once all of it arrived (nullopt: not all of it did, which
    // refuses the event: its chunks come before it). An event whose patient is not held here is refused.
    using ReplicaBytes = std::function<Result<std::optional<QByteArray>>(const QUuid &attachmentId)>;
    Result<ReplicaApplied> applyEventReplica(const QJsonObject &replica, const ReplicaBytes &bytes);

    Result<void> forEachPatientForIndex(const IndexVisitor &visit) override;
    Result<void> patientForIndex(const QString &pseudonymId, const IndexVisitor &visit) override;
    void setChangeListener(std::function<void(const QString &pseudonymId)> listener) override;
    Result<QString> projectPseudonym(const QString &actor, const QString &projectId,
                                     const QUuid &patientId) override;

private:
    SqlCipherRegistry();
    static Result<void> scanWith(store::Database &database, const IndexVisitor &visit,
                                 const std::function<bool()> &keepGoing, const QString &pseudonym,
                                 IdentitySeal *seal);
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::registry
