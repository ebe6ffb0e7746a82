#include "mdp/net/GrantClient.h"

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Hash.h"
#include "mdp/net/Protocol.h"
#include "mdp/pki/PrivateKeyPem.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

namespace mdp::net {

namespace {

QString base64(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toBase64());
}

Error errorOf(const HttpResult &result)
{
    const QString detail = result.problemDetail();
    switch (result.status) {
    case 401:
        return makeError(Error::Code::Unauthenticated, detail);
    case 403:
        return makeError(Error::Code::PermissionDenied, detail);
    case 404:
        return makeError(Error::Code::NotFound, detail);
    case 409:
        return makeError(Error::Code::Conflict, detail);
    case 410: // what the call names has ended (a grant, its data)
        return makeError(Error::Code::Cancelled, detail);
    case 423:
        return makeError(Error::Code::Locked, detail);
    case 429:
        return makeError(Error::Code::Locked,
                         QStringLiteral("%1 (retry after %2 s)")
                             .arg(detail, QString::fromLatin1(result.header("retry-after"))));
    default:
        return makeError(result.status >= 500 ? Error::Code::Io : Error::Code::InvalidArgument, detail);
    }
}

QByteArray entryStatement(const OutgoingEntry &entry)
{
    return syncEntryStatement(entry.entryId, entry.kind, entry.objectId, entry.revision, entry.ciphertext);
}

} // namespace

struct GrantClient::Impl
{
    std::unique_ptr<HttpsClient> http;
    crypto::SigningKey entryKey;
    QByteArray certificatePem;
    QString token;
    QString userName; // the account signed in through this client
};

GrantClient::GrantClient()
    : d(std::make_unique<Impl>())
{}
GrantClient::~GrantClient() = default;

Result<std::unique_ptr<GrantClient>> GrantClient::create(const TlsClientOptions &options)
{
    auto http = HttpsClient::create(options);
    if (!http)
        return http.error();
    std::unique_ptr<GrantClient> client(new GrantClient);
    client->d->http = std::move(*http);
    client->d->certificatePem = options.certificatePem;
    // The TLS key (unencrypted PKCS#8, as `mdp pki issue` writes it) signs the sync entries too.
    if (auto der = pki::privateKeyDerFromPem(options.privateKeyPem)) {
        if (auto key = crypto::SigningKey::fromPrivateDer(der->view()))
            client->d->entryKey = *key;
    }
    return client;
}

HttpsClient &GrantClient::http()
{
    return *d->http;
}

QString GrantClient::accessToken() const
{
    return d->token;
}

void GrantClient::setAccessToken(const QString &token)
{
    d->token = token;
}

Result<HttpResult> GrantClient::call(const QByteArray &method, const QString &target, const QJsonObject &body)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!d->token.isEmpty())
        headers.append({QByteArray("Authorization"), "Bearer " + d->token.toLatin1()});
    return d->http->request(
        method, target, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
        headers);
}

