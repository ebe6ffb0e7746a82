#pragma once

#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

namespace mdp::crypto {

namespace detail {
struct CertHolder;
}

// An X.509 v3 certificate. Only what the workstation needs today: self-signed identity
// certificates for SM2 or ECDSA P-256 keys, PEM round trips and fingerprints (TLS comes later).
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

private:
    std::shared_ptr<detail::CertHolder> m_cert;
};

} // namespace mdp::crypto
