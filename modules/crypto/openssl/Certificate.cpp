#include "mdp/crypto/Certificate.h"

#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include "OpenSslSupport.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <ctime>

namespace mdp::crypto {

Certificate::Certificate() = default;
Certificate::~Certificate() = default;
Certificate::Certificate(const Certificate &) = default;
Certificate &Certificate::operator=(const Certificate &) = default;
Certificate::Certificate(Certificate &&) noexcept = default;
Certificate &Certificate::operator=(Certificate &&) noexcept = default;

namespace {

QDateTime fromAsn1Time(const ASN1_TIME *time)
{
    struct tm tm = {};
    if (!time || ASN1_TIME_to_tm(time, &tm) != 1)
        return {};
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
                     QTime(tm.tm_hour, tm.tm_min, tm.tm_sec), Qt::UTC);
}

// SM2 signatures on certificates are computed with the default distinguishing ID; OpenSSL must be
// told so before it verifies one.
bool attachSm2Id(X509 *cert)
{
    EVP_PKEY *key = X509_get0_pubkey(cert);
    if (!key || detail::algorithmOf(key) != SignatureAlgorithm::Sm2)
        return true;
    ASN1_OCTET_STRING *id = ASN1_OCTET_STRING_new();
    if (!id || ASN1_OCTET_STRING_set(id, reinterpret_cast<const unsigned char *>(detail::kSm2DefaultId),
                                     int(sizeof detail::kSm2DefaultId - 1)) != 1) {
        ASN1_OCTET_STRING_free(id);
        return false;
    }
    X509_set0_distinguishing_id(cert, id); // takes ownership
    return true;
}

Result<void> adopt(X509 *cert, std::shared_ptr<detail::CertHolder> &slot)
{
    if (!cert)
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("not an X.509 certificate: ") + detail::openSslErrorText());
    auto holder = std::make_shared<detail::CertHolder>(cert);
    if (!detail::algorithmOf(X509_get0_pubkey(cert)))
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("only SM2 and ECDSA P-256 certificates are supported"));
    if (!attachSm2Id(cert))
        return makeError(Error::Code::Crypto, QStringLiteral("cannot set the SM2 distinguishing ID"));
    slot = std::move(holder);
    return {};
}

} // namespace

Result<Certificate> Certificate::fromDer(QByteArrayView der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.data());
    const auto *end = p + der.size();
    X509 *cert = d2i_X509(nullptr, &p, long(der.size()));
    if (cert && p != end) {
        X509_free(cert);
        return makeError(Error::Code::Corrupt, QStringLiteral("trailing bytes after the certificate"));
    }
    Certificate result;
    auto r = adopt(cert, result.m_cert);
    if (!r)
        return r.error();
    return result;
}

