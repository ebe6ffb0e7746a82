#include "mdp/pki/SiteCa.h"

#include "CrlSignature.h"
#include "PkiFiles.h"
#include "PkiLog.h"
#include "SealedKey.h"

#include "mdp/crypto/Crypto.h"
#include "mdp/foundation/AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>

#include <algorithm>

namespace mdp::pki {

namespace {

const QString kCaCertificate = QStringLiteral("ca.crt");
const QString kSealedKey = QStringLiteral("ca.key.sealed");
const QString kRegistry = QStringLiteral("issued.json");
const QString kCrl = QStringLiteral("crl.pem");
const QString kLock = QStringLiteral("issued.json.lock");
constexpr int kLockWaitMs = 10000;
const QString kRegistryFormat = QStringLiteral("mdp-pki-registry/1");
const QString kModeSigning = QStringLiteral("signing");
const QString kModeVerifyOnly = QStringLiteral("verify-only");
constexpr int kMaxCaDays = 36500;
constexpr int kMaxLeafDays = 3650;
constexpr int kMaxCommonName = 64; // X.520 ub-common-name

using crypto::Certificate;
using crypto::CertificateUsage;
using crypto::RevocationList;

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime parseTime(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

QString hexFingerprint(const Certificate &c)
{
    return QString::fromLatin1(c.fingerprint().toHex());
}

Error corrupt(const QString &what)
{
    return makeError(Error::Code::Corrupt, what);
}

Result<void> checkCommonName(const QString &cn)
{
    if (cn.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("a common name is required"));
    if (cn.size() > kMaxCommonName)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the common name is longer than %1 characters").arg(kMaxCommonName));
    for (const QChar c : cn) {
        if (c.category() == QChar::Other_Control)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("the common name holds a control character"));
    }
    return {};
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toList(const QJsonValue &v)
{
    QStringList list;
    for (const QJsonValue &e : v.toArray())
        list << e.toString();
    return list;
}

QJsonObject toJson(const IssuedCertificate &c)
{
    QJsonObject o{
        {QStringLiteral("serial"), c.serialHex},
        {QStringLiteral("commonName"), c.commonName},
        {QStringLiteral("usage"), usageName(c.usage)},
        {QStringLiteral("issuedAt"), isoTime(c.issuedAt)},
        {QStringLiteral("notBefore"), isoTime(c.notBefore)},
        {QStringLiteral("notAfter"), isoTime(c.notAfter)},
        {QStringLiteral("fingerprint"), c.fingerprint},
        {QStringLiteral("validDays"), c.validDays},
        {QStringLiteral("dnsNames"), toArray(c.dnsNames)},
        {QStringLiteral("ipAddresses"), toArray(c.ipAddresses)},
        {QStringLiteral("status"), c.revoked ? QStringLiteral("revoked") : QStringLiteral("valid")},
        {QStringLiteral("certificate"), QString::fromLatin1(c.pem)},
    };
    if (c.revoked) {
        o.insert(QStringLiteral("revokedAt"), isoTime(c.revokedAt));
        o.insert(QStringLiteral("reason"), c.revocationReason);
    }
    if (!c.renews.isEmpty())
        o.insert(QStringLiteral("renews"), c.renews);
    if (!c.renewedBy.isEmpty())
        o.insert(QStringLiteral("renewedBy"), c.renewedBy);
    return o;
}

Result<IssuedCertificate> fromJson(const QJsonObject &o, const Certificate &ca)
{
    IssuedCertificate c;
    c.serialHex = o.value(u"serial").toString();
    c.commonName = o.value(u"commonName").toString();
    const auto usage = usageFromName(o.value(u"usage").toString());
    c.issuedAt = parseTime(o.value(u"issuedAt"));
    c.notBefore = parseTime(o.value(u"notBefore"));
    c.notAfter = parseTime(o.value(u"notAfter"));
    c.fingerprint = o.value(u"fingerprint").toString();
    c.validDays = o.value(u"validDays").toInt();
    c.dnsNames = toList(o.value(u"dnsNames"));
    c.ipAddresses = toList(o.value(u"ipAddresses"));
    const QString status = o.value(u"status").toString();
    c.revoked = status == QStringLiteral("revoked");
    c.revokedAt = parseTime(o.value(u"revokedAt"));
    c.revocationReason = o.value(u"reason").toString();
    c.renews = o.value(u"renews").toString();
    c.renewedBy = o.value(u"renewedBy").toString();
    c.pem = o.value(u"certificate").toString().toLatin1();
    if (!usage || (!c.revoked && status != QStringLiteral("valid")) || (c.revoked && !c.revokedAt.isValid()))
        return corrupt(QStringLiteral("issued.json: entry %1 has a bad usage or status").arg(c.serialHex));
    c.usage = *usage;
    // The row must describe the certificate it carries, and that certificate must be this CA's.
    auto cert = Certificate::fromPem(c.pem);
    if (!cert || cert->serialHex() != c.serialHex || hexFingerprint(cert.value()) != c.fingerprint ||
        cert->notAfter() != c.notAfter || cert->commonName() != c.commonName ||
        !cert->isSignedBy(ca.publicKey()))
        return corrupt(QStringLiteral("issued.json: entry %1 does not match its certificate or this CA")
                           .arg(c.serialHex));
    return c;
}

} // namespace

QString IssuedCertificate::status(const QDateTime &at) const
{
    if (revoked)
        return QStringLiteral("revoked");
    if (at > notAfter)
        return QStringLiteral("expired");
    return QStringLiteral("valid");
}

QStringList revocationReasons()
{
    // RFC 5280 5.3.1 (removeFromCRL and certificateHold have no meaning for a list that never
    // takes a serial back).
    return {QStringLiteral("unspecified"),       QStringLiteral("keyCompromise"),
            QStringLiteral("caCompromise"),      QStringLiteral("affiliationChanged"),
            QStringLiteral("superseded"),        QStringLiteral("cessationOfOperation"),
            QStringLiteral("privilegeWithdrawn")};
}

QString usageName(CertificateUsage usage)
{
    switch (usage) {
    case CertificateUsage::Authority:
        return QStringLiteral("authority");
    case CertificateUsage::Server:
        return QStringLiteral("server");
    case CertificateUsage::Workstation:
        return QStringLiteral("workstation");
    case CertificateUsage::User:
        break;
    }
    return QStringLiteral("user");
}

std::optional<CertificateUsage> usageFromName(QStringView name)
{
    for (CertificateUsage u : {CertificateUsage::Authority, CertificateUsage::Server,
                               CertificateUsage::Workstation, CertificateUsage::User}) {
        if (name == usageName(u))
            return u;
    }
    return std::nullopt;
}

struct SiteCa::Impl
{
    QString dir;
    const Clock *clock = &SystemClock::instance();
    Certificate ca;
    crypto::SigningKey key; // null until opened with the passphrase, and for a verify-only CA
    bool verifyOnly = false;
    RevocationList crl;
    QList<IssuedCertificate> issued;
    // Serials an imported hospital CA had revoked before this folder knew it: listed in every CRL
    // made here.
    QList<crypto::RevokedCertificate> importedRevocations;
    int crlDays = SiteCa::kDefaultCrlDays;

