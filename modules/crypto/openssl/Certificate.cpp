#include "mdp/crypto/Certificate.h"

#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include "OpenSslSupport.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

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

Result<Certificate> Certificate::selfSigned(const SigningKey &key, const QString &commonName, int validDays,
                                            const Clock &clock)
{
    EVP_PKEY *pkey = detail::KeyAccess::pkey(key);
    if (!pkey || commonName.isEmpty() || validDays < 1)
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("a self-signed certificate needs a key, a common name and a validity"));
    X509 *cert = X509_new();
    Certificate result;
    auto fail = [&](const QString &what) {
        X509_free(cert);
        return makeError(Error::Code::Crypto, what + QStringLiteral(": ") + detail::openSslErrorText());
    };
    if (!cert || X509_set_version(cert, X509_VERSION_3) != 1)
        return fail(QStringLiteral("cannot create a certificate"));

    QByteArray serialBytes = randomBytes(16);
    serialBytes[0] = char(serialBytes[0] & 0x7f); // positive, as RFC 5280 requires
    BIGNUM *serial = BN_bin2bn(reinterpret_cast<const unsigned char *>(serialBytes.constData()), 16, nullptr);
    const bool serialOk = serial && BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert));
    BN_free(serial);
    if (!serialOk)
        return fail(QStringLiteral("cannot set the serial number"));

    const QDateTime now = clock.now().toUTC();
    const time_t from = time_t(now.toSecsSinceEpoch());
    if (!ASN1_TIME_set(X509_getm_notBefore(cert), from) ||
        !ASN1_TIME_set(X509_getm_notAfter(cert), from + time_t(validDays) * 86400))
        return fail(QStringLiteral("cannot set the validity"));

    const QByteArray cn = commonName.toUtf8();
    X509_NAME *name = X509_get_subject_name(cert);
    if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(cn.constData()), int(cn.size()),
                                   -1, 0) != 1 ||
        X509_set_issuer_name(cert, name) != 1 || X509_set_pubkey(cert, pkey) != 1)
        return fail(QStringLiteral("cannot set the subject"));

    detail::DigestSignContext ctx;
    if (!ctx.init(pkey, key.algorithm(), true) || X509_sign_ctx(cert, ctx.md()) <= 0)
        return fail(QStringLiteral("cannot sign the certificate"));
    auto r = adopt(cert, result.m_cert);
    if (!r)
        return r.error();
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

QString Certificate::subject() const
{
    if (!m_cert)
        return {};
    BIO *bio = BIO_new(BIO_s_mem());
    QString out;
    if (bio && X509_NAME_print_ex(bio, X509_get_subject_name(m_cert->cert), 0,
                                  XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) >= 0) {
        char *data = nullptr;
        const long len = BIO_get_mem_data(bio, &data);
        out = QString::fromUtf8(data, qsizetype(len));
    }
    BIO_free(bio);
    return out;
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

} // namespace mdp::crypto
