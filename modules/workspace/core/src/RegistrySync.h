#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

#include <functional>
#include <optional>

namespace mdp::store {
class Database;
class Vault;
} // namespace mdp::store
namespace mdp::registry {
class SqlCipherRegistry;
}

namespace mdp::workspace {

class SiteSync;

// The registry's half of the site sync (issue 11 part 5, R-7.4.1), on the workspace's own connection
// and thread: patients, timeline events and attachments travel like form records (sync_outbox, one
// entry per version, written in the change's transaction), with two differences.
// - A patient's names, contacts and identifiers are sealed once more, under the site identity key
//   (derived from the site's identity scope key, which only roles that may see identity receive): the
//   site key alone, which every workstation keeps in its database, does not open them.
// - What arrives is parked by the link (it has neither the identity key nor the vault) and applied
//   here, in relay order, by a workspace whose keyring holds the identity key.
class RegistrySync
{
public:
    // The site identity key when this workspace holds it (nullopt: not yet received, or a workspace
    // opened without the identity key).
    using KeyProvider = std::function<std::optional<SecureBytes>()>;

    enum class Change
    {
        Patient,    // created, edited, an identifier added
        Event,      // added, edited, annotated, removed, reverted
        Attachment, // attached: the bytes (in chunks), then the event's new version
        Detached,   // the event's new version
    };

    RegistrySync(store::Database &db, registry::SqlCipherRegistry &registry, store::Vault *vault,
                 SiteSync &site, KeyProvider siteIdentityKey);

    static constexpr qint64 kChunkBytes = qint64(1) << 20;
    // The most chunks a file has (the attachment limit, 200 MiB); a chunk numbered higher is refused
    // when it arrives.
    static constexpr qint64 kMaxChunks = 200;
    // Names the site identity key a patient entry is sealed under (a workstation holding another one
    // leaves the entry waiting instead of refusing it).
    static QString keyId(const SecureBytes &key);
    // Derives the key the registry entries' identity is sealed under from the site's identity scope key.
    static SecureBytes identityKeyFrom(const SecureBytes &siteIdentityScopeKey);
    static QString keyName() { return QStringLiteral("site-identity-sync"); }

    // Inside the change's transaction (nothing when the workstation does not sync). A patient change
    // without the site identity key is refused (PermissionDenied): it could not reach the site, and
    // a change that never reaches it must not be made quietly.
    Result<void> enqueue(Change change, const QUuid &id);

    struct Drained
    {
        int applied = 0;
        int refused = 0;
        int waiting = 0;   // patients sealed under a site identity key this workspace does not hold
        qint64 joined = 0; // entries queued by the first join (patients, events, chunks)
        bool more = false; // stopped at `limit`: entries are left for the next run
    };
    // Once per workstation, when the identity key is held: every patient, event and attachment kept
    // here is queued at its current version (one "sync.join" event with the counts). Then every parked
    // entry is applied in relay order, each in one transaction with its event ("sync.apply", a refusal
    // a "security.alert"); an event whose patient is not held here, or whose file's chunks did not all
    // arrive before it, is refused (they come first). A patient sealed under another site identity key
    // waits, and so do the later entries of the same patient. At most `limit` entries a run (0: all),
    // so a workstation joining a large site does not hold its window for long.
    Result<Drained> run(int limit = 0);

private:
    Result<void> enqueuePatient(const QUuid &id, const SecureBytes &key);
    Result<void> enqueueEvent(const QUuid &id);
    Result<void> enqueueChunks(const QUuid &attachmentId);
    Result<void> insert(const QString &kind, const QString &objectId, qint64 revision,
                        const QByteArray &payload);
    Result<qint64> join(const SecureBytes &key);
    // The whole file once all its chunks (naming `eventId`) arrived; nullopt while some are missing; a
    // refusal when they disagree, overflow or miss the digest.
    Result<std::optional<QByteArray>> fileBytes(const QString &fileId, const QString &eventId);
    // Drops the parked chunks of these files that name `eventId`.
    Result<void> dropChunks(const QStringList &fileIds, const QString &eventId);
    // Notes `revision` as the newest of the object the site knows; false when it already knew it.
    Result<bool> noteVersion(const QString &kind, const QString &objectId, qint64 revision);

    store::Database &m_db;
    registry::SqlCipherRegistry &m_registry;
    store::Vault *m_vault;
    SiteSync &m_site;
    KeyProvider m_key;
};

} // namespace mdp::workspace
