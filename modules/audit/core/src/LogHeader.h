#pragma once

#include "mdp/audit/AuditLogFormat.h"
#include "mdp/crypto/Aead.h"
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
    static LogHeader create(crypto::AeadCipher cipher, const SecureBytes &key);

    SecureBytes recordKey(const SecureBytes &key) const;
    bool keyMatches(const SecureBytes &key) const;
    QByteArray genesisChain() const;
    // Version 2: a Merkle leaf hashes the frame as stored (length field, sequence, nonce, ciphertext,
    // tag), so integrity is checked without decrypting; version 1 hashed the plaintext event.
    bool leavesCoverSealedFrames() const { return version >= 2; }
};

} // namespace mdp::audit::detail
