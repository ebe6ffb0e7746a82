#include "TestSmtpSink.h"

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

class TestSmtpSink::Server : public QTcpServer
{
public:
    explicit Server(TestSmtpSink *sink)
        : m_sink(sink)
    {}

protected:
    void incomingConnection(qintptr descriptor) override { m_sink->accept(descriptor); }

private:
    TestSmtpSink *m_sink;
};

struct TestSmtpSink::Session
{
    enum class State
    {
        Command,
        Data,
        AuthPlainResponse,
        AuthLoginUser,
        AuthLoginPassword,
    };
    std::unique_ptr<QSslSocket> socket;
    QByteArray input;
    State state = State::Command;
    bool greeted = false;
    bool authenticated = false;
    QString authUser;
    QString loginUser;
    Message current;
    bool inTransaction = false;
};

TestSmtpSink::TestSmtpSink(Tls tls, QByteArray certificatePem, QByteArray privateKeyPem, QObject *parent)
    : QObject(parent)
    , m_tls(tls)
    , m_certificatePem(std::move(certificatePem))
    , m_privateKeyPem(std::move(privateKeyPem))
    , m_server(std::make_unique<Server>(this))
{}

TestSmtpSink::~TestSmtpSink()
{
    for (auto &session : m_sessions)
        session->socket->disconnect();
}

bool TestSmtpSink::listen()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 TestSmtpSink::port() const
{
    return m_server->serverPort();
}

void TestSmtpSink::accept(qintptr descriptor)
{
    ++m_connections;
    auto session = std::make_unique<Session>();
    Session *s = session.get();
    s->socket = std::make_unique<QSslSocket>();
    if (!s->socket->setSocketDescriptor(descriptor))
        return;
    s->socket->setLocalCertificate(QSslCertificate(m_certificatePem, QSsl::Pem));
    s->socket->setPrivateKey(QSslKey(m_privateKeyPem, QSsl::Ec, QSsl::Pem));
    s->socket->setPeerVerifyMode(QSslSocket::VerifyNone);
    m_sessions.push_back(std::move(session));
    if (m_silent)
        return;
    connect(s->socket.get(), &QSslSocket::readyRead, this, [this, s] { readFrom(s); });
    if (m_tls == Tls::Implicit) {
        connect(s->socket.get(), &QSslSocket::encrypted, this, [this, s] { greet(s); });
        s->socket->startServerEncryption();
    } else {
        greet(s);
    }
}

void TestSmtpSink::greet(Session *session)
{
    session->greeted = true;
    reply(session, "220 localhost ESMTP MDP test sink");
}

void TestSmtpSink::reply(Session *session, const QByteArray &text)
{
    session->socket->write(text + "\r\n");
}

void TestSmtpSink::readFrom(Session *session)
{
    session->input += session->socket->readAll();
    while (true) {
        const qsizetype end = session->input.indexOf("\r\n");
        if (end < 0)
            return;
        const QByteArray line = session->input.left(end);
        session->input.remove(0, end + 2);
        if (session->state == Session::State::Data)
            handleData(session, line);
        else
            handleLine(session, line);
    }
}

void TestSmtpSink::startTls(Session *session)
{
    // A fresh start: anything said before TLS is forgotten (RFC 3207).
    session->authenticated = false;
    session->inTransaction = false;
    session->input.clear();
    session->socket->startServerEncryption();
}

