#include "mdp/foundation/Error.h"

namespace mdp {

QString Error::codeName(Code code)
{
    switch (code) {
    case Code::Unknown:
        return QStringLiteral("unknown");
    case Code::InvalidArgument:
        return QStringLiteral("invalid-argument");
    case Code::NotFound:
        return QStringLiteral("not-found");
    case Code::AlreadyExists:
        return QStringLiteral("already-exists");
    case Code::PermissionDenied:
        return QStringLiteral("permission-denied");
    case Code::Unauthenticated:
        return QStringLiteral("unauthenticated");
    case Code::Locked:
        return QStringLiteral("locked");
    case Code::WrongPassphrase:
        return QStringLiteral("wrong-passphrase");
    case Code::Corrupt:
        return QStringLiteral("corrupt");
    case Code::Tampered:
        return QStringLiteral("tampered");
    case Code::RolledBack:
        return QStringLiteral("rolled-back");
    case Code::Io:
        return QStringLiteral("io");
    case Code::Crypto:
        return QStringLiteral("crypto");
    case Code::Conflict:
        return QStringLiteral("conflict");
    case Code::Unsupported:
        return QStringLiteral("unsupported");
    case Code::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}

QString Error::toString() const
{
    return codeName(code) + QStringLiteral(": ") + message;
}

} // namespace mdp