    QString path(const QString &name) const { return QDir(dir).filePath(name); }

    QJsonObject registryJson(const QList<IssuedCertificate> &rows, int days) const
    {
        QJsonArray certificates;
        for (const IssuedCertificate &c : rows)
            certificates.append(toJson(c));
        QJsonArray imported;
        for (const crypto::RevokedCertificate &r : importedRevocations)
            imported.append(QJsonObject{{QStringLiteral("serial"), r.serialHex},
                                        {QStringLiteral("revokedAt"), isoTime(r.revokedAt)}});
        return QJsonObject{
            {QStringLiteral("format"), kRegistryFormat},
            {QStringLiteral("ca"),
             QJsonObject{
                 {QStringLiteral("commonName"), ca.commonName()},
                 {QStringLiteral("serial"), ca.serialHex()},
                 {QStringLiteral("fingerprint"), hexFingerprint(ca)},
                 {QStringLiteral("notAfter"), isoTime(ca.notAfter())},
                 {QStringLiteral("keyAlgorithm"), crypto::signatureAlgorithmName(ca.publicKey().algorithm())},
                 {QStringLiteral("mode"), verifyOnly ? kModeVerifyOnly : kModeSigning}}},
            {QStringLiteral("crlDays"), days},
            {QStringLiteral("importedRevocations"), imported},
            {QStringLiteral("certificates"), certificates},
        };
    }