void TestSmtpSink::handleLine(Session *session, const QByteArray &line)
{
    const bool encrypted = session->socket->isEncrypted();
    if (session->state == Session::State::AuthPlainResponse) {
        session->state = Session::State::Command;
        const QByteArray decoded = QByteArray::fromBase64(line);
        const QList<QByteArray> parts = decoded.split('\0');
        finishAuth(session, parts.size() == 3 ? QString::fromUtf8(parts.at(1)) : QString(),
                   parts.size() == 3 ? parts.at(2) : QByteArray());
        return;
    }
    if (session->state == Session::State::AuthLoginUser) {
        session->loginUser = QString::fromUtf8(QByteArray::fromBase64(line));
        session->state = Session::State::AuthLoginPassword;
        reply(session, "334 UGFzc3dvcmQ6");
        return;
    }
    if (session->state == Session::State::AuthLoginPassword) {
        session->state = Session::State::Command;
        finishAuth(session, session->loginUser, QByteArray::fromBase64(line));
        return;
    }

    const qsizetype space = line.indexOf(' ');
    const QByteArray verb = (space < 0 ? line : line.left(space)).toUpper();
    const QByteArray argument = space < 0 ? QByteArray() : line.mid(space + 1);
    m_commands.append({QString::fromLatin1(verb), encrypted});

    if (verb == "EHLO" || verb == "HELO") {
        QByteArray text = "250-localhost greets you\r\n250-SIZE 10240000\r\n";
        if (m_tls == Tls::StartTls && !encrypted)
            text += "250-STARTTLS\r\n";
        if (encrypted && !m_authMechanisms.isEmpty())
            text += "250-AUTH " + m_authMechanisms.toLatin1() + "\r\n";
        text += "250 8BITMIME";
        reply(session, text);
    } else if (verb == "STARTTLS") {
        if (m_tls != Tls::StartTls || encrypted) {
            reply(session, "502 5.5.1 STARTTLS not available");
            return;
        }
        reply(session, m_injectAfterStartTls ? QByteArray("220 2.0.0 Ready to start TLS\r\n250 injected")
                                             : QByteArray("220 2.0.0 Ready to start TLS"));
        startTls(session);
    } else if (verb == "AUTH") {
        handleAuth(session, argument);
    } else if (verb == "MAIL") {
        if (!m_user.isEmpty() && !session->authenticated) {
            reply(session, "530 5.7.0 Authentication required");
            return;
        }
        session->current = Message{};
        session->current.mailFrom =
            QString::fromUtf8(argument.mid(argument.indexOf('<') + 1)).section(u'>', 0, 0);
        session->current.encrypted = encrypted;
        session->current.authUser = session->authUser;
        session->inTransaction = true;
        reply(session, "250 2.1.0 Ok");
    } else if (verb == "RCPT") {
        if (!session->inTransaction) {
            reply(session, "503 5.5.1 MAIL first");
            return;
        }
        const QString address =
            QString::fromUtf8(argument.mid(argument.indexOf('<') + 1)).section(u'>', 0, 0);
        if (m_rejectedRecipients.contains(address.toLower())) {
            reply(session, "550 5.1.1 <" + address.toUtf8() + ">: Recipient address rejected: User unknown");
            return;
        }
        session->current.recipients.append(address);
        reply(session, "250 2.1.5 Ok");
    } else if (verb == "DATA") {
        if (!session->inTransaction || session->current.recipients.isEmpty()) {
            reply(session, "503 5.5.1 RCPT first");
            return;
        }
        session->state = Session::State::Data;
        reply(session, "354 End data with <CR><LF>.<CR><LF>");
    } else if (verb == "RSET") {
        session->inTransaction = false;
        session->current = Message{};
        reply(session, "250 2.0.0 Ok");
    } else if (verb == "NOOP") {
        reply(session, "250 2.0.0 Ok");
    } else if (verb == "QUIT") {
        reply(session, "221 2.0.0 Bye");
        session->socket->disconnectFromHost();
    } else {
        reply(session, "502 5.5.2 Command not recognized");
    }
}

void TestSmtpSink::handleData(Session *session, const QByteArray &line)
{
    if (line == ".") {
        session->state = Session::State::Command;
        session->inTransaction = false;
        m_messages.append(session->current);
        session->current = Message{};
        reply(session, "250 2.0.0 Ok: queued");
        return;
    }
    session->current.data += (line.startsWith("..") ? line.mid(1) : line) + "\r\n";
}

