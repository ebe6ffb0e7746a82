#pragma once

#include "mdp/audit/AuditLogFormat.h"
#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>

namespace mdp::audit::detail {

// The 44-byte header of audit.log (see AuditLogFormat.h) and the keys derived for one log.
struct LogHeader
{
    int version = LogFormat::kVersion;
    crypto::AeadCipher cipher = crypto::AeadCipher::Sm4Gcm;
    QByteArray logId;    // 16 bytes
    QByteArray keyCheck; // 16 bytes: tells a wrong key apart from damaged records

    QByteArray serialize() const;
    static Result<LogHeader> parse(QByteArrayView bytes);
    static LogHeader create(crypto::AeadCipher cipher, const SecureBytes &key,
                            int version = LogFormat::kVersion);

    SecureBytes recordKey(const SecureBytes &key) const;
    bool keyMatches(const SecureBytes &key) const;
    QByteArray genesisChain() const;
    // Version 2: a Merkle leaf hashes the frame as stored (length field, sequence, nonce, ciphertext,
    // tag), so integrity is checked without decrypting; version 1 hashed the plaintext event.
    bool leavesCoverSealedFrames() const { return version >= 2; }
};

// h(i) = SM3(h(i-1) | leaf(i)) (AuditLogFormat.h); `hasher` is reused and left ready for the next.
inline QByteArray chainStep(crypto::Hasher &hasher, QByteArrayView previous, QByteArrayView leaf)
{
    hasher.addData(previous);
    hasher.addData(leaf);
    return hasher.result();
}

} // namespace mdp::audit::detail
