#pragma once

#include "BlobFormat.h"

#include "mdp/crypto/Aead.h"

#include <QFile>
#include <QIODevice>

#include <functional>
#include <memory>
#include <optional>

namespace mdp::store::detail {

// Sequential read-only device over one vault blob: reads, authenticates and decrypts a chunk at
// a time, so only one chunk of plaintext is in memory (and it is wiped when replaced). Opened
// Unbuffered so QIODevice keeps no second plaintext copy in its own buffer.
class BlobReader final : public QIODevice
{
    Q_OBJECT

public:
    // Checks the header and the file length; the chunks are authenticated as they are read.
    // Gives the AEAD for a cipher and the key generation the header names.
    using AeadFactory = std::function<Result<crypto::Aead>(crypto::AeadCipher, int keyGeneration)>;
    static Result<std::unique_ptr<BlobReader>> open(const QString &path, const QString &id,
                                                    const AeadFactory &aeadFor);
    ~BlobReader() override;

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    void close() override;

    qint64 plaintextSize() const { return qint64(m_header.plaintextSize); }
    int keyGeneration() const { return m_header.keyGeneration; }
    // Set when a chunk failed; Tampered for authentication, Io or Corrupt otherwise.
    std::optional<Error> failure() const { return m_failure; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    BlobReader() = default;
    bool decryptNextChunk();
    void fail(Error::Code code, const QString &message);

    QFile m_file;
    std::optional<crypto::Aead> m_aead;
    BlobHeader m_header;
    QByteArray m_encodedHeader;
    QString m_id;
    qint64 m_nextChunk = 0;
    qint64 m_delivered = 0;
    QByteArray m_chunk; // nonce | data | tag as read, decrypted in place
    qint64 m_chunkBegin = 0;
    qint64 m_chunkEnd = 0;
    std::optional<Error> m_failure;
};

} // namespace mdp::store::detail
