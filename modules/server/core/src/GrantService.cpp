#include "mdp/server/GrantService.h"

#include "mdp/audit/AlertRules.h"
#include "mdp/audit/AuditEventType.h"

#include "mdp/access/AccessWorkflow.h"
#include "mdp/access/GrantDocument.h"
#include "mdp/accounts/PasswordHasher.h"
#include "mdp/accounts/Role.h"
#include "mdp/accounts/Totp.h"
#include "mdp/audit/MerkleFrontier.h"
#include "mdp/audit/MerkleVerifier.h"
#include "mdp/crypto/AccountKeys.h"
#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <QUuid>

#include <mutex>

namespace mdp::server {

namespace {

QByteArray fromBase64(const QJsonValue &value)
{
    return QByteArray::fromBase64(value.toString().toLatin1());
}

QString base64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QJsonObject accountJson(const AccountRecord &account)
{
    return QJsonObject{{QStringLiteral("userName"), account.userName},
                       {QStringLiteral("displayName"), account.displayName},
                       {QStringLiteral("roles"), QJsonArray::fromStringList(account.roles)},
                       {QStringLiteral("locked"), account.lockedByAdministrator},
                       {QStringLiteral("secondFactor"), !account.totpSecretSealed.isEmpty()},
                       {QStringLiteral("revision"), account.revision}};
}

int statusOf(const Error &error)
{
    switch (error.code) {
    case Error::Code::NotFound:
        return 404;
    case Error::Code::AlreadyExists:
    case Error::Code::Conflict:
    case Error::Code::Tampered:
        return 409;
    case Error::Code::InvalidArgument:
        return 400;
    case Error::Code::PermissionDenied:
        return 403;
    case Error::Code::Unauthenticated:
        return 401;
    case Error::Code::Locked:
        return 423;
    default:
        return 500;
    }
}

Response failure(const Error &error)
{
    const int status = statusOf(error);
    // A storage failure is told as such, without the database's own words.
    return problem(status, status == 500 ? QStringLiteral("Server error") : Error::codeName(error.code),
                   status == 500 ? QStringLiteral("the server could not complete the call") : error.message);
}

// What a TOTP secret looks like sealed at rest: the secret, whether enrolment was confirmed, and the
// last step accepted (a code is never accepted twice, across instances: the update names the
// revision it read).
struct TotpState
{
    SecureBytes secret;
    bool confirmed = false;
    qint64 lastStep = -1;
};

// A workstation's whole catalogue (R-9.2): form metadata only, far below the gateway's general limit.
constexpr qint64 kMaxCatalogueBytes = qint64(1) << 20;

// The id a catalogue entry has on this server: two workstations may publish forms of one id, so the
// server's id names the pair (FHIR ids are [A-Za-z0-9.-]{1,64}).
QString catalogueId(const QString &workstation, const QString &entryId)
{
    return QString::fromLatin1(
        crypto::hash(crypto::HashAlgorithm::Sha256, workstation.toUtf8() + '\n' + entryId.toUtf8())
            .toHex()
            .left(32));
}

// The Questionnaire as the catalogue answers it: the server's id, the workstation's own id kept as
// an identifier, and meta.source naming the workstation.
QJsonObject catalogueResource(const CatalogueEntry &entry)
{
    QJsonObject resource = QJsonDocument::fromJson(entry.resource).object();
    resource.insert(QStringLiteral("id"), catalogueId(entry.workstation, entry.entryId));
    resource.insert(QStringLiteral("identifier"),
                    QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:mdp:form")},
                                           {QStringLiteral("value"), entry.entryId}}});
    resource.insert(
        QStringLiteral("meta"),
        QJsonObject{
            {QStringLiteral("source"), QStringLiteral("urn:mdp:workstation:") +
                                           QString::fromLatin1(QUrl::toPercentEncoding(entry.workstation))},
            {QStringLiteral("lastUpdated"), entry.published.toString(Qt::ISODateWithMs)}});
    return resource;
}

} // namespace

struct GrantService::Impl
{
    ServerStore &store;
    Gateway &gateway;
    ServerKeys keys;
    audit::AuditLog *serverAudit;
    const Clock &clock;
    GrantServiceOptions options;
    TokenAuthority tokens;
    accounts::PasswordHasher hasher;
    QString dummyVerifier;

    Impl(ServerStore &s, Gateway &g, ServerKeys k, audit::AuditLog *a, const Clock &c, GrantServiceOptions o)
        : store(s)
        , gateway(g)
        , keys(std::move(k))
        , serverAudit(a)
        , clock(c)
        , options(std::move(o))
        , tokens(keys.tokenKey, QStringLiteral("mdp-grantd:") + options.site, 900, c)
        , hasher(options.verifierIterations)
    {
        // One key per purpose, derived from the sealing key.
        preloginKey =
            crypto::hkdf(crypto::HashAlgorithm::Sm3, keys.sealKey.view(), {}, "mdp-grantd-prelogin-v1", 32);
        totpKey = crypto::hkdf(crypto::HashAlgorithm::Sm3, keys.sealKey.view(), {}, "mdp-grantd-totp-v1", 16);
        if (options.defaultKdfParameters.isEmpty())
            options.defaultKdfParameters = crypto::AccountKdf{}.parametersJson();
        auto dummy = hasher.hash(authSecret(SecureBytes(crypto::randomBytes(32))));
        dummyVerifier = dummy ? *dummy : QString();
        // R-7.4.2: the alert rules over the server's own chain; what fires is recorded right after the
        // event that completed it (appendAudited).
        if (serverAudit) {
            if (auto rules = audit::AlertRuleSet::parse(audit::AlertRuleSet::defaultDocument()); rules) {
                alerts = std::make_unique<audit::AlertEvaluator>(*rules);
                serverAudit->setObserver([this](const audit::AuditEvent &event) {
                    std::lock_guard lock(alertMutex);
                    pendingAlerts += alerts->observe(event);
                });
            }
        }
    }

    ~Impl()
    {
        if (serverAudit)
            serverAudit->setObserver({});
    }

    std::mutex alertMutex;
    std::unique_ptr<audit::AlertEvaluator> alerts;
    QList<audit::Alert> pendingAlerts;

    // Every event of the server's chain goes through here: made durable, then the alerts it completed
    // are recorded (security.alert, detail alert "rule").
    Result<qint64> appendAudited(audit::AuditEvent event)
    {
        auto written = serverAudit->appendDurable(std::move(event));
        QList<audit::Alert> fired;
        {
            std::lock_guard lock(alertMutex);
            fired.swap(pendingAlerts);
        }
        for (const audit::Alert &alert : std::as_const(fired)) {
            audit::AuditEvent raised = alert.toAuditEvent();
            raised.agent.userId = QStringLiteral("mdp-grantd");
            raised.agent.nodeId = options.nodeId;
            raised.source = options.nodeId;
            if (auto kept = serverAudit->appendDurable(std::move(raised)); !kept)
                qCritical("mdp-grantd: an alert (%s) could not be recorded: %s", qPrintable(alert.ruleId),
                          qPrintable(kept.error().toString()));
        }
        return written;
    }

    SecureBytes preloginKey; // HMAC-SM3 key of the salts answered for unknown names
    SecureBytes totpKey;     // SM4 key of the TOTP secrets at rest

    // What the password hasher is given for an authentication key: its base64 (ASCII, so the
    // hasher's Unicode normalisation leaves all 256 bits as they are).
    static SecureBytes authSecret(const SecureBytes &key)
    {
        QByteArray text = key.view().toByteArray().toBase64();
        return SecureBytes::takeFrom(text);
    }

    // ---- the server's own audit chain -------------------------------------------------------
    Result<void> record(const Call &call, const QString &type, audit::AuditAction action,
                        audit::AuditOutcome outcome, const QList<audit::AuditEntity> &entities,
                        QJsonObject detail = {})
    {
        if (!serverAudit)
            return {};
        audit::AuditEvent event;
        event.type = type;
        event.action = action;
        event.outcome = outcome;
        event.agent.userId = call.token ? call.token->subject : QStringLiteral("workstation");
        event.agent.role = call.token && !call.token->roles.isEmpty() ? call.token->roles.first() : QString();
        event.agent.nodeId = call.request.peer.commonName.left(64);
        event.agent.networkAddress = call.request.sourceAddress;
        event.source = options.nodeId;
        event.entities = entities;
        detail.insert(QStringLiteral("certificate"), call.request.peer.serialHex);
        event.detail = detail;
        auto written = appendAudited(std::move(event));
        if (!written)
            return written.error();
        return {};
    }

    // A refusal is recorded too; when even that fails the server says so on its error output (the call
    // is refused either way).
    void recordRefusal(const Call &call, const QString &type, audit::AuditAction action,
                       audit::AuditOutcome outcome, const QList<audit::AuditEntity> &entities,
                       QJsonObject detail = {})
    {
        if (auto written = record(call, type, action, outcome, entities, std::move(detail)); !written)
            qCritical("mdp-grantd: an audit event could not be written: %s",
                      qPrintable(written.error().toString()));
    }

