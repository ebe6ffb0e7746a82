// The only translation unit of the server that includes Boost.Beast/Asio (they are slow to compile).
#include "mdp/server/HttpsServer.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <array>
#include <atomic>
#include <chrono>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace mdp::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = net::ip::tcp;

namespace {

PeerIdentity identityOf(X509 *certificate)
{
    PeerIdentity peer;
    if (!certificate)
        return peer;
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(certificate, EVP_sha256(), digest, &length) == 1)
        peer.fingerprint = QByteArray(reinterpret_cast<const char *>(digest), int(length));
    char name[256] = {};
    if (X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_commonName, name, sizeof name) > 0)
        peer.commonName = QString::fromUtf8(name);
    if (BIGNUM *serial = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr)) {
        if (char *hex = BN_bn2hex(serial)) {
            peer.serialHex = QString::fromLatin1(hex).toLower();
            while (peer.serialHex.size() > 1 && peer.serialHex.startsWith(QLatin1Char('0')))
                peer.serialHex.remove(0, 1);
            OPENSSL_free(hex);
        }
        BN_free(serial);
    }
    struct tm end = {};
    if (ASN1_TIME_to_tm(X509_get0_notAfter(certificate), &end) == 1)
        peer.notAfter = QDateTime(QDate(end.tm_year + 1900, end.tm_mon + 1, end.tm_mday),
                                  QTime(end.tm_hour, end.tm_min, end.tm_sec), Qt::UTC);
    const uint32_t extended = X509_get_extended_key_usage(certificate);
    peer.workstationProfile = (extended & XKU_SSL_CLIENT) && !(extended & XKU_SMIME);
    const int derLength = i2d_X509(certificate, nullptr);
    if (derLength > 0) {
        peer.certificateDer.resize(derLength);
        auto *out = reinterpret_cast<unsigned char *>(peer.certificateDer.data());
        i2d_X509(certificate, &out);
    }
    return peer;
}

struct Context
{
    ssl::context ssl{ssl::context::tls_server};
    QDateTime crlModified;
    qint64 crlSize = -1;
    QSet<QString> revoked; // serials in the CRL (lower-case hex, no leading zeros): checked per request too
};

Result<std::shared_ptr<Context>> makeContext(const TlsServerOptions &options)
{
    auto context = std::make_shared<Context>();
    SSL_CTX *native = context->ssl.native_handle();
    // TLS 1.3 only: older versions are refused in the handshake.
    SSL_CTX_set_min_proto_version(native, TLS1_3_VERSION);
    SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_TICKET | SSL_OP_CIPHER_SERVER_PREFERENCE);
    boost::system::error_code ec;
    context->ssl.use_certificate_chain(
        net::buffer(options.certificatePem.constData(), options.certificatePem.size()), ec);
    if (ec)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("server certificate: %1").arg(QString::fromStdString(ec.message())));
    context->ssl.use_private_key(net::buffer(options.privateKeyPem.constData(), options.privateKeyPem.size()),
                                 ssl::context::pem, ec);
    if (ec)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("server key: %1").arg(QString::fromStdString(ec.message())));
    if (SSL_CTX_check_private_key(native) != 1)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("the server key does not match its certificate"));
    context->ssl.add_certificate_authority(net::buffer(options.caPem.constData(), options.caPem.size()), ec);
    if (ec)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("CA certificate: %1").arg(QString::fromStdString(ec.message())));
    // Tell clients which CA we accept (so a client holding several certificates picks the right one).
    if (BIO *bio = BIO_new_mem_buf(options.caPem.constData(), int(options.caPem.size()))) {
        if (STACK_OF(X509_NAME) *names = sk_X509_NAME_new_null()) {
            while (X509 *ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) {
                sk_X509_NAME_push(names, X509_NAME_dup(X509_get_subject_name(ca)));
                X509_free(ca);
            }
            SSL_CTX_set_client_CA_list(native, names);
        }
        BIO_free(bio);
        ERR_clear_error();
    }
    context->ssl.set_verify_mode(ssl::verify_peer | ssl::verify_fail_if_no_peer_cert);
    // Client certificates must be made for clients (extendedKeyUsage clientAuth): a server's
    // certificate, or a CA's, does not sign a workstation in.
    SSL_CTX_set_purpose(native, X509_PURPOSE_SSL_CLIENT);
    SSL_CTX_set_verify_depth(native, 4);

    if (!options.crlFile.isEmpty()) {
        const QFileInfo info(options.crlFile);
        QFile file(options.crlFile);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(Error::Code::NotFound,
                             QStringLiteral("revocation list %1 cannot be read").arg(options.crlFile));
        const QByteArray pem = file.readAll();
        BIO *bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
        X509_CRL *crl = bio ? PEM_read_bio_X509_CRL(bio, nullptr, nullptr, nullptr) : nullptr;
        BIO_free(bio);
        if (!crl)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("revocation list %1 is not a PEM CRL").arg(options.crlFile));
        if (STACK_OF(X509_REVOKED) *entries = X509_CRL_get_REVOKED(crl)) {
            for (int i = 0; i < sk_X509_REVOKED_num(entries); ++i) {
                const ASN1_INTEGER *serial =
                    X509_REVOKED_get0_serialNumber(sk_X509_REVOKED_value(entries, i));
                if (BIGNUM *number = ASN1_INTEGER_to_BN(serial, nullptr)) {
                    if (char *hex = BN_bn2hex(number)) {
                        QString text = QString::fromLatin1(hex).toLower();
                        while (text.size() > 1 && text.startsWith(QLatin1Char('0')))
                            text.remove(0, 1);
                        context->revoked.insert(text);
                        OPENSSL_free(hex);
                    }
                    BN_free(number);
                }
            }
        }
        X509_STORE *store = SSL_CTX_get_cert_store(native);
        X509_STORE_add_crl(store, crl);
        X509_CRL_free(crl);
        X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK);
        context->crlModified = info.lastModified();
        context->crlSize = info.size();
    }
    return context;
}

} // namespace

