#include "WorkspaceLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace mdp::workspace {

namespace {

QString holderOf(int fd)
{
    char buffer[256] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    const QString text = n > 0 ? QString::fromUtf8(buffer, int(n)).trimmed() : QString();
    return text.isEmpty() ? QStringLiteral("another process") : text;
}

} // namespace

std::chrono::milliseconds WorkspaceLock::defaultWait()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("MDP_WORKSPACE_WAIT", &ok);
    if (ok && seconds >= 0 && seconds <= 3600)
        return std::chrono::seconds(seconds);
    return std::chrono::seconds(60);
}

Result<WorkspaceLock> WorkspaceLock::acquire(const QString &directory, Mode mode,
                                             std::chrono::milliseconds wait,
                                             const std::function<void(const QString &)> &waiting)
{
    const QByteArray path = QFile::encodeName(QDir(directory).filePath(QStringLiteral(".lock")));
    // A reader that may not write the folder still needs the file; create it only for writers.
    const int flags = (mode == Mode::Exclusive ? O_RDWR | O_CREAT : O_RDONLY) | O_CLOEXEC | O_NOFOLLOW;
    const int fd = ::open(path.constData(), flags, 0600);
    if (fd < 0) {
        if (mode == Mode::Shared && errno == ENOENT)
            return WorkspaceLock(); // nobody ever wrote this workspace with a lock: nothing to share
        return makeError(Error::Code::Io, QStringLiteral("cannot open the workspace lock: %1")
                                              .arg(QString::fromLocal8Bit(std::strerror(errno))));
    }
    const int operation = mode == Mode::Exclusive ? LOCK_EX : LOCK_SH;
    const auto deadline = std::chrono::steady_clock::now() + wait;
    bool told = false;
    while (::flock(fd, operation | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const int error = errno;
            ::close(fd);
            return makeError(Error::Code::Io, QStringLiteral("cannot lock the workspace: %1")
                                                  .arg(QString::fromLocal8Bit(std::strerror(error))));
        }
        const QString holder = holderOf(fd);
        if (std::chrono::steady_clock::now() >= deadline) {
            ::close(fd);
            return makeError(Error::Code::Locked,
                             QStringLiteral("the workspace is in use by %1; waited %2 s")
                                 .arg(holder)
                                 .arg(std::chrono::duration_cast<std::chrono::seconds>(wait).count()));
        }
        if (!told && waiting)
            waiting(holder);
        told = true;
        QThread::msleep(50);
    }
    if (mode == Mode::Exclusive) {
        const QByteArray me = "pid " + QByteArray::number(qint64(::getpid())) + ' ' +
                              QCoreApplication::applicationName().toUtf8() + '\n';
        if (::ftruncate(fd, 0) == 0)
            (void)::pwrite(fd, me.constData(), size_t(me.size()), 0);
    }
    return WorkspaceLock(fd);
}

WorkspaceLock::~WorkspaceLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // drops the lock
}

WorkspaceLock::WorkspaceLock(WorkspaceLock &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
{}

WorkspaceLock &WorkspaceLock::operator=(WorkspaceLock &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

} // namespace mdp::workspace
