#pragma once

#include "mdp/audit/AuditLog.h"
#include "mdp/audit/Sm2CheckpointSigner.h"
#include "mdp/foundation/Clock.h"
#include "mdp/workspace/ServerLink.h"
#include "mdp/workspace/Workspace.h"

#include <QMutex>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace mdp::store {
class Database;
}

namespace mdp::workspace {

class Authorizer;
class SiteSync;

// ServerLink on the workspace: settings in `server_link` (main connection, main thread), and a
// shipping thread of its own that reads the audit log (thread-safe), the signer and the settings it
// was handed. The site sync (with a site key) runs in the same pass on a database connection of its
// own (SyncOpener), used only under the shipping lock, never the main thread's connection.
class WorkspaceServerLink final : public ServerLink, public WorkspaceService
{
public:
    using Recorder = std::function<Result<void>(audit::AuditEvent)>;

    WorkspaceServerLink(store::Database &db, const audit::AuditLog &log, audit::Sm2CheckpointSigner &signer,
                        Recorder record, const Authorizer *guard, QString directory, const Clock &clock);
    ~WorkspaceServerLink() override;

    // Reads the settings and starts shipping when there are any. Called when the workspace opens.
    Result<void> load();
    // The site's sync key from a server sign-in's key bundle: kept, recorded and the
    // sync started when the link has none yet; a link that holds one keeps it (false: nothing done).
    Result<bool> adoptSiteKey(const SecureBytes &siteKey);

    Result<void> configure(const ServerSettings &settings) override;
    Result<void> disconnect() override;
    std::optional<ServerSettings> settings() const override;
    ServerStatus status() const override;
    Result<ServerStatus> shipAuditNow() override;
    void setStatusListener(std::function<void(const ServerStatus &)> listener) override;
    Result<void> setOfflineSignInHours(int hours) override;
    int offlineSignInHours() const override;

    void stop() override;
    void pause() override {}
    void resume() override {}

    // The witness key this workstation pinned at its first witnessed shipment (DER; empty before).
    QByteArray pinnedServerKey() const;
    // The server's latest witness of this workstation's audit log, as kept in server-witness.json (an
    // auditor's bundle carries it); nullopt before the first witnessed shipment.
    struct Witness
    {
        QString workstation; // the name the statements are made with
        qint64 treeSize = 0;
        QByteArray rootHash;
        QDateTime witnessedAt;
        QByteArray signature;
        QByteArray serverKeyDer;
    };
    std::optional<Witness> lastWitness() const;
    // Called after a pass that left registry entries waiting in sync_parked (on the link's thread, or
    // on the caller's for shipAuditNow): the workspace applies them where a session may.
    void setParkedListener(std::function<void()> listener);
    // Keeps the site identity key a configure() brings (the workspace's keyring; needs a session that
    // holds the identity key). Set by the workspace.
    using SiteIdentityKeeper = std::function<Result<void>(const SecureBytes &siteIdentityKey)>;
    void setSiteIdentityKeeper(SiteIdentityKeeper keeper) { m_keepSiteIdentityKey = std::move(keeper); }

    // How often the background ships (tests shorten it).
    void setInterval(int milliseconds);
    // A change for the site committed: the background passes shortly (kNudgeDelayMs, so a burst of
    // changes goes in one pass) instead of at the end of its interval. Cheap; any thread.
    void nudge();
    static constexpr int kNudgeDelayMs = 50;
    // Opens the connection the site sync works on; set before load().
    using SyncOpener = std::function<Result<std::unique_ptr<SiteSync>>()>;
    void setSyncOpener(SyncOpener opener);

private:
    struct Shared;
    void startThread();
    void stopThread();
    Result<void> store(const ServerSettings &settings, const QString &by);

    store::Database &m_db;
    const Authorizer *m_guard;
    Recorder m_record;
    const Clock &m_clock;
    std::shared_ptr<Shared> m_shared;
    std::thread m_thread;
    SiteIdentityKeeper m_keepSiteIdentityKey;
};

} // namespace mdp::workspace