    static audit::AuditEntity entity(const QString &type, const QString &id)
    {
        QString safe = id;
        safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._:-]")), QStringLiteral("_"));
        return {type, safe.left(64)};
    }

    // ---- TOTP sealed at rest ----------------------------------------------------------------
    Result<QByteArray> sealTotp(const TotpState &state, const QString &userName)
    {
        auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, totpKey);
        if (!aead)
            return aead.error();
        const QJsonObject object{
            {QStringLiteral("s"), QString::fromLatin1(state.secret.view().toByteArray().toBase64())},
            {QStringLiteral("c"), state.confirmed},
            {QStringLiteral("l"), double(state.lastStep)}};
        QByteArray plain = QJsonDocument(object).toJson(QJsonDocument::Compact);
        auto sealed = aead->sealWithRandomNonce("mdp-totp-v1\n" + userName.toLower().toUtf8(), plain);
        secureZero(plain);
        return sealed;
    }

    Result<TotpState> openTotp(const QByteArray &sealed, const QString &userName)
    {
        auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, totpKey);
        if (!aead)
            return aead.error();
        auto plain = aead->openEnvelope("mdp-totp-v1\n" + userName.toLower().toUtf8(), sealed);
        if (!plain)
            return makeError(Error::Code::Tampered, QStringLiteral("a second-factor secret does not open"));
        const QJsonObject object = QJsonDocument::fromJson(*plain).object();
        secureZero(*plain);
        QByteArray secret = QByteArray::fromBase64(object.value(QLatin1String("s")).toString().toLatin1());
        TotpState state;
        state.secret = SecureBytes::takeFrom(secret);
        state.confirmed = object.value(QLatin1String("c")).toBool();
        state.lastStep = qint64(object.value(QLatin1String("l")).toDouble(-1));
        return state;
    }

    bool needsSecondFactor(const QStringList &roles) const
    {
        for (const QString &role : roles) {
            const auto known = accounts::roleFromId(role);
            if (!known || accounts::requiresSecondFactor(*known))
                return true;
        }
        return false;
    }

    // A token outlives nothing that happened to its account: locked, removed, or a role taken away
    // since it was issued makes it worthless at once (not 15 minutes later). A refusal to return, or
    // nullopt when the call may go on.
    std::optional<Response> tokenStillValid(const Call &call)
    {
        if (!call.token)
            return std::nullopt;
        auto found = store.findAccount(call.token->subject);
        if (!found)
            return failure(found.error());
        bool valid = found->has_value() && !(*found)->lockedByAdministrator;
        if (valid) {
            for (const QString &role : call.token->roles) {
                if (role != QLatin1String("totp-enrolment") && !(*found)->roles.contains(role))
                    valid = false;
            }
        }
        if (valid)
            return std::nullopt;
        recordRefusal(
            call, QStringLiteral("user.token-refused"), audit::AuditAction::Execute,
            audit::AuditOutcome::MinorFailure, {entity(QStringLiteral("account"), call.token->subject)},
            {{QStringLiteral("reason"), QStringLiteral("account locked, removed or its roles changed")}});
        Response response =
            problem(401, QStringLiteral("Access token refused"),
                    QStringLiteral("the account was locked or its roles changed: sign in again"));
        response.headers.append(
            qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer error=\"invalid_token\"")));
        return response;
    }

    // ---- handlers ---------------------------------------------------------------------------
    Response health(const Call &)
    {
        const int version = store.schemaVersion();
        return jsonResponse(
            version > 0 ? 200 : 503,
            QJsonObject{{QStringLiteral("status"),
                         version > 0 ? QStringLiteral("ok") : QStringLiteral("store unavailable")},
                        {QStringLiteral("store"), store.backendName()},
                        {QStringLiteral("schema"), version},
                        {QStringLiteral("site"), options.site},
                        {QStringLiteral("time"), clock.now().toString(Qt::ISODateWithMs)}});
    }

    Response metrics(const Call &)
    {
        Response response;
        response.contentType = "text/plain; version=0.0.4";
        response.body = gateway.metrics().prometheusText();
        return response;
    }

    Response openApi(const Call &) { return jsonResponse(200, gateway.openApi()); }

    Response preLogin(const Call &call)
    {
        const QString userName = call.body.toObject().value(QLatin1String("userName")).toString();
        auto account = store.findAccount(userName);
        if (!account)
            return failure(account.error());
        if (*account) {
            return jsonResponse(200,
                                QJsonObject{{QStringLiteral("kdfSalt"), base64((*account)->kdfSalt)},
                                            {QStringLiteral("kdfParameters"), (*account)->kdfParameters}});
        }
        // An unknown name gets a stable salt of its own, indistinguishable from a real one.
        const QByteArray salt = crypto::hmac(crypto::HashAlgorithm::Sm3, preloginKey.view(),
                                             "mdp-prelogin-v1\n" + userName.toLower().toUtf8())
                                    .left(16);
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("kdfSalt"), base64(salt)},
                                        {QStringLiteral("kdfParameters"), options.defaultKdfParameters}});
    }

    Response badCredentials()
    {
        return problem(
            401, QStringLiteral("Sign-in refused"),
            QStringLiteral(
                "wrong user name, password or code, or too many failed attempts: try again later"));
    }

    Response signIn(const Call &call)
    {
        const QJsonObject body = call.body.toObject();
        const QString userName = body.value(QLatin1String("userName")).toString();
        QByteArray keyBytes = fromBase64(body.value(QLatin1String("authKey")));
        const SecureBytes authKey = SecureBytes::takeFrom(keyBytes);
        const QString code = body.value(QLatin1String("code")).toString();
        const QList<audit::AuditEntity> who{entity(QStringLiteral("account"), userName)};

        auto found = store.findAccount(userName);
        if (!found)
            return failure(found.error());
        if (!*found) {
            hasher.verify(authSecret(authKey), dummyVerifier); // the same time as a known name
            recordRefusal(call, QStringLiteral("user.login"), audit::AuditAction::Execute,
                          audit::AuditOutcome::MinorFailure, who,
                          {{QStringLiteral("reason"), QStringLiteral("bad credentials")}});
            return badCredentials();
        }
        // The attempt is counted before the password is checked (one atomic step in the store), so
        // parallel guesses here or on another instance cannot run more attempts than the threshold
        // allows; a right password clears the count below.
        bool lockedOut = false;
        auto claimed = store.claimSignInAttempt((*found)->userName, options.failureThreshold,
                                                options.backoffSeconds, &lockedOut);
        if (!claimed)
            return failure(claimed.error());
        AccountRecord account = *claimed;
        if (lockedOut) {
            // During the back-off nothing is checked, and the answer is the one an unknown name gets.
            hasher.verify(authSecret(authKey), dummyVerifier);
            recordRefusal(call, QStringLiteral("user.login"), audit::AuditAction::Execute,
                          audit::AuditOutcome::MinorFailure, who,
                          {{QStringLiteral("reason"), QStringLiteral("locked out")}});
            return badCredentials();
        }
        bool ok = hasher.verify(authSecret(authKey), QString::fromLatin1(account.verifier));
        std::optional<TotpState> totp;
        if (ok && !account.totpSecretSealed.isEmpty()) {
            auto state = openTotp(account.totpSecretSealed, account.userName);
            if (!state)
                return failure(state.error());
            if (state->confirmed) {
                const accounts::Totp generator(state->secret, clock);
                const auto step = generator.verify(
                    code, state->lastStep >= 0 ? std::optional<qint64>(state->lastStep) : std::nullopt);
                ok = step.has_value();
                if (ok) {
                    state->lastStep = *step;
                    totp = std::move(*state);
                }
            }
        }
        if (ok && account.lockedByAdministrator) {
            // Told only to whoever knows the password, whose attempt was no failure.
            if (auto reset = store.recordSuccessfulSignIn(account.userName); !reset)
                return failure(reset.error());
            recordRefusal(call, QStringLiteral("user.login"), audit::AuditAction::Execute,
                          audit::AuditOutcome::MinorFailure, who,
                          {{QStringLiteral("reason"), QStringLiteral("locked by an administrator")}});
            return problem(423, QStringLiteral("Account locked"),
                           QStringLiteral("the account is locked by an administrator"));
        }
        if (!ok) {
            recordRefusal(call, QStringLiteral("user.login"), audit::AuditAction::Execute,
                          audit::AuditOutcome::MinorFailure, who,
                          {{QStringLiteral("reason"), QStringLiteral("bad credentials")},
                           {QStringLiteral("failures"), account.failedAttempts}});
            return badCredentials();
        }
        if (totp) {
            // Spend the code: a second sign-in with it (here or on another instance) finds a newer
            // revision or a later step.
            auto sealed = sealTotp(*totp, account.userName);
            if (!sealed)
                return failure(sealed.error());
            account.totpSecretSealed = *sealed;
            auto updated = store.updateAccount(account);
            if (!updated)
                return updated.error().code == Error::Code::Conflict ? badCredentials()
                                                                     : failure(updated.error());
        }
        if (auto reset = store.recordSuccessfulSignIn(account.userName); !reset)
            return failure(reset.error());

        QStringList roles = account.roles;
        bool enrolmentOnly = false;
        if (needsSecondFactor(account.roles) && !totp) {
            // The role needs a second factor and none is confirmed: a token that can only enrol one.
            roles = QStringList{QStringLiteral("totp-enrolment")};
            enrolmentOnly = true;
        }
        auto token = tokens.issue(account.userName, roles, options.site, call.request.peer.fingerprint);
        if (!token)
            return failure(token.error());
        if (auto audited = record(call, QStringLiteral("user.login"), audit::AuditAction::Execute,
                                  audit::AuditOutcome::Success, who,
                                  {{QStringLiteral("secondFactor"), totp.has_value()},
                                   {QStringLiteral("enrolmentOnly"), enrolmentOnly}});
            !audited)
            return failure(audited.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("access_token"), *token},
                                             {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                             {QStringLiteral("expires_in"), tokens.lifetimeSeconds()},
                                             {QStringLiteral("account"), accountJson(account)},
                                             {QStringLiteral("secondFactorEnrolmentRequired"), enrolmentOnly},
                                             // The key bundle only after the second factor: an enrolment-only
                                             // token has the password behind it and nothing more.
                                             {QStringLiteral("wrappedBundle"),
                                              enrolmentOnly ? QString() : base64(account.wrappedBundle)},
                                             {QStringLiteral("kdfSalt"), base64(account.kdfSalt)},
                                             {QStringLiteral("kdfParameters"), account.kdfParameters}});
    }

    Result<QByteArray> verifierFor(const QJsonValue &authKey)
    {
        QByteArray bytes = fromBase64(authKey);
        if (bytes.size() != 32)
            return makeError(Error::Code::InvalidArgument, QStringLiteral("/authKey: 32 bytes expected"));
        auto hashed = hasher.hash(authSecret(SecureBytes::takeFrom(bytes)));
        if (!hashed)
            return hashed.error();
        return hashed->toLatin1();
    }

    Result<void> checkKdf(const QJsonObject &body)
    {
        auto kdf = crypto::AccountKdf::fromJson(body.value(QLatin1String("kdfParameters")).toString(),
                                                fromBase64(body.value(QLatin1String("kdfSalt"))));
        if (!kdf)
            return kdf.error();
        return {};
    }

    Response createAccount(const Call &call)
    {
        const QJsonObject body = call.body.toObject();
        if (auto kdf = checkKdf(body); !kdf)
            return failure(kdf.error());
        auto verifier = verifierFor(body.value(QLatin1String("authKey")));
        if (!verifier)
            return failure(verifier.error());
        AccountRecord account;
        account.userName = body.value(QLatin1String("userName")).toString();
        account.displayName = body.value(QLatin1String("displayName")).toString();
        for (const QJsonValue role : body.value(QLatin1String("roles")).toArray())
            account.roles.append(role.toString());
        account.kdfSalt = fromBase64(body.value(QLatin1String("kdfSalt")));
        account.kdfParameters = body.value(QLatin1String("kdfParameters")).toString();
        account.verifier = *verifier;
        account.wrappedBundle = fromBase64(body.value(QLatin1String("wrappedBundle")));
        if (auto valid = validateRoles(account.roles); !valid)
            return failure(valid.error());
        if (auto audited =
                record(call, QStringLiteral("account.create"), audit::AuditAction::Create,
                       audit::AuditOutcome::Success, {entity(QStringLiteral("account"), account.userName)},
                       {{QStringLiteral("roles"), account.roles.join(QLatin1Char(','))}});
            !audited)
            return failure(audited.error());
        auto created = store.createAccount(account);
        if (!created) {
            recordRefusal(call, QStringLiteral("account.create"), audit::AuditAction::Create,
                          audit::AuditOutcome::MinorFailure,
                          {entity(QStringLiteral("account"), account.userName)},
                          {{QStringLiteral("reason"), created.error().message}});
            return failure(created.error());
        }
        return jsonResponse(201, accountJson(*created));
    }

    // The roles an account may hold: known ones, and the auditor alone (independent of the rest).
    static Result<void> validateRoles(const QStringList &roles)
    {
        for (const QString &role : roles) {
            if (!accounts::roleFromId(role))
                return makeError(Error::Code::InvalidArgument,
                                 QStringLiteral("unknown role \"%1\"").arg(role));
        }
        if (roles.contains(QStringLiteral("auditor")) && roles.size() > 1)
            return makeError(Error::Code::InvalidArgument, QStringLiteral("the auditor role stands alone"));
        return {};
    }

    bool isSelf(const Call &call, const QString &userName) const
    {
        return call.token && call.token->subject.compare(userName, Qt::CaseInsensitive) == 0;
    }

    bool hasRole(const Call &call, const QStringList &roles) const
    {
        if (!call.token)
            return false;
        for (const QString &role : call.token->roles) {
            if (roles.contains(role))
                return true;
        }
        return false;
    }

    Result<AccountRecord> loadAccount(const QString &userName)
    {
        auto found = store.findAccount(userName);
        if (!found)
            return found.error();
        if (!*found)
            return makeError(Error::Code::NotFound, QStringLiteral("no such account"));
        return **found;
    }

    Response getAccount(const Call &call)
    {
        const QString userName = call.pathParameters.value(QStringLiteral("userName"));
        if (!isSelf(call, userName) &&
            !hasRole(call, {QStringLiteral("system-admin"), QStringLiteral("auditor")}))
            return problem(403, QStringLiteral("Not your account"));
        auto account = loadAccount(userName);
        if (!account)
            return failure(account.error());
        return jsonResponse(200, accountJson(*account));
    }

    Response listAccounts(const Call &)
    {
        auto all = store.listAccounts();
        if (!all)
            return failure(all.error());
        QJsonArray out;
        for (const AccountRecord &account : *all)
            out.append(accountJson(account));
        return jsonResponse(200, QJsonObject{{QStringLiteral("accounts"), out}});
    }

    // Applies `change` to an account and stores it, recording the change first.
    Response changeAccount(const Call &call, const QString &type,
                           const std::function<Result<void>(AccountRecord &)> &change,
                           QJsonObject detail = {})
    {
        const QString userName = call.pathParameters.value(QStringLiteral("userName"));
        auto account = loadAccount(userName);
        if (!account)
            return failure(account.error());
        if (auto changed = change(*account); !changed) {
            recordRefusal(call, type, audit::AuditAction::Update, audit::AuditOutcome::MinorFailure,
                          {entity(QStringLiteral("account"), account->userName)},
                          {{QStringLiteral("reason"), changed.error().message}});
            return failure(changed.error());
        }
        if (auto audited = record(call, type, audit::AuditAction::Update, audit::AuditOutcome::Success,
                                  {entity(QStringLiteral("account"), account->userName)}, detail);
            !audited)
            return failure(audited.error());
        auto stored = store.updateAccount(*account);
        if (!stored)
            return failure(stored.error());
        return jsonResponse(200, accountJson(*stored));
    }

    Response changeCredentials(const Call &call)
    {
        const QString userName = call.pathParameters.value(QStringLiteral("userName"));
        if (!isSelf(call, userName))
            return problem(403, QStringLiteral("Only the account's owner changes its password"));
        const QJsonObject body = call.body.toObject();
        return changeAccount(
            call, QStringLiteral("user.password-change"), [&](AccountRecord &account) -> Result<void> {
                QByteArray current = fromBase64(body.value(QLatin1String("currentAuthKey")));
                if (account.lockedByAdministrator ||
                    (account.lockedUntil.isValid() && account.lockedUntil > clock.now()))
                    return makeError(Error::Code::Locked, QStringLiteral("the account is locked"));
                if (!hasher.verify(authSecret(SecureBytes::takeFrom(current)),
                                   QString::fromLatin1(account.verifier))) {
                    [[maybe_unused]] auto counted = store.recordFailedSignIn(
                        account.userName, options.failureThreshold, options.backoffSeconds);
                    return makeError(Error::Code::Unauthenticated,
                                     QStringLiteral("the current password is wrong"));
                }
                if (auto kdf = checkKdf(body); !kdf)
                    return kdf.error();
                auto verifier = verifierFor(body.value(QLatin1String("authKey")));
                if (!verifier)
                    return verifier.error();
                account.kdfSalt = fromBase64(body.value(QLatin1String("kdfSalt")));
                account.kdfParameters = body.value(QLatin1String("kdfParameters")).toString();
                account.verifier = *verifier;
                account.wrappedBundle = fromBase64(body.value(QLatin1String("wrappedBundle")));
                return {};
            });
    }

    Response resetCredentials(const Call &call)
    {
        const QJsonObject body = call.body.toObject();
        return changeAccount(
            call, QStringLiteral("user.password-reset"), [&](AccountRecord &account) -> Result<void> {
                if (auto kdf = checkKdf(body); !kdf)
                    return kdf.error();
                auto verifier = verifierFor(body.value(QLatin1String("authKey")));
                if (!verifier)
                    return verifier.error();
                account.kdfSalt = fromBase64(body.value(QLatin1String("kdfSalt")));
                account.kdfParameters = body.value(QLatin1String("kdfParameters")).toString();
                account.verifier = *verifier;
                account.wrappedBundle = fromBase64(body.value(QLatin1String("wrappedBundle")));
                account.failedAttempts = 0;
                account.lockedUntil = {};
                return {};
            });
    }

    Response setRoles(const Call &call)
    {
        QStringList roles;
        for (const QJsonValue role : call.body.toObject().value(QLatin1String("roles")).toArray())
            roles.append(role.toString());
        return changeAccount(
            call, QStringLiteral("user.role-change"),
            [&](AccountRecord &account) -> Result<void> {
                if (auto valid = validateRoles(roles); !valid)
                    return valid.error();
                if (isSelf(call, account.userName) && !roles.contains(QStringLiteral("system-admin")))
                    return makeError(Error::Code::Conflict,
                                     QStringLiteral("an administrator does not remove their own role"));
                account.roles = roles;
                return {};
            },
            {{QStringLiteral("roles"), roles.join(QLatin1Char(','))}});
    }

    Response lock(const Call &call, bool locked)
    {
        return changeAccount(call, locked ? QStringLiteral("user.lock") : QStringLiteral("user.unlock"),
                             [&](AccountRecord &account) -> Result<void> {
                                 if (locked && isSelf(call, account.userName))
                                     return makeError(Error::Code::Conflict,
                                                      QStringLiteral("you cannot lock yourself"));
                                 account.lockedByAdministrator = locked;
                                 if (!locked) {
                                     account.failedAttempts = 0;
                                     account.lockedUntil = {};
                                 }
                                 return {};
                             });
    }

    Response lockAccount(const Call &call) { return lock(call, true); }
    Response unlockAccount(const Call &call) { return lock(call, false); }

    Response enrolTotp(const Call &call)
    {
        auto account = loadAccount(call.token->subject);
        if (!account)
            return failure(account.error());
        if (!account->totpSecretSealed.isEmpty()) {
            auto state = openTotp(account->totpSecretSealed, account->userName);
            if (state && state->confirmed)
                return problem(409, QStringLiteral("An authenticator is already enrolled"));
        }
        TotpState state;
        state.secret = accounts::Totp::generateSecret();
        const accounts::Totp generator(state.secret, clock);
        auto sealed = sealTotp(state, account->userName);
        if (!sealed)
            return failure(sealed.error());
        account->totpSecretSealed = *sealed;
        if (auto audited =
                record(call, QStringLiteral("user.totp-enrol"), audit::AuditAction::Update,
                       audit::AuditOutcome::Success, {entity(QStringLiteral("account"), account->userName)});
            !audited)
            return failure(audited.error());
        auto stored = store.updateAccount(*account);
        if (!stored)
            return failure(stored.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("secret"), generator.secretBase32()},
                                             {QStringLiteral("uri"),
                                              generator.provisioningUri(QStringLiteral("MDP ") + options.site,
                                                                        account->userName)}});
    }

    Response confirmTotp(const Call &call)
    {
        auto account = loadAccount(call.token->subject);
        if (!account)
            return failure(account.error());
        if (account->totpSecretSealed.isEmpty())
            return problem(409, QStringLiteral("No enrolment started"));
        auto state = openTotp(account->totpSecretSealed, account->userName);
        if (!state)
            return failure(state.error());
        if (state->confirmed)
            return problem(409, QStringLiteral("An authenticator is already enrolled"));
        const accounts::Totp generator(state->secret, clock);
        const auto step =
            generator.verify(call.body.toObject().value(QLatin1String("code")).toString(), std::nullopt);
        if (!step) {
            recordRefusal(call, QStringLiteral("user.totp-confirm"), audit::AuditAction::Update,
                          audit::AuditOutcome::MinorFailure,
                          {entity(QStringLiteral("account"), account->userName)});
            return problem(400, QStringLiteral("Wrong code"));
        }
        state->confirmed = true;
        state->lastStep = *step;
        auto sealed = sealTotp(*state, account->userName);
        if (!sealed)
            return failure(sealed.error());
        account->totpSecretSealed = *sealed;
        if (auto audited =
                record(call, QStringLiteral("user.totp-confirm"), audit::AuditAction::Update,
                       audit::AuditOutcome::Success, {entity(QStringLiteral("account"), account->userName)});
            !audited)
            return failure(audited.error());
        auto stored = store.updateAccount(*account);
        if (!stored)
            return failure(stored.error());
        return jsonResponse(200, accountJson(*stored));
    }

    // ---- sync relay -------------------------------------------------------------------------
    Response pushSync(const Call &call)
    {
        if (!call.request.peer.workstationProfile)
            return problem(403, QStringLiteral("Not a workstation certificate"),
                           QStringLiteral("sync entries travel between workstations"));
        const QJsonArray entries = call.body.toObject().value(QLatin1String("entries")).toArray();
        auto certificate = crypto::Certificate::fromDer(call.request.peer.certificateDer);
        if (!certificate)
            return problem(401, QStringLiteral("Client certificate unreadable"));
        const crypto::PublicKey sender = certificate->publicKey();
        QList<SyncEntry> batch;
        batch.reserve(entries.size());
        qint64 bytes = 0;
        for (int i = 0; i < entries.size(); ++i) {
            const QJsonObject object = entries.at(i).toObject();
            SyncEntry entry;
            entry.entryId = QUuid::fromString(object.value(QLatin1String("entryId")).toString())
                                .toString(QUuid::WithoutBraces);
            entry.site = options.site;
            entry.originWorkstation = QString::fromLatin1(call.request.peer.fingerprint.toHex());
            entry.kind = object.value(QLatin1String("kind")).toString();
            entry.objectId = object.value(QLatin1String("objectId")).toString();
            entry.revision = qint64(object.value(QLatin1String("revision")).toDouble());
            entry.ciphertext = fromBase64(object.value(QLatin1String("ciphertext")));
            const QByteArray signature = fromBase64(object.value(QLatin1String("signature")));
            // Each entry is signed by the workstation whose certificate it arrives over: an entry
            // made elsewhere (forged, or lifted from another workstation's batch) is refused.
            if (!sender.verify(syncEntryStatement(entry.entryId, entry.kind, entry.objectId, entry.revision,
                                                  entry.ciphertext),
                               signature)) {
                recordRefusal(call, QStringLiteral("sync.push"), audit::AuditAction::Create,
                              audit::AuditOutcome::SeriousFailure,
                              {entity(QStringLiteral("sync-entry"), entry.entryId)},
                              {{QStringLiteral("reason"), QStringLiteral("entry signature does not verify")},
                               {QStringLiteral("index"), i}});
                return problem(
                    422, QStringLiteral("Forged entry"),
                    QStringLiteral("/entries/%1: the signature is not the sending workstation's").arg(i));
            }
            bytes += entry.ciphertext.size();
            batch.append(std::move(entry));
        }
        if (auto audited = record(
                call, QStringLiteral("sync.push"), audit::AuditAction::Create, audit::AuditOutcome::Success,
                {entity(QStringLiteral("sync-batch"), batch.first().entryId)},
                {{QStringLiteral("entries"), int(batch.size())}, {QStringLiteral("bytes"), double(bytes)}});
            !audited)
            return failure(audited.error());
        auto outcome = store.appendSyncBatch(batch);
        if (!outcome) {
            recordRefusal(call, QStringLiteral("sync.push"), audit::AuditAction::Create,
                          audit::AuditOutcome::SeriousFailure,
                          {entity(QStringLiteral("sync-batch"), batch.first().entryId)},
                          {{QStringLiteral("reason"), outcome.error().message}});
            return failure(outcome.error());
        }
        if (!outcome->applied) {
            QJsonArray conflicts;
            for (const SyncConflict &conflict : outcome->conflicts)
                conflicts.append(
                    QJsonObject{{QStringLiteral("entryId"), conflict.entryId},
                                {QStringLiteral("objectId"), conflict.objectId},
                                {QStringLiteral("offeredRevision"), double(conflict.offeredRevision)},
                                {QStringLiteral("currentRevision"), double(conflict.currentRevision)}});
            recordRefusal(call, QStringLiteral("sync.push"), audit::AuditAction::Create,
                          audit::AuditOutcome::MinorFailure,
                          {entity(QStringLiteral("sync-batch"), batch.first().entryId)},
                          {{QStringLiteral("reason"), QStringLiteral("stale revision")},
                           {QStringLiteral("conflicts"), int(conflicts.size())}});
            Response response = jsonResponse(
                409, QJsonObject{{QStringLiteral("title"), QStringLiteral("Stale revision")},
                                 {QStringLiteral("status"), 409},
                                 {QStringLiteral("detail"),
                                  QStringLiteral("%1 entries name a revision that is not the next one")
                                      .arg(conflicts.size())},
                                 {QStringLiteral("conflicts"), conflicts}});
            response.contentType = "application/problem+json";
            return response;
        }
        QJsonArray sequences;
        for (qint64 sequence : outcome->sequences)
            sequences.append(double(sequence));
        return jsonResponse(200, QJsonObject{{QStringLiteral("applied"), true},
                                             {QStringLiteral("sequences"), sequences},
                                             {QStringLiteral("duplicates"), outcome->duplicates}});
    }

    Response pullSync(const Call &call)
    {
        if (!call.request.peer.workstationProfile)
            return problem(403, QStringLiteral("Not a workstation certificate"),
                           QStringLiteral("sync entries travel between workstations"));
        bool ok = true;
        const QString afterText = call.request.queryValue(u"after");
        const qint64 after = afterText.isEmpty() ? 0 : afterText.toLongLong(&ok);
        if (!ok || after < 0)
            return problem(400, QStringLiteral("after: a sequence number expected"));
        const QString limitText = call.request.queryValue(u"limit");
        int limit = limitText.isEmpty() ? 500 : limitText.toInt(&ok);
        if (!ok || limit < 1)
            return problem(400, QStringLiteral("limit: a positive number expected"));
        limit = std::min(limit, 1000);
        // Read in small steps up to the byte budget: an entry may be up to 9 MB of ciphertext.
        constexpr int kStep = 32;
        QList<SyncEntry> entries;
        qint64 bytes = 0;
        bool more = false;
        for (qint64 from = after; entries.size() < limit;) {
            const int step = std::min<int>(kStep, limit - int(entries.size()));
            auto read = store.syncEntriesAfter(options.site, from, step);
            if (!read)
                return failure(read.error());
            bool full = false;
            for (SyncEntry &entry : *read) {
                if (!entries.isEmpty() && bytes + entry.ciphertext.size() > options.maxPullBytes) {
                    full = true;
                    break;
                }
                bytes += entry.ciphertext.size();
                from = entry.sequence;
                entries.append(std::move(entry));
            }
            if (full) {
                more = true;
                break;
            }
            if (read->size() < step)
                break;
            more = entries.size() == limit;
        }
        QJsonArray out;
        qint64 last = after;
        for (const SyncEntry &entry : entries) {
            out.append(
                QJsonObject{{QStringLiteral("sequence"), double(entry.sequence)},
                            {QStringLiteral("entryId"), entry.entryId},
                            {QStringLiteral("origin"), entry.originWorkstation},
                            {QStringLiteral("kind"), entry.kind},
                            {QStringLiteral("objectId"), entry.objectId},
                            {QStringLiteral("revision"), double(entry.revision)},
                            {QStringLiteral("ciphertext"), base64(entry.ciphertext)},
                            {QStringLiteral("receivedAt"), entry.receivedAt.toString(Qt::ISODateWithMs)}});
            last = entry.sequence;
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("entries"), out},
                                             {QStringLiteral("last"), double(last)},
                                             {QStringLiteral("more"), more}});
    }

    // ---- audit shipping and witnessing ------------------------------------------------------
    Response auditFinding(const Call &call, const QString &workstation, const QString &finding,
                          const QJsonObject &evidence)
    {
        if (auto kept = store.recordAuditFinding(workstation, finding,
                                                 QJsonDocument(evidence).toJson(QJsonDocument::Compact));
            !kept)
            qCritical("mdp-grantd: an audit finding could not be stored: %s",
                      qPrintable(kept.error().toString()));
        recordRefusal(call, QStringLiteral("security.audit-gap"), audit::AuditAction::Execute,
                      audit::AuditOutcome::MajorFailure, {entity(QStringLiteral("workstation"), workstation)},
                      {{QStringLiteral("finding"), finding}});
        Response response =
            jsonResponse(409, QJsonObject{{QStringLiteral("title"), QStringLiteral("Audit chain refused")},
                                          {QStringLiteral("status"), 409},
                                          {QStringLiteral("detail"), finding},
                                          {QStringLiteral("evidence"), evidence}});
        response.contentType = "application/problem+json";
        return response;
    }

    Response shipAudit(const Call &call)
    {
        const QJsonObject body = call.body.toObject();
        if (!call.request.peer.workstationProfile)
            return problem(403, QStringLiteral("Not a workstation certificate"),
                           QStringLiteral("audit chains are shipped with a workstation's certificate"));
        const QString workstation = call.request.peer.commonName;
        const qint64 fromSize = qint64(body.value(QLatin1String("fromSize")).toDouble());
        const qint64 toSize = qint64(body.value(QLatin1String("toSize")).toDouble());
        const QByteArray root = fromBase64(body.value(QLatin1String("rootHash")));
        const QByteArray signature = fromBase64(body.value(QLatin1String("checkpoint")));
        const QByteArray keyDer = fromBase64(body.value(QLatin1String("checkpointKey")));
        const QJsonArray frames = body.value(QLatin1String("frames")).toArray();

        auto held = store.auditHead(workstation);
        if (!held)
            return failure(held.error());
        const qint64 heldSize = *held ? (*held)->treeSize : 0;
        const QByteArray heldRoot = *held ? (*held)->rootHash : QByteArray();
        QByteArray registeredKey;
        if (*held)
            registeredKey = QJsonDocument::fromJson((*held)->checkpoint)
                                .object()
                                .value(QLatin1String("key"))
                                .toString()
                                .toLatin1();

        if (toSize < 1)
            return problem(400, QStringLiteral("Nothing to ship"),
                           QStringLiteral("a shipment carries at least one event"));
        // The checkpoint must be signed by the key it names before anything about it is believed.
        auto key =
            crypto::PublicKey::fromDer(keyDer.isEmpty() ? QByteArray::fromBase64(registeredKey) : keyDer);
        if (!key)
            return problem(400, QStringLiteral("Checkpoint key unreadable"));
        if (!key->verify(auditCheckpointStatement(workstation, toSize, root), signature))
            return problem(422, QStringLiteral("Checkpoint signature does not verify"));
        // The workstation's node key is fixed at its first shipment: a signed checkpoint under
        // another key is a finding.
        const QByteArray keyText = keyDer.toBase64();
        if (!registeredKey.isEmpty() && !keyDer.isEmpty() && registeredKey != keyText)
            return auditFinding(call, workstation,
                                QStringLiteral("checkpoint signed by another key than the workstation's"),
                                {{QStringLiteral("heldSize"), double(heldSize)}});

        const QJsonObject heldEvidence{{QStringLiteral("heldSize"), double(heldSize)},
                                       {QStringLiteral("heldRoot"), base64(heldRoot)},
                                       {QStringLiteral("offeredSize"), double(toSize)},
                                       {QStringLiteral("offeredRoot"), base64(root)}};
        // A signed checkpoint of a smaller tree than the one witnessed: the log was cut.
        if (toSize < heldSize)
            return auditFinding(
                call, workstation,
                QStringLiteral("the workstation's audit log ends at %1 events; %2 were witnessed")
                    .arg(toSize)
                    .arg(heldSize),
                heldEvidence);
        if (toSize == heldSize && heldSize > 0 && root != heldRoot)
            return auditFinding(
                call, workstation,
                QStringLiteral(
                    "the workstation's audit log was rewritten: another root for the %1 witnessed events")
                    .arg(heldSize),
                heldEvidence);
        const audit::MerkleVerifier verifier;
        if (fromSize != heldSize) {
            // A shipment repeated after a lost answer: answer again.
            if (toSize == heldSize && root == heldRoot && *held)
                return witnessResponse(**held);
            // Otherwise the workstation ships again from what the server holds, with a consistency
            // proof from there (a log rewritten before that point fails it then).
            Response response = jsonResponse(
                409, QJsonObject{{QStringLiteral("title"), QStringLiteral("Ship from the size held")},
                                 {QStringLiteral("status"), 409},
                                 {QStringLiteral("heldSize"), double(heldSize)}});
            response.contentType = "application/problem+json";
            return response;
        }
        // The new tree must extend the witnessed one (RFC 9162 consistency): a rewritten history fails.
        audit::MerkleProof proof;
        for (const QJsonValue node : body.value(QLatin1String("consistency")).toArray())
            proof.append(fromBase64(node));
        if (heldSize > 0) {
            if (auto consistent =
                    verifier.verifyConsistency(quint64(heldSize), quint64(toSize), proof, heldRoot, root);
                !consistent)
                return auditFinding(
                    call, workstation,
                    QStringLiteral("the workstation's audit log was rewritten after %1 witnessed events")
                        .arg(heldSize),
                    heldEvidence);
        }
        if (fromSize != heldSize || frames.size() != toSize - fromSize) {
            Response response = jsonResponse(
                409, QJsonObject{{QStringLiteral("title"), QStringLiteral("Ship from the size held")},
                                 {QStringLiteral("status"), 409},
                                 {QStringLiteral("heldSize"), double(heldSize)}});
            response.contentType = "application/problem+json";
            return response;
        }
        // The frames must be the leaves of that tree: extend the held frontier and compare roots.
        audit::MerkleFrontier frontier;
        if (*held && heldSize > 0) {
            auto restored = audit::MerkleFrontier::fromBytes((*held)->frontier);
            if (!restored || qint64(restored->size()) != heldSize)
                return failure(makeError(Error::Code::Corrupt, QStringLiteral("held frontier unreadable")));
            frontier = *restored;
        }
        QList<AuditFrame> stored;
        stored.reserve(frames.size());
        for (int i = 0; i < frames.size(); ++i) {
            AuditFrame frame;
            frame.index = fromSize + i;
            frame.frame = fromBase64(frames.at(i));
            frame.leafHash = frontier.hasher().leafHash(frame.frame);
            frontier.appendLeafHash(frame.leafHash);
            stored.append(std::move(frame));
        }
        if (frontier.root() != root)
            return problem(422, QStringLiteral("Frames do not make the signed root"));

        AuditHead head;
        head.workstation = workstation;
        head.treeSize = toSize;
        head.rootHash = root;
        head.checkpoint =
            QJsonDocument(QJsonObject{{QStringLiteral("key"),
                                       QString::fromLatin1(keyDer.isEmpty() ? registeredKey : keyText)},
                                      {QStringLiteral("signature"), base64(signature)}})
                .toJson(QJsonDocument::Compact);
        head.witnessedAt = clock.now();
        auto witness =
            keys.witnessKey.sign(auditWitnessStatement(workstation, toSize, root, head.witnessedAt));
        if (!witness)
            return failure(witness.error());
        head.witnessSignature = *witness;
        head.frontier = frontier.toBytes();
        if (auto audited =
                record(call, QStringLiteral("audit.ship"), audit::AuditAction::Create,
                       audit::AuditOutcome::Success, {entity(QStringLiteral("workstation"), workstation)},
                       {{QStringLiteral("from"), double(fromSize)}, {QStringLiteral("to"), double(toSize)}});
            !audited)
            return failure(audited.error());
        if (auto appended = store.appendAuditFrames(head, heldSize, stored); !appended)
            return failure(appended.error());
        return witnessResponse(head);
    }

    Response witnessResponse(const AuditHead &head)
    {
        return jsonResponse(
            200, QJsonObject{{QStringLiteral("treeSize"), double(head.treeSize)},
                             {QStringLiteral("rootHash"), base64(head.rootHash)},
                             {QStringLiteral("witnessedAt"), head.witnessedAt.toString(Qt::ISODateWithMs)},
                             {QStringLiteral("witness"), base64(head.witnessSignature)},
                             {QStringLiteral("witnessKey"), base64(keys.witnessKey.publicKey().der())}});
    }

    Response auditHeads(const Call &call)
    {
        auto heads = store.auditHeads();
        if (!heads)
            return failure(heads.error());
        auto findings = store.auditFindings();
        if (!findings)
            return failure(findings.error());
        recordRefusal(call, QStringLiteral("audit.read"), audit::AuditAction::Read,
                      audit::AuditOutcome::Success,
                      {entity(QStringLiteral("audit"), QStringLiteral("heads"))});
        QJsonArray out;
        for (const AuditHead &head : *heads)
            out.append(
                QJsonObject{{QStringLiteral("workstation"), head.workstation},
                            {QStringLiteral("treeSize"), double(head.treeSize)},
                            {QStringLiteral("rootHash"), base64(head.rootHash)},
                            {QStringLiteral("witnessedAt"), head.witnessedAt.toString(Qt::ISODateWithMs)}});
        QJsonArray reported;
        for (const auto &[workstation, finding] : *findings)
            reported.append(QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("AuditEvent")},
                                        {QStringLiteral("type"), QStringLiteral("security.audit-gap")},
                                        {QStringLiteral("workstation"), workstation},
                                        {QStringLiteral("outcomeDesc"), finding}});
        return jsonResponse(
            200, QJsonObject{{QStringLiteral("heads"), out}, {QStringLiteral("findings"), reported}});
    }

    Response serverAuditHead(const Call &call)
    {
        if (!serverAudit)
            return problem(404, QStringLiteral("No server audit chain"));
        recordRefusal(call, QStringLiteral("audit.read"), audit::AuditAction::Read,
                      audit::AuditOutcome::Success,
                      {entity(QStringLiteral("audit"), QStringLiteral("server"))});
        const qint64 size = serverAudit->durableSize();
        auto root = serverAudit->merkleRoot(size);
        return jsonResponse(200, QJsonObject{{QStringLiteral("size"), double(size)},
                                             {QStringLiteral("rootHash"), root ? base64(*root) : QString()}});
    }

    // ---- revocation and documents -----------------------------------------------------------
    Response revoke(const Call &call)
    {
        const QJsonObject body = call.body.toObject();
        RevokedSerial revoked;
        revoked.serialHex = body.value(QLatin1String("serial")).toString();
        while (revoked.serialHex.size() > 1 && revoked.serialHex.startsWith(QLatin1Char('0')))
            revoked.serialHex.remove(0, 1);
        revoked.reason = body.value(QLatin1String("reason")).toString();
        revoked.revokedAt = clock.now();
        if (auto audited = record(call, QStringLiteral("pki.revoke"), audit::AuditAction::Update,
                                  audit::AuditOutcome::Success,
                                  {entity(QStringLiteral("certificate"), revoked.serialHex)},
                                  {{QStringLiteral("reason"), revoked.reason}});
            !audited)
            return failure(audited.error());
        if (auto done = store.revokeSerial(revoked); !done)
            return failure(done.error());
        return jsonResponse(
            200, QJsonObject{{QStringLiteral("serial"), revoked.serialHex},
                             {QStringLiteral("revokedAt"), revoked.revokedAt.toString(Qt::ISODateWithMs)}});
    }

    // ---- access requests and grants (issue 12; R-5.2e-j, R-6.3.1-R-6.3.4, R-7.1.2 e) -------------
    // The rules every instance shares (access::AccessWorkflow); who acts comes from the token, never
    // from the body. Each change is recorded before it is stored; a refusal is recorded too.
    Result<access::ApprovalRules> approvalRules() const
    {
        if (options.accessRulesFile.isEmpty())
            return access::ApprovalRules::parse(access::ApprovalRules::defaultDocument());
        QFile file(options.accessRulesFile);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(Error::Code::Io, QStringLiteral("the site's approval rules cannot be read"));
        return access::ApprovalRules::parse(file.read(qint64(1) << 20));
    }

    static constexpr int kGrantClockSkewSeconds = 300;

    static access::Actor actorOf(const Call &call) { return {call.token->subject, call.token->roles}; }

    static QJsonObject requestJson(const StoredAccessRequest &stored)
    {
        QJsonObject request = QJsonDocument::fromJson(stored.document).object();
        request.insert(QStringLiteral("revision"), double(stored.revision));
        return request;
    }

    static StoredAccessRequest stored(const access::AccessRequest &request, const QString &workstation)
    {
        return StoredAccessRequest{request.number,
                                   request.requester,
                                   access::requestStatusId(request.status),
                                   workstation,
                                   QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact),
                                   request.revision,
                                   request.updated};
    }

    // Whether the caller may see a request: its requester, an ethics reviewer, someone a step of its
    // route names, or an administrator.
    bool maySee(const Call &call, const access::AccessRequest &request,
                const access::ApprovalRules &rules) const
    {
        if (call.token->subject == request.requester || hasRole(call, rules.ethicsRoles()) ||
            hasRole(call, {QStringLiteral("system-admin"), QStringLiteral("data-manager")}))
            return true;
        auto route = rules.route(request.scope);
        if (!route)
            return false;
        for (const access::ApprovalStep &step : route->steps) {
            if (hasRole(call, step.roles) ||
                (step.roles.contains(QStringLiteral("project-pi")) &&
                 rules.principalInvestigators(request.scope.project).contains(call.token->subject)))
                return true;
        }
        return false;
    }

    // Conflict when the scope names a patient whose consent is withdrawn (the message says how many,
    // not who: the caller may only have typed the pseudonym).
    Result<void> refuseWithdrawnPatients(const access::Scope &scope)
    {
        if (scope.patients.isEmpty())
            return {};
        auto withdrawn = store.consentWithdrawnAmong(scope.patients);
        if (!withdrawn)
            return withdrawn.error();
        if (withdrawn->isEmpty())
            return {};
        return makeError(
            Error::Code::Conflict,
            QStringLiteral("%1 of the patients named withdrew consent to research use: take them "
                           "out of the scope")
                .arg(withdrawn->size()));
    }

    Response submitAccessRequest(const Call &call)
    {
        const QJsonObject body = call.body.toObject();
        auto rules = approvalRules();
        if (!rules)
            return failure(rules.error());
        auto scope = access::Scope::fromJson(body.value(QLatin1String("scope")).toObject());
        if (!scope)
            return failure(scope.error());
        // R-6.3.4 c: a patient who withdrew consent is named in no new request.
        if (auto withdrawn = refuseWithdrawnPatients(*scope); !withdrawn) {
            QList<audit::AuditEntity> named; // who was asked for, for the auditor (the caller learns a count)
            for (const QString &p : std::as_const(scope->patients))
                named << entity(QStringLiteral("patient"), p);
            recordRefusal(call, QStringLiteral("access.request"), audit::AuditAction::Create,
                          audit::AuditOutcome::MinorFailure, named,
                          {{QStringLiteral("reason"), QStringLiteral("consent withdrawn")}});
            return failure(withdrawn.error());
        }
        auto number = store.nextAccessRequestNumber(clock.now().toUTC().date().year());
        if (!number)
            return failure(number.error());
        const access::AccessWorkflow flow(*rules, clock);
        auto request = flow.submit(actorOf(call), *number, body.value(QLatin1String("purpose")).toString(),
                                   *scope, body.value(QLatin1String("durationDays")).toInt(),
                                   body.value(QLatin1String("agreement")).toString());
        if (!request) {
            recordRefusal(call, QStringLiteral("access.request"), audit::AuditAction::Create,
                          audit::AuditOutcome::MinorFailure,
                          {entity(QStringLiteral("access-request"), *number)},
                          {{QStringLiteral("reason"), request.error().message}});
            return failure(request.error());
        }
        if (auto audited =
                record(call, QStringLiteral("access.request"), audit::AuditAction::Create,
                       audit::AuditOutcome::Success, {entity(QStringLiteral("access-request"), *number)},
                       {{QStringLiteral("project"), request->scope.project},
                        {QStringLiteral("level"), request->scope.maxLevel},
                        {QStringLiteral("days"), request->durationDays}});
            !audited)
            return failure(audited.error());
        const StoredAccessRequest row =
            stored(*request, QString::fromLatin1(call.token->certificateThumbprint.toHex()));
        if (auto created = store.createAccessRequest(row); !created)
            return failure(created.error());
        return jsonResponse(201, requestJson(row));
    }

    Response listAccessRequests(const Call &call)
    {
        auto rules = approvalRules();
        if (!rules)
            return failure(rules.error());
        const QString view = call.request.queryValue(u"view");
        Result<QList<StoredAccessRequest>> rows = QList<StoredAccessRequest>();
        if (view.isEmpty() || view == QLatin1String("mine")) {
            rows = store.accessRequests(call.token->subject, {});
        } else if (view == QLatin1String("ethics")) {
            if (!hasRole(call, rules->ethicsRoles()))
                return problem(403, QStringLiteral("Forbidden"),
                               QStringLiteral("the ethics inbox is the reviewers'"));
            rows = store.accessRequests(QString(),
                                        {access::requestStatusId(access::RequestStatus::EthicsReview)});
        } else if (view == QLatin1String("approvals")) {
            rows =
                store.accessRequests(QString(), {access::requestStatusId(access::RequestStatus::Approval)});
        } else {
            return problem(400, QStringLiteral("Bad request"),
                           QStringLiteral("view is mine, ethics or approvals"));
        }
        if (!rows)
            return failure(rows.error());
        QJsonArray out;
        for (const StoredAccessRequest &row : *rows) {
            auto request = access::AccessRequest::fromJson(QJsonDocument::fromJson(row.document).object());
            if (!request)
                continue;
            if (view == QLatin1String("approvals")) {
                // Only what this caller may decide now: a step of the route that names them, not their own.
                auto route = rules->route(request->scope);
                if (!route || request->step < 0 || request->step >= route->steps.size() ||
                    request->requester == call.token->subject)
                    continue;
                const access::ApprovalStep &step = route->steps.at(request->step);
                const bool pi =
                    step.roles.contains(QStringLiteral("project-pi")) &&
                    rules->principalInvestigators(request->scope.project).contains(call.token->subject);
                if (!hasRole(call, step.roles) && !pi)
                    continue;
            }
            out.append(requestJson(row));
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("requests"), out}});
    }

    // The request a call names, checked visible to the caller.
    Result<std::pair<StoredAccessRequest, access::AccessRequest>>
    visibleRequest(const Call &call, const access::ApprovalRules &rules)
    {
        const QString number = call.pathParameters.value(QStringLiteral("number"));
        auto row = store.accessRequest(number);
        if (!row)
            return row.error();
        if (!row->has_value())
            return makeError(Error::Code::NotFound, QStringLiteral("no request %1").arg(number));
        auto request = access::AccessRequest::fromJson(QJsonDocument::fromJson((*row)->document).object());
        if (!request)
            return request.error();
        if (!maySee(call, *request, rules))
            return makeError(Error::Code::NotFound, QStringLiteral("no request %1").arg(number));
        return std::pair<StoredAccessRequest, access::AccessRequest>{**row, *request};
    }

    Response getAccessRequest(const Call &call)
    {
        auto rules = approvalRules();
        if (!rules)
            return failure(rules.error());
        auto found = visibleRequest(call, *rules);
        if (!found)
            return failure(found.error());
        return jsonResponse(200, requestJson(found->first));
    }

    // One step of a request's life: what `change` makes of it, checked against the revision the caller
    // read; an approval that completes the route issues the grant in the same store transaction.
    Response changeAccessRequest(const Call &call, const QString &type,
                                 const std::function<Result<access::AccessRequest>(
                                     const access::AccessWorkflow &, const access::AccessRequest &)> &change)
    {
        auto rules = approvalRules();
        if (!rules)
            return failure(rules.error());
        auto found = visibleRequest(call, *rules);
        if (!found) {
            recordRefusal(call, type, audit::AuditAction::Update, audit::AuditOutcome::MinorFailure,
                          {entity(QStringLiteral("access-request"),
                                  call.pathParameters.value(QStringLiteral("number")))},
                          {{QStringLiteral("reason"), found.error().message}});
            return failure(found.error());
        }
        const auto &[row, request] = *found;
        const QJsonObject body = call.body.toObject();
        const QList<audit::AuditEntity> entities{entity(QStringLiteral("access-request"), request.number)};
        if (qint64(body.value(QLatin1String("revision")).toDouble()) != row.revision) {
            recordRefusal(call, type, audit::AuditAction::Update, audit::AuditOutcome::MinorFailure, entities,
                          {{QStringLiteral("reason"), QStringLiteral("stale revision")}});
            return problem(409, QStringLiteral("Conflict"),
                           QStringLiteral("request %1 changed since it was read (revision %2 now)")
                               .arg(request.number)
                               .arg(row.revision));
        }
        const access::AccessWorkflow flow(*rules, clock);
        auto next = change(flow, request);
        if (!next) {
            recordRefusal(call, type, audit::AuditAction::Update, audit::AuditOutcome::MinorFailure, entities,
                          {{QStringLiteral("reason"), next.error().message}});
            return failure(next.error());
        }
        std::optional<StoredGrant> grant;
        // The revision the change makes: an event whose revision the store never reached names a change
        // a crash stopped before it committed.
        QJsonObject detail{{QStringLiteral("status"), access::requestStatusId(next->status)},
                           {QStringLiteral("step"), next->step},
                           {QStringLiteral("revision"), next->revision}};
        if (next->status == access::RequestStatus::Approved) {
            // A patient who withdrew consent since the request was filed is granted to nobody.
            if (auto withdrawn = refuseWithdrawnPatients(next->scope); !withdrawn) {
                recordRefusal(call, type, audit::AuditAction::Update, audit::AuditOutcome::MinorFailure,
                              entities, {{QStringLiteral("reason"), QStringLiteral("consent withdrawn")}});
                return failure(withdrawn.error());
            }
            const QDateTime now = clock.now().toUTC();
            auto document = access::GrantDocument::issue(
                *next, *rules, QStringLiteral("G-") + QUuid::createUuid().toString(QUuid::WithoutBraces),
                // A workstation whose clock is a little behind the server's has it in force at once (the
                // window keeps the approved length, so a level-5 grant stays within its limit).
                row.workstation, options.site, now.addSecs(-kGrantClockSkewSeconds));
            if (!document)
                return failure(document.error());
            auto envelope = document->sign(keys.witnessKey);
            if (!envelope)
                return failure(envelope.error());
            grant = StoredGrant{document->id,
                                next->number,
                                document->subject,
                                *envelope,
                                document->notAfter,
                                now,
                                {},
                                {},
                                {}};
            detail.insert(QStringLiteral("grant"), document->id);
            detail.insert(QStringLiteral("notAfter"), document->notAfter.toString(Qt::ISODateWithMs));
        }
        if (auto audited = record(call, type, audit::AuditAction::Update, audit::AuditOutcome::Success,
                                  entities, detail);
            !audited)
            return failure(audited.error());
        // The audit event is durable before the change: a crash from here on leaves an event whose
        // change may be missing (the request is then as it was, its revision unchanged, and the step can
        // be taken again), never a change without its event. The store writes the request and its grant
        // in one transaction: approved with its grant, or not approved at all.
        if (options.stepHook)
            options.stepHook(u"decision-audited");
        const StoredAccessRequest updated = stored(*next, row.workstation);
        if (auto written = store.updateAccessRequest(updated, row.revision, grant); !written) {
            recordRefusal(call, type, audit::AuditAction::Update, audit::AuditOutcome::MinorFailure, entities,
                          {{QStringLiteral("reason"), written.error().message}});
            return failure(written.error());
        }
        if (options.stepHook)
            options.stepHook(u"decision-stored");
        // A withdrawal committed between the check above and this grant's commit did not see the grant:
        // this look after the commit does, and the grant is revoked at once (the withdrawal records itself
        // before it looks for grants, so one of the two always sees the other).
        if (grant && !next->scope.patients.isEmpty()) {
            auto withdrawn = store.consentWithdrawnAmong(next->scope.patients);
            if (!withdrawn || !withdrawn->isEmpty()) { // unknown counts as withdrawn: fail closed
                if (auto revoked = revokeOne(call, grant->id, QStringLiteral("consent withdrawn"),
                                             QStringLiteral("consent-withdrawn"));
                    !revoked)
                    return failure(revoked.error());
                grant.reset();
            }
        }
        QJsonObject answer = requestJson(updated);
        if (grant)
            answer.insert(QStringLiteral("grant"), QString::fromLatin1(grant->envelope.toBase64()));
        return jsonResponse(200, answer);
    }

    static std::optional<access::Verdict> verdictFrom(const QJsonValue &value)
    {
        for (access::Verdict v :
             {access::Verdict::Approve, access::Verdict::Reject, access::Verdict::MoreInformation}) {
            if (access::verdictId(v) == value.toString())
                return v;
        }
        return std::nullopt;
    }

    Response decideAccessRequest(const Call &call)
    {
        const QJsonObject body = call.body.toObject();
        const auto verdict = verdictFrom(body.value(QLatin1String("verdict")));
        if (!verdict)
            return problem(400, QStringLiteral("Bad request"),
                           QStringLiteral("verdict is approve, reject or more-information"));
        const QString reason = body.value(QLatin1String("reason")).toString();
        return changeAccessRequest(
            call, QStringLiteral("access.decision"),
            [&](const access::AccessWorkflow &flow, const access::AccessRequest &request) {
                return request.status == access::RequestStatus::EthicsReview
                           ? flow.ethicsReview(request, actorOf(call), *verdict, reason)
                           : flow.decide(request, actorOf(call), *verdict, reason);
            });
    }

    // ---- the ethics review by an external system (R-9.4.2): FHIR Task in and out ----------------
    // A request waiting for ethics as a FHIR R4 Task: what to review (purpose, scope, duration,
    // agreement), its revision as meta.versionId. An external ethics system signs in as an account
    // holding an ethics role and answers by updating the Task; the same rules decide as for the
    // built-in inbox, which stays the default.
    static QJsonObject taskOf(const StoredAccessRequest &row, const access::AccessRequest &r)
    {
        QString status = QStringLiteral("requested");
        if (r.status == access::RequestStatus::Rejected && !r.ethicsPassed)
            status = QStringLiteral("rejected");
        else if (r.ethicsPassed)
            status = QStringLiteral("completed");
        else if (r.status == access::RequestStatus::NeedsInformation)
            status = QStringLiteral("on-hold");
        return QJsonObject{
            {QStringLiteral("resourceType"), QStringLiteral("Task")},
            {QStringLiteral("id"), r.number},
            {QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("versionId"), QString::number(row.revision)}}},
            {QStringLiteral("identifier"),
             QJsonArray{QJsonObject{{QStringLiteral("system"), QStringLiteral("urn:mdp:access-request")},
                                    {QStringLiteral("value"), r.number}}}},
            {QStringLiteral("status"), status},
            {QStringLiteral("intent"), QStringLiteral("order")},
            {QStringLiteral("code"), QJsonObject{{QStringLiteral("text"), QStringLiteral("ethics-review")}}},
            {QStringLiteral("description"), r.purpose},
            {QStringLiteral("authoredOn"), r.submitted.toString(Qt::ISODate)},
            {QStringLiteral("requester"), QJsonObject{{QStringLiteral("display"), r.requester}}},
            {QStringLiteral("input"),
             QJsonArray{
                 QJsonObject{
                     {QStringLiteral("type"), QJsonObject{{QStringLiteral("text"), QStringLiteral("scope")}}},
                     {QStringLiteral("valueString"),
                      QString::fromUtf8(QJsonDocument(r.scope.toJson()).toJson(QJsonDocument::Compact))}},
                 QJsonObject{{QStringLiteral("type"),
                              QJsonObject{{QStringLiteral("text"), QStringLiteral("durationDays")}}},
                             {QStringLiteral("valueInteger"), r.durationDays}},
                 QJsonObject{{QStringLiteral("type"),
                              QJsonObject{{QStringLiteral("text"), QStringLiteral("agreement")}}},
                             {QStringLiteral("valueString"), r.agreementVersion}}}}};
    }

    Response ethicsTasks(const Call &call)
    {
        auto rules = approvalRules();
        if (!rules)
            return failure(rules.error());
        if (!hasRole(call, rules->ethicsRoles()))
            return problem(403, QStringLiteral("Forbidden"),
                           QStringLiteral("the ethics review is the reviewers'"));
        auto rows =
            store.accessRequests(QString(), {access::requestStatusId(access::RequestStatus::EthicsReview)});
        if (!rows)
            return failure(rows.error());
        QJsonArray entries;
        for (const StoredAccessRequest &row : *rows) {
            auto request = access::AccessRequest::fromJson(QJsonDocument::fromJson(row.document).object());
            if (request && request->requester != call.token->subject)
                entries.append(QJsonObject{{QStringLiteral("resource"), taskOf(row, *request)}});
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                                             {QStringLiteral("type"), QStringLiteral("searchset")},
                                             {QStringLiteral("total"), entries.size()},
                                             {QStringLiteral("entry"), entries}});
    }

    Response ethicsTask(const Call &call)
    {
        auto rules = approvalRules();
        if (!rules)
            return failure(rules.error());
        if (!hasRole(call, rules->ethicsRoles()))
            return problem(403, QStringLiteral("Forbidden"),
                           QStringLiteral("the ethics review is the reviewers'"));
        auto found = visibleRequest(call, *rules);
        if (!found)
            return failure(found.error());
        return jsonResponse(200, taskOf(found->first, found->second));
    }

    // The external system's answer: status completed (passed), rejected or on-hold (more information),
    // with statusReason.text (required to reject or ask), at the revision it read (meta.versionId).
    Response updateEthicsTask(const Call &call)
    {
        const QJsonObject task = call.body.toObject();
        const QString status = task.value(QLatin1String("status")).toString();
        std::optional<access::Verdict> verdict;
        if (status == QLatin1String("completed"))
            verdict = access::Verdict::Approve;
        else if (status == QLatin1String("rejected"))
            verdict = access::Verdict::Reject;
        else if (status == QLatin1String("on-hold"))
            verdict = access::Verdict::MoreInformation;
        if (!verdict)
            return problem(400, QStringLiteral("Bad request"),
                           QStringLiteral("a Task is answered as completed, rejected or on-hold"));
        bool numeric = false;
        const qint64 revision = task.value(QLatin1String("meta"))
                                    .toObject()
                                    .value(QLatin1String("versionId"))
                                    .toString()
                                    .toLongLong(&numeric);
        if (!numeric)
            return problem(400, QStringLiteral("Bad request"),
                           QStringLiteral("meta.versionId names the revision read"));
        const QString reason =
            task.value(QLatin1String("statusReason")).toObject().value(QLatin1String("text")).toString();
        const Call decision{call.request, QJsonObject{{QStringLiteral("revision"), double(revision)}},
                            call.pathParameters, call.token};
        return changeAccessRequest(
            decision, QStringLiteral("access.decision"),
            [&](const access::AccessWorkflow &flow,
                const access::AccessRequest &request) -> Result<access::AccessRequest> {
                if (request.status != access::RequestStatus::EthicsReview)
                    return makeError(
                        Error::Code::Conflict,
                        QStringLiteral("%1 is not waiting for the ethics review").arg(request.number));
                return flow.ethicsReview(request, actorOf(call), *verdict, reason);
            });
    }

    Response answerAccessRequest(const Call &call)
    {
        const QJsonObject body = call.body.toObject();
        auto scope = access::Scope::fromJson(body.value(QLatin1String("scope")).toObject());
        if (!scope)
            return failure(scope.error());
        return changeAccessRequest(
            call, QStringLiteral("access.answer"),
            [&](const access::AccessWorkflow &flow, const access::AccessRequest &request) {
                return flow.answer(request, actorOf(call), body.value(QLatin1String("purpose")).toString(),
                                   *scope);
            });
    }

    Response withdrawAccessRequest(const Call &call)
    {
        return changeAccessRequest(
            call, QStringLiteral("access.withdraw"),
            [&](const access::AccessWorkflow &flow, const access::AccessRequest &request) {
                return flow.withdraw(request, actorOf(call));
            });
    }

    Response myGrants(const Call &call)
    {
        auto grants = store.grantsOf(call.token->subject);
        if (!grants)
            return failure(grants.error());
        QJsonArray out;
        for (const StoredGrant &g : *grants) {
            if (g.revokedAt.isValid())
                continue; // revoked: no longer the caller's (the workstations drop it too)
            out.append(QJsonObject{{QStringLiteral("id"), g.id},
                                   {QStringLiteral("request"), g.requestNumber},
                                   {QStringLiteral("notAfter"), g.notAfter.toString(Qt::ISODateWithMs)},
                                   {QStringLiteral("envelope"), QString::fromLatin1(g.envelope.toBase64())}});
        }
        // The key they are signed with (the witness key the workstations pin), for one that has not
        // pinned it yet: it arrives over the site's mutual TLS like the grants themselves.
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("grants"), out},
                                        {QStringLiteral("issuerKey"),
                                         QString::fromLatin1(keys.witnessKey.publicKey().der().toBase64())}});
    }

    // R-6.3.4 c: a grant revoked before its end by a system administrator or data manager, recorded
    // before it is stored; the workstations drop it at their next sync (signedGrantRevocations).
    Result<void> revokeOne(const Call &call, const QString &grantId, const QString &reason,
                           const QString &why)
    {
        const QList<audit::AuditEntity> entities{entity(QStringLiteral("grant"), grantId)};
        // What the store would refuse is refused before anything is recorded as done.
        if (reason.trimmed().size() < 3) {
            recordRefusal(call, QStringLiteral("access.revoke"), audit::AuditAction::Update,
                          audit::AuditOutcome::MinorFailure, entities,
                          {{QStringLiteral("reason"), QStringLiteral("no reason given")}});
            return makeError(Error::Code::InvalidArgument, QStringLiteral("say why the grant is revoked"));
        }
        auto found = store.grant(grantId);
        if (!found)
            return found.error();
        std::optional<Error> refused;
        if (!*found)
            refused = makeError(Error::Code::NotFound, QStringLiteral("no grant %1").arg(grantId));
        else if ((*found)->revokedAt.isValid())
            refused = makeError(Error::Code::AlreadyExists,
                                QStringLiteral("grant %1 is revoked already").arg(grantId));
        if (refused) {
            recordRefusal(call, QStringLiteral("access.revoke"), audit::AuditAction::Update,
                          audit::AuditOutcome::MinorFailure, entities,
                          {{QStringLiteral("reason"), refused->message}});
            return *refused;
        }
        if (auto audited = record(call, QStringLiteral("access.revoke"), audit::AuditAction::Update,
                                  audit::AuditOutcome::Success, entities,
                                  {{QStringLiteral("reason"), reason}, {QStringLiteral("cause"), why}});
            !audited)
            return audited.error();
        auto revoked =
            store.revokeGrant(GrantRevocation{grantId, clock.now().toUTC(), call.token->subject, reason});
        if (!revoked) {
            recordRefusal(call, QStringLiteral("access.revoke"), audit::AuditAction::Update,
                          audit::AuditOutcome::MinorFailure, entities,
                          {{QStringLiteral("reason"), revoked.error().message}});
            return revoked.error();
        }
        // The data delivered under it, and its sealed key, go with it (R-7.2.4e).
        return store.purgeDelivery(grantId);
    }

    Response revokeGrant(const Call &call)
    {
        const QString id = call.pathParameters.value(QStringLiteral("id"));
        const QString reason = call.body.toObject().value(QLatin1String("reason")).toString().trimmed();
        if (auto revoked = revokeOne(call, id, reason, QStringLiteral("decision")); !revoked)
            return failure(revoked.error());
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("grant"), id}, {QStringLiteral("revoked"), true}});
    }

    // R-6.3.4 c: a patient withdrew consent: the withdrawal is kept (no later request naming the patient
    // is filed or approved) and every grant in force that names the patient's pseudonym is revoked, in one
    // store transaction. (A grant over a whole project or a cohort stays: the workstations stop showing
    // the patient under it, as the registry's consent says.)
    // The grants in force naming `patient`, not revoked yet.
    Result<QStringList> grantsNaming(const QString &patient)
    {
        auto grants = store.allGrants();
        if (!grants)
            return grants.error();
        QStringList ids;
        const QDateTime now = clock.now().toUTC();
        for (const StoredGrant &g : *grants) {
            if (g.revokedAt.isValid() || g.notAfter <= now)
                continue;
            auto document = access::GrantDocument::open(g.envelope, keys.witnessKey.publicKey());
            if (document && document->scope.patients.contains(patient))
                ids << g.id;
        }
        return ids;
    }

    Response withdrawConsent(const Call &call)
    {
        const QJsonObject body = call.body.toObject();
        // The pseudonym as requests name it (upper case, base32): any other spelling would withdraw
        // nothing and block nothing.
        const QString patient = body.value(QLatin1String("patient")).toString().trimmed().toUpper();
        const QString reason = body.value(QLatin1String("reason")).toString().trimmed();
        const QList<audit::AuditEntity> patientEntity{entity(QStringLiteral("patient"), patient)};
        if (!access::isPseudonym(patient)) {
            recordRefusal(call, QStringLiteral("access.consent-withdrawal"), audit::AuditAction::Update,
                          audit::AuditOutcome::MinorFailure, {},
                          {{QStringLiteral("reason"), QStringLiteral("not a pseudonym")}});
            return problem(400, QStringLiteral("Bad request"),
                           QStringLiteral("a patient is named by the registry's pseudonym (P- and 12 to 16 "
                                          "letters A-Z or digits 2-7)"));
        }
        if (reason.size() < 3) {
            recordRefusal(call, QStringLiteral("access.consent-withdrawal"), audit::AuditAction::Update,
                          audit::AuditOutcome::MinorFailure, patientEntity,
                          {{QStringLiteral("reason"), QStringLiteral("no reason given")}});
            return problem(400, QStringLiteral("Bad request"),
                           QStringLiteral("say why consent is withdrawn"));
        }
        auto named = grantsNaming(patient);
        if (!named)
            return failure(named.error());
        // Recorded before the store is written (a crash after leaves an event whose change is missing,
        // never a change without its event).
        QList<audit::AuditEntity> entities = patientEntity;
        for (const QString &id : std::as_const(*named))
            entities << entity(QStringLiteral("grant"), id);
        if (auto audited = record(
                call, QStringLiteral("access.consent-withdrawal"), audit::AuditAction::Update,
                audit::AuditOutcome::Success, entities,
                {{QStringLiteral("grantsRevoked"), int(named->size())}, {QStringLiteral("reason"), reason}});
            !audited)
            return failure(audited.error());
        auto revoked = store.withdrawConsent(
            ConsentWithdrawal{patient, clock.now().toUTC(), call.token->subject, reason}, *named);
        if (!revoked) {
            recordRefusal(call, QStringLiteral("access.consent-withdrawal"), audit::AuditAction::Update,
                          audit::AuditOutcome::MinorFailure, patientEntity,
                          {{QStringLiteral("reason"), revoked.error().message}});
            return failure(revoked.error());
        }
        // A grant an approval committed while this withdrawal was being written: found now (the
        // approval looks for the withdrawal after its own commit too).
        auto late = grantsNaming(patient);
        if (!late)
            return failure(late.error());
        QStringList all = *revoked;
        for (const QString &id : std::as_const(*late)) {
            if (auto r = revokeOne(call, id, reason, QStringLiteral("consent-withdrawn")); !r)
                return failure(r.error());
            all << id;
        }
        // The data delivered under them, and its sealed keys, go with them (R-7.2.4e).
        for (const QString &id : std::as_const(all)) {
            if (auto purged = store.purgeDelivery(id); !purged)
                return failure(purged.error());
        }
        QJsonArray ids;
        for (const QString &id : std::as_const(all))
            ids.append(id);
        // The ids for those who manage grants; a clinician learns how many, not which.
        if (!hasRole(call, {QStringLiteral("system-admin"), QStringLiteral("data-manager")}))
            return jsonResponse(200, QJsonObject{{QStringLiteral("count"), ids.size()}});
        return jsonResponse(
            200, QJsonObject{{QStringLiteral("revoked"), ids}, {QStringLiteral("count"), ids.size()}});
    }

    // R-6.3.4 c: the revoked grants, signed with the witness key the workstations pinned; a
    // workstation's certificate suffices (the link asks at every pass, with nobody signed in).
    Response signedGrantRevocations(const Call &call)
    {
        if (!call.request.peer.workstationProfile)
            return problem(403, QStringLiteral("Not a workstation certificate"),
                           QStringLiteral("the signed grant revocations are for the site's workstations"));
        auto all = store.grantRevocations();
        if (!all)
            return failure(all.error());
        QStringList ids;
        QJsonArray out;
        for (const GrantRevocation &r : *all) {
            ids << r.grantId;
            out.append(QJsonObject{{QStringLiteral("grant"), r.grantId},
                                   {QStringLiteral("revokedAt"), r.revokedAt.toString(Qt::ISODateWithMs)}});
        }
        const QDateTime issuedAt = clock.now().toUTC();
        auto signature = keys.witnessKey.sign(net::grantRevocationsStatement(issuedAt, ids));
        if (!signature)
            return failure(signature.error());
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("revoked"), out},
                                        {QStringLiteral("issuedAt"), issuedAt.toString(Qt::ISODateWithMs)},
                                        {QStringLiteral("signature"), base64(*signature)}});
    }

    // ---- delivery under a grant (R-5.2k-l, R-7.2.4e) ------------------------------------------
    // The grant a delivery call names, in force and not revoked; an ended or revoked one has its
    // delivery purged here and is answered 410.
    Result<std::pair<StoredGrant, access::GrantDocument>> grantInForce(const QString &grantId)
    {
        auto found = store.grant(grantId);
        if (!found)
            return found.error();
        if (!*found)
            return makeError(Error::Code::NotFound, QStringLiteral("no grant %1").arg(grantId));
        auto document = access::GrantDocument::open((*found)->envelope, keys.witnessKey.publicKey());
        if (!document)
            return document.error();
        const QDateTime now = clock.now().toUTC();
        if ((*found)->revokedAt.isValid() || now >= document->notAfter) {
            (void)store.purgeDelivery(grantId);
            return makeError(Error::Code::Cancelled,
                             QStringLiteral("grant %1 has ended or was revoked").arg(grantId));
        }
        return std::pair<StoredGrant, access::GrantDocument>{**found, *document};
    }

    // An attestation: `expected`, signed in an envelope with the certificate the caller connects with.
    static Result<void> attestedByCaller(const Call &call, const QByteArray &envelopeBytes,
                                         const QByteArray &expected)
    {
        auto envelope = net::parseDocumentEnvelope(envelopeBytes);
        if (!envelope)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("the attestation is not a signed envelope"));
        auto certificate = crypto::Certificate::fromPem(envelope->certificatePem);
        if (!certificate || certificate->fingerprint() != call.request.peer.fingerprint)
            return makeError(
                Error::Code::PermissionDenied,
                QStringLiteral("the attestation is signed with another certificate than the caller's"));
        if (envelope->document != expected ||
            !certificate->publicKey().verify(envelope->document, envelope->signature))
            return makeError(Error::Code::PermissionDenied,
                             QStringLiteral("the attestation does not match what it comes with"));
        return {};
    }

    Response deliveryFailure(const Call &call, const QString &type, const QString &grantId,
                             const Error &error)
    {
        recordRefusal(call, type, audit::AuditAction::Update, audit::AuditOutcome::MinorFailure,
                      {entity(QStringLiteral("grant"), grantId)},
                      {{QStringLiteral("reason"), error.message.left(200)}});
        if (error.code == Error::Code::Cancelled) // the grant ended or was revoked
            return problem(410, QStringLiteral("Gone"), error.message);
        return failure(error);
    }

    // The grant's holder, on the workstation the grant is bound to, names the public key the data is
    // to be sealed for (an SM2 key made for this grant alone).
    Response setDeliveryRecipient(const Call &call)
    {
        const QString id = call.pathParameters.value(QStringLiteral("id"));
        const QString type = QStringLiteral("access.delivery-recipient");
        auto grant = grantInForce(id);
        if (!grant)
            return deliveryFailure(call, type, id, grant.error());
        const auto &[row, document] = *grant;
        if (row.subject != call.token->subject ||
            document.workstation != QString::fromLatin1(call.token->certificateThumbprint.toHex()))
            return deliveryFailure(
                call, type, id,
                makeError(Error::Code::PermissionDenied,
                          QStringLiteral("only the grant's holder, on its workstation, names "
                                         "the key its data is sealed for")));
        const QByteArray der = QByteArray::fromBase64(
            call.body.toObject().value(QLatin1String("publicKey")).toString().toLatin1());
        auto key = crypto::PublicKey::fromDer(der);
        if (!key || key->algorithm() != crypto::SignatureAlgorithm::Sm2)
            return deliveryFailure(
                call, type, id,
                makeError(Error::Code::InvalidArgument, QStringLiteral("an SM2 public key is needed")));
        const QByteArray attestation = QByteArray::fromBase64(
            call.body.toObject().value(QLatin1String("attestation")).toString().toLatin1());
        if (auto attested = attestedByCaller(call, attestation, net::deliveryRecipientDocument(id, der));
            !attested)
            return deliveryFailure(call, type, id, attested.error());
        if (auto audited =
                record(call, type, audit::AuditAction::Create, audit::AuditOutcome::Success,
                       {entity(QStringLiteral("grant"), id)},
                       {{QStringLiteral("key"), QString::fromLatin1(key->fingerprint().toHex().left(16))}});
            !audited)
            return failure(audited.error());
        if (auto stored = store.setDeliveryRecipient(id, der, attestation); !stored)
            return deliveryFailure(call, type, id, stored.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("grant"), id}});
    }

    // What waits for a data manager: grants in force whose holder named a key and that have no data yet.
    Response pendingDeliveries(const Call &call)
    {
        auto all = store.allGrants();
        if (!all)
            return failure(all.error());
        QJsonArray out;
        const QDateTime now = clock.now().toUTC();
        for (const StoredGrant &g : *all) {
            if (g.revokedAt.isValid() || g.notAfter <= now) {
                // Ended: whatever was delivered under it goes now (the holder's key is gone too).
                if (auto purged = store.purgeDelivery(g.id); !purged)
                    return failure(purged.error());
                continue;
            }
            auto delivery = store.delivery(g.id);
            if (!delivery)
                return failure(delivery.error());
            if (!*delivery || (*delivery)->recipientKey.isEmpty() || !(*delivery)->ciphertext.isEmpty() ||
                (*delivery)->purgedAt.isValid())
                continue;
            out.append(
                QJsonObject{{QStringLiteral("grant"), g.id},
                            {QStringLiteral("envelope"), base64(g.envelope)},
                            {QStringLiteral("recipientKey"), base64((*delivery)->recipientKey)},
                            {QStringLiteral("attestation"), base64((*delivery)->recipientAttestation)}});
        }
        // The patients who withdrew consent: left out of what a project or cohort grant delivers.
        auto withdrawn = store.withdrawnPatients();
        if (!withdrawn)
            return failure(withdrawn.error());
        if (auto audited =
                record(call, QStringLiteral("access.deliveries"), audit::AuditAction::Read,
                       audit::AuditOutcome::Success, {}, {{QStringLiteral("pending"), out.size()}});
            !audited)
            return failure(audited.error());
        return jsonResponse(
            200, QJsonObject{{QStringLiteral("deliveries"), out},
                             {QStringLiteral("withdrawnPatients"), QJsonArray::fromStringList(*withdrawn)},
                             {QStringLiteral("issuerKey"),
                              QString::fromLatin1(keys.witnessKey.publicKey().der().toBase64())}});
    }

    // A data manager uploads the data sealed with the per-grant key, and that key sealed for the
    // holder's public key; the server can open neither.
    Response putDelivery(const Call &call)
    {
        const QString id = call.pathParameters.value(QStringLiteral("id"));
        const QString type = QStringLiteral("access.deliver");
        auto grant = grantInForce(id);
        if (!grant)
            return deliveryFailure(call, type, id, grant.error());
        const QJsonObject body = call.body.toObject();
        const QByteArray ciphertext =
            QByteArray::fromBase64(body.value(QLatin1String("ciphertext")).toString().toLatin1());
        const QByteArray wrapped =
            QByteArray::fromBase64(body.value(QLatin1String("wrappedKey")).toString().toLatin1());
        if (ciphertext.size() < 28 || wrapped.isEmpty())
            return deliveryFailure(
                call, type, id,
                makeError(Error::Code::InvalidArgument, QStringLiteral("sealed data and key needed")));
        const QByteArray attestation =
            QByteArray::fromBase64(body.value(QLatin1String("attestation")).toString().toLatin1());
        if (auto attested =
                attestedByCaller(call, attestation, net::deliveryDocument(id, ciphertext, wrapped));
            !attested)
            return deliveryFailure(call, type, id, attested.error());
        if (auto audited = record(
                call, type, audit::AuditAction::Create, audit::AuditOutcome::Success,
                {entity(QStringLiteral("grant"), id)},
                {{QStringLiteral("bytes"), ciphertext.size()},
                 {QStringLiteral("sha256"),
                  QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sha256, ciphertext).toHex())}});
            !audited)
            return failure(audited.error());
        if (auto stored = store.putDelivery(id, ciphertext, wrapped, attestation, call.token->subject);
            !stored)
            return deliveryFailure(call, type, id, stored.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("grant"), id}});
    }

    // The holder fetches the sealed data, on the grant's workstation, while the grant is in force.
    Response getDelivery(const Call &call)
    {
        const QString id = call.pathParameters.value(QStringLiteral("id"));
        const QString type = QStringLiteral("access.delivery-fetch");
        auto grant = grantInForce(id);
        if (!grant)
            return deliveryFailure(call, type, id, grant.error());
        const auto &[row, document] = *grant;
        if (row.subject != call.token->subject ||
            document.workstation != QString::fromLatin1(call.token->certificateThumbprint.toHex()))
            return deliveryFailure(
                call, type, id,
                makeError(Error::Code::PermissionDenied,
                          QStringLiteral("the data is the grant holder's, on its workstation")));
        auto delivery = store.delivery(id);
        if (!delivery)
            return failure(delivery.error());
        if (!*delivery || (*delivery)->ciphertext.isEmpty())
            return problem(404, QStringLiteral("Not delivered yet"),
                           QStringLiteral("the providing site has not prepared the data yet"));
        if (auto audited = record(call, type, audit::AuditAction::Read, audit::AuditOutcome::Success,
                                  {entity(QStringLiteral("grant"), id)},
                                  {{QStringLiteral("bytes"), (*delivery)->ciphertext.size()}});
            !audited)
            return failure(audited.error());
        return jsonResponse(
            200,
            QJsonObject{{QStringLiteral("grant"), id},
                        {QStringLiteral("ciphertext"), base64((*delivery)->ciphertext)},
                        {QStringLiteral("wrappedKey"), base64((*delivery)->wrappedKey)},
                        {QStringLiteral("attestation"), base64((*delivery)->deliveryAttestation)},
                        {QStringLiteral("preparedBy"), (*delivery)->preparedBy},
                        {QStringLiteral("preparedAt"), (*delivery)->preparedAt.toString(Qt::ISODateWithMs)}});
    }

    // R-6.3.5: the permission audit: every grant with its subject, request, scope and window, and its
    // revocation; and per user, how many requests they made and how they ended.
    Response grantAudit(const Call &call)
    {
        auto grants = store.allGrants();
        if (!grants)
            return failure(grants.error());
        QJsonArray out;
        for (const StoredGrant &g : *grants) {
            QJsonObject row{{QStringLiteral("id"), g.id},
                            {QStringLiteral("request"), g.requestNumber},
                            {QStringLiteral("subject"), g.subject},
                            {QStringLiteral("issued"), g.issued.toString(Qt::ISODateWithMs)},
                            {QStringLiteral("notAfter"), g.notAfter.toString(Qt::ISODateWithMs)}};
            if (auto document = access::GrantDocument::open(g.envelope, keys.witnessKey.publicKey())) {
                row.insert(QStringLiteral("notBefore"), document->notBefore.toString(Qt::ISODateWithMs));
                // Which patients a grant names is the grant's business: the audit shows how many.
                QJsonObject scope = document->scope.toJson();
                scope.remove(QStringLiteral("patients"));
                scope.insert(QStringLiteral("patientCount"), int(document->scope.patients.size()));
                row.insert(QStringLiteral("scope"), scope);
                row.insert(QStringLiteral("approvers"), QJsonArray::fromStringList(document->approvers));
                row.insert(QStringLiteral("workstation"), document->workstation);
            }
            if (g.revokedAt.isValid()) {
                row.insert(QStringLiteral("revokedAt"), g.revokedAt.toString(Qt::ISODateWithMs));
                row.insert(QStringLiteral("revokedBy"), g.revokedBy);
                row.insert(QStringLiteral("revocationReason"), g.revocationReason);
            }
            out.append(row);
        }
        auto requests = store.accessRequests(QString(), {});
        if (!requests)
            return failure(requests.error());
        QMap<QString, QMap<QString, int>> perUser;
        for (const StoredAccessRequest &r : *requests)
            ++perUser[r.requester][r.status];
        QJsonObject users;
        for (auto it = perUser.cbegin(); it != perUser.cend(); ++it) {
            QJsonObject counts;
            for (auto c = it.value().cbegin(); c != it.value().cend(); ++c)
                counts.insert(c.key(), c.value());
            users.insert(it.key(), counts);
        }
        auto accounts = store.listAccounts();
        if (!accounts)
            return failure(accounts.error());
        QJsonArray accountRows;
        for (const AccountRecord &account : *accounts)
            accountRows.append(accountJson(account));
        if (auto audited = record(call, QStringLiteral("access.audit"), audit::AuditAction::Read,
                                  audit::AuditOutcome::Success, {}, {{QStringLiteral("grants"), out.size()}});
            !audited)
            return failure(audited.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("grants"), out},
                                             {QStringLiteral("requests"), users},
                                             {QStringLiteral("accounts"), accountRows}});
    }

    Response revocations(const Call &)
    {
        auto all = store.revokedSerials();
        if (!all)
            return failure(all.error());
        QJsonArray out;
        for (const RevokedSerial &revoked : *all)
            out.append(
                QJsonObject{{QStringLiteral("serial"), revoked.serialHex},
                            {QStringLiteral("revokedAt"), revoked.revokedAt.toString(Qt::ISODateWithMs)},
                            {QStringLiteral("reason"), revoked.reason}});
        return jsonResponse(200, QJsonObject{{QStringLiteral("revoked"), out}});
    }

    // R-9.2: the revocations pushed to the workstations: the server's own list and the CA's, signed
    // with the witness key the workstations pinned. A workstation's certificate suffices (the link
    // asks at every pass, with nobody signed in).
    Response signedRevocations(const Call &call)
    {
        if (!call.request.peer.workstationProfile)
            return problem(403, QStringLiteral("Not a workstation certificate"),
                           QStringLiteral("the signed revocations are for the site's workstations"));
        auto all = store.revokedSerials();
        if (!all)
            return failure(all.error());
        QByteArray crlPem;
        if (!options.crlFile.isEmpty()) {
            QFile file(options.crlFile);
            if (file.open(QIODevice::ReadOnly))
                crlPem = file.read(qint64(4) << 20);
        }
        QStringList serials;
        QJsonArray out;
        for (const RevokedSerial &revoked : *all) {
            serials << revoked.serialHex;
            out.append(
                QJsonObject{{QStringLiteral("serial"), revoked.serialHex},
                            {QStringLiteral("revokedAt"), revoked.revokedAt.toString(Qt::ISODateWithMs)}});
        }
        const QDateTime issuedAt = clock.now().toUTC();
        auto signature = keys.witnessKey.sign(net::revocationsStatement(issuedAt, serials, crlPem));
        if (!signature)
            return failure(signature.error());
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("revoked"), out},
                                        {QStringLiteral("crl"), QString::fromLatin1(crlPem)},
                                        {QStringLiteral("issuedAt"), issuedAt.toString(Qt::ISODateWithMs)},
                                        {QStringLiteral("signature"), base64(*signature)}});
    }

    Response latestDocument(const Call &call)
    {
        auto document = store.latestDocument(call.pathParameters.value(QStringLiteral("kind")));
        if (!document)
            return failure(document.error());
        if (!*document)
            return problem(404, QStringLiteral("No document of that kind"));
        return jsonResponse(200, QJsonObject{{QStringLiteral("kind"), (*document)->kind},
                                             {QStringLiteral("version"), double((*document)->version)},
                                             {QStringLiteral("envelope"), base64((*document)->envelope)},
                                             {QStringLiteral("published"),
                                              (*document)->published.toString(Qt::ISODateWithMs)}});
    }

    Response documentVersions(const Call &call)
    {
        auto versions = store.documentVersions(call.pathParameters.value(QStringLiteral("kind")));
        if (!versions)
            return failure(versions.error());
        if (versions->isEmpty())
            return problem(404, QStringLiteral("No document of that kind"));
        QJsonArray out;
        for (const PublishedDocument &document : *versions) {
            QJsonObject version{{QStringLiteral("version"), double(document.version)},
                                {QStringLiteral("published"), document.published.toString(Qt::ISODateWithMs)},
                                {QStringLiteral("sha256"),
                                 base64(crypto::hash(crypto::HashAlgorithm::Sha256, document.envelope))}};
            if (auto envelope = net::parseDocumentEnvelope(document.envelope)) {
                version.insert(QStringLiteral("publishedBy"), envelope->publishedBy);
                if (auto signer = crypto::Certificate::fromPem(envelope->certificatePem))
                    version.insert(QStringLiteral("signer"), signer->commonName());
            }
            out.append(version);
        }
        return jsonResponse(200, QJsonObject{{QStringLiteral("kind"), versions->first().kind},
                                             {QStringLiteral("versions"), out}});
    }

    // R-9.2 permission sync: a document is published only in an envelope signed by the caller's own
    // workstation certificate and in the caller's own name, so every workstation that receives it can
    // tell which workstation and which person published it (verifyDocumentEnvelope) and the server
    // cannot be handed a policy someone else signed.
    Response publishDocument(const Call &call)
    {
        const QJsonObject body = call.body.toObject();
        PublishedDocument document;
        document.kind = body.value(QLatin1String("kind")).toString();
        document.version = qint64(body.value(QLatin1String("version")).toDouble());
        document.envelope = fromBase64(body.value(QLatin1String("envelope")));
        document.published = clock.now();
        const QList<audit::AuditEntity> what{
            entity(QStringLiteral("document"),
                   document.kind + QLatin1Char(':') + QString::number(document.version))};
        auto refuse = [&](int status, const QString &title, const QString &reason,
                          audit::AuditOutcome outcome) {
            recordRefusal(call, QStringLiteral("policy.publish"), audit::AuditAction::Create, outcome, what,
                          {{QStringLiteral("reason"), reason}});
            return problem(status, title, reason);
        };
        auto envelope = net::parseDocumentEnvelope(document.envelope);
        if (!envelope)
            return refuse(400, QStringLiteral("Not a document envelope"), envelope.error().message,
                          audit::AuditOutcome::MinorFailure);
        auto certificate = crypto::Certificate::fromPem(envelope->certificatePem);
        if (!certificate)
            return refuse(400, QStringLiteral("Not a document envelope"),
                          QStringLiteral("the envelope's certificate is unreadable"),
                          audit::AuditOutcome::MinorFailure);
        if (certificate->fingerprint() != call.request.peer.fingerprint ||
            !call.request.peer.workstationProfile)
            return refuse(403, QStringLiteral("Not the caller's certificate"),
                          QStringLiteral("a document is signed with the certificate of the workstation that "
                                         "publishes it"),
                          audit::AuditOutcome::SeriousFailure);
        if (!certificate->publicKey().verify(envelope->document, envelope->signature))
            return refuse(403, QStringLiteral("Forged document"),
                          QStringLiteral("the signature does not verify with the envelope's certificate"),
                          audit::AuditOutcome::SeriousFailure);
        if (!isSelf(call, envelope->publishedBy))
            return refuse(403, QStringLiteral("Published in another name"),
                          QStringLiteral("publishedBy must be the signed-in account"),
                          audit::AuditOutcome::SeriousFailure);
        if (auto audited = record(call, QStringLiteral("policy.publish"), audit::AuditAction::Create,
                                  audit::AuditOutcome::Success, what,
                                  {{QStringLiteral("sha256"),
                                    base64(crypto::hash(crypto::HashAlgorithm::Sha256, document.envelope))}});
            !audited)
            return failure(audited.error());
        if (auto published = store.publish(document); !published) {
            recordRefusal(call, QStringLiteral("policy.publish"), audit::AuditAction::Create,
                          audit::AuditOutcome::MinorFailure, what,
                          {{QStringLiteral("reason"), published.error().message}});
            return failure(published.error());
        }
        return jsonResponse(201, QJsonObject{{QStringLiteral("kind"), document.kind},
                                             {QStringLiteral("version"), double(document.version)}});
    }

    // ---- catalogue (R-9.2 catalogue query) ---------------------------------------------------
    // A workstation's certificate alone publishes its catalogue (no person is signed in when a
    // workstation tells what forms it holds); the schema lets metadata through and nothing else.
    Response publishCatalogue(const Call &call)
    {
        const QString workstation = call.request.peer.commonName;
        const QList<audit::AuditEntity> who{entity(QStringLiteral("workstation"), workstation)};
        if (!call.request.peer.workstationProfile) {
            recordRefusal(call, QStringLiteral("catalogue.publish"), audit::AuditAction::Update,
                          audit::AuditOutcome::MinorFailure, who,
                          {{QStringLiteral("reason"), QStringLiteral("not a workstation certificate")}});
            return problem(403, QStringLiteral("Not a workstation certificate"),
                           QStringLiteral("a catalogue is published with a workstation's certificate"));
        }
        if (call.request.body.size() > kMaxCatalogueBytes)
            return problem(413, QStringLiteral("Catalogue too large"),
                           QStringLiteral("a catalogue is at most %1 bytes").arg(kMaxCatalogueBytes));
        QList<CatalogueEntry> entries;
        for (const QJsonValue value : call.body.toObject().value(QLatin1String("entries")).toArray()) {
            const QJsonObject questionnaire = value.toObject();
            CatalogueEntry entry;
            entry.workstation = workstation;
            entry.entryId = questionnaire.value(QLatin1String("id")).toString();
            entry.version = questionnaire.value(QLatin1String("version")).toString();
            entry.title = questionnaire.value(QLatin1String("title")).toString();
            for (const QJsonValue item : questionnaire.value(QLatin1String("item")).toArray())
                entry.fieldKeys.append(item.toObject().value(QLatin1String("linkId")).toString());
            entry.resource = QJsonDocument(questionnaire).toJson(QJsonDocument::Compact);
            entries.append(std::move(entry));
        }
        if (auto valid = checkCatalogueIds(entries); !valid) {
            recordRefusal(call, QStringLiteral("catalogue.publish"), audit::AuditAction::Update,
                          audit::AuditOutcome::MinorFailure, who,
                          {{QStringLiteral("reason"), valid.error().message}});
            return failure(valid.error());
        }
        if (auto audited =
                record(call, QStringLiteral("catalogue.publish"), audit::AuditAction::Update,
                       audit::AuditOutcome::Success, who, {{QStringLiteral("entries"), int(entries.size())}});
            !audited)
            return failure(audited.error());
        if (auto replaced = store.replaceCatalogue(workstation, entries); !replaced)
            return failure(replaced.error());
        return jsonResponse(200, QJsonObject{{QStringLiteral("workstation"), workstation},
                                             {QStringLiteral("entries"), int(entries.size())}});
    }

    // Two entries of one id in one publication: refused before anything is recorded as done.
    static Result<void> checkCatalogueIds(const QList<CatalogueEntry> &entries)
    {
        QSet<QString> ids;
        for (const CatalogueEntry &entry : entries) {
            if (ids.contains(entry.entryId))
                return makeError(Error::Code::InvalidArgument,
                                 QStringLiteral("Questionnaire %1 is given twice").arg(entry.entryId));
            ids.insert(entry.entryId);
        }
        return {};
    }

    Response searchCatalogue(const Call &call)
    {
        CatalogueQuery query;
        query.titleContains = call.request.queryValue(u"title");
        query.fieldKey = call.request.queryValue(u"field");
        auto entries = store.catalogue(query);
        if (!entries)
            return failure(entries.error());
        QJsonArray found;
        for (const CatalogueEntry &entry : *entries) {
            const QJsonObject resource = catalogueResource(entry);
            found.append(QJsonObject{
                {QStringLiteral("fullUrl"),
                 QStringLiteral("Questionnaire/") + resource.value(QLatin1String("id")).toString()},
                {QStringLiteral("resource"), resource},
                {QStringLiteral("search"), QJsonObject{{QStringLiteral("mode"), QStringLiteral("match")}}}});
        }
        return jsonResponse(
            200, QJsonObject{{QStringLiteral("resourceType"), QStringLiteral("Bundle")},
                             {QStringLiteral("type"), QStringLiteral("searchset")},
                             {QStringLiteral("timestamp"), clock.now().toString(Qt::ISODateWithMs)},
                             {QStringLiteral("total"), int(found.size())},
                             {QStringLiteral("entry"), found}});
    }

    Response readQuestionnaire(const Call &call)
    {
        const QString id = call.pathParameters.value(QStringLiteral("id"));
        auto entries = store.catalogue();
        if (!entries)
            return failure(entries.error());
        for (const CatalogueEntry &entry : *entries) {
            if (catalogueId(entry.workstation, entry.entryId) == id)
                return jsonResponse(200, catalogueResource(entry));
        }
        return problem(404, QStringLiteral("No such Questionnaire"));
    }
};