void TestSmtpSink::handleAuth(Session *session, const QByteArray &argument)
{
    if (!session->socket->isEncrypted() || m_authMechanisms.isEmpty()) {
        reply(session, "503 5.5.1 AUTH not available");
        return;
    }
    const QList<QByteArray> words = argument.split(' ');
    const QByteArray mechanism = words.value(0).toUpper();
    if (!m_authMechanisms.toLatin1().split(' ').contains(mechanism)) {
        reply(session, "504 5.5.4 Unrecognized authentication type");
        return;
    }
    if (mechanism == "PLAIN") {
        if (words.size() < 2) {
            session->state = Session::State::AuthPlainResponse;
            reply(session, "334 ");
            return;
        }
        const QList<QByteArray> parts = QByteArray::fromBase64(words.at(1)).split('\0');
        finishAuth(session, parts.size() == 3 ? QString::fromUtf8(parts.at(1)) : QString(),
                   parts.size() == 3 ? parts.at(2) : QByteArray());
    } else {
        session->state = Session::State::AuthLoginUser;
        reply(session, "334 VXNlcm5hbWU6");
    }
}

void TestSmtpSink::finishAuth(Session *session, const QString &user, const QByteArray &password)
{
    const bool good = !m_rejectAuth && user == m_user && password == m_password;
    if (!good) {
        reply(session, "535 5.7.8 Error: authentication failed");
        return;
    }
    ++m_successfulLogins;
    session->authenticated = true;
    session->authUser = user;
    reply(session, "235 2.7.0 Authentication successful");
}

QByteArray TestSmtpSink::headerValue(const QByteArray &data, const QByteArray &name)
{
    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = data.left(headerEnd).split('\n');
    QByteArray value;
    bool inHeader = false;
    for (QByteArray line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (inHeader && (line.startsWith(' ') || line.startsWith('\t'))) {
            value += line;
            continue;
        }
        if (inHeader)
            break;
        if (line.toLower().startsWith(name.toLower() + ':')) {
            inHeader = true;
            value = line.mid(name.size() + 1).trimmed();
        }
    }
    return value;
}

QString TestSmtpSink::decodedSubject(const QByteArray &data)
{
    const QByteArray raw = headerValue(data, "Subject");
    QByteArray utf8;
    qsizetype pos = 0;
    bool sawWord = false;
    while (pos < raw.size()) {
        const qsizetype start = raw.indexOf("=?", pos);
        if (start < 0) {
            utf8 += raw.mid(pos);
            break;
        }
        const QByteArray between = raw.mid(pos, start - pos);
        // Blanks between two encoded words are folding, not text (RFC 2047 section 6.2).
        if (!(sawWord && between.trimmed().isEmpty()))
            utf8 += between;
        const qsizetype q1 = raw.indexOf('?', start + 2);
        const qsizetype q2 = raw.indexOf('?', q1 + 1);
        const qsizetype end = raw.indexOf("?=", q2 + 1);
        if (q1 < 0 || q2 < 0 || end < 0)
            return {};
        const QByteArray encoding = raw.mid(q1 + 1, q2 - q1 - 1).toUpper();
        const QByteArray text = raw.mid(q2 + 1, end - q2 - 1);
        if (encoding == "B")
            utf8 += QByteArray::fromBase64(text);
        else
            utf8 += QByteArray::fromPercentEncoding(QByteArray(text).replace('_', ' '), '=');
        sawWord = true;
        pos = end + 2;
    }
    return QString::fromUtf8(utf8);
}

QString TestSmtpSink::decodedBody(const QByteArray &data)
{
    const qsizetype headerEnd = data.indexOf("\r\n\r\n");
    QByteArray body = data.mid(headerEnd + 4);
    const QByteArray encoding = headerValue(data, "Content-Transfer-Encoding").toLower();
    if (encoding == "base64")
        return QString::fromUtf8(QByteArray::fromBase64(body));
    if (encoding == "quoted-printable") {
        body.replace("=\r\n", "");
        return QString::fromUtf8(QByteArray::fromPercentEncoding(body, '='));
    }
    return QString::fromUtf8(body);
}
