#include "SiteAccessHooks.h"

#include "mdp/net/GrantClient.h"
#include "mdp/net/Protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <mutex>

namespace mdp::workspace {

namespace {

// A request number or grant id as the server makes them: nothing else reaches a URL.
bool plainIdentifier(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    return pattern.match(id).hasMatch();
}

Error notConnected()
{
    return makeError(Error::Code::Unauthenticated,
                     QStringLiteral("This account has no session at the site server: sign in at the server "
                                    "(with its password) to send or decide access requests."));
}

} // namespace

struct SiteAccess::Impl
{
    std::unique_ptr<Hooks> hooks;
    mutable std::mutex mutex; // one call at a time on the one connection
    std::unique_ptr<net::GrantClient> client;
    QString accountId; // whose session `client` holds

    // The session's client when it belongs to the account signed in now.
    Result<net::GrantClient *> current(Session *who = nullptr)
    {
        const std::optional<Session> session = hooks->session();
        if (!session)
            return makeError(Error::Code::Unauthenticated, QStringLiteral("nobody is signed in"));
        if (!client || session->accountId != accountId)
            return notConnected();
        if (who)
            *who = *session;
        return client.get();
    }

    // One call, its answer as JSON; the server's refusal as an Error, an ended session as asking to
    // sign in again.
    Result<QJsonObject> call(const QByteArray &method, const QString &target, const QJsonObject &body = {})
    {
        auto c = current();
        if (!c)
            return c.error();
        auto result = (*c)->call(method, target, body);
        if (!result)
            return result.error();
        if (result->status / 100 != 2) {
            Error error = net::GrantClient::errorOf(*result);
            if (error.code == Error::Code::Unauthenticated) {
                client.reset();
                return makeError(Error::Code::Unauthenticated,
                                 QStringLiteral("The session at the site server has ended: sign in at the "
                                                "server again. (%1)")
                                     .arg(error.message));
            }
            return error;
        }
        return result->json();
    }

    // The workstation's own record of a step taken at the server (the server records it too).
    void note(const QString &type, audit::AuditAction action, const QList<audit::AuditEntity> &entities,
              QJsonObject detail, const Result<void> &outcome)
    {
        audit::AuditEvent event;
        event.type = type;
        event.action = action;
        event.outcome = outcome ? audit::AuditOutcome::Success : audit::AuditOutcome::MinorFailure;
        event.entities = entities;
        detail.insert(QStringLiteral("at"), QStringLiteral("site-server"));
        if (!outcome)
            detail.insert(QStringLiteral("reason"), outcome.error().message.left(200));
        event.detail = std::move(detail);
        if (auto r = hooks->record(std::move(event)); !r)
            qWarning("mdp: an access step could not be recorded here: %s", qPrintable(r.error().toString()));
    }

    Result<access::AccessRequest> requestFrom(const Result<QJsonObject> &answer)
    {
        if (!answer)
            return answer.error();
        return access::AccessRequest::fromJson(*answer);
    }

