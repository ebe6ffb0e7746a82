#pragma once

#include "mdp/workspace/Workspace.h"

#include <QList>
#include <QString>

namespace mdp::workspace {

// A demo account with its credentials, so `mdp-workstation --demo` can sign in on its own.
struct DemoAccount
{
    QString userName;
    QString displayName;
    QString role; // role id
    QString password;
    QString totpSecretBase32; // empty when the role needs no second factor
};

struct DemoWorkspace
{
    std::unique_ptr<Workspace> workspace;
    QList<DemoAccount> accounts;
};

// Creates a throw-away workspace in `directory` (which must be empty or missing) with one account per
// role, TOTP enrolled where the role needs it. The passphrase is random and never shown: the demo
// workspace cannot be reopened, which is the point of throw-away.
Result<DemoWorkspace> createDemoWorkspace(const QString &directory,
                                          const Clock &clock = SystemClock::instance());

// Signs a demo account in through the real login path, computing the current TOTP code.
Result<Session> loginDemoAccount(Workspace &workspace, const DemoAccount &account);

} // namespace mdp::workspace