Result<Certificate> Certificate::fromPem(QByteArrayView pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    X509 *cert = bio ? PEM_read_bio_X509(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    Certificate result;
    auto r = adopt(cert, result.m_cert);
    if (!r)
        return r.error();
    return result;
}

namespace {

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

// The extensions of each usage (RFC 5280; the CA/Browser baseline where it applies).
bool addUsageExtensions(X509 *cert, X509 *issuer, const CertificateProfile &profile)
{
    const auto add = [&](int nid, const QByteArray &value) {
        return addExtension(cert, issuer, nid, value.constData());
    };
    bool ok = add(NID_subject_key_identifier, "hash");
    if (issuer != cert)
        ok = ok && add(NID_authority_key_identifier, "keyid:always");
    switch (profile.usage) {
    case CertificateUsage::Authority:
        return ok && add(NID_basic_constraints, "critical,CA:TRUE,pathlen:0") &&
               add(NID_key_usage, "critical,keyCertSign,cRLSign,digitalSignature");
    case CertificateUsage::Server: {
        QStringList names;
        for (const QString &dns : profile.dnsNames)
            names << QStringLiteral("DNS:") + dns;
        for (const QString &ip : profile.ipAddresses)
            names << QStringLiteral("IP:") + ip;
        if (!names.isEmpty())
            ok = ok && add(NID_subject_alt_name, names.join(QLatin1Char(',')).toLatin1());
        return ok && add(NID_basic_constraints, "critical,CA:FALSE") &&
               add(NID_key_usage, "critical,digitalSignature,keyAgreement") &&
               add(NID_ext_key_usage, "serverAuth");
    }
    case CertificateUsage::Workstation:
        return ok && add(NID_basic_constraints, "critical,CA:FALSE") &&
               add(NID_key_usage, "critical,digitalSignature,keyAgreement") &&
               add(NID_ext_key_usage, "clientAuth");
    case CertificateUsage::User:
        return ok && add(NID_basic_constraints, "critical,CA:FALSE") &&
               add(NID_key_usage, "critical,digitalSignature,nonRepudiation") &&
               add(NID_ext_key_usage, "clientAuth,emailProtection");
    }
    return false;
}

// One certificate: `subjectKey` certified by `signer`, named by `issuer` (the certificate itself when
// null: self-signed).
Result<void> build(const SigningKey &signer, X509 *issuer, EVP_PKEY *subjectKey,
                   const CertificateProfile *profile, const QString &commonName, int validDays,
                   const Clock &clock, std::shared_ptr<detail::CertHolder> &slot)
{
    EVP_PKEY *signingKey = detail::KeyAccess::pkey(signer);
    if (!signingKey || !subjectKey || commonName.isEmpty() || validDays < 1)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a certificate needs keys, a common name and a validity"));
    X509 *cert = X509_new();
    auto fail = [&](const QString &what) {
        X509_free(cert);
        return makeError(Error::Code::Crypto, what + QStringLiteral(": ") + detail::openSslErrorText());
    };
    if (!cert || X509_set_version(cert, X509_VERSION_3) != 1)
        return fail(QStringLiteral("cannot create a certificate"));

    QByteArray serialBytes = randomBytes(16);
    serialBytes[0] = char((serialBytes[0] & 0x7f) | 0x01); // positive and non-zero, as RFC 5280 requires
    BIGNUM *serial = BN_bin2bn(reinterpret_cast<const unsigned char *>(serialBytes.constData()), 16, nullptr);
    const bool serialOk = serial && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert));
    BN_free(serial);
    if (!serialOk)
        return fail(QStringLiteral("cannot set the serial number"));

    const QDateTime now = clock.now().toUTC();
    const time_t from = time_t(now.toSecsSinceEpoch());
    time_t until = from + time_t(validDays) * 86400;
    if (issuer) { // never past the issuer's own end
        struct tm tm = {};
        if (ASN1_TIME_to_tm(X509_get0_notAfter(issuer), &tm) == 1)
            until = std::min(until, timegm(&tm));
    }
    if (!ASN1_TIME_set(X509_getm_notBefore(cert), from) || !ASN1_TIME_set(X509_getm_notAfter(cert), until))
        return fail(QStringLiteral("cannot set the validity"));

    const QByteArray cn = commonName.toUtf8();
    X509_NAME *name = X509_get_subject_name(cert);
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(cn.constData()), int(cn.size()),
                                   -1, 0) != 1 ||
        X509_set_issuer_name(cert, issuer ? X509_get_subject_name(issuer) : name) != 1 ||
        X509_set_pubkey(cert, subjectKey) != 1)
        return fail(QStringLiteral("cannot set the subject"));
    if (profile && !addUsageExtensions(cert, issuer ? issuer : cert, *profile))
        return fail(QStringLiteral("cannot set the extensions"));

    detail::DigestSignContext ctx;
    if (!ctx.init(signingKey, signer.algorithm(), true) || X509_sign_ctx(cert, ctx.md()) <= 0)
        return fail(QStringLiteral("cannot sign the certificate"));
    return adopt(cert, slot);
}

} // namespace

Result<Certificate> Certificate::selfSigned(const SigningKey &key, const QString &commonName, int validDays,
                                            const Clock &clock)
{
    Certificate result;
    auto built = build(key, nullptr, detail::KeyAccess::pkey(key), nullptr, commonName, validDays, clock,
                       result.m_cert);
    if (!built)
        return built.error();
    return result;
}

Result<Certificate> Certificate::authority(const SigningKey &key, const QString &commonName, int validDays,
                                           const Clock &clock)
{
    Certificate result;
    CertificateProfile profile;
    profile.commonName = commonName;
    profile.usage = CertificateUsage::Authority;
    auto built = build(key, nullptr, detail::KeyAccess::pkey(key), &profile, commonName, validDays, clock,
                       result.m_cert);
    if (!built)
        return built.error();
    return result;
}

