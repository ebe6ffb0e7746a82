#pragma once

#include <QString>
#include <QStringView>

namespace mdp::accounts {

// Event types passed to AccountAuditSink::record. Stable strings: audit queries and
// alert rules match on them.
namespace AccountEvent {
inline constexpr QStringView Login = u"account.login"; // success or failure
inline constexpr QStringView Logout = u"account.logout";
inline constexpr QStringView LockedOut = u"account.locked-out"; // automatic, after failures
inline constexpr QStringView Created = u"account.create";
inline constexpr QStringView PasswordChange = u"account.password-change";
inline constexpr QStringView PasswordReset = u"account.password-reset"; // by an administrator
inline constexpr QStringView RoleChange = u"account.role-change";
inline constexpr QStringView Lock = u"account.lock";
inline constexpr QStringView Unlock = u"account.unlock";
inline constexpr QStringView TotpEnrol = u"account.totp-enrol";         // secret issued
inline constexpr QStringView TotpConfirm = u"account.totp-confirm";     // first code accepted
inline constexpr QStringView TotpReset = u"account.totp-reset";         // by an administrator
inline constexpr QStringView EnrolmentCode = u"account.enrolment-code"; // issued by an administrator
} // namespace AccountEvent

// Receives every account event, successful or not. The workspace adapts it to the audit chain.
// `actorId` is the account id of whoever acted: the account itself for sign-in, logout and password
// change once the password was verified, the administrator for administrative actions, and empty
// when nobody was identified (failed sign-in). `subjectAccountId` is the account acted on, empty
// for an unknown user name. `detail` is a short English reason; it never contains passwords, TOTP
// codes or secrets, nor a user name typed for an account that does not exist (people type their
// password into the name field).
class AccountAuditSink
{
public:
    virtual ~AccountAuditSink() = default;
    virtual void record(const QString &type, const QString &actorId, const QString &subjectAccountId,
                        bool success, const QString &detail) = 0;
};

} // namespace mdp::accounts
