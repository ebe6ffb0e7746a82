#pragma once

#include "mdp/crypto/Signature.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <QString>

#include <memory>
#include <optional>

namespace mdp::crypto::detail {

// The SM2 distinguishing ID every signer and verifier here uses (GM/T 0009 default).
inline constexpr char kSm2DefaultId[] = "1234567812345678";

// Drains OpenSSL's error queue into one line (the queue is per thread and must not leak into
// later calls).
QString openSslErrorText();

struct PkeyHolder
{
    explicit PkeyHolder(EVP_PKEY *key, SignatureAlgorithm alg)
        : pkey(key)
        , algorithm(alg)
    {}
    ~PkeyHolder() { EVP_PKEY_free(pkey); }
    PkeyHolder(const PkeyHolder &) = delete;
    PkeyHolder &operator=(const PkeyHolder &) = delete;

    EVP_PKEY *pkey;
    SignatureAlgorithm algorithm;
};

struct CertHolder
{
    explicit CertHolder(X509 *x)
        : cert(x)
    {}
    ~CertHolder() { X509_free(cert); }
    CertHolder(const CertHolder &) = delete;
    CertHolder &operator=(const CertHolder &) = delete;

    X509 *cert;
};

struct CrlHolder
{
    explicit CrlHolder(X509_CRL *c)
        : crl(c)
    {}
    ~CrlHolder() { X509_CRL_free(crl); }
    CrlHolder(const CrlHolder &) = delete;
    CrlHolder &operator=(const CrlHolder &) = delete;

    X509_CRL *crl;
};

// Lets the adapter build and read the public classes without exposing OpenSSL in their headers.
struct KeyAccess
{
    static PublicKey makePublic(std::shared_ptr<PkeyHolder> holder);
    static SigningKey makeSigning(std::shared_ptr<PkeyHolder> holder);
    static EVP_PKEY *pkey(const PublicKey &key);
    static EVP_PKEY *pkey(const SigningKey &key);
};

// Which of our algorithms an OpenSSL key belongs to; nullopt for anything else (RSA, other curves).
std::optional<SignatureAlgorithm> algorithmOf(EVP_PKEY *pkey);

// A digest-sign or digest-verify context set up for the algorithm (SM3 + distinguishing ID for SM2,
// SHA-256 for ECDSA). Owns both contexts: OpenSSL does not free a pkey context attached with
// EVP_MD_CTX_set_pkey_ctx.
class DigestSignContext
{
public:
    DigestSignContext() = default;
    ~DigestSignContext();
    DigestSignContext(const DigestSignContext &) = delete;
    DigestSignContext &operator=(const DigestSignContext &) = delete;

    bool init(EVP_PKEY *pkey, SignatureAlgorithm algorithm, bool forSigning);
    EVP_MD_CTX *md() const { return m_md; }

private:
    EVP_MD_CTX *m_md = nullptr;
    EVP_PKEY_CTX *m_pkey = nullptr;
};

QByteArray publicKeyDer(EVP_PKEY *pkey);

} // namespace mdp::crypto::detail
