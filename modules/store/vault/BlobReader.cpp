#include "BlobReader.h"

#include <cstring>

namespace mdp::store::detail {

Result<std::unique_ptr<BlobReader>> BlobReader::open(const QString &path, const QString &id,
                                                     const AeadFactory &aeadFor)
{
    std::unique_ptr<BlobReader> reader(new BlobReader());
    reader->m_id = id;
    reader->m_file.setFileName(path);
    if (!reader->m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        if (!reader->m_file.exists())
            return makeError(Error::Code::NotFound, QStringLiteral("no blob with id %1").arg(id));
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot open blob %1: %2").arg(id, reader->m_file.errorString()));
    }
    reader->m_encodedHeader = reader->m_file.read(BlobHeader::kSize);
    auto header = BlobHeader::decode(reader->m_encodedHeader);
    if (!header)
        return makeError(header.error().code, QStringLiteral("blob %1: %2").arg(id, header.error().message));
    reader->m_header = *header;
    const qint64 actual = reader->m_file.size();
    if (actual != header->fileSize())
        return makeError(
            Error::Code::Corrupt,
            QStringLiteral("blob %1 is %2 bytes long but its header needs %3: it was truncated or extended")
                .arg(id)
                .arg(actual)
                .arg(header->fileSize()));
    auto aead = aeadFor(header->cipher, header->keyGeneration);
    if (!aead)
        return aead.error();
    reader->m_aead.emplace(std::move(*aead));
    reader->QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    return reader;
}

BlobReader::~BlobReader()
{
    secureZero(m_chunk);
}

qint64 BlobReader::bytesAvailable() const
{
    if (m_failure)
        return 0;
    return qint64(m_header.plaintextSize) - m_delivered + QIODevice::bytesAvailable();
}

void BlobReader::close()
{
    secureZero(m_chunk);
    m_chunkBegin = m_chunkEnd = 0;
    m_file.close();
    QIODevice::close();
}

void BlobReader::fail(Error::Code code, const QString &message)
{
    secureZero(m_chunk);
    m_chunkBegin = m_chunkEnd = 0;
    m_failure = makeError(code, message);
    setErrorString(message);
}

bool BlobReader::decryptNextChunk()
{
    const qint64 index = m_nextChunk;
    const qint64 plainSize = m_header.chunkPlaintextSize(index);
    const bool last = index == m_header.chunkCount() - 1;
    const qint64 recordSize = plainSize + BlobHeader::kChunkOverhead;
    secureZero(m_chunk);
    m_chunk.resize(recordSize);
    if (m_file.read(m_chunk.data(), recordSize) != recordSize) {
        fail(Error::Code::Io, QStringLiteral("cannot read chunk %1 of blob %2").arg(index).arg(m_id));
        return false;
    }
    char *nonce = m_chunk.data();
    char *body = nonce + crypto::kNonceLength;
    const QByteArrayView tag(body + plainSize, crypto::kTagLength);
    auto opened =
        m_aead->openInPlace(QByteArrayView(nonce, crypto::kNonceLength),
                            chunkAssociatedData(m_encodedHeader, m_id, index, last), body, plainSize, tag);
    if (!opened) {
        fail(Error::Code::Tampered,
             QStringLiteral(
                 "chunk %1 of blob %2 failed authentication: the blob was altered, reordered, truncated, "
                 "stored under another id, or the vault key is wrong")
                 .arg(index)
                 .arg(m_id));
        return false;
    }
    m_chunkBegin = crypto::kNonceLength;
    m_chunkEnd = crypto::kNonceLength + plainSize;
    ++m_nextChunk;
    return true;
}

qint64 BlobReader::readData(char *data, qint64 maxSize)
{
    if (m_failure)
        return -1;
    qint64 copied = 0;
    while (copied < maxSize) {
        if (m_chunkBegin == m_chunkEnd) {
            if (m_nextChunk >= m_header.chunkCount())
                break;
            if (!decryptNextChunk()) {
                m_delivered += copied;
                return copied > 0 ? copied : -1;
            }
            continue; // an empty last chunk decrypts to nothing
        }
        const qint64 n = qMin(maxSize - copied, m_chunkEnd - m_chunkBegin);
        std::memcpy(data + copied, m_chunk.constData() + m_chunkBegin, std::size_t(n));
        m_chunkBegin += n;
        copied += n;
    }
    m_delivered += copied;
    return copied;
}

} // namespace mdp::store::detail