Result<SignedInAccount> GrantClient::signIn(const QString &userName, const SecureBytes &password,
                                            const QString &code)
{
    auto pre = call("POST", QStringLiteral("/v1/auth/prelogin"), {{QStringLiteral("userName"), userName}});
    if (!pre)
        return pre.error();
    if (pre->status != 200)
        return errorOf(*pre);
    auto kdf = crypto::AccountKdf::fromJson(
        pre->json().value(QLatin1String("kdfParameters")).toString(),
        QByteArray::fromBase64(pre->json().value(QLatin1String("kdfSalt")).toString().toLatin1()));
    if (!kdf)
        return kdf.error();
    auto keys = crypto::deriveAccountKeys(password, *kdf);
    if (!keys)
        return keys.error();
    QJsonObject body{{QStringLiteral("userName"), userName},
                     {QStringLiteral("authKey"), base64(keys->authenticationKey.view())}};
    if (!code.isEmpty())
        body.insert(QStringLiteral("code"), code);
    d->token.clear();
    auto token = call("POST", QStringLiteral("/v1/auth/token"), body);
    if (!token)
        return token.error();
    if (token->status != 200)
        return errorOf(*token);
    const QJsonObject answer = token->json();
    SignedInAccount account;
    account.secondFactorEnrolmentRequired =
        answer.value(QLatin1String("secondFactorEnrolmentRequired")).toBool();
    // The bundle comes only with a full sign-in (after the second factor).
    if (!account.secondFactorEnrolmentRequired) {
        auto bundle = crypto::unwrapAccountBundle(
            *keys, userName,
            QByteArray::fromBase64(answer.value(QLatin1String("wrappedBundle")).toString().toLatin1()));
        if (!bundle)
            return bundle.error();
        account.bundle = std::move(*bundle);
    }
    d->token = answer.value(QLatin1String("access_token")).toString();
    const QJsonObject who = answer.value(QLatin1String("account")).toObject();
    account.userName = who.value(QLatin1String("userName")).toString();
    d->userName = account.userName;
    account.displayName = who.value(QLatin1String("displayName")).toString();
    for (const QJsonValue role : who.value(QLatin1String("roles")).toArray())
        account.roles.append(role.toString());
    account.tokenExpires =
        QDateTime::currentDateTimeUtc().addSecs(answer.value(QLatin1String("expires_in")).toInt());
    return account;
}

Result<void> GrantClient::createAccount(const QString &userName, const QString &displayName,
                                        const QStringList &roles, const SecureBytes &password,
                                        const SecureBytes &bundle)
{
    const crypto::AccountKdf kdf = crypto::AccountKdf::fresh();
    auto keys = crypto::deriveAccountKeys(password, kdf);
    if (!keys)
        return keys.error();
    auto wrapped = crypto::wrapAccountBundle(*keys, userName, bundle);
    if (!wrapped)
        return wrapped.error();
    auto created = call("POST", QStringLiteral("/v1/accounts"),
                        {{QStringLiteral("userName"), userName},
                         {QStringLiteral("displayName"), displayName},
                         {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
                         {QStringLiteral("kdfSalt"), base64(kdf.salt)},
                         {QStringLiteral("kdfParameters"), kdf.parametersJson()},
                         {QStringLiteral("authKey"), base64(keys->authenticationKey.view())},
                         {QStringLiteral("wrappedBundle"), base64(*wrapped)}});
    if (!created)
        return created.error();
    if (created->status != 201)
        return errorOf(*created);
    return {};
}

Result<void> GrantClient::changePassword(const QString &userName, const SecureBytes &oldPassword,
                                         const SecureBytes &newPassword, const SecureBytes &bundle)
{
    auto pre = call("POST", QStringLiteral("/v1/auth/prelogin"), {{QStringLiteral("userName"), userName}});
    if (!pre)
        return pre.error();
    auto oldKdf = crypto::AccountKdf::fromJson(
        pre->json().value(QLatin1String("kdfParameters")).toString(),
        QByteArray::fromBase64(pre->json().value(QLatin1String("kdfSalt")).toString().toLatin1()));
    if (!oldKdf)
        return oldKdf.error();
    auto oldKeys = crypto::deriveAccountKeys(oldPassword, *oldKdf);
    const crypto::AccountKdf kdf = crypto::AccountKdf::fresh();
    auto keys = crypto::deriveAccountKeys(newPassword, kdf);
    if (!oldKeys || !keys)
        return makeError(Error::Code::Crypto, QStringLiteral("key derivation failed"));
    auto wrapped = crypto::wrapAccountBundle(*keys, userName, bundle);
    if (!wrapped)
        return wrapped.error();
    auto changed = call("PUT",
                        QStringLiteral("/v1/accounts/%1/credentials")
                            .arg(QString::fromLatin1(QUrl::toPercentEncoding(userName))),
                        {{QStringLiteral("currentAuthKey"), base64(oldKeys->authenticationKey.view())},
                         {QStringLiteral("kdfSalt"), base64(kdf.salt)},
                         {QStringLiteral("kdfParameters"), kdf.parametersJson()},
                         {QStringLiteral("authKey"), base64(keys->authenticationKey.view())},
                         {QStringLiteral("wrappedBundle"), base64(*wrapped)}});
    if (!changed)
        return changed.error();
    if (changed->status != 200)
        return errorOf(*changed);
    return {};
}

Result<PushOutcome> GrantClient::push(const QList<OutgoingEntry> &entries)
{
    if (d->entryKey.isNull())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("no key to sign sync entries with"));
    QJsonArray array;
    for (const OutgoingEntry &entry : entries) {
        auto signature = d->entryKey.sign(entryStatement(entry));
        if (!signature)
            return signature.error();
        array.append(QJsonObject{{QStringLiteral("entryId"), entry.entryId},
                                 {QStringLiteral("kind"), entry.kind},
                                 {QStringLiteral("objectId"), entry.objectId},
                                 {QStringLiteral("revision"), double(entry.revision)},
                                 {QStringLiteral("ciphertext"), base64(entry.ciphertext)},
                                 {QStringLiteral("signature"), base64(*signature)}});
    }
    auto result = call("POST", QStringLiteral("/v1/sync/entries"), {{QStringLiteral("entries"), array}});
    if (!result)
        return result.error();
    PushOutcome outcome;
    const QJsonObject answer = result->json();
    if (result->status == 409 && answer.contains(QLatin1String("conflicts"))) {
        outcome.conflicts = answer.value(QLatin1String("conflicts")).toArray();
        return outcome;
    }
    if (result->status != 200)
        return errorOf(*result);
    outcome.applied = true;
    for (const QJsonValue sequence : answer.value(QLatin1String("sequences")).toArray())
        outcome.sequences.append(qint64(sequence.toDouble()));
    outcome.duplicates = answer.value(QLatin1String("duplicates")).toInt();
    return outcome;
}

