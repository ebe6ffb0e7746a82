// The site CA of mdp-grantd's mutual TLS (issue 11). identity and authentication: every
// workstation, server and user is known by a certificate of the site CA, which a peer checks (chain,
// usage, validity, revocation). protection in transit: the TLS credentials (server.crt/.key,
// workstation.crt/.key, ca.crt, crl.pem) come from here, and the CA key itself is sealed at rest.
#include "mdp/crypto/Certificate.h"
#include "mdp/crypto/Crypto.h"
#include "mdp/foundation/Clock.h"
#include "mdp/pki/DemoPki.h"
#include "mdp/pki/PrivateKeyPem.h"
#include "mdp/pki/SiteCa.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::crypto;
using namespace mdp::pki;

namespace {

const QDateTime kStart(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
constexpr qint64 kDay = 86400LL * 1000;

SecureBytes secret(const char *text)
{
    return SecureBytes(QByteArrayView(text));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

IssueRequest request(CertificateUsage usage, const QString &name, int days = 30)
{
    IssueRequest r;
    r.usage = usage;
    r.commonName = name;
    r.validDays = days;
    if (usage == CertificateUsage::Server) {
        r.dnsNames << QStringLiteral("grantd.example.org");
        r.ipAddresses << QStringLiteral("10.0.0.5");
    }
    return r;
}

// Whether `haystack` holds any 16-byte run of `secretBytes`: a plaintext key would show up whole or
// in part, in any encoding the file uses for binary data (raw or base64 fields).
bool leaksAnyPart(const QByteArray &haystack, QByteArrayView secretBytes)
{
    QList<QByteArray> views{haystack};
    const QJsonDocument doc = QJsonDocument::fromJson(haystack);
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        views << QByteArray::fromBase64(it.value().toString().toLatin1());
    const qsizetype width = std::min<qsizetype>(16, secretBytes.size());
    for (qsizetype i = 0; i + width <= secretBytes.size(); ++i) {
        const QByteArrayView window = secretBytes.sliced(i, width);
        for (const QByteArray &v : std::as_const(views)) {
            if (v.contains(window) || v.contains(window.toByteArray().toBase64()) ||
                v.contains(window.toByteArray().toHex()))
                return true;
        }
    }
    return false;
}

bool privateToOwner(const QString &path)
{
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                            QFileDevice::WriteOther | QFileDevice::ExeOther;
    return QFile::exists(path) && !(QFile::permissions(path) & others);
}

} // namespace

class tst_SiteCa : public QObject
{
    Q_OBJECT

    ManualClock m_clock{kStart};
    const SecureBytes m_passphrase = secret("correct horse battery staple");

    SiteCa makeCa(const QString &dir, SignatureAlgorithm algorithm = SignatureAlgorithm::EcdsaP256)
    {
        auto ca = SiteCa::init(dir, QStringLiteral("MDP Site CA"), algorithm, 3650, m_passphrase, m_clock);
        if (!ca)
            qFatal("init: %s", qPrintable(ca.error().toString()));
        return std::move(ca).value();
    }

private Q_SLOTS:
    void initTestCase() { crypto::initialise(); }
    void init() { m_clock.set(kStart); }

    void initMakesTheFolderWithTheKeySealed()
    {
        QTemporaryDir dir;
        SiteCa ca = makeCa(dir.path());
        for (const char *name : {"ca.crt", "ca.key.sealed", "issued.json", "crl.pem"})
            QVERIFY2(QFile::exists(dir.filePath(QLatin1String(name))), name);
        QVERIFY(ca.canIssue());
        QVERIFY(!ca.isVerifyOnly());
        auto cert = Certificate::fromPem(readAll(dir.filePath(QStringLiteral("ca.crt"))));
        QVERIFY(cert);
        QVERIFY(cert->isAuthority());
        QCOMPARE(cert->commonName(), QStringLiteral("MDP Site CA"));
        QCOMPARE(cert->publicKey().algorithm(), SignatureAlgorithm::EcdsaP256);
        QVERIFY(ca.revocationList().isSignedBy(cert.value()));
        QVERIFY(ca.revocationList().revoked().isEmpty());

        // The sealed key describes itself and holds no key in the clear.
        const QByteArray sealed = readAll(dir.filePath(QStringLiteral("ca.key.sealed")));
        const QJsonObject o = QJsonDocument::fromJson(sealed).object();
        QCOMPARE(o.value(u"kdf").toString(), QStringLiteral("argon2id"));
        QCOMPARE(o.value(u"cipher").toString(), QStringLiteral("sm4-gcm"));
        for (const char *field : {"salt", "nonce", "ciphertext", "iterations", "memoryKiB"})
            QVERIFY2(o.contains(QLatin1String(field)), field);
        QVERIFY(!sealed.contains("PRIVATE KEY"));
        QVERIFY(!sealed.contains("-----BEGIN"));
        // The start of an EC key's PKCS#8 DER (version 0, then the id-ecPublicKey algorithm; a
        // public key's SubjectPublicKeyInfo has no version) appears nowhere, raw, base64 or hex.
        QVERIFY(!leaksAnyPart(sealed, QByteArray::fromHex("020100301306072a8648ce3d0201")));
        QVERIFY(privateToOwner(dir.filePath(QStringLiteral("ca.key.sealed"))));

        // A second init over it is refused: a CA is never replaced by accident.
        auto again = SiteCa::init(dir.path(), QStringLiteral("Other"), SignatureAlgorithm::EcdsaP256, 10,
                                  m_passphrase, m_clock);
        QVERIFY(!again);
        QCOMPARE(again.error().code, Error::Code::AlreadyExists);
    }

    void aKnownKeyLeavesNoTraceInTheSealedFile()
    {
        // A key whose bytes the test knows, imported (the hospital CA with its key) and sealed.
        QTemporaryDir dir;
        const SigningKey key = SigningKey::generate(SignatureAlgorithm::EcdsaP256).value();
        const Certificate cert =
            Certificate::authority(key, QStringLiteral("Hospital CA"), 365, m_clock).value();
        auto ca = SiteCa::importExternal(dir.path(), cert.pem(), &key, m_passphrase, {}, m_clock);
        QVERIFY2(ca, qPrintable(ca ? QString() : ca.error().toString()));
        QVERIFY(ca->canIssue());
        const SecureBytes der = key.privateKeyDer();
        // (The prefix the other test looks for is indeed how a P-256 PKCS#8 key starts.)
        QVERIFY(der.view().toByteArray().contains(QByteArray::fromHex("020100301306072a8648ce3d0201")));
        const QByteArray sealed = readAll(dir.filePath(QStringLiteral("ca.key.sealed")));
        QVERIFY(!sealed.isEmpty());
        // The private scalar (ECPrivateKey: version 1, OCTET STRING of 32 bytes) and the DER up to it;
        // the public key that follows it in the DER is in the file by design.
        const QByteArray plain = der.view().toByteArray();
        const qsizetype at = plain.indexOf(QByteArray::fromHex("0201010420"));
        QVERIFY(at > 0);
        const QByteArray privatePart = plain.mid(at, 5 + 32);
        QVERIFY(!leaksAnyPart(sealed, privatePart));
        QVERIFY(!sealed.contains(privateKeyPem(der).view().toByteArray()));
        QVERIFY(!sealed.contains("PRIVATE KEY"));
        // And it opens again to the same key: what it issues verifies under the imported certificate.
        auto reopened = SiteCa::open(dir.path(), m_passphrase, m_clock);
        QVERIFY(reopened);
        auto ws = reopened->issue(request(CertificateUsage::Workstation, QStringLiteral("ws-h1")));
        QVERIFY(ws);
        QVERIFY(ws->certificate.isSignedBy(cert.publicKey()));
    }

    void aWrongPassphraseIsRefused()
    {
        QTemporaryDir dir;
        makeCa(dir.path());
        auto wrong = SiteCa::open(dir.path(), secret("correct horse battery stapler"), m_clock);
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, Error::Code::WrongPassphrase);
        QVERIFY(SiteCa::open(dir.path(), m_passphrase, m_clock));

        // The derivation's parameters are bound to the ciphertext: weakening them does not open it.
        const QString path = dir.filePath(QStringLiteral("ca.key.sealed"));
        QJsonObject o = QJsonDocument::fromJson(readAll(path)).object();
        o.insert(QStringLiteral("iterations"), 4);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(o).toJson());
        f.close();
        QVERIFY(!SiteCa::open(dir.path(), m_passphrase, m_clock));
        // Parameters outside the bounds are refused as corrupt before any work.
        o.insert(QStringLiteral("memoryKiB"), 1 << 30);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(o).toJson());
        f.close();
        auto corrupt = SiteCa::open(dir.path(), m_passphrase, m_clock);
        QVERIFY(!corrupt);
        QCOMPARE(corrupt.error().code, Error::Code::Corrupt);
    }

    void itIssuesEachUsageAndAPeerAcceptsItForThatUseOnly()
    {
        QTemporaryDir dir;
        SiteCa ca = makeCa(dir.path());
        const QDateTime now = kStart.addSecs(60);
        const QList<CertificateUsage> usages{CertificateUsage::Server, CertificateUsage::Workstation,
                                             CertificateUsage::User};
        QList<IssuedCredential> issued;
        for (CertificateUsage usage : usages) {
            auto c = ca.issue(request(usage, usageName(usage) + QStringLiteral("-1")));
            QVERIFY2(c, qPrintable(c ? QString() : c.error().toString()));
            QVERIFY(!c->privateKey.isNull());
            QVERIFY(c->privateKey.publicKey() == c->certificate.publicKey());
            QCOMPARE(c->certificate.publicKey().algorithm(), SignatureAlgorithm::EcdsaP256);
            issued << c.value();
        }
        const RevocationList crl = ca.revocationList();
        for (qsizetype i = 0; i < issued.size(); ++i) {
            for (qsizetype j = 0; j < usages.size(); ++j) {
                const bool ok =
                    issued.at(i).certificate.verifyIssuedBy(ca.certificate(), &crl, usages.at(j), now).ok();
                // A user certificate is a client certificate too (clientAuth), like a workstation's.
                const bool clientPair =
                    usages.at(i) != CertificateUsage::Server && usages.at(j) != CertificateUsage::Server;
                QVERIFY2(ok == (i == j || clientPair),
                         qPrintable(QStringLiteral("%1 checked as %2")
                                        .arg(usageName(usages.at(i)), usageName(usages.at(j)))));
            }
        }
        // A server certificate without a name to check is refused; so is a sub-CA.
        IssueRequest nameless = request(CertificateUsage::Server, QStringLiteral("grantd"));
        nameless.dnsNames.clear();
        nameless.ipAddresses.clear();
        QVERIFY(!ca.issue(nameless));
        QVERIFY(!ca.issue(request(CertificateUsage::Authority, QStringLiteral("sub"))));

        // The holder's own key: the CA returns no private key.
        const SigningKey own = SigningKey::generate(SignatureAlgorithm::EcdsaP256).value();
        IssueRequest withKey = request(CertificateUsage::User, QStringLiteral("dr-li"));
        withKey.publicKey = own.publicKey();
        auto user = ca.issue(withKey);
        QVERIFY(user);
        QVERIFY(user->privateKey.isNull());
        QVERIFY(user->certificate.publicKey() == own.publicKey());
        // A chain is one algorithm throughout: an SM2 key under this P-256 CA is refused, not issued
        // into a certificate no peer here could verify.
        withKey.publicKey = SigningKey::generate(SignatureAlgorithm::Sm2).value().publicKey();
        auto mixed = ca.issue(withKey);
        QVERIFY(!mixed);
        QCOMPARE(mixed.error().code, Error::Code::Unsupported);

        // The registry lists them all, and says the same when read back.
        auto loaded = SiteCa::load(dir.path(), m_clock);
        QVERIFY(loaded);
        QCOMPARE(loaded->issued().size(), 4);
        QVERIFY(!loaded->canIssue());
        const IssuedCertificate server = loaded->issued().first();
        QCOMPARE(server.usage, CertificateUsage::Server);
        QCOMPARE(server.dnsNames, QStringList{QStringLiteral("grantd.example.org")});
        QCOMPARE(server.fingerprint, QString::fromLatin1(issued.first().certificate.fingerprint().toHex()));
        QCOMPARE(server.status(now), QStringLiteral("valid"));
        // Loaded without the passphrase, it verifies but does not issue.
        QVERIFY(loaded->verify(issued.first().certificate, CertificateUsage::Server));
        auto refused = loaded->issue(request(CertificateUsage::Workstation, QStringLiteral("ws-2")));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::PermissionDenied);
    }

    void renewalKeepsTheKeyWithANewSerialAndALaterEnd()
    {
        QTemporaryDir dir;
        SiteCa ca = makeCa(dir.path());
        auto first = ca.issue(request(CertificateUsage::Workstation, QStringLiteral("ws-7"), 30));
        QVERIFY(first);
        m_clock.advance(25 * kDay);
        const QList<IssuedCertificate> due = ca.expiringWithin(7);
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().serialHex, first->record.serialHex);

        auto renewed = ca.renew(first->record.serialHex);
        QVERIFY2(renewed, qPrintable(renewed ? QString() : renewed.error().toString()));
        QVERIFY(renewed->record.serialHex != first->record.serialHex);
        QVERIFY(renewed->certificate.publicKey() == first->certificate.publicKey());
        QVERIFY(renewed->privateKey.isNull());
        QCOMPARE(renewed->certificate.commonName(), QStringLiteral("ws-7"));
        QVERIFY(renewed->certificate.notAfter() > first->certificate.notAfter());
        QCOMPARE(renewed->record.renews, first->record.serialHex);
        QVERIFY(ca.expiringWithin(7).isEmpty());
        // The old one stays good until its own end (with a current list: the first ran out on day 7).
        QVERIFY(!ca.verify(first->certificate, CertificateUsage::Workstation));
        QVERIFY(ca.crl(7));
        QVERIFY(ca.verify(first->certificate, CertificateUsage::Workstation));
        QVERIFY(ca.verify(renewed->certificate, CertificateUsage::Workstation));

        auto reloaded = SiteCa::load(dir.path(), m_clock);
        QVERIFY(reloaded);
        QCOMPARE(reloaded->find(first->record.serialHex)->renewedBy, renewed->record.serialHex);
        QCOMPARE(reloaded->find(renewed->record.serialHex)->renews, first->record.serialHex);

        // By name: the newest one is renewed, for the days asked.
        m_clock.advance(kDay);
        auto byName = ca.renew(QStringLiteral("ws-7"), 10);
        QVERIFY(byName);
        QCOMPARE(byName->record.renews, renewed->record.serialHex);
        QCOMPARE(byName->certificate.notBefore().daysTo(byName->certificate.notAfter()), 10);
        QVERIFY(!ca.renew(QStringLiteral("nobody")));
    }

    void twoOpenCasKeepEachOthersCertificates()
    {
        // An administrator's long-open CA and a script's `mdp pki issue` on the same folder.
        QTemporaryDir dir;
        SiteCa first = makeCa(dir.path());
        auto second = SiteCa::open(dir.path(), m_passphrase, m_clock);
        QVERIFY(second);
        auto a = first.issue(request(CertificateUsage::Workstation, QStringLiteral("ws-a")));
        auto b = second->issue(request(CertificateUsage::Workstation, QStringLiteral("ws-b")));
        QVERIFY(a && b);
        QVERIFY(first.revoke(b->record.serialHex)); // knows of b although it was issued elsewhere
        auto reloaded = SiteCa::load(dir.path(), m_clock);
        QVERIFY(reloaded);
        QCOMPARE(reloaded->issued().size(), 2);
        QVERIFY(reloaded->find(b->record.serialHex)->revoked);
        QVERIFY(reloaded->revocationList().lists(b->certificate));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("issued.json.lock"))));
    }

    // a workstation's name is its identity at mdp-grantd (its audit chain, its sync origin):
    // a second live certificate of one name is refused, or replaces the first, which is revoked.
    void aNameHasOneLiveCertificate()
    {
        QTemporaryDir dir;
        SiteCa ca = makeCa(dir.path());
        auto first = ca.issue(request(CertificateUsage::Workstation, QStringLiteral("ws-1")));
        QVERIFY(first);
        auto twin = ca.issue(request(CertificateUsage::Workstation, QStringLiteral("WS-1")));
        QVERIFY(!twin);
        QCOMPARE(twin.error().code, Error::Code::Conflict);
        QVERIFY2(twin.error().message.contains(first->record.serialHex), qPrintable(twin.error().message));
        QCOMPARE(ca.issued().size(), 1);
        // Another use of the same name is another subject.
        QVERIFY(ca.issue(request(CertificateUsage::User, QStringLiteral("ws-1"))));

        IssueRequest replacing = request(CertificateUsage::Workstation, QStringLiteral("ws-1"));
        replacing.replaceExisting = true;
        auto second = ca.issue(replacing);
        QVERIFY2(second, qPrintable(second ? QString() : second.error().toString()));
        QCOMPARE(ca.find(first->record.serialHex)->revocationReason, QStringLiteral("superseded"));
        auto list = RevocationList::fromPem(readAll(dir.filePath(QStringLiteral("crl.pem"))));
        QVERIFY(list && list->lists(first->certificate));
        QVERIFY(!list->lists(second->certificate));

        // Once the old one is revoked (or out of date) the name is free again.
        QVERIFY(ca.revoke(second->record.serialHex));
        QVERIFY(ca.issue(request(CertificateUsage::Workstation, QStringLiteral("ws-1"))));
    }

    void aRevokedCertificateFailsTheCheckOnceTheListIsOut()
    {
        QTemporaryDir dir;
        SiteCa ca = makeCa(dir.path());
        auto kept = ca.issue(request(CertificateUsage::Workstation, QStringLiteral("ws-kept")));
        auto lost = ca.issue(request(CertificateUsage::Workstation, QStringLiteral("ws-lost")));
        QVERIFY(kept && lost);
        m_clock.advance(60 * 1000);
        QVERIFY(!ca.revoke(lost->record.serialHex, QStringLiteral("stolen")));
        // Serials are taken as people type them.
        const QString typed = lost->record.serialHex.toUpper();
        auto revoked = ca.revoke(typed, QStringLiteral("keycompromise"));
        QVERIFY2(revoked, qPrintable(revoked ? QString() : revoked.error().toString()));
        QCOMPARE(revoked->revocationReason, QStringLiteral("keyCompromise"));
        auto twice = ca.revoke(lost->record.serialHex);
        QVERIFY(!twice);
        QCOMPARE(twice.error().code, Error::Code::Conflict);
        QCOMPARE(ca.revoke(QStringLiteral("abcdef")).error().code, Error::Code::NotFound);

        // crl.pem on disk lists it; a peer reading it refuses the certificate, not the other one.
        auto list = RevocationList::fromPem(readAll(dir.filePath(QStringLiteral("crl.pem"))));
        QVERIFY(list);
        QVERIFY(list->lists(lost->certificate));
        const QDateTime now = m_clock.now();
        auto refused = lost->certificate.verifyIssuedBy(ca.certificate(), &list.value(),
                                                        CertificateUsage::Workstation, now);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("revoked")),
                 qPrintable(refused.error().message));
        QVERIFY(kept->certificate.verifyIssuedBy(ca.certificate(), &list.value(),
                                                 CertificateUsage::Workstation, now));
        QVERIFY(!ca.verify(lost->certificate, CertificateUsage::Workstation));
        QVERIFY(!ca.renew(lost->record.serialHex));

        // A fresh list for longer keeps the revocation.
        auto fresh = ca.crl(30);
        QVERIFY(fresh);
        QCOMPARE(fresh->lastUpdate().daysTo(fresh->nextUpdate()), 30);
        auto reloaded = SiteCa::load(dir.path(), m_clock);
        QVERIFY(reloaded);
        QVERIFY(reloaded->revocationList().lists(lost->certificate));
        QCOMPARE(reloaded->find(lost->record.serialHex)->status(now), QStringLiteral("revoked"));
        QVERIFY(!reloaded->verify(lost->certificate, CertificateUsage::Workstation));
        // A stale list fails every check: it must be renewed in time.
        m_clock.advance(31 * kDay);
        QVERIFY(!reloaded->verify(kept->certificate, CertificateUsage::Workstation));
    }

    void aVerifyOnlyCaChecksButRefusesToIssue()
    {
        // The hospital's CA: its key stays with the hospital.
        const SigningKey hospitalKey = SigningKey::generate(SignatureAlgorithm::EcdsaP256).value();
        const Certificate hospital =
            Certificate::authority(hospitalKey, QStringLiteral("Hospital CA"), 365, m_clock).value();
        CertificateProfile profile;
        profile.commonName = QStringLiteral("ws-hospital");
        profile.usage = CertificateUsage::Workstation;
        const SigningKey wsKey = SigningKey::generate(SignatureAlgorithm::EcdsaP256).value();
        const Certificate good =
            Certificate::issue(hospitalKey, hospital, wsKey.publicKey(), profile, m_clock).value();
        profile.commonName = QStringLiteral("ws-gone");
        const Certificate gone =
            Certificate::issue(hospitalKey, hospital, wsKey.publicKey(), profile, m_clock).value();
        const RevocationList crl =
            RevocationList::create(hospitalKey, hospital, {{gone.serialHex(), kStart}}, 7, m_clock).value();

        QTemporaryDir dir;
        auto ca = SiteCa::importExternal(dir.path(), hospital.pem(), nullptr, {}, crl.pem(), m_clock);
        QVERIFY2(ca, qPrintable(ca ? QString() : ca.error().toString()));
        QVERIFY(ca->isVerifyOnly());
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("ca.key.sealed"))));
        QVERIFY(ca->verify(good, CertificateUsage::Workstation));
        QVERIFY(!ca->verify(gone, CertificateUsage::Workstation));

        // Opened with any passphrase, it stays verify-only, and says why it does not issue.
        auto opened = SiteCa::open(dir.path(), m_passphrase, m_clock);
        QVERIFY(opened);
        QVERIFY(!opened->canIssue());
        auto refused = opened->issue(request(CertificateUsage::Workstation, QStringLiteral("ws-x")));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::Unsupported);
        QVERIFY2(refused.error().message.contains(QStringLiteral("verify-only")),
                 qPrintable(refused.error().message));
        QVERIFY(!opened->revoke(good.serialHex()));
        QVERIFY(!opened->crl(7));

        // A CRL of another CA, a key of another CA, a leaf as CA: refused at import.
        QTemporaryDir other;
        const SigningKey stranger = SigningKey::generate(SignatureAlgorithm::EcdsaP256).value();
        QVERIFY(!SiteCa::importExternal(other.path(), hospital.pem(), &stranger, m_passphrase, {}, m_clock));
        const Certificate strangerCa =
            Certificate::authority(stranger, QStringLiteral("X"), 10, m_clock).value();
        const RevocationList strangerCrl =
            RevocationList::create(stranger, strangerCa, {}, 7, m_clock).value();
        QVERIFY(
            !SiteCa::importExternal(other.path(), hospital.pem(), nullptr, {}, strangerCrl.pem(), m_clock));
        QVERIFY(!SiteCa::importExternal(other.path(), good.pem(), nullptr, {}, {}, m_clock));

        // Its revocations carry over when the hospital's key is imported too.
        QTemporaryDir withKey;
        auto signing = SiteCa::importExternal(withKey.path(), hospital.pem(), &hospitalKey, m_passphrase,
                                              crl.pem(), m_clock);
        QVERIFY(signing);
        auto list = signing->crl(7);
        QVERIFY(list);
        QVERIFY(list->lists(gone));
    }

    void anSm2CaIsAvailableByChoice()
    {
        QTemporaryDir dir;
        SiteCa ca = makeCa(dir.path(), SignatureAlgorithm::Sm2);
        QCOMPARE(ca.certificate().publicKey().algorithm(), SignatureAlgorithm::Sm2);
        IssueRequest r = request(CertificateUsage::Workstation, QStringLiteral("ws-sm2"));
        r.keyAlgorithm = SignatureAlgorithm::Sm2;
        auto ws = ca.issue(r);
        QVERIFY(ws);
        QCOMPARE(ws->certificate.publicKey().algorithm(), SignatureAlgorithm::Sm2);
        // Without a choice the key follows the CA; a P-256 key is refused under an SM2 CA.
        auto byDefault = ca.issue(request(CertificateUsage::Workstation, QStringLiteral("ws-sm2-b")));
        QVERIFY(byDefault);
        QCOMPARE(byDefault->certificate.publicKey().algorithm(), SignatureAlgorithm::Sm2);
        r.keyAlgorithm = SignatureAlgorithm::EcdsaP256;
        QVERIFY(!ca.issue(r));

        // Its SM2-signed revocation list is read back and checked.
        QVERIFY(ca.verify(ws->certificate, CertificateUsage::Workstation));
        QVERIFY(ca.revoke(ws->record.serialHex));
        auto opened = SiteCa::open(dir.path(), m_passphrase, m_clock);
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
        QVERIFY(opened->canIssue());
        auto refused = opened->verify(ws->certificate, CertificateUsage::Workstation);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QStringLiteral("revoked")),
                 qPrintable(refused.error().message));
        QVERIFY(opened->verify(byDefault->certificate, CertificateUsage::Workstation));
        m_clock.advance(8 * kDay);
        QVERIFY(!opened->verify(byDefault->certificate, CertificateUsage::Workstation)); // stale list
        // A list another SM2 CA signed is not taken for this CA's.
        QTemporaryDir other;
        SiteCa stranger = makeCa(other.path(), SignatureAlgorithm::Sm2);
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("crl.pem"))));
        QVERIFY(
            QFile::copy(other.filePath(QStringLiteral("crl.pem")), dir.filePath(QStringLiteral("crl.pem"))));
        auto swapped = SiteCa::load(dir.path(), m_clock);
        QVERIFY(!swapped);
        QCOMPARE(swapped.error().code, Error::Code::Corrupt);
    }

    void privateKeyPemIsTheStandardTextForm()
    {
        const SigningKey key = SigningKey::generate(SignatureAlgorithm::EcdsaP256).value();
        const SecureBytes der = key.privateKeyDer();
        const QByteArray pem = privateKeyPem(der).view().toByteArray();
        QVERIFY(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        QVERIFY(pem.endsWith("-----END PRIVATE KEY-----\n"));
        const QList<QByteArray> lines = pem.split('\n');
        for (const QByteArray &line : lines)
            QVERIFY(line.size() <= 64 || line.startsWith("-----"));
        QCOMPARE(lines.at(1).size(), 64);
        // The same base64 Qt would write.
        QByteArray body;
        for (qsizetype i = 1; i < lines.size() - 2; ++i)
            body += lines.at(i);
        QCOMPARE(body, der.view().toByteArray().toBase64());
        auto back = privateKeyDerFromPem(pem);
        QVERIFY(back);
        QVERIFY(back.value() == der);
        QVERIFY(SigningKey::fromPrivateDer(back->view())->publicKey() == key.publicKey());
        // Every length modulo 3 round-trips.
        for (int n : {1, 2, 3, 47, 48, 49, 50}) {
            const SecureBytes bytes(QByteArray(n, 'k'));
            QVERIFY(privateKeyDerFromPem(privateKeyPem(bytes).view()).value() == bytes);
        }
        QCOMPARE(privateKeyDerFromPem("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n").error().code,
                 Error::Code::Unsupported);
        QVERIFY(!privateKeyDerFromPem("-----BEGIN PRIVATE KEY-----\n!!!!\n-----END PRIVATE KEY-----\n"));
        QVERIFY(!privateKeyDerFromPem("no pem here"));
    }

    void theDemoPkiIsMadeOnceAndReused()
    {
        QTemporaryDir dir;
        auto pki = ensureDemoPki(dir.path(), m_clock);
        QVERIFY2(pki, qPrintable(pki ? QString() : pki.error().toString()));
        QVERIFY(pki->created);
        const QStringList six{pki->caCertificate,          pki->serverCertificate, pki->serverKey,
                              pki->workstationCertificate, pki->workstationKey,    pki->revocationList};
        const QStringList names{QStringLiteral("ca.crt"),          QStringLiteral("server.crt"),
                                QStringLiteral("server.key"),      QStringLiteral("workstation.crt"),
                                QStringLiteral("workstation.key"), QStringLiteral("crl.pem")};
        for (qsizetype i = 0; i < six.size(); ++i) {
            QCOMPARE(six.at(i), QDir(dir.path()).absoluteFilePath(names.at(i)));
            QVERIFY2(QFile::exists(six.at(i)), qPrintable(six.at(i)));
        }
        for (const QString &key : {pki->serverKey, pki->workstationKey}) {
            QVERIFY(privateToOwner(key));
            QVERIFY(readAll(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        }
        const Certificate ca = Certificate::fromPem(readAll(pki->caCertificate)).value();
        const Certificate server = Certificate::fromPem(readAll(pki->serverCertificate)).value();
        const Certificate ws = Certificate::fromPem(readAll(pki->workstationCertificate)).value();
        const RevocationList crl = RevocationList::fromPem(readAll(pki->revocationList)).value();
        QCOMPARE(server.commonName(), QStringLiteral("mdp-grantd"));
        QCOMPARE(ws.commonName(), QStringLiteral("workstation-1"));
        QCOMPARE(server.publicKey().algorithm(), SignatureAlgorithm::EcdsaP256);
        const QDateTime now = m_clock.now();
        QVERIFY(server.verifyIssuedBy(ca, &crl, CertificateUsage::Server, now));
        QVERIFY(ws.verifyIssuedBy(ca, &crl, CertificateUsage::Workstation, now));
        QVERIFY(!ws.verifyIssuedBy(ca, &crl, CertificateUsage::Server, now));
        auto serverKey = SigningKey::fromPrivateDer(privateKeyDerFromPem(readAll(pki->serverKey))->view());
        QVERIFY(serverKey);
        QVERIFY(serverKey->publicKey() == server.publicKey());

        // A day later: the same files, untouched.
        QList<QByteArray> before;
        for (const QString &path : six)
            before << readAll(path);
        m_clock.advance(kDay);
        auto again = ensureDemoPki(dir.path(), m_clock);
        QVERIFY(again);
        QVERIFY(!again->created);
        for (qsizetype i = 0; i < six.size(); ++i)
            QCOMPARE(readAll(six.at(i)), before.at(i));
        QCOMPARE(Certificate::fromPem(readAll(again->serverCertificate))->fingerprint(),
                 server.fingerprint());
    }

    void anExpiredDemoPkiIsMadeAnew()
    {
        QTemporaryDir dir;
        auto pki = ensureDemoPki(dir.path(), m_clock);
        QVERIFY(pki);
        const QByteArray caBefore = Certificate::fromPem(readAll(pki->caCertificate))->fingerprint();
        const QByteArray serverBefore = Certificate::fromPem(readAll(pki->serverCertificate))->fingerprint();
        m_clock.advance(400 * kDay); // past the demo CA's end
        auto renewed = ensureDemoPki(dir.path(), m_clock);
        QVERIFY2(renewed, qPrintable(renewed ? QString() : renewed.error().toString()));
        QVERIFY(renewed->created);
        const Certificate ca = Certificate::fromPem(readAll(renewed->caCertificate)).value();
        const Certificate server = Certificate::fromPem(readAll(renewed->serverCertificate)).value();
        QVERIFY(ca.fingerprint() != caBefore);
        QVERIFY(server.fingerprint() != serverBefore);
        const RevocationList crl = RevocationList::fromPem(readAll(renewed->revocationList)).value();
        QVERIFY(server.verifyIssuedBy(ca, &crl, CertificateUsage::Server, m_clock.now()));

        // Leaves ending within the day are issued again by the same CA.
        m_clock.advance(89 * kDay + kDay / 2);
        auto leaves = ensureDemoPki(dir.path(), m_clock);
        QVERIFY(leaves);
        QVERIFY(leaves->created);
        QCOMPARE(Certificate::fromPem(readAll(leaves->caCertificate))->fingerprint(), ca.fingerprint());
        QVERIFY(Certificate::fromPem(readAll(leaves->serverCertificate))->fingerprint() !=
                server.fingerprint());
    }

    void moreDemoWorkstationsAndRevocation()
    {
        QTemporaryDir dir;
        auto pki = ensureDemoPki(dir.path(), m_clock);
        QVERIFY(pki);
        auto ws2 = issueDemoWorkstation(dir.path(), QStringLiteral("workstation-2"), m_clock);
        QVERIFY2(ws2, qPrintable(ws2 ? QString() : ws2.error().toString()));
        QCOMPARE(ws2->certificate, QDir(dir.path()).absoluteFilePath(QStringLiteral("workstation-2.crt")));
        QVERIFY(privateToOwner(ws2->privateKey));
        QVERIFY(!issueDemoWorkstation(dir.path(), QStringLiteral("server"), m_clock));
        QVERIFY(!issueDemoWorkstation(dir.path(), QStringLiteral("../escape"), m_clock));

        const Certificate ca = Certificate::fromPem(readAll(pki->caCertificate)).value();
        const Certificate cert = Certificate::fromPem(readAll(ws2->certificate)).value();
        QVERIFY(revokeDemo(dir.path(), ws2->serialHex, m_clock));
        const RevocationList crl = RevocationList::fromPem(readAll(pki->revocationList)).value();
        QVERIFY(!cert.verifyIssuedBy(ca, &crl, CertificateUsage::Workstation, m_clock.now()));
        // The set itself is still good and reused as it is.
        auto again = ensureDemoPki(dir.path(), m_clock);
        QVERIFY(again);
        QVERIFY(!again->created);
        QCOMPARE(Certificate::fromPem(readAll(again->caCertificate))->fingerprint(), ca.fingerprint());

        // A folder holding a real CA is never taken over by the demo.
        QTemporaryDir real;
        makeCa(real.path());
        auto refused = ensureDemoPki(real.path(), m_clock);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, Error::Code::AlreadyExists);
    }

    // What a TLS peer built on OpenSSL decides (mdp-grantd and the workstation both are): the real
    // `openssl verify` accepts the demo chain with its CRL and refuses the server once revoked.
    void opensslAcceptsTheDemoChainAndRefusesItRevoked()
    {
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (openssl.isEmpty())
            QSKIP("no openssl command");
        QTemporaryDir dir;
        auto pki = ensureDemoPki(dir.path()); // the system clock: openssl checks against now
        QVERIFY(pki);
        auto run = [&](const QStringList &args, QByteArray *output) {
            QProcess p;
            p.setProcessChannelMode(QProcess::MergedChannels);
            p.start(openssl, args);
            p.waitForFinished(30000);
            *output = p.readAll();
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        const QStringList verify{QStringLiteral("verify"),   QStringLiteral("-CAfile"),
                                 pki->caCertificate,         QStringLiteral("-crl_check"),
                                 QStringLiteral("-CRLfile"), pki->revocationList};
        QByteArray output;
        QCOMPARE(run(verify + QStringList{pki->serverCertificate}, &output), 0);
        QVERIFY2(output.contains(": OK"), output.constData());
        QCOMPARE(run(verify + QStringList{QStringLiteral("-purpose"), QStringLiteral("sslclient"),
                                          pki->workstationCertificate},
                     &output),
                 0);
        // The key files are what OpenSSL reads as keys, and match their certificates.
        QByteArray keyPub, certPub;
        QCOMPARE(
            run({QStringLiteral("pkey"), QStringLiteral("-in"), pki->serverKey, QStringLiteral("-pubout")},
                &keyPub),
            0);
        QCOMPARE(run({QStringLiteral("x509"), QStringLiteral("-in"), pki->serverCertificate,
                      QStringLiteral("-noout"), QStringLiteral("-pubkey")},
                     &certPub),
                 0);
        QCOMPARE(keyPub, certPub);

        const QString serial = Certificate::fromPem(readAll(pki->serverCertificate))->serialHex();
        QVERIFY(revokeDemo(dir.path(), serial));
        QVERIFY(run(verify + QStringList{pki->serverCertificate}, &output) != 0);
        QVERIFY2(output.contains("certificate revoked"), output.constData());
        QCOMPARE(run(verify + QStringList{pki->workstationCertificate}, &output), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SiteCa)
#include "tst_SiteCa.moc"
