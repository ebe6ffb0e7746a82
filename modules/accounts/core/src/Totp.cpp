#include "mdp/accounts/Totp.h"

#include "mdp/accounts/Base32.h"
#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"

#include <QUrl>

namespace mdp::accounts {

namespace {

crypto::HashAlgorithm hashOf(TotpAlgorithm algorithm)
{
    return algorithm == TotpAlgorithm::Sha256 ? crypto::HashAlgorithm::Sha256 : crypto::HashAlgorithm::Sha1;
}

bool isDigits(QStringView code)
{
    for (QChar c : code) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

QString percentEncoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

QString totpAlgorithmName(TotpAlgorithm algorithm)
{
    return algorithm == TotpAlgorithm::Sha256 ? QStringLiteral("SHA256") : QStringLiteral("SHA1");
}

std::optional<TotpAlgorithm> totpAlgorithmFromName(QStringView name)
{
    if (name.compare(u"SHA1", Qt::CaseInsensitive) == 0)
        return TotpAlgorithm::Sha1;
    if (name.compare(u"SHA256", Qt::CaseInsensitive) == 0)
        return TotpAlgorithm::Sha256;
    return std::nullopt;
}

Totp::Totp(SecureBytes secret, const Clock &clock, TotpParameters parameters)
    : m_secret(std::move(secret))
    , m_clock(&clock)
    , m_parameters(parameters)
{
    if (!m_parameters.isValid())
        m_parameters = TotpParameters{};
}

SecureBytes Totp::generateSecret(int length)
{
    return crypto::randomKey(length);
}

QString Totp::secretBase32() const
{
    return base32Encode(m_secret.view());
}

qint64 Totp::stepAt(const QDateTime &time) const
{
    const qint64 seconds = time.toSecsSinceEpoch();
    // Floor division so times before 1970 (never expected) still map to distinct steps.
    const qint64 period = m_parameters.periodSeconds;
    return seconds >= 0 ? seconds / period : -((-seconds + period - 1) / period);
}

qint64 Totp::currentStep() const
{
    return stepAt(m_clock->now());
}

QString Totp::codeForStep(qint64 step) const
{
    QByteArray counter(8, '\0');
    auto value = quint64(step);
    for (int i = 7; i >= 0; --i) {
        counter[i] = char(value & 0xff);
        value >>= 8;
    }
    QByteArray mac = crypto::hmac(hashOf(m_parameters.algorithm), m_secret.view(), counter);
    // RFC 4226 section 5.3 dynamic truncation.
    const int offset = quint8(mac.at(mac.size() - 1)) & 0x0f;
    const quint32 binary = (quint32(quint8(mac.at(offset)) & 0x7f) << 24) |
                           (quint32(quint8(mac.at(offset + 1))) << 16) |
                           (quint32(quint8(mac.at(offset + 2))) << 8) | quint32(quint8(mac.at(offset + 3)));
    secureZero(mac);
    quint32 modulus = 1;
    for (int i = 0; i < m_parameters.digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, m_parameters.digits, 10, QLatin1Char('0'));
}

QString Totp::codeAt(const QDateTime &time) const
{
    return codeForStep(stepAt(time));
}

QString Totp::currentCode() const
{
    return codeForStep(currentStep());
}

std::optional<qint64> Totp::verify(QStringView code, std::optional<qint64> lastAcceptedStep, int window) const
{
    const QString trimmed = code.trimmed().toString().remove(QLatin1Char(' '));
    if (trimmed.size() != m_parameters.digits || !isDigits(trimmed))
        return std::nullopt;
    const QByteArray given = trimmed.toLatin1();
    const qint64 now = currentStep();
    window = qMax(0, window);
    std::optional<qint64> matched;
    // Every candidate is compared, so the time taken does not tell which step matched.
    for (qint64 step = now - window; step <= now + window; ++step) {
        const bool equal = crypto::constantTimeEquals(codeForStep(step).toLatin1(), given);
        const bool fresh = !lastAcceptedStep || step > *lastAcceptedStep;
        if (equal && fresh)
            matched = step;
    }
    return matched;
}

QString Totp::provisioningUri(const QString &issuer, const QString &accountName) const
{
    // The label's colon stays literal: several authenticator apps do not decode %3A in the label.
    QString uri = QStringLiteral("otpauth://totp/");
    if (!issuer.isEmpty())
        uri += percentEncoded(issuer) + u':';
    uri += percentEncoded(accountName);
    uri += QStringLiteral("?secret=") + secretBase32();
    if (!issuer.isEmpty())
        uri += QStringLiteral("&issuer=") + percentEncoded(issuer);
    uri += QStringLiteral("&algorithm=") + totpAlgorithmName(m_parameters.algorithm);
    uri += QStringLiteral("&digits=") + QString::number(m_parameters.digits);
    uri += QStringLiteral("&period=") + QString::number(m_parameters.periodSeconds);
    return uri;
}

} // namespace mdp::accounts
