#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <vector>

namespace mdp::audit::detail {

// A POSIX file descriptor with the durability calls the log needs (pwrite, fdatasync, flock);
// QFile offers none of fdatasync, directory fsync or advisory locks.
//
// The log is kept in segment files (issue 9 part 5): `audit.log` holds the first bytes, and once it
// (or the newest segment) has reached the segment size, the next append starts a new file
// `audit.log.<offset>` named by the log offset it starts at (16 hex digits). Offsets are those of
// the whole log, whichever file holds them; a frame is never split. Old segments are never written
// again, so they can be copied away and checked on their own. A file with no segments behaves as
// one file, as before.
class LogFile
{
public:
    enum class Mode
    {
        ReadOnly,
        ReadWriteCreate
    };

    LogFile() = default;
    ~LogFile();
    LogFile(LogFile &&other) noexcept;
    LogFile &operator=(LogFile &&other) noexcept;
    LogFile(const LogFile &) = delete;
    LogFile &operator=(const LogFile &) = delete;

    // `segmentBytes`: start a new segment file once the newest holds this many bytes (0: never).
    // Segments that do not follow each other exactly (one missing, cut or extended) are refused
    // (Error::Code::Corrupt): the log would otherwise read on across a hole.
    static Result<LogFile> open(const QString &path, Mode mode, qint64 segmentBytes = 0);
    bool isOpen() const { return !m_segments.empty(); }
    void close();

    Result<qint64> size() const;
    Result<void> readAt(qint64 offset, char *out, qint64 length) const; // exactly length bytes
    // At the end of the log (an append) or inside the newest segment (the header of a fresh log).
    Result<void> writeAt(qint64 offset, QByteArrayView data);
    Result<void> dataSync();
    // Cuts the log back to `size` bytes: the segment holding that offset is truncated and the later
    // ones are deleted.
    Result<void> truncate(qint64 size);
    // Exclusive advisory lock, released by the kernel when the process dies.
    Result<void> lockExclusive();

    static Result<QByteArray> readAll(const QString &path);

private:
    struct Segment
    {
        qint64 start = 0;
        int fd = -1;
        QString name; // file name only, for messages
        bool unsynced = false;
    };
    Result<qint64> segmentSize(const Segment &segment) const;
    // The segment holding `offset` (the newest one for the end of the log).
    std::size_t segmentAt(qint64 offset) const;
    Result<void> syncDirectory();

    std::vector<Segment> m_segments;
    QString m_path;
    qint64 m_segmentBytes = 0;
    bool m_directoryChanged = false;
};

} // namespace mdp::audit::detail
