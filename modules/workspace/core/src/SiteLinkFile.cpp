#include "SiteLinkFile.h"

#include "WorkstationKey.h"

#include "mdp/crypto/Aead.h"
#include "mdp/crypto/Hash.h"
#include "mdp/foundation/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace mdp::workspace {

namespace {

const QString kLinkFile = QStringLiteral("server-link.json");
const QString kKeyFile = QStringLiteral("server-link.key");
const QString kFormat = QStringLiteral("mdp-server-link/1");

QString pathOf(const QString &directory, const QString &name)
{
    return QDir(directory).filePath(name);
}

// Bound to the certificate: the sealed key cannot be paired with another certificate in the file.
QByteArray keyAad(const QByteArray &certificatePem)
{
    return QByteArrayLiteral("mdp-server-link-key/1|") +
           crypto::hash(crypto::HashAlgorithm::Sm3, certificatePem).toHex();
}

Result<crypto::Aead> sealer()
{
    auto workstation = loadOrCreateWorkstationKey();
    if (!workstation)
        return workstation.error();
    const SecureBytes key =
        crypto::hkdf(crypto::HashAlgorithm::Sm3, workstation->view(), "mdp server link",
                     "mdp server link key seal v1", crypto::aeadKeyLength(crypto::AeadCipher::Sm4Gcm));
    return crypto::Aead::create(crypto::AeadCipher::Sm4Gcm, key);
}

Result<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

} // namespace

Result<void> writeSiteLinkFile(const QString &directory, const ServerSettings &settings)
{
    auto aead = sealer();
    if (!aead)
        return aead.error();
    auto sealed = aead->sealWithRandomNonce(keyAad(settings.certificatePem), settings.privateKeyPem);
    if (!sealed)
        return sealed.error();
    const QJsonObject link{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("host"), settings.host},
                           {QStringLiteral("port"), int(settings.port)},
                           {QStringLiteral("serverName"), settings.serverName},
                           {QStringLiteral("caPem"), QString::fromLatin1(settings.caPem)},
                           {QStringLiteral("certificatePem"), QString::fromLatin1(settings.certificatePem)}};
    if (auto w = writeFileAtomically(pathOf(directory, kKeyFile), *sealed); !w)
        return w;
    QFile::setPermissions(pathOf(directory, kKeyFile), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return writeFileAtomically(pathOf(directory, kLinkFile), QJsonDocument(link).toJson());
}

void removeSiteLinkFile(const QString &directory)
{
    QFile::remove(pathOf(directory, kLinkFile));
    QFile::remove(pathOf(directory, kKeyFile));
}

bool hasSiteLinkFile(const QString &directory)
{
    return QFile::exists(pathOf(directory, kLinkFile)) && QFile::exists(pathOf(directory, kKeyFile));
}

Result<std::optional<ServerSettings>> readSiteLinkFile(const QString &directory)
{
    if (!QFile::exists(pathOf(directory, kLinkFile)))
        return std::optional<ServerSettings>();
    auto bytes = readAll(pathOf(directory, kLinkFile));
    if (!bytes)
        return bytes.error();
    const QJsonObject link = QJsonDocument::fromJson(*bytes).object();
    if (link.value(u"format").toString() != kFormat)
        return makeError(Error::Code::Corrupt, QStringLiteral("server-link.json is not a server link"));
    ServerSettings settings;
    settings.host = link.value(u"host").toString();
    settings.port = quint16(link.value(u"port").toInt());
    settings.serverName = link.value(u"serverName").toString();
    settings.caPem = link.value(u"caPem").toString().toLatin1();
    settings.certificatePem = link.value(u"certificatePem").toString().toLatin1();
    auto sealed = readAll(pathOf(directory, kKeyFile));
    if (!sealed)
        return sealed.error();
    auto aead = sealer();
    if (!aead)
        return aead.error();
    auto key = aead->openEnvelope(keyAad(settings.certificatePem), *sealed);
    if (!key)
        return makeError(Error::Code::Tampered,
                         QStringLiteral("the server link's key does not open on this workstation (another "
                                        "workstation's, or altered): an administrator links it again"));
    settings.privateKeyPem = *key;
    return std::optional<ServerSettings>(std::move(settings));
}

} // namespace mdp::workspace