struct HttpsServer::Impl : std::enable_shared_from_this<HttpsServer::Impl>
{
    TlsServerOptions options;
    RequestHandler handler;
    SourceFilter allowSource;
    RefusalSink refused;
    // One event loop per thread, each connection on one of them for its life: a request is read,
    // answered and written on one thread, with no hand-over (and no lock) between threads.
    std::vector<std::unique_ptr<net::io_context>> loops;
    std::unique_ptr<std::atomic<int>[]> loopConnections; // open connections per loop
    net::io_context &io;
    tcp::acceptor acceptor{io};
    std::vector<std::thread> threads;
    std::mutex contextMutex;
    std::shared_ptr<Context> context;
    std::atomic<bool> stopping{false};
    std::atomic<qint64> connections{0};
    std::atomic<qint64> handshakes{0};
    std::atomic<qint64> busy{0}; // requests being answered
    std::mutex sessionsMutex;
    std::list<std::function<void()>> closers; // one per open connection: closes it when idle
    quint16 boundPort = 0;
    bool stopped = false;

    explicit Impl(TlsServerOptions o)
        : options(std::move(o))
        , loops(makeLoops(std::max(1, options.threads)))
        , loopConnections(new std::atomic<int>[loops.size()]())
        , io(*loops.front())
    {}

    static std::vector<std::unique_ptr<net::io_context>> makeLoops(int count)
    {
        std::vector<std::unique_ptr<net::io_context>> made;
        for (int i = 0; i < count; ++i)
            made.push_back(std::make_unique<net::io_context>(1));
        return made;
    }

    // The loop with the fewest open connections, so two busy clients never share one thread while
    // another idles.
    net::io_context &loopForNextConnection()
    {
        std::size_t best = 0;
        for (std::size_t i = 1; i < loops.size(); ++i) {
            if (loopConnections[i] < loopConnections[best])
                best = i;
        }
        return *loops[best];
    }

    // Counts a connection in (+1) or out (-1) of the loop that runs it.
    void countOnLoop(const net::execution_context &context, int delta)
    {
        for (std::size_t i = 0; i < loops.size(); ++i) {
            if (loops[i].get() == &context)
                loopConnections[i] += delta;
        }
    }

