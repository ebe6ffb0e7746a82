#pragma once

#include "RegistrySync.h"

#include "mdp/registry/Registry.h"
#include "mdp/workspace/Permissions.h"

#include <functional>

namespace mdp::workspace {

class AuditOutbox;
class Authorizer;

// The workspace's registry: every change runs in one transaction together with its audit events
// (inOneTransaction). With `guard` (the workspace's session), every call is authorized first: reads
// need Permission::ReadPatients, changes WritePatients, and an actor argument must be the signed-in
// account; patients come back without names, contacts and identifiers to a principal without
// SeeIdentity, and looking one up by an identifier needs SeeIdentity. The index scans are the
// workspace's own and go straight through.
class TransactionalRegistry final : public registry::Registry
{
public:
    TransactionalRegistry(registry::Registry &inner, AuditOutbox &outbox, const Authorizer *guard = nullptr);

    // Where each change queues its site sync entries (RegistrySync::enqueue), inside the change's
    // transaction: a change whose entry cannot be queued is not made.
    using SyncQueue = std::function<Result<void>(RegistrySync::Change change, const QUuid &id)>;
    void setSyncQueue(SyncQueue queue) { m_syncQueue = std::move(queue); }

    Result<registry::DuplicateCheck> checkDuplicates(const registry::PatientDraft &draft) override;
    Result<registry::Patient> createPatient(const QString &actor, const registry::PatientDraft &draft,
                                            const registry::DuplicateDecision &decision) override;
    Result<registry::Patient> updatePatient(const QString &actor, const QUuid &patientId,
                                            const registry::PatientDraft &draft, int expectedVersion,
                                            const QString &reason) override;
    Result<registry::Patient> addIdentifier(const QString &actor, const QUuid &patientId,
                                            const registry::PatientIdentifier &identifier) override;
    Result<registry::Patient> patient(const QString &actor, const QUuid &patientId) override;
    Result<registry::Patient> patientByPseudonym(const QString &actor, const QString &pseudonymId) override;
    Result<std::optional<registry::Patient>>
    findByIdentifier(const QString &actor, const registry::PatientIdentifier &identifier) override;
    Result<registry::PatientPage> patients(const QString &actor,
                                           const registry::PageRequest &request) override;
    Result<QList<registry::Patient>> recentPatients(const QString &actor, int limit) override;
    Result<QString> checkRecordSubject(const QUuid &patientId, const QUuid &eventId) override;
    // The convenience overloads of the interface stay visible beside the overrides.
    using registry::Registry::createPatient;
    using registry::Registry::merge;
    Result<QList<registry::PatientVersion>> patientHistory(const QUuid &patientId) override;
    Result<QList<registry::DuplicateCandidate>> possibleDuplicates(registry::DuplicateStatus status) override;
    Result<void> dismissDuplicate(const QString &actor, qint64 candidateId, const QString &reason) override;
    Result<registry::MergeRecord> merge(const QString &actor, const QUuid &survivorId, const QUuid &mergedId,
                                        const QString &reason,
                                        const std::optional<registry::MergeOverride> &mergeOverride) override;
    Result<registry::MergeRecord> unmerge(const QString &actor, const QUuid &mergeId,
                                          const QString &reason) override;
    Result<registry::MergeRecord> mergeRecord(const QUuid &mergeId) override;
    Result<QList<registry::MergeRecord>> lineage(const QUuid &patientId) override;
    Result<registry::TimelineEvent> addEvent(const QString &actor, const QUuid &patientId,
                                             const registry::EventDraft &draft) override;
    Result<registry::TimelineEvent> updateEvent(const QString &actor, const QUuid &eventId,
                                                const registry::EventDraft &draft, int expectedVersion,
                                                const QString &reason) override;
    Result<registry::TimelineEvent> annotateEvent(const QString &actor, const QUuid &eventId,
                                                  const QString &annotation, int expectedVersion) override;
    Result<registry::TimelineEvent> removeEvent(const QString &actor, const QUuid &eventId,
                                                const QString &reason) override;
    Result<registry::TimelineEvent> revertEvent(const QString &actor, const QUuid &eventId, int version,
                                                const QString &reason) override;
    Result<registry::TimelineEvent> event(const QString &actor, const QUuid &eventId) override;
    // `event` de-identified when the session's reads must be (Authorizer::deidentifiesReads).
    Result<registry::TimelineEvent> prepared(Result<registry::TimelineEvent> event) const;
    // A merge's free-text reasons, de-identified in place.
    static void deidentifyReasons(registry::MergeRecord &record);
    Result<QList<registry::TimelineEvent>> events(const QString &actor, const QUuid &patientId,
                                                  bool includeRemoved) override;
    Result<QList<registry::EventVersion>> eventHistory(const QUuid &eventId) override;
    Result<registry::Attachment> attach(const QString &actor, const QUuid &eventId,
                                        const registry::AttachmentDraft &draft) override;
    Result<void> detach(const QString &actor, const QUuid &attachmentId, const QString &reason) override;
    Result<QString> projectPseudonym(const QString &actor, const QString &projectId,
                                     const QUuid &patientId) override;
    Result<void> forEachPatientForIndex(const IndexVisitor &visit) override;
    Result<void> patientForIndex(const QString &pseudonymId, const IndexVisitor &visit) override;
    void setChangeListener(std::function<void(const QString &pseudonymId)> listener) override;

private:
    // `patient` as the principal may see it.
    registry::Patient shown(registry::Patient patient) const;

    // Runs `call` in one transaction with its events and, when it succeeded, the sync entries `queue`
    // names (the object's id from the answer).
    template<typename Call, typename Id>
    auto synced(RegistrySync::Change change, Call &&call, Id &&idOf) -> decltype(call());

    registry::Registry &m_inner;
    AuditOutbox &m_outbox;
    SyncQueue m_syncQueue;
    const Authorizer *m_guard = nullptr;
};

} // namespace mdp::workspace
