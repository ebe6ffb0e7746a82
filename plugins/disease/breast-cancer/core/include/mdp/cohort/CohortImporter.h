#pragma once

#include "mdp/cohort/SyntheticPatient.h"
#include "mdp/foundation/Result.h"

#include <QList>
#include <QString>

#include <functional>

namespace mdp::disease {
class DemoTarget;
}

namespace mdp::cohort {

class DocumentRenderer;

struct ImportProgress
{
    int done = 0; // patient records handled so far (prepared for writing, or skipped)
    int total = 0;
    int events = 0;
    int documents = 0;
};

struct ImportReport
{
    int patientsImported = 0;
    int patientsSkipped = 0; // already in the registry (a verified identifier is held): left alone
    int events = 0;
    int documents = 0;
    int duplicatesQueued = 0; // new entries in the possible-duplicates queue
    bool cancelled = false;
    qint64 elapsedMs = 0;
};

// Loads a generated cohort through the Registry API of a disease::DemoTarget (the workspace the
// host hands to the pack), so every record passes the same validation,
// whole-registry duplicate check (R-6.1.1a/b), pseudonym assignment (R-6.1.1c) and audit as one an
// operator enters, and each timeline event is versioned and audited. Records are written
// in transactions of a few records each, every record (patient, events, attachments) a savepoint of
// its own: a failure or a cancellation never leaves half a patient. Documents are rendered in
// memory on a worker thread (the next chunk's while this one is written), stored in the encrypted
// vault and attached to their events; nothing else reaches the disk. Everything else, the progress
// handler included, runs on the calling thread.
class CohortImporter
{
public:
    // Called before each record; return false to stop there (records handled so far are committed;
    // the report says cancelled).
    using ProgressHandler = std::function<bool(const ImportProgress &)>;
    // The registry acts as the target's actorId(); files go to its vault; each chunk of records is
    // one target batch (its audit events durable together), each record a savepoint in it.
    explicit CohortImporter(disease::DemoTarget &target);

    // Documents are rendered for every `every`-th patient record (1: all; 0 or a null renderer:
    // none). The renderer must outlive the import.
    void setDocuments(DocumentRenderer *renderer, int every = 1);
    void setProgressHandler(ProgressHandler handler);
    // Records per transaction (default 20). With page encryption every commit re-encrypts the pages
    // it dirtied, and the B-tree pages a record touches are mostly those of its neighbours, so a few
    // records per commit cut the work several-fold; 1 commits each record alone.
    void setRecordsPerTransaction(int records);

    // A record whose verified identifier is already held is skipped (running the same seed twice
    // adds nothing); any other refusal stops the import with that error, records so far staying.
    Result<ImportReport> run(const QList<SyntheticPatient> &cohort);

private:
    disease::DemoTarget &m_target;
    DocumentRenderer *m_renderer = nullptr;
    int m_documentEvery = 0;
    ProgressHandler m_progress;
    int m_recordsPerTransaction = 20;
};

} // namespace mdp::cohort
