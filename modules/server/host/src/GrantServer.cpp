#include "mdp/server/GrantServer.h"

#include "mdp/access/ApprovalRules.h"
#include "mdp/accounts/DemoStaff.h"
#include "mdp/accounts/Role.h"
#include "mdp/accounts/Totp.h"
#include "mdp/audit/Sm2CheckpointSigner.h"
#include "mdp/crypto/AccountKeys.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"
#include "mdp/foundation/AtomicFile.h"
#include "mdp/pki/DemoPki.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QMutexLocker>
#include <QProcessEnvironment>

#include <cstdio>

namespace mdp::server {

namespace {

Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound,
                         QStringLiteral("%1 %2 cannot be read: %3").arg(what, path, file.errorString()));
    return file.readAll();
}

// One JSON line per call, to a file (appended) or standard output; serialised across threads.
class JsonLinesLog final : public CallLog
{
public:
    explicit JsonLinesLog(const QString &path)
    {
        if (!path.isEmpty()) {
            m_file.setFileName(path);
            if (!m_file.open(QIODevice::Append | QIODevice::WriteOnly))
                m_file.setFileName(QString());
            else
                m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
    void write(const QJsonObject &line) override
    {
        const QByteArray bytes = QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
        QMutexLocker lock(&m_mutex);
        if (m_file.isOpen()) {
            m_file.write(bytes);
            m_file.flush();
        } else {
            std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
            std::fflush(stdout);
        }
    }

private:
    QMutex m_mutex;
    QFile m_file;
};

struct KeyMaterial
{
    bool created = false; // made now: no key file was there
    ServerKeys keys;
    SecureBytes storeKey;
    SecureBytes auditKey;
};

// The server's secrets: from a systemd credential ($CREDENTIALS_DIRECTORY/server-keys, encrypted at
// rest by systemd-creds) when there is one, else DATA/server-keys.json (mode 0600), created at the
// first start. Instances behind one load balancer share the token key: give them the same file.
Result<KeyMaterial> loadOrCreateKeys(const QString &dataDirectory)
{
    QString path = QDir(dataDirectory).filePath(QStringLiteral("server-keys.json"));
    const QString credentials =
        QProcessEnvironment::systemEnvironment().value(QStringLiteral("CREDENTIALS_DIRECTORY"));
    if (!credentials.isEmpty() &&
        QFileInfo::exists(QDir(credentials).filePath(QStringLiteral("server-keys"))))
        path = QDir(credentials).filePath(QStringLiteral("server-keys"));
    QJsonObject object;
    const bool existed = QFileInfo::exists(path);
    if (existed) {
        auto bytes = readFile(path, QStringLiteral("server keys"));
        if (!bytes)
            return bytes.error();
        object = QJsonDocument::fromJson(*bytes).object();
        secureZero(*bytes);
    } else {
        auto token = crypto::SigningKey::generate(crypto::SignatureAlgorithm::EcdsaP256);
        auto witness = crypto::SigningKey::generate(crypto::SignatureAlgorithm::Sm2);
        if (!token || !witness)
            return makeError(Error::Code::Crypto, QStringLiteral("server keys could not be generated"));
        object = QJsonObject{
            {QStringLiteral("version"), 1},
            {QStringLiteral("tokenKey"),
             QString::fromLatin1(token->privateKeyDer().view().toByteArray().toBase64())},
            {QStringLiteral("witnessKey"),
             QString::fromLatin1(witness->privateKeyDer().view().toByteArray().toBase64())},
            {QStringLiteral("sealKey"), QString::fromLatin1(crypto::randomBytes(32).toBase64())},
            {QStringLiteral("storeKey"), QString::fromLatin1(crypto::randomBytes(32).toBase64())},
            {QStringLiteral("auditKey"), QString::fromLatin1(crypto::randomBytes(32).toBase64())}};
        QByteArray bytes = QJsonDocument(object).toJson();
        auto written = writeFileAtomically(path, bytes);
        secureZero(bytes);
        if (!written)
            return written.error();
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    auto field = [&](const char *name) {
        QByteArray raw = QByteArray::fromBase64(object.value(QLatin1String(name)).toString().toLatin1());
        return SecureBytes::takeFrom(raw);
    };
    KeyMaterial material;
    material.created = !existed;
    auto token = crypto::SigningKey::fromPrivateDer(field("tokenKey").view());
    auto witness = crypto::SigningKey::fromPrivateDer(field("witnessKey").view());
    if (!token || !witness)
        return makeError(Error::Code::Corrupt, QStringLiteral("server keys in %1 are unreadable").arg(path));
    material.keys.tokenKey = *token;
    material.keys.witnessKey = *witness;
    material.keys.sealKey = field("sealKey");
    material.storeKey = field("storeKey");
    material.auditKey = field("auditKey");
    if (material.keys.sealKey.size() != 32 || material.storeKey.size() != 32 ||
        material.auditKey.size() != 32)
        return makeError(Error::Code::Corrupt, QStringLiteral("server keys in %1 are incomplete").arg(path));
    return material;
}

} // namespace

Result<GrantServerConfig> GrantServerConfig::fromFile(const QString &path)
{
    auto bytes = readFile(path, QStringLiteral("configuration"));
    if (!bytes)
        return bytes.error();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &error);
    if (!document.isObject())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("%1: %2").arg(path, error.errorString()));
    const QJsonObject object = document.object();
    static const QStringList known{QStringLiteral("dataDirectory"),
                                   QStringLiteral("store"),
                                   QStringLiteral("postgres"),
                                   QStringLiteral("listen"),
                                   QStringLiteral("port"),
                                   QStringLiteral("certificate"),
                                   QStringLiteral("key"),
                                   QStringLiteral("ca"),
                                   QStringLiteral("crl"),
                                   QStringLiteral("callLog"),
                                   QStringLiteral("threads"),
                                   QStringLiteral("site"),
                                   QStringLiteral("allowedSources"),
                                   QStringLiteral("rateLimit"),
                                   QStringLiteral("maxBodyBytes"),
                                   QStringLiteral("maxJsonDepth"),
                                   QStringLiteral("signIn"),
                                   QStringLiteral("accessRules")};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key()))
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("%1: unknown setting \"%2\"").arg(path, it.key()));
    }
    GrantServerConfig config;
    config.dataDirectory = object.value(QLatin1String("dataDirectory")).toString(config.dataDirectory);
    config.store = object.value(QLatin1String("store")).toString(config.store);
    config.postgres = object.value(QLatin1String("postgres")).toString();
    config.listen = object.value(QLatin1String("listen")).toString(config.listen);
    config.port = quint16(object.value(QLatin1String("port")).toInt(config.port));
    config.certificateFile = object.value(QLatin1String("certificate")).toString();
    config.keyFile = object.value(QLatin1String("key")).toString();
    config.caFile = object.value(QLatin1String("ca")).toString();
    config.crlFile = object.value(QLatin1String("crl")).toString();
    config.service.accessRulesFile = object.value(QLatin1String("accessRules")).toString();
    config.callLog = object.value(QLatin1String("callLog")).toString();
    config.threads = object.value(QLatin1String("threads")).toInt(config.threads);
    config.service.site = object.value(QLatin1String("site")).toString(config.service.site);
    if (object.contains(QLatin1String("allowedSources"))) {
        config.gateway.allowedSources.clear();
        for (const QJsonValue source : object.value(QLatin1String("allowedSources")).toArray())
            config.gateway.allowedSources.append(source.toString());
    }
    const QJsonObject rate = object.value(QLatin1String("rateLimit")).toObject();
    config.gateway.perIdentityRate =
        rate.value(QLatin1String("perIdentityPerSecond")).toDouble(config.gateway.perIdentityRate);
    config.gateway.perIdentityBurst =
        rate.value(QLatin1String("perIdentityBurst")).toInt(config.gateway.perIdentityBurst);
    config.gateway.perAddressRate =
        rate.value(QLatin1String("perAddressPerSecond")).toDouble(config.gateway.perAddressRate);
    config.gateway.perAddressBurst =
        rate.value(QLatin1String("perAddressBurst")).toInt(config.gateway.perAddressBurst);
    config.gateway.maxBodyBytes =
        qint64(object.value(QLatin1String("maxBodyBytes")).toDouble(double(config.gateway.maxBodyBytes)));
    config.gateway.maxJsonDepth =
        object.value(QLatin1String("maxJsonDepth")).toInt(config.gateway.maxJsonDepth);
    const QJsonObject signIn = object.value(QLatin1String("signIn")).toObject();
    config.service.failureThreshold =
        signIn.value(QLatin1String("failureThreshold")).toInt(config.service.failureThreshold);
    config.service.backoffSeconds =
        qint64(signIn.value(QLatin1String("backoffSeconds")).toDouble(double(config.service.backoffSeconds)));
    return config;
}

