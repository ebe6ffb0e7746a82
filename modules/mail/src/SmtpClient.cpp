#include "mdp/mail/SmtpClient.h"

#include "MailLogging.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <initializer_list>

namespace mdp::mail {

namespace {

// A reply larger than this without its last line is not SMTP.
constexpr qsizetype maxReplyBytes = 1 << 20;

struct Reply
{
    int code = 0;
    QStringList lines; // text after "NNN-" / "NNN "

    QString text() const { return lines.join(u' '); }
};

// Server texts often echo the address they refuse; errors and logs must not carry it.
QString redacted(QString text)
{
    static const QRegularExpression address(QStringLiteral(R"([^\s<>()\[\]:;,"']+@[^\s<>()\[\]:;,"']+)"));
    text.replace(address, QStringLiteral("(address)"));
    if (text.size() > 200)
        text = text.left(200) + QStringLiteral("...");
    return text;
}

QString describeReply(const Reply &reply)
{
    return QStringLiteral("%1 %2").arg(reply.code).arg(redacted(reply.text())).trimmed();
}

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    default:
        return QStringLiteral("TLS");
    }
}

// Normalises line ends to CRLF and doubles a leading '.' on every line (RFC 5321 4.5.2), then
// appends the end-of-data marker.
QByteArray dotStuffed(const QByteArray &message)
{
    QList<QByteArray> lines = message.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    QByteArray out;
    out.reserve(message.size() + message.size() / 40 + 8);
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith('.'))
            out += '.';
        out += line;
        out += "\r\n";
    }
    out += ".\r\n";
    return out;
}

} // namespace

struct SmtpClient::Impl
{
    MailSettings settings;
    std::unique_ptr<QSslSocket> socket;
    QByteArray input;
    QStringList capabilities; // EHLO keywords and parameters, upper-cased keyword
    bool connected = false;
    bool encrypted = false;
    bool socketFailed = false;
    QString socketError;
    QStringList sslErrors;
    bool ready = false; // greeted, secured and authenticated

    void reset()
    {
        if (socket) {
            socket->disconnect();
            socket->abort();
            socket.reset();
        }
        input.clear();
        capabilities.clear();
        connected = encrypted = socketFailed = ready = false;
        socketError.clear();
        sslErrors.clear();
    }

    Error fail(Error::Code code, const QString &message)
    {
        qCWarning(lcMail).noquote() << "SMTP:" << message;
        reset();
        return makeError(code, message);
    }

