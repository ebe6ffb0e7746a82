#pragma once

#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace mdp::crypto {

namespace detail {
struct CertHolder;
struct CrlHolder;
} // namespace detail

// What a certificate of the platform's PKI is for (issue 11): its key usages, extended key usages and
// the chain check that accepts it.
enum class CertificateUsage
{
    Authority,   // the site's CA: basicConstraints CA:TRUE, keyCertSign, cRLSign
    Server,      // mdp-grantd: serverAuth, with its DNS names and addresses
    Workstation, // a workstation's TLS client certificate: clientAuth
    User,        // a person's certificate (smart card, signing): clientAuth, digitalSignature
};

struct CertificateProfile
{
    QString commonName;
    CertificateUsage usage = CertificateUsage::Workstation;
    int validDays = 30; // short-lived: renewed before expiry
    QStringList dnsNames;
    QStringList ipAddresses;
};

class RevocationList;

// An X.509 v3 certificate for SM2 or ECDSA P-256 keys: self-signed identities, the site CA and the
// certificates it issues (servers, workstations, users), PEM round trips, fingerprints, and the chain
// check with revocation a TLS peer makes.
class Certificate
{
public:
    Certificate();
    ~Certificate();
    Certificate(const Certificate &);
    Certificate &operator=(const Certificate &);
    Certificate(Certificate &&) noexcept;
    Certificate &operator=(Certificate &&) noexcept;

    // Valid from clock.now() for validDays days; random 128-bit serial; issuer = subject = CN.
    static Result<Certificate> selfSigned(const SigningKey &key, const QString &commonName, int validDays,
                                          const Clock &clock);
    // A self-signed certificate authority (the site CA of `mdp pki init-ca`).
    static Result<Certificate> authority(const SigningKey &key, const QString &commonName, int validDays,
                                         const Clock &clock);
    // A certificate for `subject`'s key issued by `ca` (which `caKey` must match), valid from
    // clock.now() for profile.validDays, never past the CA's own end.
    static Result<Certificate> issue(const SigningKey &caKey, const Certificate &ca, const PublicKey &subject,
                                     const CertificateProfile &profile, const Clock &clock);
    static Result<Certificate> fromPem(QByteArrayView pem);
    static Result<Certificate> fromDer(QByteArrayView der);

    bool isNull() const;
    QByteArray pem() const;
    QByteArray der() const;
    QString subject() const;     // one-line distinguished name, e.g. "CN=site-a"
    QString commonName() const;  // the subject's CN
    QDateTime notBefore() const; // UTC
    QDateTime notAfter() const;  // UTC
    bool isValidAt(const QDateTime &time) const;
    PublicKey publicKey() const;
    // SHA-256 of the certificate DER.
    QByteArray fingerprint() const;
    // Checks the certificate's signature against an issuer key (its own key for self-signed ones).
    bool isSignedBy(const PublicKey &issuer) const;
    QString serialHex() const; // lower-case hex, no leading zeros
    QString issuer() const;    // one-line distinguished name
    bool isAuthority() const;  // basicConstraints CA:TRUE

    // The chain check a TLS peer makes (RFC 5280 path validation by OpenSSL): issued by `ca`, valid at
    // `at`, usable for `usage`, and, with a revocation list, not revoked (the list must be `ca`'s and
    // current). Error::Code::PermissionDenied naming the reason (expired, not yet valid, revoked,
    // wrong usage, unknown issuer).
    Result<void> verifyIssuedBy(const Certificate &ca, const RevocationList *crl, CertificateUsage usage,
                                const QDateTime &at) const;

private:
    friend class RevocationList;
    std::shared_ptr<detail::CertHolder> m_cert;
};

struct RevokedCertificate
{
    QString serialHex;
    QDateTime revokedAt;
};

// A CA's certificate revocation list (X.509 v2 CRL): the serials it revoked, signed by it, valid until
// nextUpdate; a TLS peer refuses a revoked certificate at its next handshake.
class RevocationList
{
public:
    RevocationList();
    ~RevocationList();
    RevocationList(const RevocationList &);
    RevocationList &operator=(const RevocationList &);

    static Result<RevocationList> create(const SigningKey &caKey, const Certificate &ca,
                                         const QList<RevokedCertificate> &revoked, int validDays,
                                         const Clock &clock);
    static Result<RevocationList> fromPem(QByteArrayView pem);

    bool isNull() const;
    QByteArray pem() const;
    QDateTime lastUpdate() const;
    QDateTime nextUpdate() const;
    QList<RevokedCertificate> revoked() const;
    bool lists(const Certificate &certificate) const;
    bool isSignedBy(const Certificate &ca) const;

private:
    friend class Certificate;
    std::shared_ptr<detail::CrlHolder> m_crl;
};

} // namespace mdp::crypto
