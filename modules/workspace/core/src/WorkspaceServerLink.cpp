#include "WorkspaceServerLink.h"

#include "Authorizer.h"
#include "SiteLinkFile.h"
#include "SiteSync.h"
#include "WorkspaceLogging.h"

#include "mdp/audit/Sm2CheckpointSigner.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Hash.h"
#include "mdp/foundation/AtomicFile.h"
#include "mdp/net/GrantClient.h"
#include "mdp/net/Protocol.h"
#include "mdp/store/Database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>

namespace mdp::workspace {

namespace {

constexpr int kFramesPerShipment = 2000;
constexpr int kEntriesPerCall = 200;
constexpr int kRoundsPerPass = 32;

QString witnessFile(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("server-witness.json"));
}

} // namespace

struct WorkspaceServerLink::Shared
{
    const audit::AuditLog &log;
    audit::Sm2CheckpointSigner &signer;
    const Clock &clock;
    QString directory;

    // Two locks, so a status read (the GUI thread's) never waits for a shipment on the network:
    // `shipMutex` is held for a whole shipment and guards what shipping works on (settings, client,
    // the working status, the witness); `mutex` guards what others read (published status, a copy
    // of the settings) and the thread's controls. Order: shipMutex, then mutex.
    std::mutex shipMutex;
    std::mutex mutex;
    std::condition_variable wake;
    bool stopping = false;
    bool nudged = false; // a change was queued: pass soon
    int intervalMs = 30000;
    std::optional<ServerSettings> settings; // with the key; written under both locks
    std::unique_ptr<net::GrantClient> client;
    ServerStatus status;    // the shipment's working copy (shipMutex)
    ServerStatus published; // what status() answers (mutex)
    QByteArray witnessRoot;
    QByteArray witnessSignature;
    QByteArray serverKeyDer;
    QDateTime lastRevocationAlert; // the last security alert for a refused grant-revocation list
    std::function<void(const ServerStatus &)> listener;
    std::function<void()> parkedListener; // registry entries wait in sync_parked
    // The site sync (shipMutex): its connection, opened on first use, and this workstation's
    // certificate fingerprint (the server's "origin" of what it pushed).
    std::function<Result<std::unique_ptr<SiteSync>>()> openSync;
    std::unique_ptr<SiteSync> sync;
    QString ownFingerprint;
    QByteArray catalogueHash; // SHA-256 of the catalogue last published (or refused) on this link
    // An entry that could not be applied here: tried again at the next passes, then (unless the fault
    // is a busy database or the disk) refused, so it cannot hold up the site's other changes for ever
    // (shipMutex).
    static constexpr qint64 kGiveUpAfterMs = 10 * 60 * 1000;
    qint64 failedSequence = 0;
    QElapsedTimer failingSince;

    Shared(const audit::AuditLog &l, audit::Sm2CheckpointSigner &s, const Clock &c, QString dir)
        : log(l)
        , signer(s)
        , clock(c)
        , directory(std::move(dir))
    {}

    void loadWitness()
    {
        QFile file(witnessFile(directory));
        if (!file.open(QIODevice::ReadOnly))
            return;
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        status.auditWitnessed = qint64(object.value(QLatin1String("treeSize")).toDouble());
        status.witnessedAt =
            QDateTime::fromString(object.value(QLatin1String("witnessedAt")).toString(), Qt::ISODateWithMs);
        witnessRoot = QByteArray::fromBase64(object.value(QLatin1String("rootHash")).toString().toLatin1());
        witnessSignature =
            QByteArray::fromBase64(object.value(QLatin1String("witness")).toString().toLatin1());
        serverKeyDer = QByteArray::fromBase64(object.value(QLatin1String("serverKey")).toString().toLatin1());
    }

    void saveWitness()
    {
        const QJsonObject object{
            {QStringLiteral("treeSize"), double(status.auditWitnessed)},
            {QStringLiteral("rootHash"), QString::fromLatin1(witnessRoot.toBase64())},
            {QStringLiteral("witnessedAt"), status.witnessedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("witness"), QString::fromLatin1(witnessSignature.toBase64())},
            {QStringLiteral("serverKey"), QString::fromLatin1(serverKeyDer.toBase64())}};
        (void)writeFileAtomically(witnessFile(directory), QJsonDocument(object).toJson());
    }

    void setState(ServerStatus::State state, const QString &message)
    {
        status.state = state;
        status.message = message;
    }

