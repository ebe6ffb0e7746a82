#include "TransactionalRegistry.h"

#include "Authorizer.h"
#include "OneTransaction.h"

#include "mdp/deid/TextDeidentifier.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mdp::workspace {

using namespace registry;

namespace {

// What a change needs: WritePatients, and the actor must be the signed-in account.
constexpr Permission kWrite = Permission::WritePatients;
constexpr Permission kRead = Permission::ReadPatients;

} // namespace

TransactionalRegistry::TransactionalRegistry(Registry &inner, AuditOutbox &outbox, const Authorizer *guard)
    : m_inner(inner)
    , m_outbox(outbox)
    , m_guard(guard)
{}

template<typename Call, typename Id>
auto TransactionalRegistry::synced(RegistrySync::Change change, Call &&call, Id &&idOf) -> decltype(call())
{
    return inOneTransaction(m_outbox, [&]() -> decltype(call()) {
        auto out = call();
        // The change and its sync entries commit together: a change without its entry would never
        // reach the site.
        if (out && m_syncQueue) {
            if (auto queued = m_syncQueue(change, idOf(out)); !queued) {
                m_outbox.refuseCommit(queued.error());
                return queued.error();
            }
        }
        return out;
    });
}

Patient TransactionalRegistry::shown(Patient patient) const
{
    if (!m_guard || m_guard->allows(Permission::SeeIdentity))
        return patient;
    // Pseudonymous: the pseudonym, sex, birth year and the record's own facts stay.
    patient.name = {};
    patient.pinyin.clear();
    patient.pinyinInitials.clear();
    patient.contact = {};
    patient.identifiers.clear();
    if (patient.birthDate.isValid())
        patient.birthDate = QDate(patient.birthDate.year(), 1, 1);
    return patient;
}

Result<DuplicateCheck> TransactionalRegistry::checkDuplicates(const PatientDraft &draft)
{
    if (auto ok = permit(m_guard, kWrite, u"registry.check-duplicates"); !ok)
        return ok.error();
    return m_inner.checkDuplicates(draft);
}

Result<Patient> TransactionalRegistry::createPatient(const QString &actor, const PatientDraft &draft,
                                                     const DuplicateDecision &decision)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.create-patient"); !ok)
        return ok.error();
    return synced(
        RegistrySync::Change::Patient, [&] { return m_inner.createPatient(actor, draft, decision); },
        [](const auto &p) { return p->id; });
}

Result<Patient> TransactionalRegistry::updatePatient(const QString &actor, const QUuid &patientId,
                                                     const PatientDraft &draft, int expectedVersion,
                                                     const QString &reason)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.update-patient"); !ok)
        return ok.error();
    return synced(
        RegistrySync::Change::Patient,
        [&] { return m_inner.updatePatient(actor, patientId, draft, expectedVersion, reason); },
        [](const auto &p) { return p->id; });
}

Result<Patient> TransactionalRegistry::addIdentifier(const QString &actor, const QUuid &patientId,
                                                     const PatientIdentifier &identifier)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.add-identifier"); !ok)
        return ok.error();
    return synced(
        RegistrySync::Change::Patient, [&] { return m_inner.addIdentifier(actor, patientId, identifier); },
        [](const auto &p) { return p->id; });
}

Result<Patient> TransactionalRegistry::patient(const QString &actor, const QUuid &patientId)
{
    if (auto ok = permitActor(m_guard, actor, kRead, u"registry.patient"); !ok)
        return ok.error();
    auto p = m_inner.patient(actor, patientId);
    if (!p)
        return p;
    return shown(std::move(p.value()));
}

Result<Patient> TransactionalRegistry::patientByPseudonym(const QString &actor, const QString &pseudonymId)
{
    if (auto ok = permitActor(m_guard, actor, kRead, u"registry.patient"); !ok)
        return ok.error();
    auto p = m_inner.patientByPseudonym(actor, pseudonymId);
    if (!p)
        return p;
    return shown(std::move(p.value()));
}

Result<std::optional<Patient>> TransactionalRegistry::findByIdentifier(const QString &actor,
                                                                       const PatientIdentifier &identifier)
{
    // Whoever may not see identifiers may not probe for them either.
    if (auto ok = permitActor(m_guard, actor, Permission::SeeIdentity, u"registry.find-by-identifier"); !ok)
        return ok.error();
    return m_inner.findByIdentifier(actor, identifier);
}

Result<PatientPage> TransactionalRegistry::patients(const QString &actor, const PageRequest &request)
{
    if (auto ok = permitActor(m_guard, actor, kRead, u"registry.patients"); !ok)
        return ok.error();
    auto page = m_inner.patients(actor, request);
    if (!page)
        return page;
    for (Patient &p : page->patients)
        p = shown(std::move(p));
    return page;
}

