#include "mdp/registry/Pseudonymizer.h"

#include "mdp/crypto/Hash.h"

namespace mdp::registry {

namespace {

constexpr int kPatientChars = 12; // 60 bits: collisions are checked at insert anyway
constexpr int kProjectChars = 16;

QByteArray uuidBytes(const QUuid &id)
{
    return id.toRfc4122();
}

QString base32(QByteArrayView bytes, int characters)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    QString out;
    out.reserve(characters);
    quint64 buffer = 0;
    int bits = 0;
    for (char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5 && out.size() < characters) {
            out.append(QLatin1Char(alphabet[(buffer >> (bits - 5)) & 0x1f]));
            bits -= 5;
        }
        if (out.size() >= characters)
            break;
    }
    return out;
}

SecureBytes derive(const SecureBytes &key, QByteArrayView info)
{
    return crypto::hkdf(crypto::HashAlgorithm::Sm3, key.view(), QByteArrayView(), info, 32);
}

} // namespace

Pseudonymizer::Pseudonymizer(const SecureBytes &registryKey)
    : m_pseudonymKey(derive(registryKey, "mdp registry patient pseudonym v1"))
    , m_identifierKey(derive(registryKey, "mdp registry identifier index v1"))
    , m_projectRoot(derive(registryKey, "mdp registry project pseudonym v1"))
{}

QString Pseudonymizer::patientPseudonym(const QUuid &patientId) const
{
    const QByteArray mac =
        crypto::hmac(crypto::HashAlgorithm::Sm3, m_pseudonymKey.view(), uuidBytes(patientId));
    return QStringLiteral("P-") + base32(mac, kPatientChars);
}

QString Pseudonymizer::projectPseudonym(QStringView projectId, const QUuid &patientId) const
{
    QByteArray derived = crypto::hmac(crypto::HashAlgorithm::Sm3, m_projectRoot.view(), projectId.toUtf8());
    const SecureBytes projectKey = SecureBytes::takeFrom(derived);
    const QByteArray mac = crypto::hmac(crypto::HashAlgorithm::Sm3, projectKey.view(), uuidBytes(patientId));
    return QStringLiteral("S-") + base32(mac, kProjectChars);
}

QByteArray Pseudonymizer::identifierKey(QStringView typeId, QStringView issuer,
                                        QStringView normalisedValue) const
{
    crypto::Hmac mac(crypto::HashAlgorithm::Sm3, m_identifierKey.view());
    // Unit separators keep ("a", "bc") and ("ab", "c") apart.
    mac.addData(typeId.toUtf8());
    mac.addData("\x1f");
    mac.addData(issuer.toUtf8());
    mac.addData("\x1f");
    mac.addData(normalisedValue.toUtf8());
    return mac.result();
}

bool Pseudonymizer::looksLikePatientPseudonym(QStringView text)
{
    if (text.size() != 2 + kPatientChars || !text.startsWith(u"P-"))
        return false;
    for (QChar c : text.mid(2)) {
        const char16_t u = c.unicode();
        if (!((u >= u'A' && u <= u'Z') || (u >= u'2' && u <= u'7')))
            return false;
    }
    return true;
}

} // namespace mdp::registry