Result<QList<IncomingEntry>> GrantClient::pull(qint64 afterSequence, int limit, bool *more)
{
    auto result =
        call("GET", QStringLiteral("/v1/sync/entries?after=%1&limit=%2").arg(afterSequence).arg(limit));
    if (!result)
        return result.error();
    if (result->status != 200)
        return errorOf(*result);
    const QJsonObject answer = result->json();
    QList<IncomingEntry> entries;
    for (const QJsonValue value : answer.value(QLatin1String("entries")).toArray()) {
        const QJsonObject object = value.toObject();
        IncomingEntry entry;
        entry.sequence = qint64(object.value(QLatin1String("sequence")).toDouble());
        entry.entryId = object.value(QLatin1String("entryId")).toString();
        entry.origin = object.value(QLatin1String("origin")).toString();
        entry.kind = object.value(QLatin1String("kind")).toString();
        entry.objectId = object.value(QLatin1String("objectId")).toString();
        entry.revision = qint64(object.value(QLatin1String("revision")).toDouble());
        entry.ciphertext =
            QByteArray::fromBase64(object.value(QLatin1String("ciphertext")).toString().toLatin1());
        entries.append(std::move(entry));
    }
    if (more)
        *more = answer.value(QLatin1String("more")).toBool();
    return entries;
}

