#include "mdp/server/AccessToken.h"

#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutexLocker>
#include <QTimeZone>

#include <optional>

namespace mdp::server {

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// ECDSA signatures: DER SEQUENCE{INTEGER r, INTEGER s} (what OpenSSL writes) <-> the fixed 64-byte
// r || s that JWS ES256 uses (RFC 7518 3.4).
QByteArray derToRaw(const QByteArray &der)
{
    auto readInteger = [&](qsizetype &pos) -> QByteArray {
        if (pos + 2 > der.size() || der[pos] != 0x02)
            return {};
        const int length = quint8(der[pos + 1]);
        pos += 2;
        if (length > 33 || pos + length > der.size())
            return {};
        QByteArray value = der.mid(pos, length);
        pos += length;
        while (value.size() > 32 && value.front() == '\0')
            value.remove(0, 1);
        if (value.size() > 32)
            return {};
        return QByteArray(32 - value.size(), '\0') + value;
    };
    if (der.size() < 8 || der[0] != 0x30)
        return {};
    qsizetype pos = (quint8(der[1]) & 0x80) ? 2 + (quint8(der[1]) & 0x7f) : 2;
    const QByteArray r = readInteger(pos);
    const QByteArray s = readInteger(pos);
    if (r.isEmpty() || s.isEmpty())
        return {};
    return r + s;
}

QByteArray rawToDer(const QByteArray &raw)
{
    if (raw.size() != 64)
        return {};
    auto integer = [](QByteArray value) {
        while (value.size() > 1 && value.front() == '\0' && !(quint8(value[1]) & 0x80))
            value.remove(0, 1);
        if (quint8(value.front()) & 0x80)
            value.prepend('\0');
        return QByteArray(1, 0x02) + char(value.size()) + value;
    };
    const QByteArray body = integer(raw.left(32)) + integer(raw.mid(32));
    return QByteArray(1, 0x30) + char(body.size()) + body;
}

Error unauthenticated(const QString &why)
{
    return makeError(Error::Code::Unauthenticated, why);
}

} // namespace

TokenAuthority::TokenAuthority(crypto::SigningKey key, QString issuer, int lifetimeSeconds,
                               const Clock &clock)
    : m_key(std::move(key))
    , m_public(m_key.publicKey())
    , m_issuer(std::move(issuer))
    , m_lifetime(lifetimeSeconds)
    , m_clock(clock)
{}

int TokenAuthority::lifetimeSeconds() const
{
    return m_lifetime;
}

Result<QString> TokenAuthority::issue(const QString &subject, const QStringList &roles, const QString &site,
                                      const QByteArray &certificateThumbprint) const
{
    if (m_key.algorithm() != crypto::SignatureAlgorithm::EcdsaP256)
        return makeError(Error::Code::Unsupported,
                         QStringLiteral("access tokens are signed with ES256 (P-256)"));
    const qint64 now = m_clock.now().toSecsSinceEpoch();
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("ES256")},
                             {QStringLiteral("typ"), QStringLiteral("at+jwt")}};
    const QJsonObject claims{
        {QStringLiteral("iss"), m_issuer},
        {QStringLiteral("sub"), subject},
        {QStringLiteral("aud"), QStringLiteral("mdp-grantd")},
        {QStringLiteral("iat"), now},
        {QStringLiteral("exp"), now + m_lifetime},
        {QStringLiteral("jti"), QString::fromLatin1(crypto::randomBytes(16).toHex())},
        {QStringLiteral("roles"), QJsonArray::fromStringList(roles)},
        {QStringLiteral("site"), site},
        {QStringLiteral("cnf"), QJsonObject{{QStringLiteral("x5t#S256"),
                                             QString::fromLatin1(certificateThumbprint.toBase64(kB64))}}}};
    const QByteArray signingInput = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(kB64) +
                                    '.' + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(kB64);
    auto signature = m_key.sign(signingInput);
    if (!signature)
        return signature.error();
    const QByteArray raw = derToRaw(*signature);
    if (raw.isEmpty())
        return makeError(Error::Code::Crypto, QStringLiteral("unexpected signature encoding"));
    return QString::fromLatin1(signingInput + '.' + raw.toBase64(kB64));
}