    Result<int> takeGrants()
    {
        Session who;
        auto c = current(&who);
        if (!c)
            return c.error();
        auto listed = call("GET", QStringLiteral("/v1/access/grants"));
        if (!listed)
            return listed.error();
        QList<QByteArray> envelopes;
        for (const QJsonValue g : listed->value(u"grants").toArray())
            envelopes << QByteArray::fromBase64(g.toObject().value(u"envelope").toString().toLatin1());
        return hooks->takeGrants(who.accountId, who.userName, envelopes,
                                 QByteArray::fromBase64(listed->value(u"issuerKey").toString().toLatin1()));
    }
};

SiteAccess::SiteAccess(std::unique_ptr<Hooks> hooks)
    : d(std::make_unique<Impl>())
{
    d->hooks = std::move(hooks);
}

SiteAccess::~SiteAccess() = default;

QString AccessDesk::agreementVersion()
{
    return QStringLiteral("DSA-2026-1");
}

QString AccessDesk::agreementText()
{
    return QStringLiteral(
        "数据共享协议 (DSA-2026-1) / Data-sharing agreement\n"
        "1. 仅将数据用于所述研究目的，不用于其他用途。Use the data only for the stated research purpose.\n"
        "2. 不尝试重新识别任何患者，不与其他数据关联以识别个人。Never try to re-identify a patient, alone or "
        "by linking other data.\n"
        "3. 不将数据转交他人或复制到授权工作站之外。Do not pass the data on or copy it off the authorised "
        "workstation.\n"
        "4. 授权到期或被撤销时，本地副本随密钥销毁。At the grant's end or revocation the local copy is "
        "destroyed with its key.\n"
        "5. 发表成果时注明数据来源，并遵守伦理委员会的要求。Acknowledge the source and follow the ethics "
        "committee's conditions when publishing.\n"
        "6. 所有访问均被审计。Every access is audited.");
}

bool SiteAccess::connected() const
{
    std::lock_guard lock(d->mutex);
    const std::optional<Session> session = d->hooks->session();
    return session && d->client && session->accountId == d->accountId;
}

Result<void> SiteAccess::connect(const SecureBytes &password, const QString &totpCode)
{
    std::lock_guard lock(d->mutex);
    const std::optional<Session> session = d->hooks->session();
    if (!session)
        return makeError(Error::Code::Unauthenticated, QStringLiteral("nobody is signed in"));
    auto link = d->hooks->link();
    if (!link)
        return link.error();
    net::TlsClientOptions options;
    options.host = link->host;
    options.port = link->port;
    options.serverName = link->serverName;
    options.caPem = link->caPem;
    options.certificatePem = link->certificatePem;
    options.privateKeyPem = link->privateKeyPem;
    options.timeoutMs = 8000;
    auto client = net::GrantClient::create(options);
    if (!client)
        return client.error();
    const QList<audit::AuditEntity> entities{{QStringLiteral("account"), session->accountId}};
    auto account = (*client)->signIn(session->userName, password, totpCode);
    if (account && account->userName.compare(session->userName, Qt::CaseInsensitive) != 0)
        account = makeError(Error::Code::PermissionDenied,
                            QStringLiteral("the site server answered for another account"));
    if (account && account->secondFactorEnrolmentRequired)
        account = makeError(Error::Code::PermissionDenied,
                            QStringLiteral("the site server asks this account to set up its second factor "
                                           "first"));
    if (!account) {
        d->note(QStringLiteral("access.site-session"), audit::AuditAction::Execute, entities, {},
                Result<void>(account.error()));
        if (account.error().code == Error::Code::Unauthenticated ||
            account.error().code == Error::Code::WrongPassphrase)
            return makeError(Error::Code::Unauthenticated,
                             QStringLiteral("The site server did not accept this password or code."));
        return account.error();
    }
    d->client = std::move(client.value());
    d->accountId = session->accountId;
    d->note(QStringLiteral("access.site-session"), audit::AuditAction::Execute, entities, {}, {});
    if (auto taken = d->takeGrants(); !taken)
        qWarning("mdp: the account's grants were not taken: %s", qPrintable(taken.error().toString()));
    return {};
}

void SiteAccess::adopt(std::unique_ptr<net::GrantClient> client, const QString &accountId)
{
    std::lock_guard lock(d->mutex);
    d->client = std::move(client);
    d->accountId = accountId;
}

void SiteAccess::drop()
{
    std::lock_guard lock(d->mutex);
    d->client.reset();
    d->accountId.clear();
}

Result<access::AccessRequest> SiteAccess::submit(const QString &purpose, const access::Scope &scope,
                                                 int durationDays, const QString &agreementVersion)
{
    std::lock_guard lock(d->mutex);
    auto answer = d->call("POST", QStringLiteral("/v1/access/requests"),
                          QJsonObject{{QStringLiteral("purpose"), purpose},
                                      {QStringLiteral("scope"), scope.toJson()},
                                      {QStringLiteral("durationDays"), durationDays},
                                      {QStringLiteral("agreement"), agreementVersion}});
    auto request = d->requestFrom(answer);
    d->note(QStringLiteral("access.request"), audit::AuditAction::Create,
            request ? QList<audit::AuditEntity>{{QStringLiteral("access-request"), request->number}}
                    : QList<audit::AuditEntity>{},
            {{QStringLiteral("project"), scope.project}, {QStringLiteral("level"), scope.maxLevel}},
            request ? Result<void>() : Result<void>(request.error()));
    return request;
}

Result<QList<access::AccessRequest>> SiteAccess::requests(View view)
{
    std::lock_guard lock(d->mutex);
    const QString name = view == View::Mine     ? QStringLiteral("mine")
                         : view == View::Ethics ? QStringLiteral("ethics")
                                                : QStringLiteral("approvals");
    auto answer = d->call("GET", QStringLiteral("/v1/access/requests?view=") + name);
    if (!answer)
        return answer.error();
    QList<access::AccessRequest> out;
    for (const QJsonValue value : answer->value(u"requests").toArray()) {
        auto request = access::AccessRequest::fromJson(value.toObject());
        if (request)
            out << *request;
    }
    return out;
}

Result<access::AccessRequest> SiteAccess::request(const QString &number)
{
    if (!plainIdentifier(number))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("not a request number: %1").arg(number));
    std::lock_guard lock(d->mutex);
    return d->requestFrom(d->call("GET", QStringLiteral("/v1/access/requests/") + number));
}