    std::shared_ptr<Context> currentContext()
    {
        std::lock_guard lock(contextMutex);
        if (!options.crlFile.isEmpty()) {
            const QFileInfo info(options.crlFile);
            if (info.lastModified() != context->crlModified || info.size() != context->crlSize) {
                auto fresh = makeContext(options);
                if (fresh)
                    context = *fresh;
                else if (refused)
                    refused(QString(),
                            QStringLiteral("revocation list not reloaded: %1").arg(fresh.error().message));
            }
        }
        return context;
    }

    void refuse(const QString &address, const QString &reason)
    {
        if (refused)
            refused(address, reason);
    }

    void accept();
};

namespace {

class Session : public std::enable_shared_from_this<Session>
{
public:
    Session(tcp::socket &&socket, std::shared_ptr<Context> context, std::shared_ptr<HttpsServer::Impl> server,
            QString address)
        : m_context(std::move(context))
        , m_stream(std::move(socket), m_context->ssl)
        , m_server(std::move(server))
        , m_address(std::move(address))
    {}

    void run()
    {
        ++m_server->connections;
        m_server->countOnLoop(m_stream.get_executor().context(), +1);
        {
            std::lock_guard lock(m_server->sessionsMutex);
            std::weak_ptr<Session> weak = shared_from_this();
            m_closer = m_server->closers.insert(m_server->closers.end(), [weak] {
                if (auto self = weak.lock())
                    net::post(self->m_stream.get_executor(), [self] { self->closeIfIdle(); });
            });
        }
        net::dispatch(m_stream.get_executor(), [self = shared_from_this()] { self->handshake(); });
    }

    ~Session()
    {
        --m_server->connections;
        m_server->countOnLoop(m_stream.get_executor().context(), -1);
        std::lock_guard lock(m_server->sessionsMutex);
        if (m_closer)
            m_server->closers.erase(*m_closer);
    }

private:
    void handshake()
    {
        beast::get_lowest_layer(m_stream).expires_after(
            std::chrono::seconds(m_server->options.handshakeSeconds));
        m_stream.async_handshake(ssl::stream_base::server, [self = shared_from_this()](beast::error_code ec) {
            self->onHandshake(ec);
        });
    }

    void onHandshake(beast::error_code ec)
    {
        if (ec) {
            QString reason = QString::fromStdString(ec.message());
            const long verify = SSL_get_verify_result(m_stream.native_handle());
            if (verify != X509_V_OK)
                reason = QString::fromLatin1(X509_verify_cert_error_string(verify));
            m_server->refuse(m_address, QStringLiteral("handshake: %1").arg(reason));
            ERR_clear_error();
            return; // the socket closes with the session
        }
        ++m_server->handshakes;
        m_peer = identityOf(SSL_get0_peer_certificate(m_stream.native_handle()));
        read();
    }

