#include "mdp/workspace/Workspace.h"

#include "mdp/deid/TextDeidentifier.h"

#include "AccessGate.h"
#include "AccountLookups.h"
#include "AuditHistoryCheck.h"
#include "AuditOutbox.h"
#include "Authorizer.h"
#include "FormsAuditAdapter.h"
#include "FormsMergeFollower.h"
#include "OneTransaction.h"
#include "RegistryAuditAdapter.h"
#include "RegistrySync.h"
#include "SearchIndexBuilder.h"
#include "SecondConnection.h"
#include "SiteLinkFile.h"
#include "SiteSync.h"
#include "TimeFloor.h"
#include "TransactionalAccountDirectory.h"
#include "TransactionalFormStore.h"
#include "TransactionalRegistry.h"
#include "WorkspaceAlerts.h"
#include "WorkspaceGrants.h"
#include "WorkspaceLock.h"
#include "WorkspaceLogging.h"
#include "WorkspacePolicies.h"
#include "WorkspaceServerLink.h"
#include "WorkspaceSinks.h"
#include "WorkstationKey.h"

#include "GrantDeliveries.h"
#include "SiteAccessHooks.h"
#include "mdp/access/GrantDocument.h"
#include "mdp/accounts/Base32.h"
#include "mdp/accounts/SqlCipherAccountDirectory.h"
#include "mdp/audit/AuditBundle.h"
#include "mdp/audit/AuditEventType.h"
#include "mdp/audit/AuditLog.h"
#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Crypto.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/KeyHierarchy.h"
#include "mdp/crypto/LibraryVersions.h"
#include "mdp/crypto/PassphraseRootKey.h"
#include "mdp/crypto/Pkcs11RootKey.h"
#include "mdp/crypto/Random.h"
#include "mdp/crypto/Signature.h"
#include "mdp/forms/DefaultTemplates.h"
#include "mdp/forms/SqlCipherFormStore.h"
#include "mdp/foundation/AtomicFile.h"
#include "mdp/net/GrantClient.h"
#include "mdp/net/Protocol.h"
#include "mdp/registry/SqlCipherRegistry.h"
#include "mdp/search/IndexedPatientSearch.h"
#include "mdp/search/PatientSearchIndex.h"
#include "mdp/search/RegistrySearchRecords.h"
#include "mdp/store/Database.h"
#include "mdp/store/Vault.h"
#include "mdp/workspace/AuditReview.h"

#include <QCoreApplication>
#include <QDir>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>
#include <atomic>

#include <algorithm>
#include <limits>

namespace mdp::workspace {

namespace {

const QString kManifest = QStringLiteral("workspace.json");
const QString kKeyring = QStringLiteral("keyring.json");
const QString kDatabase = QStringLiteral("data.db");
const QString kVaultDir = QStringLiteral("vault");
const QString kAuditDir = QStringLiteral("audit");
const QString kNodeKey = QStringLiteral("node-key.bin");
const QString kAuditKeyFile = QStringLiteral("audit-key.bin");
const QByteArray kAuditKeyMagic = QByteArrayLiteral("MDP-AUDIT-KEY/1\n");
const QByteArray kAuditKeyAd = QByteArrayLiteral("mdp audit record key v1|");
const QByteArray kNodeKeyAd = QByteArrayLiteral("mdp node signing key v1");
const QByteArray kNodeKeyAd2 = QByteArrayLiteral("mdp node signing key v2|");
const QByteArray kNodeKeyMagic = QByteArrayLiteral("MDP-NODE-KEY/2\n");

// Data keys of a workspace: name and purpose in the key hierarchy.
struct DataKeyName
{
    const char *name;
    QString (*purpose)();
};
const DataKeyName kDatabaseKey{"database", &crypto::KeyPurpose::database};
const DataKeyName kVaultKey{"vault", &crypto::KeyPurpose::vault};
const DataKeyName kAuditKey{"audit", &crypto::KeyPurpose::audit};
const DataKeyName kSigningKey{"node-signing", &crypto::KeyPurpose::signing};
// Created on first open where missing, so workspaces made before the registry gain it.
const QString kRegistryKeyName = QStringLiteral("registry-pseudonym");
const QString kRegistryKeyPurpose = QStringLiteral("pseudonym");
const QString kIdentityKeyName = QStringLiteral("identity");
// Kept apart when the key they were derived from is renewed (issue 9 part 6).
const QString kManifestKeyName = QStringLiteral("manifest");
const QString kVaultIdKeyName = QStringLiteral("vault-id");

Result<QJsonObject> readManifest(const QString &directory)
{
    QFile f(QDir(directory).filePath(kManifest));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, QStringLiteral("no workspace at %1").arg(directory));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject() ||
        doc.object().value(QStringLiteral("format")).toString() != QStringLiteral("mdp-workspace"))
        return makeError(Error::Code::Corrupt, QStringLiteral("%1 is not a readable workspace manifest")
                                                   .arg(QDir(directory).filePath(kManifest)));
    if (doc.object().value(QStringLiteral("version")).toInt() != 1)
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("workspace format version %1 is not supported")
                             .arg(doc.object().value(QStringLiteral("version")).toInt()));
    return doc.object();
}

SecureBytes randomCustodianPassword()
{
    // Never stored, never shown: the custodian cannot sign in. Satisfies any password policy.
    QByteArray text = crypto::randomBytes(24).toBase64(QByteArray::Base64UrlEncoding) + "aZ9!";
    return SecureBytes::takeFrom(text);
}

// Known-answer tests once per process, before the first key is touched.
Result<void> selfTestsOnce()
{
    static const Result<void> outcome = [] {
        crypto::initialise();
        return crypto::runSelfTests();
    }();
    return outcome;
}

// The registry search box of an unlocked workspace: a search waits for the index being built in
// the background (screens look at searchIndexState() first and show its progress instead).
class IndexWaitingSearch final : public registry::PatientSearch
{
public:
    IndexWaitingSearch(registry::PatientSearch &search, const SearchIndexBuilder &builder,
                       const Authorizer &guard)
        : m_search(search)
        , m_builder(builder)
        , m_guard(guard)
    {}

    Result<QList<registry::PatientHit>> search(QString query, int limit,
                                               const registry::SearchFilter &filter) override
    {
        auto principal = m_guard.require(Permission::ReadPatients, u"registry.search");
        if (!principal)
            return principal.error();
        // What the session may see, not what the caller asked for.
        registry::SearchFilter allowed = filter;
        allowed.roles = principal->roles;
        allowed.identityVisible = filter.identityVisible && m_guard.allows(Permission::SeeIdentity);
        if (auto ready = m_builder.waitUntilReady(); !ready)
            return ready.error();
        const QString needle = query.trimmed();
        auto hits = m_search.search(std::move(query), limit, allowed);
        if (hits && !allowed.identityVisible) {
            // Without identity a hit shows what the registry's own reads show: the birth year only,
            // and the diagnosis line de-identified. A hit found only through what de-identification
            // removes (a name typed into a diagnosis) is not a hit for this session: it would tie the
            // name to the pseudonym.
            QList<registry::PatientHit> kept;
            for (registry::PatientHit &hit : hits.value()) {
                hit.displayName.clear();
                if (hit.birthDate.isValid())
                    hit.birthDate = QDate(hit.birthDate.year(), 1, 1);
                if (!hit.diagnosis.isEmpty()) {
                    const QString shown = deid::deidentify(hit.diagnosis);
                    if (hit.matchedField == u"diagnosis" && !shown.contains(needle, Qt::CaseInsensitive))
                        continue;
                    hit.diagnosis = shown;
                }
                kept << std::move(hit);
            }
            hits.value() = std::move(kept);
        }
        return hits;
    }

private:
    registry::PatientSearch &m_search;
    const SearchIndexBuilder &m_builder;
    const Authorizer &m_guard;
};

// ---- single sign-on across the site's workstations (R-9.3) ----

// What the site server said yes with: the account, its roles and the site scope keys of its bundle.
struct SiteAnswer
{
    net::SignedInAccount account;
    QMap<QString, SecureBytes> scopeKeys;
    SecureBytes siteKey; // the site's sync key (end-to-end encryption of the relay's entries)
    // The signed-in session, kept (in memory) for the access workflow (SiteAccess).
    std::unique_ptr<net::GrantClient> client;
};

Result<SiteAnswer> askSiteServer(const ServerSettings &link, const SignIn &signIn)
{
    net::TlsClientOptions options;
    options.host = link.host;
    options.port = link.port;
    options.serverName = link.serverName;
    options.caPem = link.caPem;
    options.certificatePem = link.certificatePem;
    options.privateKeyPem = link.privateKeyPem;
    options.timeoutMs = 8000;
    auto client = net::GrantClient::create(options);
    if (!client)
        return client.error();
    auto account = (*client)->signIn(signIn.userName, signIn.password, signIn.totpCode);
    if (!account)
        return account.error();
    if (account->secondFactorEnrolmentRequired)
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("the site server asks this account to set up its second factor "
                                        "first"));
    SiteAnswer answer{std::move(account.value()), {}, {}, nullptr};
    answer.client = std::move(client.value());
    const QJsonObject bundle = QJsonDocument::fromJson(QByteArray(answer.account.bundle.view().data(),
                                                                  qsizetype(answer.account.bundle.size())))
                                   .object();
    QByteArray siteKey = QByteArray::fromBase64(bundle.value(u"siteKey").toString().toLatin1());
    if (siteKey.size() == 32)
        answer.siteKey = SecureBytes::takeFrom(siteKey);
    const QJsonObject scopes = bundle.value(u"scopes").toObject();
    for (const QString &scope : crypto::keyScopes()) {
        QByteArray key = QByteArray::fromBase64(scopes.value(scope).toString().toLatin1());
        if (key.size() == 32)
            answer.scopeKeys.insert(scope, SecureBytes::takeFrom(key));
    }
    return answer;
}

const QString kRefusalsFile = QStringLiteral("server-sign-in-refusals.json");

// A refusal by the server happens before anything can be written to the audit trail: noted beside
// the workspace (time, reason, and the user name only when keyring.json already shows it: a name
// typed wrong, or a password typed into the name field, stays off the disk) and recorded at the next
// open, as failed local sign-ins are.
void noteServerRefusal(const QString &directory, const QString &userName, const Error &error,
                       const QDateTime &at)
{
    QString known;
    if (auto names = crypto::KeyHierarchy::slotUserNamesOf(QDir(directory).filePath(kKeyring))) {
        for (const QString &name : names.value()) {
            if (name.compare(userName, Qt::CaseInsensitive) == 0)
                known = name;
        }
    }
    const QString path = QDir(directory).filePath(kRefusalsFile);
    QJsonArray list;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        list = QJsonDocument::fromJson(file.readAll()).array();
    file.close();
    if (list.size() >= 1000)
        list.removeFirst();
    QJsonObject entry{{QStringLiteral("at"), at.toUTC().toString(Qt::ISODateWithMs)},
                      {QStringLiteral("code"), Error::codeName(error.code)}};
    if (!known.isEmpty())
        entry.insert(QStringLiteral("userName"), known);
    list.append(entry);
    if (auto w = writeFileAtomically(path, QJsonDocument(list).toJson(QJsonDocument::Compact)); !w)
        qCWarning(lcWorkspace) << "a refused sign-in could not be noted:" << w.error().toString();
}

// The server's refusal, as the sign-in screen shows it: the local wording for a wrong name or
// password (one answer for both), the server's for a lock.
Error siteRefusal(const Error &error)
{
    if (error.code == Error::Code::Unauthenticated || error.code == Error::Code::WrongPassphrase)
        return accounts::badCredentialsError();
    if (error.code == Error::Code::Locked)
        return makeError(Error::Code::Locked,
                         QStringLiteral("The site server has locked this account: %1").arg(error.message));
    return makeError(error.code,
                     QStringLiteral("The site server refused the sign-in: %1").arg(error.message));
}

} // namespace

struct Workspace::Impl
{
    // First, so it goes last: the workspace stays this process's until everything else is closed.
    WorkspaceLock lock;
    QString directory;
    const Clock *clock = nullptr;
    QJsonObject manifest;
    QString nodeId;
    QUuid custodian;
    store::PageCipher pageCipher = store::PageCipher::Sm4Cbc;
    crypto::AeadCipher blobCipher = crypto::AeadCipher::Sm4Gcm;

    // Declaration order is teardown order in reverse: sinks must outlive what reports to them.
    std::unique_ptr<AuditForwarder> forwarder;
    // Alert rules over the log's events (issue 13): made before the log (which tells it every event)
    // so that it outlives it.
    std::unique_ptr<WorkspaceAlerts> alerts;
    QByteArray alertDocument; // the rules in force
    std::unique_ptr<crypto::KeyHierarchy> keys;
    std::shared_ptr<Sm2CheckpointSigner> signer;
    std::unique_ptr<audit::AuditLog> audit;
    std::unique_ptr<store::Database> database;
    // The time grants and access decisions are judged by: never before a time already seen here.
    std::unique_ptr<TimeFloor> timeFloor;
    bool clockSetBackReported = false; // once per open
    std::shared_ptr<AuditShipping> shipping = std::make_shared<AuditShipping>();
    std::unique_ptr<AuditOutbox> outbox;
    std::unique_ptr<store::Vault> vault;
    std::unique_ptr<accounts::SqlCipherAccountDirectory> accounts;
    // The services' access decisions, from this workspace's own session.
    std::unique_ptr<Authorizer> authorizer;
    std::unique_ptr<AccessGate> accessGate;
    std::unique_ptr<WorkspaceGrants> grants;     // the site's grants of the accounts signed in here
    std::unique_ptr<SiteAccess> siteAccess;      // the signed-in account's session at the site server
    std::unique_ptr<GrantDeliveries> deliveries; // data delivered under the grants held here
    bool sessionSecondFactor = false;            // the sign-in passed a second factor
    std::unique_ptr<TransactionalAccountDirectory> transactionalAccounts;
    std::unique_ptr<RegistryAuditAdapter> registryAudit;
    std::unique_ptr<registry::SqlCipherRegistry> registry;
    std::unique_ptr<TransactionalRegistry> transactionalRegistry;
    // The search index lives only in memory: built from the encrypted database at unlock, kept
    // current through the registry's change listener, gone when the workspace closes.
    std::unique_ptr<search::PatientSearchIndex> searchIndex;
    std::unique_ptr<search::IndexedPatientSearch> indexedSearch;
    std::unique_ptr<SearchIndexBuilder> indexBuilder; // after the index: stopped before it goes
    std::unique_ptr<registry::PatientSearch> patientSearch;
    std::unique_ptr<FormsAuditAdapter> formsAudit;
    std::unique_ptr<forms::SqlCipherFormStore> forms;
    std::unique_ptr<FormsMergeFollower> formsFollower;
    std::unique_ptr<TransactionalFormStore> transactionalForms;
    std::unique_ptr<SiteSync> syncQueue;        // queues the record changes made here for the site sync
    std::unique_ptr<RegistrySync> registrySync; // the registry's changes, both ways (this connection)
    std::unique_ptr<QObject> syncContext;       // where the link's thread asks for registrySync to run
    std::unique_ptr<WorkspacePolicies> policies;
    std::unique_ptr<WorkspaceServerLink> serverLink;
    std::unique_ptr<AuditHistoryCheck> historyCheck; // reads the audit log: stopped before it goes
    // Stopped and destroyed first (they use the database and the audit log), newest first.
    std::vector<std::unique_ptr<WorkspaceService>> services;
    std::optional<Session> session;
    bool custodianSession = false;
    bool accountSlots = false;  // opened through account key slots (no workspace passphrase)
    SecureBytes recoveryKey;    // drawn by create(), handed out once
    QString adminEnrolmentCode; // the first administrator's, from create(), handed out once
    std::optional<QString> pendingEnrolment;

    // open()'s steps once the keys are unlocked; the offline check's once they are.
    Result<void> openWithKeys();
    Result<IntegrityReport> verifyWithKeys();

    // The offline check's start: the manifest's facts, and the workspace shared with other readers.
    static Result<std::unique_ptr<Workspace>> prepareToVerify(const QString &directory, const Clock &clock)
    {
        auto prepared = prepare(directory, clock);
        if (!prepared)
            return prepared.error();
        Impl &d = *prepared.value()->d;
        auto held =
            WorkspaceLock::acquire(d.directory, WorkspaceLock::Mode::Shared, WorkspaceLock::defaultWait());
        if (!held)
            return held.error();
        d.lock = std::move(held.value());
        return prepared;
    }

    static Result<std::unique_ptr<Workspace>> prepareToOpen(const QString &directory, const Clock &clock,
                                                            const OpenProgressHandler &progress)
    {
        auto prepared = prepare(directory, clock);
        if (!prepared)
            return prepared.error();
        Impl &d = *prepared.value()->d;
        d.openProgress = progress;
        auto held = WorkspaceLock::acquire(d.directory, WorkspaceLock::Mode::Exclusive,
                                           WorkspaceLock::defaultWait(), [&d](const QString &holder) {
                                               OpenProgress waiting;
                                               waiting.stage = OpenStage::Waiting;
                                               waiting.waitingFor = holder;
                                               d.reportOpen(waiting);
                                           });
        if (!held)
            return held.error();
        d.lock = std::move(held.value());
        d.forwarder = std::make_unique<AuditForwarder>(clock);
        d.forwarder->setAgentProvider([impl = &d] { return impl->agent(); });
        d.forwarder->setEventStamp([impl = &d](audit::AuditEvent &event) { impl->stampOrigin(event); });
        d.openProgress = progress;
        d.reportStage(OpenStage::Keys);
        return prepared;
    }

    void startCustodianSession(SessionOrigin origin)
    {
        session = Session{custodian.toString(QUuid::WithoutBraces),
                          QStringLiteral("custodian"),
                          QStringLiteral("Workspace custodian (command line)"),
                          QStringLiteral("system-admin"),
                          {QStringLiteral("system-admin")},
                          clock->now(),
                          origin,
                          QString()};
        custodianSession = true;
    }

    void endCustodianSession()
    {
        if (!custodianSession)
            return;
        session.reset();
        custodianSession = false;
    }

    Session beginSession(const accounts::Account &account, SessionOrigin origin)
    {
        QStringList roles;
        for (const auto role : account.roles)
            roles << accounts::roleId(role);
        session = Session{account.idString(),
                          account.userName,
                          account.displayName,
                          accounts::roleId(account.primaryRole()),
                          roles,
                          clock->now(),
                          origin,
                          QString()};
        custodianSession = false;
        // Sign-in refuses an account that needs a second factor without a valid code.
        sessionSecondFactor = account.requiresSecondFactor();
        return *session;
    }

    // The account whose slot opened the keys signs in: its state and second factor are checked,
    // not its password again.
    Result<Session> signInBySlot(const QString &accountId, const QString &userName, const QString &totpCode,
                                 SessionOrigin origin)
    {
        // The account the slot belongs to, by its id, before anything is committed for a name.
        auto owner = accounts->findById(QUuid::fromString(accountId));
        if (!owner)
            return owner.error();
        if (!owner->has_value() || owner->value().userName.compare(userName, Qt::CaseInsensitive) != 0)
            return makeError(Error::Code::Tampered,
                             QStringLiteral("the key slot of '%1' belongs to no such account").arg(userName));
        const QString name = owner->value().userName;
        auto account =
            inOneTransaction(*outbox, [&] { return accounts->authenticateByKeySlot(name, totpCode); });
        if (!account)
            return account.error();
        if (account->idString() != accountId)
            return makeError(Error::Code::Tampered,
                             QStringLiteral("the key slot of '%1' belongs to another account").arg(userName));
        if (auto failure = auditFailure())
            return makeError(Error::Code::Io,
                             QStringLiteral("the audit log cannot be written (%1); sign-in is refused")
                                 .arg(failure->message));
        return beginSession(account.value(), origin);
    }
    // R-9.3: the account the site server confirmed, as it signs in here.
    Result<Session> signInBySiteServer(const QString &accountId, SessionOrigin origin)
    {
        auto owner = accounts->findById(QUuid::fromString(accountId));
        if (!owner)
            return owner.error();
        if (!owner->has_value())
            return makeError(Error::Code::NotFound, QStringLiteral("the mirrored account is missing"));
        const QString name = owner->value().userName;
        auto account = inOneTransaction(*outbox, [&] { return accounts->authenticateBySiteServer(name); });
        if (!account)
            return account.error();
        if (auto failure = auditFailure())
            return makeError(Error::Code::Io,
                             QStringLiteral("the audit log cannot be written (%1); sign-in is refused")
                                 .arg(failure->message));
        return beginSession(account.value(), origin);
    }

