#include "mdp/server/Gateway.h"

#include "mdp/server/JsonSchema.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QUrl>

#include <cmath>

namespace mdp::server {

RateLimiter::RateLimiter(double ratePerSecond, int burst, const Clock &clock)
    : m_rate(ratePerSecond)
    , m_burst(burst)
    , m_clock(clock)
{}

int RateLimiter::take(const QString &key)
{
    const qint64 now = m_clock.now().toMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    // Buckets of callers idle long enough to be full again carry no state worth keeping.
    if (m_buckets.size() > 100000) {
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (it->tokens + (now - it->updatedMs) / 1000.0 * m_rate >= m_burst)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{double(m_burst), now});
    Bucket &bucket = *it;
    bucket.tokens = std::min<double>(m_burst, bucket.tokens + (now - bucket.updatedMs) / 1000.0 * m_rate);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
    }
    return std::max(1, int(std::ceil((1 - bucket.tokens) / m_rate)));
}

namespace {

struct CompiledRoute
{
    Route route;
    QStringList segments;
    std::optional<JsonSchema> body;
};

QStringList splitPath(const QString &path)
{
    return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

bool matches(const CompiledRoute &route, const QStringList &segments, QHash<QString, QString> *parameters)
{
    if (route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &pattern = route.segments[i];
        if (pattern.startsWith(QLatin1Char('{')) && pattern.endsWith(QLatin1Char('}'))) {
            const QString value = QUrl::fromPercentEncoding(segments[i].toUtf8());
            if (value.isEmpty() || value.size() > 256)
                return false;
            found.insert(pattern.mid(1, pattern.size() - 2), value);
        } else if (pattern != segments[i]) {
            return false;
        }
    }
    *parameters = std::move(found);
    return true;
}

struct Network
{
    QHostAddress address;
    int prefix = -1;
};

} // namespace

struct Gateway::Impl
{
    Gateway::Refusals refusals;
    GatewayOptions options;
    QJsonObject openApi;
    const Clock &clock;
    CallLog *log;
    RevocationCheck isRevoked;
    const TokenAuthority *tokens;
    RateLimiter perAddress;
    RateLimiter perIdentity;
    QList<Network> networks;
    QList<CompiledRoute> routes;
    Metrics metrics;

    Impl(GatewayOptions o, QJsonObject api, const Clock &c, CallLog *l, RevocationCheck revoked,
         const TokenAuthority *t)
        : options(std::move(o))
        , openApi(std::move(api))
        , clock(c)
        , log(l)
        , isRevoked(std::move(revoked))
        , tokens(t)
        , perAddress(options.perAddressRate, options.perAddressBurst, c)
        , perIdentity(options.perIdentityRate, options.perIdentityBurst, c)
    {
        for (const QString &entry : options.allowedSources) {
            const auto subnet = QHostAddress::parseSubnet(entry.contains(QLatin1Char('/'))
                                                              ? entry
                                                              : entry + (entry.contains(QLatin1Char(':'))
                                                                             ? QStringLiteral("/128")
                                                                             : QStringLiteral("/32")));
            if (!subnet.first.isNull())
                networks.append({subnet.first, subnet.second});
        }
    }

