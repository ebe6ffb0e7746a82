#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace mdp::server {

// Who is at the other end of the mutual-TLS connection: the verified client certificate, bound to
// every request made over it (issue 11, R-7.3.2). Filled in by the transport, never from a header.
struct PeerIdentity
{
    QString commonName;
    QString serialHex;      // lower-case hex, no leading zeros
    QByteArray fingerprint; // SHA-256 of the certificate DER (RFC 8705 x5t#S256 before base64url)
    QDateTime notAfter;     // UTC
    QByteArray certificateDer;
    // A workstation's certificate (clientAuth without a person's emailProtection): what may ship an
    // audit chain and relay sync entries. A person's certificate signs people in only.
    bool workstationProfile = false;
    bool isNull() const { return fingerprint.isEmpty(); }
};

struct Request
{
    QByteArray method;                            // upper case
    QString target;                               // path and query as sent
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;
    QString sourceAddress; // the peer's IP address as text
    PeerIdentity peer;
    QByteArray header(QByteArrayView name) const; // first value, empty when absent
    QString path() const;                         // target without the query
    QString queryValue(QStringView name) const;   // decoded, empty when absent
};

struct Response
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
};

Response jsonResponse(int status, const QJsonObject &body);
// RFC 9457 problem details: {"type","title","status","detail"} as application/problem+json.
Response problem(int status, const QString &title, const QString &detail = {});

} // namespace mdp::server