    // One shipment, then its outcome published; returns it.
    ServerStatus ship()
    {
        std::lock_guard shipping(shipMutex);
        shipLocked();
        syncLocked();
        // What the sync applied or refused was recorded: shipped in the same pass.
        if (status.state == ServerStatus::State::Connected && log.durableSize() > status.auditWitnessed)
            shipLocked();
        std::lock_guard lock(mutex);
        published = status;
        return published;
    }

    // How many registry entries still wait (after the workspace applied what it could).
    std::optional<qint64> parkedCount()
    {
        std::lock_guard shipping(shipMutex);
        if (!sync)
            return std::nullopt;
        auto counts = sync->counts();
        if (!counts)
            return std::nullopt;
        std::lock_guard lock(mutex);
        status.syncParked = counts->parked;
        published.syncParked = counts->parked;
        return counts->parked;
    }

    // Replaces what shipping works on (configure, disconnect, load): waits for a shipment in progress.
    void reset(std::optional<ServerSettings> next, const ServerStatus &start)
    {
        std::lock_guard shipping(shipMutex);
        std::lock_guard lock(mutex);
        settings = std::move(next);
        client.reset();
        sync.reset();
        ownFingerprint.clear();
        catalogueHash.clear();
        if (settings) {
            if (auto certificate = crypto::Certificate::fromPem(settings->certificatePem))
                ownFingerprint = QString::fromLatin1(certificate->fingerprint().toHex());
        }
        status = start;
        if (settings)
            loadWitness();
        published = status;
    }

    // Closes the sync's connection (before the workspace's database and audit log go).
    void closeSync()
    {
        std::lock_guard shipping(shipMutex);
        sync.reset();
    }

    // The site sync's part of a pass: push the outbox, pull and apply the site's entries,
    // then count what waits. Called with `shipMutex` held, after the audit shipment.
    void syncLocked()
    {
        status.syncEnabled = settings && settings->siteKey.size() == 32;
        if (!sync) {
            if (!openSync)
                return;
            auto opened = openSync();
            if (!opened) {
                status.syncMessage = opened.error().message;
                return;
            }
            sync = std::move(opened.value());
        }
        // Issue 12 (R-6.3.4 c): the site's grant revocations at every pass, whether or not this
        // workstation syncs records, and before anything else can fail.
        if (client && status.state == ServerStatus::State::Connected)
            takeGrantRevocationsLocked();
        if (!status.syncEnabled) {
            status.syncPending = status.syncConflicts = 0;
            return;
        }
        const QString messageBefore = status.syncMessage;
        if (client && status.state == ServerStatus::State::Connected) {
            if (auto exchanged = exchangeLocked(); !exchanged) {
                status.syncMessage = exchanged.error().message;
                if (exchanged.error().code == Error::Code::Io)
                    setState(ServerStatus::State::Unreachable, exchanged.error().message);
                else if (exchanged.error().code == Error::Code::PermissionDenied)
                    setState(ServerStatus::State::CertificateRefused, exchanged.error().message);
            } else {
                status.lastContact = clock.now();
                publishCatalogueLocked();
            }
        }
        if (auto counts = sync->counts()) {
            status.syncPending = counts->pending;
            status.syncConflicts = counts->conflicts;
            status.syncParked = counts->parked;
            status.syncLastSequence = counts->lastSequence;
            // What this pass reported comes first; else the standing conflict.
            if (!counts->lastConflict.isEmpty() && status.syncMessage == messageBefore)
                status.syncMessage = counts->lastConflict;
        }
    }

    // The revoked grants, signed with the pinned witness key (none pinned yet: the next pass). One that
    // does not verify, or is older than the newest taken, is refused and raised as a security alert
    // (once an hour while it lasts); the grants kept here stay as they are until a good list comes.
    void takeGrantRevocationsLocked()
    {
        if (serverKeyDer.isEmpty())
            return;
        auto grants = client->signedGrantRevocations(serverKeyDer);
        Result<int> noted = grants ? sync->noteGrantRevocations(grants.value()) : Result<int>(grants.error());
        if (noted)
            return;
        if (noted.error().code == Error::Code::Io)
            return; // unreachable: the shipment's state says so
        status.syncMessage =
            QStringLiteral("the site's grant revocations were not taken: ") + noted.error().message.left(200);
        if (noted.error().code == Error::Code::Tampered &&
            (!lastRevocationAlert.isValid() || lastRevocationAlert.secsTo(clock.now()) >= 3600)) {
            lastRevocationAlert = clock.now();
            (void)sync->alert(QStringLiteral("grant-revocations-refused"), noted.error().message.left(200));
        }
    }

