#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QString>

namespace mdp::pki {

// The files of the throw-away demo PKI that `mdp-grantd --demo` and a demo workstation use
// (issue 11). P-256 throughout (what OpenSSL 3.0's TLS 1.3 signs with).
struct DemoPki
{
    QString directory;
    QString caCertificate;          // ca.crt
    QString serverCertificate;      // server.crt: CN mdp-grantd, DNS localhost, IP 127.0.0.1 and ::1
    QString serverKey;              // server.key: unencrypted PKCS#8 PEM, mode 0600
    QString workstationCertificate; // workstation.crt: CN workstation-1
    QString workstationKey;         // workstation.key: unencrypted PKCS#8 PEM, mode 0600
    QString revocationList;         // crl.pem
    bool created = false;           // false when an existing set was reused
};

// A further demo workstation's certificate and key: NAME.crt and NAME.key in the demo folder.
struct DemoCredential
{
    QString certificate;
    QString privateKey;
    QString serialHex;
};

// The demo CA's key is kept sealed (ca.key.sealed) under this fixed, published passphrase, so more
// demo certificates can be issued and revoked later. A demo PKI protects nothing.
SecureBytes demoCaPassphrase();

// Reuses the demo PKI in `dir` when every file is there, belongs together (chain, usages, keys
// matching their certificates) and stays valid for at least a day from clock.now() (a revocation
// list that runs out sooner is renewed in place); otherwise creates a new CA and new certificates
// in `dir` (created if needed), replacing the demo files there.
Result<DemoPki> ensureDemoPki(const QString &dir, const Clock &clock = SystemClock::instance());

// Issues another workstation certificate from the demo CA in `dir` (ensureDemoPki first). `name`
// is the CN and the file stem: letters, digits, '.', '_' and '-' only.
Result<DemoCredential> issueDemoWorkstation(const QString &dir, const QString &name,
                                            const Clock &clock = SystemClock::instance());

// Revokes a certificate of the demo CA and rewrites crl.pem.
Result<void> revokeDemo(const QString &dir, const QString &serialHex,
                        const Clock &clock = SystemClock::instance());

} // namespace mdp::pki
