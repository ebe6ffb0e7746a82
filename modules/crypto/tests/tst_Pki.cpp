// The site PKI's certificates (issue 11 groundwork; in transit, R-7.3.2): a CA issues server,
// workstation and user certificates with their usages; the chain check a TLS peer makes refuses
// expired, not-yet-valid, wrong-usage, foreign and revoked certificates; revocation lists round-trip.
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Crypto.h"
#include "mdp/foundation/Clock.h"

#include <QtTest>

using namespace mdp;
using namespace mdp::crypto;

namespace {

const QDateTime kStart(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);

struct Ca
{
    SigningKey key;
    Certificate cert;
};

Ca makeCa(SignatureAlgorithm algorithm, const QString &name, const Clock &clock)
{
    Ca ca;
    ca.key = SigningKey::generate(algorithm).value();
    ca.cert = Certificate::authority(ca.key, name, 365, clock).value();
    return ca;
}

Certificate issued(const Ca &ca, CertificateUsage usage, const QString &name, int days, const Clock &clock,
                   SignatureAlgorithm algorithm = SignatureAlgorithm::EcdsaP256)
{
    const SigningKey key = SigningKey::generate(algorithm).value();
    CertificateProfile profile;
    profile.commonName = name;
    profile.usage = usage;
    profile.validDays = days;
    if (usage == CertificateUsage::Server) {
        profile.dnsNames << QStringLiteral("localhost");
        profile.ipAddresses << QStringLiteral("127.0.0.1");
    }
    auto cert = Certificate::issue(ca.key, ca.cert, key.publicKey(), profile, clock);
    if (!cert)
        qFatal("issue: %s", qPrintable(cert.error().toString()));
    return cert.value();
}

} // namespace

class tst_Pki : public QObject
{
    Q_OBJECT

    ManualClock m_clock{kStart};

private Q_SLOTS:
    void initTestCase() { crypto::initialise(); }

    void aCaIssuesCertificatesForTheirUse()
    {
        const Ca ca = makeCa(SignatureAlgorithm::EcdsaP256, QStringLiteral("MDP Site CA"), m_clock);
        QVERIFY(ca.cert.isAuthority());
        const Certificate server =
            issued(ca, CertificateUsage::Server, QStringLiteral("grantd"), 30, m_clock);
        const Certificate workstation =
            issued(ca, CertificateUsage::Workstation, QStringLiteral("ws-0001"), 30, m_clock);
        QVERIFY(!server.isAuthority());
        QCOMPARE(server.issuer(), ca.cert.subject());
        QVERIFY(server.serialHex() != workstation.serialHex());
        const QDateTime now = kStart.addSecs(60);
        QVERIFY2(server.verifyIssuedBy(ca.cert, nullptr, CertificateUsage::Server, now).ok(),
                 "server as server");
        QVERIFY(workstation.verifyIssuedBy(ca.cert, nullptr, CertificateUsage::Workstation, now).ok());
        // Wrong usage either way.
        QVERIFY(!workstation.verifyIssuedBy(ca.cert, nullptr, CertificateUsage::Server, now).ok());
        QVERIFY(!server.verifyIssuedBy(ca.cert, nullptr, CertificateUsage::Workstation, now).ok());
        // A certificate of another CA, and a self-signed one, are refused.
        const Ca other = makeCa(SignatureAlgorithm::EcdsaP256, QStringLiteral("Other CA"), m_clock);
        auto foreign = workstation.verifyIssuedBy(other.cert, nullptr, CertificateUsage::Workstation, now);
        QVERIFY(!foreign);
        QCOMPARE(foreign.error().code, Error::Code::PermissionDenied);
        const SigningKey own = SigningKey::generate(SignatureAlgorithm::EcdsaP256).value();
        const Certificate self = Certificate::selfSigned(own, QStringLiteral("ws-0001"), 30, m_clock).value();
        QVERIFY(!self.verifyIssuedBy(ca.cert, nullptr, CertificateUsage::Workstation, now).ok());
    }

    void expiredAndNotYetValidAreRefused()
    {
        const Ca ca = makeCa(SignatureAlgorithm::EcdsaP256, QStringLiteral("MDP Site CA"), m_clock);
        const Certificate ws =
            issued(ca, CertificateUsage::Workstation, QStringLiteral("ws-0002"), 7, m_clock);
        QCOMPARE(ws.notBefore().daysTo(ws.notAfter()), 7);
        auto early = ws.verifyIssuedBy(ca.cert, nullptr, CertificateUsage::Workstation, kStart.addDays(-1));
        QVERIFY(!early);
        QVERIFY2(early.error().message.contains(QStringLiteral("not yet valid")),
                 qPrintable(early.error().message));
        auto late = ws.verifyIssuedBy(ca.cert, nullptr, CertificateUsage::Workstation, kStart.addDays(8));
        QVERIFY(!late);
        QVERIFY2(late.error().message.contains(QStringLiteral("expired")), qPrintable(late.error().message));
        // Never valid past the CA's own end.
        const Certificate longLived =
            issued(ca, CertificateUsage::Workstation, QStringLiteral("ws-0003"), 5000, m_clock);
        QVERIFY(longLived.notAfter() <= ca.cert.notAfter());
    }

