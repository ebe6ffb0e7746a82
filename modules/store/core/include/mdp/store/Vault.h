#pragma once

#include "mdp/crypto/Aead.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <memory>

namespace mdp::store {

// Encrypted, content-addressed file store (images, reports, attachments).
//
// A blob's id is the lowercase hex HMAC-SM3 of its plaintext under a MAC key derived from the vault
// data key, so equal files share one blob but ids cannot be linked to content without the key.
// Each blob is <directory>/<first 2 hex>/<id>.blob: a 24-byte header (magic, format version,
// cipher, chunk size, plaintext size) then 64 KiB chunks, each sealed with a random 96-bit nonce by
// SM4-GCM (default) or AES-256-GCM. Every chunk's associated data binds the blob id, the chunk
// index, a last-chunk flag and the header, so chunks cannot be altered, reordered, moved between
// blobs, dropped from the end, or the file renamed to another id. Plaintext never reaches the disk:
// writes go to an encrypted temporary file in the same folder, fsync, then rename.
//
// Not thread-safe; several Vault objects (or processes) may share a directory.
class Vault
{
public:
    struct Options
    {
        QString directory;
        SecureBytes dataKey; // 256-bit vault data key from the key hierarchy
        crypto::AeadCipher cipher = crypto::AeadCipher::Sm4Gcm; // for new blobs; reads follow each header
        bool create = false;                                    // create the directory if missing
        int chunkSize = 64 * 1024;                              // for new blobs; 4 KiB .. 16 MiB
    };

    // Error codes: InvalidArgument (key not 32 bytes, bad chunk size), NotFound (missing directory
    // without `create`), Io.
    static Result<std::unique_ptr<Vault>> open(Options options);
    ~Vault();

    QString directory() const;
    crypto::AeadCipher cipher() const;

    // Stores the data and returns its id. Storing content that is already present is a no-op.
    Result<QString> put(QByteArrayView data);
    // Streams from the current position to the end of `source`: a first pass computes the id, a
    // second pass encrypts. `source` must be readable and seekable (not sequential). Refuses with
    // Conflict if the content changed between the passes.
    Result<QString> put(QIODevice &source);

    // Whole plaintext. Error codes: InvalidArgument (malformed id), NotFound, Corrupt (bad header,
    // truncated or extended file), Tampered (a chunk failed authentication: altered, reordered,
    // from another blob, or the blob renamed; also a wrong key), Io.
    Result<QByteArray> get(const QString &id);
    // A read-only sequential device that decrypts one chunk at a time. The header is checked here;
    // a chunk that fails authentication makes read() return -1 with errorString() saying why.
    Result<std::unique_ptr<QIODevice>> openRead(const QString &id);
    // Plaintext size recorded in the blob header (authenticated when the chunks are read).
    Result<qint64> plaintextSize(const QString &id);

    bool contains(const QString &id) const;
    // Overwrites the blob with zeros, flushes, then unlinks it. NotFound if absent.
    Result<void> remove(const QString &id);
    // Ids of all stored blobs, sorted.
    QStringList list() const;

    // Deletes temporary files left by writers that were killed mid-put. Call only while no other
    // writer uses the directory (e.g. when the workspace is opened under its lock).
    int removeIncompleteWrites();

    static bool isValidId(QStringView id);

private:
    Vault();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::store