Result<QList<Patient>> TransactionalRegistry::recentPatients(const QString &actor, int limit)
{
    if (auto ok = permitActor(m_guard, actor, kRead, u"registry.recent-patients"); !ok)
        return ok.error();
    auto list = m_inner.recentPatients(actor, limit);
    if (!list)
        return list;
    for (Patient &p : list.value())
        p = shown(std::move(p));
    return list;
}

Result<QString> TransactionalRegistry::checkRecordSubject(const QUuid &patientId, const QUuid &eventId)
{
    if (auto ok = permit(m_guard, kRead, u"registry.check-record-subject"); !ok)
        return ok.error();
    return m_inner.checkRecordSubject(patientId, eventId);
}

Result<QList<PatientVersion>> TransactionalRegistry::patientHistory(const QUuid &patientId)
{
    if (auto ok = permit(m_guard, kRead, u"registry.patient-history"); !ok)
        return ok.error();
    auto history = m_inner.patientHistory(patientId);
    if (!history)
        return history;
    const bool deidentify = m_guard && m_guard->deidentifiesReads();
    for (PatientVersion &v : history.value()) {
        v.state = shown(std::move(v.state));
        if (deidentify)
            v.reason = deid::deidentify(v.reason);
    }
    return history;
}

Result<QList<DuplicateCandidate>> TransactionalRegistry::possibleDuplicates(DuplicateStatus status)
{
    if (auto ok = permit(m_guard, kWrite, u"registry.possible-duplicates"); !ok)
        return ok.error();
    return m_inner.possibleDuplicates(status);
}

Result<void> TransactionalRegistry::dismissDuplicate(const QString &actor, qint64 candidateId,
                                                     const QString &reason)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.dismiss-duplicate"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.dismissDuplicate(actor, candidateId, reason); });
}

Result<MergeRecord> TransactionalRegistry::merge(const QString &actor, const QUuid &survivorId,
                                                 const QUuid &mergedId, const QString &reason,
                                                 const std::optional<MergeOverride> &mergeOverride)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.merge"); !ok)
        return ok.error();
    return inOneTransaction(
        m_outbox, [&] { return m_inner.merge(actor, survivorId, mergedId, reason, mergeOverride); });
}

Result<MergeRecord> TransactionalRegistry::unmerge(const QString &actor, const QUuid &mergeId,
                                                   const QString &reason)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.unmerge"); !ok)
        return ok.error();
    return inOneTransaction(m_outbox, [&] { return m_inner.unmerge(actor, mergeId, reason); });
}

Result<MergeRecord> TransactionalRegistry::mergeRecord(const QUuid &mergeId)
{
    if (auto ok = permit(m_guard, kRead, u"registry.merge-record"); !ok)
        return ok.error();
    auto record = m_inner.mergeRecord(mergeId);
    if (record && m_guard && m_guard->deidentifiesReads())
        deidentifyReasons(record.value());
    return record;
}

void TransactionalRegistry::deidentifyReasons(MergeRecord &record)
{
    record.reason = deid::deidentify(record.reason);
    record.overrideReason = deid::deidentify(record.overrideReason);
    record.undoReason = deid::deidentify(record.undoReason);
}

Result<QList<MergeRecord>> TransactionalRegistry::lineage(const QUuid &patientId)
{
    if (auto ok = permit(m_guard, kRead, u"registry.lineage"); !ok)
        return ok.error();
    auto records = m_inner.lineage(patientId);
    if (records && m_guard && m_guard->deidentifiesReads())
        for (MergeRecord &r : records.value())
            deidentifyReasons(r);
    return records;
}

Result<TimelineEvent> TransactionalRegistry::addEvent(const QString &actor, const QUuid &patientId,
                                                      const EventDraft &draft)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.add-event"); !ok)
        return ok.error();
    return synced(
        RegistrySync::Change::Event, [&] { return m_inner.addEvent(actor, patientId, draft); },
        [](const auto &e) { return e->id; });
}

Result<TimelineEvent> TransactionalRegistry::updateEvent(const QString &actor, const QUuid &eventId,
                                                         const EventDraft &draft, int expectedVersion,
                                                         const QString &reason)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.update-event"); !ok)
        return ok.error();
    return synced(
        RegistrySync::Change::Event,
        [&] { return m_inner.updateEvent(actor, eventId, draft, expectedVersion, reason); },
        [](const auto &e) { return e->id; });
}

Result<TimelineEvent> TransactionalRegistry::annotateEvent(const QString &actor, const QUuid &eventId,
                                                           const QString &annotation, int expectedVersion)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.annotate-event"); !ok)
        return ok.error();
    return synced(
        RegistrySync::Change::Event,
        [&] { return m_inner.annotateEvent(actor, eventId, annotation, expectedVersion); },
        [](const auto &e) { return e->id; });
}

Result<TimelineEvent> TransactionalRegistry::removeEvent(const QString &actor, const QUuid &eventId,
                                                         const QString &reason)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.remove-event"); !ok)
        return ok.error();
    return synced(
        RegistrySync::Change::Event, [&] { return m_inner.removeEvent(actor, eventId, reason); },
        [](const auto &e) { return e->id; });
}

