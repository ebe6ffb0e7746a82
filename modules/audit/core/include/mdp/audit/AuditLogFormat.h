#pragma once

// The on-disk format of an audit log directory, for tools and tests that inspect files directly.
//
// audit.log = header, then frames back to back:
//   header (44 bytes): "MDPAUDIT" | u16 version (2; 1 still read) | u8 cipher (1 SM4-GCM, 2 AES-256-GCM) |
//                      u8 hash (1 SM3) | 16-byte log ID | 16-byte key check value
//   frame:  u32 length of what follows | u64 sequence | 12-byte nonce | ciphertext | 16-byte tag
//   nonce:  8 random bytes drawn per writer (each open) | u32 counter
//   plaintext: u64 sequence | 32-byte previous chain hash | canonical event JSON
//   associated data: log ID | u64 sequence. Integers are big-endian.
// Chain: h(-1) = SM3("mdp.audit.v2.genesis" | log ID) (version 1: "mdp.audit.v1.genesis"), h(i) = SM3(h(i-1)
// | leaf(i)), where leaf(i) is the event's Merkle leaf hash (SM3 with RFC 9162 domain separation, 0x00
// prefix): hashing once serves both structures. Version 2: leaf(i) = SM3(0x00 | frame(i) as stored, length
// field included), so the signed checkpoint commits to the exact bytes on disk and integrity is checked
// without decrypting (and without the audit-reading key); the frame still carries h(i-1) inside its
// plaintext. Version 1 (still read): leaf(i) = SM3(0x00 | canonical(i)).
// Record key: HKDF-SM3(key, salt = log ID, info = "mdp.audit.v1.record-key").
// audit.head = canonical checkpoint JSON '\n' base64 signature '\n' (see AuditCheckpoint).
// index.db = derived SQLCipher index (AuditIndex, key HKDF-SM3(key, log ID, "mdp.audit.v1.index-key")):
//   never authoritative; rebuilt from audit.log when missing or when it disagrees with the checkpoint.
namespace mdp::audit::LogFormat {

inline constexpr char kLogFileName[] = "audit.log";
inline constexpr char kHeadFileName[] = "audit.head";
inline constexpr int kVersion = 2; // the version new logs are written in
inline constexpr int kHeaderSize = 44;
inline constexpr int kLogIdSize = 16;
inline constexpr int kLengthFieldSize = 4;
inline constexpr int kSequenceSize = 8;
inline constexpr int kNonceSize = 12;
inline constexpr int kTagSize = 16;
inline constexpr int kChainHashSize = 32;
inline constexpr int kMinFrameLength =
    kSequenceSize + kNonceSize + kSequenceSize + kChainHashSize + 2 + kTagSize;
inline constexpr int kMaxFrameLength = 1 << 20;

} // namespace mdp::audit::LogFormat