GrantService::GrantService(ServerStore &store, Gateway &gateway, ServerKeys keys,
                           audit::AuditLog *serverAudit, const Clock &clock, GrantServiceOptions options)
    : d(std::make_unique<Impl>(store, gateway, std::move(keys), serverAudit, clock, std::move(options)))
{}

GrantService::~GrantService() = default;

const TokenAuthority &GrantService::tokens() const
{
    return d->tokens;
}

Result<void> GrantService::recordSystemEvent(const QString &type, const QJsonObject &detail)
{
    if (!d->serverAudit)
        return {};
    audit::AuditEvent event;
    event.type = type;
    event.action = audit::AuditAction::Execute;
    event.outcome = audit::AuditOutcome::Success;
    event.agent.userId = QStringLiteral("mdp-grantd");
    event.agent.nodeId = d->options.nodeId;
    event.source = d->options.nodeId;
    event.entities << audit::AuditEntity{QStringLiteral("server"), d->options.nodeId};
    event.detail = detail;
    auto written = d->appendAudited(std::move(event));
    if (!written)
        return written.error();
    return {};
}

std::optional<QJsonObject> GrantService::lastSystemEvent() const
{
    if (!d->serverAudit)
        return std::nullopt;
    auto last = d->serverAudit->lastRecordFor({QStringLiteral("server"), d->options.nodeId});
    if (!last || !last.value())
        return std::nullopt;
    return last.value()->event.detail;
}

