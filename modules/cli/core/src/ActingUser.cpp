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
    auto password = readSecret("MDP_USER_PASSWORD", tr("Password for %1: ").arg(userName));
    if (!password)
        return makeError(Error::Code::Unauthenticated,
                         tr("no password for %1: set MDP_USER_PASSWORD or run on a terminal (%2)")
                             .arg(userName, password.error().message));
    const QString totp = totpCode.isEmpty() ? promptedCode(ws, userName) : totpCode;
    auto session = ws.login(userName, password.value(), totp, workspace::SessionOrigin::CommandLine);
    if (session)
        return session;
    QString message = tr("sign-in as %1 failed: %2").arg(userName, session.error().message);
    Error::Code code = session.error().code;
    switch (accounts::loginFailureOf(session.error())) {
    case accounts::LoginFailure::SecondFactorRequired:
        message += QLatin1Char(' ') + tr("Give the code with --totp CODE.");
        code = Error::Code::Unauthenticated;
        break;
    case accounts::LoginFailure::SecondFactorEnrolmentRequired:
        message += QLatin1Char(' ') + tr("Sign in once on a workstation to set up the authenticator.");
        break;
    default:
        break;
    }
    return makeError(code, message);
}

Result<QString> ActingUser::actor(workspace::Workspace &ws, const ParsedCommand &command)
{
    if (!command.has(QStringLiteral("as")))
        return ws.custodianId().toString(QUuid::WithoutBraces);
    auto session = signIn(ws, command.value(QStringLiteral("as")), command.value(QStringLiteral("totp")));
    if (!session)
        return session.error();
    return session->accountId;
}

} // namespace mdp::cli
