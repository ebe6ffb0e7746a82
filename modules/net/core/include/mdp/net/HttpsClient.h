#pragma once

#include "mdp/foundation/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <memory>

namespace mdp::net {

struct TlsClientOptions
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    QString serverName = QStringLiteral("localhost"); // checked against the server certificate's names
    QByteArray caPem;                                 // the site CA: the only issuer trusted for the server
    QByteArray certificatePem;                        // this workstation's (or user's) client certificate
    QByteArray privateKeyPem;
    int timeoutMs = 10000;
};

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray header(QByteArrayView name) const;
    QJsonObject json() const;
    QString problemDetail() const; // "title: detail" of an RFC 9457 body, or the status
};

// A blocking HTTPS/1.1 client over mutual TLS 1.3 (Boost.Beast), one keep-alive connection, reopened
// when the server closed it. Not thread-safe: one per thread (the workstation's sync runs on its own).
// Errors: Io when the server cannot be reached or the connection breaks; PermissionDenied when the
// TLS handshake is refused (this certificate revoked, expired or not the site's; or the server's
// certificate not the site's).
class HttpsClient
{
public:
    static Result<std::unique_ptr<HttpsClient>> create(const TlsClientOptions &options);
    ~HttpsClient();

    Result<HttpResult> request(const QByteArray &method, const QString &target, const QByteArray &body = {},
                               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Result<void> connect(); // handshake now (request() connects when needed)
    void close();
    bool isConnected() const;
    // SHA-256 of this client's certificate (DER): what access tokens are bound to.
    QByteArray certificateThumbprint() const;
    qint64 bytesSent() const;
    qint64 bytesReceived() const;
    qint64 handshakes() const;

private:
    HttpsClient();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::net