namespace {

QString sm3Hex(QByteArrayView bytes)
{
    return QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sm3, bytes).toHex());
}

// What the server runs with, for its audit chain (R-7.4.1 configuration changes): every setting that
// changes its behaviour, by value, except what could carry a secret (the PostgreSQL connection string,
// by digest); files the server reads its rules and trust from, by path and content digest.
QJsonObject configurationSummary(const GrantServerConfig &config)
{
    const auto fileDigest = [](const QString &path) -> QJsonValue {
        if (path.isEmpty())
            return QJsonValue();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("unreadable");
        return sm3Hex(file.readAll());
    };
    QJsonArray sources;
    for (const QString &source : config.gateway.allowedSources)
        sources.append(source);
    return QJsonObject{{QStringLiteral("store"), config.store},
                       {QStringLiteral("postgres"), config.postgres.isEmpty()
                                                        ? QJsonValue()
                                                        : QJsonValue(sm3Hex(config.postgres.toUtf8()))},
                       {QStringLiteral("listen"), config.listen},
                       {QStringLiteral("port"), int(config.port)},
                       {QStringLiteral("certificateFile"), config.certificateFile},
                       {QStringLiteral("certificate"), fileDigest(config.certificateFile)},
                       {QStringLiteral("caFile"), config.caFile},
                       {QStringLiteral("ca"), fileDigest(config.caFile)},
                       {QStringLiteral("crlFile"), config.crlFile},
                       {QStringLiteral("allowNoRevocationList"), config.allowNoRevocationList},
                       {QStringLiteral("threads"), config.threads},
                       {QStringLiteral("site"), config.service.site},
                       {QStringLiteral("nodeId"), config.service.nodeId},
                       {QStringLiteral("failureThreshold"), config.service.failureThreshold},
                       {QStringLiteral("backoffSeconds"), double(config.service.backoffSeconds)},
                       {QStringLiteral("accessRulesFile"), config.service.accessRulesFile},
                       {QStringLiteral("accessRules"), fileDigest(config.service.accessRulesFile)},
                       {QStringLiteral("allowedSources"), sources},
                       {QStringLiteral("perIdentityPerSecond"), config.gateway.perIdentityRate},
                       {QStringLiteral("perIdentityBurst"), config.gateway.perIdentityBurst},
                       {QStringLiteral("perAddressPerSecond"), config.gateway.perAddressRate},
                       {QStringLiteral("perAddressBurst"), config.gateway.perAddressBurst},
                       {QStringLiteral("maxBodyBytes"), double(config.gateway.maxBodyBytes)}};
}

} // namespace