Result<access::AccessRequest> SiteAccess::decide(const QString &number, access::Verdict verdict,
                                                 const QString &reason, qint64 revision)
{
    if (!plainIdentifier(number))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("not a request number: %1").arg(number));
    std::lock_guard lock(d->mutex);
    QJsonObject body{{QStringLiteral("verdict"), access::verdictId(verdict)},
                     {QStringLiteral("revision"), double(revision)}};
    if (!reason.trimmed().isEmpty())
        body.insert(QStringLiteral("reason"), reason.trimmed());
    auto request =
        d->requestFrom(d->call("POST", QStringLiteral("/v1/access/requests/%1/decisions").arg(number), body));
    d->note(QStringLiteral("access.decision"), audit::AuditAction::Update,
            {{QStringLiteral("access-request"), number}},
            {{QStringLiteral("verdict"), access::verdictId(verdict)}},
            request ? Result<void>() : Result<void>(request.error()));
    return request;
}

Result<access::AccessRequest> SiteAccess::answer(const QString &number, const QString &purpose,
                                                 const access::Scope &scope, qint64 revision)
{
    if (!plainIdentifier(number))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("not a request number: %1").arg(number));
    std::lock_guard lock(d->mutex);
    auto request =
        d->requestFrom(d->call("POST", QStringLiteral("/v1/access/requests/%1/answers").arg(number),
                               QJsonObject{{QStringLiteral("purpose"), purpose},
                                           {QStringLiteral("scope"), scope.toJson()},
                                           {QStringLiteral("revision"), double(revision)}}));
    d->note(QStringLiteral("access.answer"), audit::AuditAction::Update,
            {{QStringLiteral("access-request"), number}}, {},
            request ? Result<void>() : Result<void>(request.error()));
    return request;
}

Result<access::AccessRequest> SiteAccess::withdraw(const QString &number, qint64 revision)
{
    if (!plainIdentifier(number))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("not a request number: %1").arg(number));
    std::lock_guard lock(d->mutex);
    auto request =
        d->requestFrom(d->call("POST", QStringLiteral("/v1/access/requests/%1/withdrawal").arg(number),
                               QJsonObject{{QStringLiteral("revision"), double(revision)}}));
    d->note(QStringLiteral("access.withdraw"), audit::AuditAction::Update,
            {{QStringLiteral("access-request"), number}}, {},
            request ? Result<void>() : Result<void>(request.error()));
    return request;
}

Result<void> SiteAccess::revokeGrant(const QString &grantId, const QString &reason)
{
    if (!plainIdentifier(grantId))
        return makeError(Error::Code::InvalidArgument, QStringLiteral("not a grant id: %1").arg(grantId));
    if (reason.trimmed().size() < 3)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("say why the grant is revoked"));
    std::lock_guard lock(d->mutex);
    auto answer = d->call("POST", QStringLiteral("/v1/access/grants/%1/revocation").arg(grantId),
                          QJsonObject{{QStringLiteral("reason"), reason.trimmed()}});
    const Result<void> outcome = answer ? Result<void>() : Result<void>(answer.error());
    d->note(QStringLiteral("access.revoke"), audit::AuditAction::Update, {{QStringLiteral("grant"), grantId}},
            {}, outcome);
    return outcome;
}

Result<QStringList> SiteAccess::withdrawConsent(const QString &pseudonym, const QString &reason)
{
    if (!plainIdentifier(pseudonym))
        return makeError(Error::Code::InvalidArgument, QStringLiteral("not a pseudonym: %1").arg(pseudonym));
    if (reason.trimmed().size() < 3)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("say why consent was withdrawn"));
    std::lock_guard lock(d->mutex);
    auto answer = d->call(
        "POST", QStringLiteral("/v1/access/consent-withdrawals"),
        QJsonObject{{QStringLiteral("patient"), pseudonym}, {QStringLiteral("reason"), reason.trimmed()}});
    QStringList revoked; // the ids for a data manager or administrator; a clinician is told the count only
    if (answer) {
        for (const QJsonValue id : answer->value(u"revoked").toArray())
            revoked << id.toString();
        for (int i = int(revoked.size()); i < answer->value(u"count").toInt(); ++i)
            revoked << QString();
    }
    d->note(QStringLiteral("access.consent-withdrawal"), audit::AuditAction::Update,
            {{QStringLiteral("patient"), pseudonym}},
            {{QStringLiteral("grantsRevoked"), int(revoked.size())}},
            answer ? Result<void>() : Result<void>(answer.error()));
    if (!answer)
        return answer.error();
    return revoked;
}

Result<QJsonObject> SiteAccess::permissionAudit()
{
    std::lock_guard lock(d->mutex);
    auto answer = d->call("GET", QStringLiteral("/v1/access/audit"));
    d->note(QStringLiteral("access.audit"), audit::AuditAction::Read, {}, {},
            answer ? Result<void>() : Result<void>(answer.error()));
    return answer;
}