    // R-9.3: the local mirror of the account the server confirmed (created, roles, slot), recorded
    // when anything changed; the site slots this session can now provide. Returns the account id.
    Result<QString> mirrorSiteAccount(const SiteAnswer &site, const SecureBytes &password, bool slotOpens,
                                      const QString &serverHost)
    {
        QList<accounts::Role> roles;
        for (const QString &id : site.account.roles) {
            if (auto role = accounts::roleFromId(id); role && !roles.contains(*role))
                roles << *role;
        }
        // The mirror and its event in one transaction: a crash between them leaves neither.
        auto mirror = inOneTransaction(*outbox, [&]() -> Result<TransactionalAccountDirectory::SiteMirror> {
            auto made = transactionalAccounts->mirrorSiteAccount(
                custodian, site.account.userName,
                site.account.displayName.isEmpty() ? site.account.userName : site.account.displayName, roles,
                password, slotOpens);
            if (!made || !(made->created || made->rolesChanged || made->slotChanged))
                return made;
            audit::AuditEvent event;
            event.type = QStringLiteral("account.sso-mirror");
            event.action = made->created ? audit::AuditAction::Create : audit::AuditAction::Update;
            event.entities << audit::AuditEntity{QStringLiteral("account"), made->account.idString()};
            event.detail.insert(QStringLiteral("server"), serverHost);
            event.detail.insert(QStringLiteral("created"), made->created);
            event.detail.insert(QStringLiteral("roles"), accounts::roleIdList(made->account.roles));
            event.detail.insert(QStringLiteral("rolesChanged"), made->rolesChanged);
            event.detail.insert(QStringLiteral("slotChanged"), made->slotChanged);
            if (auto r = record(std::move(event)); !r)
                return r.error();
            return made;
        });
        if (!mirror)
            return mirror.error();
        // Site slots for what this session holds and the bundle carries: the next account of the
        // site that never signed in here opens through them.
        // Only where the keyring has none for that scope: a slot is never replaced on a bundle's word
        // (an account can write its own bundle, and would lock the rest of the site out).
        const QStringList present = keys->siteSlotScopes();
        for (auto it = site.scopeKeys.cbegin(); it != site.scopeKeys.cend(); ++it) {
            if (!keys->holdsScope(it.key()) || present.contains(it.key()))
                continue;
            if (auto r = keys->addSiteSlot(it.key(), it.value()); !r)
                return r.error();
            audit::AuditEvent event;
            event.type = audit::EventType::SystemConfigChange.toString();
            event.action = audit::AuditAction::Update;
            event.detail.insert(QStringLiteral("change"), QStringLiteral("site-key-slot"));
            event.detail.insert(QStringLiteral("scope"), it.key());
            event.entities << audit::AuditEntity{QStringLiteral("account"), mirror->account.idString()};
            if (auto r = record(std::move(event)); !r)
                return r.error();
        }
        // The site identity key (issue 11 part 5): patients in the site sync are sealed under it.
        if (auto scopeKey = site.scopeKeys.constFind(crypto::identityScope());
            scopeKey != site.scopeKeys.cend() && keys->holdsScope(crypto::identityScope())) {
            if (auto kept = keepSiteIdentityKey(scopeKey.value()); !kept)
                qCWarning(lcWorkspace) << "the site identity key was not kept:" << kept.error().toString();
        }
        if (auto r = anchorKeyringGeneration(); !r)
            return r.error();
        return mirror->account.idString();
    }

    Result<void> noteServerSignIn(const QString &accountId)
    {
        auto r = database->execute(QStringLiteral("INSERT OR REPLACE INTO site_sign_in (account_id, "
                                                  "last_server_sign_in_ms) VALUES (?1, ?2)"),
                                   {accountId, clock->now().toMSecsSinceEpoch()});
        if (!r)
            return r.error();
        return {};
    }

    // Offline (the server unreachable): within the offline period of the last sign-in here through
    // the server, or refused, recorded.
    Result<void> checkOfflinePeriod(const QString &accountId, const QString &why)
    {
        const int hours = serverLink->offlineSignInHours();
        auto row = database->queryOne(
            QStringLiteral("SELECT last_server_sign_in_ms FROM site_sign_in WHERE account_id = ?1"),
            {accountId});
        if (!row)
            return row.error();
        const QDateTime last =
            *row ? QDateTime::fromMSecsSinceEpoch((**row)[0].toLongLong()).toUTC() : QDateTime();
        if (last.isValid() && last.addSecs(qint64(hours) * 3600) >= clock->now())
            return {};
        audit::AuditEvent refused;
        refused.type = audit::EventType::SecurityAlert.toString();
        refused.action = audit::AuditAction::Execute;
        refused.outcome = audit::AuditOutcome::MinorFailure;
        refused.detail.insert(QStringLiteral("alert"), QStringLiteral("offline-sign-in-refused"));
        refused.detail.insert(QStringLiteral("offlineHours"), hours);
        refused.detail.insert(QStringLiteral("lastServerSignIn"), last.toString(Qt::ISODateWithMs));
        refused.detail.insert(QStringLiteral("server"), why);
        refused.entities << audit::AuditEntity{QStringLiteral("account"), accountId};
        (void)record(std::move(refused));
        return makeError(Error::Code::Io,
                         QStringLiteral("The server cannot be reached and the offline period of %1 hours "
                                        "has passed: sign in again when the server is back.")
                             .arg(hours));
    }

    // Refusals by the server noted before this open: on the record now.
    Result<void> recordServerRefusals()
    {
        const QString path = QDir(directory).filePath(kRefusalsFile);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QJsonArray list = QJsonDocument::fromJson(file.readAll()).array();
        file.close();
        for (const QJsonValue &v : list) {
            const QJsonObject o = v.toObject();
            audit::AuditEvent failure;
            failure.type = audit::EventType::SecurityAlert.toString();
            failure.action = audit::AuditAction::Execute;
            failure.outcome = audit::AuditOutcome::MinorFailure;
            failure.detail.insert(QStringLiteral("alert"), QStringLiteral("server-sign-in-refused"));
            failure.detail.insert(QStringLiteral("at"), o.value(u"at").toString());
            failure.detail.insert(QStringLiteral("code"), o.value(u"code").toString());
            const QString userName = o.value(u"userName").toString();
            auto owner = userName.isEmpty() ? Result<std::optional<accounts::Account>>(std::nullopt)
                                            : accounts->find(userName);
            if (owner && owner->has_value()) {
                failure.entities << audit::AuditEntity{QStringLiteral("account"), owner->value().idString()};
                // Locked at the server: the offline allowance of its last server sign-in is gone, so
                // cutting the network afterwards does not let the account in with its local slot.
                if (o.value(u"code").toString() == Error::codeName(Error::Code::Locked)) {
                    auto cleared =
                        database->execute(QStringLiteral("DELETE FROM site_sign_in WHERE account_id = ?1"),
                                          {owner->value().idString()});
                    if (!cleared)
                        return cleared.error();
                    failure.detail.insert(QStringLiteral("offlineSignIn"), QStringLiteral("withdrawn"));
                }
            } else
                failure.detail.insert(QStringLiteral("account"), QStringLiteral("not on this workstation"));
            if (auto r = record(std::move(failure)); !r)
                return r;
        }
        QFile::remove(path);
        return {};
    }

    // After a sign-in whose password opened the account's slot: success clears the slot's failure
    // count, a refusal of the same kind as a wrong password counts like one (issue 9 part 8).
    Result<void> settleSlot(const QString &accountId, const Result<Session> &signedIn)
    {
        if (signedIn)
            return keys->settleSlotSignIn(accountId, true);
        if (accounts::loginFailureOf(signedIn.error()) == accounts::LoginFailure::BadCredentials)
            return keys->settleSlotSignIn(accountId, false);
        return {};
    }
    int batchDepth = 0;              // inside runBatch(): audit events are queued, flushed before the commit
    QSet<QString> batchIndexChanges; // pseudonyms changed inside runBatch(), indexed once at its end
    std::atomic<bool> syncQueued{false}; // a change was queued for the site sync: nudge after commit

    OpenProgressHandler openProgress; // set while open() runs

    QString path(const QString &name) const { return QDir(directory).filePath(name); }

    void reportOpen(const OpenProgress &progress) const
    {
        if (openProgress)
            openProgress(progress);
    }

    void reportStage(OpenStage stage, int percent = -1) const
    {
        OpenProgress progress;
        progress.stage = stage;
        progress.percent = percent;
        reportOpen(progress);
    }

    Result<SecureBytes> dataKey(const DataKeyName &key, bool create)
    {
        return create ? keys->createDataKey(QString::fromLatin1(key.name), key.purpose())
                      : keys->dataKey(QString::fromLatin1(key.name));
    }

    // --- data-key generations (issue 9 part 6) ------------------------------------------------
    // A renewed data key is a new key of the same role: "database", then "database:2", "database:3".
    // Names are never reused (the keyring keeps destroyed ones), so the next is past the highest ever.
    static QString generationName(const QString &base, int generation)
    {
        return generation <= 1 ? base : base + u':' + QString::number(generation);
    }
    static int generationOf(const QString &base, const QString &name)
    {
        if (name == base)
            return 1;
        if (!name.startsWith(base + u':'))
            return 0;
        bool ok = false;
        const int g = QStringView(name).mid(base.size() + 1).toInt(&ok);
        return ok && g >= 2 ? g : 0;
    }
    struct Generations
    {
        QMap<int, QString> live; // not destroyed, by generation
        int highest = 0;         // of every key ever made for the role
    };
    // Only keys of the role's purpose count: any root holder can add a data key of another purpose
    // under a name that looks like a generation, and it must not be taken for one.
    Generations generations(const QString &base, const QString &purpose) const
    {
        Generations g;
        for (const crypto::KeyInfo &k : keys->keys()) {
            if (k.kind != crypto::KeyInfo::Kind::DataKey)
                continue;
            const int n = generationOf(base, k.name);
            if (n == 0)
                continue;
            g.highest = std::max(g.highest, n); // names are unique whatever their purpose
            if (k.purpose == purpose && k.state != crypto::KeyState::Destroyed)
                g.live.insert(n, k.name);
        }
        return g;
    }
    bool hasLiveDataKey(const QString &name, const QString &purpose) const
    {
        const QList<crypto::KeyInfo> all = keys->keys();
        return std::any_of(all.cbegin(), all.cend(), [&](const crypto::KeyInfo &k) {
            return k.kind == crypto::KeyInfo::Kind::DataKey && k.name == name && k.purpose == purpose &&
                   k.state != crypto::KeyState::Destroyed;
        });
    }
    Generations databaseGenerations() const
    {
        return generations(QString::fromLatin1(kDatabaseKey.name), crypto::KeyPurpose::database());
    }
    Generations vaultGenerations() const
    {
        return generations(QString::fromLatin1(kVaultKey.name), crypto::KeyPurpose::vault());
    }
    Generations identityGenerations() const
    {
        return generations(kIdentityKeyName, crypto::KeyPurpose::identity());
    }

    QString databaseKeyName = QString::fromLatin1(kDatabaseKey.name); // the key data.db is under now
    QString identityKeyName = kIdentityKeyName; // the key the registry's identity is sealed under now
    QStringList finishedAtOpen; // renewals a crash cut short, finished while opening: recorded after
    // Every event the offline verification reads and verifies, in order (the audit review keeps them).
    std::function<void(qint64, QByteArrayView)> observeEvent;

    Result<void> recordRenewal(const QString &purpose, const QString &stage, const QString &key,
                               const QStringList &replaced, qint64 items, const QString &reason = {})
    {
        audit::AuditEvent e;
        e.type = audit::EventType::KeyRotate.toString();
        e.action = audit::AuditAction::Update;
        e.outcome = stage == u"failed" ? audit::AuditOutcome::SeriousFailure : audit::AuditOutcome::Success;
        e.detail.insert(QStringLiteral("renewal"), purpose);
        e.detail.insert(QStringLiteral("stage"), stage);
        e.detail.insert(QStringLiteral("key"), key);
        e.detail.insert(QStringLiteral("replaced"), replaced.join(u','));
        e.detail.insert(QStringLiteral("items"), items);
        if (!reason.isEmpty())
            e.detail.insert(QStringLiteral("reason"), reason);
        return record(std::move(e));
    }

    // The old keys of a role, once nothing is under them any more. A failure leaves the key in the
    // keyring (it opens nothing current) and is said.
    QStringList destroyOlder(const Generations &g, const QString &current)
    {
        QStringList destroyed;
        for (const QString &name : g.live) {
            if (name == current)
                continue;
            if (auto gone = keys->destroyDataKey(name); !gone) {
                qCWarning(lcWorkspace) << "the replaced data key" << name
                                       << "could not be destroyed:" << gone.error().toString();
                continue;
            }
            destroyed << name;
        }
        return destroyed;
    }

    audit::AuditAgent agent() const
    {
        audit::AuditAgent a;
        a.nodeId = nodeId;
        if (session) {
            a.userId = session->accountId;
            a.role = session->role;
        } else {
            a.userId = QStringLiteral("system");
            a.role = QStringLiteral("system");
        }
        return a;
    }

    // What the trail records about where the acting session comes from (see SessionOrigin).
    void stampOrigin(audit::AuditEvent &event) const
    {
        if (session && session->origin == SessionOrigin::CommandLine &&
            !event.detail.contains(QStringLiteral("via")))
            event.detail.insert(QStringLiteral("via"), QStringLiteral("command-line"));
    }

    Result<void> record(audit::AuditEvent event)
    {
        if (!audit)
            return makeError(Error::Code::Unknown, QStringLiteral("the audit log is not open"));
        stampOrigin(event);
        if (event.agent.userId.isEmpty())
            event.agent = agent();
        if (event.agent.nodeId.isEmpty())
            event.agent.nodeId = nodeId;
        event.source = nodeId;
        if (batchDepth > 0) {
            // Queued; runBatch() makes the whole batch durable before its transaction commits.
            auto r = audit->append(std::move(event));
            if (!r)
                return r.error();
            return {};
        }
        if (outbox)
            return outbox->record(std::move(event));
        auto r = audit->appendDurable(std::move(event));
        if (!r)
            return r.error();
        return {};
    }

    // A fired alert rule (R-7.4.2): its security.alert event and a notice to every account of a
    // security role (auditors, system administrators; in the app, and by e-mail where an address is
    // set), in one transaction: no notice without its event, no alert the security roles are not told.
    Result<void> recordAlert(audit::AuditEvent event)
    {
        if (event.id.isEmpty())
            event.id = QStringLiteral("alert-") + QString::fromLatin1(crypto::randomBytes(12).toHex());
        QList<forms::FormStore::SecurityAlertNotice> notices;
        if (accounts) {
            if (auto list = accounts->list(); list) {
                for (const accounts::Account &account : std::as_const(*list))
                    if (!account.locked && (account.hasRole(accounts::Role::Auditor) ||
                                            account.hasRole(accounts::Role::SystemAdmin)))
                        notices.append({account.idString(), event.id, event.detail.value(u"rule").toString(),
                                        event.detail.value(u"count").toInt()});
            }
        }
        if (!outbox || !forms || notices.isEmpty() || database->inTransaction())
            return record(std::move(event));
        // All or nothing: a notice that cannot be made rolls its alert back, and the error says so.
        (void)outbox->takeUnrecorded();
        return database->transaction([&]() -> Result<void> {
            if (auto r = record(event); !r)
                return r;
            auto made = forms->noteSecurityAlerts(notices);
            if (!made)
                return made.error();
            if (auto unrecorded = outbox->takeUnrecorded())
                return *unrecorded;
            return {};
        });
    }

    std::optional<Error> auditFailure() const
    {
        if (forwarder->failure())
            return forwarder->failure();
        if (outbox && outbox->failure())
            return outbox->failure();
        return std::nullopt;
    }

    // The change and its audit events in one transaction; the events go to the log after it.
    Result<void> openOutbox()
    {
        if (auto migrated = AuditOutbox::migrate(*database); !migrated)
            return migrated;
        outbox = std::make_unique<AuditOutbox>(*database, *audit, *clock, shipping);
        outbox->setSource(nodeId);
        outbox->setAgentProvider([impl = this] { return impl->agent(); });
        forwarder->setRecorder(
            [impl = this](audit::AuditEvent event) { return impl->record(std::move(event)); });
        return {};
    }