    void read()
    {
        if (m_server->stopping) {
            close();
            return;
        }
        m_parser.emplace();
        m_parser->body_limit(std::uint64_t(m_server->options.maxBodyBytes));
        m_parser->header_limit(std::uint32_t(m_server->options.maxHeaderBytes));
        m_idle = true;
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(m_server->options.idleSeconds));
        http::async_read(
            m_stream, m_buffer, *m_parser,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    void onRead(beast::error_code ec)
    {
        m_idle = false;
        if (ec == http::error::body_limit || ec == http::error::header_limit) {
            Response response =
                problem(ec == http::error::body_limit ? 413 : 431,
                        ec == http::error::body_limit ? QStringLiteral("Request body too large")
                                                      : QStringLiteral("Request headers too large"));
            m_server->refuse(m_address,
                             QStringLiteral("request: %1").arg(QString::fromStdString(ec.message())));
            m_lingering = true;
            write(response, false);
            return;
        }
        if (ec) {
            if (ec != http::error::end_of_stream && ec != net::error::operation_aborted &&
                ec != beast::error::timeout)
                m_server->refuse(m_address,
                                 QStringLiteral("request: %1").arg(QString::fromStdString(ec.message())));
            close();
            return;
        }
        const auto &message = m_parser->get();
        Request request;
        request.method = QByteArray::fromStdString(std::string(message.method_string()));
        request.target = QString::fromUtf8(message.target().data(), qsizetype(message.target().size()));
        for (const auto &field : message)
            request.headers.append(
                {QByteArray(field.name_string().data(), qsizetype(field.name_string().size())).toLower(),
                 QByteArray(field.value().data(), qsizetype(field.value().size()))});
        request.body = QByteArray::fromStdString(message.body());
        request.sourceAddress = m_address;
        request.peer = m_peer;
        const bool keepAlive = message.keep_alive();
        // A connection outlives its handshake: the certificate is checked again on every request
        // against the current revocation list and its own end, so neither a revocation nor an expiry
        // waits for the next handshake.
        const auto context = m_server->currentContext();
        if (context->revoked.contains(m_peer.serialHex) ||
            (m_peer.notAfter.isValid() && m_peer.notAfter < QDateTime::currentDateTimeUtc())) {
            const bool revoked = context->revoked.contains(m_peer.serialHex);
            m_server->refuse(m_address, revoked ? QStringLiteral("request: certificate revoked")
                                                : QStringLiteral("request: certificate expired"));
            write(problem(403, revoked ? QStringLiteral("Certificate revoked")
                                       : QStringLiteral("Certificate expired")),
                  false);
            return;
        }
        ++m_server->busy;
        Response response = m_server->handler(request);
        --m_server->busy;
        write(response, keepAlive && !m_server->stopping);
    }

    void write(const Response &response, bool keepAlive)
    {
        auto message =
            std::make_shared<http::response<http::string_body>>(http::status(unsigned(response.status)), 11);
        message->set(http::field::server, "mdp-grantd");
        message->set(http::field::content_type,
                     std::string(response.contentType.constData(), size_t(response.contentType.size())));
        message->set(http::field::cache_control, "no-store");
        message->set("Strict-Transport-Security", "max-age=31536000");
        message->set("X-Content-Type-Options", "nosniff");
        for (const auto &[name, value] : response.headers)
            message->set(std::string(name.constData(), size_t(name.size())),
                         std::string(value.constData(), size_t(value.size())));
        message->body() = std::string(response.body.constData(), size_t(response.body.size()));
        message->keep_alive(keepAlive);
        message->prepare_payload();
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(m_server->options.idleSeconds));
        http::async_write(m_stream, *message,
                          [self = shared_from_this(), message, keepAlive](beast::error_code ec, std::size_t) {
                              if (!ec && self->m_lingering)
                                  self->linger();
                              else if (ec || !keepAlive)
                                  self->close();
                              else
                                  self->read();
                          });
    }

    void closeIfIdle()
    {
        if (m_idle)
            beast::get_lowest_layer(m_stream).cancel();
    }

    // After refusing a body too large, the client may still be sending it: closing at once would
    // answer its bytes with a reset, which can destroy our 413 before it reads it. What it sends is
    // read and dropped for a moment (at most 2 s or 4 MiB; nginx's lingering close), then closed.
    void linger()
    {
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(2));
        m_stream.async_read_some(net::buffer(m_drain),
                                 [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                                     self->m_drained += n;
                                     if (ec || self->m_drained > (4u << 20))
                                         self->close();
                                     else
                                         self->linger();
                                 });
    }

    void close()
    {
        if (m_closing)
            return;
        m_closing = true;
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(2));
        m_stream.async_shutdown([self = shared_from_this()](beast::error_code) {
            beast::error_code ignored;
            beast::get_lowest_layer(self->m_stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
        });
    }

    std::shared_ptr<Context> m_context;
    beast::ssl_stream<beast::tcp_stream> m_stream;
    std::shared_ptr<HttpsServer::Impl> m_server;
    QString m_address;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    PeerIdentity m_peer;
    bool m_idle = false;
    bool m_closing = false;
    bool m_lingering = false;
    std::size_t m_drained = 0;
    std::array<char, 16384> m_drain{};
    std::optional<std::list<std::function<void()>>::iterator> m_closer;
};

} // namespace