Result<TokenClaims> TokenAuthority::verify(QByteArrayView token, const QByteArray &presentedThumbprint) const
{
    if (token.size() > 4096)
        return unauthenticated(QStringLiteral("access token too long"));
    const QByteArray key = token.toByteArray();
    std::optional<TokenClaims> cached;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_verified.constFind(key);
        if (it != m_verified.constEnd())
            cached = *it;
    }
    if (cached) {
        if (m_clock.now() >= cached->expires)
            return unauthenticated(QStringLiteral("access token expired"));
        if (cached->certificateThumbprint != presentedThumbprint)
            return unauthenticated(QStringLiteral("access token bound to another certificate"));
        return *cached;
    }
    const QList<QByteArray> parts = token.toByteArray().split('.');
    if (parts.size() != 3)
        return unauthenticated(QStringLiteral("malformed access token"));
    const auto headerBytes =
        QByteArray::fromBase64Encoding(parts[0], kB64 | QByteArray::AbortOnBase64DecodingErrors);
    const auto claimBytes =
        QByteArray::fromBase64Encoding(parts[1], kB64 | QByteArray::AbortOnBase64DecodingErrors);
    const auto signature =
        QByteArray::fromBase64Encoding(parts[2], kB64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!headerBytes || !claimBytes || !signature)
        return unauthenticated(QStringLiteral("malformed access token"));
    const QJsonObject header = QJsonDocument::fromJson(*headerBytes).object();
    if (header.value(QLatin1String("alg")).toString() != QLatin1String("ES256"))
        return unauthenticated(QStringLiteral("access token algorithm not accepted"));
    const QByteArray signingInput = token.first(parts[0].size() + 1 + parts[1].size()).toByteArray();
    const QByteArray der = rawToDer(*signature);
    if (der.isEmpty() || !m_public.verify(signingInput, der))
        return unauthenticated(QStringLiteral("access token signature does not verify"));
    const QJsonObject claims = QJsonDocument::fromJson(*claimBytes).object();
    TokenClaims out;
    out.subject = claims.value(QLatin1String("sub")).toString();
    for (const QJsonValue role : claims.value(QLatin1String("roles")).toArray())
        out.roles.append(role.toString());
    out.site = claims.value(QLatin1String("site")).toString();
    out.issuedAt =
        QDateTime::fromSecsSinceEpoch(qint64(claims.value(QLatin1String("iat")).toDouble()), Qt::UTC);
    out.expires =
        QDateTime::fromSecsSinceEpoch(qint64(claims.value(QLatin1String("exp")).toDouble()), Qt::UTC);
    out.tokenId = claims.value(QLatin1String("jti")).toString();
    const auto thumb = QByteArray::fromBase64Encoding(
        claims.value(QLatin1String("cnf")).toObject().value(QLatin1String("x5t#S256")).toString().toLatin1(),
        kB64);
    out.certificateThumbprint = thumb ? *thumb : QByteArray();
    if (header.value(QLatin1String("typ")).toString() != QLatin1String("at+jwt") ||
        claims.value(QLatin1String("aud")).toString() != QLatin1String("mdp-grantd"))
        return unauthenticated(QStringLiteral("not an access token for this server"));
    if (claims.value(QLatin1String("iss")).toString() != m_issuer || out.subject.isEmpty())
        return unauthenticated(QStringLiteral("access token not issued here"));
    if (m_clock.now() >= out.expires)
        return unauthenticated(QStringLiteral("access token expired"));
    if (out.certificateThumbprint.isEmpty() || out.certificateThumbprint != presentedThumbprint)
        return unauthenticated(QStringLiteral("access token bound to another certificate"));
    {
        QMutexLocker lock(&m_mutex);
        if (m_verified.size() >= 20000) {
            // Expired ones first; when all are current, start again (the cache only saves work).
            const QDateTime now = m_clock.now();
            for (auto it = m_verified.begin(); it != m_verified.end();)
                it = it->expires <= now ? m_verified.erase(it) : std::next(it);
            if (m_verified.size() >= 20000)
                m_verified.clear();
        }
        m_verified.insert(key, out);
    }
    return out;
}

} // namespace mdp::server
