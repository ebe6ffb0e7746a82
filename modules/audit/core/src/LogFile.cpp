#include "LogFile.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
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

QString segmentName(const QString &base, qint64 start)
{
    return base + u'.' + QStringLiteral("%1").arg(quint64(start), 16, 16, QLatin1Char('0'));
}

} // namespace

LogFile::~LogFile()
{
    close();
}

LogFile::LogFile(LogFile &&other) noexcept
    : m_segments(std::exchange(other.m_segments, {}))
    , m_path(std::move(other.m_path))
    , m_segmentBytes(other.m_segmentBytes)
    , m_directoryChanged(other.m_directoryChanged)
{}

LogFile &LogFile::operator=(LogFile &&other) noexcept
{
    if (this != &other) {
        close();
        m_segments = std::exchange(other.m_segments, {});
        m_path = std::move(other.m_path);
        m_segmentBytes = other.m_segmentBytes;
        m_directoryChanged = other.m_directoryChanged;
    }
    return *this;
}

void LogFile::close()
{
    for (Segment &s : m_segments) {
        if (s.fd >= 0)
            ::close(s.fd);
    }
    m_segments.clear();
}

Result<LogFile> LogFile::open(const QString &path, Mode mode, qint64 segmentBytes)
{
    LogFile f;
    f.m_path = path;
    f.m_segmentBytes = segmentBytes;
    const int flags = mode == Mode::ReadOnly ? O_RDONLY | O_CLOEXEC : O_RDWR | O_CREAT | O_CLOEXEC;
    auto openOne = [&](const QString &file, qint64 start) -> Result<void> {
        Segment s;
        s.start = start;
        s.name = QFileInfo(file).fileName();
        s.fd = ::open(QFile::encodeName(file).constData(), flags, 0600);
        if (s.fd < 0) {
            const int err = errno;
            if (err == ENOENT)
                return makeError(Error::Code::NotFound,
                                 QStringLiteral("audit log: %1 does not exist").arg(s.name));
            return ioError(QStringLiteral("opening"), s.name, err);
        }
        f.m_segments.push_back(s);
        return {};
    };
    if (auto r = openOne(path, 0); !r)
        return r.error();
    // The later segments, in offset order.
    const QFileInfo info(path);
    const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        QRegularExpression::escape(info.fileName()) + QStringLiteral("\\.([0-9a-f]{16})")));
    std::vector<std::pair<qint64, QString>> later;
    for (const QString &name : info.dir().entryList({info.fileName() + QStringLiteral(".*")}, QDir::Files)) {
        const auto m = pattern.match(name);
        if (m.hasMatch())
            later.emplace_back(qint64(m.captured(1).toULongLong(nullptr, 16)), info.dir().filePath(name));
    }
    std::sort(later.begin(), later.end());
    for (const auto &[start, file] : later) {
        if (auto r = openOne(file, start); !r)
            return r.error();
    }
    // Each segment must end exactly where the next begins.
    for (std::size_t i = 0; i + 1 < f.m_segments.size(); ++i) {
        auto size = f.segmentSize(f.m_segments[i]);
        if (!size)
            return size.error();
        if (f.m_segments[i].start + size.value() != f.m_segments[i + 1].start)
            return makeError(Error::Code::Corrupt,
                             QStringLiteral("audit log: the segment after %1 does not follow it (a segment "
                                            "file is missing, cut short or extended)")
                                 .arg(f.m_segments[i].name));
    }
    return f;
}

Result<qint64> LogFile::segmentSize(const Segment &segment) const
{
    struct stat st;
    if (::fstat(segment.fd, &st) != 0)
        return ioError(QStringLiteral("reading the size of"), segment.name, errno);
    return qint64(st.st_size);
}

std::size_t LogFile::segmentAt(qint64 offset) const
{
    std::size_t i = m_segments.size() - 1;
    while (i > 0 && m_segments[i].start > offset)
        --i;
    return i;
}

Result<qint64> LogFile::size() const
{
    const Segment &last = m_segments.back();
    auto size = segmentSize(last);
    if (!size)
        return size.error();
    return last.start + size.value();
}