    // The relay knows this workstation by its client certificate (entries are signed with its key);
    // no user token is needed, so the background sync runs while nobody is signed in.
    Result<void> exchangeLocked()
    {
        if (auto joined = sync->joinSite(); !joined)
            return joined.error();
        const net::SyncCipher cipher{SecureBytes(settings->siteKey)};
        // Push: a batch is taken whole or not at all; a stale revision is listed and that change kept
        // as a conflict (never pushed again), the rest go in the next round.
        for (int round = 0; round < kRoundsPerPass; ++round) {
            auto queued = sync->nextToPush(kEntriesPerCall);
            if (!queued)
                return queued.error();
            if (queued->isEmpty())
                break;
            QList<net::OutgoingEntry> entries;
            QStringList ids;
            for (const SiteSync::Queued &q : queued.value()) {
                net::OutgoingEntry entry{q.entryId, q.kind, q.objectId, q.revision, {}};
                QByteArray payload = q.payload;
                if (q.kind == SiteSync::policyKind()) {
                    // Signed by this workstation before its first push (receivers check who says so),
                    // and kept, so a retry seals the same bytes.
                    QJsonObject object = QJsonDocument::fromJson(payload).object();
                    if (!object.contains(QLatin1String("envelope"))) {
                        auto envelope = client->signedEnvelope(
                            object.value(QLatin1String("document")).toString().toUtf8(),
                            object.value(QLatin1String("installedBy")).toString());
                        if (!envelope)
                            return envelope.error();
                        object.insert(QStringLiteral("envelope"), QString::fromLatin1(envelope->toBase64()));
                        payload = QJsonDocument(object).toJson(QJsonDocument::Compact);
                        if (auto kept = sync->replacePayload(q.entryId, payload); !kept)
                            return kept;
                    }
                }
                auto sealed = cipher.seal(entry, ownFingerprint, payload);
                if (!sealed)
                    return sealed.error();
                entry.ciphertext = std::move(sealed.value());
                entries << entry;
                ids << q.entryId;
            }
            auto outcome = client->push(entries);
            if (!outcome)
                return outcome.error();
            if (outcome->applied) {
                if (auto removed = sync->pushed(ids); !removed)
                    return removed;
                continue;
            }
            if (outcome->conflicts.isEmpty())
                return makeError(Error::Code::Conflict,
                                 QStringLiteral("the server took none of the changes"));
            for (const QJsonValue value : std::as_const(outcome->conflicts)) {
                const QJsonObject conflict = value.toObject();
                const QString objectId = conflict.value(QLatin1String("objectId")).toString();
                const qint64 offered = qint64(conflict.value(QLatin1String("offeredRevision")).toDouble());
                const qint64 current = qint64(conflict.value(QLatin1String("currentRevision")).toDouble());
                const QString why =
                    objectId == SiteSync::policyObjectId()
                        ? QStringLiteral("site policy: version %1 was refused, the site holds version %2 "
                                         "(put in force on another workstation); not merged")
                              .arg(offered)
                              .arg(current)
                        : QStringLiteral("record %1: revision %2 was refused, the site holds revision %3 "
                                         "(changed on another workstation); not merged")
                              .arg(objectId)
                              .arg(offered)
                              .arg(current);
                if (auto marked =
                        sync->markConflict(conflict.value(QLatin1String("entryId")).toString(), why);
                    !marked)
                    return marked;
            }
        }
        // the site's revocations before what is pulled is checked against them, signed with the
        // witness key this workstation pinned (none pinned yet: the next pass). One that cannot be
        // fetched or does not verify is reported and the exchange goes on: records do not depend on
        // it, and policies are checked against the serials already kept.
        if (!serverKeyDer.isEmpty()) {
            auto revocations = client->signedRevocations(serverKeyDer, settings->caPem);
            if (!revocations) {
                if (revocations.error().code == Error::Code::Io)
                    return revocations.error();
                status.syncMessage = QStringLiteral("the site's revocations were not taken: ") +
                                     revocations.error().message.left(200);
            } else {
                auto noted = sync->noteRevocations(revocations.value());
                if (!noted)
                    return noted.error();
                status.revokedCertificates = qint64(revocations->serials.size());
            }
        }
        // Pull: everything after the sequence applied last; this workstation's own entries are passed
        // over, an entry that does not open with the site key is refused and recorded.
        auto last = sync->lastSequence();
        if (!last)
            return last.error();
        qint64 after = last.value();
        for (int round = 0; round < kRoundsPerPass; ++round) {
            bool more = false;
            auto entries = client->pull(after, kEntriesPerCall, &more);
            if (!entries)
                return entries.error();
            for (const net::IncomingEntry &entry : entries.value()) {
                after = std::max(after, entry.sequence);
                if (entry.origin == ownFingerprint) {
                    if (auto skipped = sync->skip(entry.sequence); !skipped)
                        return skipped;
                    continue;
                }
                auto plain = cipher.open(entry);
                Result<SiteSync::Applied> applied =
                    plain ? sync->apply(entry, plain.value()) : Result<SiteSync::Applied>(plain.error());
                if (applied && applied.value() == SiteSync::Applied::Refused)
                    status.syncMessage =
                        entry.kind == SiteSync::policyKind()
                            ? QStringLiteral("a policy from %1 failed the checks and was refused "
                                             "(the one in force stays; see the audit trail)")
                                  .arg(entry.origin.left(16))
                            : QStringLiteral("a change of record %1 from %2 was refused: %3")
                                  .arg(entry.objectId, entry.origin.left(16), sync->lastRefusal().left(200));
                if (applied)
                    failedSequence = 0;
                if (!applied) {
                    // A fault here (disk, a busy database) is retried from this entry on the next
                    // pass, up to kMaxAttempts passes; a fault of the entry (forged, unreadable) is
                    // refused and recorded, so one bad entry cannot hold up the rest of the site.
                    // A busy or unreachable database, or a disk fault, is retried for as long as it
                    // lasts; another fault here, for kGiveUpAfterMs, then refused.
                    if (failedSequence != entry.sequence) {
                        failedSequence = entry.sequence;
                        failingSince.start();
                    }
                    const Error::Code code = applied.error().code;
                    const bool transient = code == Error::Code::Io || code == Error::Code::Conflict ||
                                           code == Error::Code::Locked;
                    if (SiteSync::isRetryable(applied.error()) &&
                        (transient || failingSince.elapsed() < kGiveUpAfterMs))
                        return applied.error();
                    failedSequence = 0;
                    if (auto refused = sync->refuse(entry, applied.error()); !refused)
                        return refused;
                    status.syncMessage =
                        applied.error().code == Error::Code::Tampered
                            ? QStringLiteral("a sync entry from %1 did not authenticate and was refused")
                                  .arg(entry.origin.left(16))
                            : QStringLiteral("a sync entry from %1 was refused: %2")
                                  .arg(entry.origin.left(16), applied.error().message.left(200));
                }
            }
            if (!more || entries->isEmpty())
                break;
        }
        return {};
    }