Result<Certificate> Certificate::issue(const SigningKey &caKey, const Certificate &ca,
                                       const PublicKey &subject, const CertificateProfile &profile,
                                       const Clock &clock)
{
    if (ca.isNull() || !ca.isAuthority())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the issuer is not a certificate authority"));
    if (!(ca.publicKey().der() == caKey.publicKey().der()))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the key does not belong to the CA certificate"));
    if (profile.usage == CertificateUsage::Authority)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the site CA issues no other authority"));
    Certificate result;
    auto built = build(caKey, ca.m_cert->cert, detail::KeyAccess::pkey(subject), &profile, profile.commonName,
                       profile.validDays, clock, result.m_cert);
    if (!built)
        return built.error();
    return result;
}

bool Certificate::isNull() const
{
    return !m_cert;
}

QByteArray Certificate::pem() const
{
    if (!m_cert)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray out;
    if (bio && PEM_write_bio_X509(bio, m_cert->cert) == 1) {
        char *data = nullptr;
        const long len = BIO_get_mem_data(bio, &data);
        out = QByteArray(data, qsizetype(len));
    }
    BIO_free(bio);
    return out;
}

QByteArray Certificate::der() const
{
    if (!m_cert)
        return {};
    const int len = i2d_X509(m_cert->cert, nullptr);
    if (len <= 0)
        return {};
    QByteArray out(len, Qt::Uninitialized);
    auto *p = reinterpret_cast<unsigned char *>(out.data());
    i2d_X509(m_cert->cert, &p);
    return out;
}

namespace {
QString nameText(const X509_NAME *name)
{
    BIO *bio = BIO_new(BIO_s_mem());
    QString out;
    if (bio && X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) >= 0) {
        char *data = nullptr;
        const long len = BIO_get_mem_data(bio, &data);
        out = QString::fromUtf8(data, qsizetype(len));
    }
    BIO_free(bio);
    return out;
}
} // namespace

QString Certificate::subject() const
{
    return m_cert ? nameText(X509_get_subject_name(m_cert->cert)) : QString();
}

QString Certificate::commonName() const
{
    if (!m_cert)
        return {};
    X509_NAME *name = X509_get_subject_name(m_cert->cert);
    const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (index < 0)
        return {};
    unsigned char *utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index)));
    if (len < 0)
        return {};
    const QString out = QString::fromUtf8(reinterpret_cast<const char *>(utf8), len);
    OPENSSL_free(utf8);
    return out;
}

QDateTime Certificate::notBefore() const
{
    return m_cert ? fromAsn1Time(X509_get0_notBefore(m_cert->cert)) : QDateTime();
}

QDateTime Certificate::notAfter() const
{
    return m_cert ? fromAsn1Time(X509_get0_notAfter(m_cert->cert)) : QDateTime();
}

bool Certificate::isValidAt(const QDateTime &time) const
{
    return m_cert && time >= notBefore() && time <= notAfter();
}

PublicKey Certificate::publicKey() const
{
    if (!m_cert)
        return {};
    auto key = PublicKey::fromDer(detail::publicKeyDer(X509_get0_pubkey(m_cert->cert)));
    return key ? key.value() : PublicKey();
}

QByteArray Certificate::fingerprint() const
{
    return m_cert ? hash(HashAlgorithm::Sha256, der()) : QByteArray();
}

bool Certificate::isSignedBy(const PublicKey &issuer) const
{
    EVP_PKEY *pkey = detail::KeyAccess::pkey(issuer);
    if (!m_cert || !pkey)
        return false;
    const bool ok = X509_verify(m_cert->cert, pkey) == 1;
    if (!ok)
        detail::openSslErrorText();
    return ok;
}

QString Certificate::serialHex() const
{
    if (!m_cert)
        return {};
    BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(m_cert->cert), nullptr);
    char *hex = bn ? BN_bn2hex(bn) : nullptr;
    const QString out = hex ? QString::fromLatin1(hex).toLower() : QString();
    OPENSSL_free(hex);
    BN_free(bn);
    return out;
}