    // The audit log's record key (issue 9 part 2). In an accounts keyring only the slots of roles
    // that may read the audit trail reach it (the audit scope); every session must write the log, so
    // the workstation keeps a copy sealed under its own key (audit-key.bin, SM4-GCM, HKDF-SM3 with
    // the node id), written by a session that holds the key. A copy of the folder with any other
    // account's password therefore reads no audit event; on this workstation the program does.
    static Result<crypto::Aead> auditKeySealer(const SecureBytes &workstation, const QString &node)
    {
        const SecureBytes sealKey = crypto::hkdf(crypto::HashAlgorithm::Sm3, workstation.view(),
                                                 node.toLatin1(), "mdp audit record key v1", 16);
        return crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, sealKey);
    }

    Result<SecureBytes> unsealAuditKey() const
    {
        auto workstation = loadWorkstationKey();
        if (!workstation)
            return workstation.error();
        QFile f(path(kAuditKeyFile));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(Error::Code::NotFound,
                             QStringLiteral("the workstation's copy of the audit key is missing"));
        const QByteArray stored = f.readAll();
        auto aead = auditKeySealer(workstation.value(), nodeId);
        if (!aead)
            return aead.error();
        if (!stored.startsWith(kAuditKeyMagic))
            return makeError(Error::Code::Corrupt, QStringLiteral("audit-key.bin is not a sealed audit key"));
        auto key = aead->openEnvelope(kAuditKeyAd + nodeId.toLatin1(),
                                      QByteArrayView(stored).sliced(kAuditKeyMagic.size()));
        if (!key)
            return makeError(Error::Code::PermissionDenied,
                             QStringLiteral("the workstation's copy of the audit key does not open here"));
        return SecureBytes::takeFrom(key.value());
    }

    Result<void> sealAuditKey(const SecureBytes &key)
    {
        if (auto present = unsealAuditKey(); present && present.value() == key)
            return {};
        auto workstation = loadOrCreateWorkstationKey();
        if (!workstation)
            return workstation.error();
        auto aead = auditKeySealer(workstation.value(), nodeId);
        if (!aead)
            return aead.error();
        auto sealed = aead->sealWithRandomNonce(kAuditKeyAd + nodeId.toLatin1(), key.view());
        if (!sealed)
            return sealed.error();
        return writeFileAtomically(path(kAuditKeyFile), kAuditKeyMagic + sealed.value());
    }

    // The key opens the log (AuditLog::open checks it against the log's header) before it is sealed.
    bool auditKeyFromKeyring = false;

    Result<SecureBytes> auditRecordKey(bool create)
    {
        if (keys->rootKind() != u"accounts")
            return dataKey(kAuditKey, create); // a passphrase or a token reaches every key
        // A session without the audit scope takes the workstation's copy first, so the keyring is not
        // asked for a key it would refuse (each refusal is recorded as a failed key use).
        if (!create && !keys->holdsScope(crypto::auditScope())) {
            if (auto sealed = unsealAuditKey())
                return sealed;
        }
        auto fromKeyring = dataKey(kAuditKey, create);
        if (fromKeyring) {
            auditKeyFromKeyring = true;
            return fromKeyring;
        }
        auto sealed = unsealAuditKey();
        if (!sealed)
            return makeError(Error::Code::PermissionDenied,
                             QStringLiteral("this account's roles do not reach the audit log's key (%1), and "
                                            "this workstation holds no copy of it that opens: %2")
                                 .arg(fromKeyring.error().message, sealed.error().message));
        return sealed;
    }

    Result<void> openAudit(bool create)
    {
        auto auditKey = auditRecordKey(create);
        if (!auditKey)
            return auditKey.error();
        // Sealed for the workstation only once the log accepted it (a key planted in the keyring must
        // not replace a copy that works).
        const SecureBytes toSeal =
            keys->rootKind() == u"accounts" && auditKeyFromKeyring ? auditKey.value() : SecureBytes();
        audit::AuditLogOptions options;
        options.directory = path(kAuditDir);
        options.key = std::move(auditKey.value());
        options.cipher = blobCipher;
        options.signer = signer;
        options.clock = clock;
        options.nodeId = nodeId;
        options.mustExist = !create;
        // Only the first open after an upgrade (or of a damaged index) reads the whole log.
        options.progress = [this, last = -1](qint64 done, qint64 total) mutable {
            const int percent = total > 0 ? int(done * 100 / total) : -1;
            if (percent != last) {
                last = percent;
                reportStage(OpenStage::AuditLog, percent);
            }
        };
        auto log = audit::AuditLog::open(std::move(options));
        if (!log)
            return log.error();
        audit = std::move(log.value());
        if (!toSeal.isEmpty()) {
            if (auto sealed = sealAuditKey(toSeal); !sealed)
                return sealed;
        }
        forwarder->attach(audit.get(), nodeId);
        return {};
    }

    // The checkpoint signing key, sealed to this workstation's own key (WorkstationKey.h) rather
    // than to anything an account password opens. A workspace from before this is re-sealed at its
    // next open and its old data key "node-signing" destroyed.
    Result<crypto::Aead> nodeKeySealer(const SecureBytes &workstation) const
    {
        const SecureBytes sealKey = crypto::hkdf(crypto::HashAlgorithm::Sm3, workstation.view(),
                                                 nodeId.toLatin1(), "mdp node signing key v2", 16);
        return crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, sealKey);
    }

    // The security tables' MAC key where this machine's workstation key is the one this workspace's
    // signing key is sealed to; empty elsewhere (an auditor's machine), where that check is skipped.
    // Reads only.
    SecureBytes securityKeyIfThisWorkstation() const
    {
        auto workstation = loadWorkstationKey();
        if (!workstation)
            return {};
        QFile f(path(kNodeKey));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray stored = f.readAll();
        auto aead = nodeKeySealer(workstation.value());
        if (!aead || !stored.startsWith(kNodeKeyMagic) ||
            !aead->openEnvelope(kNodeKeyAd2 + nodeId.toLatin1(),
                                QByteArrayView(stored).sliced(kNodeKeyMagic.size())))
            return {};
        return securityTablesKey(workstation.value(), nodeId);
    }

    Result<void> loadSigner(bool create)
    {
        auto workstation = loadOrCreateWorkstationKey();
        if (!workstation)
            return workstation.error();
        shipping->securityKey = securityTablesKey(workstation.value(), nodeId);
        auto aead = nodeKeySealer(workstation.value());
        if (!aead)
            return aead.error();
        const QByteArray ad = kNodeKeyAd2 + nodeId.toLatin1();
        auto sealTo = [&](const crypto::SigningKey &key) -> Result<void> {
            const SecureBytes der = key.privateKeyDer();
            auto sealed = aead->sealWithRandomNonce(ad, der.view());
            if (!sealed)
                return sealed.error();
            return writeFileAtomically(path(kNodeKey), kNodeKeyMagic + sealed.value());
        };
        if (create) {
            auto key = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
            if (!key)
                return key.error();
            if (auto w = sealTo(key.value()); !w)
                return w;
            signer = std::make_shared<Sm2CheckpointSigner>(key.value());
            return {};
        }
        QFile f(path(kNodeKey));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(Error::Code::Corrupt, QStringLiteral("the workstation signing key is missing"));
        const QByteArray stored = f.readAll();
        if (!stored.startsWith(kNodeKeyMagic))
            return upgradeLegacySigner(stored, sealTo);
        auto der = aead->openEnvelope(ad, QByteArrayView(stored).sliced(kNodeKeyMagic.size()));
        if (!der)
            return makeError(Error::Code::PermissionDenied,
                             QStringLiteral("this workspace's signing key is sealed to the workstation that "
                                            "created it, and this workstation's key (%1) does not open it: "
                                            "copy that workstation's key file here to work in it (checking "
                                            "its audit log with `mdp audit verify` works anywhere)")
                                 .arg(workstationKeyPath()));
        SecureBytes derBytes = SecureBytes::takeFrom(der.value());
        auto key = crypto::SigningKey::fromPrivateDer(derBytes.view());
        if (!key)
            return key.error();
        signer = std::make_shared<Sm2CheckpointSigner>(key.value());
        return {};
    }

    // A signing key sealed under the data key "node-signing" (every account's root reached it):
    // opened once more, sealed to the workstation, and the data key destroyed.
    template<typename SealTo> Result<void> upgradeLegacySigner(const QByteArray &stored, SealTo &&sealTo)
    {
        auto signingKey = dataKey(kSigningKey, false);
        if (!signingKey)
            return signingKey.error();
        auto legacy = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, signingKey.value());
        if (!legacy)
            return legacy.error();
        auto der = legacy->openEnvelope(kNodeKeyAd, stored);
        if (!der)
            return makeError(Error::Code::Tampered,
                             QStringLiteral("the workstation signing key does not decrypt: ") +
                                 der.error().message);
        SecureBytes derBytes = SecureBytes::takeFrom(der.value());
        auto key = crypto::SigningKey::fromPrivateDer(derBytes.view());
        if (!key)
            return key.error();
        if (auto w = sealTo(key.value()); !w)
            return w;
        if (auto destroyed = keys->destroyDataKey(QString::fromLatin1(kSigningKey.name)); !destroyed)
            qCWarning(lcWorkspace) << "the old signing data key could not be destroyed:"
                                   << destroyed.error().toString();
        signer = std::make_shared<Sm2CheckpointSigner>(key.value());
        return {};
    }

    // How a connection to this workspace's database is opened (the workspace's own, a background
    // service's, the search index builder's).
    Result<store::Database::Options> connectionOptions(bool create)
    {
        auto dbKey = create ? dataKey(kDatabaseKey, true) : keys->dataKey(databaseKeyName);
        if (!dbKey)
            return dbKey.error();
        store::Database::Options options;
        options.path = path(kDatabase);
        options.key = std::move(dbKey.value());
        options.cipher = pageCipher;
        options.create = create;
        return options;
    }

    Result<void> openDatabase(bool create)
    {
        Result<std::unique_ptr<store::Database>> db = makeError(Error::Code::Unknown, QString());
        if (create) {
            auto options = connectionOptions(true);
            if (!options)
                return options.error();
            db = store::Database::open(std::move(options.value()));
        } else {
            db = openDatabaseWithKeys(false);
        }
        if (!db)
            return db.error();
        database = std::move(db.value());
        QFile::setPermissions(path(kDatabase), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return {};
    }

    // The newest database key that opens data.db. A newer one that does not is a renewal whose
    // re-key never committed (settleDatabaseKeys() finishes it); anything but a wrong key stops.
    Result<std::unique_ptr<store::Database>> openDatabaseWithKeys(bool readOnly)
    {
        const Generations g = databaseGenerations();
        if (g.live.isEmpty())
            return makeError(Error::Code::NotFound, QStringLiteral("the keyring holds no database key"));
        std::optional<Error> refused;
        const QList<int> order = g.live.keys();
        for (auto it = order.crbegin(); it != order.crend(); ++it) {
            databaseKeyName = g.live.value(*it);
            auto options = connectionOptions(false);
            if (!options)
                return options.error();
            options->readOnly = readOnly;
            auto db = store::Database::open(std::move(options.value()));
            if (db)
                return std::move(db.value());
            if (db.error().code != Error::Code::WrongPassphrase)
                return db.error();
            if (!refused)
                refused = db.error();
        }
        return *refused;
    }

    // After a crash in a database-key renewal: a newer key the file is not under yet is applied now,
    // before any other connection exists; keys older than the one in use open nothing and go. Only
    // once every integrity check at open has passed, so a folder refused at open is left as found.
    Result<void> settleDatabaseKeys()
    {
        const Generations g = databaseGenerations();
        if (g.live.size() < 2)
            return {};
        // The manifest's MAC key was derived from the first database key: kept before any goes.
        if (auto kept = keepManifestKey(); !kept)
            return kept;
        const QString newest = g.live.last();
        if (newest != databaseKeyName) {
            auto key = keys->dataKey(newest);
            if (!key)
                return key.error();
            if (auto r = database->rekey(std::move(key.value())); !r)
                return r;
            databaseKeyName = newest;
            finishedAtOpen << crypto::KeyPurpose::database();
        }
        if (!destroyOlder(g, databaseKeyName).isEmpty() &&
            !finishedAtOpen.contains(crypto::KeyPurpose::database()))
            finishedAtOpen << crypto::KeyPurpose::database();
        return {};
    }

    // The highest commit counter the audit trail vouches for: the signed checkpoint's anchor or the
    // last database.commit event in the chain, whichever is later.
    Result<std::optional<qint64>> anchoredCommit() const
    {
        std::optional<qint64> anchored = audit->anchor(AuditOutbox::commitAnchor());
        auto last = audit->lastRecordFor(AuditOutbox::databaseEntity());
        if (!last)
            return last.error();
        if (last.value()) {
            const qint64 inChain = last.value()->event.detail.value(QStringLiteral("commit")).toInteger(-1);
            if (!anchored || inChain > *anchored)
                anchored = inChain;
        }
        return anchored;
    }

    // An older copy of the database put back has a lower commit counter than the last one the
    // audit chain anchored in a signed checkpoint.
    Result<void> checkRollback()
    {
        auto anchoredResult = anchoredCommit();
        if (!anchoredResult)
            return anchoredResult.error();
        const std::optional<qint64> anchored = anchoredResult.value();
        const qint64 current = database->commitCounter();
        if (anchored && current < *anchored) {
            audit::AuditEvent alert;
            alert.type = audit::EventType::SecurityAlert.toString();
            alert.action = audit::AuditAction::Read;
            alert.outcome = audit::AuditOutcome::MajorFailure;
            alert.detail.insert(QStringLiteral("alert"), QStringLiteral("database-rolled-back"));
            alert.detail.insert(QStringLiteral("database_commit"), current);
            alert.detail.insert(QStringLiteral("anchored_commit"), *anchored);
            (void)record(std::move(alert));
            return makeError(
                Error::Code::RolledBack,
                QStringLiteral("the database is older than the audit chain says (commit %1, anchored "
                               "%2): an older copy was put back; the workspace was not opened")
                    .arg(current)
                    .arg(*anchored));
        }
        return {};
    }

    // The other direction: every write transaction stored the audit checkpoint it saw (size, Merkle
    // root), so an audit log cut back behind the database's back (its newest events removed, an older
    // head put back, its index deleted) holds fewer events than the database vouches for, or a history
    // whose root at that size differs. The database may only be ahead by commits in flight, which
    // never reach past the durable checkpoint they read.
    Result<void> checkAuditAnchor()
    {
        auto problem = AuditOutbox::auditAnchorProblem(
            *database, audit->durableSize(), [this](qint64 size) { return audit->merkleRoot(size); });
        if (!problem)
            return problem.error();
        if (problem->isEmpty())
            return {};
        audit::AuditEvent alert;
        alert.type = audit::EventType::SecurityAlert.toString();
        alert.action = audit::AuditAction::Read;
        alert.outcome = audit::AuditOutcome::MajorFailure;
        alert.detail.insert(QStringLiteral("alert"), QStringLiteral("audit-log-cut"));
        alert.detail.insert(QStringLiteral("audit_size"), audit->durableSize());
        (void)record(std::move(alert));
        return makeError(Error::Code::Tampered,
                         QStringLiteral("audit log: %1; the workspace was not opened").arg(problem.value()));
    }

    // One old page of the security tables put back (an account unlocked again, an old password hash,
    // an old role) passes the page authentication, since it is a genuine page of this database. The
    // digest the last write transaction stored beside the commit counter says what they must hold.
    // workspace.json is authenticated (issue 9): an HMAC-SM3 under a key derived from the database
    // key, kept in the manifest and, against a manifest stripped of it, in the database as well.
    // Derived from the first database key; kept as a data key of its own ("manifest") before that
    // key is renewed and destroyed (keepManifestKey()).
    Result<SecureBytes> manifestKey()
    {
        if (hasLiveDataKey(kManifestKeyName, crypto::KeyPurpose::database()))
            return keys->dataKey(kManifestKeyName);
        auto databaseKey = dataKey(kDatabaseKey, false);
        if (!databaseKey)
            return databaseKey.error();
        return crypto::hkdf(crypto::HashAlgorithm::Sm3, databaseKey->view(), "mdp.workspace.v1",
                            "manifest-mac", 32);
    }

    Result<void> keepManifestKey()
    {
        if (hasLiveDataKey(kManifestKeyName, crypto::KeyPurpose::database()))
            return {};
        auto key = manifestKey();
        if (!key)
            return key.error();
        return keys->keepDataKey(kManifestKeyName, crypto::KeyPurpose::database(), key.value());
    }

    static QString manifestMac(const SecureBytes &key, QJsonObject m)
    {
        m.remove(QStringLiteral("mac"));
        return QString::fromLatin1(crypto::hmac(crypto::HashAlgorithm::Sm3, key.view(),
                                                QJsonDocument(m).toJson(QJsonDocument::Compact))
                                       .toHex());
    }

    // Before anything is read on the manifest's word: a manifest with a MAC must carry the right one.
    Result<void> checkManifestMac()
    {
        if (!manifest.contains(QStringLiteral("mac")))
            return {}; // made before manifests were authenticated, or stripped: bindManifest() tells
        auto key = manifestKey();
        if (!key)
            return key.error();
        if (!crypto::constantTimeEquals(manifestMac(key.value(), manifest).toLatin1(),
                                        manifest.value(QStringLiteral("mac")).toString().toLatin1()))
            return makeError(
                Error::Code::Tampered,
                QStringLiteral("workspace.json was changed outside MDP; the workspace was not opened"));
        return {};
    }

    // Once the database is open: the MAC it holds must be the manifest's; a workspace made before
    // manifests were authenticated gets both (`upgraded` says so, for the audit trail).
    Result<void> bindManifest(bool writable, bool *upgraded = nullptr)
    {
        auto stored =
            database->queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'manifest_mac'"));
        if (!stored)
            return stored.error();
        const QString mac = manifest.value(QStringLiteral("mac")).toString();
        if (stored->has_value()) {
            if (mac.isEmpty() || stored->value().value(0).toString() != mac)
                return makeError(
                    Error::Code::Tampered,
                    QStringLiteral("workspace.json is not the one this database was made with; the "
                                   "workspace was not opened"));
            return {};
        }
        if (!writable)
            return {};
        auto key = manifestKey();
        if (!key)
            return key.error();
        const QString computed = manifestMac(key.value(), manifest);
        if (mac != computed) {
            QJsonObject next = manifest;
            next.insert(QStringLiteral("mac"), computed);
            if (auto w = writeFileAtomically(path(kManifest), QJsonDocument(next).toJson()); !w)
                return w.error();
            manifest = next;
        }
        if (auto r = database->execute(
                QStringLiteral("INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('manifest_mac', ?1)"),
                {computed});
            !r)
            return r.error();
        if (upgraded)
            *upgraded = true;
        return {};
    }

    // The accounts root's generation, anchored in the database: an older keyring.json put back (one in
    // which a locked account or an old password still reaches the root) is refused.
    Result<void> checkKeyringGeneration()
    {
        const int current = keys->rootGeneration();
        if (current == 0)
            return {};
        auto stored =
            database->queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'keyring_generation'"));
        if (!stored)
            return stored.error();
        const qint64 anchored = stored->has_value() ? stored->value().value(0).toLongLong() : 0;
        if (anchored > current)
            return makeError(
                Error::Code::RolledBack,
                QStringLiteral("keyring.json is older than the database says (generation %1, the "
                               "database knows %2): an earlier copy was put back")
                    .arg(current)
                    .arg(anchored));
        if (anchored < current)
            return anchorKeyringGeneration();
        return {};
    }

    Result<void> anchorKeyringGeneration()
    {
        const int current = keys->rootGeneration();
        if (current == 0)
            return {};
        auto r = database->execute(
            QStringLiteral("INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('keyring_generation', ?1)"),
            {qint64(current)});
        if (!r)
            return r.error();
        return {};
    }

    // A slot the database does not back (its account never committed, or locked while the keyring
    // change went through but the database change did not) loses what it could reach. Recorded.
    Result<void> reconcileSlots()
    {
        for (const crypto::KeySlotInfo &slot : keys->slots()) {
            if (slot.kind != u"password")
                continue;
            auto owner = accounts->findById(QUuid::fromString(slot.accountId));
            if (!owner)
                return owner.error();
            QString fix;
            if (!owner->has_value()) {
                if (auto r = keys->removeSlot(slot.accountId); !r)
                    return r.error();
                fix = QStringLiteral("slot-without-account-removed");
            } else {
                // What the slot holds that its account's roles no longer allow (a lock or a role
                // change whose keyring write was lost). Only ever taken away here: the roles are in
                // the database, which every role's key opens, so they can ask for a grant but never
                // make one; grants come from an administrator's own act
                // (TransactionalAccountDirectory). A role-scoped key is taken away only by a session
                // that holds it too (taking a scope away renews its key).
                const QStringList wanted = keyScopesFor(owner->value());
                QStringList kept, extra;
                for (const QString &scope : slot.scopes)
                    (wanted.contains(scope) ? kept : extra) << scope;
                const bool canTake = std::all_of(extra.cbegin(), extra.cend(), [this](const QString &scope) {
                    return keys->holdsScope(scope);
                });
                if (!extra.isEmpty() && canTake) {
                    if (auto r = keys->setSlotScopes(slot.accountId, wanted.isEmpty() ? QStringList() : kept);
                        !r)
                        return r.error();
                    fix = wanted.isEmpty() ? QStringLiteral("locked-account-keys-taken-back")
                          : extra.contains(crypto::identityScope())
                              ? QStringLiteral("identity-key-taken-back")
                              : QStringLiteral("role-scoped-key-taken-back");
                }
            }
            if (fix.isEmpty())
                continue;
            if (auto r = anchorKeyringGeneration(); !r)
                return r;
            audit::AuditEvent alert;
            alert.type = audit::EventType::SecurityAlert.toString();
            alert.action = audit::AuditAction::Update;
            alert.outcome = audit::AuditOutcome::MinorFailure;
            alert.detail.insert(QStringLiteral("alert"), fix);
            alert.entities << audit::AuditEntity{QStringLiteral("account"), slot.accountId};
            if (auto r = record(std::move(alert)); !r)
                return r;
        }
        return {};
    }

    Result<void> checkSecurityTables()
    {
        AuditOutbox::ChainedSecurity chained;
        auto last = audit->lastRecordFor(AuditOutbox::databaseEntity());
        if (!last)
            return last.error();
        if (last.value())
            chained.take(last.value()->event);
        chained.keyedBefore = audit->anchor(AuditOutbox::securityAnchor()).value_or(0) == 1;
        chained.anchoredCommit = audit->anchor(AuditOutbox::commitAnchor()).value_or(-1);
        auto intact = AuditOutbox::securityTablesIntact(*database, shipping->securityKey, chained);
        if (!intact)
            return intact.error();
        if (intact.value())
            return {};
        audit::AuditEvent alert;
        alert.type = audit::EventType::SecurityAlert.toString();
        alert.action = audit::AuditAction::Read;
        alert.outcome = audit::AuditOutcome::MajorFailure;
        alert.detail.insert(QStringLiteral("alert"), QStringLiteral("security-tables-changed"));
        (void)record(std::move(alert));
        return makeError(Error::Code::Tampered,
                         QStringLiteral("the accounts and roles are not what the last change left (an older "
                                        "database page was put back); the workspace was not opened"));
    }

    // The manifest's facts (node, custodian, ciphers); what open() and the offline check both start from.
    static Result<std::unique_ptr<Workspace>> prepare(const QString &directory, const Clock &clock)
    {
        if (auto st = selfTestsOnce(); !st)
            return st.error();
        auto manifest = readManifest(directory);
        if (!manifest)
            return manifest.error();
        std::unique_ptr<Workspace> ws(new Workspace);
        Impl &d = *ws->d;
        d.directory = QFileInfo(directory).absoluteFilePath();
        d.clock = &clock;
        d.manifest = manifest.value();
        d.nodeId = d.manifest.value(QStringLiteral("node_id")).toString();
        d.custodian = QUuid::fromString(d.manifest.value(QStringLiteral("custodian_id")).toString());
        const auto pageCipher =
            store::pageCipherFromName(d.manifest.value(QStringLiteral("page_cipher")).toString());
        const auto blobCipher =
            crypto::cipherFromName(d.manifest.value(QStringLiteral("blob_cipher")).toString());
        if (!pageCipher || !blobCipher || d.nodeId.isEmpty() || d.custodian.isNull())
            return makeError(Error::Code::Corrupt, QStringLiteral("the workspace manifest is incomplete"));
        d.pageCipher = *pageCipher;
        d.blobCipher = *blobCipher;
        return ws;
    }

    // The workstation's signing key, which must be the one the manifest names.
    Result<void> loadManifestSigner()
    {
        if (auto r = loadSigner(false); !r)
            return r.error();
        if (QString::fromLatin1(signer->publicKey().pem()) !=
            manifest.value(QStringLiteral("node_public_key")).toString())
            return makeError(Error::Code::Tampered,
                             QStringLiteral("the workstation signing key does not match the manifest"));
        return {};
    }

    Result<void> openRest(bool create)
    {
        auto dir = accounts::SqlCipherAccountDirectory::open(*database, *clock, *forwarder);
        if (!dir)
            return dir.error();
        accounts = std::move(dir.value());
        if (auto r = ensureScopes(); !r)
            return r;
        if (accountSlots) {
            // KEKs from before their purpose had a scope (the vault's, the audit log's) move under it
            // now, where this session holds both keys (settleScopes() skips the rest).
            if (auto settled = keys->settleScopes(); !settled)
                return settled.error();
        }
        // The vault holds identified originals: only a session that reaches identity opens it.
        if (keys->holdsScope(crypto::identityScope())) {
            auto vo = vaultOptions(create);
            if (!vo)
                return vo.error();
            auto v = store::Vault::open(std::move(vo.value()));
            if (!v)
                return v.error();
            vault = std::move(v.value());
        }
        authorizer = std::make_unique<Authorizer>(
            [impl = this] { return impl->actingPrincipal(); },
            [impl = this](audit::AuditEvent event) { return impl->record(std::move(event)); },
            [impl = this] { return impl->custodianSession && !impl->accountSlots; });
        // Issue 12 (R-6.3.4): a clock set back does not bring an ended grant back into force.
        timeFloor = std::make_unique<TimeFloor>(*clock);
        if (auto loaded = timeFloor->load(*database); !loaded)
            return loaded;
        outbox->setAlsoCommitting([floor = timeFloor.get()](store::Database &db) { return floor->keep(db); });
        accessGate = std::make_unique<AccessGate>(
            [impl = this] { return impl->actingPrincipal(); },
            // The custodian holds the passphrase that opens every key of a machine-unlock workspace:
            // no policy keeps data from that holder, so its session counts as strongly authenticated.
            [impl = this] {
                return impl->session &&
                       ((impl->custodianSession && !impl->accountSlots) || impl->sessionSecondFactor);
            },
            [impl = this](audit::AuditEvent event) { return impl->record(std::move(event)); }, *timeFloor);
        authorizer->setGate(accessGate.get());
        transactionalAccounts = std::make_unique<TransactionalAccountDirectory>(
            *accounts, *outbox, accountSlots ? keys.get() : nullptr, authorizer.get());
        // Forms first: the registry moves form records with every merge (FormsMergeFollower), and
        // the form store asks the registry about a new record's patient only when one is created.
        if (auto r = openForms(); !r)
            return r;
        if (auto r = openRegistry(); !r)
            return r;
        // The policy in force: the newest signed version stored here, else the built-in default.
        policies = std::make_unique<WorkspacePolicies>(
            *database, *outbox,
            [impl = this](audit::AuditEvent event) { return impl->record(std::move(event)); },
            [impl = this]() -> std::optional<int> {
                auto last =
                    impl->audit->lastRecordFor({QStringLiteral("policy"), QStringLiteral("installed")});
                if (!last || !last.value())
                    return std::nullopt;
                return last.value()->event.detail.value(u"version").toInt();
            },
            authorizer.get(), *accessGate, *forms, *signer, *clock, nodeId);
        if (auto r = policies->load(); !r)
            return r;
        // A version put in force here goes to the site's other workstations (R-9.2 permission sync).
        policies->setSyncQueue([impl = this](const PolicyRecord &record) -> Result<void> {
            if (auto queued = impl->syncQueue->enqueuePolicy(record); !queued)
                return queued;
            impl->syncQueued = true; // the link is nudged once the change has committed
            return {};
        });
        // The link to the central server: settings here, shipping on its own thread.
        serverLink = std::make_unique<WorkspaceServerLink>(
            *database, *audit, *signer,
            [impl = this](audit::AuditEvent event) { return impl->record(std::move(event)); },
            authorizer.get(), directory, *clock);
        // The site sync runs on the link's thread, on a connection of its own.
        serverLink->setSyncOpener([impl = this]() -> Result<std::unique_ptr<SiteSync>> {
            auto connection = impl->openSecondConnection();
            if (!connection)
                return connection.error();
            SecondConnection *c = connection.value().get();
            auto sync = std::make_unique<SiteSync>(
                c->database(), c->rawForms(), c->accounts(),
                [c](audit::AuditEvent event) { return c->recordEvent(std::move(event)); }, c->clock());
            sync->own(std::move(connection.value()));
            sync->setPolicies(impl->policies.get()); // applies site policies, classifies the catalogue
            sync->setTimeWitness([floor = impl->timeFloor.get()](const QDateTime &t) { floor->witness(t); });
            return sync;
        });
        // Registry entries from the site wait until this workspace applies them (RegistrySync), on its
        // own thread: asked after each of the link's passes.
        // The workspace may be opened on a worker thread (the sign-in dialog's) and used on the
        // application's: the context lives there. It outlives the link's thread (stopped first).
        syncContext = std::make_unique<QObject>();
        if (QCoreApplication::instance())
            syncContext->moveToThread(QCoreApplication::instance()->thread());
        // R-7.4.2: the alert rules see every event the log queues, from now on, on any thread; what
        // fires is recorded on the workspace's thread (at the latest when it closes).
        // The site's rules when an administrator set them (checked again here), else the platform's.
        alertDocument = audit::AlertRuleSet::defaultDocument();
        std::optional<QString> rulesProblem;
        if (auto stored =
                database->queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'alert_rules'"));
            stored && stored->has_value()) {
            // In force only as the audited change put it: its SM3 is in the last alert-rules event.
            const QByteArray document = (**stored).at(0).toByteArray();
            const QString digest =
                QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sm3, document).toHex());
            auto last = audit->lastRecordFor(
                audit::AuditEntity{QStringLiteral("config"), QStringLiteral("alert-rules")});
            const bool vouched =
                last && last->has_value() && (*last)->event.detail.value(u"sm3").toString() == digest;
            if (!vouched)
                rulesProblem =
                    QStringLiteral("the stored alert rules are not the ones an administrator put in force");
            else if (!audit::AlertRuleSet::parse(document))
                rulesProblem = QStringLiteral("the stored alert rules do not parse");
            else
                alertDocument = document;
        }
        if (auto rules = audit::AlertRuleSet::parse(alertDocument); rules) {
            alerts = std::make_unique<WorkspaceAlerts>(*rules, [impl = this](audit::AuditEvent event) {
                return impl->recordAlert(std::move(event));
            });
            alerts->setWake([impl = this, context = syncContext.get()] {
                QMetaObject::invokeMethod(
                    context, [impl] { impl->raiseAlerts(); }, Qt::QueuedConnection);
            });
            audit->setObserver([a = alerts.get()](const audit::AuditEvent &event) { a->observe(event); });
        }
        if (rulesProblem) {
            // The platform's rules are in force instead, and the security roles hear of it.
            audit::AuditEvent alert;
            alert.type = audit::EventType::SecurityAlert.toString();
            alert.outcome = audit::AuditOutcome::SeriousFailure;
            alert.detail = {{QStringLiteral("alert"), QStringLiteral("alert-rules-replaced")},
                            {QStringLiteral("reason"), *rulesProblem}};
            if (auto r = record(std::move(alert)); !r)
                return r;
        }
        serverLink->setParkedListener([impl = this, context = syncContext.get()] {
            // After every pass: the grants the site revoked out of force; the registry's entries only
            // on a workstation that syncs records.
            const bool syncs = impl->serverLink->status().syncEnabled;
            if (QThread::currentThread() == context->thread()) {
                if (syncs)
                    impl->runRegistrySync(0); // asked on this thread (shipAuditNow): all of it now
                impl->takeGrantRevocations();
            } else {
                QMetaObject::invokeMethod(
                    context,
                    [impl, syncs] {
                        if (syncs)
                            impl->runRegistrySync(kRegistrySyncSlice);
                        impl->takeGrantRevocations();
                    },
                    Qt::QueuedConnection);
            }
        });
        serverLink->setSiteIdentityKeeper(
            [impl = this](const SecureBytes &scopeKey) { return impl->keepSiteIdentityKey(scopeKey); });
        if (auto r = serverLink->load(); !r)
            return r;
        // Issue 12: the grants kept here, verified again and put in force (offline too).
        grants = std::make_unique<WorkspaceGrants>(
            *database, accessGate->engine(),
            [impl = this](audit::AuditEvent event) { return impl->record(std::move(event)); }, *timeFloor,
            [impl = this]() -> QString {
                const std::optional<ServerSettings> link = impl->serverLink->settings();
                auto certificate =
                    link ? crypto::Certificate::fromPem(link->certificatePem)
                         : Result<crypto::Certificate>(makeError(Error::Code::NotFound, QString()));
                return certificate ? QString::fromLatin1(certificate->fingerprint().toHex()) : QString();
            },
            [impl = this] { return impl->serverLink->pinnedServerKey(); });
        grants->setWitness([floor = timeFloor.get()](const QDateTime &t) { floor->witness(t); });
        if (auto loaded = grants->load(); !loaded)
            qCWarning(lcWorkspace) << "the grants kept here could not be put in force:"
                                   << loaded.error().toString();
        deliveries = std::make_unique<GrantDeliveries>(
            directory, *keys, *database,
            [impl = this](audit::AuditEvent event) { return impl->record(std::move(event)); }, *timeFloor);
        if (auto destroyed = destroyEndedDeliveries(); !destroyed)
            qCWarning(lcWorkspace) << "ended deliveries could not be destroyed:"
                                   << destroyed.error().toString();
        transactionalForms->setPolicySource([gate = accessGate.get()] { return gate->engine().policy(); });
        database->setCommitObserver(outbox.get());
        return {};
    }

    // Every live generation of the vault key: blobs name theirs, and a renewal stopped half-way leaves
    // some under each. The id key is kept apart once the first key was renewed.
    Result<store::Vault::Options> vaultOptions(bool create)
    {
        store::Vault::Options vo;
        vo.directory = path(kVaultDir);
        vo.cipher = blobCipher;
        vo.create = create;
        if (create) {
            auto key = dataKey(kVaultKey, true);
            if (!key)
                return key.error();
            vo.dataKey = std::move(key.value());
            return vo;
        }
        const Generations g = vaultGenerations();
        if (g.live.isEmpty())
            return makeError(Error::Code::NotFound, QStringLiteral("the keyring holds no vault key"));
        for (auto it = g.live.cbegin(); it != g.live.cend(); ++it) {
            auto key = keys->dataKey(it.value());
            if (!key)
                return key.error();
            if (it.key() == g.live.lastKey()) {
                vo.dataKey = std::move(key.value());
                vo.keyGeneration = it.key();
            } else {
                vo.earlierKeys.insert(it.key(), key.value());
            }
        }
        if (hasLiveDataKey(kVaultIdKeyName, crypto::KeyPurpose::vault())) {
            auto id = keys->dataKey(kVaultIdKeyName);
            if (!id)
                return id.error();
            vo.idKey = std::move(id.value());
        }
        return vo;
    }

    // The identity key the registry's rows are sealed under: the one mdp_meta names (written in the
    // renewal's own transaction), "identity" before any renewal. It must open a sealed row before
    // the other live generations (a renewal cut short) are destroyed, since the database key's
    // holders, every role, could write a wrong name there.
    Result<SecureBytes> registryIdentityKey()
    {
        auto stored =
            database->queryOne(QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'identity_key'"));
        if (!stored)
            return stored.error();
        identityKeyName = stored->has_value() ? stored->value().value(0).toString() : kIdentityKeyName;
        if (identityKeyName != kIdentityKeyName &&
            !identityGenerations().live.values().contains(identityKeyName))
            return makeError(
                Error::Code::Tampered,
                QStringLiteral("the database names %1 as the patients' identity key, which is no "
                               "identity key of this keyring; the workspace was not opened")
                    .arg(identityKeyName));
        auto key = identityKeyName == kIdentityKeyName
                       ? keys->ensureDataKey(kIdentityKeyName, crypto::KeyPurpose::identity())
                       : keys->dataKey(identityKeyName);
        if (!key)
            return key.error();
        auto opens = registry::SqlCipherRegistry::identityKeyOpens(*database, key.value());
        if (!opens)
            return opens.error();
        if (opens->has_value() && !opens->value())
            return makeError(Error::Code::Tampered,
                             QStringLiteral("the identity key the database names (%1) does not open its "
                                            "patients; the workspace was not opened")
                                 .arg(identityKeyName));
        // Other live generations (a renewal cut short) go only once a sealed value proved which key
        // the patients are under.
        const Generations g = identityGenerations();
        if (g.live.size() > 1 && opens->has_value() && !destroyOlder(g, identityKeyName).isEmpty())
            finishedAtOpen << crypto::KeyPurpose::identity();
        return key;
    }

    // A re-key needs the only connection, and old ciphertext leaves the write-ahead log only when no
    // reader holds an older snapshot: the search index's scan ends first, the background services
    // close theirs until the returned guard goes.
    auto pauseOtherConnections()
    {
        (void)indexBuilder->waitUntilReady();
        indexBuilder->stop();
        for (auto &service : services)
            service->pause();
        return qScopeGuard([this] {
            for (auto &service : services)
                service->resume();
        });
    }

    Result<Workspace::KeyRenewal> renewDatabaseKey(const Workspace::KeyRenewalProgress &progress)
    {
        const QString purpose = crypto::KeyPurpose::database();
        if (database->inTransaction() || batchDepth > 0)
            return makeError(Error::Code::Conflict, QStringLiteral("a change is in progress"));
        if (auto kept = keepManifestKey(); !kept)
            return kept.error();
        auto resume = pauseOtherConnections();
        const QString base = QString::fromLatin1(kDatabaseKey.name);
        const QString next = generationName(base, databaseGenerations().highest + 1);
        auto key = keys->createDataKey(next, purpose);
        if (!key)
            return key.error();
        if (progress)
            progress(0, 1);
        if (auto r = database->rekey(std::move(key.value())); !r) {
            // The re-key may have committed before a later step failed: both keys stay, and the next
            // open uses whichever opens the file and finishes the renewal (settleDatabaseKeys).
            (void)recordRenewal(purpose, QStringLiteral("failed"), databaseKeyName, {}, 0, r.error().message);
            return r.error();
        }
        databaseKeyName = next;
        const QStringList destroyed = destroyOlder(databaseGenerations(), next);
        if (auto r = anchorKeyringGeneration(); !r)
            return r.error();
        if (progress)
            progress(1, 1);
        if (auto r = recordRenewal(purpose, QStringLiteral("finished"), next, destroyed, 0); !r)
            return r.error();
        return Workspace::KeyRenewal{purpose, next, destroyed, 0};
    }

    Result<Workspace::KeyRenewal> renewVaultKey(const Workspace::KeyRenewalProgress &progress)
    {
        const QString purpose = crypto::KeyPurpose::vault();
        const QString base = QString::fromLatin1(kVaultKey.name);
        Generations g = vaultGenerations();
        if (g.live.size() == 1) {
            // Blob ids are MACs under a key derived from the first vault key: kept apart before
            // that key can go, so the ids (and what the database records of them) stay.
            if (!hasLiveDataKey(kVaultIdKeyName, crypto::KeyPurpose::vault())) {
                auto first = keys->dataKey(generationName(base, 1));
                if (!first)
                    return first.error();
                if (auto kept =
                        keys->keepDataKey(kVaultIdKeyName, purpose, store::Vault::idKeyOf(first.value()));
                    !kept)
                    return kept.error();
            }
            const int next = g.highest + 1;
            auto key = keys->createDataKey(generationName(base, next), purpose);
            if (!key)
                return key.error();
            if (auto used = vault->useKey(next, key.value()); !used)
                return used.error();
            if (auto r = recordRenewal(purpose, QStringLiteral("started"), generationName(base, next), {}, 0);
                !r)
                return r.error();
            g = vaultGenerations();
        }
        const QString current = g.live.last();
        const QStringList ids = vault->list();
        const qint64 total = ids.size();
        qint64 done = 0;
        qint64 renewed = 0;
        QStringList failed;
        for (const QString &id : ids) {
            if (progress && !progress(done, total)) {
                (void)recordRenewal(purpose, QStringLiteral("stopped"), current, {}, renewed);
                return makeError(Error::Code::Cancelled,
                                 QStringLiteral("stopped after %1 of %2 files; the earlier vault key is kept "
                                                "until the rest are re-encrypted")
                                     .arg(done)
                                     .arg(total));
            }
            auto r = vault->renew(id);
            if (!r && r.error().code != Error::Code::Io && r.error().code != Error::Code::Conflict) {
                // No key here opens it (damaged, or a file planted in the folder): nothing readable is
                // lost by moving it aside, and it must not keep the old key alive. On the record.
                if (auto moved = vault->quarantine(id); moved) {
                    audit::AuditEvent alert;
                    alert.type = audit::EventType::SecurityAlert.toString();
                    alert.action = audit::AuditAction::Update;
                    alert.outcome = audit::AuditOutcome::MinorFailure;
                    alert.detail.insert(QStringLiteral("alert"), QStringLiteral("vault-file-quarantined"));
                    alert.detail.insert(QStringLiteral("reason"), r.error().message);
                    alert.entities << audit::AuditEntity{QStringLiteral("file"), id};
                    if (auto recorded = record(std::move(alert)); !recorded)
                        return recorded.error();
                    ++done;
                    continue;
                }
            }
            if (!r) {
                qCWarning(lcWorkspace) << "a vault file could not be re-encrypted:" << r.error().toString();
                failed << id;
            } else if (r.value()) {
                ++renewed;
            }
            ++done;
        }
        if (progress)
            progress(done, total);
        if (!failed.isEmpty()) {
            const QString why =
                QStringLiteral("%1 file(s) could not be re-encrypted (damaged, or under a key "
                               "this keyring no longer holds): %2")
                    .arg(failed.size())
                    .arg(failed.join(u' '));
            (void)recordRenewal(purpose, QStringLiteral("failed"), current, {}, renewed, why);
            return makeError(Error::Code::Corrupt, why + QStringLiteral("; the earlier vault key is kept"));
        }
        for (auto it = g.live.cbegin(); it != g.live.cend(); ++it) {
            if (it.value() != current)
                vault->forgetKey(it.key());
        }
        const QStringList destroyed = destroyOlder(g, current);
        if (auto r = anchorKeyringGeneration(); !r)
            return r.error();
        if (auto r = recordRenewal(purpose, QStringLiteral("finished"), current, destroyed, renewed); !r)
            return r.error();
        return Workspace::KeyRenewal{purpose, current, destroyed, renewed};
    }

    Result<Workspace::KeyRenewal> renewIdentityKey(const Workspace::KeyRenewalProgress &progress)
    {
        const QString purpose = crypto::KeyPurpose::identity();
        if (database->inTransaction() || batchDepth > 0)
            return makeError(Error::Code::Conflict, QStringLiteral("a change is in progress"));
        auto oldKey = keys->dataKey(identityKeyName);
        if (!oldKey)
            return oldKey.error();
        auto resume = pauseOtherConnections();
        const QString next = generationName(kIdentityKeyName, identityGenerations().highest + 1);
        auto key = keys->createDataKey(next, purpose);
        if (!key)
            return key.error();
        if (progress)
            progress(0, 1);
        qint64 items = 0;
        auto tx = database->transaction([&]() -> Result<void> {
            auto count = registry->renewIdentityKey(key.value());
            if (!count)
                return count.error();
            items = count.value();
            if (auto r = database->execute(
                    QStringLiteral(
                        "INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('identity_key', ?1)"),
                    {next});
                !r)
                return r.error();
            return recordRenewal(purpose, QStringLiteral("finished"), next, {identityKeyName}, items);
        });
        if (!tx) {
            (void)registry->useIdentityKey(oldKey.value());
            (void)keys->destroyDataKey(next);
            (void)recordRenewal(purpose, QStringLiteral("failed"), identityKeyName, {}, 0,
                                tx.error().message);
            return tx.error();
        }
        // The old ciphertexts must not wait in the write-ahead log either.
        if (auto folded = database->query(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            !folded || folded->isEmpty() || folded->first().value(0).toLongLong() != 0)
            qCWarning(lcWorkspace) << "the write-ahead log could not be folded in after the identity renewal";
        identityKeyName = next;
        const QStringList destroyed = destroyOlder(identityGenerations(), next);
        if (auto r = anchorKeyringGeneration(); !r)
            return r.error();
        if (progress)
            progress(1, 1);
        return Workspace::KeyRenewal{purpose, next, destroyed, items};
    }

    // Keyrings made before a role-scoped key existed (identity, audit) get it from the first account
    // whose roles allow it (or the recovery key) to open them; other accounts get it when an
    // administrator next changes their roles (reconcileSlots() only ever takes it away).
    Result<void> ensureScopes()
    {
        if (!accountSlots)
            return {};
        for (const QString &scope : crypto::keyScopes()) {
            if (keys->hasScope(scope))
                continue;
            const QString opener = keys->openedBy();
            bool allowed = opener == u"#recovery";
            if (!allowed) {
                auto owner = accounts->findById(QUuid::fromString(opener));
                if (!owner)
                    return owner.error();
                allowed = owner->has_value() && keyScopesFor(owner->value()).contains(scope);
            }
            if (!allowed)
                continue;
            if (auto r = keys->ensureScope(scope); !r)
                return r;
        }
        return {};
    }

    // The key patients' identity travels under in the site sync, when this keyring holds the identity
    // scope and has received it (nullopt otherwise).
    std::optional<SecureBytes> siteIdentityKey()
    {
        if (!keys || !keys->holdsScope(crypto::identityScope()))
            return std::nullopt;
        for (const crypto::KeyInfo &info : keys->keys()) {
            if (info.kind != crypto::KeyInfo::Kind::DataKey || info.name != RegistrySync::keyName())
                continue;
            auto key = keys->dataKey(info.name);
            if (!key)
                return std::nullopt;
            return std::move(key.value());
        }
        return std::nullopt;
    }

    // Keeps the key derived from the site's identity scope key, under the identity scope (a server
    // sign-in's bundle, or the link's configuration). Never replaced on a bundle's word: a keyring
    // that holds another one keeps it (Conflict).
    Result<void> keepSiteIdentityKey(const SecureBytes &scopeKey)
    {
        if (scopeKey.size() != 32)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("the site identity key must be 32 bytes"));
        if (!keys || !keys->holdsScope(crypto::identityScope()))
            return makeError(Error::Code::PermissionDenied,
                             QStringLiteral("this session does not hold the identity key, so the site's "
                                            "identity key cannot be kept here"));
        const SecureBytes derived = RegistrySync::identityKeyFrom(scopeKey);
        if (auto held = siteIdentityKey()) {
            if (*held == derived)
                return {};
            return makeError(Error::Code::Conflict,
                             QStringLiteral("this workstation already holds another site identity key"));
        }
        if (auto kept = keys->keepDataKey(RegistrySync::keyName(), crypto::KeyPurpose::identity(), derived);
            !kept)
            return kept;
        audit::AuditEvent event;
        event.type = audit::EventType::SystemConfigChange.toString();
        event.action = audit::AuditAction::Update;
        event.detail.insert(QStringLiteral("change"), QStringLiteral("site-identity-key"));
        if (auto r = record(std::move(event)); !r)
            return r;
        // What waited for it, on the workspace's thread (this may be a sign-in on a worker thread).
        if (syncContext)
            QMetaObject::invokeMethod(
                syncContext.get(), [impl = this] { impl->runRegistrySync(kRegistrySyncSlice); },
                Qt::QueuedConnection);
        return {};
    }

    // Applies the registry entries the link parked (and queues this workstation's registry once), when
    // this workspace holds the identity key and no transaction of its own is open.
    // `limit` entries at most (0: all); the rest in another slice from the event loop, so a window is
    // never held for long by what a large site sends.
    static constexpr int kRegistrySyncSlice = 50;
    void runRegistrySync(int limit = 0)
    {
        if (!registrySync || !database || database->inTransaction() || batchDepth > 0)
            return;
        auto ran = registrySync->run(limit);
        if (!ran) {
            qCWarning(lcWorkspace) << "the site's registry changes could not be applied yet:"
                                   << ran.error().toString();
            return;
        }
        if (ran->refused > 0)
            qCWarning(lcWorkspace) << ran->refused
                                   << "registry entries from the site were refused (recorded)";
        if (ran->joined > 0 && serverLink)
            serverLink->nudge();
        if (ran->more && syncContext)
            QMetaObject::invokeMethod(
                syncContext.get(), [impl = this, limit] { impl->runRegistrySync(limit); },
                Qt::QueuedConnection);
    }

    // Issue 12 (R-6.3.4 c): grants the site revoked are out of force after the sync pass that noted
    // them (SiteSync deleted them here; the engine's copy is renewed now).
    void takeGrantRevocations()
    {
        if (!grants || !database || database->inTransaction() || batchDepth > 0)
            return;
        auto reloaded = grants->reloadIfRevoked();
        if (!reloaded)
            qCWarning(lcWorkspace) << "the site's grant revocations could not be put in force:"
                                   << reloaded.error().toString();
        else if (*reloaded) {
            if (auto destroyed = destroyEndedDeliveries(); !destroyed)
                qCWarning(lcWorkspace)
                    << "revoked deliveries could not be destroyed:" << destroyed.error().toString();
        }
    }

    // Records the alerts the rules completed; not inside a transaction (tried again a second later).
    void raiseAlerts()
    {
        if (!alerts || !database || !audit)
            return;
        if (database->inTransaction() || batchDepth > 0) {
            QTimer::singleShot(1000, syncContext.get(), [impl = this] { impl->raiseAlerts(); });
            return;
        }
        alerts->raisePending();
    }

    // A clock behind the time floor by more than drift: grants are judged by the floor (an ended one
    // stays ended), and it is reported once per open as a security alert.
    void noticeClockSetBack()
    {
        if (!timeFloor || clockSetBackReported)
            return;
        const qint64 behind = timeFloor->setBackBy();
        const qint64 ahead = timeFloor->witnessedAheadBy();
        if (behind == 0 && ahead == 0)
            return;
        if (behind == 0) {
            // The site server signed a time more than a day past this clock: taken only up to that day.
            clockSetBackReported = true;
            audit::AuditEvent alert;
            alert.type = audit::EventType::SecurityAlert.toString();
            alert.action = audit::AuditAction::Execute;
            alert.outcome = audit::AuditOutcome::SeriousFailure;
            alert.detail = {{QStringLiteral("alert"), QStringLiteral("server-time-ahead")},
                            {QStringLiteral("clock"), clock->now().toUTC().toString(Qt::ISODateWithMs)},
                            {QStringLiteral("aheadSeconds"), ahead / 1000}};
            (void)record(std::move(alert));
            return;
        }
        clockSetBackReported = true;
        qCWarning(lcWorkspace) << "this workstation's clock is" << behind / 1000
                               << "s behind a time already seen here; grants are judged by that time";
        audit::AuditEvent alert;
        alert.type = audit::EventType::SecurityAlert.toString();
        alert.action = audit::AuditAction::Execute;
        alert.outcome = audit::AuditOutcome::SeriousFailure;
        alert.detail = {{QStringLiteral("alert"), QStringLiteral("clock-set-back")},
                        {QStringLiteral("clock"), clock->now().toUTC().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("floor"), timeFloor->floor().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("behindSeconds"), behind / 1000}};
        (void)record(std::move(alert));
    }

    // R-7.2.4e: a delivery whose grant is no longer in force for its account loses its key and file.
    Result<int> destroyEndedDeliveries()
    {
        noticeClockSetBack();
        if (!deliveries || !grants)
            return 0;
        QHash<QString, QSet<QString>> inForce; // by account
        return deliveries->destroyEnded([&](const QString &grantId, const QString &accountId) {
            if (!inForce.contains(accountId)) {
                QSet<QString> ids;
                if (auto held = grants->inForceFor(accountId)) {
                    for (const WorkspaceGrants::Summary &g : *held)
                        ids.insert(g.id);
                } else {
                    return true; // unknown now: kept until it can be told
                }
                inForce.insert(accountId, ids);
            }
            return inForce.value(accountId).contains(grantId);
        });
    }

    Result<void> openRegistry()
    {
        auto key = keys->ensureDataKey(kRegistryKeyName, kRegistryKeyPurpose);
        if (!key)
            return key.error();
        // Identity opens only for a session whose slot was granted the identity scope.
        std::optional<SecureBytes> identityKey;
        if (keys->holdsScope(crypto::identityScope())) {
            auto identity = registryIdentityKey();
            if (!identity)
                return identity.error();
            identityKey = std::move(identity.value());
        }
        registryAudit = std::make_unique<RegistryAuditAdapter>(
            [impl = this] { return impl->agent(); },
            [impl = this](audit::AuditEvent event) { return impl->record(std::move(event)); });
        registry::SqlCipherRegistry::Options options;
        options.vault = vault.get();
        formsFollower = std::make_unique<FormsMergeFollower>(*forms);
        options.mergeFollowers << formsFollower.get();
        options.principal = [impl = this] { return impl->actingPrincipal(); };
        options.identityKey = identityKey;
        auto reg = registry::SqlCipherRegistry::open(*database, *clock, *registryAudit, key.value(), options);
        if (!reg)
            return reg.error();
        registry = std::move(reg.value());
        transactionalRegistry = std::make_unique<TransactionalRegistry>(*registry, *outbox, authorizer.get());
        registrySync = std::make_unique<RegistrySync>(*database, *registry, vault.get(), *syncQueue,
                                                      [impl = this] { return impl->siteIdentityKey(); });
        // Queued in the change's transaction; the link passes soon after (R-7.4.1 near real time).
        transactionalRegistry->setSyncQueue(
            [impl = this](RegistrySync::Change change, const QUuid &id) -> Result<void> {
                if (auto queued = impl->registrySync->enqueue(change, id); !queued)
                    return queued;
                impl->syncQueued = true;
                return {};
            });
        searchIndex = std::make_unique<search::PatientSearchIndex>();
        // Built after unlock on a second connection (SearchIndexBuilder): a large registry takes
        // seconds to read, and nobody should wait for that to see the main window.
        auto connection = connectionOptions(false);
        if (!connection)
            return connection.error();
        indexBuilder = std::make_unique<SearchIndexBuilder>(
            *searchIndex, std::move(connection.value()),
            [impl = this](const QString &pseudonym, QList<search::PatientSearchRecord> &into) {
                (void)impl->registry->patientForIndex(
                    pseudonym,
                    [&into](const registry::Patient &p, const QList<registry::TimelineEvent> &events) {
                        into << search::searchRecordFor(p, events);
                    });
            },
            std::move(identityKey));
        // A change is reported inside its transaction; the index re-reads the patient only after the
        // commit (a read on another connection before it would see the old record, and a rolled-back
        // change must not reach the index).
        registry->setChangeListener([impl = this](const QString &pseudonym) {
            if (impl->batchDepth > 0 || impl->database->inTransaction()) {
                impl->batchIndexChanges.insert(pseudonym);
                return;
            }
            impl->indexBuilder->changed({pseudonym});
        });
        outbox->setAfterCommit([impl = this] {
            if (impl->batchDepth == 0 && !impl->batchIndexChanges.isEmpty())
                impl->indexBuilder->changed(std::exchange(impl->batchIndexChanges, {}));
            // R-7.4.1 near real time: what the commit queued for the site goes now, not at the
            // link's next interval.
            if (impl->batchDepth == 0 && impl->syncQueued.exchange(false) && impl->serverLink)
                impl->serverLink->nudge();
        });
        indexedSearch = std::make_unique<search::IndexedPatientSearch>(*searchIndex, *registryAudit);
        patientSearch = std::make_unique<IndexWaitingSearch>(*indexedSearch, *indexBuilder, *authorizer);
        indexBuilder->start();
        return {};
    }

    // The signed-in account with the roles it holds now (a locked account holds none).
    std::optional<registry::ActingPrincipal> actingPrincipal() const
    {
        if (!session)
            return std::nullopt;
        return registry::ActingPrincipal{session->accountId,
                                         currentRolesOf(*accounts, *clock, session->accountId)};
    }

    Result<std::unique_ptr<SecondConnection>> openSecondConnection()
    {
        auto options = connectionOptions(false);
        if (!options)
            return options.error();
        auto db = store::Database::open(std::move(options.value()));
        if (!db)
            return db.error();
        SecondConnection::Parts parts;
        parts.database = std::move(db.value());
        parts.log = audit.get();
        parts.clock = clock;
        parts.shipping = shipping;
        parts.nodeId = nodeId;
        return SecondConnection::open(std::move(parts));
    }

    Result<void> openForms()
    {
        formsAudit = std::make_unique<FormsAuditAdapter>(
            [impl = this] { return impl->agent(); },
            [impl = this](audit::AuditEvent event) { return impl->record(std::move(event)); });
        forms::SqlCipherFormStore::Options options;
        options.subjectCheck = [impl = this](const QUuid &patientId,
                                             const QUuid &eventId) -> Result<QString> {
            if (!impl->registry)
                return makeError(Error::Code::Unsupported, QStringLiteral("the registry is not open"));
            return impl->registry->checkRecordSubject(patientId, eventId);
        };
        auto store = forms::SqlCipherFormStore::open(
            *database, *formsAudit, *clock,
            [impl = this](const QString &id) { return currentRolesOf(*impl->accounts, *impl->clock, id); },
            [impl = this] { return unlockedDataManagerIds(*impl->accounts, *impl->clock); },
            std::move(options));
        if (!store)
            return store.error();
        forms = std::move(store.value());
        transactionalForms = std::make_unique<TransactionalFormStore>(*forms, *outbox, authorizer.get());
        syncQueue = std::make_unique<SiteSync>(
            *database, *forms, *accounts,
            [impl = this](audit::AuditEvent event) { return impl->record(std::move(event)); }, *clock);
        // Queued in the change's transaction; the link passes soon after (R-7.4.1 near real time).
        transactionalForms->setSyncQueue([impl = this](const QUuid &id) -> Result<void> {
            if (auto queued = impl->syncQueue->enqueueRecord(id); !queued)
                return queued;
            impl->syncQueued = true; // the link is nudged once the change has committed
            return {};
        });
        return {};
    }
};