Result<TimelineEvent> TransactionalRegistry::revertEvent(const QString &actor, const QUuid &eventId,
                                                         int version, const QString &reason)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.revert-event"); !ok)
        return ok.error();
    return synced(
        RegistrySync::Change::Event, [&] { return m_inner.revertEvent(actor, eventId, version, reason); },
        [](const auto &e) { return e->id; });
}

namespace {

// What a timeline holds in free text (titles, annotations, text in the payload, file names) may name
// a patient, a relative or a doctor: a session obliged to de-identify reads it with identifiers
// replaced by typed placeholders (R-5.2c, R-6.6.5b). Structure, codes and numbers stay.
QJsonValue deidentifiedValue(const QJsonValue &value)
{
    if (value.isString())
        return deid::deidentify(value.toString());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(deidentifiedValue(v));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), deidentifiedValue(it.value()));
        return out;
    }
    return value;
}

void deidentifyContent(EventDraft &content)
{
    content.title = deid::deidentify(content.title);
    content.annotation = deid::deidentify(content.annotation);
    content.payload = deidentifiedValue(content.payload).toObject();
}

void deidentifyEvent(TimelineEvent &event)
{
    deidentifyContent(event.content);
    for (Attachment &a : event.attachments)
        a.fileName = deid::deidentify(a.fileName);
}

} // namespace

Result<TimelineEvent> TransactionalRegistry::prepared(Result<TimelineEvent> event) const
{
    if (event && m_guard && m_guard->deidentifiesReads())
        deidentifyEvent(event.value());
    return event;
}

Result<TimelineEvent> TransactionalRegistry::event(const QString &actor, const QUuid &eventId)
{
    if (auto ok = permitActor(m_guard, actor, kRead, u"registry.event"); !ok)
        return ok.error();
    return prepared(m_inner.event(actor, eventId));
}

Result<QList<TimelineEvent>> TransactionalRegistry::events(const QString &actor, const QUuid &patientId,
                                                           bool includeRemoved)
{
    if (auto ok = permitActor(m_guard, actor, kRead, u"registry.events"); !ok)
        return ok.error();
    auto all = m_inner.events(actor, patientId, includeRemoved);
    if (all && m_guard && m_guard->deidentifiesReads()) {
        for (TimelineEvent &e : all.value())
            deidentifyEvent(e); // decided once for the list, not per event
    }
    return all;
}

Result<QList<EventVersion>> TransactionalRegistry::eventHistory(const QUuid &eventId)
{
    if (auto ok = permit(m_guard, kRead, u"registry.event-history"); !ok)
        return ok.error();
    auto versions = m_inner.eventHistory(eventId);
    if (versions && m_guard && m_guard->deidentifiesReads()) {
        for (EventVersion &v : versions.value()) {
            deidentifyContent(v.content);
            v.reason = deid::deidentify(v.reason);
        }
    }
    return versions;
}

Result<Attachment> TransactionalRegistry::attach(const QString &actor, const QUuid &eventId,
                                                 const AttachmentDraft &draft)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.attach"); !ok)
        return ok.error();
    return synced(
        RegistrySync::Change::Attachment, [&] { return m_inner.attach(actor, eventId, draft); },
        [](const auto &a) { return a->id; });
}

Result<void> TransactionalRegistry::detach(const QString &actor, const QUuid &attachmentId,
                                           const QString &reason)
{
    if (auto ok = permitActor(m_guard, actor, kWrite, u"registry.detach"); !ok)
        return ok.error();
    return synced(
        RegistrySync::Change::Detached, [&] { return m_inner.detach(actor, attachmentId, reason); },
        [&](const auto &) { return attachmentId; });
}

Result<QString> TransactionalRegistry::projectPseudonym(const QString &actor, const QString &projectId,
                                                        const QUuid &patientId)
{
    if (auto ok = permitActor(m_guard, actor, kRead, u"registry.project-pseudonym"); !ok)
        return ok.error();
    // May store the pseudonym the first time it is asked for.
    return inOneTransaction(m_outbox, [&] { return m_inner.projectPseudonym(actor, projectId, patientId); });
}

Result<void> TransactionalRegistry::forEachPatientForIndex(const IndexVisitor &visit)
{
    // The identified index is built by the workspace itself, never for a screen.
    if (auto ok = permit(m_guard, Permission::SeeIdentity, u"registry.index-scan"); !ok)
        return ok.error();
    return m_inner.forEachPatientForIndex(visit);
}

Result<void> TransactionalRegistry::patientForIndex(const QString &pseudonymId, const IndexVisitor &visit)
{
    if (auto ok = permit(m_guard, Permission::SeeIdentity, u"registry.index-scan"); !ok)
        return ok.error();
    return m_inner.patientForIndex(pseudonymId, visit);
}

void TransactionalRegistry::setChangeListener(std::function<void(const QString &pseudonymId)> listener)
{
    m_inner.setChangeListener(std::move(listener));
}

} // namespace mdp::workspace
