#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Direct libgcrypt calls with no wrapper logic in between: the baseline the benchmarks compare our
// classes against, and the tight loop of the GB/T 32907 million-iteration self-test. No libgcrypt
// types here so core/ code can call it.
namespace mdp::crypto::detail {

class RawGcm
{
public:
    RawGcm(bool sm4, QByteArrayView key);
    ~RawGcm();
    RawGcm(const RawGcm &) = delete;
    RawGcm &operator=(const RawGcm &) = delete;

    bool isValid() const { return m_handle != nullptr; }
    bool seal(QByteArrayView nonce, char *inout, qsizetype size, char *tag16);

private:
    void *m_handle = nullptr;
};

// Digest straight through gcry_md_hash_buffer.
void rawHash(bool sm3, QByteArrayView data, char *out32);

// Encrypts block16 under key16 with SM4-ECB `iterations` times, feeding each output back in, on a
// single cipher handle.
QByteArray sm4EncryptIterated(QByteArrayView key16, QByteArrayView block16, int iterations);

// Raw gcry_kdf_derive PBKDF2, for the benchmark baseline.
bool rawPbkdf2(bool sm3, QByteArrayView passphrase, QByteArrayView salt, int iterations, char *out,
               int length);

} // namespace mdp::crypto::detail
