#include "KeyedReplacements.h"

#include <QMessageAuthenticationCode>

#include <array>
#include <cstring>

namespace mdp::deid {

KeyedReplacements::KeyedReplacements(QByteArray key)
    : m_key(std::move(key))
{}

QByteArray KeyedReplacements::mac(const char *purpose, const QString &text) const
{
    // The purpose separates the uses: a UID and a patient ID with the same text map unrelated.
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, m_key);
    code.addData(purpose, qsizetype(std::strlen(purpose)));
    code.addData("\0", 1);
    code.addData(text.toUtf8());
    return code.result();
}

QString KeyedReplacements::uid(const QString &original) const
{
    QByteArray bytes = mac("uid", original).left(16);
    bytes[6] = char((uchar(bytes[6]) & 0x0F) | 0x80); // version 8: custom
    bytes[8] = char((uchar(bytes[8]) & 0x3F) | 0x80); // RFC variant
    // Decimal of the 128-bit big-endian number: long division by 10 over four 32-bit limbs.
    std::array<quint32, 4> limbs{};
    for (int i = 0; i < 4; ++i) {
        for (int j = 0; j < 4; ++j)
            limbs[size_t(i)] = (limbs[size_t(i)] << 8) | uchar(bytes[i * 4 + j]);
    }
    QString digits;
    while (limbs[0] || limbs[1] || limbs[2] || limbs[3]) {
        quint64 remainder = 0;
        for (quint32 &limb : limbs) {
            const quint64 current = (remainder << 32) | limb;
            limb = quint32(current / 10);
            remainder = current % 10;
        }
        digits.prepend(QChar(u'0' + char16_t(remainder)));
    }
    return QStringLiteral("2.25.") + (digits.isEmpty() ? QStringLiteral("0") : digits);
}

int KeyedReplacements::dateOffsetDays(const QString &patientKey) const
{
    const QByteArray m = mac("date-offset", patientKey);
    const quint32 value = (quint32(uchar(m[0])) << 24) | (quint32(uchar(m[1])) << 16) |
                          (quint32(uchar(m[2])) << 8) | uchar(m[3]);
    return -int(365 + value % (3650 - 365 + 1));
}

QString KeyedReplacements::pseudonym(const QString &patientKey) const
{
    return QStringLiteral("MDP") + QString::fromLatin1(mac("patient", patientKey).left(8).toHex().toUpper());
}

} // namespace mdp::deid