Result<void> LogFile::readAt(qint64 offset, char *out, qint64 length) const
{
    qint64 done = 0;
    while (done < length) {
        const std::size_t index = segmentAt(offset + done);
        const Segment &s = m_segments[index];
        // Not past the next segment's start: the rest comes from there.
        const qint64 limit =
            index + 1 < m_segments.size() ? m_segments[index + 1].start - (offset + done) : length - done;
        const qint64 want = std::min(length - done, limit);
        const ssize_t n = ::pread(s.fd, out + done, std::size_t(want), off_t(offset + done - s.start));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(QStringLiteral("reading"), s.name, errno);
        }
        if (n == 0)
            return makeError(Error::Code::Io, QStringLiteral("audit log: %1 ended early").arg(s.name));
        done += n;
    }
    return {};
}

Result<void> LogFile::writeAt(qint64 offset, QByteArrayView data)
{
    auto end = size();
    if (!end)
        return end.error();
    if (offset > end.value() || offset < m_segments.back().start)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("audit log: writes go to the end of the newest segment"));
    if (m_segmentBytes > 0 && offset == end.value() && offset - m_segments.back().start >= m_segmentBytes) {
        const QString file =
            QFileInfo(m_path).dir().filePath(segmentName(QFileInfo(m_path).fileName(), offset));
        Segment s;
        s.start = offset;
        s.name = QFileInfo(file).fileName();
        s.fd = ::open(QFile::encodeName(file).constData(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                      0600);
        if (s.fd < 0)
            return ioError(QStringLiteral("creating"), s.name, errno);
        m_segments.push_back(s);
        m_directoryChanged = true;
    }
    Segment &s = m_segments.back();
    qint64 done = 0;
    while (done < data.size()) {
        const ssize_t n = ::pwrite(s.fd, data.data() + done, std::size_t(data.size() - done),
                                   off_t(offset - s.start + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return ioError(QStringLiteral("writing"), s.name, errno);
        }
        done += n;
    }
    s.unsynced = true;
    return {};
}

Result<void> LogFile::syncDirectory()
{
    if (!m_directoryChanged)
        return {};
    const QByteArray dir = QFile::encodeName(QFileInfo(m_path).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("opening the folder of"), QFileInfo(m_path).fileName(), errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return ioError(QStringLiteral("syncing the folder of"), QFileInfo(m_path).fileName(), err);
    m_directoryChanged = false;
    return {};
}

Result<void> LogFile::dataSync()
{
    for (Segment &s : m_segments) {
        if (!s.unsynced)
            continue;
        if (::fdatasync(s.fd) != 0)
            return ioError(QStringLiteral("syncing"), s.name, errno);
        s.unsynced = false;
    }
    return syncDirectory();
}

Result<void> LogFile::truncate(qint64 size)
{
    // The segments wholly after `size` go, newest first (a crash in between leaves a shorter log
    // whose segments still follow each other).
    while (m_segments.size() > 1 && m_segments.back().start >= size) {
        Segment s = m_segments.back();
        const QString file = QFileInfo(m_path).dir().filePath(s.name);
        ::close(s.fd);
        m_segments.pop_back();
        if (::unlink(QFile::encodeName(file).constData()) != 0 && errno != ENOENT)
            return ioError(QStringLiteral("deleting"), s.name, errno);
        m_directoryChanged = true;
    }
    Segment &s = m_segments.back();
    if (::ftruncate(s.fd, off_t(size - s.start)) != 0)
        return ioError(QStringLiteral("truncating"), s.name, errno);
    if (::fsync(s.fd) != 0)
        return ioError(QStringLiteral("syncing"), s.name, errno);
    return syncDirectory();
}

Result<void> LogFile::lockExclusive()
{
    if (::flock(m_segments.front().fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EWOULDBLOCK)
            return makeError(Error::Code::Locked,
                             QStringLiteral("audit log is already open in another process"));
        return ioError(QStringLiteral("locking"), m_segments.front().name, errno);
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
        return makeError(Error::Code::Corrupt,
                         QStringLiteral("audit log: %1 is too large").arg(QFileInfo(path).fileName()));
    QByteArray out(size.value(), Qt::Uninitialized);
    if (auto r = f->readAt(0, out.data(), out.size()); !r)
        return r.error();
    return out;
}

} // namespace mdp::audit::detail
