#include "LogFile.h"

#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace mdp::audit::detail {
namespace {

Error ioError(const QString &what, const QString &name, int err)
{
    return makeError(Error::Code::Io, QStringLiteral("audit log: %1 %2 failed: %3")
                                          .arg(what, name, QString::fromLocal8Bit(std::strerror(err))));
}

} // namespace

LogFile::~LogFile()
{
    close();
}

LogFile::LogFile(LogFile &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_name(std::move(other.m_name))
{}

LogFile &LogFile::operator=(LogFile &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = std::exchange(other.m_fd, -1);
        m_name = std::move(other.m_name);
    }
    return *this;
}

void LogFile::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

Result<LogFile> LogFile::open(const QString &path, Mode mode)
{
    LogFile f;
    f.m_name = QFileInfo(path).fileName();
    const QByteArray native = QFile::encodeName(path);
    const int flags = mode == Mode::ReadOnly ? O_RDONLY | O_CLOEXEC : O_RDWR | O_CREAT | O_CLOEXEC;
    f.m_fd = ::open(native.constData(), flags, 0600);
    if (f.m_fd < 0) {
        const int err = errno;
        if (err == ENOENT)
            return makeError(Error::Code::NotFound,
                             QStringLiteral("audit log: %1 does not exist").arg(f.m_name));
        return ioError(QStringLiteral("opening"), f.m_name, err);
    }
    return f;
}

Result<qint64> LogFile::size() const
{
    struct stat st;
    if (::fstat(m_fd, &st) != 0)
        return ioError(QStringLiteral("reading the size of"), m_name, errno);
    return qint64(st.st_size);
}

Result<void> LogFile::readAt(qint64 offset, char *out, qint64 length) const
{
    qint64 done = 0;
    while (done < length) {
        const ssize_t n = ::pread(m_fd, out + done, std::size_t(length - done), off_t(offset + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(QStringLiteral("reading"), m_name, errno);
        }
        if (n == 0)
            return makeError(Error::Code::Io, QStringLiteral("audit log: %1 ended early").arg(m_name));
        done += n;
    }
    return {};
}

Result<void> LogFile::writeAt(qint64 offset, QByteArrayView data)
{
    qint64 done = 0;
    while (done < data.size()) {
        const ssize_t n =
            ::pwrite(m_fd, data.data() + done, std::size_t(data.size() - done), off_t(offset + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(QStringLiteral("writing"), m_name, errno);
        }
        done += n;
    }
    return {};
}

Result<void> LogFile::dataSync()
{
    if (::fdatasync(m_fd) != 0)
        return ioError(QStringLiteral("syncing"), m_name, errno);
    return {};
}

Result<void> LogFile::truncate(qint64 size)
{
    if (::ftruncate(m_fd, off_t(size)) != 0)
        return ioError(QStringLiteral("truncating"), m_name, errno);
    if (::fsync(m_fd) != 0)
        return ioError(QStringLiteral("syncing"), m_name, errno);
    return {};
}

Result<void> LogFile::lockExclusive()
{
    if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            return makeError(Error::Code::Locked,
                             QStringLiteral("audit log is already open in another process"));
        return ioError(QStringLiteral("locking"), m_name, errno);
    }
    return {};
}

Result<QByteArray> LogFile::readAll(const QString &path)
{
    auto f = open(path, Mode::ReadOnly);
    if (!f)
        return f.error();
    auto size = f->size();
    if (!size)
        return size.error();
    if (size.value() > (1 << 20))
        return makeError(Error::Code::Corrupt, QStringLiteral("audit log: %1 is too large").arg(f->m_name));
    QByteArray out(size.value(), Qt::Uninitialized);
    if (auto r = f->readAt(0, out.data(), out.size()); !r)
        return r.error();
    return out;
}

} // namespace mdp::audit::detail
