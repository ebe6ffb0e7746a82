#include "mdp/accounts/PasswordHasher.h"

#include "mdp/crypto/Hash.h"
#include "mdp/crypto/Random.h"
#include "mdp/foundation/SecureBytes.h"

#include <QList>

namespace mdp::accounts {

namespace {

constexpr QStringView kScheme = u"pbkdf2-sm3";

struct ParsedHash
{
    int iterations = 0;
    QByteArray salt;
    QByteArray hash;
};

std::optional<ParsedHash> parse(QStringView encoded)
{
    const QList<QStringView> parts = encoded.split(u'$');
    if (parts.size() != 4 || parts[0] != kScheme)
        return std::nullopt;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1 || iterations > PasswordHasher::kMaximumIterations)
        return std::nullopt;
    const auto salt =
        QByteArray::fromBase64Encoding(parts[2].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const auto hash =
        QByteArray::fromBase64Encoding(parts[3].toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!salt || !hash || salt.decoded.isEmpty() || hash.decoded.size() != PasswordHasher::kHashLength)
        return std::nullopt;
    return ParsedHash{iterations, salt.decoded, hash.decoded};
}

QString encode(int iterations, const QByteArray &salt, QByteArrayView hash)
{
    return kScheme.toString() + u'$' + QString::number(iterations) + u'$' +
           QString::fromLatin1(salt.toBase64()) + u'$' + QString::fromLatin1(hash.toByteArray().toBase64());
}

Result<SecureBytes> derive(const SecureBytes &password, QByteArrayView salt, int iterations)
{
    // NFC so the same password typed through different input methods hashes the same way.
    QString text = QString::fromUtf8(password.view());
    QString normal = text.normalized(QString::NormalizationForm_C);
    QByteArray utf8 = normal.toUtf8();
    if (normal.isSharedWith(text))
        normal.clear();
    else
        secureZero(normal);
    secureZero(text);
    auto derived =
        crypto::pbkdf2(crypto::HashAlgorithm::Sm3, utf8, salt, iterations, PasswordHasher::kHashLength);
    secureZero(utf8);
    return derived;
}

} // namespace

PasswordHasher::PasswordHasher(int iterations)
    : m_iterations(qBound(1, iterations, kMaximumIterations))
{}

Result<QString> PasswordHasher::hash(const SecureBytes &password) const
{
    if (password.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("An empty password cannot be hashed."));
    const QByteArray salt = crypto::randomBytes(kSaltLength);
    auto derived = derive(password, salt, m_iterations);
    if (!derived)
        return derived.error();
    return encode(m_iterations, salt, derived->view());
}

bool PasswordHasher::verify(const SecureBytes &password, QStringView encoded) const
{
    const std::optional<ParsedHash> parsed = parse(encoded);
    if (!parsed || password.isEmpty())
        return false;
    auto derived = derive(password, parsed->salt, parsed->iterations);
    if (!derived)
        return false;
    return crypto::constantTimeEquals(derived->view(), parsed->hash);
}

bool PasswordHasher::needsRehash(QStringView encoded) const
{
    const std::optional<ParsedHash> parsed = parse(encoded);
    return !parsed || parsed->iterations < m_iterations || parsed->salt.size() < kSaltLength;
}

std::optional<int> PasswordHasher::iterationsOf(QStringView encoded)
{
    const std::optional<ParsedHash> parsed = parse(encoded);
    if (!parsed)
        return std::nullopt;
    return parsed->iterations;
}

QString PasswordHasher::decoyHash() const
{
    // A random "hash" has no known preimage; verifying against it costs a full derivation.
    return encode(m_iterations, crypto::randomBytes(kSaltLength), crypto::randomBytes(kHashLength));
}

} // namespace mdp::accounts
