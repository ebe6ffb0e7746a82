#include "mdp/pki/PrivateKeyPem.h"

#include <array>

namespace mdp::pki {

namespace {

// QByteArray::toBase64 would leave copies of the key in ordinary heap memory; this codes straight
// into and out of wiped buffers.
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr QByteArrayView kBegin = "-----BEGIN PRIVATE KEY-----";
constexpr QByteArrayView kEnd = "-----END PRIVATE KEY-----";
constexpr QByteArrayView kEncryptedBegin = "-----BEGIN ENCRYPTED PRIVATE KEY-----";
constexpr int kLineLength = 64;

std::array<signed char, 256> decodingTable()
{
    std::array<signed char, 256> table{};
    table.fill(-1);
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
    return table;
}

Error invalidPem(const QString &why)
{
    return makeError(Error::Code::InvalidArgument,
                     QStringLiteral("not a PKCS#8 private key PEM: %1").arg(why));
}

} // namespace

SecureBytes privateKeyPem(const SecureBytes &pkcs8Der)
{
    const std::size_t n = pkcs8Der.size();
    const std::size_t encoded = (n + 2) / 3 * 4;
    const std::size_t lines = (encoded + kLineLength - 1) / kLineLength;
    SecureBytes pem(std::size_t(kBegin.size() + 1 + encoded + lines + kEnd.size() + 1));
    char *out = pem.data();
    auto put = [&out](QByteArrayView text) {
        for (char c : text)
            *out++ = c;
    };
    put(kBegin);
    *out++ = '\n';
    const unsigned char *in = pkcs8Der.udata();
    std::size_t column = 0;
    auto emit = [&](char c) {
        *out++ = c;
        if (++column == kLineLength) {
            *out++ = '\n';
            column = 0;
        }
    };
    for (std::size_t i = 0; i < n; i += 3) {
        const unsigned b0 = in[i];
        const unsigned b1 = i + 1 < n ? in[i + 1] : 0;
        const unsigned b2 = i + 2 < n ? in[i + 2] : 0;
        emit(kAlphabet[b0 >> 2]);
        emit(kAlphabet[((b0 & 0x03) << 4) | (b1 >> 4)]);
        emit(i + 1 < n ? kAlphabet[((b1 & 0x0f) << 2) | (b2 >> 6)] : '=');
        emit(i + 2 < n ? kAlphabet[b2 & 0x3f] : '=');
    }
    if (column != 0)
        *out++ = '\n';
    put(kEnd);
    *out++ = '\n';
    Q_ASSERT(out == pem.data() + pem.size());
    return pem;
}

Result<SecureBytes> privateKeyDerFromPem(QByteArrayView pem)
{
    if (pem.indexOf(kEncryptedBegin) >= 0)
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("an encrypted PKCS#8 key is not read here: give the key unencrypted "
                                        "(it is sealed under the CA passphrase as it is imported)"));
    const qsizetype begin = pem.indexOf(kBegin);
    if (begin < 0)
        return invalidPem(QStringLiteral("no -----BEGIN PRIVATE KEY----- line"));
    const qsizetype bodyStart = begin + kBegin.size();
    const qsizetype end = pem.indexOf(kEnd, bodyStart);
    if (end < 0)
        return invalidPem(QStringLiteral("no -----END PRIVATE KEY----- line"));
    const QByteArrayView body = pem.sliced(bodyStart, end - bodyStart);

    static const std::array<signed char, 256> table = decodingTable();
    SecureBytes der(std::size_t(body.size() / 4 * 3 + 3));
    std::size_t written = 0;
    unsigned accumulator = 0;
    int bits = 0;
    int padding = 0;
    for (char c : body) {
        if (c == '\n' || c == '\r' || c == ' ' || c == '\t')
            continue;
        if (c == '=') {
            ++padding;
            continue;
        }
        const signed char value = table[static_cast<unsigned char>(c)];
        if (value < 0 || padding > 0)
            return invalidPem(QStringLiteral("bad base64"));
        accumulator = (accumulator << 6) | unsigned(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            der.data()[written++] = char((accumulator >> bits) & 0xff);
        }
    }
    if (padding > 2 || written == 0)
        return invalidPem(QStringLiteral("bad base64"));
    return SecureBytes(QByteArrayView(der.data(), qsizetype(written)));
}

} // namespace mdp::pki
