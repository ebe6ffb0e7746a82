#pragma once

#include "mdp/accounts/Account.h"
#include "mdp/accounts/Role.h"
#include "mdp/accounts/TotpEnrolment.h"
#include "mdp/foundation/Result.h"
#include "mdp/foundation/SecureBytes.h"

#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace mdp::accounts {

// Why authenticate() refused, derived from the error code so the login dialog knows what to ask
// for next. Error codes of authenticate():
//   Unauthenticated  - the user name, the password or the code is wrong, missing or already used.
//                      One answer for all of them (issue 9 part 8): it never says whether the name
//                      exists, nor whether the password was right and only its code missing.
//   Locked           - locked by an administrator, or locked out after repeated failures; the
//                      message gives the unlock time (UTC) for a lock-out.
//   PermissionDenied - the password and an administrator's enrolment code were right, but the
//                      account's role needs a second factor and none is enrolled yet: run
//                      enrollTotp() / confirmTotp() with that code first.
//   anything else    - storage failure.
enum class LoginFailure
{
    BadCredentials,
    Locked,
    SecondFactorEnrolmentRequired,
    Other
};
LoginFailure loginFailureOf(const Error &error);
// The one answer for an unknown name, a wrong password, and a right password with a wrong, missing
// or spent code (Error::Code::Unauthenticated, translated). The workspace gives the same when an
// account's key slot does not open, so no caller can tell which part was wrong.
Error badCredentialsError();

// The accounts of one installation (R-7.4.2: unique accounts, least privilege). Implemented over
// the local encrypted database today and by a remote directory on the central server later, so
// callers depend on this interface only. Every call below reports to the AccountAuditSink the
// implementation was given, success or failure.
//
// Administrative calls take the acting account's id; they are refused with PermissionDenied
// unless that account holds the system-admin role and is not locked.
//
// Passwords are SecureBytes holding the UTF-8 of what was typed (takePassword), never QStrings, so no
// copy outlives the call unwiped.
class AccountDirectory
{
public:
    virtual ~AccountDirectory() = default;

    // The very first account of an empty directory must be a system administrator and is created
    // with a null actorId; after that only a system administrator may create accounts.
    // AlreadyExists when the name is taken, case-insensitively; InvalidArgument for a malformed
    // name or a password the PasswordPolicy refuses.
    virtual Result<Account> createAccount(const QUuid &actorId, const QString &userName,
                                          const QString &displayName, Role role,
                                          const SecureBytes &password) = 0;

    // See LoginFailure for the error codes. A successful sign-in resets the failure counter.
    // After the configured number of consecutive failures (default 5; wrong or missing codes
    // count) the account is locked out for the configured time (default 15 minutes), doubled for
    // each further failure. `code` is the authenticator's code, or, for an account that still has
    // to enrol one, the administrator's enrolment code.
    virtual Result<Account> authenticate(const QString &userName, const SecureBytes &password,
                                         const QString &code = {}) = 0;
    // Only records the event; sessions are the caller's business.
    virtual Result<void> logout(const QUuid &accountId) = 0;

    // The owner changes their own password; a wrong old password counts as a failed sign-in.
    virtual Result<void> changePassword(const QString &userName, const SecureBytes &oldPassword,
                                        const SecureBytes &newPassword) = 0;
    virtual Result<void> resetPassword(const QUuid &actorId, const QString &userName,
                                       const SecureBytes &newPassword) = 0;

    // Lock until unlocked. Refuses locking oneself and the last unlocked system administrator.
    virtual Result<Account> lock(const QUuid &actorId, const QString &userName) = 0;
    // Clears an administrator lock and a lock-out, and resets the failure counter.
    virtual Result<Account> unlock(const QUuid &actorId, const QString &userName) = 0;
    // Replaces the roles (first = primary). Refuses an empty list, an auditor role combined with
    // another role (the auditor is independent), and removing the last unlocked system
    // administrator (Error::Code::Conflict).
    virtual Result<Account> setRoles(const QUuid &actorId, const QString &userName,
                                     const QList<Role> &roles) = 0;

    // An administrator's one-time code that lets the account enrol an authenticator: knowing the
    // password alone is not enough (issue 9 part 8). Replaces an earlier code of the account; valid
    // for the directory's configured time and spent when an enrolment is confirmed. Returned once,
    // as 16 base-32 characters in groups of four; only its digest is stored.
    virtual Result<QString> issueEnrolmentCode(const QUuid &actorId, const QString &userName) = 0;
    // Starts TOTP enrolment after checking the password and the administrator's enrolment code (a
    // wrong or missing one counts as a failed sign-in, with the same answer as a wrong password);
    // replaces an unconfirmed enrolment, refuses (Conflict) once one is confirmed.
    virtual Result<TotpEnrolment> enrollTotp(const QString &userName, const SecureBytes &password,
                                             const QString &enrolmentCode) = 0;
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