Workspace::Workspace()
    : d(std::make_unique<Impl>())
{}

Workspace::~Workspace()
{
    if (d->serverLink)
        d->serverLink->stop(); // before the audit log it reads closes
    while (!d->services.empty()) {
        d->services.back()->stop();
        d->services.pop_back();
    }
    d->historyCheck.reset();
    if (d->alerts) {
        d->alerts->setWake({}); // nothing more is queued to this workspace's thread
        if (d->database && !d->database->inTransaction())
            d->alerts->raisePending();
    }
    if (d->audit) {
        if (d->session)
            logout();
        audit::AuditEvent stop;
        stop.type = audit::EventType::SystemStop.toString();
        stop.action = audit::AuditAction::Execute;
        (void)d->record(std::move(stop));
        // The database vouches for the whole session's trail, reads included.
        if (d->outbox && d->database)
            d->outbox->anchorAuditNow();
    }
    if (d->database)
        d->database->setCommitObserver(nullptr);
    if (d->forwarder)
        d->forwarder->attach(nullptr, {});
}

bool Workspace::exists(const QString &directory)
{
    return QFileInfo::exists(QDir(directory).filePath(kManifest));
}

QString Workspace::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("workspace"));
}

QString formatRecoveryKey(const SecureBytes &key)
{
    QString text = accounts::base32Encode(key.view());
    while (text.endsWith(u'='))
        text.chop(1);
    QString grouped;
    for (qsizetype i = 0; i < text.size(); i += 4) {
        if (!grouped.isEmpty())
            grouped += u'-';
        grouped += text.mid(i, 4);
    }
    secureZero(text.data(), std::size_t(text.size()) * sizeof(QChar));
    return grouped;
}

