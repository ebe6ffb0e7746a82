#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace mdp::audit {

// A signed statement about the log: "these `size` events, ending at byte `bytes`, have this Merkle
// root and this chain head". It lives in the head file, replaced atomically after the records it
// covers are on disk. Anchors carry counters of other stores (the database commit counter) so a
// rollback of either side shows up when the two are compared.
struct AuditCheckpoint
{
    static constexpr int kFormatVersion = 1;

    QByteArray logId;      // 16 random bytes naming this log (also in the log header)
    QString cipher;        // "sm4-gcm" or "aes-256-gcm"
    int logFormat = 1;     // the log's format version (AuditLogFormat.h); signed from version 2 on
    qint64 size = 0;       // events covered
    qint64 bytes = 0;      // length of the log file the events occupy (header included)
    QByteArray merkleRoot; // RFC 9162 root, SM3, over the leaves of events [0, size) (AuditLogFormat.h)
    QByteArray chainHead;  // h(size-1) of the SM3 hash chain; the genesis value when size is 0
    QMap<QString, qint64> anchors;
    QDateTime time;       // from the log's Clock
    QString keyId;        // signer's key ID
    QByteArray signature; // over signedBody()

    QByteArray signedBody() const; // canonical JSON of everything but the signature
    QByteArray toHeadFile() const; // signedBody() '\n' base64(signature) '\n'
    static Result<AuditCheckpoint> fromHeadFile(QByteArrayView bytes);
};

} // namespace mdp::audit