    // Writes issued.json with `rows`; the open CA takes them only once they are on disk.
    Result<void> saveRegistry(QList<IssuedCertificate> rows, int days)
    {
        const QByteArray json = QJsonDocument(registryJson(rows, days)).toJson(QJsonDocument::Indented);
        if (auto w = detail::writePublicFile(path(kRegistry), json); !w)
            return w;
        issued = std::move(rows);
        crlDays = days;
        return {};
    }

    Result<void> loadRegistry(const QByteArray &json)
    {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return corrupt(QStringLiteral("issued.json is not a JSON object"));
        const QJsonObject o = doc.object();
        if (o.value(u"format").toString() != kRegistryFormat)
            return corrupt(QStringLiteral("issued.json has an unknown format"));
        const QJsonObject caInfo = o.value(u"ca").toObject();
        if (caInfo.value(u"fingerprint").toString() != hexFingerprint(ca))
            return corrupt(QStringLiteral("issued.json belongs to another CA than ca.crt"));
        const QString mode = caInfo.value(u"mode").toString();
        if (mode != (verifyOnly ? kModeVerifyOnly : kModeSigning))
            return corrupt(verifyOnly
                               ? QStringLiteral("ca.key.sealed is missing (issued.json says this CA signs)")
                               : QStringLiteral("issued.json says this CA is verify-only, yet the folder "
                                                "holds ca.key.sealed"));
        QList<crypto::RevokedCertificate> imported;
        for (const QJsonValue &v : o.value(u"importedRevocations").toArray()) {
            const QJsonObject r = v.toObject();
            imported.append({r.value(u"serial").toString(), parseTime(r.value(u"revokedAt"))});
        }
        QList<IssuedCertificate> rows;
        for (const QJsonValue &v : o.value(u"certificates").toArray()) {
            auto row = fromJson(v.toObject(), ca);
            if (!row)
                return row.error();
            rows.append(row.value());
        }
        crlDays = std::clamp(o.value(u"crlDays").toInt(SiteCa::kDefaultCrlDays), 1, 366);
        importedRevocations = std::move(imported);
        issued = std::move(rows);
        return {};
    }

    // Every change runs under the folder's lock and starts from the registry on disk: two `mdp pki`
    // commands at once (or a long-open CA and a command) never lose each other's certificates.
    Result<std::unique_ptr<QLockFile>> beginChange()
    {
        auto lock = std::make_unique<QLockFile>(path(kLock));
        if (!lock->tryLock(kLockWaitMs))
            return makeError(Error::Code::Locked,
                             QStringLiteral("another command is changing the CA in %1; try again").arg(dir));
        auto json = detail::readFile(path(kRegistry));
        if (!json)
            return json.error();
        if (auto r = loadRegistry(json.value()); !r)
            return r.error();
        return lock;
    }

    Result<void> requireKey() const
    {
        if (verifyOnly)
            return makeError(
                Error::Code::Unsupported,
                QStringLiteral("this CA folder is verify-only: it holds the CA certificate and its "
                               "revocation list but not the CA key, so certificates are checked "
                               "here and issued by whoever holds the key (the hospital CA)"));
        if (key.isNull())
            return makeError(Error::Code::PermissionDenied,
                             QStringLiteral("the CA key is not open (open the CA with its passphrase)"));
        return {};
    }

    qsizetype indexOf(const QString &serial) const
    {
        const QString wanted = SiteCa::normaliseSerial(serial);
        if (wanted.isEmpty())
            return -1;
        for (qsizetype i = 0; i < issued.size(); ++i) {
            // Certificate::serialHex writes whole bytes ("0b12..."); people drop the zero.
            if (SiteCa::normaliseSerial(issued.at(i).serialHex) == wanted)
                return i;
        }
        return -1;
    }