    void aRevokedCertificateIsRefusedOnTheNextCheck()
    {
        const Ca ca = makeCa(SignatureAlgorithm::EcdsaP256, QStringLiteral("MDP Site CA"), m_clock);
        const Certificate kept =
            issued(ca, CertificateUsage::Workstation, QStringLiteral("ws-kept"), 30, m_clock);
        const Certificate gone =
            issued(ca, CertificateUsage::Workstation, QStringLiteral("ws-lost"), 30, m_clock);
        const QDateTime now = kStart.addSecs(3600);
        auto empty = RevocationList::create(ca.key, ca.cert, {}, 7, m_clock);
        QVERIFY(empty);
        QVERIFY(gone.verifyIssuedBy(ca.cert, &empty.value(), CertificateUsage::Workstation, now).ok());

        auto crl =
            RevocationList::create(ca.key, ca.cert, {{gone.serialHex(), kStart.addSecs(600)}}, 7, m_clock);
        QVERIFY2(crl, qPrintable(crl ? QString() : crl.error().toString()));
        QVERIFY(crl->lists(gone));
        QVERIFY(!crl->lists(kept));
        QVERIFY(crl->isSignedBy(ca.cert));
        auto refused = gone.verifyIssuedBy(ca.cert, &crl.value(), CertificateUsage::Workstation, now);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("revoked")),
                 qPrintable(refused.error().message));
        QVERIFY(kept.verifyIssuedBy(ca.cert, &crl.value(), CertificateUsage::Workstation, now).ok());

        // The list travels as PEM (crl.pem) and says the same after.
        auto copy = RevocationList::fromPem(crl->pem());
        QVERIFY(copy);
        QVERIFY(copy->lists(gone));
        QCOMPARE(copy->revoked().size(), 1);
        QCOMPARE(copy->revoked().first().serialHex, gone.serialHex());
        QCOMPARE(copy->nextUpdate(), crl->nextUpdate());
        // A list another CA signed does not count, and a stale list fails the check.
        const Ca other = makeCa(SignatureAlgorithm::EcdsaP256, QStringLiteral("Other CA"), m_clock);
        QVERIFY(!copy->isSignedBy(other.cert));
        QVERIFY(!kept.verifyIssuedBy(ca.cert, &crl.value(), CertificateUsage::Workstation, kStart.addDays(8))
                     .ok());
        QVERIFY(!RevocationList::fromPem("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n"));
    }

    void issuingNeedsTheCaAndItsOwnKey()
    {
        const Ca ca = makeCa(SignatureAlgorithm::EcdsaP256, QStringLiteral("MDP Site CA"), m_clock);
        const Certificate ws =
            issued(ca, CertificateUsage::Workstation, QStringLiteral("ws-0004"), 30, m_clock);
        const SigningKey subject = SigningKey::generate(SignatureAlgorithm::EcdsaP256).value();
        CertificateProfile profile;
        profile.commonName = QStringLiteral("ws-0005");
        QVERIFY(!Certificate::issue(ca.key, ws, subject.publicKey(), profile, m_clock)); // not a CA
        const SigningKey wrong = SigningKey::generate(SignatureAlgorithm::EcdsaP256).value();
        QVERIFY(!Certificate::issue(wrong, ca.cert, subject.publicKey(), profile, m_clock)); // not its key
        profile.usage = CertificateUsage::Authority;
        QVERIFY(!Certificate::issue(ca.key, ca.cert, subject.publicKey(), profile, m_clock)); // no sub-CA
    }

    // SM2 certificates where the peer supports them (R-7.4.3: national algorithms).
    void anSm2CaIssuesSm2Certificates()
    {
        const Ca ca = makeCa(SignatureAlgorithm::Sm2, QStringLiteral("MDP SM2 CA"), m_clock);
        const Certificate ws = issued(ca, CertificateUsage::Workstation, QStringLiteral("ws-sm2"), 30,
                                      m_clock, SignatureAlgorithm::Sm2);
        QVERIFY(ws.isSignedBy(ca.cert.publicKey()));
        QCOMPARE(ws.publicKey().algorithm(), SignatureAlgorithm::Sm2);
        auto back = Certificate::fromPem(ws.pem());
        QVERIFY(back);
        QVERIFY(back->isSignedBy(ca.cert.publicKey()));
        auto crl = RevocationList::create(ca.key, ca.cert, {{ws.serialHex(), kStart}}, 7, m_clock);
        QVERIFY(crl);
        QVERIFY(crl->lists(ws));
    }
};

QTEST_GUILESS_MAIN(tst_Pki)
#include "tst_Pki.moc"
