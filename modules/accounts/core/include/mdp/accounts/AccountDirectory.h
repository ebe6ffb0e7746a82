#pragma once

#include "mdp/accounts/Account.h"
#include "mdp/accounts/Role.h"
#include "mdp/accounts/TotpEnrolment.h"
#include "mdp/foundation/Result.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace mdp::accounts {

// Why authenticate() refused, derived from the error code so the login dialog knows what to ask
// for next. Error codes of authenticate():
//   Unauthenticated  - wrong user name or password, or a wrong or already used verification code.
//                      The message never says whether the user name exists.
//   Locked           - locked by an administrator, or locked out after repeated failures; the
//                      message gives the unlock time (UTC) for a lock-out.
//   InvalidArgument  - the password was right but the account needs a TOTP code: ask for it and
//                      call authenticate() again with all three values.
//   PermissionDenied - the password was right but the account's role needs a second factor and no
//                      authenticator is enrolled yet: run enrollTotp() / confirmTotp() first.
//   anything else    - storage failure.
enum class LoginFailure
{
    BadCredentials,
    Locked,
    SecondFactorRequired,
    SecondFactorEnrolmentRequired,
    Other
};
LoginFailure loginFailureOf(const Error &error);

// The accounts of one installation (R-7.4.2: unique accounts, least privilege). Implemented over
// the local encrypted database today and by a remote directory on the central server later, so
// callers depend on this interface only. Every call below reports to the AccountAuditSink the
// implementation was given, success or failure.
//
// Administrative calls take the acting account's id; they are refused with PermissionDenied
// unless that account holds the system-admin role and is not locked.
class AccountDirectory
{
public:
    virtual ~AccountDirectory() = default;

    // The very first account of an empty directory must be a system administrator and is created
    // with a null actorId; after that only a system administrator may create accounts.
    // AlreadyExists when the name is taken, case-insensitively; InvalidArgument for a malformed
    // name or a password the PasswordPolicy refuses.
    virtual Result<Account> createAccount(const QUuid &actorId, const QString &userName,
                                          const QString &displayName, Role role, const QString &password) = 0;

    // See LoginFailure for the error codes. A successful sign-in resets the failure counter.
    // After the configured number of consecutive failures (default 5; wrong verification codes
    // count) the account is locked out for the configured time (default 15 minutes).
    virtual Result<Account> authenticate(const QString &userName, const QString &password,
                                         const QString &totpCode = {}) = 0;
    // Only records the event; sessions are the caller's business.
    virtual Result<void> logout(const QUuid &accountId) = 0;

    // The owner changes their own password; a wrong old password counts as a failed sign-in.
    virtual Result<void> changePassword(const QString &userName, const QString &oldPassword,
                                        const QString &newPassword) = 0;
    virtual Result<void> resetPassword(const QUuid &actorId, const QString &userName,
                                       const QString &newPassword) = 0;

    // Lock until unlocked. Refuses locking oneself and the last unlocked system administrator.
    virtual Result<Account> lock(const QUuid &actorId, const QString &userName) = 0;
    // Clears an administrator lock and a lock-out, and resets the failure counter.
    virtual Result<Account> unlock(const QUuid &actorId, const QString &userName) = 0;
    // Replaces the roles (first = primary). Refuses an empty list, an auditor role combined with
    // another role (the auditor is independent), and removing the last unlocked system
    // administrator (Error::Code::Conflict).
    virtual Result<Account> setRoles(const QUuid &actorId, const QString &userName,
                                     const QList<Role> &roles) = 0;

    // Starts TOTP enrolment after checking the password (a wrong one counts as a failed sign-in);
    // replaces an unconfirmed enrolment, refuses (Conflict) once one is confirmed.
    virtual Result<TotpEnrolment> enrollTotp(const QString &userName, const QString &password) = 0;
    // Confirms the pending enrolment with a current code; the code cannot be used again to sign in.
    virtual Result<Account> confirmTotp(const QString &userName, const QString &code) = 0;
    // Removes the authenticator (lost phone); the account must enrol again before it can sign in
    // if its role needs a second factor.
    virtual Result<Account> resetTotp(const QUuid &actorId, const QString &userName) = 0;

    virtual Result<QList<Account>> list() = 0;
    virtual Result<std::optional<Account>> find(const QString &userName) = 0;
    virtual Result<std::optional<Account>> findById(const QUuid &id) = 0;
};

} // namespace mdp::accounts
