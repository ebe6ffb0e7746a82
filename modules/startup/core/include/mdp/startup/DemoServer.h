#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/workspace/ServerLink.h"

#include <QHash>
#include <QString>

#include <memory>

namespace mdp::workspace {
class Workspace;
}

namespace mdp::startup {

// The demo's central server (issue 11): `mdp-grantd --demo DIR --port 0` as a child process on
// 127.0.0.1, with its throw-away CA, certificates and demo accounts in DIR. Stopped (SIGTERM, then
// killed) when this object goes.
class DemoServer
{
public:
    // `program`: the mdp-grantd to run; empty: the one next to the running program. Waits up to
    // `timeoutMs` for it to listen (the first start makes the PKI and the accounts).
    static Result<std::unique_ptr<DemoServer>> start(const QString &directory, const QString &program = {},
                                                     int timeoutMs = 60000);
    ~DemoServer();

    quint16 port() const;
    QString directory() const;
    // The demo accounts' authenticators at this server (base32 by user name; the server made its own,
    // kept in its demo-accounts.json), for the demo to sign them in there too.
    QHash<QString, QString> totpSecrets() const;
    // The link settings of a demo workstation: the demo CA, and workstation.crt/key for
    // "workstation-1" or NAME.crt/key issued on demand for another name, and the demo site key
    // (demo-accounts.json), so demo workstations sync.
    Result<workspace::ServerSettings>
    workstationSettings(const QString &name = QStringLiteral("workstation-1")) const;

private:
    DemoServer();
    struct Impl;
    std::unique_ptr<Impl> d;
};

// Points a demo workspace's server link at the demo server, as its custodian (recorded as
// server.configure in the demo's audit trail).
Result<void> connectDemoWorkspace(workspace::Workspace &workspace, const DemoServer &server,
                                  const QString &workstationName = QStringLiteral("workstation-1"));

} // namespace mdp::startup
