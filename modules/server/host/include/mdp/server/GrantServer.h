#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/foundation/Result.h"
#include "mdp/server/Gateway.h"
#include "mdp/server/GrantService.h"
#include "mdp/server/HttpsServer.h"
#include "mdp/server/ServerStore.h"

#include <QString>

#include <memory>

namespace mdp::server {

// Everything mdp-grantd is configured with: a JSON file (installer/grantd.json documents every key)
// overridden by command-line flags.
struct GrantServerConfig
{
    QString dataDirectory; // the server's state: keys, the embedded store, its own audit chain
    QString store = QStringLiteral("sqlcipher"); // or "postgresql"
    QString postgres;                            // libpq connection string for the PostgreSQL store
    QString listen = QStringLiteral("127.0.0.1");
    quint16 port = 8443;
    QString certificateFile; // PEM
    QString keyFile;         // PEM (mode 0600, or a systemd credential)
    QString caFile;          // the site CA (or the hospital's)
    QString crlFile;         // required unless `allowNoRevocationList`
    bool allowNoRevocationList = false;
    QString callLog; // one JSON line per call; empty: standard output
    int threads = 2;
    GatewayOptions gateway;
    GrantServiceOptions service;

    // Reads a configuration file; unknown keys are refused (a typo must not silently leave a default).
    static Result<GrantServerConfig> fromFile(const QString &path);
};

// mdp-grantd assembled: store, server keys, its own audit chain, gateway, API and the TLS listener.
class GrantServer
{
public:
    static Result<std::unique_ptr<GrantServer>> start(const GrantServerConfig &config,
                                                      const Clock &clock = SystemClock::instance());
    ~GrantServer();

    quint16 port() const;
    void stop(int graceMs = 5000);

    ServerStore &store();
    Gateway &gateway();
    GrantService &service();
    const GrantServerConfig &config() const;

private:
    GrantServer();
    struct Impl;
    std::unique_ptr<Impl> d;
};

// One of the demo's accounts (the same names and passwords as the workstation's demo workspace).
struct DemoServerAccount
{
    QString userName;
    QString displayName;
    QString role;
    QString password;
    QString totpSecretBase32; // where the role needs a second factor
};

// `mdp-grantd --demo DIR --port P`: a throw-away PKI in DIR (ca.crt, server.crt, server.key,
// workstation.crt, workstation.key, crl.pem), state in DIR/state, loopback only, and the demo
// accounts (listed with their passwords and TOTP secrets in DIR/demo-accounts.json: throw-away).
Result<GrantServerConfig> prepareDemoServer(const QString &directory, quint16 port,
                                            const Clock &clock = SystemClock::instance());
// Creates the demo accounts on a started demo server when missing; returns them.
Result<QList<DemoServerAccount>> ensureDemoAccounts(GrantServer &server, const QString &directory);

} // namespace mdp::server
