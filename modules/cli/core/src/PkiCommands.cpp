#include "PkiCommands.h"

#include "mdp/cli/SecretPrompt.h"
#include "mdp/pki/PrivateKeyPem.h"
#include "mdp/pki/SiteCa.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>
#include <cstring>

namespace mdp::cli {

namespace {

constexpr const char *kPassphraseVariable = "MDP_PKI_PASSPHRASE";
constexpr qsizetype kMinPassphrase = 8;
constexpr qint64 kMaxInputFile = 1024 * 1024;
constexpr int kDefaultCaDays = 3650;
constexpr int kDefaultLeafDays = 30;

int usage(QTextStream &err, const ParsedCommand &args, const QString &problem)
{
    err << "mdp: " << problem << "\n"
        << "usage: " << args.usage << "\n";
    err.flush();
    return 2;
}

int fail(QTextStream &err, const Error &error)
{
    err << "mdp: " << error.message << " (" << Error::codeName(error.code) << ")\n";
    err.flush();
    return 1;
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

// --days N: a positive whole number, or `fallback` when absent; nullopt when malformed.
std::optional<int> days(const ParsedCommand &args, int fallback)
{
    if (!args.has(QStringLiteral("days")))
        return fallback;
    bool ok = false;
    const int n = args.value(QStringLiteral("days")).toInt(&ok);
    if (!ok || n < 1)
        return std::nullopt;
    return n;
}

QStringList commaList(const QString &value)
{
    QStringList items;
    for (const QString &item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    }
    return items;
}

std::optional<crypto::SignatureAlgorithm> algorithm(const ParsedCommand &args)
{
    const QString name = args.value(QStringLiteral("algorithm"));
    if (name.isEmpty() || name == QStringLiteral("p256"))
        return crypto::SignatureAlgorithm::EcdsaP256;
    if (name == QStringLiteral("sm2"))
        return crypto::SignatureAlgorithm::Sm2;
    return std::nullopt;
}

Result<QByteArray> readInput(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    if (f.size() > kMaxInputFile)
        return makeError(Error::Code::InvalidArgument, QStringLiteral("%1 is too large").arg(path));
    return f.readAll();
}

// --passphrase-file F (its first line), else MDP_PKI_PASSPHRASE, else a no-echo prompt (asked twice
// when a new passphrase is set).
Result<SecureBytes> passphrase(const ParsedCommand &args, bool isNew)
{
    SecureBytes secret;
    if (args.has(QStringLiteral("passphrase-file"))) {
        const QString path = args.value(QStringLiteral("passphrase-file"));
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(Error::Code::Io, QStringLiteral("cannot read the passphrase file %1").arg(path));
        QByteArray raw = f.read(1024);
        qsizetype n = raw.indexOf('\n');
        if (n < 0)
            n = raw.size();
        if (n > 0 && raw.at(n - 1) == '\r')
            --n;
        secret = SecureBytes(QByteArrayView(raw.constData(), n));
        secureZero(raw);
    } else {
        auto read = readSecret(kPassphraseVariable, QStringLiteral("CA passphrase: "), isNew);
        if (!read)
            return read.error();
        secret = read.value();
    }
    if (secret.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("the CA passphrase is empty"));
    if (isNew && qsizetype(secret.size()) < kMinPassphrase)
        return makeError(
            Error::Code::InvalidArgument,
            QStringLiteral("the CA passphrase needs at least %1 characters").arg(kMinPassphrase));
    return secret;
}

// A file stem for the holder's files: the common name with anything but letters, digits, '.', '_'
// and '-' replaced.
QString defaultPrefix(const QString &commonName)
{
    QString stem;
    for (const QChar c : commonName)
        stem += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'.' || c == u'_' || c == u'-'
                    ? c
                    : QLatin1Char('_');
    return stem.isEmpty() ? QStringLiteral("certificate") : stem;
}

Result<void> writeOut(const QString &path, QByteArrayView contents, bool secret)
{
    QFile f(path);
    // A new private key file is created 0600 before a byte is written.
    if (secret &&
        !f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1: %2").arg(path, f.errorString()));
    if (!secret && !f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    if (f.write(contents.data(), contents.size()) != contents.size() || !f.flush())
        return makeError(Error::Code::Io, QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

void printIssued(QTextStream &out, const QString &verb, const pki::IssuedCertificate &c)
{
    out << verb << " " << pki::usageName(c.usage) << " certificate " << c.serialHex << " for " << c.commonName
        << ", valid until " << iso(c.notAfter);
    if (!c.renews.isEmpty())
        out << " (renews " << c.renews << ")";
    out << "\n";
}

int cmdInitCa(const ParsedCommand &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const auto alg = algorithm(args);
    if (!alg)
        return usage(err, args, QStringLiteral("--algorithm must be sm2 or p256"));
    const auto validDays = days(args, kDefaultCaDays);
    if (!validDays)
        return usage(err, args, QStringLiteral("--days takes a positive number"));
    const QString dir = args.value(QStringLiteral("dir"));
    if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("ca.crt"))))
        return fail(err,
                    makeError(Error::Code::AlreadyExists, QStringLiteral("%1 already holds a CA").arg(dir)));
    auto secret = passphrase(args, true);
    if (!secret)
        return fail(err, secret.error());
    auto ca =
        pki::SiteCa::init(dir, args.value(QStringLiteral("cn")), *alg, *validDays, secret.value(), clock);
    if (!ca)
        return fail(err, ca.error());
    const crypto::Certificate cert = ca->certificate();
    out << "CA " << cert.commonName() << " (" << crypto::signatureAlgorithmName(*alg) << ") in "
        << ca->directory() << "\n"
        << "  serial       " << cert.serialHex() << "\n"
        << "  valid until  " << iso(cert.notAfter()) << "\n"
        << "  fingerprint  " << QString::fromLatin1(cert.fingerprint().toHex()) << "\n"
        << "  key          ca.key.sealed (sealed under the passphrase; keep the passphrase apart)\n";
    if (*alg == crypto::SignatureAlgorithm::Sm2)
        out << "  note: OpenSSL 3.0's TLS 1.3 has no SM2 signature algorithms; mdp-grantd's TLS needs a "
               "P-256 CA\n";
    return 0;
}

int cmdImportCa(const ParsedCommand &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    auto certPem = readInput(args.value(QStringLiteral("cert")));
    if (!certPem)
        return fail(err, certPem.error());
    QByteArray crlPem;
    if (args.has(QStringLiteral("crl"))) {
        auto read = readInput(args.value(QStringLiteral("crl")));
        if (!read)
            return fail(err, read.error());
        crlPem = read.value();
    }
    crypto::SigningKey key;
    SecureBytes secret;
    if (args.has(QStringLiteral("key"))) {
        auto keyPem = readInput(args.value(QStringLiteral("key")));
        if (!keyPem)
            return fail(err, keyPem.error());
        auto der = pki::privateKeyDerFromPem(keyPem.value());
        secureZero(keyPem.value());
        if (!der)
            return fail(err, der.error());
        auto parsed = crypto::SigningKey::fromPrivateDer(der->view());
        if (!parsed)
            return fail(err, parsed.error());
        key = parsed.value();
        auto read = passphrase(args, true);
        if (!read)
            return fail(err, read.error());
        secret = read.value();
    }
    auto ca = pki::SiteCa::importExternal(args.value(QStringLiteral("dir")), certPem.value(),
                                          key.isNull() ? nullptr : &key, secret, crlPem, clock);
    if (!ca)
        return fail(err, ca.error());
    out << "CA " << ca->certificate().commonName() << " imported into " << ca->directory()
        << (ca->isVerifyOnly()
                ? " (verify-only: certificates are checked here, issued by the CA that holds the key)"
                : " with its key, sealed in ca.key.sealed")
        << "\n";
    if (ca->revocationList().isNull())
        out << "  no revocation list: revoked certificates are not refused until one is put in crl.pem\n";
    return 0;
}

int cmdIssue(const ParsedCommand &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const auto kind = pki::usageFromName(args.words.value(2));
    if (!kind || *kind == crypto::CertificateUsage::Authority)
        return usage(err, args, QStringLiteral("pki issue needs server, workstation or user"));
    const auto alg = algorithm(args);
    if (!alg)
        return usage(err, args, QStringLiteral("--algorithm must be sm2 or p256"));
    const auto validDays = days(args, kDefaultLeafDays);
    if (!validDays)
        return usage(err, args, QStringLiteral("--days takes a positive number"));
    pki::IssueRequest request;
    request.usage = *kind;
    request.commonName = args.value(QStringLiteral("cn"));
    request.validDays = *validDays;
    request.dnsNames = commaList(args.value(QStringLiteral("dns")));
    request.ipAddresses = commaList(args.value(QStringLiteral("ip")));
    if (args.has(QStringLiteral("algorithm")))
        request.keyAlgorithm = *alg;
    request.replaceExisting = args.has(QStringLiteral("replace"));
    if (args.has(QStringLiteral("csr-key"))) {
        auto pem = readInput(args.value(QStringLiteral("csr-key")));
        if (!pem)
            return fail(err, pem.error());
        auto key = crypto::PublicKey::fromPem(pem.value());
        if (!key)
            return fail(err, makeError(Error::Code::InvalidArgument,
                                       QStringLiteral("%1 is not a PEM public key (SubjectPublicKeyInfo)")
                                           .arg(args.value(QStringLiteral("csr-key")))));
        request.publicKey = key.value();
    }
    const QString prefix = args.has(QStringLiteral("out")) ? args.value(QStringLiteral("out"))
                                                           : defaultPrefix(request.commonName);
    const QString certPath = prefix + QStringLiteral(".crt");
    const QString keyPath = prefix + QStringLiteral(".key");
    // Checked before the CA signs: a certificate the registry holds but nobody received is noise.
    for (const QString &path : {certPath, keyPath}) {
        if (QFileInfo::exists(path))
            return fail(err, makeError(Error::Code::AlreadyExists,
                                       QStringLiteral("%1 exists already (choose another --out)").arg(path)));
    }
    auto secret = passphrase(args, false);
    if (!secret)
        return fail(err, secret.error());
    auto ca = pki::SiteCa::open(args.value(QStringLiteral("dir")), secret.value(), clock);
    if (!ca)
        return fail(err, ca.error());
    auto issued = ca->issue(request);
    if (!issued)
        return fail(err, issued.error());
    if (!issued->privateKey.isNull()) {
        if (auto w = writeOut(keyPath, pki::privateKeyPem(issued->privateKey.privateKeyDer()).view(), true);
            !w)
            return fail(err, w.error());
    }
    if (auto w = writeOut(certPath, issued->certificate.pem(), false); !w)
        return fail(err, w.error());
    printIssued(out, QStringLiteral("issued"), issued->record);
    out << "  certificate  " << certPath << "\n";
    if (!issued->privateKey.isNull())
        out << "  private key  " << keyPath
            << " (mode 0600, not encrypted: hand it to its holder and delete it here)\n";
    return 0;
}

int cmdRenew(const ParsedCommand &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const auto validDays = days(args, 0);
    if (!validDays)
        return usage(err, args, QStringLiteral("--days takes a positive number"));
    auto secret = passphrase(args, false);
    if (!secret)
        return fail(err, secret.error());
    auto ca = pki::SiteCa::open(args.value(QStringLiteral("dir")), secret.value(), clock);
    if (!ca)
        return fail(err, ca.error());
    auto renewed = ca->renew(args.value(QStringLiteral("serial")), *validDays);
    if (!renewed)
        return fail(err, renewed.error());
    const QString prefix = args.has(QStringLiteral("out")) ? args.value(QStringLiteral("out"))
                                                           : defaultPrefix(renewed->record.commonName);
    const QString certPath = prefix + QStringLiteral(".crt");
    if (auto w = writeOut(certPath, renewed->certificate.pem(), false); !w)
        return fail(err, w.error());
    printIssued(out, QStringLiteral("renewed:"), renewed->record);
    out << "  certificate  " << certPath << " (same key; the old certificate stays valid until its end)\n";
    return 0;
}

int cmdRevoke(const ParsedCommand &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    auto secret = passphrase(args, false);
    if (!secret)
        return fail(err, secret.error());
    auto ca = pki::SiteCa::open(args.value(QStringLiteral("dir")), secret.value(), clock);
    if (!ca)
        return fail(err, ca.error());
    auto revoked = ca->revoke(args.value(QStringLiteral("serial")), args.value(QStringLiteral("reason")));
    if (!revoked)
        return fail(err, revoked.error());
    out << "revoked certificate " << revoked->serialHex << " of " << revoked->commonName << " ("
        << revoked->revocationReason << ")\n"
        << "  crl.pem rewritten, valid until " << iso(ca->revocationList().nextUpdate())
        << ": give it to mdp-grantd (peers refuse the certificate from their next handshake)\n";
    return 0;
}

int cmdCrl(const ParsedCommand &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const auto validDays = days(args, pki::SiteCa::kDefaultCrlDays);
    if (!validDays)
        return usage(err, args, QStringLiteral("--days takes a positive number"));
    auto secret = passphrase(args, false);
    if (!secret)
        return fail(err, secret.error());
    auto ca = pki::SiteCa::open(args.value(QStringLiteral("dir")), secret.value(), clock);
    if (!ca)
        return fail(err, ca.error());
    auto list = ca->crl(*validDays);
    if (!list)
        return fail(err, list.error());
    out << "crl.pem: " << list->revoked().size() << " revoked certificate(s), next update "
        << iso(list->nextUpdate()) << "\n";
    return 0;
}

QJsonObject rowJson(const pki::IssuedCertificate &c, const QDateTime &now)
{
    QJsonObject o{{QStringLiteral("serial"), c.serialHex},
                  {QStringLiteral("commonName"), c.commonName},
                  {QStringLiteral("usage"), pki::usageName(c.usage)},
                  {QStringLiteral("notBefore"), iso(c.notBefore)},
                  {QStringLiteral("notAfter"), iso(c.notAfter)},
                  {QStringLiteral("fingerprint"), c.fingerprint},
                  {QStringLiteral("status"), c.status(now)}};
    if (!c.dnsNames.isEmpty())
        o.insert(QStringLiteral("dnsNames"), QJsonArray::fromStringList(c.dnsNames));
    if (!c.ipAddresses.isEmpty())
        o.insert(QStringLiteral("ipAddresses"), QJsonArray::fromStringList(c.ipAddresses));
    if (c.revoked) {
        o.insert(QStringLiteral("revokedAt"), iso(c.revokedAt));
        o.insert(QStringLiteral("reason"), c.revocationReason);
    }
    if (!c.renews.isEmpty())
        o.insert(QStringLiteral("renews"), c.renews);
    if (!c.renewedBy.isEmpty())
        o.insert(QStringLiteral("renewedBy"), c.renewedBy);
    return o;
}

int cmdList(const ParsedCommand &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    std::optional<int> expiring;
    if (args.has(QStringLiteral("expiring"))) {
        bool ok = false;
        const int n = args.value(QStringLiteral("expiring")).toInt(&ok);
        if (!ok || n < 0)
            return usage(err, args, QStringLiteral("--expiring takes a number of days"));
        expiring = n;
    }
    auto ca = pki::SiteCa::load(args.value(QStringLiteral("dir")), clock);
    if (!ca)
        return fail(err, ca.error());
    const QDateTime now = clock.now().toUTC();
    const QList<pki::IssuedCertificate> rows = expiring ? ca->expiringWithin(*expiring) : ca->issued();
    if (args.has(QStringLiteral("json"))) {
        for (const pki::IssuedCertificate &c : rows)
            out << QString::fromUtf8(QJsonDocument(rowJson(c, now)).toJson(QJsonDocument::Compact)) << "\n";
        return 0;
    }
    const crypto::Certificate cert = ca->certificate();
    out << "CA " << cert.commonName() << " (" << crypto::signatureAlgorithmName(cert.publicKey().algorithm())
        << (ca->isVerifyOnly() ? ", verify-only" : "") << "), serial " << cert.serialHex() << ", valid until "
        << iso(cert.notAfter()) << "\n";
    const crypto::RevocationList list = ca->revocationList();
    if (list.isNull())
        out << "  no revocation list\n";
    else
        out << "  crl.pem: " << list.revoked().size() << " revoked, next update " << iso(list.nextUpdate())
            << (list.nextUpdate() < now ? " (STALE: peers refuse every certificate; run mdp pki crl)" : "")
            << "\n";
    for (const pki::IssuedCertificate &c : rows) {
        out << c.serialHex << "  " << pki::usageName(c.usage) << "  " << c.commonName << "  until "
            << iso(c.notAfter) << "  " << c.status(now);
        if (c.revoked)
            out << " (" << c.revocationReason << ", " << iso(c.revokedAt) << ")";
        if (!c.renewedBy.isEmpty())
            out << "  renewed by " << c.renewedBy;
        out << "\n";
    }
    return 0;
}

int dispatch(const ParsedCommand &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const QString verb = args.words.value(1);
    if (args.value(QStringLiteral("dir")).isEmpty())
        return usage(err, args, QStringLiteral("--dir DIR is required"));
    if (verb == QStringLiteral("list"))
        return cmdList(args, clock, out, err);
    if (verb == QStringLiteral("init-ca")) {
        if (args.value(QStringLiteral("cn")).isEmpty())
            return usage(err, args, QStringLiteral("--cn NAME is required"));
        return cmdInitCa(args, clock, out, err);
    }
    if (verb == QStringLiteral("import-ca")) {
        if (args.value(QStringLiteral("cert")).isEmpty())
            return usage(err, args, QStringLiteral("--cert FILE is required"));
        return cmdImportCa(args, clock, out, err);
    }
    if (verb == QStringLiteral("issue")) {
        if (args.value(QStringLiteral("cn")).isEmpty())
            return usage(err, args, QStringLiteral("--cn NAME is required"));
        return cmdIssue(args, clock, out, err);
    }
    if (verb == QStringLiteral("renew") || verb == QStringLiteral("revoke")) {
        if (args.value(QStringLiteral("serial")).isEmpty())
            return usage(err, args, QStringLiteral("--serial S is required"));
        return verb == QStringLiteral("renew") ? cmdRenew(args, clock, out, err)
                                               : cmdRevoke(args, clock, out, err);
    }
    if (verb == QStringLiteral("crl"))
        return cmdCrl(args, clock, out, err);
    return usage(err, args,
                 QStringLiteral("pki needs init-ca, import-ca, issue, renew, revoke, crl or list"));
}

} // namespace

QList<CommandSyntax> pkiSyntax()
{
    using S = CommandSyntax;
    const QString pki = QStringLiteral("pki");
    const S::Option dir = S::required(QStringLiteral("dir"), QStringLiteral("DIR"),
                                      QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the CA folder"));
    const S::Option passphraseFile =
        S::optional(QStringLiteral("passphrase-file"), QStringLiteral("FILE"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                      "read the CA passphrase from this file's first line (else "
                                      "MDP_PKI_PASSPHRASE or a prompt)"));
    const S::Option days = S::optional(QStringLiteral("days"), QStringLiteral("N"),
                                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "days of validity"));
    const S::Option out =
        S::optional(QStringLiteral("out"), QStringLiteral("PREFIX"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                      "write PREFIX.crt (and PREFIX.key) (default: the common name, here)"));
    const S::Option serial =
        S::required(QStringLiteral("serial"), QStringLiteral("S"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the certificate's serial number (hex)"));
    const S::Option algorithm = S::optional(
        QStringLiteral("algorithm"), QStringLiteral("sm2|p256"),
        QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                          "the CA's key algorithm (default p256: OpenSSL 3.0's TLS 1.3 has no SM2)"));
    const S::Option keyAlgorithm =
        S::optional(QStringLiteral("algorithm"), QStringLiteral("sm2|p256"),
                    QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                      "the generated key's algorithm (default and only choice: the CA's)"));
    return {
        S(pki, QStringLiteral("init-ca"),
          QT_TRANSLATE_NOOP(
              "mdp::cli::CommandSyntax",
              "create the site CA of mdp-grantd's mutual TLS: ca.crt, its key sealed under a "
              "passphrase (ca.key.sealed), issued.json and an empty crl.pem (default 3650 days)"),
          {dir,
           S::required(QStringLiteral("cn"), QStringLiteral("NAME"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the CA's common name")),
           algorithm, days, passphraseFile}),
        S(pki, QStringLiteral("import-ca"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "use a hospital CA: its certificate, its revocation list and, to issue here, its "
                            "key (sealed under a passphrase); without the key the folder is verify-only"),
          {dir,
           S::required(QStringLiteral("cert"), QStringLiteral("FILE"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the CA certificate (PEM)")),
           S::optional(QStringLiteral("key"), QStringLiteral("FILE"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the CA key (unencrypted PKCS#8 PEM)")),
           S::optional(QStringLiteral("crl"), QStringLiteral("FILE"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the CA's revocation list (PEM)")),
           passphraseFile}),
        S(pki, QStringLiteral("issue"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "issue a server (mdp-grantd), workstation or user certificate; a key pair is "
                            "generated unless --csr-key gives the holder's public key (default 30 days)"),
          {dir,
           S::required(QStringLiteral("cn"), QStringLiteral("NAME"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "the subject's common name")),
           S::optional(
               QStringLiteral("dns"), QStringLiteral("a,b"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "DNS names (a server needs a name or address)")),
           S::optional(QStringLiteral("ip"), QStringLiteral("x,y"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "IP addresses")),
           days, out,
           S::optional(QStringLiteral("csr-key"), QStringLiteral("PUBKEY.pem"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "the holder's public key (PEM): no private key is made or written")),
           keyAlgorithm,
           S::flag(
               QStringLiteral("replace"),
               QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                 "a valid certificate of that name and use exists: revoke it as superseded "
                                 "(without this, issuing a second one is refused)")),
           passphraseFile},
          QStringLiteral("server|workstation|user")),
        S(pki, QStringLiteral("renew"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "re-issue a certificate for the same key and name before it runs out (the old "
                            "one stays valid until its end); --serial also takes a common name"),
          {dir, serial,
           S::optional(QStringLiteral("days"), QStringLiteral("N"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "days of validity (default: as before)")),
           out, passphraseFile}),
        S(pki, QStringLiteral("revoke"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "revoke a certificate and rewrite crl.pem"),
          {dir, serial,
           S::optional(QStringLiteral("reason"), QStringLiteral("R"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "unspecified, keyCompromise, caCompromise, affiliationChanged, "
                                         "superseded, cessationOfOperation or privilegeWithdrawn")),
           passphraseFile}),
        S(pki, QStringLiteral("crl"),
          QT_TRANSLATE_NOOP(
              "mdp::cli::CommandSyntax",
              "write a fresh crl.pem (default 7 days; peers refuse every certificate once it is "
              "out of date)"),
          {dir, days, passphraseFile}),
        S(pki, QStringLiteral("list"),
          QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                            "the CA and the certificates it issued, with their status (no passphrase)"),
          {dir,
           S::optional(QStringLiteral("expiring"), QStringLiteral("DAYS"),
                       QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax",
                                         "only those to renew: ending within DAYS, not revoked or renewed")),
           S::flag(QStringLiteral("json"),
                   QT_TRANSLATE_NOOP("mdp::cli::CommandSyntax", "one JSON object per line"))}),
    };
}

int runPkiCommand(const ParsedCommand &args, const Clock &clock, QTextStream &out, QTextStream &err)
{
    const int rc = dispatch(args, clock, out, err);
    // A passphrase a command did not need does not stay behind in the environment either.
    if (char *value = std::getenv(kPassphraseVariable)) {
        secureZero(value, std::strlen(value));
        ::unsetenv(kPassphraseVariable);
    }
    return rc;
}

} // namespace mdp::cli