QString Certificate::issuer() const
{
    return m_cert ? nameText(X509_get_issuer_name(m_cert->cert)) : QString();
}

bool Certificate::isAuthority() const
{
    return m_cert && X509_check_ca(m_cert->cert) >= 1 &&
           (X509_get_extension_flags(m_cert->cert) & EXFLAG_CA) != 0;
}

Result<void> Certificate::verifyIssuedBy(const Certificate &ca, const RevocationList *crl,
                                         CertificateUsage usage, const QDateTime &at) const
{
    if (!m_cert || ca.isNull())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("no certificate to check"));
    X509_STORE *store = X509_STORE_new();
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    auto done = [&](Result<void> r) {
        X509_STORE_CTX_free(ctx);
        X509_STORE_free(store);
        return r;
    };
    if (!store || !ctx || X509_STORE_add_cert(store, ca.m_cert->cert) != 1)
        return done(makeError(Error::Code::Crypto, QStringLiteral("cannot set up the chain check")));
    unsigned long flags = X509_V_FLAG_X509_STRICT;
    if (crl && !crl->isNull()) {
        if (X509_STORE_add_crl(store, crl->m_crl->crl) != 1)
            return done(makeError(Error::Code::Crypto, QStringLiteral("cannot add the revocation list")));
        flags |= X509_V_FLAG_CRL_CHECK;
    }
    if (X509_STORE_CTX_init(ctx, store, m_cert->cert, nullptr) != 1)
        return done(makeError(Error::Code::Crypto, QStringLiteral("cannot set up the chain check")));
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx);
    X509_VERIFY_PARAM_set_flags(param, flags);
    X509_VERIFY_PARAM_set_time(param, time_t(at.toUTC().toSecsSinceEpoch()));
    int purpose = X509_PURPOSE_ANY;
    if (usage == CertificateUsage::Server)
        purpose = X509_PURPOSE_SSL_SERVER;
    else if (usage == CertificateUsage::Workstation || usage == CertificateUsage::User)
        purpose = X509_PURPOSE_SSL_CLIENT;
    X509_STORE_CTX_set_purpose(ctx, purpose);
    if (X509_verify_cert(ctx) == 1)
        return done({});
    const int code = X509_STORE_CTX_get_error(ctx);
    return done(makeError(Error::Code::PermissionDenied,
                          QStringLiteral("certificate refused: %1")
                              .arg(QString::fromLatin1(X509_verify_cert_error_string(code)))));
}

RevocationList::RevocationList() = default;
RevocationList::~RevocationList() = default;
RevocationList::RevocationList(const RevocationList &) = default;
RevocationList &RevocationList::operator=(const RevocationList &) = default;

Result<RevocationList> RevocationList::create(const SigningKey &caKey, const Certificate &ca,
                                              const QList<RevokedCertificate> &revoked, int validDays,
                                              const Clock &clock)
{
    EVP_PKEY *signingKey = detail::KeyAccess::pkey(caKey);
    if (!signingKey || ca.isNull() || !ca.isAuthority() || validDays < 1)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a revocation list needs the CA and its key"));
    X509_CRL *crl = X509_CRL_new();
    auto fail = [&](const QString &what) {
        X509_CRL_free(crl);
        return makeError(Error::Code::Crypto, what + QStringLiteral(": ") + detail::openSslErrorText());
    };
    const time_t now = time_t(clock.now().toUTC().toSecsSinceEpoch());
    ASN1_TIME *last = ASN1_TIME_set(nullptr, now);
    ASN1_TIME *next = ASN1_TIME_set(nullptr, now + time_t(validDays) * 86400);
    const bool timesOk = crl && last && next && X509_CRL_set_version(crl, X509_CRL_VERSION_2) == 1 &&
                         X509_CRL_set_issuer_name(crl, X509_get_subject_name(ca.m_cert->cert)) == 1 &&
                         X509_CRL_set1_lastUpdate(crl, last) == 1 && X509_CRL_set1_nextUpdate(crl, next) == 1;
    ASN1_TIME_free(last);
    ASN1_TIME_free(next);
    if (!timesOk)
        return fail(QStringLiteral("cannot create the revocation list"));
    for (const RevokedCertificate &r : revoked) {
        BIGNUM *bn = nullptr;
        const QByteArray hex = r.serialHex.toLatin1();
        X509_REVOKED *entry = X509_REVOKED_new();
        ASN1_INTEGER *serial =
            (BN_hex2bn(&bn, hex.constData()) > 0) ? BN_to_ASN1_INTEGER(bn, nullptr) : nullptr;
        ASN1_TIME *when = ASN1_TIME_set(nullptr, time_t(r.revokedAt.toUTC().toSecsSinceEpoch()));
        const bool ok = entry && serial && when && X509_REVOKED_set_serialNumber(entry, serial) == 1 &&
                        X509_REVOKED_set_revocationDate(entry, when) == 1 &&
                        X509_CRL_add0_revoked(crl, entry) == 1;
        BN_free(bn);
        ASN1_INTEGER_free(serial);
        ASN1_TIME_free(when);
        if (!ok) {
            if (entry)
                X509_REVOKED_free(entry);
            return fail(QStringLiteral("cannot list serial %1").arg(r.serialHex.left(40)));
        }
    }
    X509_CRL_sort(crl);
    detail::DigestSignContext ctx;
    if (!ctx.init(signingKey, caKey.algorithm(), true) || X509_CRL_sign_ctx(crl, ctx.md()) <= 0)
        return fail(QStringLiteral("cannot sign the revocation list"));
    RevocationList result;
    result.m_crl = std::make_shared<detail::CrlHolder>(crl);
    return result;
}

