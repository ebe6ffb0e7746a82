#pragma once

#include "mdp/crypto/Aead.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QString>
#include <QtEndian>

#include <optional>

namespace mdp::store::detail {

// On-disk layout of one vault blob (format version 1):
//   header   "MDPVBLOB" | u8 version | u8 cipher | u16 reserved (0) | u32 chunk size | u64 plaintext size
//   chunks   count = max(1, ceil(size / chunk size)), each: nonce (12) | ciphertext | tag (16)
// Integers are big-endian. An empty blob still has one (empty) authenticated chunk, so even an
// empty file proves it was written with the key.
struct BlobHeader
{
    static constexpr int kSize = 24;
    static constexpr quint8 kVersion = 1;
    static constexpr int kChunkOverhead = crypto::kNonceLength + crypto::kTagLength;

    crypto::AeadCipher cipher = crypto::AeadCipher::Sm4Gcm;
    quint32 chunkSize = 0;
    quint64 plaintextSize = 0;

    qint64 chunkCount() const
    {
        return plaintextSize == 0 ? 1 : qint64((plaintextSize + chunkSize - 1) / chunkSize);
    }
    qint64 chunkPlaintextSize(qint64 index) const
    {
        const qint64 last = chunkCount() - 1;
        return index < last ? qint64(chunkSize) : qint64(plaintextSize) - last * qint64(chunkSize);
    }
    qint64 fileSize() const { return kSize + chunkCount() * kChunkOverhead + qint64(plaintextSize); }

    QByteArray encode() const
    {
        QByteArray out(kSize, '\0');
        std::memcpy(out.data(), "MDPVBLOB", 8);
        out[8] = char(kVersion);
        out[9] = char(cipher == crypto::AeadCipher::Sm4Gcm ? 1 : 2);
        qToBigEndian<quint32>(chunkSize, out.data() + 12);
        qToBigEndian<quint64>(plaintextSize, out.data() + 16);
        return out;
    }

    static Result<BlobHeader> decode(QByteArrayView bytes)
    {
        if (bytes.size() < kSize || !bytes.startsWith(QByteArrayView("MDPVBLOB", 8)))
            return makeError(Error::Code::Corrupt, QStringLiteral("the blob has no vault header"));
        if (quint8(bytes[8]) != kVersion)
            return makeError(Error::Code::Unsupported,
                             QStringLiteral("the blob has unknown format version %1").arg(quint8(bytes[8])));
        BlobHeader header;
        switch (quint8(bytes[9])) {
        case 1:
            header.cipher = crypto::AeadCipher::Sm4Gcm;
            break;
        case 2:
            header.cipher = crypto::AeadCipher::Aes256Gcm;
            break;
        default:
            return makeError(Error::Code::Corrupt, QStringLiteral("the blob header names an unknown cipher"));
        }
        header.chunkSize = qFromBigEndian<quint32>(bytes.data() + 12);
        header.plaintextSize = qFromBigEndian<quint64>(bytes.data() + 16);
        if (bytes[10] != 0 || bytes[11] != 0 || header.chunkSize < 16 || header.chunkSize > (1u << 24) ||
            header.plaintextSize > (quint64(1) << 50))
            return makeError(Error::Code::Corrupt, QStringLiteral("the blob header is damaged"));
        return header;
    }
};

// Associated data of one chunk: header, blob id, index and last-chunk flag. Binding the header
// authenticates it; the id stops moving chunks between blobs or renaming the file; the index
// stops reordering; the flag stops dropping trailing chunks.
inline QByteArray chunkAssociatedData(const QByteArray &encodedHeader, const QString &id, qint64 index,
                                      bool last)
{
    QByteArray ad = encodedHeader;
    ad += id.toLatin1();
    char tail[9];
    qToBigEndian<quint64>(quint64(index), tail);
    tail[8] = last ? 1 : 0;
    ad.append(tail, sizeof tail);
    return ad;
}

} // namespace mdp::store::detail
