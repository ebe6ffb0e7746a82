#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace mdp::net {

// The signed statements of mdp-grantd's protocol, byte for byte the same on the workstation and the
// server (docs/grantd.md). UTF-8, newline-separated.

// A workstation's checkpoint of its audit chain: its certificate name, the tree size, the Merkle root.
QByteArray auditCheckpointStatement(const QString &workstation, qint64 size, const QByteArray &root);
// The server's counter-signature over a checkpoint it checked and now holds.
QByteArray auditWitnessStatement(const QString &workstation, qint64 size, const QByteArray &root,
                                 const QDateTime &witnessedAt);
// What a workstation signs for each sync entry with its TLS key, so a forged entry (not from the
// certificate it arrives over) is refused by the server.
QByteArray syncEntryStatement(const QString &entryId, const QString &kind, const QString &objectId,
                              qint64 revision, const QByteArray &ciphertext);

// The site's revocations as the server holds them (R-9.2: revocations are signed and pushed to the
// workstations), signed with the server's witness key: when it was issued, the revoked serials
// (lower-case hex, sorted, comma-separated) and the SHA-256 of the CA's revocation list it serves
// beside them (hex; empty when it serves none).
QByteArray revocationsStatement(const QDateTime &issuedAt, const QStringList &serials,
                                const QByteArray &crlPem);
// What the server signs with its witness key when it lists the revoked grants (issue 12, R-6.3.4 c):
// "mdp-grant-revocations-v2", its clock, and the grant ids sorted, as a compact JSON array.
QByteArray grantRevocationsStatement(const QDateTime &issuedAt, const QStringList &grantIds);

// A signed document the server distributes (policies, classification rules: permission sync),
// as the publishing workstation wraps it. JSON:
// {"document": <the document>, "signature": base64, "certificate": PEM, "publishedBy": userName}.
// `document` is a JSON object (the policy); in the envelope it is a JSON string holding its exact
// UTF-8 bytes, or the object itself (then the bytes are its compact form as QJsonDocument writes it,
// members sorted). The signature is the publishing workstation's TLS key's (ECDSA P-256 or SM2) over
// those bytes; `certificate` is that workstation's certificate. A document that is not a JSON object
// is refused, so a signature over one can never be a signed statement of another kind above.
struct DocumentEnvelope
{
    QByteArray document;
    QByteArray signature;
    QByteArray certificatePem;
    QString publishedBy;
};

QByteArray documentEnvelope(const DocumentEnvelope &envelope);
// InvalidArgument naming what is missing or malformed (the signature is not checked here).
Result<DocumentEnvelope> parseDocumentEnvelope(const QByteArray &bytes);

// What workstations sign (in a DocumentEnvelope, with their certificate key) around data delivered
// under a grant (issue 12, R-5.2k-l), so the server that relays it can substitute neither the key the
// data is sealed for nor the data: the holder's recipient key for the grant, and the provider's
// digests of the sealed data and of its sealed key.
QByteArray deliveryRecipientDocument(const QString &grantId, const QByteArray &publicKeyDer);
QByteArray deliveryDocument(const QString &grantId, const QByteArray &ciphertext,
                            const QByteArray &wrappedKey);

} // namespace mdp::net
