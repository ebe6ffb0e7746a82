#pragma once

#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Signature.h"
#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace mdp::pki {

// One row of issued.json: what the CA issued, enough to list, renew and revoke it without the
// holder's help (the certificate itself is kept, so its public key is too).
struct IssuedCertificate
{
    QString serialHex; // lower-case hex of whole bytes, as crypto::Certificate::serialHex writes it
    QString commonName;
    crypto::CertificateUsage usage = crypto::CertificateUsage::Workstation;
    QDateTime issuedAt;
    QDateTime notBefore;
    QDateTime notAfter;
    QString fingerprint; // SHA-256 of the DER, lower-case hex
    int validDays = 0;   // as asked (the CA's own end may have cut it short)
    QStringList dnsNames;
    QStringList ipAddresses;
    bool revoked = false;
    QDateTime revokedAt;
    QString revocationReason; // RFC 5280 reason name, e.g. "keyCompromise"
    QString renews;           // serial of the certificate this one renewed
    QString renewedBy;        // serial of the certificate that renewed this one
    QByteArray pem;           // the certificate

    // "valid", "revoked" or "expired" at `at`.
    QString status(const QDateTime &at) const;
};

// What issue() and renew() hand back: the certificate and, when the CA generated the key pair, its
// private key (shown once: the CA keeps no subject's private key).
struct IssuedCredential
{
    crypto::Certificate certificate;
    crypto::SigningKey privateKey; // null when the subject brought its public key
    IssuedCertificate record;
};

struct IssueRequest
{
    crypto::CertificateUsage usage = crypto::CertificateUsage::Workstation;
    QString commonName;
    int validDays = 30; // short-lived: renewed before expiry
    QStringList dnsNames;
    QStringList ipAddresses;
    // The subject's own public key (it keeps its private key); without one a key pair of
    // `keyAlgorithm` is generated and returned.
    std::optional<crypto::PublicKey> publicKey;
    // Default: the CA's own algorithm. A chain is SM2 or P-256 throughout (mdp_crypto's chain check
    // does not verify mixed ones), so a subject key of the other algorithm is refused. P-256 for
    // TLS: OpenSSL 3.0's TLS 1.3 offers no SM2 signature algorithms; SM2 where the peer supports it.
    std::optional<crypto::SignatureAlgorithm> keyAlgorithm;
    // A name is one subject: while a certificate for the same use and common name (any case) is
    // valid, not revoked and not renewed, issue() refuses (Conflict, naming its serial) unless this is
    // set, and then revokes the old one as "superseded" once the new one is issued. (mdp-grantd
    // knows a workstation by its certificate name: two live certificates of one name would be two
    // machines sharing one identity and one audit chain at the server.)
    bool replaceExisting = false;
};

// RFC 5280 CRLReason names accepted by revoke() ("unspecified" when none is given).
QStringList revocationReasons();

QString usageName(crypto::CertificateUsage usage); // "authority", "server", "workstation", "user"
std::optional<crypto::CertificateUsage> usageFromName(QStringView name);

// The site CA of mdp-grantd's PKI (issue 11; identity and authentication, R-7.4.3 in
// transit), kept in one folder:
//   ca.crt          the CA certificate (PEM)
//   ca.key.sealed   its PKCS#8 private key sealed under a passphrase (Argon2id -> SM4-GCM, JSON);
//                   absent for a verify-only CA (a hospital CA whose key stays with the hospital)
//   issued.json     the registry of what it issued, renewed and revoked
//   crl.pem         its current revocation list
// Every file is replaced atomically; the CA key never reaches disk in plaintext.
class SiteCa
{
public:
    static constexpr int kDefaultCrlDays = 7;

    ~SiteCa();
    SiteCa(SiteCa &&) noexcept;
    SiteCa &operator=(SiteCa &&) noexcept;

    // A new CA in `dir` (created if needed; refused with AlreadyExists if it holds a CA): a key
    // pair of `algorithm`, a self-signed authority certificate valid for `validDays`, the key
    // sealed under `passphrase`, an empty registry and an empty revocation list.
    static Result<SiteCa> init(const QString &dir, const QString &commonName,
                               crypto::SignatureAlgorithm algorithm, int validDays,
                               const SecureBytes &passphrase, const Clock &clock = SystemClock::instance());
    // Opens the CA with its key: Error::Code::WrongPassphrase when the passphrase does not unseal
    // it. A verify-only folder (no ca.key.sealed) opens without its key whatever the passphrase.
    static Result<SiteCa> open(const QString &dir, const SecureBytes &passphrase,
                               const Clock &clock = SystemClock::instance());
    // Opens the CA without its key, for listing and verifying (what mdp-grantd needs to check
    // its peers).
    static Result<SiteCa> load(const QString &dir, const Clock &clock = SystemClock::instance());
    // A CA the hospital runs: its certificate, optionally its key (sealed here under `passphrase`)
    // and its current revocation list. Without the key the folder is verify-only: certificates are
    // checked, issuing is refused. `dir` must not hold a CA yet.
    static Result<SiteCa> importExternal(const QString &dir, QByteArrayView caCertificatePem,
                                         const crypto::SigningKey *caKey, const SecureBytes &passphrase,
                                         QByteArrayView crlPem = {},
                                         const Clock &clock = SystemClock::instance());

    QString directory() const;
    crypto::Certificate certificate() const;
    // The revocation list in crl.pem (null when the folder has none).
    crypto::RevocationList revocationList() const;
    // True when the CA's key is open: issue, renew, revoke and crl work.
    bool canIssue() const;
    bool isVerifyOnly() const; // the folder holds no CA key at all
    QList<IssuedCertificate> issued() const;
    std::optional<IssuedCertificate> find(const QString &serialHex) const;

    Result<IssuedCredential> issue(const IssueRequest &request);
    // Re-issues the certificate named by serial (or, if no serial matches, the newest unrevoked
    // certificate with that common name) for the same key, name, usage and subject names, valid
    // for `validDays` (0: as long as the one renewed was asked to be). The old certificate stays
    // valid until its end unless revoked; issued.json records the link both ways.
    Result<IssuedCredential> renew(const QString &serialOrCommonName, int validDays = 0);
    // Marks the certificate revoked in issued.json and rewrites crl.pem (kDefaultCrlDays).
    Result<IssuedCertificate> revoke(const QString &serialHex, const QString &reason = {});
    // Writes a fresh crl.pem valid for `validDays` listing every revoked certificate.
    Result<crypto::RevocationList> crl(int validDays = kDefaultCrlDays);
    // Unrevoked, not yet renewed certificates whose end falls within `days` from now (expired
    // ones included): what to renew next.
    QList<IssuedCertificate> expiringWithin(int days) const;
    // The chain check a TLS peer makes against this CA and its crl.pem (when present).
    Result<void> verify(const crypto::Certificate &certificate, crypto::CertificateUsage usage) const;

    // Normalises a serial as typed ("0A:1B", "0x0a1b", "0A1B" -> "a1b"); empty when not hex. Lookups
    // by serial compare normalised forms.
    static QString normaliseSerial(const QString &serial);

private:
    SiteCa();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::pki