    // catalogue: this workstation's forms as Questionnaires (metadata and classification only),
    // published when they changed since the last publish; a refusal is reported once, not retried
    // until the catalogue changes. Called with `shipMutex` held, after a successful exchange.
    void publishCatalogueLocked()
    {
        auto catalogue = sync->catalogue();
        if (!catalogue) {
            status.syncMessage =
                QStringLiteral("the catalogue could not be built: ") + catalogue.error().message;
            return;
        }
        const QByteArray hash = crypto::hash(crypto::HashAlgorithm::Sha256,
                                             QJsonDocument(catalogue.value()).toJson(QJsonDocument::Compact));
        if (hash == catalogueHash)
            return;
        auto published = client->publishCatalogue(catalogue.value());
        if (!published) {
            status.syncMessage = QStringLiteral("the catalogue was refused: ") + published.error().message;
            if (published.error().code == Error::Code::Io)
                return; // tried again at the next pass
        }
        catalogueHash = hash;
    }

    // One pass: ship what the server does not hold yet. Called with `shipMutex` held.
    void shipLocked()
    {
        if (!settings) {
            client.reset();
            setState(ServerStatus::State::NotConfigured, QString());
            return;
        }
        if (!client) {
            net::TlsClientOptions options;
            options.host = settings->host;
            options.port = settings->port;
            options.serverName = settings->serverName;
            options.caPem = settings->caPem;
            options.certificatePem = settings->certificatePem;
            options.privateKeyPem = settings->privateKeyPem;
            options.timeoutMs = 8000;
            auto made = net::GrantClient::create(options);
            if (!made) {
                setState(ServerStatus::State::CertificateRefused, made.error().message);
                return;
            }
            client = std::move(*made);
        }
        status.auditEvents = log.durableSize();
        auto fail = [&](const Error &error) {
            if (error.code == Error::Code::PermissionDenied)
                setState(ServerStatus::State::CertificateRefused, error.message);
            else if (error.code == Error::Code::Io)
                setState(ServerStatus::State::Unreachable, error.message);
            else
                setState(ServerStatus::State::AuditRefused, error.message);
        };
        if (status.auditEvents <= status.auditWitnessed) {
            // Nothing new: a look at the server keeps the status true.
            auto health = client->call("GET", QStringLiteral("/health"));
            if (!health)
                return fail(health.error());
            if (health->status != 200)
                return fail(makeError(health->status == 403 ? Error::Code::PermissionDenied : Error::Code::Io,
                                      health->problemDetail()));
            status.lastContact = clock.now();
            return setState(ServerStatus::State::Connected, QString());
        }
        for (int round = 0; round < 64 && status.auditWitnessed < status.auditEvents; ++round) {
            const qint64 from = status.auditWitnessed;
            const qint64 to = std::min(status.auditEvents, from + kFramesPerShipment);
            auto root = log.merkleRoot(to);
            auto frames = log.storedFrames(from, to);
            if (!root || !frames)
                return setState(ServerStatus::State::AuditRefused,
                                (!root ? root.error() : frames.error()).message);
            QList<QByteArray> proof;
            if (from > 0) {
                auto consistency = log.consistencyProof(from, to);
                if (!consistency)
                    return setState(ServerStatus::State::AuditRefused, consistency.error().message);
                proof = *consistency;
            }
            const QByteArray signature =
                signer.sign(net::auditCheckpointStatement(status.workstation, to, *root));
            qint64 held = -1;
            // The node key's public half goes with every shipment; the server fixes it at the first.
            auto witness = client->shipAudit(from, to, *root, signature, signer.publicKey().der(), proof,
                                             *frames, &held);
            if (!witness) {
                if (witness.error().code == Error::Code::Conflict && held >= 0 && held != from) {
                    if (held > status.auditEvents)
                        return setState(
                            ServerStatus::State::AuditRefused,
                            QStringLiteral("the server holds %1 events of this workstation's audit log, "
                                           "more than the %2 here: the log here was cut")
                                .arg(held)
                                .arg(status.auditEvents));
                    status.auditWitnessed = held; // ship again from what the server holds
                    continue;
                }
                return fail(witness.error());
            }
            // The witness must be the server's, signed over what was shipped.
            auto serverKey = crypto::PublicKey::fromDer(witness->serverKeyDer);
            if (!serverKey || (!serverKeyDer.isEmpty() && serverKeyDer != witness->serverKeyDer) ||
                witness->treeSize != to || witness->rootHash != *root ||
                !serverKey->verify(
                    net::auditWitnessStatement(status.workstation, to, *root, witness->witnessedAt),
                    witness->signature))
                return setState(ServerStatus::State::AuditRefused,
                                QStringLiteral("the server's witness signature does not verify"));
            serverKeyDer = witness->serverKeyDer;
            status.auditWitnessed = to;
            status.witnessedAt = witness->witnessedAt;
            witnessRoot = *root;
            witnessSignature = witness->signature;
            saveWitness();
            status.lastContact = clock.now();
            setState(ServerStatus::State::Connected, QString());
        }
    }
};