    Result<RevocationList> writeCrl(int days)
    {
        if (days < 1 || days > 366)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("a revocation list is valid for 1 to 366 days"));
        QList<crypto::RevokedCertificate> revoked = importedRevocations;
        for (const IssuedCertificate &c : std::as_const(issued)) {
            if (c.revoked)
                revoked.append({c.serialHex, c.revokedAt});
        }
        auto list = RevocationList::create(key, ca, revoked, days, *clock);
        if (!list)
            return list.error();
        if (auto w = detail::writePublicFile(path(kCrl), list->pem()); !w)
            return w.error();
        crl = list.value();
        return list;
    }

    Result<IssuedCredential> issueFor(const crypto::PublicKey &subject, const crypto::SigningKey &generated,
                                      const IssueRequest &request, const QString &renews)
    {
        crypto::CertificateProfile profile;
        profile.commonName = request.commonName;
        profile.usage = request.usage;
        profile.validDays = request.validDays;
        profile.dnsNames = request.dnsNames;
        profile.ipAddresses = request.ipAddresses;
        auto cert = Certificate::issue(key, ca, subject, profile, *clock);
        if (!cert)
            return cert.error();
        IssuedCertificate row;
        row.serialHex = cert->serialHex();
        row.commonName = cert->commonName();
        row.usage = request.usage;
        row.issuedAt = clock->now().toUTC();
        row.notBefore = cert->notBefore();
        row.notAfter = cert->notAfter();
        row.fingerprint = hexFingerprint(cert.value());
        row.validDays = request.validDays;
        row.dnsNames = request.dnsNames;
        row.ipAddresses = request.ipAddresses;
        row.renews = renews;
        row.pem = cert->pem();
        QList<IssuedCertificate> rows = issued;
        if (!renews.isEmpty()) {
            for (IssuedCertificate &old : rows) {
                if (old.serialHex == renews)
                    old.renewedBy = row.serialHex;
            }
        }
        rows.append(row);
        // A certificate the registry does not know could never be listed or revoked: none is handed
        // out unless it is recorded.
        if (auto saved = saveRegistry(std::move(rows), crlDays); !saved)
            return saved.error();
        qCInfo(lcPki).noquote() << QStringLiteral("issued %1 certificate %2 for %3 until %4%5")
                                       .arg(usageName(request.usage), row.serialHex, row.commonName,
                                            isoTime(row.notAfter),
                                            renews.isEmpty() ? QString()
                                                             : QStringLiteral(" (renews %1)").arg(renews));
        return IssuedCredential{cert.value(), generated, row};
    }
};

SiteCa::SiteCa()
    : d(std::make_unique<Impl>())
{}

SiteCa::~SiteCa() = default;
SiteCa::SiteCa(SiteCa &&) noexcept = default;
SiteCa &SiteCa::operator=(SiteCa &&) noexcept = default;

Result<SiteCa> SiteCa::init(const QString &dir, const QString &commonName,
                            crypto::SignatureAlgorithm algorithm, int validDays,
                            const SecureBytes &passphrase, const Clock &clock)
{
    crypto::initialise();
    if (auto cn = checkCommonName(commonName); !cn)
        return cn.error();
    if (validDays < 1 || validDays > kMaxCaDays)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a CA is valid for 1 to %1 days").arg(kMaxCaDays));
    if (passphrase.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the CA passphrase must not be empty"));
    if (!QDir().mkpath(dir))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(dir));
    SiteCa ca;
    ca.d->dir = QFileInfo(dir).absoluteFilePath();
    ca.d->clock = &clock;
    if (QFileInfo::exists(ca.d->path(kCaCertificate)) || QFileInfo::exists(ca.d->path(kSealedKey)))
        return makeError(Error::Code::AlreadyExists, QStringLiteral("%1 already holds a CA").arg(dir));

    auto key = crypto::SigningKey::generate(algorithm);
    if (!key)
        return key.error();
    auto cert = Certificate::authority(key.value(), commonName, validDays, clock);
    if (!cert)
        return cert.error();
    auto sealed = detail::sealPrivateKey(key.value(), passphrase);
    if (!sealed)
        return sealed.error();
    ca.d->key = key.value();
    ca.d->ca = cert.value();
    // The key first and the certificate last: a folder cut short holds no ca.crt that would pass for
    // a CA, and init refuses to run over it until it is cleared.
    if (auto w = writeFileAtomically(ca.d->path(kSealedKey), sealed.value()); !w)
        return w.error();
    if (auto saved = ca.d->saveRegistry({}, kDefaultCrlDays); !saved)
        return saved.error();
    if (auto list = ca.d->writeCrl(kDefaultCrlDays); !list)
        return list.error();
    if (auto w = detail::writePublicFile(ca.d->path(kCaCertificate), cert->pem()); !w)
        return w.error();
    qCInfo(lcPki).noquote() << "new CA" << commonName << "in" << ca.d->dir << "key"
                            << crypto::signatureAlgorithmName(algorithm) << "until"
                            << isoTime(cert->notAfter());
    return ca;
}

Result<SiteCa> SiteCa::load(const QString &dir, const Clock &clock)
{
    crypto::initialise();
    SiteCa ca;
    ca.d->dir = QFileInfo(dir).absoluteFilePath();
    ca.d->clock = &clock;
    auto pem = detail::readFile(ca.d->path(kCaCertificate));
    if (!pem) {
        if (pem.error().code == Error::Code::NotFound)
            return makeError(
                Error::Code::NotFound,
                QStringLiteral("%1 holds no CA (no ca.crt; mdp pki init-ca makes one)").arg(dir));
        return pem.error();
    }
    auto cert = Certificate::fromPem(pem.value());
    if (!cert || !cert->isAuthority())
        return corrupt(QStringLiteral("%1 is not a CA certificate").arg(ca.d->path(kCaCertificate)));
    ca.d->ca = cert.value();
    ca.d->verifyOnly = !QFileInfo::exists(ca.d->path(kSealedKey));

    auto registry = detail::readFile(ca.d->path(kRegistry));
    if (registry) {
        if (auto r = ca.d->loadRegistry(registry.value()); !r)
            return r.error();
    } else if (registry.error().code != Error::Code::NotFound || !ca.d->verifyOnly) {
        // A signing CA without its registry would forget what it issued and revoked.
        return registry.error().code == Error::Code::NotFound
                   ? corrupt(QStringLiteral("%1 is missing").arg(ca.d->path(kRegistry)))
                   : registry.error();
    }

    auto crlPem = detail::readFile(ca.d->path(kCrl));
    if (crlPem) {
        auto list = RevocationList::fromPem(crlPem.value());
        if (!list || !detail::isCrlSignedBy(list.value(), ca.d->ca))
            return corrupt(QStringLiteral("%1 is not a revocation list of this CA").arg(ca.d->path(kCrl)));
        ca.d->crl = list.value();
    } else if (crlPem.error().code != Error::Code::NotFound) {
        return crlPem.error();
    }
    return ca;
}

Result<SiteCa> SiteCa::open(const QString &dir, const SecureBytes &passphrase, const Clock &clock)
{
    auto ca = load(dir, clock);
    if (!ca || ca->d->verifyOnly)
        return ca;
    auto sealed = detail::readFile(ca->d->path(kSealedKey));
    if (!sealed)
        return sealed.error();
    auto key = detail::unsealPrivateKey(sealed.value(), passphrase);
    if (!key)
        return key.error();
    if (!(key->publicKey() == ca->d->ca.publicKey()))
        return corrupt(QStringLiteral("ca.key.sealed holds another key than ca.crt's"));
    ca->d->key = key.value();
    return ca;
}

Result<SiteCa> SiteCa::importExternal(const QString &dir, QByteArrayView caCertificatePem,
                                      const crypto::SigningKey *caKey, const SecureBytes &passphrase,
                                      QByteArrayView crlPem, const Clock &clock)
{
    crypto::initialise();
    auto cert = Certificate::fromPem(caCertificatePem);
    if (!cert || !cert->isAuthority())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the certificate to import is not a CA certificate (basicConstraints "
                                        "CA:TRUE)"));
    const bool withKey = caKey && !caKey->isNull();
    if (withKey && !(caKey->publicKey() == cert->publicKey()))
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the key is not the CA certificate's key"));
    if (withKey && passphrase.isEmpty())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a passphrase is needed to seal the imported CA key"));
    RevocationList imported;
    if (!crlPem.isEmpty()) {
        auto list = RevocationList::fromPem(crlPem);
        if (!list || !detail::isCrlSignedBy(list.value(), cert.value()))
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("the revocation list is not one the imported CA signed"));
        imported = list.value();
    }
    if (!QDir().mkpath(dir))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(dir));
    SiteCa ca;
    ca.d->dir = QFileInfo(dir).absoluteFilePath();
    ca.d->clock = &clock;
    if (QFileInfo::exists(ca.d->path(kCaCertificate)) || QFileInfo::exists(ca.d->path(kSealedKey)))
        return makeError(Error::Code::AlreadyExists, QStringLiteral("%1 already holds a CA").arg(dir));
    ca.d->ca = cert.value();
    ca.d->verifyOnly = !withKey;
    if (!imported.isNull())
        ca.d->importedRevocations = imported.revoked();
    if (withKey) {
        auto sealed = detail::sealPrivateKey(*caKey, passphrase);
        if (!sealed)
            return sealed.error();
        if (auto w = writeFileAtomically(ca.d->path(kSealedKey), sealed.value()); !w)
            return w.error();
        ca.d->key = *caKey;
    }
    if (auto saved = ca.d->saveRegistry({}, kDefaultCrlDays); !saved)
        return saved.error();
    if (!imported.isNull()) {
        if (auto w = detail::writePublicFile(ca.d->path(kCrl), imported.pem()); !w)
            return w.error();
        ca.d->crl = imported;
    } else if (withKey) {
        if (auto list = ca.d->writeCrl(kDefaultCrlDays); !list)
            return list.error();
    }
    if (auto w = detail::writePublicFile(ca.d->path(kCaCertificate), cert->pem()); !w)
        return w.error();
    qCInfo(lcPki).noquote() << "imported CA" << cert->commonName() << "into" << ca.d->dir
                            << (withKey ? "with its key (sealed)" : "verify-only");
    return ca;
}

