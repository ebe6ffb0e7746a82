#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

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

} // namespace mdp::net