void HttpsServer::Impl::accept()
{
    acceptor.async_accept(
        loopForNextConnection(), [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
            if (ec) {
                if (ec == net::error::operation_aborted || self->stopping)
                    return;
                // Out of descriptors or another accept error: wait a moment rather than spin.
                auto timer = std::make_shared<net::steady_timer>(self->io, std::chrono::milliseconds(100));
                timer->async_wait([self, timer](beast::error_code) {
                    if (!self->stopping)
                        self->accept();
                });
                return;
            }
            beast::error_code peerError;
            const auto remote = socket.remote_endpoint(peerError);
            QString address;
            if (!peerError) {
                auto ip = remote.address();
                if (ip.is_v6() && ip.to_v6().is_v4_mapped())
                    ip = net::ip::make_address_v4(net::ip::v4_mapped, ip.to_v6());
                address = QString::fromStdString(ip.to_string());
            }
            if (!peerError && self->connections >= self->options.maxConnections) {
                self->refuse(address, QStringLiteral("too many connections"));
                beast::error_code ignored;
                socket.close(ignored);
            } else if (peerError || (self->allowSource && !self->allowSource(address))) {
                self->refuse(address, QStringLiteral("source not allowed"));
                beast::error_code ignored;
                socket.close(ignored);
            } else {
                beast::error_code ignored; // Nagle would hold a reply behind a delayed ACK (40 ms)
                socket.set_option(tcp::no_delay(true), ignored);
                std::make_shared<Session>(std::move(socket), self->currentContext(), self, address)->run();
            }
            if (!self->stopping)
                self->accept();
        });
}

HttpsServer::HttpsServer() = default;

HttpsServer::~HttpsServer()
{
    stop(0);
}

Result<std::unique_ptr<HttpsServer>> HttpsServer::start(TlsServerOptions options, RequestHandler handler,
                                                        SourceFilter allowSource, RefusalSink refused)
{
    auto context = makeContext(options);
    if (!context)
        return context.error();
    std::unique_ptr<HttpsServer> server(new HttpsServer);
    server->d = std::make_shared<Impl>(std::move(options));
    Impl &impl = *server->d;
    impl.context = *context;
    impl.handler = std::move(handler);
    impl.allowSource = std::move(allowSource);
    impl.refused = std::move(refused);

    beast::error_code ec;
    const auto address = net::ip::make_address(impl.options.address.toStdString(), ec);
    if (ec)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("listen address %1: %2")
                             .arg(impl.options.address, QString::fromStdString(ec.message())));
    const tcp::endpoint endpoint(address, impl.options.port);
    impl.acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        impl.acceptor.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec)
        impl.acceptor.bind(endpoint, ec);
    if (!ec)
        impl.acceptor.listen(net::socket_base::max_listen_connections, ec);
    if (ec)
        return makeError(Error::Code::Io, QStringLiteral("cannot listen on %1:%2: %3")
                                              .arg(impl.options.address)
                                              .arg(impl.options.port)
                                              .arg(QString::fromStdString(ec.message())));
    impl.boundPort = impl.acceptor.local_endpoint().port();
    impl.accept();
    for (const auto &loop : impl.loops)
        impl.threads.emplace_back([io = loop.get()] {
            auto busy = net::make_work_guard(*io); // a loop without connections yet waits for one
            io->run();
        });
    return server;
}

quint16 HttpsServer::port() const
{
    return d->boundPort;
}

qint64 HttpsServer::openConnections() const
{
    return d->connections;
}

qint64 HttpsServer::handshakesCompleted() const
{
    return d->handshakes;
}

void HttpsServer::stop(int graceMs)
{
    if (!d || d->stopped)
        return;
    d->stopped = true;
    d->stopping = true;
    net::post(d->acceptor.get_executor(), [impl = d] {
        beast::error_code ignored;
        impl->acceptor.close(ignored);
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(graceMs);
    // Idle connections close now; those answering a request close after their response.
    do {
        // Called outside the lock: a closer may hold the last reference to its session (the posted
        // close ran meanwhile), and ~Session takes the lock to remove its closer.
        std::vector<std::function<void()>> closers;
        {
            std::lock_guard lock(d->sessionsMutex);
            closers.assign(d->closers.begin(), d->closers.end());
        }
        for (const auto &close : closers)
            close();
        if (d->connections == 0)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    } while (std::chrono::steady_clock::now() < deadline);
    for (const auto &loop : d->loops)
        loop->stop();
    for (auto &thread : d->threads)
        thread.join();
    d->threads.clear();
}

} // namespace mdp::server
