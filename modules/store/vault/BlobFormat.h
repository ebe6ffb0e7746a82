#pragma once

#include "mdp/crypto/Aead.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QString>
#include <QtEndian>

#include <optional>

namespace mdp::store::detail {

// On-disk layout of one vault blob (format versions 1 and 2):
//   header   "MDPVBLOB" | u8 version | u8 cipher | u16 key generation | u32 chunk size | u64 plaintext size
// Version 1 is a blob under the vault's first data key (the generation field is 0); version 2 names
// the generation (2 and up) of the data key it is sealed under, so a vault whose key was renewed
// reads blobs of both keys until every blob is re-encrypted.
//   chunks   count = max(1, ceil(size / chunk size)), each: nonce (12) | ciphertext | tag (16)
// Integers are big-endian. An empty blob still has one (empty) authenticated chunk, so even an
// empty file proves it was written with the key.
struct BlobHeader
{
    static constexpr int kSize = 24;
    static constexpr quint8 kVersion = 1;           // first key generation
    static constexpr quint8 kGenerationVersion = 2; // a later one
    static constexpr int kChunkOverhead = crypto::kNonceLength + crypto::kTagLength;

    crypto::AeadCipher cipher = crypto::AeadCipher::Sm4Gcm;
    quint32 chunkSize = 0;
    quint64 plaintextSize = 0;
    quint16 keyGeneration = 1;

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
        out[8] = char(keyGeneration > 1 ? kGenerationVersion : kVersion);
        out[9] = char(cipher == crypto::AeadCipher::Sm4Gcm ? 1 : 2);
        if (keyGeneration > 1)
            qToBigEndian<quint16>(keyGeneration, out.data() + 10);
        qToBigEndian<quint32>(chunkSize, out.data() + 12);
        qToBigEndian<quint64>(plaintextSize, out.data() + 16);
        return out;
    }

    static Result<BlobHeader> decode(QByteArrayView bytes)
    {
        if (bytes.size() < kSize || !bytes.startsWith(QByteArrayView("MDPVBLOB", 8)))
            return makeError(Error::Code::Corrupt, QStringLiteral("the blob has no vault header"));
        const quint8 version = quint8(bytes[8]);
        if (version != kVersion && version != kGenerationVersion)
            return makeError(Error::Code::Unsupported,
                             QStringLiteral("the blob has unknown format version %1").arg(version));
        BlobHeader header;
        const quint16 generation = qFromBigEndian<quint16>(bytes.data() + 10);
        if (version == kVersion ? generation != 0 : generation < 2)
            return makeError(Error::Code::Corrupt, QStringLiteral("the blob header is damaged"));
        header.keyGeneration = version == kVersion ? 1 : generation;
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
        if (header.chunkSize < 16 || header.chunkSize > (1u << 24) ||
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