std::optional<SecureBytes> parseRecoveryKey(QStringView text)
{
    QString compact;
    for (QChar c : text) {
        if (c != u'-' && !c.isSpace())
            compact += c.toUpper();
    }
    auto bytes = accounts::base32Decode(compact);
    secureZero(compact.data(), std::size_t(compact.size()) * sizeof(QChar));
    if (!bytes || bytes->size() != 32)
        return std::nullopt;
    return SecureBytes::takeFrom(*bytes);
}

Result<std::unique_ptr<Workspace>> Workspace::create(const CreateOptions &options, const Clock &clock)
{
    if (auto st = selfTestsOnce(); !st)
        return st.error();
    const auto pageCipher = store::pageCipherFromName(options.pageCipher);
    const auto blobCipher = crypto::cipherFromName(options.blobCipher);
    if (!pageCipher || !blobCipher)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("unknown cipher"));
    const UnlockMode mode = options.mode();
    if (mode == UnlockMode::MachinePassphrase && options.passphrase.size() < 12)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the workspace passphrase is too short (at least 12 characters)"));
    if (mode == UnlockMode::AccountSlots && (options.adminName.isEmpty() || options.adminPassword.isEmpty()))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a workspace opened by account needs its first administrator's name "
                                        "and password"));
    if (options.token && options.passphrase.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the token PIN is missing"));
    QDir dir(options.directory);
    if (options.directory.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("no workspace directory given"));
    if (exists(options.directory))
        return makeError(Error::Code::AlreadyExists,
                         QStringLiteral("a workspace already exists at %1").arg(options.directory));
    if (dir.exists() && !dir.isEmpty())
        return makeError(
            Error::Code::AlreadyExists,
            QStringLiteral("%1 is not empty; choose an empty or new folder").arg(options.directory));
    if (!QDir().mkpath(options.directory))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(options.directory));
    QFile::setPermissions(options.directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    std::unique_ptr<Workspace> ws(new Workspace);
    Impl &d = *ws->d;
    d.directory = QFileInfo(options.directory).absoluteFilePath();
    auto held =
        WorkspaceLock::acquire(d.directory, WorkspaceLock::Mode::Exclusive, std::chrono::milliseconds(0));
    if (!held)
        return held.error();
    d.lock = std::move(held.value());
    d.clock = &clock;
    d.pageCipher = *pageCipher;
    d.blobCipher = *blobCipher;
    d.nodeId = QStringLiteral("ws-") + QString::fromLatin1(crypto::randomBytes(6).toHex());
    d.forwarder = std::make_unique<AuditForwarder>(clock);
    d.forwarder->setAgentProvider([impl = &d] { return impl->agent(); });
    d.forwarder->setEventStamp([impl = &d](audit::AuditEvent &event) { impl->stampOrigin(event); });

    auto cleanUp = [&](const Error &e) -> Result<std::unique_ptr<Workspace>> {
        // A half-created workspace is useless and holds only ciphertext: remove it entirely.
        ws.reset();
        QDir(options.directory).removeRecursively();
        return e;
    };

    std::unique_ptr<crypto::RootKeyProvider> root;
    crypto::KeyHierarchyOptions keyOptions;
    keyOptions.wrapCipher = *blobCipher;
    if (mode == UnlockMode::AccountSlots) {
        // The administrator's slot comes with the account (TransactionalAccountDirectory); the
        // keyring starts with the organisation's recovery slot only.
        auto keys = crypto::KeyHierarchy::createWithSlots(d.path(kKeyring), {}, d.recoveryKey, clock,
                                                          d.forwarder.get(), keyOptions);
        if (!keys)
            return cleanUp(keys.error());
        d.keys = std::move(keys.value());
        d.accountSlots = true;
    } else if (options.token) {
        crypto::Pkcs11RootConfig config;
        config.modulePath = options.token->modulePath;
        config.tokenLabel = options.token->tokenLabel;
        config.keyLabel = options.token->keyLabel;
        auto tokenRoot = crypto::Pkcs11RootKey::openOrGenerate(config, options.passphrase);
        if (!tokenRoot)
            return cleanUp(tokenRoot.error());
        root = std::move(tokenRoot.value());
    } else {
        crypto::PassphraseRootOptions rootOptions;
        rootOptions.cipher = *blobCipher;
        auto passRoot = crypto::PassphraseRootKey::create(options.passphrase, rootOptions);
        if (!passRoot)
            return cleanUp(passRoot.error());
        root = std::move(passRoot.value());
    }
    if (!d.keys) {
        auto keys = crypto::KeyHierarchy::create(d.path(kKeyring), std::move(root), clock, d.forwarder.get(),
                                                 keyOptions);
        if (!keys)
            return cleanUp(keys.error());
        d.keys = std::move(keys.value());
    }
    if (auto r = d.loadSigner(true); !r)
        return cleanUp(r.error());
    if (auto r = d.openAudit(true); !r)
        return cleanUp(r.error());
    if (auto r = d.openDatabase(true); !r)
        return cleanUp(r.error());
    if (auto r = d.openOutbox(); !r)
        return cleanUp(r.error());
    if (auto r = d.openRest(true); !r)
        return cleanUp(r.error());

    // Straight to the directory, in one transaction with its event: the custodian gets no key slot.
    auto custodian = inOneTransaction(*d.outbox, [&] {
        return d.accounts->createAccount(QUuid(), QStringLiteral("custodian"),
                                         QStringLiteral("Workspace custodian (command line)"),
                                         accounts::Role::SystemAdmin, randomCustodianPassword());
    });
    if (!custodian)
        return cleanUp(custodian.error());
    d.custodian = custodian->id;
    d.accounts->setServiceAccount(d.custodian);
    // Setting up is the custodian's work, through the same checked services as anyone's.
    d.startCustodianSession(SessionOrigin::Workstation);
    // The shipped entry forms (R-6.2.1d), imported like any definition so a site can replace them.
    for (const QByteArray &json : forms::defaultTemplateJson()) {
        auto imported = d.transactionalForms->importDefinition(custodian->idString(), json);
        if (!imported)
            return cleanUp(imported.error());
    }

    QJsonObject manifest{
        {QStringLiteral("format"), QStringLiteral("mdp-workspace")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("created"), clock.now().toString(Qt::ISODateWithMs)},
        {QStringLiteral("node_id"), d.nodeId},
        {QStringLiteral("page_cipher"), store::pageCipherName(d.pageCipher)},
        {QStringLiteral("blob_cipher"), crypto::cipherName(d.blobCipher)},
        {QStringLiteral("node_public_key"), QString::fromLatin1(d.signer->publicKey().pem())},
        {QStringLiteral("custodian_id"), custodian->idString()},
    };
    auto manifestKey = d.manifestKey();
    if (!manifestKey)
        return cleanUp(manifestKey.error());
    manifest.insert(QStringLiteral("mac"), Impl::manifestMac(manifestKey.value(), manifest));
    d.manifest = manifest;
    if (auto r = d.database->execute(
            QStringLiteral("INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('manifest_mac', ?1)"),
            {manifest.value(QStringLiteral("mac")).toString()});
        !r)
        return cleanUp(r.error());
    // The manifest is written last: a workspace "exists" only once everything below it does.
    if (auto w = writeFileAtomically(d.path(kManifest), QJsonDocument(manifest).toJson()); !w)
        return cleanUp(w.error());

    if (!options.adminName.isEmpty()) {
        auto admin = d.transactionalAccounts->createAccount(
            d.custodian, options.adminName,
            options.adminDisplayName.isEmpty() ? options.adminName : options.adminDisplayName,
            accounts::Role::SystemAdmin, options.adminPassword);
        if (!admin)
            return cleanUp(admin.error());
        // The administrator enrols an authenticator at the first sign-in, with this code (issue 9
        // part 8): whoever creates the workspace hands it over with the recovery key.
        auto code = d.transactionalAccounts->issueEnrolmentCode(d.custodian, options.adminName);
        if (!code)
            return cleanUp(code.error());
        d.adminEnrolmentCode = code.value();
        if (auto r = d.anchorKeyringGeneration(); !r)
            return cleanUp(r.error());
    }
    d.endCustodianSession();

    audit::AuditEvent created;
    created.type = audit::EventType::SystemConfigChange.toString();
    created.action = audit::AuditAction::Create;
    created.detail.insert(QStringLiteral("change"), QStringLiteral("workspace-created"));
    created.detail.insert(QStringLiteral("page_cipher"), store::pageCipherName(d.pageCipher));
    created.detail.insert(QStringLiteral("blob_cipher"), crypto::cipherName(d.blobCipher));
    if (auto r = d.record(std::move(created)); !r)
        return cleanUp(r.error());
    qCInfo(lcWorkspace) << "workspace created" << d.nodeId;
    return ws;
}