QString SiteCa::directory() const
{
    return d->dir;
}

Certificate SiteCa::certificate() const
{
    return d->ca;
}

RevocationList SiteCa::revocationList() const
{
    return d->crl;
}

bool SiteCa::canIssue() const
{
    return !d->verifyOnly && !d->key.isNull();
}

bool SiteCa::isVerifyOnly() const
{
    return d->verifyOnly;
}

QList<IssuedCertificate> SiteCa::issued() const
{
    return d->issued;
}

std::optional<IssuedCertificate> SiteCa::find(const QString &serialHex) const
{
    const qsizetype i = d->indexOf(serialHex);
    if (i < 0)
        return std::nullopt;
    return d->issued.at(i);
}

Result<IssuedCredential> SiteCa::issue(const IssueRequest &request)
{
    if (auto k = d->requireKey(); !k)
        return k.error();
    if (auto cn = checkCommonName(request.commonName); !cn)
        return cn.error();
    if (request.usage == CertificateUsage::Authority)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the site CA issues no subordinate CA"));
    if (request.validDays < 1 || request.validDays > kMaxLeafDays)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a certificate is valid for 1 to %1 days").arg(kMaxLeafDays));
    if (request.usage == CertificateUsage::Server && request.dnsNames.isEmpty() &&
        request.ipAddresses.isEmpty())
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a server certificate needs at least one DNS name or IP address "
                                        "(TLS clients check the name they connect to)"));
    const crypto::SignatureAlgorithm caAlgorithm = d->ca.publicKey().algorithm();
    const bool ownKey = request.publicKey && !request.publicKey->isNull();
    const crypto::SignatureAlgorithm wanted =
        ownKey ? request.publicKey->algorithm() : request.keyAlgorithm.value_or(caAlgorithm);
    if (wanted != caAlgorithm)
        return makeError(
            Error::Code::Unsupported,
            QStringLiteral("this CA signs with %1 and certifies %1 keys only, not %2 (a chain mixing "
                           "SM2 and P-256 does not verify here); use a CA of that algorithm")
                .arg(crypto::signatureAlgorithmName(caAlgorithm), crypto::signatureAlgorithmName(wanted)));
    crypto::SigningKey generated;
    crypto::PublicKey subject;
    if (ownKey) {
        subject = *request.publicKey;
    } else {
        auto key = crypto::SigningKey::generate(wanted);
        if (!key)
            return key.error();
        generated = key.value();
        subject = generated.publicKey();
    }
    auto lock = d->beginChange();
    if (!lock)
        return lock.error();
    const QDateTime now = d->clock->now().toUTC();
    qsizetype live = -1;
    for (qsizetype i = 0; i < d->issued.size(); ++i) {
        const IssuedCertificate &c = d->issued.at(i);
        if (c.usage == request.usage && !c.revoked && c.renewedBy.isEmpty() && c.notAfter > now &&
            c.commonName.compare(request.commonName, Qt::CaseInsensitive) == 0)
            live = i;
    }
    if (live >= 0 && !request.replaceExisting)
        return makeError(
            Error::Code::Conflict,
            QStringLiteral("certificate %1 for %2 is valid until %3: renew it, revoke it first, or "
                           "replace it")
                .arg(d->issued.at(live).serialHex, d->issued.at(live).commonName,
                     isoTime(d->issued.at(live).notAfter)));
    auto issued = d->issueFor(subject, generated, request, QString());
    if (!issued || live < 0)
        return issued;
    QList<IssuedCertificate> rows = d->issued;
    const qsizetype old = d->indexOf(rows.at(live).serialHex);
    rows[old].revoked = true;
    rows[old].revokedAt = now;
    rows[old].revocationReason = QStringLiteral("superseded");
    if (auto saved = d->saveRegistry(std::move(rows), d->crlDays); !saved)
        return saved.error();
    if (auto list = d->writeCrl(d->crlDays); !list)
        return list.error();
    qCInfo(lcPki).noquote() << "revoked certificate" << d->issued.at(old).serialHex << "of"
                            << d->issued.at(old).commonName << "reason superseded";
    return issued;
}

