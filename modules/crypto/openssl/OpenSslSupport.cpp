#include "OpenSslSupport.h"

#include <openssl/err.h>

namespace mdp::crypto::detail {

QString openSslErrorText()
{
    QString text;
    while (const unsigned long code = ERR_get_error()) {
        char buffer[256];
        ERR_error_string_n(code, buffer, sizeof buffer);
        if (!text.isEmpty())
            text += QStringLiteral("; ");
        text += QString::fromUtf8(buffer);
    }
    return text.isEmpty() ? QStringLiteral("unknown OpenSSL error") : text;
}

PublicKey KeyAccess::makePublic(std::shared_ptr<PkeyHolder> holder)
{
    PublicKey key;
    key.m_key = std::move(holder);
    return key;
}

SigningKey KeyAccess::makeSigning(std::shared_ptr<PkeyHolder> holder)
{
    SigningKey key;
    key.m_key = std::move(holder);
    return key;
}

EVP_PKEY *KeyAccess::pkey(const PublicKey &key)
{
    return key.m_key ? key.m_key->pkey : nullptr;
}

EVP_PKEY *KeyAccess::pkey(const SigningKey &key)
{
    return key.m_key ? key.m_key->pkey : nullptr;
}

std::optional<SignatureAlgorithm> algorithmOf(EVP_PKEY *pkey)
{
    if (!pkey)
        return std::nullopt;
    // An SM2-curve key typed "EC" would be signed with ECDSA over SM3, which is not SM2: only keys
    // OpenSSL itself types as SM2 count as SM2 (3.0 decodes SM2 SPKI and PKCS#8 that way).
    if (EVP_PKEY_is_a(pkey, "SM2"))
        return SignatureAlgorithm::Sm2;
    char group[64] = {};
    std::size_t len = 0;
    if (!EVP_PKEY_is_a(pkey, "EC") || !EVP_PKEY_get_group_name(pkey, group, sizeof group, &len))
        return std::nullopt;
    const QByteArrayView name(group, qsizetype(len));
    if (name == "prime256v1" || name == "P-256")
        return SignatureAlgorithm::EcdsaP256;
    return std::nullopt;
}

DigestSignContext::~DigestSignContext()
{
    EVP_MD_CTX_free(m_md);
    EVP_PKEY_CTX_free(m_pkey);
}

bool DigestSignContext::init(EVP_PKEY *pkey, SignatureAlgorithm algorithm, bool forSigning)
{
    m_md = EVP_MD_CTX_new();
    if (!m_md)
        return false;
    if (algorithm == SignatureAlgorithm::Sm2) {
        m_pkey = EVP_PKEY_CTX_new(pkey, nullptr);
        if (!m_pkey || EVP_PKEY_CTX_set1_id(m_pkey, kSm2DefaultId, sizeof kSm2DefaultId - 1) <= 0)
            return false;
        EVP_MD_CTX_set_pkey_ctx(m_md, m_pkey);
        return forSigning ? EVP_DigestSignInit(m_md, nullptr, EVP_sm3(), nullptr, pkey) == 1
                          : EVP_DigestVerifyInit(m_md, nullptr, EVP_sm3(), nullptr, pkey) == 1;
    }
    return forSigning ? EVP_DigestSignInit(m_md, nullptr, EVP_sha256(), nullptr, pkey) == 1
                      : EVP_DigestVerifyInit(m_md, nullptr, EVP_sha256(), nullptr, pkey) == 1;
}

QByteArray publicKeyDer(EVP_PKEY *pkey)
{
    if (!pkey)
        return {};
    const int len = i2d_PUBKEY(pkey, nullptr);
    if (len <= 0)
        return {};
    QByteArray der(len, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(der.data());
    i2d_PUBKEY(pkey, &p);
    return der;
}

} // namespace mdp::crypto::detail
