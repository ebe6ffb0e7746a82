#pragma once

#include "mdp/audit/AuditEvent.h"
#include "mdp/audit/CheckpointSigner.h"
#include "mdp/audit/MerkleNodeSource.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mdp::audit {

// An auditor's bundle (issue 13, R-7.4.2): a stretch of one node's audit log, sealed for one auditor's
// SM2 key and signed with the node's key, that the auditor opens on a machine with no workspace.
//
// It carries the stored (sealed) frames of events [first, end), the log's record key to open them, and
// everything needed to check them against signatures the auditor can verify: the Merkle frontier at
// `first` (with the frames' SM3 leaves it gives the root at `end`), the RFC 9162 consistency proof from
// `end` to the node's signed checkpoint, and the site server's witness signature over an earlier (or
// the same) size with the consistency proof from there to the checkpoint.
//
// File: "MDPAUDB1" | u32 header length | header JSON (format, bundle id, recipient key fingerprint, the
// bundle key SM2-encrypted to it, section count) | sections, each u32 length | 12-byte nonce |
// SM4-GCM ciphertext | tag, bound to the header's SM3 and the section's index. Section 0 is the manifest
// (its JSON, '\n', the node key's signature over it); sections 1.. hold the frames, a bounded number
// each, their SM3 listed in the manifest. Integers are big-endian.
struct AuditBundleWitness
{
    qint64 treeSize = 0;
    QByteArray rootHash;
    QDateTime witnessedAt;
    QByteArray signature;    // the server's over net::auditWitnessStatement
    QByteArray serverKeyDer; // SubjectPublicKeyInfo
    MerkleProof consistency; // treeSize -> the checkpoint's size (empty when equal)
};

struct AuditBundleContent
{
    QString bundleId; // 32 hex digits, chosen by the exporter (its audit event names it); random when empty
    QString source;   // the node's name in its signed statements (the workstation's name at the server)
    QString nodeId;
    QString exportedBy;
    QDateTime exportedAt;
    QDateTime from, to; // the range asked for (recorded time)
    qint64 first = 0;   // frames hold events [first, first + frames.size())
    QList<QByteArray> frames;
    QByteArray frontier;     // MerkleFrontier::toBytes() at `first`
    QByteArray headFile;     // the log's signed checkpoint (AuditCheckpoint::toHeadFile())
    QByteArray nodeKeyDer;   // the key that signed the checkpoint (and signs the bundle)
    MerkleProof consistency; // end -> checkpoint size (empty when equal)
    SecureBytes recordKey;   // opens the frames of this log only
    std::optional<AuditBundleWitness> witness;
    QHash<QString, QString> accountNames; // account id -> user name, for display
};

class AuditLog;

// The log's part of a bundle: the durable events recorded in [from, to) (an invalid bound is open) as
// one span of sequence numbers, its frames, the frontier before it, the signed checkpoint, the proof
// from its end to the checkpoint, and the record key. The caller adds who and where (and the witness,
// whose consistency proof `log` gives from the witnessed size to content.headFile's).
Result<AuditBundleContent> bundleContentFromLog(const AuditLog &log, const QDateTime &from,
                                                const QDateTime &to);

// Writes the bundle atomically (a temporary file renamed over `path`). `signer` is the node's key.
Result<void> writeAuditBundle(const QString &path, const AuditBundleContent &content,
                              const crypto::PublicKey &recipient, CheckpointSigner &signer);

struct AuditBundleEvent
{
    qint64 sequence = 0;
    AuditEvent event;
};

struct OpenedAuditBundle
{
    QString bundleId;
    QString source, nodeId, exportedBy;
    QDateTime exportedAt, from, to;
    qint64 first = 0, end = 0;
    qint64 checkpointSize = 0;
    QDateTime checkpointTime;
    QByteArray nodeKeyFingerprint; // SHA-256 of the node key
    qint64 witnessedSize = -1;     // -1: no server witness in the bundle
    QDateTime witnessedAt;
    QByteArray serverKeyFingerprint; // SHA-256 of the witness key
    bool serverKeyTrusted = false;   // it equals the site key the auditor gave
    qint64 bytes = 0;                // of the bundle file
    QStringList verified;            // what was checked, in plain English, in order
    QList<AuditBundleEvent> events;  // sequence order
    QHash<QString, QString> accountNames;
};

// Opens and checks a bundle with the auditor's private key. Every check runs before anything is
// returned; the first failure is Code::Tampered (or Corrupt for something that is not a bundle, and
// PermissionDenied for a bundle sealed for another key) with a message naming where: the header,
// section i with its byte range, the event's sequence number, or the signature. `siteServerKey`, when
// not null, is the witness key the auditor trusts: a bundle without a witness, or witnessed by another
// key, is refused. Events after the witnessed size rest on the node key the bundle carries (its
// fingerprint is in the result, and `verified` says which events): compare it with the workstation's.
// `progress` runs on a reader thread.
// `progress` is told bytes done and bytes to do; returning false cancels (Code::Cancelled).
Result<OpenedAuditBundle> openAuditBundle(const QString &path, const crypto::SigningKey &auditorKey,
                                          const crypto::PublicKey *siteServerKey = nullptr,
                                          const std::function<bool(qint64, qint64)> &progress = {});

// The same checks, decoding nothing: `events` stays empty (what `mdp bench audit` times as
// verification).
Result<OpenedAuditBundle> verifyAuditBundle(const QString &path, const crypto::SigningKey &auditorKey,
                                            const crypto::PublicKey *siteServerKey = nullptr,
                                            const std::function<bool(qint64, qint64)> &progress = {});

// The auditor's key pair as a file the auditor carries: the SM2 private key sealed with SM4-GCM under
// an Argon2id key from a passphrase, with the public key and the holder's name in the clear.
struct AuditorKeyFile
{
    QString userName;
    crypto::PublicKey publicKey;
};
Result<QByteArray> makeAuditorKeyFile(const QString &userName, const crypto::SigningKey &key,
                                      const SecureBytes &passphrase);
Result<AuditorKeyFile> readAuditorKeyFile(QByteArrayView file); // public part, no passphrase
// WrongPassphrase when the passphrase does not open it (or the file was altered).
Result<crypto::SigningKey> openAuditorKeyFile(QByteArrayView file, const SecureBytes &passphrase);

} // namespace mdp::audit
