#include "AtomicFile.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace mdp::crypto::detail {

namespace {

Error ioError(const QString &what, int err)
{
    return makeError(Error::Code::Io,
                     what + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(err)));
}

} // namespace

Result<void> writeFileAtomically(const QString &path, QByteArrayView data)
{
    const QFileInfo info(path);
    const QByteArray target = QFile::encodeName(info.absoluteFilePath());
    const QByteArray directory = QFile::encodeName(info.absolutePath());
    QByteArray temporary = target + ".tmp-XXXXXX";
    const int fd = ::mkstemp(temporary.data()); // creates with mode 0600
    if (fd < 0)
        return ioError(QStringLiteral("cannot create a temporary keyring file"), errno);

    const char *p = data.data();
    qsizetype left = data.size();
    int err = 0;
    while (left > 0) {
        const ssize_t n = ::write(fd, p, std::size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            err = errno;
            break;
        }
        p += n;
        left -= n;
    }
    if (!err && ::fsync(fd) != 0)
        err = errno;
    if (::close(fd) != 0 && !err)
        err = errno;
    if (!err && ::rename(temporary.constData(), target.constData()) != 0)
        err = errno;
    if (err) {
        ::unlink(temporary.constData());
        return ioError(QStringLiteral("cannot write the keyring"), err);
    }
    // The rename is durable only once the directory entry is on disk.
    const int dirFd = ::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd < 0)
        return ioError(QStringLiteral("cannot open the keyring directory"), errno);
    const int syncResult = ::fsync(dirFd);
    const int syncErr = errno;
    ::close(dirFd);
    if (syncResult != 0)
        return ioError(QStringLiteral("cannot sync the keyring directory"), syncErr);
    return {};
}

Result<QByteArray> readWholeFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(Error::Code::NotFound, QStringLiteral("keyring file not found"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, QStringLiteral("cannot read the keyring: ") + file.errorString());
    return file.readAll();
}

} // namespace mdp::crypto::detail
