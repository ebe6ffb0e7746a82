#include "PkiFiles.h"

#include "mdp/foundation/AtomicFile.h"

#include <QFile>

namespace mdp::pki::detail {

namespace {

constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;

} // namespace

Result<QByteArray> readFile(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return makeError(Error::Code::NotFound, QStringLiteral("%1 does not exist").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    if (f.size() > kMaxFileSize)
        return makeError(Error::Code::Corrupt, QStringLiteral("%1 is larger than it can be").arg(path));
    return f.readAll();
}

Result<void> writePublicFile(const QString &path, QByteArrayView contents)
{
    if (auto w = writeFileAtomically(path, contents); !w)
        return w;
    if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                         QFileDevice::ReadUser | QFileDevice::WriteUser |
                                         QFileDevice::ReadGroup | QFileDevice::ReadOther))
        return makeError(Error::Code::Io, QStringLiteral("cannot make %1 readable").arg(path));
    return {};
}

Result<void> writePrivateFile(const QString &path, const SecureBytes &contents)
{
    // writeFileAtomically creates its temporary 0600 (O_EXCL), so the key is never readable by others,
    // not even for a moment; a umask cannot widen that.
    return writeFileAtomically(path, contents.view());
}

} // namespace mdp::pki::detail
