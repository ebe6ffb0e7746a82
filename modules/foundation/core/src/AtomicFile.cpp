#include "mdp/foundation/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace mdp {
namespace {

Error ioError(const QString &what, const QString &path)
{
    return makeError(
        Error::Code::Io,
        QStringLiteral("%1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(errno))));
}

} // namespace

Result<void> syncDirectory(const QString &directory)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("cannot open directory"), directory);
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0)
        return ioError(QStringLiteral("cannot sync directory"), directory);
    return {};
}

void removeAtomicLeftovers(const QString &path)
{
    const QFileInfo info(path);
    QDir dir = info.absoluteDir();
    const QStringList leftovers =
        dir.entryList({info.fileName() + QStringLiteral(".tmp-*"), info.fileName() + QStringLiteral(".tmp")},
                      QDir::Files | QDir::System | QDir::Hidden);
    for (const QString &name : leftovers)
        QFile::remove(dir.filePath(name));
}

Result<void> writeFileAtomically(const QString &path, QByteArrayView contents)
{
    // The operating system's random source: a name nobody can guess ahead and plant a link at.
    const quint64 nonce = QRandomGenerator::system()->generate64();
    const QString temp = path + QStringLiteral(".tmp-%1").arg(nonce, 16, 16, QLatin1Char('0'));
    const QByteArray tempName = QFile::encodeName(temp);
    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return ioError(QStringLiteral("cannot create"), temp);
    const char *p = contents.data();
    qsizetype left = contents.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, std::size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const Error e = ioError(QStringLiteral("cannot write"), temp);
            ::close(fd);
            ::unlink(tempName.constData());
            return e;
        }
        p += n;
        left -= n;
    }
    if (::fsync(fd) != 0) {
        const Error e = ioError(QStringLiteral("cannot sync"), temp);
        ::close(fd);
        ::unlink(tempName.constData());
        return e;
    }
    ::close(fd);
    if (::rename(tempName.constData(), QFile::encodeName(path).constData()) != 0) {
        const Error e = ioError(QStringLiteral("cannot replace"), path);
        ::unlink(tempName.constData());
        return e;
    }
    return syncDirectory(QFileInfo(path).absolutePath());
}

} // namespace mdp