WorkspaceServerLink::WorkspaceServerLink(store::Database &db, const audit::AuditLog &log,
                                         audit::Sm2CheckpointSigner &signer, Recorder record,
                                         const Authorizer *guard, QString directory, const Clock &clock)
    : m_db(db)
    , m_guard(guard)
    , m_record(std::move(record))
    , m_clock(clock)
    , m_shared(std::make_shared<Shared>(log, signer, clock, std::move(directory)))
{
    m_shared->loadWitness();
    m_shared->published = m_shared->status;
}

WorkspaceServerLink::~WorkspaceServerLink()
{
    stopThread();
    m_shared->closeSync();
}

void WorkspaceServerLink::setInterval(int milliseconds)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->intervalMs = milliseconds;
    m_shared->wake.notify_all();
}

Result<void> WorkspaceServerLink::load()
{
    auto row = m_db.queryOne(
        QStringLiteral("SELECT host, port, server_name, ca_pem, certificate_pem, private_key_pem, site_key "
                       "FROM server_link WHERE id = 1"));
    if (!row)
        return row.error();
    if (!*row)
        return {};
    ServerSettings settings;
    settings.host = (**row)[0].toString();
    settings.port = quint16((**row)[1].toInt());
    settings.serverName = (**row)[2].toString();
    settings.caPem = (**row)[3].toByteArray();
    settings.certificatePem = (**row)[4].toByteArray();
    settings.privateKeyPem = (**row)[5].toByteArray();
    settings.siteKey = (**row)[6].toByteArray();
    auto certificate = crypto::Certificate::fromPem(settings.certificatePem);
    ServerStatus start;
    start.state = ServerStatus::State::Connecting;
    start.workstation = certificate ? certificate->commonName() : QString();
    start.certificateExpires = certificate ? certificate->notAfter() : QDateTime();
    m_shared->reset(settings, start);
    // Linked before sign-in needed the link before unlock: written now, for the next sign-in.
    if (!hasSiteLinkFile(m_shared->directory)) {
        if (auto written = writeSiteLinkFile(m_shared->directory, settings); !written)
            qCWarning(lcWorkspace) << "the server link for sign-in could not be written:"
                                   << written.error().toString();
    }
    startThread();
    return {};
}