Result<QString> Workspace::rootKind(const QString &directory)
{
    return crypto::KeyHierarchy::rootKindOf(QDir(directory).filePath(kKeyring));
}

Result<IntegrityReport> Workspace::verifyOffline(const QString &directory, const SecureBytes &passphrase,
                                                 const Clock &clock)
{
    auto prepared = Impl::prepareToVerify(directory, clock);
    if (!prepared)
        return prepared.error();
    Impl &d = *prepared.value()->d;
    // No audit sink: nothing is recorded, because nothing may be written.
    auto keys = crypto::KeyHierarchy::open(d.path(kKeyring), passphrase, clock, nullptr);
    if (!keys)
        return keys.error();
    d.keys = std::move(keys.value());
    return d.verifyWithKeys();
}

Result<IntegrityReport> Workspace::verifyOffline(const QString &directory, const SignIn &signIn,
                                                 const Clock &clock)
{
    auto prepared = Impl::prepareToVerify(directory, clock);
    if (!prepared)
        return prepared.error();
    Impl &d = *prepared.value()->d;
    crypto::SlotUnlock unlock;
    auto keys = crypto::KeyHierarchy::openWithSlot(d.path(kKeyring), signIn.userName, signIn.password, unlock,
                                                   clock, nullptr, /*readOnly=*/true);
    if (!keys)
        return keys.error();
    d.keys = std::move(keys.value());
    return d.verifyWithKeys();
}

Result<std::unique_ptr<AuditReview>> AuditReview::open(const QString &directory, const SignIn &signIn,
                                                       const Clock &clock)
{
    auto prepared = Workspace::Impl::prepareToVerify(directory, clock);
    if (!prepared)
        return prepared.error();
    Workspace::Impl &d = *prepared.value()->d;
    // Not read-only: a wrong password is counted in the slot as at any sign-in (the only write).
    crypto::SlotUnlock unlock;
    auto keys = crypto::KeyHierarchy::openWithSlot(d.path(kKeyring), signIn.userName, signIn.password, unlock,
                                                   clock, nullptr);
    if (!keys && keys.error().code == Error::Code::WrongPassphrase)
        return accounts::badCredentialsError();
    if (!keys)
        return keys.error();
    d.keys = std::move(keys.value());
    // The slot, not the database (whose state is in question), says who may read the audit trail;
    // such a slot always needs a confirmed authenticator (both roles that reach it need one). Every
    // failure before the code is proved gets the sign-in's one answer and counts in the slot.
    const bool readsAudit = d.keys->holdsScope(crypto::auditScope());
    auto db = d.openDatabaseWithKeys(true);
    if (!db)
        return db.error();
    auto second = accounts::SqlCipherAccountDirectory::checkSecondFactorWithoutRecording(
        *db.value(), QUuid::fromString(unlock.accountId), signIn.totpCode, clock, readsAudit);
    if (!second || !second.value()) {
        (void)d.keys->settleSlotSignIn(unlock.accountId, false);
        return accounts::badCredentialsError();
    }
    (void)d.keys->settleSlotSignIn(unlock.accountId, true);
    if (!readsAudit)
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("only an auditor or a system administrator may open a workspace that "
                                        "failed its integrity check, and only to read its audit log"));

    std::unique_ptr<AuditReview> review(new AuditReview);
    review->m_directory = d.directory;
    review->m_userName = unlock.userName;
    if (auto names = db.value()->query(QStringLiteral("SELECT id, user_name FROM accounts")); names) {
        for (const store::Row &row : names.value())
            review->m_names.insert(row.value(0).toString(), row.value(1).toString());
    }
    db.value().reset();
    AuditReview *into = review.get();
    d.observeEvent = [into](qint64 sequence, QByteArrayView canonical) {
        auto event = audit::AuditEvent::fromJson(canonical);
        if (!event)
            return;
        AuditRow row{sequence, std::move(event.value()), {}};
        row.userName = into->m_names.value(row.event.agent.userId);
        into->m_events << std::move(row);
    };
    auto integrity = d.verifyWithKeys();
    d.observeEvent = {};
    if (!integrity)
        return integrity.error();
    review->m_integrity = integrity.value();
    return review;
}

AuditReview::~AuditReview() = default;

Result<QList<AuditRow>> AuditReview::byUserName(const QString &userName, const QDateTime &from,
                                                const QDateTime &to) const
{
    const QString id = m_names.key(userName);
    if (id.isEmpty())
        return makeError(Error::Code::NotFound, QStringLiteral("no account named %1").arg(userName));
    const qint64 fromMs = from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 toMs = to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    QList<AuditRow> rows;
    for (const AuditRow &row : m_events) {
        const qint64 t = row.event.recorded.toMSecsSinceEpoch();
        if (row.event.agent.userId == id && t >= fromMs && t < toMs)
            rows << row;
    }
    return rows;
}

Result<QList<AuditRow>> AuditReview::byDataId(const QString &dataId) const
{
    const qsizetype colon = dataId.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == dataId.size() - 1)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("give the data ID as TYPE:ID, e.g. patient:P-7F3A or key:audit"));
    const audit::AuditEntity wanted{dataId.left(colon), dataId.mid(colon + 1)};
    QList<AuditRow> rows;
    for (const AuditRow &row : m_events) {
        for (const audit::AuditEntity &entity : row.event.entities) {
            if (entity.type == wanted.type && entity.id == wanted.id) {
                rows << row;
                break;
            }
        }
    }
    return rows;
}

Result<IntegrityReport> Workspace::Impl::verifyWithKeys()
{
    Impl &d = *this;
    if (auto r = d.checkManifestMac(); !r) {
        IntegrityReport report;
        report.problem = r.error().message;
        return report;
    }
    // The manifest's public key suffices to check (the private key is sealed to the workstation that
    // signs, and an auditor checks on a machine of their own).
    auto publicKey =
        crypto::PublicKey::fromPem(d.manifest.value(QStringLiteral("node_public_key")).toString().toLatin1());
    if (!publicKey)
        return publicKey.error();
    const Sm2CheckpointVerifier verifier(publicKey.value());
    auto auditKey = d.auditRecordKey(false);
    if (!auditKey)
        return auditKey.error();
    auto db = d.openDatabaseWithKeys(true);
    if (!db)
        return db.error();
    auto anchor = AuditOutbox::anchoredAudit(*db.value());
    if (!anchor)
        return anchor.error();

    IntegrityReport report;
    // The newest commit counter the chain itself carries (database.commit events), as open() uses it.
    qint64 chainedCommit = -1;
    AuditOutbox::ChainedSecurity chainedSecurity;
    const QByteArray commitType = QByteArrayLiteral("\"type\":\"database.commit\"");
    const audit::AuditVerifyReport chain = audit::AuditLog::verifyDirectory(
        d.path(kAuditDir), auditKey.value(), verifier, anchor.value() ? anchor.value()->first : -1,
        [&](qint64 sequence, QByteArrayView canonical) {
            if (d.observeEvent)
                d.observeEvent(sequence, canonical);
            if (!canonical.contains(commitType))
                return;
            if (auto e = audit::AuditEvent::fromJson(canonical);
                e && e->type == QStringLiteral("database.commit")) {
                chainedCommit =
                    std::max(chainedCommit, e->detail.value(QStringLiteral("commit")).toInteger(-1));
                chainedSecurity.take(e.value());
            }
        });
    report.auditEvents = chain.eventCount;
    if (!chain.ok) {
        report.problem = QStringLiteral("audit log: ") + chain.toString();
        return report;
    }
    if (auto pages = db.value()->checkIntegrity(); !pages) {
        report.problem = QStringLiteral("database: ") + pages.error().message;
        return report;
    }
    const qint64 counter = db.value()->commitCounter();
    const auto commitAnchor = chain.checkpointAnchors.constFind(AuditOutbox::commitAnchor());
    const qint64 anchoredCommit = std::max(
        chainedCommit, commitAnchor != chain.checkpointAnchors.constEnd() ? commitAnchor.value() : -1);
    if (counter < anchoredCommit) {
        report.problem = QStringLiteral("database rolled back: commit %1, audit anchor %2")
                             .arg(counter)
                             .arg(anchoredCommit);
        return report;
    }
    d.database = std::move(db.value());
    if (auto bound = d.bindManifest(false); !bound) {
        report.problem = bound.error().message;
        return report;
    }
    if (const int generation = d.keys->rootGeneration(); generation > 0) {
        auto stored = d.database->queryOne(
            QStringLiteral("SELECT value FROM mdp_meta WHERE key = 'keyring_generation'"));
        if (!stored)
            return stored.error();
        if (stored->has_value() && stored->value().value(0).toLongLong() > generation) {
            report.problem =
                QStringLiteral("keyring.json is older than the database says: an earlier copy was "
                               "put back");
            return report;
        }
    }
    chainedSecurity.keyedBefore = chain.checkpointAnchors.value(AuditOutbox::securityAnchor(), 0) == 1;
    chainedSecurity.anchoredCommit = chain.checkpointAnchors.value(AuditOutbox::commitAnchor(), -1);
    // The MAC needs this workstation's key; an auditor's machine without it checks the rest.
    const SecureBytes securityKey = d.securityKeyIfThisWorkstation();
    if (securityKey.isEmpty())
        report.notChecked << QStringLiteral(
            "the accounts and roles (their record is keyed to the workstation "
            "that wrote them)");
    auto intact = AuditOutbox::securityTablesIntact(*d.database, securityKey, chainedSecurity);
    if (!intact)
        return intact.error();
    if (!intact.value()) {
        report.problem = QStringLiteral("database: the accounts and roles are not what the last change left "
                                        "(an older database page was put back)");
        return report;
    }
    auto problem = AuditOutbox::auditAnchorProblem(
        *d.database, chain.eventCount, [&chain](qint64) { return Result<QByteArray>(chain.prefixRoot); });
    if (!problem)
        return problem.error();
    if (!problem->isEmpty()) {
        report.problem = QStringLiteral("audit log: ") + problem.value();
        return report;
    }
    report.ok = true;
    return report;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &directory, const SecureBytes &passphrase,
                                                   const Clock &clock, const OpenProgressHandler &progress)
{
    auto prepared = Impl::prepareToOpen(directory, clock, progress);
    if (!prepared)
        return prepared.error();
    std::unique_ptr<Workspace> ws = std::move(prepared.value());
    Impl &d = *ws->d;
    auto keys = crypto::KeyHierarchy::open(d.path(kKeyring), passphrase, clock, d.forwarder.get());
    if (!keys)
        return keys.error(); // WrongPassphrase: nothing was changed on disk
    d.keys = std::move(keys.value());
    if (auto r = d.openWithKeys(); !r)
        return r.error();
    return ws;
}

Result<std::unique_ptr<Workspace>> Workspace::open(const QString &directory, const SignIn &signIn,
                                                   const Clock &clock, const OpenProgressHandler &progress)
{
    // R-9.3: a linked workstation asks the site server first; only an unreachable server lets the
    // local password decide, and only within the offline period.
    auto link = readSiteLinkFile(directory);
    if (!link)
        return link.error();
    std::optional<SiteAnswer> site;
    std::optional<QString> offline; // why the server could not be asked
    if (*link) {
        auto answer = askSiteServer(**link, signIn);
        if (answer) {
            site = std::move(answer.value());
        } else if (answer.error().code == Error::Code::Io) {
            offline = answer.error().message;
        } else {
            noteServerRefusal(directory, signIn.userName, answer.error(), clock.now());
            return siteRefusal(answer.error());
        }
    }
    auto prepared = Impl::prepareToOpen(directory, clock, progress);
    if (!prepared)
        return prepared.error();
    std::unique_ptr<Workspace> ws = std::move(prepared.value());
    Impl &d = *ws->d;
    crypto::SlotUnlock unlock;
    auto keys = crypto::KeyHierarchy::openWithSlot(d.path(kKeyring), signIn.userName, signIn.password, unlock,
                                                   clock, d.forwarder.get());
    bool bySiteKeys = false;
    if (site && !keys &&
        (keys.error().code == Error::Code::WrongPassphrase || keys.error().code == Error::Code::Locked)) {
        // Never signed in here, or with an older password: the server's word and the site keys.
        keys = crypto::KeyHierarchy::openWithSiteKeys(d.path(kKeyring), site->scopeKeys, clock,
                                                      d.forwarder.get());
        bySiteKeys = true;
        if (!keys && keys.error().code == Error::Code::WrongPassphrase)
            return makeError(Error::Code::PermissionDenied,
                             QStringLiteral("The site server accepted this account, but the site keys it "
                                            "carries do not open this workstation's workspace."));
        if (!keys && keys.error().code == Error::Code::NotFound)
            return makeError(Error::Code::NotFound,
                             QStringLiteral("The site server accepted this account, but this workstation "
                                            "cannot open for it yet: an account that already signs in "
                                            "here must sign in once through the server first."));
    }
    if (!keys && keys.error().code == Error::Code::WrongPassphrase)
        // The account directory's answer for a right password without its code (issue 9 part 8).
        return accounts::badCredentialsError();
    if (!keys)
        return keys.error();
    d.keys = std::move(keys.value());
    d.accountSlots = true;
    if (auto r = d.openWithKeys(); !r)
        return r.error();
    if (unlock.failuresBefore > 0 && !bySiteKeys) {
        // Counted in the slot while nothing could be written; on the record now.
        audit::AuditEvent failures;
        failures.type = audit::EventType::SecurityAlert.toString();
        failures.action = audit::AuditAction::Execute;
        failures.outcome = audit::AuditOutcome::MinorFailure;
        failures.detail.insert(QStringLiteral("alert"), QStringLiteral("failed-sign-ins"));
        failures.entities << audit::AuditEntity{QStringLiteral("account"), unlock.accountId};
        failures.detail.insert(QStringLiteral("count"), unlock.failuresBefore);
        failures.detail.insert(QStringLiteral("last"), unlock.lastFailure.toString(Qt::ISODateWithMs));
        if (auto r = d.record(std::move(failures)); !r)
            return r.error();
    }
    if (auto r = d.recordServerRefusals(); !r)
        return r.error();
    // The link file is read before anything is unlocked, so it proves nothing by itself: now that the
    // database opened, the link it was read from must be the one an administrator configured there.
    // Another server (a file edited to point at one that says yes to anything) is refused; a missing
    // file does not skip the server, it counts as offline.
    const std::optional<ServerSettings> configured = d.serverLink->settings();
    auto sameLink = [](const ServerSettings &a, const ServerSettings &b) {
        return a.host == b.host && a.port == b.port && a.serverName == b.serverName && a.caPem == b.caPem &&
               a.certificatePem == b.certificatePem;
    };
    if (*link ? !configured || !sameLink(**link, *configured) : false) {
        audit::AuditEvent alert;
        alert.type = audit::EventType::SecurityAlert.toString();
        alert.action = audit::AuditAction::Execute;
        alert.outcome = audit::AuditOutcome::SeriousFailure;
        alert.detail.insert(QStringLiteral("alert"), QStringLiteral("server-link-mismatch"));
        alert.detail.insert(QStringLiteral("asked"),
                            (*link)->host + QLatin1Char(':') + QString::number((*link)->port));
        if (!unlock.accountId.isEmpty())
            alert.entities << audit::AuditEntity{QStringLiteral("account"), unlock.accountId};
        (void)d.record(std::move(alert));
        return makeError(
            Error::Code::PermissionDenied,
            QStringLiteral("The server link beside this workspace is not the one an administrator "
                           "configured, so sign-in through it is refused (recorded). An "
                           "administrator must configure the server link again."));
    }
    if (!*link && configured && !offline)
        offline = QStringLiteral("the server link beside the workspace is missing");
    if (site) {
        auto accountId = d.mirrorSiteAccount(*site, signIn.password, !bySiteKeys, (*link)->host);
        if (!accountId)
            return accountId.error();
        auto signedIn = d.signInBySiteServer(*accountId, signIn.origin);
        if (!bySiteKeys) {
            if (auto settled = d.settleSlot(*accountId, signedIn); !settled)
                return settled.error();
        }
        if (!signedIn)
            return signedIn.error(); // recorded; the workspace closes again
        if (auto noted = d.noteServerSignIn(*accountId); !noted)
            return noted.error();
        // A workstation linked without the site's sync key gets it from a system administrator's
        // server sign-in (whose bundle an administrator made), not from any account's own bundle.
        if (site->account.roles.contains(accounts::roleId(accounts::Role::SystemAdmin))) {
            if (auto adopted = d.serverLink->adoptSiteKey(site->siteKey); !adopted)
                qCWarning(lcWorkspace)
                    << "the site key from the sign-in could not be kept:" << adopted.error().toString();
        }
        d.session->via = QStringLiteral("server");
        ws->siteAccess().adopt(std::move(site->client), *accountId);
        // Issue 12: the account's grants as the server lists them now (one it no longer lists was
        // revoked or ended there); when it cannot say, the grants kept here stay.
        if (auto taken = ws->siteAccess().refreshGrants(); !taken)
            qCWarning(lcWorkspace) << "the account's grants from the server were not taken:"
                                   << taken.error().toString();
        return ws;
    }
    if (offline) {
        if (auto within = d.checkOfflinePeriod(unlock.accountId, *offline); !within)
            return within.error(); // recorded; the workspace closes again
    }
    auto signedIn = d.signInBySlot(unlock.accountId, unlock.userName, signIn.totpCode, signIn.origin);
    if (auto settled = d.settleSlot(unlock.accountId, signedIn); !settled)
        return settled.error();
    if (!signedIn) {
        if (signIn.allowEnrolment && accounts::loginFailureOf(signedIn.error()) ==
                                         accounts::LoginFailure::SecondFactorEnrolmentRequired) {
            d.pendingEnrolment = unlock.userName;
            return ws;
        }
        return signedIn.error(); // recorded; the workspace closes again
    }
    if (offline)
        d.session->via = QStringLiteral("offline");
    return ws;
}