    // Runs the event loop until done() holds, the socket fails or `timeoutMs` pass.
    Result<void> waitUntil(const QString &step, int timeoutMs, const std::function<bool()> &done)
    {
        if (done())
            return {};
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        bool timedOut = false;
        QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
            timedOut = true;
            loop.quit();
        });
        const auto quit = [&loop] { loop.quit(); };
        QObject::connect(socket.get(), &QSslSocket::readyRead, &loop, quit);
        QObject::connect(socket.get(), &QSslSocket::connected, &loop, quit);
        QObject::connect(socket.get(), &QSslSocket::encrypted, &loop, quit);
        QObject::connect(socket.get(), &QSslSocket::errorOccurred, &loop, quit);
        QObject::connect(socket.get(), &QSslSocket::disconnected, &loop, quit);
        timer.start(timeoutMs);
        while (!done()) {
            if (socketFailed)
                return transportError(step);
            if (timedOut)
                return fail(Error::Code::Io,
                            QStringLiteral("SMTP %1: timed out after %2 ms").arg(step).arg(timeoutMs));
            loop.exec();
        }
        return {};
    }

    Error transportError(const QString &step)
    {
        if (!sslErrors.isEmpty())
            return fail(Error::Code::Crypto,
                        QStringLiteral("SMTP %1: TLS certificate of the relay refused: %2")
                            .arg(step, sslErrors.join(QStringLiteral("; "))));
        const auto kind = socket ? socket->error() : QAbstractSocket::UnknownSocketError;
        switch (kind) {
        case QAbstractSocket::ConnectionRefusedError:
            return fail(Error::Code::Io, QStringLiteral("SMTP %1: connection refused by %2:%3")
                                             .arg(step, settings.host)
                                             .arg(settings.port));
        case QAbstractSocket::HostNotFoundError:
            return fail(Error::Code::Io,
                        QStringLiteral("SMTP %1: relay host %2 not found").arg(step, settings.host));
        case QAbstractSocket::RemoteHostClosedError:
            return fail(Error::Code::Io,
                        QStringLiteral("SMTP %1: the relay closed the connection").arg(step));
        case QAbstractSocket::SslHandshakeFailedError:
        case QAbstractSocket::SslInternalError:
        case QAbstractSocket::SslInvalidUserDataError:
            return fail(Error::Code::Crypto,
                        QStringLiteral("SMTP %1: TLS handshake failed: %2").arg(step, socketError));
        default:
            return fail(Error::Code::Io, QStringLiteral("SMTP %1: network error: %2").arg(step, socketError));
        }
    }

    // Parses one complete reply from `input`, if there is one. nullopt: need more bytes.
    Result<std::optional<Reply>> takeReply(const QString &step)
    {
        Reply reply;
        qsizetype pos = 0;
        while (true) {
            const qsizetype end = input.indexOf('\n', pos);
            if (end < 0) {
                if (input.size() > maxReplyBytes)
                    return fail(Error::Code::Unknown, QStringLiteral("SMTP %1: reply too long").arg(step));
                return std::optional<Reply>();
            }
            QByteArray line = input.mid(pos, end - pos);
            if (line.endsWith('\r'))
                line.chop(1);
            pos = end + 1;
            bool numeric = false;
            const int code = line.left(3).toInt(&numeric);
            if (line.size() < 3 || !numeric || code < 200 || code > 599 ||
                (line.size() > 3 && line.at(3) != ' ' && line.at(3) != '-'))
                return fail(Error::Code::Unknown,
                            QStringLiteral("SMTP %1: malformed reply from the relay").arg(step));
            if (reply.code != 0 && reply.code != code)
                return fail(
                    Error::Code::Unknown,
                    QStringLiteral("SMTP %1: reply lines with different codes from the relay").arg(step));
            reply.code = code;
            reply.lines.append(QString::fromUtf8(line.mid(4)));
            if (line.size() == 3 || line.at(3) == ' ') {
                input.remove(0, pos);
                return std::optional<Reply>(std::move(reply));
            }
        }
    }

    Result<Reply> readReply(const QString &step)
    {
        std::optional<Reply> reply;
        std::optional<Error> parseError;
        auto waited = waitUntil(step, settings.replyTimeoutMs, [&] {
            auto taken = takeReply(step);
            if (!taken) {
                parseError = taken.error();
                return true;
            }
            reply = std::move(*taken);
            return reply.has_value();
        });
        if (parseError)
            return *parseError;
        if (!waited)
            return waited.error();
        return std::move(*reply);
    }

    Result<Reply> command(const QString &step, const QByteArray &line)
    {
        qCDebug(lcMail).noquote() << "SMTP step" << step;
        if (!socket || socket->state() != QAbstractSocket::ConnectedState)
            return fail(Error::Code::Io, QStringLiteral("SMTP %1: not connected").arg(step));
        socket->write(line);
        socket->write("\r\n");
        return readReply(step);
    }

    // Writes a line carrying a secret and wipes our copy of it.
    Result<Reply> secretCommand(const QString &step, QByteArray &line)
    {
        auto reply = command(step, line);
        secureZero(line);
        return reply;
    }

    Result<void> expect(const QString &step, const Result<Reply> &reply, std::initializer_list<int> codes,
                        Error::Code codeOnRefusal)
    {
        if (!reply)
            return reply.error();
        for (int code : codes) {
            if (reply->code == code)
                return {};
        }
        // 4xx is temporary whatever the step: the notice should simply be tried again later.
        const Error::Code errorCode = reply->code < 500 ? Error::Code::Io : codeOnRefusal;
        return makeError(errorCode,
                         QStringLiteral("SMTP %1 refused by the relay: %2").arg(step, describeReply(*reply)));
    }

    // During session set-up a refusal ends the session; transport failures have ended it already.
    Result<void> expectOrClose(const QString &step, const Result<Reply> &reply,
                               std::initializer_list<int> codes, Error::Code codeOnRefusal)
    {
        if (!reply)
            return reply.error();
        if (auto ok = expect(step, reply, codes, codeOnRefusal); !ok)
            return fail(ok.error().code, ok.error().message);
        return {};
    }

    bool hasCapability(const QString &keyword) const
    {
        for (const QString &line : capabilities) {
            if (line.section(u' ', 0, 0).compare(keyword, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }

    QStringList authMechanisms() const
    {
        QStringList mechanisms;
        for (const QString &line : capabilities) {
            const QString keyword = line.section(u' ', 0, 0).toUpper();
            if (keyword == u"AUTH")
                mechanisms += line.section(u' ', 1).toUpper().split(u' ', Qt::SkipEmptyParts);
            else if (keyword.startsWith(u"AUTH="))
                mechanisms += keyword.mid(5).split(u' ', Qt::SkipEmptyParts);
        }
        return mechanisms;
    }

    QByteArray ehloName() const
    {
        const QHostAddress local = socket->localAddress();
        if (local.protocol() == QAbstractSocket::IPv6Protocol)
            return "[IPv6:" + local.toString().toLatin1() + ']';
        if (!local.isNull())
            return '[' + local.toString().toLatin1() + ']';
        return "localhost";
    }

    Result<void> ehlo()
    {
        const QString step = QStringLiteral("EHLO");
        auto reply = command(step, "EHLO " + ehloName());
        if (auto ok = expectOrClose(step, reply, {250}, Error::Code::Unsupported); !ok)
            return ok;
        capabilities = reply->lines.mid(1);
        return {};
    }

    QSslConfiguration tlsConfiguration(Result<void> &status) const
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setProtocol(QSsl::TlsV1_2OrLater);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!settings.caCertificate.isEmpty()) {
            const QList<QSslCertificate> extra = QSslCertificate::fromPath(settings.caCertificate, QSsl::Pem);
            if (extra.isEmpty())
                status = makeError(
                    Error::Code::Io,
                    QStringLiteral("SMTP connect: the CA certificate file %1 holds no PEM certificate")
                        .arg(settings.caCertificate));
            config.addCaCertificates(extra);
        }
        return config;
    }

    Result<void> handshake(const QString &step)
    {
        return waitUntil(step, settings.connectTimeoutMs, [this] { return encrypted; });
    }

    Result<void> authenticate()
    {
        if (settings.username.isEmpty())
            return {};
        // Never let credentials out on a connection that is not encrypted, whatever happened before.
        if (!socket->isEncrypted())
            return fail(Error::Code::Crypto,
                        QStringLiteral("SMTP AUTH: refusing to authenticate without TLS"));
        const QStringList mechanisms = authMechanisms();
        const QByteArray user = settings.username.toUtf8();
        if (mechanisms.contains(u"PLAIN")) {
            const QString step = QStringLiteral("AUTH PLAIN");
            SecureBytes token(std::size_t(user.size() + 2) + settings.password.size());
            char *p = token.data();
            *p++ = '\0';
            p = std::copy(user.cbegin(), user.cend(), p);
            *p++ = '\0';
            std::copy(settings.password.data(), settings.password.data() + settings.password.size(), p);
            QByteArray line = "AUTH PLAIN " + QByteArray(token.data(), qsizetype(token.size())).toBase64();
            auto reply = secretCommand(step, line);
            return checkAuth(step, reply);
        }
        if (mechanisms.contains(u"LOGIN")) {
            const QString step = QStringLiteral("AUTH LOGIN");
            auto reply = command(step, "AUTH LOGIN");
            if (!reply)
                return reply.error();
            if (reply->code != 334)
                return checkAuth(step, reply);
            QByteArray userLine = user.toBase64();
            reply = secretCommand(step, userLine);
            if (!reply)
                return reply.error();
            if (reply->code != 334)
                return checkAuth(step, reply);
            QByteArray passwordLine =
                QByteArray(settings.password.data(), qsizetype(settings.password.size())).toBase64();
            reply = secretCommand(step, passwordLine);
            return checkAuth(step, reply);
        }
        return fail(Error::Code::Unsupported,
                    QStringLiteral("SMTP AUTH: the relay offers neither PLAIN nor LOGIN over TLS"));
    }

    Result<void> checkAuth(const QString &step, const Result<Reply> &reply)
    {
        if (!reply)
            return reply.error();
        if (reply->code == 235)
            return {};
        const Error::Code code = reply->code < 500 ? Error::Code::Io : Error::Code::Unauthenticated;
        return fail(code, QStringLiteral("SMTP %1: authentication rejected by the relay: %2")
                              .arg(step, describeReply(*reply)));
    }

    Result<void> open()
    {
        if (ready && socket && socket->state() == QAbstractSocket::ConnectedState)
            return {};
        reset();
        if (auto valid = settings.validate(); !valid)
            return valid;
        Result<void> configStatus;
        const QSslConfiguration config = tlsConfiguration(configStatus);
        if (!configStatus)
            return configStatus;

        socket = std::make_unique<QSslSocket>();
        socket->setSslConfiguration(config);
        socket->setPeerVerifyName(settings.host);
        QObject::connect(socket.get(), &QSslSocket::readyRead, socket.get(),
                         [this] { input += socket->readAll(); });
        QObject::connect(socket.get(), &QSslSocket::connected, socket.get(), [this] { connected = true; });
        QObject::connect(socket.get(), &QSslSocket::encrypted, socket.get(), [this] { encrypted = true; });
        QObject::connect(socket.get(), qOverload<const QList<QSslError> &>(&QSslSocket::sslErrors),
                         socket.get(), [this](const QList<QSslError> &errors) {
                             for (const QSslError &error : errors)
                                 sslErrors.append(error.errorString());
                         });
        QObject::connect(socket.get(), &QSslSocket::errorOccurred, socket.get(),
                         [this](QAbstractSocket::SocketError) {
                             socketFailed = true;
                             socketError = socket->errorString();
                         });

        qCInfo(lcMail).noquote() << "SMTP: connecting to" << settings.describe();
        const bool implicitTls = settings.security == MailSecurity::ImplicitTls;
        if (implicitTls) {
            socket->connectToHostEncrypted(settings.host, quint16(settings.port));
            if (auto done = handshake(QStringLiteral("connect (implicit TLS)")); !done)
                return done;
        } else {
            socket->connectToHost(settings.host, quint16(settings.port));
            if (auto done = waitUntil(QStringLiteral("connect"), settings.connectTimeoutMs,
                                      [this] { return connected; });
                !done)
                return done;
        }

        const QString greetingStep = QStringLiteral("greeting");
        auto greeting = readReply(greetingStep);
        if (auto ok = expectOrClose(greetingStep, greeting, {220}, Error::Code::Io); !ok)
            return ok;
        if (auto ok = ehlo(); !ok)
            return ok;

        if (!implicitTls) {
            if (!hasCapability(QStringLiteral("STARTTLS"))) {
                socket->write("QUIT\r\n");
                socket->flush();
                return fail(
                    Error::Code::Unsupported,
                    QStringLiteral("SMTP STARTTLS: the relay does not offer STARTTLS; refusing to continue "
                                   "without TLS"));
            }
            const QString step = QStringLiteral("STARTTLS");
            auto reply = command(step, "STARTTLS");
            if (auto ok = expectOrClose(step, reply, {220}, Error::Code::Unsupported); !ok)
                return ok;
            // Bytes that arrived before the handshake were not protected by it (response injection,
            // RFC 3207 section 6): refuse rather than read them as if they came over TLS.
            if (!input.isEmpty() || socket->bytesAvailable() > 0)
                return fail(Error::Code::Crypto,
                            QStringLiteral("SMTP STARTTLS: the relay sent data before the TLS handshake"));
            socket->startClientEncryption();
            if (auto done = handshake(QStringLiteral("STARTTLS handshake")); !done)
                return done;
            // Capabilities seen before TLS may have been forged: ask again.
            if (auto ok = ehlo(); !ok)
                return ok;
        }

        if (auto ok = authenticate(); !ok)
            return ok;
        ready = true;
        qCInfo(lcMail).noquote() << "SMTP: session open," << protocolName(socket->sessionProtocol());
        return {};
    }

    // After a refused envelope the transaction is reset so the next message starts clean.
    Error refused(const Error &error)
    {
        qCWarning(lcMail).noquote() << "SMTP:" << error.message;
        if (ready && socket) {
            auto reply = command(QStringLiteral("RSET"), "RSET");
            if (!reply || reply->code != 250)
                reset();
        }
        return error;
    }

    Result<void> sendRaw(const QString &from, const QStringList &recipients, const QByteArray &message)
    {
        if (!isPlainMailAddress(from))
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("SMTP MAIL FROM: the sender is not a plain e-mail address"));
        if (recipients.isEmpty())
            return makeError(Error::Code::InvalidArgument, QStringLiteral("SMTP RCPT TO: no recipient"));
        for (const QString &recipient : recipients) {
            if (!isPlainMailAddress(recipient))
                return makeError(Error::Code::InvalidArgument,
                                 QStringLiteral("SMTP RCPT TO: a recipient is not a plain e-mail address"));
        }
        if (auto opened = open(); !opened)
            return opened;

        const QString mailStep = QStringLiteral("MAIL FROM");
        auto mail = command(mailStep, "MAIL FROM:<" + from.toLatin1() + '>');
        if (!mail)
            return mail.error();
        if (auto ok = expect(mailStep, mail, {250}, Error::Code::InvalidArgument); !ok)
            return refused(ok.error());

        const QString rcptStep = QStringLiteral("RCPT TO");
        for (const QString &recipient : recipients) {
            auto rcpt = command(rcptStep, "RCPT TO:<" + recipient.toLatin1() + '>');
            if (!rcpt)
                return rcpt.error();
            if (auto ok = expect(rcptStep, rcpt, {250, 251}, Error::Code::InvalidArgument); !ok)
                return refused(ok.error());
        }

        const QString dataStep = QStringLiteral("DATA");
        auto data = command(dataStep, "DATA");
        if (!data)
            return data.error();
        if (auto ok = expect(dataStep, data, {354}, Error::Code::InvalidArgument); !ok)
            return refused(ok.error());

        const QString bodyStep = QStringLiteral("end of DATA");
        qCDebug(lcMail).noquote() << "SMTP step" << bodyStep;
        socket->write(dotStuffed(message));
        auto accepted = readReply(bodyStep);
        if (!accepted)
            return accepted.error();
        if (auto ok = expect(bodyStep, accepted, {250}, Error::Code::InvalidArgument); !ok)
            return refused(ok.error());
        qCInfo(lcMail) << "SMTP: message accepted by the relay for" << recipients.size() << "recipient(s)";
        return {};
    }

    void close()
    {
        if (socket && socket->state() == QAbstractSocket::ConnectedState && ready) {
            socket->write("QUIT\r\n");
            const int saved = settings.replyTimeoutMs;
            settings.replyTimeoutMs = std::min(saved, 2000);
            (void)waitUntil(QStringLiteral("QUIT"), settings.replyTimeoutMs, [&] {
                auto taken = takeReply(QStringLiteral("QUIT"));
                return !taken || taken->has_value();
            });
            settings.replyTimeoutMs = saved;
            if (socket)
                socket->disconnectFromHost();
        }
        reset();
    }
};

SmtpClient::SmtpClient(MailSettings settings)
    : d(std::make_unique<Impl>())
{
    d->settings = std::move(settings);
}

SmtpClient::~SmtpClient()
{
    d->reset();
}

Result<void> SmtpClient::open()
{
    return d->open();
}

bool SmtpClient::isOpen() const
{
    return d->ready && d->socket && d->socket->state() == QAbstractSocket::ConnectedState;
}

Result<void> SmtpClient::send(const MailMessage &message)
{
    return d->sendRaw(message.from, message.to, message.toMime());
}

Result<void> SmtpClient::sendRaw(const QString &from, const QStringList &recipients,
                                 const QByteArray &message)
{
    return d->sendRaw(from, recipients, message);
}

void SmtpClient::close()
{
    d->close();
}

QString SmtpClient::tlsProtocol() const
{
    if (!isOpen() || !d->socket->isEncrypted())
        return {};
    return protocolName(d->socket->sessionProtocol());
}

} // namespace mdp::mail