struct GrantServer::Impl
{
    QString configDigest; // of configurationSummary(), carried by each system event
    QJsonObject configuration;
    bool stopped = false;
    GrantServerConfig config;
    std::unique_ptr<ServerStore> store;
    std::unique_ptr<audit::AuditLog> audit;
    std::unique_ptr<JsonLinesLog> log;
    std::unique_ptr<Gateway> gateway;
    std::unique_ptr<GrantService> service;
    std::unique_ptr<HttpsServer> https;
};

GrantServer::GrantServer()
    : d(std::make_unique<Impl>())
{}

GrantServer::~GrantServer()
{
    stop(0);
}

Result<std::unique_ptr<GrantServer>> GrantServer::start(const GrantServerConfig &config, const Clock &clock)
{
    if (config.dataDirectory.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("no data directory configured"));
    if (config.crlFile.isEmpty() && !config.allowNoRevocationList)
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("no revocation list configured: revoked certificates would be accepted"));
    if (!QDir().mkpath(config.dataDirectory))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(config.dataDirectory));
    QFile::setPermissions(config.dataDirectory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    std::unique_ptr<GrantServer> server(new GrantServer);
    Impl &impl = *server->d;
    impl.config = config;

    auto keys = loadOrCreateKeys(config.dataDirectory);
    if (!keys)
        return keys.error();
    if (config.store == QLatin1String("postgresql")) {
        auto store = openPostgresServerStore(config.postgres, clock);
        if (!store)
            return store.error();
        impl.store = std::move(*store);
    } else if (config.store == QLatin1String("sqlcipher")) {
        auto store = openSqlCipherServerStore(
            QDir(config.dataDirectory).filePath(QStringLiteral("grantd.db")), keys->storeKey, clock);
        if (!store)
            return store.error();
        impl.store = std::move(*store);
    } else {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("unknown store \"%1\" (sqlcipher or postgresql)").arg(config.store));
    }

    // Fresh keys over a store that already holds accounts would lose its sealed second factors and
    // split the instances' tokens: a key file went missing. Refuse rather than carry on.
    if (keys->created) {
        auto existing = impl.store->listAccounts();
        if (!existing || !existing->isEmpty()) {
            QFile::remove(QDir(config.dataDirectory).filePath(QStringLiteral("server-keys.json")));
            return makeError(
                Error::Code::NotFound,
                QStringLiteral("the store holds accounts but the server keys are missing: give this instance "
                               "the site's server-keys file (or its systemd credential)"));
        }
    }

    // The server's own chain: its actions, signed with the witness key. One per instance.
    audit::AuditLogOptions auditOptions;
    auditOptions.directory = QDir(config.dataDirectory).filePath(QStringLiteral("audit"));
    auditOptions.key = keys->auditKey;
    auditOptions.signer = std::make_shared<audit::Sm2CheckpointSigner>(keys->keys.witnessKey);
    auditOptions.clock = &clock;
    auditOptions.nodeId = config.service.nodeId;
    auto audit = audit::AuditLog::open(std::move(auditOptions));
    if (!audit)
        return audit.error();
    impl.audit = std::move(*audit);

    auto certificate = readFile(config.certificateFile, QStringLiteral("server certificate"));
    auto privateKey = readFile(config.keyFile, QStringLiteral("server key"));
    auto ca = readFile(config.caFile, QStringLiteral("CA certificate"));
    if (!certificate)
        return certificate.error();
    if (!privateKey)
        return privateKey.error();
    if (!ca)
        return ca.error();

    impl.log = std::make_unique<JsonLinesLog>(config.callLog);
    if (config.service.stepHook)
        impl.store->setStepHook(config.service.stepHook);
    ServerStore *store = impl.store.get();
    QFile openApi(QStringLiteral(":/mdp/server/openapi.json"));
    if (!openApi.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound,
                         QStringLiteral("the OpenAPI document is missing from the program"));
    impl.gateway = std::make_unique<Gateway>(
        config.gateway, QJsonDocument::fromJson(openApi.readAll()).object(), clock, impl.log.get(),
        [store](const PeerIdentity &peer) {
            // A store that cannot answer refuses: fail closed.
            auto revoked = store->isRevoked(peer.serialHex);
            return !revoked || *revoked;
        },
        nullptr);
    GrantServiceOptions serviceOptions = config.service;
    if (serviceOptions.crlFile.isEmpty())
        serviceOptions.crlFile = config.crlFile;
    impl.service = std::make_unique<GrantService>(*impl.store, *impl.gateway, keys->keys, impl.audit.get(),
                                                  clock, serviceOptions);
    impl.gateway->setTokenAuthority(&impl.service->tokens());
    impl.service->registerRoutes();
    Gateway *gateway = impl.gateway.get();
    gateway->metrics().setGauge(QStringLiteral("mdp_grantd_certificate_expiry_seconds"),
                                QStringLiteral("Seconds until the server certificate expires."),
                                [cert = *certificate, &clock] {
                                    auto parsed = crypto::Certificate::fromPem(cert);
                                    return parsed ? double(clock.now().secsTo(parsed->notAfter())) : -1.0;
                                });

    TlsServerOptions tls;
    tls.address = config.listen;
    tls.port = config.port;
    tls.certificatePem = *certificate;
    tls.privateKeyPem = *privateKey;
    tls.caPem = *ca;
    tls.crlFile = config.crlFile;
    tls.threads = config.threads;
    tls.maxBodyBytes = config.gateway.maxBodyBytes;
    secureZero(*privateKey);
    auto https = HttpsServer::start(
        tls, [gateway](const Request &request) { return gateway->handle(request); },
        [gateway](const QString &address) { return gateway->allowsSource(address); },
        [gateway](const QString &address, const QString &reason) {
            gateway->recordRefusedConnection(address, reason);
        });
    if (!https)
        return https.error();
    impl.https = std::move(*https);
    // the start, with what it runs with; a configuration other than the last run's is a
    // change, recorded with the settings that differ.
    const QJsonObject summary = configurationSummary(config);
    impl.configDigest = sm3Hex(QJsonDocument(summary).toJson(QJsonDocument::Compact));
    impl.configuration = summary;
    if (const std::optional<QJsonObject> last = impl.service->lastSystemEvent()) {
        const QString before = last->value(u"configDigest").toString();
        if (!before.isEmpty() && before != impl.configDigest) {
            const QJsonObject previous = last->value(u"configuration").toObject();
            QJsonArray changed;
            for (auto it = summary.constBegin(); it != summary.constEnd(); ++it) {
                if (previous.value(it.key()) != it.value())
                    changed.append(it.key());
            }
            if (auto recorded =
                    impl.service->recordSystemEvent(QStringLiteral("system.config-change"),
                                                    {{QStringLiteral("from"), before},
                                                     {QStringLiteral("configDigest"), impl.configDigest},
                                                     {QStringLiteral("configuration"), summary},
                                                     {QStringLiteral("changed"), changed}});
                !recorded)
                return recorded.error();
        }
    }
    if (auto recorded = impl.service->recordSystemEvent(
            QStringLiteral("system.start"), {{QStringLiteral("configDigest"), impl.configDigest},
                                             {QStringLiteral("configuration"), summary},
                                             {QStringLiteral("schemaVersion"), impl.store->schemaVersion()}});
        !recorded)
        return recorded.error();
    return server;
}

