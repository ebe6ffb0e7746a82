#include "mdp/pki/DemoPki.h"

#include "PkiFiles.h"
#include "PkiLog.h"

#include "mdp/pki/PrivateKeyPem.h"
#include "mdp/pki/SiteCa.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace mdp::pki {

namespace {

using crypto::Certificate;
using crypto::CertificateUsage;

const QString kCaName = QStringLiteral("MDP Demo CA");
const QString kServerName = QStringLiteral("mdp-grantd");
const QString kWorkstationName = QStringLiteral("workstation-1");
constexpr int kCaDays = 365;
constexpr int kLeafDays = 90;
constexpr int kCrlDays = 30;
constexpr qint64 kMargin = 86400; // everything must stay valid for a day at least

struct Leaf
{
    QString stem;
    QString commonName;
    CertificateUsage usage;
    QStringList dnsNames;
    QStringList ipAddresses;
};

QList<Leaf> demoLeaves()
{
    return {
        {QStringLiteral("server"),
         kServerName,
         CertificateUsage::Server,
         {QStringLiteral("localhost")},
         {QStringLiteral("127.0.0.1"), QStringLiteral("::1")}},
        {QStringLiteral("workstation"), kWorkstationName, CertificateUsage::Workstation, {}, {}},
    };
}

DemoPki pathsIn(const QString &dir)
{
    const QDir d(dir);
    DemoPki pki;
    pki.directory = d.absolutePath();
    pki.caCertificate = d.absoluteFilePath(QStringLiteral("ca.crt"));
    pki.serverCertificate = d.absoluteFilePath(QStringLiteral("server.crt"));
    pki.serverKey = d.absoluteFilePath(QStringLiteral("server.key"));
    pki.workstationCertificate = d.absoluteFilePath(QStringLiteral("workstation.crt"));
    pki.workstationKey = d.absoluteFilePath(QStringLiteral("workstation.key"));
    pki.revocationList = d.absoluteFilePath(QStringLiteral("crl.pem"));
    return pki;
}

// Writes STEM.crt (public) and STEM.key (0600, unencrypted: the demo PKI protects nothing).
Result<void> writeCredential(const QString &dir, const QString &stem, const IssuedCredential &credential)
{
    const QDir d(dir);
    if (auto w = detail::writePrivateFile(d.filePath(stem + QStringLiteral(".key")),
                                          privateKeyPem(credential.privateKey.privateKeyDer()));
        !w)
        return w;
    return detail::writePublicFile(d.filePath(stem + QStringLiteral(".crt")), credential.certificate.pem());
}

Result<void> issueLeaf(SiteCa &ca, const Leaf &leaf)
{
    IssueRequest request;
    request.usage = leaf.usage;
    request.commonName = leaf.commonName;
    request.validDays = kLeafDays;
    request.dnsNames = leaf.dnsNames;
    request.ipAddresses = leaf.ipAddresses;
    request.replaceExisting = true; // the set's leaf is unusable (its key lost, its end near)
    auto issued = ca.issue(request);
    if (!issued)
        return issued.error();
    return writeCredential(ca.directory(), leaf.stem, issued.value());
}

// A leaf of the set is usable when its certificate is the CA's, for its use, under its name, not
// revoked, valid for a day yet, and its key file holds the certificate's key.
bool leafUsable(const SiteCa &ca, const QString &dir, const Leaf &leaf, const QDateTime &now)
{
    const QDir d(dir);
    auto pem = detail::readFile(d.filePath(leaf.stem + QStringLiteral(".crt")));
    auto keyPem = detail::readFile(d.filePath(leaf.stem + QStringLiteral(".key")));
    if (!pem || !keyPem)
        return false;
    auto cert = Certificate::fromPem(pem.value());
    if (!cert || cert->commonName() != leaf.commonName || cert->notAfter() < now.addSecs(kMargin))
        return false;
    if (!ca.verify(cert.value(), leaf.usage))
        return false;
    auto der = privateKeyDerFromPem(keyPem.value());
    if (!der)
        return false;
    auto key = crypto::SigningKey::fromPrivateDer(der->view());
    return key && key->publicKey() == cert->publicKey();
}

void removeDemoFiles(const QString &dir)
{
    const QDir d(dir);
    for (const QString &name :
         {QStringLiteral("ca.crt"), QStringLiteral("ca.key.sealed"), QStringLiteral("issued.json"),
          QStringLiteral("crl.pem"), QStringLiteral("server.crt"), QStringLiteral("server.key"),
          QStringLiteral("workstation.crt"), QStringLiteral("workstation.key")})
        QFile::remove(d.filePath(name));
}

Result<DemoPki> createAll(const QString &dir, const Clock &clock)
{
    removeDemoFiles(dir);
    auto ca =
        SiteCa::init(dir, kCaName, crypto::SignatureAlgorithm::EcdsaP256, kCaDays, demoCaPassphrase(), clock);
    if (!ca)
        return ca.error();
    if (auto list = ca->crl(kCrlDays); !list)
        return list.error();
    for (const Leaf &leaf : demoLeaves()) {
        if (auto w = issueLeaf(ca.value(), leaf); !w)
            return w.error();
    }
    qCInfo(lcPki).noquote() << "created the demo PKI in" << ca->directory();
    DemoPki pki = pathsIn(dir);
    pki.created = true;
    return pki;
}

} // namespace

