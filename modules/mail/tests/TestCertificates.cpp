#include "TestCertificates.h"

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace {

struct KeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct CertFree
{
    void operator()(X509 *cert) const { X509_free(cert); }
};
struct BioFree
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;
using Cert = std::unique_ptr<X509, CertFree>;
using Bio = std::unique_ptr<BIO, BioFree>;

Key newKey()
{
    return Key(EVP_EC_gen("P-256"));
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!extension)
        return false;
    const bool ok = X509_add_ext(cert, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return ok;
}

// Issued by (issuer, issuerKey); self-signed when issuer is null.
Cert makeCertificate(EVP_PKEY *key, const char *commonName, long serial, X509 *issuer, EVP_PKEY *issuerKey,
                     bool isCa, const char *subjectAltName)
{
    Cert cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        return nullptr;
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 86400);
    X509_set_pubkey(cert.get(), key);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("MDP tests"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName),
                               -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));

    bool ok = addExtension(cert.get(), signer, NID_subject_key_identifier, "hash");
    if (isCa) {
        ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:TRUE");
        ok = ok && addExtension(cert.get(), signer, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        ok = ok && addExtension(cert.get(), signer, NID_authority_key_identifier, "keyid");
        ok = ok && addExtension(cert.get(), signer, NID_basic_constraints, "critical,CA:FALSE");
        ok = ok && addExtension(cert.get(), signer, NID_key_usage, "critical,digitalSignature");
        ok = ok && addExtension(cert.get(), signer, NID_ext_key_usage, "serverAuth");
        ok = ok && addExtension(cert.get(), signer, NID_subject_alt_name, subjectAltName);
    }
    if (!ok || X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        return nullptr;
    return cert;
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(size));
}

QByteArray certificatePem(X509 *cert)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioBytes(bio.get());
}

QByteArray keyPem(EVP_PKEY *key)
{
    Bio bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

std::optional<TestCertificates::Identity> issue(const char *commonName, const char *subjectAltName,
                                                long serial, X509 *ca, EVP_PKEY *caKey)
{
    Key key = newKey();
    if (!key)
        return std::nullopt;
    Cert cert = makeCertificate(key.get(), commonName, serial, ca, caKey, false, subjectAltName);
    if (!cert)
        return std::nullopt;
    return TestCertificates::Identity{certificatePem(cert.get()), keyPem(key.get())};
}

} // namespace

std::optional<TestCertificates> TestCertificates::generate(QString *error)
{
    const auto failed = [error](const char *what) -> std::optional<TestCertificates> {
        if (error)
            *error = QString::fromLatin1(what);
        return std::nullopt;
    };
    Key caKey = newKey();
    Key otherCaKey = newKey();
    if (!caKey || !otherCaKey)
        return failed("EC key generation failed");
    Cert ca = makeCertificate(caKey.get(), "MDP test CA", 1, nullptr, nullptr, true, nullptr);
    Cert otherCa = makeCertificate(otherCaKey.get(), "Untrusted test CA", 1, nullptr, nullptr, true, nullptr);
    if (!ca || !otherCa)
        return failed("CA certificate creation failed");

    TestCertificates pki;
    pki.caPem = certificatePem(ca.get());
    auto localhost = issue("localhost", "DNS:localhost,IP:127.0.0.1", 2, ca.get(), caKey.get());
    auto wrongName = issue("relay.other.invalid", "DNS:relay.other.invalid", 3, ca.get(), caKey.get());
    auto untrusted = issue("localhost", "DNS:localhost,IP:127.0.0.1", 2, otherCa.get(), otherCaKey.get());
    if (!localhost || !wrongName || !untrusted)
        return failed("server certificate creation failed");
    pki.localhost = *localhost;
    pki.wrongName = *wrongName;
    pki.untrusted = *untrusted;
    return pki;
}