Result<SiteRevocations> GrantClient::signedRevocations(const QByteArray &serverKeyDer,
                                                       const QByteArray &siteCaPem)
{
    auto result = call("GET", QStringLiteral("/v1/pki/revocations/signed"));
    if (!result)
        return result.error();
    if (result->status != 200)
        return errorOf(*result);
    const QJsonObject answer = result->json();
    SiteRevocations out;
    out.issuedAt =
        QDateTime::fromString(answer.value(QLatin1String("issuedAt")).toString(), Qt::ISODateWithMs);
    QStringList listed;
    for (const QJsonValue value : answer.value(QLatin1String("revoked")).toArray())
        listed << value.toObject().value(QLatin1String("serial")).toString().toLower();
    const QByteArray crlPem = answer.value(QLatin1String("crl")).toString().toLatin1();
    const QByteArray signature =
        QByteArray::fromBase64(answer.value(QLatin1String("signature")).toString().toLatin1());
    auto serverKey = crypto::PublicKey::fromDer(serverKeyDer);
    if (!out.issuedAt.isValid() || !serverKey ||
        !serverKey->verify(revocationsStatement(out.issuedAt, listed, crlPem), signature))
        return makeError(
            Error::Code::Tampered,
            QStringLiteral("the site's revocations are not signed by the server this workstation "
                           "knows"));
    out.serials = listed;
    if (!crlPem.isEmpty()) {
        auto ca = crypto::Certificate::fromPem(siteCaPem);
        auto crl = crypto::RevocationList::fromPem(crlPem);
        if (!ca || !crl || !crl->isSignedBy(*ca))
            return makeError(Error::Code::Tampered,
                             QStringLiteral("the site's revocation list is not signed by the site CA"));
        for (const crypto::RevokedCertificate &revoked : crl->revoked())
            out.serials << revoked.serialHex.toLower();
    }
    out.serials.removeDuplicates();
    out.serials.sort();
    return out;
}

Error GrantClient::errorOf(const HttpResult &result)
{
    return net::errorOf(result);
}

Result<GrantRevocations> GrantClient::signedGrantRevocations(const QByteArray &serverKeyDer)
{
    auto result = call("GET", QStringLiteral("/v1/access/revocations/signed"));
    if (!result)
        return result.error();
    if (result->status != 200)
        return errorOf(*result);
    const QJsonObject answer = result->json();
    GrantRevocations out;
    out.issuedAt =
        QDateTime::fromString(answer.value(QLatin1String("issuedAt")).toString(), Qt::ISODateWithMs);
    for (const QJsonValue value : answer.value(QLatin1String("revoked")).toArray())
        out.grantIds << value.toObject().value(QLatin1String("grant")).toString();
    const QByteArray signature =
        QByteArray::fromBase64(answer.value(QLatin1String("signature")).toString().toLatin1());
    auto serverKey = crypto::PublicKey::fromDer(serverKeyDer);
    if (!out.issuedAt.isValid() || !serverKey ||
        !serverKey->verify(grantRevocationsStatement(out.issuedAt, out.grantIds), signature))
        return makeError(Error::Code::Tampered,
                         QStringLiteral("the site's grant revocations are not signed by the server this "
                                        "workstation knows"));
    // Ids as the server makes them, or the whole list is refused.
    static const QRegularExpression grantId(QStringLiteral("^G-[0-9a-f-]{36}$"));
    for (const QString &id : std::as_const(out.grantIds)) {
        if (!grantId.match(id).hasMatch())
            return makeError(
                Error::Code::Tampered,
                QStringLiteral("the site's grant revocations name something that is not a grant"));
    }
    out.grantIds.removeDuplicates();
    out.grantIds.sort();
    return out;
}