Result<void> WorkspaceServerLink::store(const ServerSettings &settings, const QString &by)
{
    return m_db.transaction([&]() -> Result<void> {
        auto removed = m_db.execute(QStringLiteral("DELETE FROM server_link"));
        if (!removed)
            return removed.error();
        auto written = m_db.execute(
            QStringLiteral("INSERT INTO server_link (id, host, port, server_name, ca_pem, certificate_pem, "
                           "private_key_pem, configured_at, configured_by, site_key) "
                           "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
            {settings.host, int(settings.port), settings.serverName, settings.caPem, settings.certificatePem,
             settings.privateKeyPem, m_clock.now().toUTC(), by, settings.siteKey});
        if (!written)
            return written.error();
        auto certificate = crypto::Certificate::fromPem(settings.certificatePem);
        audit::AuditEvent event;
        event.type = QStringLiteral("server.configure");
        event.action = audit::AuditAction::Update;
        event.entities << audit::AuditEntity{QStringLiteral("server"), QStringLiteral("link")};
        event.detail = {{QStringLiteral("host"), settings.host},
                        {QStringLiteral("port"), int(settings.port)},
                        {QStringLiteral("workstation"), certificate ? certificate->commonName() : QString()},
                        {QStringLiteral("certificate"), certificate ? certificate->serialHex() : QString()},
                        {QStringLiteral("sync"), settings.siteKey.size() == 32}};
        return m_record(std::move(event));
    });
}

Result<void> WorkspaceServerLink::configure(const ServerSettings &settings)
{
    auto principal = m_guard->require(Permission::AdministerAccounts, u"server.configure");
    if (!principal)
        return principal.error();
    if (settings.host.trimmed().isEmpty() || settings.port == 0)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the server's address and port are needed"));
    if (!settings.siteKey.isEmpty() && settings.siteKey.size() != 32)
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("the site key must be 32 bytes (it has %1)").arg(settings.siteKey.size()));
    if (!settings.siteIdentityKey.isEmpty() && settings.siteIdentityKey.size() != 32)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the site identity key must be 32 bytes (it has %1)")
                             .arg(settings.siteIdentityKey.size()));
    auto ca = crypto::Certificate::fromPem(settings.caPem);
    if (!ca || !ca->isAuthority())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the CA file is not a certificate authority's certificate"));
    auto certificate = crypto::Certificate::fromPem(settings.certificatePem);
    if (!certificate)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the workstation certificate cannot be read"));
    if (auto valid = certificate->verifyIssuedBy(*ca, nullptr, crypto::CertificateUsage::Workstation,
                                                 m_clock.now().toUTC());
        !valid)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the workstation certificate does not fit this CA: %1")
                             .arg(valid.error().message));
    // The key must be the certificate's: a client built with it proves that before anything is stored.
    net::TlsClientOptions probe;
    probe.caPem = settings.caPem;
    probe.certificatePem = settings.certificatePem;
    probe.privateKeyPem = settings.privateKeyPem;
    if (auto client = net::GrantClient::create(probe); !client)
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("the key does not belong to the certificate: %1").arg(client.error().message));
    // The site key is write-only: a new address or certificate keeps the one the link holds.
    ServerSettings kept = settings;
    if (kept.siteKey.isEmpty()) {
        auto held = m_db.queryOne(QStringLiteral("SELECT site_key FROM server_link WHERE id = 1"));
        if (!held)
            return held.error();
        if (held.value())
            kept.siteKey = held.value()->at(0).toByteArray();
    }
    // The site identity key goes into the keyring (identity scope), never into the link's settings.
    if (!settings.siteIdentityKey.isEmpty()) {
        if (!m_keepSiteIdentityKey)
            return makeError(Error::Code::Unsupported,
                             QStringLiteral("this link cannot keep a site identity key"));
        if (auto keptKey = m_keepSiteIdentityKey(SecureBytes(settings.siteIdentityKey)); !keptKey)
            return keptKey.error();
    }
    kept.siteIdentityKey.clear();
    if (auto stored = store(kept, principal->accountId); !stored)
        return stored.error();
    // What sign-in reads before the workspace is unlocked.
    if (auto written = writeSiteLinkFile(m_shared->directory, settings); !written)
        return makeError(written.error().code,
                         QStringLiteral("the link is stored but sign-in through the server cannot use it: %1")
                             .arg(written.error().message));
    stopThread();
    ServerStatus start;
    start.state = ServerStatus::State::Connecting;
    start.workstation = certificate->commonName();
    start.certificateExpires = certificate->notAfter();
    m_shared->reset(kept, start);
    startThread();
    return {};
}

