#include "mdp/cohort/CohortImporter.h"

#include "CohortLogging.h"

#include "mdp/cohort/DocumentRenderer.h"
#include "mdp/disease/DemoTarget.h"
#include "mdp/registry/Registry.h"

#include <QElapsedTimer>

#include <future>

namespace mdp::cohort {

namespace {

QString mediaTypeOf(const SyntheticDocument &document)
{
    return document.kind == SyntheticDocument::Kind::Image ? QStringLiteral("image/png")
                                                           : QStringLiteral("application/pdf");
}

Result<QByteArray> render(DocumentRenderer &renderer, const SyntheticDocument &document)
{
    switch (document.kind) {
    case SyntheticDocument::Kind::PathologyReport:
        return renderer.renderPathologyReport(document.pathology);
    case SyntheticDocument::Kind::DoseSummary:
        return renderer.renderDoseSummary(document.dose);
    case SyntheticDocument::Kind::Image:
        return renderer.renderImage(document.imageKind, document.imageSeed, document.lesionMm, document.left);
    }
    return makeError(Error::Code::Unsupported, QStringLiteral("unknown document kind"));
}

// A rendered file, not yet stored: record position in its chunk and event index.
struct Rendered
{
    qsizetype record = 0;
    int eventIndex = 0;
    QByteArray bytes;
    QString mediaType;
    QString fileName;
};

// A rendered file, already in the vault, waiting to be linked to its event.
struct StoredDocument
{
    int eventIndex = 0;
    QString blobId;
    QString mediaType;
    QString fileName;
};

} // namespace

CohortImporter::CohortImporter(disease::DemoTarget &target)
    : m_target(target)
{}

void CohortImporter::setDocuments(DocumentRenderer *renderer, int every)
{
    m_renderer = renderer;
    m_documentEvery = every;
}

void CohortImporter::setProgressHandler(ProgressHandler handler)
{
    m_progress = std::move(handler);
}

void CohortImporter::setRecordsPerTransaction(int records)
{
    m_recordsPerTransaction = std::max(1, records);
}

Result<ImportReport> CohortImporter::run(const QList<SyntheticPatient> &cohort)
{
    QElapsedTimer timer;
    timer.start();
    ImportReport report;
    registry::Registry &registry = m_target.registry();
    const QString actor = m_target.actorId();
    auto queuedBefore = registry.possibleDuplicates(registry::DuplicateStatus::Open);
    if (!queuedBefore)
        return queuedBefore.error();
    const bool documents = m_renderer && m_documentEvery > 0;
    ImportProgress progress;
    progress.total = int(cohort.size());

    // The next records to write: records imported before (same seed) are skipped here, without
    // rendering their files. Runs on the calling thread (progress, cancellation, database reads).
    qsizetype next = 0;
    auto takeChunk = [&]() -> Result<QList<const SyntheticPatient *>> {
        QList<const SyntheticPatient *> chunk;
        while (next < cohort.size() && chunk.size() < m_recordsPerTransaction && !report.cancelled) {
            if (m_progress && !m_progress(progress)) {
                report.cancelled = true;
                break;
            }
            const SyntheticPatient &patient = cohort.at(next++);
            auto check = registry.checkDuplicates(patient.draft);
            if (!check)
                return check.error();
            ++progress.done;
            if (check->blocking) {
                ++report.patientsSkipped;
                continue;
            }
            progress.events += int(patient.events.size());
            chunk << &patient;
        }
        return chunk;
    };
    // Painting is CPU work in memory: it runs on a worker thread for the next chunk while this
    // thread writes the current one (the database and the vault stay on this thread).
    auto renderChunk = [this, documents](QList<const SyntheticPatient *> chunk) -> Result<QList<Rendered>> {
        QList<Rendered> out;
        if (!documents)
            return out;
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            const SyntheticPatient &patient = *chunk.at(i);
            if (patient.index % m_documentEvery != 0)
                continue;
            for (int e = 0; e < patient.events.size(); ++e) {
                for (const SyntheticDocument &doc : patient.events.at(e).documents) {
                    auto bytes = render(*m_renderer, doc);
                    if (!bytes)
                        return bytes.error();
                    out << Rendered{int(i), e, std::move(bytes.value()), mediaTypeOf(doc), doc.fileName};
                }
            }
        }
        return out;
    };