Result<IssuedCredential> SiteCa::renew(const QString &serialOrCommonName, int validDays)
{
    if (auto k = d->requireKey(); !k)
        return k.error();
    auto lock = d->beginChange();
    if (!lock)
        return lock.error();
    qsizetype at = d->indexOf(serialOrCommonName);
    if (at < 0) {
        // The newest unrevoked certificate with that name.
        for (qsizetype i = 0; i < d->issued.size(); ++i) {
            const IssuedCertificate &c = d->issued.at(i);
            if (c.commonName == serialOrCommonName && !c.revoked &&
                (at < 0 || c.notAfter > d->issued.at(at).notAfter))
                at = i;
        }
    }
    if (at < 0)
        return makeError(
            Error::Code::NotFound,
            QStringLiteral("no certificate with serial or common name %1").arg(serialOrCommonName));
    const IssuedCertificate old = d->issued.at(at);
    if (old.revoked)
        return makeError(Error::Code::Conflict,
                         QStringLiteral("certificate %1 is revoked: issue a new one rather than renew it")
                             .arg(old.serialHex));
    auto cert = Certificate::fromPem(old.pem);
    if (!cert)
        return cert.error();
    IssueRequest request;
    request.usage = old.usage;
    request.commonName = old.commonName;
    request.validDays = validDays > 0 ? validDays : old.validDays;
    request.dnsNames = old.dnsNames;
    request.ipAddresses = old.ipAddresses;
    if (request.validDays < 1 || request.validDays > kMaxLeafDays)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("a certificate is valid for 1 to %1 days").arg(kMaxLeafDays));
    return d->issueFor(cert->publicKey(), crypto::SigningKey(), request, old.serialHex);
}

