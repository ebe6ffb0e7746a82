#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/server/Http.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace mdp::server {

struct TlsServerOptions
{
    QString address = QStringLiteral("127.0.0.1");
    quint16 port = 0;          // 0: any free port (see HttpsServer::port())
    QByteArray certificatePem; // the server's certificate (chain)
    QByteArray privateKeyPem;
    QByteArray caPem; // the platform CA (or the hospital's): client certificates must chain to it
    // The CA's revocation list. Read again when the file changes, before the next handshake, so a
    // revocation takes effect on the revoked certificate's next connection. Empty: no list (refused
    // for production configurations by mdp-grantd itself).
    QString crlFile;
    int threads = 2;
    qint64 maxBodyBytes = qint64(16) << 20;
    int maxHeaderBytes = 16 * 1024;
    int handshakeSeconds = 10;
    int idleSeconds = 60;
    int maxConnections = 1024; // further connections are closed at once (and logged)
};

// The HTTPS transport of mdp-grantd (Boost.Beast over Asio and OpenSSL): TLS 1.3 only, a client
// certificate required and verified against the CA and its revocation list with the clientAuth
// purpose, the verified certificate handed to every request as its PeerIdentity. HTTP/1.1 keep-alive.
// Requests are answered on the I/O threads by `handler`.
class HttpsServer
{
public:
    using RequestHandler = std::function<Response(const Request &request)>;
    using SourceFilter = std::function<bool(const QString &address)>;
    using RefusalSink = std::function<void(const QString &address, const QString &reason)>;

    // InvalidArgument for unusable certificates or keys, Io when the address cannot be bound.
    static Result<std::unique_ptr<HttpsServer>> start(TlsServerOptions options, RequestHandler handler,
                                                      SourceFilter allowSource = {},
                                                      RefusalSink refused = {});
    ~HttpsServer(); // stop(0)

    quint16 port() const;
    // Graceful shutdown: stops accepting, lets requests in progress finish and be answered (up to
    // `graceMs`), closes idle connections, then returns when every I/O thread has ended.
    void stop(int graceMs = 5000);
    qint64 openConnections() const;
    qint64 handshakesCompleted() const;

    struct Impl; // public for the transport's connection objects, defined only in HttpsServer.cpp

private:
    HttpsServer();
    std::shared_ptr<Impl> d;
};

} // namespace mdp::server