void GrantService::registerRoutes()
{
    Impl *impl = d.get();
    // R-7.4.1: refusals of an identified caller (token, role, revoked certificate) are security events,
    // answers of 500 and above errors, both in the server's chain.
    d->gateway.setRefusalRecorder([impl](const Request &request, const QString &endpoint, int status,
                                         const QString &user, const QString &detail) {
        if (!impl->serverAudit)
            return;
        audit::AuditEvent event;
        event.type = status >= 500 ? QStringLiteral("system.error") : QStringLiteral("security.refusal");
        event.action = audit::AuditAction::Execute;
        event.outcome =
            status >= 500 ? audit::AuditOutcome::SeriousFailure : audit::AuditOutcome::MinorFailure;
        event.agent.userId = user.isEmpty() ? QStringLiteral("workstation") : user.left(64);
        event.agent.nodeId = request.peer.commonName.left(64);
        event.agent.networkAddress = request.sourceAddress;
        event.source = impl->options.nodeId;
        event.detail = {{QStringLiteral("status"), status},
                        {QStringLiteral("endpoint"), endpoint},
                        {QStringLiteral("reason"), detail.left(200)},
                        {QStringLiteral("certificate"), request.peer.serialHex}};
        if (auto written = impl->appendAudited(std::move(event)); !written)
            qCritical("mdp-grantd: an audit event could not be written: %s",
                      qPrintable(written.error().toString()));
    });
    // `reads`: the event a read of this route is recorded as (R-7.4.1 data access: "data.view" one
    // item, "data.query" a list or search, "data.download" what a workstation takes away), for the
    // routes whose handlers record nothing of their own.
    auto route = [&](const char *method, const QString &pattern, bool needsToken, QStringList roles,
                     Response (Impl::*handler)(const Call &), const char *reads = nullptr) {
        const QString readType = reads ? QString::fromLatin1(reads) : QString();
        d->gateway.addRoute(Route{
            QByteArray(method), pattern, QString(), needsToken, std::move(roles),
            [impl, handler, needsToken, readType, pattern](const Call &call) {
                if (needsToken) {
                    if (auto refused = impl->tokenStillValid(call))
                        return *refused;
                }
                Response response = (impl->*handler)(call);
                if (!readType.isEmpty()) {
                    QJsonObject detail{{QStringLiteral("route"), pattern},
                                       {QStringLiteral("status"), response.status}};
                    for (auto it = call.pathParameters.cbegin(); it != call.pathParameters.cend(); ++it)
                        detail.insert(it.key(), it.value().left(64));
                    if (const qsizetype q = call.request.target.indexOf(QLatin1Char('?')); q >= 0)
                        detail.insert(QStringLiteral("query"), call.request.target.mid(q + 1).left(200));
                    const audit::AuditOutcome outcome = response.status < 400
                                                            ? audit::AuditOutcome::Success
                                                            : audit::AuditOutcome::MinorFailure;
                    impl->recordRefusal(call, readType, audit::AuditAction::Read, outcome, {}, detail);
                }
                return response;
            }});
    };
    const QStringList admin{QStringLiteral("system-admin")};
    const QStringList anyone;
    route("GET", QStringLiteral("/health"), false, anyone, &Impl::health);
    route("GET", QStringLiteral("/metrics"), false, anyone, &Impl::metrics);
    route("GET", QStringLiteral("/openapi.json"), false, anyone, &Impl::openApi);
    route("POST", QStringLiteral("/v1/auth/prelogin"), false, anyone, &Impl::preLogin);
    route("POST", QStringLiteral("/v1/auth/token"), false, anyone, &Impl::signIn);
    route("POST", QStringLiteral("/v1/auth/totp"), true, anyone, &Impl::enrolTotp);
    route("PUT", QStringLiteral("/v1/auth/totp"), true, anyone, &Impl::confirmTotp);
    QStringList signedIn; // any real role: not a token that may only enrol a second factor
    for (accounts::Role role : accounts::allRoles())
        signedIn.append(accounts::roleId(role));
    route("GET", QStringLiteral("/v1/accounts"), true,
          {QStringLiteral("system-admin"), QStringLiteral("auditor")}, &Impl::listAccounts, "data.query");
    route("POST", QStringLiteral("/v1/accounts"), true, admin, &Impl::createAccount);
    route("GET", QStringLiteral("/v1/accounts/{userName}"), true, signedIn, &Impl::getAccount, "data.view");
    route("PUT", QStringLiteral("/v1/accounts/{userName}/credentials"), true, signedIn,
          &Impl::changeCredentials);
    route("POST", QStringLiteral("/v1/accounts/{userName}/credentials"), true, admin,
          &Impl::resetCredentials);
    route("PUT", QStringLiteral("/v1/accounts/{userName}/roles"), true, admin, &Impl::setRoles);
    route("POST", QStringLiteral("/v1/accounts/{userName}/lock"), true, admin, &Impl::lockAccount);
    route("DELETE", QStringLiteral("/v1/accounts/{userName}/lock"), true, admin, &Impl::unlockAccount);
    route("POST", QStringLiteral("/v1/sync/entries"), false, anyone, &Impl::pushSync);
    route("GET", QStringLiteral("/v1/sync/entries"), false, anyone, &Impl::pullSync, "data.download");
    route("POST", QStringLiteral("/v1/audit/shipments"), false, anyone, &Impl::shipAudit);
    route("GET", QStringLiteral("/v1/audit/heads"), true,
          {QStringLiteral("auditor"), QStringLiteral("system-admin")}, &Impl::auditHeads);
    route("GET", QStringLiteral("/v1/audit/server"), true,
          {QStringLiteral("auditor"), QStringLiteral("system-admin")}, &Impl::serverAuditHead);
    route("POST", QStringLiteral("/v1/pki/revocations"), true, admin, &Impl::revoke);
    route("GET", QStringLiteral("/v1/pki/revocations"), true, signedIn, &Impl::revocations, "data.query");
    route("GET", QStringLiteral("/v1/pki/revocations/signed"), false, anyone, &Impl::signedRevocations);
    route("GET", QStringLiteral("/v1/documents/{kind}"), true, signedIn, &Impl::latestDocument, "data.view");
    route("GET", QStringLiteral("/v1/documents/{kind}/versions"), true, signedIn, &Impl::documentVersions,
          "data.query");
    route("PUT", QStringLiteral("/v1/catalogue/workstations/self"), false, anyone, &Impl::publishCatalogue);
    route("GET", QStringLiteral("/v1/catalogue"), true, signedIn, &Impl::searchCatalogue, "data.query");
    route("POST", QStringLiteral("/v1/access/requests"), true, signedIn, &Impl::submitAccessRequest);
    route("GET", QStringLiteral("/v1/access/requests"), true, signedIn, &Impl::listAccessRequests,
          "data.query");
    route("GET", QStringLiteral("/v1/access/requests/{number}"), true, signedIn, &Impl::getAccessRequest,
          "data.view");
    route("POST", QStringLiteral("/v1/access/requests/{number}/decisions"), true, signedIn,
          &Impl::decideAccessRequest);
    route("POST", QStringLiteral("/v1/access/requests/{number}/answers"), true, signedIn,
          &Impl::answerAccessRequest);
    route("POST", QStringLiteral("/v1/access/requests/{number}/withdrawal"), true, signedIn,
          &Impl::withdrawAccessRequest);
    route("GET", QStringLiteral("/v1/access/grants"), true, signedIn, &Impl::myGrants, "data.query");
    route("POST", QStringLiteral("/v1/access/grants/{id}/revocation"), true,
          {QStringLiteral("system-admin"), QStringLiteral("data-manager")}, &Impl::revokeGrant);
    route("POST", QStringLiteral("/v1/access/consent-withdrawals"), true,
          {QStringLiteral("system-admin"), QStringLiteral("data-manager"), QStringLiteral("clinician")},
          &Impl::withdrawConsent);
    route("GET", QStringLiteral("/v1/access/revocations/signed"), false, anyone,
          &Impl::signedGrantRevocations);
    route("PUT", QStringLiteral("/v1/access/grants/{id}/recipient-key"), true, signedIn,
          &Impl::setDeliveryRecipient);
    route("GET", QStringLiteral("/v1/access/deliveries"), true,
          {QStringLiteral("system-admin"), QStringLiteral("data-manager")}, &Impl::pendingDeliveries);
    route("PUT", QStringLiteral("/v1/access/grants/{id}/delivery"), true,
          {QStringLiteral("system-admin"), QStringLiteral("data-manager")}, &Impl::putDelivery);
    route("GET", QStringLiteral("/v1/access/grants/{id}/delivery"), true, signedIn, &Impl::getDelivery);
    route("GET", QStringLiteral("/v1/fhir/Task"), true, signedIn, &Impl::ethicsTasks, "data.query");
    route("GET", QStringLiteral("/v1/fhir/Task/{number}"), true, signedIn, &Impl::ethicsTask, "data.view");
    route("PUT", QStringLiteral("/v1/fhir/Task/{number}"), true, signedIn, &Impl::updateEthicsTask);
    route("GET", QStringLiteral("/v1/access/audit"), true,
          {QStringLiteral("system-admin"), QStringLiteral("auditor")}, &Impl::grantAudit);
    route("GET", QStringLiteral("/v1/catalogue/Questionnaire/{id}"), true, signedIn, &Impl::readQuestionnaire,
          "data.view");
    route("POST", QStringLiteral("/v1/documents"), true,
          {QStringLiteral("system-admin"), QStringLiteral("data-manager")}, &Impl::publishDocument);
}

