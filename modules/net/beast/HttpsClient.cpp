// The only translation unit of the client that includes Boost.Beast/Asio.
#include "mdp/net/HttpsClient.h"

#include <QJsonDocument>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <chrono>
#include <optional>

namespace mdp::net {

namespace beast = boost::beast;
namespace http = beast::http;
namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;

QByteArray HttpResult::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResult::problemDetail() const
{
    const QJsonObject object = json();
    const QString title = object.value(QLatin1String("title")).toString();
    const QString detail = object.value(QLatin1String("detail")).toString();
    if (title.isEmpty())
        return QStringLiteral("HTTP %1").arg(status);
    return detail.isEmpty() ? title : title + QStringLiteral(": ") + detail;
}

struct HttpsClient::Impl
{
    TlsClientOptions options;
    asio::io_context io;
    ssl::context context{ssl::context::tls_client};
    std::optional<beast::ssl_stream<beast::tcp_stream>> stream;
    beast::flat_buffer buffer;
    QByteArray thumbprint;
    qint64 sent = 0;
    qint64 received = 0;
    qint64 handshakes = 0;

    // Runs the queued asynchronous operations to completion under the timeout.
    void run()
    {
        io.restart();
        io.run();
    }

    Result<void> open()
    {
        stream.reset();
        buffer.clear();
        stream.emplace(io, context);
        if (!SSL_set_tlsext_host_name(stream->native_handle(), options.serverName.toUtf8().constData()))
            return makeError(Error::Code::Crypto, QStringLiteral("cannot set the server name"));
        SSL_set1_host(stream->native_handle(), options.serverName.toUtf8().constData());
        beast::error_code ec;
        tcp::resolver resolver(io);
        const auto endpoints = resolver.resolve(options.host.toStdString(), std::to_string(options.port), ec);
        if (ec)
            return makeError(Error::Code::Io, QStringLiteral("cannot resolve %1: %2")
                                                  .arg(options.host, QString::fromStdString(ec.message())));
        auto &lowest = beast::get_lowest_layer(*stream);
        lowest.expires_after(std::chrono::milliseconds(options.timeoutMs));
        lowest.async_connect(endpoints, [&](beast::error_code e, const tcp::endpoint &) { ec = e; });
        run();
        if (ec)
            return makeError(Error::Code::Io, QStringLiteral("the server at %1:%2 cannot be reached: %3")
                                                  .arg(options.host)
                                                  .arg(options.port)
                                                  .arg(QString::fromStdString(ec.message())));
        lowest.socket().set_option(tcp::no_delay(true), ec);
        lowest.expires_after(std::chrono::milliseconds(options.timeoutMs));
        stream->async_handshake(ssl::stream_base::client, [&](beast::error_code e) { ec = e; });
        run();
        if (ec) {
            const long verify = SSL_get_verify_result(stream->native_handle());
            QString reason = QString::fromStdString(ec.message());
            if (verify != X509_V_OK)
                reason = QStringLiteral("the server's certificate is not the site's: %1")
                             .arg(QString::fromLatin1(X509_verify_cert_error_string(verify)));
            ERR_clear_error();
            stream.reset();
            // No answer at all (a server gone or hanging) is the network's failure, not a refusal:
            // sign-in then falls back to the offline rules instead of refusing.
            if (verify == X509_V_OK &&
                (ec == beast::error::timeout || ec == asio::error::eof ||
                 ec == asio::error::connection_reset || ec == ssl::error::stream_truncated))
                return makeError(Error::Code::Io, QStringLiteral("the server at %1:%2 did not answer: %3")
                                                      .arg(options.host)
                                                      .arg(options.port)
                                                      .arg(reason));
            return makeError(Error::Code::PermissionDenied,
                             QStringLiteral("TLS handshake refused: %1").arg(reason));
        }
        ++handshakes;
        return {};
    }
};

HttpsClient::HttpsClient()
    : d(std::make_unique<Impl>())
{}

HttpsClient::~HttpsClient()
{
    close();
}

Result<std::unique_ptr<HttpsClient>> HttpsClient::create(const TlsClientOptions &options)
{
    std::unique_ptr<HttpsClient> client(new HttpsClient);
    Impl &impl = *client->d;
    impl.options = options;
    SSL_CTX *native = impl.context.native_handle();
    SSL_CTX_set_min_proto_version(native, TLS1_3_VERSION);
    SSL_CTX_set_options(native, SSL_OP_NO_TICKET);
    beast::error_code ec;
    impl.context.add_certificate_authority(
        asio::buffer(options.caPem.constData(), size_t(options.caPem.size())), ec);
    if (ec)
        return makeError(Error::Code::InvalidArgument,
                         QStringLiteral("CA certificate: %1").arg(QString::fromStdString(ec.message())));
    impl.context.set_verify_mode(ssl::verify_peer);
    if (!options.certificatePem.isEmpty()) {
        impl.context.use_certificate_chain(
            asio::buffer(options.certificatePem.constData(), size_t(options.certificatePem.size())), ec);
        if (ec)
            return makeError(
                Error::Code::InvalidArgument,
                QStringLiteral("client certificate: %1").arg(QString::fromStdString(ec.message())));
        impl.context.use_private_key(
            asio::buffer(options.privateKeyPem.constData(), size_t(options.privateKeyPem.size())),
            ssl::context::pem, ec);
        if (ec)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("client key: %1").arg(QString::fromStdString(ec.message())));
        if (SSL_CTX_check_private_key(native) != 1)
            return makeError(Error::Code::InvalidArgument,
                             QStringLiteral("the client key does not match its certificate"));
        if (X509 *own = SSL_CTX_get0_certificate(native)) {
            unsigned char digest[EVP_MAX_MD_SIZE];
            unsigned int length = 0;
            if (X509_digest(own, EVP_sha256(), digest, &length) == 1)
                impl.thumbprint = QByteArray(reinterpret_cast<const char *>(digest), int(length));
        }
    }
    return client;
}