    void writeLog(const Request &request, const QString &endpoint, int status, double seconds,
                  const QJsonValue &parameters, const QString &user, const QString &detail)
    {
        metrics.countCall(endpoint.isEmpty() ? QStringLiteral("unmatched") : endpoint, status, seconds);
        if (!log)
            return;
        QJsonObject line{{QStringLiteral("time"), clock.now().toString(Qt::ISODateWithMs)},
                         {QStringLiteral("source"), request.sourceAddress},
                         {QStringLiteral("identity"), request.peer.commonName},
                         {QStringLiteral("serial"), request.peer.serialHex},
                         {QStringLiteral("endpoint"), endpoint},
                         {QStringLiteral("method"), QString::fromLatin1(request.method)},
                         {QStringLiteral("path"), request.path().left(256)},
                         {QStringLiteral("status"), status},
                         {QStringLiteral("ms"), std::round(seconds * 1e5) / 100}};
        if (!user.isEmpty())
            line.insert(QStringLiteral("user"), user);
        if (!parameters.isUndefined() && !parameters.isNull())
            line.insert(QStringLiteral("parameters"), parameters);
        if (!detail.isEmpty())
            line.insert(QStringLiteral("outcome"), detail.left(300));
        log->write(line);
    }
};

Gateway::Gateway(GatewayOptions options, QJsonObject openApi, const Clock &clock, CallLog *log,
                 RevocationCheck isRevoked, const TokenAuthority *tokens)
    : d(std::make_unique<Impl>(std::move(options), std::move(openApi), clock, log, std::move(isRevoked),
                               tokens))
{}

Gateway::~Gateway() = default;

Metrics &Gateway::metrics()
{
    return d->metrics;
}

const QJsonObject &Gateway::openApi() const
{
    return d->openApi;
}

const GatewayOptions &Gateway::options() const
{
    return d->options;
}

void Gateway::addRoute(Route route)
{
    CompiledRoute compiled;
    compiled.segments = splitPath(route.pattern);
    const QJsonObject operation = d->openApi.value(QLatin1String("paths"))
                                      .toObject()
                                      .value(route.pattern)
                                      .toObject()
                                      .value(QString::fromLatin1(route.method).toLower())
                                      .toObject();
    Q_ASSERT_X(!operation.isEmpty(), "Gateway::addRoute", "every route is described in the OpenAPI document");
    if (route.operationId.isEmpty())
        route.operationId = operation.value(QLatin1String("operationId")).toString();
    const QJsonObject schema = operation.value(QLatin1String("requestBody"))
                                   .toObject()
                                   .value(QLatin1String("content"))
                                   .toObject()
                                   .value(QLatin1String("application/json"))
                                   .toObject()
                                   .value(QLatin1String("schema"))
                                   .toObject();
    if (!schema.isEmpty())
        compiled.body.emplace(d->openApi, schema);
    compiled.route = std::move(route);
    d->routes.append(std::move(compiled));
}

void Gateway::setTokenAuthority(const TokenAuthority *tokens)
{
    d->tokens = tokens;
}

bool Gateway::allowsSource(const QString &address) const
{
    QHostAddress host(address);
    if (host.isNull())
        return false;
    // An IPv4 peer on a dual-stack socket arrives as ::ffff:a.b.c.d.
    bool mapped = false;
    const quint32 v4 = host.toIPv4Address(&mapped);
    if (mapped && host.protocol() == QAbstractSocket::IPv6Protocol)
        host = QHostAddress(v4);
    for (const Network &network : d->networks) {
        if (host.isInSubnet(network.address, network.prefix))
            return true;
    }
    return false;
}

void Gateway::recordRefusedConnection(const QString &address, const QString &reason)
{
    d->metrics.countRefusedConnection(reason);
    if (d->log) {
        d->log->write(QJsonObject{{QStringLiteral("time"), d->clock.now().toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("source"), address},
                                  {QStringLiteral("endpoint"), QStringLiteral("connection")},
                                  {QStringLiteral("status"), 0},
                                  {QStringLiteral("outcome"), reason}});
    }
}

Response Gateway::handle(const Request &request)
{
    QElapsedTimer timer;
    timer.start();
    QString endpoint;
    QJsonValue logged;
    QString user;
    auto finish = [&](Response response, const QString &detail = {}) {
        d->writeLog(request, endpoint, response.status, timer.nsecsElapsed() / 1e9, logged, user, detail);
        return response;
    };
    // Refusals of an identified caller, and errors, go to the service's audit chain too.
    auto audited = [&](const Response &response, const QString &detail) {
        if (d->refusals && (response.status == 401 || response.status == 403 || response.status >= 500))
            d->refusals(request, endpoint, response.status, user, detail);
    };
    auto refuse = [&](int status, const QString &title, const QString &detail = {}, bool audit = false) {
        Response response = problem(status, title, detail);
        if (audit)
            audited(response, detail.isEmpty() ? title : detail);
        return finish(std::move(response), detail.isEmpty() ? title : detail);
    };

    if (!allowsSource(request.sourceAddress))
        return refuse(403, QStringLiteral("Source not allowed"));
    if (request.peer.isNull())
        return refuse(401, QStringLiteral("Client certificate required"));
    if (const int wait = d->perAddress.take(request.sourceAddress); wait > 0) {
        Response response = problem(429, QStringLiteral("Too many requests from this address"));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(wait)));
        return finish(response, QStringLiteral("rate limited (address)"));
    }
    if (const int wait = d->perIdentity.take(QString::fromLatin1(request.peer.fingerprint.toHex()));
        wait > 0) {
        Response response = problem(429, QStringLiteral("Too many requests from this certificate"));
        response.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray::number(wait)));
        return finish(response, QStringLiteral("rate limited (identity)"));
    }

    // Revocation after the rate limits: a throttled flood does not queue behind the store.
    if (d->isRevoked && d->isRevoked(request.peer))
        return refuse(403, QStringLiteral("Certificate revoked"),
                      QStringLiteral("certificate %1 is revoked").arg(request.peer.serialHex), true);
    const QStringList segments = splitPath(request.path());
    const CompiledRoute *route = nullptr;
    bool pathKnown = false;
    QHash<QString, QString> parameters;
    for (const CompiledRoute &candidate : d->routes) {
        QHash<QString, QString> found;
        if (!matches(candidate, segments, &found))
            continue;
        pathKnown = true;
        if (candidate.route.method == request.method) {
            route = &candidate;
            parameters = std::move(found);
            break;
        }
    }
    if (!route)
        return pathKnown ? refuse(405, QStringLiteral("Method not allowed"))
                         : refuse(404, QStringLiteral("Not found"));
    endpoint = route->route.operationId;

    if (request.body.size() > d->options.maxBodyBytes)
        return refuse(413, QStringLiteral("Request body too large"));
    QJsonValue body;
    if (route->body) {
        if (jsonNestingDepth(request.body) > d->options.maxJsonDepth)
            return refuse(400, QStringLiteral("JSON nested too deeply"));
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
        if (error.error != QJsonParseError::NoError || document.isNull())
            return refuse(400, QStringLiteral("Malformed JSON"), error.errorString());
        body = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
        // Only a body that passed the schema is logged (redacted): a refused one may carry anything.
        if (auto valid = route->body->validate(body); !valid)
            return refuse(400, QStringLiteral("Request does not match the schema"), valid.error().message);
        logged = route->body->redacted(body);
    } else if (!request.body.isEmpty()) {
        return refuse(400, QStringLiteral("This endpoint takes no body"));
    }
    if (!parameters.isEmpty()) {
        QJsonObject path;
        for (auto it = parameters.begin(); it != parameters.end(); ++it)
            path.insert(it.key(), it.value());
        QJsonObject combined = logged.isObject() ? logged.toObject() : QJsonObject{};
        combined.insert(QStringLiteral("path"), path);
        logged = combined;
    }

    std::optional<TokenClaims> claims;
    if (route->route.needsToken) {
        const QByteArray authorization = request.header("authorization");
        if (!authorization.startsWith("Bearer ") || !d->tokens) {
            Response response = problem(401, QStringLiteral("Access token required"));
            response.headers.append(qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer")));
            return finish(response, QStringLiteral("no token"));
        }
        auto verified = d->tokens->verify(authorization.mid(7).trimmed(), request.peer.fingerprint);
        if (!verified) {
            Response response =
                problem(401, QStringLiteral("Access token refused"), verified.error().message);
            response.headers.append(
                qMakePair(QByteArray("WWW-Authenticate"), QByteArray("Bearer error=\"invalid_token\"")));
            audited(response, verified.error().message);
            return finish(response, verified.error().message);
        }
        claims = *verified;
        user = claims->subject;
        if (!route->route.roles.isEmpty()) {
            bool allowed = false;
            for (const QString &role : claims->roles)
                allowed = allowed || route->route.roles.contains(role);
            if (!allowed)
                return refuse(403, QStringLiteral("Role not allowed"),
                              QStringLiteral("%1 needs one of: %2")
                                  .arg(endpoint, route->route.roles.join(QLatin1Char(','))),
                              true);
        }
    }

    const Call call{request, body, parameters, claims};
    Response response = route->route.handler(call);
    if (user.isEmpty() && response.status < 300) {
        // Sign-in names its account in the log (the token it issued is not logged).
        const QJsonObject object = body.toObject();
        user = object.value(QLatin1String("userName")).toString();
    }
    QString detail = QStringLiteral("ok");
    if (response.status >= 400)
        detail = QJsonDocument::fromJson(response.body).object().value(QLatin1String("detail")).toString();
    if (response.status >= 500)
        audited(response, detail);
    return finish(std::move(response), detail);
}

void Gateway::setRefusalRecorder(Refusals refusals)
{
    d->refusals = std::move(refusals);
}

} // namespace mdp::server