quint16 GrantServer::port() const
{
    return d->https ? d->https->port() : 0;
}

void GrantServer::stop(int graceMs)
{
    if (d->https)
        d->https->stop(graceMs);
    if (d->service && !d->stopped) {
        d->stopped = true;
        if (auto recorded = d->service->recordSystemEvent(
                QStringLiteral("system.stop"), {{QStringLiteral("configDigest"), d->configDigest},
                                                {QStringLiteral("configuration"), d->configuration}});
            !recorded)
            qCritical("mdp-grantd: the stop could not be recorded: %s",
                      qPrintable(recorded.error().toString()));
    }
    if (d->audit) {
        if (auto flushed = d->audit->flush(); !flushed)
            qCritical("mdp-grantd: the server's audit chain could not be flushed: %s",
                      qPrintable(flushed.error().toString()));
    }
}

ServerStore &GrantServer::store()
{
    return *d->store;
}

Gateway &GrantServer::gateway()
{
    return *d->gateway;
}

GrantService &GrantServer::service()
{
    return *d->service;
}

const GrantServerConfig &GrantServer::config() const
{
    return d->config;
}

Result<GrantServerConfig> prepareDemoServer(const QString &directory, quint16 port, const Clock &clock)
{
    auto pki = pki::ensureDemoPki(directory, clock);
    if (!pki)
        return pki.error();
    GrantServerConfig config;
    config.dataDirectory = QDir(directory).filePath(QStringLiteral("state"));
    config.listen = QStringLiteral("127.0.0.1");
    config.port = port;
    config.certificateFile = pki->serverCertificate;
    config.keyFile = pki->serverKey;
    config.caFile = pki->caCertificate;
    config.crlFile = pki->revocationList;
    config.callLog = QDir(directory).filePath(QStringLiteral("calls.jsonl"));
    config.service.site = QStringLiteral("demo-site");
    // The demo site's approval rules: the built-in routes, with the demo clinician as the principal
    // investigator of the demo project, so a request there is approved by two people (the PI, then
    // the data manager) as the demo shows.
    QJsonObject rules = QJsonDocument::fromJson(access::ApprovalRules::defaultDocument()).object();
    rules.insert(QStringLiteral("projects"),
                 QJsonObject{{QStringLiteral("NRT-IO-2026"),
                              QJsonObject{{QStringLiteral("pi"), QJsonArray{QStringLiteral("dr.wang")}}}}});
    const QString rulesPath = QDir(directory).filePath(QStringLiteral("access-rules.json"));
    if (auto written = writeFileAtomically(rulesPath, QJsonDocument(rules).toJson()); !written)
        return written.error();
    config.service.accessRulesFile = rulesPath;
    return config;
}