Result<std::unique_ptr<Workspace>>
Workspace::openWithRecoveryKey(const QString &directory, const SecureBytes &recoveryKey, const Clock &clock)
{
    auto prepared = Impl::prepareToOpen(directory, clock, {});
    if (!prepared)
        return prepared.error();
    std::unique_ptr<Workspace> ws = std::move(prepared.value());
    Impl &d = *ws->d;
    auto keys =
        crypto::KeyHierarchy::openWithRecoveryKey(d.path(kKeyring), recoveryKey, clock, d.forwarder.get());
    if (!keys)
        return keys.error();
    d.keys = std::move(keys.value());
    d.accountSlots = true;
    if (auto r = d.openWithKeys(); !r)
        return r.error();
    d.startCustodianSession(SessionOrigin::CommandLine);
    audit::AuditEvent used;
    used.type = audit::EventType::SecurityAlert.toString();
    used.action = audit::AuditAction::Execute;
    used.detail.insert(QStringLiteral("alert"), QStringLiteral("recovery-key-used"));
    if (auto r = d.record(std::move(used)); !r)
        return r.error();
    return ws;
}

std::optional<QString> Workspace::pendingEnrolment() const
{
    return d->session ? std::nullopt : d->pendingEnrolment;
}

Result<SecureBytes> Workspace::renewRecoveryKey()
{
    if (!d->accountSlots)
        return makeError(Error::Code::Unsupported, QStringLiteral("this workspace has no recovery key"));
    if (!d->custodianSession && !(d->session && d->session->roles.contains(QStringLiteral("system-admin"))))
        return makeError(
            Error::Code::PermissionDenied,
            QStringLiteral("only a system administrator or the recovery key renews the recovery key"));
    SecureBytes renewed;
    if (auto r = d->keys->renewRecoveryKey(renewed); !r)
        return r.error();
    if (auto r = d->anchorKeyringGeneration(); !r)
        return r.error();
    audit::AuditEvent event;
    event.type = audit::EventType::SecurityAlert.toString();
    event.action = audit::AuditAction::Update;
    event.detail.insert(QStringLiteral("alert"), QStringLiteral("recovery-key-renewed"));
    if (auto r = d->record(std::move(event)); !r)
        return r.error();
    return renewed;
}

SecureBytes Workspace::takeRecoveryKey()
{
    return std::exchange(d->recoveryKey, SecureBytes());
}

QString Workspace::takeAdminEnrolmentCode()
{
    return std::exchange(d->adminEnrolmentCode, QString());
}

UnlockMode Workspace::unlockMode() const
{
    if (d->accountSlots)
        return UnlockMode::AccountSlots;
    return d->keys->rootKind() == QStringLiteral("pkcs11") ? UnlockMode::Token
                                                           : UnlockMode::MachinePassphrase;
}

Result<void> Workspace::Impl::openWithKeys()
{
    Impl &d = *this;
    if (auto r = d.checkManifestMac(); !r)
        return r.error();
    d.reportStage(OpenStage::AuditLog);
    if (auto r = d.loadManifestSigner(); !r)
        return r.error();
    if (auto r = d.openAudit(false); !r)
        return r.error();
    d.reportStage(OpenStage::Database);
    if (auto r = d.openDatabase(false); !r)
        return r.error();
    if (auto r = d.checkRollback(); !r)
        return r.error();
    if (auto r = d.checkAuditAnchor(); !r)
        return r.error();
    if (auto r = d.checkSecurityTables(); !r)
        return r.error();
    bool manifestUpgraded = false;
    if (auto r = d.bindManifest(true, &manifestUpgraded); !r)
        return r.error();
    if (auto r = d.checkKeyringGeneration(); !r)
        return r.error();
    if (auto r = d.settleDatabaseKeys(); !r)
        return r.error();
    if (auto r = d.openOutbox(); !r)
        return r.error();
    // Events of changes committed just before a crash, before anything else is recorded.
    if (auto r = d.outbox->ship(); !r)
        return r.error();
    if (auto r = d.openRest(false); !r)
        return r.error();
    d.openProgress = nullptr;
    d.accounts->setServiceAccount(d.custodian);
    if (d.vault)
        d.vault->removeIncompleteWrites();
    if (d.accountSlots) {
        if (auto r = d.reconcileSlots(); !r)
            return r.error();
    }

    if (const QString why = d.audit->indexRebuilt(); !why.isEmpty()) {
        // Deleting the index also deletes the evidence it held (how far the log went): on the record.
        audit::AuditEvent rebuilt;
        rebuilt.type = audit::EventType::SecurityAlert.toString();
        rebuilt.action = audit::AuditAction::Execute;
        rebuilt.outcome = audit::AuditOutcome::MinorFailure;
        rebuilt.detail.insert(QStringLiteral("alert"), QStringLiteral("audit-index-rebuilt"));
        rebuilt.detail.insert(QStringLiteral("reason"), why);
        if (auto r = d.record(std::move(rebuilt)); !r)
            return r.error();
    }
    if (manifestUpgraded) {
        audit::AuditEvent bound;
        bound.type = audit::EventType::SystemConfigChange.toString();
        bound.action = audit::AuditAction::Update;
        bound.detail.insert(QStringLiteral("change"), QStringLiteral("manifest-authenticated"));
        if (auto r = d.record(std::move(bound)); !r)
            return r.error();
    }
    audit::AuditEvent start;
    start.type = audit::EventType::SystemStart.toString();
    start.action = audit::AuditAction::Execute;
    start.detail.insert(QStringLiteral("database_commit"), d.database->commitCounter());
    if (auto r = d.record(std::move(start)); !r)
        return r.error();
    for (const QString &purpose : std::as_const(d.finishedAtOpen)) {
        const QString current =
            purpose == crypto::KeyPurpose::database() ? d.databaseKeyName : d.identityKeyName;
        if (auto r = d.recordRenewal(purpose, QStringLiteral("finished-at-open"), current, {}, 0); !r)
            return r.error();
    }
    d.finishedAtOpen.clear();
    if (auto failure = d.auditFailure())
        return makeError(Error::Code::Io,
                         QStringLiteral("the audit log cannot be written: ") + failure->message);
    return {};
}

QString Workspace::directory() const
{
    return d->directory;
}

const Clock &Workspace::clock() const
{
    return *d->clock;
}

int Workspace::alertsRaised() const
{
    return d->alerts ? d->alerts->raised() : 0;
}

const Clock &Workspace::accessClock() const
{
    return d->timeFloor ? static_cast<const Clock &>(*d->timeFloor) : *d->clock;
}

QUuid Workspace::custodianId() const
{
    return d->custodian;
}

QString Workspace::nodeId() const
{
    return d->nodeId;
}

WorkspaceInfo Workspace::info() const
{
    WorkspaceInfo info;
    info.directory = d->directory;
    info.pageCipher = store::pageCipherName(d->pageCipher);
    info.blobCipher = crypto::cipherName(d->blobCipher);
    info.rootKeyKind = d->accountSlots ? QStringLiteral("account key slots (Argon2id, SM2 grants)")
                       : d->keys->rootKind() == QStringLiteral("passphrase")
                           ? QStringLiteral("passphrase (PBKDF2-HMAC-SM3, 600000 iterations)")
                           : QStringLiteral("PKCS#11 token");
    info.created =
        QDateTime::fromString(d->manifest.value(QStringLiteral("created")).toString(), Qt::ISODateWithMs);
    info.commitCounter = d->database->commitCounter();
    info.auditEvents = d->audit->size();
    info.sqlcipherVersion = d->database->cipherVersion();
    info.libgcryptVersion = crypto::libgcryptVersion();
    info.opensslVersion = crypto::opensslVersion();
    info.qtVersion = QString::fromLatin1(qVersion());
    return info;
}

store::Database &Workspace::database()
{
    return *d->database;
}

Result<QString> Workspace::storeFile(QByteArrayView bytes)
{
    if (auto ok = permit(d->authorizer.get(), Permission::WritePatients, u"files.store"); !ok)
        return ok.error();
    if (!d->vault)
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("this account's roles do not hold the key of the file vault"));
    return d->vault->put(bytes);
}

Result<QByteArray> Workspace::readFile(const QString &blobId)
{
    if (auto ok = permit(d->authorizer.get(), Permission::SeeIdentity, u"files.read"); !ok)
        return ok.error();
    if (!d->vault)
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("this account's roles do not hold the key of the file vault"));
    return d->vault->get(blobId);
}

bool Workspace::hasFile(const QString &blobId) const
{
    return d->vault && d->vault->contains(blobId);
}

const audit::AuditLog &Workspace::auditLog() const
{
    return *d->audit;
}

audit::AuditLog &Workspace::auditLogForQueries()
{
    return *d->audit;
}

audit::CheckpointSigner &Workspace::nodeSigner()
{
    return *d->signer;
}

QByteArray Workspace::nodePublicKeyDer() const
{
    return d->signer->publicKey().der();
}

std::optional<audit::AuditBundleWitness> Workspace::serverWitness(QString &workstation) const
{
    const auto witness = d->serverLink ? d->serverLink->lastWitness() : std::nullopt;
    if (!witness)
        return std::nullopt;
    workstation = witness->workstation;
    audit::AuditBundleWitness out;
    out.treeSize = witness->treeSize;
    out.rootHash = witness->rootHash;
    out.witnessedAt = witness->witnessedAt;
    out.signature = witness->signature;
    out.serverKeyDer = witness->serverKeyDer;
    return out;
}

Result<QByteArray> Workspace::alertRules()
{
    // Who knows the thresholds can stay under them: the security roles only.
    if (!allows(Permission::ReadAuditTrail) && !allows(Permission::AdministerAccounts))
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("the alert rules are for the security roles"));
    return d->alertDocument.isEmpty() ? audit::AlertRuleSet::defaultDocument() : d->alertDocument;
}

Result<void> Workspace::setAlertRules(const QByteArray &document)
{
    if (auto ok = authorize(Permission::AdministerAccounts, u"audit.alert-rules"); !ok)
        return ok.error();
    auto rules = audit::AlertRuleSet::parse(document);
    if (!rules)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the alert rules are not in force: %1").arg(rules.error().message));
    QJsonArray ids;
    for (const audit::AlertRule &rule : rules->rules)
        ids.append(rule.id);
    auto kept = d->database->transaction([&]() -> Result<void> {
        if (auto r = d->database->execute(
                QStringLiteral("INSERT OR REPLACE INTO mdp_meta (key, value) VALUES ('alert_rules', ?1)"),
                {document});
            !r)
            return r.error();
        audit::AuditEvent event;
        event.type = audit::EventType::SystemConfigChange.toString();
        event.action = audit::AuditAction::Update;
        event.entities = {audit::AuditEntity{QStringLiteral("config"), QStringLiteral("alert-rules")}};
        event.detail = {{QStringLiteral("change"), QStringLiteral("alert-rules")},
                        {QStringLiteral("sm3"),
                         QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sm3, document).toHex())},
                        {QStringLiteral("rules"), ids}};
        return record(std::move(event));
    });
    if (!kept)
        return kept;
    d->alertDocument = document;
    if (d->alerts)
        d->alerts->setRules(std::move(*rules));
    return {};
}

Result<void> Workspace::authorize(Permission permission, QStringView operation)
{
    return permit(d->authorizer.get(), permission, operation);
}

bool Workspace::allows(Permission permission) const
{
    return d->authorizer && d->authorizer->allows(permission);
}

policy::Decision Workspace::patientAccess(policy::Action action) const
{
    if (!d->accessGate)
        return {};
    return d->accessGate->peek(action, AccessGate::patientRecord());
}

Result<Workspace::PatientCount> Workspace::countPatients(const QString &query)
{
    if (!d->accessGate || !d->searchIndex || !d->indexBuilder)
        return makeError(Error::Code::Unsupported, QStringLiteral("the patient index is not open"));
    const policy::Decision decision =
        d->accessGate->decide(policy::Action::Search, AccessGate::patientRecord(), u"registry.count");
    if (!decision.permitted)
        return makeError(Error::Code::PermissionDenied, decision.explanation());
    if (auto ready = d->indexBuilder->waitUntilReady(); !ready)
        return ready.error();
    // Pseudonymous ids and clinical terms only: a count must not tell whether a name exists. The index
    // is asked directly: the count's decision is the record of it, and a count is not a read of the
    // patients it counted (the search box's query event would list their pseudonyms).
    search::SearchFilter filter;
    filter.identityAccess = search::IdentityAccess::None;
    constexpr int kCap = 10000; // more is told as "at least"
    const QList<search::SearchHit> hits = d->searchIndex->search(query.left(200), filter, kCap);
    PatientCount count;
    count.count = int(hits.size());
    count.capped = count.count >= kCap;
    count.minimumCellSize = decision.obligations.aggregateOnly ? decision.obligations.minCellSize : 0;
    // Small cells are not shown, nor is zero: "fewer than 5" is all a count-only user learns.
    if (count.count < count.minimumCellSize) {
        count.belowMinimum = true;
        count.count = 0;
    }
    return count;
}

Result<void> Workspace::requestAccess(const policy::NeededScope &scope, const QString &purpose)
{
    if (!d->accessGate)
        return makeError(Error::Code::Unsupported, QStringLiteral("the workspace is not open"));
    // What people type may name someone: the purpose is de-identified before it is recorded.
    return d->accessGate->recordRequest(scope, deid::deidentify(purpose));
}

Result<QList<Workspace::GrantInForce>> Workspace::myGrants()
{
    if (!d->session || !d->grants)
        return makeError(Error::Code::PermissionDenied, QStringLiteral("nobody is signed in"));
    d->noticeClockSetBack();
    auto grants = d->grants->inForceFor(d->session->accountId);
    if (!grants)
        return grants.error();
    QList<GrantInForce> out;
    for (const WorkspaceGrants::Summary &g : *grants)
        out << GrantInForce{g.id,       g.request,   g.project,       g.maxLevel,     g.notBefore,
                            g.notAfter, g.approvers, g.aggregateOnly, g.exportAllowed};
    return out;
}

Result<int> Workspace::syncDeliveries()
{
    if (!d->session || d->custodianSession || !d->deliveries)
        return makeError(Error::Code::PermissionDenied, QStringLiteral("nobody is signed in"));
    const Session who = *d->session;
    if (auto destroyed = d->destroyEndedDeliveries(); !destroyed)
        return destroyed.error();
    auto held = d->grants->inForceFor(who.accountId);
    if (!held)
        return held.error();
    int withData = 0;
    for (const WorkspaceGrants::Summary &g : *held) {
        auto recipient = d->deliveries->recipientFor(g.id, who.accountId);
        if (!recipient)
            return recipient.error();
        if (!recipient->published) {
            auto published = siteAccess().publishRecipientKey(g.id, recipient->publicKey);
            if (!published && published.error().code != Error::Code::Conflict)
                return published.error();
            if (auto marked = d->deliveries->markPublished(g.id); !marked)
                return marked.error();
        }
        if (!recipient->received) {
            auto fetched = siteAccess().fetchDelivery(g.id);
            if (!fetched && fetched.error().code == Error::Code::Cancelled)
                continue; // ended or revoked at the site: its data goes at the next look here
            if (!fetched)
                return fetched.error();
            if (!*fetched)
                continue; // not prepared yet
            // Prepared by a workstation of this site (its certificate signed the digests), as sent.
            const std::optional<ServerSettings> link = d->serverLink->settings();
            auto attested = net::GrantClient::verifyDocumentEnvelope((*fetched)->attestation,
                                                                     link ? link->caPem : QByteArray());
            if (!attested || attested->document != net::deliveryDocument(g.id, (*fetched)->ciphertext,
                                                                         (*fetched)->wrappedKey)) {
                audit::AuditEvent alert;
                alert.type = audit::EventType::SecurityAlert.toString();
                alert.action = audit::AuditAction::Execute;
                alert.outcome = audit::AuditOutcome::SeriousFailure;
                alert.entities << audit::AuditEntity{QStringLiteral("grant"), g.id};
                alert.detail = {{QStringLiteral("alert"), QStringLiteral("delivery-not-attested")}};
                (void)d->record(std::move(alert));
                return makeError(
                    Error::Code::Tampered,
                    QStringLiteral("the data sent under grant %1 is not signed by a workstation of the "
                                   "site: refused")
                        .arg(g.id));
            }
            if (auto kept = d->deliveries->keep(g.id, **fetched); !kept)
                return kept.error();
        }
        ++withData;
    }
    return withData;
}

Result<QJsonObject> Workspace::openDelivery(const QString &grantId)
{
    if (!d->session || d->custodianSession || !d->deliveries)
        return makeError(Error::Code::PermissionDenied, QStringLiteral("nobody is signed in"));
    audit::AuditEvent event;
    event.type = QStringLiteral("access.delivery-open");
    event.action = audit::AuditAction::Read;
    event.entities << audit::AuditEntity{QStringLiteral("grant"), grantId}
                   << audit::AuditEntity{QStringLiteral("account"), d->session->accountId};
    d->noticeClockSetBack();
    auto held = d->grants->inForceFor(d->session->accountId);
    if (!held)
        return held.error();
    const bool inForce = std::any_of(held->cbegin(), held->cend(),
                                     [&](const WorkspaceGrants::Summary &g) { return g.id == grantId; });
    if (!inForce) {
        // Ended, revoked, or another account's: refused, and an ended one's data goes now.
        (void)d->destroyEndedDeliveries();
        event.outcome = audit::AuditOutcome::MinorFailure;
        event.detail.insert(QStringLiteral("reason"), QStringLiteral("no grant in force"));
        (void)d->record(std::move(event));
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("This grant is not in force for you (ended, revoked or another "
                                        "account's): its data cannot be opened."));
    }
    auto package = d->deliveries->open(grantId);
    if (!package) {
        event.outcome = audit::AuditOutcome::MinorFailure;
        event.detail.insert(QStringLiteral("reason"), package.error().message.left(200));
        (void)d->record(std::move(event));
        return package.error();
    }
    const QJsonObject json = QJsonDocument::fromJson(*package).object();
    event.detail.insert(QStringLiteral("patients"), json.value(u"patients").toArray().size());
    if (auto recorded = d->record(std::move(event)); !recorded)
        return recorded.error(); // unrecorded, nothing is shown
    return json;
}