Result<void> HttpsClient::connect()
{
    return d->open();
}

void HttpsClient::close()
{
    if (!d->stream)
        return;
    beast::error_code ec;
    beast::get_lowest_layer(*d->stream).socket().shutdown(tcp::socket::shutdown_both, ec);
    beast::get_lowest_layer(*d->stream).socket().close(ec);
    d->stream.reset();
}

bool HttpsClient::isConnected() const
{
    return d->stream.has_value();
}

QByteArray HttpsClient::certificateThumbprint() const
{
    return d->thumbprint;
}

qint64 HttpsClient::bytesSent() const
{
    return d->sent;
}

qint64 HttpsClient::bytesReceived() const
{
    return d->received;
}

qint64 HttpsClient::handshakes() const
{
    return d->handshakes;
}

Result<HttpResult> HttpsClient::request(const QByteArray &method, const QString &target,
                                        const QByteArray &body,
                                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    http::request<http::string_body> message;
    message.method_string(std::string(method.constData(), size_t(method.size())));
    message.target(target.toStdString());
    message.version(11);
    message.set(http::field::host, d->options.serverName.toStdString());
    message.set(http::field::user_agent, "mdp-workstation");
    if (!body.isEmpty())
        message.set(http::field::content_type, "application/json");
    for (const auto &[name, value] : headers)
        message.set(std::string(name.constData(), size_t(name.size())),
                    std::string(value.constData(), size_t(value.size())));
    message.body() = std::string(body.constData(), size_t(body.size()));
    message.keep_alive(true);
    message.prepare_payload();

    // A kept-alive connection the server has closed meanwhile fails on first use: one fresh try.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool reused = d->stream.has_value();
        if (!reused) {
            if (auto opened = d->open(); !opened)
                return opened.error();
        }
        auto &lowest = beast::get_lowest_layer(*d->stream);
        beast::error_code ec;
        std::size_t written = 0;
        lowest.expires_after(std::chrono::milliseconds(d->options.timeoutMs));
        http::async_write(*d->stream, message, [&](beast::error_code e, std::size_t n) {
            ec = e;
            written = n;
        });
        d->run();
        http::response_parser<http::string_body> parser;
        parser.body_limit(std::uint64_t(64) << 20);
        std::size_t read = 0;
        if (!ec) {
            lowest.expires_after(std::chrono::milliseconds(d->options.timeoutMs));
            http::async_read(*d->stream, d->buffer, parser, [&](beast::error_code e, std::size_t n) {
                ec = e;
                read = n;
            });
            d->run();
        }
        if (ec) {
            const bool refusedCertificate = ERR_peek_last_error() != 0;
            ERR_clear_error();
            close();
            if (reused && attempt == 0)
                continue;
            if (refusedCertificate)
                return makeError(Error::Code::PermissionDenied,
                                 QStringLiteral("the server refused this certificate: %1")
                                     .arg(QString::fromStdString(ec.message())));
            return makeError(Error::Code::Io, QStringLiteral("the connection to the server broke: %1")
                                                  .arg(QString::fromStdString(ec.message())));
        }
        d->sent += qint64(written);
        d->received += qint64(read);
        const auto &response = parser.get();
        HttpResult result;
        result.status = int(response.result_int());
        result.body = QByteArray::fromStdString(response.body());
        for (const auto &field : response)
            result.headers.append(
                {QByteArray(field.name_string().data(), qsizetype(field.name_string().size())).toLower(),
                 QByteArray(field.value().data(), qsizetype(field.value().size()))});
        if (!response.keep_alive())
            close();
        return result;
    }
    return makeError(Error::Code::Io, QStringLiteral("the connection to the server broke"));
}

} // namespace mdp::net
