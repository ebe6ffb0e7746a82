#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QSslSocket;
class QTcpServer;

// An SMTP server for tests, on 127.0.0.1 and an ephemeral port, in the test's own thread (the
// client's local event loop serves it). It speaks just enough ESMTP for the client: EHLO with
// STARTTLS / AUTH / 8BITMIME, STARTTLS or implicit TLS with a given certificate, AUTH PLAIN and
// LOGIN, MAIL, RCPT, DATA with dot-unstuffing, RSET, QUIT; and records what it got.
class TestSmtpSink : public QObject
{
    Q_OBJECT

public:
    enum class Tls
    {
        StartTls, // offers STARTTLS; AUTH is offered only once TLS is up
        Implicit, // TLS from the first byte
        None,     // never offers STARTTLS (a relay the client must refuse)
    };

    struct Message
    {
        QString mailFrom;
        QStringList recipients;
        QByteArray data; // dot-unstuffed, CRLF line ends, without the final "."
        bool encrypted = false;
        QString authUser;
    };

    struct Command
    {
        QString verb; // upper-case first word ("EHLO", "AUTH", "MAIL", ...)
        bool encrypted = false;
    };

    TestSmtpSink(Tls tls, QByteArray certificatePem, QByteArray privateKeyPem, QObject *parent = nullptr);
    ~TestSmtpSink() override;

    bool listen();
    quint16 port() const;

    // Behaviour switches.
    void setSilent(bool silent) { m_silent = silent; } // accept connections, never answer
    void setCredentials(const QString &user, const QByteArray &password)
    {
        m_user = user;
        m_password = password;
    }
    void setRejectAuth(bool reject) { m_rejectAuth = reject; }
    void setAuthMechanisms(const QString &mechanisms) { m_authMechanisms = mechanisms; }
    void rejectRecipient(const QString &address) { m_rejectedRecipients.insert(address.toLower()); }
    // Sends an extra line in the same segment as the STARTTLS "220", before the handshake.
    void setInjectAfterStartTls(bool inject) { m_injectAfterStartTls = inject; }

    const QList<Message> &messages() const { return m_messages; }
    const QList<Command> &commands() const { return m_commands; }
    int connections() const { return m_connections; }
    // How many AUTH attempts carried the expected credentials.
    int successfulLogins() const { return m_successfulLogins; }

    // Independent decoders for assertions: the unfolded value of a header, the RFC 2047 decoded
    // subject, and the quoted-printable or base64 decoded body, all as UTF-8 text.
    static QByteArray headerValue(const QByteArray &data, const QByteArray &name);
    static QString decodedSubject(const QByteArray &data);
    static QString decodedBody(const QByteArray &data);

private:
    struct Session;
    class Server;
    friend class Server;

    void accept(qintptr descriptor);
    void startTls(Session *session);
    void greet(Session *session);
    void readFrom(Session *session);
    void handleLine(Session *session, const QByteArray &line);
    void handleData(Session *session, const QByteArray &line);
    void handleAuth(Session *session, const QByteArray &argument);
    void finishAuth(Session *session, const QString &user, const QByteArray &password);
    void reply(Session *session, const QByteArray &text);

    Tls m_tls;
    QByteArray m_certificatePem;
    QByteArray m_privateKeyPem;
    std::unique_ptr<Server> m_server;
    std::vector<std::unique_ptr<Session>> m_sessions;

    bool m_silent = false;
    bool m_rejectAuth = false;
    bool m_injectAfterStartTls = false;
    QString m_authMechanisms = QStringLiteral("PLAIN LOGIN");
    QString m_user;
    QByteArray m_password;
    QSet<QString> m_rejectedRecipients;

    QList<Message> m_messages;
    QList<Command> m_commands;
    int m_connections = 0;
    int m_successfulLogins = 0;
};