Result<RevocationList> RevocationList::fromPem(QByteArrayView pem)
{
    BIO *bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    X509_CRL *crl = bio ? PEM_read_bio_X509_CRL(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    if (!crl)
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("not a revocation list: ") + detail::openSslErrorText());
    RevocationList result;
    result.m_crl = std::make_shared<detail::CrlHolder>(crl);
    return result;
}

bool RevocationList::isNull() const
{
    return !m_crl;
}

QByteArray RevocationList::pem() const
{
    if (!m_crl)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray out;
    if (bio && PEM_write_bio_X509_CRL(bio, m_crl->crl) == 1) {
        char *data = nullptr;
        const long len = BIO_get_mem_data(bio, &data);
        out = QByteArray(data, int(len));
    }
    BIO_free(bio);
    return out;
}

QDateTime RevocationList::lastUpdate() const
{
    return m_crl ? fromAsn1Time(X509_CRL_get0_lastUpdate(m_crl->crl)) : QDateTime();
}

QDateTime RevocationList::nextUpdate() const
{
    return m_crl ? fromAsn1Time(X509_CRL_get0_nextUpdate(m_crl->crl)) : QDateTime();
}

QList<RevokedCertificate> RevocationList::revoked() const
{
    QList<RevokedCertificate> out;
    if (!m_crl)
        return out;
    const STACK_OF(X509_REVOKED) *entries = X509_CRL_get_REVOKED(m_crl->crl);
    for (int i = 0; entries && i < sk_X509_REVOKED_num(entries); ++i) {
        const X509_REVOKED *entry = sk_X509_REVOKED_value(entries, i);
        BIGNUM *bn = ASN1_INTEGER_to_BN(X509_REVOKED_get0_serialNumber(entry), nullptr);
        char *hex = bn ? BN_bn2hex(bn) : nullptr;
        out << RevokedCertificate{hex ? QString::fromLatin1(hex).toLower() : QString(),
                                  fromAsn1Time(X509_REVOKED_get0_revocationDate(entry))};
        OPENSSL_free(hex);
        BN_free(bn);
    }
    return out;
}

bool RevocationList::lists(const Certificate &certificate) const
{
    if (!m_crl || certificate.isNull())
        return false;
    X509_REVOKED *entry = nullptr;
    return X509_CRL_get0_by_cert(m_crl->crl, &entry, certificate.m_cert->cert) == 1;
}

bool RevocationList::isSignedBy(const Certificate &ca) const
{
    if (!m_crl || ca.isNull())
        return false;
    EVP_PKEY *key = X509_get0_pubkey(ca.m_cert->cert);
    return key && X509_CRL_verify(m_crl->crl, key) == 1;
}

} // namespace mdp::crypto
