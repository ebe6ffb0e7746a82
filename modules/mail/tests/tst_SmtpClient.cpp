#include "TestCertificates.h"
#include "TestSmtpSink.h"
#include "mdp/mail/SmtpClient.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace mdp;
using namespace mdp::mail;

namespace {

const QString kUser = QStringLiteral("mdp-notices");
const QByteArray kPassword = QByteArrayLiteral("S3cret-relay-pässword");
const QString kFrom = QStringLiteral("mdp@hospital.example");
const QString kTo = QStringLiteral("reviewer.li@hospital.example");

template<typename R> QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().toString().toUtf8();
}

QStringList capturedLog;

void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    capturedLog.append(message);
}

} // namespace

class tst_SmtpClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<TestCertificates> m_pki;
    QString m_caFile;

    std::unique_ptr<TestSmtpSink> startSink(TestSmtpSink::Tls tls, const TestCertificates::Identity &identity)
    {
        auto sink = std::make_unique<TestSmtpSink>(tls, identity.certificatePem, identity.privateKeyPem);
        if (!sink->listen())
            return nullptr;
        sink->setCredentials(kUser, kPassword);
        return sink;
    }

    MailSettings settingsFor(quint16 port, MailSecurity security, bool withAuth = true) const
    {
        MailSettings settings;
        settings.host = QStringLiteral("localhost");
        settings.port = port;
        settings.security = security;
        if (withAuth) {
            settings.username = kUser;
            settings.password = SecureBytes(kPassword);
        }
        settings.fromAddress = kFrom;
        settings.caCertificate = m_caFile;
        settings.connectTimeoutMs = 10000;
        settings.replyTimeoutMs = 10000;
        return settings;
    }

    static MailMessage message(const QString &subject = QStringLiteral("Review task"),
                               const QString &body = QStringLiteral("Open MDP to review."))
    {
        MailMessage m;
        m.from = kFrom;
        m.to = {kTo};
        m.subject = subject;
        m.body = body;
        return m;
    }

    static bool anySeenWithoutTls(const TestSmtpSink &sink, const QString &verb)
    {
        for (const auto &command : sink.commands()) {
            if (command.verb == verb && !command.encrypted)
                return true;
        }
        return false;
    }

    static bool seen(const TestSmtpSink &sink, const QString &verb)
    {
        for (const auto &command : sink.commands()) {
            if (command.verb == verb)
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        m_pki = TestCertificates::generate(&error);
        QVERIFY2(m_pki, qPrintable(error));
        m_caFile = m_dir.filePath(QStringLiteral("relay-ca.pem"));
        QFile file(m_caFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_pki->caPem);
    }

    // R-6.2.3b: the notice reaches the relay over STARTTLS; credentials and the envelope only ever
    // travel after the handshake.
    void startTlsDeliveryWithAuthReachesTheRelay()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
        const auto sent = client.send(message());
        QVERIFY2(sent.ok(), why(sent).constData());
        QVERIFY(client.tlsProtocol().startsWith(u"TLSv1."));
        client.close();

        QCOMPARE(sink->messages().size(), 1);
        const auto &received = sink->messages().constFirst();
        QVERIFY(received.encrypted);
        QCOMPARE(received.authUser, kUser);
        QCOMPARE(received.mailFrom, kFrom);
        QCOMPARE(received.recipients, QStringList{kTo});
        QCOMPARE(sink->successfulLogins(), 1);
        QVERIFY(anySeenWithoutTls(*sink, QStringLiteral("STARTTLS")));
        QVERIFY(!anySeenWithoutTls(*sink, QStringLiteral("AUTH")));
        QVERIFY(!anySeenWithoutTls(*sink, QStringLiteral("MAIL")));
        QVERIFY(!anySeenWithoutTls(*sink, QStringLiteral("RCPT")));
        QVERIFY(seen(*sink, QStringLiteral("QUIT")));
    }

    // R-6.2.3b
    void implicitTlsDeliveryWorks()
    {
        auto sink = startSink(TestSmtpSink::Tls::Implicit, m_pki->localhost);
        QVERIFY(sink);
        SmtpClient client(settingsFor(sink->port(), MailSecurity::ImplicitTls));
        const auto sent = client.send(message());
        QVERIFY2(sent.ok(), why(sent).constData());
        QCOMPARE(sink->messages().size(), 1);
        QVERIFY(sink->messages().constFirst().encrypted);
        QVERIFY(!seen(*sink, QStringLiteral("STARTTLS")));
        for (const auto &command : sink->commands())
            QVERIFY2(command.encrypted, qPrintable(command.verb));
    }

    void relayWithoutAuthNeedsNoCredentials()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        sink->setCredentials({}, {});
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls, false));
        const auto sent = client.send(message());
        QVERIFY2(sent.ok(), why(sent).constData());
        QVERIFY(!seen(*sink, QStringLiteral("AUTH")));
        QCOMPARE(sink->messages().size(), 1);
    }

    void authLoginIsUsedWhenPlainIsNotOffered()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        sink->setAuthMechanisms(QStringLiteral("LOGIN CRAM-MD5"));
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
        const auto sent = client.send(message());
        QVERIFY2(sent.ok(), why(sent).constData());
        QCOMPARE(sink->successfulLogins(), 1);
        QCOMPARE(sink->messages().constFirst().authUser, kUser);
    }

    // R-6.2.3b: Chinese subjects and bodies arrive intact; lines starting with '.' do not end the
    // message early.
    void dotStuffingAndUtf8SubjectRoundTrip()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
        const QString subject =
            QStringLiteral("[MDP] 新的审核任务：乳腺癌随访表单 breast-followup（P-7Q2K-XW9D）— "
                           "Überprüfung erforderlich, bitte bald öffnen ✓");
        const QString body = QStringLiteral("第一行：请打开 MDP 进行审核。\n"
                                            ".\n"
                                            ".hidden line\n"
                                            "..two dots\n"
                                            "a = sign and a trailing blank \n"
                                            "%1\n"
                                            "end")
                                 .arg(QString(60, QChar(0x7ed3)) + QStringLiteral(" and more ascii text"));
        const auto sent = client.send(message(subject, body));
        QVERIFY2(sent.ok(), why(sent).constData());
        QCOMPARE(sink->messages().size(), 1);
        const QByteArray data = sink->messages().constFirst().data;

        QCOMPARE(TestSmtpSink::decodedSubject(data), subject);
        QString decoded = TestSmtpSink::decodedBody(data);
        decoded.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        QCOMPARE(decoded, body + u'\n');
        // What travels is 7-bit with short lines.
        for (const QByteArray &line : data.split('\n')) {
            QVERIFY2(line.size() <= 78 + 1, line.constData());
            for (const char c : line)
                QVERIFY(static_cast<unsigned char>(c) < 0x80);
        }
        // After the message the session still speaks SMTP: the dotted lines were data, not commands.
        QVERIFY(!seen(*sink, QStringLiteral(".HIDDEN")));
        QVERIFY(!seen(*sink, QStringLiteral("..TWO")));
    }

    void rawMessageLinesStartingWithDotsArriveUnchanged()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
        const QByteArray raw = "Subject: dots\r\n\r\n.\r\n..\r\n.x\nlast";
        const auto sent = client.sendRaw(kFrom, {kTo}, raw);
        QVERIFY2(sent.ok(), why(sent).constData());
        QCOMPARE(sink->messages().size(), 1);
        QCOMPARE(sink->messages().constFirst().data,
                 QByteArray("Subject: dots\r\n\r\n.\r\n..\r\n.x\r\nlast\r\n"));
    }

    // R-6.2.3b: no plaintext fallback.
    void serverWithoutStartTlsIsRefused()
    {
        auto sink = startSink(TestSmtpSink::Tls::None, m_pki->localhost);
        QVERIFY(sink);
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
        const auto sent = client.send(message());
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::Unsupported);
        QVERIFY2(sent.error().message.contains(u"STARTTLS"), qPrintable(sent.error().message));
        QVERIFY(!seen(*sink, QStringLiteral("AUTH")));
        QVERIFY(!seen(*sink, QStringLiteral("MAIL")));
        QVERIFY(sink->messages().isEmpty());
        QVERIFY(!client.isOpen());
    }

    void dataInjectedBeforeTheHandshakeIsRefused()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        sink->setInjectAfterStartTls(true);
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
        const auto sent = client.send(message());
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::Crypto);
        QVERIFY(!seen(*sink, QStringLiteral("AUTH")));
        QVERIFY(sink->messages().isEmpty());
    }

    void untrustedCertificateIsRefused_data()
    {
        QTest::addColumn<bool>("implicitTls");
        QTest::newRow("starttls") << false;
        QTest::newRow("implicit") << true;
    }

    void untrustedCertificateIsRefused()
    {
        QFETCH(bool, implicitTls);
        const auto tls = implicitTls ? TestSmtpSink::Tls::Implicit : TestSmtpSink::Tls::StartTls;
        const auto security = implicitTls ? MailSecurity::ImplicitTls : MailSecurity::StartTls;
        auto sink = startSink(tls, m_pki->untrusted);
        QVERIFY(sink);
        SmtpClient client(settingsFor(sink->port(), security));
        const auto sent = client.send(message());
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::Crypto);
        QVERIFY2(sent.error().message.contains(u"TLS"), qPrintable(sent.error().message));
        QVERIFY(!seen(*sink, QStringLiteral("AUTH")));
        QVERIFY(sink->messages().isEmpty());
    }

    // A relay with a private CA is trusted only through the configured CA file.
    void privateCaRelayIsRefusedWithoutTheCaFile()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        MailSettings settings = settingsFor(sink->port(), MailSecurity::StartTls);
        settings.caCertificate.clear();
        SmtpClient client(settings);
        const auto sent = client.send(message());
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::Crypto);
        QVERIFY(sink->messages().isEmpty());
    }

    void wrongHostNameIsRefused()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->wrongName);
        QVERIFY(sink);
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
        const auto sent = client.send(message());
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::Crypto);
        QVERIFY2(sent.error().message.contains(u"host name", Qt::CaseInsensitive),
                 qPrintable(sent.error().message));
        QVERIFY(!seen(*sink, QStringLiteral("AUTH")));
        QVERIFY(sink->messages().isEmpty());
    }

    void ipAddressOfTheRelayIsVerifiedToo()
    {
        auto sink = startSink(TestSmtpSink::Tls::Implicit, m_pki->localhost);
        QVERIFY(sink);
        MailSettings settings = settingsFor(sink->port(), MailSecurity::ImplicitTls);
        settings.host = QStringLiteral("127.0.0.1");
        SmtpClient client(settings);
        const auto sent = client.send(message());
        QVERIFY2(sent.ok(), why(sent).constData());

        auto other = startSink(TestSmtpSink::Tls::Implicit, m_pki->wrongName);
        QVERIFY(other);
        settings.port = other->port();
        SmtpClient refused(std::move(settings));
        QVERIFY(!refused.send(message()).ok());
        QVERIFY(other->messages().isEmpty());
    }

    void rejectedAuthIsReported()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        sink->setRejectAuth(true);
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
        const auto sent = client.send(message());
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::Unauthenticated);
        QVERIFY2(sent.error().message.contains(u"AUTH") && sent.error().message.contains(u"535"),
                 qPrintable(sent.error().message));
        QVERIFY(!seen(*sink, QStringLiteral("MAIL")));
        QVERIFY(sink->messages().isEmpty());
    }

    void relayOfferingNoUsableAuthMechanismIsReported()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        sink->setAuthMechanisms(QStringLiteral("CRAM-MD5"));
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
        const auto sent = client.send(message());
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::Unsupported);
        QVERIFY(sink->messages().isEmpty());
    }

    // The refusal names the step and the code, not the address; the session survives it.
    void rejectedRecipientIsReportedWithoutTheAddress()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        const QString unknown = QStringLiteral("wang.wu@hospital.example");
        sink->rejectRecipient(unknown);
        SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
        MailMessage refusedMessage = message();
        refusedMessage.to = {unknown};
        const auto sent = client.send(refusedMessage);
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::InvalidArgument);
        const QString text = sent.error().message;
        QVERIFY2(text.contains(u"RCPT TO") && text.contains(u"550"), qPrintable(text));
        QVERIFY2(!text.contains(unknown) && !text.contains(u"wang.wu"), qPrintable(text));
        QVERIFY(sink->messages().isEmpty());

        QVERIFY(client.isOpen());
        const auto next = client.send(message());
        QVERIFY2(next.ok(), why(next).constData());
        QCOMPARE(sink->messages().size(), 1);
        QCOMPARE(sink->connections(), 1);
        QVERIFY(seen(*sink, QStringLiteral("RSET")));
    }

    void connectionRefusedIsReported()
    {
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        MailSettings settings = settingsFor(closedPort, MailSecurity::StartTls);
        settings.host = QStringLiteral("127.0.0.1");
        SmtpClient client(settings);
        const auto sent = client.send(message());
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::Io);
        QVERIFY2(sent.error().message.contains(u"refused"), qPrintable(sent.error().message));
    }

    // A relay that accepts and never answers fails after the configured time, not never.
    void silentServerTimesOut()
    {
        auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
        QVERIFY(sink);
        sink->setSilent(true);
        MailSettings settings = settingsFor(sink->port(), MailSecurity::StartTls);
        settings.replyTimeoutMs = 300;
        SmtpClient client(settings);
        QElapsedTimer elapsed;
        elapsed.start();
        const auto sent = client.send(message());
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::Io);
        QVERIFY2(sent.error().message.contains(u"timed out") && sent.error().message.contains(u"greeting"),
                 qPrintable(sent.error().message));
        QVERIFY(elapsed.elapsed() >= 250);
        QVERIFY(elapsed.elapsed() < 5000);
        QCOMPARE(sink->connections(), 1);
    }

    void silentImplicitTlsServerTimesOutInTheHandshake()
    {
        auto sink = startSink(TestSmtpSink::Tls::Implicit, m_pki->localhost);
        QVERIFY(sink);
        sink->setSilent(true);
        MailSettings settings = settingsFor(sink->port(), MailSecurity::ImplicitTls);
        settings.connectTimeoutMs = 300;
        SmtpClient client(settings);
        const auto sent = client.send(message());
        QVERIFY(!sent.ok());
        QVERIFY2(sent.error().message.contains(u"timed out"), qPrintable(sent.error().message));
    }

    // Neither the password nor a recipient address reaches the log, even at debug level.
    void passwordAndRecipientNeverReachTheLog()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("mdp.mail.debug=true"));
        capturedLog.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
        {
            auto sink = startSink(TestSmtpSink::Tls::StartTls, m_pki->localhost);
            sink->rejectRecipient(QStringLiteral("zhao.liu@hospital.example"));
            SmtpClient client(settingsFor(sink->port(), MailSecurity::StartTls));
            (void)client.send(message());
            MailMessage refused = message();
            refused.to = {QStringLiteral("zhao.liu@hospital.example")};
            (void)client.send(refused);
            client.close();
            sink->setRejectAuth(true);
            SmtpClient rejected(settingsFor(sink->port(), MailSecurity::StartTls));
            (void)rejected.send(message());
        }
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(capturedLog.size() > 3);
        const QString all = capturedLog.join(u'\n');
        QVERIFY(!all.contains(QString::fromUtf8(kPassword)));
        QVERIFY(!all.contains(QString::fromLatin1(
            QByteArray(QByteArray("\0", 1) + kUser.toUtf8() + '\0' + kPassword).toBase64())));
        QVERIFY(!all.contains(kTo));
        QVERIFY(!all.contains(u"zhao.liu"));
    }

    void invalidSettingsAreRefusedBeforeConnecting()
    {
        MailSettings settings = settingsFor(25, MailSecurity::StartTls);
        settings.fromAddress = QStringLiteral("mdp@hospital.example>\r\nRCPT TO:<x@y.z");
        SmtpClient client(settings);
        const auto sent = client.open();
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().code, Error::Code::InvalidArgument);

        SmtpClient good(settingsFor(25, MailSecurity::StartTls));
        MailMessage injected = message();
        injected.to = {QStringLiteral("a@b.example>\r\nDATA")};
        QCOMPARE(good.send(injected).error().code, Error::Code::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(tst_SmtpClient)
#include "tst_SmtpClient.moc"