    auto chunk = takeChunk();
    if (!chunk)
        return chunk.error();
    auto rendering = std::async(std::launch::async, renderChunk, chunk.value());
    while (!chunk->isEmpty()) {
        auto following = takeChunk();
        if (!following)
            return following.error();
        auto rendered = rendering.get();
        if (!rendered)
            return rendered.error();
        if (!following->isEmpty())
            rendering = std::async(std::launch::async, renderChunk, following.value());

        // Files into the vault before the transaction. Blobs stored for a record that is not saved
        // stay in the vault, encrypted and unreferenced: blobs are content-addressed and may be
        // shared, so none is removed on a guess.
        QList<QList<StoredDocument>> stored(chunk->size());
        for (const Rendered &r : std::as_const(rendered.value())) {
            auto id = m_target.storeFile(r.bytes);
            if (!id)
                return id.error();
            stored[r.record] << StoredDocument{r.eventIndex, id.value(), r.mediaType, r.fileName};
            ++progress.documents;
        }

        // One transaction for the chunk (one commit, one audit flush with the workspace's batch),
        // each record a savepoint inside it: a refused record leaves nothing behind.
        ImportReport counted;
        const disease::DemoTarget::Work work = [&]() -> Result<void> {
            counted = ImportReport{};
            for (qsizetype i = 0; i < chunk->size(); ++i) {
                const SyntheticPatient &patient = *chunk->at(i);
                int events = 0;
                auto saved = m_target.savepoint([&]() -> Result<void> {
                    auto created = registry.createPatient(actor, patient.draft);
                    if (!created)
                        return created.error();
                    QList<QUuid> eventIds;
                    eventIds.reserve(patient.events.size());
                    for (const SyntheticEvent &event : patient.events) {
                        auto added = registry.addEvent(actor, created->id, event.draft);
                        if (!added)
                            return added.error();
                        eventIds << added->id;
                        ++events;
                    }
                    for (const StoredDocument &s : std::as_const(stored.at(i))) {
                        auto attached =
                            registry.attach(actor, eventIds.at(s.eventIndex),
                                            registry::AttachmentDraft{s.blobId, s.mediaType, s.fileName});
                        if (!attached)
                            return attached.error();
                    }
                    return {};
                });
                if (saved) {
                    ++counted.patientsImported;
                    counted.events += events;
                    counted.documents += int(stored.at(i).size());
                } else if (saved.error().code == Error::Code::AlreadyExists) {
                    ++counted.patientsSkipped; // registered meanwhile (another window or process)
                } else {
                    qCWarning(lcCohort) << "cohort import stopped at record" << patient.index << ":"
                                        << saved.error().toString();
                    return saved.error();
                }
            }
            return {};
        };
        auto tx = m_target.batch(work);
        if (!tx)
            return tx.error();
        report.patientsImported += counted.patientsImported;
        report.patientsSkipped += counted.patientsSkipped;
        report.events += counted.events;
        report.documents += counted.documents;
        chunk = std::move(following);
    }
    progress.events = report.events;
    progress.documents = report.documents;
    if (m_progress && !report.cancelled)
        (void)m_progress(progress);

    auto queuedAfter = registry.possibleDuplicates(registry::DuplicateStatus::Open);
    if (!queuedAfter)
        return queuedAfter.error();
    report.duplicatesQueued = int(queuedAfter->size() - queuedBefore->size());
    report.elapsedMs = timer.elapsed();
    qCInfo(lcCohort) << "cohort import:" << report.patientsImported << "records," << report.events
                     << "events," << report.documents << "documents," << report.patientsSkipped
                     << "skipped in" << report.elapsedMs << "ms";
    return report;
}

} // namespace mdp::cohort
