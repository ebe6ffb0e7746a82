#include "ActingUser.h"

#include "mdp/accounts/AccountDirectory.h"
#include "mdp/cli/SecretPrompt.h"

namespace mdp::cli {

// An enrolled authenticator's code, asked for only where someone can type it; without a terminal
// the sign-in goes ahead without one and is refused (and audited) by the directory.
QString ActingUser::promptedCode(workspace::Workspace &ws, const QString &userName)
{
    auto account = ws.accounts().find(userName);
    if (!account || !account.value() || !account.value()->totpEnrolled)
        return {};
    auto code = readSecret(nullptr, tr("Verification code for %1: ").arg(userName));
    return code ? QString::fromUtf8(code.value().view()).trimmed() : QString();
}

Result<workspace::Session> ActingUser::signIn(workspace::Workspace &ws, const QString &userName,
                                              const QString &totpCode)
{
    // Opened by this account's own sign-in (account key slots): it is signed in already.
    if (const auto session = ws.session();
        session && session->accountId != ws.custodianId().toString(QUuid::WithoutBraces) &&
        session->userName.compare(userName, Qt::CaseInsensitive) == 0)
        return *session;
    if (ws.unlockMode() == workspace::UnlockMode::AccountSlots)
        return makeError(Error::Code::PermissionDenied,
                         tr("this command was opened by %1's sign-in; it acts as nobody else")
                             .arg(ws.session() ? ws.session()->userName : QString()));
    auto password = readSecret("MDP_USER_PASSWORD", tr("Password for %1: ").arg(userName));
    if (!password)
        return makeError(Error::Code::Unauthenticated,
                         tr("no password for %1: set MDP_USER_PASSWORD or run on a terminal (%2)")
                             .arg(userName, password.error().message));
    const QString totp = totpCode.isEmpty() ? promptedCode(ws, userName) : totpCode;
    auto session = ws.login(userName, password.value(), totp, workspace::SessionOrigin::CommandLine);
    if (session)
        return session;
    return explained(userName, session.error());
}

Error ActingUser::explained(const QString &userName, const Error &error)
{
    QString message = tr("sign-in as %1 failed: %2").arg(userName, error.message);
    Error::Code code = error.code;
    switch (accounts::loginFailureOf(error)) {
    case accounts::LoginFailure::BadCredentials:
        message += QLatin1Char(' ') + tr("Where the account has an authenticator, give its code with --totp "
                                         "CODE; before it has one, the administrator's enrolment code.");
        break;
    case accounts::LoginFailure::SecondFactorEnrolmentRequired:
        message += QLatin1Char(' ') + tr("Set up the authenticator first: at a workstation, or with mdp totp "
                                         "enrol --enrolment-code CODE and mdp totp confirm.");
        break;
    default:
        break;
    }
    return makeError(code, message);
}

Result<QString> ActingUser::actor(workspace::Workspace &ws, const ParsedCommand &command)
{
    if (!command.has(QStringLiteral("as"))) {
        const auto session = ws.session();
        return session ? session->accountId : ws.custodianId().toString(QUuid::WithoutBraces);
    }
    auto session = signIn(ws, command.value(QStringLiteral("as")), command.value(QStringLiteral("totp")));
    if (!session)
        return session.error();
    return session->accountId;
}

} // namespace mdp::cli
