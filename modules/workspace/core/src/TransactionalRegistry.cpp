#include "TransactionalRegistry.h"

#include "OneTransaction.h"

namespace mdp::workspace {

using namespace registry;

TransactionalRegistry::TransactionalRegistry(Registry &inner, AuditOutbox &outbox)
    : m_inner(inner)
    , m_outbox(outbox)
{}

Result<DuplicateCheck> TransactionalRegistry::checkDuplicates(const PatientDraft &draft)
{
    return m_inner.checkDuplicates(draft);
}

Result<Patient> TransactionalRegistry::createPatient(const QString &actor, const PatientDraft &draft,
                                                     const DuplicateDecision &decision)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.createPatient(actor, draft, decision); });
}

Result<Patient> TransactionalRegistry::updatePatient(const QString &actor, const QUuid &patientId,
                                                     const PatientDraft &draft, int expectedVersion,
                                                     const QString &reason)
{
    return inOneTransaction(
        m_outbox, [&] { return m_inner.updatePatient(actor, patientId, draft, expectedVersion, reason); });
}

Result<Patient> TransactionalRegistry::addIdentifier(const QString &actor, const QUuid &patientId,
                                                     const PatientIdentifier &identifier)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.addIdentifier(actor, patientId, identifier); });
}

Result<Patient> TransactionalRegistry::patient(const QString &actor, const QUuid &patientId)
{
    return m_inner.patient(actor, patientId);
}

Result<Patient> TransactionalRegistry::patientByPseudonym(const QString &actor, const QString &pseudonymId)
{
    return m_inner.patientByPseudonym(actor, pseudonymId);
}

Result<std::optional<Patient>> TransactionalRegistry::findByIdentifier(const QString &actor,
                                                                       const PatientIdentifier &identifier)
{
    return m_inner.findByIdentifier(actor, identifier);
}

Result<PatientPage> TransactionalRegistry::patients(const QString &actor, const PageRequest &request)
{
    return m_inner.patients(actor, request);
}

Result<QList<Patient>> TransactionalRegistry::recentPatients(const QString &actor, int limit)
{
    return m_inner.recentPatients(actor, limit);
}

Result<QString> TransactionalRegistry::checkRecordSubject(const QUuid &patientId, const QUuid &eventId)
{
    return m_inner.checkRecordSubject(patientId, eventId);
}

Result<QList<PatientVersion>> TransactionalRegistry::patientHistory(const QUuid &patientId)
{
    return m_inner.patientHistory(patientId);
}

Result<QList<DuplicateCandidate>> TransactionalRegistry::possibleDuplicates(DuplicateStatus status)
{
    return m_inner.possibleDuplicates(status);
}

Result<void> TransactionalRegistry::dismissDuplicate(const QString &actor, qint64 candidateId,
                                                     const QString &reason)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.dismissDuplicate(actor, candidateId, reason); });
}

Result<MergeRecord> TransactionalRegistry::merge(const QString &actor, const QUuid &survivorId,
                                                 const QUuid &mergedId, const QString &reason,
                                                 const std::optional<MergeOverride> &mergeOverride)
{
    return inOneTransaction(
        m_outbox, [&] { return m_inner.merge(actor, survivorId, mergedId, reason, mergeOverride); });
}

Result<MergeRecord> TransactionalRegistry::unmerge(const QString &actor, const QUuid &mergeId,
                                                   const QString &reason)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.unmerge(actor, mergeId, reason); });
}

Result<MergeRecord> TransactionalRegistry::mergeRecord(const QUuid &mergeId)
{
    return m_inner.mergeRecord(mergeId);
}

Result<QList<MergeRecord>> TransactionalRegistry::lineage(const QUuid &patientId)
{
    return m_inner.lineage(patientId);
}

Result<TimelineEvent> TransactionalRegistry::addEvent(const QString &actor, const QUuid &patientId,
                                                      const EventDraft &draft)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.addEvent(actor, patientId, draft); });
}

Result<TimelineEvent> TransactionalRegistry::updateEvent(const QString &actor, const QUuid &eventId,
                                                         const EventDraft &draft, int expectedVersion,
                                                         const QString &reason)
{
    return inOneTransaction(
        m_outbox, [&] { return m_inner.updateEvent(actor, eventId, draft, expectedVersion, reason); });
}

Result<TimelineEvent> TransactionalRegistry::annotateEvent(const QString &actor, const QUuid &eventId,
                                                           const QString &annotation, int expectedVersion)
{
    return inOneTransaction(
        m_outbox, [&] { return m_inner.annotateEvent(actor, eventId, annotation, expectedVersion); });
}

Result<TimelineEvent> TransactionalRegistry::removeEvent(const QString &actor, const QUuid &eventId,
                                                         const QString &reason)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.removeEvent(actor, eventId, reason); });
}

Result<TimelineEvent> TransactionalRegistry::revertEvent(const QString &actor, const QUuid &eventId,
                                                         int version, const QString &reason)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.revertEvent(actor, eventId, version, reason); });
}

Result<TimelineEvent> TransactionalRegistry::event(const QString &actor, const QUuid &eventId)
{
    return m_inner.event(actor, eventId);
}

Result<QList<TimelineEvent>> TransactionalRegistry::events(const QString &actor, const QUuid &patientId,
                                                           bool includeRemoved)
{
    return m_inner.events(actor, patientId, includeRemoved);
}

Result<QList<EventVersion>> TransactionalRegistry::eventHistory(const QUuid &eventId)
{
    return m_inner.eventHistory(eventId);
}

Result<Attachment> TransactionalRegistry::attach(const QString &actor, const QUuid &eventId,
                                                 const AttachmentDraft &draft)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.attach(actor, eventId, draft); });
}

Result<void> TransactionalRegistry::detach(const QString &actor, const QUuid &attachmentId,
                                           const QString &reason)
{
    return inOneTransaction(m_outbox, [&] { return m_inner.detach(actor, attachmentId, reason); });
}

Result<QString> TransactionalRegistry::projectPseudonym(const QString &actor, const QString &projectId,
                                                        const QUuid &patientId)
{
    // May store the pseudonym the first time it is asked for.
    return inOneTransaction(m_outbox, [&] { return m_inner.projectPseudonym(actor, projectId, patientId); });
}

Result<void> TransactionalRegistry::forEachPatientForIndex(const IndexVisitor &visit)
{
    return m_inner.forEachPatientForIndex(visit);
}

Result<void> TransactionalRegistry::patientForIndex(const QString &pseudonymId, const IndexVisitor &visit)
{
    return m_inner.patientForIndex(pseudonymId, visit);
}

void TransactionalRegistry::setChangeListener(std::function<void(const QString &pseudonymId)> listener)
{
    m_inner.setChangeListener(std::move(listener));
}

} // namespace mdp::workspace
