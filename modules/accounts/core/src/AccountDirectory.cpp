#include "mdp/accounts/AccountDirectory.h"

namespace mdp::accounts {

LoginFailure loginFailureOf(const Error &error)
{
    switch (error.code) {
    case Error::Code::Unauthenticated:
        return LoginFailure::BadCredentials;
    case Error::Code::Locked:
        return LoginFailure::Locked;
    case Error::Code::InvalidArgument:
        return LoginFailure::SecondFactorRequired;
    case Error::Code::PermissionDenied:
        return LoginFailure::SecondFactorEnrolmentRequired;
    default:
        return LoginFailure::Other;
    }
}

} // namespace mdp::accounts
