#pragma once

#include <QString>

namespace mdp {

// A failure a caller can act on: a stable machine code plus a message for people.
// Messages never contain patient identifiers; they may be shown and logged.
struct Error
{
    enum class Code
    {
        Unknown,
        InvalidArgument,
        NotFound,
        AlreadyExists,
        PermissionDenied,
        Unauthenticated,
        Locked,
        WrongPassphrase,
        Corrupt,
        Tampered,
        RolledBack,
        Io,
        Crypto,
        Conflict,
        Unsupported,
        Cancelled,
    };

    Code code = Code::Unknown;
    QString message;

    static QString codeName(Code code);
    QString toString() const;
};

} // namespace mdp