Result<bool> WorkspaceServerLink::adoptSiteKey(const SecureBytes &siteKey)
{
    if (siteKey.size() != 32)
        return false;
    bool adopted = false;
    auto done = m_db.transaction([&]() -> Result<void> {
        auto held = m_db.queryOne(QStringLiteral("SELECT length(site_key) FROM server_link WHERE id = 1"));
        if (!held)
            return held.error();
        if (!held.value() || held.value()->at(0).toLongLong() == 32)
            return {}; // not linked, or a key already held
        auto written = m_db.execute(QStringLiteral("UPDATE server_link SET site_key = ?1 WHERE id = 1"),
                                    {QByteArray(siteKey.view().data(), qsizetype(siteKey.size()))});
        if (!written)
            return written.error();
        audit::AuditEvent event;
        event.type = QStringLiteral("server.configure");
        event.action = audit::AuditAction::Update;
        event.entities << audit::AuditEntity{QStringLiteral("server"), QStringLiteral("link")};
        event.detail = {{QStringLiteral("sync"), true},
                        {QStringLiteral("siteKeyFrom"), QStringLiteral("sign-in")}};
        adopted = true;
        return m_record(std::move(event));
    });
    if (!done)
        return done.error();
    if (!adopted)
        return false;
    stopThread();
    if (auto loaded = load(); !loaded)
        return loaded.error();
    return true;
}

Result<void> WorkspaceServerLink::disconnect()
{
    auto principal = m_guard->require(Permission::AdministerAccounts, u"server.disconnect");
    if (!principal)
        return principal.error();
    auto done = m_db.transaction([&]() -> Result<void> {
        auto removed = m_db.execute(QStringLiteral("DELETE FROM server_link"));
        if (!removed)
            return removed.error();
        audit::AuditEvent event;
        event.type = QStringLiteral("server.disconnect");
        event.action = audit::AuditAction::Delete;
        event.entities << audit::AuditEntity{QStringLiteral("server"), QStringLiteral("link")};
        return m_record(std::move(event));
    });
    if (!done)
        return done.error();
    removeSiteLinkFile(m_shared->directory);
    stopThread();
    m_shared->reset(std::nullopt, ServerStatus{});
    return {};
}

Result<void> WorkspaceServerLink::setOfflineSignInHours(int hours)
{
    auto principal = m_guard->require(Permission::AdministerAccounts, u"server.offline-period");
    if (!principal)
        return principal.error();
    if (hours < 0 || hours > 24 * 90)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the offline period is 0 to 2160 hours (90 days)"));
    return m_db.transaction([&]() -> Result<void> {
        auto written = m_db.execute(
            QStringLiteral("INSERT OR REPLACE INTO site_sign_in_policy (id, offline_hours) VALUES (1, ?1)"),
            {hours});
        if (!written)
            return written.error();
        audit::AuditEvent event;
        event.type = QStringLiteral("server.offline-period");
        event.action = audit::AuditAction::Update;
        event.entities << audit::AuditEntity{QStringLiteral("server"), QStringLiteral("link")};
        event.detail = {{QStringLiteral("hours"), hours}};
        return m_record(std::move(event));
    });
}

