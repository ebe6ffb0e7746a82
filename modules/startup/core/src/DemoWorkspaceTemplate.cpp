#include "mdp/startup/DemoWorkspaceTemplate.h"

#include "StartupLogging.h"

#include "mdp/crypto/Random.h"
#include "mdp/foundation/AtomicFile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>

namespace mdp::startup {

namespace {

const QString kCurrent = QStringLiteral("current");
const QString kWorkspace = QStringLiteral("workspace");
const QString kManifest = QStringLiteral("template.json");
constexpr int kFormat = 1;

constexpr QFileDevice::Permissions kOwnerOnlyDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

QJsonObject accountJson(const workspace::DemoAccount &a)
{
    return QJsonObject{{QStringLiteral("user"), a.userName},
                       {QStringLiteral("display"), a.displayName},
                       {QStringLiteral("role"), a.role},
                       {QStringLiteral("password"), a.password},
                       {QStringLiteral("totp"), a.totpSecretBase32}};
}

workspace::DemoAccount accountFrom(const QJsonObject &o)
{
    workspace::DemoAccount a;
    a.userName = o.value(QStringLiteral("user")).toString();
    a.displayName = o.value(QStringLiteral("display")).toString();
    a.role = o.value(QStringLiteral("role")).toString();
    a.password = o.value(QStringLiteral("password")).toString();
    a.totpSecretBase32 = o.value(QStringLiteral("totp")).toString();
    return a;
}

// A folder name no other process picks at the same moment.
QString uniqueSibling(const QString &root, const QString &prefix)
{
    return QDir(root).filePath(prefix + QString::fromLatin1(crypto::randomBytes(6).toHex()));
}

// Copies every file of `from` into `to` (created owner-only), keeping the folder structure.
Result<void> copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(to));
    QFile::setPermissions(to, kOwnerOnlyDir);
    const QDir source(from);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(to).filePath(source.relativeFilePath(path));
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(target));
            QFile::setPermissions(target, kOwnerOnlyDir);
        } else if (!QFile::copy(path, target)) {
            return makeError(Error::Code::Io, QStringLiteral("cannot copy %1 to %2").arg(path, target));
        }
    }
    return {};
}

} // namespace

struct DemoWorkspaceTemplate::Stored
{
    QString directory; // the template workspace
    SecureBytes passphrase;
    QList<workspace::DemoAccount> accounts;
};

DemoWorkspaceTemplate::DemoWorkspaceTemplate(DemoTemplateOptions options, const Clock &clock)
    : m_options(std::move(options))
    , m_clock(clock)
{
    m_options.identity.insert(QStringLiteral("template_format"), kFormat);
}

QString DemoWorkspaceTemplate::defaultCacheDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::CacheLocation))
        .filePath(QStringLiteral("demo-workspace"));
}

bool DemoWorkspaceTemplate::isCurrent() const
{
    return readCurrent().ok();
}

Result<DemoWorkspaceTemplate::Stored> DemoWorkspaceTemplate::readCurrent() const
{
    const QDir current(QDir(m_options.cacheDirectory).filePath(kCurrent));
    QFile f(current.filePath(kManifest));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, QStringLiteral("no demo template"));
    const QJsonObject manifest = QJsonDocument::fromJson(f.readAll()).object();
    if (manifest.value(QStringLiteral("identity")).toObject() != m_options.identity)
        return makeError(Error::Code::NotFound, QStringLiteral("the demo template is of another cohort"));
    const QDate built = QDate::fromString(manifest.value(QStringLiteral("built")).toString(), Qt::ISODate);
    const QDate today = m_clock.now().toUTC().date();
    if (!built.isValid() || built > today || built.daysTo(today) > m_options.maxAgeDays)
        return makeError(Error::Code::NotFound, QStringLiteral("the demo template is out of date"));
    Stored stored;
    stored.directory = current.filePath(kWorkspace);
    QByteArray pass =
        QByteArray::fromBase64(manifest.value(QStringLiteral("passphrase")).toString().toLatin1());
    stored.passphrase = SecureBytes::takeFrom(pass);
    for (const QJsonValue &a : manifest.value(QStringLiteral("accounts")).toArray())
        stored.accounts << accountFrom(a.toObject());
    if (stored.passphrase.isEmpty() || stored.accounts.isEmpty() ||
        !workspace::Workspace::exists(stored.directory))
        return makeError(Error::Code::Corrupt, QStringLiteral("the demo template is incomplete"));
    return stored;
}