Result<AccountRecord> GrantService::bootstrapAccount(const QString &userName, const QString &displayName,
                                                     const QStringList &roles, const SecureBytes &password,
                                                     const QByteArray &bundle, const SecureBytes &totpSecret)
{
    const crypto::AccountKdf kdf = crypto::AccountKdf::fresh();
    auto keys = crypto::deriveAccountKeys(password, kdf);
    if (!keys)
        return keys.error();
    auto wrapped = crypto::wrapAccountBundle(*keys, userName, SecureBytes(bundle));
    if (!wrapped)
        return wrapped.error();
    auto verifier = d->hasher.hash(Impl::authSecret(keys->authenticationKey));
    if (!verifier)
        return verifier.error();
    AccountRecord account;
    account.userName = userName;
    account.displayName = displayName;
    account.roles = roles;
    account.kdfSalt = kdf.salt;
    account.kdfParameters = kdf.parametersJson();
    account.verifier = verifier->toLatin1();
    account.wrappedBundle = *wrapped;
    if (!totpSecret.isEmpty()) {
        TotpState state;
        state.secret = totpSecret;
        state.confirmed = true;
        auto sealed = d->sealTotp(state, userName);
        if (!sealed)
            return sealed.error();
        account.totpSecretSealed = *sealed;
    }
    if (d->serverAudit) {
        audit::AuditEvent event;
        event.type = QStringLiteral("account.create");
        event.action = audit::AuditAction::Create;
        event.agent.userId = QStringLiteral("system");
        event.agent.nodeId = d->options.nodeId;
        event.source = d->options.nodeId;
        event.entities = {Impl::entity(QStringLiteral("account"), userName)};
        event.detail = {{QStringLiteral("roles"), roles.join(QLatin1Char(','))},
                        {QStringLiteral("by"), QStringLiteral("bootstrap")}};
        if (auto written = d->appendAudited(std::move(event)); !written)
            return written.error();
    }
    return d->store.createAccount(account);
}

} // namespace mdp::server
