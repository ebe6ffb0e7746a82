#pragma once

#include "mdp/foundation/Clock.h"
#include "mdp/server/AccessToken.h"
#include "mdp/server/Http.h"
#include "mdp/server/Metrics.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QJsonValue>
#include <QMutex>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace mdp::server {

// Token buckets keyed by identity or address: `ratePerSecond` refill, `burst` capacity. Thread-safe.
class RateLimiter
{
public:
    RateLimiter(double ratePerSecond, int burst, const Clock &clock);
    // 0 when the call may go ahead (a token taken); otherwise the whole seconds until one is
    // available (the Retry-After of a 429), at least 1.
    int take(const QString &key);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    double m_rate;
    int m_burst;
    const Clock &m_clock;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

struct GatewayOptions
{
    // Addresses or CIDR ranges ("10.1.0.0/16", "::1/128") that may connect; others are refused
    // before TLS. Loopback only by default.
    QStringList allowedSources{QStringLiteral("127.0.0.0/8"), QStringLiteral("::1/128")};
    double perIdentityRate = 200; // requests per second per client certificate
    int perIdentityBurst = 400;
    double perAddressRate = 400; // per source address (several workstations behind one NAT)
    int perAddressBurst = 800;
    qint64 maxBodyBytes = qint64(16) << 20; // 16 MiB: a sync batch of attachments' chunks
    int maxJsonDepth = 16;
};

// What a handler gets: the request, its validated body, the path's parameters and the verified
// access token (when the route needs one).
struct Call
{
    const Request &request;
    QJsonValue body;
    QHash<QString, QString> pathParameters;
    std::optional<TokenClaims> token;
};

using Handler = std::function<Response(const Call &call)>;

struct Route
{
    QByteArray method;
    QString pattern;     // "/v1/accounts/{userName}": as in the OpenAPI document
    QString operationId; // as in the OpenAPI document; names the endpoint in logs and metrics
    bool needsToken = true;
    QStringList roles; // any of them (empty: any signed-in account)
    Handler handler;
};

// One JSON object per call (source, identity, endpoint, time, parameters without secrets, outcome).
class CallLog
{
public:
    virtual ~CallLog() = default;
    virtual void write(const QJsonObject &line) = 0;
};

// The API gateway (issue 11 part 1): every request passes through here, in this order: source
// allow-list (403), revoked client certificate (403), per-address then per-identity rate limits
// (429 with Retry-After), route (404/405), body size (413), JSON depth (400), JSON syntax (400),
// schema from the OpenAPI document (400), access token bound to the connection's certificate (401),
// role (403), handler. Each call is logged and counted.
class Gateway
{
public:
    using RevocationCheck = std::function<bool(const PeerIdentity &peer)>;

    Gateway(GatewayOptions options, QJsonObject openApi, const Clock &clock, CallLog *log,
            RevocationCheck isRevoked, const TokenAuthority *tokens);
    ~Gateway();

    void addRoute(Route route);
    // The token verifier (the service that issues them is made after the gateway).
    void setTokenAuthority(const TokenAuthority *tokens);
    bool allowsSource(const QString &address) const;
    // Called by the transport for connections refused before any request (source, handshake).
    void recordRefusedConnection(const QString &address, const QString &reason);

    Response handle(const Request &request);

    // Told of every call the gateway refused after the caller was identified (a token refused, a role
    // not allowed, a revoked certificate) and of every answer 500 or above (R-7.4.1 security events
    // and errors): the service records them in its audit chain. `user` is empty before a token.
    using Refusals = std::function<void(const Request &request, const QString &endpoint, int status,
                                        const QString &user, const QString &detail)>;
    void setRefusalRecorder(Refusals refusals);

    Metrics &metrics();
    const QJsonObject &openApi() const;
    const GatewayOptions &options() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::server