Result<DemoWorkspaceTemplate::Stored> DemoWorkspaceTemplate::buildTemplate(const DemoWorkspaceBuilder &build)
{
    const QString root = m_options.cacheDirectory;
    if (!QDir().mkpath(root))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(root));
    QFile::setPermissions(root, kOwnerOnlyDir);
    // Built aside and renamed into place, so a template is either whole or absent, even when the
    // build is killed or two starts build at once.
    const QString building = uniqueSibling(root, QStringLiteral("building-"));
    auto cleanUp = [&building](const Error &e) -> Result<Stored> {
        QDir(building).removeRecursively();
        return e;
    };
    if (!QDir().mkpath(building))
        return makeError(Error::Code::Io, QStringLiteral("cannot create %1").arg(building));
    QFile::setPermissions(building, kOwnerOnlyDir);

    QByteArray pass = crypto::randomBytes(24).toBase64();
    SecureBytes passphrase = SecureBytes::takeFrom(pass);
    QList<workspace::DemoAccount> accounts;
    {
        auto built = build(QDir(building).filePath(kWorkspace), passphrase);
        if (!built)
            return cleanUp(built.error());
        accounts = built->accounts;
        // Closed before copying: the copy must see a finished database, audit log and checkpoint.
    }
    QJsonArray accountArray;
    for (const workspace::DemoAccount &a : std::as_const(accounts))
        accountArray.append(accountJson(a));
    const QJsonObject manifest{
        {QStringLiteral("identity"), m_options.identity},
        {QStringLiteral("built"), m_clock.now().toUTC().date().toString(Qt::ISODate)},
        {QStringLiteral("passphrase"), QString::fromLatin1(passphrase.view().toByteArray().toBase64())},
        {QStringLiteral("accounts"), accountArray},
    };
    const QString manifestPath = QDir(building).filePath(kManifest);
    if (auto w = writeFileAtomically(manifestPath, QJsonDocument(manifest).toJson()); !w)
        return cleanUp(w.error());
    QFile::setPermissions(manifestPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

    const QString current = QDir(root).filePath(kCurrent);
    const QString retired = uniqueSibling(root, QStringLiteral("retired-"));
    if (QFileInfo::exists(current) && !QDir().rename(current, retired))
        return cleanUp(makeError(Error::Code::Io, QStringLiteral("cannot replace %1").arg(current)));
    if (!QDir().rename(building, current)) {
        // Another start put its template in place first; it is as good as ours.
        QDir(building).removeRecursively();
    }
    QDir(retired).removeRecursively();
    (void)syncDirectory(root);
    qCInfo(lcStartup) << "demo workspace template built";
    return readCurrent();
}

void DemoWorkspaceTemplate::discard()
{
    const QString root = m_options.cacheDirectory;
    const QString current = QDir(root).filePath(kCurrent);
    if (!QFileInfo::exists(current))
        return;
    // Renamed away first, so no start copies a half-deleted template.
    const QString retired = uniqueSibling(root, QStringLiteral("retired-"));
    if (QDir().rename(current, retired))
        QDir(retired).removeRecursively();
}

Result<workspace::DemoWorkspace> DemoWorkspaceTemplate::checkout(const QString &directory,
                                                                 const DemoWorkspaceBuilder &build)
{
    auto stored = readCurrent();
    if (!stored) {
        qCInfo(lcStartup) << "building the demo workspace template:" << stored.error().message;
        stored = buildTemplate(build);
        if (!stored)
            return stored.error();
    }
    if (QDir(directory).exists() && !QDir(directory).isEmpty())
        return makeError(Error::Code::AlreadyExists,
                         QStringLiteral("%1 is not empty; choose an empty or new folder").arg(directory));
    if (auto copied = copyTree(stored->directory, directory); !copied) {
        QDir(directory).removeRecursively();
        return copied.error();
    }
    auto opened = workspace::Workspace::open(directory, stored->passphrase, m_clock);
    if (!opened) {
        QDir(directory).removeRecursively();
        return opened.error();
    }
    workspace::DemoWorkspace demo;
    demo.workspace = std::move(opened.value());
    demo.accounts = stored->accounts;
    return demo;
}

} // namespace mdp::startup
