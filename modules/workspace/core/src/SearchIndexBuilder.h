#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/store/Database.h"
#include "mdp/workspace/SearchIndexState.h"

#include <QSet>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace mdp::search {
class PatientSearchIndex;
struct PatientSearchRecord;
} // namespace mdp::search

namespace mdp::workspace {

// Builds the workspace's in-memory patient search index after unlock, on its own thread and its
// own read connection to the database, streaming the patients (one patient's rows in memory at a
// time), so unlocking a registry of a million patients does not wait for it. Changes committed
// while it runs are remembered and re-read once the build is done; after that they go straight to
// the index. Stopping (at lock, on close) cancels the scan and joins the thread.
class SearchIndexBuilder
{
public:
    // Reads one patient's record on the caller's connection (the workspace's own, after a change).
    using ReadOne = std::function<void(const QString &pseudonym, QList<search::PatientSearchRecord> &into)>;

    // `identityKey`: the session's identity key when its roles reach it (names then go into the
    // index); empty otherwise.
    SearchIndexBuilder(search::PatientSearchIndex &index, store::Database::Options connection,
                       ReadOne readOne, std::optional<SecureBytes> identityKey = std::nullopt);
    ~SearchIndexBuilder(); // stops
    SearchIndexBuilder(const SearchIndexBuilder &) = delete;
    SearchIndexBuilder &operator=(const SearchIndexBuilder &) = delete;

    // Starts the build.
    void start();
    void stop();

    // The registry changed these patients (committed): indexed now, or after the build.
    void changed(const QSet<QString> &pseudonyms);

    SearchIndexState state() const;
    // Blocks until the build finished or failed.
    Result<void> waitUntilReady() const;

private:
    void run();

    search::PatientSearchIndex &m_index;
    store::Database::Options m_options;
    ReadOne m_readOne;
    std::optional<SecureBytes> m_identityKey;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_total{0};
    mutable std::mutex m_mutex; // guards the fields below and orders index writes
    mutable std::condition_variable m_finished;
    bool m_ready = false;
    bool m_running = false;
    QString m_failure;
    QSet<QString> m_pending;
};

} // namespace mdp::workspace