Result<IssuedCertificate> SiteCa::revoke(const QString &serialHex, const QString &reason)
{
    if (auto k = d->requireKey(); !k)
        return k.error();
    QString canonicalReason = QStringLiteral("unspecified");
    if (!reason.isEmpty()) {
        canonicalReason.clear();
        for (const QString &r : revocationReasons()) {
            if (r.compare(reason, Qt::CaseInsensitive) == 0)
                canonicalReason = r;
        }
        if (canonicalReason.isEmpty())
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("unknown revocation reason '%1' (one of: %2)")
                                 .arg(reason, revocationReasons().join(QStringLiteral(", "))));
    }
    auto lock = d->beginChange();
    if (!lock)
        return lock.error();
    const qsizetype at = d->indexOf(serialHex);
    if (at < 0)
        return makeError(Error::Code::NotFound,
                         QStringLiteral("this CA issued no certificate with serial %1").arg(serialHex));
    if (d->issued.at(at).revoked)
        return makeError(Error::Code::Conflict,
                         QStringLiteral("certificate %1 was revoked on %2")
                             .arg(d->issued.at(at).serialHex, isoTime(d->issued.at(at).revokedAt)));
    QList<IssuedCertificate> rows = d->issued;
    rows[at].revoked = true;
    rows[at].revokedAt = d->clock->now().toUTC();
    rows[at].revocationReason = canonicalReason;
    if (auto saved = d->saveRegistry(std::move(rows), d->crlDays); !saved)
        return saved.error();
    // The list goes out at once: a peer refuses the certificate from its next handshake with it.
    if (auto list = d->writeCrl(d->crlDays); !list)
        return list.error();
    qCInfo(lcPki).noquote() << "revoked certificate" << d->issued.at(at).serialHex << "of"
                            << d->issued.at(at).commonName << "reason" << canonicalReason;
    return d->issued.at(at);
}

