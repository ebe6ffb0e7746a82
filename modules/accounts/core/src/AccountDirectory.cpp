#include "mdp/accounts/AccountDirectory.h"

#include <QCoreApplication>

namespace mdp::accounts {

LoginFailure loginFailureOf(const Error &error)
{
    switch (error.code) {
    case Error::Code::Unauthenticated:
        return LoginFailure::BadCredentials;
    case Error::Code::Locked:
        return LoginFailure::Locked;
    case Error::Code::PermissionDenied:
        return LoginFailure::SecondFactorEnrolmentRequired;
    default:
        return LoginFailure::Other;
    }
}

Error badCredentialsError()
{
    return makeError(
        Error::Code::Unauthenticated,
        QCoreApplication::translate("mdp::accounts::AccountDirectory",
                                    "The user name, password or verification code is incorrect."));
}

} // namespace mdp::accounts
