#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace mdp::audit::detail {

// A POSIX file descriptor with the durability calls the log needs (pwrite, fdatasync, flock);
// QFile offers none of fdatasync, directory fsync or advisory locks.
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

    static Result<LogFile> open(const QString &path, Mode mode);
    bool isOpen() const { return m_fd >= 0; }
    void close();

    Result<qint64> size() const;
    Result<void> readAt(qint64 offset, char *out, qint64 length) const; // exactly length bytes
    Result<void> writeAt(qint64 offset, QByteArrayView data);
    Result<void> dataSync();
    Result<void> truncate(qint64 size);
    // Exclusive advisory lock, released by the kernel when the process dies.
    Result<void> lockExclusive();

    static Result<QByteArray> readAll(const QString &path);

private:
    int m_fd = -1;
    QString m_name; // file name only, for messages
};

} // namespace mdp::audit::detail
