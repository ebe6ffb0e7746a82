#include "mdp/net/Protocol.h"

#include "mdp/crypto/Hash.h"

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

QByteArray syncEntryStatement(const QString &entryId, const QString &kind, const QString &objectId,
                              qint64 revision, const QByteArray &ciphertext)
{
    return QByteArrayLiteral("mdp-sync-entry-v1\n") + entryId.toUtf8() + '\n' + kind.toUtf8() + '\n' +
           objectId.toUtf8() + '\n' + QByteArray::number(revision) + '\n' +
           crypto::hash(crypto::HashAlgorithm::Sha256, ciphertext).toHex();
}

} // namespace mdp::net