Result<Witness> GrantClient::shipAudit(qint64 fromSize, qint64 toSize, const QByteArray &root,
                                       const QByteArray &checkpointSignature,
                                       const QByteArray &checkpointKeyDer,
                                       const QList<QByteArray> &consistency, const QList<QByteArray> &frames,
                                       qint64 *heldSize)
{
    QJsonArray proof;
    for (const QByteArray &node : consistency)
        proof.append(base64(node));
    QJsonArray shipped;
    for (const QByteArray &frame : frames)
        shipped.append(base64(frame));
    QJsonObject body{{QStringLiteral("fromSize"), double(fromSize)},
                     {QStringLiteral("toSize"), double(toSize)},
                     {QStringLiteral("rootHash"), base64(root)},
                     {QStringLiteral("checkpoint"), base64(checkpointSignature)},
                     {QStringLiteral("consistency"), proof},
                     {QStringLiteral("frames"), shipped}};
    if (!checkpointKeyDer.isEmpty())
        body.insert(QStringLiteral("checkpointKey"), base64(checkpointKeyDer));
    auto result = call("POST", QStringLiteral("/v1/audit/shipments"), body);
    if (!result)
        return result.error();
    if (heldSize)
        *heldSize = qint64(result->json().value(QLatin1String("heldSize")).toDouble(-1));
    if (result->status != 200)
        return errorOf(*result);
    const QJsonObject answer = result->json();
    Witness witness;
    witness.treeSize = qint64(answer.value(QLatin1String("treeSize")).toDouble());
    witness.rootHash = QByteArray::fromBase64(answer.value(QLatin1String("rootHash")).toString().toLatin1());
    witness.witnessedAt =
        QDateTime::fromString(answer.value(QLatin1String("witnessedAt")).toString(), Qt::ISODateWithMs);
    witness.signature = QByteArray::fromBase64(answer.value(QLatin1String("witness")).toString().toLatin1());
    witness.serverKeyDer =
        QByteArray::fromBase64(answer.value(QLatin1String("witnessKey")).toString().toLatin1());
    return witness;
}

Result<QByteArray> GrantClient::signedEnvelope(const QByteArray &document, const QString &publishedBy) const
{
    if (d->entryKey.isNull())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("no key to sign documents with"));
    DocumentEnvelope envelope;
    envelope.document = document;
    envelope.certificatePem = d->certificatePem;
    envelope.publishedBy = publishedBy;
    auto signature = d->entryKey.sign(document);
    if (!signature)
        return signature.error();
    envelope.signature = *signature;
    const QByteArray bytes = documentEnvelope(envelope);
    auto readBack = parseDocumentEnvelope(bytes);
    if (!readBack)
        return readBack.error();
    if (readBack->document != document)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a document is UTF-8 JSON text"));
    return bytes;
}

Result<void> GrantClient::publishDocument(const QString &kind, qint64 version, const QByteArray &document)
{
    if (d->userName.isEmpty() || d->token.isEmpty())
        return makeError(Error::Code::Unauthenticated,
                         QStringLiteral("a document is published by a signed-in account"));
    auto bytes = signedEnvelope(document, d->userName);
    if (!bytes)
        return bytes.error();
    auto result = call("POST", QStringLiteral("/v1/documents"),
                       {{QStringLiteral("kind"), kind},
                        {QStringLiteral("version"), double(version)},
                        {QStringLiteral("envelope"), base64(*bytes)}});
    if (!result)
        return result.error();
    if (result->status != 201)
        return errorOf(*result);
    return {};
}

