#pragma once

#include "mdp/foundation/Result.h"
#include "mdp/mail/MailMessage.h"
#include "mdp/mail/MailSettings.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace mdp::mail {

// An SMTP submission client that only ever talks TLS (RFC 5321, 3207, 4954, 8314).
//
// * StartTls: greeting, EHLO, STARTTLS (refused with Unsupported when the server does not offer
//   it: there is no plaintext fallback), TLS handshake, EHLO again. ImplicitTls: TLS from the
//   first byte. Either way the relay's certificate chain and host name are verified against the
//   system store plus MailSettings::caCertificate; errors are never ignored.
// * AUTH PLAIN (or LOGIN when PLAIN is not offered) only on the encrypted connection.
// * MAIL FROM / RCPT TO / DATA with dot-stuffing; multi-line replies.
//
// Calls are synchronous: each step runs a local QEventLoop until the reply arrives or the
// configured timeout passes, so objects of the calling thread (timers, other sockets) keep being
// served meanwhile. Use from one thread; do not call from a slot that may be re-entered.
//
// Errors are English, name the SMTP step and the server's reply code, and carry no recipient
// address (server texts are redacted): Io (refused, closed, timeout, 4xx), Crypto (TLS
// handshake or certificate), Unsupported (no STARTTLS, no usable AUTH mechanism), Unauthenticated
// (AUTH rejected), InvalidArgument (5xx to MAIL/RCPT/DATA, bad addresses), Unknown (malformed
// reply).
class SmtpClient
{
public:
    explicit SmtpClient(MailSettings settings);
    ~SmtpClient(); // aborts an open connection without waiting
    SmtpClient(const SmtpClient &) = delete;
    SmtpClient &operator=(const SmtpClient &) = delete;

    // Connects, secures, says EHLO and authenticates. Does nothing when already open.
    Result<void> open();
    bool isOpen() const;

    // Sends one message, opening the connection first when needed. A refused envelope (MAIL,
    // RCPT, DATA) resets the transaction and keeps the connection for the next message; a
    // transport failure closes it (the next send reconnects).
    Result<void> send(const MailMessage &message);
    // The same for an already composed RFC 5322 message (line ends are normalised to CRLF).
    Result<void> sendRaw(const QString &from, const QStringList &recipients, const QByteArray &message);

    // QUIT (waiting briefly for the answer), then disconnects.
    void close();

    // The TLS protocol of the open connection, e.g. "TLSv1.3"; empty when closed.
    QString tlsProtocol() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace mdp::mail
