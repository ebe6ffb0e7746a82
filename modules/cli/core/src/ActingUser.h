#pragma once

#include "ParsedCommand.h"

#include "mdp/foundation/Result.h"
#include "mdp/workspace/Workspace.h"

#include <QCoreApplication>
#include <QString>

namespace mdp::cli {

// Signs in the account a command acts as (`--as USER`) through Workspace::login, the path the
// workstation's sign-in takes, so the password check, the second factor, the lock-out after
// repeated failures and the audit of every attempt are the same; the session is marked as coming
// from the command line. The password comes from MDP_USER_PASSWORD or a no-echo prompt; the TOTP
// code from `totpCode` (--totp) or, when the account has an authenticator and a terminal is there,
// a prompt. A refusal leaves the workspace as it was apart from the audited failed sign-in; the
// message names the account and what to give.
class ActingUser
{
    Q_DECLARE_TR_FUNCTIONS(mdp::cli::ActingUser)

public:
    static Result<workspace::Session> signIn(workspace::Workspace &ws, const QString &userName,
                                             const QString &totpCode);
    // Who a command acts as: the account its `--as USER` names, signed in as above with its
    // `--totp`, or, without `--as`, the passphrase's authority, the workspace custodian. Returns the
    // account id.
    static Result<QString> actor(workspace::Workspace &ws, const ParsedCommand &command);
    // A refused sign-in as a message that names the account and what to give.
    static Error explained(const QString &userName, const Error &error);

private:
    static QString promptedCode(workspace::Workspace &ws, const QString &userName);
};

} // namespace mdp::cli