Result<DistributedDocument> GrantClient::latestDocument(const QString &kind)
{
    auto result = call(
        "GET", QStringLiteral("/v1/documents/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(kind))));
    if (!result)
        return result.error();
    if (result->status != 200)
        return errorOf(*result);
    const QJsonObject answer = result->json();
    DistributedDocument document;
    document.kind = answer.value(QLatin1String("kind")).toString();
    document.version = qint64(answer.value(QLatin1String("version")).toDouble());
    document.envelope = QByteArray::fromBase64(answer.value(QLatin1String("envelope")).toString().toLatin1());
    document.published =
        QDateTime::fromString(answer.value(QLatin1String("published")).toString(), Qt::ISODateWithMs);
    return document;
}

Result<VerifiedDocument> GrantClient::verifyDocumentEnvelope(const QByteArray &envelope,
                                                             const QByteArray &siteCaPem, const QDateTime &at)
{
    auto parsed = parseDocumentEnvelope(envelope);
    if (!parsed)
        return parsed.error();
    auto ca = crypto::Certificate::fromPem(siteCaPem);
    if (!ca)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the site CA certificate is unreadable"));
    auto signer = crypto::Certificate::fromPem(parsed->certificatePem);
    if (!signer)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the envelope's certificate is unreadable"));
    if (auto issued = signer->verifyIssuedBy(*ca, nullptr, crypto::CertificateUsage::Workstation,
                                             at.isValid() ? at : QDateTime::currentDateTimeUtc());
        !issued)
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("the document's signer is not a workstation of this site: %1")
                             .arg(issued.error().message));
    if (!signer->publicKey().verify(parsed->document, parsed->signature))
        return makeError(Error::Code::PermissionDenied,
                         QStringLiteral("the document's signature does not verify"));
    return VerifiedDocument{parsed->document, signer->commonName(), parsed->publishedBy};
}

Result<void> GrantClient::publishCatalogue(const QJsonArray &questionnaires)
{
    auto result = call("PUT", QStringLiteral("/v1/catalogue/workstations/self"),
                       {{QStringLiteral("entries"), questionnaires}});
    if (!result)
        return result.error();
    if (result->status != 200)
        return errorOf(*result);
    return {};
}

Result<QJsonObject> GrantClient::catalogue(const QString &titleFilter, const QString &fieldKey)
{
    QString target = QStringLiteral("/v1/catalogue");
    QStringList query;
    if (!titleFilter.isEmpty())
        query.append(QStringLiteral("title=") + QString::fromLatin1(QUrl::toPercentEncoding(titleFilter)));
    if (!fieldKey.isEmpty())
        query.append(QStringLiteral("field=") + QString::fromLatin1(QUrl::toPercentEncoding(fieldKey)));
    if (!query.isEmpty())
        target += QLatin1Char('?') + query.join(QLatin1Char('&'));
    auto result = call("GET", target);
    if (!result)
        return result.error();
    if (result->status != 200)
        return errorOf(*result);
    return result->json();
}

SyncCipher::SyncCipher(SecureBytes siteKey)
    : m_key(std::move(siteKey))
{}

namespace {
// The sender's certificate fingerprint is part of it: the relay names the origin, and cannot name
// another workstation than the one that sealed the entry.
QByteArray entryContext(const QString &entryId, const QString &origin, const QString &kind,
                        const QString &objectId, qint64 revision)
{
    return QByteArrayLiteral("mdp-sync-payload-v2\n") + entryId.toUtf8() + '\n' + origin.toLower().toUtf8() +
           '\n' + kind.toUtf8() + '\n' + objectId.toUtf8() + '\n' + QByteArray::number(revision);
}
} // namespace

Result<QByteArray> SyncCipher::seal(const OutgoingEntry &entry, const QString &origin,
                                    QByteArrayView plaintext) const
{
    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, SecureBytes(m_key.view().first(16)));
    if (!aead)
        return aead.error();
    // The nonce is synthetic: HMAC-SM3 (under the other half of the site key) of the entry's routing
    // metadata and plaintext. The same entry sealed again is the same bytes, so a push retried after
    // a lost answer is the replay the relay recognises, not "the same id with other content"; two
    // different plaintexts get different nonces (SIV-style; equal entries show as equal, nothing more).
    const QByteArray context =
        entryContext(entry.entryId, origin, entry.kind, entry.objectId, entry.revision);
    QByteArray input = context;
    input.append(char(0)).append(plaintext.data(), plaintext.size());
    const QByteArray nonce =
        crypto::hmac(crypto::HashAlgorithm::Sm3, m_key.view().sliced(16), input).left(12);
    auto sealed = aead->seal(nonce, context, plaintext);
    if (!sealed)
        return sealed.error();
    return nonce + *sealed;
}

Result<QByteArray> SyncCipher::open(const IncomingEntry &entry) const
{
    auto aead = crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, SecureBytes(m_key.view().first(16)));
    if (!aead)
        return aead.error();
    auto opened = aead->openEnvelope(
        entryContext(entry.entryId, entry.origin, entry.kind, entry.objectId, entry.revision),
        entry.ciphertext);
    if (!opened)
        return makeError(Error::Code::Tampered,
                         QStringLiteral("a sync entry does not authenticate with the site key"));
    return *opened;
}

} // namespace mdp::net
