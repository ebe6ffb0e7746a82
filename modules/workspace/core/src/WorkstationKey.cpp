#include "WorkstationKey.h"

#include "mdp/crypto/Hash.h"

#include "mdp/crypto/Random.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mdp::workspace {

namespace {

constexpr qsizetype kKeyBytes = 32;

Result<SecureBytes> readKeyFile(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return makeError(Error::Code::NotFound,
                             QStringLiteral("this workstation has no key at %1").arg(path));
        return makeError(Error::Code::Io, QStringLiteral("cannot read the workstation key %1: %2")
                                              .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    SecureBytes key(std::size_t(kKeyBytes + 1));
    qsizetype got = 0;
    while (got < kKeyBytes + 1) {
        const ssize_t n = ::read(fd, key.data() + got, std::size_t(kKeyBytes + 1 - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += n;
    }
    ::close(fd);
    if (got != kKeyBytes)
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("the workstation key %1 is damaged (%2 bytes)").arg(path).arg(got));
    return SecureBytes(key.view().first(kKeyBytes));
}

} // namespace

QString workstationKeyPath()
{
    const QString configured = qEnvironmentVariable("MDP_WORKSTATION_KEY");
    if (!configured.isEmpty())
        return configured;
    return QDir(QDir::homePath()).filePath(QStringLiteral(".local/share/mdp/workstation.key"));
}

Result<SecureBytes> loadWorkstationKey()
{
    return readKeyFile(workstationKeyPath());
}

Result<SecureBytes> loadOrCreateWorkstationKey()
{
    const QString path = workstationKeyPath();
    auto existing = readKeyFile(path);
    if (existing || existing.error().code != Error::Code::NotFound)
        return existing;
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return makeError(Error::Code::Io,
                         QStringLiteral("cannot create %1 for the workstation key").arg(folder));
    (void)::chmod(QFile::encodeName(folder).constData(), 0700);
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) {
            // Another process was first: its key is the workstation's, once it has written it.
            for (int attempt = 0; attempt < 50; ++attempt) {
                auto theirs = readKeyFile(path);
                if (theirs || theirs.error().code != Error::Code::Corrupt)
                    return theirs;
                ::usleep(20 * 1000);
            }
            return readKeyFile(path);
        }
        return makeError(Error::Code::Io, QStringLiteral("cannot create the workstation key %1: %2")
                                              .arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    const SecureBytes key = crypto::randomKey(kKeyBytes);
    // Written to a name nobody reads until it is complete would need a rename, and a rename could
    // replace a key another process just made; instead the reader refuses anything but 32 bytes.
    qsizetype written = 0;
    while (written < kKeyBytes) {
        const ssize_t n = ::write(fd, key.data() + written, std::size_t(kKeyBytes - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (written != kKeyBytes || !synced) {
        ::unlink(native.constData());
        return makeError(Error::Code::Io, QStringLiteral("cannot write the workstation key %1").arg(path));
    }
    return key;
}

SecureBytes securityTablesKey(const SecureBytes &workstationKey, const QString &nodeId)
{
    return crypto::hkdf(crypto::HashAlgorithm::Sm3, workstationKey.view(), nodeId.toLatin1(),
                        "mdp security tables mac v1", 32);
}

} // namespace mdp::workspace
