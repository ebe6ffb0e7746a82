#pragma once

#include "mdp/crypto/Aead.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>
#include <QMap>
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
        SecureBytes dataKey;   // 256-bit vault data key from the key hierarchy: new blobs are sealed under it
        int keyGeneration = 1; // of dataKey: 1 for the vault's first key, then 2, 3... as it is renewed
        // Keys of earlier generations, while blobs sealed under them remain (a renewal under way).
        QMap<int, SecureBytes> earlierKeys;
        // The MAC key blob ids are computed with (idKeyOf() the first key). Empty: derived from the
        // generation-1 key, which must then be dataKey or in earlierKeys.
        SecureBytes idKey;
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

    // Renewing the vault key (issue 9 part 6): ids stay (they are MACs under the id key, which does
    // not change), every blob is re-encrypted under the new key in place, one atomic rename each.
    //
    // The id key a vault whose first data key is `firstDataKey` names its blobs with: to keep once
    // that key is destroyed.
    static SecureBytes idKeyOf(const SecureBytes &firstDataKey);
    int keyGeneration() const;
    // New blobs are sealed under `dataKey`, generation `generation` (higher than the current one);
    // blobs of the keys held before stay readable.
    Result<void> useKey(int generation, const SecureBytes &dataKey);
    // Drops an earlier generation's key (not the current one): its blobs no longer open.
    void forgetKey(int generation);
    // The key generation the blob's header names.
    Result<int> keyGenerationOf(const QString &id);
    // Moves a blob that no key here opens out of the store, to <directory>/quarantine/<id>.blob, for
    // whoever investigates; it is no longer listed or found. NotFound if absent.
    Result<void> quarantine(const QString &id);
    // Re-encrypts the blob under the current key when it is under an earlier one (true), after
    // checking that it decrypts whole to its id's content; false when it already is current.
    Result<bool> renew(const QString &id);

private:
    Vault();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::store