Result<int> Workspace::destroyEndedDeliveries()
{
    return d->destroyEndedDeliveries();
}

Result<int> Workspace::prepareDelivery(const QString &grantId)
{
    // The service decides: a data manager or system administrator of this site, signed in here.
    if (!d->session || d->custodianSession)
        return makeError(Error::Code::PermissionDenied, QStringLiteral("nobody is signed in"));
    const Session who = *d->session;
    if (!who.roles.contains(QStringLiteral("data-manager")) &&
        !who.roles.contains(QStringLiteral("system-admin")))
        return makeError(
            Error::Code::PermissionDenied,
            QStringLiteral("only a data manager or system administrator prepares the data of a grant"));
    auto pending = siteAccess().pendingDeliveries();
    if (!pending)
        return pending.error();
    const auto found =
        std::find_if(pending->cbegin(), pending->cend(),
                     [&](const AccessDesk::PendingDelivery &p) { return p.grantId == grantId; });
    if (found == pending->cend())
        return makeError(Error::Code::NotFound,
                         QStringLiteral("grant %1 waits for no data (not in force, no recipient key yet, or "
                                        "delivered already)")
                             .arg(grantId));
    // The grant as the site issued it: checked with the witness key this workstation pinned.
    const QByteArray pinned = d->serverLink->pinnedServerKey();
    auto issuer = crypto::PublicKey::fromDer(pinned.isEmpty() ? found->issuerKey : pinned);
    if (!issuer)
        return issuer.error();
    auto grant = access::GrantDocument::open(found->envelope, *issuer);
    if (!grant)
        return grant.error();
    // What cannot be delivered as rows yet is refused rather than delivered wider: counts-only grants
    // are answered with counts, and a cohort described in words is not selected by a machine.
    if (grant->scope.aggregateOnly)
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("a counts-only grant is answered with counts, not with data"));
    if (!grant->scope.cohort.isEmpty() && grant->scope.patients.isEmpty())
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("a cohort described in words cannot be selected here: the grant must "
                                        "name its patients"));
    // The key the data is sealed for was made on the grant's own workstation: signed with the
    // certificate the grant is bound to (the server relays it, and cannot put in a key of its own).
    {
        const std::optional<ServerSettings> link = d->serverLink->settings();
        auto attested = net::GrantClient::verifyDocumentEnvelope(found->recipientAttestation,
                                                                 link ? link->caPem : QByteArray());
        auto envelope = net::parseDocumentEnvelope(found->recipientAttestation);
        auto certificate = envelope ? crypto::Certificate::fromPem(envelope->certificatePem)
                                    : Result<crypto::Certificate>(envelope.error());
        if (!attested || !certificate ||
            QString::fromLatin1(certificate->fingerprint().toHex()) != grant->workstation.toLower() ||
            attested->document != net::deliveryRecipientDocument(grant->id, found->recipientKey))
            return makeError(
                Error::Code::Tampered,
                QStringLiteral("the key the data would be sealed for is not attested by the grant's "
                               "workstation: nothing was sent"));
    }
    auto recipient = crypto::PublicKey::fromDer(found->recipientKey);
    if (!recipient || recipient->algorithm() != crypto::SignatureAlgorithm::Sm2)
        return makeError(Error::Code::Tampered, QStringLiteral("the recipient key is not an SM2 public key"));
    // What may go: classified fields at level 3 at most (de-identified: no identity), within the
    // grant's ceiling and categories.
    auto items = policies().items();
    if (!items)
        return items.error();
    const int ceiling = std::min(grant->scope.maxLevel, policy::kIdentifyingLevel - 1);
    QHash<QString, policy::Classification> allowed;
    for (const ClassifiedItem &item : *items) {
        if (!item.key.startsWith(u"form:") || item.inForce.level > ceiling)
            continue;
        if (!grant->scope.categories.isEmpty() && !grant->scope.categories.contains(item.inForce.category))
            continue;
        allowed.insert(item.key, item.inForce);
    }
    // The patients: those named, or every patient of the registry for a project or cohort grant.
    QList<registry::Patient> patients;
    if (!grant->scope.patients.isEmpty()) {
        for (const QString &pseudonym : grant->scope.patients) {
            auto p = registry().patientByPseudonym(who.accountId, pseudonym);
            if (p)
                patients << *p;
            else if (p.error().code != Error::Code::NotFound)
                return p.error();
        }
    } else {
        for (int offset = 0;; offset += 500) {
            auto page = registry().patients(who.accountId, registry::PageRequest{offset, 500, false});
            if (!page)
                return page.error();
            patients += page->patients;
            if (page->patients.size() < 500)
                break;
        }
    }
    // R-6.3.4 c: a patient who withdrew consent is delivered under no grant (a grant naming them was
    // revoked; one over a whole project or cohort leaves them out).
    const QSet<QString> withdrawn(found->withdrawnPatients.cbegin(), found->withdrawnPatients.cend());
    patients.removeIf([&](const registry::Patient &p) { return withdrawn.contains(p.pseudonymId); });
    QJsonArray rows;
    int fields = 0;
    for (const registry::Patient &patient : std::as_const(patients)) {
        auto pseudonym = registry().projectPseudonym(who.accountId, grant->scope.project, patient.id);
        if (!pseudonym)
            return pseudonym.error();
        forms::RecordFilter filter;
        filter.patientId = patient.id;
        auto records = forms().records(who.accountId, filter);
        if (!records)
            return records.error();
        QJsonArray kept;
        for (const forms::FormRecord &stored : *records) {
            if (stored.formalVersion <= 0)
                continue; // only what review approved
            // The grant's project only (a record without one belongs to the site's default project).
            if (!stored.projectId.isEmpty() && stored.projectId != grant->scope.project)
                continue;
            // Nested members above the ceiling taken out and free text de-identified, as reads are.
            auto record = d->transactionalForms->deliverable(stored, ceiling);
            if (!record)
                return record.error();
            QJsonObject values;
            for (auto it = record->formalValues.constBegin(); it != record->formalValues.constEnd(); ++it) {
                if (allowed.contains(QStringLiteral("form:%1/%2").arg(record->formId, it.key()))) {
                    values.insert(it.key(), it.value());
                    ++fields;
                }
            }
            if (!values.isEmpty())
                kept.append(QJsonObject{{QStringLiteral("form"), record->formId},
                                        {QStringLiteral("formalVersion"), record->formalVersion},
                                        {QStringLiteral("values"), values}});
        }
        rows.append(
            QJsonObject{{QStringLiteral("pseudonym"), *pseudonym}, {QStringLiteral("records"), kept}});
    }
    // In the order of the project pseudonyms: nothing pairs them with the names the grant used.
    QList<QJsonValue> ordered(rows.cbegin(), rows.cend());
    std::sort(ordered.begin(), ordered.end(), [](const QJsonValue &a, const QJsonValue &b) {
        return a.toObject().value(u"pseudonym").toString() < b.toObject().value(u"pseudonym").toString();
    });
    rows = QJsonArray();
    for (const QJsonValue &row : std::as_const(ordered))
        rows.append(row);
    const QByteArray package =
        QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("mdp-delivery-v1")},
                                  {QStringLiteral("grant"), grant->id},
                                  {QStringLiteral("request"), grant->requestNumber},
                                  {QStringLiteral("project"), grant->scope.project},
                                  {QStringLiteral("maxLevel"), ceiling},
                                  {QStringLiteral("prepared"), d->clock->now().toUTC().toString(Qt::ISODate)},
                                  {QStringLiteral("patients"), rows}})
            .toJson(QJsonDocument::Compact);
    // A fresh per-grant key seals the package; the holder's key for this grant seals that key.
    QByteArray keyBytes = crypto::randomBytes(crypto::aeadKeyLength(crypto::AeadCipher::Sm4Gcm));
    const SecureBytes contentKey = SecureBytes::takeFrom(keyBytes);
    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, contentKey);
    if (!aead)
        return aead.error();
    auto sealed =
        aead->sealWithRandomNonce(QByteArrayLiteral("mdp-delivery-v1\n") + grant->id.toUtf8(), package);
    if (!sealed)
        return sealed.error();
    auto wrapped = recipient->encrypt(contentKey.view());
    if (!wrapped)
        return wrapped.error();
    audit::AuditEvent event;
    event.type = QStringLiteral("access.deliver");
    event.action = audit::AuditAction::Create;
    event.entities << audit::AuditEntity{QStringLiteral("grant"), grant->id};
    event.detail = {{QStringLiteral("patients"), int(rows.size())},
                    {QStringLiteral("fields"), fields},
                    {QStringLiteral("maxLevel"), ceiling}};
    if (auto uploaded = siteAccess().putDelivery(grant->id, {*sealed, *wrapped, {}}); !uploaded) {
        event.outcome = audit::AuditOutcome::MinorFailure;
        event.detail.insert(QStringLiteral("reason"), uploaded.error().message.left(200));
        (void)d->record(std::move(event));
        return uploaded.error();
    }
    if (auto recorded = d->record(std::move(event)); !recorded)
        return recorded.error();
    return int(rows.size());
}

Result<QList<crypto::KeyInfo>> Workspace::keyList()
{
    if (auto ok = permit(d->authorizer.get(), Permission::ManageKeys, u"keys.list"); !ok)
        return ok.error();
    return d->keys->keys();
}

Result<QList<crypto::KeySlotInfo>> Workspace::keySlots()
{
    if (auto ok = permit(d->authorizer.get(), Permission::ManageKeys, u"keys.slots"); !ok)
        return ok.error();
    return d->keys->slots();
}

Result<void> Workspace::rotateKeyEncryptionKey(const QString &purpose)
{
    if (auto ok = permit(d->authorizer.get(), Permission::ManageKeys, u"keys.rotate"); !ok)
        return ok.error();
    return d->keys->rotateKek(purpose);
}

QStringList Workspace::renewableDataKeys()
{
    return {crypto::KeyPurpose::database(), crypto::KeyPurpose::vault(), crypto::KeyPurpose::identity()};
}

Result<Workspace::KeyRenewal> Workspace::renewDataKey(const QString &purpose,
                                                      const KeyRenewalProgress &progress)
{
    if (auto ok = permit(d->authorizer.get(), Permission::ManageKeys, u"keys.renew"); !ok)
        return ok.error();
    if (purpose == crypto::KeyPurpose::database())
        return d->renewDatabaseKey(progress);
    if (purpose == crypto::KeyPurpose::vault() || purpose == crypto::KeyPurpose::identity()) {
        if (!d->keys->holdsScope(crypto::identityScope()) ||
            (purpose == crypto::KeyPurpose::vault() && !d->vault))
            return makeError(Error::Code::PermissionDenied,
                             QStringLiteral("this session does not hold the identity key, under which the %1 "
                                            "key is kept")
                                 .arg(purpose));
        return purpose == crypto::KeyPurpose::vault() ? d->renewVaultKey(progress)
                                                      : d->renewIdentityKey(progress);
    }
    return makeError(
        Error::Code::InvalidArgument,
        QStringLiteral("'%1' has no renewable data key (database, vault or identity)").arg(purpose));
}

QStringList Workspace::unfinishedKeyRenewals() const
{
    QStringList unfinished;
    for (const QString &purpose : renewableDataKeys()) {
        const QString base = purpose == crypto::KeyPurpose::identity() ? kIdentityKeyName : purpose;
        if (d->generations(base, purpose).live.size() > 1)
            unfinished << purpose;
    }
    return unfinished;
}

accounts::AccountDirectory &Workspace::accounts()
{
    return *d->transactionalAccounts;
}

registry::Registry &Workspace::registry()
{
    return *d->transactionalRegistry;
}

void Workspace::startAuditHistoryCheck()
{
    if (d->historyCheck)
        return;
    audit::AuditAgent system;
    system.userId = QStringLiteral("system");
    system.role = QStringLiteral("system");
    system.nodeId = d->nodeId;
    SearchIndexBuilder *builder = d->indexBuilder.get();
    d->historyCheck = std::make_unique<AuditHistoryCheck>(*d->audit, *d->clock, system, [builder] {
        const SearchIndexState s = builder->state();
        return s.ready || !s.failure.isEmpty();
    });
    d->historyCheck->start();
}

AuditHistoryState Workspace::auditHistoryState() const
{
    return d->historyCheck ? d->historyCheck->state() : AuditHistoryState{};
}

SearchIndexState Workspace::searchIndexState() const
{
    return d->indexBuilder->state();
}

registry::PatientSearch &Workspace::patientSearch()
{
    return *d->patientSearch;
}

forms::FormStore &Workspace::forms()
{
    return *d->transactionalForms;
}

ServerLink &Workspace::serverLink()
{
    return *d->serverLink;
}

DataPolicies &Workspace::policies()
{
    return *d->policies;
}

Result<Session> Workspace::login(const QString &userName, const SecureBytes &password,
                                 const QString &totpCode, SessionOrigin origin)
{
    if (auto failure = d->auditFailure())
        return makeError(Error::Code::Io,
                         QStringLiteral("the audit log cannot be written (%1); sign-in is refused "
                                        "until it can")
                             .arg(failure->message));
    if (d->accountSlots) {
        // The account's own key slot checks the password (and counts a failure), as at unlock.
        auto found = d->accounts->find(userName);
        if (!found)
            return found.error();
        const auto slots = d->keys->slots();
        const bool hasSlot =
            found->has_value() && std::any_of(slots.cbegin(), slots.cend(), [&](const auto &s) {
                return s.accountId == found->value().idString();
            });
        Result<bool> opens = false;
        if (hasSlot) {
            opens = d->keys->checkSlotPassword(found->value().idString(), password);
        } else {
            // The same work as a real slot: the time does not tell which names exist.
            (void)crypto::argon2id(password.view(), crypto::randomBytes(16),
                                   crypto::KeyHierarchyOptions().slotKdf, 32);
        }
        if (!opens)
            return opens.error();
        if (!opens.value())
            return accounts::badCredentialsError(); // the directory's own answer
        auto signedIn = d->signInBySlot(found->value().idString(), found->value().userName, totpCode, origin);
        if (auto settled = d->settleSlot(found->value().idString(), signedIn); !settled)
            return settled.error();
        return signedIn;
    }
    auto account = d->transactionalAccounts->authenticate(userName, password, totpCode);
    if (!account)
        return account.error();
    if (auto failure = d->auditFailure()) {
        // The sign-in itself could not be recorded: it does not count.
        return makeError(
            Error::Code::Io,
            QStringLiteral("the audit log cannot be written (%1); sign-in is refused").arg(failure->message));
    }
    return d->beginSession(account.value(), origin);
}

Result<void> Workspace::beginCustodianSession(SessionOrigin origin)
{
    if (d->accountSlots) {
        // Every account unlocks with its own password here; the custodian is no way around that.
        audit::AuditEvent refused;
        refused.type = audit::EventType::SecurityAlert.toString();
        refused.action = audit::AuditAction::Execute;
        refused.outcome = audit::AuditOutcome::MinorFailure;
        refused.detail.insert(QStringLiteral("alert"), QStringLiteral("access-denied"));
        refused.detail.insert(QStringLiteral("operation"), QStringLiteral("workspace.custodian-session"));
        (void)d->record(std::move(refused));
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("this workspace is unlocked by each account's own password; nobody "
                                        "acts as the custodian without the recovery key"));
    }
    d->startCustodianSession(origin);
    return {};
}

void Workspace::logout()
{
    if (d->siteAccess)
        d->siteAccess->drop();
    if (!d->session)
        return;
    if (!d->custodianSession)
        (void)d->accounts->logout(QUuid::fromString(d->session->accountId));
    d->session.reset();
    d->custodianSession = false;
}

SiteAccess &Workspace::siteAccess()
{
    if (!d->siteAccess) {
        auto hooks = std::make_unique<SiteAccess::Hooks>();
        Impl *impl = d.get();
        hooks->session = [impl]() -> std::optional<Session> {
            return impl->custodianSession ? std::nullopt : impl->session;
        };
        hooks->link = [impl]() -> Result<ServerSettings> {
            // The link file beside the workspace holds the workstation's key; it must be the link an
            // administrator configured (as at sign-in).
            auto file = readSiteLinkFile(impl->directory);
            if (!file)
                return file.error();
            const std::optional<ServerSettings> configured =
                impl->serverLink ? impl->serverLink->settings() : std::nullopt;
            if (!*file || !configured || (*file)->host != configured->host ||
                (*file)->port != configured->port || (*file)->serverName != configured->serverName ||
                (*file)->caPem != configured->caPem || (*file)->certificatePem != configured->certificatePem)
                return makeError(Error::Code::NotFound,
                                 QStringLiteral("this workstation is not linked to a site server"));
            return **file;
        };
        hooks->record = [impl](audit::AuditEvent event) { return impl->record(std::move(event)); };
        hooks->takeGrants = [impl](const QString &accountId, const QString &userName,
                                   const QList<QByteArray> &envelopes, const QByteArray &key) -> Result<int> {
            if (!impl->grants)
                return makeError(Error::Code::Unsupported, QStringLiteral("this workspace keeps no grants"));
            return impl->grants->replaceFor(accountId, userName, envelopes, key);
        };
        d->siteAccess = std::make_unique<SiteAccess>(std::move(hooks));
    }
    return *d->siteAccess;
}

std::optional<Session> Workspace::session() const
{
    return d->session;
}

Result<void> Workspace::record(audit::AuditEvent event)
{
    return d->record(std::move(event));
}

Result<void> Workspace::runBatch(const std::function<Result<void>()> &work)
{
    ++d->batchDepth;
    auto r = d->database->transaction([&]() -> Result<void> {
        if (auto w = work(); !w)
            return w;
        return d->batchDepth == 1 ? d->audit->flush() : Result<void>();
    });
    --d->batchDepth;
    if (d->batchDepth > 0)
        return r;
    if (!r)
        (void)d->audit->flush();
    // One search-index update per changed patient instead of one per change (a bulk import changes
    // each patient dozens of times); a patient whose creation rolled back is simply not found.
    d->indexBuilder->changed(std::exchange(d->batchIndexChanges, {}));
    if (d->syncQueued.exchange(false) && r && d->serverLink)
        d->serverLink->nudge();
    return r;
}

Result<std::unique_ptr<WorkspaceConnection>> Workspace::openConnection()
{
    auto connection = d->openSecondConnection();
    if (!connection)
        return connection.error();
    return std::unique_ptr<WorkspaceConnection>(std::move(connection.value()));
}

void Workspace::adoptService(std::unique_ptr<WorkspaceService> service)
{
    d->services.push_back(std::move(service));
}

void Workspace::setCommitStepHook(std::function<void(QStringView step)> hook)
{
    d->shipping->stepHook = std::move(hook);
}

IntegrityReport Workspace::verifyIntegrity()
{
    IntegrityReport report;
    if (auto db = d->database->checkIntegrity(); !db) {
        report.problem = QStringLiteral("database: ") + db.error().message;
        return report;
    }
    const auto chain = d->audit->verify();
    report.auditEvents = chain.eventCount;
    if (!chain.ok) {
        report.problem = QStringLiteral("audit log: ") + chain.toString();
        return report;
    }
    const auto anchoredResult = d->anchoredCommit();
    if (!anchoredResult) {
        report.problem = QStringLiteral("audit log: ") + anchoredResult.error().message;
        return report;
    }
    const std::optional<qint64> anchored = anchoredResult.value();
    if (anchored && d->database->commitCounter() < *anchored) {
        report.problem = QStringLiteral("database rolled back: commit %1, audit anchor %2")
                             .arg(d->database->commitCounter())
                             .arg(*anchored);
        return report;
    }
    if (auto r = d->checkAuditAnchor(); !r) {
        report.problem = r.error().message;
        return report;
    }
    if (auto r = d->checkSecurityTables(); !r) {
        report.problem = r.error().message;
        return report;
    }
    report.ok = true;
    audit::AuditEvent verified;
    verified.type = audit::EventType::AuditVerify.toString();
    verified.action = audit::AuditAction::Execute;
    verified.detail.insert(QStringLiteral("events"), report.auditEvents);
    (void)d->record(std::move(verified));
    return report;
}

} // namespace mdp::workspace