SecureBytes demoCaPassphrase()
{
    return SecureBytes(QByteArrayView("mdp-demo-pki (throw-away, published)"));
}

Result<DemoPki> ensureDemoPki(const QString &dir, const Clock &clock)
{
    if (!QDir().mkpath(dir))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(dir));
    const QDateTime now = clock.now().toUTC();
    const DemoPki paths = pathsIn(dir);

    // Never over a real CA: the demo set replaces only its own files.
    if (auto pem = detail::readFile(paths.caCertificate)) {
        auto existing = Certificate::fromPem(pem.value());
        if (existing && existing->commonName() != kCaName)
            return makeError(
                Error::Code::AlreadyExists,
                QStringLiteral("%1 holds the CA '%2', not a demo PKI: give the demo an empty folder")
                    .arg(dir, existing->commonName()));
    }
    // The CA first: without it (or close to its end) everything is made anew.
    auto loaded = SiteCa::load(dir, clock);
    if (!loaded || loaded->isVerifyOnly() || !loaded->certificate().isValidAt(now) ||
        loaded->certificate().notAfter() < now.addSecs(kMargin))
        return createAll(dir, clock);
    auto ca = SiteCa::open(dir, demoCaPassphrase(), clock);
    if (!ca || !ca->canIssue())
        return createAll(dir, clock);

    bool changed = false;
    // A list that runs out within the day is renewed in place; certificates stay as they are.
    const crypto::RevocationList list = ca->revocationList();
    if (list.isNull() || list.nextUpdate() < now.addSecs(kMargin)) {
        if (auto fresh = ca->crl(kCrlDays); !fresh)
            return fresh.error();
        changed = true;
    }
    // A leaf that is missing, revoked, ending or not matching its key is issued again by the same CA
    // (so certificates issued with issueDemoWorkstation stay good).
    for (const Leaf &leaf : demoLeaves()) {
        if (leafUsable(ca.value(), dir, leaf, now))
            continue;
        if (auto w = issueLeaf(ca.value(), leaf); !w)
            return w.error();
        changed = true;
    }
    DemoPki pki = paths;
    pki.created = changed;
    return pki;
}

Result<DemoCredential> issueDemoWorkstation(const QString &dir, const QString &name, const Clock &clock)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"));
    // The names of the set's own files are not for a further workstation.
    static const QStringList reserved{QStringLiteral("ca"), QStringLiteral("crl"), QStringLiteral("server"),
                                      QStringLiteral("workstation"), QStringLiteral("issued")};
    if (!allowed.match(name).hasMatch() || reserved.contains(name, Qt::CaseInsensitive))
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("'%1' is not a demo workstation name (letters, digits, '.', '_', '-'; not "
                           "ca, crl, server, workstation or issued)")
                .arg(name));
    auto ca = SiteCa::open(dir, demoCaPassphrase(), clock);
    if (!ca)
        return ca.error();
    IssueRequest request;
    request.usage = CertificateUsage::Workstation;
    request.commonName = name;
    request.validDays = kLeafDays;
    request.replaceExisting = true; // a throw-away set: the name's files are rewritten
    auto issued = ca->issue(request);
    if (!issued)
        return issued.error();
    if (auto w = writeCredential(dir, name, issued.value()); !w)
        return w.error();
    const QDir d(dir);
    return DemoCredential{d.absoluteFilePath(name + QStringLiteral(".crt")),
                          d.absoluteFilePath(name + QStringLiteral(".key")), issued->record.serialHex};
}

Result<void> revokeDemo(const QString &dir, const QString &serialHex, const Clock &clock)
{
    auto ca = SiteCa::open(dir, demoCaPassphrase(), clock);
    if (!ca)
        return ca.error();
    auto revoked = ca->revoke(serialHex, QStringLiteral("cessationOfOperation"));
    if (!revoked)
        return revoked.error();
    return {};
}

} // namespace mdp::pki
