#pragma once

#include <QByteArray>
#include <QString>

namespace mdp::deid {

// Replacements derived from one secret key with HMAC-SHA256, so the same original always gets the
// same replacement under the same key and nothing about the original can be read back without it.
class KeyedReplacements
{
public:
    explicit KeyedReplacements(QByteArray key);

    // "2.25." followed by the decimal of a 128-bit UUID (version 8, RFC 9562 variant) made of the
    // HMAC of the UID (PS3.5 B.2).
    QString uid(const QString &original) const;
    // Days to add to every date of this patient: between -3650 and -365.
    int dateOffsetDays(const QString &patientKey) const;
    // "MDP" and 16 hexadecimal digits: replaces the patient ID and name.
    QString pseudonym(const QString &patientKey) const;

private:
    QByteArray mac(const char *purpose, const QString &text) const;
    QByteArray m_key;
};

} // namespace mdp::deid