int WorkspaceServerLink::offlineSignInHours() const
{
    auto row = m_db.queryOne(QStringLiteral("SELECT offline_hours FROM site_sign_in_policy WHERE id = 1"));
    if (!row || !*row)
        return kDefaultOfflineSignInHours;
    return (**row)[0].toInt();
}

std::optional<ServerSettings> WorkspaceServerLink::settings() const
{
    std::lock_guard lock(m_shared->mutex);
    if (!m_shared->settings)
        return std::nullopt;
    ServerSettings out = *m_shared->settings;
    out.privateKeyPem.clear();
    out.siteKey.clear();
    return out;
}

ServerStatus WorkspaceServerLink::status() const
{
    std::lock_guard lock(m_shared->mutex);
    ServerStatus out = m_shared->published;
    out.auditEvents = m_shared->log.durableSize();
    return out;
}

Result<ServerStatus> WorkspaceServerLink::shipAuditNow()
{
    ServerStatus out = m_shared->ship();
    std::function<void(const ServerStatus &)> listener;
    std::function<void()> parked;
    {
        std::lock_guard lock(m_shared->mutex);
        listener = m_shared->listener;
        parked = m_shared->parkedListener;
    }
    if (parked) {
        // On this thread: applied before the answer when the workspace's thread asked. What that
        // recorded or queued (the registry's join) is shipped in the same call.
        const qint64 before = m_shared->log.durableSize();
        parked();
        if (m_shared->log.durableSize() > before)
            out = m_shared->ship();
        else if (auto counts = m_shared->parkedCount(); counts)
            out.syncParked = *counts;
    }
    if (listener)
        listener(out);
    return out;
}

QByteArray WorkspaceServerLink::pinnedServerKey() const
{
    std::lock_guard shipping(m_shared->shipMutex);
    return m_shared->serverKeyDer;
}

std::optional<WorkspaceServerLink::Witness> WorkspaceServerLink::lastWitness() const
{
    std::lock_guard shipping(m_shared->shipMutex);
    const Shared &s = *m_shared;
    if (s.status.auditWitnessed <= 0 || s.witnessSignature.isEmpty() || s.serverKeyDer.isEmpty())
        return std::nullopt;
    return Witness{s.status.workstation, s.status.auditWitnessed, s.witnessRoot,
                   s.status.witnessedAt, s.witnessSignature,      s.serverKeyDer};
}

void WorkspaceServerLink::setParkedListener(std::function<void()> listener)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->parkedListener = std::move(listener);
}

void WorkspaceServerLink::setStatusListener(std::function<void(const ServerStatus &)> listener)
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->listener = std::move(listener);
}

void WorkspaceServerLink::startThread()
{
    if (m_thread.joinable())
        return;
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = false;
    }
    m_thread = std::thread([shared = m_shared] {
        std::unique_lock lock(shared->mutex);
        while (!shared->stopping) {
            const ServerStatus before = shared->published;
            lock.unlock();
            const ServerStatus after = shared->ship();
            lock.lock();
            if (shared->parkedListener) {
                const auto parked = shared->parkedListener;
                lock.unlock();
                parked();
                lock.lock();
            }
            const auto listener = shared->listener;
            if (listener && (after.state != before.state || after.auditWitnessed != before.auditWitnessed ||
                             after.message != before.message || after.syncPending != before.syncPending ||
                             after.syncConflicts != before.syncConflicts ||
                             after.syncLastSequence != before.syncLastSequence)) {
                lock.unlock();
                listener(after);
                lock.lock();
            }
            shared->wake.wait_for(lock, std::chrono::milliseconds(shared->intervalMs),
                                  [&] { return shared->stopping || shared->nudged; });
            if (shared->nudged && !shared->stopping) {
                // A burst of changes: one pass for all of them.
                shared->wake.wait_for(lock, std::chrono::milliseconds(kNudgeDelayMs),
                                      [&] { return shared->stopping; });
                shared->nudged = false;
            }
        }
    });
}

void WorkspaceServerLink::nudge()
{
    std::lock_guard lock(m_shared->mutex);
    m_shared->nudged = true;
    m_shared->wake.notify_all();
}

void WorkspaceServerLink::stopThread()
{
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->stopping = true;
        m_shared->wake.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
}

void WorkspaceServerLink::stop()
{
    stopThread();
    m_shared->closeSync();
}

void WorkspaceServerLink::setSyncOpener(SyncOpener opener)
{
    std::lock_guard shipping(m_shared->shipMutex);
    m_shared->openSync = std::move(opener);
}

} // namespace mdp::workspace
