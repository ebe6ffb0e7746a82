#include "mdp/foundation/AtomicFile.h"

#include <QFile>
#include <QFileInfo>

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

Result<void> writeFileAtomically(const QString &path, QByteArrayView contents)
{
    const QString temp = path + QStringLiteral(".tmp");
    const QByteArray tempName = QFile::encodeName(temp);
    const int fd = ::open(tempName.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
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