Result<RevocationList> SiteCa::crl(int validDays)
{
    if (auto k = d->requireKey(); !k)
        return k.error();
    auto lock = d->beginChange();
    if (!lock)
        return lock.error();
    auto list = d->writeCrl(validDays);
    if (!list)
        return list;
    if (validDays != d->crlDays) {
        if (auto saved = d->saveRegistry(d->issued, validDays); !saved)
            return saved.error();
    }
    return list;
}

QList<IssuedCertificate> SiteCa::expiringWithin(int days) const
{
    const QDateTime limit = d->clock->now().toUTC().addDays(days);
    QList<IssuedCertificate> due;
    for (const IssuedCertificate &c : std::as_const(d->issued)) {
        if (!c.revoked && c.renewedBy.isEmpty() && c.notAfter <= limit)
            due << c;
    }
    std::sort(due.begin(), due.end(),
              [](const IssuedCertificate &a, const IssuedCertificate &b) { return a.notAfter < b.notAfter; });
    return due;
}

Result<void> SiteCa::verify(const Certificate &certificate, CertificateUsage usage) const
{
    const QDateTime now = d->clock->now().toUTC();
    if (d->crl.isNull() || d->crl.isSignedBy(d->ca))
        return certificate.verifyIssuedBy(d->ca, d->crl.isNull() ? nullptr : &d->crl, usage, now);
    // An SM2 CA's list, which OpenSSL 3.0's chain check cannot verify: the chain without it, then the
    // list as that check would take it (its signature was checked when it was read).
    if (auto chain = certificate.verifyIssuedBy(d->ca, nullptr, usage, now); !chain)
        return chain;
    auto refused = [](const QString &why) {
        return makeError(Error::Code::PermissionDenied, QStringLiteral("certificate refused: %1").arg(why));
    };
    if (!detail::isCrlSignedBy(d->crl, d->ca))
        return refused(QStringLiteral("the revocation list is not the CA's"));
    if (now < d->crl.lastUpdate())
        return refused(QStringLiteral("CRL is not yet valid"));
    if (now > d->crl.nextUpdate())
        return refused(QStringLiteral("CRL has expired"));
    if (d->crl.lists(certificate))
        return refused(QStringLiteral("certificate revoked"));
    return {};
}

QString SiteCa::normaliseSerial(const QString &serial)
{
    QString s = serial.trimmed().toLower();
    s.remove(QLatin1Char(':'));
    if (s.startsWith(QStringLiteral("0x")))
        s = s.mid(2);
    for (const QChar c : std::as_const(s)) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return QString();
    }
    qsizetype zeros = 0;
    while (zeros < s.size() && s.at(zeros) == u'0')
        ++zeros;
    return s.mid(zeros);
}

} // namespace mdp::pki
