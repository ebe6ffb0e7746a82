#include "RawGcrypt.h"

#include "GcryptSupport.h"

namespace mdp::crypto::detail {

RawGcm::RawGcm(bool sm4, QByteArrayView key)
{
    ensureGcrypt();
    gcry_cipher_hd_t h = nullptr;
    const int algo = sm4 ? GCRY_CIPHER_SM4 : GCRY_CIPHER_AES256;
    const std::size_t keyLen = sm4 ? 16 : 32;
    if (std::size_t(key.size()) < keyLen || gcry_cipher_open(&h, algo, GCRY_CIPHER_MODE_GCM, 0))
        return;
    if (gcry_cipher_setkey(h, key.data(), keyLen)) {
        gcry_cipher_close(h);
        return;
    }
    m_handle = h;
}

RawGcm::~RawGcm()
{
    if (m_handle)
        gcry_cipher_close(static_cast<gcry_cipher_hd_t>(m_handle));
}

bool RawGcm::seal(QByteArrayView nonce, char *inout, qsizetype size, char *tag16)
{
    auto h = static_cast<gcry_cipher_hd_t>(m_handle);
    return h && !gcry_cipher_reset(h) && !gcry_cipher_setiv(h, nonce.data(), std::size_t(nonce.size())) &&
           !gcry_cipher_final(h) && !gcry_cipher_encrypt(h, inout, std::size_t(size), nullptr, 0) &&
           !gcry_cipher_gettag(h, tag16, 16);
}

void rawHash(bool sm3, QByteArrayView data, char *out32)
{
    ensureGcrypt();
    gcry_md_hash_buffer(sm3 ? GCRY_MD_SM3 : GCRY_MD_SHA256, out32, data.data(), std::size_t(data.size()));
}

QByteArray sm4EncryptIterated(QByteArrayView key16, QByteArrayView block16, int iterations)
{
    ensureGcrypt();
    if (key16.size() != 16 || block16.size() != 16)
        return {};
    gcry_cipher_hd_t h = nullptr;
    if (gcry_cipher_open(&h, GCRY_CIPHER_SM4, GCRY_CIPHER_MODE_ECB, 0))
        return {};
    QByteArray block = block16.toByteArray();
    bool ok = !gcry_cipher_setkey(h, key16.data(), 16);
    for (int i = 0; ok && i < iterations; ++i)
        ok = !gcry_cipher_encrypt(h, block.data(), 16, nullptr, 0);
    gcry_cipher_close(h);
    return ok ? block : QByteArray();
}

bool rawPbkdf2(bool sm3, QByteArrayView passphrase, QByteArrayView salt, int iterations, char *out,
               int length)
{
    ensureGcrypt();
    return !gcry_kdf_derive(passphrase.data(), std::size_t(passphrase.size()), GCRY_KDF_PBKDF2,
                            sm3 ? GCRY_MD_SM3 : GCRY_MD_SHA256, salt.data(), std::size_t(salt.size()),
                            static_cast<unsigned long>(iterations), std::size_t(length), out);
}

} // namespace mdp::crypto::detail
