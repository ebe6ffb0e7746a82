#pragma once

#include "mdp/workspace/Workspace.h"

#include <QList>
#include <QString>

#include <functional>

namespace mdp::disease {
class DiseasePack;
}

namespace mdp::workspace {

// A demo account with its credentials, so `mdp-workstation --demo` can sign in on its own.
struct DemoAccount
{
    QString userName;
    QString displayName;
    QString role; // role id
    QString password;
    QString totpSecretBase32; // empty when the role needs no second factor
    // The same person's authenticator at the demo's site server, which made its own (empty: none, or
    // no server): with it the demo signs the account in there too, for the access workflow.
    QString serverTotpSecretBase32;
};

struct DemoWorkspace
{
    std::unique_ptr<Workspace> workspace;
    QList<DemoAccount> accounts;
};

// The synthetic cohort a demo workspace is filled with, made by a disease pack (the breast-cancer
// pack's is the cohort of JH/CAA 008-2025 Appendix A).
struct DemoCohortOptions
{
    int patients = 0; // 0: accounts only
    quint64 seed = 2026;
    // Rendered PDFs and pictures for every n-th patient (0: none); the pack renders only in a process
    // that can paint (a QGuiApplication).
    int documentEvery = 10;
    // The pack whose cohort and review records fill the demo; null: the first installed pack with a
    // demo cohort (disease::installedDiseasePacks()). Without any, the demo has accounts only.
    disease::DiseasePack *pack = nullptr;
    // Called before each patient record and once at the end; false stops the import (the demo keeps
    // the patients imported so far).
    std::function<bool(int done, int total)> progress;
};

// Creates a throw-away workspace in `directory` (which must be empty or missing) with one account per
// role, TOTP enrolled where the role needs it, and optionally a disease pack's demo cohort (histories
// up to the clock's today, imported through the registry as the custodian) and its review records. Without
// a `passphrase` it is random and never shown: the demo workspace cannot be reopened, which is the
// point of throw-away; a demo template passes its own so that copies of it can be opened.
Result<DemoWorkspace> createDemoWorkspace(const QString &directory,
                                          const Clock &clock = SystemClock::instance(),
                                          const DemoCohortOptions &cohort = {},
                                          const SecureBytes &passphrase = {});

// Signs a demo account in through the real login path, computing the current TOTP code; on a demo
// workspace linked to its server, the account then signs in there as well (SiteAccess::connect), so
// its access requests, decisions and grants work as at a site (a refusal there leaves the local
// session as it is).
Result<Session> loginDemoAccount(Workspace &workspace, const DemoAccount &account);

} // namespace mdp::workspace
