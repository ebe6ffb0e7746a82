#include "mdp/net/Protocol.h"

#include "mdp/crypto/Hash.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::net {

QByteArray auditCheckpointStatement(const QString &workstation, qint64 size, const QByteArray &root)
{
    return QByteArrayLiteral("mdp-audit-checkpoint-v1\n") + workstation.toUtf8() + '\n' +
           QByteArray::number(size) + '\n' + root.toHex();
}

QByteArray auditWitnessStatement(const QString &workstation, qint64 size, const QByteArray &root,
                                 const QDateTime &witnessedAt)
{
    return QByteArrayLiteral("mdp-audit-witness-v1\n") + workstation.toUtf8() + '\n' +
           QByteArray::number(size) + '\n' + root.toHex() + '\n' +
           witnessedAt.toUTC().toString(Qt::ISODateWithMs).toLatin1();
}

QByteArray revocationsStatement(const QDateTime &issuedAt, const QStringList &serials,
                                const QByteArray &crlPem)
{
    QStringList sorted = serials;
    sorted.sort();
    return QByteArrayLiteral("mdp-revocations-v1\n") +
           issuedAt.toUTC().toString(Qt::ISODateWithMs).toLatin1() + '\n' + sorted.join(u',').toLatin1() +
           '\n' +
           (crlPem.isEmpty() ? QByteArray() : crypto::hash(crypto::HashAlgorithm::Sha256, crlPem).toHex());
}

QByteArray grantRevocationsStatement(const QDateTime &issuedAt, const QStringList &grantIds)
{
    // The ids as a JSON array, so no id can be made of two others.
    QStringList sorted = grantIds;
    sorted.sort();
    return QByteArrayLiteral("mdp-grant-revocations-v2\n") +
           issuedAt.toUTC().toString(Qt::ISODateWithMs).toLatin1() + '\n' +
           QJsonDocument(QJsonArray::fromStringList(sorted)).toJson(QJsonDocument::Compact);
}

QByteArray syncEntryStatement(const QString &entryId, const QString &kind, const QString &objectId,
                              qint64 revision, const QByteArray &ciphertext)
{
    return QByteArrayLiteral("mdp-sync-entry-v1\n") + entryId.toUtf8() + '\n' + kind.toUtf8() + '\n' +
           objectId.toUtf8() + '\n' + QByteArray::number(revision) + '\n' +
           crypto::hash(crypto::HashAlgorithm::Sha256, ciphertext).toHex();
}

QByteArray documentEnvelope(const DocumentEnvelope &envelope)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("document"), QString::fromUtf8(envelope.document)},
                           {QStringLiteral("signature"), QString::fromLatin1(envelope.signature.toBase64())},
                           {QStringLiteral("certificate"), QString::fromLatin1(envelope.certificatePem)},
                           {QStringLiteral("publishedBy"), envelope.publishedBy}})
        .toJson(QJsonDocument::Compact);
}

Result<DocumentEnvelope> parseDocumentEnvelope(const QByteArray &bytes)
{
    auto refused = [](const QString &why) {
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("not a document envelope: %1").arg(why));
    };
    QJsonParseError error{};
    const QJsonDocument parsed = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !parsed.isObject())
        return refused(QStringLiteral("a JSON object expected"));
    const QJsonObject object = parsed.object();
    DocumentEnvelope envelope;
    const QJsonValue document = object.value(QLatin1String("document"));
    if (document.isString()) {
        envelope.document = document.toString().toUtf8();
        const QJsonDocument inner = QJsonDocument::fromJson(envelope.document, &error);
        if (error.error != QJsonParseError::NoError || !inner.isObject())
            return refused(QStringLiteral("the document is not a JSON object"));
    } else if (document.isObject()) {
        envelope.document = QJsonDocument(document.toObject()).toJson(QJsonDocument::Compact);
    } else {
        return refused(QStringLiteral("no document"));
    }
    const QJsonValue signature = object.value(QLatin1String("signature"));
    const QJsonValue certificate = object.value(QLatin1String("certificate"));
    const QJsonValue publishedBy = object.value(QLatin1String("publishedBy"));
    if (!signature.isString() || !certificate.isString() || !publishedBy.isString())
        return refused(QStringLiteral("signature, certificate and publishedBy are strings"));
    auto decoded = QByteArray::fromBase64Encoding(signature.toString().toLatin1(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return refused(QStringLiteral("the signature is not base64"));
    envelope.signature = decoded.decoded;
    envelope.certificatePem = certificate.toString().toLatin1();
    envelope.publishedBy = publishedBy.toString();
    if (envelope.publishedBy.isEmpty())
        return refused(QStringLiteral("no publisher"));
    return envelope;
}

QByteArray deliveryRecipientDocument(const QString &grantId, const QByteArray &publicKeyDer)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("type"), QStringLiteral("mdp-delivery-recipient-v1")},
                           {QStringLiteral("grant"), grantId},
                           {QStringLiteral("recipientKey"), QString::fromLatin1(publicKeyDer.toBase64())}})
        .toJson(QJsonDocument::Compact);
}

QByteArray deliveryDocument(const QString &grantId, const QByteArray &ciphertext,
                            const QByteArray &wrappedKey)
{
    return QJsonDocument(
               QJsonObject{
                   {QStringLiteral("type"), QStringLiteral("mdp-delivery-v1")},
                   {QStringLiteral("grant"), grantId},
                   {QStringLiteral("sha256"),
                    QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sha256, ciphertext).toHex())},
                   {QStringLiteral("wrappedKeySha256"),
                    QString::fromLatin1(crypto::hash(crypto::HashAlgorithm::Sha256, wrappedKey).toHex())}})
        .toJson(QJsonDocument::Compact);
}

} // namespace mdp::net