namespace {

// The site-wide scope keys a role's bundle carries (R-9.3 single sign-on): the root for everyone,
// identity for the roles that may see it, audit for those that may read the audit trail - the
// workstation's own rule (mdp::workspace::rolesAllow, keyScopesFor), which the SiteSignIn test
// checks this against.
QStringList demoScopesFor(const QString &role)
{
    QStringList scopes{QStringLiteral("root")};
    if (role == u"clinician" || role == u"data-manager" || role == u"system-admin")
        scopes << QStringLiteral("identity");
    if (role == u"auditor" || role == u"system-admin")
        scopes << QStringLiteral("audit");
    return scopes;
}

// Bundle format 2: {v, site, siteKey, scopes: {root, identity?, audit?}} (base64 32-byte keys).
constexpr int kDemoBundleVersion = 2;

} // namespace

Result<QList<DemoServerAccount>> ensureDemoAccounts(GrantServer &server, const QString &directory)
{
    const QString listPath = QDir(directory).filePath(QStringLiteral("demo-accounts.json"));
    QJsonObject saved;
    if (QFileInfo::exists(listPath)) {
        auto bytes = readFile(listPath, QStringLiteral("demo accounts"));
        if (bytes)
            saved = QJsonDocument::fromJson(*bytes).object();
    }
    // The demo site's sync key: in the throw-away folder, so demo workstations can be added later. A
    // real site's key is made by its first administrator's workstation and never reaches the server.
    QByteArray siteKey = QByteArray::fromBase64(saved.value(QLatin1String("siteKey")).toString().toLatin1());
    if (siteKey.size() != 32)
        siteKey = crypto::randomBytes(32);
    // The demo site's scope keys, made once like the site key. A real site's are made by its first
    // administrator's workstation and reach the server only inside wrapped bundles.
    QJsonObject scopeKeys = saved.value(QLatin1String("scopeKeys")).toObject();
    for (const QString &scope :
         {QStringLiteral("root"), QStringLiteral("identity"), QStringLiteral("audit")}) {
        if (QByteArray::fromBase64(scopeKeys.value(scope).toString().toLatin1()).size() != 32)
            scopeKeys.insert(scope, QString::fromLatin1(crypto::randomBytes(32).toBase64()));
    }
    const bool rebundle = saved.value(QLatin1String("bundleVersion")).toInt() < kDemoBundleVersion;
    QJsonArray listed;
    QList<DemoServerAccount> out;
    const QJsonArray before = saved.value(QLatin1String("accounts")).toArray();
    // The same synthetic staff, and passwords, as the workstation's demo workspace.
    for (const accounts::DemoPerson &person : accounts::demoStaff()) {
        DemoServerAccount account;
        account.userName = person.userName;
        account.displayName = person.displayName;
        account.role = accounts::roleId(person.role);
        account.password = person.password;
        for (const QJsonValue value : before) {
            if (value.toObject().value(QLatin1String("userName")).toString() == account.userName)
                account.totpSecretBase32 = value.toObject().value(QLatin1String("totpSecret")).toString();
        }
        QJsonObject carried;
        for (const QString &scope : demoScopesFor(account.role))
            carried.insert(scope, scopeKeys.value(scope));
        const QByteArray bundle =
            QJsonDocument(QJsonObject{{QStringLiteral("v"), kDemoBundleVersion},
                                      {QStringLiteral("site"), server.config().service.site},
                                      {QStringLiteral("siteKey"), QString::fromLatin1(siteKey.toBase64())},
                                      {QStringLiteral("scopes"), carried}})
                .toJson(QJsonDocument::Compact);
        auto existing = server.store().findAccount(account.userName);
        if (!existing)
            return existing.error();
        if (*existing && rebundle) {
            // A demo folder from before bundle format 2: the same password wraps the new bundle.
            AccountRecord record = **existing;
            auto kdf = crypto::AccountKdf::fromJson(record.kdfParameters, record.kdfSalt);
            if (!kdf)
                return kdf.error();
            auto keys = crypto::deriveAccountKeys(passwordBytes(account.password.toUtf8()), *kdf);
            if (!keys)
                return keys.error();
            auto wrapped = crypto::wrapAccountBundle(*keys, record.userName, SecureBytes(bundle));
            if (!wrapped)
                return wrapped.error();
            record.wrappedBundle = *wrapped;
            if (auto updated = server.store().updateAccount(record); !updated)
                return updated.error();
        }
        if (!*existing) {
            SecureBytes totp;
            if (accounts::requiresSecondFactor(person.role)) {
                totp = accounts::Totp::generateSecret();
                account.totpSecretBase32 = accounts::Totp(totp, SystemClock::instance()).secretBase32();
            }
            auto created =
                server.service().bootstrapAccount(account.userName, account.displayName, {account.role},
                                                  passwordBytes(account.password.toUtf8()), bundle, totp);
            if (!created)
                return created.error();
        }
        listed.append(QJsonObject{{QStringLiteral("userName"), account.userName},
                                  {QStringLiteral("displayName"), account.displayName},
                                  {QStringLiteral("role"), account.role},
                                  {QStringLiteral("password"), account.password},
                                  {QStringLiteral("totpSecret"), account.totpSecretBase32}});
        out.append(account);
    }
    QByteArray bytes =
        QJsonDocument(QJsonObject{{QStringLiteral("note"),
                                   QStringLiteral("throw-away demo accounts: never use for real data")},
                                  {QStringLiteral("siteKey"), QString::fromLatin1(siteKey.toBase64())},
                                  {QStringLiteral("scopeKeys"), scopeKeys},
                                  {QStringLiteral("bundleVersion"), kDemoBundleVersion},
                                  {QStringLiteral("accounts"), listed}})
            .toJson();
    if (auto written = writeFileAtomically(listPath, bytes); !written)
        return written.error();
    QFile::setPermissions(listPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return out;
}

} // namespace mdp::server