Result<void> SiteAccess::publishRecipientKey(const QString &grantId, const QByteArray &publicKeyDer)
{
    if (!plainIdentifier(grantId))
        return makeError(Error::Code::InvalidArgument, QStringLiteral("not a grant id: %1").arg(grantId));
    std::lock_guard lock(d->mutex);
    Session who;
    auto client = d->current(&who);
    if (!client)
        return client.error();
    // Signed with this workstation's certificate key: the provider checks it is the grant's workstation.
    auto attestation =
        (*client)->signedEnvelope(net::deliveryRecipientDocument(grantId, publicKeyDer), who.userName);
    if (!attestation)
        return attestation.error();
    auto answer =
        d->call("PUT", QStringLiteral("/v1/access/grants/%1/recipient-key").arg(grantId),
                QJsonObject{{QStringLiteral("publicKey"), QString::fromLatin1(publicKeyDer.toBase64())},
                            {QStringLiteral("attestation"), QString::fromLatin1(attestation->toBase64())}});
    if (!answer)
        return answer.error();
    return {};
}

Result<std::optional<AccessDesk::SealedDelivery>> SiteAccess::fetchDelivery(const QString &grantId)
{
    if (!plainIdentifier(grantId))
        return makeError(Error::Code::InvalidArgument, QStringLiteral("not a grant id: %1").arg(grantId));
    std::lock_guard lock(d->mutex);
    auto answer = d->call("GET", QStringLiteral("/v1/access/grants/%1/delivery").arg(grantId));
    if (!answer) {
        if (answer.error().code == Error::Code::NotFound)
            return std::optional<SealedDelivery>(); // not prepared yet
        return answer.error();
    }
    SealedDelivery sealed{QByteArray::fromBase64(answer->value(u"ciphertext").toString().toLatin1()),
                          QByteArray::fromBase64(answer->value(u"wrappedKey").toString().toLatin1()),
                          QByteArray::fromBase64(answer->value(u"attestation").toString().toLatin1())};
    if (sealed.ciphertext.isEmpty() || sealed.wrappedKey.isEmpty())
        return makeError(Error::Code::Corrupt, QStringLiteral("the site server sent an empty delivery"));
    return std::optional<SealedDelivery>(sealed);
}

Result<QList<AccessDesk::PendingDelivery>> SiteAccess::pendingDeliveries()
{
    std::lock_guard lock(d->mutex);
    auto answer = d->call("GET", QStringLiteral("/v1/access/deliveries"));
    if (!answer)
        return answer.error();
    const QByteArray issuer = QByteArray::fromBase64(answer->value(u"issuerKey").toString().toLatin1());
    QStringList withdrawn;
    for (const QJsonValue value : answer->value(u"withdrawnPatients").toArray())
        withdrawn << value.toString();
    QList<PendingDelivery> out;
    for (const QJsonValue value : answer->value(u"deliveries").toArray()) {
        const QJsonObject o = value.toObject();
        out << PendingDelivery{o.value(u"grant").toString(),
                               QByteArray::fromBase64(o.value(u"envelope").toString().toLatin1()),
                               QByteArray::fromBase64(o.value(u"recipientKey").toString().toLatin1()),
                               QByteArray::fromBase64(o.value(u"attestation").toString().toLatin1()),
                               issuer,
                               withdrawn};
    }
    return out;
}

Result<void> SiteAccess::putDelivery(const QString &grantId, const SealedDelivery &sealed)
{
    if (!plainIdentifier(grantId))
        return makeError(Error::Code::InvalidArgument, QStringLiteral("not a grant id: %1").arg(grantId));
    std::lock_guard lock(d->mutex);
    Session who;
    auto client = d->current(&who);
    if (!client)
        return client.error();
    // The provider's signature over what it sends: the holder checks it came from a site workstation.
    auto attestation = (*client)->signedEnvelope(
        net::deliveryDocument(grantId, sealed.ciphertext, sealed.wrappedKey), who.userName);
    if (!attestation)
        return attestation.error();
    auto answer =
        d->call("PUT", QStringLiteral("/v1/access/grants/%1/delivery").arg(grantId),
                QJsonObject{{QStringLiteral("ciphertext"), QString::fromLatin1(sealed.ciphertext.toBase64())},
                            {QStringLiteral("wrappedKey"), QString::fromLatin1(sealed.wrappedKey.toBase64())},
                            {QStringLiteral("attestation"), QString::fromLatin1(attestation->toBase64())}});
    if (!answer)
        return answer.error();
    return {};
}

Result<int> SiteAccess::refreshGrants()
{
    std::lock_guard lock(d->mutex);
    return d->takeGrants();
}

} // namespace mdp::workspace
